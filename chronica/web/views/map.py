"""/map: event locations as an inline SVG (works without JavaScript), filtered like /events."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from chronica.errors import BadParameterError, QueryError
from chronica.records import Event
from chronica.web.deps import filters_from_query
from chronica.web.filters import EventFilters
from chronica.web.plots import MAP_HEIGHT, MAP_WIDTH, graticule, map_points
from chronica.web.state import WebState, web_state
from chronica.web.templating import render

router = APIRouter()

MAP_EVENTS = 3_000  # newest matching events placed on one map


@router.get("/map")
def map_page(request: Request, state: WebState = Depends(web_state)) -> Response:
    error: str | None = None
    filters = EventFilters()
    events: list[Event] = []
    truncated = False
    try:
        filters = filters_from_query(request.query_params)
        query = replace(filters, limit=MAP_EVENTS, after=None)
        with state.store.use() as store:
            page = store.query_events(query)
        events, truncated = page.items, page.next is not None
    except (BadParameterError, QueryError) as exc:
        error = str(exc)
    points = map_points(events)
    context = {
        "filters": filters,
        "error": error,
        "action": "/map",
        "points": points,
        "grid": graticule(),
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "scanned": len(events),
        "located": sum(p.count for p in points),
        "truncated": truncated,
    }
    return render(request, "map.html", context, status=400 if error else 200)
