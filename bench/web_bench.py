"""Benchmark: event search through the HTTP API on a 100,000-event database (target p95 < 200 ms).

Builds a DuckDB store of synthetic events (chronica.web.sample: 20,000 documents of 5 events),
then times GET /api/v1/events in-process (FastAPI TestClient: routing, validation, the store
query and JSON encoding, without network) for a mix of searches, and the HTML search page.

    .venv/bin/python bench/web_bench.py [--events 100000] [--db /tmp/web_bench.duckdb]
        [--repeat 30] [--reuse]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from chronica.store import Store
from chronica.web import create_app
from chronica.web.sample import SampleSpec, sample_corpus

QUERIES: dict[str, dict[str, str]] = {
    "newest 50": {},
    "actor": {"actor": "Kenya"},
    "actor id + role": {"actor": "Q142", "role": "actor"},
    "type + dates": {"plover": "ASSAULT", "date_from": "2010", "date_to": "2012"},
    "quad + country": {"quad_class": "4", "country": "FRA"},
    "certainty": {"certainty": "alleged", "order": "confidence"},
    "full text": {"text": "sanctions on Japan"},
    "500 per page": {"limit": "500"},
    "oldest first": {"order": "date", "limit": "100"},
}


def build_db(path: Path, n_events: int) -> float:
    path.unlink(missing_ok=True)
    began = time.perf_counter()
    batch = []
    with Store.open(path) as store:
        for item in sample_corpus(SampleSpec(documents=n_events // 5, events_per_document=5)):
            batch.append(item)
            if len(batch) == 500:
                store.save_many(batch)
                batch.clear()
        if batch:
            store.save_many(batch)
    return time.perf_counter() - began


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/web_bench.duckdb"))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep an existing database")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        print(f"building {args.events} synthetic events: {build_db(args.db, args.events):.1f} s")
    client = TestClient(create_app(args.db))
    client.get("/api/v1/events")  # warm up
    every: list[float] = []
    print(f"{'query':<18} {'items':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for name, params in QUERIES.items():
        samples = []
        items = 0
        for _ in range(args.repeat):
            began = time.perf_counter()
            r = client.get("/api/v1/events", params=params)
            samples.append((time.perf_counter() - began) * 1000)
            assert r.status_code == 200, r.text
            items = len(r.json()["items"])
        every += samples
        print(f"{name:<18} {items:>5} {statistics.median(samples):>8.1f} {p95(samples):>8.1f}")
    cursor = client.get("/api/v1/events", params={"actor": "Brazil"}).json()["next"]
    pages = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        client.get("/api/v1/events", params={"actor": "Brazil", "after": cursor})
        pages.append((time.perf_counter() - began) * 1000)
    every += pages
    print(f"{'next page':<18} {50:>5} {statistics.median(pages):>8.1f} {p95(pages):>8.1f}")
    html = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        client.get("/events", params={"actor": "Kenya", "plover": "AID"})
        html.append((time.perf_counter() - began) * 1000)
    print(f"{'HTML /events':<18} {'':>5} {statistics.median(html):>8.1f} {p95(html):>8.1f}")
    print(f"event search API, all queries: p50 {statistics.median(every):.1f} ms, "
          f"p95 {p95(every):.1f} ms (target < 200 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
