"""Text -> candidate mentions, each with the rule that built it. Never reads the anchor.

One cheap pass splits the text into letter and digit tokens; a token whose key (its first
three letters, or ``#`` for digits) some rule needs opens a window around it for that rule
(``rules.keys``), so each rule searches only near the words it cannot match without.
Within its windows a rule is tried only where a match can begin: at the tokens whose keys
its matches begin with, and at the few other characters they can begin with
(``Rule.starts``). That finds what a search of the whole window finds, in the same order.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from .rules import SPLIT_OPS, Rule, RuleSet, token_groups
from .rules.keys import DIGIT

__all__ = ["Candidate", "candidates", "WINDOW"]

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


Hits = dict[tuple[int, ...], list[tuple[int, int]]]


def _hits(text: str, rules: RuleSet) -> Hits:
    """Rules with the same keys (as a tuple of rule indexes) -> the spans of the tokens that
    open a window for them, in text order."""
    return _scan(text, rules)[0]


Nexts = dict[int, "tuple[str, str, int] | None"]


def _scan(text: str, rules: RuleSet) -> tuple[Hits, dict[str, list[int]], Nexts]:
    """``_hits``, where the tokens that some rule's matches begin with start, by key
    (tokens whose key is not plain ASCII under the key ``""``: case folding may match them),
    and for each such token what ``_next_key`` says of it."""
    table = rules.tokens
    hits: Hits = {}
    every: list[tuple[int, int]] = []
    begins: dict[str, list[int]] = {}
    nexts: Nexts = {}
    pending = -1  # a start token whose next token is not read yet
    pending_key = ""
    for m in _TOKEN.finditer(text):
        tok = m.group()
        low = tok[:3].lower()
        if pending >= 0:  # what _next_key would say of the start token before this one
            if tok[0].isdecimal():
                ok = pending_key and tok[0].isascii()
                nexts[pending] = (pending_key, DIGIT, m.start() + 1) if ok else None
            else:
                ok = pending_key and tok[:3].isascii()  # "K" (Kelvin) lowercases to ASCII "k"
                nexts[pending] = (pending_key, low, m.start() + len(low)) if ok else None
            pending = -1
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
            pending = m.start()
            pending_key = DIGIT if tok[0].isdecimal() else (low if tok[:3].isascii() else "")
            if key in begins:
                begins[key].append(pending)
            else:
                begins[key] = [pending]
        if groups:
            span = m.span()
            for group in groups:
                if group in hits:
                    hits[group].append(span)
                else:
                    hits[group] = [span]
            every.append(span)
    if pending >= 0:
        nexts[pending] = None  # no next token
    if rules.everywhere:
        hits[rules.everywhere] = every
    return hits, begins, nexts


#: a token and the first three characters of the next one (or its first digit)
_TWO = re.compile(r"(?>(?P<a>[^\W\d_]{1,3})[^\W\d_]*|\d+)[\W_]*+(?P<b>[^\W\d_]{1,3}|\d)")
_UNSEEN = ("", "", -1)


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


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows of WINDOW characters around each span (in text order, as ``_scan``
    gives them; a span repeated merges with itself), the end widened to whitespace."""
    n = len(text)
    merged: list[tuple[int, int]] = []
    lo = hi = -1
    for s, e in spans:
        a, b = s - WINDOW if s > WINDOW else 0, e + WINDOW if e + WINDOW < n else n
        if a <= hi:
            if b > hi:
                hi = b
        else:
            if hi >= 0:
                merged.append((lo, hi))
            lo, hi = a, b
    if hi >= 0:
        merged.append((lo, hi))
    # a window may start inside a word (the rules' look-behinds see the text before it) but
    # must not end inside one: a match cut at the window's end could look like a whole word
    word_end = _WORD_END.match
    return [(lo, word_end(text, hi, hi + 40).end()) for lo, hi in merged]  # type: ignore[union-attr]


@functools.cache
def _marks(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def candidates(text: str, rules: RuleSet) -> list[Candidate]:
    """Every match of every rule (overlapping ones included), vetoes too, in text order."""
    found: list[tuple[int, int, Candidate]] = []
    hits, begins, next_keys = _scan(text, rules)
    starts_at: dict[tuple[frozenset[str], str], list[int]] = {}
    for group, spans in hits.items():
        windows = _windows(text, spans)
        for r in group:
            rule = rules.rules[r]
            if rule.starts is None:
                for lo, hi in windows:
                    for m in rule.regex.finditer(text, lo, hi):
                        if m.end() > m.start():
                            found.append((m.start(), r, _candidate(m, rule)))
                continue
            where = starts_at.get(rule.starts)
            if where is None:
                where = starts_at[rule.starts] = _starts(text, rule.starts, begins)
            if not where:
                continue
            match = rule.regex.match
            second = rule.seconds
            for lo, hi in windows:
                # a search of the window, tried only where a match can begin
                i, j = bisect.bisect_left(where, lo), bisect.bisect_left(where, hi)
                after = lo
                for at in where[i:j]:
                    if at < after:
                        continue
                    if second:
                        # not before a next token the rule cannot go on with, unless that
                        # token is cut by the window's end
                        nxt = next_keys.get(at, _UNSEEN)
                        if nxt is _UNSEEN:
                            nxt = next_keys[at] = _next_key(text, at)
                        if nxt is not None:
                            allowed = second.get(nxt[0])
                            if allowed is not None and nxt[1] not in allowed and nxt[2] <= hi:
                                continue
                    if (hit := match(text, at, hi)) is not None:
                        found.append((at, r, _candidate(hit, rule)))
                        after = hit.end()  # never the match's start: rules match no empty text
    found.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in found]


def _candidate(m: re.Match[str], rule: Rule) -> Candidate:
    start = m.start()
    if "outer" in rule.regex.groupindex and m.group("outer"):
        start = m.end("outer")
    return Candidate(start, m.end(), rule, m, m.start())


def _starts(text: str, starts: tuple[frozenset[str], str], begins: dict[str, list[int]]) -> list[int]:
    """Where a match of a rule with these ``starts`` can begin, in text order."""
    keys, marks = starts
    where: list[int] = []
    for key in keys:
        if key in begins:
            where += begins[key]
    where += begins.get("", ())
    if marks:
        where += [m.start() for m in _marks(marks).finditer(text)]
    where.sort()
    return where
