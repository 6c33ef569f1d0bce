"""Any text: the tagger never raises on text, its offsets are the text's own, expressions
do not overlap and come in text order, and the work it does grows linearly with length."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    FRAGMENTS,
    absolute_forms,
    absolute_sentences,
    any_text,
    midnight_anchors,
    aware_anchors,
    fragment_text,
    glued_text,
)

import timeline
from timeline.tagging import tense
from timeline.tagging import extract, rank
from timeline.tagging.extract import _TOKEN, _cannot_go_on, _index, _next_key, _scan, candidates
from timeline.tagging.rank import _choose, choose
from timeline.model import DOMAINS, Document
from timeline.rules import ruleset
from timeline.rules.keys import DIGIT, DIGITS_MAX

#: text of every kind the properties below are stated for
texts = st.one_of(any_text, fragment_text, absolute_sentences)
#: every anchor a datetime can hold, with or without a zone
extreme_anchors = st.one_of(
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59)),
    st.sampled_from([dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59)]),
)


def check_offsets(doc: Document) -> None:
    last_end = 0
    for x in doc.expressions:
        assert doc.text[x.start : x.end] == x.text, x
        assert x.text, x
        assert x.text == x.text.strip(), x
        assert x.start >= last_end, f"{x} overlaps or precedes the one before it"
        last_end = x.end


@given(any_text, aware_anchors(), st.sampled_from(DOMAINS))
def test_any_unicode_text_is_tagged_without_error_in_every_domain(text: str, anchor: pendulum.DateTime, domain: str) -> None:
    check_offsets(timeline.parse(text, anchor=anchor, domain=domain))


@given(fragment_text, aware_anchors(), st.sampled_from(DOMAINS))
def test_any_jumble_of_temporal_words_is_tagged_without_error(text: str, anchor: pendulum.DateTime, domain: str) -> None:
    check_offsets(timeline.parse(text, anchor=anchor, domain=domain))


@given(fragment_text, extreme_anchors)
def test_any_anchor_from_year_1_to_9999_tags_without_error(text: str, anchor: dt.datetime) -> None:
    check_offsets(timeline.parse(text, anchor=anchor))


@given(texts, midnight_anchors)
def test_each_expression_is_exactly_its_span_of_the_text_and_they_come_in_order(text: str, anchor: pendulum.DateTime) -> None:
    check_offsets(timeline.parse(text, anchor=anchor))


@given(texts, midnight_anchors)
def test_tagging_the_same_text_twice_gives_the_same_document(text: str, anchor: pendulum.DateTime) -> None:
    assert timeline.parse(text, anchor=anchor) == timeline.parse(text, anchor=anchor)


@given(st.lists(absolute_forms(), min_size=1, max_size=4), st.integers(2, 6), midnight_anchors)
def test_repeating_a_paragraph_repeats_its_expressions(forms: list, k: int, anchor: pendulum.DateTime) -> None:
    """Tagging is local: a paragraph says the same thing wherever it stands."""
    paragraph = " ".join(f"Output rose {f.lead}{f.text}." for f in forms)
    one = timeline.parse(paragraph, anchor=anchor).expressions
    many = timeline.parse("\n\n".join([paragraph] * k), anchor=anchor).expressions
    assert [(x.text, x.value, x.mod) for x in many] == [(x.text, x.value, x.mod) for x in one] * k


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join), st.integers(2, 8))
def test_the_windows_a_rule_searches_are_disjoint_so_it_reads_each_character_at_most_once(piece: str, k: int) -> None:
    """So the regex work is at most (number of rules) x (length of the text)."""
    rules = ruleset("en")
    text = "\n".join([piece] * k)
    for group, (los, his) in _scan(text, rules).windows.items():
        windows = list(zip(los, his))
        assert windows
        assert all(0 <= lo < hi <= len(text) for lo, hi in windows)
        assert all(a[1] <= b[0] for a, b in zip(windows, windows[1:])), f"windows overlap: {windows}"
        assert sum(hi - lo for lo, hi in windows) <= len(text)


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join), st.integers(2, 8))
def test_the_candidates_of_a_repeated_text_grow_linearly(piece: str, k: int) -> None:
    """k copies of a text (a blank line apart) give at most k times its candidates, plus the
    few that join the end of one copy to the start of the next."""
    rules = ruleset("en")
    one = len(list(candidates(piece + "\n\n", rules)))
    many = len(list(candidates("\n\n".join([piece] * k), rules)))
    pair = len(list(candidates(piece + "\n\n" + piece, rules)))
    across = max(0, pair - 2 * one)  # candidates spanning a seam
    assert many <= k * one + (k - 1) * across


@given(st.one_of(glued_text, any_text, fragment_text), st.booleans())
def test_the_next_token_check_skips_only_starts_where_no_rule_matches(text: str, any_case: bool) -> None:
    """Trying each rule at every start its first token allows (whatever the next token,
    whatever the length of a digit token) finds the same candidates."""
    rules = ruleset("en", any_case=any_case)
    unchecked = attrs.evolve(rules, rules=tuple(attrs.evolve(r, seconds=None, digits=None) for r in rules.rules))
    def found(rs: object) -> list[tuple[int, int, str]]:
        return [(c.start, c.end, c.rule.name) for c in candidates(text, rs)]  # type: ignore[arg-type]
    assert found(rules) == found(unchecked)


@given(st.one_of(glued_text, any_text, fragment_text), st.booleans())
def test_the_token_pass_gives_each_start_the_rules_the_next_token_check_allows(text: str, any_case: bool) -> None:
    """Each token some rule can begin with (ASCII letters or digits) is a start of the
    token pass, with exactly the rules whose check of the next token as ``_next_key``
    reads it (digits of any script, letters that are not ASCII) lets them begin there (and,
    for digits, the check of the token's length)."""
    rules = ruleset("en", any_case=any_case)
    index = _index(rules)
    starts = _scan(text, rules).starts
    for m in _TOKEN.finditer(text):
        tok = m.group()
        role = rules.tokens.get(tok[:3].lower())
        if not tok[:3].isascii() or role is None or role[1] is None:
            continue
        entry = index.starts[role[1]]
        if role[1] == DIGIT:  # the rules a digit token of this length can begin
            entry = index.by_length[min(len(tok), DIGITS_MAX)]
        every = index.sets[entry[2]]
        read = _next_key(text, m.start())
        allowed = every if read is None else tuple(r for r in every if not _cannot_go_on(rules.rules[r], read[0], read[1]))
        assert starts.get(m.start(), ()) == allowed, (text[m.start() : m.start() + 20], read)


@settings(max_examples=60)
@given(
    st.sampled_from(["March 3, 2019", "last Monday", "the 1990s", "two days later"]),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(" ".join),
    st.integers(2, 6),
    st.integers(1, 90),
    st.booleans(),
)
def test_trying_the_rules_a_block_at_a_time_finds_what_one_block_finds(lead: str, piece: str, k: int, block: int, any_case: bool) -> None:
    """Blocks of any size, even cutting words and matches, change nothing."""
    rules = ruleset("en", any_case=any_case)
    text = "\n".join([f"{lead} {piece}"] * k)
    def found() -> list[tuple[int, int, str, dict[str, str | None]]]:
        return [(c.start, c.end, c.rule.name, c.groups) for c in candidates(text, rules)]
    whole = found()
    assert whole, "the fragments hold temporal expressions"
    small = extract.BLOCK
    try:
        extract.BLOCK = block
        assert found() == whole
    finally:
        extract.BLOCK = small


@given(st.one_of(glued_text, fragment_text, st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join)), st.booleans())
def test_choosing_one_run_of_overlapping_candidates_at_a_time_chooses_as_all_at_once(text: str, any_case: bool) -> None:
    found = list(candidates(text, ruleset("en", any_case=any_case)))
    assert list(choose(iter(found))) == _choose(found)
    small = rank.BATCH
    try:
        rank.BATCH = 1  # every run decided on its own
        assert list(choose(iter(found))) == _choose(found)
    finally:
        rank.BATCH = small


def test_choosing_from_candidates_out_of_text_order_is_an_error() -> None:
    found = list(candidates("On Monday, 3 March 2024, and on Friday.", ruleset("en")))
    assert len(found) >= 2
    with pytest.raises(ValueError, match="text order"):
        list(choose(found[::-1]))


@given(st.one_of(glued_text, any_text, fragment_text), st.data())
def test_tense_cues_tried_only_at_their_first_words_are_those_a_search_finds(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    fast = tense._cue_matches(text, s, e, tense._firsts())
    slow = tense._cue_matches(text, s, e, None)
    assert [[m.span() for m in ms] for ms in fast] == [[m.span() for m in ms] for ms in slow]
