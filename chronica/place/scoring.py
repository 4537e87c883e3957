"""Scoring toponym resolution on GeoWebNews (``gwn_full.txt``): each gold toponym is looked up
and resolved in the context of the article's other toponyms, then compared with the gold
coordinates (share within 161 km, i.e. 100 miles, the usual geocoding threshold).

Used by the evaluation command; the caller gives the path of the gold file.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronica.errors import InputError
from chronica.place.gazetteer import GazEntry, Gazetteer
from chronica.place.toponyms import Toponym, haversine_km, resolve_toponym, toponym_votes

ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    article: int
    mention: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GeoScore:
    """``total`` gold toponyms; ``resolved`` given coordinates; ``within`` 161 km of gold;
    ``median_km`` over the resolved ones."""

    total: int
    resolved: int
    within: int
    median_km: float | None

    @property
    def accuracy(self) -> float:
        return self.within / self.total if self.total else 0.0


def read_gwn(path: Path) -> Iterator[list[GoldToponym]]:
    """The gold toponyms of each article (one article a line; ``name,,mention,,lat,,lon,,
    start,,end`` items separated by ``||``)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from exc
    for i, line in enumerate(lines):
        article: list[GoldToponym] = []
        for item in filter(None, line.strip().split("||")):
            parts = item.split(",,")
            if len(parts) < 4:
                raise InputError(f"malformed toponym {item!r}", str(path), i + 1)
            article.append(GoldToponym(i, parts[1], float(parts[2]), float(parts[3])))
        yield article


def _candidates(gaz: Gazetteer, mention: str) -> tuple[GazEntry, ...]:
    """Gazetteer candidates; a demonym ("Irish") stands for its country, as GeoWebNews
    annotates it."""
    found = gaz.lookup(mention)
    if found:
        return tuple(found)
    iso3 = gaz.demonym(mention)
    country = gaz.countries.get(iso3) if iso3 else None
    return (country,) if country is not None else ()


def score_geowebnews(path: Path, gazetteer: Gazetteer | None = None) -> GeoScore:
    """Resolve every gold mention with the article's other mentions as context."""
    gaz = gazetteer or Gazetteer.load()
    total = resolved = within = 0
    distances: list[float] = []
    for article in read_gwn(path):
        toponyms = [Toponym(0, 0, 0, 0, g.mention, _candidates(gaz, g.mention)) for g in article]
        votes = toponym_votes(toponyms)
        for gold, toponym in zip(article, toponyms, strict=True):
            total += 1
            entry = resolve_toponym(toponym, votes).entry
            if entry is None or entry.lat is None or entry.lon is None:
                continue
            resolved += 1
            km = haversine_km(entry.lat, entry.lon, gold.lat, gold.lon)
            distances.append(km)
            within += km <= ACCURACY_KM
    median = statistics.median(distances) if distances else None
    return GeoScore(total, resolved, within, median)
