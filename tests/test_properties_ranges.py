"""Ranges of what the tagger produces: ordered, holding the period the value names (or, for
START/MID/END, held by it); and mods that move a range by exactly the documented fraction.

The value-level properties of ``bounds.value_range`` (ordering, zones, coarser values never
narrower) live in test_bounds.py; these are about the tagger's output and the mod table.
"""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from strategies import absolute_sentences, aware_anchors, dated_values, fragment_text, midnight_anchors, relative_sentences

import timeline
from timeline.values.bounds import ANCHOR_MOD_RULES, MOD_RULES, value_range

NARROWING = ("START", "MID", "END")


def _le(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """a <= b, None being -inf on the left and +inf on the right."""
    return a is None or b is None or a <= b


@given(dated_values(), st.sampled_from(sorted(MOD_RULES)), aware_anchors())
def test_a_mod_moves_the_range_by_exactly_the_documented_fraction_of_the_period(value: str, mod: str, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, None, anchor)
    ms, me = value_range(value, mod, anchor)
    assert s is not None and e is not None
    f0, f1 = MOD_RULES[mod]
    width = (e - s).total_seconds()
    for got, frac in ((ms, f0), (me, f1)):
        if frac is None:
            assert got is None, f"{mod} of {value} should leave that side open"
        else:
            assert got is not None
            assert abs((got - s).total_seconds() - float(frac) * width) < 1, f"{mod} of {value}: {got}"
    if mod in NARROWING:
        assert ms is not None and me is not None and s <= ms < me <= e


@given(dated_values(), st.sampled_from(sorted(ANCHOR_MOD_RULES)), aware_anchors())
def test_a_comparative_mod_stretches_toward_the_anchor_or_opens_away_from_it(value: str, mod: str, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, None, anchor)
    ms, me = value_range(value, mod, anchor)
    assert s is not None and e is not None
    if ANCHOR_MOD_RULES[mod] == "TOWARD":
        assert ms is not None and me is not None and ms <= s and e <= me
        assert ms <= anchor <= me or ms <= anchor.start_of("day") <= me, f"{mod} of {value} does not reach {anchor}"
    else:
        assert (ms, me) in ((s, e), (None, e), (s, None)), f"{mod} of {value}: [{ms}, {me})"


tagged_texts = st.one_of(
    fragment_text,
    absolute_sentences,
    relative_sentences,
)


@given(tagged_texts, aware_anchors())
def test_every_tagged_range_is_ordered_and_placed_dates_have_one(text: str, anchor: pendulum.DateTime) -> None:
    for x in timeline.parse(text, anchor=anchor).expressions:
        if x.earliest is not None and x.latest is not None:
            assert x.earliest < x.latest, x
        if x.type in ("DATE", "TIME") and value_range(x.value, None, anchor) != (None, None):
            assert (x.earliest, x.latest) != (None, None), f"{x.text!r} -> {x.value} has no range"


@given(tagged_texts, midnight_anchors)
def test_the_period_a_tagged_value_names_lies_within_its_range_unless_a_mod_narrows_it(text: str, anchor: pendulum.DateTime) -> None:
    for x in timeline.parse(text, anchor=anchor).expressions:
        if x.type not in ("DATE", "TIME") or x.value.endswith("_REF"):
            continue
        s, e = value_range(x.value, None, anchor)
        if s is None or e is None:
            continue
        if x.mod in NARROWING:
            assert x.earliest is not None and x.latest is not None
            assert s <= x.earliest < x.latest <= e, x
        else:
            assert _le(x.earliest, s) and _le(e, x.latest), x


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@st.composite
def written_ranges(draw: st.DrawFn) -> str:
    """A range as news, history and sport write it: years, days of a month, months."""
    y = draw(st.integers(1801, 2090))
    k = draw(st.integers(1, 9))
    month = draw(st.sampled_from(MONTH_NAMES))
    d1 = draw(st.integers(1, 20))
    d2 = draw(st.integers(d1 + 1, 28))
    m1, m2 = sorted(draw(st.lists(st.sampled_from(MONTH_NAMES), min_size=2, max_size=2, unique=True)), key=MONTH_NAMES.index)
    return draw(st.sampled_from([
        f"from {y} to {y + k}",
        f"{y}-{(y + k) % 100:02d}",
        f"between {y} and {y + k}",
        f"{d1}-{d2} {month} {y}",
        f"from {d1} to {d2} {month}",
        f"between {m1} and {m2} {y}",
        f"from {m1} to {m2}",
    ]))


@given(written_ranges(), midnight_anchors)
def test_a_range_is_two_linked_expressions_and_its_end_is_not_before_its_start(phrase: str, anchor: pendulum.DateTime) -> None:
    doc = timeline.parse(f"The works ran {phrase}, the council said.", anchor=anchor)
    ends = [x for x in doc.expressions if x.range_role is not None]
    assert [x.range_role for x in ends] == ["start", "end"], (phrase, doc.expressions)
    first, last = ends
    assert first.range_other == last.start and last.range_other == first.start
    assert first.earliest is not None and last.earliest is not None and first.earliest <= last.earliest, (phrase, ends)
