"""Text and expressions -> events in text order: one per dated expression, its text the
clause that holds it with its verb, its relation from the cue before it, its trigger the
verb of what happened. De-duplication and order come after (``timeline.events.build_events``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence

import attrs

from ..values.bounds import Range
from ..values.timex3 import year_of
from ..model import Event, Expression
from ..sentences import is_complete, trim, whole_text_sentences
from .clauses import segments, trigger
from .relations import event_range, expression_range, relation_of
from .words import lexicon

__all__ = ["find_events", "Found", "find", "records", "to_event", "Record", "RESTATE_LIMIT", "MAX_EVENT_CHARS"]

#: segments with more expressions than this skip the "another one restates it" check
RESTATE_LIMIT = 64
#: an event's text is cut to at most this many characters around its expression
MAX_EVENT_CHARS = 600


@attrs.frozen(slots=True)
class Found:
    """An event with what de-duplication prefers: whether its sentence ends with . ! ?,
    and whether it stands apart (not run into its neighbours)."""

    event: Event
    complete: tuple[bool, bool]


def _dated(expr: Expression, anchor: _dt.datetime) -> Range | None:
    if expr.type == "SET":
        return None
    rng = expression_range(expr, anchor)
    if rng == (None, None):
        # a date before our era has no datetime bounds, but it dates its event all the same
        # (ordered by timex3.year_of)
        return rng if expr.value.startswith("BC") and year_of(expr.value) is not None else None
    return rng


def find_events(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None = None
) -> tuple[Event, ...]:
    """The events of ``text`` in text order, before de-duplication (see ``build_events``)."""
    return tuple(f.event for f in find(text, expressions, anchor, source))


def _restates(x: Expression, rng: Range, same: list[tuple[Expression, Range]]) -> bool:
    """True when another expression of the segment says the same more precisely: a range
    inside ``rng`` ("Sunday ... 10 a.m."), or the same range from a calendar value where
    ``x`` has none ("Now ... today"), or the same range said earlier."""
    for y, r in same:
        if y is x or not _within(r, rng):
            continue
        if r != rng:
            return True
        if (y.value[:1].isdigit(), -y.start) > (x.value[:1].isdigit(), -x.start):
            return True
    return False


def _ranges(dated: list[tuple[Expression, Range]]) -> list[tuple[Expression, Range]]:
    """``dated`` with each range ("1939-1945", "from 8 to 10 May") as one item: its start
    end with the whole interval, from the start's earliest to the end's latest. An end
    whose other end is missing, or a range that would be empty, stays as it is."""
    by_start = {x.start: (x, r) for x, r in dated}
    joined: dict[int, Range] = {}  # start offset of the start end -> the whole interval
    for x, (_, hi) in dated:
        if x.range_role != "end" or x.range_other is None:
            continue
        other = by_start.get(x.range_other)
        if other is None or other[0].range_role != "start" or other[0].range_other != x.start:
            continue
        lo = other[1][0]
        if lo is not None and hi is not None and lo < hi:
            joined[other[0].start] = (lo, hi)
    ends = {by_start[s][0].range_other for s in joined}
    return [(x, joined.get(x.start, r)) for x, r in dated if x.start not in ends]


def _opens_range(before: str) -> bool:
    """True when the word right before a range's start opens the range ("from", "between")."""
    words = before.split()
    return bool(words) and words[-1].lower() in lexicon()["relations"]["range_openers"]


#: the four values of ``Found.complete``, shared by every event of a long text
_COMPLETE = {(a, b): (a, b) for a in (False, True) for b in (False, True)}

#: an event as ``find`` makes it, before its text is cut out and its ``Event`` made:
#: (start, end, expression, relation, earliest, latest, trigger, complete)
Record = tuple[int, int, Expression, str, "_dt.datetime | None", "_dt.datetime | None", "tuple[str, int, bool] | None", tuple[bool, bool]]


def find(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None
) -> list[Found]:
    """The events of ``text`` in text order, each with what de-duplication prefers."""
    sources = (source,) if source else ()
    return [Found(to_event(text, r, sources), r[7]) for r in records(text, expressions, anchor)]


def to_event(text: str, r: Record, sources: tuple[str, ...]) -> Event:
    """The ``Event`` of a record."""
    s, e, x, relation, lo, hi, trig, _ = r
    return Event(
        text=text[s:e],
        start=s,
        end=e,
        expression=x,
        relation=relation,
        earliest=lo,
        latest=hi,
        trigger=trig[0] if trig else None,
        trigger_start=trig[1] if trig else None,
        sources=sources,
    )


def records(text: str, expressions: Sequence[Expression], anchor: _dt.datetime) -> Iterator[Record]:
    """The events of ``text`` in text order, as records (a long text's events are many:
    the text of each is cut out only for those de-duplication keeps)."""
    dated = _ranges(
        sorted(
            ((x, r) for x in expressions if (r := _dated(x, anchor)) is not None),
            key=lambda p: (p[0].start, p[0].end),
        )
    )
    first = 0  # sentences and expressions are both in text order: walk them together
    for s0, e0 in whole_text_sentences(text):
        while first < len(dated) and dated[first][0].start < s0:
            first += 1
        last = first
        while last < len(dated) and dated[last][0].start < e0:
            last += 1
        inside = dated[first:last]
        if not inside:
            continue
        complete = _COMPLETE[
            is_complete(text[s0:e0]),
            (s0 == 0 or text[s0 - 1].isspace()) and (e0 == len(text) or text[e0].isspace()),
        ]
        spans = segments(text, s0, e0, [(x.start, x.end) for x, _ in inside])
        by_segment: dict[tuple[int, int], list[tuple[Expression, Range]]] = {}
        for pair, seg in zip(inside, spans):
            by_segment.setdefault(seg, []).append(pair)
        for (x, rng), (s, e) in zip(inside, spans):
            same = by_segment[(s, e)]
            if len(same) <= RESTATE_LIMIT and _restates(x, rng, same):
                continue
            s, e = trim(text, *_around(text, s, e, x))
            trig = trigger(text, (s, e), x)
            # an expression that modifies an event noun dates that noun: ON
            attributive = trig is not None and trig[2]
            past = rng[1] is not None and anchor.tzinfo is not None and rng[1] <= anchor
            ranged = x.range_role == "start" and _opens_range(text[s : x.start])
            relation = "ON" if attributive or ranged else relation_of(text[s : x.start], past=past)
            lo, hi = event_range(relation, rng)
            if lo is not None and hi is not None and not lo < hi:
                continue
            yield s, e, x, relation, lo, hi, trig, complete


def _around(text: str, s: int, e: int, x: Expression) -> tuple[int, int]:
    """``[s, e)``, cut at words to at most MAX_EVENT_CHARS around ``x`` when longer (a
    run of text without sentence or clause breaks is no event text)."""
    if e - s <= MAX_EVENT_CHARS:
        return s, e
    half = MAX_EVENT_CHARS // 2
    lo, hi = max(s, x.start - half), min(e, x.end + half)
    if lo > s:
        space = text.find(" ", lo, x.start)
        lo = space + 1 if space >= 0 else lo
    if hi < e:
        space = text.rfind(" ", x.end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _within(inner: Range, outer: Range) -> bool:
    (a, b), (c, d) = inner, outer
    if a is None or b is None or c is None or d is None:
        return False
    return c <= a and b <= d
