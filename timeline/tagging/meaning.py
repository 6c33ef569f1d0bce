"""The underspecified meaning a rule recognizes, before any anchor is applied.

``interpret`` reads the named groups of a rule's match (and the rule's fixed fields)
through the lexicon: "in March" becomes ``Meaning(month=3)``, "three days ago"
``Meaning(amount=3, unit="D", offset_sign=-1, deictic=True)``. Only the resolver turns a
meaning into a TIMEX3 value.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..lexicon import Lexicon
from ..values.timex3 import SMALLER_UNIT  # "two hours and 10 minutes": PT2H10M

__all__ = ["Meaning", "interpret", "complete_range", "GROUPS", "FIELDS", "IGNORED_GROUPS"]


@attrs.frozen(slots=True)
class Meaning:
    """What a phrase says about time, with nothing resolved. Unset fields are None."""

    type: str
    op: str = "point"  # the resolver operation the rule names (``resolve.OPERATIONS``)
    year: int | None = None
    year2: int | None = None  # two-digit year ('98)
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None  # part of day: MO, AF, EV, NI, ...
    day_offset: int | None = None  # today 0, yesterday -1, tomorrow 1
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    ampm: str | None = None
    decade: str | None = None  # "199" for the 1990s
    century: str | None = None  # "19" for the 20th century
    quarter: int | None = None
    half: int | None = None
    holiday: str | None = None
    amount: float | None = None  # None with a unit: unknown amount (X)
    vague_amount: bool = False
    unit: str | None = None
    shift: int | None = None  # this 0, last -1, next +1
    offset_sign: int | None = None  # ago / later -1 / +1
    deictic: bool = False  # offset counted from the anchor (ago), else from reference time
    mod: str | None = None
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    value: str | None = None  # a fixed value (sets, "for years" -> PXY)
    quant: str | None = None
    freq: str | None = None
    anaphoric: bool = False  # "that day", "the same month": the reference time itself
    in_future: bool = False  # "in five years": that far ahead with a future cue, else a duration
    overnight: bool = False  # "overnight": the night before, or with a future cue the coming one
    definite: bool = False  # "the end of the year": the reference's year in a narrative, else the anchor's
    direction: int | None = None  # explicit -1 past / +1 future from the phrase itself
    year_shift: int | None = None  # "June last year": the year relative to the anchor's
    as_unit: str | None = None  # report the date at this granularity ("the week of March 6")
    recent: bool = False  # "the weekend": the latest one not after the anchor
    day_end: int | None = None  # "Sept. 17-18": the last day of a range of days in one month
    month_end: int | None = None  # "April-June": the last month of a range of months
    era: str | None = None  # "BC" for a year before our era ("44 BC"), "AD"
    zone: str | None = None  # a clock time's zone: a UTC offset ("+09:00") or an IANA name


#: TIMEX3 weekday codes, Monday first (holiday specs such as "11-TH4")
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_INT_FIELDS = ("year", "month", "day", "weekday", "hour", "minute", "second", "quarter", "half")


def _number(lex: Lexicon, groups: dict[str, str]) -> float | None:
    text = groups.get("num")
    if text is None:
        return None
    t = text.replace(",", "")
    frac = 0.0
    for mark in (" 1/2", "-1/2", "\u00bd", " 1/4", " 3/4"):
        if t.endswith(mark):
            t, frac = t[: -len(mark)], {"2": 0.5, "\u00bd": 0.5, "4": 0.25}.get(mark[-1], 0.75)
            break
    try:
        return float(t) + frac
    except ValueError:
        pass
    parts = [p for p in t.replace("-", " ").split() if p]
    total = 0.0
    for cls in ("number", "tens", "teens", "units"):
        v = lex.value(cls, t)
        if v is not None:
            return float(v)
    for p in parts:
        for cls in ("tens", "teens", "units"):
            v = lex.value(cls, p)
            if v is not None:
                total += float(v)
                break
    return total or None


#: groups read through a word class, as (group, meaning field, word class); later ones win
LOOKUPS = (
    ("month", "month", "month"),
    ("dayord", "day", "ordinal"),
    ("weekday", "weekday", "weekday"),
    ("season", "season", "season"),
    ("part_of_day", "part", "part_of_day"),
    ("half", "half", "ordinal"),
    ("holiday", "holiday", "holiday"),
    ("unit", "unit", "unit"),
    ("cal_unit", "unit", "cal_unit"),
    ("shift", "shift", "shift"),
    ("ago", "offset_sign", "ago"),
    ("later", "offset_sign", "later"),
    ("date_mod", "mod", "date_mod"),
    ("decade_mod", "mod", "date_mod"),
    ("approx_mod", "mod", "approx_mod"),
    ("over_mod", "mod", "over_mod"),
    ("ref", "ref", "ref"),
    ("set_adverb", "value", "set_adverb"),
    ("times_word", "freq", "times_word"),
    ("year_shift", "year_shift", "shift"),
    ("clock_part", "ampm", "clock_part"),
    ("day_relation", "day_offset", "day_relation"),
    ("week_later", "day_offset", "week_later"),
    ("prepost", "mod", "prepost"),
    ("era", "era", "era_bc"),
)
#: groups whose digits are a meaning field, as (group, field)
NUMBERS = (
    ("year", "year"),
    ("year2", "year2"),
    ("yy", "year2"),
    ("monthnum", "month"),
    ("day", "day"),
    ("day_end", "day_end"),
    ("hour", "hour"),
    ("minute", "minute"),
    ("second", "second"),
)


#: groups ``interpret`` reads besides ``NUMBERS`` and ``LOOKUPS``
SPECIAL_GROUPS = frozenset({
    "outer", "ago", "deictic_day", "ampm", "decade", "decade2", "decade_word", "century",
    "century_num", "nth", "nth_last", "hnum", "quarter", "qnum", "num", "vague_number", "one",
    "other", "dm1", "dm2", "year_century_word", "yearpart", "y2000", "month_end",
    "quarter_word", "spoken", "hour_digit", "hour_word", "times_num", "time_shift", "ago_in",
    "ago_today", "or_so", "half_more", "noon", "this_year", "quant", "tz", "utc_offset",
    "range_start", "range_end", "quarter_month", "num_small", "unit_small",
})
#: groups a pattern may capture that carry no meaning of their own, and why
IGNORED_GROUPS: dict[str, str] = {
    "num_hi": "the upper amount of 'two to three weeks': TimeBank writes the lower one",
    "day_mod": "'early Saturday' before a clock time: the clock time is exact",
    "daypart": "'10 o'clock at night': the clock hour is read as written",
    "half_of": "'half an hour': the rule's set fields give the amount",
    "nth_weekday": "'the first Monday of every month': the rule's set fields give the value",
    "weekend_word": "'the weekend', 'the wknd': the rule's set fields give the meaning",
}
#: every group name a rule pattern may use (a class used twice is numbered: weekday_2)
GROUPS = frozenset(
    {g for g, _ in NUMBERS} | {g for g, _, _ in LOOKUPS} | SPECIAL_GROUPS | set(IGNORED_GROUPS)
)
#: the fields a rule's ``set`` table may fix
FIELDS = frozenset(a.name for a in attrs.fields(Meaning)) - {"type", "op"}


def _month_day(a: int, b: int) -> dict[str, Any]:
    """Day and month of a numeric date "a/b", decided only where one order is impossible."""
    if a > 12 >= b >= 1 and a <= 31:
        return {"day": a, "month": b}
    if b > 12 >= a >= 1 and b <= 31:
        return {"month": a, "day": b}
    if a == b and 1 <= a <= 12:
        return {"month": a, "day": a}
    if 1 <= a <= 12 and 1 <= b <= 12:
        return {"value": "XX-XX"}  # day/month order unknown: keep only the year
    return {"value": "INVALID"}  # neither order is a date ("32/13/2024")


def interpret(
    rule_type: str, fixed: dict[str, Any], groups: dict[str, str | None], lex: Lexicon, op: str = "point"
) -> Meaning:
    """Build the Meaning of one match from its named groups and the rule's fixed fields."""
    g = {k: v for k, v in groups.items() if v is not None}
    for k in [k for k in g if k[-2:-1] == "_" and k[-1].isdigit()]:
        g.setdefault(k[:-2], g[k])  # a class used twice in one pattern: {weekday} ... {weekday}
    if "qnum" in g:
        g["quarter"] = g["qnum"]
    f: dict[str, Any] = {"type": rule_type, "op": op}
    for group, field in NUMBERS:
        if group in g:
            f[field] = int(g[group])
    for group, field, cls in LOOKUPS:
        if group in g:
            f[field] = lex.value(cls, g[group])
    if "outer" in g:
        f["mod"] = lex.value("date_mod", g["outer"].strip())
    if "ago" in g:
        f["deictic"] = True
    if "deictic_day" in g:
        f["day_offset"] = lex.value("deictic_day", g["deictic_day"])
        part = lex["deictic_part"].value(g["deictic_day"])
        if part:
            f["part"] = part
            f["type"] = "TIME"
    if "ampm" in g:
        f["ampm"] = "pm" if g["ampm"].lower().startswith("p") else "am"
    if "decade" in g:
        digits = g["decade"]
        if digits.endswith("0") and digits != "200":
            f["century"] = digits[:2]  # "the 1900s": the century
        else:
            f["decade"] = digits
    if "decade2" in g:
        f["decade"] = "19" + g["decade2"]
    if "decade_word" in g:
        f["decade"] = f"19{lex.value('decade_word', g['decade_word'])}"
    if "century" in g:
        f["century"] = f"{lex.value('ordinal', g['century']) - 1:02d}"
    if "century_num" in g:
        f["century"] = f"{int(g['century_num']) - 1:02d}"
    if "nth" in g or "nth_last" in g:
        n = -1 if "nth_last" in g else int(lex.value("ordinal", g["nth"]))
        if f.get("weekday") and f.get("month"):  # "the first Monday of March": a day like a holiday
            code = WEEKDAY_CODES[f.pop("weekday") - 1]
            f["holiday"] = f"{f.pop('month'):02d}-{code}{'L' if n < 0 else n}"
        elif f.get("month"):  # "the second week of June": the week of its 11th
            f["day"] = 28 if n < 0 else 7 * (n - 1) + 4
    if "hnum" in g:  # "H1 2024", "1H 2024"
        f["half"] = int(g["hnum"])
    if "quarter_month" in g:  # "the December quarter": the quarter that holds December
        f["quarter"] = (int(lex.value("month", g["quarter_month"])) - 1) // 3 + 1
    if "quarter" in g:
        q = g["quarter"]
        f["quarter"] = int(q) if q.isdigit() else lex.value("ordinal", q)
    if "num" in g:
        f["amount"] = _number(lex, g)
    if "vague_number" in g:
        f["vague_amount"] = True
    if "one" in g:
        f["amount"] = 1.0
    if "other" in g:
        f["amount"] = 2.0
    if "dm1" in g:
        f.update(_month_day(int(g["dm1"]), int(g["dm2"])))
    if "year_century_word" in g:
        century = lex.value("year_century_word", g["year_century_word"])
        part = _number(lex, {"num": g["yearpart"]}) if "yearpart" in g else 0
        f["year"] = int(century * 100 + (part or 0))
    if "y2000" in g:
        f["year"] = 2000
    if "month_end" in g:  # "the April-June quarter" is the second quarter
        first, last = f.get("month"), lex.value("month", g["month_end"])
        if first is not None and last is not None and last > first:
            if "quarter_word" in g and first % 3 == 1 and last == first + 2:
                f["quarter"] = first // 3 + 1
                del f["month"]
            else:
                f["month_end"] = last
    if "spoken" in g:  # "a quarter to nine": 08:45
        hour = int(g["hour_digit"]) if "hour_digit" in g else int(lex.value("number_word_hour", g.get("hour_word", "")) or 12)
        minutes = int(lex.value("spoken_clock", g["spoken"]) or 0)
        f["hour"], f["minute"] = ((hour - 1) or 12, 60 + minutes) if minutes < 0 else (hour, minutes)
    if "times_num" in g:  # "eight times a year": a frequency, not an amount of years
        times = _number(lex, {"num": g["times_num"]})
        if times is not None and times == int(times):
            f["freq"] = f"{int(times)}X"
    if "time_shift" in g:  # "this time last year": last year's day, as "a year ago today"
        f["offset_sign"] = lex.value("shift", g["time_shift"])
    if "ago_in" in g:  # "fifty years ago this month": that month, fifty years back
        f["as_unit"] = lex.value("cal_unit", g["ago_in"])
    if "ago_today" in g:  # "twenty years ago today"
        f["as_unit"] = "D"
    if "or_so" in g:
        f.setdefault("mod", "APPROX")  # "a week or so ago", "the next year or so"
    if "num_small" in g and "unit_small" in g:  # "two hours and 10 minutes": in hours
        small, factor = SMALLER_UNIT.get(f.get("unit") or "", ("", 0))
        extra = _number(lex, {"num": g["num_small"]})
        if small != lex.value("unit", g["unit_small"]) or extra is None or f.get("amount") is None:
            f["value"] = "INVALID"  # "three years and five days": no one unit holds both
        elif f["unit"] == "W":  # weeks take no other unit in a value: "1 week 1 day" is P8D
            f["unit"], f["amount"] = small, f["amount"] * factor + extra
        else:
            f["amount"] += extra / factor
    if "half_more" in g:
        f["amount"] = (f.get("amount") or 1.0) + 0.5
    if "noon" in g:
        f["hour"], f["minute"] = (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
    if "this_year" in g:
        f["direction"] = 0
    if "tz" in g:
        f["zone"] = lex.value("time_zone", g["tz"]) or None  # "local time": the anchor's zone
    if "utc_offset" in g:  # "UTC+2", "GMT-05:00"
        sign, digits = g["utc_offset"][0], g["utc_offset"][1:].replace(":", "")
        hh, mm = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        f["zone"] = f"{'+' if sign == '+' else '-'}{int(hh):02d}:{mm}"
    if "quant" in g:
        f["quant"] = g["quant"].upper()
    if "set_adverb" in g and g["set_adverb"].split()[0].lower() in ("every", "each"):
        f["quant"] = g["set_adverb"].split()[0].upper()
    for key, val in fixed.items():
        f[key] = val
    for k in _INT_FIELDS:
        if isinstance(f.get(k), str) and str(f[k]).isdigit():
            f[k] = int(f[k])
    return Meaning(**f)


def _has_date(m: Meaning) -> bool:
    return any(x is not None for x in (m.month, m.day, m.season, m.weekday, m.holiday, m.quarter, m.half))


#: the fields that name the day a clock time is on
_DAY_FIELDS = ("year", "month", "day", "weekday", "day_offset", "shift")


def has_day(m: Meaning) -> bool:
    """The meaning names the day a clock time is on (a date, a weekday, "tomorrow")."""
    return any(getattr(m, f) is not None for f in _DAY_FIELDS)


def complete_range(first: Meaning, last: Meaning) -> tuple[Meaning, Meaning]:
    """The two ends of a range share what only one of them says: "8-10 May" (the month),
    "between April and July 2021" (the year), "1939-45" (the century), "499-493 BC" (the
    era), "8-10 p.m." (a.m. or p.m.).

    >>> a, b = complete_range(Meaning("DATE", year=1939), Meaning("DATE", year2=45))
    >>> a.year, b.year, b.year2
    (1939, 1945, None)
    >>> a, b = complete_range(Meaning("DATE", day=8), Meaning("DATE", day=10, month=5, year=1940))
    >>> (a.year, a.month, a.day), (b.year, b.month, b.day)
    ((1940, 5, 8), (1940, 5, 10))
    """
    if last.year is None and last.year2 is not None and first.year is not None:
        year = first.year - first.year % 100 + last.year2
        last = attrs.evolve(last, year=year if year >= first.year else year + 100, year2=None)
    for a, b in ((first, last), (last, first)):
        changes: dict[str, Any] = {}
        if a.year is None and a.year2 is None and b.year is not None and _has_date(a):
            changes["year"] = b.year
        if a.month is None and a.day is not None and b.month is not None:
            changes["month"] = b.month
        for field in ("era", "ampm", "zone"):
            if getattr(a, field, None) is None and getattr(b, field, None) is not None:
                changes[field] = getattr(b, field)
        if a is first and a.hour is not None and b.hour is not None and not has_day(a):
            # "from 6am until 9pm on Monday": the start is on the day the end names
            changes.update({f: getattr(b, f) for f in _DAY_FIELDS if getattr(b, f) is not None})
        if a is first and a.ampm is None and b.ampm == "pm" and a.hour is not None and b.hour is not None and a.hour % 12 > b.hour % 12:
            changes["ampm"] = "am"  # "from 9.30 to 5.30pm": a morning start
        if changes:
            if a is first:
                first = attrs.evolve(first, **changes)
            else:
                last = attrs.evolve(last, **changes)
    return first, last
