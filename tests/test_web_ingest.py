"""POST /api/v1/documents (issue 9): off by default, bearer token, size limit, same ingest path
as the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronica.errors import SettingsError
from chronica.store import Store
from chronica.web import create_app
from chronica.web.state import MAX_INGEST_BYTES

pytestmark = pytest.mark.issue(9)

TOKEN = "test-token-42"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "ingest.duckdb"
    Store.open(path).close()
    return path


@pytest.fixture
def ingest_client(empty_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(empty_db, allow_ingest=True, token=TOKEN)) as client:
        yield client


def test_allow_ingest_needs_a_token(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHRONICA_TOKEN", raising=False)
    with pytest.raises(SettingsError, match="CHRONICA_TOKEN"):
        create_app(empty_db, allow_ingest=True)
    monkeypatch.setenv("CHRONICA_TOKEN", "  ")
    with pytest.raises(SettingsError):
        create_app(empty_db, allow_ingest=True)


def test_ingest_is_off_by_default(empty_db: Path) -> None:
    with TestClient(create_app(empty_db)) as client:
        r = client.post("/api/v1/documents", json={"id": "a", "text": "x"}, headers=AUTH)
    assert r.status_code == 403
    assert "--allow-ingest" in r.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer "}],
)  # fmt: skip
def test_ingest_needs_the_bearer_token(ingest_client: TestClient, headers: dict[str, str]) -> None:
    r = ingest_client.post("/api/v1/documents", json={"id": "a", "text": "x"}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_ingest_refuses_large_bodies(ingest_client: TestClient) -> None:
    body = json.dumps({"id": "big", "text": "a" * (MAX_INGEST_BYTES + 10)})
    r = ingest_client.post(
        "/api/v1/documents", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        for _ in range(6):
            yield b"a" * (1024 * 1024)

    r = ingest_client.post("/api/v1/documents", content=chunks(), headers=AUTH)
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"{not json", "not valid JSON"), (b"[]", "no documents"), (b"[1]", "JSON object"),
     (b'{"text": "no id"}', "'id'"), (b'{"id": "a", "text": "  "}', "'text'"),
     (b'{"id": "a"}', "'text'")],
)  # fmt: skip
def test_ingest_rejects_bad_documents(ingest_client: TestClient, body: bytes, message: str) -> None:
    r = ingest_client.post("/api/v1/documents", content=body, headers=AUTH)
    assert r.status_code == 422
    assert message in r.json()["detail"]


@pytest.mark.model
@pytest.mark.slow
def test_ingest_codes_and_stores_documents(ingest_client: TestClient) -> None:
    docs = [
        {"id": "post-1", "text": "Freedonian forces attacked rebels in the north on Monday.",
         "published": "2022-05-04", "title": "Attack"},
        {"id": "post-2", "text": "France and Kenya signed a trade agreement in Nairobi."},
    ]  # fmt: skip
    r = ingest_client.post("/api/v1/documents", json=docs, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["read"] == 2 and body["inserted"] == 2 and body["quarantined"] == 0
    assert ingest_client.get("/api/v1/documents/post-1").json()["document"]["title"] == "Attack"
    again = ingest_client.post("/api/v1/documents", json=docs, headers=AUTH).json()
    assert again["unchanged"] == 2 and again["inserted"] == 0
    events = ingest_client.get("/api/v1/events", params={"limit": 500}).json()["items"]
    assert len(events) == body["events"]
