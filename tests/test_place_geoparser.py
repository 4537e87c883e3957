"""Event location on hand-built parses: the place attached to the event, not every place in
the sentence, not the actor's nationality; upper-case wire copy works."""

from __future__ import annotations

import pytest
from conftest import ents, make_doc, parsed_from_docs
from spacy.tokens import Doc

from chronica.nlp import ParsedDocument
from chronica.place import Geoparser
from chronica.records import Entity, EventCandidate, EventType, Mention, PlaceResult

EVENT = EventType("PROTEST", None, "140", 3, -6.5, "x")


def cand(parsed: ParsedDocument, token: int, actor: tuple[Mention, ...] = ()) -> EventCandidate:
    doc = parsed.blocks[0].doc
    sent_index = parsed.blocks[0].sentence_index(doc[token].sent)
    return EventCandidate(0, sent_index, token, token + 1, EVENT, actor, (), "t", 0.5, "t")


def locate(gp: Geoparser, doc: Doc, trigger: int, actor: tuple[Mention, ...] = ()) -> PlaceResult:
    parsed = parsed_from_docs([doc])
    (result,) = gp.resolve(parsed, [cand(parsed, trigger, actor)], list(actor))
    return result


def paris_protests() -> Doc:
    # "Supporters held protests in cities like Paris , where the NCRI is based ."
    words = ["Supporters", "held", "protests", "in", "cities", "like", "Paris", ",", "where"]
    words += ["the", "NCRI", "is", "based", "."]
    return make_doc(
        words,
        heads=[1, 1, 1, 2, 3, 4, 5, 6, 12, 10, 12, 12, 6, 1],
        deps=[
            "nsubj",
            "ROOT",
            "dobj",
            "prep",
            "pobj",
            "prep",
            "pobj",
            "punct",
            "advmod",
            "det",
            "nsubjpass",
            "auxpass",
            "relcl",
            "punct",
        ],
        pos=[
            "NOUN",
            "VERB",
            "NOUN",
            "ADP",
            "NOUN",
            "ADP",
            "PROPN",
            "PUNCT",
            "SCONJ",
            "DET",
            "PROPN",
            "AUX",
            "VERB",
            "PUNCT",
        ],
        ents=ents(14, [(6, 7, "GPE"), (10, 11, "ORG")]),
    )


def simple(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], gpe: list[int]
) -> Doc:
    return make_doc(
        words, heads, deps, pos, ents=ents(len(words), [(i, i + 1, "GPE") for i in gpe])
    )


BOMBINGS = simple(
    ["The", "group", "claimed", "bombings", "in", "Iran", "."],
    [1, 2, 2, 2, 3, 4, 2],
    ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
    ["DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    [5],
)
ALBANIA = simple(
    ["Members", "living", "in", "Albania", "attended", "."],
    [4, 0, 1, 2, 4, 4],
    ["nsubj", "acl", "prep", "pobj", "ROOT", "punct"],
    ["NOUN", "VERB", "ADP", "PROPN", "VERB", "PUNCT"],
    [3],
)
TEXAS = make_doc(
    ["Police", "dispersed", "a", "rally", "in", "Paris", ",", "Texas", "."],
    heads=[1, 1, 3, 1, 3, 4, 5, 5, 1],
    deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "appos", "punct"],
    pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
    ents=ents(9, [(5, 6, "GPE"), (7, 8, "GPE")]),
)
UPPER = make_doc(
    ["REBELS", "ATTACKED", "A", "BASE", "IN", "SAN", "MIGUEL", "DEPARTMENT", "."],
    heads=[1, 1, 3, 1, 1, 6, 7, 4, 1],
    deps=["nsubj", "ROOT", "det", "dobj", "prep", "compound", "compound", "pobj", "punct"],
    pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PROPN", "NOUN", "PUNCT"],
)
NOWHERE = make_doc(
    ["Police", "arrested", "five", "people", "."],
    heads=[1, 1, 3, 1, 1],
    deps=["nsubj", "ROOT", "nummod", "dobj", "punct"],
    pos=["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
)


@pytest.mark.parametrize(
    ("doc", "trigger", "name", "country", "feature", "how"),
    [
        (paris_protests(), 2, "Paris", "FRA", "city", "'Paris' modifies 'protests'"),
        (BOMBINGS, 3, "Iran", "IRN", "country", "'Iran' modifies 'bombings'"),
        (ALBANIA, 4, "Albania", "ALB", "country", "'Albania'"),
        (TEXAS, 3, "Paris", "USA", "city", "qualified by 'Texas'"),
        (UPPER, 1, "San Miguel", "SLV", "admin1", "'SAN MIGUEL' modifies 'ATTACKED'"),
    ],
)
def test_place_event_location(
    geoparser: Geoparser, doc: Doc, trigger: int, name: str, country: str, feature: str, how: str
) -> None:
    result = locate(geoparser, doc, trigger)
    assert result.place is not None
    assert (result.place.name, result.place.country, result.place.feature) == (
        name,
        country,
        feature,
    )
    assert how in result.reason


def test_place_not_the_actor_nationality(geoparser: Geoparser) -> None:
    # "Iran 's forces attacked the camp ." with "Iran 's forces" as the actor mention
    doc = make_doc(
        ["Iran", "'s", "forces", "attacked", "the", "camp", "."],
        heads=[2, 0, 3, 3, 5, 3, 3],
        deps=["poss", "case", "nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["PROPN", "PART", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        ents=ents(7, [(0, 1, "GPE")]),
    )
    actor = (Mention(0, 0, 3, Entity("Iran's forces", country="IRN"), "ner", "test"),)
    result = locate(geoparser, doc, 3, actor)
    assert result.place is None
    assert "does not say" in result.reason


def test_place_none_when_the_text_does_not_say(geoparser: Geoparser) -> None:
    result = locate(geoparser, NOWHERE, 1)
    assert result.place is None and result.reason


def test_place_inherited_within_paragraph(geoparser: Geoparser) -> None:
    words = ["Supporters", "marched", "in", "Paris", ".", "Police", "arrested", "ten", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 1, 2, 1, 6, 6, 6, 6],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "NUM", "PUNCT"],
        ents=ents(9, [(3, 4, "GPE")]),
    )
    result = locate(geoparser, doc, 6)
    assert result.place is not None and result.place.country == "FRA"
    assert "inherited 'Paris'" in result.reason


def test_place_one_result_per_candidate(geoparser: Geoparser) -> None:
    parsed = parsed_from_docs([BOMBINGS])
    assert geoparser.resolve(parsed, [], []) == []
    results = geoparser.resolve(parsed, [cand(parsed, 3), cand(parsed, 2)], [])
    assert len(results) == 2


@pytest.mark.model
def test_place_event_location_with_model(nlp, geoparser: Geoparser) -> None:  # type: ignore[no-untyped-def]
    from chronica.nlp import parse
    from chronica.records import Document

    text = "Exiles staged a protest in Tirana, the capital of Albania, on Friday."
    (parsed,) = list(parse(nlp, [Document("m", text)]))
    doc = parsed.blocks[0].doc
    trigger = next(t.i for t in doc if t.lemma_ == "protest")
    (result,) = geoparser.resolve(parsed, [cand(parsed, trigger)], [])
    assert result.place is not None and result.place.country == "ALB"


# "Workers rallied in Nairobi ." where the events stage took "Nairobi" as the recipient.
RALLIED_IN = simple(
    ["Workers", "rallied", "in", "Nairobi", "."],
    [1, 1, 1, 2, 1],
    ["nsubj", "ROOT", "prep", "pobj", "punct"],
    ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    [3],
)
# "Exiles protested the invasion of Ukraine ." ("of" after an event noun: not a place)
INVASION_OF = simple(
    ["Exiles", "protested", "against", "the", "invasion", "of", "Ukraine", "."],
    [1, 1, 1, 4, 2, 4, 5, 1],
    ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
    ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    [6],
)
# "Troops shelled houses in the village of Kramatorsk ." ("of" after a place noun)
VILLAGE_OF = simple(
    ["Troops", "shelled", "houses", "in", "the", "village", "of", "Kramatorsk", "."],
    [1, 1, 1, 1, 5, 3, 5, 6, 1],
    ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
    ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    [7],
)


def test_place_recipient_taken_as_place_after_locative(geoparser: Geoparser) -> None:
    parsed = parsed_from_docs([RALLIED_IN])
    recipient = Mention(0, 3, 4, Entity("Nairobi", country="KEN"), "ner", "test")
    c = cand(parsed, 1)
    c = EventCandidate(0, c.sentence_index, 1, 2, EVENT, (), (recipient,), "t", 0.5, "t")
    (result,) = geoparser.resolve(parsed, [c], [recipient])
    assert result.place is not None and result.place.name == "Nairobi"
    assert "'Nairobi' modifies 'rallied'" in result.reason


@pytest.mark.parametrize(
    ("doc", "trigger", "located"),
    [(INVASION_OF, 1, None), (VILLAGE_OF, 1, "Kramatorsk")],
)
def test_place_of_counts_only_after_a_place_noun(
    geoparser: Geoparser, doc: Doc, trigger: int, located: str | None
) -> None:
    result = locate(geoparser, doc, trigger)
    if located is None:
        assert result.place is None or "modifies" not in result.reason
    else:
        assert result.place is not None and result.place.name == located
        assert "modifies 'shelled'" in result.reason
