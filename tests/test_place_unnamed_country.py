"""'In the country' attached to an event names its place without a name: a country named
elsewhere in the sentence (an example, an aside) is not it; the actors' country may be."""

from __future__ import annotations

import datetime

import pytest

from chronica.pipeline import Coder
from chronica.records import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        (
            "While the media focus on peaceful gatherings of the exiles in countries like "
            "France, the Iranian government claims that cells of the MEK were preparing to "
            "incite violence in the country.",
            "incite",
            "IRN",
        ),
        # A name attached to the event still wins.
        ("Rebels attacked a convoy near Goma in the east of the country.", "attacked", "COD"),
    ],
)
def test_unnamed_country(coder: Coder, text: str, trigger: str, country: str) -> None:
    doc = Document(id="unnamed", text=text, published=datetime.date(2020, 1, 1))
    ev = next(e for e in coder.code(doc) if e.event.trigger == trigger)
    assert ev.location is not None and ev.location.country == country, ev.reasons.location
