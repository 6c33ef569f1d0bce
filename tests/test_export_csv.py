"""CSV and TimelineJS exports, read back with the csv module."""

from __future__ import annotations

import csv
import html
import io

import pytest

import _export_docs as D
from timeline.export import render
from timeline.export import timelinejs
from timeline.export.csvio import COLUMNS, to_csv
from timeline.model import Document, Event


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_the_documented_columns_and_one_row_per_event() -> None:
    doc = D.with_events()
    text = doc.to_csv()
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    for name in ("value", "earliest", "latest", "granularity", "relation", "expression", "event",
                 "source", "start", "end"):
        assert name in COLUMNS
    got = rows(text)
    assert len(got) == len(doc.events) == 6
    march, time, every, years, lately, early = got
    assert march["value"] == "2024-03" and march["granularity"] == "month"
    assert march["earliest"] == "2024-03-01T00:00:00+00:00" and march["latest"] == "2024-04-01T00:00:00+00:00"
    assert doc.text[int(march["start"]) : int(march["end"])] == march["expression"] == "March"
    assert march["event"] == doc.events[0].text and march["source"] == "hand.txt"
    assert time["type"] == "TIME" and time["granularity"] == "minute"
    assert every["granularity"] == "set" and every["earliest"] == every["latest"] == ""
    assert years["value"] == "P15Y" and years["granularity"] == "duration"
    assert lately["granularity"] == "reference"
    assert early["mod"] == "START"


def test_quotes_commas_and_line_breaks_survive_the_csv_module() -> None:
    got = rows(D.with_events().to_csv())
    assert got[0]["event"].endswith('world\'s "second-highest".')
    assert "<a lot> & more" in got[3]["event"]


def test_without_events_each_expression_gets_a_row_as_itself() -> None:
    doc = D.without_events()
    got = rows(doc.to_csv())
    assert [r["expression"] for r in got] == [x.text for x in doc.expressions]
    # exporters never build events: no relation, no event text, no event offsets
    assert all(r["relation"] == r["event"] == r["event_start"] == "" for r in got)
    assert got[0]["when"] == "sometime between 1 and 31 March 2024"


def test_event_less_duration_only_and_empty_documents() -> None:
    assert [r["value"] for r in rows(D.duration_only().to_csv())] == ["P15Y"]
    assert rows(D.empty().to_csv()) == []


def test_csv_of_several_documents_has_one_header() -> None:
    got = rows(render([D.with_events(), D.duration_only()], "csv").text)
    assert len(got) == 7 and got[-1]["source"] == "duration.txt"


# -- TimelineJS ------------------------------------------------------------------------


def test_timelinejs_has_the_knight_lab_columns() -> None:
    header = next(csv.reader(io.StringIO(D.with_events().to_timelinejs())))
    assert header[:11] == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
                           "End Time", "Display Date", "Headline", "Text"]
    assert header[11:] == ["Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type",
                           "Group", "Background"]


def test_timelinejs_fills_dates_to_the_precision_of_the_value() -> None:
    text, left_out = timelinejs.render(D.with_events())
    got = rows(text)
    assert left_out == 2  # the SET and the bare duration
    march, time, lately, early = got
    assert (march["Year"], march["Month"], march["Day"], march["End Year"]) == ("2024", "3", "", "")
    assert (time["Year"], time["Month"], time["Day"], time["Time"]) == ("2024", "7", "29", "10:30")
    assert lately["Display Date"] == "recently"
    assert (early["Year"], early["Month"], early["Day"]) == ("2025", "1", "1")
    assert (early["End Year"], early["End Month"], early["End Day"]) == ("2025", "5", "2")
    assert early["Display Date"] == "early 2025"
    assert all(len(html.unescape(r["Headline"])) <= timelinejs.HEADLINE_WIDTH for r in got)
    assert "&lt;a lot&gt; &amp; more" in lately["Text"]
    assert {r["Group"] for r in got} == {"hand.txt"}


def test_timelinejs_quarter_gets_inclusive_end_columns() -> None:
    import pendulum

    from timeline.model import Document

    text = "Sales fell in the first quarter."
    x = D.expr(text, "the first quarter", "DATE", "2024-Q1")
    (row,) = rows(Document(text, anchor=pendulum.datetime(2024, 7, 28), expressions=[x]).to_timelinejs())
    assert [row[k] for k in ("Year", "Month", "Day", "End Year", "End Month", "End Day")] == \
        ["2024", "1", "1", "2024", "3", "31"]
    assert row["Display Date"] == "Q1 2024"


def test_an_expression_no_event_holds_gets_its_own_row_beside_the_events() -> None:
    doc = D.with_events()
    doc = Document(doc.text, anchor=doc.anchor, expressions=doc.expressions,
                   events=[e for e in doc.events if e.expression.type != "SET"], source=doc.source)
    got = rows(doc.to_csv())
    assert len(got) == len(doc.expressions)
    (every,) = [r for r in got if r["type"] == "SET"]
    assert (every["expression"], every["event"], every["when"], every["quant"]) == \
        ("every month", "", "every month", "EVERY")


def test_timelinejs_says_a_relation_in_display_date() -> None:
    doc = D.with_events()
    before = doc.events[0].__class__(**{**{a: getattr(doc.events[0], a) for a in
                                           ("text", "start", "end", "expression", "earliest", "latest")},
                                        "relation": "BEFORE"})
    (row,) = rows(Document(doc.text, anchor=doc.anchor, expressions=doc.expressions[:1], events=[before]).to_timelinejs())
    assert row["Display Date"] == "before March 2024"
    assert (row["Year"], row["Month"], row["Day"], row["End Month"], row["End Day"]) == ("2024", "3", "1", "3", "31")


# -- formula defusing (OWASP CSV injection) ----------------------------------------------

FORMULAS = ['=1+2 "quoted"', "+SUM(A1)", "-2+3", "@cmd", "\tTabbed", "\rReturn"]


def _formula_doc(start: str) -> Document:
    text = f"{start} rose in March."
    x = D.expr(text, "March", "DATE", "2024-03")
    ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest, sources=(start,))
    return Document(text, anchor=D.ANCHOR, expressions=[x], events=[ev])


@pytest.mark.parametrize("start", FORMULAS)
def test_cells_a_spreadsheet_would_run_get_a_leading_quote(start: str) -> None:
    doc = _formula_doc(start)
    for out in (doc.to_csv(), doc.to_timelinejs()):
        cells = [c for row in list(csv.reader(io.StringIO(out)))[1:] for c in row]
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
        assert any(c.startswith("'" + start) for c in cells)


@pytest.mark.parametrize("start", FORMULAS)
def test_defuse_formulas_false_writes_cells_raw(start: str) -> None:
    doc = _formula_doc(start)
    for out in (to_csv(doc, defuse_formulas=False), timelinejs.to_timelinejs(doc, defuse_formulas=False),
                render(doc, "csv", defuse_formulas=False).text):
        cells = [c for row in list(csv.reader(io.StringIO(out)))[1:] for c in row]
        assert any(c.startswith(start) for c in cells)


def test_timelinejs_says_a_vague_decade_without_a_doubled_article() -> None:
    text = "Construction began in the early 1950s."
    x = D.expr(text, "the early 1950s", "DATE", "195", mod="START")
    (row,) = rows(Document(text, anchor=D.ANCHOR, expressions=[x]).to_timelinejs())
    assert row["Display Date"] == "early 1950s"
    assert (row["Year"], row["End Year"]) == ("1950", "1953")
    assert timelinejs.display_date("195") == "the 1950s"


def test_timelinejs_after_and_since_reach_display_date() -> None:
    text = "Prices rose after March. Talks have run since June."
    after = D.expr(text, "March", "DATE", "2024-03")
    since = D.expr(text, "June", "DATE", "2024-06")
    events = [Event("Prices rose after March.", 0, 24, after, relation="AFTER", earliest=after.latest),
              Event("Talks have run since June.", 25, 51, since, relation="SINCE", earliest=since.earliest)]
    got = rows(Document(text, anchor=D.ANCHOR, expressions=[after, since], events=events).to_timelinejs())
    assert [(r["Display Date"], r["Year"], r["Month"], r["Day"]) for r in got] == \
        [("after March 2024", "2024", "4", "1"), ("since June 2024", "2024", "6", "1")]
