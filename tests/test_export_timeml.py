"""TimeML export: read back with a plain XML parser to the same text and spans."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _export_docs as D
from timeline.errors import TimelineError
from timeline.export import render
from timeline.evaluation.timeml import read_timeml
from timeline.model import Document, Expression


def plain_parse(xml: str) -> tuple[ET.Element, str, list[tuple[int, int, dict[str, str]]]]:
    """TEXT's characters and its TIMEX3 spans, with nothing but ElementTree."""
    root = ET.fromstring(xml)
    text_el = root.find("TEXT")
    assert text_el is not None
    out, spans = [text_el.text or ""], []
    for child in text_el:
        start = sum(map(len, out))
        out.append(child.text or "")
        spans.append((start, start + len(child.text or ""), dict(child.attrib)))
        out.append(child.tail or "")
    return root, "".join(out), spans


def test_text_and_spans_read_back_with_elementtree() -> None:
    doc = D.with_events()
    root, text, spans = plain_parse(doc.to_timeml())
    assert text == doc.text  # \r, <, > and & included
    assert [(s, e) for s, e, _ in spans] == [(x.start, x.end) for x in doc.expressions]
    assert [a["value"] for *_, a in spans] == [x.value for x in doc.expressions]
    assert [a["tid"] for *_, a in spans] == [f"t{i}" for i in range(1, 7)]
    every = spans[2][2]
    assert every == {"tid": "t3", "type": "SET", "value": "P1M", "quant": "EVERY"}
    assert spans[5][2]["mod"] == "START"
    assert root.findtext("DOCID") == "hand"


def test_dct_is_the_anchor_as_creation_time() -> None:
    root, _, _ = plain_parse(D.with_events().to_timeml())
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2024-07-28",
                          "temporalFunction": "false", "functionInDocument": "CREATION_TIME"}
    timed = Document("x", anchor=pendulum.datetime(2024, 7, 28, 9, 30, tz="Asia/Tokyo")).to_timeml()
    dct = ET.fromstring(timed).find("DCT/TIMEX3")
    assert dct is not None and (dct.get("type"), dct.get("value")) == ("TIME", "2024-07-28T09:30")


def test_our_reader_gives_text_dct_and_timexes() -> None:
    doc = D.with_events()
    back = read_timeml(doc.to_timeml())
    assert back.text == doc.text and back.anchor == "2024-07-28" and back.doc_id == "hand"
    assert [(t.start, t.end, t.text, t.type, t.value, t.mod, t.quant) for t in back.expressions] == [
        (x.start, x.end, x.text, x.type, x.value, x.mod, x.quant) for x in doc.expressions
    ]


def test_reader_takes_tempeval_style_markup() -> None:
    tml = (
        '<?xml version="1.0" ?><TimeML><DOCID>X1</DOCID><DCT><TIMEX3 tid="t0" type="TIME" '
        'value="1998-11-20T19:30" functionInDocument="CREATION_TIME">1998-11-20</TIMEX3></DCT>'
        '<TEXT>\nHe <EVENT eid="e1">left</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-10">'
        'last month</TIMEX3> <SIGNAL sid="s1">after</SIGNAL> the talks.\n</TEXT></TimeML>'
    )
    back = read_timeml(tml)
    assert back.text == "\nHe left last month after the talks.\n"
    (t,) = back.expressions
    assert back.text[t.start : t.end] == "last month" and t.value == "1998-10"
    assert back.anchor == "1998-11-20T19:30" and back.doc_id == "X1"


def test_overlapping_expressions_are_left_out_and_counted() -> None:
    text = "on Monday morning"
    a = Expression("Monday morning", 3, 17, "TIME", "2024-07-29TMO")
    b = Expression("morning", 10, 17, "TIME", "2024-07-28TMO")
    result = render(Document(text, anchor=D.ANCHOR, expressions=[a, b]), "timeml")
    assert result.left_out == 1
    assert [t.text for t in read_timeml(result.text).expressions] == ["Monday morning"]


def test_several_documents_need_several_files() -> None:
    with pytest.raises(TimelineError, match="one document per file"):
        render([D.with_events(), D.empty()], "timeml")


@pytest.mark.parametrize("name", sorted(D.ALL))
def test_every_hand_built_document_is_well_formed(name: str) -> None:
    doc = D.ALL[name]()
    _, text, spans = plain_parse(doc.to_timeml())
    assert text == doc.text and len(spans) == len(doc.expressions)


TEXT_CHARS = st.one_of(st.sampled_from(list("&<>\"'\r\n\t ]]>")), st.characters(blacklist_categories=("Cs",)))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet=TEXT_CHARS, max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    xs = [Expression(text[a:b], a, b, "DATE", draw(st.sampled_from(["2024", "P1D", "XXXX-03"])),
                     mod=draw(st.none() | st.just("APPROX")))
          for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return Document(text, anchor=D.ANCHOR, expressions=xs)


def _xml_safe(s: str) -> str:
    return "".join(c if c in "\t\n\r" or 0x20 <= ord(c) < 0xFFFE and not 0xD800 <= ord(c) < 0xE000
                   or ord(c) >= 0x10000 else "\ufffd" for c in s)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_any_text_reads_back_with_the_same_characters_and_spans(doc: Document) -> None:
    _, text, spans = plain_parse(doc.to_timeml())
    assert text == _xml_safe(doc.text)  # only characters XML cannot carry become U+FFFD
    assert len(text) == len(doc.text)
    assert [(s, e) for s, e, _ in spans] == [(x.start, x.end) for x in doc.expressions]
