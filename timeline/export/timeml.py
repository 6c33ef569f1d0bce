"""TimeML 1.2.1 out (DCT plus TIMEX3 tags in TEXT) and a small reader for TimeML in.

The writer keeps the text exactly: ``&``, ``<``, ``>`` are escaped and carriage returns
written as ``&#13;`` so any XML parser gives back the same characters and offsets.
Characters XML 1.0 cannot carry at all (NUL and other C0 controls) become U+FFFD, one
for one, so offsets still hold. Expressions that overlap an earlier one cannot be nested
in TimeML and are left out (``render`` says how many).

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Prices rose <5% in March.", anchor=pendulum.datetime(2024, 7, 28),
...                expressions=[Expression("March", 19, 24, "DATE", "2024-03")], source="a.txt")
>>> out = to_timeml(doc)
>>> print(out.split("<TEXT>")[1].split("</TEXT>")[0])
Prices rose &lt;5% in <TIMEX3 tid="t1" type="DATE" value="2024-03">March</TIMEX3>.
>>> back = read_timeml(out)
>>> back.text == doc.text, back.dct, [(t.start, t.end, t.value) for t in back.timexes]
(True, '2024-07-28', [(19, 24, '2024-03')])
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import PurePath
from xml.sax.saxutils import escape, quoteattr

import attrs

from ..anchor import has_time
from ..errors import TimelineError
from ..model import Document, Expression

__all__ = ["Timex", "TimeMLText", "TimeMLFormatError", "render", "to_timeml", "read_timeml", "docid_for"]

_HEAD = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
)
# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class TimeMLFormatError(TimelineError, ValueError):
    """A text is not TimeML this reader understands."""


@attrs.frozen(slots=True)
class Timex:
    """A TIMEX3 tag read from TimeML: its span in the raw text and its attributes."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None


@attrs.frozen(slots=True)
class TimeMLText:
    """What the reader returns: DOCID, the DCT value (or None), the raw text of TEXT and
    its TIMEX3 tags in text order."""

    docid: str | None
    dct: str | None
    text: str
    timexes: tuple[Timex, ...] = ()


def _text(s: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", s)).replace("\r", "&#13;")


def docid_for(doc: Document) -> str:
    """The DOCID written for a document: its source file's stem, or ``timeline``."""
    if doc.source and doc.source != "-":
        return PurePath(doc.source).stem or "timeline"
    return "timeline"


def _dct(anchor: _dt.datetime) -> str:
    if has_time(anchor):
        value = anchor.strftime("%Y-%m-%dT%H:%M")
        return (f'<TIMEX3 tid="t0" type="TIME" value="{value}" temporalFunction="false" '
                f'functionInDocument="CREATION_TIME">{anchor.strftime("%Y-%m-%d %H:%M")}</TIMEX3>')
    value = anchor.strftime("%Y-%m-%d")
    return (f'<TIMEX3 tid="t0" type="DATE" value="{value}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{value}</TIMEX3>')


def _tag(tid: int, x: Expression) -> str:
    attrs_ = [("tid", f"t{tid}"), ("type", x.type), ("value", x.value)]
    attrs_ += [(k, v) for k, v in (("mod", x.mod), ("quant", x.quant), ("freq", x.freq)) if v]
    inner = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs_)
    return f"<TIMEX3 {inner}>{_text(x.text)}</TIMEX3>"


def render(doc: Document, docid: str | None = None) -> tuple[str, int]:
    """The TimeML text and how many expressions were left out (overlapping ones)."""
    parts = [_HEAD, f"<DOCID>{_text(docid or docid_for(doc))}</DOCID>\n\n", f"<DCT>{_dct(doc.anchor)}</DCT>\n\n<TEXT>"]
    pos, tid, left_out = 0, 0, 0
    for x in sorted(doc.expressions, key=lambda x: (x.start, -x.end)):
        if x.start < pos or x.end > len(doc.text) or doc.text[x.start : x.end] != x.text:
            left_out += 1
            continue
        tid += 1
        parts += [_text(doc.text[pos : x.start]), _tag(tid, x)]
        pos = x.end
    parts += [_text(doc.text[pos:]), "</TEXT>\n\n</TimeML>\n"]
    return "".join(parts), left_out


def to_timeml(docs: Document | Sequence[Document], docid: str | None = None) -> str:
    """TimeML for one document (TimeML has no way to hold several in one file)."""
    if not isinstance(docs, Document):
        if len(docs) != 1:
            raise TimelineError(
                f"TimeML holds one document per file, got {len(docs)}: write them with -o DIR"
            )
        docs = docs[0]
    return render(docs, docid)[0]


def _walk(el: ET.Element, out: list[str], pos: list[int], found: list[Timex]) -> None:
    for child in el:
        start = pos[0]
        if child.text:
            out.append(child.text)
            pos[0] += len(child.text)
        _walk(child, out, pos, found)
        if child.tag == "TIMEX3":
            a = child.attrib
            found.append(
                Timex(
                    tid=a.get("tid", ""),
                    start=start,
                    end=pos[0],
                    text="",
                    type=a.get("type", ""),
                    value=a.get("value", ""),
                    mod=a.get("mod"),
                    quant=a.get("quant"),
                    freq=a.get("freq"),
                )
            )
        if child.tail:
            out.append(child.tail)
            pos[0] += len(child.tail)


def read_timeml(data: str | bytes) -> TimeMLText:
    """Read DOCID, DCT and the raw TEXT with its TIMEX3 spans; raise TimeMLFormatError."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise TimeMLFormatError(f"not well-formed XML: {exc}") from None
    text_el = root.find(".//TEXT") if root.tag != "TEXT" else root
    if text_el is None:
        raise TimeMLFormatError("no <TEXT> element")
    dct_el = root.find(".//DCT/TIMEX3")
    docid_el = root.find(".//DOCID")
    out: list[str] = [text_el.text or ""]
    pos = [len(out[0])]
    found: list[Timex] = []
    _walk(text_el, out, pos, found)
    text = "".join(out)
    timexes = tuple(
        sorted((attrs.evolve(t, text=text[t.start : t.end]) for t in found), key=lambda t: t.start)
    )
    return TimeMLText(
        docid=(docid_el.text or "").strip() if docid_el is not None else None,
        dct=dct_el.get("value") if dct_el is not None else None,
        text=text,
        timexes=timexes,
    )
