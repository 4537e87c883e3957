"""Attribution rules added for upper-case wire copy (issue 6, second round): a reporting verb
followed by "that" read off the word sequence, condemnations by authorities, pronoun agreement
between a speaker and the doer, accusations that name the doer without an incident noun, and
the word tables the scans read. Hand-built parses; the "flat" ones mimic the parser's failures
on upper-case text (every word hangs off the first)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

from chronica.attribution.syntax import lemma_hits, lower_words, quote_spans
from chronica.records import Certainty, Entity, Mention
from tests.conftest import assault_candidate as candidate
from tests.conftest import attribute_candidates as resolve
from tests.conftest import flat_doc, make_doc

pytestmark = pytest.mark.issue(6)

Word = tuple[str, str]
POS = {"THE": "DET", "A": "DET", "AT": "ADP", "OF": "ADP", "FOR": "ADP", "ON": "ADP",
       "THAT": "SCONJ", "TODAY": "NOUN", "IT": "PRON", "ITS": "PRON", "BUT": "CCONJ",
       "NOT": "PART", "DID": "AUX"}  # fmt: skip
VERBS = ("REPORTS", "SAID", "STAGED", "EXPLODED", "ACCUSED", "ACCUSE", "BLAMED", "KILLED",
         "SHOT", "CLAIMED", "BURNED", "ANNOUNCED", "DENIED")  # fmt: skip


def flat(*sentences: str) -> Doc:
    """A broken parse of each sentence (see ``flat_doc``); POS from VERBS and POS."""

    def tag(word: str) -> str:
        if word in {".", ","}:
            return "PUNCT"
        return "VERB" if word in VERBS else POS.get(word, "NOUN")

    return flat_doc(*([(w, tag(w)) for w in s.split()] for s in sentences))


def at(doc: Doc, word: str, nth: int = 1) -> int:
    return [t.i for t in doc if t.text == word][nth - 1]


def mention(doc: Doc, word: str, sector: str | None = None, nth: int = 1) -> Mention:
    i = at(doc, word, nth)
    return Mention(0, i, i + 1, Entity(word, sector=sector), "dictionary", "hand-built")


# ---------------------------------------------------------------- "X REPORTS THAT" (word sequence)


@pytest.mark.parametrize(
    ("text", "speaker", "trigger", "doer", "expected"),
    [
        # the speaker is the doer: its own report of its act
        ("THE FRONT REPORTS THAT FRONT COLUMNS STAGED RAIDS .", "FRONT", "STAGED", "FRONT@2",
         "claimed"),
        # someone else's report
        ("THE PAPER SAID TODAY THAT REBELS BURNED A BUS .", "PAPER", "BURNED", "REBELS",
         "reported"),
        ("OFFICIALS ANNOUNCED THAT GUNMEN SHOT A MAYOR .", "OFFICIALS", "SHOT", None, "reported"),
    ],
)  # fmt: skip
def test_reporting_verb_with_that_frames_a_later_event(
    text: str, speaker: str, trigger: str, doer: str | None, expected: Certainty
) -> None:
    doc = flat(text)
    mentions = [mention(doc, speaker)]
    actor: tuple[Mention, ...] = ()
    if doer is not None:
        word, _, nth = doer.partition("@")
        actor = (mention(doc, word, nth=int(nth or 1)),)
        mentions.append(actor[0])
    result = resolve(doc, [candidate(at(doc, trigger), actor)], mentions)[0]
    assert result.attribution.certainty == expected, result.reason
    assert "'that' frames it" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        "REBELS BURNED A BUS , THE PAPER SAID THAT .",  # the frame comes after the event
        "THE PAPER SAID , TODAY THAT REBELS BURNED A BUS .",  # a comma between verb and "that"
        "THE PAPER SAID THAT TROOPS LEFT BUT REBELS BURNED A BUS .",  # a clause break
    ],
)
def test_that_frame_needs_verb_that_and_no_break_before_the_event(text: str) -> None:
    doc = flat(text)
    result = resolve(doc, [candidate(at(doc, "BURNED"))], [mention(doc, "PAPER")])[0]
    assert result.attribution.certainty == "asserted", result.reason


# "The minister denied that the trip was linked to the attack." (a correct parse: the walk
# reads the denial and finds it is about the link, so the word sequence must not re-read it)
DENIED_LINK = make_doc(
    ["The", "minister", "denied", "that", "the", "trip", "was", "linked", "to", "the",
     "attack", "."],
    heads=[1, 2, 2, 7, 5, 7, 7, 2, 7, 10, 8, 2],
    deps=["det", "nsubj", "ROOT", "mark", "det", "nsubjpass", "auxpass", "ccomp", "prep", "det",
          "pobj", "punct"],
    pos=["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN",
         "PUNCT"],
    lemmas=["the", "minister", "deny", "that", "the", "trip", "be", "link", "to", "the",
            "attack", "."],
)  # fmt: skip


def test_that_frame_leaves_a_frame_the_tree_walk_already_read() -> None:
    result = resolve(DENIED_LINK, [candidate(10)])[0]
    assert result.attribution.certainty == "asserted", result.reason


# ---------------------------------------------------------------- condemnation by authorities

# "The government condemned the attack by the rebels ." (a correct parse)
CONDEMNED = make_doc(
    ["The", "government", "condemned", "the", "attack", "by", "the", "rebels", "."],
    heads=[1, 2, 2, 4, 2, 4, 7, 5, 2],
    deps=["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
    pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
    lemmas=["the", "government", "condemn", "the", "attack", "by", "the", "rebel", "."],
)  # fmt: skip


@pytest.mark.parametrize(
    ("speaker_sector", "doer_sector", "expected"),
    [
        ("GOV", "REB", "alleged"),  # authorities hold the act against the armed opposition
        ("MIL", "CRM", "alleged"),
        ("MED", "REB", "asserted"),  # a newspaper's condemnation takes the act as given
        ("GOV", "CVL", "asserted"),  # civilians are not the armed opposition
        ("COP", "OPP", "alleged"),  # nor the opposition: police against protesters
    ],
)
def test_condemnation_by_authorities_is_an_accusation(
    speaker_sector: str, doer_sector: str, expected: Certainty
) -> None:
    government = Mention(0, 1, 2, Entity("government", sector=speaker_sector), "dictionary", "x")
    rebels = Mention(0, 7, 8, Entity("rebels", sector=doer_sector), "dictionary", "x")
    result = resolve(CONDEMNED, [candidate(4, actor=(rebels,))], [government, rebels])[0]
    assert result.attribution.certainty == expected, result.reason
    if expected == "alleged":
        assert "condemns it" in result.reason


# ---------------------------------------------------------------- pronoun agreement

# "The prosecutors alleged that she committed the murder ." (a correct parse)
PROSECUTORS = make_doc(
    ["The", "prosecutors", "alleged", "that", "she", "committed", "the", "murder", "."],
    heads=[1, 2, 2, 5, 5, 2, 7, 5, 2],
    deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "dobj", "punct"],
    pos=["DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "DET", "NOUN", "PUNCT"],
    tags=["DT", "NNS", "VBD", "IN", "PRP", "VBD", "DT", "NN", "."],
    lemmas=["the", "prosecutor", "allege", "that", "she", "commit", "the", "murder", "."],
)  # fmt: skip


def test_singular_pronoun_does_not_stand_for_a_plural_speaker() -> None:
    result = resolve(PROSECUTORS, [candidate(5)])[0]
    assert result.attribution.certainty == "alleged", result.reason


# ---------------------------------------------------------------- accusations naming the doer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A BOMB EXPLODED AT THE BANK . THE ARMY ACCUSED THE GUERRILLAS .", "alleged"),
        ("A BOMB EXPLODED AT THE BANK . THE ARMY ACCUSED THE GUERRILLAS OF THE BOMBING .",
         "alleged"),
        # an accusation about something else says nothing of the bombing
        ("A BOMB EXPLODED AT THE BANK . THE ARMY ACCUSED THE GUERRILLAS OF CORRUPTION .",
         "asserted"),
        # a negated accusation accuses nobody
        ("A BOMB EXPLODED AT THE BANK . THE ARMY DID NOT ACCUSE THE GUERRILLAS .", "asserted"),
    ],
)  # fmt: skip
def test_accusation_naming_the_doer_reaches_an_act_with_unknown_doer(
    text: str, expected: Certainty
) -> None:
    first, second = (s.strip() + " ." for s in text.rstrip(" .").split(" . "))
    doc = accusation_doc(first, second)
    guerrillas = mention(doc, "GUERRILLAS", sector="REB")
    army = mention(doc, "ARMY", sector="MIL")
    result = resolve(doc, [candidate(at(doc, "EXPLODED"))], [army, guerrillas])[0]
    assert result.attribution.certainty == expected, result.reason
    if expected == "alleged":
        assert "'ACCUSED' by 'ARMY'" in result.reason


def accusation_doc(first: str, second: str) -> Doc:
    """The first sentence flat; the second parsed "THE ARMY (DID NOT) ACCUSED THE GUERRILLAS
    (OF X)": the verb is the root, its subject and object hang off it."""
    words = first.split() + second.split()
    offset = len(first.split())
    heads = [0] * offset
    deps = ["ROOT"] + ["dep"] * (offset - 1)
    pos = ["DET"] + ["NOUN"] * (offset - 1)
    pos[1:3] = ["NOUN", "VERB"]
    second_words = second.split()
    verb = offset + next(i for i, w in enumerate(second_words) if w.startswith("ACCUSE"))
    obj = offset + second_words.index("GUERRILLAS")
    for i, w in enumerate(second_words):
        j = offset + i
        if j == verb:
            heads.append(j)
            deps.append("ROOT")
            pos.append("VERB")
        elif w == "ARMY":
            heads.append(verb)
            deps.append("nsubj")
            pos.append("NOUN")
        elif w == "GUERRILLAS":
            heads.append(verb)
            deps.append("dobj")
            pos.append("NOUN")
        elif w == "OF":
            heads.append(verb)
            deps.append("prep")
            pos.append("ADP")
        elif j > obj and w not in {"THE", "."}:
            heads.append(offset + second_words.index("OF"))
            deps.append("pobj")
            pos.append("NOUN")
        elif w == "NOT":
            heads.append(verb)
            deps.append("neg")
            pos.append("PART")
        elif w == "DID":
            heads.append(verb)
            deps.append("aux")
            pos.append("AUX")
        elif w == ".":
            heads.append(verb)
            deps.append("punct")
            pos.append("PUNCT")
        else:
            heads.append(j + 1)
            deps.append("det")
            pos.append("DET")
    return make_doc(words, heads=heads, deps=deps, pos=pos)


# "The bombing killed two . Police blamed it on the cartel ." (a correct parse)
BLAMED_IT = make_doc(
    ["The", "bombing", "killed", "two", ".", "Police", "blamed", "it", "on", "the", "cartel",
     "."],
    heads=[1, 2, 2, 2, 2, 6, 6, 6, 6, 10, 8, 6],
    deps=["det", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "prep", "det",
          "pobj", "punct"],
    pos=["DET", "NOUN", "VERB", "NUM", "PUNCT", "NOUN", "VERB", "PRON", "ADP", "DET", "NOUN",
         "PUNCT"],
    lemmas=["the", "bombing", "kill", "two", ".", "police", "blame", "it", "on", "the",
            "cartel", "."],
)  # fmt: skip


def test_blamed_it_on_speaks_of_the_incident_named_before() -> None:
    police = mention(BLAMED_IT, "Police", sector="COP")
    result = resolve(BLAMED_IT, [candidate(1)], [police])[0]
    assert result.attribution.certainty == "alleged", result.reason
    assert "'bombing'" in result.reason


# ---------------------------------------------------------------- word tables


@pytest.mark.parametrize(
    ("words", "spans"),
    [
        (["He", "said", '"', "we", "attacked", '"', "."], [(3, 5)]),
        (["“", "No", "”", "and", "«", "yes", "»"], [(1, 2), (5, 6)]),
        (["An", "open", '"', "quote"], []),
        (["No", "quotes"], []),
    ],
)
def test_quote_spans_from_words(words: Sequence[str], spans: list[tuple[int, int]]) -> None:
    assert quote_spans([w.lower() for w in words]) == spans


def test_lower_words_read_every_token() -> None:
    doc = make_doc(
        ["The", "ARMY", "Said", "."], heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "punct"]
    )
    assert lower_words(doc) == ("the", "army", "said", ".")


def test_lemma_hits_match_any_case() -> None:
    doc = make_doc(
        ["They", "BLAMED", "the", "Attacks", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        lemmas=["they", "BLAME", "the", "Attack", "."],
    )
    assert lemma_hits(doc, frozenset({"blame", "attack"})) == frozenset({1, 3})
