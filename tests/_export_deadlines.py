"""A document built by hand with a weekly meeting, two deadlines, a "since", an outlier
decades back and dated events: what issue 16 asks every export to carry."""

from __future__ import annotations

import pendulum

from timeline.model import Document, Event, Expression

ANCHOR = pendulum.datetime(2025, 1, 15)
TEXT = (
    "The board met on 3 March 2025. It meets every Monday at 6 p.m. "
    "Residents can comment until May 10, 2025. Returns must be filed by 31 January 2025. "
    "Prices have risen since 1998. The vote is set for 14 April 2025 at 10:30 a.m. "
    "Ticket sales opened in February 2025."
)


def _x(phrase: str, type_: str, value: str, lo: pendulum.DateTime | None = None,
       hi: pendulum.DateTime | None = None) -> Expression:
    start = TEXT.index(phrase)
    return Expression(phrase, start, start + len(phrase), type_, value, earliest=lo, latest=hi, rule="hand")


def _sentence(x: Expression) -> tuple[str, int, int]:
    s = TEXT.rfind(". ", 0, x.start)
    s = 0 if s < 0 else s + 2
    e = TEXT.index(".", x.end) + 1
    return TEXT[s:e], s, e


def _event(x: Expression, relation: str, lo: pendulum.DateTime | None, hi: pendulum.DateTime | None,
           trigger: str) -> Event:
    text, s, e = _sentence(x)
    return Event(text, s, e, x, relation=relation, earliest=lo, latest=hi, trigger=trigger,
                 trigger_start=TEXT.index(trigger, s))


def document() -> Document:
    d = pendulum.datetime
    met = _x("3 March 2025", "DATE", "2025-03-03", d(2025, 3, 3), d(2025, 3, 4))
    weekly = _x("every Monday at 6 p.m.", "SET", "XXXX-WXX-1T18:00")
    until = _x("May 10, 2025", "DATE", "2025-05-10", d(2025, 5, 10), d(2025, 5, 11))
    by = _x("31 January 2025", "DATE", "2025-01-31", d(2025, 1, 31), d(2025, 2, 1))
    since = _x("1998", "DATE", "1998", d(1998, 1, 1), d(1999, 1, 1))
    vote = _x("14 April 2025 at 10:30 a.m.", "TIME", "2025-04-14T10:30", d(2025, 4, 14, 10, 30), d(2025, 4, 14, 10, 31))
    sales = _x("February 2025", "DATE", "2025-02", d(2025, 2, 1), d(2025, 3, 1))
    events = [
        _event(since, "SINCE", since.earliest, None, "risen"),
        _event(by, "UNTIL", None, by.latest, "filed"),
        _event(sales, "ON", sales.earliest, sales.latest, "opened"),
        _event(met, "ON", met.earliest, met.latest, "met"),
        _event(vote, "ON", vote.earliest, vote.latest, "set"),
        _event(until, "UNTIL", None, until.latest, "comment"),
    ]
    return Document(TEXT, anchor=ANCHOR, expressions=[met, weekly, until, by, since, vote, sales],
                    events=events, source="council.txt")
