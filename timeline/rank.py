"""Choose among overlapping candidates: a small, replaceable ranking step.

Longer spans win (they carry more of the meaning), then higher rule priority, then the
earlier start. A veto candidate removes every candidate it overlaps that is not longer.
"""

from __future__ import annotations

import bisect

from .extract import Candidate

__all__ = ["choose"]


def _key(c: Candidate) -> tuple[int, int, int]:
    return (-c.length, -c.rule.priority, c.start)


def choose(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order (each check is a binary search, so the
    work grows with the number of candidates, not its square)."""
    vetoes = sorted((c for c in found if c.rule.veto), key=lambda v: v.start)
    veto_starts = [v.start for v in vetoes]
    longest_veto = max((v.length for v in vetoes), default=0)
    kept: list[Candidate] = []
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    for c in sorted((c for c in found if not c.rule.veto), key=_key):
        lo = bisect.bisect_left(veto_starts, c.start - longest_veto)
        hi = bisect.bisect_left(veto_starts, c.end)
        if any(c.start < v.end and v.length >= c.length for v in vetoes[lo:hi]):
            continue
        s, e = c.span_start, c.end
        i = bisect.bisect_left(starts, s)
        if (i < len(starts) and starts[i] < e) or (i > 0 and ends[i - 1] > s):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept
