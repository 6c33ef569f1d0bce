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
]

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
SEASONS = ("SP", "SU", "FA", "WI")
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


def parse_value(value: str) -> TimexValue:
    """Parse a TIMEX3 value string; raise InvalidValueError if it is not one."""
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
    coarse it is (an order: a step finer than what the text said cannot be placed exactly)
    and its mean length in days (for fractions: "2.5 months" is 76 days)."""

    code: str
    coarseness: int
    days: float


#: every unit, finest first: the one table of granularities, coarseness and lengths
UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("S", 0, 1 / 86400),
        Unit("MIN", 1, 1 / 1440),
        Unit("H", 2, 1 / 24),
        Unit("D", 3, 1),
        Unit("WE", 3, 2),
        Unit("W", 4, 7),
        Unit("FN", 4, 14),
        Unit("M", 5, 30.44),
        Unit("Q", 6, 91.31),
        Unit("SEASON", 6, 91.31),
        Unit("HALF", 7, 182.62),
        Unit("Y", 8, 365.25),
        Unit("DE", 9, 3652.5),
        Unit("CE", 10, 36525),
    )
}


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
    if v.month is not None:
        return "M"
    if v.week is not None:
        return "W"
    if v.quarter is not None:
        return "Q"
    if v.half is not None:
        return "HALF"
    if v.season is not None:
        return "SEASON"
    return "Y"


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
    head = value[:4]
    if not head.isdigit() or int(head) < BC_STANDIN_MIN:
        return value
    return f"BC{BC_STANDIN - int(head):04d}{value[4:]}"


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
    y = f"{t.year:04d}"
    match unit:
        case "CE":
            return TimexValue(kind="date", year=f"{t.year // 100:02d}")
        case "DE":
            return TimexValue(kind="date", year=f"{t.year // 10:03d}")
        case "Y":
            return TimexValue(kind="date", year=y)
        case "HALF":
            return TimexValue(kind="date", year=y, half="1" if t.month <= 6 else "2")
        case "Q":
            return TimexValue(kind="date", year=y, quarter=str((t.month - 1) // 3 + 1))
        case "M":
            return TimexValue(kind="date", year=y, month=f"{t.month:02d}")
        case "W" | "FN" | "WE":
            iso_year, week, _ = t.isocalendar()
            return TimexValue(kind="date", year=f"{iso_year:04d}", week=f"{week:02d}", weekday="WE" if unit == "WE" else None)
        case "H" | "MIN" | "S":
            minute = f"{t.minute:02d}" if unit != "H" else None
            return TimexValue(kind="time", year=y, month=f"{t.month:02d}", day=f"{t.day:02d}", hour=f"{t.hour:02d}", minute=minute)
    return TimexValue(kind="date", year=y, month=f"{t.month:02d}", day=f"{t.day:02d}")
