"""The analysis commands (actor, dyad, network, claims, report) against a small real store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_analysis_library import ev
from typer.testing import CliRunner

from chronica.cli import app
from chronica.records import Document, Entity, Event
from chronica.store import Store

ZORVAN = Entity("the Zorvan Front", "Zorvan Front", None, "REB", None)
QEL = Entity("the Qel Ministry", "Qel Ministry", None, "GOV", None)
ARDEN = Entity("the Arden League", "Arden League", None, "GOV", None)
COMMANDS = ("actor", "dyad", "network", "claims", "report")
DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli"

runner = CliRunner()


def store_events() -> list[tuple[Document, list[Event]]]:
    first = [
        ev("e1", ZORVAN, QEL, date(2012, 3, 1), "ASSAULT", doc="n1", sentence="Raid <b>one</b>."),
        ev("e2", QEL, ZORVAN, date(2013, 5, 1), "ASSAULT", doc="n1", sentence="Second raid."),
        ev("e3", ARDEN, QEL, date(2014, 1, 1), "ACCUSE", doc="n1", certainty="alleged",
           claimant=ARDEN, sentence="Arden alleged a plot."),
    ]  # fmt: skip
    second = [
        ev("e4", ZORVAN, QEL, date(2018, 6, 1), "AGREE", doc="n2", sentence="They agreed."),
        ev("e5", QEL, ZORVAN, date(2019, 2, 1), "AID", doc="n2", sentence="Aid was sent."),
    ]
    return [
        (Document("n1", "First article text about raids.", published=date(2020, 1, 1)), first),
        (Document("n2", "Second article text about a deal.", published=date(2020, 2, 1)), second),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "events.duckdb"
    with Store.open(path) as store:
        for document, events in store_events():
            store.save(document, events)
        store.deduplicate()
    return path


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_analysis_cli_actor_timeline_in_event_order(db: Path) -> None:
    code, out = invoke("actor", "Zorvan Front", "--db", str(db))
    assert code == 0, out
    assert out.index("2012-03-01") < out.index("2013-05-01") < out.index("2019-02-01")
    assert "counting event groups" in out
    assert "Raid <b>one</b>." in out
    code, out = invoke("actor", "Zorvan Front", "--db", str(db), "--count", "reports",
                       "--from", "2018")  # fmt: skip
    assert code == 0 and "counting reports" in out and "2012-03-01" not in out


def test_analysis_cli_dyad_csv(db: Path, tmp_path: Path) -> None:
    out_csv = tmp_path / "dyad.csv"
    code, out = invoke("dyad", "Zorvan Front", "Qel Ministry", "--db", str(db),
                       "--csv", str(out_csv))  # fmt: skip
    assert code == 0, out
    assert "turn 2013 → 2018" in out
    rows = out_csv.read_text().splitlines()
    assert rows[0].startswith("period,direction") and len(rows) == 1 + 3 * 4


def test_analysis_cli_network_exports(db: Path, tmp_path: Path) -> None:
    code, out = invoke("network", "--db", str(db), "--window", "5y", "--focal", "Zorvan Front",
                       "--json", str(tmp_path / "net.json"),
                       "--graphml", str(tmp_path / "net.graphml"))  # fmt: skip
    assert code == 0, out
    assert "turned friendly: Qel Ministry" in out
    doc = json.loads((tmp_path / "net.json").read_text())
    assert doc["count"] == "groups" and len(doc["windows"]) == 2
    assert len(list(tmp_path.glob("net_*.graphml"))) == 2


def test_analysis_cli_claims(db: Path) -> None:
    code, out = invoke("claims", "--db", str(db), "--about", "Qel Ministry")
    assert code == 0, out
    assert "Arden League" in out and "alleged" in out
    assert "asserted by the text: 4 events" in out
    code, out = invoke("claims", "--db", str(db), "--asserted-only")
    assert code == 0 and "Arden alleged" not in out


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "# Dossier")])
def test_analysis_cli_report(db: Path, tmp_path: Path, fmt: str, marker: str) -> None:
    out_file = tmp_path / f"dossier.{fmt}"
    code, out = invoke("report", "Zorvan Front", "--db", str(db), "-o", str(out_file),
                       "--format", fmt)  # fmt: skip
    assert code == 0, out
    text = out_file.read_text()
    assert text.startswith(marker)
    assert "Raid &lt;b&gt;one&lt;/b&gt;." in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("network", "--window", "5x"), 2, "--window must look like"),
        (("actor", "Zorvan Front", "--from", "2019-13"), 2, "bad date"),
        (("actor", "Zorvan Front", "--from", "2020", "--to", "2019"), 2, "is after"),
    ],
)
def test_analysis_cli_bad_options(db: Path, args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, out = invoke(*args, "--db", str(db))
    assert exit_code == code
    assert message in out


def test_analysis_cli_missing_database(tmp_path: Path) -> None:
    code, out = invoke("actor", "X", "--db", str(tmp_path / "none.duckdb"))
    assert code != 0 and "no such database" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_analysis_cli_documented(command: str) -> None:
    doc = (DOCS / f"{command}.md").read_text()
    assert f"chronica {command}" in doc
    assert "## Options" in doc and "## Example" in doc
    code, _out = invoke(command, "--help")
    assert code == 0
