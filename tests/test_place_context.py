"""Document context in place resolution (hand-built parses, no model): other spellings,
persons' names in wire copy, nationality modifiers, one place per name, missing villages,
the country fallback and which earlier place an event inherits."""

from __future__ import annotations

import pytest
from conftest import ents, make_doc, parsed_from_docs
from spacy.tokens import Doc

from chronica.place import Geoparser
from chronica.place.gazetteer import Gazetteer, fold
from chronica.place.geoparser import country_fallback, one_sense
from chronica.place.toponyms import (
    ResolvedToponym,
    Toponym,
    document_country,
    find_toponyms,
    person_words,
    resolve_toponym,
)
from chronica.records import EventCandidate, EventType, PlaceResult

EVENT = EventType("ASSAULT", None, "190", 4, -10.0, "x")


def locate(gp: Geoparser, doc: Doc, trigger: int) -> PlaceResult:
    parsed = parsed_from_docs([doc])
    block = parsed.blocks[0]
    sent_index = block.sentence_index(block.doc[trigger].sent)
    cand = EventCandidate(0, sent_index, trigger, trigger + 1, EVENT, (), (), "t", 0.5, "t")
    (result,) = gp.resolve(parsed, [cand], [])
    return result


# --------------------------------------------------------------------------- spellings


@pytest.mark.parametrize(("text", "key"), [("Ad Dali'", "ad dali"), ("Sana'a", "sanaa")])
def test_place_fold_drops_apostrophes(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(
    ("name", "country"), [("Ar Raqqa", "SYR"), ("Ad Dali", "YEM"), ("Korea", "KOR")]
)
def test_place_other_romanisations_are_found(gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found and found[0].country == country


# --------------------------------------------------------------------------- persons


@pytest.mark.parametrize(
    ("words", "expected", "absent"),
    [
        (["GENERAL", "ENRIQUE", "LOPEZ", "DIED", "."], {"enrique", "lopez"}, set()),
        (["MINISTER", "\n", "JAIME", "ZAMORA", "SPOKE", "."], {"jaime", "zamora"}, set()),
        (["GUILLERMO", "ROJAS", "SPOKE", "IN", "LIMA", "."], {"rojas"}, {"lima"}),
        (["The", "president", "visited", "Lima", "."], set(), {"visited", "lima"}),
    ],
)
def test_place_person_words(words: list[str], expected: set[str], absent: set[str]) -> None:
    found = person_words(parsed_from_docs([make_doc(words)]))
    assert expected <= found
    assert not absent & found


def test_place_surname_in_wire_copy_is_not_a_town(geoparser: Geoparser) -> None:
    # "GUERRILLAS KILLED GENERAL ENRIQUE LOPEZ IN SAN MIGUEL DEPARTMENT ."
    words = ["GUERRILLAS", "KILLED", "GENERAL", "ENRIQUE", "LOPEZ", "IN", "SAN", "MIGUEL"]
    deps = ["nsubj", "ROOT", "compound", "compound", "dobj", "prep", "compound", "compound"]
    doc = make_doc(
        [*words, "DEPARTMENT", "."],
        heads=[1, 1, 4, 4, 1, 1, 7, 8, 5, 1],
        deps=[*deps, "pobj", "punct"],
        pos=["NOUN", "VERB", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "NOUN", "PUNCT"],
    )
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "SLV"
    assert "LOPEZ" not in result.reason


# --------------------------------------------------------------------------- modifiers


@pytest.mark.parametrize("word", ["U.S.", "capital"])
def test_place_whose_not_where(geoparser: Geoparser, word: str) -> None:
    # "Gunmen fired on a U.S. convoy in Yoro ." / "... a capital convoy ..."
    words = ["Gunmen", "fired", "on", "a", word, "convoy", "in", "Yoro", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 1, 5, 5, 2, 1, 6, 1],
        deps=["nsubj", "ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"],
        ents=ents(9, [(4, 5, "GPE"), (7, 8, "GPE")]),
    )
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "HND"
    assert "'Yoro'" in result.reason


# --------------------------------------------------------------------------- inheritance


FIRST_DEPS = ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "prep", "pobj", "punct"]
FIRST_POS = ["NOUN", "VERB", "ADP", "PROPN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]


def test_place_inherits_where_not_what(geoparser: Geoparser) -> None:
    # "People rallied in Fayetteville against the war in Ukraine . Police watched ."
    words = ["People", "rallied", "in", "Fayetteville", "against", "the", "war", "in"]
    words += ["Ukraine", ".", "Police", "watched", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 1, 2, 1, 6, 4, 6, 7, 1, 11, 11, 11],
        deps=[*FIRST_DEPS, "nsubj", "ROOT", "punct"],
        pos=[*FIRST_POS, "NOUN", "VERB", "PUNCT"],
        ents=ents(13, [(3, 4, "GPE"), (8, 9, "GPE")]),
    )
    result = locate(geoparser, doc, 11)
    assert result.place is not None and result.place.name == "Fayetteville"
    assert "inherited 'Fayetteville'" in result.reason


# --------------------------------------------------------------------------- resolution


def _toponym(gaz: Gazetteer, text: str, qualifier: str | None = None) -> Toponym:
    quals = tuple(gaz.lookup(qualifier)) if qualifier else ()
    return Toponym(0, 0, 0, 1, text, tuple(gaz.lookup(text)), quals, qualifier or "")


def test_place_one_sense_per_name(gaz: Gazetteer) -> None:
    qualified = _toponym(gaz, "Pilar", "Abra")
    bare = _toponym(gaz, "Pilar")
    resolved = one_sense((resolve_toponym(bare, {}), resolve_toponym(qualified, {})))
    assert [r.entry and r.entry.country for r in resolved] == ["PHL", "PHL"]
    assert "qualified elsewhere" in resolved[0].reason


@pytest.mark.parametrize(
    ("votes", "home"),
    [
        ({"HND": 5.0, "NIC": 2.0}, "HND"),
        ({"HND": 2.0}, None),
        ({"HND": 3.0, "NIC": 3.0, "CUB": 1.0}, None),
    ],
)
def test_place_document_country(votes: dict[str, float], home: str | None) -> None:
    assert document_country(votes) == home


def test_place_missing_village_is_left_to_the_document_country(gaz: Gazetteer) -> None:
    t = _toponym(gaz, "Santa Maria")
    votes = {"HND": 6.0, "NIC": 2.0}
    assert resolve_toponym(t, votes).entry is not None  # a bare-name geocoder keeps it
    left = resolve_toponym(t, votes, missing_in_document_country=True)
    assert left.entry is None and "HND" in left.reason


@pytest.mark.parametrize(
    ("votes", "placed", "country"),
    [
        ({"SLV": 7.0, "VEN": 2.5, "MEX": 1.5, "CRI": 1.5, "PRI": 2.0}, set(), "SLV"),  # 2x lead
        ({"SLV": 5.0, "CUB": 3.5, "USA": 2.5}, set(), None),
        ({"ESP": 0.5}, {"ESP"}, "ESP"),  # one town of the country is named
        ({"ESP": 0.5}, set(), None),
    ],
)
def test_place_country_fallback(
    gaz: Gazetteer, votes: dict[str, float], placed: set[str], country: str | None
) -> None:
    result = country_fallback(votes, gaz, frozenset(placed))
    assert (result.place.country if result.place else None) == country
    assert result.reason


def test_place_resolved_toponym_reason_names_the_place(gaz: Gazetteer) -> None:
    r: ResolvedToponym = resolve_toponym(_toponym(gaz, "Ar Raqqa"), {})
    assert r.entry is not None and r.entry.country == "SYR"
    assert "Ar Raqqa" in r.reason


def test_place_entity_cut_short_is_extended(geoparser: Geoparser) -> None:
    # "Gunmen killed a man in Deir ez Zor countryside ." with only "Deir" tagged
    doc = make_doc(
        ["Gunmen", "killed", "a", "man", "in", "Deir", "ez", "Zor", "countryside", "."],
        heads=[1, 1, 3, 1, 1, 8, 8, 8, 4, 1],
        deps=[
            "nsubj",
            "ROOT",
            "det",
            "dobj",
            "prep",
            "compound",
            "compound",
            "compound",
            "pobj",
            "punct",
        ],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "NOUN", "PUNCT"],
        ents=ents(10, [(5, 6, "GPE")]),
    )
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "SYR"
    assert "'Deir ez Zor'" in result.reason


@pytest.mark.parametrize(
    ("name", "votes", "country"),
    [
        ("Parma", {}, "ITA"),  # its own name beats another town's old name (Perm)
        ("Amara", {}, "IRQ"),  # "Al Amarah" without its article is still its own name
        ("Donetsk", {"RUS": 0.5}, "UKR"),  # the city of its namesake unit, one demonym against
        ("J&K", {}, "IND"),
    ],
)
def test_place_readings(gaz: Gazetteer, name: str, votes: dict[str, float], country: str) -> None:
    r = resolve_toponym(_toponym(gaz, name), votes)
    assert r.entry is not None and r.entry.country == country


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["Crowds", "crossed", "the", "Bridge", "in", "Leeds", "."], ["Leeds"]),
        (["Graduates", "gathered", "in", "NDjamena", "."], ["NDjamena"]),
        (["Police", "fired", "in", "Bogota", ",", "D.C.", "."], ["Bogota"]),
    ],
)
def test_place_generic_words_and_mixed_case_names(
    gaz: Gazetteer, words: list[str], found: list[str]
) -> None:
    doc = make_doc(words, pos=["PROPN" if w[:1].isupper() else "X" for w in words])
    names = [t.text for t in find_toponyms(parsed_from_docs([doc]), gaz)]
    assert names == found


# --------------------------------------------------------------------------- qualifiers


def test_place_same_name_qualifier_gives_way_to_the_next(geoparser: Geoparser) -> None:
    # "Troops clashed near Palma ( Palma , Cabo Delgado ) ." -- Palma in Spain is far larger,
    # and its namesake district says nothing; the province does.
    words = ["Troops", "clashed", "near", "Palma", "(", "Palma", ",", "Cabo", "Delgado", ")", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 1, 2, 3, 3, 5, 8, 5, 3, 1],
        deps=[
            "nsubj",
            "ROOT",
            "prep",
            "pobj",
            "punct",
            "appos",
            "punct",
            "compound",
            "appos",
            "punct",
            "punct",
        ],
        pos=[
            "NOUN",
            "VERB",
            "ADP",
            "PROPN",
            "PUNCT",
            "PROPN",
            "PUNCT",
            "PROPN",
            "PROPN",
            "PUNCT",
            "PUNCT",
        ],
        ents=ents(11, [(3, 4, "GPE"), (5, 6, "GPE"), (7, 9, "GPE")]),
    )
    result = locate(geoparser, doc, 1)
    assert result.place is not None and result.place.country == "MOZ", result.reason
