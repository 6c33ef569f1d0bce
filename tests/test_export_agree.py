"""ics, csv, json and timeml agree on how many events and expressions a document has."""

from __future__ import annotations

import csv
import io
import json

import icalendar
import pytest

import _export_docs as D
from timeline.export import render
from timeline.evaluation.timeml import read_timeml


@pytest.mark.parametrize("name", sorted(D.ALL))
def test_formats_agree_on_counts(name: str) -> None:
    doc = D.ALL[name]()
    record = json.loads(render(doc, "json").text)
    n_expressions = len(record["expressions"])
    n_entries = len(record["events"]) or n_expressions  # expressions stand in until events exist

    csv_rows = list(csv.DictReader(io.StringIO(render(doc, "csv").text)))
    ics = render(doc, "ics")
    vevents = list(icalendar.Calendar.from_ical(ics.text).walk("VEVENT"))
    tjs = render(doc, "timelinejs")
    tjs_rows = list(csv.DictReader(io.StringIO(tjs.text)))
    timexes = read_timeml(render(doc, "timeml").text).expressions

    assert len(csv_rows) == n_entries
    assert len(vevents) + ics.left_out == n_entries
    assert len(tjs_rows) + tjs.left_out == n_entries
    assert len(timexes) == n_expressions
    assert len(render(doc, "jsonl").text.splitlines()) == 1
