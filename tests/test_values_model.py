"""The model of TIMEX3 values (timeline/values/timex3.py): a value is a frozen object built
from its fields and written by ``format_value`` alone; ``parse_value`` reads it back; every
question about its unit is asked of the parsed value; seasons, unit lengths and month
lengths are one table each, shared by bounds and resolution."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import duration_objects, timex_objects, timex_values

from timeline.values import bounds, dates
from timeline.values.timex3 import (
    DURATION_LETTER,
    SCALED_UNITS,
    SEASON_MONTHS,
    SEASONS,
    SMALLER_UNIT,
    UNITS,
    Duration,
    TimexValue,
    bc_value,
    day_at,
    duration,
    format_duration,
    format_value,
    granularity,
    in_year,
    is_value,
    parse_duration,
    parse_value,
    unit_of,
    value_at,
)

#: one value of every shape the grammar has, as the tagger writes it
SHAPES = [
    "2024", "2024-07", "2024-07-28", "XXXX-03", "2024-XX", "2024-XX-XX", "XXXX-XX-XX",
    "199", "19", "199X", "19XX", "2024-W29", "2024-W29-WE", "2024-W29-3", "XXXX-WXX-1", "2024-WXX",
    "2024-Q1", "2024-QX", "2024-H2", "2024-SP", "2024-SU", "2024-FA", "2024-WI",
    "BC0044", "BC0044-03-15", "BC0481-SU", "BC04",
    "2024-07-28T10", "2024-07-28T10:30", "2024-07-28T10:30:15", "2024-07-28T10:30:15.5",
    "2024-07-28T17:00+09:00", "2024-07-28T14:00Z", "2024-07-28TNI", "XXXX-WXX-1T07:00", "XXXX-WXX-5TNI",
    "P15Y", "P3M", "P2W", "PT6H", "PT1H30M", "P1Y6M", "PXY", "PXDE", "P5.3Y", "P1DE", "P2Y6MT3H",
    "PRESENT_REF", "PAST_REF", "FUTURE_REF",
]


@pytest.mark.parametrize("value", SHAPES)
def test_every_value_shape_parses_and_formats_back_to_itself(value: str) -> None:
    v = parse_value(value)
    assert format_value(v) == value
    assert parse_value(format_value(v)) == v


@given(timex_objects())
def test_a_value_built_from_any_fields_formats_to_a_value_that_parses_back_to_it(v: TimexValue) -> None:
    text = format_value(v)
    assert is_value(text), text
    assert parse_value(text) == v
    assert format_value(parse_value(text)) == text


@given(duration_objects())
def test_a_duration_built_from_any_parts_formats_to_a_value_that_parses_back_to_it(d: Duration) -> None:
    text = format_duration(d)
    assert parse_duration(text) == d
    assert format_value(parse_value(text)) == text


@given(timex_values())
def test_format_of_parse_is_the_identity_on_every_value_the_grammar_writes(value: str) -> None:
    assert format_value(parse_value(value)) == value


@given(st.datetimes(min_value=_dt.datetime(1, 1, 1), max_value=_dt.datetime(9999, 12, 31, 23, 59)),
       st.sampled_from(["CE", "DE", "Y", "HALF", "Q", "M", "W", "WE", "D", "H", "MIN"]))
def test_the_value_at_a_time_is_of_that_unit_and_holds_the_time(t: _dt.datetime, unit: str) -> None:
    """(``WE`` is the weekend of the week that holds the time.)"""
    v = value_at(t, unit)
    text = format_value(v)
    assert parse_value(text) == v
    assert unit_of(v) == unit
    start, end = bounds.value_range(text, None, pendulum.datetime(2024, 7, 28))
    if start is not None and end is not None:
        held = pendulum.instance(t, tz="UTC")
        if unit == "WE":
            held = dates.add(dates.start_of(held, "week"), days=5)
        assert start <= held < end


def test_day_at_writes_a_day_a_clock_time_or_a_part_of_day() -> None:
    d = _dt.date(2024, 7, 28)
    assert [format_value(v) for v in (day_at(d), day_at(d, 8, 5), day_at(d, 19, 15, 42), day_at(d, part="EV"))] == [
        "2024-07-28", "2024-07-28T08:05", "2024-07-28T19:15:42", "2024-07-28TEV"]
    assert [day_at(d).kind, day_at(d, 8).kind, day_at(d, part="EV").kind] == ["date", "time", "time"]


@pytest.mark.parametrize("unit, which, expected", [
    ("Q", 3, "2024-Q3"), ("HALF", 1, "2024-H1"), ("HALF", "2", "2024-H2"), ("SEASON", "WI", "2024-WI")])
def test_in_year_names_a_quarter_half_or_season(unit: str, which: int | str, expected: str) -> None:
    assert format_value(in_year(2024, unit, which)) == expected


def test_in_year_refuses_other_units() -> None:
    with pytest.raises(ValueError, match="'M'"):
        in_year(2024, "M", 3)


@pytest.mark.parametrize("amount, unit, expected", [
    (3, "D", "P3D"), (15, "Y", "P15Y"), (2, "H", "PT2H"), (30, "MIN", "PT30M"), (1, "DE", "P10Y"),
    (2, "CE", "P200Y"), (1, "FN", "P2W"), (1, "WE", "P2D"), (None, "Y", "PXY"), (None, "DE", "PXDE"),
    (None, "CE", "PXCE"), (None, "FN", "PXW"), (2.5, "Y", "P2Y6M"), (1.5, "H", "PT1H30M"), (0.5, "D", "PT12H"),
    (5.3, "Y", "P5.3Y"), (0, "D", "P0D"), (2.5, "Q", "P2.5Q"), (1 / 3, "S", "PT0.333333S"),
])
def test_duration_writes_an_amount_of_a_unit_as_timebank_does(amount: float | None, unit: str, expected: str) -> None:
    assert format_duration(duration(amount, unit)) == expected


@given(st.integers(1, 10**6), st.sampled_from(sorted(DURATION_LETTER) + sorted(SCALED_UNITS)))
def test_a_whole_number_of_units_is_one_part_of_the_duration(n: int, unit: str) -> None:
    d = duration(float(n), unit)
    base, factor = SCALED_UNITS.get(unit, (unit, 1))
    assert (d.date_parts + d.time_parts) == ((float(n * factor), DURATION_LETTER[base]),)
    assert bool(d.time_parts) == (UNITS[base].coarseness < UNITS["D"].coarseness)


@pytest.mark.parametrize("value, expected", [
    ("8757", "BC0044"), ("8311-SU", "BC0490-SU"), ("8757-03-15", "BC0044-03-15"), ("8757-03-15T10:00", "BC0044-03-15T10:00"),
    ("1944-06", "1944-06"), ("BC0044", "BC0044"), ("875", "875"), ("PAST_REF", "PAST_REF"), ("P3Y", "P3Y"), ("junk", "junk"),
])
def test_bc_value_writes_a_stand_in_year_as_the_year_before_our_era(value: str, expected: str) -> None:
    assert bc_value(value) == expected


@pytest.mark.parametrize("value, unit, gran", [
    ("19", "CE", "CE"), ("199", "DE", "DE"), ("199X", "DE", "Y"), ("19XX", "CE", "Y"), ("XXXX", "Y", "Y"),
    ("2024", "Y", "Y"), ("2024-H1", "HALF", "HALF"), ("2024-Q3", "Q", "Q"), ("2024-SU", "SEASON", "SEASON"),
    ("2024-07", "M", "M"), ("2024-W29", "W", "W"), ("2024-W29-WE", "WE", "W"), ("XXXX-WXX-1", "D", "W"),
    ("2024-07-28", "D", "D"), ("2024-07-28TNI", "PART", "D"), ("2024-07-28T10", "H", "D"),
    ("2024-07-28T10:30", "MIN", "D"), ("2024-07-28T10:30:15", "S", "D"), ("P3D", None, "D"), ("PRESENT_REF", None, "D"),
])
def test_unit_of_says_what_a_value_names_and_granularity_what_the_reference_time_moves_by(
    value: str, unit: str | None, gran: str
) -> None:
    assert unit_of(parse_value(value)) == unit
    assert granularity(value) == gran
    assert unit is None or unit in UNITS


def test_seasons_unit_lengths_and_month_lengths_are_one_table_each() -> None:
    assert bounds.SEASON_MONTHS is SEASON_MONTHS
    assert SEASONS == tuple(SEASON_MONTHS)
    from timeline.tagging import resolve

    assert resolve.SEASON_MONTHS is SEASON_MONTHS
    # a fraction carries into the next smaller unit the way durations write it
    assert [(big, small, k) for big, small, k in bounds._CARRY] == [
        (bounds._PENDULUM_UNIT[b], bounds._PENDULUM_UNIT[s], k) for b, (s, k) in SMALLER_UNIT.items()]
    assert [dates.days_in_month(y, m) for y, m in ((2024, 2), (2023, 2), (1900, 2), (2000, 2), (2024, 4))] == [29, 28, 28, 29, 30]


@given(st.integers(1, 9999), st.integers(1, 12))
def test_month_lengths_are_the_calendars(year: int, month: int) -> None:
    assert dates.days_in_month(year, month) == pendulum.datetime(year, month, 1).days_in_month


@pytest.mark.parametrize("unit, n, expected", [
    ("Q", 1, "2024-04-30"), ("HALF", -1, "2023-07-31"), ("DE", 2, "2044-01-31"), ("CE", -1, "1924-01-31"),
    ("FN", 1, "2024-02-14"), ("WE", 1, "2024-02-07"), ("M", 1, "2024-02-29"), ("Y", 1, "2025-01-31"), ("D", 1, "2024-02-01"),
    ("M", 2.5, "2024-04-16"),
])
def test_shift_moves_by_the_calendar_step_of_the_units_table(unit: str, n: float, expected: str) -> None:
    from timeline.tagging.resolve import shift

    assert shift(pendulum.datetime(2024, 1, 31), unit, n).date().isoformat() == expected


@pytest.mark.parametrize("unit", ["SEASON", "PART", "X"])
def test_shift_refuses_a_unit_with_no_calendar_step(unit: str) -> None:
    from timeline.tagging.resolve import shift

    with pytest.raises(ValueError, match="unknown unit"):
        shift(pendulum.datetime(2024, 1, 31), unit, 1)
