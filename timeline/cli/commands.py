"""The list of subcommand registrars the CLI builds itself from (one line per module)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from . import evaluate, extract

REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []
REGISTRARS.append(extract.register)
REGISTRARS.append(evaluate.register)
