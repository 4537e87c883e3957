"""Dask scale-out: a real 2-worker LocalCluster codes what the in-process coder codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_event

from chronica.config import Settings
from chronica.errors import ChronicaError, InputError
from chronica.ingest.corpus import IngestOptions, ingest
from chronica.pipeline import CodedDocument
from chronica.records import Document
from chronica.scale import (
    ClusterSpec,
    FailedDocument,
    code_batch,
    local_cluster,
    prepare_locally,
)
from chronica.serialize import event_to_dict
from chronica.store import DedupSettings, Store, content_hash

pytestmark = pytest.mark.issue(7)

TEXTS = (
    "Russian troops attacked Kharkiv on Monday.",
    "French diplomats met German officials in Berlin.",
    "Turkish police arrested protesters in Ankara.\n\nThe opposition condemned the arrests.",
    "Iran threatened Israel with retaliation, a spokesman said.",
    "Egypt urged both sides to show restraint.",
    "The United Nations sent food aid to Sudan.",
)


def _corpus(path: Path) -> Path:
    lines = [{"id": f"d{i}", "text": t, "published": "2024-02-01"} for i, t in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("workers", "batch", "in_flight"), [(-1, 8, 2), (0, 0, 2), (1, 8, 0)])
def test_scale_cluster_spec_validates(workers: int, batch: int, in_flight: int) -> None:
    with pytest.raises(ChronicaError):
        ClusterSpec(workers=workers, batch_size=batch, in_flight=in_flight)


def test_scale_spec_is_distributed_with_workers_or_scheduler() -> None:
    assert not ClusterSpec().distributed
    assert ClusterSpec(workers=2).distributed
    assert ClusterSpec(scheduler="tcp://127.0.0.1:8786").distributed


@pytest.mark.parametrize(("size", "expected"), [(2, [2, 2, 1]), (3, [3, 2]), (8, [5])])
def test_scale_prepare_locally_batches_and_lists_failures(size: int, expected: list[int]) -> None:
    docs = [Document(f"d{i}", f"Text number {i}.") for i in range(5)]
    coded = [
        CodedDocument(d, (), InputError("stage broke")) if d.id == "d3"
        else CodedDocument(d, (make_event(f"{d.id}-e", d.id),))
        for d in docs
    ]  # fmt: skip
    batches = list(prepare_locally(coded, size, DedupSettings()))
    assert [len(b.rows) + len(b.failed) for b in batches] == expected
    failed = [f for b in batches for f in b.failed]
    assert failed == [FailedDocument("d3", content_hash(docs[3]), "<input>: stage broke")]
    stored = [i for b in batches for i in b.rows.documents.column("id").to_pylist()]
    assert stored == ["d0", "d1", "d2", "d4"]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_scale_local_cluster_quietens_worker_monitoring() -> None:
    from distributed import Client

    def profiling() -> bool:
        import dask

        return bool(dask.config.get("distributed.worker.profile.enabled"))

    with local_cluster(1) as cluster, Client(cluster) as client:
        assert list(client.run(profiling).values()) == [False]


@pytest.mark.model
def test_scale_code_batch_returns_the_rows_to_store() -> None:
    docs = [Document(f"d{i}", t) for i, t in enumerate(TEXTS[:2])]
    batch = code_batch(Settings(), docs, DedupSettings())
    assert batch.failed == ()
    assert batch.rows.documents.column("id").to_pylist() == ["d0", "d1"]
    assert batch.rows.documents.column("content_hash").to_pylist() == [
        content_hash(d) for d in docs
    ]
    assert batch.rows.events.num_rows == sum(batch.rows.documents.column("n_events").to_pylist())


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.timeout(600)
def test_scale_two_worker_cluster_matches_in_process(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "c.jsonl")
    with Store.open(tmp_path / "local.duckdb") as local:
        ingest([src], local)
        expected = {
            d.id: [event_to_dict(e) for e in local.events_for_document(d.id)]
            for d in local.documents()
        }
    with Store.open(tmp_path / "dask.duckdb") as store:
        report = ingest([src], store, options=IngestOptions(workers=2, task_size=2))
        got = {
            d.id: [event_to_dict(e) for e in store.events_for_document(d.id)]
            for d in store.documents()
        }
    assert report.inserted == len(TEXTS)
    assert got == expected
    assert sum(len(v) for v in got.values()) > 0
