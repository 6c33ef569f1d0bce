"""``timeline.values.dates`` gives exactly what the pendulum call it stands for gives: the same wall
time, zone object, fold and type, or an error of the same kind, anywhere in the calendar and
in any zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from strategies import calendar_datetimes, calendar_wall_times, calendar_zones

from timeline.values import dates as D

START_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
#: the fractions ``bounds.MOD_RULES`` scales periods by
FRACTIONS = st.sampled_from([0.0, 1 / 3, 2 / 3, 1.0, -0.5, 1.5])


def _outcome(f: Callable[[], object]) -> object:
    """What ``f()`` gives, as something to compare: a datetime by every field that shows,
    an error by how resolve treats it (overflow, out of range, other ValueError)."""
    try:
        r = f()
    except OverflowError:
        return "overflow"
    except ValueError as exc:
        return "out of range" if "out of range" in str(exc) else "ValueError"
    if isinstance(r, dt.datetime):
        return (type(r), r.replace(tzinfo=None, fold=0), id(r.tzinfo), r.fold)
    if isinstance(r, dt.timedelta):  # as it compares (pendulum's Duration overrides .days)
        return dt.timedelta.__sub__(r, dt.timedelta(0))
    return r


@given(calendar_wall_times, calendar_zones)
def test_datetime_builds_what_pendulum_datetime_builds(w: dt.datetime, tz: dt.tzinfo) -> None:
    fields = (w.year, w.month, w.day, w.hour, w.minute, w.second)
    assert _outcome(lambda: D.datetime(*fields, tz=tz)) == _outcome(lambda: pendulum.datetime(*fields, tz=tz))


@given(calendar_datetimes(), st.sampled_from(START_UNITS))
def test_start_of_is_pendulum_start_of(t: pendulum.DateTime, unit: str) -> None:
    assert _outcome(lambda: D.start_of(t, unit)) == _outcome(lambda: t.start_of(unit))


@given(calendar_datetimes(), st.none() | st.integers(1, 9999), st.none() | st.integers(1, 12), st.none() | st.integers(1, 31))
def test_set_date_is_pendulum_set_even_for_days_a_month_lacks(t: pendulum.DateTime, year: int | None, month: int | None, day: int | None) -> None:
    assert _outcome(lambda: D.set_date(t, year, month, day)) == _outcome(lambda: t.set(year=year, month=month, day=day))


_AMOUNTS = {
    "years": st.integers(-10000, 10000),
    "months": st.integers(-40, 40),
    "weeks": st.integers(-600, 600),
    "days": st.integers(-4000, 4000),
    "hours": st.integers(-100, 100),
    "minutes": st.integers(-3000, 3000),
    "seconds": st.integers(-200000, 200000),
}


@st.composite
def _amounts(draw: st.DrawFn) -> dict[str, int]:
    units = draw(st.lists(st.sampled_from(sorted(_AMOUNTS)), min_size=1, max_size=3, unique=True))
    return {u: draw(_AMOUNTS[u]) for u in units}


@given(calendar_datetimes(), _amounts())
def test_add_is_pendulum_add_across_month_ends_leap_days_and_the_calendar_ends(t: pendulum.DateTime, amounts: dict[str, int]) -> None:
    assert _outcome(lambda: D.add(t, **amounts)) == _outcome(lambda: t.add(**amounts))


@given(calendar_datetimes(), _amounts())
def test_add_of_negative_amounts_is_pendulum_subtract(t: pendulum.DateTime, amounts: dict[str, int]) -> None:
    assert _outcome(lambda: D.add(t, **{u: -n for u, n in amounts.items()})) == _outcome(lambda: t.subtract(**amounts))


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    """Two times in one zone at most about 20 years apart (the widest comparison resolve makes)."""
    a = draw(calendar_datetimes())
    seconds = draw(st.integers(-20 * 366 * 86400, 20 * 366 * 86400))
    micro = draw(st.sampled_from([0, 0, draw(st.integers(0, 999999))]))
    try:
        b = a.add(seconds=seconds, microseconds=micro)
    except (OverflowError, ValueError):
        b = a
    return a, b


@given(_pairs(), FRACTIONS)
def test_diff_and_scale_compare_as_pendulum_intervals(pair: tuple[pendulum.DateTime, pendulum.DateTime], k: float) -> None:
    a, b = pair
    assert _outcome(lambda: D.diff(b, a)) == _outcome(lambda: b - a)
    assert _outcome(lambda: D.scale(D.diff(b, a), k)) == _outcome(lambda: (b - a) * k)
    assert _outcome(lambda: D.scale(abs(D.diff(b, a)), k)) == _outcome(lambda: k * abs(b - a))


@given(_pairs(), FRACTIONS)
def test_plus_a_scaled_span_is_pendulum_adding_a_fraction_of_an_interval(pair: tuple[pendulum.DateTime, pendulum.DateTime], k: float) -> None:
    s, e = pair
    assert _outcome(lambda: D.plus(s, D.scale(D.diff(e, s), k))) == _outcome(lambda: s + (e - s) * k)
