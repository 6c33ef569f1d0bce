"""Choose among overlapping candidates: a small, replaceable ranking step.

Longer spans win (they carry more of the meaning), then higher rule priority, then the
earlier start. A veto candidate removes every candidate it overlaps that is not longer.
A run of overlapping candidates decides nothing for the candidates of another run, so the
choice is made a few runs at a time, as the candidates come.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from .extract import Candidate

__all__ = ["choose"]


def _key(c: Candidate) -> tuple[int, int, int]:
    return (-c.length, -c.rule.priority, c.start)


#: candidates read before the runs read so far are decided (at the end of a run)
BATCH = 512


def choose(found: Iterable[Candidate]) -> Iterator[Candidate]:
    """Non-overlapping candidates in text order, from candidates in text order (as
    ``extract.candidates`` gives them; raises ValueError otherwise), yielded as each few runs
    of overlapping candidates are decided: only the last ``BATCH`` or so candidates are held,
    so a stream of them is read, and the chosen ones given on, in little memory."""
    batch: list[Candidate] = []
    begin = end = -1
    for c in found:
        s = c.span_start
        if s < begin:
            raise ValueError(f"candidates must come in text order: {s} after {begin}")
        if s >= end:  # overlaps nothing before it: the runs so far are closed
            if len(batch) >= BATCH:
                yield from _choose(batch)
                batch = []
            end = c.end
        elif c.end > end:
            end = c.end
        batch.append(c)
        begin = s
    if batch:
        yield from _choose(batch)


def _choose(found: list[Candidate]) -> list[Candidate]:
    """``choose`` for whole runs of overlapping candidates (each check is a binary search,
    so the work grows with the number of candidates, not its square)."""
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
