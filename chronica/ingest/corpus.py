"""Corpus ingest: read inputs, skip what is stored, code the rest, commit, de-duplicate.

``ingest(paths, db, settings)`` is idempotent and resumable: a document whose (id, content
hash) is already stored is skipped before any parsing, and coded documents are committed in
small transactions, so a run killed at any point loses at most one uncommitted batch and the
next run picks up where it stopped. Inputs that cannot be read or coded go to the quarantine
table with their reason; the run continues.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Protocol

from chronica.config import Settings
from chronica.errors import InputError
from chronica.ingest.readers import SUPPORTED, iter_input_files, read_inputs
from chronica.pipeline import Coder
from chronica.records import Document
from chronica.scale import ClusterSpec, CodedBatch, code_distributed, connect, prepare_locally
from chronica.store import DedupSettings, Store, StoreCounts, content_hash
from chronica.store.store import PreparedBatch


class IngestProgress(Protocol):
    """Receives progress: an estimated total, then one call per finished document."""

    def start(self, total: int) -> None: ...

    def advance(self, documents: int = 1) -> None: ...


class _NoProgress:
    def start(self, total: int) -> None:
        """Nothing to show."""

    def advance(self, documents: int = 1) -> None:
        """Nothing to show."""


@dataclass(frozen=True)
class IngestOptions:
    # Local Dask worker processes (0 = code in this process).
    workers: int = 0
    # Address of a running Dask scheduler (tcp://host:port); overrides ``workers``.
    scheduler: str | None = None
    # Publication date for documents that give none.
    published: date | None = None
    # Coded documents per database transaction (at most this many are redone after a crash);
    # each transaction costs tens of milliseconds of the writer's time, whatever its size.
    commit_every: int = 32
    # Documents per Dask task: spaCy is slower on small batches and each task costs the
    # scheduler and the writer a round trip; the workers end unevenly by up to one task.
    task_size: int = 32
    # Code again documents that failed before with the same content (else they are skipped).
    retry_failed: bool = False
    # Near-duplicate and event-group settings.
    dedup: DedupSettings = field(default_factory=DedupSettings)


@dataclass(frozen=True)
class IngestReport:
    read: int  # documents read from the inputs
    unchanged: int  # already stored with the same content: skipped before parsing
    failed_before: int  # failed in an earlier run with the same content: skipped
    inserted: int
    replaced: int  # stored before with other content: events replaced
    events: int  # events of the inserted and replaced documents
    quarantined: int  # inputs or documents that could not be read or coded
    seconds: float  # whole run
    dedup_seconds: float  # clustering and event grouping
    totals: StoreCounts  # the database after the run


@dataclass
class _Tally:
    read: int = 0
    unchanged: int = 0
    failed_before: int = 0
    inserted: int = 0
    replaced: int = 0
    events: int = 0
    quarantined: int = 0


def estimate_documents(paths: Iterable[str | Path]) -> int:
    """A quick estimate of how many documents the inputs hold (lines of JSONL/CSV, one per
    other file), for the progress bar."""
    total = 0
    for item in iter_input_files(paths):
        path = Path(item)
        if item == "-" or not path.is_file():
            continue
        suffix = Path(path.name.lower().removesuffix(".gz")).suffix
        if suffix in (".jsonl", ".csv") and suffix in SUPPORTED:
            total += max(0, _count_lines(path) - (1 if suffix == ".csv" else 0))
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lines = 0
    with opener(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            lines += chunk.count(b"\n")
    return lines


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings | None = None,
    options: IngestOptions | None = None,
    progress: IngestProgress | None = None,
) -> IngestReport:
    """Ingest every document of ``paths`` into ``store``; see the module docstring."""
    settings = settings or Settings()
    options = options or IngestOptions()
    progress = progress or _NoProgress()
    began = time.perf_counter()
    tally = _Tally()
    known = store.document_hashes()
    failed = {} if options.retry_failed else store.failed_hashes()
    progress.start(estimate_documents(paths))

    def pending() -> Iterator[Document]:
        for result in read_inputs(paths, options.published):
            if result.error is not None or result.document is None:
                _quarantine_input(store, result.source, result.error)
                tally.quarantined += 1
                progress.advance()
                continue
            doc = result.document
            tally.read += 1
            digest = content_hash(doc)
            if known.get(doc.id) == digest:
                tally.unchanged += 1
                progress.advance()
                continue
            if failed.get(doc.id) == digest:
                tally.failed_before += 1
                progress.advance()
                continue
            known[doc.id] = digest
            yield doc

    spec = ClusterSpec(options.workers, options.scheduler, options.task_size)
    documents = pending()
    first = next(documents, None)  # nothing new: no model to load, no cluster to start
    if first is not None and spec.distributed:
        with connect(spec) as client:
            batches = code_distributed(
                client, chain([first], documents), settings, options.dedup, spec
            )
            _commit(batches, store, options, tally, progress)
    elif first is not None:
        coded = Coder(settings).code_many(chain([first], documents))
        batches = prepare_locally(coded, options.commit_every, options.dedup)
        _commit(batches, store, options, tally, progress)

    dedup_began = time.perf_counter()
    totals = store.deduplicate(options.dedup) if store.groups_are_stale() else store.counts()
    finished = time.perf_counter()
    return IngestReport(
        read=tally.read,
        unchanged=tally.unchanged,
        failed_before=tally.failed_before,
        inserted=tally.inserted,
        replaced=tally.replaced,
        events=tally.events,
        quarantined=tally.quarantined,
        seconds=finished - began,
        dedup_seconds=finished - dedup_began,
        totals=totals,
    )


def _quarantine_input(store: Store, source: str, error: InputError | None) -> None:
    if error is None:
        store.quarantine(source, "reader returned no document")
        return
    where = error.path or source
    if error.line is not None:
        where = f"{where}:{error.line}"
    store.quarantine(where, error.reason)


def _commit(
    batches: Iterable[CodedBatch],
    store: Store,
    options: IngestOptions,
    tally: _Tally,
    progress: IngestProgress,
) -> None:
    """Quarantine failed documents and save the others, about ``commit_every`` documents
    (whole batches) per transaction."""
    waiting: list[PreparedBatch] = []

    def flush() -> None:
        rows = PreparedBatch.merge(waiting)
        for result in store.save_prepared(rows):
            if result.status == "inserted":
                tally.inserted += 1
            elif result.status == "replaced":
                tally.replaced += 1
            tally.events += result.events
        progress.advance(len(rows))
        waiting.clear()

    for batch in batches:
        for failed in batch.failed:
            store.quarantine(
                f"document {failed.doc_id}", failed.error, failed.doc_id, failed.content_hash
            )
            tally.quarantined += 1
            progress.advance()
        if len(batch.rows):
            waiting.append(batch.rows)
        if sum(len(rows) for rows in waiting) >= options.commit_every:
            flush()
    if waiting:
        flush()
