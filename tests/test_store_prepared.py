"""Prepared batches: rows built without the database (as Dask workers do) store exactly what
``save_many`` stores, whatever the batching, and keep the store idempotent."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest
from conftest import make_event

from chronica.records import Document, Event
from chronica.store import Store
from chronica.store.store import PreparedBatch, prepare_batch

pytestmark = pytest.mark.issue(7)

Item = tuple[Document, Sequence[Event]]

# Timestamps differ between runs; every other column must be identical.
_TABLES = {
    "documents": "id, content_hash, text, title, url, outlet, published, language, "
    "republication, n_events",
    "doc_signatures": "doc_id, signature",
    "events": "*",
    "event_entities": "*",
}


def _items() -> list[Item]:
    docs = [
        Document("a", "Russia attacked Ukraine near the river.", "A", None, "Wire",
                 date(2024, 1, 2)),
        Document("b", "Envoys met in the capital on Monday.", source="Post"),
        Document("c", "Nothing happened.", republication="via Wire"),
        Document("d", "Police arrested protesters; the opposition objected.", language="fr"),
    ]  # fmt: skip
    events = {
        "a": (make_event("a1", "a"), make_event("a2", "a", actors=("Russia", "Belarus"))),
        "b": (make_event("b1", "b", recipients=(), place="Paris", start=date(2024, 3, 4)),),
        "c": (),
        "d": (make_event("d1", "d", actors=()), make_event("d2", "d", certainty="reported")),
    }
    return [(doc, events[doc.id]) for doc in docs]


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(store._con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        for table, cols in _TABLES.items()
    }


@pytest.mark.parametrize("split", [(4,), (1, 1, 1, 1), (3, 1), (1, 3)])
def test_store_prepared_batches_store_what_save_many_stores(split: tuple[int, ...]) -> None:
    items = _items()
    with Store.open(":memory:") as reference:
        reference.save_many(items)
        expected = _dump(reference)
    parts, start = [], 0
    for size in split:
        parts.append(prepare_batch(items[start : start + size]))
        start += size
    with Store.open(":memory:") as merged, Store.open(":memory:") as one_by_one:
        results = merged.save_prepared(PreparedBatch.merge(parts))
        for part in parts:
            one_by_one.save_prepared(part)
        assert [r.status for r in results] == ["inserted"] * len(items)
        assert _dump(merged) == _dump(one_by_one) == expected


def test_store_prepared_batch_survives_pickling() -> None:
    batch = prepare_batch(_items())
    back = pickle.loads(pickle.dumps(batch))
    for name in ("documents", "signatures", "events", "entities"):
        assert getattr(back, name).equals(getattr(batch, name))
    assert len(back) == 4


def test_store_prepared_mixed_batch_keeps_only_new_and_changed_rows() -> None:
    items = _items()
    with Store.open(":memory:") as store:
        store.save_many(items[:2])
        changed = Document("b", "Envoys met again.")
        # "e" reuses an event id of "a": the unchanged document's rows must still be dropped
        batch = prepare_batch(
            [
                items[0],
                (changed, (make_event("b9", "b"),)),
                (Document("e", "Troops withdrew."), (make_event("a1", "e"),)),
            ]
        )
        results = store.save_prepared(batch)
        assert [(r.doc_id, r.status, r.events) for r in results] == [
            ("a", "unchanged", 0), ("b", "replaced", 1), ("e", "inserted", 1),
        ]  # fmt: skip
        assert store.get_document("b") == changed
        assert [e.id for e in store.events_for_document("b")] == ["b9"]
        assert [e.id for e in store.events_for_document("a")] == ["a1", "a2"]
        entities = store._con.execute(
            "SELECT event_id, count(*) FROM event_entities GROUP BY ALL ORDER BY ALL"
        ).fetchall()
        # a1 (twice: documents a and e), a2 (3 entities), b9
        assert entities == [("a1", 4), ("a2", 3), ("b9", 2)]
        assert store.counts().documents == 3


def test_store_prepared_empty_batch_is_a_no_op() -> None:
    with Store.open(":memory:") as store:
        assert store.save_prepared(prepare_batch([])) == []
        assert store.counts().documents == 0
        assert not store.groups_are_stale()
