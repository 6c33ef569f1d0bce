"""Turn what users give as an anchor (publication date) into an aware pendulum DateTime.

Naive dates and datetimes are taken as UTC. Strings must be ISO 8601 (``2024-07-28``,
``20240728``, ``2024-07-28T09:30``, ``2024-07-28T09:30:00+09:00``).

>>> to_anchor("2024-07-28").isoformat()
'2024-07-28T00:00:00+00:00'
>>> to_anchor("2024-13-45")
Traceback (most recent call last):
...
timeline.errors.InvalidAnchorError: invalid anchor '2024-13-45': expected an ISO date or datetime (e.g. '2024-07-28' or '2024-07-28T09:30:00+09:00'), a date or a datetime: month must be in 1..12
"""

from __future__ import annotations

import datetime as _dt
import functools

import pendulum

from .errors import InvalidAnchorError

DEFAULT_TZ = pendulum.UTC

__all__ = ["DEFAULT_TZ", "to_anchor", "has_time"]


def to_anchor(anchor: object) -> pendulum.DateTime:
    """Return ``anchor`` as a timezone-aware DateTime; raise InvalidAnchorError (a ValueError)."""
    if isinstance(anchor, _dt.datetime):
        dt = anchor
    elif isinstance(anchor, _dt.date):
        dt = _dt.datetime(anchor.year, anchor.month, anchor.day)
    elif isinstance(anchor, str):
        return _from_string(anchor)
    else:
        raise InvalidAnchorError(anchor, f"got a {type(anchor).__name__}")
    if dt.tzinfo is None:
        return pendulum.instance(dt, tz=DEFAULT_TZ)
    return pendulum.instance(dt)


@functools.lru_cache(maxsize=1024)  # a batch of short texts often shares its dates
def _from_string(anchor: str) -> pendulum.DateTime:
    """``to_anchor`` for an ISO string (the DateTime is immutable, so one serves every call)."""
    text = anchor.strip()
    if not text:
        raise InvalidAnchorError(anchor, "it is empty")
    try:
        if len(text) in (8, 10) and "T" not in text:
            d = _dt.date.fromisoformat(text)
            dt = _dt.datetime(d.year, d.month, d.day)
        else:
            dt = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidAnchorError(anchor, str(exc)) from None
    return to_anchor(dt)


def has_time(anchor: _dt.datetime) -> bool:
    """True when the anchor carries a time of day other than midnight."""
    return (anchor.hour, anchor.minute, anchor.second, anchor.microsecond) != (0, 0, 0, 0)
