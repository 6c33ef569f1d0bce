"""``timeline extract``: files, folders or stdin in; a table, JSON, CSV, TimelineJS, iCal,
TimeML or an HTML timeline out.

Each input is read as UTF-8, parsed with ``timeline.parse`` against ``--anchor`` (TimeML
input may bring its own date in its DCT) and written in ``--format``. A bad input never
stops a batch: its error is one line on stderr, the others are still processed, and a
summary counts the failures (exit status 1). Bad options (format, domain, anchor), and an
``-o`` that would overwrite one of the inputs, stop everything at once with one line
(exit status 2) before anything is written. Entries a format has no place for are named
on stderr with their input and the reason.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from ..anchor import to_anchor
from ..errors import InputFileError, TimelineError, UnknownOptionError
from ..export import EXTENSIONS, FORMATS, Omission, check_format, render
from ..model import DOMAINS, Document
from ..pipeline import parse  # tests replace this reference with a stub
from ..evaluation.timeml import read_timeml

__all__ = ["register", "run", "Input", "collect_inputs", "read_input"]

PROG = "timeline extract"

EXAMPLES = """examples:
  timeline extract seeds/us-japan-2plus2-talks.txt --anchor 2024-07-28
  timeline extract article.txt --anchor 2024-07-28 --format ics -o article.ics
  timeline extract articles/ --anchor 2024-07-28 --format csv -o out/      one .csv per .txt
  timeline extract articles/ --glob '*.md' --anchor 2024-07-28 --format jsonl > all.jsonl
  timeline extract corpus/ --glob '*.tml' --format timeml -o tagged/       anchors from each DCT
  timeline extract article.txt --anchor 2024-07-28 --format html -o article.html
  echo "We met on Sunday." | timeline extract - --anchor 2024-07-28 --format json

formats: table (default on a terminal; jsonl when piped), json, jsonl, csv, timelinejs,
ics, timeml, html. See docs/cli.md, docs/formats.md and docs/html.md.
"""


@attrs.frozen(slots=True)
class Input:
    """One input: a file (``path``) or stdin (``path is None``), the name to show, and
    where its output goes under ``-o DIR`` (relative)."""

    path: Path | None
    name: str
    out_rel: Path

    @property
    def is_timeml(self) -> bool:
        return self.path is not None and self.path.suffix.lower() in (".tml", ".timeml")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``extract`` to the ``timeline`` command."""
    p = subparsers.add_parser(
        "extract",
        help="find and normalize the temporal expressions of files, folders or stdin",
        description=(
            "Find the temporal expressions (and events) of each input, normalized against\n"
            "the anchor (publication date), and write them in the chosen format."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a text file, a folder (searched recursively, see --glob) or - for stdin")
    p.add_argument("--anchor", metavar="DATE",
                   help="publication date, ISO 8601 (2024-07-28 or 2024-07-28T09:30+09:00); "
                        "required unless every input is TimeML (.tml) with a DCT")
    p.add_argument("--domain", default="news", metavar="DOMAIN",
                   help=f"{' | '.join(DOMAINS)} (default: news)")
    p.add_argument("--format", "-f", dest="format", metavar="FORMAT",
                   help=f"{' | '.join(FORMATS)} (default: table on a terminal, else jsonl)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="a file for the output, or a folder (existing, ending in /, or given several "
                        "inputs) for one output per input")
    p.add_argument("--glob", default="*.txt", metavar="PATTERN",
                   help="which files to take from folders (default: *.txt)")
    p.add_argument("--raw-cells", action="store_true",
                   help="csv and timelinejs: write cells as they are, even those a spreadsheet "
                        "would run as a formula (by default a cell starting with =, +, -, @, tab "
                        "or CR gets a leading ')")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar, no summary unless something failed")
    p.set_defaults(func=run)


def _with_ext(rel: Path, fmt: str) -> Path:
    return rel.with_name(rel.stem + "." + EXTENSIONS[fmt]) if rel.name else Path("stdin." + EXTENSIONS[fmt])


def collect_inputs(paths: Sequence[str], pattern: str) -> tuple[list[Input], list[str]]:
    """Expand PATH arguments into inputs (folders recursively, sorted) and error lines."""
    inputs: list[Input] = []
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            inputs.append(Input(None, "<stdin>", Path("stdin")))
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob(pattern) if f.is_file())
            if not found:
                errors.append(f"{raw}: no files match {pattern!r} in this folder (see --glob)")
            inputs += [Input(f, str(f), f.relative_to(p)) for f in found]
        elif p.is_file():
            inputs.append(Input(p, raw, Path(p.name)))
        elif p.exists():
            errors.append(f"{raw}: not a regular file or folder")
        else:
            errors.append(f"{raw}: no such file or directory")
    return inputs, errors


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_input(inp: Input) -> bytes:
    """The bytes of one input; InputFileError naming it when it cannot be read."""
    try:
        if inp.path is None:
            return sys.stdin.buffer.read()
        return inp.path.read_bytes()
    except OSError as exc:
        raise InputFileError(inp.name, exc.strerror or str(exc)) from None


def _document(inp: Input, anchor: object | None, domain: str) -> Document:
    if inp.is_timeml and inp.path is not None:
        tml = read_timeml(inp.path)  # errors name the file; a declared encoding is honoured
        if anchor is None:
            if not tml.anchor:
                raise InputFileError(inp.name, "TimeML without a DCT: give --anchor")
            anchor = to_anchor(tml.anchor)
        return parse(tml.text, anchor=anchor, domain=domain, source=inp.name)
    return parse(_decode(read_input(inp), inp.name), anchor=anchor, domain=domain, source=inp.name)


def _write(text: str, target: Path | None, append: bool = False) -> None:
    if target is None:
        try:
            try:
                sys.stdout.write(text)
            except UnicodeEncodeError:
                sys.stdout.flush()
                sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:  # the reader (head, less) has gone: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "a" if append else "w", encoding="utf-8", newline="") as f:
        f.write(text)


def _is_dir_output(out: str, n_inputs: int) -> bool:
    p = Path(out)
    if p.is_dir() or out.endswith(("/", os.sep)):
        return True
    return n_inputs > 1 and not p.exists() and not p.suffix


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _refuse_inputs(targets: Iterable[Path], inputs: Sequence[Input]) -> None:
    """Raise TimelineError when an output would overwrite an input (nothing is written)."""
    files = [i.path for i in inputs if i.path is not None]
    for target in targets:
        for f in files:
            if _same_file(target, f):
                raise TimelineError(
                    f"-o {target} would overwrite the input {f}; write the output elsewhere"
                )


def _targets(inputs: Sequence[Input], out_dir: Path, fmt: str) -> list[Path]:
    """Where each input's output goes under ``-o DIR`` (numbered when two would collide)."""
    out: list[Path] = []
    for inp in inputs:
        target = out_dir / _with_ext(inp.out_rel, fmt)
        n = 2
        while target in out:
            target = target.with_name(f"{inp.out_rel.stem}-{n}.{EXTENSIONS[fmt]}")
            n += 1
        out.append(target)
    return out


def _left_out_lines(omitted: Sequence[Omission], fmt: str) -> list[str]:
    """One line per input and reason: how many entries the format left out, and which."""
    groups: dict[tuple[str, str], list[str]] = {}
    for o in omitted:
        groups.setdefault((o.source, o.reason), []).append(o.what)
    lines = []
    for (source, reason), whats in groups.items():
        n = len(whats)
        shown = ", ".join(f"“{w}”" for w in whats[:3]) + (", …" if n > 3 else "")
        lines.append(f"{source}: {n} {'entry' if n == 1 else 'entries'} left out of the {fmt} "
                     f"output ({reason}): {shown}")
    return lines


def _progress(items: list[Input], quiet: bool) -> Iterable[Input]:
    if quiet or len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    bar: Iterable[Input] = tqdm(items, desc="extract", unit="file", file=sys.stderr, leave=False)
    return bar


def _say(msg: str) -> None:
    """One line on stderr that does not tear a progress bar."""
    try:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

        tqdm.write(msg, file=sys.stderr)
    except ImportError:  # pragma: no cover
        print(msg, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """The ``extract`` subcommand; returns the exit status."""
    fmt = check_format(args.format or ("table" if sys.stdout.isatty() else "jsonl"))
    if args.domain not in DOMAINS:
        raise UnknownOptionError("domain", args.domain, DOMAINS)
    anchor = to_anchor(args.anchor) if args.anchor is not None else None
    inputs, failures = collect_inputs(args.paths, args.glob)
    if anchor is None:
        undated = [i.name for i in inputs if not i.is_timeml]
        if undated:
            more = f" and {len(undated) - 1} more" if len(undated) > 1 else ""
            raise TimelineError(
                f"--anchor is required (the publication date, e.g. --anchor 2024-07-28) for "
                f"{undated[0]}{more}; only TimeML (.tml) input carries its own date"
            )
    to_dir = args.output is not None and _is_dir_output(args.output, len(inputs))
    if fmt == "timeml" and not to_dir and len(inputs) > 1:
        raise TimelineError(f"TimeML holds one document per file: give -o DIR for {len(inputs)} inputs")
    for msg in failures:
        _say(f"{PROG}: {msg}")

    out_dir = Path(args.output) if to_dir else None
    targets = _targets(inputs, out_dir, fmt) if out_dir is not None else []
    _refuse_inputs(targets or ([Path(args.output)] if args.output else []), inputs)
    raw = bool(getattr(args, "raw_cells", False))
    docs: list[Document] = []
    omitted: list[Omission] = []
    done = 0
    target_of = dict(zip((id(i) for i in inputs), targets))
    for inp in _progress(inputs, args.quiet):
        try:
            doc = _document(inp, anchor, args.domain)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("timeline"):
                raise TimelineError(f"the tagger is not installed ({exc.name} is missing)") from None
            raise
        except (TimelineError, ValueError, OSError) as exc:
            failures.append(str(exc))
            _say(f"{PROG}: {exc}")
            continue
        except Exception as exc:  # a bug in a stage must not end the batch
            failures.append(f"{inp.name}: internal error: {type(exc).__name__}: {exc}")
            _say(f"{PROG}: {failures[-1]}")
            continue
        done += 1
        if out_dir is None and fmt == "jsonl":
            # one line per input, written as it is done: a folder of any size in flat memory
            _write(render(doc, fmt).text, Path(args.output) if args.output else None, append=done > 1)
            continue
        if out_dir is None:
            docs.append(doc)
            continue
        result = render(doc, fmt, defuse_formulas=not raw)
        omitted += result.omitted
        _write(result.text, target_of[id(inp)])

    if docs:
        width = 100
        if args.output is None and sys.stdout.isatty():
            width = max(40, min(120, shutil.get_terminal_size((100, 24)).columns))
        result = render(docs, fmt, width=width, defuse_formulas=not raw)
        omitted += result.omitted
        _write(result.text, Path(args.output) if args.output else None)
    for line in _left_out_lines(omitted, fmt):
        _say(f"{PROG}: {line}")
    total = done + len(failures)
    if failures:
        _say(f"{PROG}: {done} of {total} inputs done, {len(failures)} failed")
        return 1
    if total > 1 and not args.quiet:
        _say(f"{PROG}: {done} inputs done" + (f", written to {out_dir}/" if out_dir else ""))
    return 0
