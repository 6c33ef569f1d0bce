"""The spaCy component (timeline.spacy_component) on spacy.blank("en"): spans, extension
attributes, anchors, settings, nlp.pipe with several processes, alignment, serialization."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import multiprocessing
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text, fragment_text, glued_text

spacy = pytest.importorskip("spacy", reason="the spacy extra is not installed (pip install 'timeline[spacy]')")

from spacy.tokens import Doc, DocBin  # noqa: E402
from thinc.api import ConfigValidationError  # noqa: E402

import timeline  # noqa: E402
from timeline.spacy_component import MissingAnchorError, TimelineComponent, make_timeline_component  # noqa: E402

ANCHOR = "2024-07-28"  # a Sunday

#: sentences of our own, with and without temporal expressions
TEXTS = [
    "Talks resume on Monday.",
    "The ministers met on Sunday and again two days later.",
    "Nothing in this sentence is about time at all.",
    "Exports fell 7.2 percent in March 2024, the agency said.",
    "The plant closed on Oct. 23 after three years of losses; it reopens next spring.",
    "",
    "The board meets every Tuesday at 9 a.m. until the end of 2025.",
    "The festival runs 8-10 May; the fair ran from 1939 to 1945 in Tokyo time at 9 a.m. JST.",
]


def blank(**config: Any) -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config=config)
    return nlp


def spans(doc: Doc, key: str = "timeline") -> list[tuple[int, int, str, str, Any]]:
    """What a span group says: characters, text, label and the expression of each span."""
    return [(s.start_char, s.end_char, s.text, s.label_, s._.timex) for s in doc.spans[key]]


# -- what the issue asks for, first


def test_talks_resume_on_monday_is_a_span_whose_timex_value_is_the_next_day() -> None:
    doc = blank(anchor=ANCHOR)("Talks resume on Monday.")
    (span,) = doc.spans["timeline"]
    assert (span.text, span.label_) == ("Monday", "DATE")
    x = span._.timex
    assert isinstance(x, timeline.Expression)
    assert (x.value, x.type, x.mod) == ("2024-07-29", "DATE", None)
    assert (x.earliest.isoformat(), x.latest.isoformat()) == ("2024-07-29T00:00:00+00:00", "2024-07-30T00:00:00+00:00")


def test_doc_timeline_is_the_document_parse_gives_for_the_same_text() -> None:
    nlp = blank(anchor=ANCHOR)
    for text in TEXTS:
        doc = nlp(text)
        assert doc._.timeline == timeline.parse(text, ANCHOR)
        assert [s._.timex for s in doc.spans["timeline"]] == list(doc._.timeline.expressions)


def test_events_come_with_the_document() -> None:
    text = "The ministers met on Sunday. Talks resume in March."
    doc = blank(anchor=ANCHOR)(text)
    assert [e.trigger for e in doc._.timeline.events] == ["Talks", "met"]
    assert doc._.timeline.events == timeline.parse(text, ANCHOR).events


def test_spans_go_under_the_key_of_the_setting() -> None:
    doc = blank(anchor=ANCHOR, spans_key="dates")("Talks resume on Monday.")
    assert [s.text for s in doc.spans["dates"]] == ["Monday"]
    assert "timeline" not in doc.spans


def test_it_runs_beside_other_components_and_leaves_their_work_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Tokyo"}])
    nlp.add_pipe("timeline", config={"anchor": ANCHOR})
    doc = nlp("The ministers met in Tokyo on Sunday. Talks resume on Monday.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Tokyo", "GPE")]
    assert len(list(doc.sents)) == 2
    assert [(s.text, s.sent.start) for s in doc.spans["timeline"]] == [("Sunday", 0), ("Monday", 8)]


def test_a_text_without_expressions_gets_an_empty_span_group() -> None:
    doc = blank(anchor=ANCHOR)("Nothing in this sentence is about time at all.")
    assert list(doc.spans["timeline"]) == []
    assert doc._.timeline.expressions == ()


# -- the anchor of each Doc


def test_doc_anchor_set_before_the_pipeline_wins_over_the_setting() -> None:
    nlp = blank(anchor=ANCHOR)
    doc = nlp.make_doc("Talks resume on Monday.")
    doc._.anchor = "2021-03-10"
    doc = nlp(doc)
    assert doc.spans["timeline"][0]._.timex.value.startswith("2021-03-")
    assert doc._.timeline.anchor.isoformat() == "2021-03-10T00:00:00+00:00"
    assert doc._.timeline == timeline.parse("Talks resume on Monday.", "2021-03-10")


def test_doc_anchor_alone_is_enough() -> None:
    nlp = blank()
    doc = nlp.make_doc("Talks resume on Monday.")
    doc._.anchor = ANCHOR
    assert nlp(doc).spans["timeline"][0]._.timex.value == "2024-07-29"


def test_without_any_anchor_the_error_names_both_ways_to_give_one() -> None:
    nlp = blank()
    with pytest.raises(MissingAnchorError) as info:
        nlp("Talks resume on Monday.")
    message = str(info.value)
    assert "doc._.anchor" in message and "nlp.add_pipe('timeline', config={'anchor'" in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, timeline.TimelineError)
    assert pickle.loads(pickle.dumps(info.value)).args == info.value.args  # crosses processes


def test_the_error_of_a_component_added_under_another_name_says_how_to_add_it() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", name="dates")
    with pytest.raises(MissingAnchorError, match=r"nlp.add_pipe\('timeline', name='dates', config="):
        nlp("Talks resume on Monday.")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2021-03-10", "2021-03-10"),
        (dt.date(2021, 3, 10), "2021-03-10"),
        (dt.datetime(2021, 3, 10, 9, 30), "2021-03-10T09:30:00"),
        (dt.datetime(2021, 3, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))), "2021-03-10T09:30:00+09:00"),
    ],
    ids=["iso string", "date", "naive datetime", "aware datetime"],
)
def test_doc_anchor_takes_what_parse_takes_and_keeps_it_as_an_iso_string(given: object, stored: str) -> None:
    nlp = blank()
    text = "Talks resume on Monday at noon."
    doc = nlp.make_doc(text)
    doc._.anchor = given
    assert doc._.anchor == stored
    assert nlp(doc)._.timeline == timeline.parse(text, given)


def test_an_invalid_doc_anchor_raises_when_set_and_leaves_the_doc_as_it_was() -> None:
    doc = spacy.blank("en").make_doc("Talks resume on Monday.")
    doc._.anchor = ANCHOR
    with pytest.raises(timeline.InvalidAnchorError, match="invalid anchor '2024-13-45'"):
        doc._.anchor = "2024-13-45"
    assert doc._.anchor == ANCHOR
    doc._.anchor = None
    assert doc._.anchor is None


# -- settings


def test_the_domain_setting_reaches_the_tagger() -> None:
    text = "see you on friday."
    assert list(blank(anchor=ANCHOR)(text).spans["timeline"]) == []
    doc = blank(anchor=ANCHOR, domain="colloquial")(text)
    assert [(s.text, s._.timex.value) for s in doc.spans["timeline"]] == [("friday", "2024-08-02")]
    assert doc._.timeline.domain == "colloquial"
    assert doc._.timeline == timeline.parse(text, ANCHOR, domain="colloquial")


@pytest.mark.parametrize(
    ("config", "error", "match"),
    [
        ({"domain": "sports"}, timeline.UnknownOptionError, "unknown domain 'sports': expected one of news, narrative, colloquial"),
        ({"anchor": "2024-13-45"}, timeline.InvalidAnchorError, "invalid anchor '2024-13-45'"),
        ({"anchor": "yesterday"}, timeline.InvalidAnchorError, "invalid anchor 'yesterday'"),
        ({"alignment_mode": "nearest"}, timeline.UnknownOptionError, "unknown alignment_mode 'nearest': expected one of expand, contract, strict"),
        ({"spans_key": ""}, ValueError, "spans_key must be a non-empty str"),
        ({"anchr": ANCHOR}, ConfigValidationError, "anchr"),
        ({"anchor": 20240728}, ConfigValidationError, "anchor"),
    ],
    ids=["domain", "anchor", "anchor words", "alignment", "spans key", "unknown setting", "anchor not a string"],
)
def test_an_invalid_setting_fails_at_add_pipe(config: dict[str, Any], error: type[Exception], match: str) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(error, match=match):
        nlp.add_pipe("timeline", config=config)
    assert "timeline" not in nlp.pipe_names


# -- nlp.pipe


def one_by_one(nlp: Any, texts: list[str]) -> list[list[tuple[int, int, str, str, Any]]]:
    return [spans(nlp(text)) for text in texts]


@pytest.mark.parametrize("n_process", [1, 2])
def test_nlp_pipe_gives_the_spans_nlp_gives_one_by_one(n_process: int) -> None:
    nlp = blank(anchor=ANCHOR)
    texts = TEXTS * 3
    docs = list(nlp.pipe(texts, n_process=n_process, batch_size=4))
    assert [spans(doc) for doc in docs] == one_by_one(nlp, texts)
    assert [doc._.timeline for doc in docs] == [timeline.parse(text, ANCHOR) for text in texts]


def with_anchors(nlp: Any, rows: list[tuple[str, str, int]]) -> Iterator[tuple[Doc, int]]:
    """The recipe of docs/spacy.md: each text's anchor travels in its Doc."""
    for text, anchor, row_id in rows:
        doc = nlp.make_doc(text)
        doc._.anchor = anchor
        yield doc, row_id


def test_as_tuples_with_two_processes_resolves_each_text_against_its_own_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy starts its workers with multiprocessing's default method: fork here, spawn on
    # macOS and Windows. Spawn is the harder case (the pipeline, the extensions and the
    # msgpack hooks must reach a fresh interpreter): this test runs it everywhere.
    monkeypatch.setattr(spacy.language, "mp", multiprocessing.get_context("spawn"))
    nlp = blank()  # no anchor in the settings: every Doc brings its own
    anchors = ["2024-07-28", "2021-03-10", "1999-12-31T23:00:00-05:00"]
    rows = [(text, anchors[i % 3], i) for i, text in enumerate(TEXTS * 2)]
    out = list(nlp.pipe(with_anchors(nlp, rows), as_tuples=True, n_process=2, batch_size=3))
    assert [row_id for _, row_id in out] == [row_id for _, _, row_id in rows]
    for (doc, _), (text, anchor, _) in zip(out, rows, strict=True):
        assert doc._.anchor == anchor
        assert doc._.timeline == timeline.parse(text, anchor)
        assert [s._.timex for s in doc.spans["timeline"]] == list(doc._.timeline.expressions)


def test_nlp_pipe_stops_at_a_doc_without_anchor_with_the_same_error() -> None:
    nlp = blank()
    with pytest.raises(MissingAnchorError, match="doc._.anchor"):
        list(nlp.pipe(TEXTS))


# -- alignment: offsets to tokens

# "Talks(next" is one token of spaCy's English tokenizer: the expression "next Monday" cuts it
CUT = "Talks(next Monday) resume."


def test_the_example_cuts_a_token() -> None:
    assert [t.text for t in spacy.blank("en").make_doc(CUT)][:2] == ["Talks(next", "Monday"]


@pytest.mark.parametrize(
    ("mode", "covered"),
    [("expand", ["Talks(next Monday"]), ("contract", ["Monday"]), ("strict", [])],
)
def test_an_expression_that_cuts_a_token_gets_the_span_of_the_alignment_mode(mode: str, covered: list[str]) -> None:
    doc = blank(anchor=ANCHOR, alignment_mode=mode)(CUT)
    assert [s.text for s in doc.spans["timeline"]] == covered
    # the expression keeps its own characters, and the document keeps the expression
    assert [s._.timex.text for s in doc.spans["timeline"]] == ["next Monday"] * len(covered)
    assert [(x.text, x.value) for x in doc._.timeline.expressions] == [("next Monday", "2024-07-29")]


def test_contract_drops_an_expression_with_no_whole_token_inside() -> None:
    # a tokenizer that keeps "Monday." whole
    words, spaces = ["Talks", "resume", "Monday."], [True, True, False]
    for mode, covered in (("expand", ["Monday."]), ("contract", []), ("strict", [])):
        nlp = blank(anchor=ANCHOR, alignment_mode=mode)
        doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
        assert [s.text for s in doc.spans["timeline"]] == covered
        assert [x.text for x in doc._.timeline.expressions] == ["Monday"]


def test_expressions_that_widen_to_the_same_tokens_share_one_span() -> None:
    # spaCy keeps "Monday&Tuesday" as one token: two expressions, one token
    nlp = blank(anchor=ANCHOR)
    doc = nlp("Talks resume on Monday&Tuesday.")
    assert [x.text for x in doc._.timeline.expressions] == ["Monday", "Tuesday"]
    assert [(s.text, s._.timex.text) for s in doc.spans["timeline"]] == [("Monday&Tuesday", "Monday")]


texts = st.one_of(any_text, fragment_text, glued_text)


@given(text=texts, mode=st.sampled_from(("expand", "contract", "strict")))
def test_every_span_holds_an_expression_of_the_document_and_lies_where_the_mode_says(text: str, mode: str) -> None:
    doc = _nlps[mode](text)
    document = doc._.timeline
    assert document == timeline.parse(text, ANCHOR)
    for span in doc.spans["timeline"]:
        x = span._.timex
        assert x in document.expressions and span.label_ == x.type
        if mode == "expand":
            assert span.start_char <= x.start and x.end <= span.end_char
        elif mode == "contract":
            assert x.start <= span.start_char and span.end_char <= x.end
        else:
            assert (span.start_char, span.end_char) == (x.start, x.end)
    if mode == "expand":  # nothing is lost: an expression without a span shares another's tokens
        covered = [(s.start_char, s.end_char) for s in doc.spans["timeline"]]
        for x in document.expressions:
            assert any(a <= x.start and x.end <= b for a, b in covered)


_nlps = {mode: blank(anchor=ANCHOR, alignment_mode=mode) for mode in ("expand", "contract", "strict")}


# -- serialization, pickling, saving, the entry point


def test_doc_bytes_keep_the_expressions_and_the_document() -> None:
    nlp = blank(anchor="2024-07-28T09:00:00+09:00")
    doc = nlp("The ministers met on Sunday and again two days later. " + TEXTS[-1])
    assert any(x.range_role for x in doc._.timeline.expressions)  # every field comes back
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert spans(back) == spans(doc) and back._.timeline == doc._.timeline
    assert back._.timeline.events == doc._.timeline.events


def test_a_docbin_with_user_data_keeps_them_too() -> None:
    nlp = blank(anchor=ANCHOR)
    docs = list(nlp.pipe(TEXTS))
    store = DocBin(store_user_data=True, docs=docs)
    back = list(DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab))
    assert [spans(d) for d in back] == [spans(d) for d in docs]
    assert [d._.timeline for d in back] == [d._.timeline for d in docs]


def test_a_pickled_pipeline_tags_the_same(tmp_path: Path) -> None:
    nlp = blank(anchor=ANCHOR, domain="colloquial", spans_key="dates")
    again = pickle.loads(pickle.dumps(nlp))
    text = "see you on friday. Talks resume on Monday."
    doc, doc2 = nlp(text), again(text)
    assert spans(doc2, "dates") == spans(doc, "dates")


def test_a_saved_pipeline_loads_with_its_settings(tmp_path: Path) -> None:
    blank(anchor=ANCHOR, domain="narrative", alignment_mode="strict").to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    component = nlp.get_pipe("timeline")
    assert isinstance(component, TimelineComponent)
    assert (component.anchor, component.domain, component.alignment_mode) == (ANCHOR, "narrative", "strict")
    doc = nlp("Talks resume on Monday.")
    assert doc.spans["timeline"][0]._.timex.value == "2024-07-29"


def test_the_factory_is_declared_in_the_spacy_factories_entry_point() -> None:
    (entry,) = [e for e in importlib.metadata.entry_points(group="spacy_factories") if e.name == "timeline"]
    assert entry.load() is make_timeline_component


def test_spacy_finds_the_component_without_an_import_of_timeline() -> None:
    script = (
        "import sys, spacy\n"
        "assert 'timeline' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('timeline', config={'anchor': '2024-07-28'})\n"
        "doc = nlp('Talks resume on Monday.')\n"
        "print(doc.spans['timeline'][0]._.timex.value)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "2024-07-29"


def test_an_error_handler_of_the_pipeline_sees_the_missing_anchor_error() -> None:
    nlp = blank()
    seen: list[Exception] = []
    nlp.set_error_handler(lambda name, component, docs, error: seen.append(error))
    docs = [nlp.make_doc(text) for text in ("Talks resume on Monday.", "Talks resumed on Friday.")]
    docs[1]._.anchor = ANCHOR
    out = list(nlp.pipe(docs))
    assert [d.text for d in out] == ["Talks resumed on Friday."]  # spaCy drops the failed Doc
    assert [type(e) for e in seen] == [MissingAnchorError]
