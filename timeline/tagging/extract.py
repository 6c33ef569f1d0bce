"""Text -> candidate mentions, each with the rule that built it. Never reads the anchor.

One cheap pass splits the text into letter and digit tokens; a token whose key (its first
three letters, or ``#`` for digits) some rule needs opens a window around it for that rule
(``rules.keys``), so each rule searches only near the words it cannot match without.
Within its windows a rule is tried only where a match can begin: at the tokens whose keys
its matches begin with, and at the few other characters they can begin with
(``Rule.starts``), and not at a token whose next token it cannot go on with
(``Rule.seconds``) or, for digits, whose length it does not allow (``Rule.digits``). That
finds what a search of each window finds, in the same order (a match over a blank line is
dropped: it would join two paragraphs).

The places where matches can begin are visited once each, in text order, with the rules
that can begin there given the keys of the token and of the next one (a table built with
the rule set): a start costs a look-up and the rules worth trying, not a test per rule.
The token pass keeps no tuple or dict entry per token (positions in arrays and lists), and
the starts are visited a block of the text (``BLOCK`` characters) at a time, yielding the
candidates of each block before reading the next: a long text costs a few bytes per token
here, not the candidates of the whole text at once.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from ..lexicon import ascii_letter
from ..rules import SPLIT_OPS, Rule, RuleSet, token_groups
from ..rules.keys import DIGIT, DIGITS_MAX

__all__ = ["Candidate", "candidates", "WINDOW", "BLOCK"]

#: characters searched on each side of a key word: a match is found when it lies within this
#: reach of one of its key words (rules' matches are shorter than this, but for very long
#: spelled-out phrases; sizing windows per rule from each pattern's width found the same
#: expressions on TBAQ and was 17% slower)
WINDOW = 60


@attrs.frozen(slots=True)
class Candidate:
    """A rule's match. ``start`` leaves out an ``outer`` group (a word that modifies the
    expression but is not part of its extent, "earlier" in "earlier this week");
    ``match_start`` keeps it, so ranking still sees the whole match. The named groups are
    read from the match when asked for (most candidates lose the ranking)."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    match_start: int = -1

    @property
    def groups(self) -> dict[str, str | None]:
        """The match's named groups (a new dict at each call)."""
        return self.match.groupdict()

    @property
    def spans(self) -> dict[str, tuple[int, int]] | None:
        """Where each group matched, for rules that split their match (``SPLIT_OPS``)."""
        if self.rule.op not in SPLIT_OPS:
            return None
        return {k: self.match.span(k) for k, v in self.match.groupdict().items() if v is not None}

    @property
    def span_start(self) -> int:
        return self.match_start if self.match_start >= 0 else self.start

    @property
    def length(self) -> int:
        return self.end - self.span_start


_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@attrs.define(slots=True)
class Scan:
    """What one pass over the tokens of a text finds, kept compact (no tuple or dict entry
    per token) so that a long text costs few bytes per token.

    For each group of rules (a tuple of rule indexes), the tokens that open a window for
    it (``windows_of`` makes the windows when they are first needed: WINDOW characters on
    each side of each such token, merged where they meet, each end widened to the end of
    its word and of the token there; a match cut at a window's end could look like a whole
    word; a window may start inside a word, the rules' look-behinds see the text before
    it). The start tokens (tokens with a key some rule's matches begin with), in text
    order: where each starts, and the rules that can begin there given the key of the next
    token as ``_next_key`` reads it (``_Index.starts``); a token where no rule can begin is
    left out.
    """

    text: str
    #: the tokens that open windows (indexes of ``_begin`` and ``_end``), by the groups they
    #: open windows for (one array per such tuple of groups: one entry per token)
    _hits: dict[tuple[tuple[int, ...], ...], array[int]]
    _begin: array[int]
    _end: array[int]
    _at: array[int]
    #: for each start token, its rules as an index of ``_sets``
    _rules: array[int]
    _sets: list[tuple[int, ...]]
    #: for each group of rules, the arrays of ``_hits`` with its tokens (made when asked)
    _by_group: dict[tuple[int, ...], list[array[int]]] | None = None

    def groups(self) -> dict[tuple[int, ...], list[array[int]]]:
        """The groups of rules some token opens a window for, each with the arrays of
        ``_hits`` that hold its tokens."""
        if self._by_group is None:
            by_group: dict[tuple[int, ...], list[array[int]]] = {}
            for groups, tokens in self._hits.items():
                for group in groups:
                    if group in by_group:
                        by_group[group].append(tokens)
                    else:
                        by_group[group] = [tokens]
            self._by_group = by_group
        return self._by_group

    def windows_of(self, group: tuple[int, ...]) -> tuple[list[int], list[int]]:
        """The windows of a group of rules, as two lists of starts and ends in text order
        (none when no token opens one)."""
        found = self.groups().get(group)
        if not found:
            return [], []
        if len(self.text) <= WINDOW:  # a short text: every window is the whole text
            return [0], [len(self.text)]
        tokens = found[0] if len(found) == 1 else sorted(itertools.chain.from_iterable(found))
        return _windows(self.text, tokens, self._begin, self._end)

    @property
    def windows(self) -> dict[tuple[int, ...], tuple[list[int], list[int]]]:
        """The windows of every group of rules that some token opens a window for."""
        return {group: self.windows_of(group) for group in self.groups()}

    @property
    def starts(self) -> dict[int, tuple[int, ...]]:
        """Where a match of some rule can begin at a token -> the rules (indexes, in order)
        that can begin there."""
        return {at: self._sets[k] for at, k in zip(self._at, self._rules)}


def _scan(text: str, rules: RuleSet) -> Scan:
    """One pass over the tokens: the tokens that open windows for each group of rules,
    where the tokens that some rule's matches begin with start, and for each such token
    the key of the next."""
    index = _index(rules)
    table = index.tokens
    digit_entry, by_length = index.digit_entry, index.by_length
    n = len(text)
    pos = "i" if n < 1 << 31 else "q"  # positions in 4 bytes when they fit
    hits: dict[tuple[tuple[int, ...], ...], array[int]] = {}  # groups -> the tokens that open their windows
    begins: array[int] = array(pos)  # for each such token, where it begins and ends
    ends: array[int] = array(pos)
    at: array[int] = array(pos)
    starts: array[int] = array("H")
    entry = None  # the rules of the start token whose next token is not read yet, by its key
    plain = False  # that token's key is what _next_key reads there
    start = 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        low = tok[:3].lower()
        if entry is not None:  # what _next_key would say of the start token before this one
            if not plain:
                rs = entry[2]
            elif tok[0].isdecimal():
                rs = entry[0].get(DIGIT, entry[1]) if tok[0].isascii() else entry[2]
            else:  # "K" (Kelvin) lowercases to ASCII "k"
                rs = entry[0].get(low, entry[1]) if tok[:3].isascii() else entry[2]
            if rs:
                at.append(start)
                starts.append(rs)
            entry = None
        role = table.get(low)
        if role is None:
            if low.isascii():
                continue  # a token no rule needs
            if tok[0].isdigit():  # digits other than 0-9 (or a letter such as "²")
                role = table.get(DIGIT)
                if role is None:
                    continue
                plain = tok[0].isdecimal()
            else:  # case folding may match it as some key
                role = index.folded(tok[:3])
                plain = False
        else:
            plain = True
        groups, entry = role
        if entry is not None:
            start = m.start()
            if entry is digit_entry and tok[0].isdecimal():  # only the rules its length allows
                entry = by_length[len(tok) if len(tok) < DIGITS_MAX else DIGITS_MAX]
        if groups:
            i = len(begins)
            s, e = m.span()
            begins.append(s)
            ends.append(e)
            if groups in hits:
                hits[groups].append(i)
            else:
                hits[groups] = array("i", (i,))
    if entry is not None and entry[2]:  # no next token
        at.append(start)
        starts.append(entry[2])
    return Scan(text, hits, begins, ends, at, starts, index.sets)


def _windows(text: str, tokens: Sequence[int], begins: array[int], ends: array[int]) -> tuple[list[int], list[int]]:
    """The windows around ``tokens`` (indexes of ``begins`` and ``ends``, in text order):
    WINDOW characters on each side of each, each end widened to the end of its word and of
    the token there (``_WORD_END``), merged where they meet."""
    los: list[int] = []
    his: list[int] = []
    word_end = _WORD_END.match
    n = len(text)
    lo = hi = -1  # the window being built, its end not widened yet
    for i in tokens:
        a, b = begins[i] - WINDOW, ends[i] + WINDOW
        if a < 0:
            a = 0
        if b > n:
            b = n
        if a <= hi:
            if b > hi:
                hi = b
            continue
        if hi >= 0:
            wide = word_end(text, hi).end()  # type: ignore[union-attr]
            if a <= wide:  # it meets the widened end
                hi = b if b > wide else wide
                continue
            los.append(lo)
            his.append(wide)
        lo, hi = a, b
    if hi >= 0:
        los.append(lo)
        his.append(word_end(text, hi).end())  # type: ignore[union-attr]
    return los, his


#: a token and the first three characters of the next one (or its first digit)
_TWO = re.compile(r"(?>(?P<a>[^\W\d_]{1,3})[^\W\d_]*|\d+)[\W_]*+(?P<b>[^\W\d_]{1,3}|\d)")


def _next_key(text: str, at: int) -> tuple[str, str, int] | None:
    """The keys of the token at ``at`` and of the next one, and where the characters read
    for the second key end; None when either is not plain ASCII (case folding may match
    it) or there is no next token."""
    m = _TWO.match(text, at)
    if m is None:
        return None
    a, b = m.group("a", "b")
    if not ((a is None or a.isascii()) and b.isascii()):
        return None
    return (DIGIT if a is None else a.lower()), (DIGIT if b[0].isdigit() else b.lower()), m.end()


#: a window's end goes on to the end of its word (up to 40 characters), and always to the
#: end of the token there: a token is never cut, so a match that must reach the next token
#: cannot begin before a window's end when that token lies beyond it (the next-token check)
_WORD_END = re.compile(r"\S{0,40}\w*")  # \s is exactly str.isspace


@functools.cache
def _marks(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


#: characters whose match starts are tried together: the rules run a block of the text at a
#: time, in text order, so a long text's candidates need not all be in memory at once
BLOCK = 1 << 15


#: the rules whose matches can begin at a token of one key: by the key of the next token,
#: for any other next key, and for every next token (none, or one whose key is unknown)
#: (each an index of ``_Index.sets``)
_Entry = tuple[dict[str, int], int, int]


@attrs.frozen(slots=True)
class _Index:
    """For a rule set: the rules (in order) whose matches can begin at each character other
    than a token character, a pattern of those characters, and for each key the rules
    whose matches can begin at a token with that key, given the key of the next token
    (the next-token check, ``Rule.seconds``, made once per pair of keys when the set is
    indexed): ``starts[key] = (rules by next key, rules for any other next key, every
    rule of the key)``; the last when there is no next token, or one whose key case folding
    may change (``""``)."""

    rules: RuleSet
    #: each rule's ``regex.match``
    matchers: tuple[Callable[[str, int, int], re.Match[str] | None], ...]
    starts: dict[str, _Entry]
    #: the tuples of rules of the entries of ``starts`` (the first one empty)
    sets: list[tuple[int, ...]]
    #: the entry of ``starts`` for digits, and for a digit token of each length (index:
    #: the length, up to ``keys.DIGITS_MAX``), with the rules its length allows
    digit_entry: _Entry | None
    by_length: tuple[_Entry, ...]
    by_mark: dict[str, tuple[int, ...]]
    marks: re.Pattern[str] | None
    #: ``RuleSet.tokens`` with the rules that can match anywhere (``RuleSet.everywhere``)
    #: among the groups of every token that opens a window, and for a token some rules'
    #: matches begin with, its entry of ``starts`` instead of its key
    tokens: dict[str, tuple[tuple[tuple[int, ...], ...], _Entry | None]]

    def folded(self, head: str) -> tuple[tuple[tuple[int, ...], ...], _Entry]:
        """For a token whose first letters ``head`` are not all ASCII: the groups it opens
        windows for, and the entry of ``starts`` of its key. When case folding can make each of those letters ASCII
        ("\u017f", long s, matches "s"; "\u212a", the Kelvin sign, "k"), the groups of
        the ASCII letters it can match, and ``""`` (every rule can begin there); else the
        groups of its lowercase, and ``_FOREIGN`` (only the rules whose matches can begin
        with a key that is not ASCII)."""
        ascii = "".join(ascii_letter(ch) for ch in head).lower()
        foldable = len(ascii) == len(head)
        groups = token_groups(ascii if foldable else head.lower(), self.rules.by_key, self.rules.short_keys)
        return _with_everywhere(self.rules, groups), self.starts["" if foldable else _FOREIGN]


def _with_everywhere(rules: RuleSet, groups: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    return (*groups, rules.everywhere) if groups and rules.everywhere else groups


def _cannot_go_on(rule: Rule, first: str, second: str) -> bool:
    """A match of ``rule`` beginning at a token of key ``first`` must reach into the next
    token, and that token's key ``second`` is none it can go on with."""
    if not second or rule.seconds is None:
        return False
    ok = rule.seconds.get(first)
    return ok is not None and second not in ok


def _starts_of(rules: RuleSet, key: str, members: list[int], number: Callable[[tuple[int, ...]], int]) -> _Entry:
    """``_Index.starts[key]`` for the rules ``members`` whose matches can begin at a token
    with ``key`` (``number`` gives a tuple of rules its index in ``_Index.sets``)."""
    nexts: set[str] = set()
    for r in members:
        seconds = rules.rules[r].seconds
        if seconds is not None and key in seconds:
            nexts |= seconds[key]
    def can(second: str) -> int:
        return number(tuple(r for r in members if not _cannot_go_on(rules.rules[r], key, second)))
    other = "\x00"  # a next key no rule can go on with
    return {second: can(second) for second in nexts}, can(other), number(tuple(members))


#: the key of a token with a letter among its first three that no ASCII letter matches
#: even under case folding
_FOREIGN = "\x00foreign"


_INDEXES: dict[int, _Index] = {}


def _index(rules: RuleSet) -> _Index:
    """The ``_Index`` of a rule set (built once per set)."""
    got = _INDEXES.get(id(rules))
    if got is not None and got.rules is rules:
        return got
    by_key: dict[str, list[int]] = {}
    by_mark: dict[str, list[int]] = {}
    every: list[int] = []
    for i, rule in enumerate(rules.rules):
        if rule.starts is not None:
            every.append(i)
            keys, chars = rule.starts
            for key in keys:
                by_key.setdefault(key, []).append(i)
            for ch in chars:
                by_mark.setdefault(ch, []).append(i)
    by_key[""] = every  # a token whose key case folding may change: every rule can begin there
    by_key[_FOREIGN] = [i for i in every if not all(k.isascii() for k in rules.rules[i].starts[0])]  # type: ignore[index]
    sets: list[tuple[int, ...]] = [()]
    numbers: dict[tuple[int, ...], int] = {(): 0}

    def number(rs: tuple[int, ...]) -> int:
        if rs not in numbers:
            numbers[rs] = len(sets)
            sets.append(rs)
        return numbers[rs]

    starts = {k: _starts_of(rules, k, v, number) for k, v in by_key.items()}
    digit_rules = by_key.get(DIGIT, [])
    by_length = tuple(
        _starts_of(rules, DIGIT, [r for r in digit_rules if rules.rules[r].digits is None or n in rules.rules[r].digits], number)  # type: ignore[operator]
        for n in range(DIGITS_MAX + 1)
    )
    index = _Index(
        rules,
        tuple(rule.regex.match for rule in rules.rules),
        starts,
        sets,
        starts.get(DIGIT),
        by_length,
        {k: tuple(v) for k, v in by_mark.items()},
        _marks("".join(sorted(by_mark))) if by_mark else None,
        {},
    )
    assert len(sets) < 1 << 16  # an index of sets is held in two bytes
    for head, (groups, start_key) in rules.tokens.items():
        entry = None if start_key is None else index.starts[start_key]
        index.tokens[head] = (_with_everywhere(rules, groups), entry)
    if len(_INDEXES) > 8:  # rule sets made by tests
        _INDEXES.clear()
    _INDEXES[id(rules)] = index
    return index


def candidates(text: str, rules: RuleSet) -> Iterator[Candidate]:
    """Every match of every rule (overlapping ones included, none over a blank line), vetoes
    too, in text order (by start, then by rule), found a block of the text at a time.

    The places a match can begin are visited in text order, each with the rules that can
    begin there (``_Index.starts``); a rule is tried there when the place lies in one of
    the windows of its group, and not before the end of its last match in that window
    (what a search of each window finds)."""
    scan = _scan(text, rules)
    index = _index(rules)
    # the few rules that cannot say where their matches begin search their windows whole
    found: list[tuple[int, int, Candidate]] = []
    # for each rule, the windows of its group (made when first needed) and which of them
    # the visits have reached (one list per group, shared by its rules)
    state: list[list[Any] | None] = [None] * len(rules.rules)
    for group in scan.groups():
        shared: list[Any] = [None, None, 0, 0, group]
        for r in group:
            rule = rules.rules[r]
            if rule.starts is None:
                los, his = scan.windows_of(group)
                for lo, hi in zip(los, his):
                    for m in rule.regex.finditer(text, lo, hi):
                        if m.end() > m.start() and not _crosses_paragraph(text, m.start(), m.end()):
                            found.append((m.start(), r, _candidate(m, rule)))
            else:
                state[r] = shared
    searched = sorted(found, key=_order)
    s = 0
    #: for each rule, the window of its last match and where that match ended
    last_window = [-1] * len(rules.rules)
    last_end = [0] * len(rules.rules)
    regexes = index.matchers
    rule_list = rules.rules
    ats, starts, sets = scan._at, scan._rules, scan._sets
    n_text = len(text)

    def visit(at: int, rs: tuple[int, ...]) -> None:
        for r in rs:
            st = state[r]
            if st is None:
                continue
            if st[0] is None:
                los, his = scan.windows_of(st[4])
                st[0], st[1], st[3] = los, his, len(los)
            k = st[2]
            his = st[1]
            if k < st[3] and his[k] <= at:
                while k < st[3] and his[k] <= at:
                    k += 1
                st[2] = k
            if k == st[3] or st[0][k] > at:
                continue
            if last_window[r] == k and at < last_end[r]:
                continue
            if (hit := regexes[r](text, at, his[k])) is not None:
                if not _crosses_paragraph(text, at, hit.end()):
                    found.append((at, r, _candidate(hit, rule_list[r])))
                last_window[r] = k
                last_end[r] = hit.end()  # never the match's start: rules match no empty text

    i = 0
    for b0 in range(0, n_text, BLOCK):
        b1 = b0 + BLOCK
        found = []
        j = bisect.bisect_left(ats, b1, i)
        marks = [m.start() for m in index.marks.finditer(text, b0, b1)] if index.marks else []
        mi = 0
        for t in range(i, j):
            at = ats[t]
            while mi < len(marks) and marks[mi] < at:
                _visit_mark(text, marks[mi], index, visit)
                mi += 1
            visit(at, sets[starts[t]])
        for at in marks[mi:]:
            _visit_mark(text, at, index, visit)
        i = j
        while s < len(searched) and searched[s][0] < b1:
            found.append(searched[s])
            s += 1
        found.sort(key=_order)
        for _, _, c in found:
            yield c


def _visit_mark(text: str, at: int, index: _Index, visit: Callable[[int, tuple[int, ...]], None]) -> None:
    """Visit a character other than a token character where some rules' matches begin."""
    rs = index.by_mark[text[at]]
    nxt = _next_key(text, at)
    if nxt is not None:
        rs = tuple(r for r in rs if not _cannot_go_on(index.rules.rules[r], nxt[0], nxt[1]))
    visit(at, rs)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    """A match over a blank line is no expression: it joins two paragraphs ("2019\n\nyear",
    read as an amount of years). The search goes on after it, as a search would."""
    return "\n" in text[start:end] and _BLANK_LINE.search(text, start, end) is not None


def _order(t: tuple[int, int, Candidate]) -> tuple[int, int]:
    return t[0], t[1]


def _candidate(m: re.Match[str], rule: Rule) -> Candidate:
    start = m.start()
    if "outer" in rule.regex.groupindex and m.group("outer"):
        start = m.end("outer")
    return Candidate(start, m.end(), rule, m, m.start())
