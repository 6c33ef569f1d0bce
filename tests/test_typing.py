"""The package passes mypy with the settings of pyproject.toml ([tool.mypy])."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="mypy is in the test extra: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_errors_in_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # pyproject.toml's [tool.mypy] and the .mypy_cache beside it
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "timeline"])
    assert status == 0, out + err
    assert "Success: no issues found" in out


def test_documents_take_any_iterable_of_expressions_for_mypy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # regression: converter=tuple made mypy reject Document(expressions=<a tuple>)
    monkeypatch.chdir(ROOT)  # mypy finds the package from the working directory
    sample = tmp_path / "uses_document.py"
    sample.write_text(
        "import pendulum\n"
        "from timeline.model import Document, Expression\n"
        "xs = (Expression('May', 0, 3, 'DATE', '2024-05'),)\n"
        "Document('May', anchor=pendulum.datetime(2024, 7, 28), expressions=xs, events=[])\n"
        "Document('May', anchor=pendulum.datetime(2024, 7, 28), expressions=list(xs))\n",
        encoding="utf-8",
    )
    out, err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", os.devnull, str(sample)]
    )
    assert status == 0, out + err
