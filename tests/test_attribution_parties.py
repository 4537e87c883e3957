"""Attribution rules that depend on who the parties are (the actors stage's entities): a group
speaking of its own units claims their acts, the armed opposition reporting an act of state
forces accuses them, and an attack nobody has claimed leaves an undescribed doer suspected."""

from __future__ import annotations

import pytest

from chronica.pipeline import Coder
from chronica.records import Document, Event

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="parties", text=text))


def _by_trigger(events: list[Event], trigger: str) -> Event:
    return next(ev for ev in events if ev.event.trigger == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "certainty", "claimant"),
    [
        # A named group reporting what generic units of its own side did claims the act.
        (
            "The FMLN said that urban commando units attacked the army barracks in San Miguel.",
            "attacked",
            "claimed",
            "FMLN",
        ),
        # An account by the doers' own side is their claim, "according to" as with "said";
        # the issuer of the report is its source.
        (
            "According to a report issued by the army, soldiers killed two rebels near the river.",
            "killed",
            "claimed",
            "army",
        ),
        # Authorities telling of an opposition plot accuse the plotters.
        (
            "The government said that members of the opposition front had been plotting to "
            "incite riots in the capital.",
            "incite",
            "alleged",
            "government",
        ),
        # The armed opposition saying that state forces attacked accuses them.
        (
            "The guerrillas said army troops attacked the village of El Paraiso.",
            "attacked",
            "alleged",
            "guerrillas",
        ),
    ],
)
def test_parties_decide_certainty(
    coder: Coder, text: str, trigger: str, certainty: str, claimant: str
) -> None:
    ev = _by_trigger(_events(coder, text), trigger)
    assert ev.attribution.certainty == certainty, ev.reasons.attribution
    assert ev.attribution.claimant is not None
    assert claimant.lower() in ev.attribution.claimant.text.lower()


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        # Nobody took the act on, and the doer is only described: a presumption.
        (
            "Masked gunmen bombed the bus station at dawn. No group has claimed responsibility "
            "for the attack.",
            "suspected",
        ),
        # A doer the text names is left as stated.
        (
            "The FMLN bombed the bus station at dawn. No group has claimed responsibility for "
            "the attack.",
            "asserted",
        ),
    ],
)
def test_unclaimed_attack(coder: Coder, text: str, certainty: str) -> None:
    ev = _by_trigger(_events(coder, text), "bombed")
    assert ev.attribution.certainty == certainty, ev.reasons.attribution
    if certainty == "suspected":
        assert "nobody has claimed" in ev.reasons.attribution


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        # "the source" refers back to the military source: an account by authorities.
        (
            "A military source said the situation was calm on Monday. According to the "
            "source, armed men attacked the town hall in the night.",
            "alleged",
        ),
        # With no earlier description, "the source" is anybody's.
        ("According to the source, armed men attacked the town hall in the night.", "reported"),
    ],
)
def test_definite_source_refers_back(coder: Coder, text: str, certainty: str) -> None:
    ev = _by_trigger(_events(coder, text), "attacked")
    assert ev.attribution.certainty == certainty, ev.reasons.attribution
