"""Calendar arithmetic on aware pendulum DateTimes, with exactly pendulum's results.

Each function gives what the pendulum call named in its docstring gives: the same wall time,
the same ``tzinfo`` object and the same ``fold`` (pendulum sets ``fold=1`` on the times it
builds in a named zone, ``0`` in a fixed one and after adding hours or less), and the same
errors at the ends of the calendar. In a zone with a fixed offset (UTC, ``+05:30``) wall
time and elapsed time agree, so plain ``datetime`` arithmetic computes it several times
faster; in a zone with daylight saving time the function calls pendulum itself.

>>> t = datetime(2024, 1, 31)
>>> add(t, months=1), start_of(t, "week")
(DateTime(2024, 2, 29, 0, 0, 0, tzinfo=Timezone('UTC')), DateTime(2024, 1, 29, 0, 0, 0, tzinfo=Timezone('UTC')))
"""

from __future__ import annotations

import datetime as _dt

import pendulum
from pendulum import DateTime, FixedTimezone, Timezone

__all__ = ["is_fixed", "days_in_month", "datetime", "start_of", "set_date", "add", "plus", "diff", "scale"]

UTC = pendulum.UTC
_new = DateTime  # the constructor: no zone conversion, wall time and fold as given
_naive = _dt.datetime
_delta = _dt.timedelta
#: days in each month of a common year (February of a leap year is handled apart)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_fixed(tz: _dt.tzinfo | None) -> bool:
    """True for pendulum's zones whose offset never changes: UTC and fixed offsets."""
    return tz is UTC or type(tz) is FixedTimezone or (type(tz) is Timezone and tz.key == "UTC")


def _fold(tz: _dt.tzinfo | None, fold: int) -> int:
    """The fold pendulum gives a wall time built with ``fold`` in fixed zone ``tz``."""
    return 0 if type(tz) is FixedTimezone else fold


def days_in_month(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (Gregorian): the one table of month lengths."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def datetime(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
    tz: _dt.tzinfo | None = UTC,
) -> DateTime:
    """``pendulum.datetime(year, month, day, hour, minute, second, tz=tz)``."""
    if is_fixed(tz):
        return _new(year, month, day, hour, minute, second, tzinfo=tz, fold=_fold(tz, 1))
    return pendulum.datetime(year, month, day, hour, minute, second, tz=tz)


def start_of(t: DateTime, unit: str) -> DateTime:
    """``t.start_of(unit)`` for second, minute, hour, day, week, month and year."""
    tz = t.tzinfo
    if not is_fixed(tz):
        return t.start_of(unit)
    fold = _fold(tz, t.fold)
    if unit == "day":
        return _new(t.year, t.month, t.day, tzinfo=tz, fold=fold)
    if unit == "month":
        return _new(t.year, t.month, 1, tzinfo=tz, fold=fold)
    if unit == "year":
        return _new(t.year, 1, 1, tzinfo=tz, fold=fold)
    if unit == "week":
        # pendulum steps back a day at a time (each step a new time: fold 1) to the first
        # day of the week, then takes the start of that day
        back = (t.weekday() - int(pendulum._WEEK_STARTS_AT)) % 7
        if back == 0:
            return _new(t.year, t.month, t.day, tzinfo=tz, fold=fold)
        d = _dt.date(t.year, t.month, t.day) - _delta(days=back)
        return _new(d.year, d.month, d.day, tzinfo=tz, fold=_fold(tz, 1))
    if unit == "hour":
        return _new(t.year, t.month, t.day, t.hour, tzinfo=tz, fold=fold)
    if unit == "minute":
        return _new(t.year, t.month, t.day, t.hour, t.minute, tzinfo=tz, fold=fold)
    if unit == "second":
        return _new(t.year, t.month, t.day, t.hour, t.minute, t.second, tzinfo=tz, fold=fold)
    return t.start_of(unit)


def set_date(t: DateTime, year: int | None = None, month: int | None = None, day: int | None = None) -> DateTime:
    """``t.set(year=year, month=month, day=day)`` (ValueError for a day the month lacks)."""
    tz = t.tzinfo
    if not is_fixed(tz):
        return t.set(year=year, month=month, day=day)
    return _new(
        t.year if year is None else year,
        t.month if month is None else month,
        t.day if day is None else day,
        t.hour, t.minute, t.second, t.microsecond, tzinfo=tz, fold=_fold(tz, t.fold),
    )


def add(
    t: DateTime, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0,
    hours: int = 0, minutes: int = 0, seconds: int = 0,
) -> DateTime:
    """``t.add(...)``: years and months move the wall calendar (the day is cut to the
    month's last), days and weeks the wall date, hours and less the elapsed time."""
    tz = t.tzinfo
    if not is_fixed(tz):
        return t.add(years=years, months=months, weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    if years or months or weeks or days:
        year, month, day = t.year, t.month, t.day
        if years or months:
            # pendulum's add_duration, in integers
            total = month - 1 + months
            year += years + total // 12
            month = total % 12 + 1
            if not 1 <= year <= 9999:
                raise ValueError(f"year {year} is out of range")
            day = min(day, days_in_month(year, month))
        w = _naive(year, month, day, t.hour, t.minute, t.second, t.microsecond)
        if weeks or days or hours or minutes or seconds:
            w += _delta(days=days + 7 * weeks, hours=hours, minutes=minutes, seconds=seconds)
        return _new(w.year, w.month, w.day, w.hour, w.minute, w.second, w.microsecond, tzinfo=tz, fold=_fold(tz, 1))
    return _plus(t, _delta(hours=hours, minutes=minutes, seconds=seconds))


def plus(t: _dt.datetime, delta: _dt.timedelta) -> _dt.datetime:
    """``t.add(microseconds=...)`` of a whole ``delta`` (what ``t + delta`` does with a
    pendulum Duration of microseconds): elapsed time, counted in UTC."""
    tz = t.tzinfo
    if not is_fixed(tz) or not isinstance(t, DateTime):
        if isinstance(t, DateTime):
            return t.add(microseconds=(delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds)
        return t + delta
    return _plus(t, delta)


def _plus(t: DateTime, delta: _dt.timedelta) -> DateTime:
    """``plus`` in a fixed zone."""
    w = _naive(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond)
    offset = t.utcoffset()
    if offset:
        w = w - offset + delta + offset  # through UTC, failing where pendulum's UTC fails
    else:
        w = w + delta
    return _new(w.year, w.month, w.day, w.hour, w.minute, w.second, w.microsecond, tzinfo=t.tzinfo, fold=0)


def diff(end: _dt.datetime, start: _dt.datetime) -> _dt.timedelta:
    """``end - start`` (a pendulum Interval) as the timedelta it compares as."""
    if is_fixed(end.tzinfo) and is_fixed(start.tzinfo):
        return _delta(seconds=_naive.__sub__(end, start).total_seconds())
    return end - start


def scale(span: _dt.timedelta, k: float) -> _dt.timedelta:
    """``span * k`` as pendulum computes it for an Interval (through its seconds as a float,
    to the nearest microsecond, ties to even)."""
    return _delta(seconds=span.total_seconds()) * k
