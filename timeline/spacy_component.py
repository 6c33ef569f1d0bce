"""The ``timeline`` spaCy component: temporal expressions as spans of a spaCy ``Doc``.

An optional extra: ``pip install 'timeline[spacy]'``. The factory is registered through
the ``spacy_factories`` entry point, so ``nlp.add_pipe("timeline")`` works without importing
this module. The component runs ``timeline.parse`` on ``doc.text`` and sets:

- ``doc.spans["timeline"]`` (the key is the ``spans_key`` setting): one span per expression,
  labelled with its TIMEX3 type, in text order;
- ``span._.timex``: the ``Expression`` (value, type, mod, earliest, latest, ...);
- ``doc._.timeline``: the ``Document`` (expressions, events, anchor, domain).

The anchor of a Doc is ``doc._.anchor`` when it was set before the component ran, else the
``anchor`` setting. Details and examples: docs/spacy.md.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("timeline", config={"anchor": "2024-07-28"})
>>> doc = nlp("Talks resume on Monday.")
>>> [(span.text, span.label_, span._.timex.value) for span in doc.spans["timeline"]]
[('Monday', 'DATE', '2024-07-29')]
"""

# no ``from __future__ import annotations``: spaCy reads the factory's annotations at run
# time to check the settings given to add_pipe

import datetime as _dt
from typing import Any, Optional, cast

import attrs
import pendulum
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from .anchor import to_anchor
from .errors import TimelineError, UnknownOptionError
from .export._common import zone_name
from .model import DOMAINS, Document, Event, Expression
from .pipeline import parse

__all__ = [
    "ALIGNMENT_MODES",
    "DEFAULT_CONFIG",
    "MissingAnchorError",
    "TimelineComponent",
    "make_timeline_component",
]

#: how expression offsets map to tokens (spaCy's ``Doc.char_span`` alignment modes)
ALIGNMENT_MODES = ("expand", "contract", "strict")
DEFAULT_CONFIG: dict[str, Any] = {
    "anchor": None,
    "domain": "news",
    "spans_key": "timeline",
    "alignment_mode": "expand",
}


class MissingAnchorError(TimelineError, ValueError):
    """A Doc reached the component with no ``doc._.anchor`` and no ``anchor`` setting."""

    def __init__(self, name: str = "timeline") -> None:
        self.name = name
        named = "" if name == "timeline" else f", name={name!r}"
        super().__init__(
            f"no anchor for this Doc: set doc._.anchor (e.g. '2024-07-28') before the pipeline "
            f"runs, or give the component one: nlp.add_pipe('timeline'{named}, config={{'anchor': '2024-07-28'}})"
        )

    def __reduce__(self) -> tuple[type["MissingAnchorError"], tuple[str]]:
        return (type(self), (self.name,))


# -- doc._.anchor: checked when set, kept as a string (it travels with the Doc to workers)

_ANCHOR_KEY = ("._.", "anchor", None, None)


def _user_data(doc: Doc) -> dict[Any, Any]:
    return doc.user_data  # spaCy types its keys as str; extension values are keyed by tuples


def _get_anchor(doc: Doc) -> Optional[str]:
    value = _user_data(doc).get(_ANCHOR_KEY)
    return value if isinstance(value, str) else None


def _set_anchor(doc: Doc, value: object) -> None:
    """Store ``value`` as an ISO string; raise InvalidAnchorError (a ValueError) if it is no date."""
    if value is None:
        _user_data(doc).pop(_ANCHOR_KEY, None)
        return
    to_anchor(value)  # raises a clear error for anything that is not a date
    if isinstance(value, _dt.date):  # a date or a datetime (naive ones are UTC)
        value = value.isoformat()
    _user_data(doc)[_ANCHOR_KEY] = str(value).strip()


def _register_extensions() -> None:
    if not Doc.has_extension("anchor"):
        Doc.set_extension("anchor", getter=_get_anchor, setter=_set_anchor)
    if not Doc.has_extension("timeline"):
        Doc.set_extension("timeline", default=None)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", default=None)


_register_extensions()


# -- Expressions and Documents inside Doc.to_bytes: spaCy writes user data with msgpack,
# which knows neither. These hooks write every attrs field of them (datetimes as ISO
# strings with their zone), so that what comes back from a worker equals what went in.

_TAG = "__timeline__"
_CLASSES: dict[str, type[Any]] = {c.__name__: c for c in (Expression, Event, Document)}


def _plain(value: object) -> object:
    """A field's value in msgpack's types; our objects inside it are left to ``_encode``."""
    if isinstance(value, _dt.datetime):
        return {_TAG: "datetime", "iso": value.isoformat(), "zone": zone_name(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _encode(obj: object, chain: Any = None) -> object:
    if type(obj) in _CLASSES.values():
        fields = {f.name: _plain(getattr(obj, f.name)) for f in attrs.fields(cast(Any, type(obj)))}
        return {_TAG: type(obj).__name__, "fields": fields}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Any = None) -> object:
    if isinstance(obj, dict) and isinstance(obj.get(_TAG), str):
        tag = obj[_TAG]
        if tag == "datetime":
            d = pendulum.instance(_dt.datetime.fromisoformat(obj["iso"]))
            return d.in_timezone(obj["zone"]) if obj.get("zone") else d
        if tag in _CLASSES:  # msgpack gives lists where the fields hold tuples
            fields = {k: tuple(v) if isinstance(v, list) else v for k, v in obj["fields"].items()}
            return _CLASSES[tag](**fields)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("timeline", func=_encode)
srsly.msgpack_decoders.register("timeline", func=_decode)


# -- the component


class TimelineComponent:
    """Tags a Doc: ``doc.spans[spans_key]``, ``span._.timex`` and ``doc._.timeline``."""

    def __init__(
        self,
        name: str = "timeline",
        anchor: Optional[str] = None,
        domain: str = "news",
        spans_key: str = "timeline",
        alignment_mode: str = "expand",
    ) -> None:
        if domain not in DOMAINS:
            raise UnknownOptionError("domain", domain, DOMAINS)
        if alignment_mode not in ALIGNMENT_MODES:
            raise UnknownOptionError("alignment_mode", alignment_mode, ALIGNMENT_MODES)
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(f"spans_key must be a non-empty str, got {spans_key!r}")
        self.name = name
        self._given = anchor
        self._anchor = None if anchor is None else to_anchor(anchor)  # checked here, once
        self.domain = domain
        self.spans_key = spans_key
        self.alignment_mode = alignment_mode

    @property
    def anchor(self) -> Optional[str]:
        """The ``anchor`` setting: the anchor of every Doc that brings none."""
        return self._given

    def __call__(self, doc: Doc) -> Doc:
        given = doc._.anchor
        anchor = given if given is not None else self._anchor
        if anchor is None:
            raise MissingAnchorError(self.name)
        document = parse(doc.text, anchor, domain=self.domain)
        spans: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for x in document.expressions:
            span = doc.char_span(x.start, x.end, label=x.type, alignment_mode=self.alignment_mode)
            # a span's extension values are keyed by its characters: where two expressions
            # widen to the same tokens, the first keeps the span (both stay in doc._.timeline)
            if span is None or (span.start_char, span.end_char) in seen:
                continue
            seen.add((span.start_char, span.end_char))
            span._.timex = x
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.timeline = document
        return doc


@Language.factory(
    "timeline",
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.timeline", "span._.timex"],
)
def make_timeline_component(
    nlp: Language,
    name: str,
    anchor: Optional[str],
    domain: str,
    spans_key: str,
    alignment_mode: str,
) -> TimelineComponent:
    """spaCy's factory of the ``timeline`` component (settings in docs/spacy.md)."""
    return TimelineComponent(name, anchor, domain, spans_key, alignment_mode)
