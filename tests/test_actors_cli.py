"""`chronica actors lookup` and `chronica actors import` through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronica.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("query", "country", "sector"),
    [("MEK", "IRN", "OPP"), ("Iraqi troops", "IRQ", "MIL"), ("Q794", "IRN", None)],
)
def test_lookup_json(query: str, country: str, sector: str | None) -> None:
    result = runner.invoke(app, ["actors", "lookup", query, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["text"], data["country"], data["sector"]) == (query, country, sector)


def test_lookup_table_and_date() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Obama", "--date", "2012-01-01"])
    assert result.exit_code == 0
    assert "Barack Obama" in result.stdout and "GOV" in result.stdout


def test_lookup_unknown_exits_4() -> None:
    result = runner.invoke(app, ["actors", "lookup", "xqzv"])
    assert result.exit_code == 4
    assert "no actor matches" in result.output


def test_lookup_bad_date() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Obama", "--date", "soon"])
    assert result.exit_code == 2


def test_lookup_malformed_user_dictionary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {key: a, aliases: [A, B}\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "lookup", "Iran", "--actors", str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml:2" in result.output


def test_import_writes_yaml(tmp_path: Path) -> None:
    source = tmp_path / "small.actors"
    source.write_text(
        "ORANGE_VALLEY_GUARD_ [~MIL]\nFREDONIA_ [FRD]\n+FREDONIAN_\n", encoding="utf-8"
    )
    out = tmp_path / "small.yaml"
    result = runner.invoke(app, ["actors", "import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Fredonian" in text and "orange valley guard" in text


def test_import_to_stdout_and_missing_file(tmp_path: Path) -> None:
    source = tmp_path / "one.actors"
    source.write_text("FREDONIA_ [FRD]\n", encoding="utf-8")
    assert "Fredonia" in runner.invoke(app, ["actors", "import", str(source)]).stdout
    missing = runner.invoke(app, ["actors", "import", str(tmp_path / "none.actors")])
    assert missing.exit_code == 1
