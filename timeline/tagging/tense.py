"""Direction of an underspecified expression from its sentence: past (-1), future (+1) or
none (None). The cue word nearest to the expression wins (word lists: lexicon ``cues``).

A month or weekday used as a modifier ("an April agreement", "the November race") takes no
direction from the verb (None); a possessive one ("Wednesday's ruling") is past.

>>> text = "They will look for ways around Wednesday's ruling."
>>> direction(text, text.index("Wednesday"), text.index("Wednesday") + 9)
-1

>>> text = "The budget was announced in March."
>>> direction(text, text.index("March"), text.index("March") + 5)
-1
>>> text = "The reorganization is set for March."
>>> direction(text, text.index("March"), text.index("March") + 5)
1
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import load
from ..sentences import sentence_span

__all__ = ["direction", "sentence_bounds", "SENTENCE_REACH"]

#: characters looked at on each side of the expression
SENTENCE_REACH = 200
#: a cue after the expression counts as this many times farther than one before it: the
#: verb a time phrase depends on mostly comes first ("Qantas will double its flights by
#: August in the search for markets untouched by the crisis")
AFTER_CUE_WEIGHT = 3
_POSSESSIVE = re.compile(r"['\u2019]s\b(?! time\b)")  # "in a week's time" is no possessive
_NOUN_AFTER = re.compile(r"\s+(?:[a-z][a-z-]+)")


@cache
def _deadline() -> re.Pattern[str]:
    """A modal, a verb (or two) and a deadline word right before a position (lexicon
    classes ``deadline_modal`` and ``deadline_word``)."""
    lex = load("en")
    modal, word = lex["deadline_modal"].alternation(True), lex["deadline_word"].alternation(True)
    return re.compile(rf"\b{modal}(?:\s+not)?(?:\s+[a-z]+){{1,2}}\s+{word}\s+$")


@cache
def _open_until() -> re.Pattern[str]:
    """A word that ends a state that holds now (lexicon class ``open_until``) right before a
    position, with what lies between it and the position (a determiner at most)."""
    lex = load("en")
    return re.compile(rf"(?<![\w']){lex['open_until'].alternation(True)}\s+(?:(?:{lex['determiner'].alternation(True)})\s+)?$")


@cache
def _determiner() -> re.Pattern[str]:
    """A determiner (lexicon class ``determiner``) right before a position."""
    return re.compile(rf"(?i:\b(?:{load('en')['determiner'].alternation(True)})\s+)$")


@cache
def _cues() -> tuple[
    re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str] | None, re.Pattern[str], re.Pattern[str], frozenset[str]
]:
    lex = load("en")
    future = lex["future_cue"]
    past = lex["past_cue"]
    fut_forms = [f for f, v in future.entries.items() if v]
    past_forms = [f for f, v in past.entries.items() if v]

    def alt(forms: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len, reverse=True))

    not_past = frozenset(past.extra.get("not_past", ()))
    not_cue = [*future.extra.get("not_cue", ()), *past.extra.get("not_cue", ())]
    not_cue_re = re.compile(rf"(?i)(?<![\w'])(?:{alt(not_cue)})(?!\w)") if not_cue else None
    fut_re = re.compile(rf"(?i)(?<![\w'])(?:{alt(fut_forms)})(?!\w)")
    ending = re.escape(past.extra.get("regular_past_ending", "ed"))
    past_re = re.compile(rf"(?<![\w'])(?:(?i:{alt(past_forms)})|[a-z]{{2,}}{ending})(?!\w)")
    # an -ed word after "be", "to" or a determiner is no past tense: "to be expected",
    # "a still unspecified date"
    not_after = "|".join(map(re.escape, past.extra.get("not_after", ())))
    # a regular past form after "is", "are" is a participle: "the road is closed"
    participle = "|".join(map(re.escape, past.extra.get("participle_after", ())))
    not_after_re = re.compile(rf"(?i:\b(?:{not_after})\s+)$")
    participle_re = re.compile(rf"(?i:(?:\b|(?<=\w))(?:{participle})\s+)$")
    return fut_re, past_re, not_past, not_cue_re, not_after_re, participle_re, frozenset(f.lower() for f in past_forms)


#: where a cue can begin: a word start (no word character or apostrophe before), with the
#: word that starts there (up to ``end``), or an apostrophe
_RUN = re.compile(r"(?<![\w'])(?:\w+|')")


@cache
def _firsts() -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The first words (lowercased) of the future cues, past cues and phrases that are no
    cue: a cue can only begin at a word that is one of them, at an apostrophe, or (a past
    cue) at a word ending in "ed" (None when some phrase opens otherwise)."""
    lex = load("en")
    future, past = lex["future_cue"], lex["past_cue"]
    groups = (
        [f for f, v in future.entries.items() if v],
        [f for f, v in past.entries.items() if v],
        [*future.extra.get("not_cue", ()), *past.extra.get("not_cue", ())],
    )
    out = []
    for forms in groups:
        words = set()
        for form in forms:
            word = re.match(r"\w*", form.split()[0])
            assert word is not None
            head = word.group()
            if not head and not form.startswith("'"):
                return None
            if not head.isascii():
                return None
            words.add(head.lower())
        out.append(frozenset(words))
    return out[0], out[1], out[2]


def _cue_matches(
    text: str, s: int, e: int, firsts: tuple[frozenset[str], frozenset[str], frozenset[str]] | None
) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]]:
    """What ``finditer(text, s, e)`` finds of the phrases that are no cue, the future cues
    and the past cues; with ``firsts``, each pattern is tried only at the word starts where
    one of its phrases can begin (a word that is not plain ASCII is tried: case folding may
    match it)."""
    fut_re, past_re, _, not_cue_re, *_ = _cues()
    patterns = (not_cue_re, fut_re, past_re)
    if firsts is None:
        return tuple(list(r.finditer(text, s, e)) if r else [] for r in patterns)  # type: ignore[return-value]
    not_first, fut_first, past_first = firsts[2], firsts[0], firsts[1]
    tries: tuple[list[int], list[int], list[int]] = ([], [], [])
    for m in _RUN.finditer(text, s, e):
        run = m.group()
        if run.isascii() and run != "'":
            low = run.lower()
            if low in not_first:
                tries[0].append(m.start())
            if low in fut_first:
                tries[1].append(m.start())
            if low in past_first or low.endswith("ed"):
                tries[2].append(m.start())
        else:
            for where in tries:
                where.append(m.start())
    out: tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]] = ([], [], [])
    for regex, where, found in zip(patterns, tries, out):
        if regex is None:
            continue
        after = -1
        for at in where:
            if at >= after and (hit := regex.match(text, at, e)) is not None:
                found.append(hit)
                after = hit.end()
    return out


@lru_cache(maxsize=256)  # the tagger asks for one expression's sentence several times in a row
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, looked for at most SENTENCE_REACH characters
    away (the one sentence splitter, ``sentences.sentence_span``)."""
    return sentence_span(text, start, end, reach=SENTENCE_REACH)


def is_modifier(text: str, start: int, end: int) -> bool:
    """True for "an April agreement": determiner before, a lowercase noun right after."""
    before = text[max(0, start - 12) : start]
    return bool(_determiner().search(before)) and bool(_NOUN_AFTER.match(text, end))


@cache
def _clause_break() -> re.Pattern[str]:
    """What ends a clause between an expression and a cue after it: a semicolon or colon, a
    conjunction that opens a clause, or "and" before a verb or a subject (cues.toml)."""
    lex = load("en")
    opens = "|".join(map(re.escape, sorted(lex["clause_conjunction"].entries, key=len, reverse=True)))
    after_and = "|".join(map(re.escape, sorted(lex["clause_after_and"].entries, key=len, reverse=True)))
    return re.compile(rf"[;:]|,?\s+(?i:{opens})\s|,?\s+(?i:and)\s+(?:{after_and})\b")


def direction(text: str, start: int, end: int) -> int | None:
    """-1 (past), +1 (future) or None, from the cue nearest to ``text[start:end]``."""
    found = cue(text, start, end)
    return None if found is None else found[0]


def cue(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The direction of the cue nearest to ``text[start:end]`` and how far it stands from
    it (characters; a cue after the expression counts ``AFTER_CUE_WEIGHT`` times farther),
    or None when the sentence has no cue."""
    possessive = bool(_POSSESSIVE.match(text, end))
    if not possessive and is_modifier(text, start, end):
        return None
    if _deadline().search(text, max(0, start - 40), start):
        return (1, 0)  # "can apply until May 10", "must be filed by Friday": a deadline ahead
    _, _, not_past, _, not_after_re, participle_re, listed = _cues()
    s, e = sentence_bounds(text, start, end)
    found = _cue_matches(text, s, e, _firsts())
    # phrases that hold a cue word without being a cue ("next to the embassy")
    masked = [m.span() for m in found[0]]
    cues: list[tuple[int, int, int]] = []  # (start, end, direction)
    for matches, sign in ((found[1], 1), (found[2], -1)):
        for m in matches:
            if start <= m.start() < end or any(a <= m.start() < b for a, b in masked):
                continue
            word = m.group(0).lower()
            if sign < 0 and (word in not_past or not_after_re.search(text, max(0, m.start() - 12), m.start())):
                continue
            if sign < 0 and word not in listed and participle_re.search(text, max(0, m.start() - 6), m.start()):
                continue  # "is closed": a participle
            cues.append((m.start(), m.end(), sign))
    best: tuple[int, int] | None = None  # (distance, direction)
    if possessive:  # "Wednesday's ruling": known, so not ahead, unless "Saturday's game will ..."
        cues = [c for c in cues if c[0] >= end]
    # a cue after the expression counts only in its own clause: "came into force on 1 January
    # and will be reviewed soon" is the January past
    clause_break = _clause_break()
    cues = [c for c in cues if c[0] < end or not clause_break.search(text, end, c[1])]
    for a, b, sign in cues:
        # a cue starting inside a longer one of the other direction is part of it:
        # "had been scheduled" is past, although "scheduled" alone points ahead
        if any(a2 <= a < b2 and b2 - a2 > b - a for a2, b2, s2 in cues if s2 != sign):
            continue
        dist = start - b if b <= start else (a - end) * AFTER_CUE_WEIGHT
        if best is None or dist < best[0] or (dist == best[0] and sign > 0):
            best = (dist, sign)
    if possessive:
        return (1, 0) if best is not None and best[1] > 0 else (-1, 0)
    if best is None and (until := _open_until().search(text, max(s, start - 24), start)) is not None:
        return (1, start - until.end())  # "is closed until Friday": a state that ends ahead
    return None if best is None else (best[1], best[0])
