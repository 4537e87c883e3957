"""Property-based API fuzz (issue 9): schemathesis generates requests from /openapi.json, both
valid and invalid ones; no request may cause a server error, and every answer must match the
documented status codes, content types and schemas (event items against the event record's
JSON Schema). Kept small: a dozen examples per operation and mode.

The operations are driven through Hypothesis directly (``APIOperation.as_strategy``) rather
than schemathesis' pytest plugin, whose lazy fixture loader does not run on pytest 9.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from test_web_api import build_web_db

from chronica.web import create_app

pytestmark = [pytest.mark.issue(9), pytest.mark.slow]

OPERATIONS: tuple[tuple[str, str], ...] = (
    ("GET", "/api/v1/events"),
    ("GET", "/api/v1/events/{event_id}"),
    ("GET", "/api/v1/actors"),
    ("GET", "/api/v1/actors/{name}/timeline"),
    ("GET", "/api/v1/dyad"),
    ("GET", "/api/v1/network"),
    ("GET", "/api/v1/documents"),
    ("GET", "/api/v1/documents/{doc_id}"),
    ("POST", "/api/v1/documents"),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db = build_web_db(tmp_path_factory.mktemp("fuzz") / "events.duckdb", 10)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db))


def test_fuzz_covers_every_operation(api_schema: schemathesis.BaseSchema) -> None:
    operations = [r.ok() for r in api_schema.get_all_operations()]  # type: ignore[union-attr]
    found = {(op.method.upper(), op.path) for op in operations}
    assert found == set(OPERATIONS)


# Operations whose only parameter is a free string cannot be sent invalid values.
UNCONSTRAINED = {("GET", "/api/v1/events/{event_id}"), ("GET", "/api/v1/documents/{doc_id}")}
CASES = [
    (method, path, mode)
    for method, path in OPERATIONS
    for mode in schemathesis.GenerationMode
    if mode is schemathesis.GenerationMode.POSITIVE or (method, path) not in UNCONSTRAINED
]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_api_never_fails_and_matches_its_schema(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: schemathesis.GenerationMode
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
