"""The discourse stage: what moves the reference time and what does not (narrative and news)."""

from __future__ import annotations

import pendulum
import pytest

import timeline
from timeline.tagging.discourse import Discourse
from timeline.tagging.meaning import Meaning
from timeline.tagging.resolve import resolve

A = pendulum.datetime(2024, 7, 28)


def values(text: str, domain: str = "narrative", anchor: str = "2024-07-28") -> list[tuple[str, str]]:
    return [(x.text, x.value) for x in timeline.parse(text, anchor=anchor, domain=domain).expressions]


def test_a_named_year_moves_the_reference_and_a_month_falls_in_it() -> None:
    text = "The war began in 1954. In November, the army retreated."
    d = Discourse(text, A, "narrative")
    year = Meaning("DATE", op="point", year=1954)
    d.update(year, resolve(year, d.context_for(year, 17, 21, None)), 17, 21)
    assert (d.reference.year, d.reference_unit) == (1954, "Y")
    month = Meaning("DATE", op="nearest", month=11)
    r = resolve(month, d.context_for(month, 26, 34, -1))
    assert r is not None and r.value == "1954-11"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the story moves on through its dates, and a month takes the year the story is at
        ("In 1940 the army retreated. The following July it attacked, and by December it had won.",
         [("1940", "1940"), ("The following July", "1941-07"), ("December", "1941-12")]),
        ("On June 22, 1941, the invasion began. During the summer, the army advanced.",
         [("June 22, 1941", "1941-06-22"), ("the summer", "1941-SU")]),
        ("Japan attacked on December 7, 1941. In January, the Allies met.",
         [("December 7, 1941", "1941-12-07"), ("January", "1942-01")]),
        ("The armistice was signed on 11 November 1918. A soldier was shot at 10:57.",
         [("11 November 1918", "1918-11-11"), ("10:57", "1918-11-11T10:57")]),
        ("The offensive began on 8 August 1918. Ludendorff called this day a black day.",
         [("8 August 1918", "1918-08-08"), ("this day", "1918-08-08")]),
        # a look back, the writer's time, a plan and the end of a span leave the story where it is
        ("In 1965 the troops landed. Two decades earlier, the French had left. In May, the rains came.",
         [("1965", "1965"), ("Two decades earlier", "1945"), ("May", "1965-05")]),
        ("On 10 March 1975 the town fell, opening the way for a campaign planned for 1976. On 11 March the army fled.",
         [("10 March 1975", "1975-03-10"), ("1976", "1976"), ("11 March", "1975-03-11")]),
        ("In 1944 an assault began that lasted until the fall of the city in February 1945. By June, the front had moved.",
         [("1944", "1944"), ("February 1945", "1945-02"), ("June", "1944-06")]),
        ("Relations deteriorated until in March 1980 the embassy closed. In April, the tension grew.",
         [("March 1980", "1980-03"), ("April", "1980-04")]),
        ("In June 1793 the Committee met. Danton, the leader of the August 1792 uprising, was removed. On 24 June, the Convention voted.",
         [("June 1793", "1793-06"), ("August 1792", "1792-08"), ("24 June", "1793-06-24")]),
        ("The revolt began in 1793 against the Civil Constitution of the Clergy (1790). On 17 August, conscription began.",
         [("1793", "1793"), ("1790", "1790"), ("17 August", "1793-08-17")]),
        ("In 1975 the regime fell, promising aid two years ago. On 25 April, the president left.",
         [("1975", "1975"), ("two years ago", "2022"), ("25 April", "1975-04-25")]),
    ],
)
def test_what_moves_a_narrative_and_what_does_not(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_news_partial_dates_stay_with_the_anchor() -> None:
    assert values("The war began in 1954. In November, the army retreated.", domain="news") == [
        ("1954", "1954"), ("November", "2023-11")]


def test_a_date_that_opens_its_sentence_gives_the_year_to_the_rest_of_it() -> None:
    assert values("In 1998, the firm was sold in March.", domain="news") == [("1998", "1998"), ("March", "1998-03")]


def test_a_year_that_names_a_thing_gives_its_year_to_a_date_later_in_the_sentence() -> None:
    assert values("Labor won the 2022 federal election on 21 May.", domain="news") == [
        ("2022", "2022"), ("21 May", "2022-05-21")]
