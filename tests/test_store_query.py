"""Event queries: every filter, keyset pagination in each order, counts, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from conftest import make_event

from chronica.errors import QueryError
from chronica.records import Attribution, Entity, Event
from chronica.store import EventQuery, Store

pytestmark = pytest.mark.issue(7)


def _corpus() -> list[Event]:
    a = make_event("a", "d1", "ASSAULT", ("Russia",), ("Ukraine",), date(2024, 3, 1), "Kyiv")
    b = make_event("b", "d1", "CONSULT", ("France",), ("Germany",), date(2024, 3, 5),
                   sentence="France met Germany (100% agreed).", confidence=0.4)  # fmt: skip
    c = make_event("c", "d2", "PROTEST", ("Students",), (), None, certainty="alleged")
    d = make_event("d", "d2", "ASSAULT", ("Ukraine",), ("Russia",), date(2023, 12, 30))
    d = replace(d, event=replace(d.event, quad_class=3))
    claimed = Attribution("claimed", Entity("the ministry", "Ministry of Defence", "UKR"))
    e = replace(make_event("e", "d3", "THREATEN", ("Iran",), ("Israel",), date(2024, 3, 2)),
                attribution=claimed, confidence=0.95)  # fmt: skip
    return [a, b, c, d, e]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    from chronica.records import Document

    with Store.open(":memory:") as s:
        events = _corpus()
        for doc_id in ("d1", "d2", "d3"):
            s.save(Document(doc_id, f"text of {doc_id}"), [e for e in events if e.doc_id == doc_id])
        yield s


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["d", "a", "e", "b", "c"]),
        (EventQuery(actor="russia"), ["d", "a"]),
        (EventQuery(actor="Q-Russia", role="actor"), ["a"]),
        (EventQuery(actor="RUSSIA", role="recipient"), ["d"]),
        (EventQuery(actor="ministry of defence", role="claimant"), ["e"]),
        (EventQuery(actor="the ministry", role="claimant"), ["e"]),
        (EventQuery(actor="nobody"), []),
        (EventQuery(plover="assault"), ["d", "a"]),
        (EventQuery(quad_class=3), ["d"]),
        (EventQuery(country="ukr"), ["a"]),
        (EventQuery(date_from=date(2024, 3, 2)), ["e", "b"]),
        (EventQuery(date_to=date(2024, 3, 1)), ["d", "a"]),
        (EventQuery(date_from=date(2024, 1, 1), date_to=date(2024, 3, 3)), ["a", "e"]),
        (EventQuery(certainty=("alleged", "claimed")), ["e", "c"]),
        (EventQuery(text="100%"), ["b"]),
        (EventQuery(text="100_"), []),
        (EventQuery(text="FRANCE MET"), ["b"]),
        (EventQuery(doc_id="d2"), ["d", "c"]),
        (EventQuery(order="-date"), ["b", "e", "a", "d", "c"]),
        (EventQuery(order="confidence"), ["e", "a", "c", "d", "b"]),
    ],
)
def test_store_query_filters(store: Store, query: EventQuery, expected: list[str]) -> None:
    assert [e.id for e in store.query_events(query).items] == expected
    assert [e.id for e in store.all_events(query)] == sorted(
        expected, key=lambda i: ("d1", "d2", "d3").index(_doc(i)) * 10 + "abcde".index(i)
    )


def _doc(event_id: str) -> str:
    return {"a": "d1", "b": "d1", "c": "d2", "d": "d2", "e": "d3"}[event_id]


@pytest.mark.parametrize("order", ["date", "-date", "confidence"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_store_query_keyset_pages_cover_everything_once(
    store: Store, order: str, limit: int
) -> None:
    whole = [e.id for e in store.query_events(EventQuery(order=order, limit=100)).items]  # type: ignore[arg-type]
    seen: list[str] = []
    after = None
    while True:
        page = store.query_events(EventQuery(order=order, limit=limit, after=after))  # type: ignore[arg-type]
        seen += [e.id for e in page.items]
        if page.next is None:
            break
        after = page.next
    assert seen == whole


def test_store_all_events_takes_keyword_filters(store: Store) -> None:
    assert [e.id for e in store.all_events(plover="ASSAULT")] == ["a", "d"]
    with pytest.raises(QueryError):
        store.all_events(colour="red")


@pytest.mark.parametrize(
    "bad",
    [
        {"limit": 0},
        {"limit": 10_001},
        {"role": "witness"},
        {"order": "size"},
        {"certainty": ("sure",)},
        {"quad_class": 5},
        {"date_from": date(2024, 2, 1), "date_to": date(2024, 1, 1)},
    ],
)
def test_store_query_rejects_bad_values(bad: dict[str, object]) -> None:
    with pytest.raises(QueryError):
        EventQuery(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("cursor", ["garbage", "", "e30", "WyJzaXplIiwgIjEiLCAiYSJd"])
def test_store_query_rejects_bad_cursors(store: Store, cursor: str) -> None:
    with pytest.raises(QueryError):
        store.query_events(EventQuery(after=cursor))


def test_store_query_cursor_belongs_to_its_order(store: Store) -> None:
    page = store.query_events(EventQuery(limit=1))
    with pytest.raises(QueryError, match="order"):
        store.query_events(EventQuery(limit=1, order="confidence", after=page.next))


def test_store_counts_reports_and_events(store: Store) -> None:
    assert store.count(EventQuery(plover="ASSAULT")) == 2
    assert store.count(EventQuery(plover="ASSAULT"), unit="events") == 2
    assert store.counts().events == 5
