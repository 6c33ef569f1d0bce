"""The Python samples in README.md and docs/ run, and print what they say they print.

A sample is a ```python block (```python no-run marks one that needs a cluster). Blocks of one page run in order and share their names.
A ``>>>`` block runs as a doctest; in a plain block the ``# ...`` comment lines that end
the block give the expected standard output, line by line.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _run_block(sample: str, globs: dict[str, Any], where: str) -> None:
    if ">>> " in sample:
        test = doctest.DocTestParser().get_doctest(sample, globs, where, None, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        out = io.StringIO()
        runner.run(test, out=out.write, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy
        assert runner.failures == 0, out.getvalue()
        return
    lines = sample.rstrip("\n").splitlines()
    n = len(lines)
    while n and lines[n - 1].startswith("# "):
        n -= 1
    code, expected = lines[:n], [line[2:] for line in lines[n:]]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile("\n".join(code), where, "exec"), globs)
    if expected:
        assert buf.getvalue().splitlines() == expected, where


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_doc_samples_run_and_print_what_they_say(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    samples = [m.group(1) for m in _BLOCK.finditer(page.read_text(encoding="utf-8"))]
    if any("../shared/corpora" in s for s in samples) and not (ROOT.parent / "shared" / "corpora").is_dir():
        pytest.skip(f"a sample of {page.name} reads ../shared/corpora, which is absent")
    globs: dict[str, Any] = {}
    for i, sample in enumerate(samples):
        _run_block(sample, globs, f"{page.name} sample {i + 1}")
