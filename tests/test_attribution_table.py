"""Regression table for the attribution stage: sentences written for chronica, parsed by the
real pipeline, with an event candidate placed on the trigger word (so the table does not depend
on the events stage's coverage). Known failures are marked xfail with the reason.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language

from chronica.attribution import Attributor
from chronica.config import Settings
from chronica.nlp import parse
from chronica.ontology import Ontology
from chronica.records import AttributionResult, Document, EventCandidate

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]


class Row(NamedTuple):
    text: str
    trigger: str  # the trigger word; "word@2" for its second occurrence
    certainty: str
    modality: str = "actual"
    negated: bool = False
    claimant: str | None = None  # a substring of the claimant's text, when one is expected


R = Row
ASSERTED = [
    R("Rebels attacked an army post near the border on Tuesday.", "attacked", "asserted"),
    R("Soldiers shelled the village before dawn.", "shelled", "asserted"),
    R("The militia kidnapped two aid workers in the north.", "kidnapped", "asserted"),
    R("A car bomb exploded outside the ministry, killing four guards.", "exploded", "asserted"),
    R("Protesters marched through the capital demanding new elections.", "marched", "asserted"),
    R("The president met the visiting foreign minister in the palace.", "met", "asserted"),
    R("Gunmen ambushed a police convoy on the highway.", "ambushed", "asserted"),
    R("The air force bombed rebel positions in the hills.", "bombed", "asserted"),
    R("Insurgents burned the town hall and looted shops.", "burned", "asserted"),
    R("Insurgents burned the town hall and looted shops.", "looted", "asserted"),
    R("The government imposed sanctions on three companies.", "imposed", "asserted"),
    R("Troops fired on demonstrators in the main square.", "fired", "asserted"),
    R("The attack on the convoy left six soldiers dead.", "attack", "asserted"),
    R("Security forces arrested a suspected rebel in the market.", "arrested", "asserted"),
    R(
        "After rebels attacked the town, the army said it would send troops.",
        "attacked",
        "asserted",
    ),
    R("The minister, who said little, visited the wounded in hospital.", "visited", "asserted"),
    R("Police investigated the bombing of the bank.", "investigated", "asserted"),
    R("The army retook the city after weeks of fighting.", "retook", "asserted"),
    R("Farmers blocked the road with tractors to protest the tax.", "blocked", "asserted"),
    R("The two leaders signed a ceasefire agreement in Geneva.", "signed", "asserted"),
    R("Unknown assailants shot a judge outside his home.", "shot", "asserted"),
    R(
        "The group was founded in 1970 and carried out bombings in the capital.",
        "bombings",
        "asserted",
    ),
    R("The mayor repudiated the rebels for their attacks on the town.", "attacks", "asserted"),
    R(
        "While the media focus on peaceful rallies of the exiles in Paris, the government claims "
        "that the group is preparing violence.",
        "rallies",
        "asserted",
    ),
    R(
        "Eight soldiers charged with the killing of six priests were arrested on Monday.",
        "arrested",
        "asserted",
    ),
    R(
        "The media may be focusing on peaceful gatherings of exiles in France.",
        "gatherings",
        "asserted",
    ),
]
REPORTED = [
    R(
        "Police said rebels attacked the village overnight.",
        "attacked",
        "reported",
        claimant="Police",
    ),
    R(
        "Police said rebels attacked the village and burned houses.",
        "burned",
        "reported",
        claimant="Police",
    ),
    R(
        "According to the army, guerrillas kidnapped five farmers.",
        "kidnapped",
        "reported",
        claimant="army",
    ),
    R(
        "Guerrillas kidnapped five farmers, according to the army.",
        "kidnapped",
        "reported",
        claimant="army",
    ),
    R(
        "State media reported that troops killed twelve militants.",
        "killed",
        "reported",
        claimant="media",
    ),
    R(
        "The governor told reporters that gunmen had stormed the prison.",
        "stormed",
        "reported",
        claimant="governor",
    ),
    R(
        "Witnesses said soldiers beat the protesters with batons.",
        "beat",
        "reported",
        claimant="Witnesses",
    ),
    R(
        "The ministry announced that its forces had arrested the cell leader.",
        "arrested",
        "claimed",
        claimant="ministry",
    ),
    R(
        "In a statement, the embassy said a mob attacked its gates.",
        "attacked",
        "reported",
        claimant="embassy",
    ),
    R(
        "Officials confirmed that a drone struck a convoy near the town.",
        "struck",
        "reported",
        claimant="Officials",
    ),
    R(
        "The agency reported that the militia shelled the port.",
        "shelled",
        "reported",
        claimant="agency",
    ),
    R(
        "Residents told the newspaper that police raided the mosque at night.",
        "raided",
        "reported",
        claimant="Residents",
    ),
    R(
        "The mayor stated that protesters set fire to the council building.",
        "set",
        "reported",
        claimant="mayor",
    ),
    R(
        "A spokesman for the army said insurgents ambushed a patrol.",
        "ambushed",
        "reported",
        claimant="spokesman",
    ),
    R("Local radio reported that bandits robbed the bus.", "robbed", "reported", claimant="radio"),
    R(
        "The army's statement said rebels had shelled the base.",
        "shelled",
        "reported",
        claimant="army",
    ),
    R(
        "Rebels, police said, attacked the village overnight.",
        "attacked",
        "reported",
        claimant="police",
    ),
    R(
        "Rebels attacked the village overnight, police said.",
        "attacked",
        "reported",
        claimant="police",
    ),
    R(
        "The opposition said that troops fired on the crowd and that dozens were hurt.",
        "fired",
        "reported",
        claimant="opposition",
    ),
    R(
        "Doctors reported that soldiers detained several nurses.",
        "detained",
        "reported",
        claimant="Doctors",
    ),
    R(
        "The newspaper wrote that the minister met rebel envoys in secret.",
        "met",
        "reported",
        claimant="newspaper",
    ),
    R(
        "The police chief explained that officers fired warning shots.",
        "fired",
        "claimed",
        claimant="chief",
    ),
]
CLAIMED = [
    R(
        "The front claimed responsibility for the bombing of the bridge.",
        "bombing",
        "claimed",
        claimant="front",
    ),
    R("The group said it attacked the barracks.", "attacked", "claimed", claimant="group"),
    R("The rebels claimed to have shot down a helicopter.", "shot", "claimed", claimant="rebels"),
    R(
        "The militia admitted that it had kidnapped the engineers.",
        "kidnapped",
        "claimed",
        claimant="militia",
    ),
    R("We attacked the barracks and captured weapons.", "attacked", "claimed"),
    R(
        "The movement took responsibility for the killing of the mayor.",
        "killing",
        "claimed",
        claimant="movement",
    ),
    R(
        "The army said its troops killed ten insurgents in the valley.",
        "killed",
        "claimed",
        claimant="army",
    ),
    R(
        "The insurgents boasted that they had destroyed three tanks.",
        "destroyed",
        "claimed",
        claimant="insurgents",
    ),
    R(
        "The faction accepted responsibility for the assassination of the judge.",
        "assassination",
        "claimed",
        claimant="faction",
    ),
    R(
        "The guerrillas announced that they blew up the power line.",
        "blew",
        "claimed",
        claimant="guerrillas",
    ),
    R(
        "The commander said his men had ambushed the convoy.",
        "ambushed",
        "claimed",
        claimant="commander",
    ),
    R(
        "In a communique, the front claimed the attack on the police station.",
        "attack",
        "claimed",
        claimant="front",
    ),
    R("The movement claims it has freed the hostages.", "freed", "claimed", claimant="movement"),
    R(
        "The police said they arrested the suspects at dawn.",
        "arrested",
        "claimed",
        claimant="police",
    ),
    R(
        "The group admitted responsibility for the explosion at the depot.",
        "explosion",
        "claimed",
        claimant="group",
    ),
    R(
        "The bombing, for which the group claimed responsibility, destroyed the bridge.",
        "bombing",
        "claimed",
        claimant="group",
    ),
]
ALLEGED = [
    R("The prosecutors alleged that she had committed the murder.", "committed", "alleged"),
    R("The prosecutors alleged that he had planted the bomb.", "planted", "alleged"),
    R("Rebels allegedly attacked the base.", "attacked", "alleged"),
    R(
        "Guerrillas allegedly kidnapped five peasants, according to the army.",
        "kidnapped",
        "alleged",
        claimant="army",
    ),
    R(
        "Police accused the militia of attacking the checkpoint.",
        "attacking",
        "alleged",
        claimant="Police",
    ),
    R(
        "The government accused the opposition of bombing the rail line.",
        "bombing",
        "alleged",
        claimant="government",
    ),
    R(
        "The opposition says the army killed the activists.",
        "killed",
        "alleged",
        claimant="opposition",
    ),
    R(
        "The ministry claims the rebels shelled the hospital.",
        "shelled",
        "alleged",
        claimant="ministry",
    ),
    R(
        "Activists alleged that the police tortured the detainees.",
        "tortured",
        "alleged",
        claimant="Activists",
    ),
    R("The alleged attack on the embassy caused an uproar.", "attack", "alleged"),
    R("The information was allegedly given to the group by a foreign agency.", "given", "alleged"),
    R(
        "Officials blamed the insurgents for the bombing.",
        "bombing",
        "alleged",
        claimant="Officials",
    ),
    R("The bombing was blamed on a splinter faction.", "bombing", "alleged"),
    R("Rebels are accused of burning the village.", "burning", "alleged"),
    R(
        "The opposition insisted that soldiers fired first.",
        "fired",
        "alleged",
        claimant="opposition",
    ),
    R(
        "The army charged that the guerrillas executed the prisoners.",
        "executed",
        "alleged",
        claimant="army",
    ),
    R(
        "The government claims several cells of the group were preparing to attack the capital.",
        "attack",
        "alleged",
        "planned",
        claimant="government",
    ),
    R(
        "Human rights groups allege that troops raped villagers.",
        "raped",
        "alleged",
        claimant="groups",
    ),
    R("The rebels were allegedly armed by a neighbouring state.", "armed", "alleged"),
    R(
        "Villagers said the soldiers allegedly looted their homes.",
        "looted",
        "alleged",
        claimant="Villagers",
    ),
    R(
        "The prosecutor said the officers were responsible for the massacre.",
        "massacre",
        "alleged",
        claimant="prosecutor",
    ),
    R("The militia is held responsible for the killings in the valley.", "killings", "alleged"),
    R("The attack was attributed to a local gang.", "attack", "alleged"),
    R("The general allegedly ordered troops to fire on the crowd.", "fire", "alleged", "planned"),
]
SUSPECTED = [
    R("The group is suspected of carrying out the bombing.", "bombing", "suspected"),
    R(
        "The group is suspected to be behind the assassinations of two scientists.",
        "assassinations",
        "suspected",
    ),
    R(
        "The militia is believed to be behind the kidnapping of the engineers.",
        "kidnapping",
        "suspected",
    ),
    R("Police suspect that the gang robbed the bank.", "robbed", "suspected", claimant="Police"),
    R("Suspected rebels attacked a bus on the highway.", "attacked", "suspected"),
    R("The suspected bombing killed three people.", "bombing", "suspected"),
    R("The attack was presumably carried out by the militia.", "attack", "suspected"),
    R("Insurgents probably planted the mine.", "planted", "suspected"),
    R("The army likely shelled the camp overnight.", "shelled", "suspected"),
    R(
        "Investigators believe the cartel killed the journalist.",
        "killed",
        "suspected",
        claimant="Investigators",
    ),
    R("The group apparently kidnapped the engineers.", "kidnapped", "suspected"),
    R(
        "The apparent assassination of the governor shocked the region.",
        "assassination",
        "suspected",
    ),
    R("Officials fear that militants seized the dam.", "seized", "suspected", claimant="Officials"),
    R("The men are thought to have attacked the convoy.", "attacked", "suspected"),
    R("Analysts think the navy fired the missile.", "fired", "suspected", claimant="Analysts"),
    R(
        "Gunmen bombed the bus station at dawn. No group has claimed responsibility for the "
        "attack.",
        "bombed",
        "suspected",
    ),
    R(
        "So far nobody has claimed responsibility for the kidnapping of the engineer, which took "
        "place on Monday.",
        "kidnapping",
        "suspected",
    ),
]
POSSIBLE = [
    R("Rebels may have planted the bomb.", "planted", "possible"),
    R("The militia might have kidnapped the journalist.", "kidnapped", "possible"),
    R("Government agents could have killed the activist.", "killed", "possible"),
    R("The army possibly shelled the village.", "shelled", "possible"),
    R("Perhaps the gang robbed the convoy.", "robbed", "possible"),
    R("The fire may have been set by arsonists.", "set", "possible"),
    R("A possible attack on the pipeline is under investigation.", "attack", "possible"),
    R(
        "Police doubt that the rebels attacked the station.",
        "attacked",
        "possible",
        claimant="Police",
    ),
    R("Maybe the soldiers looted the shops.", "looted", "possible"),
    R("Foreign agents may have assassinated the scientist.", "assassinated", "possible"),
    R(
        "Exiled militants might be involved in the kidnapping of the businessman.",
        "kidnapping",
        "possible",
    ),
]
DENIED = [
    R("The army denied that soldiers killed the farmers.", "killed", "denied", claimant="army"),
    R("The group denied attacking the base.", "attacking", "denied", claimant="group"),
    R(
        "The militia denied responsibility for the bombing.",
        "bombing",
        "denied",
        claimant="militia",
    ),
    R(
        "The government rejected accusations that police tortured detainees.",
        "tortured",
        "denied",
        claimant="government",
    ),
    R(
        "The rebels refuted claims that they executed prisoners.",
        "executed",
        "denied",
        claimant="rebels",
    ),
    R(
        "The ministry dismissed reports that troops shelled the town.",
        "shelled",
        "denied",
        claimant="ministry",
    ),
    R("Police said the gang denied robbing the bank.", "robbing", "denied", claimant="Police"),
    R("The embassy denied that its staff met the rebels.", "met", "denied", claimant="embassy"),
    R(
        "The commander disputed that his unit burned the houses.",
        "burned",
        "denied",
        claimant="commander",
    ),
    R(
        "The party denies that its members attacked the journalists.",
        "attacked",
        "denied",
        claimant="party",
    ),
    R(
        "The rebels said they did not attack the town.",
        "attack",
        "claimed",
        negated=True,
        claimant="rebels",
    ),
]
ATTEMPTED = [
    R("The rebels tried to kill the mayor.", "kill", "asserted", "attempted"),
    R("The group attempted a kidnapping of the ambassador.", "kidnapping", "asserted", "attempted"),
    R("Gunmen attempted to storm the prison.", "storm", "asserted", "attempted"),
    R("The rebels failed to bomb the bridge.", "bomb", "asserted", "attempted", True),
    R("Police foiled an attack on the airport.", "attack", "asserted", "attempted", True),
    R("An assassination attempt on the minister failed.", "assassination", "asserted", "attempted"),
    R("The attempted coup was crushed within hours.", "coup", "asserted", "attempted"),
    R("Troops thwarted a raid on the armoury.", "raid", "asserted", "attempted", True),
    R("The militants sought to seize the airport.", "seize", "asserted", "attempted"),
    R("A failed bombing at the station caused panic.", "bombing", "asserted", "attempted", True),
    R("The group tried to carry out an attack on the embassy.", "attack", "asserted", "attempted"),
    R(
        "The group attempted an assassination of a general.",
        "assassination",
        "asserted",
        "attempted",
    ),
]
PLANNED = [
    R("The union plans to strike next week.", "strike", "asserted", "planned"),
    R("The army will attack the city at dawn.", "attack", "asserted", "planned"),
    R("The rebels intend to blockade the port.", "blockade", "asserted", "planned"),
    R("Protesters are set to march on parliament on Friday.", "march", "asserted", "planned"),
    R("The government is preparing to expel the diplomats.", "expel", "asserted", "planned"),
    R("The group plotted to assassinate the president.", "assassinate", "asserted", "planned"),
    R("The ministers will meet in Brussels next month.", "meet", "asserted", "planned"),
    R("Police uncovered a plot to bomb the parliament.", "bomb", "asserted", "planned"),
    R(
        "The rebels said they would attack the capital.",
        "attack",
        "claimed",
        "planned",
        claimant="rebels",
    ),
    R("The planned protest was banned by the city.", "protest", "asserted", "planned"),
    R("The president decided to deploy troops to the border.", "deploy", "asserted", "planned"),
    R("The two sides aim to sign a truce before winter.", "sign", "asserted", "planned"),
]
THREATENED = [
    R("The militia threatened to attack the town.", "attack", "asserted", "threatened"),
    R("The rebels vowed to kill the hostages.", "kill", "asserted", "threatened"),
    R("The government threatened to expel the ambassador.", "expel", "asserted", "threatened"),
    R("The group warned that it would bomb the pipeline.", "bomb", "asserted", "threatened"),
    R("Strikers threatened a blockade of the port.", "blockade", "asserted", "threatened"),
    R("The cartel threatened to kidnap the mayor's children.", "kidnap", "asserted", "threatened"),
    R("The threat of attacks kept shops closed.", "attacks", "asserted", "threatened"),
    R(
        "The president threatened sanctions against the neighbour.",
        "sanctions",
        "asserted",
        "threatened",
    ),
]
HYPOTHETICAL = [
    R("If the army attacked, the rebels would retaliate.", "retaliate", "asserted", "hypothetical"),
    R("If talks fail, the union will strike.", "strike", "asserted", "hypothetical"),
    R(
        "The rebels would attack the city if the talks collapsed.",
        "attack",
        "asserted",
        "hypothetical",
    ),
    R(
        "If troops cross the border, the neighbour would respond with force.",
        "respond",
        "asserted",
        "hypothetical",
    ),
    R("If protesters storm the building, police would fire.", "fire", "asserted", "hypothetical"),
    R(
        "Unless the government resigns, the opposition will boycott the vote.",
        "boycott",
        "asserted",
        "hypothetical",
    ),
]
NEGATED = [
    R("Soldiers did not fire on the crowd.", "fire", "asserted", negated=True),
    R("The rebels never attacked the village.", "attacked", "asserted", negated=True),
    R("No attack took place in the capital.", "attack", "asserted", negated=True),
    R("The army did not carry out the raid.", "raid", "asserted", negated=True),
    R("The police refused to arrest the protesters.", "arrest", "asserted", negated=True),
    R("The government has not imposed sanctions.", "imposed", "asserted", negated=True),
    R(
        "The group said it did not kidnap the engineers.",
        "kidnap",
        "claimed",
        negated=True,
        claimant="group",
    ),
    R(
        "Officials said troops did not shoot anyone.",
        "shoot",
        "reported",
        negated=True,
        claimant="Officials",
    ),
    R("The rebels withdrew without firing a shot.", "firing", "asserted", negated=True),
    R("The two leaders did not meet during the summit.", "meet", "asserted", negated=True),
]
NESTED_AND_SCOPE = [
    R(
        "Police said witnesses told them that gunmen attacked the bus.",
        "attacked",
        "reported",
        claimant="Police",
    ),
    R(
        "The ministry said the rebels admitted that they bombed the bridge.",
        "bombed",
        "claimed",
        claimant="ministry",
    ),
    R("Rebels allegedly attacked the base, and the army bombed their camp.", "bombed", "asserted"),
    R("Rebels allegedly attacked the base and burned the barracks.", "burned", "alleged"),
    R("Police arrested a suspected rebel, and soldiers raided the house.", "raided", "asserted"),
    R(
        "The army said rebels attacked the base, but the rebels denied it.",
        "attacked",
        "reported",
        claimant="army",
    ),
    R(
        "The group, which allegedly receives money from abroad, attacked the base.",
        "attacked",
        "asserted",
    ),
    R(
        "The attack, which police say the gang carried out, killed three people.",
        "killed",
        "asserted",
    ),
    R("The group, which claims to be peaceful, attacked the embassy.", "attacked", "asserted"),
    R(
        "Officials said troops may have fired on the crowd.",
        "fired",
        "possible",
        claimant="Officials",
    ),
    R(
        "The rebels said they allegedly were attacked by soldiers.",
        "attacked",
        "alleged",
        claimant="rebels",
    ),
    R("The army denied reports that it shelled the town.", "shelled", "denied", claimant="army"),
    R(
        "According to the report, officials said that police beat the students.",
        "beat",
        "reported",
        claimant="report",
    ),
    R(
        "Police said the militia, which had attacked the town, was retreating.",
        "attacked",
        "reported",
        claimant="Police",
    ),
    R(
        "The rebels attacked the town while the army, allegedly, looted the market.",
        "attacked",
        "asserted",
    ),
    R("While the army said it was pulling out, rebels shelled the city.", "shelled", "asserted"),
    R(
        "Reports that the army shelled the town were confirmed by the ministry.",
        "shelled",
        "reported",
    ),
    R("The militia, suspected of many killings, attacked the village.", "attacked", "suspected"),
    R(
        "The suspected militants were arrested after they attacked the checkpoint.",
        "arrested",
        "asserted",
    ),
    R(
        "The minister claims to have met the rebels in secret.",
        "met",
        "claimed",
        claimant="minister",
    ),
    R(
        "Colonel Vargas said he agrees with the decision to prosecute the soldiers.",
        "prosecute",
        "reported",
        claimant="Vargas",
    ),
]
QUOTED = [
    R(
        "“We will bomb the capital,” the commander said.",
        "bomb",
        "claimed",
        "planned",
        claimant="commander",
    ),
    R(
        "“The army shelled our village for three days,” a farmer said.",
        "shelled",
        "reported",
        claimant="farmer",
    ),
    R(
        "The spokesman said: “Our forces attacked the enemy positions at dawn.”",
        "attacked",
        "claimed",
        claimant="spokesman",
    ),
    R(
        "“Soldiers burned the houses and killed the cattle,” he told reporters.",
        "burned",
        "reported",
    ),
    R(
        "“The police beat my son in front of the school,” the mother said.",
        "beat",
        "reported",
        claimant="mother",
    ),
    R("“We kidnapped the engineer to get the money,” a militant admitted.", "kidnapped", "claimed"),
    R("In the video, the leader says: “We attacked the base.”", "attacked", "claimed"),
    R(
        "“Troops fired into the crowd without warning,” witnesses said.",
        "fired",
        "reported",
        claimant="witnesses",
    ),
]
#: Who the article blames (issue 6, third round): an accusation elsewhere in the article
#: reaches an act whose doer the text leaves unknown; negated accusations and idioms do not.
BLAMED = [
    R("A bomb exploded outside the bank. Police attributed the attack to the cartel.",
      "exploded", "alleged", claimant="Police"),
    R("Two judges were shot in the capital. It was an action attributed to the cartel.", "shot",
      "alleged"),
    R("A journalist was murdered on Monday. We blame the regime, its ministers and its allies "
      "for this murder.", "murdered", "alleged"),
    R("A bomb exploded outside the bank. We hold the colonel responsible for this action.",
      "exploded", "alleged"),
    R("A BOMB EXPLODED OUTSIDE THE BANK. THE POLICE ATTRIBUTED THE ATTACK TO THE CARTEL.",
      "EXPLODED", "alleged"),
    R("A JUDGE WAS SHOT IN THE CAPITAL. WE BLAME THE REGIME AND ITS ALLIES FOR THIS CRIME.",
      "SHOT", "alleged"),
    R("A bomb exploded outside the bank. Police did not blame the cartel for the attack.",
      "exploded", "asserted"),
    R("A bomb exploded outside the bank. The colonel in charge of the operation said nothing.",
      "exploded", "asserted"),
    R("A bomb exploded outside the bank. Police accused the mayor of fraud.", "exploded",
      "asserted"),
]  # fmt: skip
TABLE = (
    ASSERTED + REPORTED + CLAIMED + ALLEGED + SUSPECTED + POSSIBLE + DENIED + ATTEMPTED
    + PLANNED + THREATENED + HYPOTHETICAL + NEGATED + NESTED_AND_SCOPE + QUOTED + BLAMED
)  # fmt: skip

TABLE_TEXT_CHIEF = "The police chief explained that officers fired warning shots."
TABLE_TEXT_MARCH = "Protesters are set to march on parliament on Friday."
TABLE_TEXT_PLOT = "Police uncovered a plot to bomb the parliament."

#: Rows the current rules get wrong: kept as a regression net, each with the reason.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    (TABLE_TEXT_CHIEF, "fired"): "needs organisation membership (his officers) from actors",
    (TABLE_TEXT_MARCH, "march"): "the parser reads 'march' as a proper noun after 'to'",
    (TABLE_TEXT_PLOT, "bomb"): "the parser attaches 'to bomb' to 'uncovered', not to 'plot'",
}


def _candidate(doc_index: int, parsed_blocks: tuple, trigger: str) -> EventCandidate:  # type: ignore[type-arg]
    word, _, nth = trigger.partition("@")
    want = int(nth or 1)
    seen = 0
    for block in parsed_blocks:
        for tok in block.doc:
            if tok.text == word:
                seen += 1
                if seen == want:
                    return EventCandidate(
                        block=block.index,
                        sentence_index=block.sentence_index(tok.sent),
                        trigger_start=tok.i,
                        trigger_end=tok.i + 1,
                        event=Ontology.load().event_type("190", tok.text),
                        actor=(),
                        recipient=(),
                        pattern_id="table",
                        confidence=1.0,
                        reason="placed on the trigger word by the test table",
                    )
    raise AssertionError(f"trigger {trigger!r} not found in row {doc_index}")


def _resolve(nlp: Language, row: Row, index: int) -> AttributionResult:
    parsed = next(parse(nlp, [Document(id=f"row-{index}", text=row.text)]))
    cand = _candidate(index, parsed.blocks, row.trigger)
    return Attributor.from_settings(Settings()).resolve(parsed, [cand], [])[0]


def _params() -> list[object]:
    out: list[object] = []
    for i, row in enumerate(TABLE):
        reason = KNOWN_FAILURES.get((row.text, row.trigger))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(i, row, marks=marks, id=f"{i:03d}-{row.certainty}-{row.trigger}"))
    return out


def test_table_has_enough_rows() -> None:
    assert len(TABLE) >= 150
    assert {r.certainty for r in TABLE} >= {
        "asserted", "reported", "claimed", "alleged", "suspected", "possible", "denied",
    }  # fmt: skip
    assert {r.modality for r in TABLE} >= {
        "actual",
        "attempted",
        "planned",
        "threatened",
        "hypothetical",
    }


@pytest.mark.parametrize(("index", "row"), _params())
def test_attribution_table(nlp: Language, index: int, row: Row) -> None:
    result = _resolve(nlp, row, index)
    att = result.attribution
    got = (att.certainty, att.modality, att.negated)
    assert got == (row.certainty, row.modality, row.negated), result.reason
    if row.claimant is not None:
        assert att.claimant is not None, result.reason
        assert row.claimant.lower() in att.claimant.text.lower(), result.reason
    assert result.reason
