"""TempEval-3 Task A scoring, the error listing and the evaluate/score commands."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from strategies import disjoint_expressions

import timeline
from timeline.cli import main
from timeline.evaluation.score import (
    Score,
    align,
    format_errors,
    format_table,
    list_errors,
    read_timeml,
    score_document,
    total,
    write_timeml,
)
from timeline.model import Document, Expression
from timeline.evaluation.timeml import iter_tml

TBAQ = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "tbaq"
needs_tbaq = pytest.mark.skipif(
    not TBAQ.is_dir(), reason=f"TBAQ corpus not found at {TBAQ} (it is not shipped with the repo)"
)

TEXT = (
    "On Monday the board met. Two weeks later, in March 2024, shares fell "
    "every day until Friday; by noon it was over."
)


def ex(phrase: str, type_: str = "DATE", value: str = "V", text: str = TEXT, nth: int = 0) -> Expression:
    """The expression covering the nth occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Expression(text=phrase, start=start, end=start + len(phrase), type=type_, value=value)


GOLD = [
    ex("Monday", value="2024-03-04"),
    ex("Two weeks later", value="2024-03-18"),
    ex("March 2024", value="2024-03"),
    ex("every day", "SET", "P1D"),
    ex("Friday", value="2024-03-22"),
]
SYSTEM = [
    ex("Monday", value="2024-03-04"),          # strict, right type and value
    ex("Two weeks", value="2024-03-18"),       # span error (relaxed only), right value
    ex("March 2024", value="2024-04"),         # strict, wrong value
    ex("every day", "DURATION", "P1D"),        # strict, wrong type
    # "Friday" missed
    ex("noon", "TIME", "2024-03-22T12:00"),    # spurious
    ex("board"),                               # spurious
]


def test_hand_made_output_scores_exactly_as_counted_by_hand() -> None:
    s = score_document("d1", TEXT, GOLD, SYSTEM).score
    # gold 5, system 6; strict matches 3 (Monday, March 2024, every day); relaxed 4 (+ Two weeks)
    assert (s.gold, s.system, s.strict, s.relaxed, s.type_correct, s.value_correct) == (5, 6, 3, 4, 3, 3)
    assert s.strict_precision == pytest.approx(3 / 6)
    assert s.strict_recall == pytest.approx(3 / 5)
    assert s.strict_f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)  # 6/11
    assert s.relaxed_precision == pytest.approx(4 / 6)
    assert s.relaxed_recall == pytest.approx(4 / 5)
    assert s.relaxed_f1 == pytest.approx(8 / 11)
    assert s.type_accuracy == pytest.approx(3 / 4)
    assert s.value_accuracy == pytest.approx(3 / 4)
    assert s.type_f1 == pytest.approx(8 / 11 * 3 / 4)
    assert s.value_f1 == pytest.approx(6 / 11)


def test_counts_are_micro_averaged_over_documents() -> None:
    t2 = "in May and June and July"
    one = score_document("a", TEXT, [GOLD[0]], [GOLD[0]])
    two = score_document("b", t2, [ex("May", text=t2), ex("June", text=t2), ex("July", text=t2)], [])
    s = total([one, two])
    assert (s.documents, s.gold, s.system, s.relaxed) == (2, 4, 1, 1)
    assert s.relaxed_recall == pytest.approx(1 / 4)  # a macro average would give 1/2
    assert s.relaxed_precision == 1.0


def test_no_system_output_scores_zero_without_dividing_by_zero() -> None:
    s = score_document("d", TEXT, GOLD, []).score
    assert s.figures() == dict.fromkeys(s.figures(), 0.0)


def test_format_table_shows_percentages_with_two_decimals() -> None:
    table = format_table(score_document("d1", TEXT, GOLD, SYSTEM).score)
    lines = table.splitlines()
    assert lines[2].split() == ["strict", "50.00", "60.00", "54.55"]
    assert lines[3].split() == ["relaxed", "66.67", "80.00", "72.73"]
    assert lines[6].split() == ["type", "75.00", "54.55"]
    assert lines[7].split() == ["value", "75.00", "54.55"]
    assert lines[-1] == "gold 5  system 6  relaxed matches 4  strict matches 3"


def test_an_exact_span_wins_over_a_longer_overlap() -> None:
    gold = [ex("March 2024")]
    system = [ex("in March 2024,"), ex("March 2024", value="exact")]
    (m,) = align(gold, system).matches
    assert m.strict and m.system.value == "exact"
    assert [s.text for s in align(gold, system).spurious] == ["in March 2024,"]


def test_the_largest_overlap_wins_and_pairing_is_one_to_one() -> None:
    gold = [ex("Two weeks later")]
    system = [ex("Two"), ex("weeks later")]
    al = align(gold, system)
    assert [m.system.text for m in al.matches] == ["weeks later"]
    assert [s.text for s in al.spurious] == ["Two"]
    assert al.missed == ()


def test_pairing_keeps_as_many_matches_as_possible() -> None:
    t = "abcdefghijklmnopqrst"
    gold = [ex("abcdefghij", text=t), ex("klmnopqrst", text=t)]
    # the long system span overlaps the first gold most, but the short one overlaps
    # only the first gold: pairing long-second, short-first matches both golds
    system = [ex("cdefghijkl", text=t), ex("a", text=t)]
    al = align(gold, system)
    assert [(m.gold.text, m.system.text) for m in al.matches] == [
        ("abcdefghij", "a"), ("klmnopqrst", "cdefghijkl")
    ]
    assert al.missed == al.spurious == ()


def test_pairing_does_not_depend_on_input_order() -> None:
    shuffled = SYSTEM[:]
    random.Random(3).shuffle(shuffled)
    assert align(GOLD, SYSTEM) == align(list(reversed(GOLD)), shuffled)


def _max_matching(gold: list[Expression], system: list[Expression]) -> int:
    """Size of a maximum one-to-one overlap matching, by brute force."""
    best = 0
    for k in range(min(len(gold), len(system)), 0, -1):
        for gs in itertools.combinations(gold, k):
            for ss in itertools.permutations(system, k):
                if all(min(g.end, s.end) > max(g.start, s.start) for g, s in zip(gs, ss)):
                    return k
    return best


@given(disjoint_expressions(), disjoint_expressions())
@settings(max_examples=150, deadline=None)
def test_relaxed_matches_are_a_maximum_matching_and_symmetric(
    gold: list[Expression], system: list[Expression]
) -> None:
    forward = score_document("h", "x" * 40, gold, system).score
    backward = score_document("h", "x" * 40, system, gold).score
    assert forward.relaxed == backward.relaxed == _max_matching(gold, system)
    assert forward.strict == len({(e.start, e.end) for e in gold} & {(e.start, e.end) for e in system})
    assert forward.relaxed_precision == backward.relaxed_recall
    al = align(gold, system)
    assert len(al.matches) + len(al.missed) == len(gold)
    assert len(al.matches) + len(al.spurious) == len(system)
    assert len({id(m.system) for m in al.matches}) == len(al.matches)
    assert all(min(m.gold.end, m.system.end) > max(m.gold.start, m.system.start) for m in al.matches)


@given(disjoint_expressions())
@settings(max_examples=50, deadline=None)
def test_any_annotation_scored_against_itself_is_perfect(gold: list[Expression]) -> None:
    s = score_document("h", "x" * 40, gold, gold).score
    if gold:
        assert set(s.figures().values()) == {1.0}


def test_errors_are_listed_by_kind_with_doc_offsets_text_and_context() -> None:
    results = [score_document("d1", TEXT, GOLD, SYSTEM)]
    items = list_errors(results)
    assert [e.kind for e in items] == ["missed", "spurious", "spurious", "span", "type", "value"]
    listing = format_errors(results)
    assert listing.splitlines()[0] == "errors: missed 1  spurious 2  span 1  type 1  value 1"
    friday = GOLD[4]
    assert f"d1 [{friday.start}:{friday.end}]  'Friday' DATE 2024-03-22" in listing
    assert "until [[Friday]]; by noon" in listing
    assert "gold 'Two weeks later' [25:40]  system 'Two weeks' [25:34]" in listing
    assert "'March 2024' gold 2024-03  system 2024-04" in listing
    assert "'every day' gold SET  system DURATION" in listing
    assert "== spurious (system, not in gold): 2" in listing


def test_a_perfect_output_lists_no_errors() -> None:
    listing = format_errors([score_document("d1", TEXT, GOLD, GOLD)])
    assert listing.splitlines()[0] == "errors: missed 0  spurious 0  span 0  type 0  value 0"
    assert len([ln for ln in listing.splitlines() if ln.startswith("d1")]) == 0


@needs_tbaq
def test_tbaq_gold_scored_against_itself_is_100_everywhere() -> None:
    results = []
    for path in iter_tml(TBAQ):
        doc = read_timeml(path)
        results.append(score_document(doc.doc_id, doc.text, doc.expressions, doc.expressions))
    s = total(results)
    assert (s.documents, s.gold, s.system, s.strict, s.relaxed) == (256, 1822, 1822, 1822, 1822)
    assert set(s.figures().values()) == {1.0}
    assert list_errors(results) == []


# ---------------------------------------------------------------- command line


def _write(dirpath: Path, name: str, text: str, exprs: list[Expression], anchor: str = "2024-03-25") -> Path:
    dirpath.mkdir(parents=True, exist_ok=True)
    p = dirpath / name
    p.write_text(write_timeml((text, anchor, exprs), doc_id=Path(name).stem), encoding="utf-8")
    return p


T2 = "It ended last year."
GOLD2 = [ex("last year", value="2023", text=T2)]


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    g = tmp_path / "gold"
    _write(g, "a.tml", TEXT, GOLD)
    _write(g / "sub", "b.tml", T2, GOLD2)
    return g


def test_score_command_prints_the_table_and_counts_a_missing_file_as_empty(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    system = tmp_path / "system"
    _write(system, "a.tml", TEXT, SYSTEM)
    assert main(["score", str(gold_dir), str(system)]) == 0
    out, err = capsys.readouterr()
    # gold 6 (5 + 1), system 6; strict 3, relaxed 4
    assert "no system file for sub/b.tml: counted as empty" in err
    assert "TempEval-3 Task A (TIMEX3), 2 document(s)" in out
    lines = out.splitlines()
    assert lines[2].split() == ["strict", "50.00", "50.00", "50.00"]
    assert lines[3].split() == ["relaxed", "66.67", "66.67", "66.67"]
    assert "gold 6  system 6  relaxed matches 4  strict matches 3" in out


def test_score_command_with_errors_lists_them(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    system = tmp_path / "system"
    _write(system, "a.tml", TEXT, SYSTEM)
    _write(system, "b.tml", T2, [])  # matched by file name, not by folder
    assert main(["score", str(gold_dir), str(system), "--errors"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "errors: missed 2  spurious 2  span 1  type 1  value 1" in out
    assert "b [9:18]  'last year' DATE 2023" in out


@pytest.mark.parametrize("command", ["evaluate", "score"])
def test_a_missing_gold_dir_is_a_one_line_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, str(tmp_path / "nope")] + ([str(tmp_path)] if command == "score" else [])
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == f"timeline {command}: error: {tmp_path / 'nope'}: no such directory\n"


def test_a_dir_without_tml_files_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("x")
    assert main(["score", str(tmp_path), str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"timeline score: error: {tmp_path}: holds no .tml files\n"


def test_an_unparseable_file_is_named_and_the_rest_still_scored(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = gold_dir / "broken.tml"
    bad.write_text("<TimeML><TEXT>a & b</TimeML>", encoding="utf-8")
    assert main(["score", str(gold_dir), str(gold_dir)]) == 1
    out, err = capsys.readouterr()
    assert f"timeline score: skipped: {bad}: not well-formed XML" in err
    assert "Traceback" not in err
    assert "2 document(s)" in out
    assert "gold 6  system 6  relaxed matches 6  strict matches 6" in out


def _fake_parse(outputs: dict[str, list[Expression]], calls: list[tuple[str, object, str]]):
    def parse(text: str, anchor: object, domain: str = "news", source: str | None = None) -> Document:
        calls.append((text, anchor, domain))
        return Document(text=text, anchor=timeline.to_anchor(anchor), domain=domain,
                        expressions=outputs[text])
    return parse


def test_evaluate_tags_each_text_at_its_dct_and_scores_it(
    gold_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, object, str]] = []
    monkeypatch.setattr(timeline.pipeline, "parse", _fake_parse({TEXT: SYSTEM, T2: GOLD2}, calls))
    out_dir = tmp_path / "out"
    code = main(["evaluate", str(gold_dir), "--errors", "--domain", "narrative",
                 "--write-dir", str(out_dir)])
    assert code == 0
    out, err = capsys.readouterr()
    assert calls == [(TEXT, "2024-03-25", "narrative"), (T2, "2024-03-25", "narrative")]
    assert "gold 6  system 7  relaxed matches 5  strict matches 4" in out
    assert "errors: missed 1  spurious 2  span 1  type 1  value 1" in out
    assert "docs/s" in out and "chars/s" in out
    written = read_timeml(out_dir / "sub" / "b.tml")
    assert (written.doc_id, written.text, written.expressions) == ("b", T2, tuple(GOLD2))
    # the written files score like the run itself
    assert main(["score", str(gold_dir), str(out_dir)]) == 0
    assert "gold 6  system 7  relaxed matches 5  strict matches 4" in capsys.readouterr().out


def test_evaluate_limit_takes_the_first_files(
    gold_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, object, str]] = []
    monkeypatch.setattr(timeline.pipeline, "parse", _fake_parse({TEXT: GOLD, T2: GOLD2}, calls))
    assert main(["evaluate", str(gold_dir), "--limit", "1"]) == 0
    assert "1 document(s)" in capsys.readouterr().out
    assert len(calls) == 1


def test_evaluate_without_a_tagger_says_so_in_one_line(
    gold_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_tagger(*_args: object, **_kwargs: object) -> Document:
        raise ImportError("No module named 'timeline.tagging.tagger'")

    monkeypatch.setattr(timeline.pipeline, "parse", no_tagger)
    assert main(["evaluate", str(gold_dir)]) == 2
    err = capsys.readouterr().err
    assert err == "timeline evaluate: error: the tagger is not available (No module named 'timeline.tagging.tagger')\n"


@needs_tbaq
def test_evaluate_with_an_oracle_tagger_scores_100_on_tbaq(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = {d.text: list(d.expressions) for d in map(read_timeml, list(iter_tml(TBAQ))[:5])}
    monkeypatch.setattr(timeline.pipeline, "parse", _fake_parse(gold, []))
    assert main(["evaluate", str(TBAQ), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[3].split() == ["relaxed", "100.00", "100.00", "100.00"]
    assert out.splitlines()[7].split() == ["value", "100.00", "100.00"]


def test_score_adds_up() -> None:
    a = Score(1, 2, 3, 1, 2, 2, 1)
    assert a + a == Score(2, 4, 6, 2, 4, 4, 2)
    assert attrs.asdict(a + Score()) == attrs.asdict(a)
