"""Scale out on Dask: a bag or DataFrame of texts + anchors -> a Dask DataFrame of
expressions or events, one row each (the columns of ``timeline.scale.frame``).

An optional extra: ``pip install 'timeline[dask]'``. Input DataFrames have the columns
``text`` and ``anchor`` and may have ``domain``, ``source`` and ``id``; bags hold mappings
with the same keys, or ``(text, anchor)`` pairs. The ``doc`` column of the result is the
input's ``id``, else its ``source``, else (DataFrames) its index value or (bags)
``"<partition>:<position>"``. A bad row (an invalid anchor, a non-text) fails the
computation with an ``ItemError`` (a ValueError) that names the document.

>>> import pandas as pd, dask.dataframe as dd
>>> texts = pd.DataFrame({"id": ["a", "b"], "anchor": ["2024-07-28", "2024-07-28"],
...                       "text": ["Talks resumed on Monday.", "Prices rose in March 2024."]})
>>> out = expressions(dd.from_pandas(texts, npartitions=2)).compute(scheduler="sync")
>>> out[["doc", "text", "value"]].to_string(index=False)
'doc       text      value\\n  a     Monday 2024-07-22\\n  b March 2024    2024-03'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from .frame import _build, _columns, empty_frame, rows
from .parallel import _job, _parse_job

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["expressions", "events", "to_dask_frame", "documents"]

_OPTIONAL = ("domain", "source")


def _missing(value: object) -> bool:
    """None, NaN, NaT and pd.NA: a cell left empty."""
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are not missing
        return False


def _item(record: Any) -> Any:
    """A parse_many item from a row or a bag element: without its id and empty cells."""
    if isinstance(record, dict):
        return {k: v for k, v in record.items() if k != "id" and not (k in _OPTIONAL and _missing(v))}
    return record


def _doc_id(record: Any, fallback: str) -> str:
    if isinstance(record, dict):
        for key in ("id", "source"):
            value = record.get(key)
            if value is not None and not _missing(value):
                return str(value)
    return fallback


def _records_frame(records: Iterable[tuple[Any, str]], what: str) -> pd.DataFrame:
    columns = _columns(what)
    out: list[tuple[Any, ...]] = []
    for position, (record, doc_id) in enumerate(records):
        doc = _parse_job(_job(position, _item(record), label=f"document {doc_id!r}"))
        out.extend(rows(doc, doc_id, what))
    return _build(out, columns)


def _pandas_partition(part: pd.DataFrame, what: str) -> pd.DataFrame:
    if "text" not in part.columns or "anchor" not in part.columns:
        raise ValueError(f"the DataFrame needs the columns 'text' and 'anchor', got {list(part.columns)}")
    keep = [c for c in ("text", "anchor", *_OPTIONAL, "id") if c in part.columns]
    records = part[keep].to_dict("records")
    ids = [str(i) for i in part.index]
    return _records_frame(((r, _doc_id(r, ids[k])) for k, r in enumerate(records)), what)


def _bag_partition(part: Iterable[Any], partition: int, what: str) -> pd.DataFrame:
    return _records_frame(
        ((r, _doc_id(r, f"{partition}:{k}")) for k, r in enumerate(part)), what
    )


def to_dask_frame(data: db.Bag | dd.DataFrame, what: str = "expressions") -> dd.DataFrame:
    """The expressions (or events) of every text of a Dask bag or DataFrame, one row each."""
    import dask.bag as db
    import dask.dataframe as dd
    from dask.delayed import delayed

    meta = empty_frame(what)
    if isinstance(data, dd.DataFrame):
        frame = data.map_partitions(_pandas_partition, what, meta=meta)  # type: ignore[no-untyped-call]
        return cast("dd.DataFrame", frame)
    if isinstance(data, db.Bag):
        partitions = data.to_delayed()  # type: ignore[no-untyped-call]
        parts = [delayed(_bag_partition)(part, i, what) for i, part in enumerate(partitions)]
        return cast("dd.DataFrame", dd.from_delayed(parts, meta=meta, verify_meta=False))
    raise TypeError(f"data must be a dask Bag or DataFrame, got {type(data).__name__}")


def expressions(data: db.Bag | dd.DataFrame) -> dd.DataFrame:
    """One row per temporal expression: doc, start, end, text, type, value, mod, earliest, latest."""
    return to_dask_frame(data, "expressions")


def events(data: db.Bag | dd.DataFrame) -> dd.DataFrame:
    """One row per event (``Document.events``); empty, with the right columns, when none."""
    return to_dask_frame(data, "events")


def documents(bag: db.Bag) -> db.Bag:
    """A bag of Documents, one per element of ``bag`` (mappings or (text, anchor) pairs)."""

    def parse_one(record: Any) -> Any:
        label = f"document {_doc_id(record, '?')!r}"
        return _parse_job(_job(0, _item(record), label=label))

    return cast("db.Bag", bag.map(parse_one))  # type: ignore[no-untyped-call]

