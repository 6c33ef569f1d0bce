"""What the spaCy component costs over plain ``timeline.parse``, on the TBAQ texts. A script.

    .venv/bin/python benchmarks/spacy_overhead.py             # best of 5 rounds
    .venv/bin/python benchmarks/spacy_overhead.py --repeat 9

Times, in CPU seconds of this process (the best of --repeat rounds, as timeit reports it;
each round times the three one after the other, so load from other jobs falls on all three):
``timeline.parse`` on every text; ``spacy.blank("en")`` alone (its tokenizer); and
``spacy.blank("en")`` with the ``timeline`` component, each Doc carrying its own anchor in
``doc._.anchor``. Prints the three, the pipeline over parse (the ratio the issue bounds by
2: the component may add no more than parse costs) and what the component does beyond
parse and the tokenizer (offsets to spans, extension attributes). Then how the expressions
align with spaCy's tokens: how many cut a token (no span in ``strict`` mode), how many have
no token inside them (no span in ``contract`` mode), how many share a span with another in
``expand`` mode. Needs the spacy extra (``pip install -e '.[spacy]'``) and
../shared/corpora/tbaq (or --corpus).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import spacy

import timeline
from throughput import DEFAULT_CORPUS, Doc, machine, read_corpus, timed


def run_parse(docs: Sequence[Doc]) -> int:
    return sum(len(timeline.parse(text, anchor).expressions) for text, anchor in docs)


def run_pipeline(nlp: spacy.language.Language, docs: Sequence[Doc]) -> int:
    def with_anchors() -> object:
        for text, anchor in docs:
            doc = nlp.make_doc(text)
            doc._.anchor = anchor
            yield doc

    return sum(len(doc.spans["timeline"]) for doc in nlp.pipe(with_anchors()))


def alignment(docs: Sequence[Doc]) -> str:
    nlp = spacy.blank("en")
    total = cut = empty = shared = 0
    for text, anchor in docs:
        doc = nlp.make_doc(text)
        seen: set[tuple[int, int]] = set()
        for x in timeline.parse(text, anchor).expressions:
            total += 1
            cut += doc.char_span(x.start, x.end, alignment_mode="strict") is None
            empty += doc.char_span(x.start, x.end, alignment_mode="contract") is None
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            key = (span.start_char, span.end_char) if span is not None else (x.start, x.end)
            shared += key in seen
            seen.add(key)
    return (
        f"{total} expressions: {cut} cut a token (no span in strict mode), {empty} hold no whole "
        f"token (no span in contract mode), {shared} widen onto a span another one has (expand)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TBAQ folder (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=5, help="rounds; the best of each is printed (default %(default)s)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"TBAQ not found at {args.corpus}", file=sys.stderr)
        return 1
    docs = read_corpus(args.corpus)
    chars = sum(len(text) for text, _ in docs)
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}; spaCy {spacy.__version__}")
    print(f"TBAQ: {len(docs)} docs, {chars:,} chars; CPU seconds, best of {args.repeat} rounds")

    blank = spacy.blank("en")
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline")
    # rules compile and caches fill outside the timings; every span is an expression
    assert run_parse(docs) >= run_pipeline(nlp, docs) > 0
    runs = {
        "parse": lambda: run_parse(docs),
        "tokenizer": lambda: list(blank.pipe(text for text, _ in docs)),
        "pipeline": lambda: run_pipeline(nlp, docs),
    }
    best = {name: timed(run)[1] for name, run in runs.items()}
    for _ in range(args.repeat - 1):
        for name, run in runs.items():
            best[name] = min(best[name], timed(run)[1])
    parse_cpu, tok_cpu, pipe_cpu = best["parse"], best["tokenizer"], best["pipeline"]

    print(f"timeline.parse                          {parse_cpu:6.3f} s")
    print(f"spacy.blank('en') alone (tokenizer)     {tok_cpu:6.3f} s")
    print(f"spacy.blank('en') + timeline component  {pipe_cpu:6.3f} s")
    print(f"  pipeline / parse: {pipe_cpu / parse_cpu:.2f}x (overhead {pipe_cpu - parse_cpu:.3f} s, "
          f"{(pipe_cpu - parse_cpu) / parse_cpu:.0%} of parse); the component beyond parse and the "
          f"tokenizer: {pipe_cpu - parse_cpu - tok_cpu:.3f} s")
    print(alignment(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
