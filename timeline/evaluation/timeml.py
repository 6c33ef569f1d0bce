"""Read and write TimeML documents: raw text, DCT anchor, TIMEX3s, EVENTs and TLINKs.

The one TimeML reader and writer: the evaluator reads gold and system files with it,
``timeline extract`` reads .tml input with it, and the ``timeml`` export writes with it
(``on_error="replace"``, so odd text never stops an export).

The raw text is the content of ``<TEXT>`` with every tag removed and XML entities
unescaped, whitespace kept exactly; every offset counts characters of that text.

>>> doc = read_timeml('<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
...     'value="2024-07-28">July 28</TIMEX3></DCT><TEXT>Talks &amp; deals '
...     '<TIMEX3 tid="t1" type="DATE" value="2024-07-27">yesterday</TIMEX3>.</TEXT></TimeML>')
>>> doc.doc_id, doc.anchor, doc.text
('d1', '2024-07-28', 'Talks & deals yesterday.')
>>> [(e.start, e.end, e.text, e.value) for e in doc.expressions]
[(14, 23, 'yesterday', '2024-07-27')]
>>> read_timeml(write_timeml(doc)) == doc
True
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import Union

import attrs

from ..anchor import has_time
from ..errors import InputFileError, TimeMLError, UnknownOptionError
from ..model import TIMEX_TYPES, Document, Expression

__all__ = [
    "GoldEvent",
    "TimeLink",
    "GoldDocument",
    "ON_ERROR",
    "read_timeml",
    "render_timeml",
    "write_timeml",
    "docid_for",
    "iter_tml",
]

@attrs.frozen(slots=True)
class GoldEvent:
    """An EVENT tag: its id, span in the raw text and class (OCCURRENCE, STATE, ...)."""

    eid: str
    start: int
    end: int
    text: str
    event_class: str | None = None


@attrs.frozen(slots=True)
class TimeLink:
    """A TLINK. Its source is an event instance or a time, and so is its target.

    ``event``/``related_event`` are the EVENT ids behind the instances (through
    MAKEINSTANCE), or the ``eventID`` given directly.
    """

    lid: str
    rel_type: str
    event_instance: str | None = None
    event: str | None = None
    time: str | None = None
    related_event_instance: str | None = None
    related_event: str | None = None
    related_time: str | None = None


@attrs.frozen(slots=True)
class GoldDocument:
    """A TimeML document as read from a file (gold or system).

    ``anchor`` is the DCT value string as written (``None`` without a DCT);
    ``expressions`` are the TIMEX3s inside ``<TEXT>`` in text order and ``timex_ids``
    their ``tid`` s, one per expression. ``instances`` maps MAKEINSTANCE ``eiid`` to
    ``eventID`` as ``(eiid, eid)`` pairs.
    """

    doc_id: str
    text: str
    anchor: str | None
    expressions: tuple[Expression, ...] = ()
    timex_ids: tuple[str, ...] = attrs.field(default=())
    events: tuple[GoldEvent, ...] = ()
    instances: tuple[tuple[str, str], ...] = ()
    links: tuple[TimeLink, ...] = ()
    source: str | None = attrs.field(default=None, eq=False)

    @timex_ids.validator
    def _one_id_per_expression(self, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if value and len(value) != len(self.expressions):
            raise ValueError(
                f"timex_ids must hold one id per expression ({len(self.expressions)}), "
                f"got {len(value)}"
            )

    def expression(self, tid: str) -> Expression | None:
        """The expression whose TIMEX3 ``tid`` is ``tid`` (None for the DCT or an unknown id)."""
        for t, e in zip(self.timex_ids, self.expressions):
            if t == tid:
                return e
        return None

    def event_of(self, eiid: str) -> str | None:
        """The EVENT id behind the event instance ``eiid``."""
        return dict(self.instances).get(eiid)


# ---------------------------------------------------------------- reading


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _flatten(text_el: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """The element's text with tags removed, and each descendant with its [start, end)."""
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            spans.append((child, start, pos))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(text_el)
    spans.sort(key=lambda s: (s[1], -s[2]))
    return "".join(parts), spans


_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")


def _markup(data: bytes, where: str) -> str | bytes:
    """UTF-8 markup as text; markup declaring another encoding stays bytes for the parser."""
    m = _DECLARED.match(data[:200])
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(where, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _load(source: str | bytes | os.PathLike[str]) -> tuple[str | bytes, str | None]:
    """(markup, path or None) from a path, TimeML markup, or the bytes of a TimeML file."""
    if isinstance(source, str) and source.lstrip().startswith("<"):
        return source, None
    if isinstance(source, bytes):
        return _markup(source, "<bytes>"), None
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"source must be a path, TimeML markup or bytes, got {type(source).__name__}"
        )
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a directory, expected a .tml file") from None
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc)) from None
    return _markup(data, str(path)), str(path)


def read_timeml(source: str | bytes | os.PathLike[str], doc_id: str | None = None) -> GoldDocument:
    """Read a TimeML document from a path, from TimeML markup (a string starting with
    ``<``) or from the bytes of a TimeML file (an encoding it declares is honoured).

    ``doc_id`` overrides the DOCID (default: DOCID, else the file name without suffix).
    Raises InputFileError for an unreadable file and TimeMLError (a ValueError) for
    markup that is not TimeML, both naming the source.
    """
    markup, path = _load(source)
    where = path or ("<bytes>" if isinstance(source, bytes) else "<string>")
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        raise TimeMLError(where, f"not well-formed XML ({exc})") from None
    text_els = [el for el in root.iter() if _local(el.tag) == "TEXT"]
    if len(text_els) != 1:
        raise TimeMLError(where, f"expected one <TEXT> element, found {len(text_els)}")
    text_el = text_els[0]
    inside = {id(el) for el in text_el.iter()}
    text, spans = _flatten(text_el)

    expressions: list[Expression] = []
    tids: list[str] = []
    events: list[GoldEvent] = []
    for el, start, end in spans:
        tag = _local(el.tag)
        if tag == "TIMEX3":
            expressions.append(_expression(el, text, start, end, where))
            tids.append(el.get("tid", ""))
        elif tag == "EVENT":
            events.append(
                GoldEvent(el.get("eid", ""), start, end, text[start:end], el.get("class"))
            )

    instances = tuple(
        (el.get("eiid", ""), el.get("eventID", ""))
        for el in root.iter()
        if _local(el.tag) == "MAKEINSTANCE"
    )
    eid_of = dict(instances)
    links = tuple(
        TimeLink(
            lid=el.get("lid", ""),
            rel_type=el.get("relType", ""),
            event_instance=el.get("eventInstanceID"),
            event=el.get("eventID") or eid_of.get(el.get("eventInstanceID", "")),
            time=el.get("timeID"),
            related_event_instance=el.get("relatedToEventInstance"),
            related_event=el.get("relatedToEvent")
            or eid_of.get(el.get("relatedToEventInstance", "")),
            related_time=el.get("relatedToTime"),
        )
        for el in root.iter()
        if _local(el.tag) == "TLINK"
    )

    if doc_id is None:
        docid_el = next((el for el in root.iter() if _local(el.tag) == "DOCID"), None)
        doc_id = (docid_el.text or "").strip() if docid_el is not None else ""
        if not doc_id and path:
            doc_id = Path(path).stem
    return GoldDocument(
        doc_id=doc_id,
        text=text,
        anchor=_dct(root, inside),
        expressions=tuple(expressions),
        timex_ids=tuple(tids),
        events=tuple(events),
        instances=instances,
        links=links,
        source=path,
    )


def _expression(el: ET.Element, text: str, start: int, end: int, where: str) -> Expression:
    tid = el.get("tid", "?")
    type_ = el.get("type")
    if type_ not in TIMEX_TYPES:
        raise TimeMLError(
            where, f"TIMEX3 {tid} has type {type_!r}, expected one of {', '.join(TIMEX_TYPES)}"
        )
    return Expression(
        text=text[start:end],
        start=start,
        end=end,
        type=type_,
        value=el.get("value", ""),
        mod=el.get("mod"),
        quant=el.get("quant"),
        freq=el.get("freq"),
    )


def _dct(root: ET.Element, inside_text: set[int]) -> str | None:
    """The DCT value: the TIMEX3 in <DCT>, else a CREATION_TIME TIMEX3 outside <TEXT>."""
    for el in root.iter():
        if _local(el.tag) == "DCT":
            for t in el.iter():
                if _local(t.tag) == "TIMEX3" and t.get("value"):
                    return t.get("value")
    for t in root.iter():
        if (
            _local(t.tag) == "TIMEX3"
            and id(t) not in inside_text
            and t.get("functionInDocument") == "CREATION_TIME"
        ):
            return t.get("value")
    return None


# ---------------------------------------------------------------- writing

#: how the writer treats what TimeML cannot hold
ON_ERROR = ("raise", "replace")

_HEAD = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
)
# not an XML 1.0 Char (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF])
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_RE = re.compile("[&<>\r]")
_ATTR_RE = re.compile('[&<>\r"\n\t]')

Writable = Union[GoldDocument, Document, tuple[str, object, Sequence[Expression]]]


def _xml_chars(s: str, what: str, replace: bool) -> str:
    """``s`` with what XML 1.0 cannot carry made U+FFFD (one for one, so offsets hold),
    or a ValueError naming the first such character."""
    if replace:
        return _XML_ILLEGAL.sub("\ufffd", s)
    m = _XML_ILLEGAL.search(s)
    if m:
        raise ValueError(
            f"{what} holds U+{ord(m.group()):04X} at offset {m.start()}, "
            "which XML 1.0 cannot carry"
        )
    return s


def _esc_text(s: str) -> str:
    return _TEXT_RE.sub(lambda m: _TEXT_ESCAPES[m.group()], s)


def _esc_attr(s: str, replace: bool) -> str:
    s = _xml_chars(s, "attribute value", replace)
    return '"' + _ATTR_RE.sub(lambda m: _ATTR_ESCAPES[m.group()], s) + '"'


def _anchor_value(anchor: object) -> str | None:
    if anchor is None or isinstance(anchor, str):
        return anchor
    if isinstance(anchor, _dt.datetime):
        if not has_time(anchor):
            return anchor.date().isoformat()
        spec = "seconds" if anchor.second or anchor.microsecond else "minutes"
        return anchor.replace(tzinfo=None).isoformat(timespec=spec)
    if isinstance(anchor, _dt.date):
        return anchor.isoformat()
    raise TypeError(f"anchor must be a str, date or datetime, got {type(anchor).__name__}")


def _timex_attrs(tid: str, e: Expression, replace: bool) -> str:
    pairs = [("tid", tid), ("type", e.type), ("value", e.value)]
    for name in ("mod", "quant", "freq"):
        v = getattr(e, name)
        if v is not None:
            pairs.append((name, v))
    return " ".join(f"{k}={_esc_attr(v, replace)}" for k, v in pairs)


def docid_for(doc: Document) -> str:
    """The DOCID written for a Document: its source file's stem, or ``timeline``.

    >>> import pendulum
    >>> docid_for(Document("x", anchor=pendulum.datetime(2024, 7, 28), source="news/a.txt"))
    'a'
    """
    if doc.source and doc.source != "-":
        return PurePath(doc.source).stem or "timeline"
    return "timeline"


def render_timeml(
    document: Writable, doc_id: str | None = None, *, on_error: str = "raise"
) -> tuple[str, int]:
    """The TimeML markup of ``document`` and how many expressions were left out.

    ``on_error="raise"`` (the default) raises ValueError for overlapping expressions,
    an expression that does not match the text at its offsets, and characters XML 1.0
    cannot carry; nothing is left out. ``on_error="replace"`` leaves such expressions
    out (and counts them) and writes U+FFFD for each such character, so offsets hold.
    """
    if on_error not in ON_ERROR:
        raise UnknownOptionError("on_error", on_error, ON_ERROR)
    replace = on_error == "replace"
    tids: Sequence[str] = ()
    text: object
    anchor: object
    expressions: Sequence[Expression]
    if isinstance(document, GoldDocument):
        text, anchor, expressions = document.text, document.anchor, document.expressions
        tids = document.timex_ids
        doc_id = document.doc_id if doc_id is None else doc_id
    elif isinstance(document, Document):
        text, anchor, expressions = document.text, document.anchor, document.expressions
        doc_id = doc_id or docid_for(document)
    elif isinstance(document, tuple) and len(document) == 3:
        text, anchor, expressions = document
    else:
        raise TypeError(
            "document must be a GoldDocument, a Document or a (text, anchor, expressions) "
            f"tuple, got {type(document).__name__}"
        )
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    safe = _xml_chars(text, "text", replace)
    dct = _anchor_value(anchor)
    order = sorted(range(len(expressions)), key=lambda i: (expressions[i].start, -expressions[i].end))
    given_ids = bool(tids) and len(set(tids)) == len(tids) and "t0" not in tids

    out: list[str] = []
    pos = kept = left_out = 0
    for i in order:
        e = expressions[i]
        problem = ""
        if e.start < pos:
            problem = f"expressions overlap: {e.text!r} at {e.start} starts before {pos}"
        elif text[e.start : e.end] != e.text:
            problem = (
                f"expression {e.text!r} does not match the text at [{e.start}, {e.end}): "
                f"{text[e.start:e.end]!r}"
            )
        if problem:
            if not replace:
                raise ValueError(problem)
            left_out += 1
            continue
        kept += 1
        tid = tids[i] if given_ids else f"t{kept}"
        out.append(_esc_text(safe[pos : e.start]))
        out.append(f"<TIMEX3 {_timex_attrs(tid, e, replace)}>{_esc_text(safe[e.start : e.end])}</TIMEX3>")
        pos = e.end
    out.append(_esc_text(safe[pos:]))

    parts = [_HEAD, f"<DOCID>{_esc_text(_xml_chars(doc_id or '', 'doc_id', replace))}</DOCID>\n\n"]
    if dct is not None:
        dct_type = "TIME" if "T" in dct else "DATE"
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="{dct_type}" value={_esc_attr(dct, replace)} '
            f'temporalFunction="false" functionInDocument="CREATION_TIME">'
            f"{_esc_text(_xml_chars(dct, 'anchor', replace))}</TIMEX3></DCT>\n\n"
        )
    parts.append(f"<TEXT>{''.join(out)}</TEXT>\n\n</TimeML>\n")
    return "".join(parts), left_out


def write_timeml(document: Writable, doc_id: str | None = None, *, on_error: str = "raise") -> str:
    """TimeML markup for a document: DOCID, DCT (tid ``t0``) and the TIMEX3s inside TEXT.

    ``document`` is a GoldDocument, a Document or a ``(text, anchor, expressions)``
    tuple; the anchor may be a DCT value string, a date or a datetime. ``doc_id``
    defaults to the GoldDocument's id, the Document's ``docid_for``, or ''. TIMEX3s are
    numbered from t1 in text order (a GoldDocument keeps its own ``tid`` s). For
    ``on_error`` see ``render_timeml``: by default, expressions must not overlap and each
    must match the text at its offsets (ValueError otherwise).

    >>> e = Expression(text="May 5", start=3, end=8, type="DATE", value="2024-05-05")
    >>> print(write_timeml(("On May 5 & 6", "2024-05-01", [e]), doc_id="x"))
    <?xml version="1.0" ?>
    <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
    <BLANKLINE>
    <DOCID>x</DOCID>
    <BLANKLINE>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-01" temporalFunction="false" functionInDocument="CREATION_TIME">2024-05-01</TIMEX3></DCT>
    <BLANKLINE>
    <TEXT>On <TIMEX3 tid="t1" type="DATE" value="2024-05-05">May 5</TIMEX3> &amp; 6</TEXT>
    <BLANKLINE>
    </TimeML>
    <BLANKLINE>
    """
    return render_timeml(document, doc_id, on_error=on_error)[0]


def iter_tml(directory: str | os.PathLike[str]) -> Iterator[Path]:
    """Every ``.tml`` file under ``directory`` (recursively), sorted by relative path."""
    root = Path(directory)
    yield from sorted(
        (p for p in root.rglob("*") if p.suffix.lower() == ".tml" and p.is_file()),
        key=lambda p: p.relative_to(root).as_posix(),
    )
