"""The list of subcommand registrars the CLI builds itself from (one line per module)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = []

from . import extract_cli  # noqa: E402

REGISTRARS.append(extract_cli.register)
