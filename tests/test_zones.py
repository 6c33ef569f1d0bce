"""A clock time with a zone keeps it: earliest is the true instant, whatever the anchor's zone."""

from __future__ import annotations

import datetime as dt

import pytest

import timeline

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    "text, expr, utc",
    [
        ("The call is at 10:35 a.m. EST on Monday.", "10:35 a.m. EST on Monday", "2024-07-29T15:35"),
        ("Trading starts at 17:00 JST.", "17:00 JST", "2024-07-28T08:00"),
        ("Kickoff is 9 a.m. Pacific time.", "9 a.m. Pacific time", "2024-07-28T16:00"),  # PDT in July
        ("The polls close at 9 a.m. Pacific time on Dec. 3.", "9 a.m. Pacific time on Dec. 3", "2024-12-03T17:00"),  # PST
        ("Markets reacted at 4 p.m. ET.", "4 p.m. ET", "2024-07-28T20:00"),
        ("The vote closes at 2230 GMT Sunday.", "2230 GMT Sunday", "2024-07-28T22:30"),
        ("Filing opens at 09:00 CET on 1 December.", "09:00 CET on 1 December", "2024-12-01T08:00"),
        ("The launch is at 5pm IST.", "5pm IST", "2024-07-28T11:30"),
        ("Markets open at 14:00 UTC+2.", "14:00 UTC+2", "2024-07-28T12:00"),
        ("The result came at 6 a.m. AEST.", "6 a.m. AEST", "2024-07-27T20:00"),
    ],
)
@pytest.mark.parametrize("anchor", ["2024-07-28", "2024-07-28T12:00:00+09:00", "2024-07-28T08:00:00-04:00"])
def test_a_zoned_clock_time_has_its_true_instant_as_earliest(text: str, expr: str, utc: str, anchor: str) -> None:
    (x,) = [x for x in timeline.parse(text, anchor=anchor).expressions if x.text == expr]
    assert x.earliest is not None and x.latest is not None
    assert x.earliest.astimezone(UTC).replace(tzinfo=None) == dt.datetime.fromisoformat(utc)
    assert x.latest - x.earliest == dt.timedelta(minutes=1)


def test_the_value_keeps_the_clock_time_as_written() -> None:
    (x,) = timeline.parse("It starts at 17:00 JST.", anchor="2024-07-28").expressions
    assert x.value == "2024-07-28T17:00"
    assert x.earliest is not None and x.earliest.utcoffset() == dt.timedelta(hours=9)


def test_local_time_keeps_the_anchor_zone() -> None:
    doc = timeline.parse("The plane will land at 9 a.m. local time on Thursday.", anchor="2024-07-28T10:00:00+02:00")
    (x,) = doc.expressions
    assert x.earliest is not None and x.earliest.utcoffset() == dt.timedelta(hours=2)
