"""Hypothesis strategies shared by the tests. Add yours here; keep each one small and named
for what it draws."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import strategies as st

from timeline.bounds import ANCHOR_MOD_RULES, MOD_RULES, PART_OF_DAY_HOURS, SEASON_MONTHS
from timeline.model import RELATIONS, TIMEX_TYPES, Event, Expression

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
