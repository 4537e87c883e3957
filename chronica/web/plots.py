"""Server-side plots as plain geometry, rendered to inline SVG by the templates (no JavaScript).

``map_points`` places event locations on an equirectangular world map; ``bar_groups`` lays out
a grouped bar chart (e.g. cooperative vs conflictual events per year).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from chronica.records import Event

MAP_WIDTH = 720
MAP_HEIGHT = 360


@dataclass(frozen=True, slots=True)
class MapPoint:
    x: float
    y: float
    r: float
    label: str
    count: int
    event_id: str  # one event at this place (the link target)
    country: str | None


@dataclass(frozen=True, slots=True)
class GridLine:
    x1: float
    y1: float
    x2: float
    y2: float


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection onto a MAP_WIDTH x MAP_HEIGHT canvas."""
    return (lon + 180.0) / 360.0 * MAP_WIDTH, (90.0 - lat) / 180.0 * MAP_HEIGHT


def map_points(events: Sequence[Event]) -> list[MapPoint]:
    """One point per distinct located place (events without coordinates are skipped); the
    radius grows with the square root of the number of events there."""
    groups: dict[tuple[float, float, str], list[Event]] = {}
    for ev in events:
        loc = ev.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        if not (-90.0 <= loc.lat <= 90.0 and -180.0 <= loc.lon <= 180.0):
            continue
        key = (round(loc.lat, 3), round(loc.lon, 3), loc.name or loc.text)
        groups.setdefault(key, []).append(ev)
    points = []
    for (lat, lon, label), evs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        x, y = project(lat, lon)
        loc = evs[0].location
        points.append(
            MapPoint(
                x=round(x, 2),
                y=round(y, 2),
                r=round(2.5 + 1.5 * math.sqrt(len(evs)), 2),
                label=label,
                count=len(evs),
                event_id=evs[0].id,
                country=loc.country if loc is not None else None,
            )
        )
    return points


def graticule(step: int = 30) -> list[GridLine]:
    """Meridians and parallels every ``step`` degrees."""
    lines = []
    for lon in range(-180, 181, step):
        x, _ = project(0.0, lon)
        lines.append(GridLine(x, 0.0, x, float(MAP_HEIGHT)))
    for lat in range(-90, 91, step):
        _, y = project(lat, 0.0)
        lines.append(GridLine(0.0, y, float(MAP_WIDTH), y))
    return lines


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    value: float


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    labels: tuple[tuple[float, str], ...]  # (x centre, category label)
    maximum: float


def bar_groups(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    width: int = 640,
    height: int = 180,
) -> BarChart:
    """Grouped bars: for each category one bar per series, scaled to the largest value."""
    top = 12.0
    bottom = 20.0
    maximum = max((v for _, values in series for v in values), default=0.0)
    scale = (height - top - bottom) / maximum if maximum > 0 else 0.0
    slot = width / max(len(categories), 1)
    bar_w = max(slot * 0.8 / max(len(series), 1), 1.0)
    bars: list[Bar] = []
    labels: list[tuple[float, str]] = []
    for i, cat in enumerate(categories):
        left = i * slot + slot * 0.1
        labels.append((round(i * slot + slot / 2, 2), cat))
        for j, (name, values) in enumerate(series):
            value = float(values[i])
            h = value * scale
            bars.append(
                Bar(
                    x=round(left + j * bar_w, 2),
                    y=round(height - bottom - h, 2),
                    width=round(bar_w, 2),
                    height=round(h, 2),
                    series=name,
                    value=value,
                )
            )
    return BarChart(width, height, tuple(bars), tuple(labels), maximum)


@dataclass(frozen=True, slots=True)
class Spoke:
    """One tie of the focal actor drawn from the centre: ``kind`` is coop, conflict or mixed."""

    x: float
    y: float
    label: str
    weight: int
    width: float
    kind: str
    href: str


@dataclass(frozen=True, slots=True)
class StarPlot:
    size: int
    centre: float
    spokes: tuple[Spoke, ...]


def star_plot(ties: Sequence[tuple[str, int, int, str]], size: int = 420) -> StarPlot:
    """The focal actor in the centre and each tie (label, weight, sign, href) on a circle
    around it, heaviest first; line width grows with the weight."""
    centre = size / 2
    radius = size / 2 - 60
    heaviest = max((w for _, w, _, _ in ties), default=1) or 1
    spokes = []
    for i, (label, weight, sign, href) in enumerate(ties):
        angle = 2 * math.pi * i / max(len(ties), 1) - math.pi / 2
        spokes.append(
            Spoke(
                x=round(centre + radius * math.cos(angle), 2),
                y=round(centre + radius * math.sin(angle), 2),
                label=label,
                weight=weight,
                width=round(1 + 5 * weight / heaviest, 2),
                kind="coop" if sign > 0 else ("conflict" if sign < 0 else "mixed"),
                href=href,
            )
        )
    return StarPlot(size, centre, tuple(spokes))
