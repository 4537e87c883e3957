"""The actors stage: find actor mentions and resolve them to entities.

Public interface (used by :mod:`chronica.pipeline`):
``ActorResolver.from_settings(settings)``, ``resolver.resolve(parsed) -> list[Mention]``,
``resolver.lookup(text) -> Entity | None``.
"""

from chronica.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
