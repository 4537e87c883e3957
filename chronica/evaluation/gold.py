"""Gold records of the evaluation sets, parsed from ``<set>.gold.jsonl`` into frozen records.

Each parser takes the ``gold`` object of one line (see /work/shared/eval/README.md for the
fields) and keeps only what the scorers use. A malformed record raises :class:`GoldError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pycountry

from chronica.errors import GoldError


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold source or target: its text and normalised country (ISO3/IGO/NGO) and sector."""

    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PloverGold:
    plover: str
    mode: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    location_countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Petr2GoldEvent:
    cameo: str
    plover: str | None
    source_country: str | None
    target_country: str | None

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Petr2Gold:
    events: tuple[Petr2GoldEvent, ...]
    expect_no_events: bool


@dataclass(frozen=True, slots=True)
class CopedGold:
    penta_class: int  # 0 statement, 1-4 quad class
    source_spans: tuple[str, ...]
    target_spans: tuple[str, ...]
    reciprocal_spans: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcledGold:
    event_type: str
    event_date: date | None
    actor1: str | None
    actor_country: str | None  # from the actor1 "(Country)" suffix, else country_iso3
    country: str | None  # country_iso3 of the event
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class MucTemplate:
    incident_types: tuple[str, ...]
    intervals: tuple[tuple[date, date], ...]
    countries: tuple[str, ...]
    perp_confidence: tuple[str, ...]
    perpetrators: tuple[str, ...] = ()  # every alternative of the perp_* fills
    targets: tuple[str, ...] = ()  # every alternative of the target fills


@dataclass(frozen=True, slots=True)
class MucGold:
    relevant: bool
    templates: tuple[MucTemplate, ...]


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        return ()
    return tuple(s for s in (_str(v) for v in value) if s)


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise GoldError(f"bad date {value!r}") from exc


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise GoldError(f"bad number {value!r}") from exc


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise GoldError(f"{what} must be an object, got {type(value).__name__}")
    return value


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        return ()
    out = []
    for raw in value:
        item = _mapping(raw, "actor")
        out.append(GoldActor(_str(item.get("text")) or "", _str(item.get("country")),
                             _str(item.get("sector"))))  # fmt: skip
    return tuple(out)


def parse_plover_gsr(raw: Mapping[str, Any]) -> PloverGold:
    plover = _str(raw.get("plover"))
    if plover is None:
        raise GoldError("plover_gsr record without 'plover'")
    location = raw.get("location")
    countries = _strs(_mapping(location, "location").get("countries")) if location else ()
    return PloverGold(plover, _str(raw.get("mode")), _actors(raw.get("source")),
                      _actors(raw.get("target")), countries)  # fmt: skip


def parse_petr2_gsr(raw: Mapping[str, Any]) -> Petr2Gold:
    events = []
    for item in raw.get("events") or ():
        ev = _mapping(item, "event")
        cameo = _str(ev.get("cameo"))
        if cameo is None:
            raise GoldError("petr2_gsr event without 'cameo'")
        events.append(Petr2GoldEvent(cameo, _str(ev.get("plover")), _str(ev.get("source_country")),
                                     _str(ev.get("target_country"))))  # fmt: skip
    return Petr2Gold(tuple(events), bool(raw.get("expect_noevents")))


def parse_coped(raw: Mapping[str, Any]) -> CopedGold:
    penta = raw.get("penta_class")
    if not isinstance(penta, int) or not 0 <= penta <= 4:
        raise GoldError(f"coped record with bad penta_class {penta!r}")
    return CopedGold(penta, _strs(raw.get("source_spans")), _strs(raw.get("target_spans")),
                     _strs(raw.get("reciprocal_spans")))  # fmt: skip


_PARENS = re.compile(r"\(([^()]*)\)")
_OF = re.compile(r"\bof (?:the )?([A-Z][^()]*?)\s*(?:\(|$)")


@lru_cache(maxsize=1024)
def country_code(name: str) -> str | None:
    """ISO3 for a country name: an exact pycountry match, else a fuzzy match whose name starts
    with ``name`` ("Russia" -> Russian Federation), else None."""
    name = name.strip()
    if not name or not name[0].isalpha():
        return None
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    for country in found[:1]:
        names = (getattr(country, k, "") for k in ("name", "official_name", "common_name"))
        if any(n.lower().startswith(name.lower()) for n in names if n):
            return str(country.alpha_3)
    return None


def actor_country(
    actor: str | None, fallback: str | None, country_name: str | None = None
) -> str | None:
    """ISO3 country of an ACLED actor: from a "(Country)" suffix or an "of Country" name
    ("Military Forces of Ruritania (2019-)"); a name equal to the event's country name
    (``country_name``) gives ``fallback``. Without a resolvable country: ``fallback``."""
    if actor:
        names = [*_PARENS.findall(actor), *_OF.findall(actor)]
        for name in names:
            if country_name and name.strip().lower() == country_name.strip().lower():
                return fallback
            code = country_code(name)
            if code is not None:
                return code
    return fallback


def parse_acled(raw: Mapping[str, Any]) -> AcledGold:
    event_type = _str(raw.get("event_type"))
    if event_type is None:
        raise GoldError("acled record without 'event_type'")
    iso3 = _str(raw.get("country_iso3"))
    actor1 = _str(raw.get("actor1"))
    return AcledGold(
        event_type=event_type,
        event_date=_date(raw.get("event_date")),
        actor1=actor1,
        actor_country=actor_country(actor1, iso3, _str(raw.get("country"))),
        country=iso3,
        lat=_float(raw.get("latitude")),
        lon=_float(raw.get("longitude")),
    )


def _intervals(value: Any) -> tuple[tuple[date, date], ...]:
    out = []
    for pair in value or ():
        if isinstance(pair, Sequence) and len(pair) == 2:
            start, end = _date(pair[0]), _date(pair[1])
            if start is not None and end is not None:
                out.append((start, end))
    return tuple(out)


def _fills(template: Mapping[str, Any], *slots: str) -> tuple[str, ...]:
    """Every alternative string of the named MUC slot fills."""
    out: list[str] = []
    for slot in slots:
        for fill in template.get(slot) or ():
            if isinstance(fill, Mapping):
                out += _strs(fill.get("alternatives"))
    return tuple(out)


def parse_muc4(raw: Mapping[str, Any]) -> MucGold:
    templates = []
    for item in raw.get("templates") or ():
        t = _mapping(item, "template")
        when = t.get("date")
        where = t.get("location")
        intervals = _intervals(_mapping(when, "date").get("intervals")) if when else ()
        countries = _strs(_mapping(where, "location").get("countries")) if where else ()
        templates.append(MucTemplate(_strs(t.get("incident_type")), intervals, countries,
                                     _strs(t.get("perp_confidence")),
                                     _fills(t, "perp_individual", "perp_organization"),
                                     _fills(t, "phys_target", "hum_target_name",
                                            "hum_target_description")))  # fmt: skip
    return MucGold(bool(raw.get("relevant")), tuple(templates))
