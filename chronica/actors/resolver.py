"""Actor resolution (starter: spaCy NER + pycountry; replaced by the dictionary resolver)."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import Entity, Mention


@dataclass(frozen=True)
class ActorResolver:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> ActorResolver:
        return cls(settings)

    def lookup(self, text: str) -> Entity | None:
        try:
            country = pycountry.countries.lookup(text)
        except LookupError:
            return None
        return Entity(text=text, name=country.name, country=country.alpha_3, sector=None, id=None)

    def resolve(self, parsed: ParsedDocument) -> list[Mention]:
        mentions: list[Mention] = []
        for block in parsed.blocks:
            for ent in block.doc.ents:
                if ent.label_ not in {"GPE", "NORP", "ORG", "PERSON"}:
                    continue
                entity = self.lookup(ent.text) or Entity(text=ent.text, name=ent.text)
                mentions.append(
                    Mention(block.index, ent.start, ent.end, entity, "ner", f"NER {ent.label_}")
                )
        return mentions
