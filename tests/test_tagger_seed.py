"""The seed article (anchor 2024-07-28), and text that must not be tagged."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-japan-2plus2-talks.txt"
FULL = SEED.read_text(encoding="utf-8").split("By Mari Yamaguchi")[0]
# the full copy of the article starts at its second headline
ARTICLE = FULL[FULL.index("US–Japan Security Talks", 10):]


@pytest.fixture(scope="module")
def values() -> dict[str, list[tuple[str, str | None]]]:
    doc = timeline.parse(ARTICLE, anchor="2024-07-28")
    out: dict[str, list[tuple[str, str | None]]] = {}
    for x in doc.expressions:
        before = ARTICLE[max(0, x.start - 40) : x.start]
        out.setdefault(x.text, []).append((x.value, before))
    return out


@pytest.mark.parametrize(
    "text, context, value",
    [
        ("November", "withdrawal from the ", "2024-11"),
        ("March", "the Chinese regime announced", "2024-03"),
        ("March", "set for ", "2025-03"),
        ("December", "and in ", "2023-12"),
        ("April", "following an ", "2024-04"),
        ("June", "based on their ", "2024-06"),
        ("today", "our decision ", "2024-07-28"),
        ("15 years", "in ", "P15Y"),
        ("years", "for ", "PXY"),
        ("Now", "", "PRESENT_REF"),
        ("Lately", "", "PAST_REF"),
    ],
)
def test_seed_expression_has_its_value(values: dict, text: str, context: str, value: str) -> None:
    found = values.get(text, [])
    assert value in [v for v, _ in found], f"{text!r}: {found}"


def test_both_sundays_are_the_anchor_day(values: dict) -> None:
    assert [v for v, _ in values["Sunday"]] == ["2024-07-28", "2024-07-28"]


@pytest.mark.parametrize("phrase", ["2+2", "50,000", "PAC-3", "7.2 percent"])
def test_seed_numbers_that_are_not_times_are_not_tagged(phrase: str) -> None:
    doc = timeline.parse(ARTICLE, anchor="2024-07-28")
    start = ARTICLE.index(phrase)
    end = start + len(phrase)
    assert not [x for x in doc.expressions if x.start < end and start < x.end]


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("Japan is home to more than 50,000 U.S. troops.", "50,000"),
        ("Spending rose 7.2 percent last quarter.", "7.2 percent"),
        ("The 2+2 talks ended.", "2+2"),
        ("It makes PAC-3 interceptors.", "PAC-3"),
        ("Flight 370 vanished.", "Flight 370"),
        ("The bill passed 52-48 in the Senate.", "52-48"),
        ("A Boeing 737 landed.", "Boeing 737"),
        ("Call 555-1234 for details.", "555-1234"),
        ("May I ask a question?", "May"),
        ("Prices may rise.", "may"),
        ("Theresa May spoke.", "May"),
        ("Thousands joined the March on Washington.", "March"),
        ("Soldiers march to the border.", "march"),
        ("He scored 1 goal in 20 games.", "20 games"),
    ],
)
def test_non_temporal_text_is_not_tagged(sentence: str, phrase: str) -> None:
    doc = timeline.parse(sentence, anchor="2024-07-28")
    start = sentence.index(phrase)
    end = start + len(phrase)
    assert not [x for x in doc.expressions if x.start < end and start < x.end], doc.expressions
