"""Benchmark: dossier reports on a 10,000-event synthetic database (target < 5 s per report).

Builds a DuckDB store of synthetic events (random actors among a few states and groups, dates
1980-2024, places with coordinates, mixed certainty and claimants), then times, for a country
(Iran) and a named group (MEK): loading the events, resolving the name, building the dossier
and rendering HTML and Markdown.

    .venv/bin/python bench/report_bench.py [--events 10000] [--db /tmp/report_bench.duckdb]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from chronica.analysis import build_dossier, load_events, render_html, render_markdown
from chronica.analysis.source import resolve_name
from chronica.ontology import Ontology
from chronica.records import (
    Attribution,
    Certainty,
    DateSpan,
    Document,
    Entity,
    Event,
    Evidence,
    Place,
    Reasons,
)
from chronica.store import Store

T = TypeVar("T")

ACTORS = (
    Entity("Iran", "Iran", "IRN", None, "Q794"),
    Entity("Iranian government", "Iranian government", "IRN", "GOV", None),
    Entity("IRGC", "Islamic Revolutionary Guard Corps", "IRN", "MIL", "chronica:irgc"),
    Entity("MEK", "People's Mojahedin Organization of Iran", "IRN", "OPP", "chronica:mek"),
    Entity("Iraq", "Iraq", "IRQ", None, "Q796"),
    Entity("United States", "United States", "USA", None, "Q30"),
    Entity("Israel", "Israel", "ISR", None, "Q801"),
    Entity("Hezbollah", "Hezbollah", "LBN", "REB", "Q41053"),
    Entity("Saudi Arabia", "Saudi Arabia", "SAU", None, "Q851"),
    Entity("European Union", "European Union", "IGO", None, "Q458"),
    Entity("France", "France", "FRA", None, "Q142"),
    Entity("Albania", "Albania", "ALB", None, "Q222"),
)
PLACES = (
    Place("Tehran", "Tehran", "IRN", lat=35.69, lon=51.42, feature="city"),
    Place("Baghdad", "Baghdad", "IRQ", lat=33.34, lon=44.40, feature="city"),
    Place("Paris", "Paris", "FRA", lat=48.86, lon=2.35, feature="city"),
    Place("Tirana", "Tirana", "ALB", lat=41.33, lon=19.82, feature="city"),
    Place("Camp Ashraf", "Camp Ashraf", "IRQ", lat=33.63, lon=44.65, feature="other"),
    Place("Washington", "Washington", "USA", lat=38.90, lon=-77.04, feature="city"),
    Place("Beirut", "Beirut", "LBN", lat=33.89, lon=35.50, feature="city"),
)
CODES = ("190", "183", "173", "112", "111", "130", "057", "036", "042", "070", "0233", "140")
CERTAINTIES: tuple[Certainty, ...] = (
    "asserted", "asserted", "asserted", "reported", "claimed", "alleged", "suspected", "possible",
    "denied",
)  # fmt: skip
GRANULARITIES = ("day", "day", "month", "year")


def synthetic(n_events: int, per_doc: int = 5, seed: int = 7) -> list[tuple[Document, list[Event]]]:
    rng = random.Random(seed)
    onto = Ontology.load()
    start = date(1980, 1, 1)
    items = []
    for d in range(n_events // per_doc):
        doc_id = f"doc{d:05d}"
        published = start + timedelta(days=rng.randrange(45 * 365))
        events = []
        for k in range(per_doc):
            actor, recipient = rng.sample(ACTORS, 2)
            day = published - timedelta(days=rng.randrange(60))
            certainty = rng.choice(CERTAINTIES)
            claimant = rng.choice(ACTORS) if certainty in ("claimed", "alleged", "denied") else None
            code = rng.choice(CODES)
            sentence = f"{actor.text} acted against {recipient.text} <synthetic {d}-{k}>."
            events.append(
                Event(
                    id=f"{doc_id}-{k}",
                    doc_id=doc_id,
                    event=onto.event_type(code, "acted"),
                    actor=(actor,),
                    recipient=(recipient,),
                    date=DateSpan(day, day, rng.choice(GRANULARITIES), "text"),  # type: ignore[arg-type]
                    location=rng.choice(PLACES) if rng.random() < 0.7 else None,
                    attribution=Attribution(certainty, claimant, "said" if claimant else None),
                    evidence=Evidence(k, sentence, 0, len(sentence)),
                    confidence=0.8,
                    reasons=Reasons("synthetic", "synthetic", "synthetic", "synthetic"),
                )
            )
        text = " ".join(e.evidence.sentence for e in events)
        items.append((Document(doc_id, text, published=published, source="bench"), events))
    return items


def build_db(path: Path, n_events: int) -> float:
    path.unlink(missing_ok=True)
    began = time.perf_counter()
    items = synthetic(n_events)
    with Store.open(path) as store:
        for i in range(0, len(items), 200):
            store.save_many(items[i : i + 200])
        store.deduplicate()
    return time.perf_counter() - began


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    def __add__(self, other: Timing) -> Timing:
        return Timing(self.wall + other.wall, self.cpu + other.cpu)

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s CPU)"


def timed(fn: Callable[[], T]) -> tuple[T, Timing]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, Timing(time.perf_counter() - wall, time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/report_bench.duckdb"))
    args = parser.parse_args()
    print(f"building {args.events} synthetic events: {build_db(args.db, args.events):.1f} s")
    _, t_dict = timed(lambda: resolve_name("Iran"))
    print(f"actor dictionary first load: {t_dict}")
    for name in ("Iran", "MEK"):
        table, t_load = timed(lambda: load_events(args.db))
        ref, t_resolve = timed(lambda n=name: resolve_name(n))
        dossier, t_build = timed(lambda r=ref, t=table: build_dossier(t.events, r, t.groups))
        html, t_html = timed(lambda d=dossier: render_html(d))
        _, t_md = timed(lambda d=dossier: render_markdown(d))
        print(
            f"{name}: {len(dossier.timeline.entries)} {dossier.count} "
            f"of {len(table.events)} reports\n"
            f"  load {t_load}, resolve {t_resolve}, analyse {t_build}, "
            f"html {t_html} [{len(html) / 1e6:.1f} MB], md {t_md}\n"
            f"  HTML report total {t_load + t_resolve + t_build + t_html}"
        )


if __name__ == "__main__":
    main()
