"""Signed, weighted actor networks per time window, and how a focal actor's ties change.

Each unit adds one to the edge between every (actor, recipient) pair; an edge keeps its unit
count (``weight``), Goldstein sum, cooperation (quad 1-2) and conflict (quad 3-4) counts and
``sign`` = sign of the Goldstein sum (+1 cooperation, -1 conflict, 0 neutral). Graphs are
undirected: a tie sums both directions. Windows start on 1 January (or the first of the month)
of the first dated event, or of ``--from``; undated events are left out and counted.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from chronica.analysis.select import (
    ActorRef,
    CountMode,
    EventFilter,
    Unit,
    check_count,
    entity_key,
    entity_label,
    select_units,
)
from chronica.errors import AnalysisError
from chronica.records import Entity, Event

_WINDOW = re.compile(r"^\s*(\d+)\s*([ym])\s*$")


@dataclass(frozen=True, slots=True)
class Window:
    """A closed date interval ``[start, end]``."""

    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def slug(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True, eq=False)
class NetworkWindow:
    window: Window
    graph: nx.Graph
    units: int


@dataclass(frozen=True, slots=True)
class NetworkSeries:
    count: CountMode
    filter: EventFilter
    window_spec: str
    windows: tuple[NetworkWindow, ...]
    undated: int


@dataclass(frozen=True, slots=True)
class Relation:
    """One tie of the focal actor in one window."""

    key: str
    label: str
    sign: int
    weight: int
    goldstein_sum: float
    cooperation_ids: tuple[str, ...]
    conflict_ids: tuple[str, ...]
    event_ids: tuple[str, ...]

    @property
    def cooperation(self) -> int:
        return len(self.cooperation_ids)

    @property
    def conflict(self) -> int:
        return len(self.conflict_ids)


@dataclass(frozen=True, slots=True)
class FocalWindow:
    window: Window
    allies: tuple[Relation, ...]
    adversaries: tuple[Relation, ...]
    neutral: tuple[Relation, ...]


@dataclass(frozen=True, slots=True)
class FocalChange:
    """What changed for the focal actor from one window to the next (labels)."""

    before: Window
    after: Window
    new_allies: tuple[str, ...]
    lost_allies: tuple[str, ...]
    new_adversaries: tuple[str, ...]
    lost_adversaries: tuple[str, ...]
    turned_hostile: tuple[str, ...]
    turned_friendly: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(
            (self.new_allies, self.lost_allies, self.new_adversaries, self.lost_adversaries,
             self.turned_hostile, self.turned_friendly)
        )  # fmt: skip


def parse_window(spec: str) -> tuple[int, str]:
    """``5y`` (years) or ``6m`` (months) -> (5, "y"); anything else is an AnalysisError."""
    match = _WINDOW.match(spec)
    if match is None or int(match.group(1)) < 1:
        raise AnalysisError(f"--window must look like 5y or 6m; got {spec!r}")
    return int(match.group(1)), match.group(2)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def make_windows(first: date, last: date, spec: str) -> tuple[Window, ...]:
    """Consecutive windows of length ``spec`` covering ``first``..``last``."""
    size, unit = parse_window(spec)
    months = size * 12 if unit == "y" else size
    start = date(first.year, 1, 1) if unit == "y" else date(first.year, first.month, 1)
    out = []
    while start <= last:
        nxt = _add_months(start, months)
        out.append(Window(start, date.fromordinal(nxt.toordinal() - 1)))
        start = nxt
    return tuple(out)


def build_graph(units: Iterable[Unit]) -> nx.Graph:
    """The signed weighted graph of the units (see the module docstring)."""
    graph = nx.Graph()
    for unit in units:
        ev = unit.event
        for src in ev.actor:
            for dst in ev.recipient:
                a, b = entity_key(src), entity_key(dst)
                if not a or not b or a == b:
                    continue
                _add_node(graph, a, src)
                _add_node(graph, b, dst)
                _add_edge(graph, a, b, ev)
    for _, _, data in graph.edges(data=True):
        total = data["goldstein_sum"] = round(data["goldstein_sum"], 3)
        data["sign"] = 0 if total == 0 else (1 if total > 0 else -1)
    return graph


def _add_node(graph: nx.Graph, key: str, entity: Entity) -> None:
    if key not in graph:
        graph.add_node(
            key,
            label=entity_label(entity),
            entity_id=entity.id or "",
            country=entity.country or "",
            sector=entity.sector or "",
        )


def _add_edge(graph: nx.Graph, a: str, b: str, ev: Event) -> None:
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, weight=0, goldstein_sum=0.0, cooperation=0, conflict=0, events=[],
                       kinds=[])  # fmt: skip
    data = graph.edges[a, b]
    data["weight"] += 1
    data["goldstein_sum"] += ev.event.goldstein
    data["cooperation" if ev.event.quad_class <= 2 else "conflict"] += 1
    data["events"].append(ev.id)
    data["kinds"].append((ev.event.quad_class, ev.event.goldstein))


def network_series(
    events: Sequence[Event],
    groups: Mapping[str, str] | None = None,
    count: CountMode | None = None,
    window: str = "5y",
    flt: EventFilter | None = None,
) -> NetworkSeries:
    """One graph per window over the filtered units (``window="all"``: one graph, undated too)."""
    mode = check_count(count, groups)
    flt = flt or EventFilter()
    units = select_units(events, groups, mode, flt)
    if window == "all":
        dates = [u.event.date.start for u in units if u.event.date.start is not None]
        span = Window(min(dates, default=date.min), max(dates, default=date.min))
        nw = NetworkWindow(span, build_graph(units), len(units))
        return NetworkSeries(mode, flt, window, (nw,), 0)
    parse_window(window)
    days = [(u, u.event.date.start) for u in units if u.event.date.start is not None]
    if not days:
        return NetworkSeries(mode, flt, window, (), len(units))
    first = flt.date_from or min(d for _, d in days)
    last = flt.date_to or max(d for _, d in days)
    out = []
    for w in make_windows(first, last, window):
        inside = [u for u, d in days if w.contains(d)]
        out.append(NetworkWindow(w, build_graph(inside), len(inside)))
    return NetworkSeries(mode, flt, window, tuple(out), len(units) - len(days))


def focal_nodes(graph: nx.Graph, focal: ActorRef) -> list[str]:
    """Nodes of ``graph`` that are the focal actor."""
    out = []
    for key, data in graph.nodes(data=True):
        entity = Entity(
            text=data["label"],
            name=data["label"],
            country=data["country"] or None,
            sector=data["sector"] or None,
            id=data["entity_id"] or None,
        )
        if focal.matches(entity):
            out.append(key)
    return out


def focal_window(nw: NetworkWindow, focal: ActorRef) -> FocalWindow:
    """The focal actor's allies (sign +), adversaries (sign -) and neutral ties, heaviest first."""
    mine = set(focal_nodes(nw.graph, focal))
    # other node -> event id -> (quad class, Goldstein): an event linking the other node to
    # two focal nodes (e.g. a country and its army) counts once.
    merged: dict[str, dict[str, tuple[int, float]]] = {}
    for node in mine:
        for other, data in nw.graph[node].items():
            if other not in mine:
                merged.setdefault(other, {}).update(zip(data["events"], data["kinds"], strict=True))
    relations = []
    for other, events in merged.items():
        total = round(sum(g for _, g in events.values()), 3)
        relations.append(
            Relation(
                key=other,
                label=nw.graph.nodes[other]["label"],
                sign=0 if total == 0 else (1 if total > 0 else -1),
                weight=len(events),
                goldstein_sum=total,
                cooperation_ids=tuple(i for i, (q, _) in events.items() if q <= 2),
                conflict_ids=tuple(i for i, (q, _) in events.items() if q > 2),
                event_ids=tuple(events),
            )
        )
    relations.sort(key=lambda r: (-r.weight, -abs(r.goldstein_sum), r.label.casefold()))
    return FocalWindow(
        nw.window,
        tuple(r for r in relations if r.sign > 0),
        tuple(r for r in relations if r.sign < 0),
        tuple(r for r in relations if r.sign == 0),
    )


def focal_relations(series: NetworkSeries, focal: ActorRef) -> tuple[FocalWindow, ...]:
    return tuple(focal_window(nw, focal) for nw in series.windows)


def focal_changes(windows: Sequence[FocalWindow]) -> tuple[FocalChange, ...]:
    """Allies and adversaries gained, lost or switched between consecutive windows."""
    out = []
    for prev, cur in itertools.pairwise(windows):
        a0 = {r.key: r.label for r in prev.allies}
        a1 = {r.key: r.label for r in cur.allies}
        d0 = {r.key: r.label for r in prev.adversaries}
        d1 = {r.key: r.label for r in cur.adversaries}
        out.append(
            FocalChange(
                before=prev.window,
                after=cur.window,
                new_allies=_labels(a1, a1.keys() - a0.keys() - d0.keys()),
                lost_allies=_labels(a0, a0.keys() - a1.keys() - d1.keys()),
                new_adversaries=_labels(d1, d1.keys() - d0.keys() - a0.keys()),
                lost_adversaries=_labels(d0, d0.keys() - d1.keys() - a1.keys()),
                turned_hostile=_labels(d1, a0.keys() & d1.keys()),
                turned_friendly=_labels(a1, d0.keys() & a1.keys()),
            )
        )
    return tuple(out)


def _labels(names: Mapping[str, str], keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted((names[k] for k in keys), key=str.casefold))


def graph_to_dict(graph: nx.Graph) -> dict[str, Any]:
    """Nodes and edges as plain JSON-ready data (edge ``events`` lists the unit ids)."""
    return {
        "nodes": [{"key": k, **data} for k, data in sorted(graph.nodes(data=True))],
        "edges": [
            {"source": a, "target": b, **{k: v for k, v in data.items() if k != "kinds"}}
            for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
        ],
    }


def _relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "key": r.key, "label": r.label, "sign": r.sign, "weight": r.weight,
        "goldstein_sum": r.goldstein_sum, "events": list(r.event_ids),
    }  # fmt: skip


def network_to_json(series: NetworkSeries, focal: ActorRef | None = None) -> str:
    """All windows (and the focal actor's ties and changes) as one JSON document."""
    doc: dict[str, Any] = {
        "count": series.count,
        "filter": series.filter.describe(),
        "window": series.window_spec,
        "undated": series.undated,
        "windows": [
            {"start": nw.window.start.isoformat(), "end": nw.window.end.isoformat(),
             "units": nw.units, **graph_to_dict(nw.graph)}
            for nw in series.windows
        ],
    }  # fmt: skip
    if focal is not None:
        fws = focal_relations(series, focal)
        doc["focal"] = {
            "actor": focal.label,
            "windows": [
                {"start": fw.window.start.isoformat(), "end": fw.window.end.isoformat(),
                 "allies": [_relation_dict(r) for r in fw.allies],
                 "adversaries": [_relation_dict(r) for r in fw.adversaries]}
                for fw in fws
            ],
            "changes": [
                {"before": c.before.label, "after": c.after.label,
                 "new_allies": list(c.new_allies), "lost_allies": list(c.lost_allies),
                 "new_adversaries": list(c.new_adversaries),
                 "lost_adversaries": list(c.lost_adversaries),
                 "turned_hostile": list(c.turned_hostile),
                 "turned_friendly": list(c.turned_friendly)}
                for c in focal_changes(fws)
            ],
        }  # fmt: skip
    return json.dumps(doc, ensure_ascii=False, indent=2)


def write_graphml(series: NetworkSeries, path: Path) -> list[Path]:
    """Write one GraphML file per window (``path`` itself when there is one window, else
    ``<stem>_<start>_<end>.graphml``); edge ``events`` becomes a space-separated string."""
    written = []
    for nw in series.windows:
        out = path if len(series.windows) == 1 else path.with_name(
            f"{path.stem}_{nw.window.slug}{path.suffix or '.graphml'}"
        )  # fmt: skip
        graph = nw.graph.copy()
        for _, _, data in graph.edges(data=True):
            data["events"] = " ".join(data["events"])
            del data["kinds"]
        graph.graph.update(
            {"start": nw.window.start.isoformat(), "end": nw.window.end.isoformat(),
             "count": series.count}
        )  # fmt: skip
        nx.write_graphml(graph, out)
        written.append(out)
    return written
