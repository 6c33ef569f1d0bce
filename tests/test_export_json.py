"""JSON export: everything in, everything back out (Document.from_json)."""

from __future__ import annotations

import datetime as dt
import json

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _export_docs as D
from timeline.export import render
from timeline.export.jsonio import SCHEMA, JSONFormatError, from_json, to_record
from timeline.model import RELATIONS, TIMEX_TYPES, Document, Event, Expression


@pytest.mark.parametrize("name", sorted(D.ALL))
def test_hand_built_documents_read_back_equal(name: str) -> None:
    doc = D.ALL[name]()
    assert Document.from_json(doc.to_json()) == doc
    assert Document.from_json(doc.to_jsonl_record()) == doc


def test_record_holds_anchor_domain_expressions_and_events() -> None:
    doc = D.with_events()
    r = json.loads(doc.to_json())
    assert r["schema"] == SCHEMA
    assert r["anchor"] == "2024-07-28T00:00:00+00:00" and r["domain"] == "news"
    assert r["text"] == doc.text
    march = r["expressions"][0]
    assert march == {
        "text": "March", "start": 3, "end": 8, "type": "DATE", "value": "2024-03", "mod": None,
        "earliest": "2024-03-01T00:00:00+00:00", "latest": "2024-04-01T00:00:00+00:00",
        "rule": "hand", "quant": None, "freq": None, "range_role": None, "range_other": None,
    }
    assert [e["relation"] for e in r["events"]] == ["ON"] * 6
    assert [e["expression_index"] for e in r["events"]] == list(range(6))
    assert r["events"][2]["expression"]["type"] == "SET"


def test_timezone_of_the_anchor_survives() -> None:
    doc = D.with_events(pendulum.datetime(2024, 7, 28, 9, tz="Asia/Tokyo"))
    back = Document.from_json(doc.to_json())
    assert back == doc
    assert back.anchor.tzinfo.name == "Asia/Tokyo"  # type: ignore[union-attr]
    assert back.expressions[1].earliest.utcoffset() == dt.timedelta(hours=9)  # type: ignore[union-attr]


def test_event_whose_expression_is_not_listed_keeps_it_inline() -> None:
    doc = D.without_events()
    x = Expression("March", 3, 8, "DATE", "2023-03")  # not one of doc.expressions
    doc = Document(doc.text, anchor=doc.anchor, expressions=doc.expressions,
                   events=[Event("In March", 0, 8, expression=x, relation="AFTER")])
    r = to_record(doc)
    assert r["events"][0]["expression_index"] is None
    assert Document.from_json(doc.to_json()) == doc


def test_jsonl_is_one_object_per_document_per_line() -> None:
    text = render([D.with_events(), D.duration_only(), D.empty()], "jsonl").text
    lines = text.splitlines()
    assert len(lines) == 3 and text.endswith("\n")
    assert [json.loads(l)["source"] for l in lines] == ["hand.txt", "duration.txt", "empty.txt"]


def test_json_of_several_documents_is_an_array() -> None:
    data = json.loads(render([D.with_events(), D.empty()], "json").text)
    assert isinstance(data, list) and len(data) == 2


@pytest.mark.parametrize(
    "text, message",
    [
        ("{", "not JSON"),
        ("[]", "must be a JSON object"),
        ('{"text": "x"}', "missing the field 'anchor'"),
        ('{"anchor": "2024-07-28"}', "missing the field 'text'"),
        ('{"text": "x", "anchor": "2024-07-28", "expressions": [{"text": "x"}]}', "missing the field 'start'"),
    ],
)
def test_bad_json_raises_naming_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(JSONFormatError, match=message):
        from_json(text)


# -- the round trip as a property -------------------------------------------------------

ZONES = st.sampled_from(["UTC", "Asia/Tokyo", "America/New_York", "Europe/Berlin"])
VALUES = st.sampled_from(["2024-03", "2024-07-28T10:30", "P15Y", "P1M", "PAST_REF", "XXXX-WXX-1", "2024-Q1"])


@st.composite
def aware(draw: st.DrawFn, zone: str) -> pendulum.DateTime:
    d = draw(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)))
    return pendulum.instance(d, tz="UTC").in_timezone(zone)


@st.composite
def ranges(draw: st.DrawFn, zone: str) -> tuple[pendulum.DateTime | None, pendulum.DateTime | None]:
    if draw(st.booleans()):
        return None, None
    a = draw(aware(zone))
    return a, a.add(seconds=draw(st.integers(1, 10**8)))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    zone = draw(ZONES)
    text = draw(st.text(max_size=80))
    spans = sorted(draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=5)))
    xs = []
    for a, b in spans:
        a, b = min(a, b), max(a, b)
        e, l = draw(ranges(zone))
        xs.append(Expression(text[a:b], a, b, draw(st.sampled_from(TIMEX_TYPES)), draw(VALUES),
                             mod=draw(st.none() | st.sampled_from(["START", "APPROX"])),
                             earliest=e, latest=l, rule=draw(st.text(max_size=5)),
                             quant=draw(st.none() | st.just("EVERY")), freq=draw(st.none() | st.just("2X"))))
    events = []
    for x in draw(st.lists(st.sampled_from(xs), max_size=4)) if xs else []:
        e, l = draw(ranges(zone))
        events.append(Event(draw(st.text(max_size=30)), x.start, x.end, expression=x,
                            relation=draw(st.sampled_from(RELATIONS)), earliest=e, latest=l,
                            trigger=draw(st.none() | st.text(max_size=8)),
                            trigger_start=draw(st.none() | st.integers(0, 50)),
                            sources=tuple(draw(st.lists(st.text(max_size=8), max_size=2)))))
    return Document(text, anchor=draw(aware(zone)), domain=draw(st.sampled_from(["news", "narrative", "colloquial"])),
                    expressions=xs, events=events, source=draw(st.none() | st.text(max_size=12)))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_every_document_reads_back_from_its_json_equal(doc: Document) -> None:
    assert Document.from_json(doc.to_json()) == doc
    line = doc.to_jsonl_record()
    assert "\n" not in line
    assert Document.from_json(line) == doc


def test_the_ends_of_a_range_keep_their_link_through_json() -> None:
    import timeline

    doc = timeline.parse("The festival will run 8-10 May. The war lasted from 1939 to 1945.", anchor="2024-07-28")
    assert [x.range_role for x in doc.expressions] == ["start", "end", "start", "end"]
    again = timeline.Document.from_json(doc.to_json())
    assert again == doc
    assert [(x.range_role, x.range_other) for x in again.expressions] == [(x.range_role, x.range_other) for x in doc.expressions]
