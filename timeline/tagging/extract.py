"""Text -> candidate mentions, each with the rule that built it. Never reads the anchor.

One cheap pass splits the text into letter and digit tokens; a token whose key (its first
three letters, or ``#`` for digits) some rule needs opens a window around it for that rule
(``rules.keys``), so each rule searches only near the words it cannot match without.
Within its windows a rule is tried only where a match can begin: at the tokens whose keys
its matches begin with, and at the few other characters they can begin with
(``Rule.starts``). That finds what a search of the whole window finds, in the same order.

The token pass keeps no tuple or dict entry per token (positions in arrays and lists), and
the rules are tried a block of the text (``BLOCK`` characters of starts) at a time, yielding
the candidates of each block before reading the next: a long text costs a few bytes per
token here, not the candidates of the whole text at once. A short text whose groups of
rules have one window each is searched start by start instead of rule by rule
(``_one_window``), which costs less per call.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterator

import attrs

from ..rules import SPLIT_OPS, Rule, RuleSet, token_groups
from ..rules.keys import DIGIT, Starts

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

    ``windows``: for each group of rules (a tuple of rule indexes), the windows around the
    tokens that open one for it, as two arrays of starts and ends in text order: WINDOW
    characters on each side of each such token, merged where they meet, each end widened to
    the end of its word (a match cut at a window's end could look like a whole word; a
    window may start inside a word, the rules' look-behinds see the text before it).
    ``begins``: for each key some rule's matches begin with, where the
    tokens with that key start (tokens whose key is not plain ASCII under ``""``: case
    folding may match them). ``next_key(at)`` says for such a token what ``_next_key`` says.
    """

    text: str
    windows: dict[tuple[int, ...], tuple[list[int], list[int]]]
    begins: dict[str, list[int]]
    #: the start tokens in text order, with the keys ``_next_key`` reads there (``""`` for
    #: None) and where the characters read for the second key end (``_FAR`` for None)
    _at: array[int]
    _first: list[str]
    _second: list[str]
    _end: array[int]

    def next_key(self, at: int) -> tuple[str, str, int] | None:
        """``_next_key(text, at)``, read from the token pass when ``at`` starts a token."""
        i = bisect.bisect_left(self._at, at)
        if i < len(self._at) and self._at[i] == at:
            return (self._first[i], self._second[i], self._end[i]) if self._second[i] else None
        return _next_key(self.text, at)

    def next_keys(self, lo: int, hi: int) -> dict[int, tuple[str, str, int] | None]:
        """For the start tokens from ``lo`` to ``hi``, what ``next_key`` says, but with no
        next key as ``(first, "", _FAR)`` (a next token the check never stops at)."""
        i, j = bisect.bisect_left(self._at, lo), bisect.bisect_left(self._at, hi)
        if i == 0 and j == len(self._at):
            return dict(zip(self._at, zip(self._first, self._second, self._end)))
        return dict(zip(self._at[i:j], zip(self._first[i:j], self._second[i:j], self._end[i:j])))


def _scan(text: str, rules: RuleSet) -> Scan:
    """One pass over the tokens: the windows of each group of rules, where the tokens that
    some rule's matches begin with start, and for each such token the key of the next."""
    table = rules.tokens
    n = len(text)
    hits: dict[tuple[int, ...], list[int]] = {}  # group -> the tokens that open its windows
    lows: array[int] = array("q")  # for each such token, its window
    highs: array[int] = array("q")
    begins: dict[str, list[int]] = {}
    at: array[int] = array("q")
    end: array[int] = array("q")
    first: list[str] = []
    second: list[str] = []
    everywhere = rules.everywhere
    pending = False  # the last start token's next token is not read yet
    for m in _TOKEN.finditer(text):
        tok = m.group()
        low = tok[:3].lower()
        if pending:  # what _next_key would say of the start token before this one
            if tok[0].isdecimal():
                ok = first[-1] and tok[0].isascii()
                second.append(DIGIT if ok else "")
                end.append(m.start() + 1 if ok else _FAR)
            else:
                ok = first[-1] and tok[:3].isascii()  # "K" (Kelvin) lowercases to ASCII "k"
                second.append(low if ok else "")
                end.append(m.start() + len(low) if ok else _FAR)
            pending = False
        role = table.get(low)
        if role is None:
            if low.isascii():
                continue  # a token no rule needs
            if tok[0].isdigit():  # digits other than 0-9 (or a letter such as "²")
                role = table.get(DIGIT)
                if role is None:
                    continue
            else:  # case folding may match it as some key: every rule can begin here
                role = token_groups(low, rules.by_key, rules.short_keys), ""
        groups, key = role
        if key is not None:
            pending = True
            s = m.start()
            at.append(s)
            # the key _next_key reads: the table's own string, but "" for a token such as "²"
            first.append(key if key != DIGIT or tok[0].isdecimal() else "")
            if key in begins:
                begins[key].append(s)
            else:
                begins[key] = [s]
        if groups:
            i = len(lows)
            s, e = m.span()
            lows.append(s - WINDOW if s > WINDOW else 0)
            highs.append(e + WINDOW if e + WINDOW < n else n)
            for group in (*groups, everywhere) if everywhere else groups:
                if group in hits:
                    hits[group].append(i)
                else:
                    hits[group] = [i]
    if pending:
        second.append("")  # no next token
        end.append(_FAR)
    windows = {group: _windows(text, tokens, lows, highs) for group, tokens in hits.items()}
    return Scan(text, windows, begins, at, first, second, end)


def _windows(text: str, tokens: list[int], lows: array[int], highs: array[int]) -> tuple[list[int], list[int]]:
    """The windows around ``tokens`` (indexes of ``lows`` and ``highs``, in text order; a
    token repeated merges with itself), merged where they meet, each end widened to the end
    of its word."""
    los: list[int] = []
    his: list[int] = []
    word_end = _WORD_END.match
    lo = hi = -1
    for i in tokens:
        a, b = lows[i], highs[i]
        if a <= hi:
            if b > hi:
                hi = b
        else:
            if hi >= 0:
                los.append(lo)
                his.append(word_end(text, hi, hi + 40).end())  # type: ignore[union-attr]
            lo, hi = a, b
    if hi >= 0:
        los.append(lo)
        his.append(word_end(text, hi, hi + 40).end())  # type: ignore[union-attr]
    return los, his


#: a token and the first three characters of the next one (or its first digit)
_TWO = re.compile(r"(?>(?P<a>[^\W\d_]{1,3})[^\W\d_]*|\d+)[\W_]*+(?P<b>[^\W\d_]{1,3}|\d)")
_UNSEEN = ("", "", -1)
_FAR = 1 << 62  # beyond the end of any text


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


_WORD_END = re.compile(r"\S*")  # \s is exactly str.isspace


@functools.cache
def _marks(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


#: characters whose match starts are tried together: the rules run a block of the text at a
#: time, in text order, so a long text's candidates need not all be in memory at once
BLOCK = 1 << 15


def candidates(text: str, rules: RuleSet) -> Iterator[Candidate]:
    """Every match of every rule (overlapping ones included), vetoes too, in text order
    (by start, then by rule), found a block of the text at a time."""
    scan = _scan(text, rules)
    # the few rules that cannot say where their matches begin search their windows whole
    searched: list[tuple[int, int, Candidate]] = []
    plan: list[tuple[int, Rule, list[int], list[int]]] = []
    for group, (los, his) in scan.windows.items():
        for r in group:
            rule = rules.rules[r]
            if rule.starts is None:
                for lo, hi in zip(los, his):
                    for m in rule.regex.finditer(text, lo, hi):
                        if m.end() > m.start():
                            searched.append((m.start(), r, _candidate(m, rule)))
            else:
                plan.append((r, rule, los, his))
    if len(text) <= BLOCK and all(len(los) == 1 for los, _ in scan.windows.values()):
        # a short text: try the rules start by start rather than rule by rule
        short = _one_window(text, rules, scan, plan) + searched
        short.sort(key=_order)
        yield from (c for _, _, c in short)
        return
    searched.sort(key=_order)
    s = 0
    carried: dict[int, tuple[int, int]] = {}  # rule -> (its window, where its last match ended)
    single = len(text) <= BLOCK
    for b0 in range(0, len(text), BLOCK):
        b1 = b0 + BLOCK
        found: list[tuple[int, int, Candidate]] = []
        starts_at: dict[Starts, list[int]] = {}
        nexts = scan.next_keys(b0, b1)
        for r, rule, los, his in plan:
            k = bisect.bisect_right(his, b0)  # the first window that ends after b0
            if k == len(los) or los[k] >= b1:
                continue
            starts: Starts = rule.starts  # type: ignore[assignment]
            where = starts_at.get(starts)
            if where is None:
                where = starts_at[starts] = _starts(text, starts, scan.begins, b0, b1)
            if not where:
                continue
            match = rule.regex.match
            second = rule.seconds
            while k < len(los) and los[k] < b1:
                lo, hi = los[k], his[k]
                # a search of the window, tried only where a match can begin
                i, j = bisect.bisect_left(where, lo), bisect.bisect_left(where, hi)
                after = lo
                if not single and (state := carried.get(r)) is not None and state[0] == k:
                    after = state[1]
                for at in where[i:j]:
                    if at < after:
                        continue
                    if second:
                        # not before a next token the rule cannot go on with, unless that
                        # token is cut by the window's end
                        nxt = nexts.get(at, _UNSEEN)
                        if nxt is _UNSEEN:
                            nxt = nexts[at] = _next_key(text, at)  # not a token: "$", "("
                        if nxt is not None and (ok := second.get(nxt[0])) is not None and nxt[1] not in ok and nxt[2] <= hi:
                            continue
                    if (hit := match(text, at, hi)) is not None:
                        found.append((at, r, _candidate(hit, rule)))
                        after = hit.end()  # never the match's start: rules match no empty text
                if not single:
                    carried[r] = (k, after)
                k += 1
        while s < len(searched) and searched[s][0] < b1:
            found.append(searched[s])
            s += 1
        found.sort(key=_order)
        for _, _, c in found:
            yield c


def _one_window(
    text: str, rules: RuleSet, scan: Scan, plan: list[tuple[int, Rule, list[int], list[int]]]
) -> list[tuple[int, int, Candidate]]:
    """``candidates`` (unsorted) of a text of one block where each group of rules has one
    window: each place a match can begin is visited once, with the rules that can begin
    there (what the rule-by-rule search finds, with less work per rule)."""
    by_key, by_mark, marks = _begin_index(rules)
    window = {r: (los[0], his[0], rule) for r, rule, los, his in plan}
    every = tuple(sorted(window))  # the rules a token whose key case folding may change can begin
    where: list[tuple[int, tuple[int, ...]]] = [
        (at, every if key == "" else by_key[key]) for key, ats in scan.begins.items() for at in ats
    ]
    if marks:
        where += [(m.start(), by_mark[m.group()]) for m in marks.finditer(text)]
    where.sort(key=_first)
    nexts = scan.next_keys(0, len(text))
    after: dict[int, int] = {}
    found: list[tuple[int, int, Candidate]] = []
    for at, rs in where:
        nxt = nexts.get(at, _UNSEEN)
        for r in rs:
            w = window.get(r)
            if w is None:
                continue
            lo, hi, rule = w
            if not lo <= at < hi or at < after.get(r, lo):
                continue
            second = rule.seconds
            if second:
                if nxt is _UNSEEN:
                    nxt = nexts[at] = _next_key(text, at)  # not a token: "$", "("
                if nxt is not None and (ok := second.get(nxt[0])) is not None and nxt[1] not in ok and nxt[2] <= hi:
                    continue  # the rule cannot go on with the next token (inline: the hot loop)
            if (hit := rule.regex.match(text, at, hi)) is not None:
                found.append((at, r, _candidate(hit, rule)))
                after[r] = hit.end()
    return found


def _first(t: tuple[int, tuple[int, ...]]) -> int:
    return t[0]


_BEGINS: dict[int, tuple[RuleSet, tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], re.Pattern[str] | None]]] = {}


def _begin_index(
    rules: RuleSet,
) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], re.Pattern[str] | None]:
    """For a rule set: the rules (in order) whose matches can begin at a token of each
    key, at each other character, and a pattern of those characters (built once per set)."""
    got = _BEGINS.get(id(rules))
    if got is not None and got[0] is rules:
        return got[1]
    by_key: dict[str, list[int]] = {}
    by_mark: dict[str, list[int]] = {}
    for i, rule in enumerate(rules.rules):
        if rule.starts is not None:
            keys, chars = rule.starts
            for key in keys:
                by_key.setdefault(key, []).append(i)
            for ch in chars:
                by_mark.setdefault(ch, []).append(i)
    index = (
        {k: tuple(v) for k, v in by_key.items()},
        {k: tuple(v) for k, v in by_mark.items()},
        _marks("".join(sorted(by_mark))) if by_mark else None,
    )
    if len(_BEGINS) > 8:  # rule sets made by tests
        _BEGINS.clear()
    _BEGINS[id(rules)] = (rules, index)
    return index


def _order(t: tuple[int, int, Candidate]) -> tuple[int, int]:
    return t[0], t[1]


def _candidate(m: re.Match[str], rule: Rule) -> Candidate:
    start = m.start()
    if "outer" in rule.regex.groupindex and m.group("outer"):
        start = m.end("outer")
    return Candidate(start, m.end(), rule, m, m.start())


def _starts(text: str, starts: Starts, begins: dict[str, list[int]], lo: int, hi: int) -> list[int]:
    """Where a match of a rule with these ``starts`` can begin from ``lo`` to ``hi``, in
    text order."""
    keys, marks = starts
    where: list[int] = []
    whole = lo <= 0 and hi >= len(text)
    if len(keys) < len(begins):
        found = [begins[key] for key in keys if key in begins]
    else:
        found = [at for key, at in begins.items() if key in keys]
    for at in found:
        where += at if whole else at[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]
    if "" in begins:
        at = begins[""]
        where += at if whole else at[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]
    if marks:
        where += [m.start() for m in _marks(marks).finditer(text, lo, hi)]
    where.sort()
    return where
