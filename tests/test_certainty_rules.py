"""Perpetrator certainty rules for wire copy (issue 6): hedges on the doer read off the word
sequence, arrests, negated claims, relative clauses and noun frames on the event, doer
carry-over between sentences, and perpetrator statements whose doer the actors stage left
unresolved. Hand-built parses only; the "flat" parses mimic the parser's failures on
upper-case text (every word hangs off the first)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from chronica.records import AttributionResult, Certainty, Entity, Mention
from tests.conftest import assault_candidate as candidate
from tests.conftest import attribute_candidates as resolve
from tests.conftest import flat_doc, make_doc

pytestmark = pytest.mark.issue(6)

POS = {"THE": "DET", "A": "DET", "BY": "ADP", "FOR": "ADP", "WITH": "ADP", "IN": "ADP",
       "OF": "ADP", "ON": "ADP", "OVER": "ADP", "THAT": "SCONJ", "WHICH": "PRON", "WHO": "PRON",
       "THEY": "PRON", "NO": "DET", "NOT": "PART", "HAS": "AUX", "WAS": "AUX", "WERE": "AUX",
       "KILLED": "VERB", "ATTACKED": "VERB", "BURNED": "VERB", "ARRESTED": "VERB",
       "DETAINED": "VERB", "CLAIMED": "VERB", "HOLD": "VERB", "EXPLODED": "VERB",
       "STAGED": "VERB", "SAID": "VERB", "TWO": "NUM", "THREE": "NUM", "APPARENTLY": "ADV",
       "PROBABLY": "ADV", "PRESUMED": "ADJ", "ALLEGED": "ADJ", "SUSPECTED": "ADJ",
       "ARMED": "ADJ", "RESPONSIBLE": "ADJ"}  # fmt: skip


def flat(*sentences: str) -> Doc:
    """Upper-case sentences with a broken parse (see ``flat_doc``); POS from POS."""

    def tag(word: str) -> str:
        return POS.get(word, "PUNCT" if word in {".", ",", ";", "--"} else "NOUN")

    return flat_doc(*([(w, tag(w)) for w in s.split()] for s in sentences))


def at(doc: Doc, word: str, nth: int = 1) -> int:
    return [t.i for t in doc if t.text == word][nth - 1]


def mention(doc: Doc, word: str, sector: str | None = None, nth: int = 1) -> Mention:
    i = at(doc, word, nth)
    return Mention(0, i, i + 1, Entity(word, sector=sector), "dictionary", "hand-built")


def one(text: str, trigger: str, mentions: Sequence[str] = ()) -> AttributionResult:
    doc = flat(text)
    found = [mention(doc, w, "REB") for w in mentions]
    return resolve(doc, [candidate(at(doc, trigger))], found)[0]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A hedge adverb right before the "by" phrase that names the doer.
        ("THE JUDGE WAS KILLED ON MONDAY , APPARENTLY BY RIGHTIST GROUPS .", "KILLED",
         "suspected"),
        ("TWO MEN WERE KILLED , PROBABLY BY GUERRILLAS .", "KILLED", "suspected"),
        # A hedge adjective right after "by".
        ("THE MURDER OF THE MAYOR PERPETRATED BY PRESUMED GUERRILLAS .", "MURDER", "suspected"),
        ("THE BUS WAS BURNED BY ALLEGED MILITIAMEN .", "BURNED", "alleged"),
        # An adjective that hedges nothing.
        ("THE BUS WAS BURNED BY ARMED MEN .", "BURNED", "asserted"),
    ],
)  # fmt: skip
def test_hedge_on_the_by_phrase(text: str, trigger: str, expected: Certainty) -> None:
    result = one(text, trigger)
    assert result.attribution.certainty == expected, result.reason


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("THREE MEN WERE ARRESTED IN CONNECTION WITH THE ATTACK ON THE MAYOR .", "ATTACK",
         "suspected"),
        ("POLICE DETAINED TWO SOLDIERS OVER THE KILLING .", "KILLING", "suspected"),
        ("TWO STUDENTS WERE ARRESTED ON SUSPICION OF THE BOMBING .", "BOMBING", "suspected"),
        # No arrest word before the link, or a clause break between.
        ("THE MAYOR SPOKE IN CONNECTION WITH THE ATTACK .", "ATTACK", "asserted"),
        ("POLICE ARRESTED TWO MEN ; THEY MOURNED FOR THE KILLING .", "KILLING", "asserted"),
    ],
)  # fmt: skip
def test_arrest_for_an_act_makes_its_doer_suspected(
    text: str, trigger: str, expected: Certainty
) -> None:
    result = one(text, trigger)
    assert result.attribution.certainty == expected, result.reason


@pytest.mark.parametrize(
    "text",
    [
        "NO GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK .",
        "THE FRONT HAS NOT CLAIMED RESPONSIBILITY FOR THE ATTACK .",
        "NEITHER THE FRONT NOR ANY OTHER GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK .",
    ],
)
def test_a_negated_claim_claims_nothing(text: str) -> None:
    result = one(text, "ATTACK", mentions=("FRONT",) if "FRONT" in text else ())
    assert result.attribution.certainty not in {"claimed", "alleged"}, result.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE MASSACRE -- FOR WHICH THEY HOLD THE ARMY RESPONSIBLE -- OF 80 PEOPLE .", "alleged"),
        ("THE ATTACK , WHICH THE FRONT CLAIMED , LEFT TWO DEAD .", "claimed"),
        # "attacks that claimed the lives of": the event is the subject, nothing is claimed.
        ("THE ATTACK THAT CLAIMED THE LIVES OF TWO JUDGES .", "asserted"),
    ],
)
def test_relative_clause_on_the_event(text: str, expected: Certainty) -> None:
    trigger = "MASSACRE" if "MASSACRE" in text else "ATTACK"
    result = one(text, trigger)
    assert result.attribution.certainty == expected, result.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WE MUST STUDY THE POSSIBILITY THAT THE FRONT STAGED THE KILLING .", "possible"),
        ("THERE ARE ALLEGATIONS THAT THE FRONT STAGED THE KILLING .", "alleged"),
        ("THE POSSIBILITY OF TALKS ; THE FRONT STAGED THE KILLING .", "asserted"),
    ],
)
def test_frame_noun_with_that_before_the_event(text: str, expected: Certainty) -> None:
    result = one(text, "KILLING")
    assert result.attribution.certainty == expected, result.reason


def test_hedged_doer_carries_to_the_same_doers_next_act() -> None:
    doc = flat(
        "ALLEGED REBELS KILLED A FAMILY .",
        "AFTER THE KILLING , THE REBELS BURNED THE TOWN HALL .",
        "THE REBELS BURNED A TRUCK .",
    )
    first = mention(doc, "REBELS", "REB")
    second = mention(doc, "REBELS", "REB", nth=2)
    soldiers = Mention(0, at(doc, "REBELS", 3), at(doc, "REBELS", 3) + 1,
                       Entity("SOLDIERS", sector="MIL"), "dictionary", "x")  # fmt: skip
    cands = [
        candidate(at(doc, "KILLED"), (first,)),
        candidate(at(doc, "BURNED"), (second,), sentence_index=1),
        candidate(at(doc, "BURNED", 2), (soldiers,), sentence_index=2),
    ]
    results = resolve(doc, cands, [first, second, soldiers])
    assert results[0].attribution.certainty == "alleged", results[0].reason
    assert results[1].attribution.certainty == "alleged", results[1].reason
    assert "carried over from sentence 1" in results[1].reason
    # Another side's act is not touched.
    assert results[2].attribution.certainty == "asserted", results[2].reason


def test_an_accusation_is_not_carried_to_the_next_sentence() -> None:
    doc = flat("POLICE SAID REBELS KILLED A FAMILY .", "THE REBELS BURNED A TRUCK .")
    police = mention(doc, "POLICE", "COP")
    rebels = mention(doc, "REBELS", "REB")
    later = mention(doc, "REBELS", "REB", nth=2)
    cands = [
        candidate(at(doc, "KILLED"), (rebels,)),
        candidate(at(doc, "BURNED"), (later,), sentence_index=1),
    ]
    results = resolve(doc, cands, [police, rebels, later])
    assert results[1].attribution.certainty == "asserted", results[1].reason


def test_statement_reaches_an_event_whose_doer_is_unresolved() -> None:
    """ "MURDERED BY MACHINEGUN BURSTS": the events stage took the weapon for the doer."""
    doc = flat(
        "THE FRONT CLAIMED RESPONSIBILITY FOR THE MURDER .",
        "TWO MEN WERE MURDERED BY MACHINEGUN BURSTS .",
    )
    bursts = mention(doc, "BURSTS")
    cand = candidate(at(doc, "MURDERED"), (bursts,), sentence_index=1)
    result = resolve(doc, [cand], [mention(doc, "FRONT", "REB"), bursts])[0]
    assert result.attribution.certainty == "claimed", result.reason


def test_statement_reaches_a_generic_doer_of_the_same_side() -> None:
    doc = flat(
        "THE ATTACK WAS CARRIED OUT BY PRESUMED GUERRILLAS .",
        "IF IT IS CONFIRMED THAT THE FRONT KILLED THE MAYOR .",
    )
    front = Mention(0, at(doc, "FRONT"), at(doc, "FRONT") + 1,
                    Entity("FRONT", sector="REB", id="Q1"), "dictionary", "x")  # fmt: skip
    guerrillas = mention(doc, "GUERRILLAS", "REB")
    cand = candidate(at(doc, "KILLED"), (front,), sentence_index=1)
    result = resolve(doc, [cand], [front, guerrillas])[0]
    assert result.attribution.certainty == "suspected", result.reason


# "Police said <doers> attacked the village." (a correct parse)
POLICE_SAID = make_doc(
    ["Police", "said", "doers", "attacked", "the", "village", "."],
    heads=[1, 1, 3, 1, 5, 3, 1],
    deps=["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"],
    pos=["NOUN", "VERB", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    lemmas=["police", "say", "doer", "attack", "the", "village", "."],
)


@pytest.mark.parametrize(
    ("doer", "sector", "expected"),
    [
        ("unidentified men", None, "alleged"),  # doers the authorities can only describe
        ("gunmen", None, "alleged"),
        ("Roberto Farias", None, "reported"),  # a named person the actors stage left open
        ("civilians", "CVL", "reported"),
        ("soldiers", "MIL", "reported"),
    ],
)
def test_authorities_describing_unknown_doers_accuse_them(
    doer: str, sector: str | None, expected: Certainty
) -> None:
    police = Mention(0, 0, 1, Entity("Police", sector="COP"), "dictionary", "x")
    doers = Mention(0, 2, 3, Entity(doer, sector=sector), "dictionary", "x")
    result = resolve(POLICE_SAID, [candidate(3, (doers,))], [police, doers])[0]
    assert result.attribution.certainty == expected, result.reason


# "A bomb exploded . The attacks are apparently continuing ." (a correct parse)
CONTINUING = make_doc(
    ["A", "bomb", "exploded", ".", "The", "attacks", "are", "apparently", "continuing", "."],
    heads=[1, 2, 2, 2, 5, 8, 8, 8, 8, 8],
    deps=["det", "nsubj", "ROOT", "punct", "det", "nsubj", "aux", "advmod", "ROOT", "punct"],
    pos=["DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "AUX", "ADV", "VERB", "PUNCT"],
    lemmas=["a", "bomb", "explode", ".", "the", "attack", "be", "apparently", "continue", "."],
)


def test_a_hedge_on_what_the_incident_does_is_no_perpetrator_statement() -> None:
    result = resolve(CONTINUING, [candidate(2)])[0]
    assert result.attribution.certainty == "asserted", result.reason


def test_a_pronoun_doer_is_not_carried_over() -> None:
    doc = flat("THEY CLAIMED THEY KILLED A JUDGE .", "THEY BURNED A TRUCK .")
    first = Mention(0, 2, 3, Entity("THEY", sector="REB"), "coref", "x")
    later = Mention(0, 7, 8, Entity("THEY", sector="REB"), "coref", "x")
    cands = [candidate(3, (first,)), candidate(at(doc, "BURNED"), (later,), sentence_index=1)]
    results = resolve(doc, cands, [first, later])
    assert results[1].attribution.certainty == "asserted", results[1].reason


_EXTRA = ("CONNECTION", "SUSPICION", "POSSIBILITY", "ALLEGATIONS", "RESPONSIBILITY", "LIVES",
          "MURDER", "ATTACK", "REBELS", "POLICE", "FRONT", "GUNMEN", "WHETHER", "IF", "IT", "IS",
          "CONFIRMED", "NEITHER", "NOR", "--", ",", ".", ";")  # fmt: skip
_VOCAB = sorted({*POS, *_EXTRA})


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=25),
    where=st.integers(min_value=0, max_value=24),
    with_actor=st.booleans(),
)
def test_wire_rules_never_crash(words: list[str], where: int, with_actor: bool) -> None:
    doc = flat(" ".join(words))
    i = where % len(doc)
    actor = (Mention(0, 0, 1, Entity(doc[0].text, sector="REB"), "dictionary", "x"),)
    cands = [candidate(i, actor if with_actor else ()), candidate(len(doc) - 1)]
    results = resolve(doc, cands, list(actor))
    assert len(results) == 2
    assert all(r.reason for r in results)


@pytest.mark.parametrize(
    "statement",
    [
        # A counted, indefinite plural is a series of other incidents.
        "THEY ARE CHARGED WITH 40 ATTACKS .",
        "THE FRONT IS BLAMED FOR 12 KILLINGS .",
    ],
)
def test_statements_about_other_or_future_incidents_do_not_reach_the_event(
    statement: str,
) -> None:
    doc = flat(statement, "A BOMB EXPLODED AT THE BANK .")
    cand = candidate(at(doc, "EXPLODED"), sentence_index=1)
    result = resolve(doc, [cand], [mention(doc, "THEY" if "THEY" in statement else "FRONT")])[0]
    assert result.attribution.certainty == "asserted", result.reason
