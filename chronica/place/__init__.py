"""The place stage: resolve toponyms with an offline gazetteer and locate each event.

Public interface: ``Geoparser.from_settings(settings)``,
``geoparser.resolve(parsed, candidates, mentions) -> list[PlaceResult]`` (one per candidate).
"""

from chronica.place.geoparser import Geoparser

__all__ = ["Geoparser"]
