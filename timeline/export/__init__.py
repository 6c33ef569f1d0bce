"""Writers for every output format; nothing here knows how documents are parsed.

``render(docs, fmt)`` is the one entry point the command line uses: it returns the text
and the entries the format had to leave out, each with its input and reason (an .ics has
no place for a bare duration). ``Document.to_FORMAT()`` methods call the same modules.

>>> FORMATS
('table', 'json', 'jsonl', 'csv', 'timelinejs', 'ics', 'timeml', 'html')
>>> EXTENSIONS["timelinejs"], EXTENSIONS["timeml"], EXTENSIONS["table"]
('timelinejs.csv', 'tml', 'table')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..errors import UnknownOptionError
from ..model import Document
from ._common import Omission

__all__ = ["FORMATS", "EXTENSIONS", "LEAVES_OUT", "Omission", "Rendered", "render", "check_format"]

FORMATS = ("table", "json", "jsonl", "csv", "timelinejs", "ics", "timeml", "html")
#: file name ending of each format when ``-o DIR`` writes one file per input (none is
#: ``.txt``, so outputs are never read back as articles by the default ``--glob``)
EXTENSIONS = {
    "table": "table",
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
    "ics": ("entries", "no place in a calendar: durations, sets no RRULE can express"),
    "timelinejs": ("entries", "no place on a timeline: durations, sets"),
    "timeml": ("expressions", "each overlaps an earlier one, and TimeML tags cannot overlap"),
}


def _omissions(items: Iterable[Omission]) -> tuple[Omission, ...]:
    return tuple(items)


@attrs.frozen(slots=True)
class Rendered:
    """An export's text and the entries it left out (each with its input and reason)."""

    text: str
    omitted: tuple[Omission, ...] = attrs.field(default=(), converter=_omissions)

    @property
    def left_out(self) -> int:
        """How many entries the format had no place for."""
        return len(self.omitted)


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is a known format; raise UnknownOptionError naming it."""
    if fmt not in FORMATS:
        raise UnknownOptionError("format", fmt, FORMATS)
    return fmt


def render(
    docs: Document | Sequence[Document], fmt: str, width: int = 100, defuse_formulas: bool = True
) -> Rendered:
    """The text of ``docs`` in format ``fmt`` (one of FORMATS), ending with a newline.
    ``width`` is the table's width in columns; ``defuse_formulas=False`` writes CSV and
    TimelineJS cells raw, even those a spreadsheet would run as formulas."""
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

        return Rendered(to_csv(docs, defuse_formulas))
    if fmt == "timelinejs":
        from . import timelinejs

        return Rendered(*timelinejs.render_all(docs, defuse_formulas))
    if fmt == "ics":
        from . import ics

        return Rendered(*ics.render_all(docs))
    if fmt == "html":
        from .html import to_html

        return Rendered(to_html(docs))
    from . import timeml

    timeml.to_timeml(docs)  # raises for several documents
    text, n = timeml.render(docs[0])
    why = LEAVES_OUT["timeml"][1]
    return Rendered(text, [Omission(docs[0].source or "<text>", "an expression", why)] * n)
