"""Perpetrator certainty on sentences parsed by the real pipeline (issue 6): frames the tagger
misreads, open questions, "according to" on another clause, participles on an object, the
speaker's own forces, authorities named by a title, denials of something else, and feared
acts. Actor mentions are placed by hand on the named words, with the sector given."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language

from chronica.attribution import Attributor
from chronica.config import Settings
from chronica.nlp import parse
from chronica.ontology import Ontology
from chronica.records import AttributionResult, Document, Entity, EventCandidate, Mention

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]


class Case(NamedTuple):
    text: str
    trigger: str
    certainty: str
    actors: tuple[tuple[str, str], ...] = ()  # (word, sector): mentions; the first is the doer


C = Case
CASES = [
    # A reporting verb that takes a clause is a verb, even when tagged as a noun.
    C("OFFICIAL SOURCES ADDED THAT TWO MEN WERE MURDERED BY FMLN UNITS.", "MURDERED",
      "alleged", (("FMLN", "REB"), ("OFFICIAL", "GOV"))),
    # Open questions and unconfirmed frames.
    C("It is not known whether rebels attacked the convoy.", "attacked", "possible"),
    C("If it is confirmed that the rebels attacked the convoy, talks will stop.", "attacked",
      "possible"),
    C("Police did not confirm that rebels attacked the convoy.", "attacked", "possible"),
    C("There was no word on whether the attack was carried out by rebels.", "attack",
      "possible"),
    # "According to" on a participle clause still reaches the main event.
    C("Rebels attacked the palace with mortars, causing damage, according to official reports.",
      "attacked", "alleged", (("Rebels", "REB"), ("official", "GOV"))),
    C("Rebels attacked the palace, according to the police.", "attacked", "alleged",
      (("Rebels", "REB"), ("police", "COP"))),
    C("Rebels attacked the palace, according to witnesses.", "attacked", "reported",
      (("Rebels", "REB"),)),
    # A participle on an object qualifies that noun only.
    C("Police arrested ten people suspected of planting the bomb.", "arrested", "asserted"),
    C("Troops detained a man accused of the killings.", "detained", "asserted"),
    # ... but a participle on an incident noun qualifies the event itself.
    C("In a new action attributed to the cartel, a bomb destroyed a school.", "destroyed",
      "alleged"),
    # The speaker's own forces: an admission.
    C("The army said that soldiers fired on the car.", "fired", "claimed",
      (("soldiers", "MIL"), ("army", "MIL"))),
    C("The police said officers shot the suspect.", "shot", "claimed",
      (("officers", "COP"), ("police", "COP"))),
    C("The army said that rebels fired on the car.", "fired", "alleged",
      (("rebels", "REB"), ("army", "MIL"))),
    # A speaker named by a title or an apposition.
    C("Colonel Mendez, commander of the brigade, said guerrillas attacked two towns.",
      "attacked", "alleged", (("guerrillas", "REB"), ("commander", "MIL"))),
    # A denial of a link to the event is no denial of the event.
    C("The minister denied that the trip was linked to the assassination.", "assassination",
      "asserted"),
    C("The group denied that it carried out the assassination.", "assassination", "denied"),
    # Feared acts are future acts; a feared proposition is a suspicion.
    C("Police were mobilized, fearing new attacks.", "attacks", "asserted"),
    C("Police fear that rebels killed the hostages.", "killed", "suspected"),
    # A hedge on the main clause does not reach into a participle on one of its nouns.
    C("Under rules adopted after the wave of violence, the man could be extradited.",
      "violence", "asserted"),
    # "Maintain" with an object keeps something going; with a clause it alleges.
    C("The battalion maintained the operation after the attack.", "attack", "asserted"),
    C("The battalion maintained that rebels attacked the post.", "attacked", "alleged"),
    # A suspicion about planned attacks says nothing of who set off this bomb.
    C("Police suspect the front will launch attacks on the capital. A bomb exploded at a bank.",
      "exploded", "asserted"),
    # "The possibility that": a merely possible doer.
    C("We must study the possibility that the front staged the killing.", "staged", "possible"),
]  # fmt: skip


def _mentions(parsed_doc: object, case: Case) -> tuple[Mention, ...]:
    out: list[Mention] = []
    doc = parsed_doc
    for word, sector in case.actors:
        tok = next(t for t in doc if t.text == word)  # type: ignore[attr-defined]
        out.append(Mention(0, tok.i, tok.i + 1, Entity(word, sector=sector), "dictionary", "x"))
    return tuple(out)


def _resolve(nlp: Language, case: Case, index: int) -> AttributionResult:
    parsed = next(parse(nlp, [Document(id=f"case-{index}", text=case.text)]))
    block = parsed.blocks[0]
    mentions = _mentions(block.doc, case)
    tok = next(t for t in block.doc if t.text == case.trigger)
    cand = EventCandidate(
        block=0,
        sentence_index=block.sentence_index(tok.sent),
        trigger_start=tok.i,
        trigger_end=tok.i + 1,
        event=Ontology.load().event_type("190", tok.text, plover="ASSAULT"),
        actor=mentions[:1],
        recipient=(),
        pattern_id="test",
        confidence=1.0,
        reason="placed on the trigger word by the test",
    )
    return Attributor.from_settings(Settings()).resolve(parsed, [cand], mentions)[0]


@pytest.mark.parametrize(
    ("index", "case"),
    [pytest.param(i, c, id=f"{i:02d}-{c.certainty}-{c.trigger}") for i, c in enumerate(CASES)],
)
def test_certainty_on_parsed_sentences(nlp: Language, index: int, case: Case) -> None:
    result = _resolve(nlp, case, index)
    assert result.attribution.certainty == case.certainty, result.reason
    assert result.reason
