"""The Knight Lab TimelineJS spreadsheet, as CSV a newsroom can paste into the template.

One row per entry with a place in time (``common.place``). Start columns (Year, Month,
Day, Time) are filled down to the precision of the value ("March 2024" gives Year and
Month only); ranges that are not one calendar unit (a quarter, a season, "early March")
get End columns too, with the end day inclusive as the template expects. An open event
(BEFORE, AFTER, SINCE, UNTIL with one bound missing) sits on its known bound. Display
Date says in words what the columns cannot: vague dates ("Q1 2024", "the 1990s", "early
1950s", "recently") and relations ("by 31 January 2025", "since 1998", "before March
2024"). Headline is the event text cut to 80 characters; Text the whole text
(HTML-escaped); Group the source. Sets and durations have no place on a timeline and are
left out (``render_all`` says which and why). Cells a spreadsheet would run as a formula
get a leading ``'`` unless ``defuse_formulas=False`` (TimelineJS sheets live in Google
Sheets).

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> print(to_timelinejs(doc).splitlines()[1])
2025,3,,,,,,,,March,March,,,,,,,
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
from collections.abc import Sequence

from ..model import Document
from ._common import (
    POINT_GRANULARITIES,
    Entry,
    Omission,
    all_entries,
    defuse,
    granularity,
    in_zone,
    place,
    shorten,
    value_words,
    whole_days,
)

__all__ = ["COLUMNS", "HEADLINE_WIDTH", "display_date", "render", "render_all", "to_timelinejs"]

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)
HEADLINE_WIDTH = 80

_EXACT = ("year", "month", "day") + POINT_GRANULARITIES


def display_date(value: str, mod: str | None = None, always: bool = False) -> str:
    """Words for a value that is not one plain calendar unit ('' for those that are,
    unless ``always``).

    >>> display_date("2024-Q1"), display_date("199"), display_date("2024-03", "START")
    ('Q1 2024', 'the 1990s', 'early March 2024')
    >>> display_date("195", "START"), display_date("2024-03"), display_date("2024-03-05", always=True)
    ('early 1950s', '', '5 March 2024')
    """
    if granularity(value) in _EXACT and not mod and not always:
        return ""
    return value_words(value, mod)


def _ymd(d: _dt.date, depth: int) -> list[str]:
    parts = [str(d.year), str(d.month), str(d.day)][:depth]
    return parts + [""] * (3 - depth)


def _row(doc: Document, e: Entry) -> list[str] | str:
    """The row of an entry, or why it has none."""
    x = e.expression
    if x.type == "SET":
        return "a repetition has no single place on a timeline"
    where = place(e)
    if where is None:
        return "a duration names no time" if x.type == "DURATION" else "no place in time"
    s, t = in_zone(where.earliest, doc.anchor), in_zone(where.latest, doc.anchor)
    g = granularity(x.value, x.type)
    related = e.relation not in ("", "ON")
    exact = g in _EXACT and not x.mod and where.open_side is None and not related
    if exact or where.point:
        depth = {"year": 1, "month": 2}.get(g, 3)
        start = _ymd(s, depth) + [s.strftime("%H:%M") if where.point else ""]
        end = ["", "", "", ""]
    else:
        if g == "part of day":
            start = _ymd(s, 3) + [s.strftime("%H:%M")]
            end = _ymd(t, 3) + [t.strftime("%H:%M")]
        else:
            first, stop = whole_days(s, t)
            start = _ymd(first, 3) + [""]
            end = _ymd(stop - _dt.timedelta(days=1), 3) + [""]
        if end == start:
            end = ["", "", "", ""]
    label = display_date(x.value, x.mod)
    if related:
        label = f"{e.cue} {value_words(x.value, x.mod)}"
    text = " ".join(e.text.split())
    return start + end + [
        label,
        html.escape(shorten(text, HEADLINE_WIDTH), quote=False),
        html.escape(text, quote=False),
        "", "", "", "", "",
        e.sources,
        "",
    ]


def render_all(docs: Document | Sequence[Document], defuse_formulas: bool = True) -> tuple[str, list[Omission]]:
    """The CSV text and the entries left out (no place on a timeline), with their reasons."""
    if isinstance(docs, Document):
        docs = [docs]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(COLUMNS)
    omitted: list[Omission] = []
    for doc, e in all_entries(docs):
        row = _row(doc, e)
        if isinstance(row, str):
            omitted.append(Omission(doc.source or "<text>", e.expression.text, row))
        else:
            w.writerow([defuse(c) for c in row] if defuse_formulas else row)
    return out.getvalue(), omitted


def render(docs: Document | Sequence[Document], defuse_formulas: bool = True) -> tuple[str, int]:
    """The CSV text and how many entries were left out (no place on a timeline)."""
    text, omitted = render_all(docs, defuse_formulas)
    return text, len(omitted)


def to_timelinejs(docs: Document | Sequence[Document], defuse_formulas: bool = True) -> str:
    """The TimelineJS spreadsheet as CSV (header row first)."""
    return render(docs, defuse_formulas)[0]
