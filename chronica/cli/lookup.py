"""`chronica actors lookup` and `chronica actors import`: the actor dictionary from the shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronica.actors import find_actor, import_cameo_file
from chronica.cli.common import err_console, errors_to_exit, parse_date_option
from chronica.config import Settings

actors_app = typer.Typer(
    name="actors",
    help="Look up actors in the dictionary and import CAMEO/PETRARCH dictionaries.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the `actors` sub-app to the app."""
    app.add_typer(actors_app, name="actors")


@actors_app.command("lookup")
def lookup_command(
    text: Annotated[
        str, typer.Argument(help="A name, alias, code or QID: MEK, Iran, 'Iraqi troops', Q794.")
    ],
    on: Annotated[
        str | None,
        typer.Option("--date", help="Code persons for the role held on this date (YYYY-MM-DD)."),
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors", help="Extra actor dictionary (YAML), merged over the built-in one."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entity as JSON.")] = False,
) -> None:
    """Resolve TEXT to an actor: canonical name, country, sector and id."""
    day = parse_date_option(on)
    with errors_to_exit():
        entity = find_actor(text, Settings(actor_files=tuple(actors or ())), day)
    fields = {
        "text": entity.text,
        "name": entity.name,
        "country": entity.country,
        "sector": entity.sector,
        "id": entity.id,
    }
    if as_json:
        typer.echo(json.dumps(fields, ensure_ascii=False))
        return
    table = Table(show_header=False, box=None)
    for key, value in fields.items():
        table.add_row(key, "" if value is None else str(value))
    Console(highlight=False).print(table)


@actors_app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="A CAMEO/PETRARCH .actors or .agents text file.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the YAML here instead of stdout.")
    ] = None,
) -> None:
    """Convert a CAMEO/PETRARCH dictionary into chronica's actor YAML."""
    with errors_to_exit():
        text = import_cameo_file(source)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    err_console.print(f"wrote {output}")
