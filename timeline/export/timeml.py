"""TimeML 1.2.1 out: the DCT plus a TIMEX3 tag per expression in TEXT.

The markup comes from ``timeline.evaluation.timeml.render_timeml`` (the one TimeML writer, also the
evaluator's) with ``on_error="replace"``: the text is kept exactly (``&``, ``<``, ``>``
escaped, carriage returns written as ``&#13;``) so any XML parser gives back the same
characters and offsets; characters XML 1.0 cannot carry at all (NUL and other C0
controls) become U+FFFD, one for one, so offsets still hold; expressions that overlap an
earlier one cannot be nested in TimeML and are left out (``render`` says how many).
``timeline.evaluation.timeml.read_timeml`` reads it back.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> from timeline.evaluation.timeml import read_timeml
>>> doc = Document("Prices rose <5% in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 19, 24, "DATE", "2024-03")], source="a.txt")
>>> out = to_timeml(doc)
>>> print(out.split("<TEXT>")[1].split("</TEXT>")[0])
Prices rose &lt;5% in <TIMEX3 tid="t1" type="DATE" value="2024-03">March</TIMEX3>.
>>> back = read_timeml(out)
>>> back.text == doc.text, back.anchor, [(x.start, x.end, x.value) for x in back.expressions]
(True, '2024-07-28', [(19, 24, '2024-03')])
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import TimelineError
from ..model import Document
from ..evaluation.timeml import docid_for, render_timeml

__all__ = ["render", "to_timeml", "docid_for"]


def render(doc: Document, docid: str | None = None) -> tuple[str, int]:
    """The TimeML text and how many expressions were left out (overlapping ones)."""
    return render_timeml(doc, docid, on_error="replace")


def to_timeml(docs: Document | Sequence[Document], docid: str | None = None) -> str:
    """TimeML for one document (TimeML has no way to hold several in one file)."""
    if not isinstance(docs, Document):
        if len(docs) != 1:
            raise TimelineError(
                f"TimeML holds one document per file, got {len(docs)}: write them with -o DIR"
            )
        docs = docs[0]
    return render(docs, docid)[0]
