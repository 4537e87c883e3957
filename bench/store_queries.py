"""Store benchmark: write N synthetic events, de-duplicate, time event queries (p50/p95).

Usage: ``python bench/store_queries.py [--events 100000] [--db PATH]``. Prints one line per
query; the web app's budget is 200 ms p95 per search over 100k events.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chronica.records import (
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
from chronica.store import EventQuery, Store

PLOVER = ("ASSAULT", "CONSULT", "PROTEST", "AGREE", "ACCUSE", "AID")
PLACES = ("Kyiv", "Paris", "Berlin", "Cairo", None)


def _event(rng: random.Random, doc_id: str, k: int, names: list[str]) -> Event:
    actor, recipient = rng.choice(names), rng.choice(names)
    day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1500))
    place = rng.choice(PLACES)
    sentence = f"{actor} and {recipient} were reported in {place or 'the region'} ({doc_id}/{k})."
    return Event(
        id=f"{doc_id}-{k}",
        doc_id=doc_id,
        event=EventType(rng.choice(PLOVER), None, "190", 4, -10.0, "attacked"),
        actor=(Entity(actor, actor, "UKR", "GOV", f"Q-{actor}"),),
        recipient=(Entity(recipient, recipient, "RUS", "MIL", f"Q-{recipient}"),),
        date=DateSpan(day, day, "day", "text", "on Monday"),
        location=Place(place, place, "UKR") if place else None,
        attribution=Attribution(rng.choice(("asserted", "reported", "claimed"))),
        evidence=Evidence(k, sentence, 0, len(sentence)),
        confidence=round(rng.random(), 3),
        reasons=Reasons("dictionary", "pattern", "text", "gazetteer", "none"),
    )


def fill(store: Store, events: int, per_doc: int = 10) -> float:
    rng = random.Random(1)
    names = [f"Actor{i}" for i in range(300)]
    began = time.perf_counter()
    batch: list[tuple[Document, list[Event]]] = []
    for d in range(events // per_doc):
        doc_id = f"d{d:06d}"
        evs = [_event(rng, doc_id, k, names) for k in range(per_doc)]
        batch.append((Document(doc_id, f"Text of document {d}."), evs))
        if len(batch) == 50:
            store.save_many(batch)
            batch = []
    if batch:
        store.save_many(batch)
    return time.perf_counter() - began


QUERIES = {
    "first page, by date": EventQuery(),
    "actor by name": EventQuery(actor="actor17"),
    "actor by id, as recipient, in a country": EventQuery(
        actor="Q-Actor5", role="recipient", country="UKR"
    ),
    "type, newest first": EventQuery(plover="ASSAULT", order="-date"),
    "text search, by confidence": EventQuery(text="actor2 and", order="confidence"),
    "date range": EventQuery(date_from=date(2021, 1, 1), date_to=date(2021, 2, 1)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="chronica-store-")) / "store.duckdb"
    with Store.open(db) as store:
        print(f"insert {args.events:,} events: {fill(store, args.events):.1f} s")
        began = time.perf_counter()
        store.deduplicate()
        print(f"deduplicate: {time.perf_counter() - began:.1f} s")
    with Store.open(db, read_only=True) as store:
        for label, query in QUERIES.items():
            times = []
            page = store.query_events(query)
            for _ in range(20):
                began = time.perf_counter()
                page = store.query_events(query)
                times.append(time.perf_counter() - began)
            times.sort()
            p50, p95 = times[len(times) // 2] * 1000, times[int(len(times) * 0.95) - 1] * 1000
            print(f"{label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(page.items)} rows)")


if __name__ == "__main__":
    main()
