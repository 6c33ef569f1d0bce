"""Uncertainty ranges: (TIMEX3 value, mod, anchor) -> half-open ``[earliest, latest)``.

One table decides every range; docs/uncertainty.md shows it with examples. Bounds are in
the anchor's timezone. Values with no place in time (durations, sets, a year given as
``XXXX``) have no range: ``(None, None)``.

>>> import pendulum
>>> a = pendulum.datetime(2024, 7, 28)
>>> [str(x.date()) for x in value_range("2024-03", None, a)]
['2024-03-01', '2024-04-01']
>>> [str(x.date()) for x in value_range("2024-W29", None, a)]
['2024-07-15', '2024-07-22']
"""

from __future__ import annotations

import datetime as _dt

import pendulum

from .errors import InvalidValueError
from .timex3 import TimexValue, parse_value

__all__ = ["value_range", "PART_OF_DAY_HOURS", "SEASON_MONTHS", "REF_SPANS", "MOD_RULES"]

Range = tuple[_dt.datetime | None, _dt.datetime | None]

#: part of day -> (start hour, end hour); an end past 24 runs into the next day
PART_OF_DAY_HOURS = {"MO": (5, 12), "MI": (11, 13), "AF": (12, 18), "EV": (17, 24), "NI": (18, 30), "DT": (6, 18)}
#: season -> (first month, months long); winter starts in December of the value's year
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
#: vague references -> (span before the anchor, span after it), in days
REF_SPANS = {"PAST_REF": (365, 0), "PRESENT_REF": (0, 0), "FUTURE_REF": (0, 365)}
#: mod -> (start fraction, end fraction) of the base range; APPROX widens by half each side
MOD_RULES = {
    "START": (0.0, 1 / 3),
    "MID": (1 / 3, 2 / 3),
    "END": (2 / 3, 1.0),
    "APPROX": (-0.5, 1.5),
}


def _digits(s: str | None) -> bool:
    return s is not None and "X" not in s


def _date_range(v: TimexValue, tz: _dt.tzinfo) -> Range:
    y = v.year or ""
    if len(y) < 4 or not _digits(y):
        # decade (199, 199X), century (19, 19XX) or unknown year
        digits = y.rstrip("X")
        if not digits or not digits.isdigit() or "X" in digits:
            return None, None
        width = 10 ** (4 - len(digits))
        start_year = int(digits) * width
        if start_year < 1:
            return None, None
        s = pendulum.datetime(start_year, 1, 1, tz=tz)
        return s, s.add(years=width)
    year = int(y)
    if year < 1:
        return None, None
    base = pendulum.datetime(year, 1, 1, tz=tz)
    if v.month is not None:
        if not _digits(v.month):
            return base, base.add(years=1)
        s = base.set(month=int(v.month))
        if v.day is None or not _digits(v.day):
            return s, s.add(months=1)
        day = int(v.day)
        if day > s.days_in_month:
            raise InvalidValueError(f"{y}-{v.month}-{v.day}")
        s = s.set(day=day)
        return _time_of(v, s)
    if v.week is not None:
        if not _digits(v.week):
            return base, base.add(years=1)
        monday = pendulum.parse(f"{y}-W{int(v.week):02d}-1", tz=tz)
        assert isinstance(monday, pendulum.DateTime)
        if v.weekday == "WE":
            return monday.add(days=5), monday.add(days=7)
        if v.weekday is not None and v.weekday != "X":
            d = monday.add(days=int(v.weekday) - 1)
            return _time_of(v, d)
        return monday, monday.add(days=7)
    if v.quarter is not None:
        if not _digits(v.quarter):
            return base, base.add(years=1)
        s = base.add(months=3 * (int(v.quarter) - 1))
        return s, s.add(months=3)
    if v.half is not None:
        if not _digits(v.half):
            return base, base.add(years=1)
        s = base.add(months=6 * (int(v.half) - 1))
        return s, s.add(months=6)
    if v.season is not None:
        first, length = SEASON_MONTHS[v.season]
        s = base.set(month=first)
        return s, s.add(months=length)
    return base, base.add(years=1)


def _time_of(v: TimexValue, day: pendulum.DateTime) -> Range:
    if v.part is not None:
        h0, h1 = PART_OF_DAY_HOURS[v.part]
        return day.add(hours=h0), day.add(hours=h1)
    if v.hour is None or not _digits(v.hour):
        return day, day.add(days=1)
    s = day.add(hours=int(v.hour))
    if v.minute is None or not _digits(v.minute):
        return s, s.add(hours=1)
    s = s.add(minutes=int(v.minute))
    if v.second is None:
        return s, s.add(minutes=1)
    s = s.add(seconds=int(float(v.second)))
    return s, s.add(seconds=1)


def _apply_mod(rng: Range, mod: str | None) -> Range:
    s, e = rng
    if mod not in MOD_RULES or s is None or e is None:
        return rng
    f0, f1 = MOD_RULES[mod]
    span = e - s
    return s + span * f0, s + span * f1


def value_range(value: str, mod: str | None, anchor: _dt.datetime) -> Range:
    """The range a DATE or TIME value (with its mod) can refer to, in the anchor's zone.

    Durations and unparseable values give ``(None, None)``.
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None, None
    tz = anchor.tzinfo or pendulum.UTC
    a = pendulum.instance(anchor)
    if v.kind == "duration":
        return None, None
    if v.kind == "ref":
        before, after = REF_SPANS[v.ref or ""]
        day = a.start_of("day")
        if v.ref == "PRESENT_REF":
            return day, day.add(days=1)
        if v.ref == "PAST_REF":
            return a.subtract(days=before), a if a > day else day.add(days=1)
        return a, a.add(days=after)
    try:
        rng = _date_range(v, tz)
    except (InvalidValueError, ValueError):
        return None, None
    return _apply_mod(rng, mod)
