"""POST /api/v1/documents: code and store documents through the same path as ``chronica
ingest`` (:func:`chronica.ingest.corpus.ingest`).

Off unless the app was created with ``allow_ingest`` (403); needs ``Authorization: Bearer
<CHRONICA_TOKEN>`` (401); the body (a JSON document object, or a list of them, with at least
``id`` and ``text``) may be at most 5 MB (413).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from chronica.errors import BadParameterError
from chronica.ingest.corpus import IngestReport, ingest
from chronica.web.openapi import ref
from chronica.web.state import WebState, web_state

router = APIRouter()

DOCUMENT_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    ref("NewDocument"),
                    {"type": "array", "items": ref("NewDocument"), "maxItems": 1000},
                ]
            }
        }
    },
}


async def read_limited(request: Request, max_bytes: int) -> bytes:
    """The request body, or 413 as soon as it is known to exceed ``max_bytes``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise HTTPException(413, f"request body larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise HTTPException(413, f"request body larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_documents(body: bytes) -> list[dict[str, Any]]:
    """The posted document objects, each checked for an ``id`` and a non-empty ``text``."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadParameterError("body", f"not valid JSON: {exc}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise BadParameterError("body", "no documents")
    for n, item in enumerate(items):
        where = f"body[{n}]" if isinstance(data, list) else "body"
        if not isinstance(item, dict):
            raise BadParameterError(where, "each document must be a JSON object")
        if not isinstance(item.get("id"), str | int) or not str(item.get("id")).strip():
            raise BadParameterError(where, "needs a non-empty 'id' (string)")
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            raise BadParameterError(where, "needs a non-empty 'text' (string)")
    return items


def ingest_documents(state: WebState, items: list[dict[str, Any]]) -> IngestReport:
    """Write the documents as JSONL and run the corpus ingest over that file."""
    with tempfile.TemporaryDirectory(prefix="chronica-post-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        with state.store.use() as store:
            report = ingest([path], store)
    state.actor_index.invalidate()
    return report


@router.post(
    "/documents",
    summary="Code and store documents (only with --allow-ingest)",
    status_code=201,
    openapi_extra={"requestBody": DOCUMENT_BODY},
    responses={201: {"content": {"application/json": {"schema": ref("IngestResult")}}}},
)
async def post_documents(request: Request, state: WebState = Depends(web_state)) -> Response:
    if state.ingest is None:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    if not state.ingest.authorized(request.headers.get("authorization")):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )
    items = parse_documents(await read_limited(request, state.ingest.max_bytes))
    report = await run_in_threadpool(ingest_documents, state, items)
    body = {
        "read": report.read,
        "unchanged": report.unchanged,
        "inserted": report.inserted,
        "replaced": report.replaced,
        "events": report.events,
        "quarantined": report.quarantined,
        "documents": report.totals.documents,
    }
    return JSONResponse(body, status_code=201)
