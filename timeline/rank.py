"""Choose among overlapping candidates: a small, replaceable ranking step.

Longer spans win (they carry more of the meaning), then higher rule priority, then the
earlier start. A veto candidate removes every candidate it overlaps that is not longer.
"""

from __future__ import annotations

from .extract import Candidate

__all__ = ["choose"]


def _key(c: Candidate) -> tuple[int, int, int]:
    return (-c.length, -c.rule.priority, c.start)


def choose(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order."""
    vetoes = [c for c in found if c.rule.veto]
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted((c for c in found if not c.rule.veto), key=_key):
        if any(v.start < c.end and c.start < v.end and v.length >= c.length for v in vetoes):
            continue
        if any(s < c.end and c.span_start < e for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.span_start, c.end))
    kept.sort(key=lambda c: c.start)
    return kept
