"""The versioned database schema and its migrations.

Each migration is a numbered list of SQL statements, applied once, in order, inside one
transaction, and recorded in ``schema_migrations``. Never edit an applied migration: add a new one.

The ``events`` table holds every column of :data:`chronica.serialize.ROW_COLUMNS` (for queries)
plus ``record``, the full event record as JSON (for exact round trips), and ``pos``, the event's
position in its document. ``event_entities`` has one row per actor, recipient and claimant so that
actor queries use an index instead of string search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from chronica.errors import StoreError
from chronica.serialize import ROW_COLUMNS

# DuckDB type of each flat event column that is not VARCHAR.
EVENT_COLUMN_TYPES: dict[str, str] = {
    "quad_class": "INTEGER",
    "goldstein": "DOUBLE",
    "date_start": "DATE",
    "date_end": "DATE",
    "location_lat": "DOUBLE",
    "location_lon": "DOUBLE",
    "location_geonameid": "BIGINT",
    "negated": "BOOLEAN",
    "sentence_index": "INTEGER",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "confidence": "DOUBLE",
}

_EVENT_FLAT_COLUMNS: tuple[str, ...] = ROW_COLUMNS  # the one mapping, in chronica.serialize


def _events_ddl() -> str:
    cols = ",\n  ".join(
        f"{name} {EVENT_COLUMN_TYPES.get(name, 'VARCHAR')}" for name in _EVENT_FLAT_COLUMNS
    )
    extra = "pos INTEGER NOT NULL,\n  record VARCHAR NOT NULL"
    return f"CREATE TABLE events (\n  {cols},\n  {extra}\n)"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, events, entities, clusters, groups, quarantine",
        (
            """CREATE TABLE documents (
                id VARCHAR PRIMARY KEY,
                content_hash VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                title VARCHAR,
                url VARCHAR,
                outlet VARCHAR,
                published DATE,
                language VARCHAR NOT NULL,
                republication VARCHAR,
                n_events INTEGER NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            _events_ddl(),
            "CREATE INDEX events_id ON events (id)",
            "CREATE INDEX events_doc ON events (doc_id)",
            """CREATE TABLE event_entities (
                event_id VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                position INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                name VARCHAR,
                country VARCHAR,
                sector VARCHAR,
                entity_id VARCHAR,
                name_lc VARCHAR,
                text_lc VARCHAR NOT NULL
            )""",
            """CREATE TABLE doc_signatures (
                doc_id VARCHAR PRIMARY KEY,
                signature BLOB NOT NULL
            )""",
            # Derived tables, rebuilt wholesale by de-duplication: no indexes (DuckDB deletes
            # from indexed tables slowly), lookups scan them.
            """CREATE TABLE doc_clusters (
                doc_id VARCHAR NOT NULL,
                cluster_id VARCHAR NOT NULL
            )""",
            """CREATE TABLE event_groups (
                event_id VARCHAR NOT NULL,
                group_id VARCHAR NOT NULL
            )""",
            """CREATE TABLE group_stats (
                group_id VARCHAR NOT NULL,
                representative VARCHAR NOT NULL,
                reports INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                outlets INTEGER NOT NULL,
                first_report DATE,
                last_report DATE
            )""",
            "CREATE SEQUENCE quarantine_seq",
            """CREATE TABLE quarantine (
                id BIGINT PRIMARY KEY DEFAULT nextval('quarantine_seq'),
                source VARCHAR NOT NULL,
                error VARCHAR NOT NULL,
                doc_id VARCHAR,
                content_hash VARCHAR,
                quarantined_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE store_state (
                key VARCHAR PRIMARY KEY,
                value VARCHAR NOT NULL
            )""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, or 0 for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every missing migration; return the resulting version."""
    version = current_version(con)
    if version > LATEST_VERSION:
        raise StoreError(
            f"database schema version {version} is newer than this chronica ({LATEST_VERSION})"
        )
    if version == LATEST_VERSION:
        return version
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.version, migration.name, datetime.now(UTC).replace(tzinfo=None)],
            )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot migrate the database schema: {exc}") from exc
    return LATEST_VERSION
