"""Text -> candidate mentions, each with the rule that built it. Never reads the anchor.

One cheap pass finds trigger words and digits (``RuleSet.trigger``); only the windows
around triggers are searched by the rules, so text without temporal words costs little.
"""

from __future__ import annotations

import attrs

from .rules import Rule, RuleSet

__all__ = ["Candidate", "candidates", "WINDOW"]

#: characters searched on each side of a trigger
WINDOW = 60


@attrs.frozen(slots=True)
class Candidate:
    """A rule's match. ``start`` leaves out an ``outer`` group (a word that modifies the
    expression but is not part of its extent, "earlier" in "earlier this week");
    ``match_start`` keeps it, so ranking still sees the whole match."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]
    match_start: int = -1

    @property
    def span_start(self) -> int:
        return self.match_start if self.match_start >= 0 else self.start

    @property
    def length(self) -> int:
        return self.end - self.span_start


def _windows(text: str, rules: RuleSet) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in rules.trigger.finditer(text):
        lo, hi = max(0, m.start() - WINDOW), min(n, m.end() + WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    # widen to whitespace so no word is cut in two
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        stop = max(0, lo - 40)
        while lo > stop and not text[lo - 1].isspace():
            lo -= 1
        stop = min(n, hi + 40)
        while hi < stop and not text[hi].isspace():
            hi += 1
        out.append((lo, hi))
    return out


def candidates(text: str, rules: RuleSet) -> list[Candidate]:
    """Every match of every rule (overlapping ones included), vetoes too."""
    found: list[Candidate] = []
    for lo, hi in _windows(text, rules):
        for rule in rules.rules:
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() <= m.start():
                    continue
                groups = m.groupdict()
                start = m.end("outer") if groups.get("outer") else m.start()
                found.append(Candidate(start, m.end(), rule, groups, m.start()))
    return found
