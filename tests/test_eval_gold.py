"""Gold parsers of chronica.evaluation.gold on hand-written records."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chronica.errors import GoldError
from chronica.evaluation.gold import (
    actor_country,
    parse_acled,
    parse_coped,
    parse_muc4,
    parse_petr2_gsr,
    parse_plover_gsr,
)


def test_parse_plover_gsr() -> None:
    gold = parse_plover_gsr(
        {
            "plover": "PROTEST",
            "mode": "demo-org",
            "source": [{"text": "students", "code": "FRECVL", "country": "FRA", "sector": "CVL"}],
            "target": [],
            "location": {"name": "Lyon", "countries": ["FRA"]},
        }
    )
    assert (gold.plover, gold.mode, gold.location_countries) == ("PROTEST", "demo-org", ("FRA",))
    assert gold.sources[0].country == "FRA" and gold.sources[0].sector == "CVL"
    assert parse_plover_gsr({"plover": "AID", "location": None}).location_countries == ()


def test_parse_petr2_gsr() -> None:
    gold = parse_petr2_gsr(
        {
            "events": [
                {
                    "cameo": "0874",
                    "plover": "RETREAT",
                    "source_country": "ABC",
                    "target_country": None,
                }
            ],
            "expect_noevents": False,
        }
    )
    assert gold.events[0].root == "08" and gold.events[0].target_country is None
    assert parse_petr2_gsr({"events": [], "expect_noevents": True}).expect_no_events


def test_parse_coped() -> None:
    gold = parse_coped(
        {
            "penta_class": 2,
            "source_spans": ["the U . K"],
            "target_spans": [],
            "reciprocal_spans": [],
        }
    )
    assert gold.penta_class == 2 and gold.source_spans == ("the U . K",)


@pytest.mark.parametrize(
    ("actor", "fallback", "country_name", "expected"),
    [
        ("Protesters (France)", "DEU", None, "FRA"),
        ("Military Forces of Russia (2000-)", "UKR", "Ukraine", "RUS"),
        ("Military Forces of Ruritania (2019-)", "RUR", None, "RUR"),
        ("Protesters (Ruritania)", "RUR", "Ruritania", "RUR"),
        ("Rioters (Atlantis)", None, None, None),
        (None, "BOL", None, "BOL"),
    ],
)
def test_acled_actor_country(
    actor: str | None, fallback: str | None, country_name: str | None, expected: str | None
) -> None:
    assert actor_country(actor, fallback, country_name) == expected


def test_parse_acled() -> None:
    gold = parse_acled(
        {
            "event_type": "Protests",
            "event_date": "2022-05-01",
            "actor1": "Protesters (Chile)",
            "country_iso3": "CHL",
            "latitude": -33.4,
            "longitude": "-70.6",
        }
    )
    assert gold.event_date == date(2022, 5, 1) and gold.actor_country == "CHL"
    assert (gold.lat, gold.lon) == (-33.4, -70.6)


def test_parse_muc4() -> None:
    gold = parse_muc4(
        {
            "relevant": True,
            "templates": [
                {
                    "incident_type": ["ATTACK"],
                    "date": {"intervals": [["1989-01-02", "1989-01-04"]]},
                    "location": {"countries": ["PER"]},
                    "perp_confidence": ["POSSIBLE"],
                },
                {"incident_type": ["ARSON"], "date": None, "location": None, "perp_confidence": []},
            ],
        }
    )
    first, second = gold.templates
    assert first.intervals == ((date(1989, 1, 2), date(1989, 1, 4)),)
    assert first.countries == ("PER",) and second.intervals == () and second.countries == ()


@pytest.mark.parametrize(
    ("parse", "raw"),
    [
        (parse_plover_gsr, {"mode": None}),
        (parse_petr2_gsr, {"events": [{"plover": "AID"}]}),
        (parse_coped, {"penta_class": 7}),
        (parse_acled, {"event_date": "2022-01-01"}),
        (parse_acled, {"event_type": "Riots", "event_date": "yesterday"}),
        (parse_muc4, {"relevant": True, "templates": ["not an object"]}),
    ],
)
def test_malformed_gold_raises(parse: Any, raw: dict[str, Any]) -> None:
    with pytest.raises(GoldError):
        parse(raw)
