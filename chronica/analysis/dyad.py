"""Dyad series: how two actors treat each other, period by period, in both directions.

A change point is a pair of consecutive periods (with events) where the relation turns: the
sign of the mean Goldstein score flips, or the dominant quad class changes between cooperation
(classes 1-2) and conflict (classes 3-4). Ties for the dominant class go to the higher class.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chronica.analysis.select import (
    QUAD_CLASSES,
    QUAD_LABELS,
    ActorRef,
    CountMode,
    EventFilter,
    Freq,
    Unit,
    check_count,
    check_freq,
    period_of,
    select_units,
)
from chronica.records import Event


@dataclass(frozen=True, slots=True)
class DirectionStats:
    """Units in one period (one direction or both): per quad class, Goldstein sum and mean."""

    quad_counts: tuple[int, int, int, int]
    quad_ids: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    goldstein_sum: float
    goldstein_mean: float | None
    event_ids: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.event_ids)

    @property
    def dominant_class(self) -> int | None:
        """The quad class with most units (ties to the higher class); None when empty."""
        if not self.event_ids:
            return None
        return max(QUAD_CLASSES, key=lambda q: (self.quad_counts[q - 1], q))


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    period: str
    a_to_b: DirectionStats
    b_to_a: DirectionStats
    both: DirectionStats


@dataclass(frozen=True, slots=True)
class ChangePoint:
    before: str
    after: str
    mean_before: float | None
    mean_after: float | None
    class_before: int | None
    class_after: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class DyadSeries:
    a: ActorRef
    b: ActorRef
    freq: Freq
    count: CountMode
    filter: EventFilter
    periods: tuple[DyadPeriod, ...]
    change_points: tuple[ChangePoint, ...]
    undated: int


def stats(events: Iterable[Event]) -> DirectionStats:
    evs = list(events)
    quad = [tuple(e.id for e in evs if e.event.quad_class == q) for q in QUAD_CLASSES]
    total = round(sum(e.event.goldstein for e in evs), 3)
    return DirectionStats(
        quad_counts=(len(quad[0]), len(quad[1]), len(quad[2]), len(quad[3])),
        quad_ids=(quad[0], quad[1], quad[2], quad[3]),
        goldstein_sum=total,
        goldstein_mean=round(total / len(evs), 3) if evs else None,
        event_ids=tuple(e.id for e in evs),
    )


def _directed(ev: Event, src: ActorRef, dst: ActorRef) -> bool:
    return any(src.matches(e) for e in ev.actor) and any(dst.matches(e) for e in ev.recipient)


def dyad_series(
    events: Sequence[Event],
    a: ActorRef,
    b: ActorRef,
    groups: Mapping[str, str] | None = None,
    count: CountMode | None = None,
    freq: str = "year",
    flt: EventFilter | None = None,
) -> DyadSeries:
    """Per-period counts by quad class and Goldstein sum/mean for A→B, B→A and both."""
    period_freq = check_freq(freq)
    mode = check_count(count, groups)
    flt = flt or EventFilter()
    units = select_units(
        events, groups, mode, flt, where=lambda ev: _directed(ev, a, b) or _directed(ev, b, a)
    )
    by_period: dict[str, list[Unit]] = {}
    undated = 0
    for unit in units:
        period = period_of(unit.event.date, period_freq)
        if period is None:
            undated += 1
        else:
            by_period.setdefault(period, []).append(unit)
    periods = tuple(
        DyadPeriod(
            period=p,
            a_to_b=stats(u.event for u in by_period[p] if _directed(u.event, a, b)),
            b_to_a=stats(u.event for u in by_period[p] if _directed(u.event, b, a)),
            both=stats(u.event for u in by_period[p]),
        )
        for p in sorted(by_period)
    )
    return DyadSeries(a, b, period_freq, mode, flt, periods, change_points(periods), undated)


def _sign(x: float | None) -> int:
    return 0 if x is None or x == 0 else (1 if x > 0 else -1)


def _side(quad: int | None) -> str | None:
    return None if quad is None else ("cooperation" if quad <= 2 else "conflict")


def change_points(periods: Sequence[DyadPeriod]) -> tuple[ChangePoint, ...]:
    """Consecutive periods where the mean Goldstein sign or the dominant side turns."""
    out = []
    for prev, cur in itertools.pairwise(periods):
        m0, m1 = prev.both.goldstein_mean, cur.both.goldstein_mean
        c0, c1 = prev.both.dominant_class, cur.both.dominant_class
        reasons = []
        if _sign(m0) * _sign(m1) < 0:
            reasons.append(f"mean Goldstein {m0:+.2f} → {m1:+.2f}")
        if _side(c0) != _side(c1) and c0 is not None and c1 is not None:
            reasons.append(f"dominant class {QUAD_LABELS[c0]} → {QUAD_LABELS[c1]}")
        if reasons:
            out.append(ChangePoint(prev.period, cur.period, m0, m1, c0, c1, "; ".join(reasons)))
    return tuple(out)


CSV_COLUMNS: tuple[str, ...] = (
    "period", "direction", "source", "target", "verbal_coop", "material_coop",
    "verbal_conflict", "material_conflict", "total", "goldstein_sum", "goldstein_mean", "count",
)  # fmt: skip


def dyad_rows(series: DyadSeries) -> list[tuple[str | int | float | None, ...]]:
    """One row per period and direction (A->B, B->A, both), in CSV_COLUMNS order."""
    rows: list[tuple[str | int | float | None, ...]] = []
    for p in series.periods:
        for direction, src, dst, st in (
            ("a_to_b", series.a.label, series.b.label, p.a_to_b),
            ("b_to_a", series.b.label, series.a.label, p.b_to_a),
            ("both", series.a.label, series.b.label, p.both),
        ):
            rows.append(
                (p.period, direction, src, dst, *st.quad_counts, st.total, st.goldstein_sum,
                 st.goldstein_mean, series.count)
            )  # fmt: skip
    return rows


def dyad_csv(series: DyadSeries) -> str:
    """The series as CSV text (header ``CSV_COLUMNS``; ``count`` says groups or reports)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in dyad_rows(series):
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()
