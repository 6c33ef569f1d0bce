"""Robustness figures: time per MB on pathological text, linear growth, and a review of
every regular expression for catastrophic backtracking.

    python benchmarks/robustness.py                 # every case, 10 MB document, 600 s limit
    python benchmarks/robustness.py --size-mb 1 --timeout 120
    python benchmarks/robustness.py --audit         # the regex review only (fast)
    python benchmarks/robustness.py --audit --scan  # and time each pattern on repeated probes

Each timed case runs in a fresh subprocess with a time limit, so a case that never ends
is reported as such instead of hanging the run. For each case the text is also tagged at
a quarter of its length: the ratio of the two times should be near 4 (linear); much more
than 4 means the work grows faster than the text.

The regex review walks the parsed form of every pattern (the rules of every case policy,
and every module-level pattern of the package) and flags a
repetition nested inside another repetition (``(a+)+``, ``(\\s+\\w+)*``): the shape that
can backtrack exponentially. Each flagged pattern must be listed in ``REVIEWED`` with the
reason it is safe (tests/test_robustness.py checks this).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "us-japan-2plus2-talks.txt"
ANCHOR = "2024-07-28"

#: name -> (unit, repetitions) of the pathological inputs of issue 6
CASES: dict[str, tuple[str, int]] = {
    "'1 ' x 50,000": ("1 ", 50_000),
    "'-' x 100,000": ("-", 100_000),
    "'March ' x 20,000": ("March ", 20_000),
    "'((((' x 20,000": ("((((", 20_000),
    "'1,' x 50,000": ("1,", 50_000),
}

#: patterns with a nested repetition that were read and found safe, with the reason
REVIEWED: dict[str, str] = {
    "timeline.values.timex3._DUR_RE": (
        "each repetition of (amount unit)+ ends with a unit letter, which the amount "
        "(digits, '.', X) cannot match: a string splits into repetitions one way only"
    ),
    "rule veto_count_address (any_case=False)": (
        "(?:[A-Z][a-z]+\\s+){1,3}: at most three repetitions, each ending in whitespace, which "
        "[a-z] cannot match: one way to split"
    ),
    "rule veto_count_address (any_case=True)": (
        "(?:[A-Z][a-z]+\\s+){1,3}: at most three repetitions, each ending in whitespace, which "
        "[a-z] cannot match: one way to split"
    ),
    "timeline.events.words.TOKEN": (
        "\\w+(?:['’-]\\w+)*: each repetition starts with an apostrophe or hyphen, which \\w "
        "cannot match: one way to split"
    ),
}

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}


def _nested(items: object, inside_repeat: bool) -> bool:
    """True when a repetition of unbounded (or large) count sits inside another repetition."""
    for op, av in items:  # type: ignore[attr-defined]
        if op in _REPEATS:
            _lo, hi, body = av
            unbounded = hi == sre_constants.MAXREPEAT or hi > 50
            if unbounded and inside_repeat:
                return True
            if _nested(body, inside_repeat or hi > 1):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested(av[-1], inside_repeat):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested(b, inside_repeat) for b in av[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _nested(av[1], inside_repeat):
                return True
    return False


def has_nested_repeat(pattern: re.Pattern[str]) -> bool:
    """True when ``pattern`` repeats something that itself repeats without bound.

    >>> has_nested_repeat(re.compile(r"(a+)+b")), has_nested_repeat(re.compile(r"a+b+"))
    (True, False)
    """
    return _nested(sre_parse.parse(pattern.pattern, pattern.flags), False)


def all_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every regular expression the tagger runs, by name."""
    import timeline
    from timeline.rules import ruleset

    for any_case in (False, True):
        rs = ruleset("en", any_case=any_case)
        for rule in rs.rules:
            yield f"rule {rule.name} (any_case={any_case})", rule.regex
    for mod in pkgutil.walk_packages(timeline.__path__, "timeline."):
        try:
            module = importlib.import_module(mod.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{mod.name}.{attr}", value
    from timeline.tagging.tense import _cues

    for i, p in enumerate(_cues()):
        if isinstance(p, re.Pattern):
            yield f"timeline.tagging.tense._cues()[{i}]", p


def audit() -> tuple[int, list[str]]:
    """(how many patterns were read, the names of those with a nested repetition)."""
    seen, flagged = 0, []
    for name, p in all_patterns():
        seen += 1
        if has_nested_repeat(p):
            flagged.append(name)
    return seen, flagged


#: units repeated to probe each pattern on its own (what its quantifiers could loop over)
PROBES = ("1 ", " ", "1", "March ", "early ", "the ", "1,", "1.1", "a.m. ", "-", "'", "Monday, ", "of ", "\n")


def _best(p: re.Pattern[str], text: str, tries: int = 2) -> float:
    best = float("inf")
    for _ in range(tries):
        t = time.perf_counter()
        for _ in p.finditer(text):
            pass
        best = min(best, time.perf_counter() - t)
    return best


def scan_ratios(n: int = 1_000) -> list[tuple[float, float, str, str]]:
    """(time at 4n / time at n, time at 4n, pattern, probe) for every pattern and probe,
    worst first: a ratio near 4 is linear, near 16 quadratic. The tagger searches only
    windows around trigger words, which bounds a run of spaces but not a run of triggers
    (digits, month names)."""
    out = []
    for name, p in all_patterns():
        for probe in PROBES:
            small, large = _best(p, probe * n), _best(p, probe * 4 * n)
            if large > 0.005:  # too fast to tell otherwise
                out.append((large / max(small, 1e-9), large, name, probe))
    return sorted(out, reverse=True)


def document(size_mb: float) -> str:
    """A news document of about ``size_mb`` MB: the seed article repeated."""
    text = SEED.read_text(encoding="utf-8")
    return text * max(1, int(size_mb * 1_000_000 / len(text.encode("utf-8"))))


_CHILD = """
import sys, time, timeline
text = sys.stdin.read()
timeline.parse("warm up 2019", anchor="{anchor}")
t = time.perf_counter()
doc = timeline.parse(text, anchor="{anchor}")
print(time.perf_counter() - t, len(doc.expressions))
"""


def timed(text: str, timeout: float) -> tuple[float, int] | None:
    """(seconds, expressions) for tagging ``text`` in a fresh process; None on time-out."""
    try:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD.format(anchor=ANCHOR)],
            input=text, capture_output=True, text=True, timeout=timeout, check=True,
        ).stdout.split()
    except subprocess.TimeoutExpired:
        return None
    return float(out[0]), int(out[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=10.0, help="size of the news document (default 10)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per run (default 600)")
    ap.add_argument("--audit", action="store_true", help="only review the regular expressions")
    ap.add_argument("--scan", action="store_true", help="also time every pattern on repeated probes (slow)")
    args = ap.parse_args(argv)

    seen, flagged = audit()
    print(f"regex review: {seen} patterns read, {len(flagged)} with a nested repetition")
    for name in flagged:
        print(f"  {name}: {REVIEWED.get(name, 'NOT REVIEWED')}")
    if args.scan:
        print("\nfastest-growing pattern scans (time on 4,000 probes / on 1,000; 4 is linear):")
        for ratio, large, name, probe in scan_ratios()[:10]:
            print(f"  {ratio:5.1f}  ({large:.3f} s)  {name}  on {probe!r} repeated")
    if args.audit:
        return 1 if any(n not in REVIEWED for n in flagged) else 0

    cases = {name: unit * n for name, (unit, n) in CASES.items()}
    cases[f"news document ({args.size_mb:g} MB)"] = document(args.size_mb)
    print(f"\n{'case':<28}{'chars':>12}{'expr':>9}{'seconds':>10}{'s/MB':>9}{'t(n)/t(n/4)':>13}")
    for name, text in cases.items():
        mb = len(text.encode("utf-8")) / 1e6
        full = timed(text, args.timeout)
        if full is None:
            print(f"{name:<28}{len(text):>12,}{'':>9}{'> ' + str(int(args.timeout)):>10}   did not finish")
            continue
        quarter = timed(text[: len(text) // 4], args.timeout)
        ratio = f"{full[0] / quarter[0]:.1f}" if quarter and quarter[0] > 0 else "?"
        print(f"{name:<28}{len(text):>12,}{full[1]:>9,}{full[0]:>10.2f}{full[0] / mb:>9.2f}{ratio:>13}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    code = main()
    print(f"\n(total {time.perf_counter() - t0:.0f} s)")
    sys.exit(code)
