"""Run the web app with uvicorn (used by ``chronica serve``)."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from chronica.web.app import create_app


def serve(
    db_path: Path, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False
) -> None:
    """Open the database (read-only unless ``allow_ingest``) and serve until interrupted.

    Raises :class:`chronica.errors.SettingsError` when ``allow_ingest`` is set without the
    CHRONICA_TOKEN environment variable, and :class:`chronica.errors.StoreError` when the
    database cannot be opened; both before anything listens.
    """
    app = create_app(db_path, allow_ingest=allow_ingest)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, workers=1)
