"""Which words a rule cannot match without: the keys that let the extractor run a rule
only near those words.

A key is ``#`` for a digit, else the first three letters (lowercased) of a word: every
match of a rule contains a token with one of the rule's keys. The keys are read off the
compiled pattern (``re._parser``), so they follow the rule and its word classes exactly.
One assumption: an optional part before a required word ends a word ("mid-March",
"mid March"), so the required word starts a token of its own.

``pattern_starts`` reads, the same way, the keys of the token a match can begin with (no
assumption there): the extractor tries a rule only where such a token, or one of a few
other characters it can begin with, starts. ``pattern_seconds`` reads which keys the next
token can have when a match reaches into it, so that a rule is not tried at "the" before
"company".

>>> import re
>>> sorted(pattern_keys(re.compile(r"(?:early )?(?:June|March) \\d+").pattern, 0))
['jun', 'mar']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["DIGIT", "DIGITS_MAX", "Seconds", "Starts", "token_key", "pattern_keys", "pattern_starts", "pattern_seconds", "pattern_digit_lengths"]

DIGIT = "#"
#: keys of very common words: a rule keyed by one of them would run almost everywhere
COMMON = frozenset({"the", "a", "an", "for", "thi", "s", "of", "in", "on", "and", "to", "at", "by", "is", "it"})
#: a cheaper key set is one of rarer (longer) keys
_WEIGHT = {1: 150, 2: 10, 3: 1}  # a one-letter key ("h" of "H1") runs at more words than a digit

Keys = frozenset[str]
Item = tuple[Any, Any]


def token_key(word: str) -> str:
    """The key of a token: ``#`` for digits, else its first three letters, lowercased."""
    return DIGIT if word[:1].isdigit() else word[:3].lower()


#: letters few English words begin with: a one-letter key of these ("q" of "Q3") is rare
_RARE_INITIALS = frozenset("qxzj")


def _score(keys: Keys) -> int:
    # a short key covers the common words it begins ("th" runs at every "the")
    return sum(_key_score(k) for k in keys)


def _key_score(k: str) -> int:
    if k == DIGIT or any(c.startswith(k) for c in COMMON):
        return 100
    return 5 if k in _RARE_INITIALS else _WEIGHT[len(k)]


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
                run = "".join(chr(items[k][1]) for k in range(i, j))
                consider(frozenset({token_key(run)}))
                if j - i < 3 and j < len(items):
                    # "may|march" is parsed as "ma" + (y|rch): the keys are "may" and "mar"
                    consider(_completed(run, items[j]))
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


def _completed(run: str, item: Item) -> Keys | None:
    """The keys of a short letter run completed by the branch after it (None: some branch
    starts with no letter, so the run may be a whole token)."""
    op, av = item
    if op is C.SUBPATTERN and len(av[3].data) == 1:
        op, av = av[3].data[0]
    if op is not C.BRANCH:
        return None
    keys: set[str] = set()
    for alternative in av[1]:
        lead = ""
        for it in alternative.data:
            if not _is_letter(it):
                break
            lead += chr(it[1])
        if not lead:
            return None
        keys.add(token_key(run + lead))
    return frozenset(keys)


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


@lru_cache(maxsize=1)  # the analyses of one rule run one after another; keep no more
def _parsed(pattern: str, flags: int) -> Any:
    """The parsed pattern (read, never changed, by the analyses below)."""
    return sre_parse.parse(pattern, flags)


@cache
def pattern_keys(pattern: str, flags: int) -> Keys | None:
    """The keys one of which every match of the pattern holds (None: run it everywhere)."""
    return _need(_parsed(pattern, flags).data, True)


# ---------------------------------------------------------------- where a match can begin

#: the keys one of which the token a match begins with has (a key of fewer than three
#: letters: the whole token), and the characters other than token characters it can begin
#: with
Starts = tuple[frozenset[str], str]

_OPEN, _EXACT = 0, 1  # more letters of the first token may follow / the key is known
_LETTER = re.compile(r"[^\W\d_]")  # the extractor's token classes
_DIGIT_CHAR = re.compile(r"\d")
_MAX_OUTCOMES = 400
Outcome = tuple[str, int]  # (the first token's key so far, or _MARK + a character; _OPEN or _EXACT)
_MARK = "\x00"  # before a character a match can begin with that starts no token
_SPACE = "\\s"  # stands for any whitespace character in ``_chars``


def _chars(op: Any, av: Any) -> set[str] | None:
    """The characters a one-character item matches ("0" for any digit, ``_SPACE`` for any
    whitespace), or None when they are many or unknown."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is not C.IN:
        return None
    out: set[str] = set()
    for o, a in av:
        if o is C.LITERAL:
            out.add(chr(a))
        elif o is C.RANGE and a[1] - a[0] <= 60:
            out.update(chr(c) for c in range(a[0], a[1] + 1))
        elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
            out.add("0")
        elif o is C.CATEGORY and a is C.CATEGORY_SPACE:
            out.add(_SPACE)
        else:
            return None
    return out


def _step(key: str, chars: Iterable[str]) -> set[Outcome] | None:
    """The outcomes of one more character after the letters ``key`` (None: unknown)."""
    out: set[Outcome] = set()
    for ch in chars:
        if ch == _SPACE or not (_DIGIT_CHAR.fullmatch(ch) or _LETTER.fullmatch(ch)):
            if key:
                out.add((key, _EXACT))  # the letters end
            elif ch != _SPACE and ch.lower() == ch.upper() == ch.casefold():
                out.add((_MARK + ch, _EXACT))  # a character without case that starts no token
            else:
                return None
        elif _DIGIT_CHAR.fullmatch(ch):
            out.add((key or DIGIT, _EXACT))  # a digit token, or the end of a letter one
        elif ch.isascii() and ch.isalpha():
            longer = key + ch.lower()
            out.add((longer, _OPEN if len(longer) < 3 else _EXACT))
        else:
            return None  # a letter other than a-z: case folding is not lowercasing
    return out


def _opened(keys: Iterable[str]) -> set[Outcome]:
    return {(k, _OPEN) for k in keys}


def _begin(seq: Sequence[Item], outcomes: set[Outcome]) -> set[Outcome] | None:
    """The outcomes after ``seq`` from those before it (None: unknown)."""
    for item in seq:
        still = {k for k, state in outcomes if state == _OPEN}
        if not still:
            break
        after = _begin_item(item, still)
        if after is None or len(after) > _MAX_OUTCOMES:
            return None
        outcomes = {o for o in outcomes if o[1] != _OPEN} | after
    return outcomes


def _begin_item(item: Item, still: set[str]) -> set[Outcome] | None:
    op, av = item
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return _opened(still)  # zero width
    if op is C.SUBPATTERN:
        return _begin(av[3].data, _opened(still))
    if op is C.ATOMIC_GROUP:
        return _begin(av.data, _opened(still))
    if op is C.BRANCH:
        out: set[Outcome] = set()
        for alternative in av[1]:
            after = _begin(alternative.data, _opened(still))
            if after is None:
                return None
            out |= after
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        current = _opened(still)
        out = set(current) if lo == 0 else set()
        # a first token's key is at most three letters: more repeats add nothing new
        for n in range(1, min(hi, lo + 4) + 1):
            going = {k for k, state in current if state == _OPEN}
            if not going:
                break
            after = _begin(sub.data, _opened(going))
            if after is None:
                return None
            out |= {o for o in after if o[1] != _OPEN}
            current = after
            if n >= lo:
                out |= after
        return out
    chars = _chars(op, av)
    if chars is None:
        return None
    out = set()
    for key in still:
        after = _step(key, chars)
        if after is None:
            return None
        out |= after
    return out


def _after_no_word(item: Item) -> bool:
    """Whether ``item`` is a look-behind that no word character may precede, as the one
    every rule opens with (``rules.compile_template``)."""
    op, av = item
    if op is not C.ASSERT_NOT or av[0] != -1 or len(av[1].data) != 1:
        return False
    inner_op, inner_av = av[1].data[0]
    return inner_op is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in inner_av


@cache
def pattern_starts(pattern: str, flags: int) -> Starts | None:
    r"""The keys of the token a match can begin with, and the other characters it can begin
    with; None when they are unknown (or the pattern does not open with the rules'
    word-start look-behind, or can match nothing). A match begins where no word character
    precedes it, so a letter or digit there starts a token.

    >>> p = re.compile(r"(?<![\w'\u2019-])(?:(?:early |an? )?(?:June|March) \d+|\$\d)", re.I)
    >>> keys, marks = pattern_starts(p.pattern, p.flags)
    >>> sorted(keys), marks
    (['a', 'an', 'ear', 'jun', 'mar'], '$')
    """
    if flags & re.ASCII:
        return None  # then the look-behind would not see every character of a token
    parsed = _parsed(pattern, flags)
    data = list(parsed.data)
    if not data or not _after_no_word(data[0]) or parsed.getwidth()[0] == 0:
        return None
    outcomes = _begin(data[1:], {("", _OPEN)})
    if outcomes is None or any(state == _OPEN or not k for k, state in outcomes):
        return None
    keys = frozenset(k for k, _ in outcomes if not k.startswith(_MARK))
    marks = "".join(sorted({k[1:] for k, _ in outcomes if k.startswith(_MARK)}))
    return keys, marks


# ---------------------------------------------------------------- the token after the first

#: for the keys of the token a match begins with, the keys the next token of the text can
#: have when the match reaches it (a key absent: any next token)
Seconds = dict[str, frozenset[str]]

# where a match is, read from its start: in its first token (its key open or known, or a
# digit token), between tokens, in the second token (its key open), or done (the second
# key known, any second key, or a match that begins with no token at all)
_K1, _T1, _T1D, _SEP, _K2, _DONE, _ANY, _NONE = range(8)
_TERMINAL = (_DONE, _ANY, _NONE)
_MAX_STATES = 4000
State = tuple[str, str, int]  # (first key, second key, where)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class _Unknown(Exception):
    """The first token's key depends on what the analysis cannot read."""


def _kind(ch: str) -> str | None:
    """"L" (a letter a-z, lowercase), "D" (a digit), "N" (a character that is in no
    token) or None (unknown: another letter, or a character with case)."""
    if ch == _SPACE:
        return "N"
    if _DIGIT_CHAR.fullmatch(ch):
        return "D"
    if _LETTER.fullmatch(ch):
        return "L" if ch.isascii() else None
    return "N" if ch.lower() == ch.upper() == ch.casefold() else None


def _move(state: State, kind: str, ch: str) -> State:
    """The state after one more character of ``kind`` (``ch`` lowercased for a letter)."""
    k1, k2, at = state
    if at in _TERMINAL:
        return state
    if kind == "L":
        if at == _K1:
            return (k1 + ch, "", _K1 if len(k1) < 2 else _T1)
        if at == _T1:
            return state
        if at in (_T1D, _SEP):
            return (k1, ch, _K2)
        return (k1, k2 + ch, _K2 if len(k2) < 2 else _DONE)  # _K2
    if kind == "D":
        if at == _K1 and not k1:
            return (DIGIT, "", _T1D)
        if at in (_K1, _T1, _SEP):
            return (k1, DIGIT, _DONE)
        if at == _T1D:
            return state
        return (k1, k2, _DONE)  # _K2: a digit ends the second token
    # a character in no token
    if at == _K1:
        return (k1, "", _SEP) if k1 else ("", "", _NONE)
    if at in (_T1, _T1D, _SEP):
        return (k1, "", _SEP)
    return (k1, k2, _DONE)  # _K2


def _unknown(states: set[State]) -> set[State]:
    """After an item the analysis cannot read: any second token."""
    if any(at == _K1 for _, _, at in states):
        raise _Unknown
    return {s if s[2] in _TERMINAL else (s[0], "", _ANY) for s in states}


def _token_end(item: Item) -> tuple[bool, bool] | None:
    """For a negative look-ahead of one character class: whether it ends a letter token,
    a digit token (None: not such a look-ahead)."""
    op, av = item
    if op is not C.ASSERT_NOT or av[0] != 1 or len(av[1].data) != 1:
        return None
    inner_op, inner_av = av[1].data[0]
    if inner_op is not C.IN or any(o is C.NEGATE for o, _ in inner_av):
        return None
    word = (C.CATEGORY, C.CATEGORY_WORD) in inner_av
    return word, word or (C.CATEGORY, C.CATEGORY_DIGIT) in inner_av


def _ended(states: set[State], letters: bool, digits: bool) -> set[State]:
    out = set()
    for k1, k2, at in states:
        if letters and at in (_K1, _T1) and k1:
            at = _SEP
        elif digits and at == _T1D:
            at = _SEP
        elif letters and at == _K2:
            at = _DONE
        out.add((k1, k2, at))
    return out


class _Walk:
    """A walk over a parsed pattern that carries a set of states from its start: groups,
    alternatives and repeats are walked alike for every analysis (the token after the
    first, the length of a first digit token); each says which states are final, and what
    a zero-width item and a one-character item do."""

    def final(self, state: Any) -> bool:
        raise NotImplementedError

    def zero_width(self, item: Item, states: set[Any]) -> set[Any]:
        raise NotImplementedError

    def chars(self, op: Any, av: Any, states: set[Any]) -> set[Any]:
        raise NotImplementedError

    def seq(self, seq: Sequence[Item], states: set[Any]) -> set[Any]:
        done = {st for st in states if self.final(st)}
        going = states - done
        for item in seq:
            if not going:
                break
            after = self.item(item, going)
            going = {st for st in after if not self.final(st)}
            done |= after - going
            if len(going) + len(done) > _MAX_STATES:
                raise _Unknown
        return going | done

    def item(self, item: Item, states: set[Any]) -> set[Any]:
        op, av = item
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return self.zero_width(item, states)
        if op is C.SUBPATTERN:
            return self.seq(av[3].data, states)
        if op is C.ATOMIC_GROUP:
            return self.seq(av.data, states)
        if op is C.BRANCH:
            out: set[Any] = set()
            for alternative in av[1]:
                out |= self.seq(alternative.data, states)
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            seen = set(states) if lo == 0 else set()
            current = states
            n = 0
            while n < hi:
                n += 1
                current = self.seq(sub.data, current)
                if n >= lo:
                    if current <= seen:
                        break  # every later repeat gives states already seen
                    seen |= current
                if len(seen) > _MAX_STATES:
                    raise _Unknown
            return seen
        return self.chars(op, av, states)


class _SecondWalk(_Walk):
    """The keys of the first token and of the one after it (``pattern_seconds``)."""

    def final(self, state: State) -> bool:
        return state[2] in _TERMINAL

    def zero_width(self, item: Item, states: set[State]) -> set[State]:
        end = _token_end(item)
        return states if end is None else _ended(states, *end)

    def chars(self, op: Any, av: Any, states: set[State]) -> set[State]:
        chars = _chars(op, av)
        if chars is None:
            return _unknown(states)
        kinds = {(kind, ch.lower()) for ch in chars if (kind := _kind(ch)) is not None}
        out = {_move(s, kind, ch) for s in states for kind, ch in kinds}
        if len(kinds) < len(chars) and any(_kind(ch) is None for ch in chars):
            out |= _unknown(states)
        return out


_SECONDS = _SecondWalk()


def _expand(prefix: str) -> set[str]:
    """Every key that begins with ``prefix`` (a key of one or two letters)."""
    out = {prefix}
    if len(prefix) < 3:
        for ch in _LETTERS:
            out |= _expand(prefix + ch)
    return out


@cache
def pattern_seconds(pattern: str, flags: int) -> Seconds | None:
    r"""For the keys of the token a match begins with (see ``pattern_starts``), the keys
    the next token of the text can have when the match reaches into it: a match cannot
    begin at a token whose next token has another key (unless that token lies beyond the
    end of the text searched). First keys that may be followed by any token are left out;
    None when unknown.

    >>> p = re.compile(r"(?<![\w'\u2019-])(?:the (?:early |mid-)?(?:\d\d)|last week)(?!\w)", re.I)
    >>> sorted((k, sorted(v)) for k, v in pattern_seconds(p.pattern, p.flags).items())
    [('las', ['wee']), ('the', ['#', 'ear', 'mid'])]
    """
    if pattern_starts(pattern, flags) is None:
        return None
    data = list(_parsed(pattern, flags).data)
    try:
        states = _SECONDS.seq(data[1:], {("", "", _K1)})
    except _Unknown:
        return None
    if any(at == _K1 for _, _, at in states):
        return None
    anything = {k1 for k1, _, at in states if at in (_T1, _T1D, _SEP, _ANY)}
    out: dict[str, set[str]] = {}
    for k1, k2, at in states:
        if at in (_K2, _DONE) and k1 not in anything:
            out.setdefault(k1, set()).update(_expand(k2) if at == _K2 else {k2})
    return {k1: frozenset(v) for k1, v in out.items()}


# ---------------------------------------------------------------- the length of a first digit token

#: lengths of a digit token told apart (a token of this many digits or more counts as this)
DIGITS_MAX = 5
_ALL_LENGTHS = frozenset(range(1, DIGITS_MAX + 1))
_RUN_END = -1  # the first digit token has ended (its length known)
DigitState = tuple[int, int]  # (digits of the first token so far, or its length; _RUN_END or 0)


@cache
def pattern_digit_lengths(pattern: str, flags: int) -> frozenset[int] | None:
    r"""For a pattern whose matches can begin with a digit token: the lengths that token can
    have in the text (``DIGITS_MAX`` standing for that many or more), read off the pattern
    as ``pattern_starts`` reads keys; None when unknown or when no match begins with a digit.

    >>> p = re.compile(r"(?<![\w'\u2019-])(?:\d{4}(?!\d)|\d{1,2}:\d\d)")
    >>> sorted(pattern_digit_lengths(p.pattern, p.flags))
    [1, 2, 4]
    >>> p = re.compile(r"(?<![\w'\u2019-])\d+ years")
    >>> sorted(pattern_digit_lengths(p.pattern, p.flags))
    [1, 2, 3, 4, 5]
    """
    starts = pattern_starts(pattern, flags)
    if starts is None or DIGIT not in starts[0]:
        return None
    data = list(_parsed(pattern, flags).data)
    try:
        states = _DIGITS.seq(data[1:], {(0, 0)})
    except _Unknown:
        return None
    lengths: set[int] = set()
    for count, state in states:
        if state == _RUN_END:
            lengths.add(count)
        elif count > 0:  # the match ends inside the token: it may go on in the text
            lengths.update(range(count, DIGITS_MAX + 1))
    return frozenset(lengths) if lengths else None


def _ended_run(states: set[DigitState]) -> set[DigitState]:
    """After an assertion that no digit follows: a first digit token under way ends."""
    return {(c, _RUN_END) if c > 0 else (c, s) for c, s in states}


def _no_digit_ahead(item: Item) -> bool:
    r"""Whether a look-ahead asserts that the next character is no digit: ``(?!\d)``,
    ``(?!\w)``, ``(?!\d|,\d)``, or ``(?=[.,;]|\s*$)`` (each way of going on begins with
    no digit)."""
    op, av = item
    if av[0] != 1:
        return False  # a look-behind
    if op is C.ASSERT_NOT:
        end = _token_end(item)
        if end is not None:
            return end[1]
        data = av[1].data
        if len(data) == 1 and data[0][0] is C.BRANCH:  # (?!\d|,\d): one way is a digit
            for alternative in data[0][1][1]:
                one = _token_end((C.ASSERT_NOT, (1, alternative))) if len(alternative.data) == 1 else None
                if one is not None and one[1]:
                    return True
        return False
    try:
        after = _DIGITS.seq(av[1].data, {(1, 0)})
    except _Unknown:
        return False
    return bool(after) and all(s == (1, _RUN_END) for s in after)


class _DigitWalk(_Walk):
    """The length of the first digit token (``pattern_digit_lengths``): a state counts its
    digits until the token ends. An assertion or anchor the analysis does not read leaves
    the states as they are (the lengths found can only be more than the pattern allows)."""

    def final(self, state: DigitState) -> bool:
        return state[1] == _RUN_END

    def zero_width(self, item: Item, states: set[DigitState]) -> set[DigitState]:
        op, av = item
        if op in (C.ASSERT, C.ASSERT_NOT):
            return _ended_run(states) if _no_digit_ahead(item) else states
        if av in (C.AT_BOUNDARY, C.AT_END, C.AT_END_STRING):  # no digit follows
            return _ended_run(states)
        return states

    def chars(self, op: Any, av: Any, states: set[DigitState]) -> set[DigitState]:
        chars = _chars(op, av)
        if chars is None:
            raise _Unknown
        digit = any(_DIGIT_CHAR.fullmatch(ch) for ch in chars if ch != _SPACE)
        other = any(ch == _SPACE or not _DIGIT_CHAR.fullmatch(ch) for ch in chars)
        out = set()
        for count, _ in states:
            if digit:
                out.add((min(count + 1, DIGITS_MAX), 0))
            if other and count > 0:  # (a match that begins with no digit is not read here)
                out.add((count, _RUN_END))
        return out


_DIGITS = _DigitWalk()
