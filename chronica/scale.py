"""Scale-out with Dask: code batches of documents on worker processes, write in one place.

Each worker loads the spaCy pipeline and the stage resources once (a per-process cached
:class:`~chronica.pipeline.Coder` keyed by the settings) and codes whole batches. Documents go
out and events come back as plain serialised dicts; the client (the single writer) turns them
back into records and commits them to the store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from chronica.config import Settings
from chronica.errors import ChronicaError, SettingsError
from chronica.pipeline import CodedDocument, Coder
from chronica.records import Document
from chronica.serialize import document_from_dict, document_to_dict, event_from_dict, event_to_dict


class RemoteCodingError(ChronicaError):
    """A document failed on a worker; the message is the worker's error."""


@dataclass(frozen=True)
class ClusterSpec:
    """Where to code: ``scheduler`` (address of a running Dask scheduler) or ``workers`` local
    worker processes (one thread each)."""

    workers: int = 0
    scheduler: str | None = None
    # Documents per task: large enough to amortise task overhead, small enough to balance.
    batch_size: int = 8

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise SettingsError(f"workers must be 0 or more, got {self.workers}")
        if self.batch_size < 1:
            raise SettingsError(f"batch size must be positive, got {self.batch_size}")

    @property
    def distributed(self) -> bool:
        return self.workers > 0 or self.scheduler is not None


@lru_cache(maxsize=2)
def worker_coder(settings: Settings) -> Coder:
    """The coder of this process (built once per settings)."""
    return Coder(settings)


def code_batch(settings: Settings, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Runs on a worker: code serialised documents, return serialised results."""
    coder = worker_coder(settings)
    docs = [document_from_dict(d) for d in documents]
    return [
        {
            "document": document_to_dict(coded.document),
            "events": [event_to_dict(ev) for ev in coded.events],
            "error": None if coded.error is None else str(coded.error),
        }
        for coded in coder.code_many(docs)
    ]


def _decode(result: dict[str, Any]) -> CodedDocument:
    error = result["error"]
    return CodedDocument(
        document_from_dict(result["document"]),
        tuple(event_from_dict(ev) for ev in result["events"]),
        None if error is None else RemoteCodingError(error),
    )


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Any]:
    """A dask.distributed Client for ``spec`` (starting and stopping a LocalCluster if asked)."""
    from distributed import Client, LocalCluster

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
    with (
        LocalCluster(
            n_workers=spec.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def code_distributed(
    client: Any, documents: Iterable[Document], settings: Settings, batch_size: int = 8
) -> Iterator[CodedDocument]:
    """Code documents on the cluster's workers; results arrive as batches complete (not in
    input order). At most two batches per worker are in flight, so memory stays bounded."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    stream = iter(documents)

    def submit_next() -> Any | None:
        batch = [document_to_dict(d) for d in islice(stream, batch_size)]
        if not batch:
            return None
        return client.submit(code_batch, settings, batch, pure=False)

    pending = as_completed()
    for _ in range(2 * workers):
        future = submit_next()
        if future is None:
            break
        pending.add(future)
    for future in pending:
        results = future.result()
        future.release()
        following = submit_next()
        if following is not None:
            pending.add(following)
        yield from (_decode(r) for r in results)
