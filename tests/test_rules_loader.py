"""The rule loader checks what a rule file says: a misspelt operation, a group no meaning
reads, or a field the meaning does not have fails at load, naming the file and the rule."""

from __future__ import annotations

import pytest

from timeline.lexicon import load
from timeline.tagging.meaning import GROUPS
from timeline.tagging.resolve import OPERATIONS
from timeline.rules import load_rule_file, ruleset

GOOD = '''
[[rule]]
name = "in_month"
type = "DATE"
op = "nearest"
pattern = 'in {month}'
examples = [["in March", "2024-03"]]
'''


def _load(text: str) -> list[object]:
    return list(load_rule_file("probe.toml", text, load("en")))


def test_a_well_formed_rule_loads() -> None:
    (rule,) = _load(GOOD)
    assert rule.op == "nearest"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "change, message",
    [
        (('op = "nearest"', 'op = "neerest"'), "rules probe.toml [in_month]: op must be one of"),
        (('op = "nearest"\n', ""), "rules probe.toml [in_month]: op must be one of"),
        (("in {month}", "in (?P<monht>March)"), "rules probe.toml [in_month]: the pattern captures 'monht'"),
        (("in {month}", "in {month} (?P<zone>EST)"), "the pattern captures 'zone', which no meaning reads"),
        (('examples', 'set = { mnoth = 3 }\nexamples'), "rules probe.toml [in_month]: set names no meaning field 'mnoth'"),
        (('op = "nearest"', 'op = "between"'), "op between needs the groups range_start and range_end"),
    ],
    ids=["misspelt op", "missing op", "misspelt group", "unknown group", "misspelt field", "between without ends"],
)
def test_a_misspelt_rule_fails_at_load_naming_it(change: tuple[str, str], message: str) -> None:
    old, new = change
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(")):
        _load(GOOD.replace(old, new, 1))


def test_every_shipped_rule_names_a_known_operation() -> None:
    for rule in ruleset("en").rules:
        assert rule.veto or rule.op in OPERATIONS, rule.name


def test_group_names_of_the_interpreter_are_identifiers() -> None:
    assert all(g.isidentifier() for g in GROUPS)
