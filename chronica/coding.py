"""Library entry point behind ``chronica code``: read inputs, code them, report counts."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chronica.config import Settings
from chronica.ingest import read_inputs
from chronica.pipeline import Coder
from chronica.records import Document, Event


@dataclass(frozen=True, slots=True)
class CodeReport:
    documents: int
    events: int
    failed: int


def code_inputs(
    inputs: Iterable[str | Path],
    settings: Settings,
    published: date | None = None,
    on_events: Callable[[list[Event]], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    coder: Coder | None = None,
) -> CodeReport:
    """Code every document of ``inputs``; bad documents are reported through ``on_error`` and
    never stop the others. Events are handed to ``on_events`` one document at a time."""
    coder = coder or Coder(settings)
    counts = {"docs": 0, "events": 0, "failed": 0}

    def documents() -> Iterator[Document]:
        for result in read_inputs(inputs, published):
            if result.error is not None:
                counts["failed"] += 1
                if on_error:
                    on_error(str(result.error))
            elif result.document is not None:
                yield result.document

    show = sys.stderr.isatty()
    with Progress(
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), transient=True, disable=not show,
    ) as progress:  # fmt: skip
        task = progress.add_task("coding", total=None, rate="")
        for coded in coder.code_many(documents()):
            if coded.error is not None:
                counts["failed"] += 1
                if on_error:
                    on_error(f"{coded.document.id}: {coded.error}")
                continue
            counts["docs"] += 1
            counts["events"] += len(coded.events)
            if on_events:
                on_events(list(coded.events))
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{counts['docs'] / elapsed:.1f} docs/s" if elapsed > 0 else ""
            progress.update(task, advance=1, rate=rate)
    return CodeReport(counts["docs"], counts["events"], counts["failed"])
