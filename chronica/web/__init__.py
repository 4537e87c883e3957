"""The web UI and HTTP API (``chronica serve``): server-rendered pages and /api/v1 JSON/CSV.

``create_app(db_path, allow_ingest=False)`` builds the FastAPI app; see docs/api.md.
"""

from chronica.web.app import create_app

__all__ = ["create_app"]
