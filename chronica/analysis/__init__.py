"""Analysis over coded events: actor timelines, dyad series, networks, claims, dossier reports.

Every function is pure over a ``Sequence[Event]`` plus an optional ``groups`` mapping
(event id -> event group id, as ``Store.group_of`` returns) so that it works on a store, a
JSONL file or a hand-made table alike. Counting (``count``): ``"groups"`` counts de-duplicated
event groups, ``"reports"`` every coded report; the default is groups when ``groups`` maps any
event. Filters (``EventFilter``): minimum certainty (asserted > reported > claimed > alleged >
suspected > possible), denied/negated events excluded unless asked for, date bounds on the
event's own date.

Public signatures::

    resolve_actor(query: str, lookup: ActorLookup | None) -> ActorRef
    actor_ref(query: str, entity: Entity | None) -> ActorRef
    EventFilter.from_options(min_certainty=None, asserted_only=False, include_denied=False,
                             date_from=None, date_to=None) -> EventFilter
    actor_timeline(events, actor, groups=None, count=None, flt=None, top=10) -> ActorTimeline
    dyad_series(events, a, b, groups=None, count=None, freq="year", flt=None) -> DyadSeries
    dyad_csv(series) -> str
    network_series(events, groups=None, count=None, window="5y", flt=None) -> NetworkSeries
    focal_relations(series, focal) -> tuple[FocalWindow, ...]
    focal_changes(windows) -> tuple[FocalChange, ...]
    network_to_json(series, focal=None) -> str
    write_graphml(series, path) -> list[Path]
    claims_ledger(events, about=None, groups=None, count=None, flt=None) -> ClaimsLedger
    build_dossier(events, actor, groups=None, count=None, flt=None, window="5y",
                  top_dyads=3) -> Dossier
    render_html(dossier) -> str          # one self-contained file, no external resources
    render_markdown(dossier) -> str
    write_report(dossier, fmt) -> str    # fmt: html or md
    load_events(db) -> EventTable        # every event + groups, store opened read-only
    resolve_name(name, settings=None) -> ActorRef   # through ActorResolver.from_settings
"""

from chronica.analysis.claims import ClaimantSummary, ClaimEntry, ClaimsLedger, claims_ledger
from chronica.analysis.dyad import (
    ChangePoint,
    DirectionStats,
    DyadPeriod,
    DyadSeries,
    dyad_csv,
    dyad_series,
)
from chronica.analysis.network import (
    FocalChange,
    FocalWindow,
    NetworkSeries,
    NetworkWindow,
    Relation,
    Window,
    focal_changes,
    focal_relations,
    network_series,
    network_to_json,
    write_graphml,
)
from chronica.analysis.report import (
    Dossier,
    MapPoint,
    build_dossier,
    render_html,
    render_markdown,
    write_report,
)
from chronica.analysis.select import (
    CERTAINTY_ORDER,
    QUAD_LABELS,
    ActorLookup,
    ActorRef,
    CountMode,
    EventFilter,
    Unit,
    actor_ref,
    date_label,
    resolve_actor,
)
from chronica.analysis.source import EventTable, load_events, resolve_name
from chronica.analysis.timeline import (
    ActorTimeline,
    Ranked,
    TimelineEntry,
    YearSummary,
    actor_timeline,
)

__all__ = [
    "CERTAINTY_ORDER",
    "QUAD_LABELS",
    "ActorLookup",
    "ActorRef",
    "ActorTimeline",
    "ChangePoint",
    "ClaimEntry",
    "ClaimantSummary",
    "ClaimsLedger",
    "CountMode",
    "DirectionStats",
    "Dossier",
    "DyadPeriod",
    "DyadSeries",
    "EventFilter",
    "EventTable",
    "FocalChange",
    "FocalWindow",
    "MapPoint",
    "NetworkSeries",
    "NetworkWindow",
    "Ranked",
    "Relation",
    "TimelineEntry",
    "Unit",
    "Window",
    "YearSummary",
    "actor_ref",
    "actor_timeline",
    "build_dossier",
    "claims_ledger",
    "date_label",
    "dyad_csv",
    "dyad_series",
    "focal_changes",
    "focal_relations",
    "load_events",
    "network_series",
    "network_to_json",
    "render_html",
    "render_markdown",
    "resolve_actor",
    "resolve_name",
    "write_graphml",
    "write_report",
]
