"""The CAMEO/PETRARCH dictionary importer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from chronica.actors.cameo_import import (
    import_cameo_file,
    parse_cameo,
    parse_date,
    phrase,
    split_code,
    to_yaml_data,
)
from chronica.actors.dictionary import load_dictionary
from chronica.actors.normalize import norm_key
from chronica.errors import DictionaryError

SAMPLE = """\
# a small CAMEO actors file written for this test
GRAND_DUCHY_OF_FENWICK_  [LUX]   # the country code
+FENWICKIAN_
+FENWICK_
FENWICK_GOVERNMENT [LUXGOV]
GLORIANA_THE_TWELFTH_
+DUCHESS_GLORIANA_
\t[LUXGOV 950101-051231]
\t[LUXELI]
TULLY_BASCOMB_
\t[LUXMIL >20100301]
"""

AGENTS = """\
!PERSON! = MAN, MEN
ARCHER [~MIL]
BOWMAN {BOWMEN} [~MIL]
PIKE!PERSON! [~MIL]
TOWN_CRIER {} [~MED]
"""


@pytest.mark.parametrize(
    ("token", "text"),
    [("UNITED_STATES_", "United States"), ("BANK_OF_ENGLAND_", "Bank of England"),
     ("CIA_", "CIA"), ("U.S._", "U.S.")],
)  # fmt: skip
def test_phrase(token: str, text: str) -> None:
    assert phrase(token) == text


@pytest.mark.parametrize(
    ("code", "parts"),
    [("USA", ("USA", None)), ("IRQGOV", ("IRQ", "GOV")), ("~MIL", (None, "MIL")),
     ("IGOUNO", ("IGO", None)), ("IMGMUSISI", (None, None)), ("AFGGOVAGR", ("AFG", "GOV"))],
)  # fmt: skip
def test_split_code(code: str, parts: tuple[str | None, str | None]) -> None:
    assert split_code(code) == parts


@pytest.mark.parametrize(
    ("text", "day"),
    [("090120", date(2009, 1, 20)), ("750101", date(1975, 1, 1)), ("20210120", date(2021, 1, 20))],
)
def test_parse_date(text: str, day: date) -> None:
    assert parse_date(text, "f", 1) == day


@pytest.mark.parametrize("text", ["0901", "091320", "abcdef"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DictionaryError):
        parse_date(text, "f", 3)


def test_actors_file() -> None:
    data = to_yaml_data(parse_cameo(SAMPLE, "s.actors"), "s.actors")
    by_key = {a["key"]: a for a in data["actors"]}
    fenwick = by_key["grand_duchy_of_fenwick"]
    assert fenwick["country"] == "LUX"
    assert fenwick["aliases"] == ["Grand Duchy of Fenwick", "Fenwickian", "Fenwick"]
    assert by_key["fenwick_government"]["sector"] == "GOV"
    gloriana = by_key["gloriana_the_twelfth"]
    assert (gloriana["country"], gloriana["sector"], gloriana["cameo"]) == ("LUX", "ELI", "LUXELI")
    assert gloriana["roles"] == [
        {"from": date(1995, 1, 1), "to": date(2005, 12, 31), "country": "LUX", "sector": "GOV",
         "title": "LUXGOV"}
    ]  # fmt: skip
    assert by_key["tully_bascomb"]["roles"][0]["from"] == date(2010, 3, 1)


def test_agents_file() -> None:
    data = to_yaml_data(parse_cameo(AGENTS, "s.agents"), "s.agents")
    assert data["actors"] == []
    assert data["sectors"]["MIL"] == ["archer", "bowman", "bowmen", "pike man", "pike men"]
    assert data["sectors"]["MED"] == ["town crier"]


@pytest.mark.parametrize(
    ("text", "line"),
    [("+ORPHAN_SYNONYM_\n", 1), ("# c\n\t[USAGOV]\n", 2), ("X_\n\t[USAGOV 0901-1001]\n", 2)],
)
def test_malformed_cameo(text: str, line: int) -> None:
    with pytest.raises(DictionaryError) as info:
        to_yaml_data(parse_cameo(text, "bad.actors"), "bad.actors")
    assert info.value.line == line


def test_imported_yaml_loads_as_a_user_dictionary(tmp_path: Path) -> None:
    source = tmp_path / "fenwick.actors"
    source.write_text(SAMPLE + AGENTS, encoding="utf-8")
    out = tmp_path / "fenwick.yaml"
    out.write_text(import_cameo_file(source), encoding="utf-8")
    assert out.read_text(encoding="utf-8").startswith("# chronica actor dictionary imported from")
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["version"] == 1
    d = load_dictionary([out])
    assert d.aliases[norm_key("Fenwickian")].key == "grand_duchy_of_fenwick"
    assert d.agents[norm_key("bowmen")].sector == "MIL"
