"""Claimed plots and rally nouns through the whole pipeline (spaCy model), on sentences written
for these tests: the plotted violence is an event of the plotters, planned, and alleged by the
government body that claims it; "gathering" is a rally only where it names one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from chronica.records import Document, Event


def _code(coder, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return coder.code(Document(id="t", text=text))


@dataclass(frozen=True)
class Plot:
    text: str
    cameo: str
    actor: str
    place: str
    claimant: str
    cue: str


PLOTS = [
    Plot(
        "The Ethiopian interior ministry claims that several cells of the rebel movement were "
        "discovered preparing to stir up violence in Addis Ababa.",
        "1383",
        "rebel",
        "Addis Ababa",
        "interior ministry",
        "claims",
    ),
    Plot(
        "Officials say militants were caught planning to incite unrest in Basra.",
        "133",
        "militants",
        "Basra",
        "Officials",
        "say",
    ),
    Plot(
        "Police alleged that the group was preparing attacks in Nairobi.",
        "138",
        "group",
        "Nairobi",
        "Police",
        "alleged",
    ),
    Plot(
        "The army claimed that the rebels were planning to foment unrest in Goma.",
        "133",
        "rebels",
        "Goma",
        "army",
        "claimed",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", PLOTS, ids=lambda p: p.cue)
def test_events_plot_model_claimed_plot(coder, case: Plot) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _code(coder, case.text) if e.event.plover == "THREATEN"]
    assert len(events) == 1
    (event,) = events
    assert event.event.cameo == case.cameo
    assert [a.text for a in event.actor] and case.actor in event.actor[0].text
    assert event.location is not None and event.location.text == case.place
    attribution = event.attribution
    assert attribution.claimant is not None and case.claimant in attribution.claimant.text
    assert attribution.cue == case.cue
    assert attribution.certainty == "alleged"
    assert attribution.modality == "planned"


RALLIES = [
    ("The exile group has held peaceful gatherings in countries like Germany.", "Germany"),
    ("Peaceful gatherings of the exile group in countries like Germany drew hundreds.",
     "Germany"),
    ("A gathering of supporters outside the embassy in London called for his release.",
     "London"),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "place"), RALLIES, ids=["held", "of the group", "supporters"])
def test_events_plot_model_gathering_is_a_rally(coder, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    rallies = [e for e in _code(coder, text) if e.event.plover == "PROTEST"]
    assert len(rallies) == 1
    (rally,) = rallies
    assert rally.event.mode == "demo"
    assert rally.actor and rally.actor[0].text in ("exile group", "supporters")
    assert rally.location is not None and rally.location.text == place


NOT_RALLIES = [
    "The agency relies on intelligence gathering in Syria.",
    "Investigators are gathering evidence in Paris.",
    "The spies were gathering information in Moscow.",
    "A family gathering in Lyon ended in tragedy.",
    "Residents have been gathering information about the flood in Dhaka.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_RALLIES)
def test_events_plot_model_gathering_without_protest(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.event.plover for e in _code(coder, text) if e.event.plover == "PROTEST"] == []
