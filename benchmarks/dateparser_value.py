"""What dateparser's ``search_dates`` would add as an adapter for the dates the rules miss
(issue 14, point 7). Not a test: a script; needs the ``bench`` extra (``make bench``
installs it).

    .venv/bin/python benchmarks/dateparser_value.py

For each corpus: the gold TIMEX3 that no expression of ours overlaps (what we miss), how
many of those one of dateparser's finds overlaps with the same date (value prefix, as far
as the gold value goes: ``2014-12`` agrees with any day of that month) or with another,
and how many strings dateparser finds where neither the gold nor we have an expression
(what an adapter would add as false positives unless something filtered them).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import timeline
from timeline.anchor import to_anchor
from timeline.evaluation.score import read_timeml
from timeline.evaluation.timeml import iter_tml

CORPORA = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
PARTS = (("tbaq", "news"), ("tweets-train", "colloquial"), ("wikiwars-train", "narrative"))

Span = tuple[int, int]


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def _found(text: str, anchor: str) -> list[tuple[int, int, dt.datetime]]:
    """dateparser's finds as spans of ``text`` (it gives strings: found in order)."""
    from dateparser.search import search_dates

    a = to_anchor(anchor)
    base = dt.datetime(a.year, a.month, a.day, a.hour, a.minute, a.second)
    out, pos = [], 0
    for s, date in search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or ():
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i >= 0:
            out.append((i, i + len(s), date))
            pos = i + len(s)
    return out


def _same_date(value: str, date: dt.datetime) -> bool:
    head = value[:10]
    return head[:4].isdigit() and date.strftime("%Y-%m-%d").startswith(head)


def main() -> int:
    for folder, domain in PARTS:
        path = CORPORA / folder
        if not path.is_dir():
            print(f"{folder}: not found at {path}, skipped")
            continue
        gold_n = missed = right = other = extra = 0
        for p in iter_tml(path):
            gold = read_timeml(p)
            if not gold.anchor:
                continue
            ours = [(x.start, x.end) for x in timeline.parse(gold.text, gold.anchor, domain=domain).expressions]
            golds = [(x.start, x.end, x.value) for x in gold.expressions]
            theirs = _found(gold.text, gold.anchor)
            gold_n += len(golds)
            for s, e, value in golds:
                if _overlaps((s, e), ours):
                    continue
                missed += 1
                dates = [d for ds, de, d in theirs if ds < e and s < de]
                if dates:
                    if any(_same_date(value, d) for d in dates):
                        right += 1
                    else:
                        other += 1
            spans = [(s, e) for s, e, _ in golds] + ours
            extra += sum(not _overlaps((s, e), spans) for s, e, _ in theirs)
        print(f"{folder} ({domain}): {gold_n} gold expressions, {missed} missed by timeline; "
              f"dateparser finds {right} of those with the same date and {other} with another; "
              f"{extra} finds where neither the gold nor timeline has an expression")
    return 0


if __name__ == "__main__":
    sys.exit(main())
