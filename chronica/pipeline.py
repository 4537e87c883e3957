"""The coder: Document -> list[Event], stage by stage.

ingest (Document) -> nlp (ParsedDocument) -> actors (Mention) -> events (EventCandidate)
-> time (DateResult) -> place (PlaceResult) -> attribution (AttributionResult) -> Event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language

from chronica import __version__
from chronica.actors import ActorResolver
from chronica.attribution import Attributor
from chronica.config import Settings
from chronica.errors import ChronicaError, CodingError
from chronica.events import EventMatcher
from chronica.nlp import ParsedDocument, load_pipeline, parse
from chronica.place import Geoparser
from chronica.records import (
    AttributionResult,
    DateResult,
    Document,
    Entity,
    Event,
    EventCandidate,
    Evidence,
    Mention,
    PlaceResult,
    Reasons,
)
from chronica.time import TimeResolver


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """The result of coding one document: its events, or the error that stopped it."""

    document: Document
    events: tuple[Event, ...]
    error: ChronicaError | None = None


def event_id(doc_id: str, cand: EventCandidate, start: int, end: int) -> str:
    """Stable id: the same input and chronica version give the same id."""
    key = (
        f"{__version__}|{doc_id}|{cand.sentence_index}|{start}|{end}|{cand.block}"
        f"|{cand.trigger_start}|{cand.trigger_end}|{cand.event.cameo}"
    )
    key += "|" + ",".join(m.entity.text for m in cand.actor)
    key += "|" + ",".join(m.entity.text for m in cand.recipient)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Coder:
    """Holds the loaded pipeline and stage resources; code documents with :meth:`code_many`."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else load_pipeline(self.settings.model)
        self.actors = ActorResolver.from_settings(self.settings)
        self.events = EventMatcher.from_settings(self.settings)
        self.time = TimeResolver.from_settings(self.settings)
        self.place = Geoparser.from_settings(self.settings)
        self.attribution = Attributor.from_settings(self.settings)

    def code(self, document: Document) -> list[Event]:
        """Code one document (errors propagate)."""
        return list(self.code_parsed(next(iter(self._parse([document])))))

    def code_many(
        self,
        documents: Iterable[Document],
        on_done: Callable[[CodedDocument], None] | None = None,
    ) -> Iterator[CodedDocument]:
        """Code documents lazily; a document that fails yields a CodedDocument with ``error``
        and never stops the others (an unexpected exception becomes a :class:`CodingError`)."""
        for parsed in self._parse(documents):
            try:
                result = CodedDocument(parsed.document, tuple(self.code_parsed(parsed)))
            except ChronicaError as exc:
                result = CodedDocument(parsed.document, (), exc)
            except Exception as exc:  # noqa: BLE001 - the batch error policy: record, go on
                error = CodingError(parsed.document.id, exc)
                error.__cause__ = exc
                result = CodedDocument(parsed.document, (), error)
            if on_done is not None:
                on_done(result)
            yield result

    def _parse(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        return parse(
            self.nlp,
            documents,
            batch_size=self.settings.batch_size,
            max_block_chars=self.settings.max_block_chars,
        )

    def code_parsed(self, parsed: ParsedDocument) -> Iterator[Event]:
        """Run the stages over one parsed document and assemble the events."""
        mentions = self.actors.resolve(parsed)
        candidates = self.events.find(parsed, mentions)
        dates = self.time.resolve(parsed, candidates)
        places = self.place.resolve(parsed, candidates, mentions)
        attributions = self.attribution.resolve(parsed, candidates, mentions)
        for cand, d, p, a in zip(candidates, dates, places, attributions, strict=True):
            event = assemble(parsed, cand, d, p, a)
            event = self._code_roles_at_event_date(event)
            event = self._code_groups_at_event_place(event)
            event = _agents_take_location_country(_implied_local_actor(event))
            if event.confidence >= self.settings.min_confidence:
                yield event

    def _code_roles_at_event_date(self, event: Event) -> Event:
        """Persons with time-bounded roles code for the role held on the event's own date
        (not the publication date)."""
        when = event.date.start or event.date.end
        if when is None:
            return event
        actor = tuple(self.actors.at_date(e, when) for e in event.actor)
        recipient = tuple(self.actors.at_date(e, when) for e in event.recipient)
        if actor == event.actor and recipient == event.recipient:
            return event
        return replace(event, actor=actor, recipient=recipient)

    def _code_groups_at_event_place(self, event: Event) -> Event:
        """Groups that act in several countries (the dictionary's ``operates_in``) code for
        the country where the event took place when it is one of them."""
        country = event.location.country if event.location is not None else None
        if country is None:
            return event
        actor = tuple(self.actors.at_place(e, country) for e in event.actor)
        recipient = tuple(self.actors.at_place(e, country) for e in event.recipient)
        moved = [
            new.text
            for old, new in zip(event.actor + event.recipient, actor + recipient, strict=True)
            if new is not old
        ]
        if not moved:
            return event
        note = (
            f"; group(s) acting in several countries coded by the event location country "
            f"{country}: " + ", ".join(repr(t) for t in moved)
        )
        reasons = replace(event.reasons, actor=event.reasons.actor + note)
        return replace(event, actor=actor, recipient=recipient, reasons=reasons)


# Event types whose unnamed doer is, by event-data convention, a local party: ACLED codes
# them "Protesters (Country)" or "Unidentified Armed Group (Country)".
_LOCAL_DOER_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
IMPLIED_ACTOR = "unnamed actor"


def _implied_local_actor(event: Event) -> Event:
    """A protest or an act of force whose doer the event rules found nowhere ("a man was shot
    dead", or a sentence the parser got wrong) gets an unnamed actor (empty text, named
    "unnamed actor (ISO3)") of the country of the event's location; the actor reason says
    so."""
    country = event.location.country if event.location is not None else None
    if event.actor or event.event.plover not in _LOCAL_DOER_TYPES:
        return event
    if country is None or country in {"IGO", "NGO", "MNC"}:
        return event
    actor = (Entity(text="", name=f"{IMPLIED_ACTOR} ({country})", country=country),)
    note = (
        f"; no doer found in the text: an {IMPLIED_ACTOR} of the event's location country "
        f"{country} is assumed (local by event-data convention)"
    )
    reasons = replace(event.reasons, actor=event.reasons.actor + note)
    return replace(event, actor=actor, reasons=reasons)


def _agents_take_location_country(event: Event) -> Event:
    """Actors the text gives no country take the country of the event's location, as
    event-data coders do (ACLED's "Protesters (Country)"); the actor reason says so. On the
    acting side that is any actor without a country or an id (an unmarked agent such as
    "police", a noun phrase such as "taxi drivers", an unknown group); on the receiving side
    only unmarked agents (a sector, no country, no id), since objects are often things."""
    country = event.location.country if event.location is not None else None
    if country is None or country in {"IGO", "NGO", "MNC"}:
        return event
    actor, filled_a = _fill_country(event.actor, country, need_sector=False)
    recipient, filled_r = _fill_country(event.recipient, country, need_sector=True)
    filled = filled_a + filled_r
    if not filled:
        return event
    note = f"; country {country} from the event location for actor(s) the text gives none: " + (
        ", ".join(repr(t) for t in filled)
    )
    reasons = replace(event.reasons, actor=event.reasons.actor + note)
    return replace(event, actor=actor, recipient=recipient, reasons=reasons)


def _fill_country(
    entities: tuple[Entity, ...], country: str, need_sector: bool
) -> tuple[tuple[Entity, ...], list[str]]:
    """The entities with ``country`` set where they have none (and no id), and their texts."""
    out: list[Entity] = []
    filled: list[str] = []
    for e in entities:
        if e.country is None and e.id is None and (e.sector is not None or not need_sector):
            out.append(replace(e, country=country))
            filled.append(e.text)
        else:
            out.append(e)
    return tuple(out), filled


def assemble(
    parsed: ParsedDocument,
    cand: EventCandidate,
    date_result: DateResult,
    place_result: PlaceResult,
    attribution_result: AttributionResult,
) -> Event:
    """Build the event record from the stage results for one candidate."""
    block = parsed.blocks[cand.block]
    sent = block.doc[cand.trigger_start].sent
    start, end = block.char_span(sent)
    evidence = Evidence(cand.sentence_index, parsed.document.text[start:end], start, end)
    actor_reason = cand.actor_reason or "; ".join(
        f"{m.entity.text!r}: {m.reason}" for m in (*cand.actor, *cand.recipient)
    )
    return Event(
        id=event_id(parsed.document.id, cand, start, end),
        doc_id=parsed.document.id,
        event=cand.event,
        actor=_unique(cand.actor),
        recipient=_unique(cand.recipient),
        date=date_result.span,
        location=place_result.place,
        attribution=attribution_result.attribution,
        evidence=evidence,
        confidence=round(cand.confidence, 3),
        reasons=Reasons(
            actor=actor_reason or "no actor found",
            event=cand.reason,
            date=date_result.reason,
            location=place_result.reason,
            attribution=attribution_result.reason,
        ),
    )


def _unique(mentions: tuple[Mention, ...]) -> tuple[Entity, ...]:
    """Entities of the mentions, each once (by id or name, and text), in order."""
    seen: dict[tuple[str | None, str], Entity] = {}
    for m in mentions:
        seen.setdefault((m.entity.id or m.entity.name, m.entity.text), m.entity)
    return tuple(seen.values())
