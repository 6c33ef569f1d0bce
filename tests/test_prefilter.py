"""The key prefilter (``extract.candidates``, which reads keys off compiled patterns through
private ``re`` internals in ``rules/keys.py``) finds exactly what a plain ``finditer`` of
every rule over the whole text finds, on every rule example and on the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.tagging.extract import candidates
from timeline.rules import RuleSet, ruleset

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-japan-2plus2-talks.txt"


#: letters that are not ASCII at the start of words: some match ASCII letters under case
#: folding ("\u017f", long s, matches "s"; "\u212a", the Kelvin sign, matches "k"), most do not
FOLDING = [
    "\u017feptember 3, 2024 and \u017fat night",
    "Due by 10 a.m. \u212aST on \u212aan. 3",
    "\u00c9mile left in March 2024; \u00d6sterreich voted on 3 May.",
    "\u0130n May, \u0131n June and \u00c5pril 3",
]


def _texts() -> list[str]:
    texts = {ex["text"] for rule in ruleset("en").rules for ex in rule.examples}
    return sorted(texts) + FOLDING + [SEED.read_text(encoding="utf-8")]


def _plain(text: str, rules: RuleSet) -> set[tuple[str, int, int]]:
    """Every non-empty match of every rule that spans no blank line (a paragraph break)."""
    return {
        (r.name, m.start(), m.end())
        for r in rules.rules
        for m in r.regex.finditer(text)
        if m.end() > m.start() and not re.search(r"\n[^\S\n]*\n", m.group())
    }


def _found(text: str, rules: RuleSet) -> set[tuple[str, int, int]]:
    return {(c.rule.name, c.span_start, c.end) for c in candidates(text, rules)}


@pytest.mark.parametrize("any_case", [False, True], ids=["news", "colloquial"])
def test_the_prefilter_finds_what_a_plain_search_finds(any_case: bool) -> None:
    rules = ruleset("en", any_case=any_case)
    texts = _texts()
    assert len(texts) > 500  # every rule example, and the seed
    for text in texts:
        plain, found = _plain(text, rules), _found(text, rules)
        assert found == plain, (text[:80], sorted(plain - found)[:5], sorted(found - plain)[:5])


def test_no_candidate_spans_a_blank_line() -> None:
    """'2019\n\nyear' is no amount of years: a match over a paragraph break is dropped, and
    the rule still finds what lies after it."""
    text = "year 2019\n\nyear 2019\n \nyear 2019"
    found = [(c.rule.name, text[c.span_start : c.end]) for c in candidates(text, ruleset("en"))]
    assert found and all("\n" not in t for _, t in found), found
    assert [t for name, t in found if name == "year"] == ["year 2019"] * 3
