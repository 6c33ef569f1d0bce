"""Expressions -> events: the clause or sentence that a dated expression anchors.

An event is made for every expression that has a place in time (a DATE or TIME, or an
anchored duration, with a range); bare durations and sets are attributes, not events.
Its text is the sentence holding the expression, cut between expressions where one
sentence holds several. The cue right before the expression gives the relation (ON,
BEFORE, AFTER, SINCE, UNTIL) and ``event_range`` turns the expression's range and the
relation into the event's range. Word lists live in ``lexicon/en/events.toml``.
See docs/events.md.

>>> import pendulum
>>> from timeline.model import Expression
>>> text = "Talks ended. Ministers met after the vote on Monday."
>>> x = Expression("Monday", text.find("Monday"), text.find("Monday") + 6, "DATE", "2024-07-22")
>>> [(e.text, e.relation, e.trigger, str(e.earliest.date()), e.latest)
...  for e in build_events(text, [x], pendulum.datetime(2024, 7, 28))]
[('Ministers met after the vote on Monday.', 'AFTER', 'met', '2024-07-23', None)]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from .bounds import Range, value_range
from .dedupe import deduplicate
from .lexicon import LexClass, load
from .model import RELATIONS, Event, Expression
from .order import ordered
from .sentences import abbreviations, is_complete, sentences, trim

#: segments with more expressions than this skip the "a narrower one restates it" check
RESTATE_LIMIT = 64
#: how far from its expression (in characters) a trigger word is looked for
TRIGGER_REACH = 300
#: an event's text is cut to at most this many characters around its expression
MAX_EVENT_CHARS = 600

__all__ = ["build_events", "find_events", "sentences", "event_range", "relation_of", "lexicon"]


def _words(cls: LexClass, value: object | None = None) -> tuple[str, ...]:
    return tuple(k.lower() for k, v in cls.entries.items() if value is None or v == value)


def _list(cls: LexClass, key: str) -> tuple[str, ...]:
    words = cls.extra.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise ValueError(f"lexicon events.toml [{cls.name}]: {key} must be a non-empty list of strings")
    return tuple(words)


@functools.cache
def lexicon() -> dict[str, dict[str, tuple[str, ...]]]:
    """The word lists of ``lexicon/en/events.toml`` (classes ``event_*``), checked on load."""
    lex = load("en")
    rel, verb = lex["event_relation"], lex["event_verb"]
    bad = {v for v in rel.entries.values()} - set(RELATIONS[1:])
    if bad:
        raise ValueError(f"lexicon events.toml [event_relation]: unknown relations {sorted(bad)}")
    return {
        "sentences": {"abbreviations": abbreviations()},
        "relations": {
            **{name: _words(rel, name) for name in RELATIONS[1:]},
            "bridges": _list(rel, "bridges"),
            "determiners": _list(rel, "determiners"),
        },
        "cuts": {cut: _words(lex["event_cut"], cut) for cut in ("EARLIER", "LATER")},
        "triggers": {
            "nouns": _words(lex["event_noun"]),
            "verbs": _words(verb, 0),
            "reporting": _words(verb, 1),
            "be_have": _words(verb, 2),
            "not_verbs": _list(verb, "not_verbs"),
            "auxiliaries": _list(verb, "auxiliaries"),
        },
        "clauses": {"strong": _list(lex["event_clause"], "strong"), "conjunctions": _words(lex["event_clause"])},
    }


# ---------------------------------------------------------------- relations, ranges


def _phrase(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _relation_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rel = lexicon()["relations"]
    det = _phrase(rel["determiners"])
    bridge = _phrase(rel["bridges"])
    out = []
    for name in RELATIONS[1:]:
        cue = _phrase(rel[name])
        out.append((name, re.compile(rf"(?:^|[^\w-])(?:{cue})\s+(?:(?:{det})\s+){{0,2}}$", re.I)))
    for name in RELATIONS[1:]:
        cue = _phrase(rel[name])
        out.append(
            (name, re.compile(rf"(?:^|[^\w-])(?:{cue})\s+(?:[\w’'-]+\s+){{1,3}}(?:{bridge})\s+$", re.I))
        )
    return tuple(out)


@functools.cache
def _any_cue() -> re.Pattern[str]:
    """A cue word of any relation, as every relation pattern opens: text without one has
    no relation to find."""
    rel = lexicon()["relations"]
    cues = _phrase(w for name in RELATIONS[1:] for w in rel[name])
    return re.compile(rf"(?:^|[^\w-])(?:{cues})\s", re.I)


def relation_of(before: str) -> str:
    """The relation the text right before an expression gives it; ON without a cue.

    >>> relation_of("talks resumed since "), relation_of("after the vote on "), relation_of("met on ")
    ('SINCE', 'AFTER', 'ON')
    """
    tail = before[-80:]
    if not _any_cue().search(tail):
        return "ON"
    for name, pattern in _relation_patterns():
        if pattern.search(tail):
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


def _cut_of(expr: Expression) -> str | None:
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
        return value_range(expr.value, expr.mod, anchor, cut=_cut_of(expr))
    return None, None


# ---------------------------------------------------------------- triggers, clauses

_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")


@functools.cache
def _sets() -> dict[str, frozenset[str]]:
    """The trigger word lists of ``lexicon()`` as sets, for lookups."""
    trig, rel = lexicon()["triggers"], lexicon()["relations"]
    return {
        **{name: frozenset(words) for name, words in trig.items()},
        "determiners": frozenset(rel["determiners"]),
        "bridges": frozenset(rel["bridges"]),
    }


_HAVE = frozenset({"have", "has", "had"})


@functools.lru_cache(maxsize=1 << 14)
def _verb_class(word: str) -> tuple[int | None, bool, bool, bool]:
    """What ``_is_verb`` can tell of ``word`` alone: (tier, whether that is final, whether
    an auxiliary before it makes it a verb ("is rising"), whether have/has/had before it
    does ("have risen"))."""
    w = word.lower()
    sets = _sets()
    if w in sets["reporting"]:
        return 1, True, False, False
    if w in sets["be_have"]:
        return 2, True, False, False
    if w in sets["verbs"]:
        return 0, True, False, False
    if w in sets["not_verbs"] or not w.isalpha():
        return None, True, False, False
    if len(w) > 3 and w.endswith("ed"):
        return 0, True, False, False
    return None, False, len(w) > 4 and w.endswith("ing"), w not in sets["auxiliaries"]


def _is_verb(word: str, prev: str) -> int | None:
    """Tier of a verb-like token (0 content verb, 1 reporting, 2 be/have/will), or None."""
    tier, final, after_auxiliary, after_have = _verb_class(word)
    if final:
        return tier
    if after_auxiliary and prev.lower() in _sets()["auxiliaries"]:
        return 0
    if after_have and prev.lower() in _HAVE:
        return 0  # a participle: "have risen"
    return None


def _trigger(text: str, seg: tuple[int, int], expr: Expression) -> tuple[str, int, bool] | None:
    """The trigger word, its offset, and whether the expression modifies it directly
    ("an April agreement")."""
    # only the words within TRIGGER_REACH of the expression: the trigger is a near word,
    # and a long segment must not make every expression read all of it
    s, e = max(seg[0], expr.start - TRIGGER_REACH), min(seg[1], expr.end + TRIGGER_REACH)
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text, s, e)]
    sets = _sets()
    nouns, dets, bridges = sets["nouns"], sets["determiners"], sets["bridges"]
    x_start, x_end = expr.start, expr.end
    first_after = bisect.bisect_left(tokens, x_end, key=lambda t: t[1])
    for i, (word, pos) in enumerate(tokens[first_after : first_after + 3]):
        w = word.lower()
        if w in nouns:
            return word, pos, True
        if not word[0].isalnum() or w in dets or _is_verb(word, "") is not None or i == 2:
            break
        if w in bridges:
            break
    best: tuple[int, int, str, int] | None = None
    auxiliaries = sets["auxiliaries"]
    verb_class = _verb_class
    prev = ""
    for word, pos in tokens:
        if x_start <= pos < x_end:
            prev = word
            continue
        tier, final, after_auxiliary, after_have = verb_class(word)
        if not final and (
            (after_auxiliary and prev.lower() in auxiliaries) or (after_have and prev.lower() in _HAVE)
        ):
            tier = 0
        prev = word
        if tier is None:
            continue
        distance = x_start - pos if pos < x_start else pos - x_end
        if best is None or tier < best[0] or (tier == best[0] and distance < best[1]):
            best = (tier, distance, word, pos)
    if best is not None:
        return best[2], best[3], False
    nearest = [
        (abs(pos - x_start), word, pos)
        for word, pos in tokens
        if word.lower() in nouns and not x_start <= pos < x_end
    ]
    if nearest:
        _, word, pos = min(nearest)
        return word, pos, False
    return None


@functools.cache
def _boundary_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """(strength, pattern) of the places a sentence can be cut, strongest first."""
    clauses = lexicon()["clauses"]
    conj = _phrase(clauses["conjunctions"])
    return (
        (3, re.compile("|".join(re.escape(m) for m in clauses["strong"]))),
        (2, re.compile(rf",\s+(?={conj}\b)", re.I)),
        (1, re.compile(rf"\s+(?=(?:{conj})\s)", re.I)),
        (0, re.compile(r",\s+")),
    )


def _boundary(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The best cut between ``lo`` and ``hi``: (end of the first part, start of the next)."""
    found: list[tuple[int, int, int, int]] = []  # (strength, position, cut_end, next_start)
    for strength, pattern in _boundary_patterns():
        for m in pattern.finditer(text, lo, hi):
            found.append((strength, m.start() - lo, m.start(), m.end()))
    if not found:
        return None
    _, _, cut, nxt = max(found)
    return cut, nxt


# ---------------------------------------------------------------- building


@attrs.frozen(slots=True)
class _Found:
    event: Event
    complete: tuple[bool, bool]  # its sentence ends with . ! ?; it stands apart


def _dated(expr: Expression, anchor: _dt.datetime) -> Range | None:
    if expr.type == "SET":
        return None
    rng = expression_range(expr, anchor)
    if rng == (None, None) and expr.type == "DURATION":
        return None
    return None if rng == (None, None) else rng


def find_events(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None = None
) -> tuple[Event, ...]:
    """The events of ``text`` in text order, before de-duplication (see ``build_events``)."""
    return tuple(f.event for f in _find(text, expressions, anchor, source))


def _find(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None
) -> list[_Found]:
    dated = sorted(
        ((x, r) for x in expressions if (r := _dated(x, anchor)) is not None),
        key=lambda p: (p[0].start, p[0].end),
    )
    out: list[_Found] = []
    sources = (source,) if source else ()
    first = 0  # sentences and expressions are both in text order: walk them together
    for s0, e0 in sentences(text):
        while first < len(dated) and dated[first][0].start < s0:
            first += 1
        last = first
        while last < len(dated) and dated[last][0].start < e0:
            last += 1
        inside = dated[first:last]
        if not inside:
            continue
        # a complete copy ends with . ! ? and stands apart (not run into its neighbours)
        complete = (
            is_complete(text[s0:e0]),
            (s0 == 0 or text[s0 - 1].isspace()) and (e0 == len(text) or text[e0].isspace()),
        )
        # cut the sentence between consecutive expressions; with no boundary between
        # two, they share a segment
        spans: list[tuple[int, int]] = []
        group, start = 1, s0
        for (x, _), (y, _) in zip(inside, inside[1:]):
            cut = _boundary(text, x.end, y.start) if x.end < y.start else None
            if cut is None:
                group += 1
                continue
            spans += [(start, cut[0])] * group
            group, start = 1, cut[1]
        spans += [(start, e0)] * group
        by_segment: dict[tuple[int, int], list[Range]] = {}
        for (_, r2), seg in zip(inside, spans):
            by_segment.setdefault(seg, []).append(r2)
        for (x, rng), (s, e) in zip(inside, spans):
            # an expression whose range holds a narrower one in the same segment only
            # restates it ("Sunday ... 10 a.m."): keep the narrower one (checked in
            # segments of at most RESTATE_LIMIT expressions, so odd text stays linear)
            same = by_segment[(s, e)]
            if len(same) <= RESTATE_LIMIT and any(_within(r2, rng) and r2 != rng for r2 in same):
                continue
            s, e = trim(text, *_around(text, s, e, x))
            trig = _trigger(text, (s, e), x)
            # an expression that modifies an event noun dates that noun: ON
            attributive = trig is not None and trig[2]
            relation = "ON" if attributive else relation_of(text[s : x.start])
            lo, hi = event_range(relation, rng)
            if lo is not None and hi is not None and not lo < hi:
                continue
            event = Event(
                text=text[s:e],
                start=s,
                end=e,
                expression=x,
                relation=relation,
                earliest=lo,
                latest=hi,
                trigger=trig[0] if trig else None,
                trigger_start=trig[1] if trig else None,
                sources=sources,
            )
            out.append(_Found(event, complete))
    return out


def _around(text: str, s: int, e: int, x: Expression) -> tuple[int, int]:
    """``[s, e)``, cut at words to at most MAX_EVENT_CHARS around ``x`` when longer (a
    run of text without sentence or clause breaks is no event text)."""
    if e - s <= MAX_EVENT_CHARS:
        return s, e
    half = MAX_EVENT_CHARS // 2
    lo, hi = max(s, x.start - half), min(e, x.end + half)
    if lo > s:
        space = text.find(" ", lo, x.start)
        lo = space + 1 if space >= 0 else lo
    if hi < e:
        space = text.rfind(" ", x.end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _within(inner: Range, outer: Range) -> bool:
    (a, b), (c, d) = inner, outer
    if None in (a, b, c, d):
        return False
    assert a is not None and b is not None and c is not None and d is not None
    return c <= a and b <= d


def build_events(
    text: str, expressions: Sequence[Expression], anchor: _dt.datetime, source: str | None = None
) -> tuple[Event, ...]:
    """The events of ``text``, one per repeated sentence, in timeline order.

    ``expressions`` are the document's expressions (any order); ``anchor`` is used only
    to compute a range the tagger left empty; ``source`` names the document in
    ``Event.sources``. A sentence printed twice (also a truncated copy) yields one event,
    from the complete copy.
    """
    found = _find(text, expressions, anchor, source)
    complete = {id(f.event): f.complete for f in found}
    kept = deduplicate([f.event for f in found], prefer=lambda ev: complete[id(ev)])
    return ordered(kept)
