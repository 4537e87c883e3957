"""Attribution rules for upper-case wire copy (issue 6 follow-up): frames read off the word
sequence when the parse misses them, hedges written before the doer, accusations by
authorities, and perpetrator statements that reach the whole article. Hand-built parses: the
"flat" ones mimic the parser's failures on upper-case text (every word hangs off the first)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from chronica.records import Certainty, Entity, Mention
from tests.conftest import assault_candidate as candidate
from tests.conftest import attribute_candidates as resolve
from tests.conftest import flat_doc as flat
from tests.conftest import make_doc

pytestmark = pytest.mark.issue(6)

# A word with its coarse POS; a sentence is a list of them.
Word = tuple[str, str]


def words(text: str, pos: dict[str, str]) -> list[Word]:
    """Upper-case words; POS from ``pos`` (default NOUN, PUNCT for punctuation)."""
    return [(w, pos.get(w, "PUNCT" if w in {".", ",", ";"} else "NOUN")) for w in text.split()]


def mention(doc: Doc, word: str, sector: str | None = None) -> Mention:
    i = next(t.i for t in doc if t.text == word)
    return Mention(0, i, i + 1, Entity(word, sector=sector), "dictionary", "hand-built")


VERBS = {"CLAIMED": "ADJ", "DENIED": "VERB", "BLAMED": "PROPN", "IS": "AUX", "DETONATING": "VERB",
         "KILLED": "VERB", "EXPLODED": "VERB", "PLACED": "VERB", "SUSPECTED": "VERB",
         "THE": "DET", "A": "DET", "FOR": "ADP", "TODAY": "NOUN", "RESPONSIBLE": "ADJ",
         "TWO": "NUM", "AT": "ADP"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "speaker", "expected"),
    [
        ("THE FRONT CLAIMED RESPONSIBILITY TODAY FOR DETONATING A BOMB .", "DETONATING",
         "FRONT", "claimed"),
        ("THE FRONT DENIED RESPONSIBILITY FOR THE KILLING .", "KILLING", "FRONT", "denied"),
        ("POLICE BLAMED THE REBELS FOR THE BOMBING .", "BOMBING", "POLICE", "alleged"),
        ("THE ARMY IS RESPONSIBLE FOR THE MASSACRE .", "MASSACRE", None, "alleged"),
    ],
)  # fmt: skip
def test_frames_read_off_the_word_sequence(
    text: str, trigger: str, speaker: str | None, expected: Certainty
) -> None:
    doc = flat(words(text, VERBS))
    mentions = [mention(doc, w) for w in ("FRONT", "POLICE") if w in text.split()]
    i = next(t.i for t in doc if t.text == trigger)
    result = resolve(doc, [candidate(i)], mentions)[0]
    assert result.attribution.certainty == expected, result.reason
    if speaker is not None:
        assert result.attribution.claimant is not None
        assert result.attribution.claimant.text == speaker
        assert "word sequence" in result.reason


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A clause break stops the frame.
        ("THE FRONT CLAIMED RESPONSIBILITY FOR THE FIRE ; SOLDIERS KILLED TWO .", "KILLED"),
        # The frame must come before the event.
        ("THE KILLING , THE FRONT CLAIMED RESPONSIBILITY .", "KILLING"),
        # Without "for" there is no frame on the event.
        ("THE FRONT CLAIMED RESPONSIBILITY TODAY AND SOLDIERS KILLED TWO .", "KILLED"),
    ],
)
def test_word_sequence_frame_needs_for_before_the_event(text: str, trigger: str) -> None:
    doc = flat(words(text, VERBS | {"AND": "CCONJ"}))
    i = next(t.i for t in doc if t.text == trigger)
    result = resolve(doc, [candidate(i)], [mention(doc, "FRONT")])[0]
    assert result.attribution.certainty != "claimed", result.reason
    assert "word sequence" not in result.reason


def test_the_nearest_frame_before_the_event_decides() -> None:
    text = "POLICE BLAMED THE GROUP , WHICH CLAIMED RESPONSIBILITY FOR THE MURDER ."
    doc = flat(words(text, VERBS | {"WHICH": "PRON"}))
    result = resolve(doc, [candidate(11)], [mention(doc, "POLICE")])[0]
    assert result.attribution.certainty == "claimed", result.reason


@pytest.mark.parametrize(
    ("hedge", "expected"),
    [("SUSPECTED", "suspected"), ("ALLEGED", "alleged"), ("ARMED", "asserted")],
)
def test_hedge_written_before_the_doer(hedge: str, expected: Certainty) -> None:
    doc = flat(words(f"{hedge} GUERRILLAS PLACED A BOMB .", VERBS | {"ARMED": "VERB"}))
    guerrillas = mention(doc, "GUERRILLAS")
    result = resolve(doc, [candidate(2, actor=(guerrillas,))], [guerrillas])[0]
    assert result.attribution.certainty == expected, result.reason


# "Police said rebels attacked the village." (a correct parse)
POLICE_SAID = make_doc(
    ["Police", "said", "rebels", "attacked", "the", "village", "."],
    heads=[1, 1, 3, 1, 5, 3, 1],
    deps=["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"],
    pos=["NOUN", "VERB", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    lemmas=["police", "say", "rebel", "attack", "the", "village", "."],
)


@pytest.mark.parametrize(
    ("speaker_sector", "doer_sector", "expected"),
    [
        ("COP", "REB", "alleged"),  # the state's organ reports what its adversary did
        ("MIL", "UAF", "alleged"),
        ("MED", "REB", "reported"),  # a newspaper is no party
        ("COP", "CVL", "reported"),  # civilians are not the armed opposition
        (None, "REB", "reported"),
    ],
)
def test_report_by_authorities_against_the_armed_opposition_is_an_accusation(
    speaker_sector: str | None, doer_sector: str, expected: Certainty
) -> None:
    police = Mention(0, 0, 1, Entity("Police", sector=speaker_sector), "dictionary", "x")
    rebels = Mention(0, 2, 3, Entity("rebels", sector=doer_sector), "dictionary", "x")
    result = resolve(POLICE_SAID, [candidate(3, actor=(rebels,))], [police, rebels])[0]
    assert result.attribution.certainty == expected, result.reason
    if expected == "alleged":
        assert "authorities" in result.reason


def test_statement_before_the_event_reaches_it() -> None:
    """Wire copy names the perpetrator in the lead and gives the details later."""
    doc = flat(
        words("THE FRONT CLAIMED RESPONSIBILITY FOR THE ATTACK .", VERBS | {"ATTACK": "PROPN"}),
        words("A BOMB EXPLODED AT THE BANK .", VERBS),
    )
    result = resolve(doc, [candidate(10, sentence_index=1)], [mention(doc, "FRONT")])[0]
    assert result.attribution.certainty == "claimed", result.reason
    assert "perpetrator, from sentence 1" in result.reason


def test_later_statement_wins_over_an_earlier_one() -> None:
    doc = flat(
        words("THE FRONT CLAIMED RESPONSIBILITY FOR THE ATTACK .", VERBS),
        words("A BOMB EXPLODED AT THE BANK .", VERBS),
        words("POLICE BLAMED THE ARMY FOR THE ATTACK .", VERBS),
    )
    mentions = [mention(doc, "FRONT"), mention(doc, "POLICE")]
    result = resolve(doc, [candidate(10, sentence_index=1)], mentions)[0]
    assert result.attribution.certainty == "alleged", result.reason


# "A bomb exploded. The attack was presumably carried out by rebels." (a correct parse)
PASSIVE_STATEMENT = make_doc(
    ["A", "bomb", "exploded", ".", "The", "attack", "was", "presumably", "carried", "out", "by",
     "rebels", "."],
    heads=[1, 2, 2, 2, 5, 8, 8, 8, 8, 8, 8, 10, 8],
    deps=["det", "nsubj", "ROOT", "punct", "det", "nsubjpass", "auxpass", "advmod", "ROOT",
          "prt", "agent", "pobj", "punct"],
    pos=["DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "AUX", "ADV", "VERB", "ADP", "ADP",
         "NOUN", "PUNCT"],
    lemmas=["a", "bomb", "explode", ".", "the", "attack", "be", "presumably", "carry", "out",
            "by", "rebel", "."],
)  # fmt: skip


def test_hedge_on_the_support_verb_of_a_passive_statement() -> None:
    result = resolve(PASSIVE_STATEMENT, [candidate(2)])[0]
    assert result.attribution.certainty == "suspected", result.reason
