"""The HTML pages, one module per page (stable URLs: /, /events, /events/{id},
/actors/{name}, /documents, /documents/{id}, /map)."""

from __future__ import annotations

from fastapi import APIRouter

from chronica.web.views import actors, documents, events, home, map

router = APIRouter(include_in_schema=False)
for _module in (home, events, actors, documents, map):
    router.include_router(_module.router)

__all__ = ["router"]
