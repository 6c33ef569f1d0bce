"""``timeline evaluate`` and ``timeline score``: tag TimeML files and score them (TempEval-3)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .. import pipeline
from ..errors import InputFileError, TimelineError
from ..evaluation.score import DocumentResult, format_errors, format_table, score_document, total
from ..evaluation.timeml import GoldDocument, iter_tml, read_timeml, write_timeml
from ..model import DOMAINS, Expression

__all__ = ["register"]




def _tml_files(directory: str, command: str) -> list[Path]:
    root = Path(directory)
    if not root.exists():
        raise InputFileError(root, "no such directory")
    if not root.is_dir():
        raise InputFileError(root, "is not a directory")
    files = list(iter_tml(root))
    if not files:
        raise InputFileError(root, "holds no .tml files")
    return files


def _warn(command: str, message: str) -> None:
    print(f"timeline {command}: {message}", file=sys.stderr)


def _read_all(
    files: Sequence[Path], command: str
) -> tuple[list[tuple[Path, GoldDocument]], int]:
    docs, failed = [], 0
    for path in files:
        try:
            docs.append((path, read_timeml(path)))
        except (TimelineError, ValueError, OSError) as exc:
            _warn(command, f"skipped: {exc}")
            failed += 1
    return docs, failed


def _report(results: list[DocumentResult], errors: bool) -> None:
    print(format_table(total(results)))
    if errors:
        print()
        print(format_errors(results))


def _compile_rules(domain: str) -> None:
    """Compile the rules before the clock runs, so the timing line is the tagging rate."""
    try:
        from ..tagging.tagger import rules_for
    except ImportError:  # no tagger: the first parse says so
        return
    rules_for(domain)


def _run_evaluate(args: argparse.Namespace) -> int:
    files = _tml_files(args.gold_dir, "evaluate")
    if args.limit is not None:
        files = files[: args.limit]
    golds, failed = _read_all(files, "evaluate")
    write_dir = Path(args.write_dir) if args.write_dir else None
    root = Path(args.gold_dir)
    results: list[DocumentResult] = []
    tagging, chars = 0.0, 0
    _compile_rules(args.domain)
    for path, gold in golds:
        if gold.anchor is None:
            _warn("evaluate", f"skipped: {path}: no DCT to anchor the text")
            failed += 1
            continue
        t0 = time.perf_counter()
        try:
            doc = pipeline.parse(gold.text, anchor=gold.anchor, domain=args.domain)
        except ImportError as exc:
            raise TimelineError(f"the tagger is not available ({exc})") from None
        except (TimelineError, ValueError) as exc:
            _warn("evaluate", f"skipped: {path}: {exc}")
            failed += 1
            continue
        tagging += time.perf_counter() - t0
        chars += len(gold.text)
        results.append(score_document(gold.doc_id, gold.text, gold.expressions, doc.expressions))
        if write_dir is not None:
            out = write_dir / path.relative_to(root)
            out.parent.mkdir(parents=True, exist_ok=True)
            markup = write_timeml((gold.text, gold.anchor, doc.expressions), doc_id=gold.doc_id)
            out.write_text(markup, encoding="utf-8")
    _report(results, args.errors)
    n = len(results)
    if tagging > 0:
        print(
            f"\ntagging: {n} documents, {chars} characters in {tagging:.2f} s: "
            f"{n / tagging:.1f} docs/s, {chars / tagging:.0f} chars/s"
        )
    if failed:
        _warn("evaluate", f"{failed} file(s) could not be scored (see above)")
    return 1 if failed else 0


def _run_score(args: argparse.Namespace) -> int:
    gold_files = _tml_files(args.gold_dir, "score")
    sys_root = Path(args.system_dir)
    if not sys_root.is_dir():
        raise InputFileError(sys_root, "no such directory")
    gold_root = Path(args.gold_dir)
    by_rel = {p.relative_to(sys_root).as_posix(): p for p in iter_tml(sys_root)}
    by_name: dict[str, Path] = {}
    for p in by_rel.values():
        by_name.setdefault(p.name, p)
    golds, failed = _read_all(gold_files, "score")
    results: list[DocumentResult] = []
    for path, gold in golds:
        rel = path.relative_to(gold_root).as_posix()
        sys_path = by_rel.get(rel) or by_name.get(path.name)
        system: tuple[Expression, ...] = ()
        if sys_path is None:
            _warn("score", f"no system file for {rel}: counted as empty")
        else:
            try:
                sdoc = read_timeml(sys_path)
            except (TimelineError, ValueError, OSError) as exc:
                _warn("score", f"skipped: {exc}")
                failed += 1
                continue
            if sdoc.text != gold.text:
                _warn("score", f"{sys_path}: text differs from the gold text; offsets may not agree")
            system = sdoc.expressions
        results.append(score_document(gold.doc_id, gold.text, gold.expressions, system))
    _report(results, args.errors)
    if failed:
        _warn("score", f"{failed} file(s) could not be scored (see above)")
    return 1 if failed else 0


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return n


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` and ``score`` subcommands."""
    ev = subparsers.add_parser(
        "evaluate",
        help="tag a TimeML corpus and score it (TempEval-3 Task A)",
        description="Tag the text of every .tml file under GOLD_DIR (anchored at its DCT) "
        "and score the TIMEX3s found against the gold ones.",
    )
    ev.add_argument("gold_dir", metavar="GOLD_DIR")
    ev.add_argument("--errors", action="store_true", help="list every error, grouped by kind")
    ev.add_argument("--domain", choices=DOMAINS, default="news")
    ev.add_argument("--limit", type=_positive, metavar="N", help="only the first N files")
    ev.add_argument("--write-dir", metavar="DIR", help="write the system TimeML files here")
    ev.set_defaults(func=_run_evaluate)

    sc = subparsers.add_parser(
        "score",
        help="score TimeML files of any system against gold (TempEval-3 Task A)",
        description="Score the TIMEX3s of the .tml files under SYSTEM_DIR against those "
        "under GOLD_DIR, files matched by name; a missing system file counts as empty.",
    )
    sc.add_argument("gold_dir", metavar="GOLD_DIR")
    sc.add_argument("system_dir", metavar="SYSTEM_DIR")
    sc.add_argument("--errors", action="store_true", help="list every error, grouped by kind")
    sc.set_defaults(func=_run_score)
