"""Event queries: the filter record, its SQL (parameterised only) and keyset cursors."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from chronica.errors import QueryError
from chronica.records import CERTAINTIES, Event

Role = Literal["any", "actor", "recipient", "claimant"]
Order = Literal["date", "-date", "confidence"]

MAX_LIMIT = 10_000
_ROLES: dict[str, tuple[str, ...]] = {
    "any": ("actor", "recipient"),
    "actor": ("actor",),
    "recipient": ("recipient",),
    "claimant": ("claimant",),
}
# Sort key and direction of each order; unknown dates sort last both ways.
_SORT: dict[str, tuple[str, str]] = {
    "date": ("COALESCE(e.date_start, DATE '9999-12-31')", "ASC"),
    "-date": ("COALESCE(e.date_start, DATE '0001-01-01')", "DESC"),
    "confidence": ("e.confidence", "DESC"),
}


@dataclass(frozen=True)
class EventQuery:
    """Filters for :meth:`chronica.store.Store.query_events`; every filter is optional.

    ``actor`` is an entity id or a name (case-insensitive, matched on the entity's id, name or
    text as written) looked up in the role given by ``role`` ("any" = actor or recipient).
    ``date_from``/``date_to`` keep events whose date span overlaps the range (events with no
    date are left out when either is set). ``text`` is a substring of the evidence sentence.
    ``after`` is the opaque cursor of the previous page.
    """

    actor: str | None = None
    role: Role = "any"
    plover: str | None = None
    quad_class: int | None = None
    country: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    certainty: tuple[str, ...] = ()
    text: str | None = None
    doc_id: str | None = None
    limit: int = 100
    after: str | None = None
    order: Order = "date"

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}")
        if self.role not in _ROLES:
            raise QueryError(f"role must be one of {', '.join(_ROLES)}, got {self.role!r}")
        if self.order not in _SORT:
            raise QueryError(f"order must be one of {', '.join(_SORT)}, got {self.order!r}")
        unknown = [c for c in self.certainty if c not in CERTAINTIES]
        if unknown:
            raise QueryError(f"unknown certainty {unknown[0]!r}; allowed: {', '.join(CERTAINTIES)}")
        if self.quad_class is not None and not 1 <= self.quad_class <= 4:
            raise QueryError(f"quad_class must be 1-4, got {self.quad_class}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("date_from is after date_to")


@dataclass(frozen=True)
class Page:
    """One page of events and the cursor of the next page (None on the last page)."""

    items: list[Event]
    next: str | None


def where(q: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters; "TRUE" when nothing filters."""
    parts: list[str] = []
    params: list[Any] = []
    if q.actor:
        roles = _ROLES[q.role]
        marks = ", ".join("?" for _ in roles)
        parts.append(
            "e.id IN (SELECT event_id FROM event_entities "
            f"WHERE role IN ({marks}) AND (entity_id = ? OR name_lc = ? OR text_lc = ?))"
        )
        key = q.actor.strip()
        params += [*roles, key, key.lower(), key.lower()]
    if q.plover:
        parts.append("e.plover = ?")
        params.append(q.plover.upper())
    if q.quad_class is not None:
        parts.append("e.quad_class = ?")
        params.append(q.quad_class)
    if q.country:
        parts.append("e.location_country = ?")
        params.append(q.country.upper())
    if q.date_from:
        parts.append("COALESCE(e.date_end, e.date_start) >= ?")
        params.append(q.date_from)
    if q.date_to:
        parts.append("e.date_start <= ?")
        params.append(q.date_to)
    if q.certainty:
        parts.append(f"e.certainty IN ({', '.join('?' for _ in q.certainty)})")
        params += list(q.certainty)
    if q.text:
        parts.append("e.sentence ILIKE ? ESCAPE '\\'")
        params.append("%" + _escape_like(q.text) + "%")
    if q.doc_id:
        parts.append("e.doc_id = ?")
        params.append(q.doc_id)
    return (" AND ".join(parts) or "TRUE"), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def sort_key(order: Order) -> str:
    return _SORT[order][0]


def order_by(order: Order, key: str | None = None, alias: str = "e") -> str:
    """ORDER BY terms: the sort key (an expression, or ``key`` when already selected), then the
    event id and position as tie-breakers."""
    expression, direction = _SORT[order]
    id_direction = "DESC" if order == "-date" else "ASC"
    return f"{key or expression} {direction}, {alias}.id {id_direction}, {alias}.pos ASC"


def after_clause(q: EventQuery) -> tuple[str, list[Any]]:
    """The keyset condition for ``q.after`` (or "TRUE")."""
    if q.after is None:
        return "TRUE", []
    order, value, last_id = decode_cursor(q.after)
    if order != q.order:
        raise QueryError(f"cursor was made for order {order!r}, not {q.order!r}")
    key, direction = _SORT[order]
    typed: Any = date.fromisoformat(value) if order in ("date", "-date") else float(value)
    beyond = ">" if direction == "ASC" else "<"
    id_beyond = "<" if order == "-date" else ">"
    return (f"({key} {beyond} ? OR ({key} = ? AND e.id {id_beyond} ?))", [typed, typed, last_id])


def encode_cursor(order: Order, value: object, last_id: str) -> str:
    """An opaque cursor from the last row's sort key and id."""
    text = value.isoformat() if isinstance(value, date) else repr(float(value))  # type: ignore[arg-type]
    raw = json.dumps([order, text, last_id]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Order, str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        order, value, last_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError) as exc:
        raise QueryError(f"invalid cursor {cursor!r}") from exc
    if order not in _SORT or not isinstance(value, str) or not isinstance(last_id, str):
        raise QueryError(f"invalid cursor {cursor!r}")
    try:
        if order in ("date", "-date"):
            date.fromisoformat(value)
        else:
            float(value)
    except ValueError as exc:
        raise QueryError(f"invalid cursor {cursor!r}") from exc
    return order, value, last_id
