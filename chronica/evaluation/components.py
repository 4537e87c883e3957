"""Component sets scored without the full pipeline: TimeBank dates and GeoWebNews toponyms.

This is the one implementation of both scorers (the time and place stages have none of their
own).

- **timebank** (TempEval-3 TimeBank ``.tml`` files): each DATE/TIME TIMEX3 is normalised with
  ``chronica.time.normalize(text, reference)`` against the document's DCT and compared with the
  gold ``value`` at the gold granularity (day ``YYYY-MM-DD``, month ``YYYY-MM``, year ``YYYY``,
  decade ``YYY``); week (``YYYY-Www``) and quarter (``YYYY-Qn``) values are compared with
  :func:`timex_value` of the span. Other values (seasons, ``PRESENT_REF``, ``XXXX``) are not
  scored.
- **geowebnews** (``gwn_full.txt``): the toponym mentions of each article are resolved
  together, each in the context of the others (``chronica.place.geocode_mentions``), and count
  as right within 161 km of the gold point.

Parsers and scorers are pure; the stage functions are passed in, so tests use stand-ins.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from chronica.errors import GoldError
from chronica.evaluation.metrics import Outcome, RecordScore, haversine_km
from chronica.records import DateSpan

Normalizer = Callable[[str, date], DateSpan | None]
Point = tuple[float, float]
# An article's mentions, in order -> a point (or None) for each, resolved in their context.
ToponymResolver = Callable[[Sequence[str]], Sequence[Point | None]]


@dataclass(frozen=True, slots=True)
class Timex:
    doc_id: str
    text: str
    value: str
    type: str
    reference: date  # the document creation time (DCT)


@dataclass(frozen=True, slots=True)
class Toponym:
    doc_id: str
    name: str
    mention: str
    lat: float
    lon: float


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DECADE = re.compile(r"^\d{3}$")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def gold_granularity(value: str) -> str | None:
    """The granularity of a TIMEX3 value that we score, or None for unscored values."""
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    if _YEAR.match(value):
        return "year"
    if _DECADE.match(value):
        return "decade"
    if _WEEK.match(value):
        return "week"
    if _QUARTER.match(value):
        return "quarter"
    return None


def format_at(day: date, granularity: str) -> str:
    """A date written as a TIMEX3 value of the given granularity."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "year":
        return f"{day.year:04d}"
    return f"{day.year // 10:03d}"


def timex_value(span: DateSpan) -> str | None:
    """The TIMEX3 value of a span: 2022-06-08, 2022-06, 2022-Q3, 2022-W23, 2022, 198; None
    for an open or irregular span."""
    start, end = span.start, span.end
    if start is None or end is None:
        return None
    if start == end:
        return start.isoformat()
    same_year = start.year == end.year
    if span.granularity == "year" and same_year:
        return str(start.year)
    if span.granularity == "month" and same_year and start.month == end.month:
        return f"{start.year}-{start.month:02d}"
    if span.granularity == "decade" and start.year // 10 == end.year // 10:
        return str(start.year // 10)
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1 and same_year
    if whole_months and (start.month - 1) % 3 == 0 and end.month == start.month + 2:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def score_timex(timex: Timex, predicted: DateSpan | None) -> RecordScore:
    """Compare one normalised expression with its gold value (unscored values give nothing)."""
    granularity = gold_granularity(timex.value)
    if granularity is None:
        return RecordScore()
    gold_value = timex.value[:10] if granularity == "day" else timex.value
    start = predicted.start if predicted is not None else None
    if granularity in {"week", "quarter"}:
        right = predicted is not None and timex_value(predicted) == gold_value
    else:
        right = start is not None and format_at(start, granularity) == gold_value
    out = [Outcome("normalised", start is not None), Outcome("value_accuracy", right)]
    if predicted is not None and start is not None:
        out.append(Outcome("granularity_match", predicted.granularity == granularity))
    return RecordScore(tuple(out), ((granularity, predicted.granularity if predicted else "none"),))


def read_tml(path: Path) -> list[Timex]:
    """The DATE/TIME TIMEX3 of one TimeML file (the DCT itself excluded)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise GoldError(f"{path}: cannot read TimeML: {exc}") from exc
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise GoldError(f"{path}: no DCT")
    try:
        dct = date.fromisoformat(dct_el.get("value", "")[:10])
    except ValueError as exc:
        raise GoldError(f"{path}: bad DCT value {dct_el.get('value')!r}") from exc
    text = root.find("TEXT")
    if text is None:
        return []
    doc_id = path.stem
    return [
        Timex(doc_id, "".join(el.itertext()).strip(), el.get("value", ""), el.get("type", ""), dct)
        for el in text.iter("TIMEX3")
        if el.get("type") in ("DATE", "TIME")
    ]


def timebank_files(directory: Path) -> list[Path]:
    """The ``.tml`` files of a directory, sorted; GoldError when there are none."""
    files = sorted(directory.glob("*.tml"))
    if not files:
        raise GoldError(f"{directory}: no .tml files")
    return files


def parse_gwn_line(line: str, doc_id: str) -> list[Toponym]:
    """Toponyms of one ``gwn_full.txt`` line: ``name,,mention,,lat,,lon,,start,,end`` joined
    by ``||``."""
    out: list[Toponym] = []
    for item in line.strip().split("||"):
        if not item.strip():
            continue
        fields = item.split(",,")
        if len(fields) != 6:
            raise GoldError(f"{doc_id}: toponym needs 6 fields, got {len(fields)}: {item[:60]!r}")
        try:
            lat, lon = float(fields[2]), float(fields[3])
        except ValueError as exc:
            raise GoldError(f"{doc_id}: bad coordinates in {item[:60]!r}") from exc
        out.append(Toponym(doc_id, fields[0], fields[1], lat, lon))
    return out


def read_geowebnews(path: Path) -> list[list[Toponym]]:
    """The toponyms of each article (one line each) of ``gwn_full.txt``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    return [parse_gwn_line(line, f"gwn-{n}") for n, line in enumerate(lines, start=1)]


def score_toponym(toponym: Toponym, predicted: Point | None) -> RecordScore:
    if predicted is None:
        return RecordScore((Outcome("resolved", False), Outcome("toponym_within_161km", False)))
    km = haversine_km(toponym.lat, toponym.lon, predicted[0], predicted[1])
    return RecordScore((Outcome("resolved", True), Outcome("toponym_within_161km", km <= 161.0)))


def score_timebank(timexes: Sequence[Timex], normalize: Normalizer) -> list[RecordScore]:
    return [score_timex(t, normalize(t.text, t.reference)) for t in timexes]


def score_geowebnews(toponyms: Sequence[Toponym], resolve: ToponymResolver) -> list[RecordScore]:
    """Score one article: its mentions are resolved together, so each has the others as
    context (a demonym stands for its country, as GeoWebNews annotates it)."""
    points = resolve([t.mention for t in toponyms])
    if len(points) != len(toponyms):
        raise GoldError(f"resolver gave {len(points)} points for {len(toponyms)} toponyms")
    return [score_toponym(t, p) for t, p in zip(toponyms, points, strict=True)]
