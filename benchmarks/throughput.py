"""Throughput and memory of the tagger (timeline.parse) on every genre, each beside
dateparser's search_dates on the same texts, in one run. Not a test: a script.

    make bench                                   # full run (installs the bench extra: dateparser)
    .venv/bin/python benchmarks/throughput.py --quick
    .venv/bin/python benchmarks/throughput.py --parts tweets,long --long-mb 2

Parts (``--parts``, default all):
- ``tbaq``: TBAQ, news (256 articles);
- ``tweets``: the tweets corpus, colloquial (742 short texts: the cost of each call);
- ``wikiwars``: WikiWars, narrative (16 long articles);
- ``long``: one synthetic date-dense text of ``--long-mb`` MB (default 5), a single call;
- ``many``: a 10 MB synthetic news stream (``--synthetic-mb``), ``parse_many`` at 1 and
  ``--processes`` processes.

Each part runs in a fresh process, so that its peak RSS is its own (the process's peak,
the interpreter and the compiled rules included; the RSS before the timed passes is printed
too). A corpus is parsed ``--repeat`` times (default 3): the first pass and the best one are
printed (the best is the steady rate, as timeit reports it; the first also pays for filling
caches). dateparser gets as many passes on the first texts of the part, up to
``--peer-chars`` characters (default 200,000; the tweets are all there), and timeline.parse
is timed on exactly those texts in the same process run, for the ratio. The corpora are
read from ../shared/corpora relative to the repo root (or ``--corpora``); a corpus that is
missing is skipped with a note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import timeline
from timeline.anchor import to_anchor
from timeline.evaluation.score import read_timeml
from timeline.evaluation.timeml import iter_tml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT / ".." / "shared" / "corpora"
#: part -> (corpus folder, domain, what it stands for)
CORPORA = {
    "tbaq": ("tbaq", "news", "TBAQ, news"),
    "tweets": ("tweets-train", "colloquial", "tweets, colloquial"),
    "wikiwars": ("wikiwars-train", "narrative", "WikiWars, narrative"),
}
PARTS = ("tbaq", "tweets", "wikiwars", "long", "many")

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


def _sentence(rng: random.Random, temporal: float = 0.25) -> str:
    """One sentence; a temporal one (one or two expressions) with probability ``temporal``."""
    template = rng.choice(_TEMPORAL) if rng.random() < temporal else rng.choice(_PLAIN)
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


def dense(total_chars: int, seed: int = 5) -> str:
    """One date-dense news-like text of about ``total_chars`` characters: every sentence
    holds a temporal expression (about 20 per 1,000 characters; TBAQ has 3.4)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < total_chars:
        para = " ".join(_sentence(rng, temporal=1.0) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs)


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


def line(name: str, docs: int, chars: int, timing: Timing, rss: float, width: int = 46) -> str:
    """One printed line: chars per wall and per CPU second, docs/s, peak RSS."""
    seconds, cpu = timing
    rate = chars / seconds if seconds else float("inf")
    per_cpu = chars / cpu if cpu > 0.05 * seconds else float("nan")  # nan: the work ran elsewhere
    return (
        f"{name:<{width}} {docs:>5} docs {chars:>10,} chars {seconds:7.2f} s "
        f"{rate:>10,.0f} chars/s (CPU: {per_cpu:>10,.0f}) {docs / seconds:>7,.1f} docs/s  "
        f"peak RSS {rss:4.0f} MB"
    )


def cpu_rate(chars: int, timing: Timing) -> float:
    seconds, cpu = timing
    return chars / cpu if cpu > 0.05 * seconds else float("nan")


def parse_all(docs: Iterable[Doc], domain: str = "news") -> int:
    n = 0
    for text, anchor in docs:
        n += len(timeline.parse(text, anchor, domain=domain).expressions)
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


def first_chars(docs: Sequence[Doc], limit: int) -> list[Doc]:
    """The first documents, up to ``limit`` characters (a single longer one is cut)."""
    out: list[Doc] = []
    size = 0
    for text, anchor in docs:
        if size + len(text) > limit:
            if not out:
                out.append((text[:limit], anchor))
            break
        out.append((text, anchor))
        size += len(text)
    return out


def search_all(docs: Sequence[Doc]) -> int:
    """dateparser's search_dates over ``docs``, each with its anchor as the relative base."""
    from dateparser.search import search_dates

    found = 0
    for text, anchor in docs:
        base = to_anchor(anchor)
        base = dt.datetime(base.year, base.month, base.day, base.hour, base.minute, base.second)
        found += len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or ())
    return found


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


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


# --- one part, in a process of its own -------------------------------------------------


def _texts(part: str, args: argparse.Namespace) -> tuple[list[Doc], str] | None:
    if part == "long":
        return [(dense(int(args.long_mb * 1_000_000)), "2024-07-28")], "news"
    folder, domain, _ = CORPORA[part]
    path = args.corpora / folder
    return (read_corpus(path), domain) if path.is_dir() else None


def worker(part: str, tool: str, args: argparse.Namespace) -> dict[str, object]:
    """Time ``tool`` (timeline or dateparser) on ``part``; return what main prints."""
    got = _texts(part, args)
    if got is None:
        return {"missing": True}
    docs, domain = got
    if tool == "dateparser":
        from dateparser.search import search_dates

        docs = first_chars(docs, args.peer_chars)
        search_dates("It happened on Monday, 3 March 2024.", languages=["en"])  # load its data first
        run: Callable[[], object] = lambda: search_all(docs)
        repeat = args.repeat
    else:
        timeline.parse("Warm-up on Monday, 3 March 2024.", "2024-07-28", domain=domain)  # rules compile once
        if tool == "peer":  # timeline on dateparser's texts
            docs = first_chars(docs, args.peer_chars)
        run = lambda: parse_all(docs, domain)
        repeat = 1 if part == "long" else args.repeat
    before = peak_rss_mb()
    found = 0

    def counted() -> None:
        nonlocal found
        found = run()  # type: ignore[assignment]

    first, best = passes(counted, repeat)
    return {
        "docs": len(docs), "chars": sum(len(t) for t, _ in docs), "first": first, "best": best,
        "repeat": repeat, "found": found, "rss_before": before, "rss": peak_rss_mb(), "load": load(),
    }


def run_part(part: str, tool: str, argv: Sequence[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", part, tool, *argv],
        check=True, capture_output=True, text=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def report_part(part: str, argv: Sequence[str], peer_chars: int) -> None:
    title = "one date-dense text, news" if part == "long" else CORPORA[part][2]
    ours = run_part(part, "timeline", argv)
    if ours.get("missing"):
        print(f"{title}: corpus not found, skipped")
        return
    docs, chars = int(ours["docs"]), int(ours["chars"])  # type: ignore[call-overload]
    first, best = ours["first"], ours["best"]
    if int(ours["repeat"]) > 1:  # type: ignore[call-overload]
        print(line(f"{title}: timeline.parse, first pass", docs, chars, first, float(ours["rss"])))  # type: ignore[arg-type]
        print(line(f"{title}: timeline.parse, best of {ours['repeat']}", docs, chars, best, float(ours["rss"])))  # type: ignore[arg-type]
    else:
        print(line(f"{title}: timeline.parse", docs, chars, first, float(ours["rss"])))  # type: ignore[arg-type]
    print(f"  {ours['found']} expressions; RSS before the passes {float(ours['rss_before']):.0f} MB; load average {ours['load']}")  # type: ignore[arg-type]
    # timeline on dateparser's texts: the same process's figures when they are all the texts
    peer = ours if chars <= peer_chars else run_part(part, "peer", argv)
    theirs = run_part(part, "dateparser", argv)
    pdocs, pchars = int(theirs["docs"]), int(theirs["chars"])  # type: ignore[call-overload]
    same = "all" if pdocs == docs and pchars == chars else f"first {pchars:,} chars"
    print(line(f"  timeline.parse, {same}, best", int(peer["docs"]), int(peer["chars"]), peer["best"], float(peer["rss"])))  # type: ignore[arg-type, call-overload]
    print(line(f"  dateparser search_dates, same, best", pdocs, pchars, theirs["best"], float(theirs["rss"])))  # type: ignore[arg-type]
    ratio = cpu_rate(int(peer["chars"]), peer["best"]) / cpu_rate(pchars, theirs["best"])  # type: ignore[arg-type, call-overload]
    print(f"  dateparser found {theirs['found']} dates; timeline/dateparser on the same texts (CPU, best passes): {ratio:.1f}x")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 MB long text and stream, 50,000 peer chars, 2 passes")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of tbaq, tweets-train, wikiwars-train (default: %(default)s)")
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated, of %(default)s")
    ap.add_argument("--long-mb", type=float, default=None, help="size of the date-dense text (default 5, quick 1)")
    ap.add_argument("--synthetic-mb", type=float, default=None, help="size of the synthetic stream (default 10, quick 1)")
    ap.add_argument("--peer-chars", type=int, default=None, help="characters of each part given to dateparser (default 200,000, quick 50,000)")
    ap.add_argument("--processes", type=int, default=2, help="also time parse_many with this many processes (1: skip)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the heap peak of a 1 MB and a 2 MB stream")
    ap.add_argument("--repeat", type=int, default=None, help="passes over each corpus; the first and the best are printed (default 3, quick 2)")
    ap.add_argument("--worker", nargs=2, metavar=("PART", "TOOL"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.long_mb = args.long_mb if args.long_mb is not None else (1.0 if args.quick else 5.0)
    args.peer_chars = args.peer_chars if args.peer_chars is not None else (50_000 if args.quick else 200_000)
    args.repeat = args.repeat if args.repeat is not None else (2 if args.quick else 3)
    mb = args.synthetic_mb if args.synthetic_mb is not None else (1.0 if args.quick else 10.0)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args)))
        return 0
    passed = ["--corpora", str(args.corpora), "--long-mb", str(args.long_mb),
              "--peer-chars", str(args.peer_chars), "--repeat", str(args.repeat)]
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        ap.error(f"unknown parts {unknown}; choose from {', '.join(PARTS)}")

    print(f"machine: {machine()}; load average {load()}")
    for part in parts:
        if part != "many":
            report_part(part, passed, args.peer_chars)
    if "many" in parts:
        timeline.parse("Warm-up on Monday, 3 March 2024.", "2024-07-28")
        docs = synthetic(int(mb * 1_000_000))
        chars = sum(len(t) for t, _ in docs)
        print(line(f"synthetic {mb:g} MB stream: timeline.parse", len(docs), chars, timed(lambda: parse_all(docs)), peak_rss_mb()))
        if args.processes > 1:
            serial = timed(lambda: parse_stream(docs, 1))
            print(line("  parse_many n_process=1", len(docs), chars, serial, peak_rss_mb()))
            pooled = timed(lambda: parse_stream(docs, args.processes))
            print(line(f"  parse_many n_process={args.processes}", len(docs), chars, pooled, peak_rss_mb()))
            print(f"  wall-clock speed-up at n_process={args.processes}: {serial[0] / pooled[0]:.2f}x "
                  f"(on {os.cpu_count()} cores; load average now {load()}; a pure-CPU "
                  f"loop gets {available_speedup(args.processes):.2f}x right now)")
    if args.tracemalloc:
        one, two = synthetic(1_000_000, seed=11), synthetic(2_000_000, seed=11)
        print(f"traced heap peak streaming 1 MB: {traced_peak_mb(one):.1f} MB; 2 MB: {traced_peak_mb(two):.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
