"""Uncertainty ranges: (TIMEX3 value, mod, anchor) -> half-open ``[earliest, latest)``.

One table decides every range: the constants below (``PART_OF_DAY_HOURS``,
``SEASON_MONTHS``, ``REF_SPANS``, ``MOD_RULES``, ``ANCHOR_MOD_RULES``, ``CUTS``,
``DURATION_UNITS``); docs/uncertainty.md shows them (rendered by ``markdown_tables``,
and a test checks the page and the code agree) with an example for every row. Bounds
are in the anchor's timezone. Values with no place in time (durations, sets, a year
given as ``XXXX``) have no range: ``(None, None)``. ``None`` on one side only means
unbounded on that side ("before March").

>>> import pendulum
>>> a = pendulum.datetime(2024, 7, 28)
>>> [str(x.date()) for x in value_range("2024-03", None, a)]
['2024-03-01', '2024-04-01']
>>> [str(x.date()) for x in value_range("2024-W29", None, a)]
['2024-07-15', '2024-07-22']
>>> [str(x) for x in value_range("2024-07-28", None, pendulum.datetime(2024, 7, 28, 15), cut="EARLIER")]
['2024-07-28 00:00:00+00:00', '2024-07-28 15:00:00+00:00']
>>> duration_of("P1DE")
Duration(years=10)
>>> [str(x.date()) for x in anchored_range("P3Y", a, "PAST")]
['2021-07-28', '2024-07-28']
"""

from __future__ import annotations

import datetime as _dt
import functools
from fractions import Fraction

import pendulum

from . import dates as D
from ..anchor import has_time
from ..errors import InvalidValueError, UnknownOptionError
from .timex3 import SEASON_MONTHS, SMALLER_UNIT, TimexValue, parse_value

__all__ = [
    "Range",
    "PART_OF_DAY_HOURS",
    "SEASON_MONTHS",
    "REF_SPANS",
    "MOD_RULES",
    "ANCHOR_MOD_RULES",
    "CUTS",
    "DIRECTIONS",
    "DURATION_UNITS",
    "value_range",
    "zone_of",
    "duration_of",
    "anchored_range",
    "markdown_tables",
]

Range = tuple[_dt.datetime | None, _dt.datetime | None]

#: part of day -> (start hour, end hour) on the value's day; an end past 24 runs into the
#: next day (``NI``, night: evening to early morning)
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {
    "MO": (5, 12),
    "MI": (11, 13),
    "AF": (12, 18),
    "EV": (17, 24),
    "NI": (18, 30),
    "DT": (6, 18),
}
# SEASON_MONTHS (season -> first month, months long) is timex3's one table of seasons
#: vague reference -> (days before "now", days after "now"). "now" is the anchor's instant
#: when it has a time of day, else the anchor's whole day; PRESENT_REF is always the day.
REF_SPANS: dict[str, tuple[int, int]] = {"PAST_REF": (365, 0), "PRESENT_REF": (0, 0), "FUTURE_REF": (0, 365)}
#: mod -> (start, end) as fractions of the value's own period [s, e): the range is
#: [s + start * (e - s), s + end * (e - s)); None means unbounded on that side
MOD_RULES: dict[str, tuple[Fraction | None, Fraction | None]] = {
    "START": (Fraction(0), Fraction(1, 3)),
    "MID": (Fraction(1, 3), Fraction(2, 3)),
    "END": (Fraction(2, 3), Fraction(1)),
    "APPROX": (Fraction(-1, 2), Fraction(3, 2)),
    "BEFORE": (None, Fraction(0)),
    "AFTER": (Fraction(1), None),
    "ON_OR_BEFORE": (None, Fraction(1)),
    "ON_OR_AFTER": (Fraction(0), None),
}
#: mods that compare a date with the anchor ("less than a year ago"): TOWARD stretches the
#: period to reach the anchor; AWAY leaves it open on the side away from the anchor
ANCHOR_MOD_RULES: dict[str, str] = {
    "LESS_THAN": "TOWARD",
    "EQUAL_OR_LESS": "TOWARD",
    "MORE_THAN": "AWAY",
    "EQUAL_OR_MORE": "AWAY",
}
#: ``cut`` (vague part of a period, "earlier Sunday", "later today") -> which end the
#: anchor's time replaces when the anchor has a time inside the range
CUTS: dict[str, str] = {"EARLIER": "latest", "LATER": "earliest"}
#: directions of an anchored duration ("the past three years", "the next two weeks")
DIRECTIONS = ("PAST", "FUTURE")
#: duration unit -> (pendulum unit, how many); ``M`` after ``T`` means minutes
DURATION_UNITS: dict[str, tuple[str, int]] = {
    "Y": ("years", 1),
    "M": ("months", 1),
    "W": ("weeks", 1),
    "D": ("days", 1),
    "Q": ("months", 3),
    "DE": ("years", 10),
    "E": ("years", 10),
    "CE": ("years", 100),
    "C": ("years", 100),
    "ML": ("years", 1000),
    "L": ("years", 1000),
    "H": ("hours", 1),
    "TM": ("minutes", 1),
    "S": ("seconds", 1),
}


def _digits(s: str | None) -> bool:
    return s is not None and "X" not in s


def _midnight(tz: _dt.tzinfo, year: int, month: int = 1, day: int = 1) -> pendulum.DateTime:
    """The start of a calendar day in ``tz``: each bound of a period is built on its own, so
    a midnight that falls in a DST gap moves only that bound (not the next one too)."""
    return D.datetime(year, month, day, tz=tz)


def _months_on(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``month`` of ``year``."""
    total = month - 1 + n
    return year + total // 12, total % 12 + 1


def _months(tz: _dt.tzinfo, year: int, month: int, n: int) -> Range:
    """``n`` months from the first of ``month``."""
    return _midnight(tz, year, month), _midnight(tz, *_months_on(year, month, n))


def _days(tz: _dt.tzinfo, first: _dt.date, n: int) -> Range:
    """``n`` days from ``first``."""
    last = first + _dt.timedelta(days=n)
    return _midnight(tz, first.year, first.month, first.day), _midnight(tz, last.year, last.month, last.day)


@functools.lru_cache(maxsize=4096)
def _date_range(v: TimexValue, tz: _dt.tzinfo) -> Range:
    """The period a DATE or TIME value names, in ``tz`` (kept for the values read last: a
    text that names a day again shares its bounds, datetimes being immutable)."""
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
        return _midnight(tz, start_year), _midnight(tz, start_year + width)
    year = int(y)
    if year < 1:
        return None, None
    if v.month is not None:
        if not _digits(v.month):
            return _months(tz, year, 1, 12)
        month = int(v.month)
        if v.day is None or not _digits(v.day):
            return _months(tz, year, month, 1)
        day = int(v.day)
        if day > D.days_in_month(year, month):
            raise InvalidValueError(f"{y}-{v.month}-{v.day}")
        return _time_of(v, _midnight(tz, year, month, day))
    if v.week is not None:
        if not _digits(v.week):
            return _months(tz, year, 1, 12)
        monday = _dt.date.fromisocalendar(year, int(v.week), 1)
        if v.weekday == "WE":
            return _days(tz, monday + _dt.timedelta(days=5), 2)
        if v.weekday is not None and v.weekday != "X":
            d = monday + _dt.timedelta(days=int(v.weekday) - 1)
            return _time_of(v, _midnight(tz, d.year, d.month, d.day))
        return _days(tz, monday, 7)
    if v.quarter is not None:
        if not _digits(v.quarter):
            return _months(tz, year, 1, 12)
        return _months(tz, year, 3 * (int(v.quarter) - 1) + 1, 3)
    if v.half is not None:
        if not _digits(v.half):
            return _months(tz, year, 1, 12)
        return _months(tz, year, 6 * (int(v.half) - 1) + 1, 6)
    if v.season is not None:
        first, length = SEASON_MONTHS[v.season]
        return _months(tz, year, first, length)
    return _months(tz, year, 1, 12)


def _at(day: pendulum.DateTime, hour: int, minute: int = 0, second: int = 0) -> pendulum.DateTime:
    """Wall-clock time on ``day`` (hours past 24 run into the next days), DST-safe."""
    d = D.add(day, days=hour // 24) if hour >= 24 else day
    return D.datetime(d.year, d.month, d.day, hour % 24, minute, second, tz=day.tz)


def zone_of(spec: str) -> _dt.tzinfo:
    """A zone named in the lexicon's ``time_zone`` class: a UTC offset or an IANA name.

    >>> zone_of("+05:30").utcoffset(None), zone_of("America/New_York").name
    (datetime.timedelta(seconds=19800), 'America/New_York')
    """
    if spec[:1] in "+-Z":
        return _zone(spec)
    return pendulum.timezone(spec)


def _zone(tz: str) -> pendulum.FixedTimezone:
    """``Z``, ``+09``, ``+0900`` or ``+09:00`` as a fixed zone."""
    if tz == "Z":
        return pendulum.FixedTimezone(0)
    digits = tz[1:].replace(":", "")
    seconds = int(digits[:2]) * 3600 + int(digits[2:4] or 0) * 60
    return pendulum.FixedTimezone(-seconds if tz[0] == "-" else seconds)


def _time_of(v: TimexValue, day: pendulum.DateTime) -> Range:
    if v.part is not None:
        h0, h1 = PART_OF_DAY_HOURS[v.part]
        return _at(day, h0), _at(day, h1)
    if v.hour is None or not _digits(v.hour):
        return day, _at(day, 24)
    if v.tz is not None:
        # a value with its own zone: build it there, report it in the anchor's zone
        local = pendulum.datetime(day.year, day.month, day.day, tz=_zone(v.tz))
        s0, e0 = _time_of(TimexValue(kind="time", hour=v.hour, minute=v.minute, second=v.second), local)
        assert s0 is not None and e0 is not None and day.tz is not None
        return pendulum.instance(s0).in_timezone(day.tz), pendulum.instance(e0).in_timezone(day.tz)
    hour = int(v.hour)
    if v.minute is None or not _digits(v.minute):
        s = _at(day, hour)
        return s, D.add(s, hours=1)
    if v.second is None:
        s = _at(day, hour, int(v.minute))
        return s, D.add(s, minutes=1)
    s = _at(day, hour, int(v.minute), int(float(v.second)))
    return s, D.add(s, seconds=1)


def _now(a: pendulum.DateTime) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    """The anchor as an interval: its instant when it has a time, else its whole day."""
    if has_time(a):
        return a, a
    day = D.start_of(a, "day")
    return day, D.add(day, days=1)


def _ref_range(ref: str, a: pendulum.DateTime) -> Range:
    before, after = REF_SPANS[ref]
    if ref == "PRESENT_REF":
        day = D.start_of(a, "day")
        return day, D.add(day, days=1)
    n0, n1 = _now(a)
    s, e = D.add(n0, days=-before), D.add(n1, days=after)
    return (s, e) if s < e else (None, None)


def _apply_mod(rng: Range, mod: str | None, a: pendulum.DateTime) -> Range:
    s, e = rng
    if s is None or e is None:
        return rng
    if mod in MOD_RULES:
        f0, f1 = MOD_RULES[mod]
        span = D.diff(e, s)
        return (
            None if f0 is None else D.plus(s, D.scale(span, float(f0))),
            None if f1 is None else D.plus(s, D.scale(span, float(f1))),
        )
    if mod in ANCHOR_MOD_RULES:
        n0, n1 = _now(a)
        past, future = e <= n1, s >= n0
        if ANCHOR_MOD_RULES[mod] == "TOWARD":
            return min(s, n0), max(e, n1)
        if past and not future:
            return None, e
        if future and not past:
            return s, None
    return rng


def _apply_cut(rng: Range, cut: str | None, a: pendulum.DateTime) -> Range:
    if cut is None:
        return rng
    if cut not in CUTS:
        raise UnknownOptionError("cut", cut, tuple(CUTS))
    s, e = rng
    if not has_time(a) or s is None or e is None or not s < a < e:
        return rng
    return (s, a) if CUTS[cut] == "latest" else (a, e)


def value_range(
    value: str, mod: str | None, anchor: _dt.datetime, *, cut: str | None = None, zone: str | None = None
) -> Range:
    """The range a DATE or TIME value (with its mod) can refer to, in the anchor's zone.

    ``cut`` narrows a vague part of the period by the anchor's time: ``"EARLIER"``
    ("earlier Sunday") ends the range at the anchor when the anchor has a time inside it,
    ``"LATER"`` ("later today") starts it there; without such a time the whole period
    stays. Durations and unparseable values give ``(None, None)``. ``zone`` (a UTC offset
    such as ``"+09:00"`` or an IANA name) is the zone the value's clock reads in ("17:00
    JST"): the bounds are the true instants, written in that zone.

    >>> import pendulum
    >>> [str(x) for x in value_range("2024-07-28T17:00", None, pendulum.datetime(2024, 7, 28), zone="+09:00")]
    ['2024-07-28 17:00:00+09:00', '2024-07-28 17:01:00+09:00']
    >>> [str(x) for x in value_range("2024", "START", pendulum.datetime(2024, 7, 28))]
    ['2024-01-01 00:00:00+00:00', '2024-05-02 00:00:00+00:00']
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None, None
    if v.kind == "duration":
        return None, None
    tz = zone_of(zone) if zone else anchor.tzinfo or pendulum.UTC
    a = pendulum.instance(anchor)
    if v.bc:
        return None, None  # no datetime before year 1 (timex3.year_of orders these)
    if v.kind == "ref":
        rng = _ref_range(v.ref or "", a)
    else:
        try:
            rng = _date_range(v, tz)
        except (InvalidValueError, ValueError, OverflowError):
            return None, None  # no such day, or a bound past year 9999
    return _apply_cut(_apply_mod(rng, mod, a), cut, a)


#: timex3.SMALLER_UNIT in pendulum's unit names
_PENDULUM_UNIT = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "H": "hours", "MIN": "minutes", "S": "seconds"}
_CARRY = tuple((_PENDULUM_UNIT[big], _PENDULUM_UNIT[small], k) for big, (small, k) in SMALLER_UNIT.items())


def duration_of(value: str) -> pendulum.Duration | None:
    """The length of a TIMEX3 duration as a pendulum Duration; None when vague or not one.

    Fractions carry down: ``P1.5Y`` is 18 months, ``P0.5D`` is 12 hours.

    >>> duration_of("PT6H")
    Duration(hours=6)
    >>> duration_of("PXY") is None, duration_of("2024") is None
    (True, True)
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None
    if v.kind != "duration" or v.duration is None or v.duration.is_vague:
        return None
    totals: dict[str, Fraction] = {}
    for parts, time in ((v.duration.date_parts, False), (v.duration.time_parts, True)):
        for amount, unit in parts:
            name, n = DURATION_UNITS["TM" if time and unit == "M" else unit]
            totals[name] = totals.get(name, Fraction(0)) + Fraction(str(amount)) * n
    # carry fractions to the next smaller unit (timex3.SMALLER_UNIT)
    for big, small, k in _CARRY:
        total = totals.get(big, Fraction(0))
        whole = total.numerator // total.denominator
        if total != whole:
            totals[big] = Fraction(whole)
            totals[small] = totals.get(small, Fraction(0)) + (total - whole) * k
    kwargs = {name: int(total) for name, total in totals.items() if name != "seconds"}
    return pendulum.duration(**kwargs, seconds=float(totals.get("seconds", 0)))


def anchored_range(value: str, anchor: _dt.datetime, direction: str) -> Range:
    """The range a duration covers when tied to the anchor ("the past three years").

    ``direction`` is ``"PAST"`` -> ``[anchor - d, anchor)`` or ``"FUTURE"`` ->
    ``[anchor, anchor + d)``. A vague length (``PXY``, "the past few years") leaves the far
    side unbounded (None); a value that is not a duration gives ``(None, None)``.

    >>> import pendulum
    >>> [str(x.date()) for x in anchored_range("P2W", pendulum.datetime(2024, 7, 28), "FUTURE")]
    ['2024-07-28', '2024-08-11']
    """
    if direction not in DIRECTIONS:
        raise UnknownOptionError("direction", direction, DIRECTIONS)
    a = pendulum.instance(anchor)
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None, None
    if v.kind != "duration":
        return None, None
    d = duration_of(value)
    if d is None:
        return (None, a) if direction == "PAST" else (a, None)
    s, e = (a - d, a) if direction == "PAST" else (a, a + d)
    return (s, e) if s < e else (None, None)


def _frac(f: Fraction | None) -> str:
    return "open" if f is None else str(f)


def markdown_tables() -> str:
    """The constants of this module as the Markdown tables shown in docs/uncertainty.md."""
    rows = ["| part of day | from hour | to hour |", "|---|---|---|"]
    rows += [f"| {k} | {h0} | {h1} |" for k, (h0, h1) in PART_OF_DAY_HOURS.items()]
    rows += ["", "| season | first month | months |", "|---|---|---|"]
    rows += [f"| {k} | {m} | {n} |" for k, (m, n) in SEASON_MONTHS.items()]
    rows += ["", "| reference | days before now | days after now |", "|---|---|---|"]
    rows += [f"| {k} | {b} | {f} |" for k, (b, f) in REF_SPANS.items()]
    rows += ["", "| mod | start (fraction of period) | end (fraction of period) |", "|---|---|---|"]
    rows += [f"| {k} | {_frac(f0)} | {_frac(f1)} |" for k, (f0, f1) in MOD_RULES.items()]
    rows += ["", "| mod | relative to the anchor |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in ANCHOR_MOD_RULES.items()]
    rows += ["", "| cut | end replaced by the anchor's time |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in CUTS.items()]
    rows += ["", "| duration unit | pendulum unit | times |", "|---|---|---|"]
    rows += [f"| {k} | {u} | {n} |" for k, (u, n) in DURATION_UNITS.items()]
    return "\n".join(rows)
