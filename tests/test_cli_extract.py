"""``timeline extract``: inputs, formats, outputs and one-line errors.

``parse`` is replaced by a stub that tags "March", "today" and "15 years", so these tests
do not need the tagger; the last test runs the real one when it is installed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import icalendar
import pytest

from timeline.cli import extract as extract_cli
from timeline.anchor import to_anchor
from timeline.values.bounds import value_range
from timeline.cli import main
from timeline.export import FORMATS
from timeline.evaluation.timeml import read_timeml
from timeline.model import Document, Event, Expression

SEED = Path(__file__).resolve().parent.parent / "seeds" / "us-japan-2plus2-talks.txt"
PHRASES = {"March": ("DATE", "2024-03"), "today": ("DATE", None), "15 years": ("DURATION", "P15Y")}


def stub_parse(text: str, anchor: object, domain: str = "news", source: str | None = None) -> Document:
    a = to_anchor(anchor)
    xs = []
    for m in re.finditer("|".join(PHRASES), text):
        type_, value = PHRASES[m.group()]
        value = value or a.date().isoformat()
        e, l = value_range(value, None, a) if type_ == "DATE" else (None, None)
        xs.append(Expression(m.group(), m.start(), m.end(), type_, value, earliest=e, latest=l))
    return Document(text, anchor=a, domain=domain, expressions=xs, source=source)


@pytest.fixture(autouse=True)
def _stub(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_cli, "parse", stub_parse)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "in" / "a.txt", "Prices rose in March.")
    write(tmp_path / "in" / "sub" / "b.txt", "We meet today, as for 15 years.")
    write(tmp_path / "in" / "notes.md", "March again.")
    return tmp_path / "in"


def test_one_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "Prices rose in March.")
    code, out, err = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "--format", "json")
    assert code == 0 and err == ""
    doc = Document.from_json(out)
    assert doc.source == str(f) and [x.value for x in doc.expressions] == ["2024-03"]


def test_piped_output_defaults_to_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "March.")
    code, out, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28")
    assert code == 0 and len(out.splitlines()) == 1 and json.loads(out)["expressions"][0]["text"] == "March"


def test_folders_are_searched_recursively_for_txt(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(tree), "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 0
    sources = [json.loads(l)["source"] for l in out.splitlines()]
    assert sources == [str(tree / "a.txt"), str(tree / "sub" / "b.txt")]
    assert "2 inputs done" in err


def test_glob_picks_other_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(tree), "--glob", "*.md", "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 0 and [json.loads(l)["source"] for l in out.splitlines()] == [str(tree / "notes.md")]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Done today.".encode())))
    code, out, _ = run(capsys, "extract", "-", "--anchor", "2024-07-28", "-f", "csv")
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["expression"], row["value"], row["source"]) == ("today", "2024-07-28", "<stdin>")


def test_output_dir_gets_one_file_per_input(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "extract", str(tree), "--anchor", "2024-07-28", "-f", "ics", "-o", str(out_dir))
    assert code == 0 and out == ""
    files = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    assert files == ["a.ics", "sub/b.ics"]
    cal = icalendar.Calendar.from_ical((out_dir / "a.ics").read_bytes())
    assert [str(e["X-TIMELINE-VALUE"]) for e in cal.walk("VEVENT")] == ["2024-03"]
    assert f"{tree / 'sub' / 'b.txt'}: 1 entry left out of the ics output (a duration names no time): “15 years”" in err


def test_output_file_for_one_input_keeps_crlf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "Prices rose in March.")
    target = tmp_path / "cal.ics"
    code, out, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "-f", "ics", "-o", str(target))
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:20240301\r\n" in data


def test_existing_dir_or_trailing_slash_means_one_file_per_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "March.")
    code, _, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "-f", "timeml", "-o", str(tmp_path / "tml") + "/")
    assert code == 0
    assert read_timeml((tmp_path / "tml" / "a.tml").read_bytes()).text == "March."


def test_every_format_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in FORMATS:
        code, out, err = run(capsys, "extract", str(SEED), "--anchor", "2024-07-28", "--format", fmt)
        assert code == 0, (fmt, err)
        assert out.strip(), fmt


@pytest.mark.parametrize("anchor", ["2024-13-45", "yesterday", ""])
def test_bad_anchor_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], anchor: str) -> None:
    f = write(tmp_path / "a.txt", "March.")
    code, out, err = run(capsys, "extract", str(f), "--anchor", anchor)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "invalid anchor" in err and repr(anchor) in err
    assert "Traceback" not in err


def test_missing_anchor_says_it_is_required(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "March.")
    code, _, err = run(capsys, "extract", str(f))
    assert code == 2 and err.count("\n") == 1
    assert "--anchor is required" in err and str(f) in err and ".tml" in err


def test_unknown_format_and_domain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "March.")
    code, _, err = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "--format", "xml")
    assert code == 2 and err.count("\n") == 1 and "unknown format 'xml'" in err and "ics" in err
    code, _, err = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "--domain", "poetry")
    assert code == 2 and "unknown domain 'poetry'" in err


def test_missing_file_fails_but_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "a.txt", "March.")
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "extract", str(missing), str(good), "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 1
    assert [json.loads(l)["source"] for l in out.splitlines()] == [str(good)]
    assert f"{missing}: no such file or directory" in err
    assert "1 of 2 inputs done, 1 failed" in err
    assert "Traceback" not in err


def test_undecodable_file_is_named_and_said_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    good = write(tmp_path / "good.txt", "March.")
    code, out, err = run(capsys, "extract", str(tmp_path), "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 1 and len(out.splitlines()) == 1
    (line,) = [l for l in err.splitlines() if "bad.txt" in l]
    assert str(bad) in line and "not UTF-8" in line and "0xff" in line
    assert "1 of 2 inputs done, 1 failed" in err
    assert str(good) in out


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "extract", str(tmp_path / "empty"), "--anchor", "2024-07-28")
    assert code == 1 and out == ""
    assert "no files match '*.txt'" in err and "0 of 1 inputs done, 1 failed" in err


def test_timeml_input_brings_its_own_anchor_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tml = write(tmp_path / "d.tml", '<?xml version="1.0" ?><TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" '
                'type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">Feb 6</TIMEX3></DCT>'
                '<TEXT>It rose <TIMEX3 tid="t1" type="DATE" value="1998-03">in March</TIMEX3> &amp; today.</TEXT></TimeML>')
    code, out, err = run(capsys, "extract", str(tml), "-f", "json")
    assert code == 0, err
    doc = Document.from_json(out)
    assert doc.text == "It rose in March & today."
    assert doc.anchor.date().isoformat() == "1998-02-06"
    assert [x.value for x in doc.expressions] == ["2024-03", "1998-02-06"]


def test_timeml_input_without_dct_needs_an_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tml = write(tmp_path / "d.tml", "<TimeML><TEXT>March.</TEXT></TimeML>")
    code, _, err = run(capsys, "extract", str(tml))
    assert code == 1 and "TimeML without a DCT: give --anchor" in err


def test_timeml_input_declaring_latin1_is_read_in_that_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tml = tmp_path / "l1.tml"
    tml.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" '
                    'value="1998-02-06">x</TIMEX3></DCT><TEXT>Caf\u00e9 opened in March.</TEXT></TimeML>'.encode("latin-1"))
    code, out, err = run(capsys, "extract", str(tml), "-f", "json")
    assert code == 0, err
    assert Document.from_json(out).text == "Caf\u00e9 opened in March."


def test_malformed_timeml_input_is_one_line_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.tml", "<TimeML><TEXT>a & b</TEXT></TimeML>")
    code, out, err = run(capsys, "extract", str(bad), "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 1 and out == ""
    (line,) = [l for l in err.splitlines() if "bad.tml" in l]
    assert str(bad) in line and "not well-formed XML" in line and "Traceback" not in err


def test_timeml_output_of_many_inputs_needs_a_folder(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(tree), "--anchor", "2024-07-28", "-f", "timeml")
    assert code == 2 and out == "" and "give -o DIR for 2 inputs" in err


def test_missing_tagger_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def no_tagger(*_a: object, **_k: object) -> Document:
        raise ModuleNotFoundError("No module named 'timeline.tagging.tagger'", name="timeline.tagging.tagger")

    monkeypatch.setattr(extract_cli, "parse", no_tagger)
    f = write(tmp_path / "a.txt", "March.")
    code, _, err = run(capsys, "extract", str(f), "--anchor", "2024-07-28")
    assert code == 2 and err.count("\n") == 1 and "tagger is not installed" in err


def test_a_crash_on_one_input_does_not_stop_the_batch(tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def flaky(text: str, **kw: object) -> Document:
        if "today" in text:
            raise RuntimeError("boom")
        return stub_parse(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_cli, "parse", flaky)
    code, out, err = run(capsys, "extract", str(tree), "--anchor", "2024-07-28", "-f", "jsonl")
    assert code == 1 and len(out.splitlines()) == 1
    assert "b.txt: internal error: RuntimeError: boom" in err and "1 failed" in err


def test_table_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "Prices rose in March.")
    code, out, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "-f", "table")
    assert code == 0 and "2024-03" in out and "[2024-03-01, 2024-04-01)" in out


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [extract_cli.Input(None, str(i), Path(str(i))) for i in range(3)]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert type(extract_cli._progress(items, quiet=False)).__name__ == "tqdm"
    assert extract_cli._progress(items, quiet=True) is items
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert extract_cli._progress(items, quiet=False) is items


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"]])
def test_help_shows_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "timeline extract" in out


def test_real_tagger_on_the_seed(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("timeline.tagging.tagger", reason="the tagger is not on this branch yet")
    from timeline import pipeline

    monkeypatch.setattr(extract_cli, "parse", pipeline.parse)
    outs, errs = {}, {}
    for fmt in FORMATS:
        code, outs[fmt], errs[fmt] = run(capsys, "extract", str(SEED), "--anchor", "2024-07-28", "-f", fmt)
        assert code == 0, errs[fmt]
    doc = Document.from_json(outs["json"])
    held = {e.expression for e in doc.events}
    n = len(doc.events) + sum(1 for x in doc.expressions if x not in held and x.earliest is None)
    assert n > 0 and any(x.value == "2024-03" for x in doc.expressions)
    assert len(list(csv.DictReader(io.StringIO(outs["csv"])))) == n
    assert len(read_timeml(outs["timeml"]).expressions) == len(doc.expressions)
    vevents = list(icalendar.Calendar.from_ical(outs["ics"]).walk("VEVENT"))
    left = sum(int(k) for k in re.findall(r"(\d+) entr(?:y|ies) left out of the ics output", errs["ics"]))
    assert len(vevents) + left == n
    assert Document.from_json(outs["jsonl"]) == doc


def test_output_file_with_extension_combines_several_inputs(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "all.jsonl"
    code, out, _ = run(capsys, "extract", str(tree), "--anchor", "2024-07-28", "-f", "jsonl", "-o", str(target))
    assert code == 0 and out == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_same_names_from_two_folders_do_not_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path / "x" / "same.txt", "March.")
    b = write(tmp_path / "y" / "same.txt", "today")
    out_dir = tmp_path / "out"
    code, _, _ = run(capsys, "extract", str(a), str(b), "--anchor", "2024-07-28", "-f", "csv", "-o", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["same-2.csv", "same.csv"]
    assert "today" in (out_dir / "same-2.csv").read_text(encoding="utf-8")


def test_stdin_to_an_output_folder_is_named_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"March.")))
    code, _, _ = run(capsys, "extract", "-", "--anchor", "2024-07-28", "-f", "ics", "-o", str(tmp_path / "o") + "/")
    assert code == 0 and (tmp_path / "o" / "stdin.ics").is_file()


def test_jsonl_from_a_folder_streams_in_flat_memory(tmp_path: Path) -> None:
    import tracemalloc

    from timeline.cli import main

    def peak(n: int) -> int:
        folder, out = tmp_path / f"n{n}", tmp_path / f"n{n}.jsonl"
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:04d}.txt").write_text(f"Talks resumed on Monday, March {i % 28 + 1}, 2024. " * 20)
        args = ["extract", str(folder), "--anchor", "2024-07-28", "--format", "jsonl", "-q", "-o", str(out)]
        main(args)  # warm up: rules and lexicons load once
        tracemalloc.start()
        main(args)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert len(out.read_text(encoding="utf-8").splitlines()) == n
        return top

    # the list of paths grows with the folder; documents (tens of kB each here) must not
    per_file = (peak(160) - peak(40)) / 120
    assert per_file < 5_000, f"{per_file:.0f} bytes kept per input file"


# -- files: never overwrite an input, never read an output back, defuse formulas ------------


def test_o_onto_an_input_is_refused_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.txt", "Prices rose in March.")
    other = write(tmp_path / "b.txt", "We meet today.")
    code, out, err = run(capsys, "extract", str(f), str(other), "--anchor", "2024-07-28", "-f", "csv", "-o", str(other))
    assert code == 2 and out == ""
    assert err.startswith("timeline extract: error: ") and "would overwrite the input" in err and str(other) in err
    assert other.read_text(encoding="utf-8") == "We meet today."  # untouched


def test_o_dir_whose_output_would_be_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write(tmp_path / "in" / "a.csv", "Prices rose in March.")
    code, _, err = run(capsys, "extract", str(tmp_path / "in"), "--glob", "*.csv", "--anchor", "2024-07-28",
                       "-f", "csv", "-o", str(tmp_path / "in") + "/")
    assert code == 2 and "would overwrite the input" in err
    assert data.read_text(encoding="utf-8") == "Prices rose in March."


def test_table_output_in_the_input_folder_is_not_read_back(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("extract", str(tree), "--anchor", "2024-07-28", "-f", "table", "-o", str(tree) + "/")
    assert run(capsys, *args)[0] == 0
    assert sorted(p.name for p in tree.rglob("*.table")) == ["a.table", "b.table"]
    code, _, err = run(capsys, *args)  # again over the same folder: still the two articles
    assert code == 0 and "2 inputs done" in err


def test_formula_cells_are_defused_unless_raw_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def with_event(text: str, anchor: object, domain: str = "news", source: str | None = None) -> Document:
        doc = stub_parse(text, anchor, domain, source)
        x = doc.expressions[0]
        ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest)
        return Document(text, anchor=doc.anchor, expressions=doc.expressions, events=[ev], source=source)

    monkeypatch.setattr(extract_cli, "parse", with_event)
    f = write(tmp_path / "a.txt", '=HYPERLINK("http://x") March')
    for fmt in ("csv", "timelinejs"):
        code, out, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "-f", fmt)
        assert code == 0
        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert '\'=HYPERLINK("http://x") March' in cells and not any(c.startswith("=") for c in cells)
        code, out, _ = run(capsys, "extract", str(f), "--anchor", "2024-07-28", "-f", fmt, "--raw-cells")
        assert '=HYPERLINK("http://x") March' in [c for row in csv.reader(io.StringIO(out)) for c in row]
