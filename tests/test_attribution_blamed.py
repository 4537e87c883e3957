"""Who the article blames, read off the word sequence (issue 6, third round): "attributed the
attack to X", "the action attributed to X", "blamed X, Y and Z for the murder", "hold X
responsible for the action", "X is responsible for the massacre", and hedged doers in side
phrases ("-- apparently hired by X"). The parses are "flat" (every word hangs off the first, as
the parser leaves upper-case wire copy), so only the word order can find these accusations."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from chronica.attribution.analysis import BlockContext
from chronica.attribution.blamed import find_blames
from chronica.attribution.lexicon import load_lexicon
from chronica.records import Certainty, Entity, Mention
from tests.conftest import assault_candidate as candidate
from tests.conftest import attribute_candidates as resolve
from tests.conftest import flat_doc

pytestmark = pytest.mark.issue(6)

FUNCTION = {"THE": "DET", "A": "DET", "AN": "DET", "THIS": "DET", "THESE": "DET", "AT": "ADP",
            "OF": "ADP", "FOR": "ADP", "ON": "ADP", "TO": "ADP", "BY": "ADP", "IN": "ADP",
            "NOT": "PART", "DID": "AUX", "WAS": "AUX", "IS": "AUX", "ARE": "AUX", "AND": "CCONJ",
            "WE": "PRON", "IT": "PRON", "APPARENTLY": "ADV", "PRESUMABLY": "ADV",
            "RESPONSIBLE": "ADJ"}  # fmt: skip
VERBS = frozenset({"EXPLODED", "KILLED", "SHOT", "ATTRIBUTED", "BLAMED", "BLAME", "HOLD",
                   "ACCUSED", "DENIED", "HIRED", "KIDNAPPED", "BURNED", "SAID", "RIDDLED", "ADDS",
                   "FIRED", "WOUNDED",
                   "ATTRIBUTE"})  # fmt: skip
#: The actor sectors the hand-built mentions resolve to.
SECTORS = {"CARTEL": "CRM", "FRONT": "REB", "ARMY": "MIL", "POLICE": "COP", "REGIME": "GOV",
           "GUNMEN": "UAF", "REBELS": "REB", "COLONEL": "MIL", "TROOPS": "MIL"}  # fmt: skip


def flat(text: str) -> Doc:
    """Each sentence (ended by " ." or, where the parser splits one wrongly, by " | ") parsed
    flat; POS from VERBS and FUNCTION, else NOUN."""

    def tag(word: str) -> str:
        if word in {".", ",", "--"}:
            return "PUNCT"
        return "VERB" if word in VERBS else FUNCTION.get(word, "NOUN")

    sentences = [
        piece.split() + (["."] if n == len(pieces) - 1 else [])
        for s in text.rstrip(" .").split(" . ")
        for pieces in [s.split(" | ")]
        for n, piece in enumerate(pieces)
    ]
    return flat_doc(*([(w, tag(w)) for w in s] for s in sentences))


def mentions(doc: Doc) -> list[Mention]:
    """A one-word mention for every word with a sector in SECTORS."""
    return [
        Mention(0, t.i, t.i + 1, Entity(t.text, sector=SECTORS[t.text]), "dictionary", "test")
        for t in doc
        if t.text in SECTORS
    ]


def at(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def certainty_of(text: str, trigger: str, doer: str | None = None) -> tuple[Certainty, str]:
    doc = flat(text)
    found = mentions(doc)
    actor = tuple(m for m in found if doer is not None and doc[m.start].text == doer)
    cand = candidate(at(doc, trigger), actor=actor[:1])
    result = resolve(doc, [cand], found)[0]
    return result.attribution.certainty, result.reason


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "expected"),
    [
        # "attributed the attack to X", the parser splitting the sentence after the verb: the
        # unknown doer of the bombing is the party blamed
        ("A BOMB EXPLODED AT THE MARKET . POLICE ATTRIBUTED | THE ATTACK TO THE CARTEL .",
         "EXPLODED", None, "alleged"),
        # passive participle: "an action attributed to X"
        ("A JUDGE WAS SHOT IN THE STREET . IT WAS AN ACTION | ATTRIBUTED TO THE CARTEL .",
         "SHOT", None, "alleged"),
        # the doer the text names is on the side of the party blamed
        ("REBELS BURNED A BUS . THE ARMY ATTRIBUTED | THE ATTACK TO THE FRONT .", "BURNED",
         "REBELS", "alleged"),
        # ... and is not: the accusation is about someone else
        ("TROOPS BURNED A BUS . THE ARMY ATTRIBUTED | THE ATTACK TO THE FRONT .", "BURNED",
         "TROOPS", "asserted"),
        # "blamed X, Y and Z for the murder": a list of parties before the "for"
        ("A JUDGE WAS KILLED . WE BLAME THE REGIME , ITS MINISTERS AND | ITS ALLIES FOR THIS "
         "DETESTABLE MURDER .", "KILLED", None, "alleged"),
        # "hold X responsible for this action"
        ("A BOMB EXPLODED AT THE MARKET . WE HOLD | THE COLONEL RESPONSIBLE FOR THIS ACTION .",
         "EXPLODED", None, "alleged"),
        # "X are responsible for the massacre"
        ("PEASANTS WERE KILLED IN THE VILLAGE . THE EVIDENCE SHOWS THE TROOPS ARE RESPONSIBLE | "
         "FOR THE MASSACRE .", "KILLED", None, "alleged"),
        # a hedge opening a side phrase that names the doers
        ("A JUDGE WAS RIDDLED WITH BULLETS BY GUNMEN -- APPARENTLY HIRED BY THE CARTEL . "
         "ANOTHER JUDGE WAS KILLED IN MAY .", "KILLED", None, "suspected"),
        # a hedge before the "by" phrase
        ("THE MAYOR WAS APPARENTLY KIDNAPPED BY REBELS . HIS DRIVER WAS SHOT .", "SHOT", None,
         "suspected"),
        # a doer hedged in passing does not make the acts the text asserts of it uncertain
        ("THE MAYOR WAS APPARENTLY KIDNAPPED BY REBELS . THE REBELS BURNED A BUS .", "BURNED",
         "REBELS", "asserted"),
    ],
)  # fmt: skip
def test_word_order_accusation_reaches_the_act(
    text: str, trigger: str, doer: str | None, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == expected, reason
    if expected != "asserted":
        assert "word order" in reason


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "expected"),
    [
        # with a sound sentence split the stage reads the same accusations
        ("A BOMB EXPLODED AT THE MARKET . POLICE ATTRIBUTED THE ATTACK TO THE CARTEL .",
         "EXPLODED", None, "alleged"),
        ("IN ANOTHER ACTION ATTRIBUTED TO THE CARTEL , GUNMEN SHOT A JUDGE .", "SHOT", "GUNMEN",
         "alleged"),
        ("A BOMB EXPLODED . THE ARMY BLAMED THE FRONT FOR THE ATTACK .", "EXPLODED", None,
         "alleged"),
    ],
)  # fmt: skip
def test_accusation_in_one_sentence(
    text: str, trigger: str, doer: str | None, expected: Certainty
) -> None:
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == expected, reason


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # a negated accusation blames nobody
        ("A BOMB EXPLODED AT THE MARKET . POLICE DID NOT BLAME THE CARTEL FOR THE ATTACK .",
         "EXPLODED", None),
        # the accuser's own act keeps its certainty
        ("TROOPS SHOT A FARMER . THE ARMY BLAMED THE FRONT FOR THE MASSACRE .", "SHOT", "TROOPS"),
        # an accusation about something else
        ("A BOMB EXPLODED AT THE MARKET . POLICE ACCUSED THE CARTEL OF FRAUD .", "EXPLODED",
         None),
        # "in charge of the operation" is no accusation
        ("A BOMB EXPLODED AT THE MARKET . THE COLONEL IN CHARGE OF THE OPERATION SAID NOTHING .",
         "EXPLODED", None),
        # a purpose after the hedge, not a doer
        ("REBELS ENTERED THE TOWN , PRESUMABLY TO RECRUIT TROOPS . A BOMB EXPLODED .",
         "EXPLODED", None),
        # a full stop between the verb and the incident
        ("A BOMB EXPLODED AT THE MARKET . POLICE ATTRIBUTED NOTHING . THE ATTACK TO THE CARTEL "
         "WAS FEARED .", "EXPLODED", None),
        # a negated accusation split by the parser
        ("A BOMB EXPLODED AT THE MARKET . POLICE DID NOT ATTRIBUTE | THE ATTACK TO THE CARTEL .",
         "EXPLODED", None),
    ],
)  # fmt: skip
def test_no_accusation_leaves_the_act_asserted(text: str, trigger: str, doer: str | None) -> None:
    certainty, reason = certainty_of(text, trigger, doer)
    assert certainty == "asserted", reason


def test_blame_names_the_accused_and_the_accuser() -> None:
    doc = flat("A BOMB EXPLODED . POLICE ATTRIBUTED | THE ATTACK TO THE CARTEL .")
    ctx = BlockContext.of(doc, mentions(doc))
    (blame,) = find_blames({0: ctx}, {0: 0}, load_lexicon())
    assert blame.certainty == "alleged"
    assert blame.text == "ATTACK"
    assert [e.text for e in blame.accused] == ["CARTEL"]
    assert blame.claimant is not None and blame.claimant.text == "POLICE"
    assert blame.sentence_index == 2


def test_a_party_without_a_mention_is_its_name_words() -> None:
    doc = flat("A BOMB EXPLODED . WE BLAME ARENA FOR THE BOMBING .")
    ctx = BlockContext.of(doc, [])
    (blame,) = find_blames({0: ctx}, {0: 0}, load_lexicon())
    assert [e.text for e in blame.accused] == ["ARENA"]


def test_the_nearest_statement_after_the_act_speaks_first() -> None:
    # The accusation (sentence 2, split by the parser) comes before the denial (sentence 4).
    certainty, reason = certainty_of(
        "A BOMB EXPLODED AT THE MARKET . POLICE ATTRIBUTED | THE ATTACK TO THE CARTEL . "
        "THE CARTEL DENIED RESPONSIBILITY FOR THE ATTACK .",
        "EXPLODED",
    )
    assert certainty == "alleged", reason
    assert "'CARTEL' as doer of 'ATTACK'" in reason


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        # a shooting or a wounding can be part of the bombing the statement names
        ("SHOT", "alleged"),
        ("WOUNDED", "alleged"),
    ],
)
def test_an_attack_family_act_takes_a_statement_of_another_family(
    trigger: str, expected: Certainty
) -> None:
    text = (
        "A GUARD WAS SHOT AND A CHILD WAS WOUNDED . POLICE ATTRIBUTED | THE BOMBING TO THE CARTEL ."
    )
    certainty, reason = certainty_of(text, trigger)
    assert certainty == expected, reason


def test_a_report_is_never_the_doer_it_speaks_of() -> None:
    # The actors stage may take "the report" for the doer; a document claims no act.
    doc = flat("THE REPORT ADDS THAT TROOPS FIRED ON THE CROWD .")
    report = Mention(0, 1, 2, Entity("REPORT"), "dictionary", "test")
    cand = candidate(at(doc, "FIRED"), actor=(report,))
    result = resolve(doc, [cand], [report])[0]
    assert result.attribution.certainty == "reported", result.reason


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("A BOMB EXPLODED . POLICE ATTRIBUTED | THE ATTACK TO THE CARTEL .", "POLICE"),
        # passive: the mention before the verb is part of the incident, not its accuser
        ("A BOMB EXPLODED . THE ATTACK ON THE ARMY POST WAS | ATTRIBUTED TO THE CARTEL .", None),
        # a relative clause names the accuser
        ("A BOMB EXPLODED . THE ATTACK , WHICH THE FRONT BLAMED ON THE ARMY , KILLED TWO .",
         "FRONT"),
    ],
)  # fmt: skip
def test_the_accuser_is_the_subject_of_an_active_or_relative_blame(
    text: str, accuser: str | None
) -> None:
    doc = flat(text)
    ctx = BlockContext.of(doc, mentions(doc))
    (blame,) = find_blames({0: ctx}, {0: 0}, load_lexicon())
    assert (blame.claimant.text if blame.claimant else None) == accuser, blame.reason
