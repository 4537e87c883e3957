"""Ingest with the real model: resumable after kill -9, and copies of a story grouped once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronica.pipeline import Coder
from chronica.records import Document
from chronica.serialize import event_to_dict
from chronica.store import Store

pytestmark = [pytest.mark.issue(7), pytest.mark.model]

ACTORS = ("Russian troops", "Ukrainian forces", "French diplomats", "German officials",
          "Iranian militias", "Israeli aircraft", "Turkish police", "Kurdish fighters")  # fmt: skip
ACTIONS = ("attacked", "met", "criticized", "thanked", "threatened", "accused")
PLACES = ("Kharkiv", "Paris", "Berlin", "Damascus", "Ankara", "Baghdad")


def _document(i: int) -> dict[str, str]:
    a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
    verb, place = ACTIONS[i % len(ACTIONS)], PLACES[(i // 2) % len(PLACES)]
    text = (
        f"{a} {verb} {b} in {place} on Monday, according to report number {i}.\n\n"
        f"Officials said the talks in {place} would continue. {b} denied the claims."
    )
    return {"id": f"doc{i:04d}", "text": text, "published": "2024-03-1" + str(i % 10)}


def _write_corpus(path: Path, n: int) -> list[dict[str, str]]:
    docs = [_document(i) for i in range(n)]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "chronica", "ingest", str(corpus), "--db", str(db)]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_ingest_resumes_after_kill_9(tmp_path: Path, coder: Coder) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "db.duckdb"
    docs = _write_corpus(corpus, 64)
    wal = Path(str(db) + ".wal")
    proc = subprocess.Popen(
        _ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    baseline: int | None = None
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else 0
        if baseline is None and size > 0:
            baseline = size  # the schema migration; the model loads next, writing nothing
        elif baseline is not None and size > baseline:
            break  # the first batch of documents is committed
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    with Store.open(db, read_only=True) as store:
        partial = store.counts().documents
    assert 0 < partial < len(docs)

    finished = subprocess.run(_ingest_cmd(corpus, db), capture_output=True, text=True, timeout=500)
    assert finished.returncode == 0, finished.stderr
    assert f"{partial} unchanged" in " ".join(finished.stderr.split())

    expected = {c.document.id: c.events for c in coder.code_many(_as_documents(docs))}
    with Store.open(db, read_only=True) as store:
        stored = store.documents(limit=1000)
        assert sorted(d.id for d in stored) == sorted(expected)
        for doc_id, events in expected.items():
            got = store.events_for_document(doc_id)
            assert [event_to_dict(e) for e in got] == [event_to_dict(e) for e in events]
        assert store.counts().events == sum(len(e) for e in expected.values())


def _as_documents(docs: list[dict[str, str]]) -> list[Document]:
    from chronica.attribution import find_republication
    from chronica.serialize import document_from_dict

    out = []
    for d in docs:
        doc = document_from_dict(d)
        out.append(
            Document(doc.id, doc.text, published=doc.published,
                     republication=find_republication(doc.text))
        )  # fmt: skip
    return out


STORIES = (
    "Russian troops attacked the city of Kharkiv on Tuesday. The mayor said two schools were "
    "damaged.\n\nFrench diplomats met Ukrainian officials in Paris to discuss new aid.",
    "Turkish police arrested dozens of protesters in Ankara on Friday.\n\nThe opposition "
    "accused the government of silencing critics before the election.",
    "Iranian militias threatened Israeli forces near the border, a spokesman said.\n\nEgypt "
    "urged both sides to show restraint.",
)
EDITS = (
    lambda t: t,
    lambda t: "UPDATED\n\n" + t,
    lambda t: t + "\n\n(Reporting by the staff desk)",
    lambda t: t.replace("two schools", "2 schools"),
    lambda t: t.replace("  ", " ") + " ",
)


def test_ingest_copies_of_a_story_count_each_event_once(tmp_path: Path, coder: Coder) -> None:
    from chronica.ingest import corpus

    lines = [
        {"id": f"s{s}-c{c}", "text": edit(story), "published": "2024-05-0" + str(c + 1),
         "source": f"outlet{c}"}
        for s, story in enumerate(STORIES) for c, edit in enumerate(EDITS)
    ]  # fmt: skip
    src = tmp_path / "copies.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with Store.open(tmp_path / "db.duckdb") as store:
        original = corpus.Coder
        corpus.Coder = lambda settings: coder  # type: ignore[assignment,misc]
        try:
            report = corpus.ingest([src], store)
        finally:
            corpus.Coder = original  # type: ignore[misc]
        per_story = [len(store.events_for_document(f"s{s}-c0")) for s in range(len(STORIES))]
        assert sum(per_story) > 0
        assert report.totals.duplicate_clusters == len(STORIES)
        assert report.totals.event_groups == sum(per_story)
        assert report.totals.events == 5 * sum(per_story)
        assert all(g.reports == 5 and g.outlets == 5 for g in store.groups())
