"""How often do our events place a gold event at its gold time? (TBAQ / TempEval-3)

Of the gold TLINKs between an EVENT and a TIMEX3, the share for which one of our events
(1) has a text span containing the gold EVENT, (2) is dated by an expression overlapping
the TIMEX3, and (3) has a relation compatible with the gold relType. Links to the document
creation time (outside the text) are counted apart: our events are dated by expressions in
the text, so they can only match such links through an expression that repeats the DCT.

Also counts the event texts that hold no verb: no gold EVENT that TimeML marks as verbal
(a MAKEINSTANCE with ``pos="VERB"`` or a tense other than NONE) lies inside the text.
Fragments such as "since 1998." or "Last quarter" are what this measures; a headline
without a verb ("NAIROBI, Kenya (AP) _") counts too, so the floor is above zero.

Two runs: ``tagger`` (expressions from timeline.parse, end to end) and ``gold`` (the gold
TIMEX3s fed to build_events: the events step alone).

    python benchmarks/event_links.py [CORPUS_DIR]      # default ../shared/corpora/tbaq
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from timeline.anchor import to_anchor
from timeline.errors import InvalidAnchorError
from timeline.events import build_events
from timeline.model import Event, Expression
from timeline.pipeline import parse
from timeline.evaluation.timeml import GoldDocument, iter_tml, read_timeml

#: gold relType of the event relative to the time -> our relations it is compatible with
COMPATIBLE = {
    "IS_INCLUDED": {"ON"},
    "DURING": {"ON"},
    "SIMULTANEOUS": {"ON"},
    "IDENTITY": {"ON"},
    "INCLUDES": {"ON", "SINCE", "UNTIL"},
    "DURING_INV": {"ON", "SINCE", "UNTIL"},
    "BEGINS": {"ON", "SINCE"},
    "BEGUN_BY": {"ON", "SINCE"},
    "ENDS": {"ON", "UNTIL"},
    "ENDED_BY": {"ON", "UNTIL"},
    "BEFORE": {"BEFORE", "UNTIL"},
    "IBEFORE": {"BEFORE", "UNTIL"},
    "AFTER": {"AFTER", "SINCE"},
    "IAFTER": {"AFTER", "SINCE"},
}
#: relType of "time rel event" read as "event rel time"
INVERSE = {
    "BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
    "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS", "ENDS": "ENDED_BY", "ENDED_BY": "ENDS", "DURING": "DURING_INV",
    "DURING_INV": "DURING", "SIMULTANEOUS": "SIMULTANEOUS", "IDENTITY": "IDENTITY",
}


_INSTANCE = re.compile(r"<MAKEINSTANCE\b[^>]*>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _verbal_spans(path: Path, gold: GoldDocument) -> list[tuple[int, int]]:
    """Spans of the gold EVENTs that some MAKEINSTANCE marks as a verb (pos VERB or a tense)."""
    verbal: set[str] = set()
    for m in _INSTANCE.finditer(path.read_text("utf-8")):
        attrs = dict(_ATTR.findall(m.group()))
        if attrs.get("pos") == "VERB" or attrs.get("tense", "NONE") not in ("NONE", ""):
            verbal.add(attrs.get("eventID", ""))
    return [(e.start, e.end) for e in gold.events if e.eid in verbal]


def _verbless(ours: tuple[Event, ...], verbs: list[tuple[int, int]]) -> int:
    """How many of ``ours`` hold no gold verbal EVENT in their text."""
    return sum(not any(e.start <= s and t <= e.end for s, t in verbs) for e in ours)


def _overlaps(x: Expression, start: int, end: int) -> bool:
    return x.start < end and start < x.end


def _links(gold: GoldDocument) -> Iterator[tuple[tuple[int, int], tuple[int, int] | None, str]]:
    """(event span, timex span or None for the DCT, relType event-rel-time) per event-time TLINK."""
    events = {e.eid: e for e in gold.events}
    timex = {t: (x.start, x.end) for t, x in zip(gold.timex_ids, gold.expressions)}
    for link in gold.links:
        if link.event and link.related_time:
            eid, tid, rel = link.event, link.related_time, link.rel_type
        elif link.time and link.related_event:
            eid, tid, rel = link.related_event, link.time, INVERSE.get(link.rel_type, link.rel_type)
        else:
            continue
        if eid in events:
            ev = events[eid]
            yield (ev.start, ev.end), timex.get(tid), rel


def _placed(ours: tuple[Event, ...], ev: tuple[int, int], tx: tuple[int, int], rel: str) -> bool:
    return any(
        e.start <= ev[0] and ev[1] <= e.end
        and _overlaps(e.expression, *tx)
        and e.relation in COMPATIBLE.get(rel, set())
        for e in ours
    )


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "tbaq"
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    t0 = time.perf_counter()
    for path in iter_tml(corpus):
        gold = read_timeml(path)
        try:
            anchor = to_anchor(gold.anchor or "")
        except InvalidAnchorError:
            counts["docs without a usable DCT"] += 1
            continue
        counts["docs"] += 1
        runs = {
            "gold": build_events(gold.text, gold.expressions, anchor),
            "tagger": parse(gold.text, anchor).events,
        }
        for ev, tx, rel in _links(gold):
            where = "dct" if tx is None else "text"
            counts[f"links {where}"] += 1
            for name, ours in runs.items():
                if tx is not None and _placed(ours, ev, tx, rel):
                    counts[f"{name} placed {where}"] += 1
                if tx is not None and any(
                    e.start <= ev[0] and ev[1] <= e.end and _overlaps(e.expression, *tx) for e in ours
                ):
                    counts[f"{name} span+time {where}"] += 1
        verbs = _verbal_spans(path, gold)
        for name, ours in runs.items():
            counts[f"{name} events"] += len(ours)
            counts[f"{name} verbless"] += _verbless(ours, verbs)
    secs = time.perf_counter() - t0
    n_text, n_dct = counts["links text"], counts["links dct"]
    print(f"corpus: {corpus}  docs: {counts['docs']}  ({secs:.1f} s)")
    print(f"gold EVENT-TIMEX3 TLINKs: {n_text + n_dct} ({n_text} to a TIMEX3 in the text, {n_dct} to the DCT)")
    for name in ("tagger", "gold"):
        if f"{name} events" not in counts:
            continue
        placed, spanned = counts[f"{name} placed text"], counts[f"{name} span+time text"]
        print(
            f"[{name} expressions] events: {counts[f'{name} events']}; "
            f"placed at that time (span + time + relation): {placed}/{n_text} = {placed / max(n_text, 1):.1%} "
            f"of in-text links, {placed / max(n_text + n_dct, 1):.1%} of all; "
            f"span + time only: {spanned / max(n_text, 1):.1%}"
        )
        n_events, verbless = counts[f"{name} events"], counts[f"{name} verbless"]
        print(
            f"[{name} expressions] event texts without a verb (no gold verbal EVENT inside): "
            f"{verbless}/{n_events} = {verbless / max(n_events, 1):.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
