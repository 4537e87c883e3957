"""Which capitalised names are places, and which place a name is (hand-built Docs, no
model): names of things (weapons, groups, shops, streets), names the tagger cut short, unit
words that say the level of a unit, neighbouring places that say the country, province
capitals, other names of units and the country of a text that names no known place."""

from __future__ import annotations

import pytest
from conftest import ents, make_doc, parsed_from_docs
from spacy.tokens import Doc

from chronica.place import Geoparser
from chronica.place.gazetteer import Gazetteer
from chronica.place.geoparser import country_fallback
from chronica.place.things import names_a_thing, street_readings
from chronica.place.toponyms import Toponym, find_toponyms, resolve_toponym, unit_level
from chronica.records import EventCandidate, EventType, PlaceResult

EVENT = EventType("ASSAULT", None, "190", 4, -10.0, "x")


def locate(gp: Geoparser, doc: Doc, trigger: int) -> PlaceResult:
    parsed = parsed_from_docs([doc])
    cand = EventCandidate(0, 0, trigger, trigger + 1, EVENT, (), (), "t", 0.5, "t")
    (result,) = gp.resolve(parsed, [cand], [])
    return result


def country_of(result: PlaceResult) -> str | None:
    return result.place.country if result.place is not None else None


# --------------------------------------------------------------------------- things


@pytest.mark.parametrize(
    ("words", "start", "end", "thing"),
    [
        ("Troops fired Grad rockets at the town .", 2, 3, True),  # a weapon, by name and noun
        ("Rebels ambushed the Wagner group near the border .", 3, 4, True),  # a company
        ("Workers protested at a Carrefour store .", 4, 5, True),  # a shop chain
        ("Cyclone Mocha hit the coast .", 1, 2, True),  # a storm's name
        ("An Islah - affiliated brigade clashed with rebels .", 1, 2, True),  # "X-affiliated"
        ("Farmers rallied in Tours on Monday .", 3, 4, False),  # a town
        ("Shells hit Aleppo road checkpoints .", 2, 3, False),  # a town before "road"
    ],
)
def test_place_names_of_things(words: str, start: int, end: int, thing: bool) -> None:
    tokens = words.split()
    spaces = [not (w == "-" or tokens[i + 1 : i + 2] == ["-"]) for i, w in enumerate(tokens)]
    doc = make_doc(tokens, spaces=spaces)
    assert names_a_thing(doc[start:end], tokens, 0, len(tokens)) is thing


@pytest.mark.parametrize(
    ("words", "start", "end", "kept"),
    [
        ("Crowds met in Victoria Park .", 3, 5, False),  # a park, not a small town so named
        ("Crowds met on St Mary 's Road .", 3, 5, False),  # a road: nor a unit so named
        ("Crowds met in Paris Square .", 3, 4, True),  # a large town keeps its reading
    ],
)
def test_place_street_names_keep_only_large_readings(
    gaz: Gazetteer, words: str, start: int, end: int, kept: bool
) -> None:
    tokens = words.split()
    span = make_doc(tokens)[start:end]
    entries = gaz.lookup(span.text)
    assert entries
    assert bool(street_readings(span, entries, tokens, len(tokens))) is kept


def test_place_thing_is_not_the_event_place(geoparser: Geoparser) -> None:
    words = ["Troops", "fired", "Grad", "missiles", "at", "Kramatorsk", "."]
    doc = make_doc(words, ents=ents(len(words), [(2, 3, "GPE"), (5, 6, "GPE")]))
    result = locate(geoparser, doc, 1)
    assert country_of(result) == "UKR" and "Kramatorsk" in result.reason


# --------------------------------------------------------------------------- cut names


@pytest.mark.parametrize(
    ("words", "glued", "tagged", "name", "country"),
    [
        # the tagger's entity is the first word of a longer name the gazetteer knows
        ("People demonstrated in Krems an der Donau .", (), (3, 4), "Krems an der Donau", "AUT"),
        (
            "People demonstrated in Saint - Pair - sur - Mer .",
            (3, 4, 5, 6, 7, 8),
            (3, 6),
            "Saint-Pair-sur-Mer",
            "FRA",
        ),
    ],
)
def test_place_name_cut_short_is_extended(
    gaz: Gazetteer,
    words: str,
    glued: tuple[int, ...],
    tagged: tuple[int, int],
    name: str,
    country: str,
) -> None:
    tokens = words.split()
    spaces = [i + 1 < len(tokens) and i not in glued for i in range(len(tokens))]
    doc = make_doc(tokens, spaces=spaces, ents=ents(len(tokens), [(*tagged, "GPE")]))
    (t,) = find_toponyms(parsed_from_docs([doc]), gaz)
    assert t.text == name
    assert t.candidates and t.candidates[0].country == country


@pytest.mark.parametrize(
    ("words", "tagged", "glued", "country"),
    [
        # an unknown village whose first word is a Russian town: located by its oblast
        ("Mortars hit Shakhta imeni Gagarina , Donetsk .", [(2, 3), (4, 5), (6, 7)], (), "UKR"),
        # "Nawa-i-Barikzayi district": not the Syrian town "Nawa"
        (
            "Gunmen attacked Nawa - i - Barikzayi district , Helmand .",
            [(2, 3), (6, 7), (9, 10)],
            (2, 3, 4, 5),
            "AFG",
        ),
    ],
)
def test_place_joined_unknown_name_is_not_its_first_word(
    geoparser: Geoparser,
    words: str,
    tagged: list[tuple[int, int]],
    glued: tuple[int, ...],
    country: str,
) -> None:
    tokens = words.split()
    spaces = [i + 1 < len(tokens) and i not in glued for i in range(len(tokens))]
    doc = make_doc(
        tokens, spaces=spaces, ents=ents(len(tokens), [(s, e, "GPE") for s, e in tagged])
    )
    result = locate(geoparser, doc, 1)
    assert country_of(result) == country
    assert "located by its qualifier" in result.reason


# --------------------------------------------------------------------------- unit words


@pytest.mark.parametrize(
    ("word", "level"),
    [("province", 1), ("governorate", 1), ("district", 2), ("municipality", 2),
     ("department", 0), ("county", 0), (None, 0)],
)  # fmt: skip
def test_place_unit_level(word: str | None, level: int) -> None:
    assert unit_level(word) == level


@pytest.mark.parametrize(
    ("level", "country"),
    [(2, "NPL"), (1, "IRN")],  # "Ilam district" in Nepal; "Ilam province" in Iran
)
def test_place_unit_word_says_the_level(gaz: Gazetteer, level: int, country: str) -> None:
    entries = tuple(e for e in gaz.lookup("Ilam") if e.feature != "city")
    t = Toponym(0, 0, 0, 1, "Ilam", entries, admin_word=True, unit_level=level)
    r = resolve_toponym(t, {})
    assert r.entry is not None and r.entry.country == country


def test_place_numbers_inside_a_unit_name(geoparser: Geoparser) -> None:
    words = "Gunmen attacked Qwertpur town ( North 24 Parganas district , West Bengal ) ."
    result = locate(geoparser, make_doc(words.split()), 1)
    assert country_of(result) == "IND" and "West Bengal" in result.reason


@pytest.mark.parametrize(
    ("name", "country"),
    [("Mangystau", "KAZ"), ("Karaganda", "KAZ"), ("Capital", "BHR"), ("FCT", "PAK")],
)
def test_place_other_names_of_units(gaz: Gazetteer, name: str, country: str) -> None:
    assert any(e.country == country and e.feature == "admin1" for e in gaz.lookup(name))


def test_place_direction_in_a_list_keeps_the_country_of_a_town(geoparser: Geoparser) -> None:
    # "Western" is kept for the country of one of the towns named "Colombo"
    words = "Crowds rallied in Colombo ( Colombo , Western ) ."
    result = locate(geoparser, make_doc(words.split()), 1)
    assert country_of(result) == "LKA" and "Western" in result.reason


def test_place_area_council_named_after_its_town(geoparser: Geoparser) -> None:
    words = "Police dispersed protesters in Abuja Municipal ( FCT ) ."
    result = locate(geoparser, make_doc(words.split()), 2)
    assert country_of(result) == "NGA"


# --------------------------------------------------------------------------- short names


@pytest.mark.parametrize(
    ("words", "tagged", "found"),
    [
        ("People demonstrated in Odda .", True, True),  # tagged as a place after "in"
        ("People demonstrated in Odda .", False, False),  # an n-gram: too short to trust
    ],
)
def test_place_short_name_after_preposition(
    gaz: Gazetteer, words: str, tagged: bool, found: bool
) -> None:
    tokens = words.split()
    doc = make_doc(tokens, ents=ents(len(tokens), [(3, 4, "GPE")] if tagged else []))
    toponyms = [t for t in find_toponyms(parsed_from_docs([doc]), gaz) if t.candidates]
    assert bool(toponyms) is found
    if found:
        assert toponyms[0].candidates[0].country == "NOR"


# --------------------------------------------------------------------------- neighbours


@pytest.mark.parametrize(
    ("words", "name", "dropped"),
    [
        # a village named like an Algerian town, in a Syrian governorate: not the Algerian one
        ("Shells hit Saida town in Ar Raqqa countryside .", "Saida", True),
        # a town and the place a protest was about: no containment, both kept
        ("People rallied in Bialystok against the regime in Minsk .", "Bialystok", False),
    ],
)
def test_place_neighbouring_places_say_the_country(
    geoparser: Geoparser, words: str, name: str, dropped: bool
) -> None:
    tokens = words.split()
    doc = make_doc(tokens)
    places = geoparser.analyse(parsed_from_docs([doc]), [])
    (r,) = [r for r in places.toponyms if r.toponym.text == name]
    assert (r.entry is None) is dropped
    if dropped:
        assert "named next to it" in r.reason


def test_place_province_capital_with_weak_evidence(gaz: Gazetteer) -> None:
    # one Spanish actor is enough for the Spanish provincial capital over a larger namesake
    t = Toponym(0, 0, 0, 1, "Cordoba", tuple(gaz.lookup("Cordoba")))
    r = resolve_toponym(t, {"ESP": 0.5})
    assert r.entry is not None and r.entry.country == "ESP"


# --------------------------------------------------------------------------- fallback


@pytest.mark.parametrize(
    ("votes", "nowhere", "country"),
    [
        ({"IRQ": 0.75}, True, "IRQ"),  # a note on an unknown village, an Iraqi actor
        ({"IRQ": 0.75}, False, None),  # the text names places: more evidence is needed
        ({"IRQ": 0.5, "SYR": 0.5}, True, None),  # evidence that disagrees
    ],
)
def test_place_country_of_a_text_naming_no_known_place(
    gaz: Gazetteer, votes: dict[str, float], nowhere: bool, country: str | None
) -> None:
    result = country_fallback(votes, gaz, frozenset(), None, nowhere)
    assert country_of(result) == country
    if country is not None:
        assert "names no place the gazetteer knows" in result.reason
