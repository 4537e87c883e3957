"""Error responses and security headers.

Bad parameters answer 422 (JSON ``{"detail": message, "param": name}`` under /api, an HTML page
otherwise), missing things 404; every response carries a strict Content-Security-Policy (no
inline or third-party scripts), so article text that slipped through would still not run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from chronica.errors import (
    AnalysisError,
    BadParameterError,
    NotFoundError,
    QueryError,
    StoreError,
)
from chronica.web.templating import render

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
TITLES: dict[int, str] = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid parameter",
    500: "Server error",
}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(
    request: Request, status: int, message: str, param: str | None = None
) -> Response:
    """The error as JSON for API paths, as an HTML page otherwise (pages use 400 for 422)."""
    if wants_json(request):
        body: dict[str, object] = {"detail": message}
        if param is not None:
            body["param"] = param
        return JSONResponse(body, status_code=status)
    page_status = 400 if status == 422 else status
    context = {"status": page_status, "title": TITLES.get(page_status, "Error"), "message": message}
    return render(request, "error.html", context, status=page_status)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    parts = []
    param = None
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        name = ".".join(loc) or "request"
        param = param or name
        parts.append(f"{name}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request", param


def install(app: FastAPI) -> None:
    """Register the exception handlers and the security-header middleware."""

    async def bad_parameter(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadParameterError)
        return error_response(request, 422, str(exc), exc.param)

    async def bad_query(request: Request, exc: Exception) -> Response:
        return error_response(request, 422, str(exc))

    async def not_found(request: Request, exc: Exception) -> Response:
        return error_response(request, 404, str(exc))

    async def store_failed(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"database error: {exc}")

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        message, param = _validation_message(exc)
        return error_response(request, 422, message, param)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        response = error_response(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    app.add_exception_handler(BadParameterError, bad_parameter)
    app.add_exception_handler(QueryError, bad_query)
    app.add_exception_handler(AnalysisError, bad_query)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(StoreError, store_failed)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response
