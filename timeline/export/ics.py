"""iCalendar (RFC 5545) through the ``icalendar`` package; nothing is written by hand.

Mapping (docs/formats.md has the full table):

* a range of whole days (or a DATE value) -> an all-day event, ``DTSTART;VALUE=DATE`` and
  an exclusive ``DTEND`` ("in March 2024" spans 2024-03-01 to 2024-04-01);
* a TIME -> a timed event in the anchor's timezone (UTC when the anchor has only an offset);
* a SET -> a recurring all-day event with an ``RRULE`` where one can say it
  (``P1M`` -> ``FREQ=MONTHLY``, ``XXXX-WXX-1`` -> ``FREQ=WEEKLY;BYDAY=MO``), starting on
  the anchor's day or the first matching day after it;
* ``X-TIMELINE-*`` properties keep the TIMEX3 value, type, mod, the uncertainty range,
  relation, expression text, source and offsets;
* ``UID`` comes from the content (same input -> same UID); ``DTSTAMP`` is the anchor, so
  the output depends on nothing but the input; ``SUMMARY`` is at most 80 characters and
  ``DESCRIPTION`` holds the whole sentence.

Events with no place in time (durations, sets no RRULE can express, open ranges) are
left out; ``render`` says how many.

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
from ..model import Document, Event
from ..timex3 import parse_value
from ._common import (
    all_entries,
    granularity,
    in_zone,
    is_time_value,
    iso,
    shorten,
    sources_of,
    stable_uid,
    whole_days,
    zone_name,
)

__all__ = ["SUMMARY_WIDTH", "PRODID", "rrule_for", "render", "to_ics", "to_calendar"]

SUMMARY_WIDTH = 80
PRODID = f"-//timeline//timeline {__version__}//EN"

_FREQ = {"Y": ("YEARLY", 1), "M": ("MONTHLY", 1), "W": ("WEEKLY", 1), "D": ("DAILY", 1),
         "Q": ("MONTHLY", 3), "DE": ("YEARLY", 10), "E": ("YEARLY", 10),
         "CE": ("YEARLY", 100), "C": ("YEARLY", 100)}
_TIME_FREQ = {"H": ("HOURLY", 1), "M": ("MINUTELY", 1), "S": ("SECONDLY", 1)}
_MIDNIGHT = _dt.time(0, 0)
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def rrule_for(value: str, freq: str | None = None) -> dict[str, Any] | None:
    """The RRULE (as icalendar wants it) of a SET value, or None where none can say it.

    >>> rrule_for("P1M"), rrule_for("P2W"), rrule_for("XXXX-WXX-1")
    ({'FREQ': 'MONTHLY'}, {'FREQ': 'WEEKLY', 'INTERVAL': 2}, {'FREQ': 'WEEKLY', 'BYDAY': 'MO'})
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
    if v.kind != "date" or v.year != "XXXX":
        return None
    if v.week == "XX" and v.weekday and v.weekday.isdigit():
        return {"FREQ": "WEEKLY", "BYDAY": _DAYS[int(v.weekday) - 1]}
    if v.month == "XX" and v.day == "XX":
        return {"FREQ": "DAILY"}
    if v.month == "XX" and v.day and v.day.isdigit() and int(v.day) <= 28:
        return {"FREQ": "MONTHLY", "BYMONTHDAY": int(v.day)}
    return None


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


def _dates(doc: Document, e: Event) -> tuple[Any, Any, dict[str, Any] | None] | None:
    """(DTSTART, DTEND, RRULE) of an entry, or None when it has no place in the calendar."""
    x = e.expression
    if x.type == "SET":
        rule = rrule_for(x.value, x.freq)
        if rule is None:
            return None
        local = in_zone(doc.anchor, doc.anchor)
        if rule["FREQ"] in ("HOURLY", "MINUTELY", "SECONDLY"):
            return local.in_timezone(_zone(doc.anchor)), None, rule  # type: ignore[arg-type]
        day = _first_day(rule, _dt.date(local.year, local.month, local.day))
        return day, day + _dt.timedelta(days=1), rule
    if e.earliest is None or e.latest is None:
        return None
    s, t = in_zone(e.earliest, doc.anchor), in_zone(e.latest, doc.anchor)
    if not is_time_value(x.value) or (s.time() == _MIDNIGHT and t.time() == _MIDNIGHT):
        first, end = whole_days(s, t)
        return first, end, None
    zone = _zone(doc.anchor)
    return s.in_timezone(zone), t.in_timezone(zone), None  # type: ignore[arg-type]


def _vevent(doc: Document, e: Event, dates: tuple[Any, Any, dict[str, Any] | None]) -> icalendar.Event:
    x = e.expression
    start, end, rule = dates
    ev = icalendar.Event()
    ev.add("uid", stable_uid(doc, e))
    ev.add("dtstamp", doc.anchor.astimezone(_dt.timezone.utc))
    ev.add("dtstart", start)
    if end is not None:
        ev.add("dtend", end)
    if rule:
        ev.add("rrule", rule)
    ev.add("summary", shorten(e.text or x.text, SUMMARY_WIDTH))
    ev.add("description", " ".join(e.text.split()))
    props: dict[str, object] = {
        "x-timeline-value": x.value,
        "x-timeline-type": x.type,
        "x-timeline-mod": x.mod,
        "x-timeline-quant": x.quant,
        "x-timeline-freq": x.freq,
        "x-timeline-granularity": granularity(x.value, x.type),
        "x-timeline-earliest": iso(e.earliest) or None,
        "x-timeline-latest": iso(e.latest) or None,
        "x-timeline-relation": e.relation,
        "x-timeline-expression": x.text,
        "x-timeline-start": x.start,
        "x-timeline-end": x.end,
        "x-timeline-event-start": e.start,
        "x-timeline-event-end": e.end,
        "x-timeline-source": sources_of(doc, e) or None,
    }
    for name, val in props.items():
        if val is not None:
            ev.add(name, icalendar.vText(str(val)))
    return ev


def to_calendar(docs: Document | Sequence[Document]) -> tuple[icalendar.Calendar, int]:
    """The calendar and how many entries were left out (no place in time)."""
    if isinstance(docs, Document):
        docs = [docs]
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    names = [d.source for d in docs if d.source]
    cal.add("x-wr-calname", names[0] if len(names) == 1 else "timeline")
    left_out = 0
    seen: dict[str, int] = {}
    for doc, e in all_entries(docs):
        dates = _dates(doc, e)
        if dates is None:
            left_out += 1
            continue
        ev = _vevent(doc, e, dates)
        uid = str(ev["uid"])
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # the same document given twice: keep UIDs unique and stable
            ev["uid"] = icalendar.vText(uid.replace("@", f"-{seen[uid]}@", 1))
        cal.add_component(ev)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal, left_out


def render(docs: Document | Sequence[Document]) -> tuple[str, int]:
    """The .ics text and how many entries were left out."""
    cal, left_out = to_calendar(docs)
    return cal.to_ical().decode("utf-8"), left_out


def to_ics(docs: Document | Sequence[Document]) -> str:
    """The .ics text (CRLF line ends, folded at 75 octets by icalendar)."""
    return render(docs)[0]
