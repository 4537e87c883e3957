"""Request-scoped helpers shared by pages and API: the app state and query-string filters."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from chronica.web.filters import DEFAULT_LIMIT, DEFAULT_ORDER, EventFilters, parse_filters


def filters_from_query(params: QueryParams) -> EventFilters:
    """Validate the event filters of a query string (unknown parameters are ignored)."""
    return parse_filters(
        actor=params.get("actor"),
        role=params.get("role"),
        plover=params.get("plover"),
        quad_class=params.get("quad_class"),
        country=params.get("country"),
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
        certainty=params.getlist("certainty"),
        text=params.get("text"),
        doc_id=params.get("doc_id"),
        limit=params.get("limit"),
        after=params.get("after"),
        order=params.get("order"),
    )


def filter_pairs(filters: EventFilters) -> list[tuple[str, str]]:
    """The filters as query-string pairs (defaults left out), in a stable order."""
    pairs: list[tuple[str, str]] = []
    for name in ("actor", "plover", "quad_class", "country", "text", "doc_id"):
        value = getattr(filters, name)
        if value is not None:
            pairs.append((name, str(value)))
    if filters.role != "any":
        pairs.append(("role", filters.role))
    if filters.date_from is not None:
        pairs.append(("date_from", filters.date_from.isoformat()))
    if filters.date_to is not None:
        pairs.append(("date_to", filters.date_to.isoformat()))
    pairs += [("certainty", c) for c in filters.certainty]
    if filters.order != DEFAULT_ORDER:
        pairs.append(("order", filters.order))
    if filters.limit != DEFAULT_LIMIT:
        pairs.append(("limit", str(filters.limit)))
    if filters.after is not None:
        pairs.append(("after", filters.after))
    return pairs


def with_query(path: str, pairs: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(pairs)}" if pairs else path
