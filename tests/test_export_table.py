"""The table for people: events or expressions, readable at 100 columns."""

from __future__ import annotations

import pendulum

import _export_docs as D
from timeline.export import render
from timeline.export.table import to_table
from timeline.model import Document, Expression


def test_events_table_shows_value_range_relation_and_event() -> None:
    out = D.with_events().to_table()
    lines = out.splitlines()
    assert lines[0] == "hand.txt · anchor 2024-07-28 · news · 6 expressions, 6 events"
    assert lines[1].split() == ["VALUE", "RANGE", "RELATION", "EVENT"]
    assert lines[2].startswith("2024-03") and "[2024-03-01, 2024-04-01)" in lines[2] and " ON " in lines[2]
    assert "[2024-07-29 10:30, 10:31)" in out
    assert "2025 START" in out and "[2025-01-01, 2025-05-03)" in out


def test_without_events_the_expressions_are_listed() -> None:
    lines = D.without_events().to_table().splitlines()
    assert lines[1].split() == ["VALUE", "TYPE", "RANGE", "TEXT"]
    assert [l.split()[0] for l in lines[2:]] == ["2024-03", "2024-07-29T10:30", "P1M", "P15Y", "PAST_REF", "2025"]
    assert lines[5].split() == ["P15Y", "DURATION", "15", "years"]


def test_every_line_fits_in_100_columns() -> None:
    long = "In March " + "the ministers said many things at great length " * 10
    x = Expression("March", 3, 8, "DATE", "2024-03",
                   earliest=pendulum.datetime(2024, 3, 1), latest=pendulum.datetime(2024, 4, 1))
    from timeline.model import Event

    doc = Document(long, anchor=D.ANCHOR, expressions=[x],
                   events=[Event(long, 0, len(long), expression=x)])
    for d in (doc, D.with_events(), D.without_events()):
        assert all(len(line) <= 100 for line in d.to_table().splitlines())
    narrow = to_table(D.with_events(), width=60).splitlines()
    assert all(len(line) <= 60 for line in narrow)
    assert narrow[4].startswith("    In March")  # the text goes under its row


def test_a_long_source_name_is_cut_to_the_width() -> None:
    doc = Document("x", anchor=D.ANCHOR, source="a/" * 80 + "b.txt")
    header = doc.to_table().splitlines()[0]
    assert len(header) <= 100 and header.startswith("…") and header.endswith("0 expressions, 0 events")
    assert "a/b.txt · anchor 2024-07-28" in header


def test_nothing_found_says_so() -> None:
    assert D.empty().to_table().splitlines()[1] == "(no temporal expressions found)"


def test_several_documents_are_separated_by_a_blank_line() -> None:
    out = render([D.with_events(), D.empty()], "table").text
    assert "\n\nempty.txt · anchor" in out and out.endswith("\n")


def test_anchor_with_time_and_zone_is_shown_in_full() -> None:
    doc = Document("x", anchor=pendulum.datetime(2024, 7, 28, 9, 30, tz="Asia/Tokyo"))
    assert "anchor 2024-07-28T09:30:00+09:00" in doc.to_table()
