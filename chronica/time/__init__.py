"""The time stage: give each event its own date, with granularity, basis and a reason.

Public interface: ``TimeResolver.from_settings(settings)``,
``resolver.resolve(parsed, candidates) -> list[DateResult]`` (one per candidate, same order).
"""

from chronica.time.resolver import TimeResolver

__all__ = ["TimeResolver"]
