"""The word lists of ``lexicon/en/events.toml`` and what they tell of single words: which
are verbs (and of which tier), which make a cue, a negation or a quotation mark.

>>> has_verb("Prices will rise from 1 April."), has_verb("and June 2022.")
(True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..lexicon import LexClass, load
from ..model import RELATIONS
from ..sentences import abbreviations

__all__ = ["lexicon", "phrase", "tokens", "verb_tier", "verbs", "has_verb", "negation_reach", "word_sets", "TOKEN"]

#: a word (inner apostrophes and hyphens kept) or one other non-space character
TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")


def _words(cls: LexClass, value: object | None = None) -> tuple[str, ...]:
    return tuple(k.lower() for k, v in cls.entries.items() if value is None or v == value)


def _list(cls: LexClass, key: str) -> tuple[str, ...]:
    words = cls.extra.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise ValueError(f"lexicon events.toml [{cls.name}]: {key} must be a non-empty list of strings")
    return tuple(w.lower() for w in words)


def _int(cls: LexClass, key: str) -> int:
    n = cls.extra.get(key)
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"lexicon events.toml [{cls.name}]: {key} must be a non-negative integer, got {n!r}")
    return n


def _text(cls: LexClass, key: str) -> str:
    s = cls.extra.get(key)
    if not isinstance(s, str) or not s:
        raise ValueError(f"lexicon events.toml [{cls.name}]: {key} must be a non-empty string, got {s!r}")
    return s


def _relations(cls: LexClass, allowed: tuple[str, ...] = RELATIONS[1:]) -> None:
    bad = set(cls.entries.values()) - set(allowed)
    if bad:
        raise ValueError(f"lexicon events.toml [{cls.name}]: unknown relations {sorted(bad)}")


@functools.cache
def lexicon() -> dict[str, dict[str, tuple[str, ...]]]:
    """The word lists of ``lexicon/en/events.toml`` (classes ``event_*``), checked on load."""
    lex = load("en")
    rel, neg, verb = lex["event_relation"], lex["event_negated"], lex["event_verb"]
    _relations(rel)
    _relations(neg, RELATIONS)
    cues = set(_words(rel))
    for key in ("bridged", "comparative", "past_on"):
        # each of these names cues of [event_relation]
        unknown = set(_list(rel, key)) - cues
        if unknown:
            raise ValueError(f"lexicon events.toml [event_relation]: {key} names no cue: {sorted(unknown)}")
    unknown = set(_words(neg)) - cues
    if unknown:
        raise ValueError(f"lexicon events.toml [event_negated]: not a cue of [event_relation]: {sorted(unknown)}")
    return {
        "sentences": {"abbreviations": abbreviations()},
        "relations": {
            **{name: _words(rel, name) for name in RELATIONS[1:]},
            "bridges": _list(rel, "bridges"),
            "bridged": _list(rel, "bridged"),
            "comparative": _list(rel, "comparative"),
            "past_on": _list(rel, "past_on"),
            "range_openers": _list(rel, "range_openers"),
            "comparison_words": _list(rel, "comparison_words"),
            "determiners": _list(rel, "determiners"),
        },
        "negated": {
            **{name: _words(neg, name) for name in RELATIONS},
            "negations": _list(neg, "negations"),
            "negation_suffixes": _list(neg, "negation_suffixes"),
        },
        "cuts": {cut: _words(lex["event_cut"], cut) for cut in ("EARLIER", "LATER")},
        "triggers": {
            "nouns": _words(lex["event_noun"]),
            "verbs": _words(verb, 0),
            "reporting": _words(verb, 1),
            "be_have": _words(verb, 2),
            "not_verbs": _list(verb, "not_verbs"),
            "auxiliaries": _list(verb, "auxiliaries"),
            "have": _list(verb, "have"),
            "modals": _list(verb, "modals"),
            "after_modal_skip": _list(verb, "after_modal_skip"),
            "ing_openers": _list(verb, "ing_openers"),
            "subjects": _list(verb, "subjects"),
        },
        "clauses": {
            "strong": _list(lex["event_clause"], "strong"),
            "quotes": _list(lex["event_clause"], "quotes"),
            "conjunctions": _words(lex["event_clause"]),
        },
    }


def phrase(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, any run of spaces between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def tokens(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The tokens of ``text[start:end]`` with their offsets."""
    return [(m.group(), m.start()) for m in TOKEN.finditer(text, start, end)]


@functools.cache
def word_sets() -> dict[str, frozenset[str]]:
    """The trigger word lists of ``lexicon()`` as sets, for lookups."""
    trig, rel = lexicon()["triggers"], lexicon()["relations"]
    return {
        **{name: frozenset(words) for name, words in trig.items()},
        "determiners": frozenset(rel["determiners"]),
        "bridges": frozenset(rel["bridges"]),
    }


@functools.cache
def _endings() -> tuple[str, int, str, int]:
    """The past and progressive endings the suffix rules read, each with its shortest word."""
    verb = load("en")["event_verb"]
    return (
        _text(verb, "past_ending"),
        _int(verb, "past_min"),
        _text(verb, "progressive_ending"),
        _int(verb, "progressive_min"),
    )


@functools.cache
def negation_reach() -> int:
    """How many words before a cue a negation may stand."""
    return _int(load("en")["event_negated"], "reach")


@functools.lru_cache(maxsize=1 << 14)
def _verb_class(word: str) -> tuple[int | None, bool, bool, bool, bool, bool]:
    """What ``verb_tier`` can tell of ``word`` alone: (tier, whether that is final, whether
    an auxiliary or clause opener before it makes it a verb ("is rising", "after touring"),
    whether have/has/had before it does ("have risen"), whether a modal before it does
    ("will rise"), whether a subject pronoun before it does ("it expects"))."""
    w = word.lower()
    sets = word_sets()
    past, past_min, ing, ing_min = _endings()
    if w in sets["reporting"]:
        return 1, True, False, False, False, False
    if w in sets["be_have"]:
        return 2, True, False, False, False, False
    if w in sets["verbs"]:
        return 0, True, False, False, False, False
    if w in sets["not_verbs"] or not w.isalpha():
        return None, True, False, False, False, False
    if len(w) >= past_min and w.endswith(past):
        return 0, True, False, False, False, False
    after_modal = (
        word.islower()
        and not word.endswith("ly")
        and word not in sets["after_modal_skip"]
        and word not in sets["determiners"]
        and word not in sets["bridges"]
    )
    after_subject = after_modal and word not in sets["nouns"] and word not in sets["modals"]
    return None, False, len(w) >= ing_min and w.endswith(ing), w not in sets["auxiliaries"], after_modal, after_subject


@functools.lru_cache(maxsize=1 << 12)
def _before_class(prev: str) -> tuple[bool, bool, bool, bool, bool]:
    """What the token before a word tells (see ``_verb_class``): whether it is an auxiliary
    or clause opener, have/has/had, a modal, a word a modal may stand before ("will not
    rise"), a subject pronoun."""
    sets = word_sets()
    p = prev.lower()
    return (
        p in sets["auxiliaries"] or p in sets["ing_openers"],
        p in sets["have"],
        prev in sets["modals"],
        p in sets["after_modal_skip"],
        p in sets["subjects"],
    )


def _in_context(word: tuple[int | None, bool, bool, bool, bool, bool], prev: str, before_prev: str) -> int | None:
    """``verb_tier`` of a word whose class (``_verb_class``) is not final."""
    _, _, after_opener, after_have, after_modal, after_subject = word
    opener, have, modal, skip, subject = _before_class(prev)
    if (after_opener and opener) or (after_have and have):
        return 0  # "is rising", "after touring"; a participle: "have risen"
    if after_modal and (modal or (skip and before_prev in word_sets()["modals"])):
        return 0  # "will rise", "can comment", "will not rise"
    if after_subject and subject:
        return 0  # "it expects", "they say"
    return None


def verb_tier(word: str, prev: str, before_prev: str = "") -> int | None:
    """Tier of a verb-like token (0 content verb, 1 reporting, 2 be/have/will), or None.

    ``prev`` and ``before_prev`` are the one or two tokens before it, as written.

    >>> [verb_tier(w, p) for w, p in [("met", ""), ("said", ""), ("rising", "is"), ("comment", "can")]]
    [0, 1, 0, 0]
    """
    known = _verb_class(word)
    return known[0] if known[1] else _in_context(known, prev, before_prev)


def verbs(toks: Iterable[tuple[str, int]]) -> Iterator[tuple[int, str, int]]:
    """(tier, word, offset) of the verb-like tokens of ``toks``, in order."""
    prev = before = ""
    for word, pos in toks:
        known = _verb_class(word)  # verb_tier, inlined: this reads every word near an expression
        tier = known[0] if known[1] else _in_context(known, prev, before)
        if tier is not None:
            yield tier, word, pos
        prev, before = word, prev


def has_verb(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` holds a verb-like word of any tier."""
    toks = ((m.group(), m.start()) for m in TOKEN.finditer(text, start, len(text) if end is None else end))
    return next(verbs(toks), None) is not None
