"""The resolver's operations, tested on meanings (not through the whole tagger)."""

from __future__ import annotations

import pendulum
import pytest

import timeline
from timeline.tagging.meaning import Meaning
from timeline.tagging.resolve import Context, resolve
from timeline.values.timex3 import UNITS, granularity

A = pendulum.datetime(2024, 7, 28)  # a Sunday


def _ctx(**kw: object) -> Context:
    return Context(A, kw.pop("reference", A), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "meaning, ctx, value",
    [
        (Meaning("DATE", op="point", year=1998, month=3), {}, "1998-03"),
        (Meaning("DATE", op="nearest", month=3), {"direction": -1}, "2024-03"),
        (Meaning("DATE", op="nearest", month=3), {"direction": 1}, "2025-03"),
        (Meaning("DATE", op="relative", unit="W", shift=-1), {}, "2024-W29"),
        (Meaning("DATE", op="shift", amount=3, unit="D", offset_sign=-1, deictic=True), {}, "2024-07-25"),
        (Meaning("DATE", op="anaphor", unit="D", anaphoric=True), {"reference": pendulum.datetime(1998, 3, 4)}, "1998-03-04"),
        (Meaning("DATE", op="deictic", day_offset=1), {}, "2024-07-29"),
        (Meaning("DURATION", op="duration", amount=15, unit="Y"), {}, "P15Y"),
        (Meaning("SET", op="every", unit="M", quant="EVERY"), {}, "P1M"),
        (Meaning("DATE", op="reference", ref="PAST_REF"), {}, "PAST_REF"),
    ],
    ids=lambda x: x.op if isinstance(x, Meaning) else None,
)
def test_each_operation_resolves_its_meaning(meaning: Meaning, ctx: dict[str, object], value: str) -> None:
    r = resolve(meaning, _ctx(**ctx))
    assert r is not None and r.value == value


def test_a_step_after_a_season_stays_in_that_seasons_year() -> None:
    text = "In the summer of 2014 the army crossed the river. Three days later it took the city."
    later = timeline.parse(text, anchor="2024-07-28", domain="narrative").expressions[-1]
    assert later.text == "Three days later"
    assert later.value == "2014-XX-XX"  # never a month value such as 2014-06-XX
    assert later.earliest is not None and later.latest is not None
    assert (later.earliest.year, later.latest.year) == (2014, 2015)


def test_a_season_value_is_a_season_not_a_month() -> None:
    assert granularity("2014-SU") == "SEASON"
    assert UNITS["SEASON"].coarseness > UNITS["M"].coarseness


def test_every_feast_of_another_calendar_in_the_lexicon_is_known() -> None:
    from timeline.tagging.calendars import FEASTS, movable
    from timeline.lexicon import load

    specs = {v.partition("/")[0] for v in load("en")["holiday"].entries.values() if str(v).startswith("CAL:")}
    assert len(specs) >= 10
    for spec in specs:
        _, calendar, feast = spec.split(":")
        assert feast in FEASTS[calendar][1], spec
        assert movable(calendar, feast, 2024) is not None, spec


@pytest.mark.parametrize(
    "text, value, days",
    [("during Ramadan 2024", "2024-03-11", 30), ("Lent 2025", "2025-03-05", 46), ("Passover 2025", "2025-04-13", 8)],
)
def test_a_feast_that_lasts_is_a_period_from_its_first_day(text: str, value: str, days: int) -> None:
    (x,) = timeline.parse(text, anchor="2024-07-28").expressions
    assert x.value == value
    assert x.earliest is not None and x.latest is not None and (x.latest - x.earliest).days == days
