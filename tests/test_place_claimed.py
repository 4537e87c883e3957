"""A place that hangs directly from another event of the sentence is that event's place; an
event that only shares the sentence takes another place the sentence names, if any."""

from __future__ import annotations

import pytest

from chronica.pipeline import Coder
from chronica.records import Document

SHELTERED = (
    "The militia is also suspected of the killings of two judges, a campaign it waged while "
    "the group was sheltered in Kenya and allowed to operate in Somalia."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("plover", "trigger", "country", "reason_part"),
    [
        ("AID", "sheltered", "KEN", "'Kenya' modifies 'sheltered'"),
        ("ACCUSE", "suspected", "SOM", "nearer places belong to another event"),
    ],
)
def test_place_of_another_event_is_not_taken(
    coder: Coder, plover: str, trigger: str, country: str, reason_part: str
) -> None:
    events = [
        e
        for e in coder.code(Document("sheltered", SHELTERED))
        if e.event.plover == plover and e.event.trigger == trigger
    ]
    assert events, f"no {plover} event on {trigger!r}"
    assert events[0].location is not None
    assert events[0].location.country == country
    assert reason_part in events[0].reasons.location
