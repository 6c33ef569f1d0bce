"""timeline.scale.dask on a distributed LocalCluster: the same rows as a direct loop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pd = pytest.importorskip("pandas", reason="the dask extra is not installed (pip install 'timeline[dask]')")
dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import timeline  # noqa: E402
import timeline.scale.dask as tdask  # noqa: E402

TEXTS = [
    "The ministers met on Monday and again two days later.",
    "Nothing in this sentence is about time at all.",
    "Exports fell 7.2 percent in March 2024, the agency said.",
    "The plant closed on Oct. 23 after three years of losses.",
    "Talks resume next week; a deal is expected by the end of 2025.",
]
ANCHORS = ["2024-07-28", "2023-01-15T10:00:00+01:00", "2024-07-28", "2024-02-29", "2021-12-31"]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"doc{i}" for i in range(len(TEXTS))],
            "text": TEXTS,
            "anchor": ANCHORS,
            "domain": ["news", None, "narrative", "news", "colloquial"],
        }
    )


def direct(what: str = "expressions") -> pd.DataFrame:
    rows = table()
    docs = [
        timeline.parse(r.text, r.anchor, domain=r.domain if isinstance(r.domain, str) else "news", source=r.id)
        for r in rows.itertuples()
    ]
    return timeline.to_frame(docs, what=what)


def same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    got = got.sort_values(["doc", "start"]).reset_index(drop=True)
    want = want.sort_values(["doc", "start"]).reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    assert got.astype(str).values.tolist() == want.astype(str).values.tolist()
    assert got["earliest"].tolist() == want["earliest"].tolist()


def test_dataframe_expressions_equal_a_direct_loop(client: distributed.Client) -> None:
    frame = tdask.expressions(dd.from_pandas(table(), npartitions=3))
    assert list(frame.columns) == list(timeline.scale.frame.EXPRESSION_COLUMNS)
    got = client.compute(frame).result()
    assert len(got) >= 6
    same(got, direct())


def test_bag_expressions_equal_a_direct_loop(client: distributed.Client) -> None:
    records = table().to_dict("records")
    for r in records:
        if not isinstance(r["domain"], str):
            del r["domain"]
    got = client.compute(tdask.expressions(db.from_sequence(records, npartitions=2))).result()
    same(got, direct())


def test_pairs_in_a_bag_get_partition_position_ids(client: distributed.Client) -> None:
    bag = db.from_sequence(list(zip(TEXTS[:4], ANCHORS[:4], strict=True)), npartitions=2)
    got = client.compute(tdask.expressions(bag)).result()
    assert set(got["doc"]) <= {"0:0", "0:1", "1:0", "1:1"}
    assert "1:0" in set(got["doc"])  # TEXTS[2]: March 2024


def test_index_is_the_doc_id_without_an_id_column(client: distributed.Client) -> None:
    rows = table().drop(columns=["id", "domain"]).set_axis([10, 11, 12, 13, 14])
    got = client.compute(tdask.expressions(dd.from_pandas(rows, npartitions=2))).result()
    assert set(got["doc"]) == {"10", "12", "13", "14"}


def test_events_frame_has_the_event_columns_even_when_empty(client: distributed.Client) -> None:
    frame = tdask.events(dd.from_pandas(table(), npartitions=2))
    got = client.compute(frame).result()
    assert list(got.columns) == list(timeline.scale.frame.EVENT_COLUMNS)
    same(got, direct("events"))


def test_a_bad_anchor_fails_naming_the_document(client: distributed.Client) -> None:
    rows = table()
    rows.loc[3, "anchor"] = "yesterday"
    with pytest.raises(ValueError, match="document 'doc3': invalid anchor 'yesterday'"):
        client.compute(tdask.expressions(dd.from_pandas(rows, npartitions=2))).result()


def test_documents_bag_holds_documents() -> None:
    bag = db.from_sequence([{"text": TEXTS[0], "anchor": ANCHORS[0], "id": "x"}])
    (doc,) = tdask.documents(bag).compute(scheduler="sync")
    assert doc == timeline.parse(TEXTS[0], ANCHORS[0])


def test_other_inputs_are_rejected() -> None:
    with pytest.raises(TypeError, match="dask Bag or DataFrame, got list"):
        tdask.expressions([TEXTS[0]])  # type: ignore[arg-type]
