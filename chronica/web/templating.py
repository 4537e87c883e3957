"""The Jinja2 environment of the pages: autoescaping always on, helpers for URLs and labels."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from chronica import __version__
from chronica.analysis import QUAD_LABELS, date_label
from chronica.analysis.claims import LEDGER_CERTAINTIES
from chronica.records import CERTAINTIES, PLOVER_TYPES
from chronica.web.filters import ORDERS, ROLES

ORDER_NAMES: dict[str, str] = {
    "date": "oldest first",
    "-date": "newest first",
    "confidence": "most confident first",
}
HIGHLIGHT_ROLES: tuple[str, ...] = (
    "trigger",
    "actor",
    "recipient",
    "date",
    "place",
    "claimant",
    "cue",
)


def actor_url(name: str) -> str:
    return "/actors/" + quote(name, safe="")


def document_url(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def event_url(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def static_url(name: str) -> str:
    return f"/static/{quote(name)}?v={quote(__version__)}"


def safe_link(url: str | None) -> bool:
    """True for http(s) URLs only: other schemes (javascript:, data:) are never made links."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("chronica.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.globals.update(
        static=static_url,
        actor_url=actor_url,
        document_url=document_url,
        event_url=event_url,
        safe_link=safe_link,
        version=__version__,
        quad_names={q: label.capitalize() for q, label in QUAD_LABELS.items()},
        plover_types=PLOVER_TYPES,
        certainties=CERTAINTIES,
        roles=ROLES,
        orders=ORDERS,
        order_names=ORDER_NAMES,
        highlight_roles=HIGHLIGHT_ROLES,
        ledger_certainties=LEDGER_CERTAINTIES,
        date_label=date_label,
    )
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render a page template (context values are escaped by the template engine)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)
