"""The actors stage: find actor mentions and resolve them to entities.

Public interface (used by :mod:`chronica.pipeline` and other stages):
``ActorResolver.from_settings(settings)``, ``resolver.resolve(parsed) -> list[Mention]``,
``resolver.lookup(text) -> Entity | None``, ``resolver.at_date(entity, start) -> Entity``;
``relative_antecedent(token) -> Token | None`` (the noun a relative pronoun stands for: "raids"
in "a series of raids, many of which ..."); ``find_actor(text, settings)`` for the CLI;
``import_cameo_file(path)`` converts CAMEO/PETRARCH dictionaries to our YAML (docs/actors.md).
"""

from __future__ import annotations

from datetime import date

from chronica.actors.cameo_import import import_cameo_file
from chronica.actors.coref import relative_antecedent
from chronica.actors.dictionary import AliasCollisionWarning
from chronica.actors.resolver import ActorResolver
from chronica.config import Settings
from chronica.errors import NotFoundError
from chronica.records import Entity


def find_actor(text: str, settings: Settings, on: date | None = None) -> Entity:
    """Resolve ``text`` to an entity (coded for ``on`` when given); NotFoundError if unknown."""
    resolver = ActorResolver.from_settings(settings)
    entity = resolver.lookup(text)
    if entity is None:
        raise NotFoundError(f"no actor matches {text!r}")
    return resolver.at_date(entity, on)


__all__ = [
    "ActorResolver",
    "AliasCollisionWarning",
    "find_actor",
    "import_cameo_file",
    "relative_antecedent",
]
