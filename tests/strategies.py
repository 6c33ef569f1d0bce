"""Hypothesis strategies shared by the tests. Add yours here; keep each one small and named
for what it draws."""

from __future__ import annotations

import datetime as _dt
import datetime as dt
from collections.abc import Callable

import attrs
import pendulum
from hypothesis import strategies as st

from timeline.values.bounds import ANCHOR_MOD_RULES, MOD_RULES, PART_OF_DAY_HOURS, SEASON_MONTHS
from timeline.model import RELATIONS, TIMEX_TYPES, Event, Expression
from timeline.values.timex3 import PARTS_OF_DAY, SEASONS, Duration, TimexValue

#: characters XML 1.0 can carry, with the ones that need escaping made likely
XML_CHARS = st.one_of(
    st.sampled_from(list("&<>\"'\r\n\t ]")),
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
        + "\ufffe\uffff",
    ),
)
xml_text = st.text(alphabet=XML_CHARS, max_size=60)


@st.composite
def spans(draw: st.DrawFn, length: int, max_spans: int = 6) -> list[tuple[int, int]]:
    """Non-overlapping, non-empty [start, end) spans inside a text of ``length`` characters."""
    if length == 0:
        return []
    cuts = sorted(
        draw(st.sets(st.integers(0, length), max_size=2 * max_spans))
    )
    pairs = list(zip(cuts[::2], cuts[1::2]))
    return [(a, b) for a, b in pairs if a < b]


@st.composite
def text_with_expressions(draw: st.DrawFn) -> tuple[str, list[Expression]]:
    """A text and non-overlapping expressions on it with random types, values and mods."""
    text = draw(xml_text)
    exprs = []
    for a, b in draw(spans(len(text))):
        type_ = draw(st.sampled_from(TIMEX_TYPES))
        set_attr = st.none() | xml_text if type_ == "SET" else st.none()
        exprs.append(
            Expression(
                text=text[a:b],
                start=a,
                end=b,
                type=type_,
                value=draw(xml_text),
                mod=draw(st.none() | st.sampled_from(["START", "END", "APPROX", "LESS_THAN"])),
                quant=draw(set_attr),
                freq=draw(set_attr),
            )
        )
    return text, exprs


@st.composite
def disjoint_expressions(draw: st.DrawFn, length: int = 40) -> list[Expression]:
    """Non-overlapping expressions over a text of ``length`` x's."""
    text = "x" * length
    return [
        Expression(text=text[a:b], start=a, end=b, type="DATE",
                   value=draw(st.sampled_from(["2024", "2025"])))
        for a, b in draw(spans(length))
    ]


# --- anchors, dates and values ------------------------------------------------------------
#
# The generators below state what English news text means, independently of the tagger's
# lexicon: a form the tagger misses or misreads is a finding, not a test to adjust.


#: month names and the abbreviations news writes with a period (bare "Jan" is not tagged:
#: a design choice of the lexicon, since "Jan", "Dec" are also names)
MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan."),
    2: ("February", "Feb."),
    3: ("March", "Mar."),
    4: ("April", "Apr."),
    5: ("May",),
    6: ("June", "Jun."),
    7: ("July", "Jul."),
    8: ("August", "Aug."),
    9: ("September", "Sept.", "Sep."),
    10: ("October", "Oct."),
    11: ("November", "Nov."),
    12: ("December", "Dec."),
}
WEEKDAY_FORMS: dict[int, tuple[str, ...]] = {
    1: ("Monday", "Mon."),
    2: ("Tuesday", "Tue.", "Tues."),
    3: ("Wednesday", "Wed."),
    4: ("Thursday", "Thu.", "Thurs."),
    5: ("Friday", "Fri."),
    6: ("Saturday", "Sat."),
    7: ("Sunday",),
}
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                 "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                 "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                 "twentieth", "twenty-first"]


def number_words(n: int) -> str:
    """1..99 in words, as news writes them ("twenty-five")."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def ordinal_suffix(n: int) -> str:
    """3 -> '3rd', 11 -> '11th', 22 -> '22nd'."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: a date news is likely to mention
news_days = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2099, 12, 31))
#: the publication dates the tagger is run against
anchor_days = st.dates(min_value=_dt.date(1950, 1, 1), max_value=_dt.date(2050, 12, 31))


def midnight(d: _dt.date) -> pendulum.DateTime:
    return pendulum.datetime(d.year, d.month, d.day, tz="UTC")


midnight_anchors = anchor_days.map(midnight)


@st.composite
def aware_anchors(draw: st.DrawFn) -> pendulum.DateTime:
    """Anchors with a time of day and a fixed UTC offset (-12:00 .. +14:00)."""
    d = draw(anchor_days)
    t = draw(st.times())
    minutes = draw(st.integers(-12 * 4, 14 * 4)) * 15
    tz = pendulum.FixedTimezone(minutes * 60)
    return pendulum.datetime(d.year, d.month, d.day, t.hour, t.minute, t.second, tz=tz)


# --- surface forms -------------------------------------------------------------------------


@attrs.frozen
class Form:
    """A temporal phrase, the TIMEX3 value and mod it means, and the tense it needs.

    ``tense`` is "past", "future" or None (any sentence will do); ``lead`` goes before the
    phrase in the sentence without being part of the expression ("the" of "the 1990s").
    """

    text: str
    value: str
    mod: str | None = None
    type: str = "DATE"
    tense: str | None = None
    lead: str = ""  # words the sentence puts before the phrase, outside the TIMEX3 ("the ")


def _month(draw: st.DrawFn, month: int) -> str:
    return draw(st.sampled_from(MONTH_FORMS[month]))


def _day(draw: st.DrawFn, day: int) -> str:
    return draw(st.sampled_from([str(day), ordinal_suffix(day)]))


@st.composite
def full_dates(draw: st.DrawFn) -> Form:
    """A day with its year in one of the forms news uses."""
    d = draw(news_days)
    month, day = _month(draw, d.month), _day(draw, d.day)
    weekday = draw(st.sampled_from(WEEKDAY_FORMS[d.isoweekday()]))
    text = draw(
        st.sampled_from(
            [
                f"{month} {day}, {d.year}",  # March 3, 2019
                f"{month} {day} {d.year}",  # March 3 2019
                f"{d.day} {month} {d.year}",  # 3 March 2019
                f"{d.day} {month}, {d.year}",
                f"the {ordinal_suffix(d.day)} of {month} {d.year}",
                f"{weekday}, {month} {day}, {d.year}",  # Monday, Sept. 30, 2019
                f"{weekday}, {d.day} {month} {d.year}",
                d.isoformat(),  # 2019-03-03
                f"{month.upper()} {d.day}, {d.year}" if month[-1] != "." else d.isoformat(),
            ]
        )
    )
    return Form(text, d.isoformat())


@st.composite
def unambiguous_numeric_dates(draw: st.DrawFn) -> Form:
    """03/22/2013, 22/03/2013, 22.03.2013: numeric dates whose day is over 12."""
    d = draw(news_days.filter(lambda d: d.day > 12))
    sep = draw(st.sampled_from("/."))
    dd, mm = f"{d.day:02d}", draw(st.sampled_from([f"{d.month:02d}", str(d.month)]))
    text = draw(st.sampled_from([f"{mm}{sep}{dd}{sep}{d.year}", f"{dd}{sep}{mm}{sep}{d.year}"]))
    return Form(text, d.isoformat())


@st.composite
def month_years(draw: st.DrawFn) -> Form:
    """March 2019, Dec. 1998, early/mid-/late November 1999."""
    d = draw(news_days)
    month = _month(draw, d.month)
    mod, prefix = draw(
        st.sampled_from([(None, ""), ("START", "early "), ("MID", "mid-"), ("END", "late ")])
    )
    sep = draw(st.sampled_from([" ", ", ", " of "])) if not prefix else " "
    return Form(f"{prefix}{month}{sep}{d.year}", f"{d.year:04d}-{d.month:02d}", mod)


years = st.integers(1000, 2099)


@st.composite
def plain_years(draw: st.DrawFn) -> Form:
    """2019, fiscal 2023, the year 2000, calendar 1998, FY2023."""
    y = draw(years)
    text = draw(
        st.sampled_from([f"{y}", f"fiscal {y}", f"the year {y}", f"calendar {y}", f"FY{y}",
                         f"fiscal year {y}"])
    )
    return Form(text, str(y))


@st.composite
def years_with_mods(draw: st.DrawFn) -> Form:
    """early 2020, mid-2020, late 2020, the end of 2020, the first half of 2020."""
    y = draw(years)
    prefix, value, mod = draw(
        st.sampled_from(
            [
                ("early ", str(y), "START"),
                ("mid-", str(y), "MID"),
                ("late ", str(y), "END"),
                ("the end of ", str(y), "END"),
                ("the beginning of ", str(y), "START"),
                ("the middle of ", str(y), "MID"),
                ("the first half of ", f"{y}-H1", None),
                ("the second half of ", f"{y}-H2", None),
            ]
        )
    )
    return Form(prefix + str(y), value, mod)


@st.composite
def quarters(draw: st.DrawFn) -> Form:
    """the third quarter of 2021, Q3 2021, 2021's third quarter, the fiscal third quarter of 2021."""
    y, q = draw(years), draw(st.integers(1, 4))
    o = ORDINAL_WORDS[q]
    text = draw(
        st.sampled_from(
            [f"the {o} quarter of {y}", f"the {o} quarter of fiscal {y}", f"Q{q} {y}",
             f"{y}'s {o} quarter", f"the fiscal {o} quarter of {y}", f"the {o} quarter, {y}"]
        )
    )
    return Form(text, f"{y}-Q{q}")


@st.composite
def decades(draw: st.DrawFn) -> Form:
    """the 1990s, the '90s, the 1980's, the nineties, the early 1990s: the article is part
    of the expression, as the brief writes "the 1990s" and TimeBank does 6 times in 8."""
    decade = draw(st.integers(100, 209))  # 1000s .. 2090s
    words = {2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties",
             7: "seventies", 8: "eighties", 9: "nineties"}
    forms = [f"{decade}0s", f"{decade}0's"]
    if decade // 10 == 19 and decade % 10:  # "'00s" may be the 1900s or the 2000s: not drawn
        forms += [f"'{decade % 10}0s"]
        if decade % 10 in words:
            forms.append(words[decade % 10])
    mod, word = draw(st.sampled_from([(None, ""), ("START", "early "), ("MID", "mid-"), ("END", "late ")]))
    text = draw(st.sampled_from(forms))
    # "the 1900s" is the century (19), "the 2000s" the decade (200): the rule's convention
    value = f"{decade // 10:02d}" if decade % 10 == 0 and decade < 200 else f"{decade:03d}"
    return Form("the " + word + text, value, mod)


@st.composite
def centuries(draw: st.DrawFn) -> Form:
    """the 20th century, the nineteenth century."""
    n = draw(st.integers(2, 21))
    text = draw(st.sampled_from([f"the {ordinal_suffix(n)} century", f"the {ORDINAL_WORDS[n]} century"]))
    return Form(text, f"{n - 1:02d}")


@st.composite
def seasons(draw: st.DrawFn) -> Form:
    """the summer of 2020, winter 1998, autumn 2001."""
    y = draw(years)
    word, code = draw(st.sampled_from([("spring", "SP"), ("summer", "SU"), ("autumn", "FA"),
                                       ("winter", "WI")]))
    text = draw(st.sampled_from([f"the {word} of {y}", f"{word} {y}", f"{word} of {y}"]))
    return Form(text, f"{y}-{code}")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    first = _dt.date(year, month, 1)
    if n > 0:
        return first + _dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = _dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - _dt.timedelta(days=1)
    return last - _dt.timedelta(days=(last.isoweekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], _dt.date]] = {
    "Christmas": lambda y: _dt.date(y, 12, 25),
    "Christmas Day": lambda y: _dt.date(y, 12, 25),
    "Christmas Eve": lambda y: _dt.date(y, 12, 24),
    "New Year's Day": lambda y: _dt.date(y, 1, 1),
    "New Year's Eve": lambda y: _dt.date(y, 12, 31),
    "Independence Day": lambda y: _dt.date(y, 7, 4),
    "Halloween": lambda y: _dt.date(y, 10, 31),
    "Thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "Labor Day": lambda y: _nth_weekday(y, 9, 1, 1),
    "Memorial Day": lambda y: _nth_weekday(y, 5, 1, -1),
}


@st.composite
def holidays(draw: st.DrawFn) -> Form:
    """Christmas 1998, Thanksgiving 2019, Memorial Day 2005."""
    y, name = draw(years), draw(st.sampled_from(sorted(HOLIDAYS)))
    sep = draw(st.sampled_from([" ", ", "]))
    return Form(f"{name}{sep}{y}", HOLIDAYS[name](y).isoformat())


@st.composite
def spelled_years(draw: st.DrawFn) -> Form:
    """nineteen ninety-six, nineteen eighty-four."""
    n = draw(st.integers(10, 99))
    return Form(f"nineteen {number_words(n)}", f"19{n:02d}")


def absolute_forms() -> st.SearchStrategy[Form]:
    """Every phrase whose value does not depend on the anchor."""
    return st.one_of(
        full_dates(), unambiguous_numeric_dates(), month_years(), plain_years(),
        years_with_mods(), quarters(), decades(), centuries(), seasons(), holidays(),
        spelled_years(),
    )


# --- durations -----------------------------------------------------------------------------

#: unit word -> (TIMEX3 duration prefix, letter)
DURATION_UNITS = {
    "year": ("P", "Y"), "month": ("P", "M"), "week": ("P", "W"), "day": ("P", "D"),
    "hour": ("PT", "H"), "minute": ("PT", "M"), "decade": ("P", "Y"), "century": ("P", "Y"),
}
#: units written as a multiple of another, as TimeBank does ("a decade" -> P10Y)
DURATION_SCALE = {"decade": 10, "century": 100}


def _plural(unit: str, n: int) -> str:
    if n == 1:
        return unit
    return "centuries" if unit == "century" else unit + "s"


@st.composite
def amounts(draw: st.DrawFn, low: int = 1, high: int = 99) -> tuple[int, str]:
    """A whole number and how news writes it: digits, words, 'a'/'an'/'one' for 1."""
    n = draw(st.integers(low, high))
    forms = [str(n)] if n < 1000 else [str(n), f"{n:,}"]
    if n <= 99:
        forms.append(number_words(n))
    return n, draw(st.sampled_from(forms))


@st.composite
def durations(draw: st.DrawFn) -> Form:
    """15 years, three months, six hours, a decade, 1,000 years, about three years."""
    unit = draw(st.sampled_from(sorted(DURATION_UNITS)))
    n, written = draw(amounts(1, 99) | amounts(100, 5000))
    if n == 1:
        article = "an" if unit == "hour" else "a"
        written = draw(st.sampled_from([written, article, "one"]))
    prefix, letter = DURATION_UNITS[unit]
    mod, before = draw(
        st.sampled_from([(None, ""), ("APPROX", "about "), ("APPROX", "roughly "),
                         ("MORE_THAN", "more than "), ("LESS_THAN", "nearly ")])
    )
    value = f"{prefix}{n * DURATION_SCALE.get(unit, 1)}{letter}"
    return Form(f"{before}{written} {_plural(unit, n)}", value, mod, "DURATION")


# --- phrases relative to the anchor ----------------------------------------------------------


def iso_week(d: _dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(d: _dt.date, n: int) -> _dt.date:
    """The first of the month ``n`` months after ``d``'s month."""
    m = d.year * 12 + d.month - 1 + n
    return _dt.date(m // 12, m % 12 + 1, 1)


#: a function of the anchor day giving the expected value
Relative = Callable[[_dt.date], str]


@attrs.frozen
class RelativeForm:
    """A phrase whose value depends on the anchor; ``value(anchor_day)`` gives it."""

    text: str
    value: Relative
    type: str = "DATE"
    unit: str = "D"  # the granularity of the value: D, W, M, Q, Y


def _days_ago(n: int) -> Relative:
    return lambda a: (a - _dt.timedelta(days=n)).isoformat()


@st.composite
def offsets_ago(draw: st.DrawFn) -> RelativeForm:
    """three days ago, two weeks ago, 11 months ago, a year ago, a decade ago."""
    unit = draw(st.sampled_from(["day", "week", "month", "year", "decade"]))
    n, written = draw(amounts(1, 30))
    if n == 1:
        written = draw(st.sampled_from([written, "a", "one"]))
    text = f"{written} {_plural(unit, n)} ago"
    if unit == "day":
        return RelativeForm(text, _days_ago(n))
    if unit == "week":
        return RelativeForm(text, lambda a: iso_week(a - _dt.timedelta(weeks=n)), unit="W")
    if unit == "month":
        return RelativeForm(text, lambda a: add_months(a, -n).isoformat()[:7], unit="M")
    if unit == "year":
        return RelativeForm(text, lambda a: f"{a.year - n:04d}", unit="Y")
    return RelativeForm(text, lambda a: f"{a.year - 10 * n:04d}", unit="Y")  # the year, as TimeBank


def _last_weekday(wd: int) -> Relative:
    return lambda a: (a - _dt.timedelta(days=(a.isoweekday() - wd) % 7 or 7)).isoformat()


def _next_weekday(wd: int) -> Relative:
    return lambda a: (a + _dt.timedelta(days=(wd - a.isoweekday()) % 7 or 7)).isoformat()


def _this_weekday(wd: int) -> Relative:
    return lambda a: (a + _dt.timedelta(days=wd - a.isoweekday())).isoformat()


@st.composite
def shifted_weekdays(draw: st.DrawFn) -> RelativeForm:
    """last Tuesday (the latest Tuesday before the anchor day), next Friday, this Wednesday."""
    wd = draw(st.integers(1, 7))
    name = WEEKDAY_FORMS[wd][0]
    shift, fn = draw(st.sampled_from([("last", _last_weekday), ("next", _next_weekday),
                                      ("this", _this_weekday)]))
    return RelativeForm(f"{shift} {name}", fn(wd))


def _quarter(d: _dt.date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


@st.composite
def shifted_units(draw: st.DrawFn) -> RelativeForm:
    """last week, next month, this year, last quarter, next year."""
    shift, n = draw(st.sampled_from([("last", -1), ("next", 1), ("this", 0)]))
    unit = draw(st.sampled_from(["day", "week", "month", "quarter", "year"]))
    forms: dict[str, tuple[Relative, str]] = {
        "week": (lambda a: iso_week(a + _dt.timedelta(weeks=n)), "W"),
        "month": (lambda a: add_months(a, n).isoformat()[:7], "M"),
        "quarter": (lambda a: _quarter(add_months(a, 3 * n)), "Q"),
        "year": (lambda a: f"{a.year + n:04d}", "Y"),
    }
    if unit == "day":
        # "this day", "last day" are not deictic in news; use the words news uses
        word, k = {-1: ("yesterday", -1), 1: ("tomorrow", 1), 0: ("today", 0)}[n]
        return RelativeForm(word, lambda a: (a + _dt.timedelta(days=k)).isoformat())
    fn, gran = forms[unit]
    return RelativeForm(f"{shift} {unit}", fn, unit=gran)


def relative_forms() -> st.SearchStrategy[RelativeForm]:
    return st.one_of(offsets_ago(), shifted_weekdays(), shifted_units())


# --- sentences -------------------------------------------------------------------------------

#: sentences with a slot; none holds a temporal word, a digit or a tense cue near the slot
#: that could change the reading of what goes in it
NEUTRAL_TEMPLATES = (
    "{X}",
    "Officials confirmed the figures {X}.",
    "The ministry published its report {X}.",
    "Shares of the company fell sharply {X}, analysts said.",
    "{X}, the board approved the merger.",
    "According to the agency, {X} the index reached a record.",
    "The treaty, signed {X}, ended the dispute.",
    "\u201cWe were not prepared,\u201d the mayor said of the flood {X}.",
    "In a statement issued {X}, the group denied any wrongdoing.",
    "Rebels seized the town {X}; the army retook it.",
    "The court ruled against the union {X}.",
)
PREPOSITIONS = ("", "on ", "in ", "during ", "since ", "until ", "by ")
FILLER = (
    "",
    "The minister declined to comment.",
    "Analysts expect further losses.",
    "The talks collapsed amid protests.",
    "Residents fled the coastal towns.",
    "Le ministre a refusé de commenter.",
    "Die Regierung schwieg.",
    "\u653f\u5e9c\u306f\u30b3\u30e1\u30f3\u30c8\u3092\u63a7\u3048\u305f\u3002",
)


@attrs.frozen
class Embedded:
    """A text with one phrase placed in it at ``[start, end)``."""

    text: str
    start: int
    end: int


@st.composite
def embedded(
    draw: st.DrawFn, phrase: str, templates: tuple[str, ...] | None = None, lead: str = ""
) -> Embedded:
    """``phrase`` inside a drawn sentence (capitalized at a sentence start), between drawn
    neutral sentences. The neutral templates put a drawn preposition before the phrase;
    ``lead`` goes right before it, outside the span."""
    template = draw(st.sampled_from(templates or NEUTRAL_TEMPLATES))
    prep = "" if templates or template.startswith("{X}") else draw(st.sampled_from(PREPOSITIONS))
    before = draw(st.sampled_from(FILLER))
    after = draw(st.sampled_from(FILLER))
    sep = draw(st.sampled_from([" ", "\n", "\n\n", "  "]))
    at_start = template.startswith("{X}")
    capitalize = at_start
    if capitalize and lead:
        lead, capitalize = lead[0].upper() + lead[1:], False
    shown = phrase[0].upper() + phrase[1:] if capitalize else phrase
    head, tail = template.split("{X}")
    prefix = (before + sep if before else "") + head + prep + lead
    text = prefix + shown + tail + (sep + after if after else "")
    return Embedded(text, len(prefix), len(prefix) + len(shown))


#: sentences whose verb puts an undated phrase in the past or in the future
PAST_TEMPLATES = (
    "The plant closed on {X}.",
    "The minister resigned on {X}, officials said.",
    "Police arrested two men on {X}.",
)
FUTURE_TEMPLATES = (
    "The summit is scheduled for {X}.",
    "The vote will be held on {X}.",
    "The company plans to open the plant on {X}.",
)


# --- TIMEX3 values ---------------------------------------------------------------------------

_two = st.integers(1, 12).map(lambda n: f"{n:02d}")


@st.composite
def timex_values(draw: st.DrawFn) -> str:
    """A TIMEX3 value of any shape the grammar allows (timeline.values.timex3's table)."""
    y = f"{draw(st.integers(1, 9999)):04d}"
    month = f"{draw(st.integers(1, 12)):02d}"
    day = f"{draw(st.integers(1, 28)):02d}"
    date = f"{y}-{month}-{day}"
    hh, mm, ss = (f"{draw(st.integers(0, h)):02d}" for h in (23, 59, 59))
    tz = draw(st.sampled_from(["", "Z", "+09:00", "-05:00", "+0530"]))
    unit = st.sampled_from(["Y", "M", "W", "D", "Q", "DE", "CE", "ML", "E", "C", "L"])
    tunit = st.sampled_from(["H", "M", "S"])
    amount = st.integers(0, 500).map(str) | st.sampled_from(["X", "0.5", "2.5", "1.25"])
    dparts = draw(st.lists(st.tuples(amount, unit), max_size=3))
    tparts = draw(st.lists(st.tuples(amount, tunit), min_size=0 if dparts else 1, max_size=3))
    duration = "P" + "".join(a + u for a, u in dparts) + (
        "T" + "".join(a + u for a, u in tparts) if tparts else "")
    return draw(
        st.sampled_from(
            [
                y, f"{y}-{month}", date, f"{y[:3]}", f"{y[:2]}", f"{y[:3]}X", f"{y[:2]}XX",
                "XXXX", f"XXXX-{month}", f"XXXX-{month}-{day}", f"{y}-XX", f"{y}-XX-XX",
                f"{y}-W{draw(st.integers(1, 52)):02d}", f"{y}-W{draw(st.integers(1, 52)):02d}-WE",
                f"{y}-W{draw(st.integers(1, 52)):02d}-{draw(st.integers(1, 7))}",
                f"XXXX-WXX-{draw(st.integers(1, 7))}",
                f"{y}-Q{draw(st.integers(1, 4))}", f"{y}-QX", f"{y}-H{draw(st.integers(1, 2))}",
                f"{y}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}",
                f"{date}T{hh}", f"{date}T{hh}:{mm}", f"{date}T{hh}:{mm}:{ss}",
                f"{date}T{hh}:{mm}{tz}", f"{date}T{hh}:{mm}:{ss}.{draw(st.integers(0, 999))}",
                f"{date}T{draw(st.sampled_from(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']))}",
                f"XXXX-WXX-{draw(st.integers(1, 7))}TNI",
                duration,
                draw(st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"])),
            ]
        )
    )


@st.composite
def dated_values(draw: st.DrawFn) -> str:
    """A calendar-valid DATE or TIME value with a place in time (years 1000..2999)."""
    d = draw(st.dates(min_value=_dt.date(1000, 1, 1), max_value=_dt.date(2999, 12, 31)))
    y, date = f"{d.year:04d}", d.isoformat()
    t = draw(st.times())
    return draw(
        st.sampled_from(
            [
                y[:2], y[:3], y, date[:7], date, iso_week(d), iso_week(d) + "-WE",
                f"{iso_week(d)}-{d.isoweekday()}", _quarter(d), f"{y}-H{1 if d.month <= 6 else 2}",
                f"{y}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}",
                f"{date}T{t.hour:02d}", f"{date}T{t.hour:02d}:{t.minute:02d}",
                f"{date}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}",
                f"{date}T{draw(st.sampled_from(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']))}",
            ]
        )
    )


# --- any text ------------------------------------------------------------------------------

#: pieces of temporal language, shuffled together to reach the resolver's odd corners
FRAGMENTS = (
    "March", "May", "Sept.", "Monday", "Tues.", "2019", "1999", "'98", "3", "31", "29", "0",
    "12", "24", "99", "1,000", "999,999", "2.5", "/", "-", ".", ",", ":", "'", "s", "th",
    "the", "of", "last", "next", "this", "ago", "later", "earlier", "early", "mid-", "late",
    "the end of", "year", "years", "month", "weeks", "days", "hours", "decade", "century",
    "quarter", "half", "fiscal", "FY", "Q3", "a.m.", "p.m.", "noon", "midnight", "tonight",
    "yesterday", "tomorrow", "today", "now", "recently", "summer", "winter", "fall",
    "Christmas", "Easter", "Thanksgiving", "every", "twice", "a", "about", "more than",
    "several", "nineteen", "ninety-six", "twenty", "first", "third", "that", "day", "same",
    "Feb. 29", "Feb. 30", "2023-02-29", "13/13/2013", "00/00/00", "the 1990s", "the '60s",
    "o'clock", "GMT", "weekend", "fortnight", "said", "will", "was", "\n", "  ", "\t",
)
fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)
#: any Unicode without surrogates (a str Python can encode), control characters included
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
#: temporal words and cue words glued by odd separators, in odd case, with a few letters
#: that case folding matches to ASCII ones ("ſ" is "s", "K" is "k")
GLUES = (" ", "", "-", "'", "’", "\n", ", ", ".", "$", "(", "_", "ſ", "K", "ı", "é")
glued_text = st.lists(
    st.tuples(
        st.sampled_from(FRAGMENTS + ("will", "had been set", "next to", "planning", "closed", "at last", "'ll")),
        st.sampled_from(GLUES),
        st.sampled_from((str, str.upper, str.title)),
    ),
    max_size=25,
).map(lambda parts: "".join(case(word) + glue for word, glue, case in parts))

# ---------------------------------------------------------------- ranges, events

ZONES = ("UTC", "Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata")


@st.composite
def anchors(draw: st.DrawFn, with_time: bool | None = None) -> pendulum.DateTime:
    """Aware anchors 1950-2060 in a few zones (some with DST), with or without a time of day."""
    day = draw(st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)))
    timed = draw(st.booleans()) if with_time is None else with_time
    h, m = (draw(st.integers(1, 23)), draw(st.integers(0, 59))) if timed else (0, 0)
    zone = draw(st.sampled_from(ZONES))
    return pendulum.datetime(day.year, day.month, day.day, h, m, tz=zone)


@st.composite
def moments(draw: st.DrawFn) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of a real calendar moment."""
    d = draw(st.dates(dt.date(1001, 1, 1), dt.date(2998, 12, 31)))
    return d.year, d.month, d.day, draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))


#: calendar granularities from coarsest to finest, each as a value builder
CHAIN = (
    lambda y, mo, d, h, mi, s: f"{y // 100:02d}",
    lambda y, mo, d, h, mi, s: f"{y // 10:03d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-H{1 if mo <= 6 else 2}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-Q{(mo - 1) // 3 + 1}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}",
    lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}",
)


@st.composite
def date_values(draw: st.DrawFn) -> str:
    """TIMEX3 DATE/TIME values of every positioned shape."""
    y, mo, d, h, mi, s = draw(moments())
    shape = draw(st.integers(0, len(CHAIN) + 4))
    if shape < len(CHAIN):
        return str(CHAIN[shape](y, mo, d, h, mi, s))
    iso_y, week, _ = dt.date(y, mo, d).isocalendar()
    if shape == len(CHAIN):
        return f"{iso_y:04d}-W{week:02d}"
    if shape == len(CHAIN) + 1:
        return f"{iso_y:04d}-W{week:02d}-{draw(st.sampled_from(['1', '2', '3', '4', '5', '6', '7', 'WE']))}"
    if shape == len(CHAIN) + 2:
        return f"{y:04d}-{draw(st.sampled_from(sorted(SEASON_MONTHS)))}"
    if shape == len(CHAIN) + 3:
        return f"{y:04d}-{mo:02d}-{d:02d}T{draw(st.sampled_from(sorted(PART_OF_DAY_HOURS)))}"
    return draw(st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]))


mods = st.sampled_from([None, *MOD_RULES, *ANCHOR_MOD_RULES])
cuts = st.sampled_from([None, "EARLIER", "LATER"])
relations = st.sampled_from(RELATIONS)

_BASE = pendulum.datetime(2024, 1, 1)


@st.composite
def events(draw: st.DrawFn) -> Event:
    """Events with small random ranges (some half-open or missing), texts and positions."""
    start = draw(st.integers(0, 50))
    text = draw(st.sampled_from(["Talks began.", "Talks ended.", "Ministers met.", "A vote."]))
    x = Expression("May", start, start + 3, "DATE", draw(st.sampled_from(["2024-05", "2024", "2024-05-01"])))
    kind = draw(st.sampled_from(["both", "both", "both", "open-low", "open-high", "none"]))
    lo = draw(st.integers(0, 20))
    hi = lo + draw(st.integers(1, 10))
    earliest = None if kind in ("open-low", "none") else _BASE.add(days=lo)
    latest = None if kind in ("open-high", "none") else _BASE.add(days=hi)
    return Event(
        text=text,
        start=start,
        end=start + len(text),
        expression=x,
        relation=draw(relations),
        earliest=earliest,
        latest=latest,
        sources=(draw(st.sampled_from(["a", "b"])),),
    )


def _sentence_of(form: Form | RelativeForm) -> st.SearchStrategy[str]:
    return embedded(form.text, lead=getattr(form, "lead", "")).map(lambda e: e.text)


#: a sentence (between neutral ones) holding one absolute / one anchor-relative phrase
absolute_sentences = absolute_forms().flatmap(_sentence_of)
relative_sentences = relative_forms().flatmap(_sentence_of)


# --- datetimes anywhere in the calendar, in any kind of zone (for timeline.values.dates) --------

#: zones pendulum gives anchors: UTC, fixed offsets on both sides (some not whole hours),
#: and named zones with daylight saving time (Lord Howe moves by half an hour)
calendar_zones = st.sampled_from(
    [
        pendulum.UTC,
        pendulum.FixedTimezone(0),
        pendulum.FixedTimezone(5 * 3600 + 1800),
        pendulum.FixedTimezone(-8 * 3600),
        pendulum.FixedTimezone(14 * 3600),
        pendulum.FixedTimezone(-12 * 3600 - 45 * 60),
        pendulum.timezone("Europe/London"),
        pendulum.timezone("America/New_York"),
        pendulum.timezone("Australia/Lord_Howe"),
        pendulum.timezone("America/Sao_Paulo"),
        pendulum.timezone("Etc/GMT+5"),
    ]
)
#: wall times from the first to the last microsecond of the calendar
calendar_wall_times = st.datetimes(min_value=_dt.datetime(1, 1, 1), max_value=_dt.datetime(9999, 12, 31, 23, 59, 59, 999999))


@st.composite
def calendar_datetimes(draw: st.DrawFn) -> pendulum.DateTime:
    """An aware DateTime anywhere in years 1..9999, with either fold: as pendulum builds it,
    or straight from the constructor."""
    w = draw(calendar_wall_times)
    tz = draw(calendar_zones)
    fields = (w.year, w.month, w.day, w.hour, w.minute, w.second, w.microsecond)
    if draw(st.booleans()):
        try:
            return pendulum.datetime(*fields, tz=tz)
        except (OverflowError, ValueError):
            pass
    return pendulum.DateTime(*fields, tzinfo=tz, fold=draw(st.sampled_from([0, 1])))


# --- TIMEX3 value objects ----------------------------------------------------------------


def _field(digits: int, low: int, high: int) -> st.SearchStrategy[str]:
    """A zero-padded number of ``digits`` digits in [low, high], or as many ``X``."""
    return st.integers(low, high).map(lambda n: f"{n:0{digits}d}") | st.just("X" * digits)


@st.composite
def timex_objects(draw: st.DrawFn) -> TimexValue:
    """A DATE or TIME value built field by field (``timex3.TimexValue``), of any shape the
    grammar allows: a year of 2-4 digits (BC or not), then a month (and day), a week (and
    weekday or weekend), a quarter, a half or a season, then a clock time (with a zone) or a
    part of day."""
    width = draw(st.sampled_from([4, 4, 3, 2]))
    year = draw(_field(width, 0 if width < 4 else 1, 10**width - 1)
                | st.text(st.sampled_from("0123456789X"), min_size=width, max_size=width))
    fields: dict[str, object] = {"year": year, "bc": draw(st.booleans())}
    below = draw(st.sampled_from(["", "month", "day", "week", "weekday", "quarter", "half", "season"]))
    if below in ("month", "day"):
        fields["month"] = draw(_field(2, 1, 12))
        if below == "day":
            fields["day"] = draw(_field(2, 1, 31))
    elif below in ("week", "weekday"):
        fields["week"] = draw(_field(2, 1, 53) | _field(1, 1, 9))
        if below == "weekday":
            fields["weekday"] = draw(st.sampled_from(["1", "2", "3", "4", "5", "6", "7", "X", "WE"]))
    elif below == "quarter":
        fields["quarter"] = draw(st.sampled_from(["1", "2", "3", "4", "X"]))
    elif below == "half":
        fields["half"] = draw(st.sampled_from(["1", "2", "X"]))
    elif below == "season":
        fields["season"] = draw(st.sampled_from(SEASONS))
    time = draw(st.sampled_from(["", "hour", "minute", "second", "part"]))
    if time == "part":
        fields["part"] = draw(st.sampled_from(PARTS_OF_DAY))
    elif time:
        fields["hour"] = draw(_field(2, 0, 24))
        if time in ("minute", "second"):
            fields["minute"] = draw(_field(2, 0, 59))
            if time == "second":
                fields["second"] = draw(st.integers(0, 59).map(lambda n: f"{n:02d}")
                                        | st.tuples(st.integers(0, 59), st.integers(0, 999)).map(lambda p: f"{p[0]:02d}.{p[1]}"))
        fields["tz"] = draw(st.sampled_from([None, "Z", "+09:00", "-05:00", "+0530", "+09"]))
    return TimexValue(kind="time" if time else "date", **fields)  # type: ignore[arg-type]


@st.composite
def duration_objects(draw: st.DrawFn) -> Duration:
    """A duration built from parts: amounts (None for ``X``) of date units, then time units."""
    amount = st.none() | st.integers(0, 10**6).map(float) | st.sampled_from([0.5, 1.5, 2.25, 5.3])
    date = draw(st.lists(st.tuples(amount, st.sampled_from(["Y", "M", "W", "D", "Q", "DE", "CE", "ML", "E", "C", "L"])), max_size=3))
    time = draw(st.lists(st.tuples(amount, st.sampled_from(["H", "M", "S"])), min_size=0 if date else 1, max_size=3))
    return Duration(tuple(date), tuple(time))


@st.composite
def near_texts(draw: st.DrawFn) -> list[str]:
    """Distinct normalized texts from a few words, many of them truncated copies or
    word-for-word near copies of each other (as de-duplication compares them)."""
    words = st.sampled_from(["the", "talks", "ministers", "met", "in", "tokyo", "on", "sunday", "and", "signed", "a", "pact"])
    base = draw(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=8))
    texts = [" ".join(w) for w in base]
    for w in base:  # truncated copies and copies with a word changed, dropped or added
        cut = draw(st.integers(1, len(w)))
        texts.append(" ".join(w[:cut]))
        i = draw(st.integers(0, len(w) - 1))
        texts.append(" ".join(w[:i] + [draw(words)] + w[i + 1 :]))
        texts.append(" ".join(w[:i] + w[i + 1 :]) or "talks")
        texts.append(" ".join(w + [draw(words)]))
    return sorted(set(texts), key=texts.index)
