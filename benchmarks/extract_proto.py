"""Prototype of a faster ``timeline.extract.candidates`` (for the lead to adopt or not).

Two ideas, measured by ``python benchmarks/extract_proto.py``:

1. **Token prefilter instead of one big trigger regex.** ``RuleSet.trigger`` is an
   alternation of ~500 word forms that ``re`` tries at every character (it has no literal
   prefix to skip by). Here one cheap regex splits the text into letter runs and digit runs
   (C speed), and a dict keyed by the first three lowercase letters of each run says which
   rules it can start a required word of.
2. **Rules keyed by trigger.** Each rule gets, from its compiled pattern (``re._parser``),
   the set of *keys* one of which any match must contain: ``#`` for a digit, else the
   3-letter prefix of a word the pattern requires (a lexicon class like ``{month}`` or a
   literal like ``quarter``). A rule is run only in windows around tokens with one of its
   keys, so the month rules never scan windows that only hold numbers, and so on.

Windows keep the current policy (60 characters each side of the trigger, widened to
whitespace), and the candidates come out in the order ``rank.choose`` relies on for ties.
The output is compared with ``timeline.extract`` on TBAQ and on the rule examples.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

try:  # Python 3.11+: the parser is private; sre_parse is its deprecated alias
    from re import _constants as C
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from timeline.extract import WINDOW, Candidate
from timeline.rules import Rule, RuleSet

DIGIT = "#"
#: assume text words are separated where a rule has an optional part before a required word
#: ("midMarch" would then be missed, while ``extract`` finds it); False keeps exact semantics
RELAXED = True
#: lexicon classes of ``rules._trigger``: their tokens open windows for the unkeyed rules
TRIGGER_CLASSES = (
    "month", "weekday", "season", "part_of_day", "deictic_day", "unit", "cal_unit",
    "holiday", "ref", "set_adverb", "decade_word", "times_word", "trigger_word",
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_WEIGHT = {1: 50, 2: 10, 3: 1}


def _key(word: str) -> str:
    return word[:3].lower()


#: keys of very common words: a rule keyed by one of them is run almost everywhere
COMMON = frozenset({"the", "a", "an", "for", "thi", "s", "of", "in", "on", "and", "to", "at", "by", "is", "it"})


def _score(keys: frozenset[str]) -> int:
    return sum(100 if k == DIGIT or k in COMMON else _WEIGHT[len(k)] for k in keys)


def _is_digitish(op: object, av: object) -> bool:
    if op is C.LITERAL:
        return chr(av).isdigit()  # type: ignore[arg-type]
    if op is C.IN:
        items = list(av)  # type: ignore[call-overload]
        if any(o is C.NEGATE for o, _ in items):
            return False
        # every char the set accepts is a digit
        for o, a in items:
            if o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                continue
            if o is C.RANGE and all(chr(c).isdigit() for c in range(a[0], a[1] + 1)):
                continue
            if o is C.LITERAL and chr(a).isdigit():
                continue
            return False
        return True
    return False


def _no_letters(op: object, av: object) -> bool:
    """A single-char item that never matches a letter (space, digit, punctuation)."""
    if op is C.LITERAL:
        return not chr(av).isalpha()  # type: ignore[arg-type]
    if op is C.IN:
        for o, a in av:  # type: ignore[attr-defined]
            if o is C.NEGATE:
                return False
            if o is C.CATEGORY and a not in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                return False
            if o is C.RANGE and any(chr(c).isalpha() for c in range(a[0], a[1] + 1)):
                return False
            if o is C.LITERAL and chr(a).isalpha():
                return False
        return True
    return False


def _need(seq: Sequence[tuple[object, object]], at_start: bool) -> frozenset[str] | None:
    """Keys one of which every match of ``seq`` contains, or None when unknown.

    ``at_start``: whether ``seq`` begins at the start of a letter run (so a literal word
    there is the prefix of a token)."""
    best: frozenset[str] | None = None

    def consider(keys: frozenset[str] | None) -> None:
        nonlocal best
        if keys is not None and (best is None or _score(keys) < _score(best)):
            best = keys

    items = list(seq)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is C.LITERAL and chr(av).isalpha():  # type: ignore[arg-type]
            j = i
            while j < len(items) and items[j][0] is C.LITERAL and chr(items[j][1]).isalpha():  # type: ignore[arg-type]
                j += 1
            if at_start:
                consider(frozenset({_key("".join(chr(items[k][1]) for k in range(i, j)))}))  # type: ignore[arg-type]
            i, at_start = j, False
            continue
        if _is_digitish(op, av):
            consider(frozenset({DIGIT}))
            at_start = True
        elif op is C.SUBPATTERN:
            consider(_need(av[3].data, at_start))  # type: ignore[index]
            at_start = _after(((op, av),), at_start)
        elif op is C.BRANCH:
            alts = [_need(a.data, at_start) for a in av[1]]  # type: ignore[index]
            if alts and all(a is not None for a in alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
            at_start = _after(((op, av),), at_start)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[0] >= 1:  # type: ignore[index]
                consider(_need(av[2].data, at_start))  # type: ignore[index]
            at_start = _after(((op, av),), at_start)
        else:
            at_start = _after(((op, av),), at_start)
        i += 1
    return best


def _after(seq: Sequence[tuple[object, object]], at_start: bool) -> bool:
    """Whether the text right after a match of ``seq`` is at the start of a letter run."""
    for op, av in seq:
        if op in (C.LITERAL, C.IN):
            at_start = _no_letters(op, av)
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            pass  # zero width
        elif op is C.SUBPATTERN:
            at_start = _after(av[3].data, at_start)  # type: ignore[index]
        elif op is C.BRANCH:
            at_start = all(_after(a.data, at_start) for a in av[1])  # type: ignore[index]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, body = av  # type: ignore[misc]
            taken = _after(body.data, at_start)
            if lo >= 1:
                at_start = taken
            elif not RELAXED:
                at_start = at_start and taken
            # RELAXED: an optional part, if taken, is assumed to end a word ("mid-" / "mid ")
        else:
            at_start = False
    return at_start


def rule_keys(rule: Rule) -> frozenset[str] | None:
    """The keys one of which every match of ``rule`` holds (None: run it everywhere)."""
    return _pattern_keys(rule.regex.pattern, rule.regex.flags)


@cache
def _pattern_keys(pattern: str, flags: int) -> frozenset[str] | None:
    return _need(sre_parse.parse(pattern, flags).data, True)


class FastExtractor:
    """``candidates`` for one RuleSet, with its key tables built once."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.rules
        self.by_key: dict[str, list[int]] = {}
        self.everywhere: list[int] = []
        for i, rule in enumerate(self.rules):
            keys = rule_keys(rule)
            if keys is None:
                self.everywhere.append(i)
                continue
            for k in keys:
                self.by_key.setdefault(k, []).append(i)
        for cls in TRIGGER_CLASSES:
            for form in rules.lexicon[cls].entries:
                m = _TOKEN.search(form)
                if m:
                    self.by_key.setdefault(DIGIT if m.group()[0].isdigit() else _key(m.group()), [])
        self.short = any(len(k) < 3 for k in self.by_key if k != DIGIT)

    def _hits(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """rule index -> trigger spans (token start, end) of its keys, in text order."""
        by_key, short = self.by_key, self.short
        hits: dict[int, list[tuple[int, int]]] = {}
        every: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if tok[0].isdigit():
                rules = by_key.get(DIGIT)
                keys = None
            else:
                low = tok[:3].lower()
                rules = by_key.get(low)
                keys = (low[:1], low[:2]) if short else None
            span = None
            if rules is not None:
                span = m.span()
                for r in rules:
                    hits.setdefault(r, []).append(span)
            if keys:
                for k in keys:
                    more = by_key.get(k)
                    if more is not None:
                        span = span or m.span()
                        for r in more:
                            hits.setdefault(r, []).append(span)
            if span is not None:
                every.append(span)
        for r in self.everywhere:
            hits[r] = every
        return hits

    def candidates(self, text: str) -> list[Candidate]:
        n = len(text)
        found: list[tuple[int, int, Candidate]] = []
        windows_cache: dict[int, list[tuple[int, int]]] = {}
        for r, spans in self._hits(text).items():
            rule = self.rules[r]
            key = id(spans)
            wins = windows_cache.get(key)
            if wins is None:
                wins = windows_cache[key] = _windows(text, n, sorted(set(spans)))
            finditer = rule.regex.finditer
            for lo, hi in wins:
                for m in finditer(text, lo, hi):
                    s, e = m.span()
                    if e > s:
                        found.append((s, r, Candidate(s, e, rule, m.groupdict())))
        found.sort(key=lambda t: (t[0], t[1]))
        return [c for _, _, c in found]


def _windows(text: str, n: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in spans:
        lo, hi = max(0, s - WINDOW), min(n, e + WINDOW)
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    out: list[tuple[int, int]] = []
    for lo, hi in merged:
        stop = max(0, lo - 40)
        while lo > stop and not text[lo - 1].isspace():
            lo -= 1
        stop = min(n, hi + 40)
        while hi < stop and not text[hi].isspace():
            hi += 1
        out.append((lo, hi))
    return out


# --- measuring -----------------------------------------------------------------------------


def _expressions(tag: Callable[..., tuple], docs: Sequence[tuple[str, str]]) -> list[list[tuple]]:
    from timeline.anchor import to_anchor

    return [
        [(e.start, e.end, e.type, e.value, e.mod, e.earliest, e.latest) for e in tag(t, to_anchor(a))]
        for t, a in docs
    ]


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import timeline.tagger as tagger
    from throughput import DEFAULT_CORPUS, read_corpus, synthetic
    from timeline import extract
    from timeline.rules import ruleset

    rs = ruleset("en")
    fast = FastExtractor(rs)
    keyed = sum(rule_keys(r) is not None for r in rs.rules)
    print(f"{keyed}/{len(rs.rules)} rules keyed; keys per rule:")
    for r in rs.rules:
        print(f"  {r.name:<28} {sorted(rule_keys(r) or ['<everywhere>'])[:12]}")
    global RELAXED
    RELAXED = "--exact" not in sys.argv
    _pattern_keys.cache_clear()
    fast = FastExtractor(rs)
    print(f"RELAXED={RELAXED}")
    sets = {"synthetic 2 MB": synthetic(2_000_000)}
    if DEFAULT_CORPUS.is_dir():
        sets = {"TBAQ": read_corpus(DEFAULT_CORPUS), **sets}

    # identical output: every expression of the tagger, with the prototype in place
    examples = [(ex["text"], ex.get("anchor", "2024-07-28")) for r in rs.rules for ex in r.examples]
    sets_for_check = {**sets, "rule examples": examples}
    original = tagger.candidates
    for name, docs in sets_for_check.items():
        before = _expressions(tagger.tag, docs)
        tagger.candidates = lambda text, rules: fast.candidates(text)  # type: ignore[assignment]
        try:
            after = _expressions(tagger.tag, docs)
        finally:
            tagger.candidates = original
        diff = sum(a != b for a, b in zip(before, after, strict=True))
        total = sum(len(b) for b in before)
        print(f"{name}: {total} expressions, {diff} documents differ")

    for name, docs in sets.items():
        chars = sum(len(t) for t, _ in docs)
        for label, fn in (("extract.candidates", lambda t: extract.candidates(t, rs)), ("prototype", fast.candidates)):
            start = time.process_time()
            for t, _ in docs:
                fn(t)
            sec = time.process_time() - start
            print(f"{name:<15} {label:<20} {sec:6.2f} s {chars / sec:>12,.0f} chars/s")
        for label in ("tag (extract)", "tag (prototype)"):
            if label == "tag (prototype)":
                tagger.candidates = lambda text, rules: fast.candidates(text)  # type: ignore[assignment]
            start = time.process_time()
            try:
                for t, a in docs:
                    tagger.tag(t, __import__("timeline").to_anchor(a))
            finally:
                tagger.candidates = original
            sec = time.process_time() - start
            print(f"{name:<15} {label:<20} {sec:6.2f} s {chars / sec:>12,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
