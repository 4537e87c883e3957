"""Loading events for analysis from the store, and resolving actor names through the dictionary.

The only place the analysis package touches the database: the store is opened read-only, every
event is read once together with its event group, and the analyses then run in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from chronica.actors import ActorResolver
from chronica.analysis.select import ActorRef, resolve_actor
from chronica.config import Settings
from chronica.records import Event
from chronica.store import Store


@dataclass(frozen=True, slots=True)
class EventTable:
    """Every event of a store with its group (event id -> event group id)."""

    events: tuple[Event, ...]
    groups: Mapping[str, str]


def load_events(db: str | Path) -> EventTable:
    """Read all events and their groups from the database at ``db`` (opened read-only).

    Event ids are keys (links and anchors use them): a repeated id keeps its first record.
    """
    with Store.open(db, read_only=True) as store:
        unique: dict[str, Event] = {}
        for ev in store.iter_events():
            unique.setdefault(ev.id, ev)
        groups = store.group_of()
    return EventTable(tuple(unique.values()), groups)


def resolve_name(name: str, settings: Settings | None = None) -> ActorRef:
    """Resolve an actor name, alias, code or QID with the actor dictionary of ``settings``."""
    return resolve_actor(name, ActorResolver.from_settings(settings or Settings()))
