"""/events (search, paginated and sortable) and /events/{id} (one event with its evidence)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from chronica.errors import BadParameterError, NotFoundError, QueryError
from chronica.records import Event
from chronica.store.query import Page
from chronica.web.deps import filter_pairs, filters_from_query, with_query
from chronica.web.filters import EventFilters
from chronica.web.highlight import highlight
from chronica.web.state import WebState, web_state
from chronica.web.templating import render

router = APIRouter()


def search(state: WebState, filters: EventFilters) -> Page:
    with state.store.use() as store:
        return store.query_events(filters)


@router.get("/events")
def events_page(request: Request, state: WebState = Depends(web_state)) -> Response:
    error: str | None = None
    filters = EventFilters()
    page = Page(items=[], next=None)
    try:
        filters = filters_from_query(request.query_params)
        page = search(state, filters)
    except (BadParameterError, QueryError) as exc:
        error = str(exc)
    pairs = filter_pairs(filters)

    def page_url(**changes: str | None) -> str:
        kept = [(k, v) for k, v in pairs if k not in changes]
        kept += [(k, v) for k, v in changes.items() if v is not None]
        return with_query("/events", kept)

    api_pairs = [(k, v) for k, v in pairs if k != "after"]
    context = {
        "filters": filters,
        "events": page.items,
        "next_cursor": page.next,
        "error": error,
        "action": "/events",
        "page_url": page_url,
        "api_url": with_query("/api/v1/events", api_pairs),
        "csv_url": with_query("/api/v1/events", [*api_pairs, ("format", "csv")]),
    }
    return render(request, "events.html", context, status=400 if error else 200)


def reasons_of(event: Event) -> list[tuple[str, str]]:
    r = event.reasons
    return [
        ("actor", r.actor),
        ("event", r.event),
        ("date", r.date),
        ("location", r.location),
        ("attribution", r.attribution),
    ]


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, state: WebState = Depends(web_state)) -> Response:
    with state.store.use() as store:
        event = store.get_event(event_id)
        if event is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        document = store.get_document(event.doc_id)
    context = {
        "ev": event,
        "doc": document,
        "hl": highlight(document, event),
        "reasons": reasons_of(event),
    }
    return render(request, "event.html", context)
