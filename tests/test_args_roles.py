"""Who the actor is: argument rules of the events stage and actor coding rules that decide the
source of an event (frames, quantities, stative participles, pronouns, weapons, peoples).

Rule logic runs on hand-built parses written as ``word|lemma|POS|dep|head`` tokens; whole-
pipeline cases on sentences written for these tests are marked ``model``.
"""

from __future__ import annotations

import pytest
from conftest import make_doc
from spacy.tokens import Doc

from chronica.events import syntax
from chronica.records import Document, Event


def _doc(spec: str) -> Doc:
    rows = [token.split("|") for token in spec.split()]
    return make_doc(
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[5] if len(r) > 5 else "" for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
    )


@pytest.mark.parametrize(
    ("spec", "verb", "expected"),
    [
        (  # the subject of the copula carries into the adjective's complement
            "Chile|Chile|PROPN|nsubj|1 is|be|AUX|ROOT|1 willing|willing|ADJ|acomp|1 "
            "to|to|PART|aux|4 send|send|VERB|xcomp|2 troops|troop|NOUN|dobj|4",
            4,
            "Chile",
        ),
        (  # "a country ready to send troops": the noun the adjective modifies
            "a|a|DET|det|1 country|country|NOUN|ROOT|1 ready|ready|ADJ|amod|1 "
            "to|to|PART|aux|4 send|send|VERB|xcomp|2 troops|troop|NOUN|dobj|4",
            4,
            "country",
        ),
        (  # a stative participle without an agent keeps its subject as the doer
            "Peru|Peru|PROPN|nsubjpass|2 is|be|AUX|auxpass|2 opposed|oppose|VERB|ROOT|2 "
            "to|to|ADP|prep|2 talks|talk|NOUN|pobj|3",
            2,
            "Peru",
        ),
        (  # a noun the parser left as root with the verb hung on it is the doer
            "A|a|DET|det|1 newspaper|newspaper|NOUN|ROOT|1 called|call|VERB|acl|1|VBN "
            "on|on|ADP|prep|2 Kenyans|Kenyans|PROPN|pobj|3",
            2,
            "newspaper",
        ),
        (  # a reporting verb after a comma ("..., a rights group charged")
            "Police|police|NOUN|nsubj|1 beat|beat|VERB|ROOT|1 prisoners|prisoner|NOUN|dobj|1 "
            ",|,|PUNCT|punct|1 a|a|DET|det|5 group|group|NOUN|dobj|1 "
            "charged|charge|VERB|acl|5|VBN",
            6,
            "group",
        ),
        (  # a message noun's author: "X issued a statement calling on Y"
            "Amnesty|Amnesty|PROPN|nsubj|1 issued|issue|VERB|ROOT|1 a|a|DET|det|3 "
            "statement|statement|NOUN|dobj|1 calling|call|VERB|acl|3|VBG on|on|ADP|prep|4 "
            "Kenya|Kenya|PROPN|pobj|5",
            4,
            "Amnesty",
        ),
        (  # a root noun with the main verb hung on a noun of its "from" phrase
            "Doctors|doctor|NOUN|ROOT|0 from|from|ADP|prep|0 charities|charity|NOUN|pobj|1 "
            "donated|donate|VERB|acl|2|VBD to|to|ADP|prep|3 Kabul|Kabul|PROPN|pobj|4",
            3,
            "Doctors",
        ),
        (  # a participle misparsed as the subject: its own subject is the doer
            "The|the|DET|det|1 agency|agency|NOUN|nsubj|2 operating|operate|VERB|nsubj|5|VBG "
            "in|in|ADP|prep|2 Chad|Chad|PROPN|pobj|3 said|say|VERB|ROOT|5",
            5,
            "agency",
        ),
    ],
)
def test_args_subject_rules(spec: str, verb: int, expected: str) -> None:
    doc = _doc(spec)
    found = syntax.subject(doc[verb])
    assert found is not None and found.text == expected


@pytest.mark.parametrize(
    ("spec", "verb"),
    [
        (  # a real passive keeps its agent rule: no subject without "by"
            "Villagers|villager|NOUN|nsubjpass|2 were|be|AUX|auxpass|2 attacked|attack|VERB|ROOT|2",
            2,
        ),
        (  # a participle after a comma that is no reporting verb stays passive
            "They|they|PRON|nsubj|1 freed|free|VERB|ROOT|1 men|man|NOUN|dobj|1 ,|,|PUNCT|punct|1 "
            "a|a|DET|det|5 group|group|NOUN|dobj|1 released|release|VERB|acl|5|VBN",
            6,
        ),
    ],
)
def test_args_no_subject(spec: str, verb: int) -> None:
    assert syntax.subject(_doc(spec)[verb]) is None


@pytest.mark.parametrize(
    ("spec", "head", "expected"),
    [
        (
            "Thousands|thousand|NOUN|nsubj|3 of|of|ADP|prep|0 farmers|farmer|NOUN|pobj|1 "
            "protested|protest|VERB|ROOT|3",
            0,
            "farmers",
        ),
        (
            "Tens|ten|NOUN|quantmod|2 of|of|ADP|quantmod|2 thousands|thousand|NOUN|nsubj|6 "
            "of|of|ADP|prep|2 students|student|NOUN|pobj|3 marched|march|VERB|ROOT|5 "
            "on|on|ADP|prep|5",
            2,
            "students",
        ),
        (
            "A|a|DET|det|1 group|group|NOUN|nsubj|4 of|of|ADP|prep|1 elders|elder|NOUN|pobj|2 "
            "met|meet|VERB|ROOT|4",
            1,
            "elders",
        ),
    ],
)
def test_args_quantified_noun(spec: str, head: int, expected: str) -> None:
    found = syntax.quantified_noun(_doc(spec)[head])
    assert found is not None and found.text == expected


def test_args_members_are_not_a_quantity() -> None:
    doc = _doc(
        "Members|member|NOUN|nsubj|3 of|of|ADP|prep|0 parliament|parliament|NOUN|pobj|1 "
        "met|meet|VERB|ROOT|3"
    )
    assert syntax.quantified_noun(doc[0]) is None


# --------------------------------------------------------------------------- whole pipeline


def _main(coder, text: str) -> Event:  # type: ignore[no-untyped-def]
    events = coder.code(Document(id="t", text=text))
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor_text", "country"),
    [
        ("Kenya said on Monday it will send troops to Somalia.", "Kenya", "KEN"),
        ("Chile says it is ready to withdraw its troops from Peru.", "Chile", "CHL"),
        ("Portugal is willing to send food to Angola, the minister said.", "Portugal", "PRT"),
        ("Thousands of Brazilian farmers protested against the new tax.", "farmers", "BRA"),
    ],
)
def test_args_actor_in_sentence(coder, text: str, actor_text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    main = _main(coder, text)
    assert any(actor_text in e.text and e.country == country for e in main.actor), main.actor


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Ethnic Hungarians in Romania demanded autonomy.", "ROU", "CVL"),
        ("Bosnian Croats demanded a referendum.", "BIH", "CVL"),
        ("Former Socialist prime minister Jose Lima demanded new elections.", None, "ELI"),
        ("A roadside bomb killed three policemen in Kandahar.", None, "UAF"),
        ("Two soldiers were killed by an explosive device near Mosul.", None, "UAF"),
        ("Steel workers in Germany blocked roads to protest the closure.", None, "LAB"),
    ],
)
def test_args_actor_coding(coder, text: str, country: str | None, sector: str) -> None:  # type: ignore[no-untyped-def]
    main = _main(coder, text)
    assert any(e.sector == sector for e in main.actor), main.actor
    if country is not None:
        assert any(e.country == country for e in main.actor), main.actor


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("King Tomas of Portugal said he would host talks with the rebels.", "PRT"),
        ("Fighters loyal to the Libyan government attacked the town.", "LBY"),
        ("Doctors from two Swedish charities delivered medicine to the hospital.", "SWE"),
        ("The Kenyan Air Force (KAF) says it has bombed a militant camp.", "KEN"),
        ("U.N. Secretary-General Kofi Annan said he will withdraw inspectors from Iraq.", "IGO"),
        ("Oxfam issued a statement calling on the Sudanese government to open the border.", "NGO"),
    ],
)
def test_args_actor_country(coder, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    main = _main(coder, text)
    assert country in {e.country for e in main.actor}, (main.actor, main.reasons.actor)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Kenyan president rejected Ugandan President Tom Okello's proposal.", "UGA"),
        ("Chilean officials demanded that the United States lift its tariffs.", "USA"),
        ("The Peruvian government accepted demands from Bolivian farmers.", "BOL"),
    ],
)
def test_args_recipient_country(coder, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    main = _main(coder, text)
    assert country in {e.country for e in main.recipient}, (main.recipient, main.reasons.actor)


@pytest.mark.model
def test_args_participle_adjunct_ranks_below_main_verb(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of Kurds marched in Mosul on Sunday, calling for independence from Iraq."
    assert _main(coder, text).event.plover == "PROTEST"


@pytest.mark.model
def test_args_host_is_the_source(coder) -> None:  # type: ignore[no-untyped-def]
    main = _main(coder, "Ghana hosted the Nigerian president in Accra on Monday.")
    assert main.event.cameo == "043"
    assert [e.country for e in main.actor] == ["GHA"]
    assert "NGA" in {e.country for e in main.recipient}


@pytest.mark.model
def test_args_expletive_it_is_no_actor(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code(
        Document(id="t", text="Iran met Iraq. It is unclear whether the army will attack.")
    )
    assert all(e.text != "It" for ev in events for e in ev.actor)
