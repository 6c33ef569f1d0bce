"""Where an event's text begins and ends inside its sentence, and which word triggers it.

A sentence with several dated expressions is cut between each two at the strongest clause
boundary that leaves a verb on both sides and lies outside any quotation; the trigger is
the verb of what happened near the expression.

>>> t = "Earlier Sunday, the ministers met in Tokyo and signed a pact in June."
>>> [t[s:e] for s, e in segments(t, 0, len(t), [(0, 14), (64, 68)])]
['Earlier Sunday, the ministers met in Tokyo', 'and signed a pact in June.']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from ..model import Expression
from .words import lexicon, phrase, tokens, verb_tier, verbs, word_sets

__all__ = ["segments", "quotations", "trigger", "TRIGGER_REACH"]

#: how far from its expression (in characters) a trigger word is looked for
TRIGGER_REACH = 300


@functools.cache
def _boundary_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """(strength, pattern) of the places a sentence can be cut, strongest first."""
    clauses = lexicon()["clauses"]
    conj = phrase(clauses["conjunctions"])
    return (
        (3, re.compile("|".join(re.escape(m) for m in clauses["strong"]))),
        (2, re.compile(rf",\s+(?={conj}\b)", re.I)),
        (1, re.compile(rf"\s+(?=(?:{conj})\s)", re.I)),
        (0, re.compile(r",\s+")),
    )


@functools.cache
def _quote_pattern() -> re.Pattern[str]:
    return re.compile(phrase(lexicon()["clauses"]["quotes"]))


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches of ``text[start:end]``: quotation marks paired in order (writers
    mix the kinds, so any mark opens or closes). With an odd count, the sentence begins
    inside a quotation when its first mark is not at its start, else ends inside one.

    >>> t = '“We are ready,“ she said. ”Now is the time when we act.”'
    >>> [t[s:e] for s, e in quotations(t, 0, len(t))]
    ['“We are ready,“', '”Now is the time when we act.”']
    """
    marks = [(m.start(), m.end()) for m in _quote_pattern().finditer(text, start, end)]
    out = []
    if len(marks) % 2 and marks and marks[0][0] > start:
        out.append((start, marks[0][1]))
        marks = marks[1:]
    for (a, _), (_, b) in zip(marks[::2], marks[1::2]):
        out.append((a, b))
    if len(marks) % 2:
        out.append((marks[-1][0], end))
    return out


def _inside(pos: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """True when ``pos`` lies strictly inside one of ``quoted`` (sorted, not overlapping)."""
    i = bisect.bisect_left(quoted, (pos, pos)) - 1
    return i >= 0 and quoted[i][0] < pos < quoted[i][1]


def _any_in(positions: Sequence[int], lo: int, hi: int) -> bool:
    """True when one of the sorted ``positions`` lies in ``[lo, hi)``."""
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _cut(
    text: str, start: int, lo: int, hi: int, end: int, quoted: Sequence[tuple[int, int]], verb_at: Sequence[int]
) -> tuple[int, int] | None:
    """The best cut between ``lo`` and ``hi`` for a segment opening at ``start`` in a
    sentence ending at ``end``: (end of the first part, start of the next). The strongest
    boundary wins, the last of its strength, among those outside quotations that leave a
    verb (one of the sorted offsets ``verb_at``) on each side."""
    found: list[tuple[int, int, int, int]] = []  # (strength, position, cut_end, next_start)
    for strength, pattern in _boundary_patterns():
        for m in pattern.finditer(text, lo, hi):
            found.append((strength, m.start(), m.start(), m.end()))
    for _, _, cut, nxt in sorted(found, reverse=True):
        if _inside(cut, quoted) or _inside(nxt, quoted):
            continue
        if _any_in(verb_at, start, cut) and _any_in(verb_at, nxt, end):
            return cut, nxt
    return None


def segments(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each expression span of the sentence ``text[start:end]`` (in text order), the
    ``[s, e)`` of its clause; expressions with no usable boundary between them share one.
    The sentence is read once for its verbs and quotations: the cost stays linear."""
    out: list[tuple[int, int]] = []
    if len(spans) < 2:
        return [(start, end)] * len(spans)
    quoted = quotations(text, start, end)
    verb_at = [pos for _, _, pos in verbs(tokens(text, start, end))]
    group, seg = 1, start
    for (_, x_end), (y_start, _) in zip(spans, spans[1:]):
        cut = _cut(text, seg, x_end, y_start, end, quoted, verb_at) if x_end < y_start else None
        if cut is None:
            group += 1
            continue
        out += [(seg, cut[0])] * group
        group, seg = 1, cut[1]
    out += [(seg, end)] * group
    return out


def trigger(text: str, seg: tuple[int, int], expr: Expression) -> tuple[str, int, bool] | None:
    """The trigger word, its offset, and whether the expression modifies it directly
    ("an April agreement").

    An event noun right after the expression; else the nearest verb, content verbs before
    reporting verbs before be/have/will; else the nearest event noun.
    """
    # only the words within TRIGGER_REACH of the expression: the trigger is a near word,
    # and a long segment must not make every expression read all of it
    s, e = max(seg[0], expr.start - TRIGGER_REACH), min(seg[1], expr.end + TRIGGER_REACH)
    toks = tokens(text, s, e)
    sets = word_sets()
    nouns, dets, bridges = sets["nouns"], sets["determiners"], sets["bridges"]
    x_start, x_end = expr.start, expr.end
    first_after = bisect.bisect_left(toks, x_end, key=lambda t: t[1])
    after = toks[first_after : first_after + 3]
    for i, (word, pos) in enumerate(after):
        w = word.lower()
        if w in nouns:
            return word, pos, True
        prev = toks[first_after + i - 1][0] if first_after + i > 0 else ""
        if not word[0].isalnum() or w in dets or verb_tier(word, prev) is not None:
            break
        if w in bridges:
            break
    verb = _nearest_verb(toks, x_start, x_end, first_after)
    if verb is not None:
        return verb[0], verb[1], False
    nearest = [
        (abs(pos - x_start), word, pos)
        for word, pos in toks
        if word.lower() in nouns and not x_start <= pos < x_end
    ]
    if nearest:
        _, word, pos = min(nearest)
        return word, pos, False
    return None


def _nearest_verb(toks: Sequence[tuple[str, int]], x_start: int, x_end: int, first_after: int) -> tuple[str, int] | None:
    """The verb of ``toks`` outside the expression ``[x_start, x_end)`` with the least
    (tier, distance), the earlier one at equal; ``first_after`` is the first token at or
    after ``x_end``. The words are read outward from the expression, nearest first, so the
    reading stops at the first content verb."""
    i = bisect.bisect_left(toks, x_start, key=lambda t: t[1]) - 1  # the last token before
    j, n = first_after, len(toks)
    best: tuple[int, int, str, int] | None = None  # (tier, distance, word, offset)
    while i >= 0 or j < n:
        # the nearer of the next words on each side; the one before at equal distance
        if j >= n or (i >= 0 and x_start - toks[i][1] <= toks[j][1] - x_end):
            k, distance = i, x_start - toks[i][1]
            i -= 1
        else:
            k, distance = j, toks[j][1] - x_end
            j += 1
        word, pos = toks[k]
        tier = verb_tier(word, toks[k - 1][0] if k > 0 else "", toks[k - 2][0] if k > 1 else "")
        if tier == 0:
            return word, pos
        if tier is not None and (best is None or (tier, distance) < best[:2]):
            best = (tier, distance, word, pos)
    return None if best is None else (best[2], best[3])
