"""iCalendar (RFC 5545) through the ``icalendar`` package; nothing is written by hand.

Mapping (docs/formats.md has the full table):

* a range of whole days (or a DATE value) -> an all-day event, ``DTSTART;VALUE=DATE`` and
  an exclusive ``DTEND`` ("in March 2024" spans 2024-03-01 to 2024-04-01);
* a clock time -> an instant: ``DTSTART`` alone (RFC 5545 3.6.1: the event ends when it
  starts), in the anchor's timezone (UTC when the anchor has only an offset); a timed
  range (a part of the day) -> ``DTSTART`` and ``DTEND``;
* an open event (BEFORE, AFTER, SINCE, UNTIL with one bound missing) -> on its known
  bound (``common.place``), the relation first in ``SUMMARY`` ("by 31 January 2025: ...");
* a SET -> a recurring event with an ``RRULE`` where one can say it (``P1M`` ->
  ``FREQ=MONTHLY``, ``XXXX-WXX-1T18:00`` -> ``FREQ=WEEKLY;BYDAY=MO`` at 18:00), from the
  anchor's day or the first matching day after it;
* ``DESCRIPTION`` says when in words, uncertainty included ("When: sometime between 1 and
  31 March 2024"), then the whole event text; ``X-TIMELINE-*`` properties keep the TIMEX3
  value, type, mod, the exact range, relation, expression, source and offsets;
* ``UID`` comes from the content (same input -> same UID); ``DTSTAMP`` is the anchor, so
  the output depends on nothing but the input.

Entries with no place in time (durations, sets no RRULE can express) are left out;
``render_all`` says which and why.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> [l for l in to_ics(doc).splitlines() if l.startswith("DT")]
['DTSTART;VALUE=DATE:20250301', 'DTEND;VALUE=DATE:20250401', 'DTSTAMP:20240728T000000Z']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import icalendar
import pendulum

from .. import __version__
from ..errors import InvalidValueError
from ..model import Document
from ..values.timex3 import parse_value
from ._common import (
    Entry,
    Omission,
    all_entries,
    granularity,
    in_zone,
    iso,
    place,
    shorten,
    stable_uid,
    value_words,
    when_words,
    whole_days,
    zone_name,
)

__all__ = ["SUMMARY_WIDTH", "PRODID", "rrule_for", "render", "render_all", "to_ics", "to_calendar"]

SUMMARY_WIDTH = 80
PRODID = f"-//timeline//timeline {__version__}//EN"

_FREQ = {"Y": ("YEARLY", 1), "M": ("MONTHLY", 1), "W": ("WEEKLY", 1), "D": ("DAILY", 1),
         "Q": ("MONTHLY", 3), "DE": ("YEARLY", 10), "E": ("YEARLY", 10),
         "CE": ("YEARLY", 100), "C": ("YEARLY", 100)}
_TIME_FREQ = {"H": ("HOURLY", 1), "M": ("MINUTELY", 1), "S": ("SECONDLY", 1)}
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def rrule_for(value: str, freq: str | None = None) -> dict[str, Any] | None:
    """The RRULE (as icalendar wants it) of a SET value, or None where none can say it.
    A time of day in the value ("every Monday at 18:00") is the start's, not the rule's.

    >>> rrule_for("P1M"), rrule_for("P2W"), rrule_for("XXXX-WXX-1")
    ({'FREQ': 'MONTHLY'}, {'FREQ': 'WEEKLY', 'INTERVAL': 2}, {'FREQ': 'WEEKLY', 'BYDAY': 'MO'})
    >>> rrule_for("XXXX-WXX-1T18:00")
    {'FREQ': 'WEEKLY', 'BYDAY': 'MO'}
    >>> rrule_for("P1Y", freq="2X") is None   # twice a year: no RRULE says which days
    True
    """
    if freq and freq not in ("1X", "X"):
        return None
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None
    rule: dict[str, Any]
    if v.kind == "duration" and v.duration is not None:
        parts = v.duration.date_parts + v.duration.time_parts
        if len(parts) != 1:
            return None
        amount, unit = parts[0]
        table = _FREQ if v.duration.date_parts else _TIME_FREQ
        if amount is None or not float(amount).is_integer() or amount < 1 or unit not in table:
            return None
        name, factor = table[unit]
        rule = {"FREQ": name}
        if int(amount) * factor != 1:
            rule["INTERVAL"] = int(amount) * factor
        return rule
    if v.kind not in ("date", "time") or v.year != "XXXX" or v.part is not None:
        return None
    if v.week == "XX" and v.weekday and v.weekday.isdigit():
        return {"FREQ": "WEEKLY", "BYDAY": _DAYS[int(v.weekday) - 1]}
    if v.month == "XX" and v.day == "XX":
        return {"FREQ": "DAILY"}
    if v.month == "XX" and v.day and v.day.isdigit() and int(v.day) <= 28:
        return {"FREQ": "MONTHLY", "BYMONTHDAY": int(v.day)}
    return None


def _clock_of(value: str) -> _dt.time | None:
    """The time of day a SET value names ("XXXX-WXX-1T18:00" -> 18:00), or None."""
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None
    if v.kind != "time" or not (v.hour and v.hour.isdigit()):
        return None
    minute = int(v.minute) if v.minute and v.minute.isdigit() else 0
    return _dt.time(int(v.hour), minute)


def _first_day(rule: dict[str, Any], day: _dt.date) -> _dt.date:
    """The first day on or after ``day`` that the rule's BY parts allow."""
    for _ in range(62):
        if "BYDAY" in rule and _DAYS[day.weekday()] != rule["BYDAY"]:
            day += _dt.timedelta(days=1)
        elif "BYMONTHDAY" in rule and day.day != rule["BYMONTHDAY"]:
            day += _dt.timedelta(days=1)
        else:
            break
    return day


def _zone(anchor: _dt.datetime) -> _dt.tzinfo:
    """The anchor's named zone, or UTC when it has only an offset."""
    name = zone_name(anchor)
    if anchor.tzinfo is None or name is None or name == "UTC":
        return pendulum.UTC
    return anchor.tzinfo


_Dates = tuple[Any, Any, "dict[str, Any] | None"]


def _set_dates(doc: Document, entry: Entry) -> _Dates | str:
    x = entry.expression
    rule = rrule_for(x.value, x.freq)
    if rule is None:
        how = f", {x.freq}" if x.freq else ""
        return f"a repetition no RRULE can say ({x.value}{how})"
    local = in_zone(doc.anchor, doc.anchor)
    zone = _zone(doc.anchor)
    if rule["FREQ"] in ("HOURLY", "MINUTELY", "SECONDLY"):
        return local.in_timezone(zone), None, rule  # type: ignore[arg-type]
    day = _first_day(rule, _dt.date(local.year, local.month, local.day))
    clock = _clock_of(x.value)
    if clock is not None:  # an instant each time: DTSTART alone
        at = pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute,
                               tz=local.tzinfo).in_timezone(zone)  # type: ignore[arg-type]
        return at, None, rule
    return day, day + _dt.timedelta(days=1), rule


def _dates(doc: Document, entry: Entry) -> _Dates | str:
    """(DTSTART, DTEND or None, RRULE or None) of an entry, or why it has no place."""
    x = entry.expression
    if x.type == "SET":
        return _set_dates(doc, entry)
    where = place(entry)
    if where is None:
        return "a duration names no time" if x.type == "DURATION" else "no place in time"
    s, t = in_zone(where.earliest, doc.anchor), in_zone(where.latest, doc.anchor)
    zone = _zone(doc.anchor)
    if where.point:
        return s.in_timezone(zone), None, None  # type: ignore[arg-type]
    midnights = s.time() == _dt.time(0) and t.time() == _dt.time(0)
    if granularity(x.value, x.type) == "part of day" and not midnights:
        return s.in_timezone(zone), t.in_timezone(zone), None  # type: ignore[arg-type]
    first, end = whole_days(s, t)
    return first, end, None


def _summary(entry: Entry) -> str:
    text = " ".join(entry.text.split())
    if entry.relation not in ("", "ON"):
        x = entry.expression
        text = f"{entry.cue} {value_words(x.value, x.mod, x.type)}: {text}"
    return shorten(text, SUMMARY_WIDTH)


def _vevent(doc: Document, entry: Entry, dates: _Dates) -> icalendar.Event:
    x = entry.expression
    start, end, rule = dates
    ev = icalendar.Event()
    ev.add("uid", stable_uid(doc, entry))
    ev.add("dtstamp", doc.anchor.astimezone(_dt.timezone.utc))
    ev.add("dtstart", start)
    if end is not None:
        ev.add("dtend", end)
    if rule:
        ev.add("rrule", rule)
    ev.add("summary", _summary(entry))
    what = " ".join(entry.text.split()) if entry.is_event else f"“{x.text}” ({x.type}, no event found for it)"
    ev.add("description", f"When: {when_words(entry)}\n\n{what}")
    props: dict[str, object] = {
        "x-timeline-value": x.value,
        "x-timeline-type": x.type,
        "x-timeline-mod": x.mod,
        "x-timeline-quant": x.quant,
        "x-timeline-freq": x.freq,
        "x-timeline-granularity": granularity(x.value, x.type),
        "x-timeline-earliest": iso(entry.earliest) or None,
        "x-timeline-latest": iso(entry.latest) or None,
        "x-timeline-relation": entry.relation or None,
        "x-timeline-expression": x.text,
        "x-timeline-start": x.start,
        "x-timeline-end": x.end,
        "x-timeline-event-start": entry.start if entry.is_event else None,
        "x-timeline-event-end": entry.end if entry.is_event else None,
        "x-timeline-source": entry.sources or None,
    }
    for name, val in props.items():
        if val is not None:
            ev.add(name, icalendar.vText(str(val)))
    return ev


def to_calendar(docs: Document | Sequence[Document]) -> tuple[icalendar.Calendar, list[Omission]]:
    """The calendar and the entries left out (no place in time), each with its reason."""
    if isinstance(docs, Document):
        docs = [docs]
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    names = [d.source for d in docs if d.source]
    cal.add("x-wr-calname", names[0] if len(names) == 1 else "timeline")
    omitted: list[Omission] = []
    seen: dict[str, int] = {}
    for doc, entry in all_entries(docs):
        dates = _dates(doc, entry)
        if isinstance(dates, str):
            omitted.append(Omission(doc.source or "<text>", entry.expression.text, dates))
            continue
        ev = _vevent(doc, entry, dates)
        uid = str(ev["uid"])
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # the same document given twice: keep UIDs unique and stable
            ev["uid"] = icalendar.vText(uid.replace("@", f"-{seen[uid]}@", 1))
        cal.add_component(ev)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal, omitted


def render_all(docs: Document | Sequence[Document]) -> tuple[str, list[Omission]]:
    """The .ics text and the entries left out, with their reasons."""
    cal, omitted = to_calendar(docs)
    return cal.to_ical().decode("utf-8"), omitted


def render(docs: Document | Sequence[Document]) -> tuple[str, int]:
    """The .ics text and how many entries were left out."""
    text, omitted = render_all(docs)
    return text, len(omitted)


def to_ics(docs: Document | Sequence[Document]) -> str:
    """The .ics text (CRLF line ends, folded at 75 octets by icalendar)."""
    return render(docs)[0]
