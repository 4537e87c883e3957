"""The one place that maps records to JSON, CSV and flat storage columns, and back.

``event_to_dict`` gives exactly the event record of the README/JSON Schema; ``event_from_dict``
is its inverse (``event_from_dict(event_to_dict(e)) == e``). ``event_to_row`` flattens an event
into scalar columns for CSV, Parquet and the database.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

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

JSON = dict[str, Any]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def entity_to_dict(e: Entity) -> JSON:
    return {"text": e.text, "name": e.name, "country": e.country, "sector": e.sector, "id": e.id}


def entity_from_dict(d: JSON) -> Entity:
    return Entity(d["text"], d.get("name"), d.get("country"), d.get("sector"), d.get("id"))


def event_to_dict(ev: Event) -> JSON:
    """The event record exactly as emitted by ``chronica code --format jsonl``."""
    loc = ev.location
    att = ev.attribution
    return {
        "id": ev.id,
        "doc_id": ev.doc_id,
        "event": {
            "plover": ev.event.plover,
            "mode": ev.event.mode,
            "cameo": ev.event.cameo,
            "quad_class": ev.event.quad_class,
            "goldstein": ev.event.goldstein,
            "trigger": ev.event.trigger,
        },
        "actor": [entity_to_dict(e) for e in ev.actor],
        "recipient": [entity_to_dict(e) for e in ev.recipient],
        "date": {
            "start": _iso(ev.date.start),
            "end": _iso(ev.date.end),
            "granularity": ev.date.granularity,
            "basis": ev.date.basis,
            "text": ev.date.text,
        },
        "location": None
        if loc is None
        else {
            "text": loc.text,
            "name": loc.name,
            "country": loc.country,
            "admin1": loc.admin1,
            "lat": loc.lat,
            "lon": loc.lon,
            "geonameid": loc.geonameid,
            "feature": loc.feature,
        },
        "attribution": {
            "certainty": att.certainty,
            "claimant": None if att.claimant is None else entity_to_dict(att.claimant),
            "cue": att.cue,
            "negated": att.negated,
            "modality": att.modality,
        },
        "evidence": {
            "sentence_index": ev.evidence.sentence_index,
            "sentence": ev.evidence.sentence,
            "start": ev.evidence.start,
            "end": ev.evidence.end,
        },
        "confidence": ev.confidence,
        "reasons": {
            "actor": ev.reasons.actor,
            "event": ev.reasons.event,
            "date": ev.reasons.date,
            "location": ev.reasons.location,
            "attribution": ev.reasons.attribution,
        },
    }


def event_from_dict(d: JSON) -> Event:
    """Inverse of :func:`event_to_dict`."""
    e, dt, loc, att, evd, rs = (
        d["event"], d["date"], d.get("location"), d["attribution"], d["evidence"], d["reasons"],
    )  # fmt: skip
    claimant = att.get("claimant")
    return Event(
        id=d["id"],
        doc_id=d["doc_id"],
        event=EventType(
            e["plover"],
            e.get("mode"),
            e["cameo"],
            int(e["quad_class"]),
            float(e["goldstein"]),
            e["trigger"],
        ),
        actor=tuple(entity_from_dict(x) for x in d.get("actor", [])),
        recipient=tuple(entity_from_dict(x) for x in d.get("recipient", [])),
        date=DateSpan(
            _date(dt.get("start")),
            _date(dt.get("end")),
            dt["granularity"],
            dt["basis"],
            dt.get("text"),
        ),
        location=None
        if loc is None
        else Place(
            loc["text"],
            loc.get("name"),
            loc.get("country"),
            loc.get("admin1"),
            loc.get("lat"),
            loc.get("lon"),
            loc.get("geonameid"),
            loc.get("feature", "other"),
        ),
        attribution=Attribution(
            att["certainty"],
            None if claimant is None else entity_from_dict(claimant),
            att.get("cue"),
            bool(att.get("negated", False)),
            att.get("modality", "actual"),
        ),
        evidence=Evidence(
            int(evd["sentence_index"]), evd["sentence"], int(evd["start"]), int(evd["end"])
        ),
        confidence=float(d["confidence"]),
        reasons=Reasons(
            rs.get("actor", ""),
            rs.get("event", ""),
            rs.get("date", ""),
            rs.get("location", ""),
            rs.get("attribution", ""),
        ),
    )


def event_to_json(ev: Event) -> str:
    return json.dumps(event_to_dict(ev), ensure_ascii=False)


def _names(entities: tuple[Entity, ...]) -> str:
    return "; ".join(e.name or e.text for e in entities)


def _codes(entities: tuple[Entity, ...], attr: str) -> str:
    return "; ".join(getattr(e, attr) or "" for e in entities)


# Flat columns, in order, for CSV, Parquet and the database's events table.
ROW_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "plover", "mode", "cameo", "quad_class", "goldstein", "trigger",
    "actor_names", "actor_countries", "actor_sectors", "actor_ids",
    "recipient_names", "recipient_countries", "recipient_sectors", "recipient_ids",
    "date_start", "date_end", "date_granularity", "date_basis", "date_text",
    "location_text", "location_name", "location_country", "location_admin1",
    "location_lat", "location_lon", "location_geonameid", "location_feature",
    "certainty", "claimant_name", "claimant_country", "claimant_id", "cue", "negated",
    "modality", "sentence_index", "sentence", "evidence_start", "evidence_end",
    "confidence", "reason_actor", "reason_event", "reason_date", "reason_location",
    "reason_attribution",
)  # fmt: skip


def event_to_row(ev: Event) -> JSON:
    """A flat row of scalars (lists joined with "; ") in :data:`ROW_COLUMNS` order."""
    loc = ev.location
    claimant = ev.attribution.claimant
    return {
        "id": ev.id,
        "doc_id": ev.doc_id,
        "plover": ev.event.plover,
        "mode": ev.event.mode,
        "cameo": ev.event.cameo,
        "quad_class": ev.event.quad_class,
        "goldstein": ev.event.goldstein,
        "trigger": ev.event.trigger,
        "actor_names": _names(ev.actor),
        "actor_countries": _codes(ev.actor, "country"),
        "actor_sectors": _codes(ev.actor, "sector"),
        "actor_ids": _codes(ev.actor, "id"),
        "recipient_names": _names(ev.recipient),
        "recipient_countries": _codes(ev.recipient, "country"),
        "recipient_sectors": _codes(ev.recipient, "sector"),
        "recipient_ids": _codes(ev.recipient, "id"),
        "date_start": _iso(ev.date.start),
        "date_end": _iso(ev.date.end),
        "date_granularity": ev.date.granularity,
        "date_basis": ev.date.basis,
        "date_text": ev.date.text,
        "location_text": loc.text if loc else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_feature": loc.feature if loc else None,
        "certainty": ev.attribution.certainty,
        "claimant_name": (claimant.name or claimant.text) if claimant else None,
        "claimant_country": claimant.country if claimant else None,
        "claimant_id": claimant.id if claimant else None,
        "cue": ev.attribution.cue,
        "negated": ev.attribution.negated,
        "modality": ev.attribution.modality,
        "sentence_index": ev.evidence.sentence_index,
        "sentence": ev.evidence.sentence,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "confidence": ev.confidence,
        "reason_actor": ev.reasons.actor,
        "reason_event": ev.reasons.event,
        "reason_date": ev.reasons.date,
        "reason_location": ev.reasons.location,
        "reason_attribution": ev.reasons.attribution,
    }


def document_to_dict(doc: Document) -> JSON:
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": _iso(doc.published),
        "republication": doc.republication,
        "language": doc.language,
    }


def document_from_dict(d: JSON) -> Document:
    return Document(
        id=str(d["id"]),
        text=d["text"],
        title=d.get("title"),
        url=d.get("url"),
        source=d.get("source"),
        published=_date(d.get("published")),
        republication=d.get("republication"),
        language=d.get("language") or "en",
    )


@lru_cache(maxsize=1)
def event_schema() -> JSON:
    """The JSON Schema of the event record (chronica/data/event.schema.json)."""
    text = resources.files("chronica.data").joinpath("event.schema.json").read_text("utf-8")
    schema: JSON = json.loads(text)
    return schema
