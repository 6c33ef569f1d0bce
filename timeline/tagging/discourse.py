"""Reference time across a document: what the text last moved to, and where.

The tagger reads expressions in text order; for each one it asks ``Discourse.context_for``
for the context to resolve it in (anchor, reference time, direction), and tells
``Discourse.update`` what it resolved to. Anaphoric phrases ("two days later", "that
day") and, in narratives, partial dates ("In November") are resolved against the
reference time; in news a date that opens its sentence ("In 1998, ...") sets the year of
the partial dates after it in that sentence.

>>> import pendulum
>>> from timeline.tagging.meaning import Meaning
>>> from timeline.tagging.resolve import resolve
>>> text = "The war began in 1954. In November, the city fell."
>>> d = Discourse(text, pendulum.datetime(2024, 7, 28), "narrative")
>>> m = Meaning("DATE", op="point", year=1954)
>>> d.update(m, resolve(m, d.context_for(m, 17, 21, None)), 17, 21)
>>> d.reference.year, d.reference_unit
(1954, 'Y')
>>> m = Meaning("DATE", op="nearest", month=11)
>>> resolve(m, d.context_for(m, 26, 34, -1)).value
'1954-11'
"""

from __future__ import annotations

import functools
import re

import pendulum

from ..lexicon import load
from .meaning import Meaning
from ..errors import InvalidValueError
from ..values.timex3 import granularity, parse_value
from .resolve import COARSENESS, Context, Resolved
from .tense import cue as sentence_cue
from .tense import direction as sentence_direction
from .tense import is_modifier, sentence_bounds

__all__ = ["Discourse", "REFERENCE_NEAR"]

#: characters after the expression that set the reference time within which a bare clock
#: time ("at 10:35 a.m.") falls on that day rather than on the anchor's
REFERENCE_NEAR = 300

#: months in a period other than a quarter or a year: "the nine months", "the six months"
PERIOD_MONTHS = frozenset({1, 2, 4, 5, 6, 7, 8, 9, 10, 11})


def _months_period(value: str) -> bool:
    """Whether a value is a duration of whole months other than a quarter or a year ("P9M")."""
    try:
        d = parse_value(value).duration
    except InvalidValueError:
        return False
    if d is None or d.time_parts or len(d.date_parts) != 1:
        return False
    amount, unit = d.date_parts[0]
    return unit == "M" and amount in PERIOD_MONTHS

#: characters before a date in which "until" makes it the end of a span (``_aside``)
ASIDE_REACH = 60


@functools.cache
def _end_cue() -> re.Pattern[str]:
    """A word that makes a date after it the end of a span (lexicon class ``end_cue``)."""
    # the end of something named in between: "until the fall of Budapest in February 1945"
    # (not "until in March 1980", "until March", where the story itself goes on to the date)
    return re.compile(rf"\b{load('en')['end_cue'].alternation(True)}\s+(?i:the|a|an)\s")


@functools.cache
def _opening() -> re.Pattern[str]:
    """An opening preposition (lexicon class ``opening_preposition``), or nothing."""
    return re.compile(rf"(?:{load('en')['opening_preposition'].alternation(True)}\s+)?$")


def _opens_sentence(text: str, start: int, end: int) -> bool:
    """"In 1998, ...": a date that opens its sentence sets the time the sentence is about."""
    s, _ = sentence_bounds(text, start, end)
    return bool(_opening().fullmatch(text, s, start)) or not text[s:start].strip()


def _sets_reference(m: Meaning, value: str, domain: str) -> bool:
    """Dates the text talks about become the reference time; in news, comparisons
    ("a year ago", "the year-earlier quarter") and vague references do not."""
    if m.type not in ("DATE", "TIME") or value.endswith("_REF") or "X" in value:
        return False  # nor does a time only partly known ("2014-XX")
    if domain == "narrative":
        # a story moves on through its own dates; a look back ("two decades earlier") is a
        # flashback, and the writer's time ("two years ago", "today") is no part of it
        return not (m.deictic or m.day_offset is not None or (m.offset_sign or 0) < 0)
    return m.offset_sign is None and not m.anaphoric


class Discourse:
    """The state of one document's reading: the reference time and where it was set."""

    def __init__(self, text: str, anchor: pendulum.DateTime, domain: str) -> None:
        self.text, self.anchor, self.domain = text, anchor, domain
        self.reference: pendulum.DateTime = anchor  # the time the text currently talks about
        self.reference_unit = "D"  # its granularity (a code of ``timex3.UNITS``)
        self.reference_at = -1  # where the expression that set it started
        self.last_quarter: pendulum.DateTime | None = None  # the quarter a report is about
        self.explicit_at = -1  # where the last expression that named its year (and opened its sentence) started
        self.period_at = -1  # where the last period of months other than a quarter started
        self.reference_bc = False  # the reference is a year BC, held as a stand-in year

    def context_for(
        self, m: Meaning, start: int, end: int, direction: int | None, tense: int | None = None, governs: bool = False
    ) -> Context:
        """The context to resolve ``m`` (found at ``text[start:end]``) in. ``tense`` is the
        sentence's cue when the caller has read it already."""
        near = 0 <= self.reference_at and start - self.reference_at <= REFERENCE_NEAR
        if near and (m.hour is not None or m.overnight) and m.day_offset is None and m.weekday is None and m.month is None:
            # a bare clock time falls on the day just named only if its tense does not point
            # away from that day ("The deadline is Feb. 8. The game tipped off at 8:30 p.m.")
            cue = (sentence_direction(self.text, start, end) if tense is None else tense) or 0
            ref, anchor = self.reference, self.anchor
            near = not ((cue < 0 and ref > anchor) or (cue > 0 and ref < anchor.start_of("day")))
        lookback = self.explicit_at >= 0 or self.period_at >= 0
        sentence_start = sentence_bounds(self.text, start, end)[0] if lookback else 0
        same_sentence = 0 <= self.explicit_at and sentence_start <= self.explicit_at
        return Context(
            self.anchor,
            self.reference,
            self.reference_unit,
            last_quarter=self.last_quarter,
            direction=direction,
            domain=self.domain,
            reference_in_sentence=same_sentence and self.reference_unit in ("Y", "M", "D"),
            period_in_sentence=0 <= self.period_at and sentence_start <= self.period_at,
            reference_near=near,
            reference_bc=self.reference_bc,
            governing_cue=governs,
        )

    def _aside(self, start: int, end: int, tense: int | None = None, ahead: bool = True) -> bool:
        """In a narrative, a date the sentence only looks ahead to ("a campaign planned for
        1976"), that ends a span ("lasted until the fall of Budapest in February 1945"), that
        names a thing ("the August 1792 uprising") or stands in parentheses ("(1790)") is no
        step of the story."""
        text = self.text
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            return True  # "the Civil Constitution of the Clergy (1790)"
        if is_modifier(text, start, end):
            return True  # "the leader of the August 1792 uprising"
        s = max(sentence_bounds(text, start, end)[0], start - ASIDE_REACH)
        if _end_cue().search(text, s, start):
            return True
        if not ahead:
            return False  # only a date ahead of the story can be a plan
        if tense is not None:
            return tense > 0
        found = sentence_cue(self.text, start, end)
        return found is not None and found[0] > 0

    def update(self, m: Meaning, r: Resolved | None, start: int, end: int, tense: int | None = None) -> None:
        """What ``m`` at ``text[start:end]`` resolved to moves the reference time, if it should
        (``tense``: the sentence's cue when the caller has read it)."""
        if r is None:
            return
        if _months_period(r.value):
            self.period_at = start
        refines = not (  # "March 1990 ... Later that year": that year holds March, which stays
            m.anaphoric
            and r.earliest is not None
            and r.latest is not None
            and r.earliest <= self.reference < r.latest
            and COARSENESS.get(granularity(r.value), 3) > COARSENESS.get(self.reference_unit, 3)
        )
        earliest = r.earliest if r.earliest is not None else r.standin  # a year BC: its stand-in
        if not (_sets_reference(m, r.value, self.domain) and earliest is not None and refines):
            return
        if self.domain == "narrative" and self._aside(start, end, tense, ahead=earliest > self.reference):
            return
        self.reference, self.reference_unit = pendulum.instance(earliest), granularity(r.value)
        self.reference_bc = r.standin is not None
        self.reference_at = start
        if self.reference_unit == "Q" and self.reference <= self.anchor:
            self.last_quarter = self.reference  # a quarter reported on has begun; a forecast's has not
        if r.explicit and (_opens_sentence(self.text, start, end) or is_modifier(self.text, start, end)):
            self.explicit_at = start
