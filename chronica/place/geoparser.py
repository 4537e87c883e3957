"""Event location (starter: none; replaced by the gazetteer-based geoparser)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import EventCandidate, Mention, PlaceResult


@dataclass(frozen=True)
class Geoparser:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> Geoparser:
        return cls(settings)

    def resolve(
        self,
        parsed: ParsedDocument,
        candidates: Sequence[EventCandidate],
        mentions: Sequence[Mention],
    ) -> list[PlaceResult]:
        return [PlaceResult(None, "no place attached to the event") for _ in candidates]
