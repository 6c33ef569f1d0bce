"""Events -> timeline: a deterministic total order, relations between events, and one
timeline merged from many documents.

Events sort by their known bound: ``earliest``, or ``latest`` when the start is open
("until 2025" sits at the end of 2025, not above events decades earlier); then by
``latest`` (None, unbounded, last), then ``earliest``, then text position, then the
remaining fields, so equal keys mean equal events; an event with no range at all sorts
after every positioned one.
``relation`` compares ranges: a is BEFORE b only when ``a.latest <= b.earliest``.

>>> import pendulum
>>> from timeline.model import Event, Expression
>>> x = Expression("March", 3, 8, "DATE", "2024-03")
>>> a = Event("In March.", 0, 9, x, earliest=pendulum.datetime(2024, 3, 1), latest=pendulum.datetime(2024, 4, 1))
>>> b = Event("Before March.", 0, 13, x, relation="BEFORE", latest=pendulum.datetime(2024, 3, 1))
>>> relation(b, a), relation(a, b), relation(a, a)
('BEFORE', 'AFTER', 'SAME')
>>> [e.relation for e in ordered([a, b])]
['BEFORE', 'ON']
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .dedupe import deduplicate
from ..model import Document, Event
from ..values.timex3 import year_of

__all__ = ["TIME_RELATIONS", "position", "sort_key", "ordered", "relation", "source_id", "Timeline", "merge"]

#: what ``relation(a, b)`` can answer
TIME_RELATIONS = ("BEFORE", "AFTER", "OVERLAP", "SAME", "UNKNOWN")

_NEG, _POS = float("-inf"), float("inf")


def _ts(d: _dt.datetime | None, missing: float) -> float:
    return missing if d is None else d.timestamp()


#: seconds in a mean Gregorian year, to place a year BC on the same axis as datetimes
_YEAR_SECONDS = 365.2425 * 86400


def _era_position(e: Event) -> float | None:
    """An event dated before our era (no datetime bounds): where its year sits, in seconds
    from 1970 like ``datetime.timestamp`` (44 BC before AD 14 before any datetime)."""
    if e.earliest is not None or e.latest is not None or not e.expression.value.startswith("BC"):
        return None
    year = year_of(e.expression.value)
    return None if year is None else (year - 1970) * _YEAR_SECONDS


def position(e: Event) -> _dt.datetime | None:
    """Where ``e`` sits on the timeline: its earliest bound, or its latest when the start
    is open; None when it has no range at all."""
    return e.earliest if e.earliest is not None else e.latest


def sort_key(e: Event) -> tuple[Any, ...]:
    """The timeline position of ``e``: its known bound, latest, earliest, text position,
    then the rest.

    If ``relation(a, b) == "BEFORE"`` then ``sort_key(a) < sort_key(b)``: a's position is
    at most ``a.latest <= b.earliest``, b's position; when both positions are equal, a's
    start is open and ends where b starts, so a's latest is the smaller.
    """
    x = e.expression
    era = _era_position(e)
    return (
        e.earliest is None and e.latest is None and era is None,  # events with no range at all go last
        _ts(position(e), _NEG) if era is None else era,
        _ts(e.latest, _POS),
        _ts(e.earliest, _NEG),
        e.start,
        e.end,
        e.sources,
        e.text,
        x.start,
        x.end,
        x.value,
        x.mod or "",
        x.type,
        e.relation,
        e.trigger or "",
        -1 if e.trigger_start is None else e.trigger_start,
    )


def ordered(events: Iterable[Event]) -> tuple[Event, ...]:
    """``events`` in timeline order."""
    return tuple(sorted(events, key=sort_key))


def relation(a: Event, b: Event) -> str:
    """BEFORE, AFTER, OVERLAP, SAME or UNKNOWN: how ``a``'s range stands to ``b``'s.

    A missing bound (None) is unbounded on that side; an event with no range at all
    gives UNKNOWN.
    """
    for e, name in ((a, "a"), (b, "b")):
        if not isinstance(e, Event):
            raise TypeError(f"{name} must be an Event, got {type(e).__name__}")
    if (a.earliest is None and a.latest is None) or (b.earliest is None and b.latest is None):
        return "UNKNOWN"
    ea, la = _ts(a.earliest, _NEG), _ts(a.latest, _POS)
    eb, lb = _ts(b.earliest, _NEG), _ts(b.latest, _POS)
    if (ea, la) == (eb, lb):
        return "SAME"
    if la <= eb:
        return "BEFORE"
    if lb <= ea:
        return "AFTER"
    return "OVERLAP"


def source_id(doc: Document) -> str:
    """The document's ``source``, or a stable id made from its text and anchor."""
    if doc.source:
        return doc.source
    digest = hashlib.sha1(f"{doc.anchor.isoformat()}\n{doc.text}".encode()).hexdigest()
    return f"sha1:{digest[:12]}"


@attrs.frozen(slots=True)
class Timeline:
    """One ordered timeline from many documents; near-identical events merged.

    ``events`` are in timeline order, each naming every document it was found in;
    ``sources`` lists the documents' ids, sorted.
    """

    events: tuple[Event, ...]
    sources: tuple[str, ...]

    @classmethod
    def from_documents(cls, *documents: Document) -> Timeline:
        """Merge the events of ``documents`` (each with its own anchor and source id)."""
        events: list[Event] = []
        ids: set[str] = set()
        for i, doc in enumerate(documents):
            if not isinstance(doc, Document):
                raise TypeError(f"documents[{i}] must be a Document, got {type(doc).__name__}")
            sid = source_id(doc)
            ids.add(sid)
            events += [e if e.sources else attrs.evolve(e, sources=(sid,)) for e in doc.events]
        merged = deduplicate(ordered(events))
        return cls(events=ordered(merged), sources=tuple(sorted(ids)))

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)


def merge(*documents: Document) -> Timeline:
    """One ordered timeline across ``documents``; the result does not depend on their order.

    >>> from timeline import parse
    >>> a = parse("The ministers met on Sunday.", anchor="2024-07-28", source="wire")
    >>> b = parse("The ministers met on Sunday.", anchor="2024-07-28", source="paper")
    >>> [(e.value, e.sources) for e in merge(a, b)]
    [('2024-07-28', ('paper', 'wire'))]
    """
    return Timeline.from_documents(*documents)
