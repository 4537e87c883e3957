"""Event search parameters: one parser shared by the HTML pages and the JSON API.

Raw strings come from a query string (empty strings, as HTML forms send them, mean "no
filter"); :func:`parse_filters` validates them into :class:`EventFilters` or raises
:class:`BadParameterError` naming the parameter and what it allows.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import get_args

from chronica.errors import BadParameterError
from chronica.records import CERTAINTIES, PLOVER_TYPES
from chronica.store.query import EventQuery, Order, Role

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
DEFAULT_ORDER: Order = "-date"
MAX_TEXT = 500
ROLES: tuple[str, ...] = get_args(Role)
ORDERS: tuple[str, ...] = get_args(Order)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True)
class EventFilters(EventQuery):
    """The store's :class:`EventQuery` with the web's defaults (a page of 50, newest first);
    validated from query strings by :func:`parse_filters`."""

    limit: int = DEFAULT_LIMIT
    order: Order = DEFAULT_ORDER


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_date(param: str, value: str, end: bool) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date means its first day, or its
    last day when ``end`` is true."""
    m = _DATE.match(value)
    if m is None:
        raise BadParameterError(param, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        mon = int(month)
        if day is None:
            last = calendar.monthrange(year, mon)[1] if 1 <= mon <= 12 else 0
            return date(year, mon, last if end else 1)
        return date(year, mon, int(day))
    except ValueError:
        raise BadParameterError(param, f"not a calendar date: {value!r}") from None


def parse_int(param: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise BadParameterError(param, f"expected an integer, got {value!r}") from None
    if not low <= number <= high:
        raise BadParameterError(param, f"must be between {low} and {high}, got {number}")
    return number


def parse_choice(param: str, value: str, allowed: Sequence[str], upper: bool = False) -> str:
    norm = value.upper() if upper else value.lower()
    if norm not in allowed:
        raise BadParameterError(param, f"unknown value {value!r}; allowed: {', '.join(allowed)}")
    return norm


def parse_certainty(values: Sequence[str]) -> tuple[str, ...]:
    """Repeated or comma-separated certainty values, de-duplicated in order."""
    found: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part:
                choice = parse_choice("certainty", part, CERTAINTIES)
                if choice not in found:
                    found.append(choice)
    return tuple(found)


def parse_filters(
    *,
    actor: str | None = None,
    role: str | None = None,
    plover: str | None = None,
    quad_class: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    certainty: Sequence[str] = (),
    text: str | None = None,
    doc_id: str | None = None,
    limit: str | None = None,
    after: str | None = None,
    order: str | None = None,
) -> EventFilters:
    """Validate raw query-string values into :class:`EventFilters`."""
    filters = EventFilters(
        actor=_blank(actor),
        text=_blank(text),
        doc_id=_blank(doc_id),
        after=_blank(after),
        certainty=parse_certainty(certainty),
    )
    if (value := _blank(role)) is not None:
        filters = replace(filters, role=parse_choice("role", value, ROLES))  # type: ignore[arg-type]
    if (value := _blank(plover)) is not None:
        filters = replace(filters, plover=parse_choice("plover", value, PLOVER_TYPES, upper=True))
    if (value := _blank(quad_class)) is not None:
        filters = replace(filters, quad_class=parse_int("quad_class", value, 1, 4))
    if (value := _blank(country)) is not None:
        if not _COUNTRY.match(value):
            raise BadParameterError(
                "country", f"expected a 3-letter code (ISO3, IGO...), got {value!r}"
            )
        filters = replace(filters, country=value.upper())
    start = parse_date("date_from", v, end=False) if (v := _blank(date_from)) else None
    end = parse_date("date_to", v, end=True) if (v := _blank(date_to)) else None
    if start and end and start > end:
        raise BadParameterError("date_to", "must not be before date_from")
    filters = replace(filters, date_from=start, date_to=end)
    if (value := _blank(limit)) is not None:
        filters = replace(filters, limit=parse_int("limit", value, 1, MAX_LIMIT))
    if (value := _blank(order)) is not None:
        filters = replace(filters, order=parse_choice("order", value, ORDERS))  # type: ignore[arg-type]
    for name in ("actor", "text", "doc_id", "after"):
        value = getattr(filters, name)
        if value is not None and len(value) > MAX_TEXT:
            raise BadParameterError(name, f"longer than {MAX_TEXT} characters")
    return filters
