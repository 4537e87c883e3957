"""A claim of responsibility is an event of the act claimed; a claim nobody made is none."""

from __future__ import annotations

import pytest

from chronica.pipeline import Coder
from chronica.records import Document

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The front claimed responsibility for the attack on the barracks.", True),
        ("No group has claimed responsibility for the attack on the barracks.", False),
        ("Nobody has claimed responsibility for the attack on the barracks.", False),
        ("The front did not claim responsibility for the attack on the barracks.", False),
    ],
)
def test_claims_of_responsibility(coder: Coder, text: str, coded: bool) -> None:
    events = coder.code(Document(id="claims", text=text))
    claims = [ev for ev in events if ev.event.plover == "ASSAULT" and "claim" in ev.event.trigger]
    assert bool(claims) == coded, [ev.reasons.event for ev in events]
