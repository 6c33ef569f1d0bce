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
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        return self.end - self.start


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
                if m.end() > m.start():
                    found.append(Candidate(m.start(), m.end(), rule, m.groupdict()))
    return found
