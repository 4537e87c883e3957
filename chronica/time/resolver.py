"""Time resolution (starter: a four-digit year in the sentence; replaced by the full grammar)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import DateResult, DateSpan, EventCandidate

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class TimeResolver:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> TimeResolver:
        return cls(settings)

    def resolve(
        self, parsed: ParsedDocument, candidates: Sequence[EventCandidate]
    ) -> list[DateResult]:
        results: list[DateResult] = []
        for cand in candidates:
            sent = parsed.blocks[cand.block].doc[cand.trigger_start].sent
            m = _YEAR.search(sent.text)
            if m:
                y = int(m.group(1))
                span = DateSpan(date(y, 1, 1), date(y, 12, 31), "year", "text", m.group(0))
                results.append(DateResult(span, f"year {y} in the sentence"))
            else:
                results.append(DateResult(DateSpan(), "no time expression found"))
        return results
