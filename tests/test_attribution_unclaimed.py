"""Negated claims of responsibility, on hand-built parses: which incident they name, and which
events they make 'suspected'."""

from __future__ import annotations

import pytest

from chronica.attribution.analysis import BlockContext
from chronica.attribution.lexicon import load_lexicon
from chronica.attribution.unclaimed import Unclaimed, find_unclaimed, mark_unclaimed
from chronica.ontology import Ontology
from chronica.records import Attribution, AttributionResult, Entity, EventCandidate, Mention
from tests.conftest import make_doc

pytestmark = pytest.mark.issue(6)

#: "No group has claimed responsibility for the attack ."
_NEGATED = (
    ["No", "group", "has", "claimed", "responsibility", "for", "the", "attack", "."],
    [1, 3, 3, 3, 3, 4, 7, 5, 3],
    ["det", "nsubj", "aux", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
    ["DET", "NOUN", "AUX", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
    ["no", "group", "have", "claim", "responsibility", "for", "the", "attack", "."],
)
#: "The front claimed responsibility for the bombing ."
_CLAIMED = (
    ["The", "front", "claimed", "responsibility", "for", "the", "bombing", "."],
    [1, 2, 2, 2, 3, 6, 4, 2],
    ["det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
    ["DET", "NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
    ["the", "front", "claim", "responsibility", "for", "the", "bombing", "."],
)


def _context(parse: tuple[list[str], list[int], list[str], list[str], list[str]]) -> BlockContext:
    words, heads, deps, pos, lemmas = parse
    return BlockContext.of(make_doc(words, heads, deps, pos, lemmas), [])


def test_negated_claim_names_its_incident() -> None:
    found = find_unclaimed({0: _context(_NEGATED)}, load_lexicon())
    assert found == [Unclaimed(cue="claimed", incident="attack")]


def test_a_claim_is_not_unclaimed() -> None:
    assert find_unclaimed({0: _context(_CLAIMED)}, load_lexicon()) == []


def _candidate(code: str, actor: tuple[Mention, ...] = ()) -> EventCandidate:
    return EventCandidate(
        block=1,
        sentence_index=1,
        trigger_start=0,
        trigger_end=1,
        event=Ontology.load().event_type(code, "bombed"),
        actor=actor,
        recipient=(),
        pattern_id="test",
        confidence=1.0,
        reason="hand-built",
    )


def _mention(entity: Entity) -> Mention:
    return Mention(block=1, start=0, end=1, entity=entity, kind="dictionary", reason="hand-built")


_ASSERTED = AttributionResult(Attribution(), "asserted: no frame")
_UNCLAIMED = [Unclaimed(cue="claimed", incident="attack")]


@pytest.mark.parametrize(
    ("code", "actor", "before", "after"),
    [
        ("183", (), "asserted", "suspected"),  # no doer
        ("183", (_mention(Entity(text="gunmen", sector="UAF")),), "asserted", "suspected"),
        ("183", (_mention(Entity(text="FMLN", id="chronica:fmln")),), "asserted", "asserted"),
        ("042", (), "asserted", "asserted"),  # not a violent event
        ("183", (), "alleged", "alleged"),  # an accusation stands
    ],
)
def test_mark_unclaimed(code: str, actor: tuple[Mention, ...], before: str, after: str) -> None:
    result = AttributionResult(Attribution(certainty=before), "text alone")  # type: ignore[arg-type]
    marked = mark_unclaimed(_candidate(code, actor), "bombed", result, _UNCLAIMED, load_lexicon())
    assert marked.attribution.certainty == after
    if after != before:
        assert marked.attribution.cue == "claimed"
        assert "nobody has claimed" in marked.reason


def test_other_incident_is_untouched() -> None:
    kidnapping = [Unclaimed(cue="claimed", incident="kidnapping")]
    marked = mark_unclaimed(_candidate("183"), "bombed", _ASSERTED, kidnapping, load_lexicon())
    assert marked is _ASSERTED
