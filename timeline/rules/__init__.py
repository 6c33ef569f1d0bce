"""Recognition rules as data: ``rules/<lang>/*.toml``, compiled once.

A rule is a pattern template plus the TIMEX3 type it produces, fixed meaning fields
(``set``) and example phrases (``examples``) that run as tests. Templates are regular
expressions where ``{class}`` stands for a word class of the lexicon (captured in a group
of that name), ``{class=name}`` captures it under another name, ``{macro}`` for one of
the MACROS below, ``{{fragment}}`` for a piece of pattern the file names in its
``[fragments]`` table (shared by its rules), and a space matches any run of whitespace. A
rule with ``veto = true`` marks text that must not be tagged (it removes the candidates it
overlaps).

>>> rs = ruleset("en")
>>> any(r.name == "month_day_year" for r in rs.rules)
True
"""

from __future__ import annotations

import itertools
import re
import string
import tomllib
from functools import cache
from importlib import resources
from typing import Any

import attrs

from ..lexicon import Lexicon, load
from ..model import TIMEX_TYPES
from .keys import DIGIT, Seconds, Starts, pattern_digit_lengths, pattern_keys, pattern_seconds, pattern_starts

__all__ = ["Rule", "RuleSet", "MACROS", "SPLIT_OPS", "ruleset", "compile_template", "load_rule_file"]

_APOS = "['\u2019]"
#: digit shapes: language-neutral pieces of patterns
MACROS: dict[str, str] = {
    "year": r"(?P<year>(?:1[0-9]|20)\d\d)(?!\d|,\d|(?<=0)['\u2019]s\b)",
    "year2": _APOS + r"(?P<year2>\d\d)(?!\d)",
    "yearnum": r"(?P<year>\d{4})",
    "day": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
    "dayth": r"(?P<dayth>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![\w-])",  # "the 3rd"
    "monthnum": r"(?P<monthnum>1[0-2]|0?[1-9])",
    "digits": r"(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?![\d,])",
    "hour12": r"(?P<hour>1[0-2]|0?[1-9])",
    "hour24": r"(?P<hour>[01]?\d|2[0-3])",
    "minute": r"(?P<minute>[0-5]\d)",
    "second": r"(?P<second>[0-5]\d)",
    "ampm": r"(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w))",
    "decade": r"(?P<decade>(?:1[0-9]|20)\d)0" + _APOS + "?s",
    "decade2": _APOS + r"?(?P<decade2>[0-9])0" + _APOS + "?s",
    "century_num": r"(?P<century_num>[12]?\d)(?:st|nd|rd|th)",
    # an offset from UTC ("UTC+2", "GMT-05:00"); zone names are the lexicon's time_zone class
    "utc_offset": r"(?-i:UTC|GMT) ?(?P<utc_offset>[+\-\u2212](?:1[0-4]|0?\d)(?::?[0-5]\d)?)(?![\d:])",
}
#: composite macros built from word classes
_NUMWORD = (
    r"(?:{tens}(?:[-\s]{units})?|{teens}|{units}|{number})"
)
_CLASS_RE = re.compile(r"\{([a-z][a-z_0-9]*)(?:=([a-z][a-z_0-9]*))?\}")


@attrs.frozen(slots=True)
class Rule:
    """One recognition rule: a compiled pattern, what it builds and its examples."""

    name: str
    type: str
    template: str
    regex: re.Pattern[str]
    fixed: dict[str, Any]
    examples: tuple[dict[str, Any], ...]
    priority: int = 0
    veto: bool = False
    source: str = ""
    #: the resolver operation that turns this rule's meaning into a value (``OPERATIONS``)
    op: str = "point"
    #: one of these token keys is in every match (see ``keys.py``); None: unknown
    keys: frozenset[str] | None = None
    #: the keys of the token a match begins with, and the other characters it can begin
    #: with (see ``keys.pattern_starts``); None: unknown
    starts: Starts | None = None
    #: for the keys of ``starts``, the keys the token after the first can have when a match
    #: reaches it (see ``keys.pattern_seconds``); None: unknown
    seconds: Seconds | None = None
    #: for a rule whose matches can begin with a digit token, the lengths that token can
    #: have (``keys.DIGITS_MAX`` standing for that many or more); None: any
    digits: frozenset[int] | None = None


@attrs.frozen(slots=True)
class RuleSet:
    """All rules of one language, compiled for one case policy."""

    language: str
    lexicon: Lexicon
    rules: tuple[Rule, ...]
    #: token key -> groups of rules (indexes; the rules of a group have the same keys) that
    #: a token with that key opens a window for
    by_key: dict[str, tuple[tuple[int, ...], ...]]
    #: rules without keys: searched near every token that opens any window
    everywhere: tuple[int, ...]
    #: some key is shorter than three letters: tokens are looked up by 1 and 2 letters too
    short_keys: bool
    #: the keys of the tokens some rule's matches begin with
    start_keys: frozenset[str] = frozenset()
    #: what an ASCII token does, by its first three characters lowercased (those that do
    #: nothing are left out): the groups of ``by_key`` it opens a window for (looked up by
    #: 1 and 2 letters too when ``short_keys``), and its key when some rule's matches begin
    #: with it (else None)
    tokens: dict[str, tuple[tuple[tuple[int, ...], ...], str | None]] = attrs.field(factory=dict)


def compile_template(template: str, lexicon: Lexicon, any_case: bool = False) -> str:
    """Expand a rule template into a regular expression (see the module docstring)."""
    used: dict[str, int] = {}

    def group(name: str, body: str) -> str:
        used[name] = used.get(name, 0) + 1
        gname = name if used[name] == 1 else f"{name}_{used[name]}"
        return f"(?P<{gname}>{body})"

    def expand(m: re.Match[str]) -> str:
        cls, gname = m.group(1), m.group(2) or m.group(1)
        if cls in MACROS:
            body = MACROS[cls]
            return body if gname == cls else body.replace(f"?P<{cls}>", f"?P<{gname}>", 1)
        if cls == "numword":
            inner = _CLASS_RE.sub(
                lambda n: lexicon[n.group(1)].alternation(any_case), _NUMWORD
            )
            return group(gname, inner)
        if cls == "num":
            inner = _CLASS_RE.sub(
                lambda n: lexicon[n.group(1)].alternation(any_case), _NUMWORD
            )
            digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|(?: |-)1/2|\u00bd)?(?![\d,/])"
            return group(gname, digits + "|" + inner)
        return group(gname, lexicon[cls].alternation(any_case))

    body = _spaces(_CLASS_RE.sub(expand, template))
    return rf"(?<![\w'\u2019-])(?:{body})(?![\w-])"


def _spaces(pattern: str) -> str:
    r"""A space matches any run of whitespace ("a ?" any run or none), except inside a
    look-behind (fixed width); in a character class it is one whitespace character.

    >>> print(_spaces("10 ?am [, ]+x (?<=in )y"))
    10\s*am\s+[,\s]+x\s+(?<=in )y
    """
    out: list[str] = []
    depth = 0
    behind: list[int] = []  # depths at which look-behinds opened
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            out.append(r"\s" if ch == " " else ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            if pattern.startswith(("[]", "[^]"), i):  # a "]" first in the class is literal
                n = 2 if pattern[i + 1] == "]" else 3
                out.append(pattern[i + 1 : i + n])
                i += n
            else:
                i += 1
            continue
        if ch == " " and not behind and pattern.startswith(" ?", i):
            out.append(r"\s*")
            i += 2
            continue
        if ch == "(":
            depth += 1
            if pattern.startswith(("(?<=", "(?<!"), i):
                behind.append(depth)
        elif ch == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        out.append(r"\s+" if ch == " " and not behind else ch)
        i += 1
    return "".join(out)


_FRAGMENT_RE = re.compile(r"\{\{([a-z][a-z_0-9]*)\}\}")


def _load_rules(language: str, lexicon: Lexicon, any_case: bool) -> list[Rule]:
    rules: list[Rule] = []
    names: set[str] = set()
    folder = resources.files(__package__).joinpath(language)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            rules += load_rule_file(item.name, item.read_text(encoding="utf-8"), lexicon, any_case, names)
    return rules


def load_rule_file(
    source: str, text: str, lexicon: Lexicon, any_case: bool = False, names: set[str] | None = None
) -> list[Rule]:
    """The rules of one rule file, checked: every rule names a known operation, captures
    only groups the interpreter reads (``meaning.GROUPS``) and fixes only meaning fields;
    anything else fails here, naming the file and the rule.

    >>> load_rule_file("x.toml", 'rule = [{name = "r", op = "pint", pattern = "x", examples = ["x"]}]', load("en"))
    Traceback (most recent call last):
    ...
    ValueError: rules x.toml [r]: op must be one of point, nearest, relative, shift, anaphor, deictic, duration, every, reference, between, each; got 'pint'
    """
    from ..tagging.meaning import FIELDS, GROUPS
    from ..tagging.resolve import OPERATIONS

    names = set() if names is None else names
    data = tomllib.loads(text)
    fragments: dict[str, str] = data.get("fragments", {})
    rules: list[Rule] = []
    for raw in data.get("rule", []):
        name = raw.get("name", "")
        where = f"rules {source} [{name or '?'}]"
        if not name or name in names:
            raise ValueError(f"{where}: every rule needs a unique name")
        names.add(name)
        veto = bool(raw.get("veto", False))
        rtype = raw.get("type", "DATE")
        if not veto and rtype not in TIMEX_TYPES:
            raise ValueError(f"{where}: type must be one of {TIMEX_TYPES}, got {rtype!r}")
        op = raw.get("op", "")
        if not veto and op not in OPERATIONS:
            raise ValueError(f"{where}: op must be one of {', '.join(OPERATIONS)}; got {op!r}")
        fixed = dict(raw.get("set", {}))
        unknown = sorted(set(fixed) - FIELDS)
        if unknown:
            raise ValueError(f"{where}: set names no meaning field {unknown[0]!r}")
        examples = tuple(_example(e, where) for e in raw.get("examples", ()))
        if not examples:
            raise ValueError(f"{where}: every rule needs examples")
        try:
            flags = 0 if veto and not any_case else re.IGNORECASE
            template = _FRAGMENT_RE.sub(lambda f: fragments[f.group(1)], raw["pattern"])
            regex = re.compile(compile_template(template, lexicon, any_case), flags)
        except (re.error, KeyError) as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from None
        if not veto:
            for group in regex.groupindex:
                if _GROUP_NUMBER.sub("", group) not in GROUPS:
                    raise ValueError(f"{where}: the pattern captures {group!r}, which no meaning reads")
            if op in SPLIT_OPS and not {"range_start", "range_end"} <= set(regex.groupindex):
                raise ValueError(f"{where}: op {op} needs the groups range_start and range_end")
        rules.append(
            Rule(
                name=name,
                type=rtype,
                template=template,
                regex=regex,
                fixed=fixed,
                examples=examples,
                priority=int(raw.get("priority", 0)),
                veto=veto,
                source=source,
                op=op or "point",
                keys=pattern_keys(regex.pattern, regex.flags),
                starts=pattern_starts(regex.pattern, regex.flags),
                seconds=pattern_seconds(regex.pattern, regex.flags),
                digits=pattern_digit_lengths(regex.pattern, regex.flags),
            )
        )
    return rules


#: operations whose match is split into two expressions, at the groups range_start and
#: range_end: a range ("between", linked) or a list that shares a month or year ("each")
SPLIT_OPS = ("between", "each")
#: a class used twice in one pattern is captured as weekday, weekday_2, ...
_GROUP_NUMBER = re.compile(r"_\d+$")


def _example(raw: Any, where: str) -> dict[str, Any]:
    """Examples are [phrase, value] / [phrase, value, mod] or tables with text, expr, value,
    type, mod, anchor, domain; a veto rule's examples are plain phrases (nothing tagged), or
    tables with text and domain."""
    if isinstance(raw, str):
        return {"text": raw, "value": None}
    if isinstance(raw, list) and len(raw) in (2, 3):
        ex = {"text": raw[0], "value": raw[1]}
        if len(raw) == 3:
            ex["mod"] = raw[2]
        return ex
    if isinstance(raw, dict) and "text" in raw:
        return dict(raw)
    raise ValueError(f"{where}: bad example {raw!r}")


def _index(rules: tuple[Rule, ...]) -> tuple[dict[str, tuple[tuple[int, ...], ...]], tuple[int, ...]]:
    """Group the rules by their keys, and index the groups by key."""
    groups: dict[frozenset[str], list[int]] = {}
    everywhere: list[int] = []
    for i, rule in enumerate(rules):
        if rule.keys is None:
            everywhere.append(i)
        else:
            groups.setdefault(rule.keys, []).append(i)
    by_key: dict[str, list[tuple[int, ...]]] = {}
    for keys, members in groups.items():
        for key in keys:
            by_key.setdefault(key, []).append(tuple(members))
    return {k: tuple(v) for k, v in by_key.items()}, tuple(everywhere)


@cache
def ruleset(language: str = "en", any_case: bool = False) -> RuleSet:
    """The compiled rules of ``language`` (cached). ``any_case`` for informal text."""
    lexicon = load(language)
    rules = tuple(_load_rules(language, lexicon, any_case))
    by_key, everywhere = _index(rules)
    short = any(len(k) < 3 for k in by_key if k != DIGIT)
    start_keys = frozenset(k for r in rules if r.starts is not None for k in r.starts[0])
    tokens = _token_table(by_key, short, start_keys)
    return RuleSet(language, lexicon, rules, by_key, everywhere, short, start_keys, tokens)


def token_groups(
    key: str, by_key: dict[str, tuple[tuple[int, ...], ...]], short: bool
) -> tuple[tuple[int, ...], ...]:
    """The groups of ``by_key`` a token with ``key`` opens a window for."""
    if not short or key == DIGIT:
        return by_key.get(key, ())
    return tuple(g for k in (key, key[:1], key[:2]) for g in by_key.get(k, ()))


def _token_table(
    by_key: dict[str, tuple[tuple[int, ...], ...]], short: bool, start_keys: frozenset[str]
) -> dict[str, tuple[tuple[tuple[int, ...], ...], str | None]]:
    """``RuleSet.tokens``: every run of up to three ASCII letters (lowercase) or digits,
    and ``DIGIT``."""
    table = {}
    for chars in (string.ascii_lowercase, string.digits):
        for n in (1, 2, 3):
            for p in itertools.product(chars, repeat=n):
                head = "".join(p)
                key = DIGIT if head[0].isdigit() else head
                groups = token_groups(key, by_key, short)
                if groups or key in start_keys:
                    table[head] = (groups, key if key in start_keys else None)
    if "0" in table:
        table[DIGIT] = table["0"]  # for digits other than 0-9
    return table
