"""HTTP API tests (issue 9): /api/v1 over a real temporary DuckDB built with Store.save.

The database is built from hand-made events (no NLP): a plain report, a near-duplicate copy of
it, a hostile article (script tags, event handlers, javascript: links), names with quotes, and
a batch of synthetic reports for paging. Other web test files import ``build_web_db``.
"""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from chronica.records import (
    Attribution,
    DateSpan,
    Document,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)
from chronica.serialize import ROW_COLUMNS, event_schema, event_to_dict
from chronica.store import Store
from chronica.web import create_app
from chronica.web.sample import SampleSpec, sample_corpus

pytestmark = pytest.mark.issue(9)

REPORT_TEXT = (
    "Castleton, 4 March 2021.\n\n"
    "Ruritanian troops shelled Freedonia near Castleton on 3 March 2021, officials said. "
    "Talks are planned."
)
XSS_TEXT = (
    "A hostile page.\n\n"
    'Evil Corp attacked <script>alert("x")</script> Freedonia today. '
    '<img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">click</a>.'
)
QUOTE_TEXT = "O'Brien criticised the '; DROP TABLE events; -- plan in Dublin."


def _event(
    event_id: str,
    doc_id: str,
    text: str,
    sentence: str,
    actor: Entity,
    recipient: Entity | None,
    *,
    plover: str = "ASSAULT",
    cameo: str = "195",
    quad: int = 4,
    goldstein: float = -9.5,
    trigger: str = "shelled",
    day: date | None = None,
    date_text: str | None = None,
    place: Place | None = None,
    attribution: Attribution | None = None,
) -> Event:
    start = text.index(sentence)
    return Event(
        id=event_id,
        doc_id=doc_id,
        event=EventType(plover, None, cameo, quad, goldstein, trigger),
        actor=(actor,),
        recipient=() if recipient is None else (recipient,),
        date=DateSpan(day, day, "day", "text", date_text) if day else DateSpan(),
        location=place,
        attribution=attribution or Attribution(),
        evidence=Evidence(1, sentence, start, start + len(sentence)),
        confidence=0.8,
        reasons=Reasons(
            actor="dictionary alias for the actor",
            event=f"pattern {cameo} on the verb {trigger!r}",
            date="explicit date in the sentence" if day else "no date found",
            location="gazetteer match" if place else "no place found",
            attribution="cue 'said' with a named source",
        ),
    )


RURITANIA = Entity("Ruritanian troops", "Ruritania", "RUR", "MIL", None)
FREEDONIA = Entity("Freedonia", "Freedonia", "FRE", None, "Q999001")
CASTLETON = Place("Castleton", "Castleton", "FRE", None, 10.5, 20.25, 12345, "city")
EVIL = Entity('Evil Corp" onmouseover="alert(5)', "<script>alert(4)</script>", "MNC", None, None)
OBRIEN = Entity("O'Brien", "O'Brien", "IRL", "GOV", None)


def hand_made() -> list[tuple[Document, list[Event]]]:
    """The hand-made documents and events every web test uses."""
    report_sentence = (
        "Ruritanian troops shelled Freedonia near Castleton on 3 March 2021, officials said."
    )
    said = Attribution("claimed", Entity("officials"), "said")
    report_events = [
        _event(
            "ev-report", "doc-report", REPORT_TEXT, report_sentence, RURITANIA, FREEDONIA,
            day=date(2021, 3, 3), date_text="3 March 2021", place=CASTLETON, attribution=said,
        )
    ]  # fmt: skip
    copy_events = [
        _event(
            "ev-copy", "doc-copy", REPORT_TEXT, report_sentence, RURITANIA, FREEDONIA,
            day=date(2021, 3, 3), date_text="3 March 2021", place=CASTLETON, attribution=said,
        )
    ]  # fmt: skip
    xss_sentence = 'Evil Corp attacked <script>alert("x")</script> Freedonia today.'
    xss_events = [
        _event(
            "ev-xss", "doc-xss", XSS_TEXT, xss_sentence, EVIL, FREEDONIA,
            trigger="attacked", date_text="today", day=date(2021, 5, 1),
        )
    ]  # fmt: skip
    quote_events = [
        _event(
            "ev-quote", "doc-quote", QUOTE_TEXT, QUOTE_TEXT, OBRIEN, None,
            plover="ACCUSE", cameo="111", quad=3, goldstein=-2.0, trigger="criticised",
            day=date(2019, 6, 1), date_text=None,
        )
    ]  # fmt: skip
    published = date(2021, 3, 4)
    return [
        (Document("doc-report", REPORT_TEXT, "Shelling near Castleton", "https://news.example/a",
                  "Example Wire", published), report_events),
        (Document("doc-copy", REPORT_TEXT, "Shelling near Castleton (copy)", None,
                  "Other Wire", published), copy_events),
        (Document("doc-xss", XSS_TEXT, "<script>alert('title')</script>", "javascript:alert(1)",
                  "<b>Bad</b> source", date(2021, 5, 1)), xss_events),
        (Document("doc-quote", QUOTE_TEXT, "O'Brien's plan", None, None, date(2019, 6, 2)),
         quote_events),
    ]  # fmt: skip


def build_web_db(path: Path, synthetic_documents: int = 30) -> Path:
    """A database with the hand-made documents plus synthetic ones, de-duplicated."""
    with Store.open(path) as store:
        store.save_many(hand_made())
        store.save_many(list(sample_corpus(SampleSpec(synthetic_documents, seed=3))))
        store.deduplicate()
    return path


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_web_db(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="module")
def app(web_db: Path) -> FastAPI:
    return create_app(web_db)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def test_events_items_are_the_event_records(client: TestClient, web_db: Path) -> None:
    r = client.get("/api/v1/events", params={"actor": "Ruritania", "limit": 500})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"items", "next"}
    with Store.open(web_db, read_only=True) as store:
        for item in body["items"]:
            jsonschema.validate(item, event_schema())
            stored = store.get_event(item["id"])
            assert stored is not None and item == event_to_dict(stored)
    assert {"ev-report", "ev-copy"} <= {i["id"] for i in body["items"]}


def test_events_cursor_pages_through_everything(client: TestClient) -> None:
    seen: list[str] = []
    after = None
    for _ in range(100):
        params: dict[str, str | int] = {"limit": 7}
        if after:
            params["after"] = after
        body = client.get("/api/v1/events", params=params).json()
        seen += [i["id"] for i in body["items"]]
        after = body["next"]
        if after is None:
            break
    total = client.get("/api/v1/events", params={"limit": 500}).json()
    assert len(seen) == len(set(seen)) == len(total["items"]) == 4 + 30 * 5


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"plover": "ACCUSE", "actor": "O'Brien"}, {"ev-quote"}),
        ({"actor": "o'brien", "role": "actor"}, {"ev-quote"}),
        ({"text": "<script>"}, {"ev-xss"}),
        ({"country": "FRE", "date_from": "2021-03", "date_to": "2021-03-31"},
         {"ev-report", "ev-copy"}),
        ({"certainty": "claimed", "actor": "Q999001"}, {"ev-report", "ev-copy"}),
        ({"doc_id": "doc-xss"}, {"ev-xss"}),
        ({"quad_class": 3, "date_to": "2019"}, {"ev-quote"}),
    ],
)  # fmt: skip
def test_events_filters(client: TestClient, params: dict[str, object], expected: set[str]) -> None:
    r = client.get("/api/v1/events", params={**params, "limit": 500})  # type: ignore[dict-item]
    assert r.status_code == 200, r.text
    found = {i["id"] for i in r.json()["items"] if not i["id"].startswith("sample-")}
    assert found == expected


@pytest.mark.parametrize(
    "value",
    ["'; DROP TABLE events; --", "\" OR 1=1 --", "x' OR 'a'='a", "%_\\",
     "Robert'); DROP TABLE documents;--"],
)  # fmt: skip
@pytest.mark.parametrize("param", ["actor", "text", "doc_id", "after_cursor"])
def test_events_injection_is_inert(client: TestClient, param: str, value: str) -> None:
    if param == "after_cursor":
        r = client.get("/api/v1/events", params={"after": value})
        assert r.status_code == 422
    else:
        r = client.get("/api/v1/events", params={param: value, "limit": 500})
        assert r.status_code == 200
        # matched literally: only the article that contains the text itself
        literal = {"ev-quote"} if param == "text" and value in QUOTE_TEXT else set()
        assert {i["id"] for i in r.json()["items"]} == literal
    still = client.get("/api/v1/events", params={"limit": 500}).json()["items"]
    assert len(still) == 154
    assert client.get("/api/v1/documents/doc-report").status_code == 200


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"plover": "PUNCH"}, "plover"),
        ({"quad_class": 5}, "quad_class"),
        ({"date_from": "2021-13-01"}, "date_from"),
        ({"date_from": "2021-02-30"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2021-05-01", "date_to": "2021-01-01"}, "date_to"),
        ({"certainty": "sure"}, "certainty"),
        ({"order": "random"}, "order"),
        ({"role": "king"}, "role"),
        ({"country": "France"}, "country"),
        ({"format": "xml"}, "format"),
    ],
)  # fmt: skip
def test_events_bad_parameters_are_422_with_message(
    client: TestClient, params: dict[str, object], param: str
) -> None:
    r = client.get("/api/v1/events", params=params)  # type: ignore[arg-type]
    assert r.status_code == 422
    body = r.json()
    assert body["param"].startswith(param)
    assert param in body["detail"] and len(body["detail"]) > len(param) + 5


@pytest.mark.parametrize(
    "how", [{"params": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}]
)
def test_events_csv(client: TestClient, how: dict[str, dict[str, str]]) -> None:
    params = {"actor": "Ruritania", **how.get("params", {})}
    r = client.get("/api/v1/events", params=params, headers=how.get("headers"))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == ROW_COLUMNS
    assert {row["id"] for row in rows} >= {"ev-report", "ev-copy"}


def test_event_by_id(client: TestClient) -> None:
    r = client.get("/api/v1/events/ev-report")
    assert r.status_code == 200
    assert r.json()["evidence"]["sentence"].startswith("Ruritanian troops shelled")
    missing = client.get("/api/v1/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["detail"]


def test_actors_search(client: TestClient) -> None:
    items = client.get("/api/v1/actors", params={"q": "rurit"}).json()["items"]
    names = [a["name"] for a in items]
    assert "Ruritania" in names
    assert all("rurit" in (a["name"] + " ".join(a["spellings"])).lower() for a in items)
    assert client.get("/api/v1/actors", params={"q": "zzzz"}).json() == {"items": []}


def test_actor_timeline(client: TestClient) -> None:
    r = client.get("/api/v1/actors/Freedonia/timeline", params={"count": "reports"})
    assert r.status_code == 200
    body = r.json()
    assert body["actor"]["id"] == "Q999001"
    ids = {e["event"]["id"] for e in body["entries"]}
    assert {"ev-report", "ev-copy"} <= ids
    assert any(y["year"] == 2021 for y in body["years"])
    assert client.get("/api/v1/actors/Nobody%20At%20All/timeline").status_code == 404
    bad = client.get("/api/v1/actors/Freedonia/timeline", params={"min_certainty": "sure"})
    assert bad.status_code == 422


def test_dyad(client: TestClient) -> None:
    r = client.get("/api/v1/dyad", params={"a": "Ruritania", "b": "Freedonia", "count": "reports"})
    assert r.status_code == 200
    body = r.json()
    period = next(p for p in body["periods"] if p["period"] == "2021")
    assert period["a_to_b"]["quad_counts"][3] == 2
    csv_text = client.get(
        "/api/v1/dyad", params={"a": "Ruritania", "b": "Freedonia", "format": "csv"}
    ).text
    assert csv_text.startswith("period,direction")
    assert (
        client.get("/api/v1/dyad", params={"a": "x", "b": "y", "freq": "week"}).status_code == 422
    )


def test_network(client: TestClient) -> None:
    r = client.get("/api/v1/network", params={"actor": "Ruritania", "window": "all"})
    assert r.status_code == 200
    body = r.json()
    assert body["focal"]["actor"] == "Ruritania"
    assert any(e["events"] for w in body["windows"] for e in w["edges"])
    assert client.get("/api/v1/network", params={"window": "0y"}).status_code == 422


def test_documents_list_and_detail(client: TestClient) -> None:
    page = client.get("/api/v1/documents", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    assert "text" not in page["items"][0]
    detail = client.get("/api/v1/documents/doc-report").json()
    assert detail["document"]["text"] == REPORT_TEXT
    assert [e["id"] for e in detail["events"]] == ["ev-report"]
    assert detail["cluster"] == ["doc-copy", "doc-report"]
    assert client.get("/api/v1/documents/none-such").status_code == 404


def test_openapi_lists_every_endpoint_and_the_event_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/actors",
        "/api/v1/actors/{name}/timeline", "/api/v1/dyad", "/api/v1/network",
        "/api/v1/documents", "/api/v1/documents/{doc_id}",
    ):  # fmt: skip
        assert "get" in paths[path], path
    assert "post" in paths["/api/v1/documents"]
    assert not any(p.startswith("/events") or p == "/" for p in paths)  # pages are not API
    schemas = spec["components"]["schemas"]
    assert schemas["EventPage"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/Event"
    }
    assert schemas["Event"]["properties"]["actor"]["items"]["$ref"].endswith("Event_entity")
    limit = next(p for p in paths["/api/v1/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
    assert "422" in paths["/api/v1/events"]["get"]["responses"]


def test_app_survives_restart_and_concurrent_requests(web_db: Path) -> None:
    app = create_app(web_db)
    for _ in range(2):  # startup/shutdown twice: the store is reopened
        with TestClient(app) as client:
            urls = ["/api/v1/events?limit=20", "/api/v1/documents/doc-report", "/events",
                    "/api/v1/actors?q=a", "/actors/Freedonia", "/map"] * 4  # fmt: skip
            with ThreadPoolExecutor(max_workers=8) as pool:
                statuses = list(pool.map(lambda u: client.get(u).status_code, urls))
            assert statuses == [200] * len(urls)
