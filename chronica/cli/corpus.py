"""`chronica ingest` (corpus -> database) and `chronica export` (database -> files)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from chronica.cli.common import err_console, errors_to_exit, parse_date_option
from chronica.config import DEFAULT_MODEL, Settings
from chronica.export import export
from chronica.ingest.corpus import IngestOptions, IngestReport, ingest
from chronica.store import DedupSettings, Store


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"
    phoenix = "phoenix"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("ingest")(ingest_command)
    app.command("export")(export_command)


class _RichProgress:
    """Ingest progress as a Rich bar with documents/s and ETA."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        self.task = self.progress.add_task("ingesting", total=total or None, rate="")

    def advance(self, documents: int = 1) -> None:
        if self.task is None:
            return
        task = self.progress.tasks[self.task]
        done = task.completed + documents
        total = task.total if task.total is not None and task.total >= done else None
        elapsed = task.elapsed or 0.0
        rate = f"{done / elapsed:.1f} docs/s" if elapsed > 0 else ""
        self.progress.update(self.task, completed=done, total=total, rate=rate)


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .jsonl .csv .html, optionally .gz) or directories."),
    ],
    db: Annotated[Path, typer.Option(help="DuckDB database file.")] = Path("chronica.duckdb"),
    workers: Annotated[
        int, typer.Option(help="Code on N local Dask worker processes (0 = in this process).")
    ] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Use a running Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to use, by package name.")
    ] = DEFAULT_MODEL,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents without one.")
    ] = None,
    threshold: Annotated[
        float, typer.Option(help="Near-duplicate threshold (estimated Jaccard of shingles).")
    ] = DedupSettings().threshold,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Code again documents that failed before.")
    ] = False,
    window: Annotated[
        int, typer.Option(help="Days apart that reports of one event may be (event groups).")
    ] = DedupSettings().window_days,
) -> None:
    """Code a corpus into the event database: idempotent, resumable, de-duplicated."""
    pub = parse_date_option(published)
    with errors_to_exit():
        settings = Settings(model=model)
        options = IngestOptions(
            workers=workers,
            scheduler=scheduler,
            published=pub,
            retry_failed=retry_failed,
            dedup=DedupSettings(threshold=threshold, window_days=window),
        )
        with (
            Store.open(db) as store,
            Progress(
                TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                TimeRemainingColumn(), console=err_console, transient=True,
            ) as bar,
        ):  # fmt: skip
            report = ingest(paths, store, settings, options, _RichProgress(bar))
    _summary(report)


def _summary(report: IngestReport) -> None:
    t = report.totals
    rate = (report.inserted + report.replaced) / report.seconds if report.seconds else 0.0
    err_console.print(
        f"{report.read} document(s) read: {report.inserted} new, {report.replaced} changed, "
        f"{report.unchanged} unchanged and {report.failed_before} failed before (skipped); "
        f"{report.events} event(s) coded; "
        f"{report.quarantined} quarantined; {report.seconds:.1f}s ({rate:.1f} docs/s, "
        f"de-duplication {report.dedup_seconds:.1f}s)\n"
        f"database: {t.documents} documents, {t.events} event reports = {t.event_groups} "
        f"events after de-duplication, {t.duplicate_clusters} near-duplicate cluster(s) "
        f"of {t.clustered_documents} documents, {t.quarantined} quarantined",
        highlight=False,
    )


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="Output file (a directory for parquet; - = stdout)."),
    ],
    db: Annotated[Path, typer.Option(help="DuckDB database file.")] = Path("chronica.duckdb"),
    groups: Annotated[
        bool, typer.Option("--groups", help="One row per event group instead of per report.")
    ] = False,
) -> None:
    """Export the stored events as JSONL, CSV, Parquet, PLOVER, GDELT- or Phoenix-like TSV."""
    with errors_to_exit(), Store.open(db, read_only=True) as store:
        report = export(store, fmt.value, output, groups=groups)
    err_console.print(f"{report.rows} row(s) written to {report.path}", highlight=False)
