"""`chronica eval`: score chronica on a development gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chronica.cli.common import err_console, errors_to_exit
from chronica.config import DEFAULT_MODEL, Settings
from chronica.evaluation import SETS, EvalReport, EvalRequest, evaluate, write_report_json
from chronica.evaluation.runner import DEFAULT_DATA_DIR


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("eval")(eval_command)


def eval_command(
    set_name: Annotated[str, typer.Option("--set", "-s", help=f"Gold set: {', '.join(SETS)}.")],
    gold: Annotated[
        Path | None, typer.Option(help="Gold file (default: <data-dir>/<set>.gold.jsonl).")
    ] = None,
    docs: Annotated[
        Path | None, typer.Option(help="Docs file (default: <data-dir>/<set>.docs.jsonl).")
    ] = None,
    data_dir: Annotated[Path, typer.Option(help="Directory of the gold sets.")] = DEFAULT_DATA_DIR,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N documents.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the metrics as JSON here.")
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to use, by package name.")
    ] = DEFAULT_MODEL,
) -> None:
    """Code a gold set's documents and print its metrics (accuracy, coverage, errors, speed)."""
    with errors_to_exit():
        request = EvalRequest(set_name, data_dir, docs, gold, limit, Settings(model=model))
        with _progress() as progress:
            task = progress.add_task(f"eval {set_name}", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = evaluate(request, on_progress=advance)
        if json_out is not None:
            write_report_json(report, json_out)
    _print_report(report)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _print_report(report: EvalReport) -> None:
    console = Console(highlight=False)
    if report.skipped:
        err_console.print(f"[yellow]skipped {report.set_name}:[/] {report.skipped}")
        return
    table = Table(title=f"chronica eval: {report.set_name}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("hits/total", justify="right")
    table.add_column("what")
    for m in report.metrics:
        value = "-" if m.value is None else f"{m.value:.3f}"
        table.add_row(m.name, value, f"{m.hits}/{m.total}", m.description)
    console.print(table)
    console.print(
        f"{report.documents} document(s), {report.errors} with errors, {report.events} event(s) "
        f"({report.events_per_document:.2f} per document), {report.seconds:.1f} s"
    )
    if report.confusion:
        console.print(_confusion_table(report))


def _confusion_table(report: EvalReport) -> Table:
    golds = sorted({c.gold for c in report.confusion})
    preds = sorted({c.predicted for c in report.confusion})
    counts = {(c.gold, c.predicted): c.count for c in report.confusion}
    table = Table(title="confusion (rows: gold, columns: predicted)")
    table.add_column("gold \\ predicted")
    for p in preds:
        table.add_column(p[:8], justify="right")
    for g in golds:
        table.add_row(g, *(str(counts.get((g, p), "")) for p in preds))
    return table
