"""The Python samples in README.md and docs/ run, and print what they say they print.

A sample is a ```python block; the ``# ...`` comment lines that end the block give the
expected standard output, line by line.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _samples() -> list[object]:
    out = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for i, m in enumerate(_BLOCK.finditer(path.read_text(encoding="utf-8"))):
            out.append(pytest.param(m.group(1), id=f"{path.name}#{i + 1}"))
    return out


@pytest.mark.parametrize("sample", _samples())
def test_doc_sample_runs_and_prints_what_it_says(sample: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    if ">>> " in sample:
        if "../shared/corpora" in sample and not (ROOT.parent / "shared" / "corpora").is_dir():
            pytest.skip("the sample reads ../shared/corpora, which is absent")
        test = doctest.DocTestParser().get_doctest(sample, {}, "doc sample", None, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0
        return
    lines = sample.rstrip("\n").splitlines()
    n = len(lines)
    while n and lines[n - 1].startswith("# "):
        n -= 1
    code_lines, expected = lines[:n], [line[2:] for line in lines[n:]]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile("\n".join(code_lines), "<doc sample>", "exec"), {})
    if expected:
        assert buf.getvalue().splitlines() == expected
