"""Where do the wrong values on TBAQ come from? (TempEval-3 Task A)

Runs the tagger on every TBAQ document, pairs its expressions with the gold ones as
``timeline evaluate`` does, and sorts each matched pair whose value differs into a kind:

* kinds where the gold value writes what we write in another notation, or follows a
  TimeBank habit that the TimeML guidelines (and our brief) decide the other way:
  ``-XX`` added to a year (``1968-XX``), week numbers without a leading zero (``2000-W7``),
  decades with an ``X`` (``198X``), a bare date for "Friday night" (we write ``...TNI``),
  "last week" as ``1989-WXX`` (we write the week);
* kinds where the reading itself differs: a day, a quarter, a duration for a date or the
  reverse, a duration's amount, a vague reference, and the rest.

It prints the count of each kind with a few examples, then value F1 as measured and as it
would be if the notation-only kinds were counted right: the second figure is no goal
(the guidelines win), it says how much of the gap to a perfect score is notation.

    python benchmarks/value_errors.py [CORPUS_DIR] [--domain D] [--examples N]   # default ../shared/corpora/tbaq
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import attrs

from timeline.evaluation.score import score_document, total
from timeline.pipeline import parse
from timeline.evaluation.timeml import iter_tml, read_timeml

#: kinds that differ in notation or in a TimeBank habit the guidelines decide otherwise
NOTATION = ("year with -XX", "week number unpadded", "decade with X", "bare date for a part of day", "week as WXX")

_PART = re.compile(r"T(?:NI|MO|AF|EV|DT)$")
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def kind(gold: str, system: str) -> str:
    """The kind of a wrong value (gold vs system)."""
    if re.sub(r"(?:-XX)+$", "", gold) == system:
        return "year with -XX"
    if re.sub(r"-W(\d)$", r"-W0\1", gold) == system:
        return "week number unpadded"
    if gold.endswith("X") and gold.rstrip("X") == system:
        return "decade with X"
    if _PART.search(system) and _PART.sub("", system) == _PART.sub("", gold):
        return "bare date for a part of day" if not _PART.search(gold) else "part of day"
    if "WXX" in gold and re.search(r"-W\d\d", system):
        return "week as WXX"
    if _DAY.match(gold) and re.match(r"\d{4}-\d\d-\d\d", system) or "T" in gold and "T" in system:
        return "another day"
    if "Q" in gold or "Q" in system:
        return "quarter or year"
    if gold.startswith("P") and system.startswith("P"):
        return "duration amount or unit"
    if gold.startswith("P") != system.startswith("P"):
        return "duration vs point"
    if gold.endswith("_REF") or system.endswith("_REF"):
        return "vague reference"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/tbaq")
    ap.add_argument("--examples", type=int, default=3, metavar="N", help="examples per kind")
    ap.add_argument("--domain", default="news", help="news, narrative (WikiWars) or colloquial (tweets)")
    args = ap.parse_args(argv)
    if not Path(args.corpus).is_dir():
        print(f"value_errors: no corpus at {args.corpus}: skipped", file=sys.stderr)
        return 0
    results = []
    for path in iter_tml(args.corpus):
        gold = read_timeml(path)
        if gold.anchor is None:
            continue
        doc = parse(gold.text, anchor=gold.anchor, domain=args.domain)
        results.append(score_document(gold.doc_id, gold.text, gold.expressions, doc.expressions))
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for m in r.alignment.matches:
            g, s = m.gold.value or "", m.system.value or ""
            if g != s:
                k = kind(g, s)
                counts[k] += 1
                examples[k].append(f"{r.doc_id}: {m.gold.text!r} gold {g} system {s}")
    score = total(results)
    wrong = sum(counts.values())
    print(f"wrong values: {wrong} of {score.relaxed} matched expressions")
    for k, n in counts.most_common():
        tag = "  (notation)" if k in NOTATION else ""
        print(f"{n:5d}  {k}{tag}")
        for line in examples[k][: args.examples]:
            print(f"         {line}")
    notation = sum(counts[k] for k in NOTATION)
    lenient = attrs.evolve(score, value_correct=score.value_correct + notation)
    print()
    print(f"value F1 {100 * score.value_f1:.2f}; with the {notation} notation-only differences "
          f"counted right: {100 * lenient.value_f1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
