"""/documents (list) and /documents/{id} (text, events and duplicate cluster)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from chronica.errors import NotFoundError
from chronica.web.state import WebState, web_state
from chronica.web.templating import render

router = APIRouter()


@router.get("/documents")
def documents_page(
    request: Request,
    state: WebState = Depends(web_state),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> Response:
    with state.store.use() as store:
        docs = store.documents(limit=limit, offset=offset)
    context = {"documents": docs, "limit": limit, "offset": offset}
    return render(request, "documents.html", context)


@router.get("/documents/{doc_id:path}")
def document_page(doc_id: str, request: Request, state: WebState = Depends(web_state)) -> Response:
    with state.store.use() as store:
        document = store.get_document(doc_id)
        if document is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        events = store.events_for_document(doc_id)
        cluster = [d for d in store.cluster_of(doc_id) if d != doc_id]
    context = {"doc": document, "events": events, "cluster": cluster}
    return render(request, "document.html", context)
