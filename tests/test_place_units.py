"""Places named with their units ("X (District, Region)", "X, Region") on hand-built Docs (no
model): unknown towns located by their units, units read as units, other names of units,
towns as the object of an attack, and armed forces' weaker say on where a text is."""

from __future__ import annotations

import pytest
from conftest import ents, make_doc, parsed_from_docs
from spacy.tokens import Doc

from chronica.place import Geoparser
from chronica.place.gazetteer import Gazetteer
from chronica.place.geoparser import country_fallback
from chronica.place.toponyms import country_evidence, find_toponyms
from chronica.records import Entity, EventCandidate, EventType, Mention, PlaceResult

EVENT = EventType("ASSAULT", None, "190", 4, -10.0, "x")


def locate(
    gp: Geoparser, doc: Doc, trigger: int, recipient: tuple[Mention, ...] = ()
) -> PlaceResult:
    parsed = parsed_from_docs([doc])
    cand = EventCandidate(0, 0, trigger, trigger + 1, EVENT, (), recipient, "t", 0.5, "t")
    (result,) = gp.resolve(parsed, [cand], list(recipient))
    return result


@pytest.mark.parametrize(
    ("words", "country", "unit"),
    [
        # an unknown village, its district (unknown too) and its province
        ("Militants attacked Koudaloga ( Tongomayel , Soum ) .", "BFA", "Soum"),
        # the head's kind word and the units' kind words are skipped
        ("Gunmen attacked Balcadey town ( Balcadey district , Middle Shabelle ) .", "SOM", None),
        # a unit written with hyphens and a region in another language
        ("Militants attacked Kourgui ( Mora , Extreme-Nord ) .", "CMR", None),
        # a town of the same name elsewhere is not where the bracket says
        ("Crowds attacked Bernal municipality ( Buenos Aires ) .", "ARG", None),
        # an unknown village before ", Region": the region, not a Russian namesake town
        ("Shells hit Zarichne , Donetsk .", "UKR", None),
    ],
)
def test_place_unknown_town_located_by_its_units(
    geoparser: Geoparser, words: str, country: str, unit: str | None
) -> None:
    doc = make_doc(words.split())
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == country
    assert "qualif" in result.reason  # "located by its qualifier" or "qualified by"
    if unit is not None:
        assert unit in result.reason


@pytest.mark.parametrize(
    "words",
    [
        "Police arrested Ahmed Salem ( coded to the district level ) .",
        "Police arrested Ahmed Salem ( 35 ) .",
        "Police arrested Ahmed Salem ( AP ) .",
    ],
)
def test_place_bracket_that_is_not_a_list_of_units(gaz: Gazetteer, words: str) -> None:
    parsed = parsed_from_docs([make_doc(words.split())])
    assert find_toponyms(parsed, gaz) == []


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Middle Shabelle", "SOM"),
        ("Thi Qar", "IRQ"),
        ("Extreme-Nord", "CMR"),
        ("Shan-North", "MMR"),
        ("Rural Damascus", "SYR"),
        ("Cataluna", "ESP"),
        ("Khyber-Pakhtunkhwa", "PAK"),
        ("West Azerbaijan", "IRN"),
        ("East Azerbaijan", "IRN"),
    ],
)
def test_place_other_names_of_units(gaz: Gazetteer, name: str, country: str) -> None:
    assert any(e.country == country and e.feature == "admin1" for e in gaz.lookup(name))


def test_place_attacked_town_is_the_place(geoparser: Geoparser) -> None:
    # "Forces shelled Kharkiv ." where the recipient mention is the town itself
    doc = make_doc(["Forces", "shelled", "Kharkiv", "."], ents=ents(4, [(2, 3, "GPE")]))
    town = Mention(0, 2, 3, Entity(text="Kharkiv"), "ner", "t")
    result = locate(geoparser, doc, 1, (town,))
    assert result.place is not None and result.place.country == "UKR"
    assert result.place.feature != "country"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "vote"),
    [
        (["Russian", "forces", "shelled", "it"], [1, 2, 2, 2], ["amod", "nsubj", "ROOT", "dobj"],
         0.25),
        (["Russian", "officials", "met", "them"], [1, 2, 2, 2],
         ["amod", "nsubj", "ROOT", "dobj"], 0.5),
    ],
)  # fmt: skip
def test_place_armed_force_demonym_counts_less(
    gaz: Gazetteer, words: list[str], heads: list[int], deps: list[str], vote: float
) -> None:
    parsed = parsed_from_docs([make_doc(words, heads=heads, deps=deps)])
    assert country_evidence(parsed, [], [], gaz) == {"RUS": vote}


@pytest.mark.parametrize(
    "words",
    [
        "THE DRUG TRAFFICKERS ATTACKED THE STORE .",
        "A LIBERAL LEADER WAS KILLED ON THE COAST AT THAT TIME .",
        "THE FEDERAL POLICE MADE PROGRESS .",
    ],
)
def test_place_common_words_in_wire_copy_are_not_places(gaz: Gazetteer, words: str) -> None:
    parsed = parsed_from_docs([make_doc(words.split())])
    assert [t.text for t in find_toponyms(parsed, gaz)] == []


@pytest.mark.parametrize(
    ("words", "country"),
    [
        # "(South)" names a part of the town, not a unit called "South" somewhere
        ("Gunmen attacked Dagon Seikkan ( South ) .", None),
        # a direction beside a known unit only counts in that unit's country
        ("Protesters gathered in Rafah ( Gaza Strip , South ) .", "PSE"),
    ],
)
def test_place_direction_in_brackets_is_not_a_unit_alone(
    gaz: Gazetteer, words: str, country: str | None
) -> None:
    parsed = parsed_from_docs([make_doc(words.split())])
    found = [t for t in find_toponyms(parsed, gaz) if t.text == "South"]
    countries = {e.country for t in found for e in t.candidates}
    assert countries <= ({country} if country else set())


def test_place_town_with_its_units_beats_a_country_topic(geoparser: Geoparser) -> None:
    # "Truckers gathered at the U.S. border in Emerson ( Manitoba ) ."
    words = ["Truckers", "gathered", "at", "the", "U.S.", "border", "in", "Emerson", "("]
    words += ["Manitoba", ")", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 1, 5, 5, 2, 5, 6, 7, 7, 7, 1],
        deps=["nsubj", "ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "punct",
              "appos", "punct", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN",
             "PUNCT", "PUNCT"],
        ents=ents(12, [(4, 5, "GPE"), (7, 8, "GPE"), (9, 10, "GPE")]),
    )  # fmt: skip
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "CAN"
    assert "named with its units" in result.reason


@pytest.mark.parametrize(
    ("votes", "dateline", "country"),
    [
        ({"SLV": 5.0, "CUB": 3.5, "USA": 2.5}, "SLV", "SLV"),  # the dateline's country leads
        ({"USA": 4.0, "SLV": 4.0, "CUB": 1.0}, "SLV", "SLV"),  # a tie goes to the dateline
        ({"SLV": 5.0, "CUB": 3.5, "USA": 2.5}, "CUB", None),  # it does not lead
        ({"SLV": 5.0, "CUB": 3.5, "USA": 2.5}, None, None),
        ({"SLV": 1.5, "USA": 1.0}, "SLV", None),  # too little evidence all the same
    ],
)
def test_place_country_fallback_with_dateline(
    gaz: Gazetteer, votes: dict[str, float], dateline: str | None, country: str | None
) -> None:
    result = country_fallback(votes, gaz, frozenset(), dateline)
    assert (result.place.country if result.place else None) == country
    if country is not None:
        assert "dateline" in result.reason


@pytest.mark.parametrize("name", ["Central America", "CENTRAL AMERICA", "Latin America"])
def test_place_world_regions_are_no_country(gaz: Gazetteer, name: str) -> None:
    (entry, *_) = gaz.lookup(name)
    assert entry.country is None and entry.feature == "region"


def test_place_list_of_units_reads_a_state_not_the_country(geoparser: Geoparser) -> None:
    # a list of units ending in "Niger": Niger State of Nigeria, not the country
    doc = make_doc(["Gunmen", "attacked", "Kuchiwa", "(", "Munyawa", ",", "Niger", ")", "."])
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "NGA"
