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
import re
import unicodedata
from collections.abc import Callable, Hashable, Sequence

import attrs

from ..model import Event
from ..sentences import is_complete

__all__ = ["JACCARD", "MIN_PREFIX", "FUZZY_LIMIT", "normalize", "same_event", "deduplicate"]

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
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # equal normalized texts first (one pass), then the pairwise test between distinct
    # texts of the same value and relation, up to FUZZY_LIMIT of them (odd input stays linear)
    by_text: dict[tuple[str, str, str], int] = {}
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(events):
        first = by_text.setdefault((e.value, e.relation, normalize(e.text)), i)
        if first != i:
            parent[find(i)] = find(first)
        else:
            by_key.setdefault((e.value, e.relation), []).append(i)
    for members in by_key.values():
        if len(members) > FUZZY_LIMIT:
            continue
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if find(i) != find(j) and same_event(events[i], events[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[Event]] = {}
    for i, e in enumerate(events):
        groups.setdefault(find(i), []).append(e)
    rank = prefer or (lambda _e: ())
    out = []
    for group in groups.values():
        if len(group) == 1:  # most events are alone: nothing to choose or merge
            out.append(group[0])
            continue
        group = sorted(group, key=_tiebreak)
        best = max(
            group,
            key=lambda e: (rank(e), is_complete(e.text), len(normalize(e.text))),
        )
        others = sorted({s for e in group for s in e.sources} - set(best.sources))
        out.append(attrs.evolve(best, sources=best.sources + tuple(others)))
    return tuple(out)
