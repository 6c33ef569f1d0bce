"""Ranges: every range is ordered and half-open; a value's own period lies inside its
range; a coarser value never has a narrower range; mods stay within the documented table."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from strategies import absolute_forms, anchors, aware_anchors, dated_values, embedded, fragment_text, relative_forms

import timeline
from timeline.bounds import MOD_RULES, value_range
from timeline.resolve import unit_of

MODS = ("START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
        "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER")


def coarser(value: str, contained: bool = True) -> list[str]:
    """The values of coarser granularity around ``value``: 2024-07-28T10:30 -> 2024-07-28T10
    -> 2024-07-28 -> 2024-07 -> 2024-Q3 -> 2024-H2 -> 2024 -> 202 -> 20. With ``contained``
    only those that contain it on the calendar: a night (TNI) runs into the next morning."""
    out: list[str] = []
    if "T" in value:
        day, clock = value.split("T", 1)
        if clock == "NI" and contained:
            return []
        if ":" in clock:
            out.append(f"{day}T{clock[:2]}")
        out.append(day)
        value = day
    if value[5:] == "WI" and contained:
        return out  # winter runs into the next year
    if value[5:6] == "W" and value[5:] != "WI":
        w = value[:8]
        if len(value) > 8:
            out.append(w)
        return out  # ISO weeks straddle months and years
    if len(value) == 10:
        out.append(value[:7])
        value = value[:7]
    if len(value) == 7 and value[5:].isdigit():
        month = int(value[5:])
        out += [f"{value[:4]}-Q{(month - 1) // 3 + 1}", f"{value[:4]}-H{1 if month <= 6 else 2}"]
    elif value[5:6] == "Q":
        out.append(f"{value[:4]}-H{1 if int(value[6]) <= 2 else 2}")
    if len(value) >= 4:
        out += [value[:4], value[:3], value[:2]]
    elif len(value) == 3:
        out.append(value[:2])
    return out


@given(dated_values(), st.sampled_from((None, *MODS)), aware_anchors())
def test_every_range_of_a_dated_value_is_ordered_and_in_the_anchor_zone(value: str, mod: str | None, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, mod, anchor)
    assert s is not None and e is not None, value
    assert s < e, f"{value} {mod}: [{s}, {e})"
    assert s.utcoffset() == e.utcoffset() == anchor.utcoffset()


@given(dated_values(), anchors)
def test_a_value_lies_within_every_coarser_value_that_contains_it(value: str, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, None, anchor)
    for outer in coarser(value):
        os_, oe = value_range(outer, None, anchor)
        assert os_ is not None and oe is not None and s is not None and e is not None
        assert os_ <= s and e <= oe, f"{value} [{s}, {e}) is not within {outer} [{os_}, {oe})"


@given(dated_values(), anchors)
def test_a_coarser_granularity_never_gives_a_narrower_range(value: str, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, None, anchor)
    assert s is not None and e is not None
    for outer in coarser(value, contained=False):
        os_, oe = value_range(outer, None, anchor)
        assert os_ is not None and oe is not None
        assert oe - os_ >= e - s, f"{outer} is narrower than {value}"


@given(dated_values(), st.sampled_from(MODS), anchors)
def test_a_mod_only_narrows_within_or_widens_around_the_value_by_the_documented_fraction(value: str, mod: str, anchor: pendulum.DateTime) -> None:
    s, e = value_range(value, None, anchor)
    ms, me = value_range(value, mod, anchor)
    assert s is not None and e is not None and ms is not None and me is not None
    if mod not in MOD_RULES:
        assert (ms, me) == (s, e), f"{mod} changed the range of {value}"
        return
    f0, f1 = MOD_RULES[mod]
    width = (e - s).total_seconds()
    if 0 <= f0 and f1 <= 1:
        assert s <= ms < me <= e, f"{mod} of {value} leaves the value's period"
    else:
        assert ms <= s and e <= me, f"{mod} of {value} does not contain the value's period"
    assert abs((me - ms).total_seconds() - (f1 - f0) * width) <= 1e-3 * width + 1


tagged_texts = st.one_of(
    fragment_text,
    absolute_forms().flatmap(lambda f: embedded(f.text)).map(lambda e: e.text),
    relative_forms().flatmap(lambda f: embedded(f.text)).map(lambda e: e.text),
)


@given(tagged_texts, aware_anchors())
def test_every_tagged_range_is_ordered_and_agrees_with_its_value(text: str, anchor: pendulum.DateTime) -> None:
    for x in timeline.parse(text, anchor=anchor).expressions:
        if x.type in ("DURATION", "SET"):
            assert (x.earliest is None) == (x.latest is None), x
            continue
        assert x.earliest is not None and x.latest is not None, f"{x.text!r} -> {x.value} has no range"
        assert x.earliest < x.latest
        assert (x.earliest, x.latest) == value_range(x.value, x.mod, anchor), x


@given(tagged_texts, anchors)
def test_the_period_a_tagged_value_names_lies_within_its_range_unless_a_mod_narrows_it(text: str, anchor: pendulum.DateTime) -> None:
    for x in timeline.parse(text, anchor=anchor).expressions:
        if x.type not in ("DATE", "TIME") or x.value.endswith("_REF"):
            continue
        s, e = value_range(x.value, None, anchor)
        assert s is not None and e is not None and x.earliest is not None and x.latest is not None
        if x.mod in ("START", "MID", "END"):
            assert s <= x.earliest < x.latest <= e, x
        else:
            assert x.earliest <= s and e <= x.latest, x


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)), anchors)
def test_a_day_range_is_exactly_one_calendar_day_and_unit_of_says_day(d: dt.date, anchor: pendulum.DateTime) -> None:
    s, e = value_range(d.isoformat(), None, anchor)
    assert s is not None and e is not None
    assert (s.date(), e.date()) == (d, d + dt.timedelta(days=1))
    assert unit_of(d.isoformat()) == "D"
