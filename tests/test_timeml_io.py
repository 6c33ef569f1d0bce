"""TimeML reader and writer: raw text, offsets, entities, DCT, events, links, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import text_with_expressions

from timeline.errors import InputFileError, TimeMLError, UnknownOptionError
from timeline.evaluation.score import read_timeml, write_timeml
from timeline.model import Document, Expression
from timeline.evaluation.timeml import GoldDocument, iter_tml, render_timeml

TBAQ = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "tbaq"
needs_tbaq = pytest.mark.skipif(
    not TBAQ.is_dir(), reason=f"TBAQ corpus not found at {TBAQ} (it is not shipped with the repo)"
)

SAMPLE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>sample-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-07-28" functionInDocument="CREATION_TIME">July 28, 2024</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t99" type="DATE" value="2024">this year</TIMEX3></TITLE>
<TEXT>
Smith &amp; Jones &lt;b&gt; said &quot;hi&quot; &apos;caf&#233;&#x2014;&apos; <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="2024-07-26" mod="START">early <EVENT eid="e9" class="STATE">Friday</EVENT></TIMEX3>.
	They <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t2" type="SET" value="P1W" quant="EVERY" freq="2X">twice a week</TIMEX3>  <TIMEX3 tid="t3" type="DURATION" value="P3D">for three days</TIMEX3>
</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" />
<MAKEINSTANCE eiid="ei9" eventID="e9" tense="NONE" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t2" />
<TLINK lid="l2" relType="BEFORE" timeID="t1" relatedToEventInstance="ei1" />
<TLINK lid="l3" relType="AFTER" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>
"""
RAW = (
    "\nSmith & Jones <b> said \"hi\" 'café\u2014' on early Friday.\n"
    "\tThey met twice a week  for three days\n"
)


@pytest.fixture(scope="module")
def sample() -> GoldDocument:
    return read_timeml(SAMPLE)


def test_raw_text_has_tags_removed_entities_unescaped_and_whitespace_kept(sample: GoldDocument) -> None:
    assert sample.text == RAW


def test_doc_id_and_dct_anchor_are_read(sample: GoldDocument) -> None:
    assert sample.doc_id == "sample-1"
    assert sample.anchor == "2024-07-28"


def test_only_timex3_inside_text_are_expressions(sample: GoldDocument) -> None:
    assert [e.text for e in sample.expressions] == ["early Friday", "twice a week", "for three days"]
    assert sample.timex_ids == ("t1", "t2", "t3")


def test_offsets_point_into_the_raw_text(sample: GoldDocument) -> None:
    starts = [RAW.index("early Friday"), RAW.index("twice a week"), RAW.index("for three days")]
    assert [e.start for e in sample.expressions] == starts
    for e in sample.expressions:
        assert RAW[e.start : e.end] == e.text


def test_timex_attributes_are_read(sample: GoldDocument) -> None:
    first, every, span = sample.expressions
    assert (first.type, first.value, first.mod) == ("DATE", "2024-07-26", "START")
    assert (every.type, every.value, every.quant, every.freq) == ("SET", "P1W", "EVERY", "2X")
    assert (span.type, span.value, span.mod, span.quant) == ("DURATION", "P3D", None, None)
    assert sample.expression("t2") == every
    assert sample.expression("t0") is None


def test_events_nested_in_a_timex_keep_their_own_offsets(sample: GoldDocument) -> None:
    by_id = {e.eid: e for e in sample.events}
    assert set(by_id) == {"e1", "e9"}
    friday = by_id["e9"]
    assert (friday.text, friday.event_class) == ("Friday", "STATE")
    assert RAW[friday.start : friday.end] == "Friday"
    assert sample.expressions[0].start < friday.start < friday.end == sample.expressions[0].end


def test_tlinks_map_event_instances_to_events(sample: GoldDocument) -> None:
    l1, l2, l3 = sample.links
    assert (l1.lid, l1.rel_type, l1.event_instance, l1.event, l1.related_time) == (
        "l1", "IS_INCLUDED", "ei1", "e1", "t2"
    )
    assert (l2.time, l2.related_event_instance, l2.related_event) == ("t1", "ei1", "e1")
    assert l3.related_time == "t0"
    assert sample.event_of("ei9") == "e9"
    assert sample.event_of("ei404") is None


def test_reading_a_file_uses_its_stem_when_there_is_no_docid(tmp_path: Path) -> None:
    p = tmp_path / "no-id.tml"
    p.write_text('<TimeML><TEXT>now</TEXT></TimeML>', encoding="utf-8")
    doc = read_timeml(p)
    assert (doc.doc_id, doc.anchor, doc.text, doc.source) == ("no-id", None, "now", str(p))


@pytest.mark.parametrize(
    "markup, message",
    [
        ("<TimeML><TEXT>a & b</TEXT></TimeML>", "not well-formed XML"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "expected one <TEXT> element, found 0"),
        ('<TimeML><TEXT><TIMEX3 tid="t4" type="DAY" value="1">x</TIMEX3></TEXT></TimeML>',
         "TIMEX3 t4 has type 'DAY'"),
    ],
)
def test_malformed_timeml_raises_naming_the_source(tmp_path: Path, markup: str, message: str) -> None:
    p = tmp_path / "bad.tml"
    p.write_text(markup, encoding="utf-8")
    with pytest.raises(TimeMLError, match=message) as info:
        read_timeml(p)
    assert str(p) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_a_missing_file_raises_input_file_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        read_timeml(tmp_path / "absent.tml")


def test_writer_escapes_text_and_writes_dct_and_set_attributes() -> None:
    text = 'A&B <x> "every" Monday\r\n'
    e = Expression(text="every\" Monday", start=9, end=22, type="SET", value="XXXX-WXX-1",
                   quant="EVERY", freq="1X")
    markup = write_timeml((text, "2024-07-28T09:30", [e]), doc_id="w&1")
    assert "<DOCID>w&amp;1</DOCID>" in markup
    assert 'tid="t0" type="TIME" value="2024-07-28T09:30"' in markup
    assert 'functionInDocument="CREATION_TIME"' in markup
    assert ('<TIMEX3 tid="t1" type="SET" value="XXXX-WXX-1" quant="EVERY" freq="1X">'
            'every" Monday</TIMEX3>') in markup
    assert "mod=" not in markup
    assert "A&amp;B &lt;x&gt;" in markup
    back = read_timeml(markup)
    assert (back.text, back.expressions, back.anchor, back.doc_id) == (text, (e,), "2024-07-28T09:30", "w&1")


def test_writer_accepts_a_document_with_a_datetime_anchor() -> None:
    e = Expression(text="today", start=0, end=5, type="DATE", value="2024-07-28", mod="MID")
    doc = Document(text="today it rained", anchor=dt.datetime(2024, 7, 28, tzinfo=dt.timezone.utc),
                   expressions=[e], source="seeds/rain.txt")
    back = read_timeml(write_timeml(doc))
    assert (back.doc_id, back.anchor, back.expressions) == ("rain", "2024-07-28", (e,))


@pytest.mark.parametrize(
    "exprs, message",
    [
        ([(0, 5), (3, 8)], "expressions overlap"),
        ([(1, 6)], "does not match the text"),
    ],
)
def test_writer_refuses_overlapping_or_misplaced_expressions(
    exprs: list[tuple[int, int]], message: str
) -> None:
    text = "hello world"
    expressions = [
        Expression(text=text[a:b] if message != "does not match the text" else "hello",
                   start=a, end=b, type="DATE", value="X")
        for a, b in exprs
    ]
    with pytest.raises(ValueError, match=message):
        write_timeml((text, "2024-01-01", expressions))


def test_writer_refuses_characters_xml_cannot_carry() -> None:
    with pytest.raises(ValueError, match="U\\+000B at offset 2"):
        write_timeml(("ab\x0bc", "2024-01-01", []))


def test_writer_refuses_what_is_not_a_document() -> None:
    with pytest.raises(TypeError, match="document must be"):
        write_timeml("just text")  # type: ignore[arg-type]


def test_writer_refuses_an_unknown_on_error() -> None:
    with pytest.raises(UnknownOptionError, match="unknown on_error 'ignore'"):
        write_timeml(("x", "2024-01-01", []), on_error="ignore")


def test_replace_mode_leaves_out_overlaps_and_misplaced_expressions_and_counts_them() -> None:
    text = "on Monday morning\x00"
    a = Expression("Monday morning", 3, 17, "TIME", "2024-07-29TMO")
    b = Expression("morning", 10, 17, "TIME", "2024-07-28TMO")
    c = Expression("Sunday", 0, 6, "DATE", "2024-07-28")  # not what the text says there
    markup, left_out = render_timeml((text, "2024-07-28", [b, c, a]), doc_id="r", on_error="replace")
    assert left_out == 2
    back = read_timeml(markup)
    assert back.text == "on Monday morning\ufffd"  # one for one: offsets hold
    assert back.expressions == (a,) and back.timex_ids == ("t1",)
    assert render_timeml((text[:-1], "2024-07-28", [a]))[1] == 0


def test_reader_takes_bytes_and_honours_a_declared_encoding(tmp_path: Path) -> None:
    markup = '<?xml version="1.0" encoding="ISO-8859-1"?><TimeML><TEXT>caf\u00e9 today</TEXT></TimeML>'
    assert read_timeml(markup.encode("latin-1")).text == "caf\u00e9 today"
    p = tmp_path / "latin.tml"
    p.write_bytes(markup.encode("latin-1"))
    assert (read_timeml(p).text, read_timeml(p).doc_id) == ("caf\u00e9 today", "latin")
    utf8 = b"\xef\xbb\xbf<TimeML><TEXT>caf\xc3\xa9</TEXT></TimeML>"
    assert read_timeml(utf8).text == "caf\u00e9"


def test_undeclared_bytes_that_are_not_utf8_are_named(tmp_path: Path) -> None:
    p = tmp_path / "bad.tml"
    p.write_bytes(b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>")
    with pytest.raises(InputFileError, match="not UTF-8"):
        read_timeml(p)
    with pytest.raises(InputFileError, match="<bytes>: not UTF-8"):
        read_timeml(p.read_bytes())


@given(text_with_expressions())
@settings(max_examples=200, deadline=None)
def test_reading_what_was_written_gives_back_the_text_and_expressions(
    case: tuple[str, list[Expression]],
) -> None:
    text, exprs = case
    back = read_timeml(write_timeml((text, "2024-07-28", exprs), doc_id="h"))
    assert back.text == text
    assert back.expressions == tuple(exprs)
    assert back.anchor == "2024-07-28"


@needs_tbaq
def test_every_tbaq_file_reads_and_round_trips() -> None:
    files = list(iter_tml(TBAQ))
    assert len(files) == 256
    count = 0
    for path in files:
        doc = read_timeml(path)
        assert doc.anchor, path
        for e in doc.expressions:
            assert doc.text[e.start : e.end] == e.text
        back = read_timeml(write_timeml(doc))
        assert (back.doc_id, back.text, back.anchor) == (doc.doc_id, doc.text, doc.anchor), path
        assert back.expressions == doc.expressions, path
        assert back.timex_ids == doc.timex_ids, path
        count += len(doc.expressions)
    assert count == 1822
