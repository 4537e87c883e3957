"""Corpus ingest: formats, quarantine, idempotency, skipping before parsing, the CLI."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import make_event
from typer.testing import CliRunner

from chronica.cli import app
from chronica.config import Settings
from chronica.errors import InputError
from chronica.ingest import corpus
from chronica.ingest.corpus import IngestOptions, estimate_documents, ingest
from chronica.pipeline import CodedDocument
from chronica.records import Document
from chronica.store import SaveResult, Store
from chronica.store.store import PreparedBatch

pytestmark = pytest.mark.issue(7)


class FakeCoder:
    """Codes one event per document; documents whose text says FAIL fail. Counts builds."""

    built = 0
    coded: list[str] = []  # noqa: RUF012 - test-local record of what was coded

    def __init__(self, settings: Settings) -> None:
        FakeCoder.built += 1

    def code_many(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        for doc in documents:
            FakeCoder.coded.append(doc.id)
            if "FAIL" in doc.text:
                yield CodedDocument(doc, (), InputError("stage broke"))
            else:
                yield CodedDocument(doc, (make_event(f"{doc.id}-e", doc.id),))


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> type[FakeCoder]:
    FakeCoder.built = 0
    FakeCoder.coded = []
    monkeypatch.setattr(corpus, "Coder", FakeCoder)
    return FakeCoder


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "one.txt").write_text("The army moved north.\n\nTalks resumed.", encoding="utf-8")
    lines = [
        {"id": "j1", "text": "Ministers met in the capital.", "published": "2024-01-02"},
        {"id": "j2", "text": "   "},
        {"id": "j3", "text": "This one will FAIL in the coder."},
    ]
    (root / "many.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    (root / "rows.csv").write_text("id,text,source\nc1,Protesters gathered.,Daily\n", "utf-8")
    sub = root / "nested"
    sub.mkdir()
    with gzip.open(sub / "packed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Police closed the bridge."}) + "\n")
    (sub / "page.html").write_text(
        "<html><head><title>Report</title></head><body><article><p>Envoys signed a truce "
        "after long talks in the border town.</p></article></body></html>",
        encoding="utf-8",
    )
    (sub / "broken.html").write_text("<html><body><div><script>var a = 1;</script><p><b>", "utf-8")
    (root / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (root / "junk.txt").write_text("x" * 20_000_001, encoding="utf-8")
    return root


def test_ingest_reads_every_format_and_quarantines_bad_documents(
    tmp_path: Path, fake_coder: type[FakeCoder]
) -> None:
    root = _corpus(tmp_path / "in")
    with Store.open(tmp_path / "db.duckdb") as store:
        report = ingest([root], store)
        assert sorted(d.id for d in store.documents()) == [
            "c1", "g1", "j1", "nested/page.html", "one.txt",
        ]  # fmt: skip
        assert (report.inserted, report.events, report.unchanged) == (5, 5, 0)
        reasons = {q.source: q.error for q in store.quarantined()}
    assert report.quarantined == len(reasons) == 5
    assert any("empty text" in e for e in reasons.values())
    assert any("not UTF-8" in e for e in reasons.values())
    assert any("larger than" in e for e in reasons.values())
    assert "stage broke" in reasons["document j3"]
    assert any(s.endswith("broken.html") for s in reasons)
    assert report.totals.documents == 5


def test_ingest_is_idempotent_and_skips_before_loading_the_coder(
    tmp_path: Path, fake_coder: type[FakeCoder]
) -> None:
    root = _corpus(tmp_path / "in")
    with Store.open(tmp_path / "db.duckdb") as store:
        ingest([root], store)
        fake_coder.built = 0
        fake_coder.coded = []
        again = ingest([root], store)
        assert (again.inserted, again.unchanged, again.failed_before) == (0, 5, 1)
        assert (fake_coder.built, fake_coder.coded) == (0, [])
        (root / "one.txt").write_text("The army moved south instead.", encoding="utf-8")
        changed = ingest([root], store)
        assert (changed.replaced, changed.unchanged, fake_coder.coded) == (1, 4, ["one.txt"])
        assert store.counts().documents == 5
        retried = ingest([root], store, options=IngestOptions(retry_failed=True))
        assert (retried.failed_before, fake_coder.coded[-1]) == (0, "j3")
        assert store.counts().quarantined == 5


def test_ingest_published_fills_missing_dates(tmp_path: Path, fake_coder: type[FakeCoder]) -> None:
    from datetime import date

    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "x y z."}) + "\n"
        + json.dumps({"id": "b", "text": "q r s.", "published": "2020-01-01"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    with Store.open(tmp_path / "db.duckdb") as store:
        ingest([src], store, options=IngestOptions(published=date(2024, 6, 1)))
        assert store.get_document("a").published == date(2024, 6, 1)  # type: ignore[union-attr]
        assert store.get_document("b").published == date(2020, 1, 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(("commit_every", "sizes"), [(2, [2, 2]), (3, [3, 1]), (16, [4])])
def test_ingest_commits_about_every_n_documents(
    tmp_path: Path,
    fake_coder: type[FakeCoder],
    monkeypatch: pytest.MonkeyPatch,
    commit_every: int,
    sizes: list[int],
) -> None:
    src = tmp_path / "five.jsonl"
    texts = ["One.", "Two.", "Three.", "This will FAIL.", "Five."]
    src.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    saved: list[int] = []
    save_prepared = Store.save_prepared

    def spy(self: Store, batch: PreparedBatch) -> list[SaveResult]:
        saved.append(len(batch))
        return save_prepared(self, batch)

    monkeypatch.setattr(Store, "save_prepared", spy)
    with Store.open(tmp_path / "db.duckdb") as store:
        report = ingest([src], store, options=IngestOptions(commit_every=commit_every))
        assert (report.inserted, report.events, report.quarantined) == (4, 4, 1)
        assert store.counts().documents == 4
    assert saved == sizes


def test_ingest_estimate_counts_lines_and_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in")
    # 3 JSONL lines + 1 CSV row + 1 gz line + 4 single-document files (+ 2 html)
    assert estimate_documents([root]) == 3 + 1 + 1 + 2 + 2 + 1


def test_ingest_cli_reports_counts(tmp_path: Path, fake_coder: type[FakeCoder]) -> None:
    root = _corpus(tmp_path / "in")
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(root), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "5 new" in result.output and "5 quarantined" in result.output
    result = CliRunner().invoke(app, ["ingest", str(root), "--db", str(db)])
    assert "5 unchanged" in result.output


def test_ingest_cli_rejects_bad_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--published", "May 5"])
    assert result.exit_code == 2
