"""Documents as JSON and back: everything the pipeline knows, in plain JSON types.

Datetimes are ISO 8601 strings with their offset; ``timezone`` names the anchor's zone
so reading back restores it. Each event carries its expression in full (and its index
in ``expressions`` when it is one of them).

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("See you today.", anchor=pendulum.datetime(2024, 7, 28, tz="Asia/Tokyo"),
...                expressions=[Expression("today", 8, 13, "DATE", "2024-07-28")])
>>> from_json(to_json(doc)) == doc
True
>>> to_record(doc)["expressions"][0]["value"]
'2024-07-28'
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pendulum

from ..errors import TimelineError
from ..model import Document, Event, Expression
from ._common import zone_name

__all__ = ["SCHEMA", "to_record", "to_json", "to_jsonl", "from_record", "from_json"]

#: the ``schema`` field of every record; bumped when fields change meaning
SCHEMA = "timeline.document/1"


class JSONFormatError(TimelineError, ValueError):
    """A JSON text is not a timeline document."""


def _dt_out(d: _dt.datetime | None) -> str | None:
    return None if d is None else d.isoformat()


def _expression(x: Expression) -> dict[str, Any]:
    return {
        "text": x.text,
        "start": x.start,
        "end": x.end,
        "type": x.type,
        "value": x.value,
        "mod": x.mod,
        "earliest": _dt_out(x.earliest),
        "latest": _dt_out(x.latest),
        "rule": x.rule,
        "quant": x.quant,
        "freq": x.freq,
        "range_role": x.range_role,
        "range_other": x.range_other,
    }


def to_record(doc: Document) -> dict[str, Any]:
    """The document as a dict of JSON types (see docs/formats.md)."""
    index = {x: i for i, x in enumerate(doc.expressions)}
    return {
        "schema": SCHEMA,
        "source": doc.source,
        "anchor": doc.anchor.isoformat(),
        "timezone": zone_name(doc.anchor),
        "domain": doc.domain,
        "text": doc.text,
        "expressions": [_expression(x) for x in doc.expressions],
        "events": [
            {
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "relation": e.relation,
                "value": e.value,
                "earliest": _dt_out(e.earliest),
                "latest": _dt_out(e.latest),
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "sources": list(e.sources),
                "expression_index": index.get(e.expression),
                "expression": _expression(e.expression),
            }
            for e in doc.events
        ],
    }


def to_json(doc: Document | Sequence[Document], indent: int | None = 2) -> str:
    """One document as a JSON object; several as a JSON array of them."""
    if isinstance(doc, Document):
        return json.dumps(to_record(doc), ensure_ascii=False, indent=indent)
    return json.dumps([to_record(d) for d in doc], ensure_ascii=False, indent=indent)


def to_jsonl(docs: Document | Sequence[Document]) -> str:
    """One line of JSON per document (JSON Lines), each ending with a newline."""
    if isinstance(docs, Document):
        docs = [docs]
    return "".join(json.dumps(to_record(d), ensure_ascii=False) + "\n" for d in docs)


def _dt_in(s: str | None, tz: str | None) -> pendulum.DateTime | None:
    if s is None:
        return None
    try:  # the stdlib reads every offset isoformat writes (old local mean times have seconds)
        d = pendulum.instance(_dt.datetime.fromisoformat(s))
    except ValueError:
        raise JSONFormatError(f"not an ISO datetime: {s!r}") from None
    return d.in_timezone(tz) if tz else d


def _expression_in(r: Mapping[str, Any], tz: str | None) -> Expression:
    return Expression(
        text=r["text"],
        start=r["start"],
        end=r["end"],
        type=r["type"],
        value=r["value"],
        mod=r.get("mod"),
        earliest=_dt_in(r.get("earliest"), tz),
        latest=_dt_in(r.get("latest"), tz),
        rule=r.get("rule", ""),
        quant=r.get("quant"),
        freq=r.get("freq"),
        range_role=r.get("range_role"),
        range_other=r.get("range_other"),
    )


def from_record(r: Mapping[str, Any]) -> Document:
    """The inverse of ``to_record``; raise JSONFormatError naming what is missing or wrong."""
    if not isinstance(r, Mapping):
        raise JSONFormatError(f"a timeline document must be a JSON object, got {type(r).__name__}")
    try:
        tz = r.get("timezone")
        expressions = [_expression_in(x, tz) for x in r.get("expressions", ())]
        events = []
        for e in r.get("events", ()):
            i = e.get("expression_index")
            x = expressions[i] if i is not None else _expression_in(e["expression"], tz)
            events.append(
                Event(
                    text=e["text"],
                    start=e["start"],
                    end=e["end"],
                    expression=x,
                    relation=e.get("relation", "ON"),
                    earliest=_dt_in(e.get("earliest"), tz),
                    latest=_dt_in(e.get("latest"), tz),
                    trigger=e.get("trigger"),
                    trigger_start=e.get("trigger_start"),
                    sources=tuple(e.get("sources", ())),
                )
            )
        anchor = _dt_in(r["anchor"], tz)
        if anchor is None:
            raise JSONFormatError("timeline document has a null anchor")
        return Document(
            text=r["text"],
            anchor=anchor,
            domain=r.get("domain", "news"),
            expressions=tuple(expressions),
            events=tuple(events),
            source=r.get("source"),
        )
    except KeyError as exc:
        raise JSONFormatError(f"timeline document is missing the field {exc.args[0]!r}") from None
    except (TypeError, IndexError, pendulum.parsing.exceptions.ParserError) as exc:
        raise JSONFormatError(f"not a timeline document: {exc}") from None


def from_json(s: str | bytes | Mapping[str, Any]) -> Document:
    """A Document from its JSON text (or the parsed dict)."""
    if isinstance(s, Mapping):
        return from_record(s)
    try:
        data = json.loads(s)
    except json.JSONDecodeError as exc:
        raise JSONFormatError(f"not JSON: {exc}") from None
    return from_record(data)
