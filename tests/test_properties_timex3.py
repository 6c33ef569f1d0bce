"""TIMEX3 values: every shape round-trips through parse and format; only grammatical
strings are accepted; every value the tagger produces is grammatical."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from strategies import absolute_sentences, any_text, fragment_text, midnight_anchors, relative_sentences, timex_values

import timeline
from timeline.errors import InvalidValueError
from timeline.values.timex3 import (
    _DATE_RE,
    _DUR_RE,
    Duration,
    format_duration,
    format_value,
    is_value,
    parse_duration,
    parse_value,
)

#: a TIMEX3 value is ASCII: digits, capitals, and - : . + T
_ASCII_VALUE = set("0123456789XPTWQHSUFAIMOENVYDLCRZB-_:.+")  # B: BC0044


@given(timex_values())
def test_every_value_shape_round_trips_through_parse_and_format(value: str) -> None:
    assert is_value(value), value
    assert format_value(parse_value(value)) == value


@given(st.from_regex(_DATE_RE, fullmatch=True) | st.from_regex(_DUR_RE, fullmatch=True))
def test_whatever_the_value_grammar_accepts_is_ascii_and_has_one_canonical_form(value: str) -> None:
    """Format writes the canonical form ("P01Y" -> "P1Y", "PXXY" -> "PXY"), which parses
    to the same value and formats to itself."""
    if not is_value(value):
        return  # the pattern is wider than the grammar (month 13, an empty duration)
    assert set(value) <= _ASCII_VALUE, f"accepted a non-ASCII value {value!r}"
    canonical = format_value(parse_value(value))
    assert parse_value(canonical) == parse_value(value)
    assert format_value(parse_value(canonical)) == canonical


@given(st.text(max_size=30) | any_text)
def test_parse_value_accepts_or_rejects_any_string_with_InvalidValueError_only(text: str) -> None:
    try:
        v = parse_value(text)
    except InvalidValueError as exc:
        assert repr(text) in str(exc)
    else:
        assert parse_value(format_value(v)) == v


amounts = st.one_of(st.none(), st.integers(0, 10**6).map(float), st.sampled_from([0.5, 1.5, 2.25]))


@given(
    st.lists(st.tuples(amounts, st.sampled_from(["Y", "M", "W", "D", "Q", "DE", "CE", "ML"])), max_size=4),
    st.lists(st.tuples(amounts, st.sampled_from(["H", "M", "S"])), max_size=3),
)
def test_every_duration_round_trips_through_format_and_parse(
    date_parts: list[tuple[float | None, str]], time_parts: list[tuple[float | None, str]]
) -> None:
    if not date_parts and not time_parts:
        return
    d = Duration(tuple(date_parts), tuple(time_parts))
    assert parse_duration(format_duration(d)) == d


@given(st.one_of(fragment_text, any_text, absolute_sentences,
                 relative_sentences),
       midnight_anchors)
def test_every_value_the_tagger_produces_matches_the_timex3_grammar(text: str, anchor: pendulum.DateTime) -> None:
    for x in timeline.parse(text, anchor=anchor).expressions:
        assert is_value(x.value), f"{x.text!r} -> {x.value!r} is not a TIMEX3 value"
        kind = parse_value(x.value).kind
        expected = {"DURATION": ("duration",), "SET": ("duration", "date", "time"),
                    "DATE": ("date", "ref"), "TIME": ("time",)}[x.type]
        assert kind in expected, f"{x.text!r}: type {x.type} with a {kind} value {x.value!r}"
