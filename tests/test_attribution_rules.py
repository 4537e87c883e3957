"""Rule tests of the attribution stage on hand-built parses (no model needed): cue scope,
frames, modality, negation, counter-claims, follow-up statements and provenance notices."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from chronica.attribution import find_republication
from chronica.attribution.lexicon import _classed, inflections, load_lexicon
from chronica.errors import DictionaryError
from chronica.ontology import Ontology
from chronica.records import (
    CERTAINTIES,
    MODALITIES,
    AttributionResult,
    Entity,
    EventCandidate,
    Mention,
)
from tests.conftest import attribute_candidates as resolve
from tests.conftest import make_doc

pytestmark = pytest.mark.issue(6)

# A token: (word, head index, dependency, POS, lemma).
Tok = tuple[str, int, str, str, str]


def build(tokens: Sequence[Tok]) -> Doc:
    words, heads, deps, pos, lemmas = (list(x) for x in zip(*tokens, strict=True))
    return make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def candidate(
    i: int,
    plover: str = "ASSAULT",
    cameo: str = "190",
    actor: tuple[Mention, ...] = (),
    sentence_index: int = 0,
    block: int = 0,
) -> EventCandidate:
    return EventCandidate(
        block=block,
        sentence_index=sentence_index,
        trigger_start=i,
        trigger_end=i + 1,
        event=Ontology.load().event_type(cameo, "t", plover=plover),
        actor=actor,
        recipient=(),
        pattern_id="test",
        confidence=1.0,
        reason="hand-built",
    )


def one(tokens: Sequence[Tok], trigger: int) -> AttributionResult:
    return resolve(build(tokens), [candidate(trigger)])[0]


POLICE_SAID = [
    ("Police", 1, "nsubj", "NOUN", "police"),
    ("said", 1, "ROOT", "VERB", "say"),
    ("rebels", 3, "nsubj", "NOUN", "rebel"),
    ("attacked", 1, "ccomp", "VERB", "attack"),
    ("the", 5, "det", "DET", "the"),
    ("village", 3, "dobj", "NOUN", "village"),
    (".", 1, "punct", "PUNCT", "."),
]
ALLEGEDLY_TWO_CLAUSES = [
    ("Rebels", 2, "nsubj", "NOUN", "rebel"),
    ("allegedly", 2, "advmod", "ADV", "allegedly"),
    ("attacked", 2, "ROOT", "VERB", "attack"),
    ("the", 4, "det", "DET", "the"),
    ("base", 2, "dobj", "NOUN", "base"),
    ("and", 2, "cc", "CCONJ", "and"),
    ("the", 7, "det", "DET", "the"),
    ("army", 8, "nsubj", "NOUN", "army"),
    ("bombed", 2, "conj", "VERB", "bomb"),
    ("the", 10, "det", "DET", "the"),
    ("camp", 8, "dobj", "NOUN", "camp"),
    (".", 2, "punct", "PUNCT", "."),
]
ALLEGEDLY_SHARED_SUBJECT = [
    ("Rebels", 2, "nsubj", "NOUN", "rebel"),
    ("allegedly", 2, "advmod", "ADV", "allegedly"),
    ("attacked", 2, "ROOT", "VERB", "attack"),
    ("the", 4, "det", "DET", "the"),
    ("base", 2, "dobj", "NOUN", "base"),
    ("and", 2, "cc", "CCONJ", "and"),
    ("burned", 2, "conj", "VERB", "burn"),
    ("houses", 6, "dobj", "NOUN", "house"),
    (".", 2, "punct", "PUNCT", "."),
]
SUSPECTED_REBEL = [
    ("Police", 1, "nsubj", "NOUN", "police"),
    ("arrested", 1, "ROOT", "VERB", "arrest"),
    ("a", 4, "det", "DET", "a"),
    ("suspected", 4, "amod", "ADJ", "suspected"),
    ("rebel", 1, "dobj", "NOUN", "rebel"),
    (".", 1, "punct", "PUNCT", "."),
]
SUSPECTED_DOERS = [
    ("Suspected", 1, "amod", "ADJ", "suspected"),
    ("rebels", 2, "nsubj", "NOUN", "rebel"),
    ("attacked", 2, "ROOT", "VERB", "attack"),
    ("the", 4, "det", "DET", "the"),
    ("bus", 2, "dobj", "NOUN", "bus"),
    (".", 2, "punct", "PUNCT", "."),
]
ACCORDING = [
    ("According", 5, "prep", "VERB", "accord"),
    ("to", 0, "prep", "ADP", "to"),
    ("police", 1, "pobj", "NOUN", "police"),
    (",", 5, "punct", "PUNCT", ","),
    ("rebels", 5, "nsubj", "NOUN", "rebel"),
    ("attacked", 5, "ROOT", "VERB", "attack"),
    ("the", 7, "det", "DET", "the"),
    ("base", 5, "dobj", "NOUN", "base"),
    (".", 5, "punct", "PUNCT", "."),
]
DENIED_REPORTS = [
    ("The", 1, "det", "DET", "the"),
    ("army", 2, "nsubj", "NOUN", "army"),
    ("denied", 2, "ROOT", "VERB", "deny"),
    ("reports", 2, "dobj", "NOUN", "report"),
    ("that", 6, "mark", "SCONJ", "that"),
    ("troops", 6, "nsubj", "NOUN", "troop"),
    ("shelled", 3, "acl", "VERB", "shell"),
    ("the", 8, "det", "DET", "the"),
    ("town", 6, "dobj", "NOUN", "town"),
    (".", 2, "punct", "PUNCT", "."),
]
RESPONSIBILITY = [
    ("The", 1, "det", "DET", "the"),
    ("front", 2, "nsubj", "NOUN", "front"),
    ("claimed", 2, "ROOT", "VERB", "claim"),
    ("responsibility", 2, "dobj", "NOUN", "responsibility"),
    ("for", 3, "prep", "ADP", "for"),
    ("the", 6, "det", "DET", "the"),
    ("bombing", 4, "pobj", "NOUN", "bombing"),
    (".", 2, "punct", "PUNCT", "."),
]
NESTED = [
    ("Police", 1, "nsubj", "NOUN", "police"),
    ("said", 1, "ROOT", "VERB", "say"),
    ("witnesses", 3, "nsubj", "NOUN", "witness"),
    ("told", 1, "ccomp", "VERB", "tell"),
    ("them", 3, "dobj", "PRON", "they"),
    ("gunmen", 6, "nsubj", "NOUN", "gunman"),
    ("attacked", 3, "ccomp", "VERB", "attack"),
    (".", 1, "punct", "PUNCT", "."),
]
MISATTACHED_ADVERB = [
    ("Rebels", 1, "nsubj", "NOUN", "rebel"),
    ("attacked", 1, "ROOT", "VERB", "attack"),
    ("the", 3, "det", "DET", "the"),
    ("base", 1, "dobj", "NOUN", "base"),
    ("allegedly", 3, "npadvmod", "ADV", "allegedly"),
    (".", 1, "punct", "PUNCT", "."),
]
RELATIVE_CLAUSE_CUE = [
    ("The", 1, "det", "DET", "the"),
    ("group", 8, "nsubj", "NOUN", "group"),
    (",", 1, "punct", "PUNCT", ","),
    ("which", 5, "nsubj", "PRON", "which"),
    ("allegedly", 5, "advmod", "ADV", "allegedly"),
    ("receives", 1, "relcl", "VERB", "receive"),
    ("money", 5, "dobj", "NOUN", "money"),
    (",", 1, "punct", "PUNCT", ","),
    ("attacked", 8, "ROOT", "VERB", "attack"),
    ("the", 10, "det", "DET", "the"),
    ("base", 8, "dobj", "NOUN", "base"),
    (".", 8, "punct", "PUNCT", "."),
]
QUOTED = [
    ("“", 3, "punct", "PUNCT", "“"),
    ("The", 2, "det", "DET", "the"),
    ("army", 3, "nsubj", "NOUN", "army"),
    ("bombed", 3, "ROOT", "VERB", "bomb"),
    ("the", 5, "det", "DET", "the"),
    ("market", 3, "dobj", "NOUN", "market"),
    ("”", 3, "punct", "PUNCT", "”"),
    (".", 3, "punct", "PUNCT", "."),
]
FIRST_PERSON = [
    ("We", 1, "nsubj", "PRON", "we"),
    ("attacked", 1, "ROOT", "VERB", "attack"),
    ("the", 3, "det", "DET", "the"),
    ("post", 1, "dobj", "NOUN", "post"),
    (".", 1, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize(
    ("tokens", "trigger", "certainty", "claimant"),
    [
        (POLICE_SAID, 3, "reported", "Police"),
        (ALLEGEDLY_TWO_CLAUSES, 2, "alleged", None),
        (ALLEGEDLY_TWO_CLAUSES, 8, "asserted", None),
        (ALLEGEDLY_SHARED_SUBJECT, 6, "alleged", None),
        (SUSPECTED_REBEL, 1, "asserted", None),
        (SUSPECTED_DOERS, 2, "suspected", None),
        (ACCORDING, 5, "reported", "police"),
        (DENIED_REPORTS, 6, "denied", "army"),
        (RESPONSIBILITY, 6, "claimed", "front"),
        (NESTED, 6, "reported", "Police"),
        (MISATTACHED_ADVERB, 1, "alleged", None),
        (RELATIVE_CLAUSE_CUE, 8, "asserted", None),
        (QUOTED, 3, "reported", None),
        (FIRST_PERSON, 1, "claimed", None),
    ],
    ids=[
        "frame-said", "allegedly-own-clause", "allegedly-no-leak-to-coordinate",
        "allegedly-shared-subject", "suspected-scopes-to-noun", "suspected-doers",
        "according-to", "denial-wins", "claimed-responsibility", "nested-outermost-speaker",
        "sentence-wide-fallback", "relative-clause-scopes-elsewhere", "quotation-marks",
        "first-person-doer",
    ],
)  # fmt: skip
def test_certainty_and_claimant(
    tokens: list[Tok], trigger: int, certainty: str, claimant: str | None
) -> None:
    result = one(tokens, trigger)
    assert result.attribution.certainty == certainty, result.reason
    if claimant is None:
        return
    assert result.attribution.claimant is not None, result.reason
    assert result.attribution.claimant.text == claimant


def test_nested_frames_name_the_inner_source() -> None:
    result = one(NESTED, 6)
    assert "witnesses" in result.reason


def test_claimant_comes_from_the_covering_mention() -> None:
    mention = Mention(
        0, 0, 1, Entity("Police", name="National Police", country="ABC"), "dictionary", "x"
    )
    result = resolve(build(POLICE_SAID), [candidate(3)], [mention])[0]
    assert result.attribution.claimant == mention.entity


FAILED_TO = [
    ("Rebels", 1, "nsubj", "NOUN", "rebel"),
    ("failed", 1, "ROOT", "VERB", "fail"),
    ("to", 3, "aux", "PART", "to"),
    ("bomb", 1, "xcomp", "VERB", "bomb"),
    ("the", 5, "det", "DET", "the"),
    ("bridge", 3, "dobj", "NOUN", "bridge"),
    (".", 1, "punct", "PUNCT", "."),
]
INVESTIGATE = [
    ("Police", 2, "nsubj", "NOUN", "police"),
    ("will", 2, "aux", "AUX", "will"),
    ("investigate", 2, "ROOT", "VERB", "investigate"),
    ("the", 4, "det", "DET", "the"),
    ("attack", 2, "dobj", "NOUN", "attack"),
    (".", 2, "punct", "PUNCT", "."),
]
CARRY_OUT = [
    ("Rebels", 2, "nsubj", "NOUN", "rebel"),
    ("will", 2, "aux", "AUX", "will"),
    ("carry", 2, "ROOT", "VERB", "carry"),
    ("out", 2, "prt", "ADP", "out"),
    ("an", 5, "det", "DET", "an"),
    ("attack", 2, "dobj", "NOUN", "attack"),
    (".", 2, "punct", "PUNCT", "."),
]
CONDITIONAL = [
    ("If", 2, "mark", "SCONJ", "if"),
    ("troops", 2, "nsubj", "NOUN", "troop"),
    ("attack", 6, "advcl", "VERB", "attack"),
    (",", 6, "punct", "PUNCT", ","),
    ("rebels", 6, "nsubj", "NOUN", "rebel"),
    ("will", 6, "aux", "AUX", "will"),
    ("respond", 6, "ROOT", "VERB", "respond"),
    (".", 6, "punct", "PUNCT", "."),
]
NOT_FIRE = [
    ("Soldiers", 3, "nsubj", "NOUN", "soldier"),
    ("did", 3, "aux", "AUX", "do"),
    ("not", 3, "neg", "PART", "not"),
    ("fire", 3, "ROOT", "VERB", "fire"),
    (".", 3, "punct", "PUNCT", "."),
]
THREATENED = [
    ("Rebels", 1, "nsubj", "NOUN", "rebel"),
    ("threatened", 1, "ROOT", "VERB", "threaten"),
    ("to", 3, "aux", "PART", "to"),
    ("attack", 1, "xcomp", "VERB", "attack"),
    (".", 1, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize(
    ("tokens", "trigger", "modality", "negated"),
    [
        (FAILED_TO, 3, "attempted", True),
        (INVESTIGATE, 4, "actual", False),
        (CARRY_OUT, 5, "planned", False),
        (CONDITIONAL, 6, "hypothetical", False),
        (CONDITIONAL, 2, "hypothetical", False),
        (NOT_FIRE, 3, "actual", True),
        (THREATENED, 3, "threatened", False),
        (POLICE_SAID, 3, "actual", False),
    ],
    ids=[
        "failed-to-not-accomplished", "other-verbs-stop-the-walk", "support-verb-passes",
        "consequent-is-hypothetical", "condition-is-hypothetical", "negation",
        "threatened-to", "plain",
    ],
)  # fmt: skip
def test_modality_and_negation(
    tokens: list[Tok], trigger: int, modality: str, negated: bool
) -> None:
    result = one(tokens, trigger)
    assert (result.attribution.modality, result.attribution.negated) == (modality, negated), (
        result.reason
    )


def test_failed_to_says_not_accomplished() -> None:
    assert "not accomplished" in one(FAILED_TO, 3).reason


# "The group bombed the embassy. The group blames the attacks on rivals."
COUNTER_CLAIM = [
    ("The", 1, "det", "DET", "the"),
    ("group", 2, "nsubj", "NOUN", "group"),
    ("bombed", 2, "ROOT", "VERB", "bomb"),
    ("the", 4, "det", "DET", "the"),
    ("embassy", 2, "dobj", "NOUN", "embassy"),
    (".", 2, "punct", "PUNCT", "."),
    ("The", 7, "det", "DET", "the"),
    ("group", 8, "nsubj", "NOUN", "group"),
    ("blames", 8, "ROOT", "VERB", "blame"),
    ("the", 10, "det", "DET", "the"),
    ("attacks", 8, "dobj", "NOUN", "attack"),
    ("on", 8, "prep", "ADP", "on"),
    ("rivals", 11, "pobj", "NOUN", "rival"),
    (".", 8, "punct", "PUNCT", "."),
]
# "A bomb exploded. Police blamed the attack on rebels."
THIRD_PARTY_BLAME = [
    ("A", 1, "det", "DET", "a"),
    ("bomb", 2, "nsubj", "NOUN", "bomb"),
    ("exploded", 2, "ROOT", "VERB", "explode"),
    (".", 2, "punct", "PUNCT", "."),
    ("Police", 5, "nsubj", "NOUN", "police"),
    ("blamed", 5, "ROOT", "VERB", "blame"),
    ("the", 7, "det", "DET", "the"),
    ("attack", 5, "dobj", "NOUN", "attack"),
    ("on", 5, "prep", "ADP", "on"),
    ("rebels", 8, "pobj", "NOUN", "rebel"),
    (".", 5, "punct", "PUNCT", "."),
]


def test_counter_claim_marks_the_attacks_disputed_and_keeps_their_certainty() -> None:
    group = Entity("group", name="The Group")
    first = Mention(0, 1, 2, group, "dictionary", "x")
    second = Mention(0, 7, 8, group, "dictionary", "x")
    bombed = candidate(2, actor=(first,))
    blames = candidate(8, plover="ACCUSE", cameo="112", actor=(second,), sentence_index=1)
    res_bombed, res_blames = resolve(build(COUNTER_CLAIM), [bombed, blames], [first, second])
    assert res_bombed.attribution.certainty == "asserted"
    assert "disputed: group blames the attacks on rivals" in res_bombed.reason
    assert res_blames.attribution.certainty == "reported"
    assert res_blames.attribution.claimant == group
    assert "counter-claim" in res_blames.reason


def test_third_party_blame_makes_the_earlier_attack_alleged() -> None:
    result = resolve(build(THIRD_PARTY_BLAME), [candidate(2)])[0]
    assert result.attribution.certainty == "alleged", result.reason
    assert result.attribution.claimant is not None
    assert result.attribution.claimant.text == "Police"
    assert "perpetrator" in result.reason and "disputed" not in result.reason


def test_one_result_per_candidate_in_order() -> None:
    doc = build(ALLEGEDLY_TWO_CLAUSES)
    cands = [candidate(8), candidate(2), candidate(8)]
    got = [r.attribution.certainty for r in resolve(doc, cands)]
    assert got == ["asserted", "alleged", "asserted"]


def test_candidate_outside_the_document_is_asserted() -> None:
    result = resolve(build(POLICE_SAID), [candidate(3, block=5)])[0]
    assert result.attribution.certainty == "asserted"
    assert result.reason


def test_candidate_negation_from_events_stage_is_kept() -> None:
    cand = candidate(3)
    cand = EventCandidate(**{**{f: getattr(cand, f) for f in cand.__slots__}, "negated": True})  # type: ignore[attr-defined]
    assert resolve(build(POLICE_SAID), [cand])[0].attribution.negated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Body.\n\nThis article was republished from Example Times. Share it.",
         "This article was republished from Example Times."),
        ("This article first appeared in The Daily Sample on Monday.",
         "This article first appeared in The Daily Sample on Monday."),
        ("Text here. Originally published by Sample Review.",
         "Originally published by Sample Review."),
        ("End. The views expressed in this article are the author's own.",
         "The views expressed in this article are the author's own."),
        ("Opinions expressed here are the author’s own and not ours.",
         "Opinions expressed here are the author’s own and not ours."),
        ("Rebels attacked the town. Police said five died.", None),
        ("", None),
    ],
)  # fmt: skip
def test_find_republication(text: str, expected: str | None) -> None:
    assert find_republication(text) == expected


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("say", {"says", "sayed", "saying"}),
        ("claim", {"claims", "claimed", "claiming"}),
        ("deny", {"denies", "denied", "denying"}),
        ("plan", {"plans", "planned", "planning"}),
        ("believe", {"believes", "believed", "believing"}),
    ],
)
def test_inflections(lemma: str, forms: set[str]) -> None:
    assert forms <= inflections(lemma)


def test_lexicon_reads_irregular_and_upper_case_forms() -> None:
    lex = load_lexicon()
    assert lex.frame_verbs["said"] == "report"
    assert lex.frame_verbs["denied"] == "deny"
    assert lex.hedge_adverbs["allegedly"] == "alleged"
    assert lex.modality_verbs["tried"] == "attempted"


def test_lexicon_rejects_unknown_classes() -> None:
    with pytest.raises(DictionaryError, match="unknown class"):
        _classed({"verbs": {"rumoured": ["whisper"]}}, "verbs", ("report",), "test.yaml")


_WORDS = ["said", "allegedly", "suspected", "claims", "not", "tried", "will", "if", "attack",
          "according", "to", "“", "”", "we", "blames", "attacks", "on", "responsibility", "for",
          "may", "denied", "the", "rebels", "police", "failed", "which", ",", "."]  # fmt: skip
_DEPS = ["nsubj", "dobj", "ccomp", "xcomp", "advmod", "aux", "neg", "amod", "prep", "pobj",
         "conj", "relcl", "advcl", "mark", "acl", "nsubjpass", "agent", "parataxis", "det",
         "punct", "compound", "poss", "appos", "pcomp"]  # fmt: skip
_POS = ["NOUN", "VERB", "ADV", "ADJ", "ADP", "PRON", "DET", "AUX", "PART", "PROPN", "PUNCT"]


@st.composite
def random_parse(draw: st.DrawFn) -> tuple[Doc, list[int]]:
    n = draw(st.integers(min_value=1, max_value=14))
    heads = [0] + [draw(st.integers(min_value=0, max_value=i - 1)) for i in range(1, n)]
    deps = ["ROOT"] + [draw(st.sampled_from(_DEPS)) for _ in range(1, n)]
    words = [draw(st.sampled_from(_WORDS)) for _ in range(n)]
    pos = [draw(st.sampled_from(_POS)) for _ in range(n)]
    triggers = draw(st.lists(st.integers(min_value=0, max_value=n - 1), min_size=1, max_size=4))
    return make_doc(words, heads=heads, deps=deps, pos=pos), triggers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_parse())
def test_resolve_never_raises(sample: tuple[Doc, list[int]]) -> None:
    doc, triggers = sample
    cands = [candidate(i, plover="ASSAULT" if i % 2 else "ACCUSE") for i in triggers]
    results = resolve(doc, cands)
    assert len(results) == len(cands)
    for r in results:
        assert r.attribution.certainty in CERTAINTIES
        assert r.attribution.modality in MODALITIES
        assert r.reason


@given(st.text(max_size=400))
def test_find_republication_never_raises(text: str) -> None:
    found = find_republication(text)
    assert found is None or isinstance(found, str)
