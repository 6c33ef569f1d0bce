"""Robustness: bad anchors, naive datetimes, pathological text, regular expressions, the
command line on bad files; and one regression test per bug the properties found.

No test here measures time: the time per MB is printed by ``benchmarks/robustness.py``.
Linear growth is checked by counting the Python lines the tagger runs (a deterministic
measure of work); hangs are guarded by running pathological input in a subprocess with a
60 s limit.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.cli import main as cli_main
from timeline.errors import InvalidAnchorError
from timeline.values.timex3 import is_value

ROOT = Path(__file__).resolve().parent.parent
ANCHOR = "2024-07-28"


def _load_benchmark() -> object:
    spec = importlib.util.spec_from_file_location("robustness_bench", ROOT / "benchmarks" / "robustness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


def tags(text: str, anchor: object = ANCHOR) -> list[tuple[str, str, str | None]]:
    return [(x.text, x.value, x.mod) for x in timeline.parse(text, anchor=anchor).expressions]


# --- anchors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "anchor",
    ["2024-13-45", "", "31/02/2024", "yesterday-ish", "2024-02-30", "  ", "2024-07-28T25:00", None, 20240728, 3.5, [2024]],
)
def test_an_invalid_anchor_raises_a_value_error_naming_it(anchor: object) -> None:
    with pytest.raises(ValueError) as info:
        timeline.parse("The talks ended on March 3, 2019.", anchor=anchor)
    assert isinstance(info.value, InvalidAnchorError)
    assert repr(anchor) in str(info.value)


@given(st.text(max_size=30))
def test_any_string_is_a_valid_anchor_or_an_error_that_names_it(anchor: str) -> None:
    try:
        doc = timeline.parse("Sales rose last year.", anchor=anchor)
    except InvalidAnchorError as exc:
        assert repr(anchor) in str(exc)
    else:
        assert doc.anchor.tzinfo is not None


def test_a_naive_datetime_anchor_is_taken_as_utc() -> None:
    doc = timeline.parse("It rained yesterday.", anchor=dt.datetime(2024, 7, 28, 9, 30))
    assert doc.anchor == pendulum.datetime(2024, 7, 28, 9, 30, tz="UTC")
    assert doc.anchor.utcoffset() == dt.timedelta(0)
    x = doc.expressions[0]
    assert x.value == "2024-07-27" and x.earliest == pendulum.datetime(2024, 7, 27, tz="UTC")


def test_a_date_anchor_is_midnight_utc_and_an_aware_anchor_keeps_its_zone() -> None:
    assert timeline.parse("", anchor=dt.date(2024, 7, 28)).anchor == pendulum.datetime(2024, 7, 28, tz="UTC")
    tokyo = pendulum.datetime(2024, 7, 28, 9, tz="Asia/Tokyo")
    doc = timeline.parse("It rained yesterday.", anchor=tokyo)
    assert doc.anchor.utcoffset() == dt.timedelta(hours=9)
    assert doc.expressions[0].earliest == pendulum.datetime(2024, 7, 27, tz="Asia/Tokyo")


def test_an_unknown_domain_raises_naming_it() -> None:
    with pytest.raises(ValueError, match="'gossip'"):
        timeline.parse("today", anchor=ANCHOR, domain="gossip")


# --- pathological text ----------------------------------------------------------------------

PATHOLOGICAL = [
    pytest.param("'1 ' * 50_000", id="digits"),
    pytest.param("'-' * 100_000", id="dashes"),
    pytest.param("'March ' * 20_000", id="months"),
    pytest.param("'((((' * 20_000", id="parens"),
    pytest.param("''.join(map(chr, range(32))) * 3_000", id="control characters"),
    pytest.param("'x' * 1_000_000 + ' 2019'", id="a long line"),
]
_GUARD = (
    "import timeline; doc = timeline.parse({expr}, anchor='2024-07-28'); "
    "assert all(doc.text[x.start:x.end] == x.text for x in doc.expressions); print(len(doc.expressions))"
)


@pytest.mark.parametrize("expr", PATHOLOGICAL)
def test_pathological_text_finishes(expr: str) -> None:
    """Guards against hangs only (60 s); benchmarks/robustness.py times these."""
    try:
        p = subprocess.run([sys.executable, "-c", _GUARD.format(expr=expr)], capture_output=True,
                           text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{expr}: still running after 60 s")
    assert p.returncode == 0, p.stderr


def _work(text: str) -> int:
    """How many lines of the timeline package run while tagging ``text``."""
    pkg = str(Path(timeline.__file__).parent)
    count = 0

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if frame.f_code.co_filename.startswith(pkg):
            count += 1
            return tracer
        return None

    timeline.parse("warm up: March 3, 2019", anchor=ANCHOR)
    sys.settrace(tracer)
    try:
        timeline.parse(text, anchor=ANCHOR)
    finally:
        sys.settrace(None)
    return count


LINEAR = {
    "no triggers": "No dates at all in this sentence. ",
    "digits": "1 ",
    "dashes": "-",
    "parens": "((((",
    "a long word": "x" * 500 + " ",
}


@pytest.mark.parametrize("unit", LINEAR.values(), ids=LINEAR.keys())
def test_the_work_grows_linearly_with_the_text_when_expressions_are_few(unit: str) -> None:
    small, large = _work(unit * 25), _work(unit * 100)
    assert large <= 4 * small * 1.25 + 100, f"4x the text cost {large / max(small, 1):.1f}x the work"


@pytest.mark.parametrize("unit", ["March ", "Officials said the plant closed on March 3, 2019. "])
def test_the_work_grows_linearly_with_the_number_of_expressions(unit: str) -> None:
    # past a few hundred characters (events.TRIGGER_REACH) each expression reads a bounded
    # stretch of text: compare sizes beyond it
    small, large = _work(unit * 100), _work(unit * 400)
    assert large <= 4 * small * 1.25, f"4x the text cost {large / small:.1f}x the work"


def test_every_nested_repetition_in_a_regular_expression_has_been_reviewed() -> None:
    seen, flagged = bench.audit()  # type: ignore[attr-defined]
    assert seen > 100, "the review found too few patterns: is the walk broken?"
    unreviewed = [name for name in flagged if name not in bench.REVIEWED]  # type: ignore[attr-defined]
    assert not unreviewed, f"nested repetitions (catastrophic backtracking risk) to review: {unreviewed}"


def test_the_nested_repetition_check_finds_the_classic_shapes() -> None:
    import re

    assert bench.has_nested_repeat(re.compile(r"(a+)+b"))  # type: ignore[attr-defined]
    assert bench.has_nested_repeat(re.compile(r"(?:\s+\w+)*x"))  # type: ignore[attr-defined]
    assert not bench.has_nested_repeat(re.compile(r"\d{1,3}(?:,\d{3})*"))  # type: ignore[attr-defined]


# --- the command line on bad files ----------------------------------------------------------


def test_a_batch_with_bad_files_reports_each_by_path_and_keeps_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text("The plant closed on March 3, 2019.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opened on March 3, 2019.".encode("latin-1"))
    (tmp_path / "nothing_here").mkdir()
    paths = [str(tmp_path / n) for n in ("good.txt", "empty.txt", "latin1.txt", "missing.txt", "nothing_here")]
    code = cli_main(["extract", *paths, "--anchor", ANCHOR, "-f", "csv"])
    out, err = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in err
    assert "2019-03-03" in out and "good.txt" in out
    for name in ("latin1.txt", "missing.txt", "nothing_here"):
        assert name in err, f"{name} not named in {err!r}"
    assert "empty.txt" not in err  # an empty file is not an error: it has no expressions


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_an_unreadable_file_is_named_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("March 3, 2019", encoding="utf-8")
    f.chmod(0)
    try:
        code = cli_main(["extract", str(f), "--anchor", ANCHOR])
    finally:
        f.chmod(0o600)
    err = capsys.readouterr().err
    assert code != 0 and "secret.txt" in err and "Traceback" not in err


# --- regressions: bugs the properties found and that are fixed -------------------------------


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("It began 999,999 years ago.", ANCHOR),  # year -997975
        ("They met at midnight.", "9999-12-31T23:59:59"),  # 10000-01-01
        ("Sales will rise next year.", "9999-12-31"),
        ("It rained yesterday.", "0001-01-01"),
        ("Profits fell last week.", "0001-01-03"),
    ],
)
def test_a_time_outside_the_calendar_is_dropped_not_raised(text: str, anchor: str) -> None:
    doc = timeline.parse(text, anchor=anchor)
    assert all(is_value(x.value) for x in doc.expressions)


@pytest.mark.parametrize("text", ["Feb. 29, 2023", "2023-02-29", "February 30, 2024", "31 April 2019"])
def test_an_impossible_day_of_a_named_year_is_not_moved_to_another_year(text: str) -> None:
    year = next(w for w in text.replace(",", " ").replace("-", " ").split() if len(w) == 4 and w.isdigit())
    got = tags(f"The plant closed on {text}.")
    assert len(got) == 1 and got[0][0] == text, got  # tagged as a whole: nothing tagged fails
    assert got[0][1].startswith(year + "-"), got


def test_february_29_without_a_year_is_found_when_the_nearest_is_years_away() -> None:
    assert tags("The plant will open on Feb. 29.", anchor="2025-03-01") == [("Feb. 29", "2028-02-29", None)]
    assert tags("The plant closed on Feb. 29.", anchor="2021-03-01") == [("Feb. 29", "2020-02-29", None)]


def test_timex3_digits_are_ascii() -> None:
    assert not is_value("\u0662\u0660\u0662\u0664")  # Arabic-Indic 2024
    assert not is_value("P\u0663Y")


def test_a_unit_ago_without_a_number_is_the_vague_past_not_one_unit_ago() -> None:
    assert tags("It happened years ago.") == [("years ago", "PAST_REF", None)]


# --- left for the rules and lexicon (the lead edits those files) -----------------------------

# The rule bugs this suite found ("1000 years", " years ago", "Mid-2020", "the mid-1990s",
# "early 1990's", "early twenties") are fixed and live on as examples of their rules in
# timeline/rules/en/*.toml (tests/test_rule_examples.py runs them).


# --- left for the exporters ----------------------------------------------------------------


def test_the_json_of_a_document_about_an_old_year_in_a_named_zone_reads_back() -> None:
    from timeline.export.jsonio import from_json, to_json

    doc = timeline.parse("Sales rose in 1000.", anchor=pendulum.datetime(2000, 1, 1, tz="Asia/Tokyo"))
    assert from_json(to_json(doc)) == doc
