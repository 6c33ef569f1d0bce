"""timeline: turn news text into a dated, ordered timeline.

See ``parse``.
"""

from __future__ import annotations

from .anchor import to_anchor
from .errors import (
    InputFileError,
    InvalidAnchorError,
    InvalidValueError,
    TimelineError,
    UnknownOptionError,
)
from .model import DOMAINS, RELATIONS, TIMEX_TYPES, Document, Event, Expression
from .scale.frame import to_frame
from .events.order import Timeline, merge, relation
from .scale.parallel import parse_many
from .pipeline import parse

__all__ = [
    "parse",
    "parse_many",
    "relation",
    "merge",
    "Timeline",
    "to_frame",
    "to_anchor",
    "Document",
    "Event",
    "Expression",
    "DOMAINS",
    "RELATIONS",
    "TIMEX_TYPES",
    "TimelineError",
    "InvalidAnchorError",
    "InvalidValueError",
    "UnknownOptionError",
    "InputFileError",
]
__version__ = "0.1.0"
