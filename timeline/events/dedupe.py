"""De-duplication of events: the same sentence twice, or near-identical events across
documents, become one event that keeps every source.

Two events are the same when they have the same value and relation and their texts,
normalized (case, quotes, punctuation, spacing), are equal, one is a prefix of the other
(a truncated copy), or share at least ``JACCARD`` of their words.

>>> normalize("“2+2” Talks,  ended.")
'2 2 talks ended'
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

from ..model import Event
from ..sentences import is_complete

__all__ = ["JACCARD", "MIN_PREFIX", "FUZZY_LIMIT", "normalize", "same_event", "near_pairs", "Merger", "deduplicate"]

#: share of words two texts must have in common to be near-identical
JACCARD = 0.8
#: a text must keep at least this many characters to count as a truncated copy
MIN_PREFIX = 20
#: groups (same value and relation) with more distinct texts than this are merged only
#: where their texts are equal: the pairwise test would grow with the square of the group
FUZZY_LIMIT = 500

@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lower case, letters and digits only, single spaces."""
    t = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"[^\W_]+", t))


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


def same_event(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` tell the same thing at the same time."""
    if (a.value, a.relation) != (b.value, b.relation):
        return False
    na, nb = normalize(a.text), normalize(b.text)
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    if len(short) >= MIN_PREFIX and long_.startswith(short):
        return True
    wa, wb = _words(a.text), _words(b.text)
    if min(len(wa), len(wb)) < 4:
        return False
    return len(wa & wb) / len(wa | wb) >= JACCARD


def near_pairs(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)`` of distinct normalized ``texts`` that ``same_event`` calls the
    same (for one value and relation), without testing every pair: a truncated copy
    sorts right after the text it begins; texts sharing ``JACCARD`` of their words share
    a word among the rarest few of each (prefix filtering). Pairs may repeat.

    >>> sorted(set(near_pairs(["the ministers met in tokyo on sunday", "the ministers met in tokyo",
    ...                        "ministers met in tokyo on sunday", "prices rose"])))
    [(0, 1), (0, 2)]
    """
    order = sorted(range(len(texts)), key=texts.__getitem__)
    for n, i in enumerate(order):  # i a prefix of the texts right after it
        if len(texts[i]) < MIN_PREFIX:
            continue
        m = n + 1
        while m < len(order) and texts[order[m]].startswith(texts[i]):
            yield min(i, order[m]), max(i, order[m])
            m += 1
    words = [frozenset(t.split()) for t in texts]
    sizes = [len(w) for w in words]
    counts: dict[str, int] = {}
    for w in words:
        for word in w:
            counts[word] = counts.get(word, 0) + 1
    # one order of all words, rarest first
    rank = {word: n for n, word in enumerate(sorted(counts, key=lambda word: (counts[word], word)))}
    index: dict[str, list[int]] = {}  # word -> the texts (so far) with it among their rarest
    for i, w in enumerate(words):
        if len(w) < 4:
            continue
        # two texts with Jaccard >= JACCARD have at least ceil(JACCARD * len) words in
        # common (one fewer allowed for rounding): then the rarest of them is among the
        # first len - common + 1 words of each, in one order of all words
        common = max(1, math.ceil(JACCARD * len(w)) - 1)
        rarest = sorted(w, key=rank.__getitem__)[: len(w) - common + 1]
        # the share of common words is at most the smaller set's size over the larger's
        low, high = (JACCARD - 1e-9) * len(w), len(w) / (JACCARD - 1e-9)
        seen: set[int] = set()
        for word in rarest:
            for j in index.get(word, ()):
                if j not in seen:
                    seen.add(j)
                    size = sizes[j]
                    if low <= size <= high:
                        shared = len(w & words[j])
                        if shared / (len(w) + size - shared) >= JACCARD:  # |w & v| / |w | v|
                            yield j, i
            index.setdefault(word, []).append(i)


T = TypeVar("T")


class Merger(Generic[T]):
    """De-duplication as the items come: items with the same value, relation and
    normalized text are merged at once (only the best of them is kept), near-identical
    texts when the groups are read (``groups``). ``deduplicate`` is built on it.

    The best item of a group is the highest by (``rank``, a complete sentence, the longer
    normalized text), then the lowest by ``tiebreak``, then the first added.
    """

    def __init__(self, tiebreak: Callable[[T], tuple[Hashable, ...]]) -> None:
        self._tiebreak = tiebreak
        # (value, relation) -> normalized text -> its group of equal texts (numbered in
        # the order first seen)
        self._by_key: dict[tuple[str, str], dict[str, int]] = {}
        self._best: list[T] = []
        self._rank: list[tuple[Hashable, ...]] = []
        self._sources: list[tuple[str, ...]] = []  # the first item's
        self._size: list[int] = []
        self._union: dict[int, set[str]] = {}  # groups whose items name different sources

    def add(self, item: T, value: str, relation: str, text: str, sources: tuple[str, ...], rank: tuple[Hashable, ...] = ()) -> None:
        """Add ``item``, an event with this value, relation, text and sources."""
        norm = normalize(text)
        key = (rank, is_complete(text), len(norm))
        g = self._by_key.setdefault((value, relation), {}).setdefault(norm, len(self._best))
        if g == len(self._best):
            self._best.append(item)
            self._rank.append(key)
            self._sources.append(sources)
            self._size.append(1)
            return
        self._size[g] += 1
        if sources != self._sources[g] or g in self._union:
            self._union.setdefault(g, set(self._sources[g])).update(sources)
        if _better(key, item, self._rank[g], self._best[g], self._tiebreak):
            self._best[g], self._rank[g] = item, key

    def groups(self) -> Iterator[tuple[T, tuple[str, ...] | None]]:
        """Each group's best item with every source of the group (best's first, then the
        others sorted), or None for a group of one item; in the order first seen."""
        parent = list(range(len(self._best)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for texts in self._by_key.values():
            if not 1 < len(texts) <= FUZZY_LIMIT:  # past the limit, equal texts only: odd input stays linear
                continue
            members = list(texts.values())
            for a, b in near_pairs(list(texts)):
                ra, rb = find(members[a]), find(members[b])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)  # the root is the first seen
        joined: dict[int, list[int]] = {}
        for g in range(len(self._best)):
            joined.setdefault(find(g), []).append(g)
        for root, gs in joined.items():
            best = root
            for g in gs[1:]:
                if _better(self._rank[g], self._best[g], self._rank[best], self._best[best], self._tiebreak):
                    best = g
            if len(gs) == 1 and self._size[root] == 1:
                yield self._best[root], None
                continue
            every = set().union(*(self._union.get(g, self._sources[g]) for g in gs))
            mine = self._sources[best]
            yield self._best[best], mine + tuple(sorted(every - set(mine)))


def _better(key: tuple[Hashable, ...], item: T, best_key: tuple[Hashable, ...], best: T, tiebreak: Callable[[T], tuple[Hashable, ...]]) -> bool:
    if key != best_key:
        return key > best_key
    return tiebreak(item) < tiebreak(best)


def _tiebreak(e: Event) -> tuple[Hashable, ...]:
    return (e.sources, e.start, e.end, e.text, e.expression.start, e.trigger or "")


def deduplicate(
    events: Sequence[Event], prefer: Callable[[Event], tuple[Hashable, ...]] | None = None
) -> tuple[Event, ...]:
    """One event per group of same events, in the order of each group's first member.

    The kept copy is the best by ``prefer`` (higher wins), then a complete sentence over
    a truncated one, then the longer text; its sources come first, then the others'.
    The result does not depend on the order of ``events`` (beyond output order).
    """
    merger: Merger[Event] = Merger(_tiebreak)
    for e in events:
        merger.add(e, e.value, e.relation, e.text, e.sources, prefer(e) if prefer else ())
    return tuple(
        e if sources is None else attrs.evolve(e, sources=sources) for e, sources in merger.groups()
    )
