"""`chronica code` and `chronica version`."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronica import __version__
from chronica.cli.common import err_console, errors_to_exit, fail, parse_date_option
from chronica.coding import CodeReport, code_inputs
from chronica.config import DEFAULT_MODEL, Settings
from chronica.records import Event
from chronica.serialize import ROW_COLUMNS, event_to_dict, event_to_row


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def register(app: typer.Typer) -> None:
    app.command("code")(code_command)
    app.command("version")(version_command)


def code_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt .jsonl .csv .html, or .gz of them), directories, or - for JSONL."
        ),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents that give none.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to use, by package name.")
    ] = DEFAULT_MODEL,
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors", help="Extra actor dictionary (YAML), merged over the built-in one."
        ),
    ] = None,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this confidence.")] = 0.0,
) -> None:
    """Code documents into events: who did what to whom, when, where, according to whom."""
    pub = parse_date_option(published)
    with errors_to_exit():
        settings = Settings(
            model=model, actor_files=tuple(actors or ()), min_confidence=min_confidence
        )
        out: IO[str] = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            writer = _writer(fmt, out)
            report = code_inputs(
                inputs, settings, pub, on_events=writer.write, on_error=_print_error
            )
            writer.close()
        finally:
            if output:
                out.close()
    _summary(report)
    if report.failed:
        raise typer.Exit(1)


def version_command() -> None:
    """Print chronica's version."""
    typer.echo(f"chronica {__version__}")


def _print_error(message: str) -> None:
    err_console.print(f"[red]error:[/] {message}", soft_wrap=True, highlight=False)


def _summary(report: CodeReport) -> None:
    err_console.print(
        f"{report.documents} document(s) coded, {report.events} event(s), {report.failed} failed",
        highlight=False,
    )


class _Writer:
    def write(self, events: list[Event]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Flush anything buffered."""


class _JsonlWriter(_Writer):
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, events: list[Event]) -> None:
        for ev in events:
            self.out.write(json.dumps(event_to_dict(ev), ensure_ascii=False) + "\n")
        self.out.flush()


class _CsvWriter(_Writer):
    def __init__(self, out: IO[str]) -> None:
        self.csv = csv.DictWriter(out, fieldnames=list(ROW_COLUMNS))
        self.csv.writeheader()

    def write(self, events: list[Event]) -> None:
        self.csv.writerows(event_to_row(ev) for ev in events)


class _TableWriter(_Writer):
    def __init__(self, out: IO[str]) -> None:
        self.console = Console(file=out, width=160 if not out.isatty() else None)
        self.rows: list[Event] = []

    def write(self, events: list[Event]) -> None:
        self.rows.extend(events)

    def close(self) -> None:
        table = Table(show_lines=False, title=f"{len(self.rows)} events")
        for col in ("date", "type", "actor", "recipient", "place", "certainty", "trigger"):
            table.add_column(col, overflow="fold")
        for ev in self.rows:
            table.add_row(
                _date_label(ev),
                f"{ev.event.plover}{'/' + ev.event.mode if ev.event.mode else ''} {ev.event.cameo}",
                "; ".join(e.name or e.text for e in ev.actor) or "-",
                "; ".join(e.name or e.text for e in ev.recipient) or "-",
                (ev.location.name or ev.location.text) if ev.location else "-",
                ev.attribution.certainty + (" (neg)" if ev.attribution.negated else ""),
                ev.event.trigger,
            )
        self.console.print(table)


def _date_label(ev: Event) -> str:
    d = ev.date
    if d.start is None and d.end is None:
        return "?"
    if d.granularity == "year" and d.start is not None:
        return str(d.start.year)
    if d.granularity == "decade" and d.start is not None:
        return f"{d.start.year}s"
    if d.granularity == "month" and d.start is not None:
        return d.start.strftime("%Y-%m")
    start = d.start.isoformat() if d.start else "…"
    end = d.end.isoformat() if d.end else "…"
    return start if start == end else f"{start}/{end}"


def _writer(fmt: OutputFormat, out: IO[str]) -> _Writer:
    if fmt is OutputFormat.jsonl:
        return _JsonlWriter(out)
    if fmt is OutputFormat.csv:
        return _CsvWriter(out)
    return _TableWriter(out)


__all__ = ["fail", "register"]
