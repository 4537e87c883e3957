"""Frozen records passed between stages, and the event record itself.

Stage outputs (``Mention``, ``EventCandidate``, ``DateResult``, ``PlaceResult``,
``AttributionResult``) are small named records, never nested string-keyed dicts. The one module
that maps records to JSON/CSV/storage columns is :mod:`chronica.serialize`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

Granularity = Literal["day", "month", "year", "decade", "unknown"]
DateBasis = Literal["text", "context", "publication", "unknown"]
Feature = Literal["city", "admin1", "country", "region", "other"]
Certainty = Literal["asserted", "reported", "claimed", "alleged", "suspected", "possible", "denied"]
Modality = Literal["actual", "attempted", "planned", "threatened", "hypothetical"]

CERTAINTIES: tuple[str, ...] = (
    "asserted", "reported", "claimed", "alleged", "suspected", "possible", "denied",
)  # fmt: skip
MODALITIES: tuple[str, ...] = ("actual", "attempted", "planned", "threatened", "hypothetical")
GRANULARITIES: tuple[str, ...] = ("day", "month", "year", "decade", "unknown")


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. ``id`` is unique within a corpus; ``published`` is the reference date."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet
    published: date | None = None
    republication: str | None = None  # e.g. "republished from X" notice found in the text
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor: the text as written and what it resolved to.

    ``country`` is ISO 3166-1 alpha-3, or IGO/NGO/MNC, or None; ``sector`` a CAMEO-style agent
    code (GOV, MIL, REB, OPP, ...) or None; ``id`` a canonical id (Wikidata QID or a chronica
    key) or None.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    plover: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    trigger: str


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: date | None = None
    end: date | None = None
    granularity: Granularity = "unknown"
    basis: DateBasis = "unknown"
    text: str | None = None


UNKNOWN_DATE = DateSpan()


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    name: str | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: Feature = "other"


@dataclass(frozen=True, slots=True)
class Attribution:
    certainty: Certainty = "asserted"
    claimant: Entity | None = None
    cue: str | None = None
    negated: bool = False
    modality: Modality = "actual"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the event stands: sentence index in the document and char offsets into its text."""

    sentence_index: int
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reasons:
    """A short explanation of how each field was filled."""

    actor: str = ""
    event: str = ""
    date: str = ""
    location: str = ""
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """The event record (see the JSON Schema in chronica/data/event.schema.json)."""

    id: str
    doc_id: str
    event: EventType
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    date: DateSpan
    location: Place | None
    attribution: Attribution
    evidence: Evidence
    confidence: float
    reasons: Reasons


# --------------------------------------------------------------------------- stage records
# Token offsets below are into one block's spaCy Doc (see chronica.nlp.Block).


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention found by the actors stage, resolved to an entity.

    ``kind`` says how: dictionary alias, acronym defined in the text, head+modifier composition,
    fuzzy alias match, coreference to an earlier mention, or an unknown named entity (NER).
    """

    block: int
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    entity: Entity
    kind: Literal["dictionary", "acronym", "composed", "fuzzy", "coref", "ner"]
    reason: str
    parent: str | None = None  # id of the parent organisation (front, wing) when known


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """A coded action found by the events stage, before time, place and attribution."""

    block: int
    sentence_index: int  # index of the sentence in the whole document
    trigger_start: int  # token index of the trigger (inclusive)
    trigger_end: int  # token index (exclusive)
    event: EventType
    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    pattern_id: str
    confidence: float
    reason: str  # names the pattern that fired and how arguments were found
    actor_reason: str = ""
    negated: bool = False  # a negation on the trigger itself ("did not attack")
    extra: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # free notes for later stages


@dataclass(frozen=True, slots=True)
class DateResult:
    span: DateSpan
    reason: str


@dataclass(frozen=True, slots=True)
class PlaceResult:
    place: Place | None
    reason: str


@dataclass(frozen=True, slots=True)
class AttributionResult:
    attribution: Attribution
    reason: str
