"""The events stage: find actions in the parse and code them in CAMEO and PLOVER.

Public interface: ``EventMatcher.from_settings(settings)``,
``matcher.find(parsed, mentions) -> list[EventCandidate]``.
"""

from chronica.events.matcher import EventMatcher

__all__ = ["EventMatcher"]
