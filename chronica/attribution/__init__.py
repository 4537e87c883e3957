"""The attribution stage: who claims each event, how certain the text is, modality, negation.

Public interface: ``Attributor.from_settings(settings)``,
``attributor.resolve(parsed, candidates, mentions) -> list[AttributionResult]`` (one per
candidate), and ``find_republication(text) -> str | None`` for document provenance.
"""

from chronica.attribution.attributor import Attributor
from chronica.attribution.provenance import find_republication

__all__ = ["Attributor", "find_republication"]
