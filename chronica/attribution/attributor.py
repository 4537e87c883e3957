"""Attribution (starter: everything asserted; replaced by the frame/cue analyser)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import Attribution, AttributionResult, EventCandidate, Mention


def find_republication(text: str) -> str | None:
    return None


@dataclass(frozen=True)
class Attributor:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> Attributor:
        return cls(settings)

    def resolve(
        self,
        parsed: ParsedDocument,
        candidates: Sequence[EventCandidate],
        mentions: Sequence[Mention],
    ) -> list[AttributionResult]:
        return [
            AttributionResult(
                Attribution(negated=c.negated), "no reporting frame or cue found: asserted"
            )
            for c in candidates
        ]
