"""Choosing and counting events: actor matching, certainty and date filters, counting units.

Every analysis works on *units*: with ``count="groups"`` one unit per event group (the
de-duplicated real-world event; reports without a group are their own unit), with
``count="reports"`` one unit per coded report. A unit keeps all its reports so that output can
link to every one of them and show each evidence sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal, Protocol

from chronica.errors import AnalysisError
from chronica.records import Certainty, DateSpan, Entity, Event

CountMode = Literal["groups", "reports"]
Role = Literal["actor", "recipient", "claimant"]
Freq = Literal["year", "month"]

COUNT_MODES: tuple[str, ...] = ("groups", "reports")
FREQS: tuple[str, ...] = ("year", "month")
# Most to least certain; "denied" stands apart and is excluded unless asked for.
CERTAINTY_ORDER: tuple[str, ...] = (
    "asserted", "reported", "claimed", "alleged", "suspected", "possible",
)  # fmt: skip
QUAD_CLASSES: tuple[int, ...] = (1, 2, 3, 4)
QUAD_LABELS: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# CAMEO sector codes of state organs: a country query (e.g. "Iran") also matches these.
STATE_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


class ActorLookup(Protocol):
    """Anything that resolves a name, alias, code or QID to an entity (ActorResolver does)."""

    def lookup(self, text: str) -> Entity | None: ...


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor asked for by name, with what the dictionary resolved it to.

    ``entity_id`` matches entities with the same id; ``names`` (lower-cased) match entities by
    name or text when either side has no id; ``country`` is set when the query is a country and
    then also matches that country's state organs (``STATE_SECTORS``) and bare country entities.
    """

    query: str
    label: str
    entity_id: str | None = None
    names: frozenset[str] = frozenset()
    country: str | None = None

    def matches(self, entity: Entity) -> bool:
        if self.entity_id is not None and entity.id is not None:
            if entity.id == self.entity_id:
                return True
        elif _lower(entity.name) in self.names or _lower(entity.text) in self.names:
            return True
        if self.country is not None and entity.country == self.country:
            return entity.sector is None or entity.sector in STATE_SECTORS
        return False


@lru_cache(maxsize=1 << 14)
def _lower(text: str | None) -> str:
    return (text or "").strip().casefold()


def actor_ref(query: str, entity: Entity | None) -> ActorRef:
    """The reference for ``query`` given what the actor dictionary resolved it to (or None)."""
    names = {_lower(query)}
    if entity is None:
        return ActorRef(query=query, label=query, names=frozenset(names))
    names.update(_lower(x) for x in (entity.name, entity.text) if x)
    is_country = (
        entity.country is not None
        and entity.sector is None
        and entity.country not in {"IGO", "NGO", "MNC"}
    )
    return ActorRef(
        query=query,
        label=entity.name or entity.text or query,
        entity_id=entity.id,
        names=frozenset(names - {""}),
        country=entity.country if is_country else None,
    )


def resolve_actor(query: str, lookup: ActorLookup | None) -> ActorRef:
    """Resolve a name, alias, code or QID through the actor dictionary (name match if unknown)."""
    if not query.strip():
        raise AnalysisError("actor name must not be empty")
    return actor_ref(query, lookup.lookup(query) if lookup is not None else None)


def entity_key(entity: Entity) -> str:
    """A stable key for grouping entities: the id, else the lower-cased name or text."""
    return entity.id or _lower(entity.name or entity.text)


def entity_label(entity: Entity) -> str:
    return entity.name or entity.text or entity.id or "?"


def roles_of(event: Event, actor: ActorRef) -> tuple[Role, ...]:
    """The roles ``actor`` plays in ``event``: actor, recipient and/or claimant."""
    roles: list[Role] = []
    if any(actor.matches(e) for e in event.actor):
        roles.append("actor")
    if any(actor.matches(e) for e in event.recipient):
        roles.append("recipient")
    claimant = event.attribution.claimant
    if claimant is not None and actor.matches(claimant):
        roles.append("claimant")
    return tuple(roles)


def counterparts(event: Event, actor: ActorRef) -> tuple[Entity, ...]:
    """The entities on the other side of ``event`` from ``actor`` (both sides if only claimant)."""
    in_actor = any(actor.matches(e) for e in event.actor)
    in_recipient = any(actor.matches(e) for e in event.recipient)
    if in_actor and not in_recipient:
        pool: tuple[Entity, ...] = event.recipient
    elif in_recipient and not in_actor:
        pool = event.actor
    else:
        pool = event.actor + event.recipient
    return tuple(e for e in pool if not actor.matches(e))


# --------------------------------------------------------------------------- filters


def certainty_rank(certainty: str) -> int:
    """0 for asserted up to 5 for possible; denied ranks after every other level."""
    if certainty in CERTAINTY_ORDER:
        return CERTAINTY_ORDER.index(certainty)
    return len(CERTAINTY_ORDER)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events an analysis keeps.

    ``min_certainty`` keeps events at least that certain (asserted > reported > claimed >
    alleged > suspected > possible); denied and negated events are dropped unless
    ``include_denied``. Date bounds apply to the event's own date (its start); when a bound is
    set, undated events are dropped.
    """

    min_certainty: Certainty = "possible"
    include_denied: bool = False
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.min_certainty not in CERTAINTY_ORDER:
            allowed = ", ".join(CERTAINTY_ORDER)
            raise AnalysisError(f"min certainty must be one of {allowed}; got {self.min_certainty}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise AnalysisError(f"--from {self.date_from} is after --to {self.date_to}")

    @classmethod
    def from_options(
        cls,
        min_certainty: str | None = None,
        asserted_only: bool = False,
        include_denied: bool = False,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> EventFilter:
        level = "asserted" if asserted_only else (min_certainty or "possible")
        if level not in CERTAINTY_ORDER:
            allowed = ", ".join(CERTAINTY_ORDER)
            raise AnalysisError(f"min certainty must be one of {allowed}; got {level}")
        return cls(
            min_certainty=level,  # type: ignore[arg-type]
            include_denied=include_denied,
            date_from=parse_bound(date_from, end=False),
            date_to=parse_bound(date_to, end=True),
        )

    def keep(self, event: Event) -> bool:
        att = event.attribution
        if att.certainty == "denied" or att.negated:
            if not self.include_denied:
                return False
        elif certainty_rank(att.certainty) > certainty_rank(self.min_certainty):
            return False
        if self.date_from is None and self.date_to is None:
            return True
        start = event.date.start
        if start is None:
            return False
        if self.date_from is not None and start < self.date_from:
            return False
        return self.date_to is None or start <= self.date_to

    def describe(self) -> str:
        level = self.min_certainty
        parts = ["asserted only" if level == "asserted" else f"at least {level}"]
        parts.append("denied included" if self.include_denied else "denied/negated excluded")
        if self.date_from or self.date_to:
            parts.append(f"dated {self.date_from or '…'} to {self.date_to or '…'}")
        return "; ".join(parts)


def parse_bound(text: str | None, end: bool) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a start bound is the first day, an end the last."""
    if text is None or not text.strip():
        return None
    parts = text.strip().split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 1:
            return date(nums[0], 12, 31) if end else date(nums[0], 1, 1)
        if len(nums) == 2:
            if not end:
                return date(nums[0], nums[1], 1)
            nxt = date(nums[0] + nums[1] // 12, nums[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        if len(nums) == 3:
            return date(nums[0], nums[1], nums[2])
    except ValueError as exc:
        raise AnalysisError(f"bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD") from exc
    raise AnalysisError(f"bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


# --------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Unit:
    """What one count stands for: a group's reports (or one report), led by a representative.

    The representative is the most certain report, then the most confident, then the lowest id.
    ``id`` is the representative's event id (used for anchors and links).
    """

    event: Event
    reports: tuple[Event, ...]
    group: str | None = None

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.reports)


def default_count(groups: Mapping[str, str] | None) -> CountMode:
    """Groups when any group exists, else reports."""
    return "groups" if groups else "reports"


def check_count(count: str | None, groups: Mapping[str, str] | None) -> CountMode:
    if count is None:
        return default_count(groups)
    if count not in COUNT_MODES:
        raise AnalysisError(f"--count must be groups or reports; got {count}")
    return count  # type: ignore[return-value]


def _representative_key(ev: Event) -> tuple[int, float, str]:
    return (certainty_rank(ev.attribution.certainty), -ev.confidence, ev.id)


def to_units(
    events: Iterable[Event],
    groups: Mapping[str, str] | None,
    count: CountMode,
    extra_key: Callable[[Event], Hashable] | None = None,
) -> list[Unit]:
    """Collapse reports into counting units (see the module docstring).

    ``extra_key`` splits a group further (the claims ledger keeps one unit per group, claimant
    and certainty). Units come back in the order their first report appears.
    """
    if count == "reports" or not groups:
        return [Unit(ev, (ev,), (groups or {}).get(ev.id)) for ev in events]
    buckets: dict[Hashable, list[Event]] = {}
    for ev in events:
        group = groups.get(ev.id)
        base: Hashable = ("g", group) if group is not None else ("e", ev.id)
        key = (base, extra_key(ev)) if extra_key is not None else base
        buckets.setdefault(key, []).append(ev)
    units = []
    for members in buckets.values():
        rep = min(members, key=_representative_key)
        ordered = (rep, *sorted((m for m in members if m is not rep), key=lambda m: m.id))
        units.append(Unit(rep, ordered, groups.get(rep.id)))
    return units


def select_units(
    events: Sequence[Event],
    groups: Mapping[str, str] | None,
    count: CountMode,
    flt: EventFilter,
    where: Callable[[Event], bool] | None = None,
    extra_key: Callable[[Event], Hashable] | None = None,
) -> list[Unit]:
    """Filter reports (certainty, dates, ``where``), then collapse them into units."""
    kept = (ev for ev in events if flt.keep(ev) and (where is None or where(ev)))
    return to_units(kept, groups, count, extra_key)


# --------------------------------------------------------------------------- dates


def sort_key(event: Event) -> tuple[int, date, str, str]:
    """Order by the event's own date (undated last), then document and id."""
    start = event.date.start
    return (0 if start else 1, start or date.max, event.doc_id, event.id)


def period_of(span: DateSpan, freq: Freq) -> str | None:
    """``YYYY`` or ``YYYY-MM`` of the event's start, None when undated or too coarse for months."""
    if span.start is None or span.granularity in ("unknown", "decade"):
        return None
    if freq == "year":
        return f"{span.start.year:04d}"
    if span.granularity == "year":
        return None
    return f"{span.start.year:04d}-{span.start.month:02d}"


def date_label(span: DateSpan) -> str:
    """The event date at its own granularity: 2019-03-04, 2019-03, 2019, 2010s or undated."""
    start = span.start
    if start is None or span.granularity == "unknown":
        return "undated"
    if span.granularity == "day":
        label = start.isoformat()
    elif span.granularity == "month":
        label = f"{start.year:04d}-{start.month:02d}"
    elif span.granularity == "year":
        label = f"{start.year:04d}"
    else:
        label = f"{start.year // 10 * 10}s"
    if span.end is not None and span.end != start and span.granularity == "day":
        label = f"{label} to {span.end.isoformat()}"
    return label


def check_freq(freq: str) -> Freq:
    if freq not in FREQS:
        raise AnalysisError(f"--freq must be year or month; got {freq}")
    return freq  # type: ignore[return-value]
