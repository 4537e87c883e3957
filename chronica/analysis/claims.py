"""Claims ledger: what the text asserts, and what is only claimed, alleged or suspected, by whom.

An event is *asserted* when its certainty is asserted or reported and nobody is named as its
source; every other event is *attributed*: a claimant (or an unnamed source) claims, alleges,
suspects, thinks possible or denies it. In group counting one unit stands for one event group
as told by one claimant at one certainty, so two sources making the same claim count twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chronica.analysis.select import (
    CERTAINTY_ORDER,
    ActorRef,
    CountMode,
    EventFilter,
    Role,
    Unit,
    check_count,
    entity_key,
    entity_label,
    roles_of,
    select_units,
    sort_key,
)
from chronica.records import Entity, Event

UNNAMED = "(unnamed source)"
LEDGER_CERTAINTIES: tuple[str, ...] = (*CERTAINTY_ORDER, "denied")


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    unit: Unit
    claimant: Entity | None
    certainty: str
    cue: str | None
    roles: tuple[Role, ...]  # roles of the ``about`` actor (empty when the ledger has none)

    @property
    def event(self) -> Event:
        return self.unit.event

    @property
    def claimant_label(self) -> str:
        return UNNAMED if self.claimant is None else entity_label(self.claimant)


@dataclass(frozen=True, slots=True)
class ClaimantSummary:
    """How many units a claimant stands behind, per certainty level (LEDGER_CERTAINTIES order)."""

    key: str
    label: str
    ids_by_certainty: tuple[tuple[str, ...], ...]
    event_ids: tuple[str, ...]

    @property
    def counts(self) -> tuple[int, ...]:
        return tuple(len(ids) for ids in self.ids_by_certainty)

    @property
    def total(self) -> int:
        return len(self.event_ids)


@dataclass(frozen=True, slots=True)
class ClaimsLedger:
    about: ActorRef | None
    count: CountMode
    filter: EventFilter
    asserted: tuple[ClaimEntry, ...]
    attributed: tuple[ClaimEntry, ...]
    claimants: tuple[ClaimantSummary, ...]


def is_asserted(event: Event) -> bool:
    att = event.attribution
    return att.claimant is None and att.certainty in ("asserted", "reported") and not att.negated


def _claim_key(ev: Event) -> tuple[str, str]:
    claimant = ev.attribution.claimant
    return ("" if claimant is None else entity_key(claimant), ev.attribution.certainty)


def claims_ledger(
    events: Sequence[Event],
    about: ActorRef | None = None,
    groups: Mapping[str, str] | None = None,
    count: CountMode | None = None,
    flt: EventFilter | None = None,
) -> ClaimsLedger:
    """The ledger of events about ``about`` (as actor or recipient; all events when None).

    Attributed entries are ordered by claimant then event date; asserted ones by event date.
    """
    mode = check_count(count, groups)
    flt = flt or EventFilter()

    def concerns(ev: Event) -> bool:
        return about is None or bool(set(roles_of(ev, about)) & {"actor", "recipient"})

    units = select_units(events, groups, mode, flt, where=concerns, extra_key=_claim_key)
    units.sort(key=lambda u: sort_key(u.event))
    entries = [
        ClaimEntry(
            unit=u,
            claimant=u.event.attribution.claimant,
            certainty="denied" if u.event.attribution.negated else u.event.attribution.certainty,
            cue=u.event.attribution.cue,
            roles=roles_of(u.event, about) if about is not None else (),
        )
        for u in units
    ]
    asserted = tuple(e for e in entries if is_asserted(e.event))
    attributed = tuple(
        sorted(
            (e for e in entries if not is_asserted(e.event)),
            key=lambda e: (e.claimant_label.casefold(), sort_key(e.event)),
        )
    )
    return ClaimsLedger(about, mode, flt, asserted, attributed, summarize(attributed))


def summarize(entries: Sequence[ClaimEntry]) -> tuple[ClaimantSummary, ...]:
    """Per claimant: units per certainty level, most prolific claimant first."""
    rows: dict[str, list[list[str]]] = {}
    labels: dict[str, str] = {}
    ids: dict[str, list[str]] = {}
    for entry in entries:
        key = "" if entry.claimant is None else entity_key(entry.claimant)
        row = rows.setdefault(key, [[] for _ in LEDGER_CERTAINTIES])
        row[LEDGER_CERTAINTIES.index(entry.certainty)].append(entry.unit.id)
        labels.setdefault(key, entry.claimant_label)
        ids.setdefault(key, []).append(entry.unit.id)
    ordered = sorted(rows, key=lambda k: (-len(ids[k]), labels[k].casefold()))
    return tuple(
        ClaimantSummary(k, labels[k], tuple(tuple(x) for x in rows[k]), tuple(ids[k]))
        for k in ordered
    )
