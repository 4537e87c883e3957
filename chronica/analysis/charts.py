"""Charts for the dossier as inline SVG (matplotlib, no pyplot state, no external resources).

Each function returns the ``<svg>`` element as text: the XML prolog, DOCTYPE and metadata are
removed so that it can be placed inside HTML. Text is kept as SVG text (``svg.fonttype=none``),
which matplotlib escapes; each chart gets its own hash salt so element ids do not collide when
several charts share one page. Labels are plain text: mathtext is off (``$`` stays ``$``),
control characters become spaces and glyphs missing from the font are drawn as boxes silently.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from chronica.analysis.dyad import DyadSeries
from chronica.analysis.network import FocalWindow
from chronica.analysis.select import QUAD_LABELS
from chronica.analysis.timeline import YearSummary

QUAD_COLORS: dict[int, str] = {1: "#8fd19e", 2: "#2e8b57", 3: "#f4a582", 4: "#c0392b"}
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@contextmanager
def _style(salt: str) -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing", category=UserWarning)
        with matplotlib.rc_context(
            {"svg.fonttype": "none", "svg.hashsalt": salt, "text.parse_math": False}
        ):
            yield


def clean(label: str) -> str:
    """A label safe to draw: control characters replaced by spaces."""
    return _CONTROL.sub(" ", label)


def to_svg(fig: Figure) -> str:
    """The figure as an inline ``<svg>`` element (call inside ``_style``)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    return _METADATA.sub("", text)


def yearly_chart(years: Sequence[YearSummary], salt: str = "yearly") -> str:
    """Stacked bars of units per quad class by year, with the mean Goldstein score as a line."""
    with _style(salt):
        fig = Figure(figsize=(8, 3.2))
        fig.subplots_adjust(left=0.07, right=0.9, bottom=0.1, top=0.86)
        ax = fig.add_subplot()
        xs = [y.year for y in years]
        by_year = {y.year: y for y in years}
        grid = list(range(xs[0], xs[-1] + 1)) if xs else []
        edges = [x - 0.5 for x in grid] + [grid[-1] + 0.5] if grid else [0.0]
        bottom = [0] * len(grid)
        for q in (1, 2, 3, 4):
            heights = [by_year[x].quad_counts[q - 1] if x in by_year else 0 for x in grid]
            top = [b + h for b, h in zip(bottom, heights, strict=True)]
            ax.stairs(top, edges, baseline=bottom, fill=True, color=QUAD_COLORS[q],
                      label=QUAD_LABELS[q])  # fmt: skip
            bottom = top
        ax.set_ylabel("events")
        _year_axis(ax, xs)
        twin = ax.twinx()
        twin.plot(xs, [y.goldstein_mean for y in years], color="#222222", marker="o", lw=1.2)
        twin.axhline(0, color="#999999", lw=0.6, ls="--")
        twin.set_ylim(-10.5, 10.5)
        twin.set_ylabel("mean Goldstein")
        ax.legend(fontsize=7, loc="lower left", bbox_to_anchor=(0, 1), ncols=4, frameon=False)
        return to_svg(fig)


def dyad_chart(series: DyadSeries, salt: str) -> str:
    """Mean Goldstein per period in each direction, over bars of the units per period."""
    with _style(salt):
        fig = Figure(figsize=(8, 2.8))
        fig.subplots_adjust(left=0.07, right=0.9, bottom=0.1, top=0.86)
        ax = fig.add_subplot()
        xs = [period_x(p.period) for p in series.periods]
        step = 1.0 if series.freq == "year" else 1 / 12
        totals = {round(x / step): p.both.total for x, p in zip(xs, series.periods, strict=True)}
        slots = range(min(totals), max(totals) + 1)
        edges = [(k - 0.5) * step for k in slots] + [(slots[-1] + 0.5) * step]
        ax.stairs([totals.get(k, 0) for k in slots], edges, fill=True, color="#dddddd")
        ax.set_ylabel("events")
        _year_axis(ax, xs)
        twin = ax.twinx()
        for name, pick, color in (
            (clean(f"{series.a.label} → {series.b.label}"), "a_to_b", "#1f77b4"),
            (clean(f"{series.b.label} → {series.a.label}"), "b_to_a", "#ff7f0e"),
        ):
            pts = [
                (x, getattr(p, pick).goldstein_mean)
                for x, p in zip(xs, series.periods, strict=True)
                if getattr(p, pick).goldstein_mean is not None
            ]
            twin.plot([x for x, _ in pts], [m for _, m in pts], marker="o", color=color, label=name)
        twin.axhline(0, color="#999999", lw=0.6, ls="--")
        twin.set_ylim(-10.5, 10.5)
        twin.set_ylabel("mean Goldstein")
        twin.legend(fontsize=7, loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False)
        return to_svg(fig)


def ego_charts(windows: Sequence[FocalWindow], focal_label: str, salt: str = "net") -> str:
    """Small multiples, one panel per window: the focal actor in the centre, its heaviest ties
    around it (green allies, red adversaries, grey neutral; line width grows with the number of
    events). Windows without ties are skipped."""
    shown = [fw for fw in windows if fw.allies or fw.adversaries or fw.neutral]
    cols = min(3, len(shown))
    rows = -(-len(shown) // cols)
    with _style(salt):
        fig = Figure(figsize=(4.2 * cols, 3.2 * rows))
        fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.95, wspace=0.3, hspace=0.2)
        for n, fw in enumerate(shown):
            ax = fig.add_subplot(rows, cols, n + 1)
            _ego(ax, fw, focal_label)
        return to_svg(fig)


def _ego(ax: Any, fw: FocalWindow, focal_label: str, limit: int = 10) -> None:
    ties = sorted(
        (*fw.allies, *fw.adversaries, *fw.neutral),
        key=lambda r: (-r.weight, r.label.casefold()),
    )[:limit]
    ax.set_axis_off()
    ax.set_xlim(-2.8, 2.8)
    ax.set_ylim(-1.3, 1.3)
    ax.set_title(fw.window.label, fontsize=8)
    top = max((r.weight for r in ties), default=1)
    ends, colors, widths = [], [], []
    for i, rel in enumerate(ties):
        angle = 2 * math.pi * i / max(len(ties), 1)
        x, y = math.cos(angle), math.sin(angle)
        ends.append((x, y))
        colors.append("#2e8b57" if rel.sign > 0 else ("#c0392b" if rel.sign < 0 else "#999999"))
        widths.append(0.6 + 4 * rel.weight / top)
        ax.text(x * 1.1, y * 1.1, clean(f"{rel.label} ({rel.weight})"), fontsize=6,
                ha="left" if x >= 0 else "right", va="center")  # fmt: skip
    segments = [[(0.0, 0.0), end] for end in ends]
    ax.add_collection(LineCollection(segments, colors=colors, linewidths=widths, alpha=0.8))
    ax.scatter([e[0] for e in ends], [e[1] for e in ends], s=30, c=colors, zorder=2)
    ax.scatter([0], [0], s=90, color="#333333", zorder=3)
    ax.text(0, -0.14, clean(focal_label), fontsize=7, ha="center", va="top", weight="bold")


def map_chart(points: Sequence[tuple[str, float, float, int]], salt: str = "map") -> str:
    """Event locations (label, lat, lon, count) on an equirectangular lat/lon plot, framed to
    the points with a margin; marker area grows with the count."""
    lats = [p[1] for p in points]
    lons = [p[2] for p in points]
    lon0, lon1 = _frame(lons, -180, 180)
    lat0, lat1 = _frame(lats, -90, 90)
    with _style(salt):
        fig = Figure(figsize=_map_size(lon1 - lon0, lat1 - lat0))
        fig.subplots_adjust(left=0.1, right=0.97, bottom=0.12, top=0.97)
        ax = fig.add_subplot()
        ax.set_xlim(lon0, lon1)
        ax.set_ylim(lat0, lat1)
        ax.set_aspect("equal", adjustable="box")
        ax.grid(True, color="#dddddd", lw=0.5)
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        ax.scatter(lons, lats, s=[20 + 12 * p[3] for p in points], color="#c0392b", alpha=0.6)
        for label, lat, lon, n in points:
            ax.annotate(clean(f"{label} ({n})"), (lon, lat), fontsize=7, xytext=(4, 3),
                        textcoords="offset points")  # fmt: skip
        return to_svg(fig)


def _map_size(lon_span: float, lat_span: float) -> tuple[float, float]:
    """Figure inches keeping degrees square: at most 8 wide and 6 high, plus axis margins."""
    ratio = lat_span / lon_span
    width, height = (8.0, 8.0 * ratio) if 8.0 * ratio <= 6.0 else (6.0 / ratio, 6.0)
    return max(width, 3.0) + 0.9, max(height, 2.0) + 0.7


def _frame(values: Sequence[float], low: float, high: float) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    pad = max(5.0, (hi - lo) * 0.15)
    return max(low, lo - pad), min(high, hi + pad)


def period_x(period: str) -> float:
    """``YYYY`` or ``YYYY-MM`` as a position on a year axis (months at twelfths)."""
    year, _, month = period.partition("-")
    return int(year) + ((int(month) - 1) / 12 if month else 0.0)


def _year_axis(ax: Any, xs: Sequence[float]) -> None:
    pad = 0.6 if max(xs) - min(xs) >= 2 else 1.5  # room for at least two integer ticks
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True))
    ax.xaxis.get_major_formatter().set_useOffset(False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=7)
