"""/actors/{name}: timeline, yearly cooperation/conflict chart, counterparts, ties, claims."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from chronica.analysis import EventFilter
from chronica.errors import NotFoundError
from chronica.web.actors import ACTOR_EVENTS, actor_events, analyse_actor
from chronica.web.plots import bar_groups, star_plot
from chronica.web.state import WebState, web_state
from chronica.web.templating import actor_url, render

router = APIRouter()

TIMELINE_ROWS = 500  # timeline entries shown on the page


@router.get("/actors")
def actors_page(
    request: Request, q: str | None = None, state: WebState = Depends(web_state)
) -> Response:
    actors = state.actor_index.get(state.store).search(q, limit=200)
    return render(request, "actors.html", {"actors": actors, "q": q or ""})


@router.get("/actors/{name:path}")
def actor_page(name: str, request: Request, state: WebState = Depends(web_state)) -> Response:
    params = request.query_params
    flt = EventFilter.from_options(
        min_certainty=params.get("min_certainty") or None,
        include_denied=params.get("include_denied") in ("1", "true", "on"),
        date_from=params.get("date_from") or None,
        date_to=params.get("date_to") or None,
    )
    count = params.get("count") or None
    with state.store.use() as store:
        found = actor_events(store, name, flt.date_from, flt.date_to)
        groups = store.group_of(e.id for e in found.events) if found.events else {}
    if not found.events:
        raise NotFoundError(f"no events with actor {name!r}")
    data = analyse_actor(name, found.events, groups, flt, count)
    years = data.timeline.years
    chart = bar_groups(
        [str(y.year) for y in years],
        [
            ("cooperation", [float(y.cooperation) for y in years]),
            ("conflict", [float(y.conflict) for y in years]),
        ],
    )
    ties = []
    if data.ties is not None:
        relations = [*data.ties.allies, *data.ties.adversaries, *data.ties.neutral]
        relations.sort(key=lambda r: -r.weight)
        ties = [(r.label, r.weight, r.sign, actor_url(r.label)) for r in relations[:24]]
    context = {
        "name": name,
        "data": data,
        "entries": data.timeline.entries[:TIMELINE_ROWS],
        "chart": chart,
        "star": star_plot(ties),
        "truncated": found.truncated,
        "cap": ACTOR_EVENTS,
    }
    return render(request, "actor.html", context)
