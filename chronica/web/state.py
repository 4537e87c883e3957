"""The app's shared state: the store behind a lock, and the ingest settings."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request

from chronica.store import Store
from chronica.web.actors import ActorIndex

MAX_INGEST_BYTES = 5 * 1024 * 1024


class StoreAccess:
    """One open store shared by all requests, used one request at a time.

    The store is opened when this is built (so that a bad path fails before the server
    listens), closed at app shutdown and opened again if the app starts again.
    """

    def __init__(self, path: Path, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = threading.Lock()
        self._store: Store | None = Store.open(path, read_only=read_only)

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            if self._store is None:
                self._store = Store.open(self.path, read_only=self.read_only)
            yield self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


@dataclass(frozen=True)
class IngestSettings:
    """Ingest through the API: the bearer token and the largest accepted request body."""

    token: str
    max_bytes: int = MAX_INGEST_BYTES

    def authorized(self, header: str | None) -> bool:
        if not header or not header.startswith("Bearer "):
            return False
        given = header.removeprefix("Bearer ").strip().encode("utf-8")
        return hmac.compare_digest(given, self.token.encode("utf-8"))


@dataclass(frozen=True)
class WebState:
    """What every request handler needs, kept on ``app.state.web``."""

    store: StoreAccess
    ingest: IngestSettings | None
    db_path: Path
    actor_index: ActorIndexCache


class ActorIndexCache:
    """The actor name index, built from the store on first use and dropped after an ingest."""

    def __init__(self) -> None:
        self._index: ActorIndex | None = None
        self._lock = threading.Lock()

    def get(self, access: StoreAccess) -> ActorIndex:
        with self._lock:
            if self._index is None:
                with access.use() as store:
                    self._index = ActorIndex.build(store.iter_events())
            return self._index

    def invalidate(self) -> None:
        with self._lock:
            self._index = None


def web_state(request: Request) -> WebState:
    """The state of the running app (a FastAPI dependency)."""
    state: WebState = request.app.state.web
    return state
