"""``chronica serve``: the web UI and HTTP API over an event database."""

from __future__ import annotations

from pathlib import Path

import typer

from chronica.cli.common import err_console, errors_to_exit


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("serve")
    def serve(
        db: Path = typer.Option(Path("chronica.duckdb"), "--db", help="Event database (DuckDB)."),
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Interface to bind (local only by default)."
        ),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
        allow_ingest: bool = typer.Option(
            False,
            "--allow-ingest",
            help="Accept POST /api/v1/documents (needs the CHRONICA_TOKEN environment variable).",
        ),
    ) -> None:
        """Serve the web UI (search, events, actors, documents, map) and the /api/v1 HTTP API."""
        from chronica.web.server import serve as run_server

        if host not in ("127.0.0.1", "localhost", "::1"):
            err_console.print(
                f"[yellow]warning:[/] listening on {host}: reachable from other hosts"
            )
        with errors_to_exit():
            run_server(db, host=host, port=port, allow_ingest=allow_ingest)
