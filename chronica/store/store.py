"""The DuckDB event store: documents, events, actors, duplicate clusters, event groups.

One process writes (DuckDB allows one read-write connection per file); any number may open the
file read-only when no writer holds it. Every statement is parameterised. Events are stored as
their full JSON record (so ``get_event(e.id) == e`` exactly) plus the flat columns of
:func:`chronica.serialize.event_to_row` for filtering and sorting.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from chronica.errors import QueryError, StoreError
from chronica.records import Document, Event
from chronica.serialize import ROW_COLUMNS, event_from_dict, event_to_dict, event_to_row
from chronica.store import dedup
from chronica.store.query import (
    EventQuery,
    Page,
    after_clause,
    encode_cursor,
    order_by,
    sort_key,
    where,
)
from chronica.store.schema import EVENT_COLUMN_TYPES, LATEST_VERSION, current_version, migrate

SaveStatus = Literal["inserted", "replaced", "unchanged"]
Unit = Literal["reports", "events"]

_ARROW_TYPES: dict[str, pa.DataType] = {
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR": pa.string(),
}
_EVENTS_SCHEMA = pa.schema(
    [(c, _ARROW_TYPES[EVENT_COLUMN_TYPES.get(c, "VARCHAR")]) for c in ROW_COLUMNS]
    + [("pos", pa.int32()), ("record", pa.string())]
)
_ENTITIES_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("role", pa.string()),
        ("position", pa.int32()),
        ("text", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("entity_id", pa.string()),
        ("name_lc", pa.string()),
        ("text_lc", pa.string()),
        ("doc_id", pa.string()),  # not stored: lets a batch drop a document's rows
    ]
)
_ENTITY_COLUMNS = ", ".join(_ENTITIES_SCHEMA.names[:-1])
_DOCUMENTS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("content_hash", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("republication", pa.string()),
        ("n_events", pa.int32()),
    ]
)
_SIGNATURES_SCHEMA = pa.schema([("doc_id", pa.string()), ("signature", pa.binary())])
_DOCUMENT_COLUMNS = ", ".join([*_DOCUMENTS_SCHEMA.names, "ingested_at"])


def content_hash(document: Document) -> str:
    """Hash of everything in a document that can change its events (not ``republication``,
    which is derived from the text)."""
    parts = [
        document.text,
        document.title or "",
        document.url or "",
        document.source or "",
        document.published.isoformat() if document.published else "",
        document.language,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save` did with one document."""

    doc_id: str
    status: SaveStatus
    events: int


@dataclass(frozen=True, eq=False)
class PreparedBatch:
    """Coded documents as the rows the database stores, built without the database (by
    :func:`prepare_batch`, on a Dask worker or in the writing process); the writer only checks
    content hashes and appends them with :meth:`Store.save_prepared`."""

    documents: pa.Table  # the documents table's columns but ``ingested_at``
    signatures: pa.Table  # MinHash signature per document
    events: pa.Table  # flat event columns, position in the document and the JSON record
    entities: pa.Table  # actors, recipients and claimants, with their event's document id

    def __len__(self) -> int:
        return int(self.documents.num_rows)

    def only(self, doc_ids: Sequence[str]) -> PreparedBatch:
        """The rows of these documents alone."""
        keep = pa.array(doc_ids, pa.string())
        return PreparedBatch(
            self.documents.filter(pc.is_in(self.documents["id"], value_set=keep)),
            self.signatures.filter(pc.is_in(self.signatures["doc_id"], value_set=keep)),
            self.events.filter(pc.is_in(self.events["doc_id"], value_set=keep)),
            self.entities.filter(pc.is_in(self.entities["doc_id"], value_set=keep)),
        )

    @classmethod
    def merge(cls, batches: Sequence[PreparedBatch]) -> PreparedBatch:
        """One batch of the rows of several (to commit them in one transaction)."""
        if len(batches) == 1:
            return batches[0]
        return cls(
            pa.concat_tables([b.documents for b in batches]),
            pa.concat_tables([b.signatures for b in batches]),
            pa.concat_tables([b.events for b in batches]),
            pa.concat_tables([b.entities for b in batches]),
        )


@dataclass(frozen=True)
class StoreCounts:
    documents: int
    events: int  # event reports (one per coded mention)
    event_groups: int  # real-world events: reports in one group count once
    duplicate_clusters: int  # clusters with two or more near-duplicate documents
    clustered_documents: int  # documents in those clusters
    quarantined: int


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document's metadata (no text)."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    republication: str | None
    events: int


@dataclass(frozen=True)
class QuarantineEntry:
    source: str
    error: str
    at: datetime


@dataclass(frozen=True)
class EventGroup:
    """One real-world event: its representative (earliest-id) report and how it was reported."""

    group_id: str
    representative: Event
    reports: int
    documents: int
    outlets: int
    first_report: date | None
    last_report: date | None


class Store:
    """Events and documents in one DuckDB file. Open with :meth:`open`; close or use ``with``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con = con
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path = "chronica.duckdb", read_only: bool = False) -> Store:
        """Open (and create or migrate, unless read-only) the database at ``path``."""
        name = str(path)
        if name != ":memory:" and read_only and not Path(name).is_file():
            raise StoreError(f"{name}: no such database (run `chronica ingest` first)")
        if name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(name, read_only=read_only)
            con.execute("SET enable_progress_bar = false")
        except duckdb.Error as exc:
            raise StoreError(f"{name}: cannot open the database: {exc}") from exc
        try:
            if read_only:
                version = current_version(con)
                if version != LATEST_VERSION:
                    raise StoreError(
                        f"{name}: schema version {version}, expected {LATEST_VERSION} "
                        "(open it once read-write to migrate)"
                    )
            else:
                migrate(con)
        except (StoreError, duckdb.Error) as exc:
            con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{name}: {exc}") from exc
        return cls(con, name, read_only)

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._con.execute(sql, list(params)).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {exc}") from exc

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------ writing
    def save(self, document: Document, events: Sequence[Event]) -> SaveResult:
        """Store a document and its events; idempotent by (document id, content hash).

        A document whose content changed has its old events replaced, in one transaction.
        """
        return self.save_many([(document, events)])[0]

    def save_many(
        self,
        items: Sequence[tuple[Document, Sequence[Event]]],
        dedup_settings: dedup.DedupSettings | None = None,
    ) -> list[SaveResult]:
        """Save several documents in ONE transaction (all or none survive a crash)."""
        return self.save_prepared(prepare_batch(items, dedup_settings))

    def save_prepared(self, batch: PreparedBatch) -> list[SaveResult]:
        """Save a batch made by :func:`prepare_batch` (anywhere: in this process or on a Dask
        worker) in ONE transaction; idempotent by (document id, content hash). Documents whose
        content changed have their old rows replaced."""
        ids = batch.documents.column("id").to_pylist()
        hashes = batch.documents.column("content_hash").to_pylist()
        counts = batch.documents.column("n_events").to_pylist()
        with self._lock, self._transaction():
            known = dict(
                self._con.execute(
                    "SELECT id, content_hash FROM documents WHERE list_contains(?, id)", [ids]
                ).fetchall()
            )
            results: list[SaveResult] = []
            for doc_id, digest, n_events in zip(ids, hashes, counts, strict=True):
                if known.get(doc_id) == digest:
                    results.append(SaveResult(doc_id, "unchanged", 0))
                else:
                    status: SaveStatus = "replaced" if doc_id in known else "inserted"
                    results.append(SaveResult(doc_id, status, n_events))
            fresh = [r.doc_id for r in results if r.status != "unchanged"]
            replaced = [r.doc_id for r in results if r.status == "replaced"]
            if replaced:
                self._delete_documents(replaced)
            if fresh:
                self._insert(batch if len(fresh) == len(ids) else batch.only(fresh))
                self._con.execute(
                    "INSERT OR REPLACE INTO store_state VALUES ('groups_dirty', 'yes')"
                )
        return results

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(f"write failed: {exc}") from exc
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        try:
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            raise StoreError(f"commit failed: {exc}") from exc

    def _delete_documents(self, doc_ids: list[str]) -> None:
        con = self._con
        con.execute(
            "DELETE FROM event_entities WHERE event_id IN "
            "(SELECT id FROM events WHERE list_contains(?, doc_id))",
            [doc_ids],
        )
        con.execute(
            "DELETE FROM event_groups WHERE event_id IN "
            "(SELECT id FROM events WHERE list_contains(?, doc_id))",
            [doc_ids],
        )
        for table, column in (
            ("events", "doc_id"),
            ("doc_signatures", "doc_id"),
            ("doc_clusters", "doc_id"),
            ("documents", "id"),
        ):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [doc_ids])

    def _insert(self, batch: PreparedBatch) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        documents = batch.documents.append_column(
            "ingested_at", pa.array([now] * batch.documents.num_rows, pa.timestamp("us"))
        )
        self._append("documents", documents, _DOCUMENT_COLUMNS)
        self._append("doc_signatures", batch.signatures, "doc_id, signature")
        if batch.events.num_rows:
            self._append("events", batch.events, None)
        if batch.entities.num_rows:
            self._append("event_entities", batch.entities, _ENTITY_COLUMNS)

    def _append(self, table: str, data: pa.Table, columns: str | None) -> None:
        names = columns or ", ".join(data.column_names)
        view = f"_chronica_{table}_batch"
        self._con.register(view, data)
        try:
            self._con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            self._con.unregister(view)

    def quarantine(
        self,
        source: str,
        error: str,
        doc_id: str | None = None,
        content_hash: str | None = None,
    ) -> None:
        """Record an input that could not be read or coded (once per source and error).

        With ``doc_id`` and ``content_hash`` (a document that failed in the coder), a later
        ingest of the same content can skip it (see :meth:`failed_hashes`).
        """
        with self._lock, self._transaction():
            self._con.execute(
                "INSERT INTO quarantine (source, error, doc_id, content_hash, quarantined_at) "
                "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
                "(SELECT 1 FROM quarantine WHERE source = ? AND error = ? "
                " AND content_hash IS NOT DISTINCT FROM ?)",
                [source, error, doc_id, content_hash, datetime.now(UTC).replace(tzinfo=None),
                 source, error, content_hash],
            )  # fmt: skip

    def failed_hashes(self) -> dict[str, str]:
        """Document id -> content hash of documents that failed in the coder."""
        rows = self._rows(
            "SELECT doc_id, content_hash FROM quarantine WHERE doc_id IS NOT NULL "
            "AND content_hash IS NOT NULL ORDER BY id"
        )
        return dict(rows)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ documents
    def has_document(self, doc_id: str, content_hash: str) -> bool:
        return bool(
            self._scalar(
                "SELECT count(*) FROM documents WHERE id = ? AND content_hash = ?",
                [doc_id, content_hash],
            )
        )

    def document_hashes(self) -> dict[str, str]:
        """Every stored document id and its content hash (for skipping before coding)."""
        return dict(self._rows("SELECT id, content_hash FROM documents"))  # type: ignore[arg-type]

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._rows(
            "SELECT id, text, title, url, outlet, published, republication, language "
            "FROM documents WHERE id = ?",
            [doc_id],
        )
        return _document(rows[0]) if rows else None

    def documents(self, limit: int = 100, offset: int = 0) -> list[Document]:
        if limit < 1 or offset < 0:
            raise QueryError("limit must be positive and offset not negative")
        rows = self._rows(
            "SELECT id, text, title, url, outlet, published, republication, language "
            "FROM documents ORDER BY id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return [_document(r) for r in rows]

    def document_index(self) -> dict[str, DocumentInfo]:
        """Metadata of every stored document, by id."""
        rows = self._rows(
            "SELECT id, title, url, outlet, published, republication, n_events FROM documents"
        )
        return {r[0]: DocumentInfo(*r) for r in rows}

    def quarantined(self, limit: int = 100) -> list[QuarantineEntry]:
        rows = self._rows(
            "SELECT source, error, quarantined_at FROM quarantine ORDER BY id LIMIT ?", [limit]
        )
        return [QuarantineEntry(*r) for r in rows]

    # ------------------------------------------------------------------ events
    def get_event(self, event_id: str) -> Event | None:
        record = self._scalar(
            "SELECT record FROM events WHERE id = ? ORDER BY doc_id, pos LIMIT 1", [event_id]
        )
        return _event(record) if record is not None else None

    def events_for_document(self, doc_id: str) -> list[Event]:
        rows = self._rows("SELECT record FROM events WHERE doc_id = ? ORDER BY pos", [doc_id])
        return [_event(r[0]) for r in rows]

    def query_events(self, q: EventQuery) -> Page:
        """One page of events matching ``q``, in ``q.order``, with the next page's cursor."""
        condition, params = where(q)
        keyset, keyset_params = after_clause(q)
        # Two phases: sort and cut on the small columns, then fetch the JSON records by rowid
        # (carrying every record through the sort is ten times slower).
        rows = self._rows(
            f"WITH top AS (SELECT {sort_key(q.order)} AS k, e.id, e.pos, e.rowid AS r "
            f"FROM events e WHERE {condition} AND {keyset} "
            f"ORDER BY {order_by(q.order)} LIMIT ?) "
            "SELECT top.k, top.id, ev.record FROM top JOIN events ev ON ev.rowid = top.r "
            f"ORDER BY {order_by(q.order, key='top.k', alias='top')}",
            [*params, *keyset_params, q.limit + 1],
        )
        items = [_event(r[2]) for r in rows[: q.limit]]
        following = None
        if len(rows) > q.limit:
            last = rows[q.limit - 1]
            following = encode_cursor(q.order, last[0], last[1])
        return Page(items, following)

    def iter_events(self, query: EventQuery | None = None, chunk: int = 5_000) -> Iterator[Event]:
        """Every matching event (limit and cursor ignored), in document order, streamed."""
        q = replace(query or EventQuery(), after=None)
        condition, params = where(q)
        with self._lock:
            cursor = self._con.cursor()
        try:
            result = cursor.execute(
                f"SELECT e.record FROM events e WHERE {condition} ORDER BY e.doc_id, e.pos",
                params,
            )
            while batch := result.fetchmany(chunk):
                yield from (_event(r[0]) for r in batch)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        finally:
            cursor.close()

    def all_events(self, query: EventQuery | None = None, /, **filters: Any) -> list[Event]:
        """Every event matching ``query`` and/or keyword filters (EventQuery fields),
        unpaginated, in document order."""
        try:
            q = replace(query or EventQuery(), **filters)
        except TypeError as exc:
            raise QueryError(str(exc)) from exc
        return list(self.iter_events(q))

    def count(self, query: EventQuery | None = None, unit: Unit = "reports") -> int:
        """How many events match: every report, or each event group once (``"events"``)."""
        condition, params = where(query or EventQuery())
        if unit == "reports":
            sql = f"SELECT count(*) FROM events e WHERE {condition}"
        else:
            sql = (
                "SELECT count(DISTINCT COALESCE(g.group_id, e.id)) FROM events e "
                f"LEFT JOIN event_groups g ON g.event_id = e.id WHERE {condition}"
            )
        return int(self._scalar(sql, params) or 0)

    # ------------------------------------------------------------------ duplicates
    def group_of(self, event_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Event id -> event group id (an event never grouped is its own group)."""
        sql = (
            "SELECT e.id, COALESCE(g.group_id, e.id) FROM events e "
            "LEFT JOIN event_groups g ON g.event_id = e.id"
        )
        if event_ids is None:
            return dict(self._rows(sql))  # type: ignore[arg-type]
        ids = list(event_ids)
        return dict(self._rows(sql + " WHERE list_contains(?, e.id)", [ids]))  # type: ignore[arg-type]

    def cluster_of(self, doc_id: str) -> list[str]:
        """Ids of the documents in the near-duplicate cluster of ``doc_id`` (itself included);
        empty for an unknown document."""
        rows = self._rows(
            "SELECT doc_id FROM doc_clusters WHERE cluster_id = "
            "(SELECT cluster_id FROM doc_clusters WHERE doc_id = ?) ORDER BY doc_id",
            [doc_id],
        )
        if rows:
            return [r[0] for r in rows]
        return [doc_id] if self.get_document(doc_id) is not None else []

    def groups(self, query: EventQuery | None = None) -> Iterator[EventGroup]:
        """Event groups with at least one event matching ``query``, by group id."""
        condition, params = where(replace(query or EventQuery(), after=None))
        with self._lock:
            cursor = self._con.cursor()
        try:
            result = cursor.execute(
                "SELECT s.group_id, r.record, s.reports, s.documents, s.outlets, "
                "s.first_report, s.last_report FROM group_stats s "
                "JOIN events r ON r.id = s.representative WHERE s.group_id IN ("
                "SELECT COALESCE(g.group_id, e.id) FROM events e "
                f"LEFT JOIN event_groups g ON g.event_id = e.id WHERE {condition}) "
                "ORDER BY s.group_id",
                params,
            )
            while batch := result.fetchmany(2_000):
                for gid, record, reports, docs, outlets, first, last in batch:
                    yield EventGroup(gid, _event(record), reports, docs, outlets, first, last)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        finally:
            cursor.close()

    def groups_are_stale(self) -> bool:
        value = self._scalar("SELECT value FROM store_state WHERE key = 'groups_dirty'")
        return value == "yes"

    def deduplicate(self, settings: dedup.DedupSettings | None = None) -> StoreCounts:
        """Re-cluster near-duplicate documents and rebuild event groups and their counts."""
        settings = settings or dedup.DedupSettings()
        signatures = self._rows("SELECT doc_id, signature FROM doc_signatures")
        clusters = dedup.near_duplicate_clusters(signatures, settings)
        keys = [
            dedup.EventKey(
                event_id,
                doc_id,
                clusters.get(doc_id, doc_id),
                plover,
                tuple(actors),
                tuple(recipients),
                place,
                start,
            )
            for event_id, doc_id, plover, place, start, actors, recipients in self._rows(
                _EVENT_KEYS_SQL
            )
        ]
        groups = dedup.group_events(keys, settings)
        cluster_table = pa.table({"doc_id": list(clusters), "cluster_id": list(clusters.values())})
        group_table = pa.table({"event_id": list(groups), "group_id": list(groups.values())})
        with self._lock, self._transaction():
            self._con.execute("DELETE FROM doc_clusters")
            self._con.execute("DELETE FROM event_groups")
            self._con.execute("DELETE FROM group_stats")
            self._append("doc_clusters", cluster_table, None)
            self._append("event_groups", group_table, None)
            self._con.execute(
                "INSERT INTO group_stats SELECT g.group_id, min(e.id), count(*), "
                "count(DISTINCT e.doc_id), count(DISTINCT d.outlet), min(d.published), "
                "max(d.published) FROM event_groups g JOIN events e ON e.id = g.event_id "
                "JOIN documents d ON d.id = e.doc_id GROUP BY g.group_id"
            )
            self._con.execute("INSERT OR REPLACE INTO store_state VALUES ('groups_dirty', 'no')")
        return self.counts()

    # ------------------------------------------------------------------ summary
    def counts(self) -> StoreCounts:
        row = self._rows(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(DISTINCT COALESCE(g.group_id, e.id)) FROM events e "
            " LEFT JOIN event_groups g ON g.event_id = e.id), "
            "(SELECT count(*) FROM (SELECT cluster_id FROM doc_clusters GROUP BY cluster_id "
            " HAVING count(*) > 1)), "
            "(SELECT count(*) FROM doc_clusters WHERE cluster_id IN (SELECT cluster_id FROM "
            " doc_clusters GROUP BY cluster_id HAVING count(*) > 1)), "
            "(SELECT count(*) FROM quarantine)"
        )[0]
        return StoreCounts(*(int(v) for v in row))


# What event grouping compares, per event in document order: entity keys (id, else the
# lower-cased name or text) of actors and recipients, and a place key (GeoNames id, else the
# lower-cased name with the country).
_EVENT_KEYS_SQL = """
WITH ents AS (
    SELECT event_id,
        list_sort(list_distinct(list(key) FILTER (WHERE role = 'actor'))) AS actors,
        list_sort(list_distinct(list(key) FILTER (WHERE role = 'recipient'))) AS recipients
    FROM (
        SELECT event_id, role, COALESCE(entity_id, lower(trim(COALESCE(name, text)))) AS key
        FROM event_entities WHERE role IN ('actor', 'recipient')
    )
    GROUP BY event_id
)
SELECT e.id, e.doc_id, e.plover,
    CASE
        WHEN e.location_geonameid IS NOT NULL THEN 'geonames:' || e.location_geonameid
        WHEN e.location_text IS NOT NULL THEN
            lower(trim(COALESCE(e.location_name, e.location_text)))
            || '|' || COALESCE(e.location_country, '')
    END,
    e.date_start,
    COALESCE(ents.actors, []::VARCHAR[]),
    COALESCE(ents.recipients, []::VARCHAR[])
FROM events e LEFT JOIN ents ON ents.event_id = e.id
ORDER BY e.doc_id, e.pos
"""


def _document(row: tuple[Any, ...]) -> Document:
    doc_id, text, title, url, outlet, published, republication, language = row
    return Document(doc_id, text, title, url, outlet, published, republication, language)


def _event(record: str) -> Event:
    return event_from_dict(json.loads(record))


def prepare_batch(
    items: Sequence[tuple[Document, Sequence[Event]]],
    dedup_settings: dedup.DedupSettings | None = None,
) -> PreparedBatch:
    """The rows of coded documents (content hash, MinHash signature, flat event columns, JSON
    records, entities), for :meth:`Store.save_prepared`. Needs no database, so Dask workers
    build their batches with it and the writer only appends them."""
    settings = dedup_settings or dedup.DedupSettings()
    for doc, events in items:
        for ev in events:
            if ev.doc_id != doc.id:
                raise StoreError(
                    f"event {ev.id!r} belongs to document {ev.doc_id!r}, not {doc.id!r}"
                )
    docs = [doc for doc, _ in items]
    documents = pa.Table.from_pydict(
        {
            "id": [d.id for d in docs],
            "content_hash": [content_hash(d) for d in docs],
            "text": [d.text for d in docs],
            "title": [d.title for d in docs],
            "url": [d.url for d in docs],
            "outlet": [d.source for d in docs],
            "published": [d.published for d in docs],
            "language": [d.language for d in docs],
            "republication": [d.republication for d in docs],
            "n_events": [len(evs) for _, evs in items],
        },
        schema=_DOCUMENTS_SCHEMA,
    )
    signatures = pa.Table.from_pydict(
        {
            "doc_id": [d.id for d in docs],
            "signature": [dedup.signature(d.text, settings) for d in docs],
        },
        schema=_SIGNATURES_SCHEMA,
    )
    all_events = [ev for _, evs in items for ev in evs]
    positions = [i for _, evs in items for i in range(len(evs))]
    return PreparedBatch(
        documents, signatures, _events_table(all_events, positions), _entities_table(all_events)
    )


def _events_table(events: Sequence[Event], positions: Sequence[int]) -> pa.Table:
    rows = [event_to_row(ev) for ev in events]
    columns: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in ROW_COLUMNS}
    for c in ("date_start", "date_end"):
        columns[c] = [date.fromisoformat(v) if v else None for v in columns[c]]
    columns["pos"] = list(positions)
    columns["record"] = [json.dumps(event_to_dict(ev), ensure_ascii=False) for ev in events]
    return pa.Table.from_pydict(columns, schema=_EVENTS_SCHEMA)


def _entities_table(events: Sequence[Event]) -> pa.Table:
    rows: list[tuple[Any, ...]] = []
    for ev in events:
        claimant = ev.attribution.claimant
        roles = (
            ("actor", ev.actor),
            ("recipient", ev.recipient),
            ("claimant", (claimant,) if claimant else ()),
        )
        for role, entities in roles:
            for i, ent in enumerate(entities):
                rows.append(
                    (ev.id, role, i, ent.text, ent.name, ent.country, ent.sector, ent.id,
                     ent.name.lower() if ent.name else None, ent.text.lower(), ev.doc_id)
                )  # fmt: skip
    columns: list[list[Any]] = [[] for _ in _ENTITIES_SCHEMA.names]
    for row in rows:
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    return pa.Table.from_arrays(
        [
            pa.array(col, type=field.type)
            for col, field in zip(columns, _ENTITIES_SCHEMA, strict=True)
        ],
        schema=_ENTITIES_SCHEMA,
    )
