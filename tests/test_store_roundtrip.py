"""The store keeps documents and events exactly, idempotently, in a versioned schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import make_event
from hypothesis import given, settings
from hypothesis import strategies as st

from chronica.errors import StoreError
from chronica.records import (
    CERTAINTIES,
    GRANULARITIES,
    MODALITIES,
    PLOVER_TYPES,
    Attribution,
    DateSpan,
    Document,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)
from chronica.serialize import ROW_COLUMNS
from chronica.store import Store, content_hash
from chronica.store.schema import LATEST_VERSION

pytestmark = pytest.mark.issue(7)

_text = st.text(max_size=30)
_opt = st.none() | _text
_code3 = st.none() | st.sampled_from(["USA", "UKR", "RUS", "IGO"])
entities = st.builds(Entity, _text, _opt, _code3, st.none() | st.just("GOV"), _opt)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
events = st.builds(
    Event,
    id=st.text(min_size=1, max_size=12),
    doc_id=st.just("doc"),
    event=st.builds(
        EventType,
        st.sampled_from(PLOVER_TYPES),
        _opt,
        st.sampled_from(["01", "190", "1823"]),
        st.integers(1, 4),
        st.floats(-10, 10, allow_nan=False),
        _text,
    ),
    actor=st.lists(entities, max_size=3).map(tuple),
    recipient=st.lists(entities, max_size=3).map(tuple),
    date=st.builds(DateSpan, dates, dates, st.sampled_from(GRANULARITIES), st.just("text"), _opt),
    location=st.none()
    | st.builds(
        Place,
        _text,
        _opt,
        _code3,
        _opt,
        st.none() | st.floats(-90, 90),
        st.none() | st.floats(-180, 180),
        st.none() | st.integers(1, 2**40),
        st.just("city"),
    ),
    attribution=st.builds(
        Attribution,
        st.sampled_from(CERTAINTIES),
        st.none() | entities,
        _opt,
        st.booleans(),
        st.sampled_from(MODALITIES),
    ),
    evidence=st.builds(
        Evidence, st.integers(0, 500), _text, st.integers(0, 99), st.integers(0, 99)
    ),
    confidence=st.floats(0, 1),
    reasons=st.builds(Reasons, _text, _text, _text, _text, _text),
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "t.duckdb")


@settings(max_examples=40, deadline=None)
@given(batch=st.lists(events, min_size=1, max_size=4, unique_by=lambda e: e.id))
def test_store_events_round_trip_exactly(batch: list[Event]) -> None:
    with Store.open(":memory:") as store:
        store.save(Document("doc", "text", published=date(2024, 5, 1)), batch)
        for ev in batch:
            assert store.get_event(ev.id) == ev
        assert store.events_for_document("doc") == batch


def test_store_document_round_trip(store: Store) -> None:
    doc = Document("d", "Body.", "Title", "http://x", "Outlet", date(2020, 1, 2), "via Y", "fr")
    store.save(doc, [])
    assert store.get_document("d") == doc
    assert store.documents() == [doc]
    assert store.get_document("missing") is None


def test_store_save_is_idempotent_and_replaces_changed_content(store: Store) -> None:
    doc = Document("d", "Russia attacked Ukraine.")
    first = store.save(doc, [make_event("e1", "d"), make_event("e2", "d")])
    again = store.save(doc, [make_event("other", "d")])
    assert (first.status, again.status) == ("inserted", "unchanged")
    assert store.has_document("d", content_hash(doc))
    changed = Document("d", "Russia attacked Ukraine again.")
    result = store.save(changed, [make_event("e3", "d")])
    assert result.status == "replaced"
    assert [e.id for e in store.events_for_document("d")] == ["e3"]
    assert store.get_event("e1") is None
    assert store.counts().documents == 1
    assert not store.has_document("d", content_hash(doc))


def test_store_schema_has_every_flat_column_and_a_version(store: Store, tmp_path: Path) -> None:
    store.close()
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    version = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    con.close()
    assert columns[: len(ROW_COLUMNS)] == list(ROW_COLUMNS)
    assert version == (LATEST_VERSION,)


def test_store_reopen_read_only_and_missing_file(store: Store, tmp_path: Path) -> None:
    store.save(Document("d1", "x"), [make_event()])
    store.close()
    with Store.open(tmp_path / "t.duckdb", read_only=True) as ro:
        assert ro.counts().events == 1
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_store_quarantine_once_per_source_and_error(store: Store) -> None:
    store.quarantine("a.txt", "not UTF-8 text")
    store.quarantine("a.txt", "not UTF-8 text")
    store.quarantine("b.txt", "empty text")
    assert [(q.source, q.error) for q in store.quarantined()] == [
        ("a.txt", "not UTF-8 text"),
        ("b.txt", "empty text"),
    ]
    assert store.counts().quarantined == 2


def test_store_rejects_events_of_another_document(store: Store) -> None:
    with pytest.raises(StoreError, match="belongs to document 'd1'"):
        store.save(Document("other", "x"), [make_event()])
    assert store.counts().documents == 0
