"""Issue 16's document in every export: a weekly meeting (a SET no event holds), two
deadlines ("until", "by"), a "since" decades back and dated events, read back as a user
would (icalendar, pandas, csv, the HTML's SVG)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET

import icalendar
import pandas as pd

import _export_deadlines as DL
from timeline.export import render
from timeline.export.html import WIDTH

SVG = "{http://www.w3.org/2000/svg}"


def _vevents() -> dict[str, icalendar.Event]:
    out = render(DL.document(), "ics")
    assert out.left_out == 0
    cal = icalendar.Calendar.from_ical(out.text)
    return {str(ev["X-TIMELINE-VALUE"]): ev for ev in cal.walk("VEVENT")}


def test_ics_holds_every_event_and_the_weekly_meeting_as_an_rrule() -> None:
    evs = _vevents()
    assert len(evs) == 7
    weekly = evs["XXXX-WXX-1T18:00"]
    assert dict(weekly["RRULE"]) == {"FREQ": ["WEEKLY"], "BYDAY": ["MO"]}
    assert weekly["DTSTART"].dt == dt.datetime(2025, 1, 20, 18, 0, tzinfo=dt.timezone.utc)
    assert "DTEND" not in weekly  # a meeting at 6 p.m.: an instant each week
    assert str(weekly["DESCRIPTION"]).startswith("When: every Monday at 18:00")


def test_ics_puts_open_events_on_their_known_bound_with_the_cue_in_the_summary() -> None:
    evs = _vevents()
    until, by, since = evs["2025-05-10"], evs["2025-01-31"], evs["1998"]
    assert str(until["SUMMARY"]).startswith("until 10 May 2025: Residents can comment")
    assert str(by["SUMMARY"]).startswith("by 31 January 2025: Returns must be filed")
    assert str(since["SUMMARY"]).startswith("since 1998: Prices have risen")
    assert (until["DTSTART"].dt, until["DTEND"].dt) == (dt.date(2025, 5, 10), dt.date(2025, 5, 11))
    assert by["DTSTART"].dt == dt.date(2025, 1, 31)
    assert (since["DTSTART"].dt, since["DTEND"].dt) == (dt.date(1998, 1, 1), dt.date(1998, 1, 2))
    assert str(by["DESCRIPTION"]).startswith("When: by 31 January 2025\n\n")


def test_ics_says_uncertainty_in_words_and_writes_a_clock_time_as_an_instant() -> None:
    evs = _vevents()
    assert str(evs["2025-02"]["DESCRIPTION"]).startswith("When: sometime between 1 and 28 February 2025")
    vote = evs["2025-04-14T10:30"]
    assert vote["DTSTART"].dt == dt.datetime(2025, 4, 14, 10, 30, tzinfo=dt.timezone.utc)
    assert "DTEND" not in vote and "DURATION" not in vote


def test_csv_loads_in_pandas_with_a_row_for_every_entry_and_the_relation_columns() -> None:
    frame = pd.read_csv(io.StringIO(render(DL.document(), "csv").text), keep_default_na=False, dtype=str)
    assert len(frame) == 7
    by_expr = frame.set_index("expression")
    assert by_expr.loc["May 10, 2025", ["relation", "cue", "earliest"]].tolist() == ["UNTIL", "until", ""]
    assert by_expr.loc["31 January 2025", ["relation", "cue", "when"]].tolist() == ["UNTIL", "by", "by 31 January 2025"]
    assert by_expr.loc["1998", ["relation", "cue", "latest"]].tolist() == ["SINCE", "since", ""]
    weekly = by_expr.loc["every Monday at 6 p.m."]
    assert (weekly["type"], weekly["value"], weekly["when"], weekly["event"]) == \
        ("SET", "XXXX-WXX-1T18:00", "every Monday at 18:00", "")


def test_timelinejs_holds_every_dated_entry_and_says_relations_in_display_date() -> None:
    out = render(DL.document(), "timelinejs")
    rows = list(csv.DictReader(io.StringIO(out.text)))
    assert len(rows) == 6 and out.left_out == 1
    (why,) = out.omitted
    assert (why.source, why.what) == ("council.txt", "every Monday at 6 p.m.")
    assert "repetition" in why.reason
    shown = {r["Display Date"]: (r["Year"], r["Month"], r["Day"]) for r in rows if r["Display Date"]}
    assert shown == {"since 1998": ("1998", "1", "1"), "by 31 January 2025": ("2025", "1", "31"),
                     "until 10 May 2025": ("2025", "5", "10")}
    vote = next(r for r in rows if r["Time"])
    assert (vote["Year"], vote["Month"], vote["Day"], vote["Time"], vote["End Year"]) == ("2025", "4", "14", "10:30", "")


def test_html_draws_every_dated_entry_lists_the_meeting_and_breaks_the_axis_at_the_outlier() -> None:
    page = render(DL.document(), "html").text
    tree = ET.fromstring(page.split("\n", 1)[1])
    (chart,) = [el for el in tree.iter(f"{SVG}svg") if el.get("class") == "chart"]
    marks = [a for a in chart.iter(f"{SVG}a") if a.get("class", "").startswith("mark ")]
    assert len(marks) == 6
    assert [g for g in chart.iter(f"{SVG}g") if g.get("class") == "break"]  # 1998 is cut off
    assert "every Monday at 18:00" in page and "Not on the axis" in page
    xs = []
    for m in marks:
        el = m.find(f"{SVG}rect")
        if el is not None:
            xs += [float(el.get("x", "nan")), float(el.get("x", "nan")) + float(el.get("width", "nan"))]
        else:
            el = m.find(f"{SVG}circle")
            assert el is not None
            xs.append(float(el.get("cx", "nan")))
    assert all(0 < x < WIDTH for x in xs)
    # the 2025 events spread over most of the chart instead of one pixel
    late = sorted(x for x in xs if x > WIDTH * 0.25)
    assert late[-1] - late[0] > WIDTH * 0.4
