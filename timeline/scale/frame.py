"""``to_frame``: one or many Documents -> a pandas DataFrame, one row per expression or event.

pandas is an optional extra (``pip install 'timeline[pandas]'``). Ranges become UTC
timestamps at microsecond resolution (``datetime64[us, UTC]``), so every year from 1 to
9999 fits; a missing range is ``NaT``. ``doc`` is the document's ``source``, or its
position in the input when it has none.

>>> import timeline
>>> doc = timeline.parse("Shares fell on Monday and rose in March 2024.", "2024-07-28")
>>> df = timeline.to_frame(doc)
>>> df[["doc", "text", "type", "value"]].to_string(index=False)
'doc       text type      value\\n  0     Monday DATE 2024-07-22\\n  0 March 2024 DATE    2024-03'
>>> str(df["earliest"].dtype)
'datetime64[us, UTC]'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import UnknownOptionError
from ..model import Document

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_frame", "EXPRESSION_COLUMNS", "EVENT_COLUMNS", "WHAT", "rows", "empty_frame"]

_STR = "string"
_INT = "int64"
_TIME = "datetime64[us, UTC]"
#: column -> dtype of an expressions frame
EXPRESSION_COLUMNS: dict[str, str] = {
    "doc": _STR, "start": _INT, "end": _INT, "text": _STR, "type": _STR, "value": _STR,
    "mod": _STR, "earliest": _TIME, "latest": _TIME,
}
#: column -> dtype of an events frame (``value``: the TIMEX3 value of the dating expression)
EVENT_COLUMNS: dict[str, str] = {
    "doc": _STR, "start": _INT, "end": _INT, "text": _STR, "relation": _STR, "value": _STR,
    "expression_start": _INT, "expression_end": _INT, "trigger": _STR,
    "earliest": _TIME, "latest": _TIME,
}
WHAT = ("expressions", "events")
_EPOCH = _dt.datetime(1970, 1, 1)
_US = _dt.timedelta(microseconds=1)


def _columns(what: str) -> dict[str, str]:
    if what == "expressions":
        return EXPRESSION_COLUMNS
    if what == "events":
        return EVENT_COLUMNS
    raise UnknownOptionError("what", what, WHAT)


def rows(doc: Document, doc_id: str, what: str = "expressions") -> list[tuple[Any, ...]]:
    """The rows of one document, as tuples in the column order of ``what``."""
    _columns(what)
    if what == "expressions":
        return [
            (doc_id, e.start, e.end, e.text, e.type, e.value, e.mod, e.earliest, e.latest)
            for e in doc.expressions
        ]
    return [
        (
            doc_id, v.start, v.end, v.text, v.relation, v.expression.value,
            v.expression.start, v.expression.end, v.trigger, v.earliest, v.latest,
        )
        for v in doc.events
    ]


def _micros(t: _dt.datetime | None) -> Any:
    import numpy as np

    if t is None:
        return np.datetime64("NaT", "us")
    wall = _dt.datetime(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond)
    offset = t.utcoffset()  # pendulum's own durations do not divide by timedelta: use seconds
    shift = round(offset.total_seconds()) * 1_000_000 if offset else 0
    return np.datetime64((wall - _EPOCH) // _US - shift, "us")


def _build(records: Sequence[tuple[Any, ...]], columns: dict[str, str]) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    for i, (name, dtype) in enumerate(columns.items()):
        values = [r[i] for r in records]
        if dtype == _TIME:
            raw = np.array([_micros(v) for v in values], dtype="datetime64[us]")
            data[name] = pd.Series(raw, dtype="datetime64[us]").dt.tz_localize("UTC")
        elif dtype == _INT:
            data[name] = pd.Series(values, dtype=_INT)
        else:
            data[name] = pd.Series(values, dtype=object).astype(dtype)
    return pd.DataFrame(data, columns=list(columns))


def empty_frame(what: str = "expressions") -> pd.DataFrame:
    """An empty frame with the columns and dtypes of ``what`` (the meta of Dask frames)."""
    return _build([], _columns(what))


def to_frame(
    doc_or_docs: Document | Iterable[Document], what: str = "expressions"
) -> pd.DataFrame:
    """A DataFrame of the expressions (or events) of one document or many, one row each.

    Raises UnknownOptionError (a ValueError) for another ``what``, TypeError when given
    something other than Documents, ImportError when pandas is not installed.
    """
    columns = _columns(what)
    docs = [doc_or_docs] if isinstance(doc_or_docs, Document) else doc_or_docs
    records: list[tuple[Any, ...]] = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, Document):
            raise TypeError(f"doc_or_docs must hold Documents, got {type(doc).__name__} at [{i}]")
        records.extend(rows(doc, doc.source if doc.source is not None else str(i), what))
    return _build(records, columns)
