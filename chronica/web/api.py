"""The HTTP API under /api/v1 (JSON; event lists also as CSV).

Event items are exactly the event records of ``chronica code`` (:func:`event_to_dict`); event
lists page with an opaque cursor (``after`` = the previous page's ``next``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from chronica.analysis import (
    EventFilter,
    dyad_csv,
    dyad_series,
    network_series,
    network_to_json,
)
from chronica.analysis.dyad import DirectionStats, DyadSeries
from chronica.errors import BadParameterError, NotFoundError
from chronica.records import CERTAINTIES, PLOVER_TYPES, Event
from chronica.serialize import (
    ROW_COLUMNS,
    document_to_dict,
    entity_to_dict,
    event_to_dict,
    event_to_row,
)
from chronica.store.query import EventQuery
from chronica.web.actors import ACTOR_EVENTS, actor_events, analyse_actor, reference
from chronica.web.filters import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_TEXT,
    ORDERS,
    ROLES,
    parse_filters,
)
from chronica.web.ingest import router as ingest_router
from chronica.web.openapi import ref
from chronica.web.state import WebState, web_state

router = APIRouter(prefix="/api/v1", tags=["api"])
router.include_router(ingest_router)

MAX_NETWORK_EVENTS = 20_000  # events one network request may read
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (a partial date covers the whole year/month)"

Plover = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
CertaintyValue = Literal[CERTAINTIES]  # type: ignore[valid-type]
RoleValue = Literal[ROLES]  # type: ignore[valid-type]
OrderValue = Literal[ORDERS]  # type: ignore[valid-type]
MinCertainty = Literal["asserted", "reported", "claimed", "alleged", "suspected", "possible"]

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description=DATE_HELP)]


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def events_csv(events: Sequence[Event]) -> str:
    """Flat rows (:data:`ROW_COLUMNS`) as CSV text."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(ROW_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_to_row(event))
    return buf.getvalue()


@router.get(
    "/events",
    summary="Search events",
    responses={
        200: {
            "description": "One page of event records and the cursor of the next page",
            "content": {
                "application/json": {"schema": ref("EventPage")},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
def list_events(
    request: Request,
    state: WebState = Depends(web_state),
    actor: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Entity id, name or text")
    ] = None,
    role: Annotated[RoleValue | None, Query(description="Role of `actor`")] = None,
    plover: Annotated[Plover | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of the place")
    ] = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    certainty: Annotated[list[CertaintyValue] | None, Query()] = None,
    text: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Substring of the evidence sentence")
    ] = None,
    doc_id: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    after: Annotated[str | None, Query(max_length=MAX_TEXT, description="Cursor")] = None,
    order: Annotated[OrderValue | None, Query()] = None,
    format: Annotated[Literal["json", "csv"] | None, Query(description="Default json")] = None,
) -> Response:
    filters = parse_filters(
        actor=actor,
        role=role,
        plover=plover,
        quad_class=None if quad_class is None else str(quad_class),
        country=country,
        date_from=date_from,
        date_to=date_to,
        certainty=certainty or (),
        text=text,
        doc_id=doc_id,
        limit=str(limit),
        after=after,
        order=order,
    )
    with state.store.use() as store:
        page = store.query_events(filters)
    if wants_csv(request, format):
        headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
        if page.next is not None:
            headers["X-Next-Cursor"] = page.next
        return Response(events_csv(page.items), media_type="text/csv", headers=headers)
    return _json({"items": [event_to_dict(e) for e in page.items], "next": page.next})


@router.get(
    "/events/{event_id}",
    summary="One event record",
    responses={200: {"content": {"application/json": {"schema": ref("Event")}}}},
)
def get_event(event_id: str, state: WebState = Depends(web_state)) -> Response:
    with state.store.use() as store:
        event = store.get_event(event_id)
    if event is None:
        raise NotFoundError(f"no event with id {event_id!r}")
    return _json(event_to_dict(event))


@router.get(
    "/actors",
    summary="Find actors by name",
    responses={200: {"content": {"application/json": {"schema": ref("ActorList")}}}},
)
def list_actors(
    state: WebState = Depends(web_state),
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of a name or id")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Response:
    found = state.actor_index.get(state.store).search(q, limit)
    items = [
        {
            "name": a.label,
            "id": a.id,
            "country": a.country,
            "sector": a.sector,
            "events": a.events,
            "spellings": list(a.spellings),
        }
        for a in found
    ]
    return _json({"items": items})


def analysis_filter(
    min_certainty: Annotated[MinCertainty | None, Query()] = None,
    include_denied: Annotated[bool, Query()] = False,
    date_from: DateParam = None,
    date_to: DateParam = None,
) -> EventFilter:
    return EventFilter.from_options(
        min_certainty=min_certainty,
        include_denied=include_denied,
        date_from=date_from,
        date_to=date_to,
    )


CountParam = Annotated[
    Literal["groups", "reports"] | None,
    Query(description="Count event groups (de-duplicated) or every report"),
]


@router.get(
    "/actors/{name:path}/timeline",
    summary="An actor's timeline and yearly summary",
    responses={200: {"content": {"application/json": {"schema": ref("Timeline")}}}},
)
def actor_timeline_api(
    name: str,
    state: WebState = Depends(web_state),
    flt: EventFilter = Depends(analysis_filter),
    count: CountParam = None,
    limit: Annotated[int, Query(ge=1, le=ACTOR_EVENTS, description="Entries returned")] = 500,
) -> Response:
    with state.store.use() as store:
        found = actor_events(store, name, flt.date_from, flt.date_to)
        groups = store.group_of(e.id for e in found.events) if found.events else {}
    if not found.events:
        raise NotFoundError(f"no events with actor {name!r}")
    data = analyse_actor(name, found.events, groups, flt, count)
    tl = data.timeline
    body = {
        "actor": {"query": name, "label": data.ref.label, "id": data.ref.entity_id},
        "count": tl.count,
        "filter": tl.filter.describe(),
        "events_truncated": found.truncated,
        "entries_total": len(tl.entries),
        "undated": tl.undated,
        "years": [
            {
                "year": y.year,
                "quad_counts": list(y.quad_counts),
                "cooperation": y.cooperation,
                "conflict": y.conflict,
                "total": y.total,
                "goldstein_mean": y.goldstein_mean,
            }
            for y in tl.years
        ],
        "counterparts": [{"label": r.label, "count": r.count} for r in tl.top_counterparts],
        "entries": [
            {
                "event": event_to_dict(e.event),
                "roles": list(e.roles),
                "counterparts": [entity_to_dict(c) for c in e.counterparts],
                "reports": list(e.unit.report_ids),
            }
            for e in tl.entries[:limit]
        ],
    }
    return _json(body)


def _stats(st: DirectionStats) -> dict[str, Any]:
    return {
        "quad_counts": list(st.quad_counts),
        "total": st.total,
        "goldstein_sum": st.goldstein_sum,
        "goldstein_mean": st.goldstein_mean,
        "events": list(st.event_ids),
    }


def dyad_to_dict(series: DyadSeries) -> dict[str, Any]:
    return {
        "a": series.a.label,
        "b": series.b.label,
        "freq": series.freq,
        "count": series.count,
        "filter": series.filter.describe(),
        "undated": series.undated,
        "periods": [
            {
                "period": p.period,
                "a_to_b": _stats(p.a_to_b),
                "b_to_a": _stats(p.b_to_a),
                "both": _stats(p.both),
            }
            for p in series.periods
        ],
        "change_points": [
            {"before": c.before, "after": c.after, "reason": c.reason} for c in series.change_points
        ],
    }


@router.get(
    "/dyad",
    summary="How two actors treat each other, period by period",
    responses={
        200: {
            "content": {
                "application/json": {"schema": ref("Dyad")},
                "text/csv": {"schema": {"type": "string"}},
            }
        }
    },
)
def dyad_api(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    b: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    state: WebState = Depends(web_state),
    freq: Annotated[Literal["year", "month"], Query()] = "year",
    flt: EventFilter = Depends(analysis_filter),
    count: CountParam = None,
    format: Annotated[Literal["json", "csv"] | None, Query()] = None,
) -> Response:
    if not a.strip() or not b.strip():
        raise BadParameterError("a" if not a.strip() else "b", "actor name must not be blank")
    with state.store.use() as store:
        events = actor_events(store, a, flt.date_from, flt.date_to).events
        groups = store.group_of(e.id for e in events) if events else {}
    series = dyad_series(
        events, reference(a, events), reference(b, events), groups=groups, count=count,
        freq=freq, flt=flt,
    )  # fmt: skip
    if wants_csv(request, format):
        return Response(dyad_csv(series), media_type="text/csv")
    return _json(dyad_to_dict(series))


@router.get(
    "/network",
    summary="Signed, weighted actor network per time window",
    responses={200: {"content": {"application/json": {"schema": ref("Network")}}}},
)
def network_api(
    state: WebState = Depends(web_state),
    actor: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Focal actor: only its events, with its ties"),
    ] = None,
    window: Annotated[
        str, Query(pattern=r"^(all|\d{1,3}[ym])$", description="all, or e.g. 5y, 6m")
    ] = "all",
    flt: EventFilter = Depends(analysis_filter),
    count: CountParam = None,
) -> Response:
    with state.store.use() as store:
        if actor is not None and actor.strip():
            events = actor_events(store, actor, flt.date_from, flt.date_to).events
        else:
            query = EventQuery(date_from=flt.date_from, date_to=flt.date_to)
            total = store.count(query)
            if total > MAX_NETWORK_EVENTS:
                raise BadParameterError(
                    "actor",
                    f"{total} events match; narrow the network with actor= or a date range "
                    f"(at most {MAX_NETWORK_EVENTS})",
                )
            events = tuple(store.iter_events(query))
        groups = store.group_of(e.id for e in events) if events else {}
    if window != "all" and int(window[:-1]) < 1:
        raise BadParameterError("window", "must be at least 1 month or year")
    series = network_series(events, groups=groups, count=count, window=window, flt=flt)
    focal = reference(actor, events) if actor and actor.strip() else None
    return Response(network_to_json(series, focal), media_type="application/json")


def document_summary(doc: Any) -> dict[str, Any]:
    data = document_to_dict(doc)
    data.pop("text")
    return data


@router.get(
    "/documents",
    summary="List documents (without their text)",
    responses={200: {"content": {"application/json": {"schema": ref("DocumentList")}}}},
)
def list_documents(
    state: WebState = Depends(web_state),
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    with state.store.use() as store:
        docs = store.documents(limit=limit + 1, offset=offset)
    following = offset + limit if len(docs) > limit else None
    return _json({"items": [document_summary(d) for d in docs[:limit]], "next_offset": following})


@router.get(
    "/documents/{doc_id:path}",
    summary="One document with its events and duplicate cluster",
    responses={200: {"content": {"application/json": {"schema": ref("DocumentDetail")}}}},
)
def get_document(doc_id: str, state: WebState = Depends(web_state)) -> Response:
    with state.store.use() as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        events = store.events_for_document(doc_id)
        cluster = store.cluster_of(doc_id)
    body = {
        "document": document_to_dict(doc),
        "events": [event_to_dict(e) for e in events],
        "cluster": cluster,
    }
    return _json(body)
