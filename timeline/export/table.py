"""A plain-text table for people, readable at 100 columns.

With events: date value, range, relation and event text (wrapped in its column), then
each expression no event holds (a set, a duration, a date without an event) with its
type in the relation column. Without events: the expressions, with value, type, range
and text.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28), source="a.txt",
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> print(to_table(doc))
a.txt · anchor 2024-07-28 · news · 1 expression, 0 events
VALUE    TYPE  RANGE                     TEXT
2025-03  DATE  [2025-03-01, 2025-04-01)  March
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Sequence

from ..anchor import has_time
from ..model import Document, Expression
from ._common import display_range, entries, is_time_value, shorten

__all__ = ["to_table"]

_MIN_LAST = 20


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _anchor_text(a: _dt.datetime) -> str:
    return a.isoformat() if has_time(a) or a.utcoffset() else str(a.date())


def _header(doc: Document, width: int) -> str:
    """Source · anchor · domain · counts; a long source loses its start, not the counts."""
    rest = " · ".join([
        f"anchor {_anchor_text(doc.anchor)}",
        doc.domain,
        f"{_plural(len(doc.expressions), 'expression')}, {_plural(len(doc.events), 'event')}",
    ])
    if not doc.source:
        return rest
    room = max(10, width - len(rest) - 3)
    source = doc.source if len(doc.source) <= room else "…" + doc.source[-(room - 1) :]
    return f"{source} · {rest}"


def _value(x: Expression) -> str:
    return x.value + (f" {x.mod}" if x.mod else "")


def _range(earliest: _dt.datetime | None, latest: _dt.datetime | None, value: str) -> str:
    return display_range(earliest, latest, days=not is_time_value(value))


def _grid(head: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """Columns as wide as their content; the last one takes what is left and wraps. When
    fewer than 20 columns are left, the last cell goes under its row, indented."""
    fixed = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(head[:-1])]
    used = sum(fixed) + 2 * len(fixed)
    stacked = width - used < _MIN_LAST
    last = width - 4 if stacked else width - used
    indent = " " * (4 if stacked else used)

    def line(cells: Sequence[str]) -> list[str]:
        left = "".join(c.ljust(w) + "  " for c, w in zip(cells[:-1], fixed))
        wrapped = textwrap.wrap(" ".join(cells[-1].split()), max(last, _MIN_LAST), break_on_hyphens=False) or [""]
        if stacked:
            return [left.rstrip()] + [(indent + w).rstrip() for w in wrapped]
        return [(left + wrapped[0]).rstrip()] + [(indent + w).rstrip() for w in wrapped[1:]]

    out = line(head)
    for r in rows:
        out += line(r)
    return out


def _table(doc: Document, width: int) -> list[str]:
    if doc.events:
        head = ("VALUE", "RANGE", "RELATION", "EVENT")
        rows = [
            (_value(e.expression), _range(e.earliest, e.latest, e.expression.value),
             e.relation or e.expression.type, e.text if e.is_event else f"“{e.text}” (no event)")
            for e in entries(doc)
        ]
    else:
        head = ("VALUE", "TYPE", "RANGE", "TEXT")
        rows = [
            (_value(x), x.type, _range(x.earliest, x.latest, x.value), x.text)
            for x in doc.expressions
        ]
    lines = [shorten(_header(doc, width), width)]
    if rows:
        lines += _grid(head, rows, width)
    else:
        lines.append("(no temporal expressions found)")
    return lines


def to_table(docs: Document | Sequence[Document], width: int = 100) -> str:
    """The table text (documents separated by a blank line), ending without a newline."""
    if isinstance(docs, Document):
        docs = [docs]
    return "\n\n".join("\n".join(_table(d, width)) for d in docs)
