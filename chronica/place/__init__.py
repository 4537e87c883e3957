"""The place stage: resolve toponyms with an offline gazetteer and locate each event.

Public interface: ``Geoparser.from_settings(settings)``,
``geoparser.resolve(parsed, candidates, mentions) -> list[PlaceResult]`` (one per candidate);
``geocode_mentions(names)`` resolves the bare place names of one text together (GeoWebNews
scoring).
"""

from chronica.place.geoparser import Geoparser
from chronica.place.toponyms import geocode_mentions

__all__ = ["Geoparser", "geocode_mentions"]
