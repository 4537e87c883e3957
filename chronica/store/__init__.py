"""The event store (DuckDB): documents, events, actors, duplicate clusters and event groups.

``Store.open(path)`` opens or creates a database; ``save(document, events)`` stores a coded
document idempotently; ``query_events(EventQuery(...))`` pages through events with an opaque
cursor; ``deduplicate()`` clusters near-duplicate documents and groups reports of one event.
All SQL lives in this package and is parameterised.
"""

from chronica.store.dedup import DedupSettings
from chronica.store.query import EventQuery, Page
from chronica.store.store import (
    DocumentInfo,
    EventGroup,
    QuarantineEntry,
    SaveResult,
    Store,
    StoreCounts,
    content_hash,
)

__all__ = [
    "DedupSettings",
    "DocumentInfo",
    "EventGroup",
    "EventQuery",
    "Page",
    "QuarantineEntry",
    "SaveResult",
    "Store",
    "StoreCounts",
    "content_hash",
]
