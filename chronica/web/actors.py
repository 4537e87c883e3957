"""Actor data for the pages and the API: an actor's events and analyses, and a name index.

Everything here reads through the store's public API and computes with chronica.analysis;
nothing re-implements either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from chronica.analysis import (
    ActorRef,
    ActorTimeline,
    ClaimsLedger,
    EventFilter,
    FocalWindow,
    actor_ref,
    actor_timeline,
    claims_ledger,
    focal_relations,
    network_series,
)
from chronica.records import Entity, Event
from chronica.store import EventQuery, Store

ACTOR_EVENTS = 5_000  # newest events read per role for one actor page or API answer


@dataclass(frozen=True, slots=True)
class ActorEvents:
    """An actor's events; ``truncated`` when only the newest ``ACTOR_EVENTS`` (per role) were
    read."""

    events: tuple[Event, ...]
    truncated: bool


@dataclass(frozen=True, slots=True)
class ActorData:
    """An actor's events and what chronica.analysis makes of them."""

    ref: ActorRef
    events: tuple[Event, ...]
    timeline: ActorTimeline
    ledger: ClaimsLedger
    ties: FocalWindow | None


def actor_events(
    store: Store,
    name: str,
    date_from: date | None = None,
    date_to: date | None = None,
    cap: int = ACTOR_EVENTS,
) -> ActorEvents:
    """The newest events (at most ``cap`` per role) where ``name`` (entity id, name or text) is
    actor or recipient, or claimant, within the optional date range."""
    seen: dict[str, Event] = {}
    truncated = False
    for role in ("any", "claimant"):
        query = EventQuery(
            actor=name, role=role, date_from=date_from, date_to=date_to, limit=cap, order="-date"
        )
        page = store.query_events(query)
        truncated = truncated or page.next is not None
        for event in page.items:
            seen.setdefault(event.id, event)
    return ActorEvents(tuple(seen.values()), truncated)


def _entities(event: Event) -> Iterable[Entity]:
    yield from event.actor
    yield from event.recipient
    if event.attribution.claimant is not None:
        yield event.attribution.claimant


def reference(name: str, events: Sequence[Event]) -> ActorRef:
    """The analysis reference for ``name``: built on an entity in the events that carries the
    name (one with an id when there is one, so that the id also matches other spellings)."""
    key = name.strip().casefold()
    named: Entity | None = None
    for event in events:
        for entity in _entities(event):
            spellings = {(entity.id or "").casefold(), (entity.name or "").casefold()}
            if key in spellings or key == entity.text.casefold():
                if entity.id is not None:
                    return actor_ref(name, entity)
                named = named or entity
    return actor_ref(name, named)


def analyse_actor(
    name: str, events: Sequence[Event], groups: dict[str, str], flt: EventFilter, count: str | None
) -> ActorData:
    """Timeline, yearly summary, claims ledger and ties of one actor."""
    ref = reference(name, events)
    mode = None if count is None else count
    timeline = actor_timeline(events, ref, groups=groups, count=mode, flt=flt)  # type: ignore[arg-type]
    ledger = claims_ledger(events, about=ref, groups=groups, count=mode, flt=flt)  # type: ignore[arg-type]
    series = network_series(events, groups=groups, count=mode, window="all", flt=flt)  # type: ignore[arg-type]
    windows = focal_relations(series, ref)
    return ActorData(ref, tuple(events), timeline, ledger, windows[0] if windows else None)


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """One actor in the name index: how it is named and how many events it takes part in."""

    key: str
    label: str
    id: str | None
    country: str | None
    sector: str | None
    events: int
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class ActorIndex:
    """Every actor, recipient and claimant in the store, for name search."""

    actors: tuple[ActorSummary, ...]

    @classmethod
    def build(cls, events: Iterable[Event]) -> ActorIndex:
        counts: dict[str, int] = {}
        first: dict[str, Entity] = {}
        spellings: dict[str, set[str]] = {}
        for event in events:
            keys = set()
            for entity in _entities(event):
                key = entity.id or (entity.name or entity.text).strip().casefold()
                if not key:
                    continue
                first.setdefault(key, entity)
                spellings.setdefault(key, set()).add(entity.text)
                keys.add(key)
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        actors = [
            ActorSummary(
                key=key,
                label=first[key].name or first[key].text,
                id=first[key].id,
                country=first[key].country,
                sector=first[key].sector,
                events=counts[key],
                spellings=tuple(sorted(spellings[key])),
            )
            for key in counts
        ]
        actors.sort(key=lambda a: (-a.events, a.label.casefold()))
        return cls(tuple(actors))

    def search(self, query: str | None, limit: int) -> list[ActorSummary]:
        """Actors whose label, id or a spelling contains ``query`` (all when empty), most
        events first."""
        needle = (query or "").strip().casefold()
        found = []
        for actor in self.actors:
            hay = [actor.label, actor.id or "", *actor.spellings]
            if not needle or any(needle in h.casefold() for h in hay):
                found.append(actor)
                if len(found) >= limit:
                    break
        return found
