"""Every example of every rule and word class runs as a test (the phrase is the test id).

A phrase example must give exactly one expression covering the whole phrase, with the
expected value (and mod, and type when given), against the anchor 2024-07-28 unless the
example names another. A sentence example (``text`` + ``expr``) must tag ``expr`` with the
value; a negative example (``text`` + ``absent``) must leave ``absent`` untagged. A veto
rule must match in each of its examples, and no expression may overlap what it matched.
"""

from __future__ import annotations

from typing import Any

import pytest

import timeline
from timeline.lexicon import load
from timeline.rules import ruleset

ANCHOR = "2024-07-28"


def _rule_examples() -> list[Any]:
    out = []
    for rule in ruleset("en").rules:
        for ex in rule.examples:
            out.append(pytest.param(rule.name, rule.veto, ex, id=f"{rule.name}: {ex['text']}"))
    return out


def _lexicon_examples() -> list[Any]:
    out = []
    for name, cls in load("en").classes.items():
        for ex in cls.examples:
            if len(ex) == 2:
                out.append(pytest.param({"text": ex[0], "value": ex[1]}, id=f"{name}: {ex[0]}"))
            else:
                out.append(pytest.param({"text": ex[0], "expr": ex[1], "value": ex[2]}, id=f"{name}: {ex[0]}"))
    return out


def check_example(ex: dict[str, Any], rule: str | None = None) -> None:
    doc = timeline.parse(ex["text"], anchor=ex.get("anchor", ANCHOR), domain=ex.get("domain", "news"))
    if "absent" in ex:  # a negative example: nothing may touch this text
        lo = ex["text"].index(ex["absent"])
        hi = lo + len(ex["absent"])
        assert not [x for x in doc.expressions if x.start < hi and lo < x.end], doc.expressions
        return
    expr = ex.get("expr", ex["text"])
    found = [x for x in doc.expressions if x.text == expr]
    got = [(x.text, x.type, x.value, x.mod, x.rule) for x in doc.expressions]
    assert found, f"{expr!r} not tagged in {ex['text']!r}; got {got}"
    x = found[0]
    if "expr" not in ex:
        assert len(doc.expressions) == 1, f"expected one expression, got {got}"
    assert x.value == ex["value"], f"{expr!r}: value {x.value!r} != {ex['value']!r} ({got})"
    if "mod" in ex:
        assert x.mod == ex["mod"], f"{expr!r}: mod {x.mod!r} != {ex['mod']!r}"
    if "type" in ex:
        assert x.type == ex["type"]
    if rule is not None and "expr" not in ex:
        assert x.rule == rule, f"{expr!r} was tagged by rule {x.rule!r}, not {rule!r}"


def check_veto(rule_name: str, ex: dict[str, Any]) -> None:
    """The veto matches in its example (so the example exercises it), and nothing tagged
    overlaps what it matched."""
    domain = ex.get("domain", "news")
    (rule,) = [r for r in ruleset("en", any_case=domain == "colloquial").rules if r.name == rule_name]
    spans = [m.span() for m in rule.regex.finditer(ex["text"]) if m.end() > m.start()]
    assert spans, f"veto {rule_name} does not match its example {ex['text']!r}"
    doc = timeline.parse(ex["text"], anchor=ANCHOR, domain=domain)
    hit = [x for x in doc.expressions for lo, hi in spans if x.start < hi and lo < x.end]
    assert not hit, f"vetoed text tagged: {hit}"


@pytest.mark.parametrize("rule, veto, example", _rule_examples())
def test_rule_example(rule: str, veto: bool, example: dict[str, Any]) -> None:
    if veto:
        check_veto(rule, example)
        return
    check_example(example, rule)


@pytest.mark.parametrize("example", _lexicon_examples())
def test_lexicon_example(example: dict[str, Any]) -> None:
    check_example(example)
