"""The ``timeline`` command: a thin layer over the public API.

Each subcommand lives beside the code it drives and registers itself here through a
``register(subparsers)`` function that sets ``func`` (returning an exit code).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..errors import TimelineError

__all__ = ["main", "build_parser"]

EPILOG = """examples:
  timeline extract seeds/us-japan-2plus2-talks.txt --anchor 2024-07-28
  timeline evaluate ../shared/corpora/tbaq --errors
  timeline score GOLD_DIR SYSTEM_DIR
"""


def _registrars() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    from . import commands

    return list(commands.REGISTRARS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Find, normalize and order the temporal expressions of news text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (errors print one line, no traceback)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except (TimelineError, ValueError, OSError) as exc:
        print(f"timeline {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
