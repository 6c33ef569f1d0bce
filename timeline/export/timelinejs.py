"""The Knight Lab TimelineJS spreadsheet, as CSV a newsroom can paste into the template.

One row per event with a place in time. Start columns (Year, Month, Day, Time) are filled
down to the precision of the value ("March 2024" gives Year and Month only); ranges that
are not one calendar unit (a quarter, a season, "early March") get End columns too, with
the end day inclusive as the template expects. Display Date says vague dates in words
("Q1 2024", "the 1990s", "early March 2024", "recently"). Headline is the sentence cut to
80 characters; Text the whole sentence (HTML-escaped); Group the source. Sets and events
without a range are left out (``render`` says how many).

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> print(to_timelinejs(doc).splitlines()[1])
2025,3,,,,,,,,Talks resume in March.,Talks resume in March.,,,,,,,
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
from collections.abc import Sequence

from ..errors import InvalidValueError
from ..model import Document, Event
from ..timex3 import parse_value
from ._common import all_entries, granularity, in_zone, is_time_value, shorten, sources_of, whole_days

__all__ = ["COLUMNS", "HEADLINE_WIDTH", "display_date", "render", "to_timelinejs"]

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)
HEADLINE_WIDTH = 80

_EXACT = ("year", "month", "day", "hour", "minute", "second")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "recently", "FUTURE_REF": "in the future"}
_MODS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
         "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "LESS_THAN": "less than",
         "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def display_date(value: str, mod: str | None = None, always: bool = False) -> str:
    """Words for a value that is not one plain calendar unit ('' for those that are,
    unless ``always``).

    >>> display_date("2024-Q1"), display_date("199"), display_date("2024-03", "START")
    ('Q1 2024', 'the 1990s', 'early March 2024')
    >>> display_date("2024-03"), display_date("2024-03", always=True), display_date("2024-03-05", always=True)
    ('', 'March 2024', 'March 5, 2024')
    """
    g = granularity(value)
    if g in _EXACT and not mod and not always:
        return ""
    try:
        v = parse_value(value)
    except InvalidValueError:
        return value
    year = v.year or ""
    if v.kind == "ref":
        words = _REFS.get(v.ref or "", value)
    elif g == "decade":
        words = f"the {year[:3]}0s" if year[:3].isdigit() else value
    elif g == "century":
        words = f"the {year[:2]}00s" if year[:2].isdigit() else value
    elif g == "quarter":
        words = f"Q{v.quarter} {year}"
    elif g == "half":
        words = f"{'first' if v.half == '1' else 'second'} half of {year}"
    elif g == "season":
        words = f"{_SEASONS.get(v.season or '', v.season)} {year}"
    elif g in ("week", "weekend"):
        words = f"{'weekend of ' if g == 'weekend' else ''}week {v.week}, {year}"
    elif g == "part of day":
        words = f"{_PARTS.get(v.part or '', v.part)} of {year}-{v.month}-{v.day}"
    elif g == "month" and v.month and v.month.isdigit():
        words = f"{_MONTHS[int(v.month) - 1]} {year}".replace("XXXX", "").strip()
    elif g == "day" and v.month and v.month.isdigit() and v.day and v.day.isdigit():
        words = f"{_MONTHS[int(v.month) - 1]} {int(v.day)}, {year}".replace(", XXXX", "")
    elif g == "year":
        words = year
    else:
        words = value
    return f"{_MODS.get(mod, mod.lower())} {words}" if mod else words


def _ymd(d: _dt.date, depth: int) -> list[str]:
    parts = [str(d.year), str(d.month), str(d.day)][:depth]
    return parts + [""] * (3 - depth)


def _row(doc: Document, e: Event) -> list[str] | None:
    x = e.expression
    if x.type == "SET" or e.earliest is None or e.latest is None:
        return None
    s, t = in_zone(e.earliest, doc.anchor), in_zone(e.latest, doc.anchor)
    g = granularity(x.value, x.type)
    exact = g in _EXACT and not x.mod and e.relation == "ON"
    timed = is_time_value(x.value) and (s.time() != _dt.time(0) or t.time() != _dt.time(0))
    if exact:
        depth = {"year": 1, "month": 2}.get(g, 3)
        start = _ymd(s, depth) + [s.strftime("%H:%M") if g in ("hour", "minute", "second") else ""]
        end = ["", "", "", ""]
    else:
        if timed:
            start = _ymd(s, 3) + [s.strftime("%H:%M")]
            end = _ymd(t, 3) + [t.strftime("%H:%M")]
        else:
            first, stop = whole_days(s, t)
            start = _ymd(first, 3) + [""]
            end = _ymd(stop - _dt.timedelta(days=1), 3) + [""]
        if end == start:
            end = ["", "", "", ""]
    label = display_date(x.value, x.mod)
    if e.relation != "ON":
        label = f"{e.relation.lower()} {display_date(x.value, x.mod, always=True)}"
    text = " ".join(e.text.split())
    return start + end + [
        label,
        html.escape(shorten(text or x.text, HEADLINE_WIDTH), quote=False),
        html.escape(text, quote=False),
        "", "", "", "", "",
        sources_of(doc, e),
        "",
    ]


def render(docs: Document | Sequence[Document]) -> tuple[str, int]:
    """The CSV text and how many entries were left out (no place on a timeline)."""
    if isinstance(docs, Document):
        docs = [docs]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(COLUMNS)
    left_out = 0
    for doc, e in all_entries(docs):
        row = _row(doc, e)
        if row is None:
            left_out += 1
        else:
            w.writerow(row)
    return out.getvalue(), left_out


def to_timelinejs(docs: Document | Sequence[Document]) -> str:
    """The TimelineJS spreadsheet as CSV (header row first)."""
    return render(docs)[0]
