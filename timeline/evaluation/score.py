"""TempEval-3 Task A scoring of TIMEX3s (extraction, type, value) and the error listing.

System and gold expressions of a document are paired one-to-one by overlap (relaxed
match); a pair with identical offsets is also a strict match. Counts are summed over
documents (micro-average). Type and value accuracy are taken over relaxed matches and
``type F1 = relaxed F1 x type accuracy``, ``value F1 = relaxed F1 x value accuracy``.

>>> g = [Expression(text="May 5", start=3, end=8, type="DATE", value="2024-05-05")]
>>> s = [Expression(text="On May 5", start=0, end=8, type="DATE", value="2024-05-06")]
>>> r = score_document("d", "On May 5 we met.", g, s)
>>> r.score.relaxed, r.score.strict, r.score.value_correct
(1, 0, 0)
>>> [e.kind for e in list_errors([r])]
['span', 'value']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from ..model import DOMAINS, Expression
from .timeml import GoldDocument, GoldEvent, TimeLink, iter_tml, read_timeml, write_timeml

__all__ = [
    "read_timeml",
    "write_timeml",
    "GoldDocument",
    "GoldEvent",
    "TimeLink",
    "Match",
    "Alignment",
    "Score",
    "DocumentResult",
    "ErrorItem",
    "ERROR_KINDS",
    "align",
    "score_document",
    "total",
    "format_table",
    "list_errors",
    "format_errors",
]

# ---------------------------------------------------------------- alignment


@attrs.frozen(slots=True)
class Match:
    """A gold expression paired with a system expression that overlaps it."""

    gold: Expression
    system: Expression

    @property
    def strict(self) -> bool:
        """True when both have the same offsets."""
        return (self.gold.start, self.gold.end) == (self.system.start, self.system.end)


@attrs.frozen(slots=True)
class Alignment:
    """The pairing of one document: matches (gold order), missed gold, spurious system."""

    matches: tuple[Match, ...]
    missed: tuple[Expression, ...]
    spurious: tuple[Expression, ...]


def _overlap(a: Expression, b: Expression) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def align(gold: Sequence[Expression], system: Sequence[Expression]) -> Alignment:
    """Pair gold and system expressions one-to-one by overlap.

    Pairs with identical offsets are taken first; then overlapping pairs, largest
    overlap first (ties: leftmost); then, where re-pairing matches more expressions, the
    pairs are changed along augmenting paths, so the number of matches is the largest
    possible. The result is deterministic and does not depend on the input order.

    >>> E = lambda s, a, b: Expression(text=s[a:b], start=a, end=b, type="DATE", value="X")
    >>> t = "from May 5 to June 6"
    >>> al = align([E(t, 5, 10), E(t, 14, 20)], [E(t, 0, 10), E(t, 14, 20), E(t, 11, 13)])
    >>> [(m.gold.text, m.system.text, m.strict) for m in al.matches]
    [('May 5', 'from May 5', False), ('June 6', 'June 6', True)]
    >>> [e.text for e in al.spurious]
    ['to']
    """
    gold = sorted(gold, key=lambda e: (e.start, e.end))
    system = sorted(system, key=lambda e: (e.start, e.end))
    partner: dict[int, int] = {}  # system index -> gold index
    taken_gold: set[int] = set()

    exact: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(system):
        exact.setdefault((s.start, s.end), []).append(j)
    for i, g in enumerate(gold):
        free = exact.get((g.start, g.end))
        if free:
            partner[free.pop(0)] = i
            taken_gold.add(i)

    rest_system = [j for j in range(len(system)) if j not in partner]
    rest_gold = [i for i in range(len(gold)) if i not in taken_gold]
    candidates: dict[int, list[int]] = {}
    pairs: list[tuple[int, tuple[int, int], tuple[int, int], int, int]] = []
    for i in rest_gold:
        g = gold[i]
        cands = [j for j in rest_system if _overlap(g, system[j]) > 0]
        cands.sort(key=lambda j: (-_overlap(g, system[j]), system[j].start, system[j].end, j))
        candidates[i] = cands
        for j in cands:
            a, b = sorted([(g.start, g.end), (system[j].start, system[j].end)])
            pairs.append((-_overlap(g, system[j]), a, b, i, j))

    # largest overlaps first (a key that reads the same from either side) ...
    for *_key, i, j in sorted(pairs):
        if i not in taken_gold and j not in partner:
            partner[j] = i
            taken_gold.add(i)

    # ... then re-pair where that leaves more expressions matched (augmenting paths)
    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in partner or augment(partner[j], seen):
                partner[j] = i
                return True
        return False

    for i in rest_gold:
        if i not in taken_gold and augment(i, set()):
            taken_gold.add(i)

    by_gold = {i: j for j, i in partner.items()}
    matches = tuple(Match(gold[i], system[by_gold[i]]) for i in sorted(by_gold))
    missed = tuple(g for i, g in enumerate(gold) if i not in by_gold)
    spurious = tuple(s for j, s in enumerate(system) if j not in partner)
    return Alignment(matches, missed, spurious)


# ---------------------------------------------------------------- scores


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen(slots=True)
class Score:
    """TempEval-3 Task A counts and figures (fractions in [0, 1]); add Scores to pool them.

    >>> s = Score(documents=1, gold=4, system=5, strict=2, relaxed=3, type_correct=3,
    ...           value_correct=2)
    >>> round(s.relaxed_precision, 2), s.relaxed_recall, round(s.value_f1, 4)
    (0.6, 0.75, 0.4444)
    """

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def __add__(self, other: Score) -> Score:
        if not isinstance(other, Score):
            return NotImplemented
        return Score(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other))))

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    def figures(self) -> dict[str, float]:
        """Every figure by name (fractions)."""
        names = (
            "strict_precision", "strict_recall", "strict_f1",
            "relaxed_precision", "relaxed_recall", "relaxed_f1",
            "type_accuracy", "type_f1", "value_accuracy", "value_f1",
        )  # fmt: skip
        return {n: getattr(self, n) for n in names}


@attrs.frozen(slots=True)
class DocumentResult:
    """One document scored: its id and text, the expressions compared and their alignment."""

    doc_id: str
    text: str
    gold: tuple[Expression, ...]
    system: tuple[Expression, ...]
    alignment: Alignment

    @property
    def score(self) -> Score:
        m = self.alignment.matches
        return Score(
            documents=1,
            gold=len(self.gold),
            system=len(self.system),
            strict=sum(x.strict for x in m),
            relaxed=len(m),
            type_correct=sum(x.gold.type == x.system.type for x in m),
            value_correct=sum(x.gold.value == x.system.value for x in m),
        )


def score_document(
    doc_id: str, text: str, gold: Sequence[Expression], system: Sequence[Expression]
) -> DocumentResult:
    """Align and score the system expressions of one document against the gold ones."""
    return DocumentResult(doc_id, text, tuple(gold), tuple(system), align(gold, system))


def total(results: Iterable[DocumentResult]) -> Score:
    """The micro-averaged Score of many documents (counts summed)."""
    return sum((r.score for r in results), Score())


def format_table(score: Score) -> str:
    """The TE3 Task A table, figures as percentages with two decimals.

    >>> print(format_table(Score(documents=1, gold=2, system=2, strict=1, relaxed=2,
    ...                          type_correct=2, value_correct=1)))
    TempEval-3 Task A (TIMEX3), 1 document(s)
                    P        R       F1
    strict      50.00    50.00    50.00
    relaxed    100.00   100.00   100.00
    <BLANKLINE>
                  acc       F1
    type       100.00   100.00
    value       50.00    50.00
    <BLANKLINE>
    gold 2  system 2  relaxed matches 2  strict matches 1
    """

    def pct(x: float) -> str:
        return f"{100 * x:8.2f}"

    s = score
    return "\n".join(
        [
            f"TempEval-3 Task A (TIMEX3), {s.documents} document(s)",
            f"{'':9}{'P':>8} {'R':>8} {'F1':>8}",
            f"{'strict':9}{pct(s.strict_precision)} {pct(s.strict_recall)} {pct(s.strict_f1)}",
            f"{'relaxed':9}{pct(s.relaxed_precision)} {pct(s.relaxed_recall)} "
            f"{pct(s.relaxed_f1)}",
            "",
            f"{'':9}{'acc':>8} {'F1':>8}",
            f"{'type':9}{pct(s.type_accuracy)} {pct(s.type_f1)}",
            f"{'value':9}{pct(s.value_accuracy)} {pct(s.value_f1)}",
            "",
            f"gold {s.gold}  system {s.system}  relaxed matches {s.relaxed}  "
            f"strict matches {s.strict}",
        ]
    )


# ---------------------------------------------------------------- errors

#: the kinds of error, in the order they are listed
ERROR_KINDS = ("missed", "spurious", "span", "type", "value")
_KIND_TITLES = {
    "missed": "missed (gold not found)",
    "spurious": "spurious (system, not in gold)",
    "span": "span (overlap, offsets differ)",
    "type": "wrong type",
    "value": "wrong value",
}


@attrs.frozen(slots=True)
class ErrorItem:
    """One error: its kind, where it is, and the gold and/or system expression."""

    kind: str = attrs.field(validator=attrs.validators.in_(ERROR_KINDS))
    doc_id: str
    text: str = attrs.field(repr=False)
    gold: Expression | None = None
    system: Expression | None = None

    def format(self, width: int = 30) -> str:
        """One line: doc id, offsets, the expression(s) and some context."""
        g, s = self.gold, self.system
        main = g if g is not None else s
        assert main is not None
        where = f"{self.doc_id} [{main.start}:{main.end}]"
        if self.kind == "missed" and g is not None:
            what = f"{g.text!r} {g.type} {g.value}"
        elif self.kind == "spurious" and s is not None:
            what = f"{s.text!r} {s.type} {s.value}"
        elif self.kind == "span" and g is not None and s is not None:
            what = f"gold {g.text!r} [{g.start}:{g.end}]  system {s.text!r} [{s.start}:{s.end}]"
        elif self.kind == "type" and g is not None and s is not None:
            what = f"{g.text!r} gold {g.type}  system {s.type}"
        elif g is not None and s is not None:
            what = f"{g.text!r} gold {g.value}  system {s.value}"
        else:  # pragma: no cover - the constructors above always fill both sides
            what = ""
        start = min(x.start for x in (g, s) if x is not None)
        end = max(x.end for x in (g, s) if x is not None)
        return f"{where}  {what}  | {_context(self.text, start, end, width)}"


def _oneline(s: str) -> str:
    return " ".join(s.split()) if s.strip() else ""


def _context(text: str, start: int, end: int, width: int) -> str:
    left = _oneline(text[max(0, start - width) : start])
    right = _oneline(text[end : end + width])
    pre = "..." if start > width else ""
    post = "..." if end + width < len(text) else ""
    sep_l = " " if text[max(0, start - 1) : start].isspace() else ""
    sep_r = " " if text[end : end + 1].isspace() else ""
    return f"{pre}{left}{sep_l}[[{_oneline(text[start:end])}]]{sep_r}{right}{post}"


def list_errors(results: Iterable[DocumentResult]) -> list[ErrorItem]:
    """Every error of every document, grouped by kind (ERROR_KINDS order), then by document."""
    items: list[ErrorItem] = []
    for r in results:
        a = r.alignment
        items += [ErrorItem("missed", r.doc_id, r.text, gold=g) for g in a.missed]
        items += [ErrorItem("spurious", r.doc_id, r.text, system=s) for s in a.spurious]
        for m in a.matches:
            if not m.strict:
                items.append(ErrorItem("span", r.doc_id, r.text, m.gold, m.system))
            if m.gold.type != m.system.type:
                items.append(ErrorItem("type", r.doc_id, r.text, m.gold, m.system))
            if m.gold.value != m.system.value:
                items.append(ErrorItem("value", r.doc_id, r.text, m.gold, m.system))
    items.sort(key=lambda e: ERROR_KINDS.index(e.kind))  # stable: document order kept
    return items


def format_errors(results: Iterable[DocumentResult]) -> str:
    """The error listing: a count per kind, then one section per kind, one line per error."""
    items = list_errors(results)
    counts = {k: sum(e.kind == k for e in items) for k in ERROR_KINDS}
    out = ["errors: " + "  ".join(f"{k} {counts[k]}" for k in ERROR_KINDS)]
    for kind in ERROR_KINDS:
        out += ["", f"== {_KIND_TITLES[kind]}: {counts[kind]}"]
        out += [e.format() for e in items if e.kind == kind]
    return "\n".join(out)
