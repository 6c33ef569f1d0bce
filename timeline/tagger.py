"""The tagger: text + anchor -> expressions (text order), through extract, rank, interpret,
direction and resolve. Keeps the reference time (the time the text is talking about) as
it reads: anaphoric phrases ("two days later", "that day") and, in narratives, partial
dates ("In November") are resolved against it.
"""

from __future__ import annotations

import functools
import re

import attrs
import pendulum

from .extract import candidates
from .extract import Candidate
from .meaning import Meaning, complete_range, interpret
from .model import Expression
from .rank import choose
from .resolve import COARSENESS, Context, resolve, unit_of
from .rules import RuleSet, ruleset
from .tense import direction, sentence_bounds

__all__ = ["tag", "rules_for"]


def _needs_direction(m: Meaning) -> bool:
    """Only dates without a year and without last/next take their direction from the tense,
    and "the weekend" and "overnight" (the one just past, or with a future cue the coming one)."""
    if (m.recent and m.unit == "WE") or m.overnight or m.in_future:
        return True
    if m.type in ("DURATION", "SET") or m.ref or m.shift is not None or m.offset_sign is not None:
        return False
    if m.year is not None or m.year2 is not None or m.decade or m.century:
        return False
    return any(x is not None for x in (m.weekday, m.month, m.season, m.holiday, m.quarter, m.half, m.day))


#: characters after the expression that set the reference time within which a bare clock
#: time ("at 10:35 a.m.") falls on that day rather than on the anchor's
REFERENCE_NEAR = 300

#: a duration of some months other than a quarter: "the nine months", "the six months"
_MONTHS_PERIOD = re.compile(r"P(?:[12456789]|1[01])M")

_OPENING = re.compile(r"(?i:(?:in|by|during|since|until|through|from|on|at|for|after|before)\s+)?$")


def _opens_sentence(text: str, start: int, end: int) -> bool:
    """"In 1998, ...": a date that opens its sentence sets the time the sentence is about."""
    s, _ = sentence_bounds(text, start, end)
    return bool(_OPENING.fullmatch(text, s, start)) or not text[s:start].strip()


def _sets_reference(m: Meaning, value: str, domain: str) -> bool:
    """Dates the text talks about become the reference time; in news, comparisons
    ("a year ago", "the year-earlier quarter") and vague references do not."""
    if m.type not in ("DATE", "TIME") or value.endswith("_REF") or "X" in value:
        return False  # nor does a time only partly known ("2014-XX")
    return domain == "narrative" or (m.offset_sign is None and not m.anaphoric)


@functools.cache
def _superlative(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"\b{alternation}\b(?:\s+[\w'-]+){{0,2}}\s+in\s+$")


def _looks_back(text: str, start: int, rules: RuleSet) -> bool:
    """"its first profit in five years": a superlative at most two words before "in"."""
    s = max(sentence_bounds(text, start, start)[0], start - 80)
    return bool(_superlative(rules.lexicon["superlative"].alternation()).search(text, s, start))


def rules_for(domain: str) -> RuleSet:
    """The compiled rules a domain uses (names in any case for colloquial text)."""
    return ruleset("en", any_case=domain == "colloquial")


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _readings(c: Candidate, rules: RuleSet) -> list[tuple[int, int, Meaning, str | None]]:
    """What a candidate says, as (start, end, meaning, range role): one reading, or for a
    range (``op = "between"``) one per end, each with the groups inside it and those
    outside both ends ("the ... season"), completed from the other end."""
    lex = rules.lexicon
    if c.rule.op != "between" or c.spans is None or "range_start" not in c.spans or "range_end" not in c.spans:
        return [(c.start, c.end, interpret(c.rule.type, c.rule.fixed, c.groups, lex, c.rule.op), None)]
    ends = c.spans["range_start"], c.spans["range_end"]
    shared = {k: c.groups[k] for k, sp in c.spans.items() if not any(_within(sp, e) for e in ends)}
    shared.pop("range_start", None), shared.pop("range_end", None)
    parts = [
        interpret(c.rule.type, c.rule.fixed, {**shared, **{k: c.groups[k] for k, sp in c.spans.items() if _within(sp, e) and k not in ("range_start", "range_end")}}, lex, c.rule.op)
        for e in ends
    ]
    first, last = complete_range(parts[0], parts[1])
    return [(ends[0][0], ends[0][1], first, "start"), (ends[1][0], ends[1][1], last, "end")]


def tag(text: str, anchor: pendulum.DateTime, domain: str = "news") -> tuple[Expression, ...]:
    """Every temporal expression of ``text``, resolved against ``anchor``."""
    rules = rules_for(domain)
    reference, reference_unit = anchor, "D"
    last_quarter: pendulum.DateTime | None = None
    explicit_at = -1  # where the last expression that named its year started
    period_at = -1  # where the last period of months other than a quarter started
    reference_at = -1  # where the expression that set the reference started
    out: list[Expression] = []
    opened: tuple[Candidate, int] | None = None  # the candidate and index of a range's start end
    for c, (start, end, m, role) in ((c, r) for c in choose(candidates(text, rules)) for r in _readings(c, rules)):
        d = m.direction
        tense, read = None, False  # the sentence's cue, read at most once per expression
        if d is None and _needs_direction(m):
            d = tense = direction(text, c.start, c.end)
            read = True
            if m.in_future and d == 1 and _looks_back(text, c.start, rules):
                d = None
        near = 0 <= reference_at and c.start - reference_at <= REFERENCE_NEAR
        if near and (m.hour is not None or m.overnight) and m.day_offset is None and m.weekday is None and m.month is None:
            # a bare clock time falls on the day just named only if its tense does not point
            # away from that day ("The deadline is Feb. 8. The game tipped off at 8:30 p.m.")
            if not read:
                tense = direction(text, c.start, c.end)
            cue = tense or 0
            near = not ((cue < 0 and reference > anchor) or (cue > 0 and reference < anchor.start_of("day")))
        sentence_start = sentence_bounds(text, c.start, c.end)[0] if explicit_at >= 0 or period_at >= 0 else 0
        same_sentence = 0 <= explicit_at and sentence_start <= explicit_at
        ctx = Context(
            anchor,
            reference,
            reference_unit,
            last_quarter=last_quarter,
            direction=d,
            domain=domain,
            reference_in_sentence=same_sentence and reference_unit in ("Y", "M", "D"),
            period_in_sentence=0 <= period_at and sentence_start <= period_at,
            reference_near=near,
        )
        r = resolve(m, ctx)
        if r is None:
            continue
        if role == "end" and opened is not None and opened[0] is c:  # both ends resolved: link them
            i = opened[1]
            out[i] = attrs.evolve(out[i], range_role="start", range_other=start)
            link: dict[str, object] = {"range_role": "end", "range_other": out[i].start}
        else:
            link = {}
        opened = (c, len(out)) if role == "start" else None
        out.append(
            Expression(
                text=text[start:end],
                start=start,
                end=end,
                type=r.type,
                value=r.value,
                mod=r.mod,
                earliest=r.earliest,
                latest=r.latest,
                rule=c.rule.name,
                quant=r.quant,
                freq=r.freq,
                **link,  # type: ignore[arg-type]
            )
        )
        if _MONTHS_PERIOD.fullmatch(r.value):
            period_at = start
        refines = not (  # "March 1990 ... Later that year": that year holds March, which stays
            m.anaphoric
            and r.earliest is not None
            and r.latest is not None
            and r.earliest <= reference < r.latest
            and COARSENESS.get(unit_of(r.value), 3) > COARSENESS.get(reference_unit, 3)
        )
        if _sets_reference(m, r.value, domain) and r.earliest is not None and refines:
            reference, reference_unit = pendulum.instance(r.earliest), unit_of(r.value)
            reference_at = start
            if reference_unit == "Q" and reference <= anchor:
                last_quarter = reference  # a quarter reported on has begun; a forecast's has not
            if r.explicit and _opens_sentence(text, c.start, c.end):
                explicit_at = start
    return tuple(out)
