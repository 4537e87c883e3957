"""The time stage: give each event its own date, with granularity, basis and a reason.

Public interface: ``TimeResolver.from_settings(settings)``,
``resolver.resolve(parsed, candidates) -> list[DateResult]`` (one per candidate, same order);
``normalize(text, reference)`` for one expression; ``find_dateline(text)`` for a wire dateline.
"""

from chronica.time.dateline import dateline_outlet, dateline_place, find_dateline
from chronica.time.grammar import normalize
from chronica.time.resolver import TimeResolver

__all__ = ["TimeResolver", "dateline_outlet", "dateline_place", "find_dateline", "normalize"]
