"""Dask scale-out: a real 2-worker LocalCluster codes what the in-process coder codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronica.config import Settings
from chronica.errors import ChronicaError
from chronica.ingest.corpus import IngestOptions, ingest
from chronica.scale import ClusterSpec, code_batch
from chronica.serialize import document_to_dict, event_to_dict
from chronica.store import Store

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


@pytest.mark.parametrize(("workers", "batch"), [(-1, 8), (0, 0)])
def test_scale_cluster_spec_validates(workers: int, batch: int) -> None:
    with pytest.raises(ChronicaError):
        ClusterSpec(workers=workers, batch_size=batch)


def test_scale_spec_is_distributed_with_workers_or_scheduler() -> None:
    assert not ClusterSpec().distributed
    assert ClusterSpec(workers=2).distributed
    assert ClusterSpec(scheduler="tcp://127.0.0.1:8786").distributed


@pytest.mark.model
def test_scale_code_batch_returns_serialised_results() -> None:
    from chronica.records import Document

    docs = [document_to_dict(Document(f"d{i}", t)) for i, t in enumerate(TEXTS[:2])]
    results = code_batch(Settings(), docs)
    assert [r["document"]["id"] for r in results] == ["d0", "d1"]
    assert all(r["error"] is None and isinstance(r["events"], list) for r in results)


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
