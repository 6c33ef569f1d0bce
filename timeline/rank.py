"""Choose among overlapping candidates: a small, replaceable ranking step.

Longer spans win (they carry more of the meaning), then higher rule priority, then the
earlier start. A veto candidate removes every candidate it overlaps that is not longer.
Candidates that overlap nothing before or after them decide nothing for the others, so the
choice is made one run of overlapping candidates at a time, as they come.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .extract import Candidate

__all__ = ["choose"]


def _key(c: Candidate) -> tuple[int, int, int]:
    return (-c.length, -c.rule.priority, c.start)


def choose(found: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order, from candidates in text order (as
    ``extract.candidates`` gives them; raises ValueError otherwise). Only a run of
    overlapping candidates is held at a time, so a stream of them is read in little memory."""
    kept: list[Candidate] = []
    run: list[Candidate] = []
    begin = end = -1
    for c in found:
        s = c.span_start
        if s < begin:
            raise ValueError(f"candidates must come in text order: {s} after {begin}")
        if s >= end:  # overlaps nothing before it: the run so far is closed
            if len(run) == 1:
                if not run[0].rule.veto:
                    kept.append(run[0])
            elif run:
                kept += _choose(run)
            run = []
            end = c.end
        elif c.end > end:
            end = c.end
        run.append(c)
        begin = s
    if len(run) == 1:
        if not run[0].rule.veto:
            kept.append(run[0])
    elif run:
        kept += _choose(run)
    return kept


def _choose(found: list[Candidate]) -> list[Candidate]:
    """``choose`` for one run of candidates (each check is a binary search, so the work
    grows with the number of candidates, not its square)."""
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
