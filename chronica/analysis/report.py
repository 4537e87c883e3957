"""The dossier on one actor: timeline, yearly chart, dyads, networks, map and claims ledger.

``build_dossier`` runs every analysis over the same events, filter and counting mode;
``render_html`` writes one self-contained HTML file (inline CSS and SVG, no scripts, no
external resources; all article text escaped by Jinja2 autoescape) and ``render_markdown`` the
same content as Markdown. Every number links to the events it counts: a single event links to
its timeline entry, a set of events to a list of links at the end of the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from chronica.analysis import charts
from chronica.analysis.claims import LEDGER_CERTAINTIES, ClaimsLedger, claims_ledger
from chronica.analysis.dyad import DyadSeries, dyad_series
from chronica.analysis.network import (
    FocalChange,
    FocalWindow,
    NetworkSeries,
    focal_changes,
    focal_relations,
    network_series,
)
from chronica.analysis.select import (
    QUAD_LABELS,
    ActorRef,
    CountMode,
    EventFilter,
    actor_ref,
    check_count,
    date_label,
    entity_label,
)
from chronica.analysis.timeline import ActorTimeline, TimelineEntry, actor_timeline
from chronica.errors import AnalysisError
from chronica.records import Entity, Event

FORMATS: tuple[str, ...] = ("html", "md")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]")


@dataclass(frozen=True, slots=True)
class MapPoint:
    label: str
    lat: float
    lon: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dossier:
    actor: ActorRef
    count: CountMode
    filter: EventFilter
    timeline: ActorTimeline
    dyads: tuple[DyadSeries, ...]
    network: NetworkSeries
    focal: tuple[FocalWindow, ...]
    changes: tuple[FocalChange, ...]
    claims: ClaimsLedger
    points: tuple[MapPoint, ...]


def build_dossier(
    events: Sequence[Event],
    actor: ActorRef,
    groups: Mapping[str, str] | None = None,
    count: CountMode | None = None,
    flt: EventFilter | None = None,
    window: str = "5y",
    top_dyads: int = 3,
) -> Dossier:
    """Every analysis of ``actor`` over the same events, filter and counting mode."""
    mode = check_count(count, groups)
    flt = flt or EventFilter()
    timeline = actor_timeline(events, actor, groups, mode, flt)
    involved = [ev for e in timeline.entries for ev in e.unit.reports]
    dyads = tuple(
        dyad_series(involved, actor, counterpart_ref(r.entity), groups, mode, "year", flt)
        for r in timeline.top_counterparts[:top_dyads]
    )
    network = network_series(involved, groups, mode, window, flt)
    focal = focal_relations(network, actor)
    return Dossier(
        actor=actor,
        count=mode,
        filter=flt,
        timeline=timeline,
        dyads=dyads,
        network=network,
        focal=focal,
        changes=focal_changes(focal),
        claims=claims_ledger(involved, actor, groups, mode, flt),
        points=map_points(timeline.entries),
    )


def counterpart_ref(entity: Entity) -> ActorRef:
    return actor_ref(entity_label(entity), entity)


def map_points(entries: Iterable[TimelineEntry]) -> tuple[MapPoint, ...]:
    """One point per distinct located place, with the units that happened there."""
    found: dict[tuple[float, float], tuple[str, list[str]]] = {}
    for entry in entries:
        loc = entry.event.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        found.setdefault((loc.lat, loc.lon), (loc.name or loc.text, []))[1].append(entry.unit.id)
    return tuple(
        MapPoint(label, lat, lon, tuple(ids))
        for (lat, lon), (label, ids) in sorted(found.items(), key=lambda kv: -len(kv[1][1]))
    )


# --------------------------------------------------------------------------- links


def anchor(event_id: str) -> str:
    """The HTML id of an event's timeline entry."""
    return "ev-" + _UNSAFE_ID.sub("_", event_id)


@dataclass(frozen=True, slots=True)
class EventSet:
    anchor: str
    label: str
    event_ids: tuple[str, ...]

    def links(self) -> Markup:
        """Numbered links to every event of the set (anchors are already HTML-safe)."""
        return Markup(
            " ".join(f'<a href="#{anchor(i)}">{n}</a>' for n, i in enumerate(self.event_ids, 1))
        )


class Linker:
    """Turns a count and its event ids into a link; remembers the sets for the appendix.

    One per render (never shared): identical sets share one anchor.
    """

    def __init__(self) -> None:
        self.sets: list[EventSet] = []
        self._by_ids: dict[tuple[str, ...], str] = {}

    def target(self, ids: Sequence[str], label: str) -> str | None:
        ids = tuple(ids)
        if not ids:
            return None
        if len(ids) == 1:
            return anchor(ids[0])
        name = self._by_ids.get(ids)
        if name is None:
            name = f"set-{len(self.sets) + 1}"
            self._by_ids[ids] = name
            self.sets.append(EventSet(name, label, ids))
        return name

    def html(self, value: object, ids: Sequence[str], label: str) -> Markup:
        target = self.target(ids, label)
        text = escape(_number(value))
        if target is None:
            return Markup(text)
        return Markup('<a href="#{}">{}</a>').format(target, text)

    def md(self, value: object, ids: Sequence[str], label: str) -> str:
        target = self.target(ids, label)
        text = md_escape(_number(value))
        return text if target is None else f"[{text}](#{target})"


def _number(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:+.2f}"
    return str(value)


# --------------------------------------------------------------------------- HTML


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = date_label
    env.filters["who"] = _who
    env.filters["anchor"] = anchor
    env.filters["signed"] = lambda v: "–" if v is None else f"{v:+.2f}"
    source = resources.files("chronica.analysis").joinpath("dossier.html").read_text("utf-8")
    return env.from_string(source)


def _who(entities: Iterable[Entity]) -> str:
    return ", ".join(entity_label(e) for e in entities) or "—"


def timeline_entry(entry: TimelineEntry) -> Markup:
    """One timeline entry as HTML: the event and every report's evidence sentence.

    Built in Python for speed (a dossier can hold thousands of entries); every text field goes
    through ``escape``, exactly what Jinja2 autoescape applies to template expressions.
    """
    ev, e = entry.event, escape
    att, kind = ev.attribution, ev.event
    claimant = f" by {e(entity_label(att.claimant))}" if att.claimant else ""
    place = ""
    if ev.location is not None:
        country = f", {e(ev.location.country)}" if ev.location.country else ""
        place = f'<span class="tag">at {e(ev.location.name or ev.location.text)}{country}</span>'
    other = (
        f'<span class="tag">counterpart: {e(_who(entry.counterparts))}</span>'
        if entry.counterparts
        else ""
    )
    mode = f"/{e(kind.mode)}" if kind.mode else ""
    lines = [
        f'<div class="entry q{kind.quad_class}" id="{anchor(ev.id)}">',
        f'<div><strong>{e(date_label(ev.date))}</strong> <span class="tag">'
        f"{e(ev.date.granularity)}</span> {e(_who(ev.actor))} <strong>{e(kind.plover)}</strong>"
        f"{mode} {e(_who(ev.recipient))} "
        f'<span class="tag">CAMEO {e(kind.cameo)}</span>'
        f'<span class="tag">{e(QUAD_LABELS.get(kind.quad_class, "?"))}</span>'
        f'<span class="tag">Goldstein {kind.goldstein:+.1f}</span> '
        f'<span class="tag cert-{e(att.certainty)}">{e(att.certainty)}{claimant}</span> '
        f'{place} <span class="tag">role: {e(", ".join(entry.roles))}</span> {other}</div>',
    ]
    for n, report in enumerate(entry.unit.reports):
        rid = "" if n == 0 else f' id="{anchor(report.id)}"'
        lines.append(
            f'<div class="evidence"{rid}>“{e(report.evidence.sentence)}” <span class="meta">— '
            f"{e(report.doc_id)}, {e(report.attribution.certainty)}</span></div>"
        )
    lines.append("</div>")
    return Markup("\n".join(lines))


def render_html(dossier: Dossier) -> str:
    """The dossier as one self-contained HTML page."""
    linker = Linker()
    return _template().render(
        d=dossier,
        t=dossier.timeline,
        link=linker.html,
        linker=linker,
        quad_labels=QUAD_LABELS,
        certainties=LEDGER_CERTAINTIES,
        charts=_charts(dossier),
        timeline_entry=timeline_entry,
    )


@dataclass(frozen=True, slots=True)
class _Charts:
    yearly: Markup | None
    dyads: tuple[Markup, ...]
    networks: Markup | None
    map: Markup | None


def _charts(d: Dossier) -> _Charts:
    return _Charts(
        yearly=Markup(charts.yearly_chart(d.timeline.years)) if d.timeline.years else None,
        dyads=tuple(
            Markup(charts.dyad_chart(s, f"dyad{i}")) if s.periods else Markup("")
            for i, s in enumerate(d.dyads)
        ),
        networks=Markup(charts.ego_charts(d.focal, d.actor.label))
        if any(fw.allies or fw.adversaries or fw.neutral for fw in d.focal)
        else None,
        map=Markup(charts.map_chart([(p.label, p.lat, p.lon, len(p.event_ids)) for p in d.points]))
        if d.points
        else None,
    )


# --------------------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str) -> str:
    """Article text made inert in Markdown: HTML special characters and Markdown syntax escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render_markdown(dossier: Dossier) -> str:
    """The dossier as Markdown (same sections as the HTML, without charts)."""
    d, t, link = dossier, dossier.timeline, Linker()
    out = [
        f"# Dossier: {md_escape(d.actor.label)}",
        "",
        f"Query: {md_escape(d.actor.query)}. Counting: **{d.count}** "
        f"({'de-duplicated event groups' if d.count == 'groups' else 'raw reports'}). "
        f"Filter: {md_escape(d.filter.describe())}. Events: {len(t.entries)} "
        f"(undated: {t.undated}).",
        "",
        "## Summary by year",
        "",
        "| year | "
        + " | ".join(QUAD_LABELS[q] for q in (1, 2, 3, 4))
        + " | total | mean Goldstein |",
        "|---|---|---|---|---|---|---|",
    ]
    for y in t.years:
        cells = [
            link.md(y.quad_counts[q], y.quad_ids[q], f"{y.year}: {QUAD_LABELS[q + 1]}")
            for q in range(4)
        ]
        out.append(
            f"| {y.year} | " + " | ".join(cells)
            + f" | {link.md(y.total, y.event_ids, f'{y.year}: all')} | {y.goldstein_mean:+.2f} |"
        )  # fmt: skip
    for title, ranked in (
        ("Top counterparts", t.top_counterparts),
        ("Top places", t.top_places),
        ("Top claimants", t.top_claimants),
    ):
        out += ["", f"## {title}", ""]
        out += [f"- {md_escape(r.label)}: {link.md(r.count, r.event_ids, r.label)}" for r in ranked]
        if not ranked:
            out.append("- none")
    out += _md_dyads(d, link) + _md_network(d, link) + _md_claims(d, link) + _md_timeline(t)
    out += ["", "## Event sets", ""]
    for s in link.sets:
        refs = ", ".join(f"[{md_escape(i)}](#{anchor(i)})" for i in s.event_ids)
        out.append(f'- <a id="{s.anchor}"></a>{md_escape(s.label)}: {refs}')
    return "\n".join(out) + "\n"


def _md_dyads(d: Dossier, link: Linker) -> list[str]:
    out = ["", "## Dyads with top counterparts"]
    for s in d.dyads:
        a, b = md_escape(s.a.label), md_escape(s.b.label)
        out += ["", f"### {a} and {b}", "", f"| year | {a} → {b} | mean | {b} → {a} | mean |"]
        out.append("|---|---|---|---|---|")
        for p in s.periods:
            out.append(
                f"| {p.period} | {link.md(p.a_to_b.total, p.a_to_b.event_ids, f'{p.period} A→B')}"
                f" | {_number(p.a_to_b.goldstein_mean)}"
                f" | {link.md(p.b_to_a.total, p.b_to_a.event_ids, f'{p.period} B→A')}"
                f" | {_number(p.b_to_a.goldstein_mean)} |"
            )
        for c in s.change_points:
            out.append(f"\n- change {c.before} → {c.after}: {md_escape(c.reason)}")
    return out


def _md_network(d: Dossier, link: Linker) -> list[str]:
    out = ["", f"## Network ({md_escape(d.network.window_spec)} windows)"]
    for fw in d.focal:
        out += ["", f"### {fw.window.label}", ""]
        for name, rels in (("allies", fw.allies), ("adversaries", fw.adversaries)):
            items = ", ".join(
                f"{md_escape(r.label)} ({link.md(r.weight, r.event_ids, r.label)})" for r in rels
            )
            out.append(f"- {name}: {items or 'none'}")
    for c in d.changes:
        if not c.empty:
            out.append(f"\n- {c.before.label} → {c.after.label}: {md_escape(_change_text(c))}")
    return out


def _change_text(c: FocalChange) -> str:
    parts = [
        f"{name}: {', '.join(vals)}"
        for name, vals in (
            ("new allies", c.new_allies),
            ("lost allies", c.lost_allies),
            ("new adversaries", c.new_adversaries),
            ("lost adversaries", c.lost_adversaries),
            ("turned hostile", c.turned_hostile),
            ("turned friendly", c.turned_friendly),
        )
        if vals
    ]
    return "; ".join(parts)


def _md_claims(d: Dossier, link: Linker) -> list[str]:
    out = ["", "## Claims ledger", "", "| claimant | " + " | ".join(LEDGER_CERTAINTIES) + " |"]
    out.append("|---" * (len(LEDGER_CERTAINTIES) + 1) + "|")
    for s in d.claims.claimants:
        cells = [
            link.md(len(ids), ids, f"{s.label}: {c}")
            for c, ids in zip(LEDGER_CERTAINTIES, s.ids_by_certainty, strict=True)
        ]
        out.append(f"| {md_escape(s.label)} | " + " | ".join(cells) + " |")
    out += ["", f"Asserted by the text: {len(d.claims.asserted)}."]
    for e in d.claims.attributed:
        ev = e.event
        out.append(
            f"- {md_escape(e.claimant_label)} ({e.certainty}"
            f"{', ' + md_escape(repr(e.cue)) if e.cue else ''}): "
            f"[{md_escape(_who(ev.actor))} {ev.event.plover} {md_escape(_who(ev.recipient))}]"
            f"(#{anchor(e.unit.id)})"
        )
    return out


def _md_timeline(t: ActorTimeline) -> list[str]:
    out = ["", "## Timeline", ""]
    for entry in t.entries:
        ev = entry.event
        place = ev.location.name or ev.location.text if ev.location else "—"
        out.append(
            f'- <a id="{anchor(ev.id)}"></a>**{date_label(ev.date)}** ({ev.date.granularity}) '
            f"{md_escape(_who(ev.actor))} **{ev.event.plover}** "
            f"({QUAD_LABELS[ev.event.quad_class]}, Goldstein {ev.event.goldstein:+.1f}) "
            f"{md_escape(_who(ev.recipient))}; place: {md_escape(place)}; "
            f"certainty: {ev.attribution.certainty}; role: {', '.join(entry.roles)}"
        )
        for report in entry.unit.reports:
            extra = "" if report is ev else f'<a id="{anchor(report.id)}"></a>'
            out.append(
                f"  - {extra}{md_escape(report.doc_id)}: “{md_escape(report.evidence.sentence)}”"
            )
    return out


def write_report(dossier: Dossier, fmt: str) -> str:
    """The dossier rendered in ``fmt`` (html or md)."""
    if fmt == "html":
        return render_html(dossier)
    if fmt == "md":
        return render_markdown(dossier)
    raise AnalysisError(f"--format must be html or md; got {fmt}")
