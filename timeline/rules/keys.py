"""Which words a rule cannot match without: the keys that let the extractor run a rule
only near those words.

A key is ``#`` for a digit, else the first three letters (lowercased) of a word: every
match of a rule contains a token with one of the rule's keys. The keys are read off the
compiled pattern (``re._parser``), so they follow the rule and its word classes exactly.
One assumption: an optional part before a required word ends a word ("mid-March",
"mid March"), so the required word starts a token of its own.

>>> import re
>>> sorted(pattern_keys(re.compile(r"(?:early )?(?:June|March) \\d+").pattern, 0))
['jun', 'mar']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["DIGIT", "token_key", "pattern_keys"]

DIGIT = "#"
#: keys of very common words: a rule keyed by one of them would run almost everywhere
COMMON = frozenset({"the", "a", "an", "for", "thi", "s", "of", "in", "on", "and", "to", "at", "by", "is", "it"})
#: a cheaper key set is one of rarer (longer) keys
_WEIGHT = {1: 50, 2: 10, 3: 1}

Keys = frozenset[str]
Item = tuple[Any, Any]


def token_key(word: str) -> str:
    """The key of a token: ``#`` for digits, else its first three letters, lowercased."""
    return DIGIT if word[:1].isdigit() else word[:3].lower()


def _score(keys: Keys) -> int:
    return sum(100 if k == DIGIT or k in COMMON else _WEIGHT[len(k)] for k in keys)


def _is_digitish(op: Any, av: Any) -> bool:
    if op is C.LITERAL:
        return chr(av).isdigit()
    if op is C.IN:
        if any(o is C.NEGATE for o, _ in av):
            return False
        for o, a in av:
            if o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                continue
            if o is C.RANGE and all(chr(c).isdigit() for c in range(a[0], a[1] + 1)):
                continue
            if o is C.LITERAL and chr(a).isdigit():
                continue
            return False
        return True
    return False


def _no_letters(op: Any, av: Any) -> bool:
    """A single-character item that never matches a letter."""
    if op is C.LITERAL:
        return not chr(av).isalpha()
    if op is C.IN:
        for o, a in av:
            if o is C.NEGATE:
                return False
            if o is C.CATEGORY and a not in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                return False
            if o is C.RANGE and any(chr(c).isalpha() for c in range(a[0], a[1] + 1)):
                return False
            if o is C.LITERAL and chr(a).isalpha():
                return False
        return True
    return False


def _is_letter(item: Item) -> bool:
    return item[0] is C.LITERAL and chr(item[1]).isalpha()


def _need(seq: Sequence[Item], at_start: bool) -> Keys | None:
    """Keys one of which every match of ``seq`` contains (None: unknown). ``at_start``:
    ``seq`` begins at the start of a letter run."""
    best: Keys | None = None

    def consider(keys: Keys | None) -> None:
        nonlocal best
        if keys is not None and (best is None or _score(keys) < _score(best)):
            best = keys

    items = list(seq)
    i = 0
    while i < len(items):
        op, av = items[i]
        if _is_letter(items[i]):
            j = i
            while j < len(items) and _is_letter(items[j]):
                j += 1
            if at_start:
                consider(frozenset({token_key("".join(chr(items[k][1]) for k in range(i, j)))}))
            i, at_start = j, False
            continue
        if _is_digitish(op, av):
            consider(frozenset({DIGIT}))
            at_start = True
        elif op is C.SUBPATTERN:
            consider(_need(av[3].data, at_start))
            at_start = _after([(op, av)], at_start)
        elif op is C.BRANCH:
            alternatives = [_need(a.data, at_start) for a in av[1]]
            if alternatives and all(a is not None for a in alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
            at_start = _after([(op, av)], at_start)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                consider(_need(av[2].data, at_start))
            at_start = _after([(op, av)], at_start)
        else:
            at_start = _after([(op, av)], at_start)
        i += 1
    return best


def _after(seq: Sequence[Item], at_start: bool) -> bool:
    """Whether the text right after a match of ``seq`` starts a letter run."""
    for op, av in seq:
        if op in (C.LITERAL, C.IN):
            at_start = _no_letters(op, av)
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            pass  # zero width
        elif op is C.SUBPATTERN:
            at_start = _after(av[3].data, at_start)
        elif op is C.BRANCH:
            at_start = all(_after(a.data, at_start) for a in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            taken = _after(av[2].data, at_start)
            if av[0] >= 1:
                at_start = taken
            # an optional part, when taken, is assumed to end a word ("mid-", "early ")
        else:
            at_start = False
    return at_start


@cache
def pattern_keys(pattern: str, flags: int) -> Keys | None:
    """The keys one of which every match of the pattern holds (None: run it everywhere)."""
    return _need(sre_parse.parse(pattern, flags).data, True)
