"""What the spaCy component costs over plain ``timeline.parse``, on the TBAQ texts. A script.

    .venv/bin/python benchmarks/spacy_overhead.py             # best of 5 rounds
    .venv/bin/python benchmarks/spacy_overhead.py --repeat 9

Times, in CPU seconds of this process (the best of --repeat rounds, as timeit reports it;
each round times the four one after the other, so load from other jobs falls on all four):
``timeline.parse`` on every text; ``spacy.blank("en")`` alone (its tokenizer);
``spacy.blank("en")`` with the ``timeline`` component, each Doc carrying its own anchor in
``doc._.anchor``; and the component alone, called on Docs tokenized beforehand. Prints the
four, the pipeline over parse and the component alone over parse (the issue bounds what
the component adds by the cost of parse itself: that ratio must stay under 2). Then how the expressions
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
    component = nlp.get_pipe("timeline")
    ready: list[spacy.tokens.Doc] = []

    def tokenized() -> None:  # Docs for the component alone, made outside its timing
        ready.clear()
        for text, anchor in docs:
            ready.append(nlp.make_doc(text))
            ready[-1]._.anchor = anchor

    runs = {
        "parse": lambda: run_parse(docs),
        "tokenizer": lambda: list(blank.pipe(text for text, _ in docs)),
        "pipeline": lambda: run_pipeline(nlp, docs),
        "component": lambda: [component(doc) for doc in ready],
    }
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        tokenized()
        for name, run in runs.items():
            best[name] = min(best[name], timed(run)[1])
    parse_cpu, tok_cpu, pipe_cpu, comp_cpu = (best[k] for k in ("parse", "tokenizer", "pipeline", "component"))

    print(f"timeline.parse                          {parse_cpu:6.3f} s")
    print(f"spacy.blank('en') alone (tokenizer)     {tok_cpu:6.3f} s")
    print(f"spacy.blank('en') + timeline component  {pipe_cpu:6.3f} s")
    print(f"the component alone, on tokenized Docs  {comp_cpu:6.3f} s")
    print(f"  pipeline / parse: {pipe_cpu / parse_cpu:.2f}x; component alone / parse: {comp_cpu / parse_cpu:.2f}x "
          f"(it adds {comp_cpu - parse_cpu:.3f} s to parse: spans, extension attributes, doc.text)")
    print(alignment(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
