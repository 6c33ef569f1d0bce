"""The tagger: text + anchor -> expressions (text order), as the sequence it is:
extract (candidates) -> rank (choose) -> interpret (meanings; a range gives one per end)
-> direction (the sentence's tense) -> discourse (reference time) -> resolve.
"""

from __future__ import annotations

import functools
import re

import attrs
import pendulum

from .extract import candidates
from .extract import Candidate
from .meaning import Meaning, complete_range, has_day, interpret
from ..model import Expression
from ..values.timex3 import granularity
from .rank import choose
from .discourse import Discourse
from .resolve import Context, resolve
from ..rules import SPLIT_OPS, RuleSet, ruleset
from .tense import cue, sentence_bounds

__all__ = ["tag", "rules_for"]


def _needs_direction(m: Meaning) -> bool:
    """Only dates without a year and without last/next take their direction from the tense,
    and "the weekend", "overnight" (the one just past, or with a future cue the coming one)
    and a midnight with no day (the one that began the day, or the one that ends it)."""
    if (m.recent and m.unit == "WE") or m.overnight or m.in_future:
        return True
    if m.hour == 24 and not has_day(m):
        return True
    if m.type in ("DURATION", "SET") or m.ref or m.shift is not None or m.offset_sign is not None:
        return False
    if m.year is not None or m.year2 is not None or m.decade or m.century:
        return False
    return any(x is not None for x in (m.weekday, m.month, m.season, m.holiday, m.quarter, m.half, m.day))


#: a tense cue at most this many characters before the expression governs it ("The plant
#: shut in October", "was announced on Monday"): the resolver follows it however far that is
GOVERNING_CUE = 4


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
    if c.rule.op not in SPLIT_OPS or c.spans is None or "range_start" not in c.spans or "range_end" not in c.spans:
        return [(c.start, c.end, interpret(c.rule.type, c.rule.fixed, c.groups, lex, c.rule.op), None)]
    ends = c.spans["range_start"], c.spans["range_end"]
    if any(e[0] >= e[1] for e in ends):  # an end matched nothing: read the match as a whole
        return [(c.start, c.end, interpret(c.rule.type, c.rule.fixed, c.groups, lex, "point"), None)]
    shared = {k: c.groups[k] for k, sp in c.spans.items() if not any(_within(sp, e) for e in ends)}
    shared.pop("range_start", None), shared.pop("range_end", None)
    parts = [
        interpret(c.rule.type, c.rule.fixed, {**shared, **{k: c.groups[k] for k, sp in c.spans.items() if _within(sp, e) and k not in ("range_start", "range_end")}}, lex, c.rule.op)
        for e in ends
    ]
    first, last = complete_range(parts[0], parts[1])
    if c.rule.op != "between":  # a list: two expressions, not one range
        return [(ends[0][0], ends[0][1], first, None), (ends[1][0], ends[1][1], last, None)]
    return [(ends[0][0], ends[0][1], first, "start"), (ends[1][0], ends[1][1], last, "end")]


def _after_start(m: Meaning, ctx: Context, first: Expression) -> tuple[Meaning, Context]:
    """The end of a range that names no year is the first such time after its start
    ("Monday to Friday", "from November to February"), counted from the start's value."""
    if first.earliest is None or m.year is not None or m.year2 is not None or m.ref or m.type not in ("DATE", "TIME"):
        return m, ctx
    start = pendulum.instance(first.earliest)
    return attrs.evolve(m, anaphoric=True, direction=1), attrs.evolve(
        ctx, reference=start, reference_unit=granularity(first.value), direction=1
    )


def tag(text: str, anchor: pendulum.DateTime, domain: str = "news") -> tuple[Expression, ...]:
    """Every temporal expression of ``text``, resolved against ``anchor``: extract, rank,
    interpret, direction, then resolve in the discourse's context."""
    rules = rules_for(domain)
    discourse = Discourse(text, anchor, domain)
    out: list[Expression] = []
    opened: tuple[Candidate, int] | None = None  # the candidate and index of a range's start end
    for c, (start, end, m, role) in ((c, r) for c in choose(candidates(text, rules)) for r in _readings(c, rules)):
        d, tense, governs = m.direction, None, False
        if d is None and _needs_direction(m):
            found = cue(text, c.start, c.end)
            d = tense = None if found is None else found[0]
            governs = found is not None and found[1] <= GOVERNING_CUE
            if m.in_future and d == 1 and _looks_back(text, c.start, rules):
                d = None
        ctx = discourse.context_for(m, start, end, d, tense, governs)
        if role == "end" and opened is not None and opened[0] is c:
            m, ctx = _after_start(m, ctx, out[opened[1]])
        r = resolve(m, ctx)
        discourse.update(m, r, start, end, tense)
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
    return tuple(out)
