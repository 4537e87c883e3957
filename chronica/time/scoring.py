"""Scoring the time grammar on TimeML (TempEval-3 TimeBank): normalise each DATE TIMEX3 string
against its document's creation time and compare with the annotated ``value``.

Used by the evaluation command; reads ``.tml`` files from a directory given by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from chronica.errors import InputError
from chronica.records import DateSpan
from chronica.time.grammar import normalize

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_PLAIN = re.compile(r"^\d{3,4}(?:-(?:\d\d|Q[1-4]|W\d\d)(?:-\d\d)?)?$")


@dataclass(frozen=True, slots=True)
class Timex:
    doc: str
    text: str
    value: str
    dct: date


@dataclass(frozen=True, slots=True)
class TimexScore:
    """``total``: DATE timexes with a calendar value; ``found``: normalised to something;
    ``correct``: normalised to exactly the annotated value."""

    total: int
    found: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def timex_value(span: DateSpan) -> str | None:
    """The TIMEX3 value of a span: 2022-06-08, 2022-06, 2022-Q3, 2022-W23, 2022, 198."""
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


def read_timebank(directory: Path) -> Iterator[Timex]:
    """DATE timexes with a calendar value, from every ``.tml`` file of a directory."""
    files = sorted(directory.glob("*.tml"))
    if not files:
        raise InputError("no .tml files found", str(directory))
    for path in files:
        text = path.read_text(encoding="utf-8")
        dct: date | None = None
        timexes: list[tuple[str, str]] = []
        for m in _TIMEX.finditer(text):
            attrs = dict(_ATTR.findall(m.group(1)))
            if attrs.get("functionInDocument") == "CREATION_TIME":
                dct = date.fromisoformat(attrs["value"][:10])
            elif attrs.get("type") == "DATE" and _PLAIN.match(attrs.get("value", "")):
                timexes.append((_TAG.sub("", m.group(2)).strip(), attrs["value"]))
        if dct is None:
            continue
        for t, value in timexes:
            yield Timex(path.stem, t, value, dct)


def score_timebank(directory: Path) -> TimexScore:
    """Normalise every DATE timex against its DCT and count exact value matches."""
    total = found = correct = 0
    for timex in read_timebank(directory):
        total += 1
        span = normalize(timex.text, timex.dct)
        if span is None:
            continue
        found += 1
        correct += timex_value(span) == timex.value
    return TimexScore(total, found, correct)
