"""Actor timeline: every event where an actor acts, is acted upon or claims, by event date."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from chronica.analysis.select import (
    QUAD_CLASSES,
    ActorRef,
    CountMode,
    EventFilter,
    Role,
    Unit,
    check_count,
    counterparts,
    entity_key,
    entity_label,
    roles_of,
    select_units,
    sort_key,
)
from chronica.records import Entity, Event


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    unit: Unit
    roles: tuple[Role, ...]
    counterparts: tuple[Entity, ...]

    @property
    def event(self) -> Event:
        return self.unit.event


@dataclass(frozen=True, slots=True)
class YearSummary:
    """One year of an actor's events: units per quad class (1..4) and mean Goldstein."""

    year: int
    quad_counts: tuple[int, int, int, int]
    quad_ids: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    goldstein_sum: float
    goldstein_mean: float
    event_ids: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.event_ids)

    @property
    def cooperation(self) -> int:
        return self.quad_counts[0] + self.quad_counts[1]

    @property
    def conflict(self) -> int:
        return self.quad_counts[2] + self.quad_counts[3]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A counterpart, place or claimant and the units it appears in (most frequent first)."""

    key: str
    label: str
    count: int
    event_ids: tuple[str, ...]
    entity: Entity


@dataclass(frozen=True, slots=True)
class ActorTimeline:
    actor: ActorRef
    count: CountMode
    filter: EventFilter
    entries: tuple[TimelineEntry, ...]
    years: tuple[YearSummary, ...]
    undated: int
    top_counterparts: tuple[Ranked, ...]
    top_places: tuple[Ranked, ...]
    top_claimants: tuple[Ranked, ...]


def actor_timeline(
    events: Sequence[Event],
    actor: ActorRef,
    groups: Mapping[str, str] | None = None,
    count: CountMode | None = None,
    flt: EventFilter | None = None,
    top: int = 10,
) -> ActorTimeline:
    """The actor's events ordered by their own date, a summary by year and top lists.

    ``count`` defaults to groups when ``groups`` maps any event, else reports.
    """
    mode = check_count(count, groups)
    flt = flt or EventFilter()
    units = select_units(events, groups, mode, flt, where=lambda ev: bool(roles_of(ev, actor)))
    units.sort(key=lambda u: sort_key(u.event))
    entries = tuple(
        TimelineEntry(u, roles_of(u.event, actor), counterparts(u.event, actor)) for u in units
    )
    return ActorTimeline(
        actor=actor,
        count=mode,
        filter=flt,
        entries=entries,
        years=yearly_summary(units),
        undated=sum(1 for u in units if u.event.date.start is None),
        top_counterparts=rank(entries, lambda e: e.counterparts, top),
        top_places=rank(entries, _places, top),
        top_claimants=rank(entries, _claimants, top),
    )


def yearly_summary(units: Iterable[Unit]) -> tuple[YearSummary, ...]:
    """Counts per quad class and mean Goldstein per year of the event date (undated skipped)."""
    by_year: dict[int, list[Event]] = {}
    for unit in units:
        if unit.event.date.start is not None and unit.event.date.granularity != "unknown":
            by_year.setdefault(unit.event.date.start.year, []).append(unit.event)
    out = []
    for year in sorted(by_year):
        evs = by_year[year]
        quad = [tuple(e.id for e in evs if e.event.quad_class == q) for q in QUAD_CLASSES]
        total = sum(e.event.goldstein for e in evs)
        out.append(
            YearSummary(
                year=year,
                quad_counts=(len(quad[0]), len(quad[1]), len(quad[2]), len(quad[3])),
                quad_ids=(quad[0], quad[1], quad[2], quad[3]),
                goldstein_sum=round(total, 3),
                goldstein_mean=round(total / len(evs), 3),
                event_ids=tuple(e.id for e in evs),
            )
        )
    return tuple(out)


def _places(entry: TimelineEntry) -> tuple[Entity, ...]:
    loc = entry.event.location
    if loc is None:
        return ()
    return (Entity(text=loc.text, name=loc.name or loc.text, country=loc.country),)


def _claimants(entry: TimelineEntry) -> tuple[Entity, ...]:
    claimant = entry.event.attribution.claimant
    return () if claimant is None else (claimant,)


def rank(
    entries: Iterable[TimelineEntry],
    pick: Callable[[TimelineEntry], Iterable[Entity]],
    top: int,
) -> tuple[Ranked, ...]:
    """The ``top`` most frequent entities picked from entries (ties by label)."""
    counts: Counter[str] = Counter()
    firsts: dict[str, Entity] = {}
    ids: dict[str, list[str]] = {}
    for entry in entries:
        seen = set()
        for entity in pick(entry):
            key = entity_key(entity)
            if not key or key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            firsts.setdefault(key, entity)
            ids.setdefault(key, []).append(entry.unit.id)
    labels = {k: entity_label(e) for k, e in firsts.items()}
    ordered = sorted(counts, key=lambda k: (-counts[k], labels[k].casefold()))[:top]
    return tuple(Ranked(k, labels[k], counts[k], tuple(ids[k]), firsts[k]) for k in ordered)
