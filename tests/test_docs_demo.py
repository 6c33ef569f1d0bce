"""docs/index.md shows the output of `make demo`; it must be what the command prints today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "docs" / "index.md"
MAKEFILE = ROOT / "Makefile"


def _make_var(name: str) -> str:
    m = re.search(rf"^{name} := (.+)$", MAKEFILE.read_text(encoding="utf-8"), re.M)
    assert m, f"Makefile lacks {name}"
    return m.group(1).strip()


def _shown_table() -> list[str]:
    text = INDEX.read_text(encoding="utf-8")
    m = re.search(r"<!-- BEGIN demo -->\n```text\n(.*?)```\n<!-- END demo -->", text, re.S)
    assert m, "docs/index.md lacks the demo block"
    lines = m.group(1).splitlines()
    # the table is what the first `timeline extract` command prints, up to the next command
    start = next(i for i, ln in enumerate(lines) if "--format table" in ln) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(".venv/bin/timeline"))
    return lines[start:end]


def test_index_shows_what_make_demo_prints(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    seed, anchor = _make_var("SEED"), _make_var("SEED_ANCHOR")
    assert main(["extract", seed, "--anchor", anchor, "--format", "table"]) == 0
    assert capsys.readouterr().out.splitlines() == _shown_table()
