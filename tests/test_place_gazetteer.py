"""The offline gazetteer and toponym resolution in context (no spaCy model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronica.place import geocode_mentions
from chronica.place.gazetteer import (
    GazEntry,
    Gazetteer,
    _open_cache,
    _write_cache,
    cache_path,
    fold,
)
from chronica.place.toponyms import Toponym, resolve_names, resolve_toponym


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Saint-Étienne", "st etienne"),
        ("St. Petersburg", "st petersburg"),
        ("SAN SALVADOR", "san salvador"),
        ("Neulußheim", "neulusshheim".replace("ssh", "ss")),
        ("U.S.", "us"),
        ("Ashraf-3", "ashraf 3"),
    ],
)
def test_place_fold(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Paris", "FRA", "city"),
        ("Albania", "ALB", "country"),
        ("ALBANIA", "ALB", "country"),
        ("Iran", "IRN", "country"),
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("Texas", "USA", "admin1"),
        ("Camp Ashraf", "IRQ", "other"),
        ("Camp Liberty", "IRQ", "other"),
        ("Ashraf-3", "ALB", "other"),
        ("Guantanamo Bay", "CUB", "other"),
        ("Gaza Strip", "PSE", "region"),
        ("Kiev", "UKR", "city"),  # another name of a large town
    ],
)
def test_place_lookup_best_prior(gaz: Gazetteer, name: str, country: str, feature: str) -> None:
    best = gaz.lookup(name)[0]
    assert (best.country, best.feature) == (country, feature)
    assert best.lat is not None and best.lon is not None


def test_place_lookup_country_hint_first(gaz: Gazetteer) -> None:
    assert gaz.lookup("Paris", country_hint="USA")[0].country == "USA"


def test_place_lookup_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Salvadoran", "SLV"), ("Iranians", "IRN"), ("French", "FRA"), ("Albanian", "ALB")],
)
def test_place_demonyms(gaz: Gazetteer, word: str, iso3: str) -> None:
    assert gaz.demonym(word) == iso3


def toponym(gaz: Gazetteer, text: str, qualifier: str | None = None) -> Toponym:
    quals: tuple[GazEntry, ...] = tuple(gaz.lookup(qualifier)) if qualifier else ()
    return Toponym(0, 0, 0, 1, text, tuple(gaz.lookup(text)), quals, qualifier or "")


@pytest.mark.parametrize(
    ("text", "qualifier", "votes", "country", "feature", "why"),
    [
        ("Paris", None, {}, "FRA", "city", "population"),
        ("Paris", "Texas", {}, "USA", "city", "qualified by 'Texas'"),
        ("Albania", None, {"COL": 1.0}, "ALB", "country", "a country name beats a town"),
        ("San Miguel", None, {"SLV": 3.0}, "SLV", None, "document points to SLV"),
        ("Cordoba", None, {"ESP": 3.0}, "ESP", "city", "document points to ESP"),
    ],
)
def test_place_resolve_toponym_in_context(
    gaz: Gazetteer,
    text: str,
    qualifier: str | None,
    votes: dict[str, float],
    country: str,
    feature: str | None,
    why: str,
) -> None:
    resolved = resolve_toponym(toponym(gaz, text, qualifier), votes)
    assert resolved.entry is not None and resolved.entry.country == country
    if feature is not None:
        assert resolved.entry.feature == feature
    assert why in resolved.reason
    assert "also" in resolved.reason  # the ambiguity is noted


def test_place_unknown_name_located_by_qualifier(gaz: Gazetteer) -> None:
    t = Toponym(0, 0, 0, 1, "Xyzzyville", (), tuple(gaz.lookup("Texas")), "Texas")
    resolved = resolve_toponym(t, {})
    assert resolved.entry is not None and resolved.entry.country == "USA"
    assert "located by its qualifier 'Texas'" in resolved.reason


def test_place_unknown_name_without_qualifier_is_unresolved(gaz: Gazetteer) -> None:
    resolved = resolve_toponym(Toponym(0, 0, 0, 1, "Xyzzyville", ()), {})
    assert resolved.entry is None and "not in the gazetteer" in resolved.reason


@pytest.mark.parametrize(
    ("names", "countries"),
    [
        (["Paris", "Texas"], ["USA", "USA"]),
        (["Paris", "Lyon"], ["FRA", "FRA"]),
        (["Paris", "French", "Xyzzyville"], ["FRA", "FRA", None]),
    ],
)
def test_place_resolve_names_together(
    gaz: Gazetteer, names: list[str], countries: list[str | None]
) -> None:
    resolved = resolve_names(names, gaz)
    assert [r.entry.country if r.entry else None for r in resolved] == countries


def test_place_geocode_mentions_gives_points() -> None:
    (paris, nowhere) = geocode_mentions(["Paris", "Xyzzyville"])
    assert paris is not None and abs(paris[0] - 48.85) < 0.5 and nowhere is None


SMALL = Gazetteer(
    {
        "eastville": (
            GazEntry("Eastville", "FRE", "North", 1.0, 2.0, 7, "city", 5000, "geonames"),
            GazEntry("Eastville", "SYL", None, None, None, None, "admin1", 0, "admin1"),
        ),
        "freedonia": (GazEntry("Freedonia", "FRE", None, 3.0, 4.0, 9, "country", 10, "country"),),
    },
    {"east town": (GazEntry("Eastville", "FRE", "North", 1.0, 2.0, 7, "city", 5000, "geonames"),)},
    {"FRE": GazEntry("Freedonia", "FRE", None, 3.0, 4.0, 9, "country", 10, "country")},
    {"freedonian": "FRE"},
)


def test_place_cache_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "gaz.sqlite"
    _write_cache(path, SMALL)
    opened = _open_cache(path)
    assert opened is not None
    for name in ["Eastville", "Freedonia", "East Town", "Nowhere"]:
        assert opened.lookup(name) == SMALL.lookup(name)
    assert opened.countries == SMALL.countries
    assert opened.demonym("Freedonian") == "FRE"
    assert "eastville" in opened.index and len(opened.index) == 2


def test_place_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "gaz.sqlite"
    path.write_bytes(b"not a database")
    assert _open_cache(path) is None
    assert _open_cache(tmp_path / "missing.sqlite") is None


def test_place_cache_path_follows_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHRONICA_CACHE_DIR", str(tmp_path))
    path = cache_path(1000)
    assert path.parent == tmp_path and path.name.startswith("gazetteer-")
    assert cache_path(5000) != path


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=24), max_size=6))
def test_place_geocode_mentions_never_crashes(names: list[str]) -> None:
    points = geocode_mentions(names)
    assert len(points) == len(names)
    assert all(p is None or (-90 <= p[0] <= 90 and -180 <= p[1] <= 180) for p in points)
