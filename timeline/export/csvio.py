"""One CSV row per entry: each event, then each expression no event holds (a SET, a
duration, a date without an event).

Columns, in order (docs/formats.md describes each):
``value, type, mod, earliest, latest, granularity, relation, expression, event, source,
start, end, event_start, event_end, when, cue, trigger, quant, freq``. ``start``/``end``
are the expression's character offsets in the source text; datetimes are ISO 8601 with
offset; empty cells mean none. Cells that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading ``'`` unless
``defuse=False``.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> print(to_csv(doc).splitlines()[1])
2025-03,DATE,,2025-03-01T00:00:00+00:00,2025-04-01T00:00:00+00:00,month,,March,,,16,21,,,sometime between 1 and 31 March 2025,,,,
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model import Document
from ._common import all_entries, defuse, granularity, iso, when_words

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
    "when",
    "cue",
    "trigger",
    "quant",
    "freq",
)


def to_csv(docs: Document | Sequence[Document], defuse_formulas: bool = True) -> str:
    """The CSV text (header row first, ``\\r\\n`` line ends as RFC 4180 asks).
    ``defuse_formulas=False`` writes every cell as it is (see docs/formats.md)."""
    if isinstance(docs, Document):
        docs = [docs]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(COLUMNS)
    for _doc, e in all_entries(docs):
        x = e.expression
        cells = (
            x.value,
            x.type,
            x.mod or "",
            iso(e.earliest),
            iso(e.latest),
            granularity(x.value, x.type),
            e.relation,
            x.text,
            " ".join(e.text.split()) if e.is_event else "",
            e.sources,
            x.start,
            x.end,
            e.start if e.is_event else "",
            e.end if e.is_event else "",
            when_words(e),
            e.cue,
            e.trigger or "",
            x.quant or "",
            x.freq or "",
        )
        w.writerow([defuse(c) if defuse_formulas and isinstance(c, str) else c for c in cells])
    return out.getvalue()
