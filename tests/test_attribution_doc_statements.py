"""Document-level perpetrator statements: who the article says did its violent acts, stated
anywhere in the article, reaches the acts whose doer the text leaves unknown.

- a bomb or "gunmen" as the attacker (an unnamed unidentified armed force, UAF) is an unknown
  doer, so an accusation elsewhere reaches the act;
- a denial gives way to an accusation of the same incident ("denied any responsibility and
  blamed the front");
- a hedged party as the subject or "by" agent of an act ("suspected rebels placed a bomb",
  "kidnapped by alleged death squads") says who did the acts the text leaves without a doer;
- a condemnation that names the doer ("condemns the murder carried out by X") is the
  condemner's accusation;
- a statement about a series of incidents ("attributed the most serious attacks to X", "all
  the attacks") says nothing about the doer of one act, and one about "another action" only
  about the act of its own sentence; a hedge on a graded incident ("what is considered the
  most serious attack") weighs the grading, not the doer; a negated doubt ("there is no doubt
  that ...") asserts.

The parses are flat (every word hangs off the first), as the parser leaves upper-case wire
copy, so these rules read the word order; fine-grained tags mark the finite verbs.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from chronica.attribution.analysis import BlockContext
from chronica.attribution.blamed import find_blames
from chronica.attribution.followup import (
    Statement,
    another,
    find_statements,
    first_statement,
    graded,
    series,
)
from chronica.attribution.lexicon import load_lexicon
from chronica.records import Certainty, Entity, Mention
from tests.conftest import assault_candidate as candidate
from tests.conftest import attribute_candidates as resolve
from tests.conftest import make_doc

FUNCTION = {"THE": "DET", "A": "DET", "AN": "DET", "THESE": "DET", "ANY": "DET", "AT": "ADP",
            "OF": "ADP", "FOR": "ADP", "ON": "ADP", "TO": "ADP", "BY": "ADP", "IN": "ADP",
            "WAS": "AUX", "WERE": "AUX", "AND": "CCONJ", "WHICH": "PRON", "TWO": "NUM",
            "50": "NUM", "SUSPECTED": "ADJ", "ALLEGED": "ADJ", "OUT": "ADP", "MOST": "ADV",
            "SERIOUS": "ADJ", "WORST": "ADJ", "ALL": "DET", "ANOTHER": "DET",
            "OTHER": "ADJ"}  # fmt: skip
#: Finite verbs (VBD/VBZ) and participles (VBN) of the test sentences.
FINITE = frozenset({"EXPLODED", "PLACED", "BURNED", "ATTRIBUTED", "DENIED", "BLAMED",
                    "CONDEMNS", "ENDANGER", "MACHINEGUNNED", "ARRESTED", "DESTROYED"})  # fmt: skip
PARTICIPLES = frozenset({"KILLED", "KIDNAPPED", "ABDUCTED", "CARRIED", "CONDUCTED", "SHOT"})
#: The actor sectors the hand-built mentions resolve to.
SECTORS = {"CARTEL": "CRM", "FRONT": "REB", "ARMY": "MIL", "POLICE": "COP", "REBELS": "REB",
           "TROOPS": "MIL", "GOVERNMENT": "GOV", "BOMB": "UAF", "GUNMEN": "UAF",
           "COMMANDOS": "REB"}  # fmt: skip


def flat(text: str) -> Doc:
    """Each sentence (ended by " .") parsed flat; POS and tags from the tables above."""
    words: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    for sentence in text.rstrip(" .").split(" . "):
        root = len(words)
        for i, word in enumerate([*sentence.split(), "."]):
            words.append(word)
            heads.append(root)
            deps.append("ROOT" if i == 0 else "dep")
            verb = word in FINITE or word in PARTICIPLES
            punct = word in {".", ","}
            pos.append("PUNCT" if punct else "VERB" if verb else FUNCTION.get(word, "NOUN"))
            tag = "VBD" if word in FINITE else "VBN" if word in PARTICIPLES else "NN"
            tag = "RBS" if word == "MOST" else "JJS" if word == "WORST" else tag
            tag = "VBD" if word in {"WAS", "WERE"} else tag
            tags.append("." if punct else tag)
    return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags)


def mentions(doc: Doc, named: frozenset[str] = frozenset()) -> list[Mention]:
    """A one-word mention for every word with a sector; words in ``named`` get an id."""
    return [
        Mention(
            0,
            t.i,
            t.i + 1,
            Entity(
                t.text, sector=SECTORS[t.text], id=f"test:{t.text}" if t.text in named else None
            ),
            "dictionary",
            "test",
        )
        for t in doc
        if t.text in SECTORS
    ]


def certainty_of(
    text: str, trigger: str, doer: str | None = None, named: frozenset[str] = frozenset()
) -> tuple[Certainty, str]:
    doc = flat(text)
    found = mentions(doc, named)
    at = next(t.i for t in doc if t.text == trigger)
    actor = tuple(m for m in found if doer is not None and doc[m.start].text == doer)
    result = resolve(doc, [candidate(at, actor=actor[:1])], found)[0]
    return result.attribution.certainty, result.reason


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "expected"),
    [
        # a bomb as the attacker leaves the doer unknown: the accusation reaches the killing
        ("A BOMB KILLED A JUDGE . THE POLICE ATTRIBUTED THE ATTACK TO THE CARTEL .", "KILLED",
         "BOMB", "alleged"),
        # ... and so do gunmen the text cannot name
        ("GUNMEN SHOT A JUDGE . THE POLICE ATTRIBUTED THE ATTACK TO THE CARTEL .", "SHOT",
         "GUNMEN", "alleged"),
        # a doer of another side the text names is not the party accused
        ("TROOPS SHOT A JUDGE . THE POLICE ATTRIBUTED THE ATTACK TO THE CARTEL .", "SHOT",
         "TROOPS", "asserted"),
    ],
)  # fmt: skip
def test_an_unidentified_armed_attacker_is_an_unknown_doer(
    text: str, trigger: str, doer: str, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == expected, reason


def test_a_named_armed_group_is_an_identified_doer() -> None:
    text = "GUNMEN SHOT A JUDGE . THE POLICE ATTRIBUTED THE ATTACK TO THE CARTEL ."
    certainty, reason = certainty_of(text, "SHOT", "GUNMEN", named=frozenset({"GUNMEN"}))
    assert certainty == "asserted", reason


def _statement(index: int, certainty: Certainty) -> Statement:
    return Statement(0, index, 0, "attack", certainty, None, None, (), certainty)


@pytest.mark.parametrize(
    ("certainties", "chosen"),
    [
        # the army denies and blames the front: the accusation says who did it
        (("denied", "alleged"), 1),
        (("denied", "suspected", "alleged"), 1),
        # a mere possibility does not outweigh the denial
        (("denied", "possible"), 0),
        # the nearest statement wins otherwise
        (("alleged", "denied"), 0),
        (("denied",), 0),
    ],
)
def test_a_denial_gives_way_to_an_accusation(
    certainties: tuple[Certainty, ...], chosen: int
) -> None:
    statements = [_statement(i + 1, c) for i, c in enumerate(certainties)]
    cand = candidate(5, sentence_index=0)
    found = first_statement(statements, cand, "attack", load_lexicon())
    assert found is statements[chosen]


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "expected"),
    [
        # a hedged party as the subject of an act; the blast has no doer of its own
        ("SUSPECTED REBELS PLACED A BOMB AT THE BANK . THE BLAST DESTROYED THE BUILDING .",
         "DESTROYED", None, "suspected"),
        # ... a hedged member of a named party
        ("ALLEGED COMMANDOS OF THE FRONT MACHINEGUNNED A GENERAL . HIS DRIVER WAS SHOT .",
         "SHOT", None, "alleged"),
        # a hedged "by" agent, even one the actors stage did not resolve
        ("TWO STUDENTS WERE KIDNAPPED BY ALLEGED DEATH SQUADS . A TEACHER WAS ABDUCTED .",
         "ABDUCTED", None, "alleged"),
        # ... nor are the victims of a passive
        ("SUSPECTED REBELS WERE KILLED BY TROOPS . A BOMB EXPLODED AT THE BANK .", "EXPLODED",
         None, "asserted"),
        # the arrested are not the doers the adjective hedges
        ("THE POLICE ARRESTED 50 SUSPECTED REBELS . A BOMB EXPLODED AT THE BANK .", "EXPLODED",
         None, "asserted"),
        # a doer hedged in passing does not make the acts the text asserts of it uncertain
        ("SUSPECTED REBELS PLACED A BOMB AT THE BANK . THE REBELS BURNED A BUS .", "BURNED",
         "REBELS", "asserted"),
    ],
)  # fmt: skip
def test_a_hedged_party_names_the_doer_of_the_article_acts(
    text: str, trigger: str, doer: str | None, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == expected, reason
    if expected != "asserted":
        assert "hedged_party" in reason


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the condemner names the doer: its accusation
        ("THE GOVERNMENT CONDEMNS THE MURDER OF A JUDGE , CARRIED OUT BY THE FRONT .",
         "MURDER", "alleged"),
        # ... reaching the other acts of the incident
        ("A JUDGE WAS KILLED . THE GOVERNMENT CONDEMNS THE MURDER , CARRIED OUT BY THE FRONT .",
         "KILLED", "alleged"),
        # a condemnation that names no doer takes the act as given
        ("A JUDGE WAS KILLED . THE GOVERNMENT CONDEMNS THE MURDER .", "KILLED", "asserted"),
        # the "by" phrase of another noun ("the talks conducted by the army")
        ("A BOMB EXPLODED AT THE BANK . THE GOVERNMENT CONDEMNS THESE ATTACKS , WHICH ENDANGER "
         "THE TALKS CONDUCTED BY THE ARMY .", "EXPLODED", "asserted"),
    ],
)  # fmt: skip
def test_a_condemnation_that_names_the_doer_is_an_accusation(
    text: str, trigger: str, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, trigger)
    assert certainty == expected, reason
    if expected != "asserted":
        assert "'CONDEMNS' by 'GOVERNMENT'" in reason
        assert "(condemned, word order)" in reason


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        ("SUSPECTED REBELS PLACED A BOMB .", "hedged_party", ("REBELS",)),
        ("A MAN WAS KIDNAPPED BY ALLEGED DEATH SQUADS .", "hedged_party", ("DEATH SQUADS",)),
        ("THE GOVERNMENT CONDEMNS THE MURDER , CARRIED OUT BY THE FRONT .", "condemned",
         ("FRONT",)),
    ],
)  # fmt: skip
def test_statements_name_the_parties(text: str, kind: str, parties: tuple[str, ...]) -> None:
    doc = flat(text)
    ctx = BlockContext.of(doc, mentions(doc))
    found = find_blames({0: ctx}, {0: 0}, load_lexicon())
    assert len(found) == 1
    assert f"({kind}, word order)" in found[0].reason
    assert tuple(e.text for e in found[0].accused) == parties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a superlative or quantifier picks incidents out of a series
        ("A BOMB EXPLODED AT THE BANK . THE POLICE ATTRIBUTED THE MOST SERIOUS ATTACKS TO THE "
         "CARTEL .", "asserted"),
        ("A BOMB EXPLODED AT THE BANK . THE POLICE ATTRIBUTED THE WORST ATTACKS TO THE CARTEL .",
         "asserted"),
        ("A BOMB EXPLODED AT THE BANK . THE POLICE ATTRIBUTED ALL THE ATTACKS TO THE CARTEL .",
         "asserted"),
        # the attacks of the article
        ("A BOMB EXPLODED AT THE BANK . THE POLICE ATTRIBUTED THE ATTACKS TO THE CARTEL .",
         "alleged"),
    ],
)  # fmt: skip
def test_a_statement_about_a_series_of_incidents_reaches_no_act(
    text: str, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, "EXPLODED")
    assert certainty == expected, reason


@pytest.mark.parametrize(
    ("trigger", "doer", "expected"),
    [
        # "in another action attributed to X": the accusation is about its own sentence's act
        ("EXPLODED", None, "asserted"),
        ("SHOT", "GUNMEN", "alleged"),
    ],
)
def test_another_action_is_a_different_incident(
    trigger: str, doer: str | None, expected: Certainty
) -> None:
    text = (
        "A BOMB EXPLODED AT THE BANK . IN ANOTHER ACTION ATTRIBUTED TO THE CARTEL , GUNMEN SHOT "
        "A JUDGE ."
    )
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == expected, reason


@pytest.mark.parametrize(
    ("phrase", "is_series", "is_graded", "is_another"),
    [
        ("THE MOST SERIOUS ATTACKS", True, True, False),
        ("ALL THE ATTACKS", True, False, False),
        ("THE WORST ATTACK", False, True, False),
        ("THE ATTACKS", False, False, False),
        ("ANOTHER ATTACK", False, False, True),
        ("OTHER ATTACKS", False, False, True),
    ],
)
def test_how_a_noun_phrase_picks_out_incidents(
    phrase: str, is_series: bool, is_graded: bool, is_another: bool
) -> None:
    noun = flat(f"POLICE ATTRIBUTED {phrase} TO THE CARTEL")[len(phrase.split()) + 1]
    assert noun.text.startswith("ATTACK")
    assert (series(noun), graded(noun), another(noun)) == (is_series, is_graded, is_another)


#: Words the never-raises test draws sentences from: every cue of the rules above.
_WORDS = sorted(
    {*FUNCTION, *FINITE, *PARTICIPLES, *SECTORS, "MURDER", "ATTACK", "ATTACKS", "DEATH",
     "SQUADS", ",", "WORST", "MOST"}
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), min_size=1, max_size=4))
def test_statements_never_raise(sentences: list[list[str]]) -> None:
    doc = flat(" . ".join(" ".join(s) for s in sentences))
    found = mentions(doc)
    for statement in find_blames({0: BlockContext.of(doc, found)}, {0: 0}, load_lexicon()):
        assert 0 <= statement.token < len(doc)
        assert statement.certainty in {"alleged", "suspected", "possible", "claimed"}
    triggers = [t.i for t in doc if t.text in FINITE | PARTICIPLES][:3]
    results = resolve(doc, [candidate(i) for i in triggers], found)
    assert len(results) == len(triggers)


@pytest.mark.parametrize(("determiner", "expected"), [("SOME", ["possible"]), ("NO", [])])
def test_a_negated_doubt_makes_no_statement(determiner: str, expected: list[str]) -> None:
    """ "There is no doubt that rebels carried out the attack" (a hand-written parse)."""
    words = ["THERE", "IS", determiner, "DOUBT", "THAT", "REBELS", "CARRIED", "OUT", "THE",
             "ATTACK", "."]  # fmt: skip
    doc = make_doc(
        words,
        heads=[1, 1, 3, 1, 6, 6, 3, 6, 9, 6, 1],
        deps=["expl", "ROOT", "det", "attr", "mark", "nsubj", "acl", "prt", "det", "dobj",
              "punct"],
        pos=["PRON", "AUX", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "ADP", "DET", "NOUN",
             "PUNCT"],
        tags=["EX", "VBZ", "DT", "NN", "IN", "NNS", "VBD", "RP", "DT", "NN", "."],
    )  # fmt: skip
    found = find_statements({0: BlockContext.of(doc, [])}, {0: 0}, load_lexicon())
    assert [s.certainty for s in found] == expected
