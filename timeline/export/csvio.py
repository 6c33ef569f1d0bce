"""One CSV row per event (or per expression while a document has no events).

Columns, in order (docs/formats.md describes each):
``value, type, mod, earliest, latest, granularity, relation, expression, event, source,
start, end, event_start, event_end``. ``start``/``end`` are the expression's character
offsets in the source text; datetimes are ISO 8601 with offset; empty cells mean none.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> print(to_csv(doc).splitlines()[1])
2025-03,DATE,,2025-03-01T00:00:00+00:00,2025-04-01T00:00:00+00:00,month,ON,March,Talks resume in March.,,16,21,0,22
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model import Document
from ._common import all_entries, granularity, iso, sources_of

__all__ = ["COLUMNS", "to_csv"]

COLUMNS = (
    "value",
    "type",
    "mod",
    "earliest",
    "latest",
    "granularity",
    "relation",
    "expression",
    "event",
    "source",
    "start",
    "end",
    "event_start",
    "event_end",
)


def to_csv(docs: Document | Sequence[Document]) -> str:
    """The CSV text (header row first, ``\\r\\n`` line ends as RFC 4180 asks)."""
    if isinstance(docs, Document):
        docs = [docs]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(COLUMNS)
    for doc, e in all_entries(docs):
        x = e.expression
        w.writerow(
            (
                x.value,
                x.type,
                x.mod or "",
                iso(e.earliest),
                iso(e.latest),
                granularity(x.value, x.type),
                e.relation,
                x.text,
                " ".join(e.text.split()),
                sources_of(doc, e),
                x.start,
                x.end,
                e.start,
                e.end,
            )
        )
    return out.getvalue()
