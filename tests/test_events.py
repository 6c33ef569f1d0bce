"""Events: sentences, relations, triggers, de-duplication, and the seed article's timeline."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import anchors, date_values, near_texts
from timeline.values.bounds import value_range
from timeline.events import build_events, event_range, find_events, lexicon, relation_of, sentences
from timeline.model import Event, Expression
from timeline.events.order import relation

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "us-japan-2plus2-talks.txt"
A = pendulum.datetime(2024, 7, 28)


def expr(text: str, phrase: str, value: str, type_: str = "DATE", mod: str | None = None, nth: int = 0) -> Expression:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    s = starts[nth]
    return Expression(phrase, s, s + len(phrase), type_, value, mod=mod)


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Kihara met Mr. Austin. They agreed.", ["Mr. Kihara met Mr. Austin.", "They agreed."]),
        ("It rose 7.2 percent. Then it fell.", ["It rose 7.2 percent.", "Then it fell."]),
        ("The riot on Jan. 6 shocked the U.S. Congress met later.", ["The riot on Jan. 6 shocked the U.S. Congress met later."]),
        ("a military expansion.The ministers said", ["a military expansion.", "The ministers said"]),
        ("the greatest challenge.”Japan is home", ["the greatest challenge.”", "Japan is home"]),
        ("reporting to INDOPACOM.Secretary Blinken", ["reporting to INDOPACOM.", "Secretary Blinken"]),
        ("Ms. Kamikawa said. ”Now is the time.”", ["Ms. Kamikawa said.", "”Now is the time.”"]),
        ("Title line\n\nFirst paragraph. Second one!\n\n.\n", ["Title line", "First paragraph.", "Second one!", "."]),
        ("Troops of the U.S.Army left.", ["Troops of the U.S.Army left."]),
        ("Did it end? Yes. In 2019. 2020 was worse.", ["Did it end?", "Yes.", "In 2019.", "2020 was worse."]),
        ("", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


# ---------------------------------------------------------------- relations


@pytest.mark.parametrize(
    "before, expected",
    [
        ("The talks ended before ", "BEFORE"),
        ("Shares fell prior to ", "BEFORE"),
        ("He resigned after ", "AFTER"),
        ("They met after the vote on ", "AFTER"),
        ("Exports grew following the ", "AFTER"),
        ("Prices have risen since ", "SINCE"),
        ("Prices have risen since early ", "SINCE"),
        ("The strike lasted until ", "UNTIL"),
        ("Polls stay open through ", "UNTIL"),
        ("A decision is due by ", "UNTIL"),
        ("They met in ", "ON"),
        ("They met on ", "ON"),
        ("Fares will rise from ", "SINCE"),
        ("Profit was down 5 percent from ", "ON"),
        ("sales were $6 billion, up from ", "ON"),
        ("A decision is not expected before ", "SINCE"),
        ("It was not until ", "ON"),
        ("The plant will not reopen until ", "ON"),
        ("Prices did not rise after ", "UNTIL"),
        ("The report won't be filed by ", "AFTER"),
        ("The report won’t be filed by ", "AFTER"),
        ("Prices have not risen since ", "SINCE"),
        ("Not one vote was counted, and the polls close before ", "BEFORE"),
        ("It was killed by a bomb on ", "ON"),
        ("Fares rise starting ", "SINCE"),
        ("Rules apply as of ", "SINCE"),
        ("", "ON"),
    ],
)
def test_relation_cues(before: str, expected: str) -> None:
    assert relation_of(before) == expected


R = (pendulum.datetime(2024, 3, 1), pendulum.datetime(2024, 4, 1))


@pytest.mark.parametrize(
    "rel, expected",
    [
        ("ON", R),
        ("BEFORE", (None, R[0])),
        ("AFTER", (R[1], None)),
        ("SINCE", (R[0], None)),
        ("UNTIL", (None, R[1])),
    ],
)
def test_event_range_follows_the_relation(rel: str, expected: tuple) -> None:
    assert event_range(rel, R) == expected


def test_event_range_of_an_already_open_range() -> None:
    open_low = (None, R[0])  # "before March" as a BEFORE mod
    assert event_range("BEFORE", open_low) == (None, R[0])
    assert event_range("AFTER", (R[1], None)) == (R[1], None)


def test_event_range_rejects_an_unknown_relation() -> None:
    with pytest.raises(ValueError, match="'DURING'"):
        event_range("DURING", R)


def test_lexicon_loads_every_list() -> None:
    lex = lexicon()
    assert "agreement" in lex["triggers"]["nouns"]
    assert "before" in lex["relations"]["BEFORE"]
    assert "mr" in lex["sentences"]["abbreviations"]


# ---------------------------------------------------------------- building events


def test_one_event_per_dated_expression_with_clause_trigger_and_relation() -> None:
    text = "Officials said the budget rose in March. The strike lasted until Friday."
    xs = [expr(text, "March", "2024-03"), expr(text, "Friday", "2024-07-26")]
    # timeline order: the UNTIL event sits at its known bound, the end of Friday
    evs = build_events(text, xs, A)
    assert [(e.text, e.relation, e.trigger) for e in evs] == [
        ("Officials said the budget rose in March.", "ON", "rose"),
        ("The strike lasted until Friday.", "UNTIL", "lasted"),
    ]
    assert evs[0].earliest == pendulum.datetime(2024, 3, 1) and evs[0].latest == pendulum.datetime(2024, 4, 1)
    assert evs[1].earliest is None and evs[1].latest == pendulum.datetime(2024, 7, 27)
    assert evs[0].trigger_start == text.find("rose")
    assert all(text[e.start : e.end] == e.text for e in evs)


def test_an_expression_before_an_event_noun_dates_that_noun() -> None:
    text = "Cooperation grew following an April agreement between the two leaders."
    (e,) = build_events(text, [expr(text, "April", "2024-04")], A)
    assert (e.relation, e.trigger) == ("ON", "agreement")


def test_durations_sets_and_undated_sentences_make_no_events() -> None:
    text = "They talked for three years. They meet every week. Nothing else happened."
    xs = [expr(text, "three years", "P3Y", "DURATION"), expr(text, "every week", "P1W", "SET")]
    assert build_events(text, xs, A) == ()


def test_an_anchored_duration_is_an_event() -> None:
    text = "Prices doubled over the past three years."
    x = expr(text, "the past three years", "P3Y", "DURATION")
    x = Expression(x.text, x.start, x.end, x.type, x.value,
                   earliest=pendulum.datetime(2021, 7, 28), latest=A)
    (e,) = build_events(text, [x], A)
    assert (e.earliest, e.latest, e.trigger) == (pendulum.datetime(2021, 7, 28), A, "doubled")


def test_a_sentence_with_two_dates_is_cut_between_them() -> None:
    text = "Earlier Sunday, the ministers met in Tokyo and signed a pact based on their June agreement."
    xs = [expr(text, "Earlier Sunday", "2024-07-28"), expr(text, "June", "2024-06")]
    evs = {e.value: e for e in build_events(text, xs, A)}
    assert evs["2024-07-28"].text == "Earlier Sunday, the ministers met in Tokyo"
    assert evs["2024-07-28"].trigger == "met"
    assert evs["2024-06"].text == "and signed a pact based on their June agreement."
    assert evs["2024-06"].trigger == "agreement"


def test_a_wider_expression_restating_a_narrower_one_is_dropped() -> None:
    text = "The vote opened at 10 a.m. Sunday in Tokyo."
    xs = [expr(text, "10 a.m.", "2024-07-28T10", "TIME"), expr(text, "Sunday", "2024-07-28")]
    (e,) = build_events(text, xs, A)
    assert e.value == "2024-07-28T10"


def test_earlier_sunday_ends_at_the_anchors_time() -> None:
    text = "Earlier Sunday, the ministers met."
    anchor = pendulum.datetime(2024, 7, 28, 15, 30)
    (e,) = build_events(text, [expr(text, "Earlier Sunday", "2024-07-28")], anchor)
    assert (e.earliest, e.latest) == (pendulum.datetime(2024, 7, 28), anchor)


def test_a_repeated_sentence_yields_one_event_from_the_complete_copy() -> None:
    full = "Earlier Sunday, the ministers met and signed a memorandum that institutionalizes their talks."
    text = full[:70] + "\n\n" + full
    xs = [expr(text, "Earlier Sunday", "2024-07-28", nth=0), expr(text, "Earlier Sunday", "2024-07-28", nth=1)]
    assert len(find_events(text, xs, A)) == 2
    (e,) = build_events(text, xs, A, source="seed")
    assert e.text == full and e.start == text.rfind(full)
    assert e.sources == ("seed",)


def test_odd_text_never_raises() -> None:
    text = "...!!! ?? \n\n”“ . U.S. Jan. 5"
    xs = [expr(text, "Jan. 5", "2024-01-05")]
    evs = build_events(text, xs, A)
    assert len(evs) == 1


@given(
    st.sampled_from(["", "before ", "after ", "since ", "until ", "after the vote on ", "by "]),
    date_values(),
    anchors(),
)
def test_every_event_is_positioned_with_earliest_before_latest(cue: str, value: str, anchor) -> None:
    text = f"The ministers met {cue}that day. Nothing else."
    x = expr(text, "that day", value)
    evs = build_events(text, [x], anchor)
    rng = value_range(value, None, anchor)
    assert len(evs) == (0 if rng == (None, None) else 1)
    for e in evs:
        assert e.earliest is not None or e.latest is not None
        if e.earliest is not None and e.latest is not None:
            assert e.earliest < e.latest
        for d in (e.earliest, e.latest):
            assert d is None or d.tzinfo is not None



# ---------------------------------------------------------------- the seed article

#: (context that finds the phrase in the seed, the phrase, type, value): what the tagger
#: should give for the seed article anchored on 2024-07-28
SEED_EXPRESSIONS = [
    ("in December accommodated", "December", "DATE", "2023-12"),
    ("In March, the Chinese", "March", "DATE", "2024-03"),
    ("set for March", "March", "DATE", "2025-03"),
    ("an April agreement", "April", "DATE", "2024-04"),
    ("their June agreement", "June", "DATE", "2024-06"),
    ("Earlier Sunday", "Earlier Sunday", "DATE", "2024-07-28"),
    ("said Sunday", "Sunday", "DATE", "2024-07-28"),
    ("November presidential", "November", "DATE", "2024-11"),
    ("decision today", "today", "DATE", "2024-07-28"),
    ("Lately", "Lately", "DATE", "PAST_REF"),
    ("for years", "years", "DURATION", "PXY"),
    ("in 15 years", "15 years", "DURATION", "P15Y"),
]

#: (value, words the event's text must hold): the issue's "Done when", in timeline order
SEED_TIMELINE = [
    ("2023-12", "PAC-3"),
    ("2024-03", "budget"),
    ("2024-04", "Kishida"),
    ("2024-06", "Singapore"),
    ("2024-07-28", "trilateral"),
    ("2024-11", "presidential race"),
    ("2025-03", "command reorganization"),
]


def _seed_expressions(text: str) -> list[Expression]:
    out = []
    for context, phrase, type_, value in SEED_EXPRESSIONS:
        for m in re.finditer(re.escape(context), text):
            s = m.start() + context.find(phrase)
            out.append(Expression(phrase, s, s + len(phrase), type_, value))
    return out


def check_seed_timeline(events) -> None:
    found = []
    for value, words in SEED_TIMELINE:
        hits = [e for e in events if e.value.startswith(value) and words in e.text]
        assert len(hits) == 1, (value, words, [e.text for e in hits])
        found.append(hits[0])
    positions = [events.index(e) for e in found]
    assert positions == sorted(positions)
    trilateral = found[4]
    same_day = [e for e in events if e.value == "2024-07-28" and e is not trilateral]
    assert same_day, "the 2+2 talks day should hold other events"
    for other in same_day:
        assert relation(trilateral, other) in ("BEFORE", "OVERLAP", "SAME")


def test_seed_timeline_from_hand_built_expressions() -> None:
    text = SEED.read_text("utf-8")
    xs = _seed_expressions(text)
    assert len(xs) > 2 * len(SEED_TIMELINE)  # both copies of the article
    events = build_events(text, xs, A, source="seed")
    check_seed_timeline(list(events))
    # every event comes from the complete second copy
    second = text.find("US–Japan", 10)
    assert all(e.start > second for e in events)


def test_seed_timeline_through_parse() -> None:
    pytest.importorskip("timeline.tagging.tagger")
    import timeline

    doc = timeline.parse(SEED.read_text("utf-8"), anchor="2024-07-28", source="seed")
    check_seed_timeline(list(doc.events))


# ---------------------------------------------------------------- clauses, quotes, triggers


def _texts(text: str, phrases: list[tuple[str, str]], anchor=A) -> dict[str, str]:
    xs = [expr(text, p, v) for p, v in phrases]
    return {e.value: e.text for e in build_events(text, xs, anchor)}


def test_a_list_of_dates_without_their_own_verbs_is_not_cut_into_fragments() -> None:
    text = "Greece and Turkey joined in 1952, West Germany in 1955 and Spain in 1982."
    got = _texts(text, [("1952", "1952"), ("1955", "1955"), ("1982", "1982")])
    assert set(got.values()) == {text}


def test_a_leading_date_keeps_the_clause_with_its_verb() -> None:
    text = "Last quarter, the company earned $5 million, and it expects more in 2025."
    got = _texts(text, [("Last quarter", "2024-Q2"), ("2025", "2025")])
    assert got == {"2024-Q2": "Last quarter, the company earned $5 million", "2025": "and it expects more in 2025."}


@pytest.mark.parametrize(
    "text, phrases",
    [
        ("Prices rose in 1990 and have risen since 1998.", [("1990", "1990"), ("1998", "1998")]),
        ("Sales fell in May 2021 and June 2022.", [("May 2021", "2021-05"), ("June 2022", "2022-06")]),
        ("Last quarter profits doubled, and in 2025 they fell.", [("Last quarter", "2024-Q2"), ("2025", "2025")]),
    ],
)
def test_no_event_text_is_a_fragment_without_a_verb(text: str, phrases: list[tuple[str, str]]) -> None:
    from timeline.events.words import has_verb

    for t in _texts(text, phrases).values():
        assert has_verb(t), t


def test_a_quotation_is_not_split_between_two_events() -> None:
    text = "“We are ready,“ Ms. Ono said. ”Now is a critical phase when our decision today decides our future.”"
    x_now = expr(text, "Now", "PRESENT_REF")
    x_today = expr(text, "today", "2024-07-28")
    (e,) = build_events(text, [x_now, x_today], A)
    assert e.text == "”Now is a critical phase when our decision today decides our future.”"
    assert e.value == "2024-07-28"  # the same day twice: the calendar value is kept


def test_a_clause_outside_the_quotation_is_still_cut_off() -> None:
    text = "“We met in March,” she said on Friday, and the ministers left."
    got = _texts(text, [("March", "2024-03"), ("Friday", "2024-07-26")])
    assert got["2024-03"] == "“We met in March,” she said on Friday, and the ministers left."
    text = "The ministers met in March; they said “we will meet again in June and in July.”"
    got = _texts(text, [("March", "2024-03"), ("June", "2024-06"), ("July", "2024-07")])
    assert got["2024-03"] == "The ministers met in March"
    assert got["2024-06"] == got["2024-07"] == "they said “we will meet again in June and in July.”"


def test_a_paragraph_break_ends_an_event() -> None:
    text = "Talks began in March and\n\nministers met again in June."
    got = _texts(text, [("March", "2024-03"), ("June", "2024-06")])
    assert got == {"2024-03": "Talks began in March and", "2024-06": "ministers met again in June."}


@pytest.mark.parametrize(
    "text, phrase, value, trigger",
    [
        ("Officials said on Monday that fares will rise.", "Monday", "2024-07-22", "rise"),
        ("Officials said on Monday.", "Monday", "2024-07-22", "said"),
        ("The ministry announced on Friday that it would cut jobs.", "Friday", "2024-07-26", "cut"),
        ("Residents can comment until May 10, 2025.", "May 10, 2025", "2025-05-10", "comment"),
        ("The report must be filed by 31 January 2025.", "31 January 2025", "2025-01-31", "filed"),
        ("After touring the site on Thursday, he left.", "Thursday", "2024-07-25", "left"),
    ],
)
def test_the_trigger_is_the_verb_of_what_happened(text: str, phrase: str, value: str, trigger: str) -> None:
    (e,) = build_events(text, [expr(text, phrase, value)], A)
    assert e.trigger == trigger
    assert text[e.trigger_start : e.trigger_start + len(trigger)] == trigger


@pytest.mark.parametrize(
    "text, phrase, value, relation, bounds",
    [
        ("Fares will rise from 1 April.", "1 April", "2025-04-01", "SINCE", ((2025, 4, 1), None)),
        ("A decision is not expected before the autumn.", "autumn", "2024-FA", "SINCE", ((2024, 9, 1), None)),
        ("It was not until Tuesday that he spoke.", "Tuesday", "2024-07-23", "ON", ((2024, 7, 23), (2024, 7, 24))),
        ("Residents can comment until May 10, 2025.", "May 10, 2025", "2025-05-10", "UNTIL", (None, (2025, 5, 11))),
        ("The report must be filed by 31 January 2025.", "31 January 2025", "2025-01-31", "UNTIL", (None, (2025, 2, 1))),
        ("Prices have risen since 1998.", "1998", "1998", "SINCE", ((1998, 1, 1), None)),
        ("As of 30 June, the bank had $5 million.", "30 June", "2024-06-30", "ON", ((2024, 6, 30), (2024, 7, 1))),
        ("As of 1 May 2025, the rules apply.", "1 May 2025", "2025-05-01", "SINCE", ((2025, 5, 1), None)),
        ("Starting Monday, the bridge is closed.", "Monday", "2024-07-29", "SINCE", ((2024, 7, 29), None)),
        ("Sales were $6 billion, up 13% from 2023.", "2023", "2023", "ON", ((2023, 1, 1), (2024, 1, 1))),
    ],
)
def test_relations_and_ranges_from_cues_with_negation(
    text: str, phrase: str, value: str, relation: str, bounds: tuple
) -> None:
    (e,) = build_events(text, [expr(text, phrase, value)], A)
    expected = tuple(None if b is None else pendulum.datetime(*b) for b in bounds)
    assert (e.relation, (e.earliest, e.latest)) == (relation, expected)


# ---------------------------------------------------------------- ranges tagged as two ends


def _range_ends(text: str, first: str, second: str, v1: str, v2: str) -> list[Expression]:
    a, b = expr(text, first, v1), expr(text, second, v2)
    return [
        attrs.evolve(a, range_role="start", range_other=b.start),
        attrs.evolve(b, range_role="end", range_other=a.start),
    ]


@pytest.mark.parametrize(
    "text, first, second, v1, v2, bounds",
    [
        ("The war lasted from 1939 to 1945.", "1939", "1945", "1939", "1945", ((1939, 1, 1), (1946, 1, 1))),
        ("Talks run from 8 to 10 May 2025.", "8", "10 May 2025", "2025-05-08", "2025-05-10", ((2025, 5, 8), (2025, 5, 11))),
        ("Prices fell between April and July 2021.", "April", "July 2021", "2021-04", "2021-07", ((2021, 4, 1), (2021, 8, 1))),
        ("The festival runs 8-10 May.", "8", "10 May", "2024-05-08", "2024-05-10", ((2024, 5, 8), (2024, 5, 11))),
    ],
)
def test_an_event_dated_by_a_range_spans_the_whole_interval(
    text: str, first: str, second: str, v1: str, v2: str, bounds: tuple
) -> None:
    (e,) = build_events(text, _range_ends(text, first, second, v1, v2), A)
    assert (e.relation, e.value, e.text) == ("ON", v1, text)
    assert (e.earliest, e.latest) == tuple(pendulum.datetime(*b) for b in bounds)


def test_a_cue_before_a_range_applies_to_the_whole_interval() -> None:
    text = "Nothing was built before 1939-1945."
    (e,) = build_events(text, _range_ends(text, "1939", "1945", "1939", "1945"), A)
    assert (e.relation, e.earliest, e.latest) == ("BEFORE", None, pendulum.datetime(1939, 1, 1))


def test_an_end_without_its_other_end_stays_an_event_of_its_own() -> None:
    text = "The war ended in 1945."
    x = attrs.evolve(expr(text, "1945", "1945"), range_role="end", range_other=0)
    (e,) = build_events(text, [x], A)
    assert (e.earliest, e.latest) == (pendulum.datetime(1945, 1, 1), pendulum.datetime(1946, 1, 1))


def test_a_lexicon_list_naming_no_cue_fails_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.events import words
    from timeline.lexicon import Lexicon, load

    real = load("en")
    rel = real["event_relation"]
    bad = attrs.evolve(rel, extra={**rel.extra, "bridged": ["before", "befor"]})
    monkeypatch.setattr(words, "load", lambda _lang: Lexicon("en", {**real.classes, "event_relation": bad}))
    words.lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"\[event_relation\]: bridged names no cue: \['befor'\]"):
            words.lexicon()
    finally:
        words.lexicon.cache_clear()


@given(near_texts())
def test_near_pairs_finds_every_pair_of_texts_same_event_calls_the_same(texts: list[str]) -> None:
    from timeline.events.dedupe import near_pairs, same_event

    x = Expression("2024", 0, 4, "DATE", "2024")
    events = [Event(t, 0, len(t), x) for t in texts]
    brute = {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts)) if same_event(events[i], events[j])}
    assert set(near_pairs(texts)) == brute


_STORY = [
    "The ministers met in Tokyo on Sunday.",
    "The ministers met in Tokyo on Sunday and signed a pact in June.",
    "Prices have risen since 2019, officials said on Monday.",
    "Talks will resume after the vote on 3 March 2025.",
    "Earlier Sunday, the ministers met in Tokyo",
    "The plant shut in October; it reopens by May.",
]


@given(st.lists(st.sampled_from(_STORY), min_size=1, max_size=12), st.sampled_from(["", "wire"]))
def test_build_events_merging_as_events_come_equals_deduplicating_them_all_at_once(
    story: list[str], source: str
) -> None:
    from timeline.events.dedupe import deduplicate
    from timeline.events.find import find
    from timeline.events.order import ordered
    from timeline.tagging.tagger import tag

    text = " ".join(story)
    xs = tag(text, A)
    found = find(text, xs, A, source or None)
    complete = {id(f.event): f.complete for f in found}
    batch = ordered(deduplicate([f.event for f in found], prefer=lambda ev: complete[id(ev)]))
    assert build_events(text, xs, A, source=source or None) == batch
