"""The OpenAPI document: the event record's JSON Schema (chronica/data/event.schema.json) as a
component, response schemas of every endpoint, and one error shape for 4xx answers."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from chronica.serialize import event_schema

JSON = dict[str, Any]
_PREFIX = "#/components/schemas/"


def ref(name: str) -> JSON:
    return {"$ref": _PREFIX + name}


def _rewrite_refs(node: Any) -> Any:
    """Point ``#/$defs/x`` references of the event schema at ``Event_x`` components."""
    if isinstance(node, dict):
        return {
            k: (_PREFIX + "Event_" + v.removeprefix("#/$defs/"))
            if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/")
            else _rewrite_refs(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(x) for x in node]
    return node


def event_components() -> dict[str, JSON]:
    """The event record schema split into OpenAPI components (Event, Event_entity, ...)."""
    schema = copy.deepcopy(event_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    out = {"Event": _rewrite_refs(schema)}
    out.update({f"Event_{name}": _rewrite_refs(d) for name, d in defs.items()})
    return out


_NULLABLE_STR: JSON = {"type": ["string", "null"]}
_DOCUMENT: JSON = {
    "type": "object",
    "required": ["id", "title", "url", "source", "published", "republication", "language"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "title": _NULLABLE_STR,
        "url": _NULLABLE_STR,
        "source": _NULLABLE_STR,
        "published": _NULLABLE_STR,
        "republication": _NULLABLE_STR,
        "language": {"type": "string"},
    },
}
_STATS: JSON = {
    "type": "object",
    "required": ["quad_counts", "total", "goldstein_sum", "goldstein_mean", "events"],
}

SCHEMAS: dict[str, JSON] = {
    "Error": {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}, "param": {"type": "string"}},
    },
    "EventPage": {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": ref("Event")},
            "next": {"type": ["string", "null"], "description": "Cursor of the next page"},
        },
    },
    "ActorList": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "id", "country", "sector", "events", "spellings"],
                    "properties": {
                        "name": {"type": "string"},
                        "id": _NULLABLE_STR,
                        "country": _NULLABLE_STR,
                        "sector": _NULLABLE_STR,
                        "events": {"type": "integer"},
                        "spellings": {"type": "array", "items": {"type": "string"}},
                    },
                },
            }
        },
    },
    "Timeline": {
        "type": "object",
        "required": ["actor", "count", "filter", "years", "entries"],
        "properties": {
            "entries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["event", "roles", "counterparts", "reports"],
                    "properties": {"event": ref("Event")},
                },
            }
        },
    },
    "Dyad": {
        "type": "object",
        "required": ["a", "b", "freq", "count", "periods", "change_points"],
        "properties": {
            "periods": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["period", "a_to_b", "b_to_a", "both"],
                    "properties": {"a_to_b": _STATS, "b_to_a": _STATS, "both": _STATS},
                },
            }
        },
    },
    "Network": {"type": "object", "required": ["count", "window", "windows"]},
    "Document": _DOCUMENT,
    "DocumentList": {
        "type": "object",
        "required": ["items", "next_offset"],
        "properties": {
            "items": {"type": "array", "items": ref("Document")},
            "next_offset": {"type": ["integer", "null"]},
        },
    },
    "DocumentDetail": {
        "type": "object",
        "required": ["document", "events", "cluster"],
        "properties": {
            "document": ref("Document"),
            "events": {"type": "array", "items": ref("Event")},
            "cluster": {"type": "array", "items": {"type": "string"}},
        },
    },
    "IngestResult": {
        "type": "object",
        "required": ["read", "unchanged", "inserted", "replaced", "events", "quarantined"],
        "properties": {
            name: {"type": "integer"}
            for name in (
                "read",
                "unchanged",
                "inserted",
                "replaced",
                "events",
                "quarantined",
                "documents",
            )
        },
    },
    "NewDocument": {
        "type": "object",
        "required": ["id", "text"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "text": {"type": "string", "minLength": 1},
            "title": _NULLABLE_STR,
            "url": _NULLABLE_STR,
            "source": _NULLABLE_STR,
            "published": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
        },
    },
}

_ERRORS: dict[str, str] = {
    "401": "Missing or wrong bearer token",
    "403": "Ingest is disabled",
    "404": "Not found",
    "413": "Request body too large",
    "422": "Invalid parameter (the message names it and what is allowed)",
}


def build_openapi(app: FastAPI) -> JSON:
    """The app's OpenAPI document with chronica's schemas and error responses."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components.update(event_components())
    components.update(SCHEMAS)
    error = {"application/json": {"schema": ref("Error")}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            codes = ["422"]
            if "{" in path:
                codes.append("404")
            if path == "/api/v1/documents" and "requestBody" in operation:
                codes += ["401", "403", "413"]
            for code in codes:
                responses[code] = {"description": _ERRORS[code], "content": error}
    app.openapi_schema = schema
    return schema


def install(app: FastAPI) -> None:
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
