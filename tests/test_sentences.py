"""The one sentence splitter: the span around an expression, for exports without events."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.events import sentences as events_sentences
from timeline.sentences import REACH, sentence_span, sentences


def test_events_split_with_the_same_function() -> None:
    assert events_sentences is sentences


def test_a_span_across_two_sentences_gets_both() -> None:
    t = "It ended in June. Then March came. Done."
    s, e = sentence_span(t, t.index("came"), t.index("Done") + 4)
    assert t[s:e] == "Then March came. Done."


def test_a_sentence_longer_than_the_reach_is_cut_at_a_word() -> None:
    words = " ".join(["word"] * (REACH // 2))
    t = f"Intro. {words} in March {words}. Outro."
    s, e = sentence_span(t, t.index("March"), t.index("March") + 5)
    assert 0 < s and e < len(t) - len(" Outro.")
    assert t[s - 1] == " " and t[e] == " "
    assert len(t[s:e]) <= 2 * REACH + 5


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"”U.S")), max_size=80), st.data())
def test_the_span_always_holds_the_expression_and_stays_in_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = sentence_span(text, start, end)
    assert 0 <= s <= e <= len(text)
    if text[start:end].strip():
        assert s <= start + (len(text[start:end]) - len(text[start:end].lstrip()))
        assert e >= end - (len(text[start:end]) - len(text[start:end].rstrip()))


def _split(text: str, informal: bool) -> list[str]:
    return [text[s:e] for s, e in sentences(text, informal=informal)]


def test_informal_text_breaks_at_a_line_break() -> None:
    t = "match day!\ngo team go\nkickoff at 3pm"
    assert _split(t, True) == ["match day!", "go team go", "kickoff at 3pm"]
    assert _split(t, False) == [t]


def test_informal_text_breaks_at_lowercase_after_a_stop_but_not_after_an_abbreviation() -> None:
    t = "rain all day. so cold!! game moved to 7 p.m. tmrw though"
    assert _split(t, True) == ["rain all day.", "so cold!!", "game moved to 7 p.m. tmrw though"]


def test_an_emoji_or_emoticon_closes_its_sentence() -> None:
    t = "beach sat \u2600\ufe0f bbq sun :D who's in"
    assert _split(t, True) == ["beach sat \u2600\ufe0f", "bbq sun :D", "who's in"]


def test_news_splitting_is_unchanged_by_the_informal_rules() -> None:
    t = "The vote is at 7 p.m. tomorrow. officials said\nit rained :) then"
    assert _split(t, False) == [t]
    assert _split(t, True) == ["The vote is at 7 p.m. tomorrow.", "officials said", "it rained :)", "then"]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n:)\u2600U")), max_size=80))
def test_every_informal_sentence_lies_inside_one_news_sentence(text: str) -> None:
    news = sentences(text)
    for s, e in sentences(text, informal=True):
        assert any(ns <= s and e <= ne for ns, ne in news), (text, (s, e), news)
