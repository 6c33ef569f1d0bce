"""The list of subcommand registrars the CLI builds itself from (one line per module)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from . import evaluate, extract_cli

REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []
REGISTRARS.append(extract_cli.register)
REGISTRARS.append(evaluate.register)
