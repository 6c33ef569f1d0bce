"""What every exporter shares: the entries a document exports, their place in time, the
words that say it, granularities, UIDs and cell defusing.

A document exports its **entries**: every event of ``doc.events``, then, in text order,
the expressions that no event holds and that name no single time (sets, durations), or
every expression while the document has no events. Exporters never build events: an
expression without one is written as itself.

>>> import pendulum
>>> from timeline.model import Document, Event, Expression
>>> text = "In March, prices rose. It meets every Monday."
>>> m = Expression("March", 3, 8, "DATE", "2024-03",
...                earliest=pendulum.datetime(2024, 3, 1), latest=pendulum.datetime(2024, 4, 1))
>>> s = Expression("every Monday", 32, 44, "SET", "XXXX-WXX-1")
>>> rose = Event("In March, prices rose.", 0, 22, m, earliest=m.earliest, latest=m.latest)
>>> doc = Document(text, anchor=pendulum.datetime(2024, 7, 28), expressions=[m, s], events=[rose])
>>> [(x.text, x.relation, x.is_event) for x in entries(doc)]
[('In March, prices rose.', 'ON', True), ('every Monday', '', False)]
>>> when_words(entries(doc)[0])
'sometime between 1 and 31 March 2024'
>>> granularity("2024-W29"), granularity("2024-07-28T10:30"), granularity("P3M")
('week', 'minute', 'duration')
>>> shorten("one two three four", 12)
'one two…'
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
from collections.abc import Sequence

import attrs
import pendulum

from ..anchor import has_time
from ..errors import InvalidValueError
from ..lexicon import load
from ..model import Document, Event, Expression
from ..values.timex3 import parse_value, unit_of

__all__ = [
    "Entry",
    "Place",
    "Omission",
    "entries",
    "all_entries",
    "place",
    "when_words",
    "value_words",
    "date_words",
    "granularity",
    "defuse",
    "shorten",
    "stable_uid",
    "iso",
    "display_range",
    "is_time_value",
    "whole_days",
    "zone_name",
    "POINT_GRANULARITIES",
]

#: granularities of a clock time: an instant, not a span (a calendar writes no end)
POINT_GRANULARITIES = ("hour", "minute", "second")
#: granularities fine enough that an open event is placed on its expression's own range
_FINE = ("day", "part of day") + POINT_GRANULARITIES
#: what a spreadsheet reads as the start of a formula (OWASP CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "recently", "FUTURE_REF": "in the future"}
_MODS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
         "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "LESS_THAN": "less than",
         "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
          "E": "decade", "C": "century", "CE": "century", "H": "hour", "S": "second"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


# ------------------------------------------------------------------------------ entries


@attrs.frozen(slots=True)
class Entry:
    """One thing an export writes: an event, or an expression that no event holds.

    ``cue`` is the word that gives an open event its relation, as the text has it ("by",
    "until", "since"), or the relation's own word; '' for ON and for expressions.
    """

    expression: Expression
    event: Event | None = None
    cue: str = ""
    source: str | None = None

    @property
    def is_event(self) -> bool:
        return self.event is not None

    @property
    def text(self) -> str:
        """The event's text, or the expression's own for an expression without an event."""
        return self.event.text if self.event is not None else self.expression.text

    @property
    def start(self) -> int:
        return self.event.start if self.event is not None else self.expression.start

    @property
    def end(self) -> int:
        return self.event.end if self.event is not None else self.expression.end

    @property
    def relation(self) -> str:
        """ON, BEFORE, AFTER, SINCE, UNTIL for an event; '' for an expression."""
        return self.event.relation if self.event is not None else ""

    @property
    def earliest(self) -> _dt.datetime | None:
        return self.event.earliest if self.event is not None else self.expression.earliest

    @property
    def latest(self) -> _dt.datetime | None:
        return self.event.latest if self.event is not None else self.expression.latest

    @property
    def trigger(self) -> str | None:
        return self.event.trigger if self.event is not None else None

    @property
    def sources(self) -> str:
        """The event's sources joined by ``;``, else the document's source ('' for none)."""
        if self.event is not None and self.event.sources:
            return ";".join(self.event.sources)
        return self.source or ""


@attrs.frozen(slots=True)
class Omission:
    """An entry an export had no place for: which input, what it was and why."""

    source: str
    what: str
    reason: str


def _held(e: Event) -> list[Expression]:
    more = getattr(e, "expressions", None)  # events that hold several expressions
    return [e.expression, *(more if isinstance(more, tuple | list) else ())]


@functools.cache
def _cue_words() -> dict[str, str]:
    """Cue word -> relation from the lexicon class ``event_relation`` ({} without it)."""
    try:
        return {k.lower(): str(v) for k, v in load("en")["event_relation"].entries.items()}
    except KeyError:
        return {}


@functools.cache
def _cue_pattern() -> re.Pattern[str] | None:
    """A relation's cue word (lexicon class ``event_relation``) ending the text, maybe
    followed by a determiner or two."""
    if not _cue_words():
        return None
    rel = load("en")["event_relation"]
    dets = rel.extra.get("determiners", [])

    def alt(words: Sequence[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    det = rf"(?:(?:{alt(dets)})\s+){{0,2}}" if dets else ""
    return re.compile(rf"(?:^|[^\w-])({alt(list(rel.entries))})\s+{det}$", re.I)


def _cue(doc: Document, e: Event) -> str:
    """The text's own word for an event's relation ("by", "until"), else the relation's."""
    if e.relation == "ON":
        return ""
    pattern = _cue_pattern()
    before = doc.text[max(0, e.expression.start - 60) : e.expression.start]
    m = pattern.search(before) if pattern is not None else None
    if m:
        word = " ".join(m.group(1).lower().split())
        if _cue_words().get(word) == e.relation:
            return word
    return e.relation.lower()


def _loose(doc: Document) -> list[Expression]:
    """The expressions a document exports as themselves: all of them while it has no
    events; else those no event holds that name no single time (sets, durations), since
    a dated expression without an event is part of one the event stage chose (the date of
    "on 14 April at 10:30" is in the time's event)."""
    if not doc.events:
        return list(doc.expressions)
    held = {x for e in doc.events for x in _held(e)}
    return [x for x in doc.expressions
            if x not in held and (x.type == "SET" or x.earliest is None or x.latest is None)]


def entries(doc: Document) -> tuple[Entry, ...]:
    """What ``doc`` exports: its events (in ``doc.events`` order), then, as themselves and
    in text order, its expressions while it has no events, or else the sets and durations
    no event holds."""
    out = [Entry(e.expression, e, _cue(doc, e), doc.source) for e in doc.events]
    out += [Entry(x, None, "", doc.source) for x in _loose(doc)]
    return tuple(out)


def all_entries(docs: Sequence[Document]) -> list[tuple[Document, Entry]]:
    """Every (document, entry) pair of ``docs``, in order."""
    return [(d, e) for d in docs for e in entries(d)]


# ------------------------------------------------------------------------------ places


@attrs.frozen(slots=True)
class Place:
    """Where an entry goes on a calendar or an axis: ``[earliest, latest)``, whether it is
    an instant (a clock time), and which side is open (``"start"``, ``"end"`` or None)."""

    earliest: _dt.datetime
    latest: _dt.datetime
    point: bool = False
    open_side: str | None = None


def _day_of(d: _dt.datetime) -> tuple[_dt.datetime, _dt.datetime]:
    day = pendulum.instance(d).start_of("day")
    return day, day.add(days=1)


def place(entry: Entry) -> Place | None:
    """The entry's place in time, or None when it has none (a duration, a set).

    A closed range is itself. An open one (an event BEFORE, AFTER, SINCE or UNTIL a time,
    one bound missing) sits on its known bound: on its expression's own range when that
    is a day or finer ("by 31 January 2025" on 31 January), else on the day of the bound
    ("since 1998" on 1 January 1998). Clock times are instants.
    """
    x = entry.expression
    if x.type == "SET":
        return None
    gran = granularity(x.value, x.type)
    point = gran in POINT_GRANULARITIES and is_time_value(x.value)
    lo, hi = entry.earliest, entry.latest
    if lo is not None and hi is not None:
        return Place(lo, hi, point)
    if lo is None and hi is None:
        return None
    side = "start" if lo is None else "end"
    if x.earliest is not None and x.latest is not None and gran in _FINE:
        return Place(x.earliest, x.latest, point, side)
    if lo is not None:
        a, b = _day_of(lo)
    else:
        assert hi is not None
        a, b = _day_of(hi - _dt.timedelta(microseconds=1))
    return Place(a, b, False, side)


# ------------------------------------------------------------------------------ words


#: the units of ``timex3.UNITS`` (``timex3.unit_of``) in words
UNIT_WORDS = {
    "CE": "century", "DE": "decade", "Y": "year", "HALF": "half", "Q": "quarter", "SEASON": "season",
    "M": "month", "W": "week", "WE": "weekend", "D": "day", "PART": "part of day", "H": "hour",
    "MIN": "minute", "S": "second",
}


def granularity(value: str, type_: str | None = None) -> str:
    """The unit a TIMEX3 value is given in (``timex3.unit_of``, in words): century, decade,
    year, half, quarter, season, month, week, weekend, day, part of day, hour, minute,
    second; or duration, set, reference, unknown."""
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
    unit = unit_of(v)
    return "unknown" if unit is None else UNIT_WORDS[unit]


def _day_name(year: str | None, month: str | None, day: str | None) -> str:
    y = "" if not year or not year.isdigit() else f" {int(year)}"
    if month and month.isdigit() and day and day.isdigit():
        return f"{int(day)} {_MONTHS[int(month) - 1]}{y}"
    return "-".join(p for p in (year, month, day) if p)


def _clock(hour: str | None, minute: str | None) -> str:
    return f"{hour}:{minute or '00'}" if hour and hour.isdigit() else ""


def _duration_words(value: str, one: str = "1 ") -> str:
    """'3 weeks', '1 year and 6 months' ('year' with ``one=''``); the value when unsaid."""
    try:
        v = parse_value(value)
    except InvalidValueError:
        return value
    if v.kind != "duration" or v.duration is None:
        return value
    parts = [(a, _UNITS.get(u, u)) for a, u in v.duration.date_parts]
    parts += [(a, _TIME_UNITS.get(u, u)) for a, u in v.duration.time_parts]
    said = []
    for amount, name in parts:
        if amount is None:
            said.append(f"some {name}s")
        elif amount == 1:
            said.append(f"{one}{name}")
        else:
            n = int(amount) if float(amount).is_integer() else amount
            said.append(f"{n} {name}s")
    return " and ".join(said) or value


def _set_words(value: str) -> str:
    """Words for a SET value: 'every Monday at 18:00', 'every 2 weeks', 'every day'."""
    try:
        v = parse_value(value)
    except InvalidValueError:
        return f"repeating ({value})"
    if v.kind == "duration":
        return "every " + _duration_words(value, one="")
    at = _clock(v.hour, v.minute)
    at = f" at {at}" if at else ""
    if v.weekday and v.weekday.isdigit():
        return f"every {_WEEKDAYS[int(v.weekday) - 1]}{at}"
    if v.month == "XX" and v.day == "XX":
        return f"every day{at}"
    if v.month == "XX" and v.day and v.day.isdigit():
        return f"every month on day {int(v.day)}{at}"
    if v.month and v.month.isdigit() and v.day and v.day.isdigit():
        return f"every {int(v.day)} {_MONTHS[int(v.month) - 1]}{at}"
    if v.part:
        return f"every {_PARTS.get(v.part, v.part)}"
    return f"repeating ({value})"


def value_words(value: str, mod: str | None = None, type_: str | None = None) -> str:
    """A value (with its mod) in words.

    >>> value_words("2024-Q1"), value_words("199"), value_words("195", "START")
    ('Q1 2024', 'the 1990s', 'early 1950s')
    >>> value_words("2025-05-10"), value_words("2024-07-29T10:30"), value_words("XXXX-WXX-1T18:00", type_="SET")
    ('10 May 2025', '29 July 2024, 10:30', 'every Monday at 18:00')
    """
    if type_ == "SET":
        return _set_words(value)
    g = granularity(value)
    try:
        v = parse_value(value)
    except InvalidValueError:
        return value
    year = v.year or ""
    article = "" if mod else "the "
    if v.kind == "ref":
        words = _REFS.get(v.ref or "", value)
    elif v.kind == "duration":
        words = _duration_words(value)
    elif g == "decade":
        words = f"{article}{year[:3]}0s" if year[:3].isdigit() else value
    elif g == "century":
        words = f"{article}{year[:2]}00s" if year[:2].isdigit() else value
    elif g == "quarter":
        words = f"Q{v.quarter} {year}"
    elif g == "half":
        words = f"{'first' if v.half == '1' else 'second'} half of {year}"
    elif g == "season":
        words = f"{_SEASONS.get(v.season or '', v.season)} {year}"
    elif g in ("week", "weekend"):
        words = f"{'weekend of ' if g == 'weekend' else ''}week {v.week}, {year}"
    elif g == "part of day":
        words = f"{_PARTS.get(v.part or '', v.part)} of {_day_name(v.year, v.month, v.day)}"
    elif g in POINT_GRANULARITIES:
        words = f"{_day_name(v.year, v.month, v.day)}, {_clock(v.hour, v.minute)}"
    elif g == "month" and v.month and v.month.isdigit():
        words = f"{_MONTHS[int(v.month) - 1]} {year}".replace("XXXX", "").strip()
    elif g == "day" and v.month and v.month.isdigit() and v.day and v.day.isdigit():
        words = _day_name(v.year, v.month, v.day)
    elif g == "year":
        words = year
    else:
        words = value
    return f"{_MODS.get(mod, mod.lower())} {words}" if mod else words


def _date(d: _dt.date, month: bool = True, year: bool = True) -> str:
    return " ".join([str(d.day)] + ([_MONTHS[d.month - 1]] if month else []) + ([str(d.year)] if year else []))


def date_words(earliest: _dt.datetime, latest: _dt.datetime, timed: bool = False) -> str:
    """A half-open range in words, the end said inclusively.

    >>> date_words(pendulum.datetime(2024, 3, 1), pendulum.datetime(2024, 4, 1))
    'sometime between 1 and 31 March 2024'
    >>> date_words(pendulum.datetime(2025, 5, 10), pendulum.datetime(2025, 5, 11))
    '10 May 2025'
    >>> date_words(pendulum.datetime(2024, 7, 29, 6), pendulum.datetime(2024, 7, 29, 12), timed=True)
    'sometime between 06:00 and 12:00 on 29 July 2024'
    """
    if timed and (has_time(earliest) or has_time(latest)):
        a, b = earliest.strftime("%H:%M"), latest.strftime("%H:%M")
        if earliest.date() == latest.date():
            return f"sometime between {a} and {b} on {_date(earliest.date())}"
        return f"sometime between {_date(earliest.date())}, {a} and {_date(latest.date())}, {b}"
    first, end = whole_days(earliest, latest)
    last = end - _dt.timedelta(days=1)
    if first == last:
        return _date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"sometime between {first.day} and {_date(last)}"
    if first.year == last.year:
        return f"sometime between {_date(first, year=False)} and {_date(last)}"
    return f"sometime between {_date(first)} and {_date(last)}"


def when_words(entry: Entry) -> str:
    """When an entry happened, in words, uncertainty included: 'sometime between 1 and 31
    March 2024', 'early 1950s, sometime between 1 January 1950 and 2 May 1953', 'by 31
    January 2025', 'every Monday at 18:00', '29 July 2024, 10:30'."""
    x = entry.expression
    name = value_words(x.value, x.mod, x.type)
    if x.type == "SET":
        return name
    if entry.relation not in ("", "ON"):
        return f"{entry.cue or entry.relation.lower()} {name}"
    lo, hi = entry.earliest, entry.latest
    if lo is None or hi is None:
        return f"{name} (a duration, no place in time)" if x.type == "DURATION" else name
    g = granularity(x.value, x.type)
    if g in POINT_GRANULARITIES:
        return name
    span = date_words(lo, hi, timed=is_time_value(x.value))
    if g in ("year", "month", "day") and not x.mod:
        return span
    return f"{name}, {span}"


# ------------------------------------------------------------------------------ small helpers


def defuse(cell: str) -> str:
    """A spreadsheet cell that no program runs as a formula: text starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP).

    >>> defuse("=HYPERLINK(\\"x\\")"), defuse("-5 percent"), defuse("2024-03")
    ('\\'=HYPERLINK("x")', "'-5 percent", '2024-03')
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` chars (with …)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def stable_uid(doc: Document, entry: Entry, domain: str = "timeline") -> str:
    """A UID derived only from content: same text, anchor and entry -> same UID."""
    h = hashlib.sha256()
    x = entry.expression
    for part in (
        doc.text,
        doc.anchor.isoformat(),
        entry.text,
        str(entry.start),
        str(entry.end),
        x.text,
        str(x.start),
        x.value,
        x.mod or "",
        entry.relation,
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
    """A compact half-open range for people: ``[2024-03-01, 2024-04-01)``; open on the side
    with no bound (``[2019-01-01, …)`` since 2019, ``(…, 2025-03-04)`` until March 3, 2025);
    '' with neither. ``days=True`` widens it to whole days (for DATE values whose mod cut a
    day).

    >>> display_range(pendulum.datetime(2024, 7, 28, 10, 30), pendulum.datetime(2024, 7, 28, 10, 31))
    '[2024-07-28 10:30, 10:31)'
    >>> display_range(pendulum.datetime(2019, 1, 1), None), display_range(None, pendulum.datetime(2025, 3, 4), days=True)
    ('[2019-01-01, …)', '(…, 2025-03-04)')
    """
    if earliest is None and latest is None:
        return ""
    if latest is None:
        assert earliest is not None
        first = earliest.date() if days or not has_time(earliest) else earliest.strftime("%Y-%m-%d %H:%M")
        return f"[{first}, …)"
    if earliest is None:
        end = whole_days(latest, latest)[1] if days and has_time(latest) else latest.date()
        last = end if days or not has_time(latest) else latest.strftime("%Y-%m-%d %H:%M")
        return f"(…, {last})"
    if days or not (has_time(earliest) or has_time(latest)):
        first, end = whole_days(earliest, latest)
        return f"[{first}, {end})"
    a = earliest.strftime("%Y-%m-%d %H:%M")
    b = latest.strftime("%H:%M") if latest.date() == earliest.date() else latest.strftime("%Y-%m-%d %H:%M")
    return f"[{a}, {b})"


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
