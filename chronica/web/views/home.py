"""/: what the database holds, and the search form."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from chronica.web.filters import EventFilters
from chronica.web.state import WebState, web_state
from chronica.web.templating import render

router = APIRouter()


@router.get("/")
def home_page(request: Request, state: WebState = Depends(web_state)) -> Response:
    with state.store.use() as store:
        counts = store.counts()
        recent = store.documents(limit=10, offset=0)
    context = {
        "counts": counts,
        "recent": recent,
        "filters": EventFilters(),
        "action": "/events",
        "db_name": state.db_path.name,
    }
    return render(request, "home.html", context)
