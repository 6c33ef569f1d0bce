"""``parse_many``: many texts -> Documents in input order, on one core or several.

Items are ``(text, anchor)`` pairs or mappings ``{"text", "anchor", "domain"?, "source"?}``.
The input is consumed lazily, a batch at a time, so an endless stream parses in flat memory.

>>> docs = parse_many([("Talks resumed on Monday.", "2024-07-28"),
...                    {"text": "Nothing here.", "anchor": "2024-07-28", "source": "b"}])
>>> [(d.source, [e.value for e in d.expressions]) for d in docs]
[(None, ['2024-07-22']), ('b', [])]

A bad item (an invalid anchor, a missing text) raises ``ItemError`` (a ValueError) that
names its position, after the documents of every item before it have been yielded:

>>> list(parse_many([("On Monday.", "2024-07-28"), ("Hi.", "not a date")]))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
timeline.scale.parallel.ItemError: items[1]: invalid anchor 'not a date': ...
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import attrs

from ..anchor import to_anchor
from ..errors import TimelineError, UnknownOptionError
from ..model import DOMAINS, Document
from ..pipeline import parse

__all__ = ["parse_many", "ItemError", "WorkersFailedError", "DEFAULT_BATCH_SIZE", "start_method"]

#: items sent to a worker process at a time
DEFAULT_BATCH_SIZE = 32
#: batches in flight per worker: enough to keep each busy, few enough to bound memory
_IN_FLIGHT_PER_WORKER = 2
_KEYS = frozenset({"text", "anchor", "domain", "source"})

#: an item made ready to parse: text, anchor, domain, source
_Job = tuple[str, Any, str, "str | None"]


class ItemError(TimelineError, ValueError):
    """One item given to ``parse_many`` is not a valid (text, anchor) pair or mapping."""

    def __init__(self, index: int, reason: str, label: str | None = None) -> None:
        self.index, self.reason, self.label = index, reason, label
        super().__init__(f"{label or f'items[{index}]'}: {reason}")

    def __reduce__(self) -> tuple[type[ItemError], tuple[int, str, str | None]]:
        # so that it crosses process boundaries (Dask workers) intact
        return (type(self), (self.index, self.reason, self.label))


class WorkersFailedError(TimelineError, RuntimeError):
    """The worker processes of ``parse_many`` died before they could parse anything."""


#: what to do when spawned workers die: the usual cause and its fix
_GUARD_HINT = (
    "the worker processes of parse_many(n_process>1) died; with the 'spawn' start method each "
    "worker re-imports the main module, so a script that calls parse_many at its top level "
    "starts it again in every worker: put the call under `if __name__ == \"__main__\":` "
    "(or use n_process=1)"
)


def start_method() -> str:
    """How ``parse_many`` starts its workers: ``fork`` on Linux while this process runs no
    other thread (workers then never re-import the main module, so a plain script without
    ``if __name__ == "__main__":`` works), else ``spawn`` (safe next to threads; then the
    guard is needed, and its absence gives WorkersFailedError naming it).

    >>> start_method() in ("fork", "spawn")
    True
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _job(index: int, item: object, label: str | None = None) -> _Job:
    """Check one item and return it as a job; raise ItemError naming ``index`` (or ``label``)."""
    if isinstance(item, Mapping):
        unknown = set(item) - _KEYS
        if unknown:
            raise ItemError(index, f"unknown keys {sorted(unknown)}; expected {sorted(_KEYS)}", label)
        if "text" not in item or "anchor" not in item:
            raise ItemError(index, "a mapping needs the keys 'text' and 'anchor'", label)
        text, anchor = item["text"], item["anchor"]
        domain, source = item.get("domain", "news"), item.get("source")
    elif isinstance(item, tuple | list) and len(item) == 2:
        text, anchor = item
        domain, source = "news", None
    else:
        raise ItemError(index, f"expected a (text, anchor) pair or a mapping, got {type(item).__name__}", label)
    if not isinstance(text, str):
        raise ItemError(index, f"text must be a str, got {type(text).__name__}", label)
    if domain not in DOMAINS:
        raise ItemError(index, str(UnknownOptionError("domain", domain, DOMAINS)), label)
    if source is not None and not isinstance(source, str):
        raise ItemError(index, f"source must be a str or None, got {type(source).__name__}", label)
    try:
        anchor = to_anchor(anchor)
    except ValueError as exc:
        raise ItemError(index, str(exc), label) from None
    return text, anchor, domain, source


def _parse_job(job: _Job) -> Document:
    text, anchor, domain, source = job
    return parse(text, anchor, domain=domain, source=source)


def _parse_batch(jobs: list[_Job]) -> list[Document]:
    """Worker side: documents without their text (the parent has it; no need to send it back)."""
    return [attrs.evolve(_parse_job(j), text="") for j in jobs]


def _warm_up() -> None:
    """Worker initializer: load rules and lexicons once, before the first batch."""
    parse("On Monday, 3 March 2024.", "2024-07-28")


def _batches(items: Iterable[object], size: int) -> Iterator[tuple[list[_Job], ItemError | None]]:
    """Checked jobs, ``size`` at a time; a bad item ends the stream with its error."""
    it = enumerate(items)
    while True:
        jobs: list[_Job] = []
        for index, item in itertools.islice(it, size):
            try:
                jobs.append(_job(index, item))
            except ItemError as exc:
                yield jobs, exc
                return
        if not jobs:
            return
        yield jobs, None


def _check_options(n_process: int, batch_size: int) -> int:
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if n_process == -1:
        return os.cpu_count() or 1
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
        raise ValueError(f"n_process must be a positive int or -1 (all cores), got {n_process!r}")
    return n_process


def parse_many(
    items: Iterable[object], n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Document]:
    """Parse every item and yield its Document, in input order.

    ``n_process > 1`` parses batches of ``batch_size`` items in that many worker processes
    (started as ``start_method()`` says: ``fork`` on Linux in a single-threaded process, so
    a plain script needs no ``if __name__ == "__main__":``; ``spawn`` elsewhere, where it
    does); ``-1`` uses every core. At most ``2 * n_process`` batches are in flight, so
    memory stays flat on long streams. Raises ValueError for bad options at once,
    ``ItemError`` for a bad item when the stream reaches it, and WorkersFailedError (naming
    the fix) when spawned workers die on start.
    """
    n = _check_options(n_process, batch_size)
    if n == 1:
        return _serial(items, batch_size)
    return _pooled(items, n, batch_size)


def _serial(items: Iterable[object], batch_size: int) -> Iterator[Document]:
    for index, item in enumerate(items):
        yield _parse_job(_job(index, item))


def _pooled(items: Iterable[object], n: int, batch_size: int) -> Iterator[Document]:
    method = start_method()
    context = multiprocessing.get_context(method)
    pending: collections.deque[tuple[list[_Job], Future[list[Document]]]] = collections.deque()
    error: ItemError | None = None
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_warm_up) as pool:
        batches = _batches(items, batch_size)
        try:
            while True:
                while error is None and len(pending) < n * _IN_FLIGHT_PER_WORKER:
                    step = next(batches, None)
                    if step is None:
                        break
                    jobs, error = step
                    if jobs:
                        pending.append((jobs, pool.submit(_parse_batch, jobs)))
                if not pending:
                    break
                jobs, future = pending.popleft()
                try:
                    done = future.result()
                except BrokenProcessPool as exc:
                    if method == "spawn":
                        raise WorkersFailedError(_GUARD_HINT) from exc
                    raise
                for job, doc in zip(jobs, done, strict=True):
                    yield attrs.evolve(doc, text=job[0])
        finally:
            for _, future in pending:
                future.cancel()
    if error is not None:
        raise error
