"""Format and parse TIMEX3 value strings (TimeML 1.2.1 / TempEval-3 usage).

Shapes (``X`` stands for an unknown digit):

==================  ==========================================================
DATE                ``2024``, ``2024-07``, ``2024-07-28``, ``XXXX-03``, ``2024-XX-XX``
decade, century     ``199`` (the 1990s), ``19`` (the 1900s), ``199X``, ``19XX``
week                ``2024-W29``, ``2024-W29-WE``, ``XXXX-WXX-7``
quarter, half       ``2024-Q1``, ``2024-QX``, ``2024-H2``
season              ``2024-SP``, ``2024-SU``, ``2024-FA``, ``2024-WI``
before our era      ``BC0044`` (44 BC), ``BC0481-SU``, ``BC04`` (the 5th century BC)
TIME                ``2024-07-28T10:30``, ``2024-07-28T10:30:15``, ``2024-07-28TNI``
DURATION            ``P15Y``, ``P3M``, ``P2W``, ``PT6H``, ``P1DE``, ``PXY``, ``P1Y6M``
reference           ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``
==================  ==========================================================

>>> parse_value("2024-W29").week
'29'
>>> format_value(parse_value("2024-07-28TNI"))
'2024-07-28TNI'
>>> is_value("2024-13")
False
>>> is_value("\u0662\u0660\u0662\u0664")  # Arabic-Indic digits are not TIMEX3 digits
False
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Literal

import attrs

from ..errors import InvalidValueError

__all__ = [
    "REFS",
    "PARTS_OF_DAY",
    "SEASONS",
    "DURATION_UNITS",
    "TimexValue",
    "Duration",
    "parse_value",
    "format_value",
    "is_value",
    "parse_duration",
    "format_duration",
    "UNITS",
    "Unit",
    "granularity",
    "bc_value",
    "year_of",
    "value_at",
    "BC_STANDIN",
    "SEASON_MONTHS",
    "SCALED_UNITS",
    "SMALLER_UNIT",
    "DURATION_LETTER",
    "unit_of",
    "day_at",
    "in_year",
    "duration",
]

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
#: season -> (first month, months long); winter starts in December of the value's year.
#: The one table of seasons: bounds read it for a season's range, resolution for its start.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
SEASONS = tuple(SEASON_MONTHS)
#: duration unit letters; date part then time part (after ``T``). TE3 writes decades
#: as ``DE`` or ``E``, centuries as ``CE`` or ``C``, millennia as ``ML`` or ``L``.
DURATION_UNITS = ("Y", "M", "W", "D", "Q", "DE", "E", "CE", "C", "ML", "L", "H", "S")

_D = r"(?:\d|X)"
_DATE_RE = re.compile(
    rf"""
    (?P<bc>BC)?(?P<year>{_D}{{4}}|{_D}{{3}}|{_D}{{2}})
    (?:
        -(?P<month>{_D}{{2}})(?:-(?P<day>{_D}{{2}}))?
      | -W(?P<week>{_D}{{1,2}})(?:-(?P<weekday>[1-7X]|WE))?
      | -Q(?P<quarter>[1-4X])
      | -H(?P<half>[12X])
      | -(?P<season>SP|SU|FA|WI)
    )?
    (?:T(?:
        (?P<hour>\d{{2}}|XX)(?::(?P<minute>\d{{2}}|XX)(?::(?P<second>\d{{2}}(?:\.\d+)?))?)?
        (?P<tz>Z|[+-]\d{{2}}(?::?\d{{2}})?)?
      | (?P<part>MO|MI|AF|EV|NI|DT)
    ))?
    """,
    re.VERBOSE | re.ASCII,  # \d is 0-9 only: "٢٠٢٤" is not a year of the grammar
)
_DUR_RE = re.compile(
    r"P(?:(?P<date>(?:(?:\d+(?:\.\d+)?|X+)(?:DE|CE|ML|[YMWDQECL]))+))?"
    r"(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X+)[HMS])+))?",
    re.ASCII,
)
_DUR_PART = re.compile(r"(\d+(?:\.\d+)?|X+)(DE|CE|ML|[YMWDQECLHS])", re.ASCII)


@attrs.frozen(slots=True)
class Duration:
    """A TIMEX3 duration: ``((amount, unit), ...)``; amount None for ``X`` (unknown)."""

    date_parts: tuple[tuple[float | None, str], ...] = ()
    time_parts: tuple[tuple[float | None, str], ...] = ()

    @property
    def is_vague(self) -> bool:
        return any(a is None for a, _ in self.date_parts + self.time_parts)


@attrs.frozen(slots=True)
class TimexValue:
    """A parsed TIMEX3 value. ``kind`` is date, time, duration or ref; fields not in the
    value are None; ``"X"`` strings mark unknown parts."""

    kind: Literal["date", "time", "duration", "ref"]
    year: str | None = None
    month: str | None = None
    day: str | None = None
    week: str | None = None
    weekday: str | None = None
    quarter: str | None = None
    half: str | None = None
    season: str | None = None
    hour: str | None = None
    minute: str | None = None
    second: str | None = None
    tz: str | None = None
    part: str | None = None
    duration: Duration | None = None
    ref: str | None = None
    bc: bool = False  # a year before the common era: "BC0044" is 44 BC


def _valid_numbers(m: re.Match[str]) -> bool:
    month, day, week, hour, minute = (m.group(k) for k in ("month", "day", "week", "hour", "minute"))
    if month and "X" not in month and not 1 <= int(month) <= 12:
        return False
    if day and "X" not in day and not 1 <= int(day) <= 31:
        return False
    if week and "X" not in week and not 1 <= int(week) <= 53:
        return False
    if hour and "X" not in hour and not 0 <= int(hour) <= 24:
        return False
    if minute and "X" not in minute and not 0 <= int(minute) <= 59:
        return False
    return True


@functools.lru_cache(maxsize=8192)
def parse_value(value: str) -> TimexValue:
    """Parse a TIMEX3 value string; raise InvalidValueError if it is not one. Values are
    frozen, so a value read again (bounds, granularity, discourse) is parsed once."""
    if value in REFS:
        return TimexValue(kind="ref", ref=value)
    if value.startswith("P"):
        return TimexValue(kind="duration", duration=parse_duration(value))
    m = _DATE_RE.fullmatch(value)
    if m is None or not _valid_numbers(m):
        raise InvalidValueError(value)
    g = m.groupdict()
    week = g["week"]
    is_time = g["hour"] is not None or g["part"] is not None
    return TimexValue(
        kind="time" if is_time else "date",
        bc=g["bc"] is not None,
        year=g["year"],
        month=g["month"],
        day=g["day"],
        week=week,
        weekday=g["weekday"],
        quarter=g["quarter"],
        half=g["half"],
        season=g["season"],
        hour=g["hour"],
        minute=g["minute"],
        second=g["second"],
        tz=g["tz"],
        part=g["part"],
    )


def parse_duration(value: str) -> Duration:
    """Parse ``P...`` into a Duration; raise InvalidValueError if malformed."""
    m = _DUR_RE.fullmatch(value)
    if m is None or (m.group("date") is None and m.group("time") is None):
        raise InvalidValueError(value)

    def parts(s: str | None) -> tuple[tuple[float | None, str], ...]:
        if not s:
            return ()
        return tuple(
            (None if a.startswith("X") else float(a), u) for a, u in _DUR_PART.findall(s)
        )

    return Duration(parts(m.group("date")), parts(m.group("time")))


def _num(a: float | None) -> str:
    if a is None:
        return "X"
    return str(int(a)) if float(a).is_integer() else repr(a)


def format_duration(d: Duration) -> str:
    """The inverse of parse_duration."""
    out = "P" + "".join(_num(a) + u for a, u in d.date_parts)
    if d.time_parts:
        out += "T" + "".join(_num(a) + u for a, u in d.time_parts)
    return out


def format_value(v: TimexValue) -> str:
    """The inverse of parse_value."""
    if v.kind == "ref":
        return v.ref or ""
    if v.kind == "duration":
        return format_duration(v.duration or Duration())
    out = ("BC" if v.bc else "") + (v.year or "")
    if v.month is not None:
        out += f"-{v.month}"
        if v.day is not None:
            out += f"-{v.day}"
    elif v.week is not None:
        out += f"-W{v.week}"
        if v.weekday is not None:
            out += f"-{v.weekday}"
    elif v.quarter is not None:
        out += f"-Q{v.quarter}"
    elif v.half is not None:
        out += f"-H{v.half}"
    elif v.season is not None:
        out += f"-{v.season}"
    if v.part is not None:
        out += f"T{v.part}"
    elif v.hour is not None:
        out += f"T{v.hour}"
        if v.minute is not None:
            out += f":{v.minute}"
            if v.second is not None:
                out += f":{v.second}"
        out += v.tz or ""
    return out


def is_value(value: str) -> bool:
    """True when ``value`` follows the TIMEX3 value grammar."""
    try:
        parse_value(value)
    except InvalidValueError:
        return False
    return True


@attrs.frozen(slots=True)
class Unit:
    """A granularity of TIMEX3 values and a step of calendar arithmetic: its code, how
    coarse it is (an order: a step finer than what the text said cannot be placed exactly),
    its mean length in days (for fractions: "2.5 months" is 76 days) and the calendar step
    it moves by, (pendulum unit, how many) (a quarter is 3 months; a weekend moves by weeks;
    None for what no phrase shifts by)."""

    code: str
    coarseness: int
    days: float
    step: tuple[str, int] | None = None


#: every unit, finest first: the one table of granularities, coarseness and lengths
UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("S", 0, 1 / 86400, ("seconds", 1)),
        Unit("MIN", 1, 1 / 1440, ("minutes", 1)),
        Unit("H", 2, 1 / 24, ("hours", 1)),
        Unit("PART", 2, 1 / 4),  # a part of a day ("2024-07-28TNI"): morning, night, ...
        Unit("D", 3, 1, ("days", 1)),
        Unit("WE", 3, 2, ("weeks", 1)),
        Unit("W", 4, 7, ("weeks", 1)),
        Unit("FN", 4, 14, ("weeks", 2)),
        Unit("M", 5, 30.44, ("months", 1)),
        Unit("Q", 6, 91.31, ("months", 3)),
        Unit("SEASON", 6, 91.31),
        Unit("HALF", 7, 182.62, ("months", 6)),
        Unit("Y", 8, 365.25, ("years", 1)),
        Unit("DE", 9, 3652.5, ("years", 10)),
        Unit("CE", 10, 36525, ("years", 100)),
    )
}


#: units a duration writes as a multiple of another ("a decade" -> P10Y, as TimeBank does)
SCALED_UNITS: dict[str, tuple[str, int]] = {"DE": ("Y", 10), "CE": ("Y", 100), "FN": ("W", 2), "WE": ("D", 2)}
#: the next smaller unit and how many of it make one: a fraction of a unit is written in it
#: ("2 1/2 years" -> P2Y6M) and a fractional length carries into it (P1.5Y is 18 months).
#: A month counts 30 days here, as TimeBank writes them; ``Unit.days`` is the mean length.
SMALLER_UNIT: dict[str, tuple[str, int]] = {
    "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)
}
#: the letter a duration writes for a unit (minutes are ``M`` after the ``T``)
DURATION_LETTER: dict[str, str] = {
    "Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "DE", "CE": "CE", "H": "H", "MIN": "M", "S": "S"
}
_TIME_PART = frozenset({"H", "MIN", "S"})


@functools.lru_cache(maxsize=4096)
def granularity(value: str) -> str:
    """The unit a DATE or TIME value is given to (a code of ``UNITS``); times count as
    their day (the reference time of a text moves by days); "D" for what is no date.

    >>> [granularity(v) for v in ("19", "199", "1998", "1998-Q3", "1998-SU", "1998-06", "1998-W30", "1998-06-01T10:00")]
    ['CE', 'DE', 'Y', 'Q', 'SEASON', 'M', 'W', 'D']
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return "D"
    if v.kind in ("ref", "duration") or v.year is None:
        return "D"
    if v.kind == "time" or v.day is not None:
        return "D"
    if len(v.year) == 2:
        return "CE"
    if len(v.year) == 3:
        return "DE"
    return _period_unit(v) or "Y"


#: the fields of a value that name a period of its year, and the unit each names
_PERIODS = (("month", "M"), ("week", "W"), ("quarter", "Q"), ("half", "HALF"), ("season", "SEASON"))


def _period_unit(v: TimexValue) -> str | None:
    """The unit of the period of its year a value names (month, week, quarter, half or
    season), None when it names none."""
    for field, unit in _PERIODS:
        if getattr(v, field) is not None:
            return unit
    return None


def unit_of(v: TimexValue) -> str | None:
    """The finest unit a DATE or TIME value names, a code of ``UNITS`` (what the value
    says, where ``granularity`` is the unit the reference time moves by): a day of a week
    is a day, a time its clock's unit or ``PART``; a year with unknown digits is the unit
    its known digits name; None for a duration, a reference or a year of no known unit.

    >>> [unit_of(parse_value(v)) for v in ("199X", "2024-W29-WE", "XXXX-WXX-1", "2024-07-28TNI", "2024-07-28T10:30")]
    ['DE', 'WE', 'D', 'PART', 'MIN']
    """
    if v.kind not in ("date", "time"):
        return None
    if v.kind == "time":
        if v.part is not None:
            return "PART"
        if v.second is not None:
            return "S"
        return "MIN" if v.minute is not None else "H"
    if v.day is not None or (v.weekday is not None and v.weekday != "WE"):
        return "D"
    if v.weekday == "WE":
        return "WE"
    period = _period_unit(v)
    if period is not None:
        return period
    year = v.year or ""
    known = len(year.rstrip("X"))
    return {4: "Y", 3: "DE", 2: "CE"}.get(known, "Y" if len(year) == 4 else None)


def duration(amount: float | None, unit: str) -> Duration:
    """``amount`` of a unit of ``UNITS`` (None: an unknown number) as a TIMEX3 duration:
    decades, centuries, fortnights and weekends as a multiple of another unit
    (``SCALED_UNITS``), a fraction in the next smaller unit when it is a whole number of
    them (``SMALLER_UNIT``), else written with up to six significant digits.

    >>> [format_duration(duration(*a)) for a in ((3, "D"), (2.5, "Y"), (1, "DE"), (None, "DE"), (1.5, "H"), (5.3, "Y"))]
    ['P3D', 'P2Y6M', 'P10Y', 'PXDE', 'PT1H30M', 'P5.3Y']
    """
    if unit in SCALED_UNITS:
        if amount is None and unit in ("DE", "CE"):
            return Duration(((None, unit),))  # "decades": PXDE
        unit, factor = SCALED_UNITS[unit]
        amount = None if amount is None else amount * factor
    parts: list[tuple[float | None, str]]
    if amount is None:
        parts = [(None, unit)]
    else:
        whole = int(amount)
        rest = amount - whole
        parts = [(float(whole), unit)] if whole else []
        small, factor = SMALLER_UNIT.get(unit, (unit, 0))
        if rest and factor and abs(rest * factor - round(rest * factor)) < 1e-6:
            parts.append((float(round(rest * factor)), small))  # "2 1/2 years": P2Y6M
        elif rest or not whole:  # "5.3 years": P5.3Y, not P5Y3.6M
            parts = [(float(f"{amount:g}"), unit)]
    return Duration(
        tuple((a, DURATION_LETTER[u]) for a, u in parts if u not in _TIME_PART),
        tuple((a, DURATION_LETTER[u]) for a, u in parts if u in _TIME_PART),
    )


#: years before the common era are resolved as years of a stand-in era: year ``n`` BC is
#: ``BC_STANDIN - n`` (the astronomical year ``1 - n`` moved by 8,800 years, a multiple of
#: the Gregorian calendar's 400-year cycle, so weekdays and leap years agree); Python's
#: datetimes have no year 0 or before. Values at or after ``BC_STANDIN_MIN`` are stand-ins.
BC_STANDIN = 8801
BC_STANDIN_MIN = 5000


def bc_value(value: str) -> str:
    """A value written in stand-in years as the BC value it stands for (else unchanged).

    >>> bc_value("8757"), bc_value("8311-SU"), bc_value("1944-06")
    ('BC0044', 'BC0490-SU', '1944-06')
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return value
    year = v.year or ""
    if v.bc or len(year) != 4 or not year.isdigit() or int(year) < BC_STANDIN_MIN:
        return value
    return format_value(attrs.evolve(v, year=f"{BC_STANDIN - int(year):04d}", bc=True))


def year_of(value: str) -> int | None:
    """The astronomical year a DATE or TIME value falls in (1 BC is 0, 44 BC is -43); the
    first year of a decade or century; None when the year is not known. Orders values
    that have no datetime bounds (years BC).

    >>> year_of("BC0044"), year_of("1998-03"), year_of("199"), year_of("XXXX-03")
    (-43, 1998, 1990, None)
    """
    try:
        v = parse_value(value)
    except InvalidValueError:
        return None
    if v.year is None or not v.year.isdigit():
        return None
    y = int(v.year.ljust(4, "0"))
    return 1 - y if v.bc else y


def value_at(t: datetime.datetime, unit: str) -> TimexValue:
    """The value naming the ``unit`` (a code of ``UNITS``, or ``WE`` for its weekend) that
    holds ``t``: the one place a point in time becomes a TIMEX3 value.

    >>> import datetime
    >>> t = datetime.datetime(2024, 7, 28, 10, 30)
    >>> [format_value(value_at(t, u)) for u in ("CE", "DE", "Y", "HALF", "Q", "M", "W", "WE", "D", "H", "MIN")]
    ['20', '202', '2024', '2024-H2', '2024-Q3', '2024-07', '2024-W30', '2024-W30-WE', '2024-07-28', '2024-07-28T10', '2024-07-28T10:30']
    """
    match unit:
        case "CE":
            return TimexValue(kind="date", year=f"{t.year // 100:02d}")
        case "DE":
            return TimexValue(kind="date", year=f"{t.year // 10:03d}")
        case "Y":
            return TimexValue(kind="date", year=f"{t.year:04d}")
        case "HALF":
            return in_year(t.year, "HALF", 1 if t.month <= 6 else 2)
        case "Q":
            return in_year(t.year, "Q", (t.month - 1) // 3 + 1)
        case "M":
            return TimexValue(kind="date", year=f"{t.year:04d}", month=f"{t.month:02d}")
        case "W" | "FN" | "WE":
            iso_year, week, _ = t.isocalendar()
            return TimexValue(kind="date", year=f"{iso_year:04d}", week=f"{week:02d}", weekday="WE" if unit == "WE" else None)
        case "H":
            return day_at(t, t.hour)
        case "MIN" | "S":
            return day_at(t, t.hour, t.minute)
    return day_at(t)


def day_at(
    t: datetime.date, hour: int | None = None, minute: int | None = None, second: int | None = None,
    part: str | None = None,
) -> TimexValue:
    """The day holding ``t``, at a clock time or a part of the day (``PARTS_OF_DAY``) when
    one is given: a DATE value, or a TIME value.

    >>> import datetime
    >>> d = datetime.date(2024, 7, 28)
    >>> [format_value(v) for v in (day_at(d), day_at(d, 20, 0), day_at(d, 7, 15, 42), day_at(d, part="NI"))]
    ['2024-07-28', '2024-07-28T20:00', '2024-07-28T07:15:42', '2024-07-28TNI']
    """
    y, m, d = f"{t.year:04d}", f"{t.month:02d}", f"{t.day:02d}"
    if hour is not None:
        return TimexValue(
            kind="time", year=y, month=m, day=d, hour=f"{hour:02d}",
            minute=None if minute is None else f"{minute:02d}",
            second=None if second is None else f"{second:02d}",
        )
    if part is not None:
        return TimexValue(kind="time", year=y, month=m, day=d, part=part)
    return TimexValue(kind="date", year=y, month=m, day=d)


def in_year(year: int, unit: str, which: int | str) -> TimexValue:
    """The ``which``-th quarter (``Q``) or half (``HALF``) of ``year``, or its season
    ``which`` (``SEASON``: a code of ``SEASONS``).

    >>> [format_value(in_year(2024, u, n)) for u, n in (("Q", 3), ("HALF", 1), ("SEASON", "SU"))]
    ['2024-Q3', '2024-H1', '2024-SU']
    """
    y = f"{year:04d}"
    if unit == "Q":
        return TimexValue(kind="date", year=y, quarter=str(which))
    if unit == "HALF":
        return TimexValue(kind="date", year=y, half=str(which))
    if unit == "SEASON":
        return TimexValue(kind="date", year=y, season=str(which))
    raise ValueError(f"in_year: unit must be Q, HALF or SEASON, got {unit!r}")
