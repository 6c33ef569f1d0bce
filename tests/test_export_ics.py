"""iCalendar export, parsed back with icalendar.Calendar.from_ical."""

from __future__ import annotations

import datetime as dt

import icalendar
import pendulum
import pytest

import _export_docs as D
from timeline.export import ics
from timeline.model import Document


def vevents(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_output_parses_back_and_leaves_out_the_bare_duration() -> None:
    doc = D.with_events()
    text, left_out = ics.render(doc)
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0" and "timeline" in str(cal["PRODID"])
    evs = vevents(text)
    assert len(evs) == 5 and left_out == 1
    assert "P15Y" not in [str(e["X-TIMELINE-VALUE"]) for e in evs]


def test_a_month_is_an_all_day_event_with_exclusive_end() -> None:
    march = vevents(D.with_events().to_ics())[0]
    assert march["DTSTART"].dt == dt.date(2024, 3, 1)
    assert march["DTEND"].dt == dt.date(2024, 4, 1)
    assert march["DTSTART"].params.get("VALUE") == "DATE"
    assert "DTSTART;VALUE=DATE:20240301" in D.with_events().to_ics()


def test_a_date_with_a_mod_is_rounded_out_to_whole_days() -> None:
    early = vevents(D.with_events().to_ics())[-1]
    assert (early["DTSTART"].dt, early["DTEND"].dt) == (dt.date(2025, 1, 1), dt.date(2025, 5, 3))
    assert str(early["X-TIMELINE-MOD"]) == "START"
    assert str(early["X-TIMELINE-LATEST"]) == "2025-05-02T16:00:00+00:00"


def test_a_time_is_a_timed_event_in_the_anchors_zone() -> None:
    anchor = pendulum.datetime(2024, 7, 28, 9, tz="Asia/Tokyo")
    text = D.with_events(anchor).to_ics()
    time = vevents(text)[1]
    start = time["DTSTART"].dt
    assert isinstance(start, dt.datetime) and start.utcoffset() == dt.timedelta(hours=9)
    assert (start.hour, start.minute) == (10, 30)
    assert "DTEND" not in time and "DURATION" not in time  # an instant (RFC 5545 3.6.1)
    assert "DTSTART;TZID=Asia/Tokyo:20240729T103000" in text
    assert "BEGIN:VTIMEZONE" in text


def test_a_time_with_a_utc_anchor_is_written_in_utc() -> None:
    text = D.with_events().to_ics()
    assert "DTSTART:20240729T103000Z" in text


def test_a_set_becomes_a_recurring_event() -> None:
    every = vevents(D.with_events().to_ics())[2]
    assert every["RRULE"]["FREQ"] == ["MONTHLY"]
    assert every["DTSTART"].dt == dt.date(2024, 7, 28)
    assert str(every["X-TIMELINE-QUANT"]) == "EVERY"


@pytest.mark.parametrize(
    "value, freq, rule",
    [
        ("P1M", None, {"FREQ": "MONTHLY"}),
        ("P1D", None, {"FREQ": "DAILY"}),
        ("P1W", "1X", {"FREQ": "WEEKLY"}),
        ("P1Y", None, {"FREQ": "YEARLY"}),
        ("P2W", None, {"FREQ": "WEEKLY", "INTERVAL": 2}),
        ("P1Q", None, {"FREQ": "MONTHLY", "INTERVAL": 3}),
        ("PT1H", None, {"FREQ": "HOURLY"}),
        ("XXXX-WXX-1", None, {"FREQ": "WEEKLY", "BYDAY": "MO"}),
        ("XXXX-XX-XX", None, {"FREQ": "DAILY"}),
        ("XXXX-XX-15", None, {"FREQ": "MONTHLY", "BYMONTHDAY": 15}),
        ("P1Y", "2X", None),
        ("PXY", None, None),
        ("P1Y6M", None, None),
        ("2024-03", None, None),
        ("not a value", None, None),
    ],
)
def test_rrule_for_set_values(value: str, freq: str | None, rule: dict | None) -> None:
    assert ics.rrule_for(value, freq) == rule


def test_a_weekly_set_starts_on_the_first_matching_day() -> None:
    text = "We meet every Monday."
    x = D.expr(text, "every Monday", "SET", "XXXX-WXX-1", quant="EVERY")
    (ev,) = vevents(Document(text, anchor=D.ANCHOR, expressions=[x]).to_ics())  # anchor is a Sunday
    assert ev["DTSTART"].dt == dt.date(2024, 7, 29)
    assert ev["RRULE"]["BYDAY"] == ["MO"]


def test_a_set_no_rrule_can_say_is_left_out() -> None:
    text = "They meet twice a year."
    x = D.expr(text, "twice a year", "SET", "P1Y", freq="2X")
    text_out, left_out = ics.render(Document(text, anchor=D.ANCHOR, expressions=[x]))
    assert vevents(text_out) == [] and left_out == 1


def test_x_properties_carry_value_range_and_offsets() -> None:
    doc = D.with_events()
    march = vevents(doc.to_ics())[0]
    assert str(march["X-TIMELINE-VALUE"]) == "2024-03"
    assert str(march["X-TIMELINE-TYPE"]) == "DATE"
    assert str(march["X-TIMELINE-EARLIEST"]) == "2024-03-01T00:00:00+00:00"
    assert str(march["X-TIMELINE-LATEST"]) == "2024-04-01T00:00:00+00:00"
    start, end = int(str(march["X-TIMELINE-START"])), int(str(march["X-TIMELINE-END"]))
    assert doc.text[start:end] == str(march["X-TIMELINE-EXPRESSION"]) == "March"
    assert str(march["X-TIMELINE-SOURCE"]) == "hand.txt"


def test_summary_is_short_and_description_says_when_then_holds_the_sentence() -> None:
    doc = D.with_events()
    for ev, event in zip(vevents(doc.to_ics()), [e for e in doc.events if e.value != "P15Y"]):
        assert len(str(ev["SUMMARY"])) <= ics.SUMMARY_WIDTH
        when, sentence = str(ev["DESCRIPTION"]).split("\n\n")
        assert when.startswith("When: ") and sentence == " ".join(event.text.split())
    descriptions = [str(ev["DESCRIPTION"]).split("\n")[0] for ev in vevents(doc.to_ics())]
    assert descriptions == ["When: sometime between 1 and 31 March 2024", "When: 29 July 2024, 10:30",
                            "When: every month", "When: recently, sometime between 29 July 2023 and 28 July 2024",
                            "When: early 2025, sometime between 1 January and 2 May 2025"]
    first = vevents(doc.to_ics())[0]
    assert str(first["SUMMARY"]).endswith("…")


def test_uids_are_stable_and_distinct() -> None:
    first = [str(e["UID"]) for e in vevents(D.with_events().to_ics())]
    again = [str(e["UID"]) for e in vevents(D.with_events().to_ics())]
    assert first == again and len(set(first)) == len(first)
    other = D.with_events(pendulum.datetime(2024, 7, 29))
    assert set(first).isdisjoint(str(e["UID"]) for e in vevents(other.to_ics()))


def test_same_document_twice_still_gives_unique_uids() -> None:
    text, _ = ics.render([D.with_events(), D.with_events()])
    uids = [str(e["UID"]) for e in vevents(text)]
    assert len(uids) == 10 and len(set(uids)) == 10


def test_output_does_not_depend_on_the_clock() -> None:
    assert D.with_events().to_ics() == D.with_events().to_ics()
    assert "DTSTAMP:20240728T000000Z" in D.with_events().to_ics()


def test_duration_only_and_empty_documents_give_an_empty_calendar() -> None:
    text, left_out = ics.render(D.duration_only())
    assert vevents(text) == [] and left_out == 1
    text, left_out = ics.render(D.empty())
    assert vevents(text) == [] and left_out == 0
    assert icalendar.Calendar.from_ical(text)["VERSION"] == "2.0"


def test_without_events_expressions_stand_in() -> None:
    evs = vevents(D.without_events().to_ics())
    assert [str(e["X-TIMELINE-EXPRESSION"]) for e in evs] == \
        ["March", "10:30 a.m. on Monday", "every month", "lately", "early 2025"]


def test_a_set_with_a_time_of_day_recurs_as_an_instant_in_the_anchors_zone() -> None:
    text = "The council meets every Monday at 6 p.m."
    x = D.expr(text, "every Monday at 6 p.m.", "SET", "XXXX-WXX-1T18:00", quant="EVERY")
    anchor = pendulum.datetime(2024, 7, 28, 9, tz="Asia/Tokyo")
    out = Document(text, anchor=anchor, expressions=[x]).to_ics()
    (ev,) = vevents(out)
    assert "DTSTART;TZID=Asia/Tokyo:20240729T180000" in out and "DTEND" not in ev
    assert ev["RRULE"]["FREQ"] == ["WEEKLY"] and ev["RRULE"]["BYDAY"] == ["MO"]
    assert str(ev["DESCRIPTION"]).startswith("When: every Monday at 18:00")


def test_a_set_is_in_the_calendar_beside_dated_events() -> None:
    doc = D.with_events()
    no_set_event = Document(doc.text, anchor=doc.anchor, expressions=doc.expressions,
                            events=[e for e in doc.events if e.expression.type != "SET"])
    values = [str(e["X-TIMELINE-VALUE"]) for e in vevents(no_set_event.to_ics())]
    assert "P1M" in values and len(values) == 5
