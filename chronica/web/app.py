"""The web application: ``create_app(db_path)`` builds the FastAPI app (pages and /api/v1).

One DuckDB connection serves every request: DuckDB connections are not thread-safe and FastAPI
runs plain ``def`` endpoints in a thread pool, so :class:`StoreAccess` hands the store out under
a lock. The store is opened read-only unless ingest is allowed.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from chronica import __version__
from chronica.errors import SettingsError
from chronica.web import errors, openapi
from chronica.web.api import router as api_router
from chronica.web.state import ActorIndexCache, IngestSettings, StoreAccess, WebState
from chronica.web.templating import make_templates
from chronica.web.views import router as pages_router

TOKEN_ENV = "CHRONICA_TOKEN"


def ingest_settings(allow_ingest: bool, token: str | None) -> IngestSettings | None:
    if not allow_ingest:
        return None
    token = token if token is not None else os.environ.get(TOKEN_ENV)
    if not token or not token.strip():
        raise SettingsError(f"--allow-ingest needs the {TOKEN_ENV} environment variable to be set")
    return IngestSettings(token.strip())


def create_app(
    db_path: str | Path, allow_ingest: bool = False, token: str | None = None
) -> FastAPI:
    """The web UI and HTTP API over the database at ``db_path``.

    ``allow_ingest`` enables ``POST /api/v1/documents`` (bearer ``token``, by default the
    CHRONICA_TOKEN environment variable; SettingsError when neither is set) and opens the
    database for writing; otherwise it is opened read-only.
    """
    ingest = ingest_settings(allow_ingest, token)
    path = Path(db_path)
    access = StoreAccess(path, read_only=ingest is None)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="chronica",
        version=__version__,
        summary="Political event data with evidence and reasons: search events, actors, documents.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN: not served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = WebState(
        store=access, ingest=ingest, db_path=path, actor_index=ActorIndexCache()
    )
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(packages=[("chronica.web", "static")]), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    errors.install(app)
    openapi.install(app)
    return app
