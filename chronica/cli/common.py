"""Shared CLI plumbing: error reporting and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

import typer
from rich.console import Console

from chronica.errors import ChronicaError

T = TypeVar("T")

err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a ChronicaError into a clear message and its exit code."""
    try:
        yield
    except ChronicaError as exc:
        raise fail(str(exc), exc.exit_code) from None


def parse_date_option(value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def run(fn: Callable[[], T]) -> T:
    with errors_to_exit():
        return fn()


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
