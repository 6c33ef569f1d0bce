"""Anchors, TIMEX3 values and ranges: the values every stage shares."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from timeline.anchor import to_anchor
from timeline.values.bounds import value_range
from timeline.errors import InvalidAnchorError, InvalidValueError
from timeline.values.timex3 import format_value, is_value, parse_value

VALUES = [
    "2024", "2024-07", "2024-07-28", "XXXX-03", "2024-XX-XX", "199", "19", "199X", "19XX",
    "2024-W29", "2024-W29-WE", "XXXX-WXX-7", "2024-Q1", "2024-QX", "2024-H2", "2024-SP",
    "2024-07-28T10:30", "2024-07-28T10:30:15", "2024-07-28TNI", "XXXX-WXX-7TNI",
    "P15Y", "P3M", "P2W", "PT6H", "P1DE", "PXY", "P1Y6M", "PT1H30M", "P1E", "PXC",
    "PRESENT_REF", "PAST_REF", "FUTURE_REF",
]


@pytest.mark.parametrize("value", VALUES)
def test_every_value_shape_round_trips(value: str) -> None:
    assert is_value(value)
    assert format_value(parse_value(value)) == value


@pytest.mark.parametrize("value", ["", "2024-13", "2024-02-32", "P", "PT", "march", "2024-W60", "2024-Q5"])
def test_non_values_are_rejected(value: str) -> None:
    assert not is_value(value)
    with pytest.raises(InvalidValueError):
        parse_value(value)


@pytest.mark.parametrize(
    "anchor", ["2024-13-45", "", "31/02/2024", "yesterday-ish", "2024-02-30", None, 20240728]
)
def test_invalid_anchor_raises_value_error_naming_it(anchor: object) -> None:
    with pytest.raises(ValueError, match=repr(anchor).replace("(", r"\(")) as info:
        to_anchor(anchor)
    assert isinstance(info.value, InvalidAnchorError)


@pytest.mark.parametrize(
    "anchor, expected",
    [
        ("2024-07-28", "2024-07-28T00:00:00+00:00"),
        ("20240728", "2024-07-28T00:00:00+00:00"),
        ("2024-07-28T09:30", "2024-07-28T09:30:00+00:00"),
        ("2024-07-28T09:30:00+09:00", "2024-07-28T09:30:00+09:00"),
        ("2024-07-28T09:30:00Z", "2024-07-28T09:30:00+00:00"),
        (dt.date(2024, 7, 28), "2024-07-28T00:00:00+00:00"),
        (dt.datetime(2024, 7, 28, 12), "2024-07-28T12:00:00+00:00"),
    ],
)
def test_anchor_forms_become_aware_datetimes(anchor: object, expected: str) -> None:
    assert to_anchor(anchor).isoformat() == expected


A = pendulum.datetime(2024, 7, 28)


@pytest.mark.parametrize(
    "value, mod, start, end",
    [
        ("2024", None, "2024-01-01", "2025-01-01"),
        ("2024-03", None, "2024-03-01", "2024-04-01"),
        ("2024-02-29", None, "2024-02-29", "2024-03-01"),
        ("199", None, "1990-01-01", "2000-01-01"),
        ("19", None, "1900-01-01", "2000-01-01"),
        ("2024-W29", None, "2024-07-15", "2024-07-22"),
        ("2024-W29-WE", None, "2024-07-20", "2024-07-22"),
        ("2024-Q2", None, "2024-04-01", "2024-07-01"),
        ("2024-H2", None, "2024-07-01", "2025-01-01"),
        ("2024-WI", None, "2024-12-01", "2025-03-01"),
        ("2024-07-28TNI", None, "2024-07-28T18:00:00", "2024-07-29T06:00:00"),
        ("2024-07-28T10:30", None, "2024-07-28T10:30:00", "2024-07-28T10:31:00"),
        ("PRESENT_REF", None, "2024-07-28", "2024-07-29"),
    ],
)
def test_value_ranges_follow_granularity(value: str, mod: str | None, start: str, end: str) -> None:
    s, e = value_range(value, mod, A)
    assert s == pendulum.parse(start) and e == pendulum.parse(end)


@pytest.mark.parametrize("value", ["P3Y", "PXY", "XXXX-03", "2024-02-30", "not a value"])
def test_values_without_a_place_in_time_have_no_range(value: str) -> None:
    assert value_range(value, None, A) == (None, None)
