"""Event matching (starter: a few verb lemmas with nsubj/dobj; replaced by the pattern matcher)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.ontology import Ontology
from chronica.records import EventCandidate, Mention

_STARTER = {"protest": "141", "kidnap": "181", "bomb": "183", "assassinate": "186", "meet": "04"}


@dataclass(frozen=True)
class EventMatcher:
    settings: Settings
    ontology: Ontology

    @classmethod
    def from_settings(cls, settings: Settings) -> EventMatcher:
        return cls(settings, Ontology.load())

    def find(self, parsed: ParsedDocument, mentions: Sequence[Mention]) -> list[EventCandidate]:
        out: list[EventCandidate] = []
        for block, sent_index, sent in parsed.sentences():
            for tok in sent:
                code = _STARTER.get(tok.lemma_.lower())
                if code is None:
                    continue
                mine = [m for m in mentions if m.block == block.index]
                subj = tuple(
                    m for m in mine for c in tok.children
                    if c.dep_ in {"nsubj", "nsubjpass"} and m.start <= c.i < m.end
                )  # fmt: skip
                obj = tuple(
                    m for m in mine for c in tok.children
                    if c.dep_ == "dobj" and m.start <= c.i < m.end
                )  # fmt: skip
                out.append(
                    EventCandidate(
                        block=block.index,
                        sentence_index=sent_index,
                        trigger_start=tok.i,
                        trigger_end=tok.i + 1,
                        event=self.ontology.event_type(code, tok.text),
                        actor=subj,
                        recipient=obj,
                        pattern_id=f"starter:{tok.lemma_.lower()}",
                        confidence=0.5,
                        reason=f"starter verb {tok.lemma_.lower()!r}",
                    )
                )
        return out
