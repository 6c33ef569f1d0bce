"""parse_many: order, equality with parse, lazy input, item shapes, bad items; to_frame."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeline
from timeline.scale.parallel import ItemError

ANCHOR = "2024-07-28"
SENTENCES = [
    "The ministers met on Monday and again two days later.",
    "Nothing in this sentence is about time at all.",
    "Exports fell 7.2 percent in March 2024, the agency said.",
    "The plant closed on Oct. 23 after three years of losses.",
    "Talks resume next week; a deal is expected by the end of 2025.",
    "She has lived there since 1998 and visits every summer.",
]


def items(n: int) -> list[tuple[str, str]]:
    """n distinct texts (each one differs by its numbering) with one anchor."""
    return [(f"Item {i}. {SENTENCES[i % len(SENTENCES)]}", ANCHOR) for i in range(n)]


def expressions(doc: timeline.Document) -> list[tuple[int, int, str, str, str | None]]:
    return [(e.start, e.end, e.type, e.value, e.mod) for e in doc.expressions]


@pytest.mark.parametrize("n_process", [1, 2])
def test_documents_come_in_input_order_and_equal_parse(n_process: int) -> None:
    given = items(23)
    docs = list(timeline.parse_many(given, n_process=n_process, batch_size=4))
    assert [d.text for d in docs] == [t for t, _ in given]
    assert docs == [timeline.parse(t, a) for t, a in given]
    assert any(d.expressions for d in docs) and any(not d.expressions for d in docs)


def test_dicts_carry_domain_and_source_and_mix_with_pairs() -> None:
    text = "In November the vote was held."
    given = [
        {"text": text, "anchor": ANCHOR, "domain": "narrative", "source": "wire-1"},
        (text, dt.date(2024, 7, 28)),
        [text, "2024-07-28T09:30:00+09:00"],
    ]
    first, second, third = timeline.parse_many(given)
    assert (first.domain, first.source) == ("narrative", "wire-1")
    assert first == timeline.parse(text, ANCHOR, domain="narrative", source="wire-1")
    assert (second.domain, second.source) == ("news", None)
    assert second == timeline.parse(text, ANCHOR)
    assert third.anchor.utcoffset() == dt.timedelta(hours=9)


def counting(n: int, seen: list[int]) -> Iterator[tuple[str, str]]:
    for i, item in enumerate(itertools.islice(itertools.cycle(items(12)), n)):
        seen.append(i)
        yield item


def test_serial_consumes_one_item_per_document() -> None:
    seen: list[int] = []
    stream = timeline.parse_many(counting(10**9, seen))
    for _ in range(3):
        next(stream)
    assert len(seen) == 3


def test_processes_read_a_bounded_number_of_batches_ahead() -> None:
    seen: list[int] = []
    stream = timeline.parse_many(counting(10**9, seen), n_process=2, batch_size=5)
    first = next(stream)
    assert first.text.startswith("Item 0.")
    # at most 2 batches in flight per worker (4 batches of 5), plus one being read
    assert 5 <= len(seen) <= 4 * 5 + 5
    stream.close()


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_bad_anchor_raises_naming_the_item_after_the_items_before_it(n_process: int) -> None:
    given: list[object] = [*items(7), ("Text.", "2024-13-45"), *items(3)]
    out: list[timeline.Document] = []
    with pytest.raises(ItemError, match=r"items\[7\]: invalid anchor '2024-13-45'") as info:
        for doc in timeline.parse_many(given, n_process=n_process, batch_size=3):
            out.append(doc)
    assert isinstance(info.value, ValueError) and info.value.index == 7
    assert len(out) == 7


def test_item_error_survives_pickling() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(ItemError(3, "bad anchor", "document 'a'")))
    assert (err.index, err.reason, str(err)) == (3, "bad anchor", "document 'a': bad anchor")


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"text": "x"}, "needs the keys 'text' and 'anchor'"),
        ({"text": "x", "anchor": ANCHOR, "ancor": 1}, r"unknown keys \['ancor'\]"),
        ({"text": b"x", "anchor": ANCHOR}, "text must be a str, got bytes"),
        ({"text": "x", "anchor": ANCHOR, "domain": "poetry"}, "unknown domain 'poetry'"),
        (("x", ANCHOR, "news"), "expected a \\(text, anchor\\) pair or a mapping, got tuple"),
        ("just text", "got str"),
    ],
)
def test_malformed_items_raise_item_error(item: object, message: str) -> None:
    with pytest.raises(ItemError, match=r"items\[1\]: .*" + message):
        list(timeline.parse_many([("ok", ANCHOR), item]))


@pytest.mark.parametrize(("options", "name"), [({"n_process": 0}, "n_process"), ({"batch_size": 0}, "batch_size")])
def test_bad_options_raise_at_once(options: dict[str, int], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        timeline.parse_many(items(2), **options)


def test_empty_input_yields_nothing() -> None:
    assert list(timeline.parse_many([], n_process=2)) == []


# --- to_frame ----------------------------------------------------------------------------

pd = pytest.importorskip("pandas")


def test_to_frame_has_one_row_per_expression_with_doc_ids() -> None:
    docs = list(timeline.parse_many(items(6)))
    docs[1] = timeline.parse(docs[1].text, ANCHOR, source="wire")
    df = timeline.to_frame(docs)
    assert list(df.columns) == ["doc", "start", "end", "text", "type", "value", "mod", "earliest", "latest"]
    want = [
        (d.source or str(i), e.start, e.text, e.value)
        for i, d in enumerate(docs)
        for e in d.expressions
    ]
    assert list(zip(df["doc"], df["start"], df["text"], df["value"], strict=True)) == want
    first = docs[0].expressions[0]
    assert df["earliest"].iloc[0] == pd.Timestamp(first.earliest)
    assert str(df["latest"].dtype) == "datetime64[us, UTC]"


def test_to_frame_keeps_old_dates_and_missing_ranges() -> None:
    doc = timeline.parse("It ran for three years, since the 5th of November 1605.", ANCHOR)
    df = timeline.to_frame(doc)
    by_text = dict(zip(df["text"], df.itertuples(), strict=True))
    assert by_text["three years"].value == "P3Y" and pd.isna(by_text["three years"].earliest)
    assert by_text["the 5th of November 1605"].earliest == pd.Timestamp("1605-11-05", tz="UTC")


def test_to_frame_events_is_empty_with_columns_when_there_are_none() -> None:
    doc = timeline.Document(text="Nothing.", anchor=timeline.to_anchor(ANCHOR))
    df = timeline.to_frame(doc, what="events")
    assert df.empty and "relation" in df.columns
    assert str(df["earliest"].dtype) == "datetime64[us, UTC]"
    with pytest.raises(ValueError, match="unknown what 'timexes'"):
        timeline.to_frame(doc, what="timexes")
    with pytest.raises(TypeError, match="got str at \\[0\\]"):
        timeline.to_frame(["text"])


# -- a plain script without `if __name__ == "__main__":` ---------------------------------

_UNGUARDED = """
import threading
import timeline
{thread}
docs = list(timeline.parse_many([("We met on Monday.", "2024-07-28")] * 4, n_process=2, batch_size=1))
print(len(docs), docs[0].expressions[0].value)
"""


def _run_script(tmp_path: Path, thread: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "plain_script.py"
    script.write_text(_UNGUARDED.format(thread=thread), encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path, check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="fork is the start method only on Linux")
def test_an_unguarded_script_can_use_two_processes(tmp_path: Path) -> None:
    done = _run_script(tmp_path, thread="")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["4", "2024-07-22"]
    assert "BrokenProcessPool" not in done.stderr


def test_an_unguarded_script_with_threads_fails_with_an_error_naming_the_fix(tmp_path: Path) -> None:
    # another thread rules fork out: the workers are spawned, re-run the script and die
    done = _run_script(tmp_path, thread="threading.Thread(target=threading.Event().wait, daemon=True).start()")
    assert done.returncode != 0
    # the dying workers write their own tracebacks to the same stderr, before or after the
    # parent's: look for the parent's error line wherever it is
    errors = [line for line in done.stderr.splitlines() if line.startswith("timeline.scale.parallel.WorkersFailedError")]
    assert errors and 'if __name__ == "__main__":' in errors[-1], done.stderr[-2000:]
