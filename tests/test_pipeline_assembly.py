"""Cross-stage assembly rules in chronica.pipeline (hand-made events, no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chronica.pipeline import IMPLIED_ACTOR, _agents_take_location_country, _implied_local_actor
from chronica.records import (
    Attribution,
    DateSpan,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)

BASE = Event(
    id="e",
    doc_id="d",
    event=EventType("PROTEST", "demo", "141", 4, -6.5, "gathered"),
    actor=(Entity("protesters", "protesters", None, "OPP", None),),
    recipient=(Entity("the government", "government", None, "GOV", None),),
    date=DateSpan(),
    location=Place("Kampala", "Kampala", "UGA", None, 0.31, 32.58, 232422, "city"),
    attribution=Attribution(),
    evidence=Evidence(0, "Protesters gathered in Kampala.", 0, 31),
    confidence=0.8,
    reasons=Reasons(actor="dictionary"),
)


def test_unmarked_agents_take_the_location_country() -> None:
    out = _agents_take_location_country(BASE)
    assert [e.country for e in out.actor] == ["UGA"]
    assert [e.country for e in out.recipient] == ["UGA"]
    assert "from the event location" in out.reasons.actor


@pytest.mark.parametrize(
    "actor",
    [
        Entity("French police", "France police", "FRA", "COP", None),  # country given by the text
        Entity("the Front", "Example Front", None, "REB", "chronica:front"),  # a named actor
    ],
)
def test_other_actors_keep_their_country(actor: Entity) -> None:
    out = _agents_take_location_country(replace(BASE, actor=(actor,)))
    assert out.actor == (actor,)


@pytest.mark.parametrize(
    "entity",
    [
        Entity("taxi drivers", None, None, None, None),  # a noun phrase with no sector
        Entity("KXP", None, None, None, None),  # a group the dictionary does not know
    ],
)
def test_actors_without_country_take_it_but_recipients_need_a_sector(entity: Entity) -> None:
    out = _agents_take_location_country(replace(BASE, actor=(entity,), recipient=(entity,)))
    assert [e.country for e in out.actor] == ["UGA"]
    assert out.recipient == (entity,)
    assert repr(entity.text) in out.reasons.actor


@pytest.mark.parametrize(
    "location", [None, Place("the UN", None, "IGO", None, None, None, None, "other")]
)
def test_no_location_country_changes_nothing(location: Place | None) -> None:
    ev = replace(BASE, location=location)
    assert _agents_take_location_country(ev) == ev


def test_unexpected_stage_failure_is_recorded_and_others_go_on(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from chronica.errors import CodingError
    from chronica.pipeline import Coder
    from chronica.records import Document

    blank_nlp.add_pipe("sentencizer")
    coder = Coder(nlp=blank_nlp)

    class Exploding:
        def find(self, parsed, mentions):  # type: ignore[no-untyped-def]
            if parsed.document.id == "bad":
                raise RuntimeError("boom")
            return []

    coder.events = Exploding()  # type: ignore[assignment]
    docs = [Document("bad", "Some text."), Document("good", "Other text.")]
    results = list(coder.code_many(docs))
    assert [r.document.id for r in results] == ["bad", "good"]
    assert isinstance(results[0].error, CodingError) and "boom" in str(results[0].error)
    assert results[1].error is None


@pytest.mark.parametrize(
    ("plover", "actor", "implied"),
    [
        ("PROTEST", (), True),  # "hundreds marched in Kampala" with no doer found
        ("ASSAULT", (), True),  # "a man was shot dead in Kampala"
        ("CONSULT", (), False),  # talks need their parties named
        ("ASSAULT", (Entity("gunmen", "gunmen", None, "UAF", None),), False),  # doer named
    ],
)
def test_unnamed_doer_of_local_violence_or_protest(
    plover: str, actor: tuple[Entity, ...], implied: bool
) -> None:
    ev = replace(BASE, event=replace(BASE.event, plover=plover), actor=actor)
    out = _agents_take_location_country(_implied_local_actor(ev))
    if implied:
        expected = [("", f"{IMPLIED_ACTOR} (UGA)", "UGA")]
        assert [(e.text, e.name, e.country) for e in out.actor] == expected
        assert "no doer found" in out.reasons.actor
    else:
        assert len(out.actor) == len(actor)


def test_no_unnamed_doer_without_a_location_country() -> None:
    ev = replace(BASE, actor=(), location=None)
    assert _implied_local_actor(ev) == ev
