"""``parse``: text + anchor -> Document (expressions in text order, events in timeline order)."""

from __future__ import annotations

from .anchor import to_anchor
from .errors import UnknownOptionError
from .events import build_events
from .model import DOMAINS, Document

__all__ = ["parse"]


def parse(text: str, anchor: object, domain: str = "news", source: str | None = None) -> Document:
    """Find, normalize and order the temporal expressions of ``text`` against ``anchor``.

    ``anchor`` is the publication date: an ISO date/datetime string, a date or a datetime
    (naive ones are taken as UTC). ``domain`` is news, narrative or colloquial.
    Raises ValueError for an invalid anchor or domain; never for odd text.

    >>> doc = parse("The budget was announced in March.", anchor="2024-07-28")
    >>> [(x.text, x.value) for x in doc.expressions]
    [('March', '2024-03')]
    """
    if domain not in DOMAINS:
        raise UnknownOptionError("domain", domain, DOMAINS)
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    from .tagging.tagger import tag  # the tagger loads its rules and lexicons on first use

    a = to_anchor(anchor)
    expressions = tag(text, a, domain)
    # events: the clauses the dated expressions anchor, de-duplicated, in timeline order
    events = build_events(text, expressions, a, source=source)
    return Document(
        text=text, anchor=a, domain=domain, expressions=expressions, events=events, source=source
    )
