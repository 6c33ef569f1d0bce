"""How an event stands to the time that dates it: the cue before the expression gives the
relation (ON, BEFORE, AFTER, SINCE, UNTIL), a negation before the cue turns it, and the
relation turns the expression's range into the event's range.

>>> relation_of("Fares will rise from "), relation_of("A decision is not expected before ")
('SINCE', 'SINCE')
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from ..values.bounds import Range, value_range
from ..model import RELATIONS, Expression
from .words import lexicon, negation_reach, phrase, tokens

__all__ = ["relation_of", "event_range", "expression_range", "cut_of"]

#: how much of the text before an expression the cue is looked for in
CUE_REACH = 80


@functools.cache
def _relation_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(relation, pattern) for each relation: first a cue right before the expression, then
    a bridged cue before a short noun phrase ("after the vote on "). Each names its cue."""
    rel = lexicon()["relations"]
    det = phrase(rel["determiners"])
    bridge = phrase(rel["bridges"])
    bridged = frozenset(rel["bridged"])
    out = []
    for name in RELATIONS[1:]:
        cue = phrase(rel[name])
        out.append((name, re.compile(rf"(?:^|[^\w-])(?P<cue>{cue})\s+(?:(?:{det})\s+){{0,2}}$", re.I)))
    for name in RELATIONS[1:]:
        words = [w for w in rel[name] if w in bridged]
        if not words:
            continue
        cue = phrase(words)
        out.append(
            (name, re.compile(rf"(?:^|[^\w-])(?P<cue>{cue})\s+(?:[\w’'-]+\s+){{1,3}}(?:{bridge})\s+$", re.I))
        )
    return tuple(out)


@functools.cache
def _any_cue() -> re.Pattern[str]:
    """A cue word of any relation, as every relation pattern opens: text without one has
    no relation to find."""
    rel = lexicon()["relations"]
    cues = phrase(w for name in RELATIONS[1:] for w in rel[name])
    return re.compile(rf"(?:^|[^\w-])(?:{cues})\s", re.I)


@functools.cache
def _negated() -> dict[str, str]:
    """cue -> relation when a negation stands before it."""
    neg = lexicon()["negated"]
    return {w: name for name in RELATIONS for w in neg[name]}


#: marks that end the stretch a negation or comparison is looked for in
_CLAUSE_MARKS = frozenset(",;:.!?()[]—–\"“”„«»")


def _last_words(before: str, n: int) -> list[str]:
    """The last ``n`` tokens of ``before`` within its clause (a comma or other mark stops)."""
    words: list[str] = []
    for w, _ in reversed(tokens(before, max(0, len(before) - 60), len(before))):
        if w in _CLAUSE_MARKS:
            break
        words.append(w.lower())
        if len(words) == n:
            break
    return words


def _is_negated(before: str) -> bool:
    neg = lexicon()["negated"]
    words = _last_words(before, negation_reach())
    joined = " ".join(reversed(words))
    return any(w in neg["negations"] or w.endswith(neg["negation_suffixes"]) for w in words) or any(
        " " in n and joined.endswith(n) for n in neg["negations"]
    )


def _compares(before: str) -> bool:
    """True when a figure or comparison word stands right before the cue ("up 3 percent from")."""
    comparison = lexicon()["relations"]["comparison_words"]
    return any(any(c.isdigit() for c in w) or w in comparison for w in _last_words(before, 2))


def relation_of(before: str, past: bool = False) -> str:
    """The relation the text right before an expression gives it; ON without a cue.

    A negation up to a few words before the cue turns it (lexicon ``event_negated``);
    "from" after a figure compares and gives ON; "as of" gives ON when ``past`` (the
    expression's time is over by the anchor), SINCE otherwise.

    >>> relation_of("talks resumed since "), relation_of("after the vote on "), relation_of("met on ")
    ('SINCE', 'AFTER', 'ON')
    >>> relation_of("won't decide before "), relation_of("profit was down 5 percent from ")
    ('SINCE', 'ON')
    >>> relation_of("As of ", past=True), relation_of("As of ")
    ('ON', 'SINCE')
    """
    tail = before[-CUE_REACH:]
    if not _any_cue().search(tail):
        return "ON"
    rel = lexicon()["relations"]
    for name, pattern in _relation_patterns():
        m = pattern.search(tail)
        if m is None:
            continue
        cue = " ".join(m.group("cue").lower().split())
        head = tail[: m.start("cue")]
        if (cue in rel["comparative"] and _compares(head)) or (past and cue in rel["past_on"]):
            return "ON"
        if _is_negated(head):
            return _negated().get(cue, name)
        return name
    return "ON"


def event_range(relation: str, rng: Range) -> Range:
    """The event's range from its expression's range and relation (None: unbounded).

    ON keeps the range; BEFORE ends where the time starts; AFTER starts where it ends;
    SINCE starts where it starts; UNTIL ends where it ends.

    >>> import pendulum
    >>> r = (pendulum.datetime(2019, 1, 1), pendulum.datetime(2020, 1, 1))
    >>> [None if x is None else x.year for x in event_range("SINCE", r)]
    [2019, None]
    """
    if relation not in RELATIONS:
        raise ValueError(f"relation must be one of {', '.join(RELATIONS)}, got {relation!r}")
    s, e = rng
    if s is None and e is None:
        return None, None
    if relation == "ON":
        return s, e
    if relation == "BEFORE":
        return None, s if s is not None else e
    if relation == "AFTER":
        return (e if e is not None else s), None
    if relation == "SINCE":
        return (s if s is not None else e), None
    return None, e if e is not None else s


def cut_of(expr: Expression) -> str | None:
    """EARLIER or LATER when the expression's first word keeps only part of its period."""
    first = expr.text.split(maxsplit=1)[0].lower() if expr.text.strip() else ""
    for cut, words in lexicon()["cuts"].items():
        if first in words:
            return cut
    return None


def expression_range(expr: Expression, anchor: _dt.datetime) -> Range:
    """The expression's own range, or (when the tagger left it empty) computed from its
    value, mod and anchor; durations and sets give (None, None) unless anchored."""
    if expr.earliest is not None or expr.latest is not None:
        return expr.earliest, expr.latest
    if expr.type in ("DATE", "TIME"):
        return value_range(expr.value, expr.mod, anchor, cut=cut_of(expr))
    return None, None
