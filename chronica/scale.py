"""Scale-out with Dask: code batches of documents on worker processes, write in one place.

Each worker loads the spaCy pipeline and the stage resources once (a per-process cached
:class:`~chronica.pipeline.Coder` keyed by the settings), codes a whole task of documents and
turns the results into the database's rows there (:func:`chronica.store.store.prepare_batch`:
content hashes, MinHash signatures, flat event columns, JSON records, entities as Arrow tables).
The client, the single writer, only checks content hashes, appends and commits. The in-process
path builds the same :class:`CodedBatch` with the same function, so there is one write path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from chronica.config import Settings
from chronica.errors import ChronicaError, SettingsError
from chronica.pipeline import CodedDocument, Coder
from chronica.records import Document
from chronica.store import DedupSettings, content_hash
from chronica.store.store import PreparedBatch, prepare_batch


@dataclass(frozen=True)
class ClusterSpec:
    """Where to code: ``scheduler`` (address of a running Dask scheduler) or ``workers`` local
    worker processes (one thread each)."""

    workers: int = 0
    scheduler: str | None = None
    # Documents per task: large enough to amortise task overhead and let spaCy fill its
    # batches, small enough to balance the workers at the end of a run.
    batch_size: int = 32
    # Tasks queued or running per worker (two keep a worker busy while a result travels).
    in_flight: int = 2

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise SettingsError(f"workers must be 0 or more, got {self.workers}")
        if self.batch_size < 1:
            raise SettingsError(f"batch size must be positive, got {self.batch_size}")
        if self.in_flight < 1:
            raise SettingsError(f"tasks in flight must be positive, got {self.in_flight}")

    @property
    def distributed(self) -> bool:
        return self.workers > 0 or self.scheduler is not None


@dataclass(frozen=True)
class FailedDocument:
    """A document the coder could not code, for the quarantine table."""

    doc_id: str
    content_hash: str
    error: str


@dataclass(frozen=True)
class CodedBatch:
    """Coded documents ready for the writer: the rows of those coded, and those that failed."""

    rows: PreparedBatch
    failed: tuple[FailedDocument, ...]


def prepare_coded(coded: Sequence[CodedDocument], dedup: DedupSettings) -> CodedBatch:
    """The rows of the coded documents and the list of failed ones (worker or in process)."""
    done = [(c.document, c.events) for c in coded if c.error is None]
    failed = tuple(
        FailedDocument(c.document.id, content_hash(c.document), str(c.error))
        for c in coded
        if c.error is not None
    )
    return CodedBatch(prepare_batch(done, dedup), failed)


def prepare_locally(
    coded: Iterable[CodedDocument], batch_size: int, dedup: DedupSettings
) -> Iterator[CodedBatch]:
    """Batches of ``batch_size`` documents coded in this process, prepared for the writer."""
    stream = iter(coded)
    while chunk := list(islice(stream, batch_size)):
        yield prepare_coded(chunk, dedup)


@lru_cache(maxsize=2)
def worker_coder(settings: Settings) -> Coder:
    """The coder of this process (built once per settings)."""
    return Coder(settings)


def code_batch(settings: Settings, documents: list[Document], dedup: DedupSettings) -> CodedBatch:
    """Runs on a worker: code documents and return their rows."""
    return prepare_coded(list(worker_coder(settings).code_many(documents)), dedup)


# Dask's background monitoring, slowed down or off for a cluster that runs one long task per
# worker at a time. With the defaults an idle 1-worker LocalCluster costs about 6% of a core in
# the client (event-loop tick every 20 ms, system monitor, in-process scheduler and nanny) and
# 5% in each worker (profiler sampling every 10 ms, memory monitor every 100 ms).
_QUIET_DASK: tuple[tuple[str, object], ...] = (
    ("distributed.admin.tick.interval", "1s"),
    ("distributed.admin.system-monitor.interval", "5s"),
    ("distributed.worker.profile.enabled", False),
    ("distributed.worker.memory.monitor-interval", "2s"),
)


@contextmanager
def local_cluster(workers: int) -> Iterator[Any]:
    """A Dask LocalCluster of ``workers`` one-thread worker processes, its background
    monitoring quietened (the settings reach the workers through their nannies)."""
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set(dict(_QUIET_DASK)),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
    ):
        yield cluster


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Any]:
    """A dask.distributed Client for ``spec`` (starting and stopping a LocalCluster if asked)."""
    from distributed import Client

    if spec.scheduler is not None:
        try:
            client = Client(spec.scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ChronicaError(
                f"cannot reach the Dask scheduler at {spec.scheduler}: {exc}"
            ) from exc
        with client:
            yield client
        return
    with local_cluster(spec.workers) as cluster, Client(cluster) as client:
        yield client


def code_distributed(
    client: Any,
    documents: Iterable[Document],
    settings: Settings,
    dedup: DedupSettings,
    spec: ClusterSpec,
) -> Iterator[CodedBatch]:
    """Code documents on the cluster's workers, ``spec.batch_size`` per task; batches arrive as
    they complete (not in input order). At most ``spec.in_flight`` tasks per worker are queued
    or running, so memory stays bounded."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    stream = iter(documents)

    def submit_next() -> Any | None:
        batch = list(islice(stream, spec.batch_size))
        if not batch:
            return None
        return client.submit(code_batch, settings, batch, dedup, pure=False)

    pending = as_completed()
    for _ in range(spec.in_flight * workers):
        future = submit_next()
        if future is None:
            break
        pending.add(future)
    for future in pending:
        result: CodedBatch = future.result()
        future.release()
        following = submit_next()
        if following is not None:
            pending.add(following)
        yield result
