"""Second-level units from chronica/data/places/districts.yaml (Nepal's districts,
Cameroon's departments) on hand-built Docs (no model): the units are in the gazetteer, place
an unknown town named with them, and a short district name with its type word ("Bara
district") is the district, not a foreign town of that name."""

from __future__ import annotations

import pytest
from conftest import ents, make_doc, parsed_from_docs

from chronica.place import Geoparser
from chronica.place.gazetteer import Gazetteer
from chronica.records import EventCandidate, EventType, PlaceResult

EVENT = EventType("PROTEST", None, "141", 4, -6.5, "x")


def locate(gp: Geoparser, words: list[str], tags: list[str], trigger: int) -> PlaceResult:
    parsed = parsed_from_docs([make_doc(words, ents=tags)])
    cand = EventCandidate(0, 0, trigger, trigger + 1, EVENT, (), (), "t", 0.5, "t")
    (result,) = gp.resolve(parsed, [cand], [])
    return result


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Kavrepalanchok", "NPL", "Bagmati"),
        ("Kavre", "NPL", "Bagmati"),
        ("Nuwakot", "NPL", "Bagmati"),
        ("Udayapur", "NPL", "Koshi"),
        ("Bardiya", "NPL", "Lumbini"),
        ("Nawalparasi", "NPL", "Lumbini"),
        ("Kailali", "NPL", "Sudurpashchim"),
        ("Mayo-Tsanaga", "CMR", "Far North"),
        ("Logone-et-Chari", "CMR", "Far North"),
        ("Mezam", "CMR", "North-West"),
        ("Kupe-Muanenguba", "CMR", "South-West"),
        ("Lom-et-Djerem", "CMR", "East"),
    ],
)
def test_place_district_in_gazetteer(gaz: Gazetteer, name: str, country: str, admin1: str) -> None:
    assert any(
        e.country == country and e.source == "admin2" and e.admin1 == admin1
        for e in gaz.lookup(name)
    )


@pytest.mark.parametrize(
    ("words", "spans", "trigger"),
    [
        # an unknown town with its district in brackets: the short name is the district
        ("Farmers protested in Simara municipality ( Bara district ) .", [(3, 4), (6, 7)], 1),
        # a short district name with its type word, alone
        ("Students marched in Bara district on Monday .", [(3, 4)], 1),
        # a longer district name that a foreign town resembles
        ("Traders rallied in Birtamod ( Jhapa district ) .", [(3, 4), (5, 6)], 1),
    ],
)
def test_place_district_with_type_word_is_the_district(
    geoparser: Geoparser, words: str, spans: list[tuple[int, int]], trigger: int
) -> None:
    split = words.split()
    tags = ents(len(split), [(s, e, "GPE") for s, e in spans])
    result = locate(geoparser, split, tags, trigger)
    assert result.place is not None and result.place.country == "NPL", result.reason


@pytest.mark.parametrize(
    ("words", "country"),
    [
        # an unknown village with its department and a region other countries name too
        ("Soldiers raided Ngashie ( Bui , Nord-Ouest ) .", "CMR"),
        ("Gunmen attacked Mbongue ( Meme , Sud-Ouest ) .", "CMR"),
        ("Militants attacked Tilde ( Mayo-Tsanaga , Extreme-Nord ) .", "CMR"),
        ("Youths protested in Rampur village ( Dang district ) .", "NPL"),
    ],
)
def test_place_unknown_town_located_by_its_department(
    geoparser: Geoparser, words: str, country: str
) -> None:
    result = locate(geoparser, words.split(), ["O"] * len(words.split()), 1)
    assert result.place is not None and result.place.country == country, result.reason
