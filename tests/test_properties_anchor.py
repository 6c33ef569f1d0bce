"""Anchor shift: moving the publication date moves what is relative to it, and only that."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    absolute_forms,
    anchor_days,
    aware_anchors,
    embedded,
    midnight,
    number_words,
    relative_forms,
)

import timeline
from timeline.values.bounds import value_range
from timeline.model import Expression


def the_expression(text: str, anchor: object) -> Expression:
    doc = timeline.parse(text, anchor=anchor)
    assert len(doc.expressions) == 1, f"{text!r}: {doc.expressions}"
    return doc.expressions[0]


def _amount(draw: st.DrawFn) -> str:
    n = draw(st.integers(2, 30))
    return draw(st.sampled_from([str(n), number_words(n)]))


@st.composite
def day_or_week_phrases(draw: st.DrawFn) -> str:
    """Phrases at day or week granularity that count from the anchor."""
    weekday = draw(st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                    "Saturday", "Sunday"]))
    return draw(
        st.sampled_from(
            [
                f"last {weekday}", f"next {weekday}", f"this {weekday}", "yesterday", "today",
                "tomorrow", "last week", "next week", "this week", "this weekend",
                f"{_amount(draw)} days ago", f"{_amount(draw)} weeks ago", "a week ago",
                f"last {weekday} night", "tomorrow morning", "yesterday afternoon",
            ]
        )
    )


@st.composite
def month_phrases(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["last month", "next month", "this month", "a month ago",
                                 f"{_amount(draw)} months ago", "early next month",
                                 "late last month"]))


@st.composite
def year_phrases(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["last year", "next year", "this year", "a year ago",
                                 f"{_amount(draw)} years ago", "early next year",
                                 "late last year", "last quarter", "next quarter", "this quarter"]))


def start_of_value(x: Expression) -> pendulum.DateTime:
    """Where the period the value names begins (the mod left aside)."""
    assert x.earliest is not None, x
    start, _ = value_range(x.value, None, x.earliest)
    assert start is not None, x
    return pendulum.instance(start)


def _moved(e1: Expression, e2: Expression, by: dt.timedelta) -> None:
    assert e1.earliest and e2.earliest and e1.latest and e2.latest
    assert e2.earliest == e1.earliest + by, f"{e1.text!r}: {e1.value} -> {e2.value}"
    width1, width2 = (x.latest - x.earliest for x in (e1, e2))  # type: ignore[operator]
    assert width1.total_seconds() == width2.total_seconds(), f"{e1.text!r}: {e1.value} -> {e2.value}"


@given(st.data(), anchor_days, st.integers(-520, 520))
def test_moving_the_anchor_by_whole_weeks_moves_day_and_week_phrases_by_as_many_weeks(
    data: st.DataObject, day: dt.date, weeks: int
) -> None:
    assume(dt.date(1901, 1, 1) < day + dt.timedelta(weeks=weeks) < dt.date(2099, 1, 1))
    e = data.draw(embedded(data.draw(day_or_week_phrases())))
    x1 = the_expression(e.text, midnight(day))
    x2 = the_expression(e.text, midnight(day + dt.timedelta(weeks=weeks)))
    _moved(x1, x2, dt.timedelta(weeks=weeks))


@given(st.data(), anchor_days.filter(lambda d: d.day <= 28), st.integers(-240, 240))
def test_moving_the_anchor_by_whole_months_moves_month_phrases_by_as_many_months(
    data: st.DataObject, day: dt.date, months: int
) -> None:
    e = data.draw(embedded(data.draw(month_phrases())))
    a1 = midnight(day)
    x1 = the_expression(e.text, a1)
    x2 = the_expression(e.text, a1.add(months=months))
    assert start_of_value(x2) == start_of_value(x1).add(months=months), f"{x1.text!r}: {x1.value} -> {x2.value}"
    assert x1.mod == x2.mod


@given(st.data(), anchor_days.filter(lambda d: (d.month, d.day) != (2, 29)), st.integers(-40, 40))
def test_moving_the_anchor_by_whole_years_moves_year_and_quarter_phrases_by_as_many_years(
    data: st.DataObject, day: dt.date, years: int
) -> None:
    e = data.draw(embedded(data.draw(year_phrases())))
    a1 = midnight(day)
    x1 = the_expression(e.text, a1)
    x2 = the_expression(e.text, a1.add(years=years))
    assert start_of_value(x2) == start_of_value(x1).add(years=years), f"{x1.text!r}: {x1.value} -> {x2.value}"
    assert x1.mod == x2.mod


@given(st.data(), anchor_days, anchor_days)
def test_absolute_dates_do_not_move_with_the_anchor(data: st.DataObject, day1: dt.date, day2: dt.date) -> None:
    form = data.draw(absolute_forms())
    e = data.draw(embedded(form.text, lead=form.lead))
    x1, x2 = the_expression(e.text, midnight(day1)), the_expression(e.text, midnight(day2))
    assert (x1.value, x1.mod, x1.earliest, x1.latest) == (x2.value, x2.mod, x2.earliest, x2.latest)


@given(st.data(), aware_anchors())
def test_only_the_local_date_of_the_anchor_decides_day_phrases(data: st.DataObject, anchor: pendulum.DateTime) -> None:
    """The anchor's time of day and zone change nothing for phrases of a day or coarser."""
    phrase = data.draw(day_or_week_phrases() | month_phrases() | year_phrases())
    e = data.draw(embedded(phrase))
    local_midnight = pendulum.datetime(anchor.year, anchor.month, anchor.day, tz=anchor.tzinfo)
    x1, x2 = the_expression(e.text, anchor), the_expression(e.text, local_midnight)
    assert (x1.value, x1.mod, x1.earliest, x1.latest) == (x2.value, x2.mod, x2.earliest, x2.latest)


@given(st.data(), anchor_days)
def test_a_relative_phrase_is_the_same_written_in_any_sentence(data: st.DataObject, day: dt.date) -> None:
    form = data.draw(relative_forms())
    e1, e2 = data.draw(embedded(form.text)), data.draw(embedded(form.text))
    x1, x2 = the_expression(e1.text, midnight(day)), the_expression(e2.text, midnight(day))
    assert x1.value == x2.value == form.value(day)
