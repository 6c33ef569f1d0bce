"""Throughput of the tagger (timeline.parse) on TBAQ and on a synthetic news-like text, and of
dateparser's search_dates on the same TBAQ texts, in one run. Not a test: a script.

    make bench                                   # full run (10 MB synthetic text)
    .venv/bin/python benchmarks/throughput.py --quick
    .venv/bin/python benchmarks/throughput.py --peer-docs 100 --processes 2

TBAQ is parsed --repeat times (default 3): the first pass and the best one are printed
(the best is the steady rate, as timeit reports it; the first also pays for filling caches);
dateparser gets as many passes on its texts and its best is the one compared.
Prints chars/s, docs/s and memory (peak RSS of the process so far; with --tracemalloc also
the traced Python heap peak of a 1 MB and a 2 MB stream, which should be about equal: flat).
The corpus is read from ../shared/corpora/tbaq relative to the repo root (or --corpus);
without it the TBAQ and dateparser parts are skipped with a note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import timeline
from timeline.anchor import to_anchor
from timeline.evaluate import read_timeml
from timeline.timeml import iter_tml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpora" / "tbaq"

Doc = tuple[str, str]  # (text, anchor)

# --- synthetic news-like text ------------------------------------------------------------

_ORGS = ["the ministry", "Acme Corp.", "the central bank", "the union", "the city council",
         "Northwind Airlines", "the court", "the coalition", "the regulator", "Globex"]
_PEOPLE = ["Ms. Alvarez", "the prime minister", "a spokesman", "Mr. Okafor", "the chief executive",
           "analysts", "the governor", "residents", "investors", "officials"]
_NOUNS = ["plan", "merger", "budget", "strike", "inquiry", "tariff", "reform", "contract",
          "election", "loan", "pipeline", "ruling"]
_PLACES = ["Lisbon", "the capital", "Osaka", "the northern province", "Chicago", "Nairobi",
           "the border region", "Quebec"]
_VERBS = ["approved", "rejected", "delayed", "criticized", "defended", "reviewed", "announced",
          "questioned"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
         "Nov.", "Dec."]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

#: sentences without a temporal expression (some with numbers, money and percents)
_PLAIN = [
    "{Person} said {org} had {verb} the {noun} after a long debate.",
    "The {noun} was {verb} by {org}, according to people familiar with the matter.",
    "{Org} {verb} the {noun}, a move that surprised {people}.",
    "Shares of {org2} fell {pct} percent to ${price} in heavy trading.",
    "About {count} people gathered in {place} to protest against the {noun}.",
    "{Person} declined to comment on the {noun} or on the {noun2}.",
    "The {noun} would cost roughly ${amount} million, {people} estimated.",
    "Critics in {place} argue that the {noun} does little for ordinary families.",
    "{Org} has {count} employees and operates {small} plants in {place}.",
    "It was not clear whether the {noun} would survive a challenge in court.",
    "Turnout reached {pct} percent, with {count} votes cast in {place}.",
    "The report, which runs to {small}0 pages, {verb} the {noun} in detail.",
]
#: sentences with one or two temporal expressions
_TEMPORAL = [
    "{Org} {verb} the {noun} on {weekday}.",
    "The {noun} was signed on {month} {day}, {year}, in {place}.",
    "{Person} said the {noun} would be ready by {month} {year}.",
    "{count2} days ago, {org} {verb} the {noun}.",
    "The {noun} is expected to take effect next week.",
    "In {year}, {org} {verb} a similar {noun}.",
    "Talks resumed on {abbr} {day} and continued for three days.",
    "Last year the {noun} cost ${amount} million.",
    "The vote is scheduled for {month}, {people} said.",
    "{Person} met {people} in {place} on {weekday} morning.",
]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(_TEMPORAL) if rng.random() < 0.25 else rng.choice(_PLAIN)
    person, org = rng.choice(_PEOPLE), rng.choice(_ORGS)
    fields = {
        "Person": person[0].upper() + person[1:], "people": rng.choice(_PEOPLE),
        "org": org, "Org": org[0].upper() + org[1:], "org2": rng.choice(_ORGS),
        "noun": rng.choice(_NOUNS), "noun2": rng.choice(_NOUNS), "place": rng.choice(_PLACES),
        "verb": rng.choice(_VERBS), "pct": f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
        "price": f"{rng.randint(2, 300)}.{rng.randint(10, 99)}", "count": f"{rng.randint(2, 90)},{rng.randint(100, 999)}",
        "small": str(rng.randint(2, 9)), "amount": str(rng.randint(5, 900)),
        "weekday": rng.choice(_WEEKDAYS), "month": rng.choice(_MONTHS), "abbr": rng.choice(_ABBR),
        "day": str(rng.randint(1, 28)), "year": str(rng.randint(1990, 2026)),
        "count2": rng.choice(["Two", "Three", "Five", "Ten"]),
    }
    return template.format(**fields)


def synthetic(total_chars: int, seed: int = 7, doc_chars: int = 3000) -> list[Doc]:
    """Deterministic news-like documents of about ``doc_chars`` characters, ``total_chars`` in all."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    size = 0
    while size < total_chars:
        anchor = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randint(0, 30 * 365))
        paragraphs: list[str] = []
        length = 0
        while length < doc_chars:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            length += len(para) + 2
        text = "\n\n".join(paragraphs)
        docs.append((text, anchor.isoformat()))
        size += len(text)
    return docs


# --- measuring ---------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


Timing = tuple[float, float]  # wall seconds, CPU seconds of this process


def timed(run: Callable[[], object]) -> Timing:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def passes(run: Callable[[], object], n: int) -> tuple[Timing, Timing]:
    """The first of ``n`` timed passes and the fastest (least CPU time), as timeit does:
    the first pays for one-time work (caches filling), the best is the steady rate."""
    timings = [timed(run) for _ in range(max(1, n))]
    return timings[0], min(timings, key=lambda t: t[1])


def report(name: str, docs: Sequence[Doc], timing: Timing, width: int = 34) -> float:
    """Print one line; return chars per CPU second (wall time suffers from other load)."""
    seconds, cpu = timing
    chars = sum(len(t) for t, _ in docs)
    rate = chars / seconds if seconds else float("inf")
    per_cpu = chars / cpu if cpu > 0.05 * seconds else float("nan")  # nan: the work ran elsewhere
    print(
        f"{name:<{width}} {len(docs):>6} docs {chars:>11,} chars {seconds:7.2f} s "
        f"{rate:>10,.0f} chars/s (CPU: {per_cpu:>10,.0f}) {len(docs) / seconds:>8,.1f} docs/s  "
        f"peak RSS {peak_rss_mb():4.0f} MB"
    )
    return per_cpu


def parse_all(docs: Iterable[Doc]) -> int:
    n = 0
    for text, anchor in docs:
        n += len(timeline.parse(text, anchor).expressions)
    return n


def parse_stream(docs: Iterable[Doc], n_process: int) -> int:
    return sum(len(d.expressions) for d in timeline.parse_many(docs, n_process=n_process, batch_size=16))


def traced_peak_mb(docs: Iterable[Doc]) -> float:
    """Peak traced Python heap while streaming ``docs`` through parse_many (docs discarded)."""
    gc.collect()
    tracemalloc.start()
    try:
        parse_stream(docs, 1)
        return tracemalloc.get_traced_memory()[1] / (1 << 20)
    finally:
        tracemalloc.stop()


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def available_speedup(n_process: int, n: int = 10_000_000) -> float:
    """Speed-up of a pure-CPU loop on ``n_process`` processes now: what other load leaves us."""
    from concurrent.futures import ProcessPoolExecutor

    serial = timed(lambda: [_burn(n) for _ in range(n_process)])[0]
    with ProcessPoolExecutor(n_process) as pool:
        list(pool.map(_burn, [10] * n_process))
        pooled = timed(lambda: list(pool.map(_burn, [n] * n_process)))[0]
    return serial / pooled


def read_corpus(path: Path) -> list[Doc]:
    docs = []
    for p in iter_tml(path):
        gold = read_timeml(p)
        if gold.anchor:
            docs.append((gold.text, gold.anchor))
    return docs


def dateparser_search(docs: Sequence[Doc], repeat: int = 1) -> tuple[Timing, int]:
    from dateparser.search import search_dates

    found = 0
    search_dates("It happened on Monday, 3 March 2024.", languages=["en"])  # load its data first

    def run() -> None:
        nonlocal found
        found = 0
        for text, anchor in docs:
            base = to_anchor(anchor).naive()
            base = dt.datetime(base.year, base.month, base.day, base.hour, base.minute, base.second)
            found += len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or ())

    _, best = passes(run, repeat)
    return best, found


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 MB synthetic text, 10 peer docs")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TBAQ folder (default: %(default)s)")
    ap.add_argument("--synthetic-mb", type=float, default=None, help="size of the synthetic text (default 10, quick 1)")
    ap.add_argument("--peer-docs", type=int, default=None, help="TBAQ docs given to dateparser (default 40, quick 10)")
    ap.add_argument("--processes", type=int, default=2, help="also time parse_many with this many processes (1: skip)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the heap peak of a 1 MB and a 2 MB stream")
    ap.add_argument("--repeat", type=int, default=3, help="passes over TBAQ (and dateparser's texts); the first and the best are printed (default %(default)s)")
    args = ap.parse_args(argv)
    mb = args.synthetic_mb if args.synthetic_mb is not None else (1.0 if args.quick else 10.0)
    peer_docs = args.peer_docs if args.peer_docs is not None else (10 if args.quick else 40)

    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    timeline.parse("Warm-up on Monday, 3 March 2024.", "2024-07-28")  # rules compile once, outside timings

    rates: dict[str, float] = {}
    if args.corpus.is_dir():
        tbaq = read_corpus(args.corpus)
        first, best = passes(lambda: parse_all(tbaq), args.repeat)
        report("timeline.parse, TBAQ, first pass", tbaq, first)
        rates["tbaq"] = report(f"timeline.parse, TBAQ, best of {args.repeat}", tbaq, best)
        peers = tbaq[:peer_docs]
        _, ours = passes(lambda: parse_all(peers), args.repeat)
        ours_peer = report(f"timeline.parse, first {len(peers)} TBAQ", peers, ours)
        seconds, found = dateparser_search(peers, args.repeat)
        theirs = report(f"dateparser search_dates, same {len(peers)}", peers, seconds)
        print(f"  dateparser found {found} dates; timeline/dateparser on the same texts (CPU): {ours_peer / theirs:.1f}x")
    else:
        print(f"TBAQ not found at {args.corpus}: TBAQ and dateparser parts skipped")

    docs = synthetic(int(mb * 1_000_000))
    rates["synthetic"] = report(f"timeline.parse, synthetic {mb:g} MB", docs, timed(lambda: parse_all(docs)))
    if args.processes > 1:
        serial = timed(lambda: parse_stream(docs, 1))
        report("parse_many n_process=1", docs, serial)
        pooled = timed(lambda: parse_stream(docs, args.processes))
        report(f"parse_many n_process={args.processes}", docs, pooled)
        print(f"  wall-clock speed-up at n_process={args.processes}: {serial[0] / pooled[0]:.2f}x "
              f"(on {os.cpu_count()} cores; load average now {os.getloadavg()[0]:.1f}; a pure-CPU "
              f"loop gets {available_speedup(args.processes):.2f}x right now)")
    if args.tracemalloc:
        one, two = synthetic(1_000_000, seed=11), synthetic(2_000_000, seed=11)
        print(f"traced heap peak streaming 1 MB: {traced_peak_mb(one):.1f} MB; 2 MB: {traced_peak_mb(two):.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
