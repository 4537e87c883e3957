"""The event matcher through the real spaCy pipeline, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from chronica.config import Settings
from chronica.events import EventMatcher
from chronica.nlp import ParsedDocument, parse
from chronica.records import Document, Entity, EventCandidate, Mention


def _ner_mentions(parsed: ParsedDocument) -> list[Mention]:
    return [
        Mention(b.index, e.start, e.end, Entity(text=e.text, name=e.text), "dictionary", "NER")
        for b in parsed.blocks
        for e in b.doc.ents
        if e.label_ in ("GPE", "NORP", "ORG", "PERSON")
    ]


def _code(nlp: Language, matcher: EventMatcher, text: str) -> list[EventCandidate]:
    (parsed,) = parse(nlp, [Document(id="t", text=text)])
    return matcher.find(parsed, _ner_mentions(parsed))


def _main(cands: list[EventCandidate]) -> EventCandidate:
    assert cands, "no event"
    return max(cands, key=lambda c: c.confidence)


TABLE = [
    # AGREE
    ("Ukraine and Poland agreed to share border intelligence.", "AGREE"),
    ("The rebels pledged to release all prisoners by Friday.", "AGREE"),
    ("Peru offered to mediate between the two neighbours.", "AGREE"),
    ("Colombia will allow observers into the disputed region.", "AGREE"),
    # CONSULT
    ("The Turkish president visited Baghdad on Monday.", "CONSULT"),
    ("Kenya hosted Ethiopian negotiators in Nairobi.", "CONSULT"),
    ("Japanese and Korean diplomats held talks in Seoul.", "CONSULT"),
    ("The foreign minister telephoned his Egyptian counterpart.", "CONSULT"),
    # SUPPORT
    ("Brazil praised the ceasefire agreement.", "SUPPORT"),
    ("Norway apologized to Chile for the remarks.", "SUPPORT"),
    ("Egypt recognized the new government in Tripoli.", "SUPPORT"),
    # CONCEDE
    ("The prime minister resigned after weeks of protests.", "CONCEDE"),
    ("The junta announced it would hold elections in March.", "AGREE"),
    # COOPERATE
    ("Poland and Lithuania held joint military exercises near the border.", "COOPERATE"),
    ("Spain extradited the suspect to Morocco.", "COOPERATE"),
    # AID
    ("Germany sent humanitarian aid to flood victims in Pakistan.", "AID"),
    ("Sweden granted asylum to the dissident journalist.", "AID"),
    ("The United States provided military training to Ukrainian forces.", "AID"),
    # RETREAT
    ("The militia released twelve hostages on Sunday.", "RETREAT"),
    ("Government troops withdrew from the northern town.", "RETREAT"),
    ("The two factions declared a ceasefire in the capital.", "RETREAT"),
    # REQUEST
    ("Amnesty International demanded the release of the detained activists.", "REQUEST"),
    ("The United Nations urged Myanmar to stop the violence.", "REQUEST"),
    ("The mayor appealed for calm after the riots.", "REQUEST"),
    # ACCUSE
    ("Pakistan accused India of violating the ceasefire.", "ACCUSE"),
    ("Human rights groups condemned the crackdown on journalists.", "ACCUSE"),
    ("Prosecutors opened an investigation into the minister.", "ACCUSE"),
    ("Critics attacked the government's new budget.", "ACCUSE"),
    # REJECT
    ("The opposition rejected the proposed constitution.", "REJECT"),
    ("Serbia refused to meet the delegation.", "REJECT"),
    ("Russia vetoed the Security Council resolution.", "REJECT"),
    # THREATEN
    ("North Korea threatened to strike American bases.", "THREATEN"),
    ("The union warned of a general strike next week.", "THREATEN"),
    ("Washington threatened sanctions against Caracas.", "THREATEN"),
    # PROTEST
    ("Thousands of students protested against the tuition increase.", "PROTEST"),
    ("Dock workers went on strike in Rotterdam.", "PROTEST"),
    ("Farmers blocked roads into the capital.", "PROTEST"),
    ("Prisoners rioted at the central jail.", "PROTEST"),
    ("Opposition supporters staged a sit-in outside parliament.", "PROTEST"),
    # SANCTION
    ("Lithuania expelled three Russian diplomats.", "SANCTION"),
    ("The European Union suspended aid to the junta.", "SANCTION"),
    ("Argentina broke off diplomatic relations with Britain.", "SANCTION"),
    # MOBILIZE
    ("Turkey deployed troops along the Syrian border.", "MOBILIZE"),
    ("The army was put on high alert.", "MOBILIZE"),
    # COERCE
    ("Police arrested forty opposition activists in Minsk.", "COERCE"),
    ("The government imposed a curfew on the city.", "COERCE"),
    ("Authorities banned the main opposition party.", "COERCE"),
    ("Hungary deported the migrants to Serbia.", "COERCE"),
    # ASSAULT
    ("Gunmen kidnapped two engineers in the Niger Delta.", "ASSAULT"),
    ("Israeli jets bombed targets in southern Lebanon.", "ASSAULT"),
    ("A suicide bomber killed nine people at a market in Kabul.", "ASSAULT"),
    ("Rebels attacked an army convoy near Goma.", "ASSAULT"),
    ("Troops clashed with insurgents outside the city.", "ASSAULT"),
    ("The journalist was assassinated by unknown gunmen.", "ASSAULT"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "plover"), TABLE)
def test_events_model_main_event_type(
    nlp: Language, matcher: EventMatcher, text: str, plover: str
) -> None:
    best = _main(_code(nlp, matcher, text))
    assert best.event.plover == plover, best.reason


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo", "actor", "recipient"),
    [
        ("Iran was accused by Israel of plotting attacks.", "1123", "Israel", "Iran"),
        ("The rebels carried out a series of bombings in Baghdad.", "183", "rebels", ""),
        ("The group was forced to leave France by the government.", "166", "government", "group"),
        ("Syria will not attend the talks in Geneva.", "", "Syria", ""),
        ("Militants who kidnapped the nurses demanded a ransom.", "181", "Militants", "nurses"),
    ],
)
def test_events_model_constructions(
    nlp: Language, matcher: EventMatcher, text: str, cameo: str, actor: str, recipient: str
) -> None:
    cands = _code(nlp, matcher, text)
    target = next((c for c in cands if c.event.cameo == cameo), None) if cameo else _main(cands)
    assert target is not None, [c.reason for c in cands]
    assert actor in " ".join(m.entity.text for m in target.actor), target.reason
    assert recipient in " ".join(m.entity.text for m in target.recipient), target.reason


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The spokesman said the talks were useful.",
        "She took the train to Paris and had lunch.",
        "The company made a profit this year.",
        "The storm struck the coast on Tuesday.",
    ],
)
def test_events_model_no_event_for_generic_verbs(
    nlp: Language, matcher: EventMatcher, text: str
) -> None:
    cands = _code(nlp, matcher, text)
    assert all(c.event.plover not in ("ASSAULT", "COERCE") for c in cands), [
        c.reason for c in cands
    ]
    assert all(c.confidence < 0.6 for c in cands), [c.reason for c in cands]


@pytest.mark.model
def test_events_model_negation_is_kept(nlp: Language, matcher: EventMatcher) -> None:
    best = _main(_code(nlp, matcher, "The soldiers never fired on the crowd."))
    assert best.event.plover == "ASSAULT"
    assert best.negated


@pytest.mark.model
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_events_model_random_text_never_raises(
    nlp: Language, matcher: EventMatcher, text: str
) -> None:
    assert isinstance(_code(nlp, matcher, text), list)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_events_blank_pipeline_random_text_never_raises(text: str) -> None:
    nlp = _blank()
    (parsed,) = parse(nlp, [Document(id="t", text=text)])
    result = EventMatcher.from_settings(Settings()).find(parsed, [])
    assert isinstance(result, list)


def _blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
