"""`chronica actor`, `dyad`, `network`, `claims` and `report`: analyses over the event database.

Each command loads the events once (read-only), runs one analysis from :mod:`chronica.analysis`
and prints it with Rich (article text is always printed as plain text, never as markup).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from chronica.analysis import (
    QUAD_LABELS,
    ActorTimeline,
    ClaimsLedger,
    CountMode,
    DyadSeries,
    EventFilter,
    FocalWindow,
    NetworkSeries,
    actor_timeline,
    build_dossier,
    claims_ledger,
    date_label,
    dyad_csv,
    dyad_series,
    focal_changes,
    focal_relations,
    network_series,
    network_to_json,
    write_graphml,
    write_report,
)
from chronica.analysis.claims import LEDGER_CERTAINTIES
from chronica.analysis.select import entity_label
from chronica.analysis.source import EventTable, load_events, resolve_name
from chronica.cli.common import err_console, errors_to_exit, stdout_is_tty


class CountOption(StrEnum):
    groups = "groups"
    reports = "reports"


class Certainty(StrEnum):
    asserted = "asserted"
    reported = "reported"
    claimed = "claimed"
    alleged = "alleged"
    suspected = "suspected"
    possible = "possible"


class Freq(StrEnum):
    year = "year"
    month = "month"


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


Db = Annotated[Path, typer.Option("--db", help="Event database (DuckDB) written by ingest.")]
From = Annotated[
    str | None, typer.Option("--from", help="Events dated on/after (YYYY, YYYY-MM or YYYY-MM-DD).")
]
To = Annotated[str | None, typer.Option("--to", help="Events dated on/before (same forms).")]
Count = Annotated[
    CountOption | None,
    typer.Option(help="Count event groups (de-duplicated) or reports; default groups if any."),
]
AssertedOnly = Annotated[bool, typer.Option("--asserted-only", help="Keep asserted events only.")]
MinCertainty = Annotated[
    Certainty | None,
    typer.Option(help="Keep events at least this certain (asserted > reported > ... > possible)."),
]
IncludeDenied = Annotated[
    bool, typer.Option("--include-denied", help="Also keep denied and negated events.")
]
DEFAULT_DB = Path("chronica.duckdb")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("actor")(actor_command)
    app.command("dyad")(dyad_command)
    app.command("network")(network_command)
    app.command("claims")(claims_command)
    app.command("report")(report_command)


def _filter(
    date_from: str | None,
    date_to: str | None,
    asserted_only: bool,
    min_certainty: Certainty | None,
    include_denied: bool,
) -> EventFilter:
    return EventFilter.from_options(
        min_certainty=min_certainty.value if min_certainty else None,
        asserted_only=asserted_only,
        include_denied=include_denied,
        date_from=date_from,
        date_to=date_to,
    )


def _load(db: Path) -> EventTable:
    with err_console.status(f"loading events from {db}"):
        return load_events(db)


def _count(count: CountOption | None) -> CountMode | None:
    if count is None:
        return None
    return "groups" if count is CountOption.groups else "reports"


def _console() -> Console:
    """Standard output; wide when piped so that tables keep one line per row."""
    return Console() if stdout_is_tty() else Console(width=220)


def _counting_line(count: str, flt: EventFilter) -> Text:
    what = "event groups (de-duplicated)" if count == "groups" else "reports"
    return Text(f"counting {what}; {flt.describe()}", style="dim")


# --------------------------------------------------------------------------- actor


def actor_command(
    name: Annotated[str, typer.Argument(help="Actor name, alias, code or QID (e.g. MEK, Iran).")],
    db: Db = DEFAULT_DB,
    date_from: From = None,
    date_to: To = None,
    count: Count = None,
    asserted_only: AssertedOnly = False,
    min_certainty: MinCertainty = None,
    include_denied: IncludeDenied = False,
    top: Annotated[int, typer.Option(help="Length of the top lists.")] = 10,
) -> None:
    """Timeline of an actor: every event where it acts, is the target, or is the claimant."""
    with errors_to_exit():
        flt = _filter(date_from, date_to, asserted_only, min_certainty, include_denied)
        table = _load(db)
        ref = resolve_name(name)
        timeline = actor_timeline(table.events, ref, table.groups, _count(count), flt, top)
    print_timeline(_console(), timeline)


def print_timeline(console: Console, tl: ActorTimeline) -> None:
    console.print(Text(f"Actor: {tl.actor.label} ({tl.actor.entity_id or 'name match'})"))
    console.print(_counting_line(tl.count, tl.filter))
    events = Table("date", "gran.", "role", "type", "counterpart", "place", "certainty",
                   "evidence", title=f"{len(tl.entries)} events")  # fmt: skip
    for entry in tl.entries:
        ev = entry.event
        att = ev.attribution
        certainty = att.certainty + (f" ({entity_label(att.claimant)})" if att.claimant else "")
        place = ev.location.name or ev.location.text if ev.location else ""
        events.add_row(
            *(Text(x) for x in (
                date_label(ev.date), ev.date.granularity, ",".join(entry.roles),
                f"{ev.event.plover} {ev.event.cameo}",
                ", ".join(entity_label(e) for e in entry.counterparts), place, certainty,
                ev.evidence.sentence,
            ))
        )  # fmt: skip
    console.print(events)
    years = Table("year", *(QUAD_LABELS[q] for q in (1, 2, 3, 4)), "total", "mean Goldstein")
    for y in tl.years:
        years.add_row(
            str(y.year), *map(str, y.quad_counts), str(y.total), f"{y.goldstein_mean:+.2f}"
        )
    console.print(years)
    for title, ranked in (
        ("top counterparts", tl.top_counterparts),
        ("top places", tl.top_places),
        ("top claimants", tl.top_claimants),
    ):
        console.print(
            Text(f"{title}: " + (", ".join(f"{r.label} ({r.count})" for r in ranked) or "none"))
        )


# --------------------------------------------------------------------------- dyad


def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor (name, alias, code or QID).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: Db = DEFAULT_DB,
    freq: Annotated[Freq, typer.Option(help="Period length.")] = Freq.year,
    csv: Annotated[Path | None, typer.Option("--csv", help="Also write the series as CSV.")] = None,
    date_from: From = None,
    date_to: To = None,
    count: Count = None,
    asserted_only: AssertedOnly = False,
    min_certainty: MinCertainty = None,
    include_denied: IncludeDenied = False,
) -> None:
    """Dyad series of A and B: counts by quad class and Goldstein, both directions, with turns."""
    with errors_to_exit():
        flt = _filter(date_from, date_to, asserted_only, min_certainty, include_denied)
        table = _load(db)
        ref_a, ref_b = resolve_name(a), resolve_name(b)
        series = dyad_series(table.events, ref_a, ref_b, table.groups, _count(count), freq, flt)
    print_dyad(_console(), series)
    if csv is not None:
        csv.write_text(dyad_csv(series), encoding="utf-8")
        err_console.print(Text(f"wrote {csv}"))


def print_dyad(console: Console, s: DyadSeries) -> None:
    console.print(Text(f"Dyad: {s.a.label} and {s.b.label} by {s.freq}"))
    console.print(_counting_line(s.count, s.filter))
    table = Table("period", "direction", "v.coop", "m.coop", "v.confl", "m.confl", "total",
                  "Goldstein sum", "mean")  # fmt: skip
    for p in s.periods:
        for label, st in (
            (f"{s.a.label} → {s.b.label}", p.a_to_b),
            (f"{s.b.label} → {s.a.label}", p.b_to_a),
            ("both", p.both),
        ):
            mean = "" if st.goldstein_mean is None else f"{st.goldstein_mean:+.2f}"
            table.add_row(p.period, Text(label), *map(str, st.quad_counts), str(st.total),
                          f"{st.goldstein_sum:+.1f}", mean)  # fmt: skip
    console.print(table)
    if s.undated:
        console.print(Text(f"{s.undated} undated events left out"))
    for c in s.change_points:
        console.print(Text(f"turn {c.before} → {c.after}: {c.reason}"))
    if not s.change_points:
        console.print(Text("no turn in the relation"))


# --------------------------------------------------------------------------- network


def network_command(
    db: Db = DEFAULT_DB,
    date_from: From = None,
    date_to: To = None,
    window: Annotated[str, typer.Option(help="Window length: 5y, 2y, 6m, or all.")] = "5y",
    focal: Annotated[
        str | None, typer.Option(help="Actor whose allies and adversaries to list.")
    ] = None,
    graphml: Annotated[
        Path | None, typer.Option(help="Write GraphML (one file per window).")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write all windows as JSON.")
    ] = None,
    count: Count = None,
    asserted_only: AssertedOnly = False,
    min_certainty: MinCertainty = None,
    include_denied: IncludeDenied = False,
) -> None:
    """Signed weighted actor network per time window (cooperation +, conflict -)."""
    with errors_to_exit():
        flt = _filter(date_from, date_to, asserted_only, min_certainty, include_denied)
        table = _load(db)
        ref = resolve_name(focal) if focal else None
        series = network_series(table.events, table.groups, _count(count), window, flt)
    console = _console()
    print_network(console, series)
    if ref is not None:
        windows = focal_relations(series, ref)
        print_focal(console, ref.label, windows)
    if graphml is not None:
        for path in write_graphml(series, graphml):
            err_console.print(Text(f"wrote {path}"))
    if json_out is not None:
        json_out.write_text(network_to_json(series, ref), encoding="utf-8")
        err_console.print(Text(f"wrote {json_out}"))


def print_network(console: Console, series: NetworkSeries) -> None:
    console.print(_counting_line(series.count, series.filter))
    table = Table("window", "events", "actors", "ties", "cooperative", "hostile")
    for nw in series.windows:
        signs = [d["sign"] for _, _, d in nw.graph.edges(data=True)]
        table.add_row(nw.window.label, str(nw.units), str(nw.graph.number_of_nodes()),
                      str(len(signs)), str(signs.count(1)), str(signs.count(-1)))  # fmt: skip
    console.print(table)
    if series.undated:
        console.print(Text(f"{series.undated} undated events left out"))


def print_focal(console: Console, label: str, windows: tuple[FocalWindow, ...]) -> None:
    for fw in windows:
        allies = ", ".join(f"{r.label} ({r.weight})" for r in fw.allies) or "none"
        enemies = ", ".join(f"{r.label} ({r.weight})" for r in fw.adversaries) or "none"
        console.print(Text(f"{label} {fw.window.label}: allies {allies}; adversaries {enemies}"))
    for c in focal_changes(windows):
        parts = [
            f"{name}: {', '.join(vals)}"
            for name, vals in (
                ("new allies", c.new_allies), ("lost allies", c.lost_allies),
                ("new adversaries", c.new_adversaries), ("lost adversaries", c.lost_adversaries),
                ("turned hostile", c.turned_hostile), ("turned friendly", c.turned_friendly),
            )
            if vals
        ]  # fmt: skip
        console.print(
            Text(f"{c.before.label} → {c.after.label}: {'; '.join(parts) or 'no change'}")
        )


# --------------------------------------------------------------------------- claims


def claims_command(
    db: Db = DEFAULT_DB,
    about: Annotated[
        str | None, typer.Option(help="Only events with this actor as actor or recipient.")
    ] = None,
    date_from: From = None,
    date_to: To = None,
    count: Count = None,
    asserted_only: AssertedOnly = False,
    min_certainty: MinCertainty = None,
    include_denied: IncludeDenied = False,
) -> None:
    """Claims ledger: what the text asserts versus what someone claims, alleges or suspects."""
    with errors_to_exit():
        flt = _filter(date_from, date_to, asserted_only, min_certainty, include_denied)
        table = _load(db)
        ref = resolve_name(about) if about else None
        ledger = claims_ledger(table.events, ref, table.groups, _count(count), flt)
    print_claims(_console(), ledger)


def print_claims(console: Console, ledger: ClaimsLedger) -> None:
    about = f" about {ledger.about.label}" if ledger.about else ""
    console.print(Text(f"Claims ledger{about}"))
    console.print(_counting_line(ledger.count, ledger.filter))
    console.print(Text(f"asserted by the text: {len(ledger.asserted)} events"))
    summary = Table("claimant", *LEDGER_CERTAINTIES, "total")
    for s in ledger.claimants:
        summary.add_row(Text(s.label), *map(str, s.counts), str(s.total))
    console.print(summary)
    table = Table("claimant", "certainty", "cue", "date", "event", "evidence")
    for e in ledger.attributed:
        ev = e.event
        what = (
            f"{', '.join(entity_label(x) for x in ev.actor) or '—'} {ev.event.plover} "
            f"{', '.join(entity_label(x) for x in ev.recipient) or '—'}"
        )
        cells = (e.claimant_label, e.certainty, e.cue or "", date_label(ev.date), what,
                 ev.evidence.sentence)  # fmt: skip
        table.add_row(*(Text(x) for x in cells))
    console.print(table)


# --------------------------------------------------------------------------- report


def report_command(
    name: Annotated[str, typer.Argument(help="Actor name, alias, code or QID.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Report file to write.")],
    db: Db = DEFAULT_DB,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="html or md.")] = ReportFormat.html,
    window: Annotated[str, typer.Option(help="Network window length (5y, 6m, all).")] = "5y",
    top_dyads: Annotated[int, typer.Option(help="Dyad charts for this many counterparts.")] = 3,
    date_from: From = None,
    date_to: To = None,
    count: Count = None,
    asserted_only: AssertedOnly = False,
    min_certainty: MinCertainty = None,
    include_denied: IncludeDenied = False,
) -> None:
    """Dossier on an actor as one self-contained HTML file (or Markdown)."""
    with errors_to_exit():
        flt = _filter(date_from, date_to, asserted_only, min_certainty, include_denied)
        table = _load(db)
        ref = resolve_name(name)
        with err_console.status("building the dossier"):
            dossier = build_dossier(
                table.events, ref, table.groups, _count(count), flt, window, top_dyads
            )
            text = write_report(dossier, fmt.value)
    output.write_text(text, encoding="utf-8")
    err_console.print(
        Text(f"wrote {output}: {len(dossier.timeline.entries)} events ({dossier.count})")
    )
