"""Property-based API fuzz (issue 9): schemathesis generates requests from /openapi.json; no
request may cause a server error, and every answer must match the documented status codes,
content types and schemas (event items against the event record's JSON Schema)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from test_web_api import build_web_db

from chronica.web import create_app

pytestmark = [pytest.mark.issue(9), pytest.mark.slow]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db: Path = build_web_db(tmp_path_factory.mktemp("fuzz") / "events.duckdb", 10)
    app = create_app(db)
    assert TestClient(app).get("/openapi.json").status_code == 200
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_never_fails_and_matches_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
