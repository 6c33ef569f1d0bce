"""Ordering, relations between events, and merging documents into one timeline."""

from __future__ import annotations

import functools

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import anchors, date_values, events, relations
import timeline
from timeline import Document, Timeline, merge, relation
from timeline.values.bounds import value_range
from timeline.events import build_events, event_range
from timeline.model import Event, Expression
from timeline.events.order import ordered, position, sort_key, source_id

D = pendulum.datetime
X = Expression("May", 0, 3, "DATE", "2024-05")


def ev(lo: int | None, hi: int | None, start: int = 0, text: str = "Talks.") -> Event:
    return Event(
        text=text,
        start=start,
        end=start + len(text),
        expression=X,
        earliest=None if lo is None else D(2024, 5, lo),
        latest=None if hi is None else D(2024, 5, hi),
    )


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (ev(1, 2), ev(2, 3), "BEFORE"),
        (ev(2, 3), ev(1, 2), "AFTER"),
        (ev(1, 3), ev(2, 4), "OVERLAP"),
        (ev(1, 4), ev(2, 3), "OVERLAP"),
        (ev(1, 3), ev(1, 3, start=9), "SAME"),
        (ev(None, 2), ev(2, 3), "BEFORE"),
        (ev(None, 2), ev(None, 3), "OVERLAP"),
        (ev(3, None), ev(1, 2), "AFTER"),
        (ev(3, None), ev(4, None), "OVERLAP"),
        (ev(None, None), ev(1, 2), "UNKNOWN"),
        (ev(1, 2), ev(None, None), "UNKNOWN"),
    ],
)
def test_relation_from_ranges(a: Event, b: Event, expected: str) -> None:
    assert relation(a, b) == expected


def test_relation_rejects_non_events() -> None:
    with pytest.raises(TypeError, match="b must be an Event"):
        relation(ev(1, 2), "May")  # type: ignore[arg-type]


def test_order_is_known_bound_then_latest_then_position() -> None:
    es = [ev(2, 3), ev(1, 5), ev(1, 3, start=7), ev(1, 3, start=2), ev(None, 9), ev(None, None), ev(None, 2)]
    got = [(e.earliest and e.earliest.day, e.latest and e.latest.day, e.start) for e in ordered(es)]
    assert got == [
        (1, 3, 2), (1, 3, 7), (1, 5, 0),
        (None, 2, 0),  # open start: at its end, before what starts there
        (2, 3, 0),
        (None, 9, 0),
        (None, None, 0),
    ]


def test_an_open_start_event_sorts_at_its_end_not_above_older_events() -> None:
    text = "The war ended in 1998. Comments are accepted until 2025."
    xs = [Expression("1998", text.find("1998"), text.find("1998") + 4, "DATE", "1998"),
          Expression("2025", text.find("2025"), text.find("2025") + 4, "DATE", "2025")]
    war, comments = build_events(text, xs, pendulum.datetime(2024, 7, 28))
    assert war.value == "1998" and (comments.relation, comments.value) == ("UNTIL", "2025")
    assert comments.earliest is None and comments.latest == D(2026, 1, 1)


@given(st.lists(events(), max_size=8))
def test_ordering_is_a_total_order_consistent_with_relation(es: list[Event]) -> None:
    _check_total_order_consistent_with_relation(es)


@st.composite
def shaped_events(draw: st.DrawFn) -> Event:
    """Events of every shape the events step makes: any TIMEX3 date value (centuries to
    seconds, weeks, seasons, references) under any relation, so closed, open-start,
    open-end and unbounded events, some far apart, some sharing a bound."""
    value = draw(date_values())
    rng = value_range(value, None, draw(anchors()))
    lo, hi = event_range(draw(relations), rng)
    start = draw(st.integers(0, 30))
    text = draw(st.sampled_from(["Talks began.", "Ministers met.", "A vote."]))
    x = Expression("then", start, start + 4, "DATE", value)
    return Event(text, start, start + len(text), x, earliest=lo, latest=hi, relation=draw(relations))


def _check_total_order_consistent_with_relation(es: list[Event]) -> None:
    once = ordered(es)
    assert ordered(reversed(es)) == once  # deterministic whatever the input order
    keys = [sort_key(e) for e in once]
    assert keys == sorted(keys)
    for i, a in enumerate(once):
        for j, b in enumerate(once):
            if keys[i] == keys[j]:
                assert a == b  # equal keys only for equal events: a total order
            r = relation(a, b)
            if r == "BEFORE":
                assert i < j, (a, b)
            if r == "AFTER":
                assert i > j, (a, b)
            assert relation(b, a) == {"BEFORE": "AFTER", "AFTER": "BEFORE"}.get(r, r)
            pa, pb = position(a), position(b)
            if pa is not None and pb is not None and pa < pb:
                assert i < j  # by the known bound, open starts included


@given(st.lists(shaped_events(), max_size=10))
def test_the_order_of_events_of_every_shape_is_total_and_consistent_with_relation(es: list[Event]) -> None:
    _check_total_order_consistent_with_relation(es)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["in", "before", "after", "since", "until", "from", "by", "as of", "not before"]),
            date_values(),
        ),
        min_size=1,
        max_size=6,
    ),
    anchors(),
)
def test_the_order_of_events_built_from_text_is_total_and_consistent_with_relation(
    parts: list[tuple[str, str]], anchor
) -> None:
    text, xs = "", []
    for cue, value in parts:
        sentence = f"The ministers met {cue} "
        xs.append(Expression("that day", len(text) + len(sentence), len(text) + len(sentence) + 8, "DATE", value))
        text += sentence + "that day. "
    es = list(build_events(text, xs, anchor))
    assert list(ordered(es)) == es
    _check_total_order_consistent_with_relation(es)


@given(events(), events(), events())
def test_relation_before_is_transitive(a: Event, b: Event, c: Event) -> None:
    if relation(a, b) == "BEFORE" and relation(b, c) == "BEFORE":
        assert relation(a, c) == "BEFORE"


# ---------------------------------------------------------------- merging

A = pendulum.datetime(2024, 7, 28)


def doc(text: str, phrases: list[tuple[str, str]], source: str | None, anchor=A) -> Document:
    xs = []
    for phrase, value in phrases:
        s = text.find(phrase)
        xs.append(Expression(phrase, s, s + len(phrase), "DATE", value))
    return Document(text, anchor, expressions=xs, events=build_events(text, xs, anchor, source), source=source)


WIRE = doc("Ministers met in Tokyo on Sunday. The budget rose in March.", [("Sunday", "2024-07-28"), ("March", "2024-03")], "wire")
PAPER = doc("Ministers met in Tokyo on Sunday, officials said. A vote is due in November.",
            [("Sunday", "2024-07-28"), ("November", "2024-11")], "paper", anchor=A.add(hours=20))
BLOG = doc("The budget rose in March.", [("March", "2024-03")], None)


def test_merge_joins_near_identical_events_keeping_every_source() -> None:
    t = merge(WIRE, PAPER, BLOG)
    assert isinstance(t, Timeline)
    assert [e.value for e in t] == ["2024-03", "2024-07-28", "2024-11"]
    march, sunday, _ = t.events
    assert set(sunday.sources) == {"wire", "paper"}
    assert set(march.sources) == {"wire", source_id(BLOG)}
    assert source_id(BLOG).startswith("sha1:")
    assert t.sources == tuple(sorted({"wire", "paper", source_id(BLOG)}))


@given(st.permutations([WIRE, PAPER, BLOG]))
def test_merge_is_order_independent(docs: list[Document]) -> None:
    assert merge(*docs) == merge(WIRE, PAPER, BLOG)


def test_timeline_is_frozen_and_rejects_non_documents() -> None:
    t = merge(WIRE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.events = ()  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"documents\[1\] must be a Document"):
        Timeline.from_documents(WIRE, "text")  # type: ignore[arg-type]


def test_different_times_do_not_merge() -> None:
    other = doc("Ministers met in Tokyo on Sunday.", [("Sunday", "2024-07-21")], "late")
    assert len(merge(WIRE, other)) == 3


def test_events_before_our_era_are_ordered_by_their_year_before_every_dated_one() -> None:
    doc = timeline.parse(
        "Caesar was killed in 44 BC. Augustus died in AD 14. Carthage fell in 146 BC. Rome burned in AD 64.",
        anchor="2024-07-28",
        domain="narrative",
    )
    assert [e.value for e in doc.events] == ["BC0146", "BC0044", "0014", "0064"]
    assert all(e.earliest is None and e.latest is None for e in doc.events[:2])
