"""Synthetic documents and events for the web benchmark and the browser test.

Each document is a few generated sentences; every event points at its sentence with exact
character offsets, as coded events do. Nothing here runs the NLP pipeline.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from chronica.records import (
    Attribution,
    Certainty,
    DateSpan,
    Document,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)

# (name, ISO3, sector, Wikidata QID): a small cast of actors.
ACTORS: tuple[tuple[str, str | None, str | None, str | None], ...] = (
    ("Ruritania", "RUR", None, None),
    ("Ruritanian army", "RUR", "MIL", None),
    ("Freedonia", "FRE", None, None),
    ("Freedonian government", "FRE", "GOV", None),
    ("United Nations", "IGO", None, "Q1065"),
    ("European Union", "IGO", None, "Q458"),
    ("Red Cross", "NGO", None, "Q3133"),
    ("France", "FRA", None, "Q142"),
    ("Kenya", "KEN", None, "Q114"),
    ("Brazil", "BRA", None, "Q155"),
    ("Japan", "JPN", None, "Q17"),
    ("Northern rebels", "RUR", "REB", None),
)
# (verb, CAMEO, PLOVER, quad class, Goldstein).
ACTIONS: tuple[tuple[str, str, str, int, float], ...] = (
    ("met with", "036", "CONSULT", 1, 4.0),
    ("praised", "051", "SUPPORT", 1, 3.4),
    ("signed an agreement with", "057", "AGREE", 1, 8.0),
    ("sent aid to", "070", "AID", 2, 7.0),
    ("accused", "112", "ACCUSE", 3, -2.0),
    ("threatened", "130", "THREATEN", 3, -4.4),
    ("protested against", "140", "PROTEST", 3, -6.5),
    ("imposed sanctions on", "163", "SANCTION", 4, -8.0),
    ("attacked", "190", "ASSAULT", 4, -10.0),
)
# (name, ISO3, admin1, lat, lon, GeoNames id).
PLACES: tuple[tuple[str, str, str | None, float, float, int], ...] = (
    ("Paris", "FRA", "Île-de-France", 48.8534, 2.3488, 2988507),
    ("Nairobi", "KEN", "Nairobi Area", -1.2833, 36.8167, 184745),
    ("Brasília", "BRA", "Federal District", -15.7797, -47.9297, 3469058),
    ("Tokyo", "JPN", "Tokyo", 35.6895, 139.6917, 1850147),
    ("Geneva", "CHE", "Geneva", 46.2022, 6.1457, 2660646),
    ("New York", "USA", "New York", 40.7143, -74.006, 5128581),
)
CLAIMANTS: tuple[tuple[str, str], ...] = (
    ("officials", "said"),
    ("the ministry", "claimed"),
    ("witnesses", "alleged"),
)


@dataclass(frozen=True, slots=True)
class SampleSpec:
    documents: int
    events_per_document: int = 5
    seed: int = 7
    start: date = date(2000, 1, 1)
    days: int = 9_000


def _entity(spec: tuple[str, str | None, str | None, str | None]) -> Entity:
    name, country, sector, qid = spec
    return Entity(text=name, name=name, country=country, sector=sector, id=qid)


def _place(spec: tuple[str, str, str | None, float, float, int]) -> Place:
    name, country, admin1, lat, lon, geonameid = spec
    return Place(name, name, country, admin1, lat, lon, geonameid, "city")


def sample_event(
    rng: random.Random, doc_id: str, index: int, published: date, offset: int
) -> Event:
    """One random event whose evidence sentence starts at ``offset`` in its document."""
    src, dst = rng.sample(ACTORS, 2)
    verb, cameo, plover, quad, goldstein = rng.choice(ACTIONS)
    place = _place(rng.choice(PLACES))
    day = published - timedelta(days=rng.randrange(5))
    date_text = f"{day.day} {day.strftime('%B')} {day.year}"
    claim = rng.choice(CLAIMANTS) if rng.random() < 0.3 else None
    sentence = f"{src[0]} {verb} {dst[0]} in {place.text} on {date_text}"
    if claim is None:
        sentence += "."
        attribution = Attribution()
    else:
        sentence += f", {claim[0]} {claim[1]}."
        certainty: Certainty = "alleged" if claim[1] == "alleged" else "claimed"
        attribution = Attribution(certainty, Entity(text=claim[0]), claim[1])
    return Event(
        id=f"{doc_id}-{index}",
        doc_id=doc_id,
        event=EventType(plover, None, cameo, quad, goldstein, verb.split()[0]),
        actor=(_entity(src),),
        recipient=(_entity(dst),),
        date=DateSpan(day, day, "day", "text", date_text),
        location=place,
        attribution=attribution,
        evidence=Evidence(index, sentence, offset, offset + len(sentence)),
        confidence=round(0.5 + rng.random() / 2, 3),
        reasons=Reasons(
            actor=f"dictionary alias {src[0]!r}",
            event=f"sample pattern for CAMEO {cameo}",
            date=f"explicit date {date_text!r}",
            location=f"gazetteer match {place.text!r}",
            attribution="no attribution cue" if claim is None else f"cue {claim[1]!r}",
        ),
    )


def sample_corpus(spec: SampleSpec) -> Iterator[tuple[Document, list[Event]]]:
    """``spec.documents`` documents, each with ``spec.events_per_document`` events."""
    rng = random.Random(spec.seed)
    for d in range(spec.documents):
        published = spec.start + timedelta(days=rng.randrange(spec.days))
        doc_id = f"sample-{d:06d}"
        events: list[Event] = []
        offset = 0
        for k in range(spec.events_per_document):
            event = sample_event(rng, doc_id, k, published, offset)
            events.append(event)
            offset = event.evidence.end + 1
        text = " ".join(e.evidence.sentence for e in events)
        document = Document(
            id=doc_id, text=text, title=f"Sample report {d}", source="Sample Wire",
            published=published,
        )  # fmt: skip
        yield document, events
