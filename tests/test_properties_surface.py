"""Generated surface forms: draw a time, write it as news does, put it in a sentence; the
tagger must find exactly that phrase, with the value it means.

The forms and sentences come from ``strategies.py``; the expected values are computed
there with the standard library, never with the tagger's own operators.
"""

from __future__ import annotations

import datetime as dt
import re

import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    FUTURE_TEMPLATES,
    MONTH_FORMS,
    ONES,
    PAST_TEMPLATES,
    WEEKDAY_FORMS,
    Embedded,
    Form,
    absolute_forms,
    anchor_days,
    midnight_anchors,
    centuries,
    decades,
    durations,
    embedded,
    full_dates,
    holidays,
    midnight,
    month_years,
    offsets_ago,
    plain_years,
    quarters,
    seasons,
    shifted_units,
    shifted_weekdays,
    spelled_years,
    unambiguous_numeric_dates,
    years_with_mods,
)

import timeline
from timeline.tagging.tagger import GOVERNING_CUE
from timeline.tagging.tense import cue
from timeline.model import Expression
from timeline.tagging.resolve import FUTURE_OVERRULE_RATIO, TENSE_OVERRULE_RATIO


def only_expression(e: Embedded, anchor: object) -> Expression:
    """The one expression of ``e.text``; it must cover exactly the embedded phrase."""
    doc = timeline.parse(e.text, anchor=anchor)
    got = [(x.text, x.value, x.mod, x.rule) for x in doc.expressions]
    phrase = e.text[e.start : e.end]
    assert len(doc.expressions) == 1, f"{phrase!r} in {e.text!r}: expected one expression, got {got}"
    x = doc.expressions[0]
    assert (x.start, x.end) == (e.start, e.end), f"{phrase!r}: tagged {x.text!r} instead ({got})"
    return x


def check_form(form: Form, e: Embedded, anchor: object) -> None:
    x = only_expression(e, anchor)
    assert (x.type, x.value, x.mod) == (form.type, form.value, form.mod), f"{form.text!r}: {x}"


@st.composite
def placed(draw: st.DrawFn, forms: st.SearchStrategy[Form]) -> tuple[Form, Embedded]:
    form = draw(forms)
    return form, draw(embedded(form.text, lead=form.lead))


@given(placed(full_dates()), midnight_anchors)
def test_a_full_date_in_any_news_form_is_found_with_its_day(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(unambiguous_numeric_dates()), midnight_anchors)
def test_a_numeric_date_whose_day_is_over_twelve_is_read_either_way_round(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(month_years()), midnight_anchors)
def test_a_month_with_its_year_is_found_with_its_month_and_mod(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(plain_years() | spelled_years()), midnight_anchors)
def test_a_year_alone_or_as_a_fiscal_year_is_found_with_its_year(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(years_with_mods()), midnight_anchors)
def test_early_mid_and_late_in_a_year_keep_the_year_and_set_the_mod(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(quarters()), midnight_anchors)
def test_a_quarter_of_a_named_year_is_that_quarter(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(decades() | centuries()), midnight_anchors)
def test_a_decade_or_century_is_its_leading_digits(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(seasons() | holidays()), midnight_anchors)
def test_a_season_or_holiday_of_a_named_year_is_in_that_year(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(placed(durations()), midnight_anchors)
def test_an_amount_of_a_unit_is_a_duration_of_that_amount(fe: tuple[Form, Embedded], anchor: pendulum.DateTime) -> None:
    check_form(*fe, anchor)


@given(st.data(), anchor_days)
def test_an_offset_ago_names_the_unit_that_distance_before_the_anchor(data: st.DataObject, day: dt.date) -> None:
    form = data.draw(offsets_ago())
    x = only_expression(data.draw(embedded(form.text)), midnight(day))
    assert x.value == form.value(day), f"{form.text!r} from {day}: {x}"


@given(st.data(), anchor_days)
def test_last_this_and_next_weekday_count_from_the_anchor_day(data: st.DataObject, day: dt.date) -> None:
    form = data.draw(shifted_weekdays())
    x = only_expression(data.draw(embedded(form.text)), midnight(day))
    assert x.value == form.value(day), f"{form.text!r} from {day} ({day:%A}): {x}"


@given(st.data(), anchor_days)
def test_last_this_and_next_unit_are_the_calendar_unit_around_the_anchor(data: st.DataObject, day: dt.date) -> None:
    form = data.draw(shifted_units())
    x = only_expression(data.draw(embedded(form.text)), midnight(day))
    assert x.value == form.value(day), f"{form.text!r} from {day}: {x}"


def _occurrence(month: int, day: int, around: dt.date, step: int) -> dt.date:
    """The first (month, day) at or after (step 1) / at or before (step -1) ``around``."""
    year = around.year
    while True:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            d = None
        if d is not None and (d >= around if step > 0 else d <= around):
            return d
        year += step


@given(st.data(), anchor_days, st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)))
def test_a_day_without_a_year_is_the_nearest_one_in_the_direction_of_the_tense_unless_far(
    data: st.DataObject, day: dt.date, when: dt.date
) -> None:
    month = data.draw(st.sampled_from(MONTH_FORMS[when.month]))
    # "on 1 Jan." would end the sentence with the month's own period: that is "Jan."
    phrase = data.draw(st.sampled_from([f"{month} {when.day}", f"{when.day} {MONTH_FORMS[when.month][0]}"]))
    tense = data.draw(st.sampled_from([-1, 1]))
    e = data.draw(embedded(phrase, PAST_TEMPLATES if tense < 0 else FUTURE_TEMPLATES))
    x = only_expression(e, midnight(day))
    pointed, other = _occurrence(when.month, when.day, day, tense), _occurrence(when.month, when.day, day, -tense)
    ratio = TENSE_OVERRULE_RATIO["D"] if tense < 0 else FUTURE_OVERRULE_RATIO
    found = cue(e.text, e.start, e.end)
    governs = tense < 0 and found is not None and found[1] <= GOVERNING_CUE  # "closed on March 3"
    if not governs and abs((pointed - day).days) > ratio * abs((other - day).days):
        pointed = other  # the documented overrule: "scheduled for January 1" on January 2
    assert x.value == pointed.isoformat(), f"{e.text!r} from {day}: {x}"


@given(st.data(), anchor_days, st.integers(1, 7))
def test_a_bare_weekday_is_the_nearest_one_in_the_direction_of_the_tense(data: st.DataObject, day: dt.date, weekday: int) -> None:
    name = data.draw(st.sampled_from(WEEKDAY_FORMS[weekday]))
    tense = data.draw(st.sampled_from([-1, 1]))
    e = data.draw(embedded(name, PAST_TEMPLATES if tense < 0 else FUTURE_TEMPLATES))
    x = only_expression(e, midnight(day))
    delta = (day.isoweekday() - weekday) % 7 if tense < 0 else -((weekday - day.isoweekday()) % 7)
    assert x.value == (day - dt.timedelta(days=delta)).isoformat(), f"{e.text!r} from {day} ({day:%A}): {x}"


@given(st.data(), anchor_days, st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m.", "am", "pm"]))
def test_a_clock_time_is_that_time_on_the_anchor_day(data: st.DataObject, day: dt.date, hour: int, minute: int, ampm: str) -> None:
    clock = f"{hour}:{minute:02d} {ampm}" if minute or data.draw(st.booleans()) else f"{hour} {ampm}"
    x = only_expression(data.draw(embedded(clock)), midnight(day))
    h24 = hour % 12 + (12 if ampm.startswith("p") else 0)
    assert (x.type, x.value) == ("TIME", f"{day.isoformat()}T{h24:02d}:{minute:02d}"), f"{clock!r}: {x}"


@given(st.data(), midnight_anchors)
def test_two_phrases_in_one_sentence_are_both_found_in_order(data: st.DataObject, anchor: pendulum.DateTime) -> None:
    a, b = data.draw(absolute_forms()), data.draw(absolute_forms())
    text = f"Between {a.lead}{a.text} and {b.lead}{b.text}, output doubled."
    doc = timeline.parse(text, anchor=anchor)
    got = [(x.text, x.value, x.mod) for x in doc.expressions]
    assert got == [(a.text, a.value, a.mod), (b.text, b.value, b.mod)], f"{text!r}: {got}"


@st.composite
def impossible_days(draw: st.DrawFn) -> tuple[str, int]:
    """February 29 of a common year, February 30, April 31, ... with their year."""
    year = draw(st.integers(1901, 2099).filter(lambda y: y % 4 != 0) | st.integers(1900, 2099))
    month, day = draw(st.sampled_from([(2, 29), (2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)]))
    assume((month, day) != (2, 29) or year % 4 != 0 or year == 1900)
    name = draw(st.sampled_from(MONTH_FORMS[month]))
    text = draw(st.sampled_from([f"{name} {day}, {year}", f"{day} {name} {year}",
                                 f"{year}-{month:02d}-{day:02d}"]))
    return text, year


@given(impossible_days(), midnight_anchors)
def test_an_impossible_day_of_a_named_year_is_never_moved_to_another_year(case: tuple[str, int], anchor: pendulum.DateTime) -> None:
    text, year = case
    got = [(x.text, x.value) for x in timeline.parse(f"The plant closed on {text}.", anchor=anchor).expressions]
    # the day cannot be, but the month and year the text names stand (nothing tagged fails)
    assert [t for t, _ in got] == [text], got
    assert got[0][1].startswith(f"{year:04d}-"), f"{text!r} tagged as {got}"


@given(st.data(), midnight_anchors, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)))
def test_an_offset_later_or_earlier_counts_from_the_date_before_it(data: st.DataObject, anchor: pendulum.DateTime, d: dt.date) -> None:
    n = data.draw(st.integers(2, 9))
    unit, word = data.draw(st.sampled_from([("days", "later"), ("days", "earlier"), ("years", "later"),
                                            ("years", "earlier"), ("weeks", "later")]))
    sign = 1 if word == "later" else -1
    written = data.draw(st.sampled_from([str(n), ONES[n]]))
    month = MONTH_FORMS[d.month][0]
    text = f"The treaty was signed on {month} {d.day}, {d.year}. {written.capitalize()} {unit} {word}, troops landed."
    got = [(x.text, x.value) for x in timeline.parse(text, anchor=anchor).expressions]
    if unit == "days":
        expected = (d + dt.timedelta(days=sign * n)).isoformat()
    elif unit == "weeks":
        y, w, _ = (d + dt.timedelta(weeks=sign * n)).isocalendar()
        expected = f"{y:04d}-W{w:02d}"
    else:
        expected = f"{d.year + sign * n:04d}"
    assert got[1:] == [(f"{written.capitalize()} {unit} {word}", expected)], f"{text!r}: {got}"


@given(st.data(), midnight_anchors)
def test_in_the_colloquial_domain_a_lowercase_phrase_means_the_same(data: st.DataObject, anchor: pendulum.DateTime) -> None:
    form = data.draw(absolute_forms())
    text = f"we met {form.lead}{form.text.lower()} and talked"
    got = [(x.text, x.value, x.mod) for x in timeline.parse(text, anchor=anchor, domain="colloquial").expressions]
    assert got == [(form.text.lower(), form.value, form.mod)], f"{text!r}: {got}"


@given(st.data(), midnight_anchors, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)))
def test_the_next_day_and_that_day_follow_the_date_before_them(data: st.DataObject, anchor: pendulum.DateTime, d: dt.date) -> None:
    phrase, delta = data.draw(st.sampled_from([("The next day", 1), ("The following day", 1), ("That day", 0),
                                               ("The previous day", -1), ("Later that day", 0)]))
    text = f"The treaty was signed on {MONTH_FORMS[d.month][0]} {d.day}, {d.year}. {phrase}, troops landed."
    got = [(x.text, x.value) for x in timeline.parse(text, anchor=anchor).expressions]
    assert got[1:] == [(phrase, (d + dt.timedelta(days=delta)).isoformat())], f"{text!r}: {got}"
