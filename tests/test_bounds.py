"""Uncertainty ranges: every row of the docs table, and the properties that must always hold."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import CHAIN, anchors, cuts, date_values, moments, mods
from timeline.anchor import to_anchor
from timeline.values.bounds import (
    ANCHOR_MOD_RULES,
    MOD_RULES,
    anchored_range,
    duration_of,
    markdown_tables,
    value_range,
)
from timeline.errors import UnknownOptionError

DOC = Path(__file__).resolve().parents[1] / "docs" / "uncertainty.md"


def _block(name: str) -> str:
    text = DOC.read_text("utf-8")
    m = re.search(rf"<!-- BEGIN {name} -->\n(.*?)\n?<!-- END {name} -->", text, re.S)
    assert m, f"docs/uncertainty.md lacks the {name} block"
    return m.group(1)


def _rows() -> list[list[str]]:
    lines = [ln for ln in _block("examples").splitlines() if ln.startswith("|")][2:]
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]


ROWS = _rows()


def _bound(text: str, anchor: pendulum.DateTime) -> dt.datetime | None:
    if text == "open":
        return None
    parsed = pendulum.parse(text, tz=anchor.tz)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}: {r[2]} {r[3]} {r[4]}".strip() for r in ROWS])
def test_doc_table_row(row: list[str]) -> None:
    _shape, _example, value, mod, cut, anchor_text, earliest, latest = row
    anchor = to_anchor(anchor_text)
    got = value_range(value, mod or None, anchor, cut=cut or None)
    if earliest == "none":
        assert got == (None, None)
        return
    assert got == (_bound(earliest, anchor), _bound(latest, anchor))


def test_doc_table_covers_every_mod_and_cut() -> None:
    used_mods = {r[3] for r in ROWS}
    assert set(MOD_RULES) | set(ANCHOR_MOD_RULES) <= used_mods
    assert {"EARLIER", "LATER"} <= {r[4] for r in ROWS}


def test_doc_table_covers_every_value_shape() -> None:
    shapes = {r[0] for r in ROWS}
    for needed in ("year", "month", "day", "ISO week", "weekend", "quarter", "half", "season",
                   "decade", "century", "time to the hour", "time to the minute", "night",
                   "present", "past", "future"):
        assert needed in shapes


def test_doc_constants_are_the_codes_constants() -> None:
    assert _block("constants").strip() == markdown_tables().strip()



@pytest.mark.parametrize(
    "value, expected",
    [
        ("P15Y", pendulum.duration(years=15)),
        ("PT6H", pendulum.duration(hours=6)),
        ("P1DE", pendulum.duration(years=10)),
        ("P1E", pendulum.duration(years=10)),
        ("P2Q", pendulum.duration(months=6)),
        ("P1CE", pendulum.duration(years=100)),
        ("P3W", pendulum.duration(weeks=3)),
        ("PT1H30M", pendulum.duration(hours=1, minutes=30)),
        ("P1.5Y", pendulum.duration(years=1, months=6)),
        ("P0.5D", pendulum.duration(hours=12)),
        ("P1Y6M", pendulum.duration(years=1, months=6)),
    ],
)
def test_duration_of_gives_the_length(value: str, expected: pendulum.Duration) -> None:
    got = duration_of(value)
    assert got is not None
    a = pendulum.datetime(2024, 7, 28)
    assert a + got == a + expected


@pytest.mark.parametrize("value", ["PXY", "PXD", "2024", "PRESENT_REF", "nonsense"])
def test_duration_of_is_none_without_a_known_length(value: str) -> None:
    assert duration_of(value) is None


A = pendulum.datetime(2024, 7, 28)


@pytest.mark.parametrize(
    "value, direction, earliest, latest",
    [
        ("P3Y", "PAST", "2021-07-28", "2024-07-28"),
        ("P2W", "FUTURE", "2024-07-28", "2024-08-11"),
        ("P6M", "PAST", "2024-01-28", "2024-07-28"),
        ("PXY", "PAST", None, "2024-07-28"),
        ("PXW", "FUTURE", "2024-07-28", None),
    ],
)
def test_anchored_durations(value: str, direction: str, earliest: str | None, latest: str | None) -> None:
    want = tuple(None if x is None else pendulum.parse(x) for x in (earliest, latest))
    assert anchored_range(value, A, direction) == want


def test_anchored_range_of_a_date_is_none() -> None:
    assert anchored_range("2024", A, "PAST") == (None, None)


def test_bad_direction_and_cut_raise_naming_them() -> None:
    with pytest.raises(UnknownOptionError, match="direction 'BACKWARD'"):
        anchored_range("P3Y", A, "BACKWARD")
    with pytest.raises(UnknownOptionError, match="cut 'SOON'"):
        value_range("2024", None, A, cut="SOON")


def test_hours_are_wall_clock_on_a_dst_day() -> None:
    a = pendulum.datetime(2024, 3, 10, tz="America/New_York")
    s, e = value_range("2024-03-10T10", None, a)
    assert s is not None and e is not None
    assert (s.hour, e.hour) == (10, 11)


# ---------------------------------------------------------------- properties

WIDENING = {"APPROX", "ON_OR_BEFORE", "ON_OR_AFTER", *ANCHOR_MOD_RULES}
NARROWING = {"START", "MID", "END"}


def _le(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """a <= b with None as -inf for a and +inf for b."""
    return a is None or b is None or a <= b


@given(date_values(), mods, cuts, anchors())
def test_earliest_is_before_latest_and_in_the_anchors_zone(value, mod, cut, anchor) -> None:
    s, e = value_range(value, mod, anchor, cut=cut)
    if s is not None and e is not None:
        assert s < e
    for x in (s, e):
        if x is not None:
            assert x.tzinfo is not None
            assert x.utcoffset() == x.astimezone(anchor.tzinfo).utcoffset()


@given(date_values(), anchors())
def test_every_positioned_value_has_a_range(value, anchor) -> None:
    s, e = value_range(value, None, anchor)
    assert s is not None and e is not None


@given(date_values(), mods, anchors())
def test_the_values_own_period_lies_within_a_widening_range(value, mod, anchor) -> None:
    ps, pe = value_range(value, None, anchor)
    s, e = value_range(value, mod, anchor)
    if mod is None:
        assert (s, e) == (ps, pe)
    elif mod in WIDENING:
        assert _le(s, ps) and _le(pe, e)
    elif mod in NARROWING:
        assert s is not None and e is not None and ps is not None and pe is not None
        assert ps <= s < e <= pe


@given(moments(), st.integers(0, len(CHAIN) - 2), anchors())
def test_a_coarser_value_never_gives_a_narrower_range(moment, level, anchor) -> None:
    coarse, fine = CHAIN[level](*moment), CHAIN[level + 1](*moment)
    cs, ce = value_range(coarse, None, anchor)
    fs, fe = value_range(fine, None, anchor)
    assert None not in (cs, ce, fs, fe), (coarse, fine)
    assert cs <= fs and fe <= ce, (coarse, fine)


@given(date_values(), anchors(with_time=True))
def test_earlier_ends_no_later_than_the_anchor_inside_the_period(value, anchor) -> None:
    ps, pe = value_range(value, None, anchor)
    s, e = value_range(value, None, anchor, cut="EARLIER")
    assert s == ps
    if ps is not None and pe is not None and ps < anchor < pe:
        assert e == anchor
    else:
        assert e == pe


def test_a_month_starting_in_a_dst_gap_still_ends_at_the_next_midnight() -> None:
    # Lord Howe Island: 1981-03-01 00:00 does not exist on the wall clock. The month starts
    # when the day does (00:30), but must still end at April 1, 00:00, inside its quarter
    # (hypothesis found 1981-03 ending at 00:30 on April 1, past the end of 1981-Q1).
    anchor = pendulum.datetime(2000, 1, 1, tz="Australia/Lord_Howe")
    qs, qe = value_range("1981-Q1", None, anchor)
    ms, me = value_range("1981-03", None, anchor)
    ds, de = value_range("1981-03-01", None, anchor)
    assert None not in (qs, qe, ms, me, ds, de)
    assert qs <= ms < me == qe
    assert ms == ds and de == pendulum.datetime(1981, 3, 2, tz="Australia/Lord_Howe")


def test_bounds_past_year_9999_give_no_range_not_an_error() -> None:
    anchor = pendulum.datetime(2000, 1, 1)
    assert value_range("9999-12-31", None, anchor) == (None, None)
    assert value_range("9999-11", None, anchor)[1] == pendulum.datetime(9999, 12, 1)
