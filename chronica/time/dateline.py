"""Datelines: the place and date a wire story opens with, e.g. "SAN SALVADOR, 12 JAN 90 -- ..."
or "WASHINGTON, June 3, 2021 (Reuters) - ...". The date is the document's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chronica.time.grammar import Refs, point

# Place: capitalised words (optionally ", COUNTRY" or " (COUNTRY)"), then the date, then a dash,
# an opening bracket or the end of the line.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'-]*(?:[ ][A-Za-z.'-]+){0,4}(?:,\s*[A-Z][A-Za-z.'-]*"
    r"(?:[ ][A-Za-z.'-]+){0,3})?)(?:\s*\([A-Za-z .'-]{2,40}\))?,\s*"
    r"(?P<date>[^-–—(\[\n]{4,30}?)\s*(?:\(|\[|--|-|–|—|\n|$)"
)
_HEAD = 300  # a dateline stands in the first characters of a story


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: date
    end: int  # char offset where the dateline's date ends


def match_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` when it carries a full date, else None."""
    m = _DATELINE.match(text[:_HEAD])
    if m is None:
        return None
    res = point(m.group("date").strip().rstrip(","), Refs())
    if res is None or res.span is None or res.span.granularity != "day":
        return None
    assert res.span.start is not None
    return Dateline(m.group("place").split(",")[0].strip(), res.span.start, m.end("date"))


def find_dateline(text: str) -> date | None:
    """The full date (day, month and year) of a dateline at the start of ``text``, or None."""
    found = match_dateline(text)
    return None if found is None else found.date


_OUTLET = re.compile(r"\s*\((?P<outlet>[A-Za-z][^()\n]{1,59})\)\s*(?:--|-|–|—|\[)")


def dateline_outlet(text: str) -> str | None:
    """The outlet a dated dateline names after its date ("(RADIO VENCEREMOS) --", "(Reuters)
    -"), or None."""
    m = _DATELINE.match(text[:_HEAD])
    if m is None or find_dateline(text) is None:
        return None
    outlet = _OUTLET.match(text, m.end("date"))
    return " ".join(outlet.group("outlet").split()) if outlet is not None else None


def dateline_place(text: str) -> str | None:
    """The place of a dated dateline ("SAN SALVADOR"), or None when there is no dateline."""
    found = match_dateline(text)
    return None if found is None else found.place
