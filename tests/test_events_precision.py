"""Precision rules of the event matcher on hand-built parses (no model needed).

Each rule has sentences that must yield no ASSAULT event and a contrasting sentence that must
still yield one. Sentences are written for these tests; tokens are ``word|lemma|POS|dep|head``
with an optional sixth IOB entity column, mentions are (start, end) token spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import doc_from_spec as _doc
from conftest import parsed_from_docs

from chronica.events import EventMatcher
from chronica.records import Entity, EventCandidate, Mention


@dataclass(frozen=True)
class Case:
    name: str
    spec: str
    spans: tuple[tuple[int, int], ...] = ()


def _find(matcher: EventMatcher, case: Case) -> list[EventCandidate]:
    doc = _doc(case.spec)
    mentions = [
        Mention(0, s, e, Entity(text=doc[s:e].text, name=doc[s:e].text), "dictionary", "test")
        for s, e in case.spans
    ]
    return matcher.find(parsed_from_docs([doc]), mentions)


def _assaults(found: list[EventCandidate]) -> list[EventCandidate]:
    return [c for c in found if c.event.plover == "ASSAULT"]


NO_EVENT = [
    Case(
        "negated nominal",
        "No|no|DET|det|1 attack|attack|NOUN|nsubj|2 took|take|VERB|ROOT|2 "
        "place|place|NOUN|dobj|2 .|.|PUNCT|punct|2",
    ),
    Case(
        "cessation noun with 'to'",
        "The|the|DET|det|1 rebels|rebel|NOUN|nsubj|2 demanded|demand|VERB|ROOT|2 an|an|DET|det|4 "
        "end|end|NOUN|dobj|2 to|to|ADP|prep|4 the|the|DET|det|7 shelling|shelling|NOUN|pobj|5 "
        ".|.|PUNCT|punct|2",
    ),
    Case(
        "cessation noun with 'in'",
        "Residents|resident|NOUN|nsubj|1 reported|report|VERB|ROOT|1 a|a|DET|det|3 "
        "pause|pause|NOUN|dobj|1 in|in|ADP|prep|3 the|the|DET|det|6 "
        "shelling|shelling|NOUN|pobj|4 of|of|ADP|prep|6 Gao|Gao|PROPN|pobj|7 .|.|PUNCT|punct|1",
        ((8, 9),),
    ),
    Case(
        "abstract noun with a common-noun argument only",
        "The|the|DET|det|1 violence|violence|NOUN|nsubj|4 against|against|ADP|prep|1 "
        "protesters|protester|NOUN|pobj|2 worried|worry|VERB|ROOT|4 "
        "observers|observer|NOUN|dobj|4 .|.|PUNCT|punct|4",
    ),
    Case(
        "abstract noun as a predicate",
        "It|it|PRON|nsubj|1 was|be|AUX|ROOT|1 a|a|DET|det|4 long|long|ADJ|amod|4 "
        "war|war|NOUN|attr|1 .|.|PUNCT|punct|1",
        ((0, 1),),
    ),
    Case(
        "idiom: a war of words",
        "The|the|DET|det|1 war|war|NOUN|nsubj|8 of|of|ADP|prep|1 words|word|NOUN|pobj|2 "
        "between|between|ADP|prep|1 Iran|Iran|PROPN|pobj|4 and|and|CCONJ|cc|5 "
        "Iraq|Iraq|PROPN|conj|5 escalated|escalate|VERB|ROOT|8 .|.|PUNCT|punct|8",
        ((5, 6), (7, 8)),
    ),
    Case(
        "idiom: a charm offensive",
        "Iran|Iran|PROPN|nsubj|1 launched|launch|VERB|ROOT|1 a|a|DET|det|4 "
        "charm|charm|NOUN|compound|4 offensive|offensive|NOUN|dobj|1 .|.|PUNCT|punct|1",
        ((0, 1),),
    ),
    Case(
        "idiom: a price war",
        "Airlines|airline|NOUN|nsubj|1 started|start|VERB|ROOT|1 a|a|DET|det|4 "
        "price|price|NOUN|compound|4 war|war|NOUN|dobj|1 .|.|PUNCT|punct|1",
    ),
    Case(
        "bare generic noun",
        "Villagers|villager|NOUN|nsubj|1 feared|fear|VERB|ROOT|1 "
        "kidnappings|kidnapping|NOUN|dobj|1 .|.|PUNCT|punct|1",
    ),
    Case(
        "heading",
        "Attack|attack|NOUN|ROOT|0 on|on|ADP|prep|0 Gao|Gao|PROPN|pobj|1",
        ((2, 3),),
    ),
]

STILL_EVENT = [
    Case(
        "occurrence verb",
        "An|an|DET|det|1 attack|attack|NOUN|nsubj|2 took|take|VERB|ROOT|2 "
        "place|place|NOUN|dobj|2 .|.|PUNCT|punct|2",
    ),
    Case(
        "reported shelling with a place",
        "Residents|resident|NOUN|nsubj|1 reported|report|VERB|ROOT|1 the|the|DET|det|3 "
        "shelling|shelling|NOUN|dobj|1 of|of|ADP|prep|3 Gao|Gao|PROPN|pobj|4 .|.|PUNCT|punct|1",
        ((5, 6),),
    ),
    Case(
        "abstract noun with a resolved participant",
        "The|the|DET|det|1 violence|violence|NOUN|nsubj|4 against|against|ADP|prep|1 "
        "protesters|protester|NOUN|pobj|2 worried|worry|VERB|ROOT|4 "
        "observers|observer|NOUN|dobj|4 .|.|PUNCT|punct|4",
        ((3, 4),),
    ),
    Case(
        "existential abstract noun with participants",
        "There|there|PRON|expl|1 was|be|AUX|ROOT|1 a|a|DET|det|3 war|war|NOUN|attr|1 "
        "between|between|ADP|prep|3 Iran|Iran|PROPN|pobj|4 and|and|CCONJ|cc|5 "
        "Iraq|Iraq|PROPN|conj|5 .|.|PUNCT|punct|1",
        ((5, 6), (7, 8)),
    ),
    Case(
        "bare noun with a place",
        "Villagers|villager|NOUN|nsubj|1 feared|fear|VERB|ROOT|1 "
        "kidnappings|kidnapping|NOUN|dobj|1 near|near|ADP|prep|2 Gao|Gao|PROPN|pobj|3|B-GPE "
        ".|.|PUNCT|punct|1",
    ),
    Case(
        "bare noun acting as the agent of a full verb",
        "The|the|DET|det|1 office|office|NOUN|nsubjpass|3 was|be|AUX|auxpass|3 "
        "damaged|damage|VERB|ROOT|3 by|by|ADP|agent|3 an|an|DET|det|6 "
        "explosion|explosion|NOUN|pobj|4 .|.|PUNCT|punct|3",
    ),
    Case(
        "verbless sentence that is no heading",
        "Attack|attack|NOUN|ROOT|0 on|on|ADP|prep|0 Gao|Gao|PROPN|pobj|1 .|.|PUNCT|punct|0",
        ((2, 3),),
    ),
]


@pytest.mark.parametrize("case", NO_EVENT, ids=[c.name for c in NO_EVENT])
def test_events_precision_no_assault(matcher: EventMatcher, case: Case) -> None:
    found = _find(matcher, case)
    assert not _assaults(found), [c.reason for c in found]


@pytest.mark.parametrize("case", STILL_EVENT, ids=[c.name for c in STILL_EVENT])
def test_events_precision_event_kept(matcher: EventMatcher, case: Case) -> None:
    found = _find(matcher, case)
    assert _assaults(found), [c.reason for c in found]


_REPEAT = (
    "Rebels|rebel|NOUN|nsubj|1 attacked|attack|VERB|ROOT|1 Gao|Gao|PROPN|dobj|1 "
    ".|.|PUNCT|punct|1 {det}|{det}|DET|det|5 attack|attack|NOUN|nsubj|8 on|on|ADP|prep|5 "
    "Gao|Gao|PROPN|pobj|6 lasted|last|VERB|ROOT|8 hours|hour|NOUN|dobj|8 .|.|PUNCT|punct|8"
)


@pytest.mark.parametrize(("det", "count"), [("The", 1), ("This", 1), ("Another", 2)])
def test_events_precision_anaphora_merges(matcher: EventMatcher, det: str, count: int) -> None:
    case = Case("repeat", _REPEAT.format(det=det), ((0, 1), (2, 3), (7, 8)))
    found = _assaults(_find(matcher, case))
    assert len(found) == count, [c.reason for c in found]
    if count == 1:
        assert "merged" in found[0].reason


@pytest.mark.parametrize(
    ("modal", "plover"), [("will", "THREATEN"), ("would", "THREATEN"), ("did", "ASSAULT")]
)
def test_events_precision_future_nominal_is_intent(
    matcher: EventMatcher, modal: str, plover: str
) -> None:
    spec = (
        f"The|the|DET|det|1 rebels|rebel|NOUN|nsubj|3 {modal}|{modal}|AUX|aux|3 "
        "continue|continue|VERB|ROOT|3 with|with|ADP|prep|3 their|their|PRON|poss|6 "
        "attacks|attack|NOUN|pobj|4 on|on|ADP|prep|6 Gao|Gao|PROPN|pobj|7 .|.|PUNCT|punct|3"
    )
    found = _find(matcher, Case("future", spec, ((1, 2), (8, 9))))
    assert [c.event.plover for c in found] == [plover], [c.reason for c in found]
