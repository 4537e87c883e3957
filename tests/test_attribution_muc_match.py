"""The MUC-4 certainty metric scores the event that matches the template's fills."""

from __future__ import annotations

import pytest

from chronica.evaluation.gold import MucGold, MucTemplate, parse_muc4
from chronica.evaluation.metrics import certainty_match, score_muc4
from chronica.records import (
    Attribution,
    Certainty,
    DateSpan,
    Entity,
    Event,
    EventType,
    Evidence,
    Reasons,
)


def _event(
    name: str,
    *,
    plover: str = "ASSAULT",
    actor: str | None = None,
    recipient: str | None = None,
    certainty: Certainty = "asserted",
    sentence: int = 0,
) -> Event:
    return Event(
        id=name,
        doc_id="d",
        event=EventType(plover, None, "190", 4, -10.0, "did"),
        actor=(Entity(text=actor),) if actor else (),
        recipient=(Entity(text=recipient),) if recipient else (),
        date=DateSpan(None, None, "unknown"),
        location=None,
        attribution=Attribution(certainty=certainty),
        evidence=Evidence(sentence, "A sentence.", 0, 10),
        confidence=0.5,
        reasons=Reasons(),
    )


def _template(perps: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> MucTemplate:
    return MucTemplate(("ATTACK",), (), (), ("SUSPECTED OR ACCUSED",), perps, targets)


FIRST = _event("first", sentence=0)
BY_PERP = _event("by-perp", actor="the Red Brigade", sentence=3)
ON_TARGET = _event("on-target", recipient="the mayor", sentence=2)
PROTEST = _event("protest", plover="PROTEST", sentence=0)


@pytest.mark.parametrize(
    ("template", "events", "expected"),
    [
        (_template(("RED BRIGADE",), ("MAYOR",)), [FIRST, ON_TARGET, BY_PERP], "by-perp"),
        (_template((), ("MAYOR",)), [FIRST, ON_TARGET, BY_PERP], "on-target"),
        (_template(("SHINING PATH",), ("JUDGE",)), [FIRST, ON_TARGET, BY_PERP], "first"),
        (_template(), [PROTEST, FIRST], "first"),
        (_template(), [PROTEST], "protest"),
    ],
)
def test_certainty_match_prefers_the_templates_fills(
    template: MucTemplate, events: list[Event], expected: str
) -> None:
    assert certainty_match(template, events).id == expected


@pytest.mark.parametrize(
    ("certainty", "hit"), [("alleged", True), ("suspected", True), ("asserted", False)]
)
def test_certainty_accuracy_uses_the_matched_event(certainty: Certainty, hit: bool) -> None:
    named = _event("named", actor="Red Brigade", certainty=certainty, sentence=4)
    gold = MucGold(True, (_template(("RED BRIGADE",)),))
    outcomes = {o.metric: o.hit for o in score_muc4(gold, [FIRST, named]).outcomes}
    assert outcomes["certainty_accuracy"] is hit


def test_parse_muc4_keeps_every_fill_alternative() -> None:
    raw = {
        "relevant": True,
        "templates": [
            {
                "incident_type": ["ATTACK"],
                "perp_confidence": ["POSSIBLE"],
                "perp_individual": [{"alternatives": ["GUNMEN"], "optional": False}],
                "perp_organization": [{"alternatives": ["FRONT", "THE FRONT"]}],
                "hum_target_name": [{"alternatives": ["JOHN DOE"]}],
            }
        ],
    }
    template = parse_muc4(raw).templates[0]
    assert template.perpetrators == ("GUNMEN", "FRONT", "THE FRONT")
    assert template.targets == ("JOHN DOE",)
