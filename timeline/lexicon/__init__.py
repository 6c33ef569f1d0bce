"""Word lists as data: ``lexicon/en/*.toml``, loaded once and checked on load.

Each TOML table is a *class* of words: ``entries`` (surface form -> value), ``case``
("title": Title Case or UPPER CASE only; "any": any case) and ``examples``.

>>> lex = load("en")
>>> lex.value("month", "Sept.")
9
>>> lex.value("shift", "LAST")
-1
"""

from __future__ import annotations

import re
import string
import tomllib
from functools import cache
from importlib import resources
from typing import Any

import attrs

__all__ = ["LexClass", "Lexicon", "load", "ascii_letter"]


@cache
def ascii_letter(ch: str) -> str:
    """``ch`` when it is ASCII, else the ASCII letter that matches it under ``re.I``
    ("\u017f", long s, matches "s"; "\u212a", the Kelvin sign, "k"), else ``""``: what a
    rule written in ASCII letters and matching any case reads in a letter that is not."""
    if ch.isascii():
        return ch
    return next((a for a in string.ascii_lowercase if re.fullmatch(a, ch, re.I)), "")


@attrs.frozen(slots=True)
class LexClass:
    """One class of words (months, units, ...) with the regex alternation matching them."""

    name: str
    case: str
    entries: dict[str, Any]
    examples: tuple[tuple[str, ...], ...]
    extra: dict[str, Any]
    _folded: dict[str, Any] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_folded", {k.lower(): v for k, v in self.entries.items()})

    def value(self, surface: str) -> Any:
        """The value of a matched surface form (whitespace and case folded; a letter that
        is not ASCII is read as the ASCII letter a rule matching any case matched it with).

        >>> load("en").classes["month"].value("\u017feptember")
        9
        """
        key = " ".join(surface.lower().split())
        got = self._folded.get(key)
        if got is None and not key.isascii():
            ascii = "".join(ascii_letter(ch) or ch for ch in key).lower()
            return self._folded.get(ascii)
        return got

    def alternation(self, any_case: bool = False) -> str:
        """A regex alternation of every form, longest first; spaces match any whitespace."""
        forms = sorted(self.entries, key=lambda f: (-len(f), f))
        if self.case == "any" or any_case:
            body = "|".join(_form_regex(f) for f in forms)
            return f"(?i:{body})"
        variants: list[str] = []
        for f in forms:
            variants.append(_form_regex(f))
            if f.upper() != f:
                variants.append(_form_regex(f.upper()))
        return "(?-i:" + "|".join(variants) + ")"


def _form_regex(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


@attrs.frozen(slots=True)
class Lexicon:
    """All word classes of one language."""

    language: str
    classes: dict[str, LexClass]

    def __getitem__(self, name: str) -> LexClass:
        try:
            return self.classes[name]
        except KeyError:
            raise KeyError(f"no word class {name!r} in the {self.language} lexicon") from None

    def value(self, name: str, surface: str) -> Any:
        return self[name].value(surface)


def _check(path: str, name: str, table: dict[str, Any]) -> LexClass:
    if not isinstance(table.get("entries"), dict) or not table["entries"]:
        raise ValueError(f"lexicon {path} [{name}]: 'entries' must be a non-empty table")
    case = table.get("case", "any")
    if case not in ("any", "title"):
        raise ValueError(f"lexicon {path} [{name}]: case must be 'any' or 'title', got {case!r}")
    examples = table.get("examples")
    if not examples:
        raise ValueError(f"lexicon {path} [{name}]: every word class needs examples")
    extra = {k: v for k, v in table.items() if k not in ("entries", "case", "examples")}
    return LexClass(name, case, dict(table["entries"]), tuple(tuple(e) for e in examples), extra)


@cache
def load(language: str = "en") -> Lexicon:
    """Load and check every word class of ``language`` (cached)."""
    classes: dict[str, LexClass] = {}
    folder = resources.files(__package__).joinpath(language)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        data = tomllib.loads(item.read_text(encoding="utf-8"))
        for name, table in data.items():
            if name in classes:
                raise ValueError(f"lexicon {item.name}: word class {name!r} defined twice")
            classes[name] = _check(item.name, name, table)
    return Lexicon(language, classes)
