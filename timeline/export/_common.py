"""What every exporter shares: the entries a document exports, granularities, summaries, UIDs.

A document exports its events. Until the event stage has found any (``doc.events`` is
empty), each expression stands in as an event dated ``ON`` its own range, with the
sentence around it as the event text (found by ``timeline.sentences``, the splitter the
event stage uses), so a tagged text still gives a useful calendar, spreadsheet or table.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> text = "The talks ended. In March, prices rose."
>>> e = Expression("March", 20, 25, "DATE", "2024-03",
...                earliest=pendulum.datetime(2024, 3, 1), latest=pendulum.datetime(2024, 4, 1))
>>> doc = Document(text, anchor=pendulum.datetime(2024, 7, 28), expressions=[e])
>>> [(x.text, x.relation) for x in entries(doc)]
[('In March, prices rose.', 'ON')]
>>> granularity("2024-W29"), granularity("2024-07-28T10:30"), granularity("P3M")
('week', 'minute', 'duration')
>>> shorten("one two three four", 12)
'one two…'
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Sequence

import pendulum

from ..errors import InvalidValueError
from ..anchor import has_time
from ..model import Document, Event, Expression
from ..sentences import sentence_span
from ..timex3 import parse_value

__all__ = [
    "entries",
    "granularity",
    "sentence_around",
    "sentence_span",
    "shorten",
    "stable_uid",
    "iso",
    "display_range",
    "is_placed",
    "is_time_value",
    "whole_days",
    "zone_name",
]

def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, on one line.

    >>> sentence_around("It rained. On Sunday, the talks began. Then?", 11, 20)
    'On Sunday, the talks began.'
    >>> sentence_around("Mr. Kihara met U.S. officials on Sunday. Then?", 33, 39)
    'Mr. Kihara met U.S. officials on Sunday.'
    """
    s, e = sentence_span(text, start, end)
    return " ".join(text[s:e].split())


def _stand_in(doc: Document, x: Expression) -> Event:
    s, e = sentence_span(doc.text, x.start, x.end)
    return Event(
        text=" ".join(doc.text[s:e].split()),
        start=s,
        end=e,
        expression=x,
        relation="ON",
        earliest=x.earliest,
        latest=x.latest,
        sources=(doc.source,) if doc.source else (),
    )


def entries(doc: Document) -> tuple[Event, ...]:
    """The events a document exports: ``doc.events``, or one stand-in per expression."""
    if doc.events:
        return tuple(doc.events)
    return tuple(_stand_in(doc, x) for x in doc.expressions)


def granularity(value: str, type_: str | None = None) -> str:
    """The unit a TIMEX3 value is given in: century, decade, year, half, quarter, season,
    month, week, weekend, day, part of day, hour, minute, second; or duration, set,
    reference, unknown."""
    if type_ == "SET":
        return "set"
    try:
        v = parse_value(value)
    except InvalidValueError:
        return "unknown"
    if v.kind == "ref":
        return "reference"
    if v.kind == "duration":
        return "duration"
    if v.kind == "time":
        if v.part is not None:
            return "part of day"
        if v.second is not None:
            return "second"
        return "minute" if v.minute is not None else "hour"
    if v.day is not None or (v.weekday is not None and v.weekday not in ("WE",)):
        return "day"
    if v.weekday == "WE":
        return "weekend"
    for name in ("month", "week", "quarter", "half", "season"):
        if getattr(v, name) is not None:
            return name
    year = (v.year or "").rstrip("X")
    return {4: "year", 3: "decade", 2: "century"}.get(len(year), "year" if len(v.year or "") == 4 else "unknown")


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` chars (with …)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def stable_uid(doc: Document, event: Event, domain: str = "timeline") -> str:
    """A UID derived only from content: same text, anchor and event -> same UID."""
    h = hashlib.sha256()
    for part in (
        doc.text,
        doc.anchor.isoformat(),
        event.text,
        str(event.start),
        str(event.end),
        event.expression.text,
        str(event.expression.start),
        event.expression.value,
        event.expression.mod or "",
        event.relation,
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return f"{h.hexdigest()[:32]}@{domain}"


def iso(d: _dt.datetime | None) -> str:
    """ISO 8601 text of a datetime, or '' for None."""
    return "" if d is None else d.isoformat()


def is_time_value(value: str) -> bool:
    """True when a TIMEX3 value names a time of day (``2024-07-28T10:30``, ``...TNI``)."""
    try:
        return parse_value(value).kind == "time"
    except InvalidValueError:
        return False


def whole_days(earliest: _dt.datetime, latest: _dt.datetime) -> tuple[_dt.date, _dt.date]:
    """The days a range touches, as ``[first, end)`` dates (``end`` exclusive, after first).

    >>> whole_days(pendulum.datetime(2025, 1, 1), pendulum.datetime(2025, 5, 2, 16))
    (datetime.date(2025, 1, 1), datetime.date(2025, 5, 3))
    """
    first = _dt.date(earliest.year, earliest.month, earliest.day)
    end = _dt.date(latest.year, latest.month, latest.day)
    if has_time(latest):
        end += _dt.timedelta(days=1)
    return first, max(end, first + _dt.timedelta(days=1))


def display_range(earliest: _dt.datetime | None, latest: _dt.datetime | None, days: bool = False) -> str:
    """A compact half-open range for people: ``[2024-03-01, 2024-04-01)``; '' without one.
    ``days=True`` widens it to whole days (for DATE values whose mod cut a day).

    >>> display_range(pendulum.datetime(2024, 7, 28, 10, 30), pendulum.datetime(2024, 7, 28, 10, 31))
    '[2024-07-28 10:30, 10:31)'
    """
    if earliest is None or latest is None:
        return ""
    if days or not (has_time(earliest) or has_time(latest)):
        first, end = whole_days(earliest, latest)
        return f"[{first}, {end})"
    a = earliest.strftime("%Y-%m-%d %H:%M")
    b = latest.strftime("%H:%M") if latest.date() == earliest.date() else latest.strftime("%Y-%m-%d %H:%M")
    return f"[{a}, {b})"


def is_placed(event: Event) -> bool:
    """True when the event has a range on the time line."""
    return event.earliest is not None and event.latest is not None


def zone_name(d: _dt.datetime) -> str | None:
    """The name of ``d``'s timezone (``Asia/Tokyo``, ``UTC``); None for a bare offset.

    >>> zone_name(pendulum.datetime(2024, 7, 28, tz="Asia/Tokyo")), zone_name(pendulum.parse("2024-07-28T09:00+09:00"))
    ('Asia/Tokyo', None)
    """
    tz = d.tzinfo
    name = getattr(tz, "key", None) or getattr(tz, "name", None)
    return name if isinstance(name, str) and not name.startswith(("+", "-")) else None


def in_zone(d: _dt.datetime, anchor: _dt.datetime) -> pendulum.DateTime:
    """``d`` seen in the anchor's timezone."""
    return pendulum.instance(d).in_timezone(anchor.tzinfo or pendulum.UTC)  # type: ignore[arg-type]


def sources_of(doc: Document, event: Event) -> str:
    """The sources of an event, ``;``-separated (the document's source when it has none)."""
    if event.sources:
        return ";".join(event.sources)
    return doc.source or ""


def all_entries(docs: Sequence[Document]) -> list[tuple[Document, Event]]:
    """Every (document, entry) pair of ``docs``, in order."""
    return [(d, e) for d in docs for e in entries(d)]
