"""Every CLI command is documented (docs/cli/<command>.md) and has help text."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.main import get_command

from chronica.cli import app

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli"


def _commands() -> list[tuple[str, object]]:
    root = get_command(app)
    out: list[tuple[str, object]] = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            out.extend((f"{name}-{s}", c) for s, c in sub.items())
        else:
            out.append((name, cmd))
    return out


@pytest.mark.parametrize(("name", "cmd"), _commands(), ids=[n for n, _ in _commands()])
def test_command_has_doc_page_and_help(name: str, cmd: typer.core.TyperCommand) -> None:
    assert (DOCS / f"{name}.md").is_file(), f"docs/cli/{name}.md is missing"
    assert cmd.help, f"command {name} has no help text"


def test_readme_links_cli_docs() -> None:
    readme = (DOCS.parent.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/cli/" in readme
