"""Exports and timelines of tagged documents: what the exporters' own tests check on
hand-built documents must hold for whatever the tagger produces from generated news text."""

from __future__ import annotations

import csv
import io
import re

import icalendar
from hypothesis import given
from hypothesis import strategies as st
from strategies import absolute_sentences, anchors, any_text, aware_anchors, fragment_text, relative_sentences

import timeline
from timeline.export import render
from timeline.export._common import entries
from timeline.export.jsonio import from_json, to_json
from timeline.model import Document
from timeline.events.order import merge, ordered, relation
from timeline.evaluation.timeml import read_timeml

#: characters XML 1.0 cannot carry (the TimeML writer turns each into U+FFFD)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: a few sentences of generated news text, some with dates, some without
news = st.lists(st.one_of(absolute_sentences, relative_sentences, fragment_text, any_text), min_size=1, max_size=4).map("\n\n".join)


@st.composite
def tagged(draw: st.DrawFn, named_zones: bool = True) -> Document:
    """A tagged document; its anchor has a fixed UTC offset or (``named_zones``) an IANA zone."""
    anchor = draw(aware_anchors() | anchors()) if named_zones else draw(aware_anchors())
    return timeline.parse(draw(news), anchor=anchor, source=draw(st.sampled_from(["a.txt", "b.txt", None])))


# named zones: a year before 1900 has a local mean time offset with seconds (see test_robustness)
@given(tagged(named_zones=False))
def test_the_json_of_a_tagged_document_reads_back_equal(doc: Document) -> None:
    assert from_json(to_json(doc)) == doc


@given(tagged())
def test_the_csv_of_a_tagged_document_has_one_row_per_entry(doc: Document) -> None:
    """Entries are the events, or one stand-in per expression when there are none."""
    rows = list(csv.reader(io.StringIO(render(doc, "csv").text)))
    assert len(rows) == 1 + len(entries(doc))


@given(tagged())
def test_the_ics_of_a_tagged_document_parses_with_one_vevent_per_entry_it_keeps(doc: Document) -> None:
    out = render(doc, "ics")
    cal = icalendar.Calendar.from_ical(out.text)
    assert len(cal.walk("VEVENT")) + out.left_out == len(entries(doc))


@given(tagged())
def test_the_timeml_of_a_tagged_document_reads_back_with_its_text_and_expressions(doc: Document) -> None:
    out = render(doc, "timeml")
    back = read_timeml(out.text)
    assert back.text == NOT_XML.sub("\ufffd", doc.text)
    assert len(back.expressions) + out.left_out == len(doc.expressions)
    kept = {(x.start, x.end, x.value) for x in doc.expressions}
    assert all((t.start, t.end, t.value) in kept for t in back.expressions)


@given(tagged())
def test_the_events_of_a_tagged_document_are_in_timeline_order(doc: Document) -> None:
    assert ordered(doc.events) == doc.events
    for a, b in zip(doc.events, doc.events[1:]):
        assert relation(b, a) != "BEFORE", (a, b)


@given(st.lists(tagged(), min_size=1, max_size=3), st.randoms(use_true_random=False))
def test_merging_tagged_documents_does_not_depend_on_their_order(docs: list[Document], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert merge(*docs) == merge(*shuffled)
