"""Writers for every output format; nothing here knows how documents are parsed.

``render(docs, fmt)`` is the one entry point the command line uses: it returns the text
and how many entries the format had to leave out (an .ics has no place for a bare
duration). ``Document.to_FORMAT()`` methods call the same modules.

>>> FORMATS
('table', 'json', 'jsonl', 'csv', 'timelinejs', 'ics', 'timeml', 'html')
>>> EXTENSIONS["timelinejs"], EXTENSIONS["timeml"]
('timelinejs.csv', 'tml')
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..errors import UnknownOptionError
from ..model import Document

__all__ = ["FORMATS", "EXTENSIONS", "LEAVES_OUT", "Rendered", "render", "check_format"]

FORMATS = ("table", "json", "jsonl", "csv", "timelinejs", "ics", "timeml", "html")
#: file name ending of each format when ``-o DIR`` writes one file per input
EXTENSIONS = {
    "table": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "timelinejs": "timelinejs.csv",
    "ics": "ics",
    "timeml": "tml",
    "html": "html",
}
#: what each format leaves out, and why, for the message the command line prints
LEAVES_OUT = {
    "ics": ("events", "no place in a calendar: durations, open ranges, sets no RRULE can express"),
    "timelinejs": ("events", "no place on a timeline: durations, sets, open ranges"),
    "timeml": ("expressions", "each overlaps an earlier one, and TimeML tags cannot overlap"),
}


@attrs.frozen(slots=True)
class Rendered:
    """An export's text and how many entries it left out."""

    text: str
    left_out: int = 0


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is a known format; raise UnknownOptionError naming it."""
    if fmt not in FORMATS:
        raise UnknownOptionError("format", fmt, FORMATS)
    return fmt


def render(docs: Document | Sequence[Document], fmt: str, width: int = 100) -> Rendered:
    """The text of ``docs`` in format ``fmt`` (one of FORMATS), ending with a newline.
    ``width`` is the table's width in columns."""
    check_format(fmt)
    if isinstance(docs, Document):
        docs = [docs]
    if fmt == "table":
        from .table import to_table

        return Rendered(to_table(docs, width=width) + "\n")
    if fmt == "json":
        from .jsonio import to_json

        return Rendered(to_json(docs[0] if len(docs) == 1 else docs) + "\n")
    if fmt == "jsonl":
        from .jsonio import to_jsonl

        return Rendered(to_jsonl(docs))
    if fmt == "csv":
        from .csvio import to_csv

        return Rendered(to_csv(docs))
    if fmt == "timelinejs":
        from . import timelinejs

        return Rendered(*timelinejs.render(docs))
    if fmt == "ics":
        from . import ics

        return Rendered(*ics.render(docs))
    if fmt == "html":
        from .html import to_html

        return Rendered(to_html(docs))
    from . import timeml

    timeml.to_timeml(docs)  # raises for several documents
    return Rendered(*timeml.render(docs[0]))
