"""Plots, incitement and rally nouns on hand-built parses (no model needed).

Sentences written for these tests; each parse is spelled out as ``word|lemma|POS|dep|head[|ent]``
tokens. Covered: incitement phrases ("preparing to stir up violence", THREATEN 1383/133),
"prepare" as a light verb ("was preparing attacks": the preparer is the actor), the culprit of
a "for"/"of" gerund ("arrested X for inciting violence": X), "gathering" as a rally only with a
sign of protest, and "gather" with an object as collecting.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import doc_from_spec, find_in_spec, mention_texts

from chronica.events import EventMatcher, syntax


@dataclass(frozen=True)
class Case:
    name: str
    spec: str
    plover: str
    cameo: str
    actor: list[str]
    recipient: list[str] | None = None  # None: not checked


FOUND = [
    Case(
        "plot frame over incitement of unrest",
        "Militants|militant|NOUN|nsubjpass|2 were|be|AUX|auxpass|2 caught|catch|VERB|ROOT|2 "
        "planning|plan|VERB|xcomp|2 to|to|PART|aux|5 incite|incite|VERB|xcomp|3 "
        "unrest|unrest|NOUN|dobj|5 in|in|ADP|prep|5 Basra|Basra|PROPN|pobj|7|B-GPE "
        ".|.|PUNCT|punct|2",
        "THREATEN",
        "133",
        ["Militants"],
    ),
    Case(
        "preparing to stir up violence",
        "The|the|DET|det|1 cells|cell|NOUN|nsubj|3 were|be|AUX|aux|3 "
        "preparing|prepare|VERB|ROOT|3 to|to|PART|aux|5 stir|stir|VERB|xcomp|3 up|up|ADP|prt|5 "
        "violence|violence|NOUN|dobj|5 .|.|PUNCT|punct|3",
        "THREATEN",
        "1383",
        ["cells"],
    ),
    Case(
        "incitement against a target",
        "The|the|DET|det|1 preacher|preacher|NOUN|nsubj|2 incited|incite|VERB|ROOT|2 "
        "violence|violence|NOUN|dobj|2 against|against|ADP|prep|3 "
        "migrants|migrant|NOUN|pobj|4 .|.|PUNCT|punct|2",
        "THREATEN",
        "1383",
        ["preacher"],
        ["migrants"],
    ),
    Case(
        "prepare as a light verb: the preparer is the actor",
        "The|the|DET|det|1 group|group|NOUN|nsubj|3 was|be|AUX|aux|3 "
        "preparing|prepare|VERB|ROOT|3 attacks|attack|NOUN|dobj|3 in|in|ADP|prep|4 "
        "Nairobi|Nairobi|PROPN|pobj|5|B-GPE .|.|PUNCT|punct|3",
        "THREATEN",
        "138",
        ["group"],
    ),
    Case(
        "plotting to attack is an intent, not an attack",
        "The|the|DET|det|1 cell|cell|NOUN|nsubj|2 plotted|plot|VERB|ROOT|2 to|to|PART|aux|4 "
        "attack|attack|VERB|xcomp|2 the|the|DET|det|6 embassy|embassy|NOUN|dobj|4 "
        ".|.|PUNCT|punct|2",
        "THREATEN",
        "138",
        ["cell"],
        ["embassy"],
    ),
    Case(
        "peaceful gatherings of an exile group",
        "Peaceful|peaceful|ADJ|amod|1 gatherings|gathering|NOUN|nsubj|6 of|of|ADP|prep|1 "
        "the|the|DET|det|5 exile|exile|NOUN|compound|5 group|group|NOUN|pobj|2 "
        "drew|draw|VERB|ROOT|6 hundreds|hundred|NOUN|dobj|6 .|.|PUNCT|punct|6",
        "PROTEST",
        "141",
        ["exile group"],
    ),
    Case(
        "a gathering of supporters outside an embassy",
        "A|a|DET|det|1 gathering|gathering|NOUN|nsubj|7 of|of|ADP|prep|1 "
        "supporters|supporter|NOUN|pobj|2 outside|outside|ADP|prep|1 the|the|DET|det|6 "
        "embassy|embassy|NOUN|pobj|4 grew|grow|VERB|ROOT|7 .|.|PUNCT|punct|7",
        "PROTEST",
        "141",
        ["supporters"],
        ["embassy"],
    ),
    Case(
        "held peaceful gatherings: the light verb's subject",
        "The|the|DET|det|2 exile|exile|NOUN|compound|2 group|group|NOUN|nsubj|3 "
        "held|hold|VERB|ROOT|3 peaceful|peaceful|ADJ|amod|5 gatherings|gathering|NOUN|dobj|3 "
        "in|in|ADP|prep|3 Germany|Germany|PROPN|pobj|6|B-GPE .|.|PUNCT|punct|3",
        "PROTEST",
        "141",
        ["exile group"],
    ),
    Case(
        "residents gathered outside the ministry",
        "Residents|resident|NOUN|nsubj|1 gathered|gather|VERB|ROOT|1 "
        "outside|outside|ADP|prep|1 the|the|DET|det|4 ministry|ministry|NOUN|pobj|2 "
        ".|.|PUNCT|punct|1",
        "PROTEST",
        "141",
        ["Residents"],
    ),
]


@pytest.mark.parametrize("case", FOUND, ids=lambda c: c.name)
def test_plot_rules_find(matcher: EventMatcher, case: Case) -> None:
    found = [c for c in find_in_spec(matcher, case.spec) if c.event.plover == case.plover]
    assert found, f"no {case.plover} event"
    cand = found[0]
    assert cand.event.cameo == case.cameo
    assert mention_texts(cand.actor) == case.actor
    if case.recipient is not None:
        assert mention_texts(cand.recipient) == case.recipient


NOTHING = [
    (
        "a cause stirs up unrest",
        "The|the|DET|det|1 verdict|verdict|NOUN|nsubj|2 stirred|stir|VERB|ROOT|2 "
        "up|up|ADP|prt|2 unrest|unrest|NOUN|dobj|2 .|.|PUNCT|punct|2",
    ),
    (
        "intelligence gathering",
        "Intelligence|intelligence|NOUN|compound|1 gathering|gathering|NOUN|nsubj|4 "
        "in|in|ADP|prep|1 Syria|Syria|PROPN|pobj|2|B-GPE grew|grow|VERB|ROOT|4 .|.|PUNCT|punct|4",
    ),
    (
        "a family gathering",
        "A|a|DET|det|2 family|family|NOUN|compound|2 gathering|gathering|NOUN|nsubj|5 "
        "in|in|ADP|prep|2 Lyon|Lyon|PROPN|pobj|3|B-GPE ended|end|VERB|ROOT|5 .|.|PUNCT|punct|5",
    ),
    (
        "gathering evidence",
        "Investigators|investigator|NOUN|nsubj|2 were|be|AUX|aux|2 "
        "gathering|gather|VERB|ROOT|2 evidence|evidence|NOUN|dobj|2 in|in|ADP|prep|2 "
        "Paris|Paris|PROPN|pobj|4|B-GPE .|.|PUNCT|punct|2",
    ),
    (
        "residents gathering information",
        "Residents|resident|NOUN|nsubj|2 were|be|AUX|aux|2 gathering|gather|VERB|ROOT|2 "
        "information|information|NOUN|dobj|2 in|in|ADP|prep|2 "
        "Moscow|Moscow|PROPN|pobj|4|B-GPE .|.|PUNCT|punct|2",
    ),
]


@pytest.mark.parametrize(("name", "spec"), NOTHING, ids=[n for n, _ in NOTHING])
def test_plot_rules_no_event(matcher: EventMatcher, name: str, spec: str) -> None:
    found = find_in_spec(matcher, spec)
    assert [c.event.plover for c in found if c.event.plover in ("THREATEN", "PROTEST")] == []


CULPRITS = [
    (
        "arrested X for inciting",
        "Police|police|NOUN|nsubj|1 arrested|arrest|VERB|ROOT|1 two|two|NUM|nummod|3 "
        "students|student|NOUN|dobj|1 for|for|ADP|prep|1 inciting|incite|VERB|pcomp|4 "
        "violence|violence|NOUN|dobj|5 .|.|PUNCT|punct|1",
        5,
        "students",
    ),
    (
        "X was arrested for inciting",
        "Two|two|NUM|nummod|1 students|student|NOUN|nsubjpass|3 were|be|AUX|auxpass|3 "
        "arrested|arrest|VERB|ROOT|3 for|for|ADP|prep|3 inciting|incite|VERB|pcomp|4 "
        "violence|violence|NOUN|dobj|5 .|.|PUNCT|punct|3",
        5,
        "students",
    ),
    (
        "convicted [X of plotting]",
        "The|the|DET|det|1 court|court|NOUN|nsubj|2 convicted|convict|VERB|ROOT|2 "
        "the|the|DET|det|4 activist|activist|NOUN|dobj|2 of|of|ADP|prep|4 "
        "plotting|plot|VERB|pcomp|5 attacks|attack|NOUN|dobj|6 .|.|PUNCT|punct|2",
        6,
        "activist",
    ),
    (
        "apologized for killing: the subject",
        "The|the|DET|det|1 rebels|rebel|NOUN|nsubj|2 apologized|apologize|VERB|ROOT|2 "
        "for|for|ADP|prep|2 killing|kill|VERB|pcomp|3 civilians|civilian|NOUN|dobj|4 "
        ".|.|PUNCT|punct|2",
        4,
        "rebels",
    ),
    (
        "claimed responsibility for killing: not the noun",
        "The|the|DET|det|1 rebels|rebel|NOUN|nsubj|2 claimed|claim|VERB|ROOT|2 "
        "responsibility|responsibility|NOUN|dobj|2 for|for|ADP|prep|3 "
        "killing|kill|VERB|pcomp|4 soldiers|soldier|NOUN|dobj|5 .|.|PUNCT|punct|2",
        5,
        None,
    ),
]


@pytest.mark.parametrize(("name", "spec", "verb", "doer"), CULPRITS, ids=[c[0] for c in CULPRITS])
def test_plot_rules_culprit_subject(name: str, spec: str, verb: int, doer: str | None) -> None:
    doc = doc_from_spec(spec)
    subj = syntax.subject(doc[verb])
    assert (subj.text if subj is not None else None) == doer


def test_plot_rules_accused_is_no_accuser(matcher: EventMatcher) -> None:
    spec = (
        "Three|three|NUM|nummod|1 men|man|NOUN|nsubjpass|3 were|be|AUX|auxpass|3 "
        "accused|accuse|VERB|ROOT|3 of|of|ADP|prep|3 bombing|bomb|VERB|pcomp|4 "
        "the|the|DET|det|7 bridge|bridge|NOUN|dobj|5 .|.|PUNCT|punct|3"
    )
    (cand,) = find_in_spec(matcher, spec)
    assert cand.event.plover == "ACCUSE"
    assert mention_texts(cand.actor) == []
    assert mention_texts(cand.recipient) == ["Three men"]


@pytest.mark.parametrize(
    ("spec", "head", "phrase"),
    [
        (
            "Each|each|DET|det|1 side|side|NOUN|nsubj|2 accused|accuse|VERB|ROOT|2 "
            "the|the|DET|det|4 other|other|ADJ|dobj|2 of|of|ADP|prep|4 "
            "initiating|initiate|VERB|pcomp|5 the|the|DET|det|8 fighting|fighting|NOUN|dobj|6 "
            ".|.|PUNCT|punct|2",
            4,
            "other",
        ),
        (
            "They|they|PRON|nsubj|1 reported|report|VERB|ROOT|1 the|the|DET|det|3 "
            "killing|killing|NOUN|dobj|1 of|of|ADP|prep|3 civilians|civilian|NOUN|pobj|4 "
            ".|.|PUNCT|punct|1",
            3,
            "killing of civilians",
        ),
    ],
    ids=["gerund after of", "of with an object"],
)
def test_plot_rules_noun_phrase_stops_at_gerund(spec: str, head: int, phrase: str) -> None:
    doc = doc_from_spec(spec)
    lo, hi = syntax.noun_phrase(doc[head])
    assert doc[lo:hi].text == phrase
