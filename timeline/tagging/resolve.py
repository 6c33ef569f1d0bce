"""Meaning + context -> TIMEX3 type, value, mod and range. The only module that reads the anchor.

Resolution is composed from a few named operators, each defined in one line:

- ``this(t, unit)``: the unit (year, quarter, month, week, day, ...) containing ``t``.
- ``shift(t, unit, n)``: ``t`` moved by ``n`` calendar units.
- ``nearest(candidates, t, direction)``: of the occurrences of a partial date around ``t``,
  the latest one not after ``t`` (direction -1), the first one not before ``t`` (+1), or the
  one in ``t``'s own year (0).
- ``value_at(t, unit)`` (``timex3``): the value naming the ``unit`` that holds ``t``.

Values are built as ``timex3.TimexValue`` objects (``value_at``, ``day_at``, ``in_year``,
``duration``) and written by ``timex3.format_value`` in one place, ``_ranged``.

The direction of an underspecified expression comes from the sentence (see ``tense``); when
the sentence says nothing, ``NEUTRAL_DIRECTION`` decides per kind of expression.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import attrs
import pendulum

from ..values import dates as D
from ..values.bounds import value_range
from .calendars import movable
from .meaning import WEEKDAY_CODES, Meaning
from ..values.timex3 import (
    BC_STANDIN,
    SEASON_MONTHS,
    UNITS,
    TimexValue,
    bc_value,
    day_at,
    duration,
    format_duration,
    format_value,
    in_year,
    parse_value,
    value_at,
)

__all__ = ["Context", "Resolved", "resolve", "shift", "this", "nearest", "NEUTRAL_DIRECTION"]

#: direction used when the sentence gives no tense cue: -1 past, +1 future, 0 same year,
#: NEAREST the occurrence closest to the anchor
NEAREST = 2
#: mods an offset keeps ("more than a year ago"); early/mid/late do not apply to it
OFFSET_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
#: with NEAREST, a future occurrence counts as this many times farther (news is about the past)
FUTURE_DISTANCE_WEIGHT = 1.5
#: a tense cue is overruled when the occurrence it points to is this many times farther from
#: the anchor than the other one ("In January, ..." written in late October: next January)
TENSE_OVERRULE_RATIO = {"M": 4.0, "D": 4.0}
#: a future cue only when the past occurrence is this much closer: a deadline that has just
#: passed ("to repatriate the child by Jan. 14", written on January 15), not "likely by June"
#: written in July
FUTURE_OVERRULE_RATIO = 12.0
NEUTRAL_DIRECTION = {"weekday": NEAREST, "month": NEAREST, "season": 0, "holiday": 0, "quarter": -1, "day": NEAREST}
#: kinds that a future cue does not move: "expects to report third-quarter profit" is about
#: the latest third quarter
PAST_ONLY = frozenset({"quarter"})

_TIME_UNITS = ("H", "MIN", "S")
#: how many years ``nearest`` looks through for an occurrence (February 29 needs up to 9)
_SEARCH_YEARS = 9


@attrs.frozen(slots=True)
class Context:
    """What resolution reads besides the meaning: anchor, reference time, direction, domain."""

    anchor: pendulum.DateTime
    reference: pendulum.DateTime  # the time the text currently talks about
    reference_unit: str = "D"
    last_quarter: pendulum.DateTime | None = None  # the quarter a report is about
    #: the sentence named a year before this expression: partial dates fall in it
    reference_in_sentence: bool = False
    #: the reference time was set by an expression close before this one (REFERENCE_NEAR)
    reference_near: bool = False
    #: the sentence named a period of months other than a quarter before this expression
    #: ("For the nine months, ..."): "a year earlier" there is no quarter
    period_in_sentence: bool = False
    direction: int | None = None
    domain: str = "news"
    #: the reference time is a year BC, held as a stand-in year (``timex3.BC_STANDIN``)
    reference_bc: bool = False
    #: the tense cue stands right before the phrase ("shut in October"): no distance overrules it
    governing_cue: bool = False


@attrs.frozen(slots=True)
class Resolved:
    type: str
    value: str
    mod: str | None = None
    earliest: _dt.datetime | None = None
    latest: _dt.datetime | None = None
    quant: str | None = None
    freq: str | None = None
    explicit: bool = False  # the phrase named its year itself
    #: for a value before our era (no datetime bounds): the start of its stand-in years
    #: (``timex3.BC_STANDIN``), where the reference time moves to
    standin: _dt.datetime | None = None


#: how coarse each unit is: an offset finer than the reference time cannot be placed exactly
COARSENESS = {code: u.coarseness for code, u in UNITS.items()}


def _finer(gran: str, known: str) -> bool:
    """Whether a ``gran`` step from a time known only to ``known`` lands on an unknown unit."""
    return COARSENESS.get(gran, 3) < COARSENESS.get(known, 3) and COARSENESS.get(known, 3) >= COARSENESS["M"]


def _vague(t: pendulum.DateTime, gran: str, known: str) -> TimexValue:
    """"In 2014 ... three months later" is some month of 2014: 2014-XX, not 2014-04."""
    y = f"{t.year:04d}"
    if known == "M":
        if gran == "W":
            return TimexValue(kind="date", year=y, week="XX")
        return TimexValue(kind="date", year=y, month=f"{t.month:02d}", day="XX")
    if gran == "Y" and known in ("DE", "CE"):  # "the 1860s ... two years later": some year of the 1860s
        return TimexValue(kind="date", year=f"{t.year // 10:03d}X" if known == "DE" else f"{t.year // 100:02d}XX")
    if gran == "M":
        return TimexValue(kind="date", year=y, month="XX")
    if gran == "W":
        return TimexValue(kind="date", year=y, week="XX")
    return TimexValue(kind="date", year=y, month="XX", day="XX")


# --- operators -------------------------------------------------------------------------


#: units whose start is pendulum's start_of(name)
_START_OF = {"Y": "year", "M": "month", "D": "day", "H": "hour", "MIN": "minute", "S": "second"}


def this(t: pendulum.DateTime, unit: str) -> pendulum.DateTime:
    """The start of the ``unit`` containing ``t``."""
    if unit == "DE":
        return D.set_date(D.start_of(t, "year"), year=t.year - t.year % 10)
    if unit == "CE":
        return D.set_date(D.start_of(t, "year"), year=t.year - t.year % 100)
    if unit == "Q":
        return D.set_date(D.start_of(t, "month"), month=3 * ((t.month - 1) // 3) + 1)
    if unit == "HALF":
        return D.set_date(D.start_of(t, "month"), month=1 if t.month <= 6 else 7)
    if unit in ("W", "WE"):
        return D.start_of(t, "week")
    return D.start_of(t, _START_OF[unit])


def shift(t: pendulum.DateTime, unit: str, n: float) -> pendulum.DateTime:
    """``t`` moved by ``n`` calendar units (fractions of months and years by days)."""
    whole = int(n)
    if whole != n:
        if unit in UNITS and UNITS[unit].coarseness >= UNITS["D"].coarseness:
            return D.add(t, days=round(n * UNITS[unit].days))
    step = UNITS[unit].step if unit in UNITS else None
    if step is not None:
        name, k = step  # timex3.UNITS: a quarter is 3 months, a fortnight 2 weeks
        return D.add(t, **{name: k * whole})
    raise ValueError(f"unknown unit {unit!r}")


def _later(t: pendulum.DateTime | None, months: int) -> pendulum.DateTime | None:
    return None if t is None else D.add(t, months=months)


def nearest(
    occurrence: Callable[[int], pendulum.DateTime | None],
    t: pendulum.DateTime,
    direction: int,
    unit: str,
) -> pendulum.DateTime | None:
    """The occurrence (``occurrence(year)`` gives the one in that year) before, after, in
    the year of ``t`` or (NEAREST) closest to it; comparison at the granularity of ``unit``."""
    if direction == 0:
        return occurrence(t.year)
    if direction == NEAREST:
        before, after = nearest(occurrence, t, -1, unit), nearest(occurrence, t, 1, unit)
        if before is None or after is None:
            return before or after
        return before if D.diff(t, before) <= D.scale(D.diff(after, t), FUTURE_DISTANCE_WEIGHT) else after
    here = this(t, unit)
    step = -1 if direction < 0 else 1
    for k in range(_SEARCH_YEARS):  # February 29 may be eight years away (1896 -> 1904)
        y = t.year + step * k
        if not 1 <= y <= 9999:
            break
        o = occurrence(y)
        if o is None:
            continue
        if (direction < 0 and o <= here) or (direction > 0 and o >= here):
            return o
    return None


# --- helpers ----------------------------------------------------------------------------


def _date(t: pendulum.DateTime, year: int, month: int, day: int = 1) -> pendulum.DateTime | None:
    try:
        return D.start_of(D.set_date(t, year, month, day), "day")
    except ValueError:
        return None


def _nth_weekday(year: int, month: int, weekday: int, n: int, tz: _dt.tzinfo) -> pendulum.DateTime:
    first = D.datetime(year, month, 1, tz=tz)
    if n > 0:
        delta = (weekday - first.isoweekday()) % 7
        return D.add(first, days=delta + 7 * (n - 1))
    last = D.datetime(year, month, D.days_in_month(year, month), tz=tz)
    return D.add(last, days=-((last.isoweekday() - weekday) % 7))


def _easter(year: int, tz: _dt.tzinfo) -> pendulum.DateTime:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return D.datetime(year, month, day + 1, tz=tz)


_WD = {code: n for n, code in enumerate(WEEKDAY_CODES, 1)}


def holiday_date(spec: str, year: int, tz: _dt.tzinfo) -> pendulum.DateTime | None:
    """A holiday of the lexicon ("12-25", "11-TH4", "11-TH4+1", "05-MOL", "EASTER-2",
    "ELECTION", a feast of another calendar "CAL:hindu:diwali"; "/N" after a spec makes it a
    period of N days, "EASTER-46/46" for Lent) in ``year``: its (first) day."""
    spec = spec.partition("/")[0]
    if spec.startswith("CAL:"):
        _, calendar, feast = spec.split(":")
        day = movable(calendar, feast, year)
        return None if day is None else D.datetime(day.year, day.month, day.day, tz=tz)
    if spec == "ELECTION":  # US: the Tuesday after the first Monday in November
        return D.add(_nth_weekday(year, 11, 1, 1, tz), days=1)
    if spec.startswith("EASTER"):
        offset = int(spec[6:] or 0)
        return D.add(_easter(year, tz), days=offset)
    month_s, rest = spec.split("-")
    month = int(month_s)
    rest, _, after = rest.partition("+")  # "11-TH4+1": the day after Thanksgiving
    if rest.isdigit():
        return D.datetime(year, month, int(rest), tz=tz)
    n = -1 if rest[2:] == "L" else int(rest[2:])
    return D.add(_nth_weekday(year, month, _WD[rest[:2]], n, tz), days=int(after or 0))


#: in a narrative at a month or day, the month this many months ahead across the new
#: year is next year's ("December 1941 ... In January" is January 1942)
NARRATIVE_TURN = 1


def _in_reference_year(ctx: Context, base: pendulum.DateTime) -> bool:
    """A partial date read against the reference time falls in its year when that time is a
    year or coarser ("The war began in 1954. In November, ..."), and always in a narrative,
    which tells its story in order ("On June 22, 1941, ... During the summer, ...")."""
    return base is ctx.reference and (ctx.reference_unit in ("Y", "DE", "CE") or ctx.domain == "narrative")


def _holiday(m: Meaning, day: pendulum.DateTime, mod: str | None, ctx: Context, explicit: bool = False) -> Resolved:
    """A holiday's value is its (first) day, with a clock time when the phrase has one
    ("Christmas Eve at 6 pm"); a period ("Lent", "Ramadan": "/N" days in the lexicon) runs
    N days from it."""
    r = attrs.evolve(_with_time(m, day, ctx, mod), explicit=explicit)
    length = (m.holiday or "").partition("/")[2]
    if length and r.earliest is not None and mod is None and m.hour is None:
        r = attrs.evolve(r, latest=D.add(D.start_of(pendulum.instance(r.earliest), "day"), days=int(length)))
    return r


def _direction(ctx: Context, kind: str) -> int:
    if ctx.direction is None or (ctx.direction > 0 and kind in PAST_ONLY):
        return NEUTRAL_DIRECTION[kind]
    return ctx.direction


def _year2(y2: int, anchor: pendulum.DateTime) -> int:
    century = anchor.year - anchor.year % 100
    candidates = (century - 100 + y2, century + y2, century + 100 + y2)
    return min(candidates, key=lambda y: (abs(y - anchor.year) if y <= anchor.year + 10 else 1000))


def _mod(m: Meaning) -> tuple[str | None, str | None]:
    """(mod, half-override) from a meaning: START_H/END_H name the halves of a period."""
    if m.mod in ("START_H", "END_H"):
        return None, "1" if m.mod == "START_H" else "2"
    return m.mod, None


# --- resolution -------------------------------------------------------------------------


_PAST = TimexValue(kind="ref", ref="PAST_REF")
_FUTURE = TimexValue(kind="ref", ref="FUTURE_REF")

#: "earlier Sunday", "later today": the TIMEX3 mod, and the range cut at the anchor's time
CUT_MODS = {"EARLIER": "START", "LATER": "END"}


def _ranged(
    type_: str, v: TimexValue, mod: str | None, anchor: pendulum.DateTime, zone: str | None = None, **kw: object
) -> Resolved:
    """A resolved value with its range: the one place resolution writes a value."""
    value = format_value(v)
    if mod in CUT_MODS:
        s, e = value_range(value, None, anchor, cut=mod, zone=zone)
        mod = CUT_MODS[mod]
    else:
        s, e = value_range(value, mod, anchor, zone=zone)
    return Resolved(type_, value, mod, s, e, **kw)  # type: ignore[arg-type]


def _duration_value(m: Meaning) -> str | None:
    """A fixed value of the rule or lexicon ("P1D" for "daily"), else the amount of the unit
    (``timex3.duration``)."""
    if m.value:
        return m.value
    if m.unit is None:
        return None
    amount = m.amount if m.amount is not None and not m.vague_amount else None
    return format_duration(duration(amount, m.unit))


def resolve(m: Meaning, ctx: Context) -> Resolved | None:
    """Resolve one meaning in its context; None when it cannot be placed at all.

    A time outside the calendar (year 0 or 10000, as in "999,999 years ago" or "next year"
    from 9999-12-31) cannot be placed either: text never raises.

    >>> a = pendulum.datetime(2024, 7, 28)
    >>> resolve(Meaning("DATE", amount=999999, unit="Y", offset_sign=-1, deictic=True), Context(a, a)) is None
    True
    """
    try:
        r = _resolve(m, ctx)
        return _before_our_era(r) if m.era == "BC" or ctx.reference_bc else r
    except OverflowError:
        return None
    except ValueError as exc:  # datetime and pendulum say "year 10000 is out of range"
        if "out of range" in str(exc):
            return None
        raise


def _before_our_era(r: Resolved | None) -> Resolved | None:
    """A value resolved in stand-in years (a year BC, or a step from one) written as the BC
    value it stands for, without datetime bounds."""
    if r is None or r.type not in ("DATE", "TIME"):
        return r
    value = bc_value(r.value)
    if value == r.value:
        return r
    return attrs.evolve(r, value=value, earliest=None, latest=None, standin=r.earliest)


def _every(m: Meaning, ctx: Context) -> Resolved | None:
    """``every``: a SET ("every Thursday at 8 p.m.", "each July", "twice a year")."""
    if m.amount is None and not m.vague_amount:
        m = attrs.evolve(m, amount=1.0)
    value: str | None
    if m.weekday:
        # "every Thursday at 8 p.m.", "every Friday night", "Tuesday nights"
        hour, minute, second = _clock(m)
        value = format_value(TimexValue(
            kind="date" if hour is None and m.part is None else "time", year="XXXX", week="XX",
            weekday=str(m.weekday), hour=hour, minute=minute, second=second, part=m.part if hour is None else None,
        ))
    elif m.month and not m.unit:
        value = format_value(TimexValue(kind="date", year="XXXX", month=f"{m.month:02d}"))  # "each July"
    else:
        value = _duration_value(m)
    if value is None:
        return None
    return Resolved("SET", value, m.mod, quant=m.quant, freq=m.freq)


def _reference(m: Meaning, ctx: Context) -> Resolved | None:
    """``reference``: PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently", "the future")."""
    return None if m.ref is None else _ranged("DATE", TimexValue(kind="ref", ref=m.ref), None, ctx.anchor)


def _duration(m: Meaning, ctx: Context) -> Resolved | None:
    """``duration``: an amount of a unit with its mod ("15 years", "for over a year"); tied
    to the anchor when the phrase says so ("the past three years"). "in five years" with a
    future cue is a date that far ahead (``shift``)."""
    if m.in_future and ctx.direction == 1:  # "due in two weeks": two weeks from the anchor
        return _calendar(_offset)(attrs.evolve(m, type="DATE", offset_sign=1, deictic=True, in_future=False), ctx)
    value = _duration_value(m)
    if value is None or value == "INVALID":
        return None
    if m.shift is not None and m.unit and m.shift != 0:
        amount = m.amount if m.amount is not None and not m.vague_amount else None
        if amount is not None:
            other = shift(ctx.anchor, m.unit, m.shift * amount)
            lo, hi = (other, ctx.anchor) if m.shift < 0 else (ctx.anchor, other)
            if lo < hi:
                return Resolved("DURATION", value, m.mod, lo, hi)
    return Resolved("DURATION", value, m.mod)


def _named_year(m: Meaning) -> bool:
    return any(x is not None for x in (m.year, m.year2, m.decade, m.century, m.year_shift))


def _point(m: Meaning, ctx: Context) -> Resolved | None:
    """``point``: a calendar point from its fields, decided by what the phrase names: a
    this/next/last word (``relative``), else its own year (as written), else a partial date
    (``nearest``), else a clock time or part of a day (``deictic``: on the day it is about)."""
    if m.shift is not None:
        r = _shifted(m, ctx)
    elif _named_year(m):
        r = _explicit(m, ctx)
    else:
        r = _partial(m, ctx)
    return r if r is not None else _deictic_day(m, ctx)


Step = Callable[[Meaning, Context], "Resolved | None"]


def _calendar(step: Step) -> Step:
    """A calendar operation, reported at the granularity the phrase asks for ("the week of
    March 6", "Labor Day weekend") and widened to the end of a range of days or months."""

    def run(m: Meaning, ctx: Context) -> Resolved | None:
        r = step(m, ctx)
        if r is None:
            return None
        if m.as_unit == "WE" and r.earliest is not None:  # "Labor Day weekend", "July 4th weekend"
            t = pendulum.instance(r.earliest)
            if t.isoweekday() == 1:  # a Monday holiday ends the weekend before it
                t = D.add(t, days=-1)
            return _ranged("DATE", value_at(t, "WE"), r.mod, ctx.anchor)
        if m.as_unit and r.earliest is not None:  # "the week of March 6"
            return _ranged(r.type, value_at(r.earliest, m.as_unit), r.mod, ctx.anchor)
        return _widened(m, r)

    run.__doc__ = step.__doc__
    return run


def _resolve(m: Meaning, ctx: Context) -> Resolved | None:
    return OPERATIONS[m.op](m, ctx)


def _widened(m: Meaning, r: Resolved) -> Resolved:
    """"Sept. 17-18", "April-June": dated by the first day or month, the range runs to the
    end of the last one."""
    if r.earliest is None:
        return r
    if m.day_end is not None and m.day is not None and m.day < m.day_end:
        unit, n = "day", m.day_end - m.day + 1
    elif m.month_end is not None and m.month is not None and (parse_value(r.value).month or "X").isdigit():
        unit, n = "month", m.month_end - m.month + 1
    else:
        return r
    return attrs.evolve(r, latest=D.add(D.start_of(pendulum.instance(r.earliest), unit), **{unit + "s": n}))


def _offset(m: Meaning, ctx: Context) -> Resolved | None:
    """"three days ago", "two years later", "a week earlier"."""
    if m.offset_sign is None or m.unit is None:
        return None
    if m.vague_amount or m.amount is None:  # "several years ago", "months ago"
        return _ranged("DATE", _PAST if m.offset_sign < 0 else _FUTURE, None, ctx.anchor)
    base = ctx.anchor if m.deictic else ctx.reference
    amount = m.amount
    unit = "D" if m.unit == "WE" else m.unit
    # "the 1860s ... a decade later" is the 1870s; after a year, "a decade later" is a year
    gran = m.as_unit or (unit if unit in ("DE", "CE") and ctx.reference_unit == unit and not m.deictic else "Y" if unit in ("DE", "CE") else unit)
    if unit == "Y" and amount == 1 and not ctx.period_in_sentence:
        # "a year ago" in a report about a quarter: that quarter a year before (but "For the
        # nine months, net rose from $1 a year earlier" is about the year)
        if ctx.reference_unit in ("Q", "HALF") and ctx.reference <= ctx.anchor:
            base, gran = ctx.reference, ctx.reference_unit  # a period reported on, not a forecast
        elif ctx.last_quarter is not None:
            base, gran = ctx.last_quarter, "Q"
    t = shift(base, unit, m.offset_sign * amount)
    type_ = "TIME" if gran in _TIME_UNITS else "DATE"
    mod = m.mod if m.mod in OFFSET_MODS else None
    if base is ctx.reference and not m.deictic and _finer(gran, ctx.reference_unit):
        return _ranged("DATE", _vague(t, gran, ctx.reference_unit), mod, ctx.anchor)
    return _ranged(type_, value_at(t, gran), mod, ctx.anchor)


def _shifted(m: Meaning, ctx: Context) -> Resolved | None:
    """"last week", "next year", "this quarter", "last Friday", "next March"."""
    if m.shift is None:
        return None
    mod, half = _mod(m)
    # "this day", "this year" in a narrative: the day or year the story is at
    definite = (m.definite or (m.shift == 0 and ctx.domain == "narrative")) and (
        ctx.domain == "narrative" or ctx.reference_in_sentence
    )
    base = ctx.reference if m.anaphoric or definite else ctx.anchor
    tz = base.tzinfo or pendulum.UTC
    if m.weekday is not None:
        if m.shift == 0:
            t = D.add(this(base, "W"), days=m.weekday - 1)
        elif m.shift < 0:
            back = (base.isoweekday() - m.weekday) % 7 or 7
            t = D.add(D.start_of(base, "day"), days=-back)
        else:
            fwd = (m.weekday - base.isoweekday()) % 7 or 7
            t = D.add(D.start_of(base, "day"), days=fwd)
        return _with_time(m, t, ctx, mod)
    if m.month is not None:
        y = base.year + (m.shift if m.shift else 0)
        if m.anaphoric and ctx.reference_unit in ("Y", "DE", "CE"):
            y = base.year + m.shift  # "In 1940, ... The following July": 1941's
        elif m.shift < 0 and m.month < base.month or m.shift > 0 and m.month > base.month:
            y = base.year
        first_day = _date(base, y, m.month, m.day or 1)
        if first_day is None:
            return None
        return _ranged("DATE", value_at(first_day, "D" if m.day else "M"), mod, ctx.anchor)
    if m.season is not None:
        # the latest start of this season not after the base, and whether we are in it
        first = SEASON_MONTHS[m.season][0]
        y = base.year if base.month >= first else base.year - 1
        start = _date(base, y, first)
        in_season = start is not None and base < D.add(start, months=3)
        if m.anaphoric and ctx.reference_unit in ("Y", "DE", "CE"):
            y = base.year + m.shift  # "In 1931, ... By the following summer": 1932's
        elif m.shift < 0:
            y = y - 1 if in_season else y  # "last fall": the one before this, or the one just ended
        elif m.shift > 0:
            y += 1  # "next spring"
        elif not in_season:
            y = base.year  # "this summer": the one of this calendar year
        return _ranged("DATE", in_year(y, "SEASON", m.season), mod, ctx.anchor)
    if m.holiday is not None:
        d = nearest(lambda y: holiday_date(m.holiday or "", y, tz), D.add(base, days=-1) if m.shift < 0 else D.add(base, days=1), m.shift or 0, "D")
        return None if d is None else _holiday(m, d, mod, ctx)
    if m.unit is None:
        return None
    unit = m.unit
    if half is not None and unit == "Y":
        t = shift(base, "Y", m.shift)
        return _ranged("DATE", in_year(t.year, "HALF", half), None, ctx.anchor)
    n = m.shift
    if m.recent and unit == "WE" and base.isoweekday() < 6 and ctx.direction != 1:
        n -= 1  # on a weekday, "the weekend" is the one just past
    elif m.recent and unit == "WE" and base.isoweekday() == 7 and ctx.direction == 1:
        n += 1  # on a Sunday, "the weekend" ahead is the next one
    t = shift(base, unit, n)
    if m.anaphoric and _finer(unit, ctx.reference_unit):
        return _ranged("DATE", _vague(t, unit, ctx.reference_unit), mod, ctx.anchor)  # "the following day" of 1894
    if m.part is not None:
        return _ranged("TIME", day_at(t, part=m.part), mod, ctx.anchor)
    type_ = "TIME" if unit in _TIME_UNITS else "DATE"
    return _ranged(type_, value_at(t, unit), mod, ctx.anchor)


def _with_time(m: Meaning, day: pendulum.DateTime, ctx: Context, mod: str | None) -> Resolved:
    """A day, refined by a time of day or part of day when the phrase has one."""
    if m.weekday is not None and m.day_offset:
        day = D.add(day, days=m.day_offset)  # "the day before last Tuesday"
    zone = m.zone if m.hour is not None else None  # "5 p.m. EST": that instant, wherever the anchor is
    if m.hour is not None:
        v = day_at(day, _hour(m), m.minute or 0, m.second)
    else:
        v = day_at(day, part=m.part)
    return _ranged(v.kind.upper(), v, mod, ctx.anchor, zone)


def _hour(m: Meaning) -> int:
    """The hour of a clock time on the 24-hour clock ("8 p.m." is 20)."""
    assert m.hour is not None
    return m.hour % 12 + (12 if m.ampm == "pm" else 0) if m.ampm else m.hour


def _clock(m: Meaning) -> tuple[str | None, str | None, str | None]:
    """The clock fields of a value, (hour, minute, second): "20", "00", None for "8 p.m."."""
    if m.hour is None:
        return None, None, None
    return f"{_hour(m):02d}", f"{m.minute or 0:02d}", None if m.second is None else f"{m.second:02d}"


def _explicit(m: Meaning, ctx: Context) -> Resolved | None:
    """Phrases that name their year, decade or century: nothing to infer."""
    mod, half = _mod(m)
    if half is not None and (m.century is not None or m.decade is not None):
        mod = "START" if half == "1" else "END"  # "the first half of the 20th century": no H value
    if m.century is not None:  # "the 5th century BC": BC04
        bc = m.era == "BC" or (m.era is None and _century_of_story_bc(int(m.century), ctx))
        return _ranged("DATE", TimexValue(kind="date", year=m.century, bc=bc), mod, ctx.anchor, explicit=True)
    if m.decade is not None:
        return _ranged("DATE", TimexValue(kind="date", year=m.decade), mod, ctx.anchor, explicit=True)
    # "'99": the century closest to the anchor, or in a narrative to the story's time
    around = ctx.reference if ctx.domain == "narrative" and not ctx.reference_bc else ctx.anchor
    year = m.year if m.year is not None else (_year2(m.year2, around) if m.year2 is not None else None)
    if year is not None and m.era == "BC":
        year = BC_STANDIN - year  # "44 BC": resolved in stand-in years, written BC0044
    if year is None and m.year_shift is not None:
        year = ctx.anchor.year + m.year_shift  # "June last year", "January this year"
    if year is None:
        return None
    if m.value == "INVALID":
        return None
    if m.value == "XX-XX":
        return _ranged("DATE", TimexValue(kind="date", year=f"{year:04d}", month="XX", day="XX"), mod, ctx.anchor, explicit=True)
    if half is not None:
        return _ranged("DATE", in_year(year, "HALF", half), None, ctx.anchor, explicit=True)
    if m.quarter is not None:
        return _ranged("DATE", in_year(year, "Q", m.quarter), mod, ctx.anchor, explicit=True)
    if m.half is not None:
        return _ranged("DATE", in_year(year, "HALF", m.half), mod, ctx.anchor, explicit=True)
    if m.season is not None:
        return _ranged("DATE", in_year(year, "SEASON", m.season), mod, ctx.anchor, explicit=True)
    if m.holiday is not None:
        d = holiday_date(m.holiday, year, ctx.anchor.tzinfo or pendulum.UTC)
        return None if d is None else _holiday(m, d, mod, ctx, explicit=True)
    if m.month is None:
        return _ranged("DATE", TimexValue(kind="date", year=f"{year:04d}"), mod, ctx.anchor, explicit=True)
    t = _date(ctx.anchor, year, m.month, m.day or 1)
    if t is None:  # "Feb. 30, 2024": no such day, but the month and year the text names stand
        t = _date(ctx.anchor, year, m.month, 1)
        m = attrs.evolve(m, day=None)
    if t is None:
        return None
    if m.day is None:
        return _ranged("DATE", value_at(t, "M"), mod, ctx.anchor, explicit=True)
    r = _with_time(m, t, ctx, mod)
    return attrs.evolve(r, explicit=True)


def _century_of_story_bc(century: int, ctx: Context) -> bool:
    """A century that names no era ("the 6th century", ``century`` 5: the hundreds) is
    before our era when the text is in a year BC and it is not more than one century
    before that year's own ("753 BC ... by the 6th century": BC05, not the 500s; "the 21st
    century" stays ours)."""
    if not ctx.reference_bc:
        return False
    year = BC_STANDIN - ctx.reference.year  # the story's year BC
    return century <= (year - 1) // 100 + 1


def _partial(m: Meaning, ctx: Context) -> Resolved | None:
    """Dates without a year: a weekday, a month (and day), a season, a holiday, a quarter."""
    if m.year is not None or m.year2 is not None:
        return None  # the phrase named its year ("February 29, 2023"): never another one
    mod, half = _mod(m)
    use_reference = ctx.domain == "narrative" or ctx.reference_in_sentence or m.anaphoric
    base = ctx.reference if use_reference else ctx.anchor
    tz = base.tzinfo or pendulum.UTC
    if m.day is not None and m.month is None:
        return _day_of_month(m, base, ctx, mod)
    if m.weekday is not None and m.month is None:
        d = _direction(ctx, "weekday")
        today = D.start_of(base, "day")
        back, ahead = (base.isoweekday() - m.weekday) % 7, (m.weekday - base.isoweekday()) % 7
        if d == NEAREST:
            d = -1 if back <= ahead else 1
        return _with_time(m, D.add(today, days=-back) if d <= 0 else D.add(today, days=ahead), ctx, mod)
    if m.month is not None:
        kind = "day" if m.day else "month"
        d = _direction(ctx, kind)
        if _in_reference_year(ctx, base):
            d = 0  # "The war began in 1954. In November, ...": that year's November
        month, day = m.month, m.day or 1
        unit = "D" if m.day else "M"
        if d == 0 and ctx.domain == "narrative" and ctx.reference_unit in ("M", "D") and 0 < (month - base.month) % 12 <= NARRATIVE_TURN < base.month - month:
            d = 1  # "On December 7, 1941, ... In January, ...": a story turns into the next year
        t = nearest(lambda y: _date(base, y, month, day), base, d, unit)
        if d in (-1, 1) and t is not None:
            other = nearest(lambda y: _date(base, y, month, day), base, -d, unit)
            here = this(base, unit)
            ratio = TENSE_OVERRULE_RATIO[unit] if d < 0 else FUTURE_OVERRULE_RATIO
            if other is not None and not (d < 0 and ctx.governing_cue) and abs(D.diff(t, here)) > D.scale(abs(D.diff(other, here)), ratio):
                t = other
        if t is not None and m.day is not None and m.weekday is not None and t.isoweekday() != m.weekday:
            # "Monday, Oct. 26": the nearest year, before or after, in which it is a Monday
            around = [_date(base, y, month, day) for y in range(max(1, base.year - 6), min(9999, base.year + 6) + 1)]
            fits = [x for x in around if x is not None and x.isoweekday() == m.weekday]
            if fits:  # the tense's side first, then the one nearest the year first chosen
                first_choice = t
                side = d if d in (-1, 1) else 0
                t = min(fits, key=lambda x: (side * D.diff(x, base).total_seconds() < 0, abs(D.diff(x, first_choice))))
        if t is None:
            return None
        if m.day is None:
            return _ranged("DATE", value_at(t, "M"), mod, ctx.anchor)
        return _with_time(m, t, ctx, mod)
    if m.season is not None:
        d = 0 if _in_reference_year(ctx, base) else _direction(ctx, "season")
        first = SEASON_MONTHS[m.season][0]
        ahead = 2 if d == 1 else 0  # ahead, a season not yet over is still to come (its last month)
        t = nearest(lambda y: _later(_date(base, y, first), ahead), base, d, "M")
        if t is None:
            return None
        return _ranged("DATE", in_year(D.add(t, months=-ahead).year, "SEASON", m.season), mod, ctx.anchor)
    if m.holiday is not None:
        d = 0 if _in_reference_year(ctx, base) else _direction(ctx, "holiday")
        t = nearest(lambda y: holiday_date(m.holiday or "", y, tz), base, d, "D")
        this_one = holiday_date(m.holiday, base.year, tz)
        if this_one is not None and this(this_one, "W") == this(base, "W"):
            t = this_one  # a holiday in the anchor's own week is that one, whatever the tense
        return None if t is None else _holiday(m, t, mod, ctx)
    if m.quarter is not None or m.half is not None or half is not None:
        unit = "Q" if m.quarter is not None else "HALF"
        n = m.quarter if m.quarter is not None else int(half or m.half or 1)
        d = _direction(ctx, "quarter")
        step = 3 if unit == "Q" else 6
        t = nearest(lambda y: _date(base, y, step * (n - 1) + 1), base, d, unit)
        if t is None:
            return None
        return _ranged("DATE", in_year(t.year, unit, n), mod if unit == "Q" else None, ctx.anchor)
    return None


def _day_of_month(m: Meaning, base: pendulum.DateTime, ctx: Context, mod: str | None) -> Resolved | None:
    """"on the 3rd", "Saturday the 16th": that day of the last, this or the next month, by
    tense (nearest when none; a weekday picks the month where the day falls on it)."""
    today = D.start_of(base, "day")
    first = D.start_of(base, "month")
    months = range(-1, 2) if m.weekday is None else range(-12, 13)  # "Saturday the 16th": a month where it is one
    firsts = [D.add(first, months=k) for k in months]
    days = [t for f in firsts if (t := _date(base, f.year, f.month, m.day or 1)) is not None]
    if m.weekday is not None:
        days = [t for t in days if t.isoweekday() == m.weekday] or [t for t in days if abs(D.diff(t, first).days) < 62]
    d = _direction(ctx, "day")
    before = [t for t in days if t <= today]
    after = [t for t in days if t >= today]
    if d == -1 and before:
        t = before[-1]
    elif d == 1 and after:
        t = after[0]
    elif before and after:
        t = before[-1] if D.diff(today, before[-1]) <= D.scale(D.diff(after[0], today), FUTURE_DISTANCE_WEIGHT) else after[0]
    elif before or after:
        t = (before or after)[-1 if before else 0]
    else:
        return None
    return _with_time(attrs.evolve(m, weekday=None), t, ctx, mod)


def _deictic_day(m: Meaning, ctx: Context) -> Resolved | None:
    """"today", "yesterday", "tomorrow night", "tonight", and bare clock times."""
    if m.day_offset is None and m.hour is None and m.part is None:
        return None
    mod, _ = _mod(m)
    base = ctx.anchor
    near = ctx.reference_near or (ctx.domain == "narrative" and not ctx.reference_bc)  # a story's clock is its day's
    if m.day_offset is None and (m.hour is not None or m.overnight) and ctx.reference_unit == "D" and near:
        base = ctx.reference  # "Friday ... The blast occurred at about 10:35 a.m.": that day
    offset = m.day_offset or 0
    if m.overnight:
        offset = 0 if ctx.direction == 1 else -1  # "struck overnight": the night before
    day = D.add(D.start_of(base, "day"), days=offset)
    if m.hour == 24 and m.day_offset is None and (ctx.direction == -1 or (ctx.direction is None and ctx.domain == "colloquial")):
        m = attrs.evolve(m, hour=0)  # "began at midnight": the midnight that began the day
    return _with_time(m, day, ctx, mod)


def _anaphoric(m: Meaning, ctx: Context) -> Resolved | None:
    """"that day", "the same month": the reference time at the phrase's granularity."""
    if not m.anaphoric or m.unit is None:
        return None
    ref = ctx.reference
    if m.year is not None and m.unit in ("Q", "HALF"):
        # "the 1988 quarter": the quarter the text is about, in that year
        year = f"{m.year:04d}"
        if ctx.reference_unit == m.unit:
            return _ranged("DATE", attrs.evolve(value_at(ref, m.unit), year=year), m.mod, ctx.anchor)
        if m.unit == "Q" and ctx.last_quarter is not None:
            return _ranged("DATE", attrs.evolve(value_at(ctx.last_quarter, "Q"), year=year), m.mod, ctx.anchor)
        return _ranged("DATE", TimexValue(kind="date", year=year), m.mod, ctx.anchor)
    if m.unit == "Q" and ctx.reference_unit != "Q":
        # "the quarter": the one the text last named, else the last completed one
        ref = ctx.last_quarter or shift(ctx.anchor, "Q", -1)
    if m.unit != "Q" and _finer(m.unit, ctx.reference_unit):  # "In November, ... That day": some day of it
        return _ranged("DATE", _vague(ref, m.unit, ctx.reference_unit), m.mod, ctx.anchor)
    return _ranged("DATE", value_at(ref, m.unit), m.mod, ctx.anchor)



#: the operations a rule names (``op = "..."`` in its file), each defined by one function
OPERATIONS: dict[str, Step] = {
    "point": _calendar(_point),
    "nearest": _calendar(_partial),
    "relative": _calendar(_shifted),
    "shift": _calendar(_offset),
    "anaphor": _calendar(_anaphoric),
    "deictic": _calendar(_deictic_day),
    "duration": _duration,
    "every": _every,
    "reference": _reference,
    # each end of a range is a point of its own (the tagger splits the match, see tagger.py)
    "between": _calendar(_point),
    # each item of a list that shares its month or year ("April and June 1955") likewise
    "each": _calendar(_point),
}
