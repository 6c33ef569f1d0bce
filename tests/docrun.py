"""Run the ``>>>`` examples of a Markdown page (code fences removed) as doctests."""

from __future__ import annotations

import doctest
from pathlib import Path


def run_markdown_examples(path: Path) -> doctest.TestResults:
    text = "\n".join("" if ln.strip().startswith("```") else ln for ln in path.read_text("utf-8").splitlines())
    test = doctest.DocTestParser().get_doctest(text, {}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)
