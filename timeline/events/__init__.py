"""Expressions -> events: what happened when, in timeline order.

An event is made for every expression that has a place in time (a DATE or TIME, or an
anchored duration, with a range); bare durations and sets are attributes, not events.
Its text is the clause that holds the expression with its verb (``clauses``); the cue
before the expression gives the relation (``relations``); the word lists live in
``lexicon/en/events.toml`` (``words``). ``records`` makes the events in text order;
``build_events`` de-duplicates them (``timeline.events.dedupe``) and orders them
(``timeline.events.order``). See docs/events.md.

>>> import pendulum
>>> from timeline.model import Expression
>>> text = "Talks ended. Ministers met after the vote on Monday."
>>> x = Expression("Monday", text.find("Monday"), text.find("Monday") + 6, "DATE", "2024-07-22")
>>> [(e.text, e.relation, e.trigger, str(e.earliest.date()), e.latest)
...  for e in build_events(text, [x], pendulum.datetime(2024, 7, 28))]
[('Ministers met after the vote on Monday.', 'AFTER', 'met', '2024-07-23', None)]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from .dedupe import Merger
from ..model import Event, Expression
from .order import ordered
from ..sentences import sentences
from .find import Record, find_events, records, to_event
from .relations import event_range, expression_range, relation_of
from .words import lexicon

__all__ = [
    "build_events",
    "find_events",
    "sentences",
    "event_range",
    "expression_range",
    "relation_of",
    "lexicon",
]


def build_events(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None = None
) -> tuple[Event, ...]:
    """The events of ``text``, one per repeated sentence, in timeline order.

    ``expressions`` are the document's expressions (any order); ``anchor`` is used only
    to compute a range the tagger left empty; ``source`` names the document in
    ``Event.sources``. A sentence printed twice (also a truncated copy) yields one event,
    from the complete copy.
    """
    # de-duplicated as they come: a long text's repeated events are never all held
    sources = (source,) if source else ()
    merger: Merger[Record] = Merger(lambda r: (sources, r[0], r[1], text[r[0] : r[1]], r[2].start, r[6][0] if r[6] else ""))
    for r in records(text, expressions, anchor):
        merger.add(r, r[2].value, r[3], text[r[0] : r[1]], sources, r[7])
    kept = [to_event(text, r, sources if merged is None else merged) for r, merged in merger.groups()]
    del merger  # freed before the events are sorted
    return ordered(kept)
