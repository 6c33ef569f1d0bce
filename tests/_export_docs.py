"""Documents built by hand for the exporter tests (the tagger and event stages are not needed)."""

from __future__ import annotations

import datetime as dt

import pendulum

from timeline.values.bounds import value_range
from timeline.model import Document, Event, Expression

ANCHOR = pendulum.datetime(2024, 7, 28)

TEXT = (
    "In March, the regime announced a 7.2 percent increase in its defense budget, "
    "already the world's \"second-highest\".\n"
    "The ministers meet at 10:30 a.m. on Monday, and every month after that.\r\n"
    "Japan has suffered cyberattacks for 15 years; lately, worry has grown <a lot> & more. "
    "Talks are set for early 2025."
)


def expr(text: str, phrase: str, type_: str, value: str, anchor: dt.datetime = ANCHOR,
         mod: str | None = None, quant: str | None = None, freq: str | None = None,
         nth: int = 0) -> Expression:
    """An Expression on the ``nth`` occurrence of ``phrase`` with its range from bounds."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    earliest, latest = (None, None) if type_ in ("DURATION", "SET") else value_range(value, mod, anchor)
    return Expression(phrase, start, start + len(phrase), type_, value, mod=mod,
                      earliest=earliest, latest=latest, rule="hand", quant=quant, freq=freq)


def sentence_event(text: str, x: Expression, relation: str = "ON") -> Event:
    """The event of the line holding ``x``, dated ON its range."""
    s = text.rfind("\n", 0, x.start) + 1
    e = text.find("\n", x.end)
    e = len(text) if e < 0 else e
    return Event(text=text[s:e].rstrip("\r"), start=s, end=e, expression=x, relation=relation,
                 earliest=x.earliest, latest=x.latest, trigger=None, sources=("hand.txt",))


def expressions(text: str = TEXT, anchor: dt.datetime = ANCHOR) -> list[Expression]:
    return [
        expr(text, "March", "DATE", "2024-03", anchor),
        expr(text, "10:30 a.m. on Monday", "TIME", "2024-07-29T10:30", anchor),
        expr(text, "every month", "SET", "P1M", anchor, quant="EVERY"),
        expr(text, "15 years", "DURATION", "P15Y", anchor),
        expr(text, "lately", "DATE", "PAST_REF", anchor),
        expr(text, "early 2025", "DATE", "2025", anchor, mod="START"),
    ]


def with_events(anchor: dt.datetime = ANCHOR) -> Document:
    """Six expressions (DATE, TIME, SET, DURATION, a reference, a mod) and an event for each."""
    xs = expressions(TEXT, anchor)
    events = [sentence_event(TEXT, x) for x in xs]
    return Document(TEXT, anchor=anchor, expressions=xs, events=events, source="hand.txt")


def without_events(anchor: dt.datetime = ANCHOR) -> Document:
    """The same expressions, no events yet (what parse gives before the event stage)."""
    return Document(TEXT, anchor=anchor, expressions=expressions(TEXT, anchor), source="hand.txt")


def duration_only() -> Document:
    """One bare duration and no events: nothing with a place in time."""
    text = "He served for 15 years."
    return Document(text, anchor=ANCHOR, expressions=[expr(text, "15 years", "DURATION", "P15Y")],
                    source="duration.txt")


def empty() -> Document:
    return Document("Nothing to see here.", anchor=ANCHOR, source="empty.txt")


ALL = {"with_events": with_events, "without_events": without_events,
       "duration_only": duration_only, "empty": empty}
