"""Frozen value classes shared by every stage: expressions, events, documents.

Every class is an ``attrs`` frozen, slotted class; change one with ``attrs.evolve``.
Ranges are half-open ``[earliest, latest)`` and timezone-aware; ``None`` where the
thing has no place in time (a bare duration, a set).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "TIMEX_TYPES",
    "RELATIONS",
    "DOMAINS",
    "Expression",
    "Event",
    "Document",
]

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
#: how an event relates to the time its expression names
RELATIONS = ("ON", "BEFORE", "AFTER", "SINCE", "UNTIL")
DOMAINS = ("news", "narrative", "colloquial")


def _aware_or_none(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, _dt.datetime) or value.tzinfo is None:
        raise ValueError(f"{attribute.name} must be a timezone-aware datetime or None, got {value!r}")


def _range_ordered(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and inst.earliest is not None and not inst.earliest < value:
        raise ValueError(f"earliest ({inst.earliest}) must be before latest ({value})")


@attrs.frozen(slots=True)
class Expression:
    """One temporal expression (a TIMEX3): its span in the text and its normalized meaning.

    ``text == document_text[start:end]``. ``type`` is DATE, TIME, DURATION or SET;
    ``value`` a TIMEX3 value string; ``mod`` a TIMEX3 mod (``START``, ``MID``, ``END``,
    ``APPROX``, ``LESS_THAN``, ``MORE_THAN``, ...) or None. ``rule`` names the rule that
    recognized it. ``quant`` and ``freq`` carry TIMEX3 attributes of SETs.
    Each end of a range ("1939-1945", "from 8 to 10 May") is an expression of its own:
    ``range_role`` is ``"start"`` or ``"end"`` and ``range_other`` the ``start`` offset of
    the other end; both are None for an expression that is no end of a range.
    """

    text: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    type: str = attrs.field(validator=attrs.validators.in_(TIMEX_TYPES))
    value: str
    mod: str | None = None
    earliest: _dt.datetime | None = attrs.field(default=None, validator=_aware_or_none)
    latest: _dt.datetime | None = attrs.field(
        default=None, validator=[_aware_or_none, _range_ordered]
    )
    rule: str = ""
    quant: str | None = None
    freq: str | None = None
    range_role: str | None = attrs.field(default=None, validator=attrs.validators.in_((None, "start", "end")))
    range_other: int | None = None

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[Any], value: int) -> None:
        if value - self.start != len(self.text):
            raise ValueError(
                f"end - start ({value} - {self.start}) must equal len(text) ({len(self.text)})"
            )


@attrs.frozen(slots=True)
class Event:
    """What happened when: the clause or sentence that a dated expression anchors.

    ``relation`` says how the event stands to the expression's time (ON, BEFORE, AFTER,
    SINCE, UNTIL); ``earliest``/``latest`` follow from the expression's range and the
    relation. ``trigger`` is the main verb or event noun where one was found.
    ``sources`` names the documents the event was found in (more than one after merging).
    """

    text: str
    start: int
    end: int = attrs.field()
    expression: Expression
    relation: str = attrs.field(default="ON", validator=attrs.validators.in_(RELATIONS))
    earliest: _dt.datetime | None = attrs.field(default=None, validator=_aware_or_none)
    latest: _dt.datetime | None = attrs.field(
        default=None, validator=[_aware_or_none, _range_ordered]
    )
    trigger: str | None = None
    trigger_start: int | None = None
    sources: tuple[str, ...] = ()

    @property
    def value(self) -> str:
        """The TIMEX3 value of the expression that dates the event."""
        return self.expression.value


def _expressions(items: Iterable[Expression]) -> tuple[Expression, ...]:
    return tuple(items)


def _events(items: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(items)


@attrs.frozen(slots=True)
class Document:
    """A text with its anchor, the expressions found in it (text order) and its events
    (timeline order)."""

    text: str
    anchor: _dt.datetime = attrs.field(validator=_aware_or_none)
    domain: str = attrs.field(default="news", validator=attrs.validators.in_(DOMAINS))
    expressions: tuple[Expression, ...] = attrs.field(default=(), converter=_expressions)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    source: str | None = None

    # -- exports: thin doors into timeline.export (imported on use, keeping this module light)

    def to_table(self, width: int = 100) -> str:
        """A plain-text table for people (events, or expressions while there are none)."""
        from .export.table import to_table

        return to_table(self, width=width)

    def to_json(self, indent: int | None = 2) -> str:
        """Everything as JSON; ``Document.from_json`` reads it back to an equal document."""
        from .export.jsonio import to_json

        return to_json(self, indent=indent)

    def to_jsonl_record(self) -> str:
        """The document as one line of JSON (no newline), for JSON Lines batches."""
        from .export.jsonio import to_json

        return to_json(self, indent=None)

    def to_csv(self) -> str:
        """One CSV row per event; columns in docs/formats.md."""
        from .export.csvio import to_csv

        return to_csv(self)

    def to_timelinejs(self) -> str:
        """The Knight Lab TimelineJS spreadsheet as CSV."""
        from .export.timelinejs import to_timelinejs

        return to_timelinejs(self)

    def to_ics(self) -> str:
        """An iCalendar file (RFC 5545, written by the icalendar package)."""
        from .export.ics import to_ics

        return to_ics(self)

    def to_timeml(self, docid: str | None = None) -> str:
        """TimeML with the anchor as DCT and a TIMEX3 tag per expression."""
        from .export.timeml import to_timeml

        return to_timeml(self, docid=docid)

    def to_html(self, title: str | None = None) -> str:
        """One self-contained HTML page drawing the events on a time axis (inline SVG)."""
        from .export.html import to_html

        return to_html(self, title=title)

    @classmethod
    def from_json(cls, s: str | bytes | dict[str, Any]) -> Document:
        """The document ``to_json`` wrote (or its parsed dict)."""
        from .export.jsonio import from_json

        return from_json(s)
