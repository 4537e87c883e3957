"""The breadth files (officeholders.yaml, organisations_more.yaml) load cleanly and resolve."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from chronica.actors import find_actor
from chronica.actors.dictionary import BUILTIN_FILES, load_dictionary
from chronica.config import Settings


def test_breadth_files_are_registered_and_load_without_collisions() -> None:
    assert {"officeholders.yaml", "organisations_more.yaml"} <= set(BUILTIN_FILES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dictionary = load_dictionary()
    sources = {e.source.rsplit("/", 1)[-1] for e in dictionary.entries.values()}
    assert {"officeholders.yaml", "organisations_more.yaml"} <= sources


@pytest.mark.parametrize(
    ("text", "day", "key", "country", "sector"),
    [
        ("Hakainde Hichilema", date(2023, 5, 1), "hichilema", "ZMB", "GOV"),
        ("Farmaajo", date(2019, 1, 1), "farmaajo", "SOM", "GOV"),
        ("Tebboune", date(2021, 1, 1), "tebboune", "DZA", "GOV"),
        ("Najib Mikati", date(2022, 6, 1), "mikati", "LBN", "GOV"),
        ("Jaishankar", date(2023, 1, 1), "jaishankar", "IND", "GOV"),
        ("Prayuth Chan-ocha", date(2016, 1, 1), "prayut", "THA", "GOV"),
        ("Kassym-Jomart Tokayev", date(2022, 1, 5), "tokayev", "KAZ", "GOV"),
        ("Valery Gerasimov", date(2022, 3, 1), "gerasimov", "RUS", "MIL"),
        ("Kyrylo Budanov", date(2023, 1, 1), "budanov", "UKR", "SPY"),
        ("Lloyd Austin", date(2022, 1, 1), "lloyd_austin", "USA", "MIL"),
        ("Tedros", date(2020, 3, 11), "tedros", "IGO", None),
        ("Abdul-Malik al-Houthi", date(2024, 1, 12), "abdul_malik_houthi", "YEM", "REB"),
        ("Joseph Kony", None, "kony", "UGA", "REB"),
        ("FDLR", None, "fdlr", "COD", "REB"),
        ("Tren de Aragua", None, "tren_de_aragua", "VEN", "CRM"),
        ("Verkhovna Rada", None, "verkhovna_rada", "UKR", "LEG"),
    ],
)
def test_breadth_entry_resolves(
    text: str, day: date | None, key: str, country: str, sector: str | None
) -> None:
    entity = find_actor(text, Settings(), day)
    assert entity.id == f"chronica:{key}"
    assert (entity.country, entity.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "day", "sector"),
    [
        ("Sheikh Hasina", date(2015, 3, 1), "GOV"),  # inside the 2009-2024 term
        ("Sheikh Hasina", date(2002, 3, 1), None),  # between terms
        ("Sheikh Hasina", date(2024, 8, 5), None),  # the day she left: the end is exclusive
        ("Abdul Ghani Baradar", date(2019, 2, 1), "REB"),  # Taliban negotiator
        ("Abdul Ghani Baradar", date(2022, 2, 1), "GOV"),  # deputy prime minister
        ("Ekrem İmamoğlu", date(2020, 1, 1), "GOV"),  # mayor of Istanbul
        ("Ekrem Imamoglu", date(2025, 6, 1), "OPP"),  # detained opposition leader
    ],
)
def test_breadth_roles_are_time_bounded(text: str, day: date, sector: str | None) -> None:
    assert find_actor(text, Settings(), day).sector == sector


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ferdinand Marcos", "ferdinand_marcos_sr"),
        ("Ferdinand Marcos Jr.", "marcos_jr"),
        ("Mahmoud Abbas", "abbas"),  # a persons.yaml entry is unchanged
    ],
)
def test_breadth_keeps_similar_names_apart(text: str, key: str) -> None:
    assert find_actor(text, Settings()).id == f"chronica:{key}"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("King Abdullah", None),  # "Abdullah" is also a given name: no country from it
        ("President Ashraf", None),  # likewise "Ashraf"
        ("President Karzai", "AFG"),  # an unambiguous surname still gives its country
    ],
)
def test_title_and_surname_take_a_country_only_from_unambiguous_surnames(
    text: str, country: str | None
) -> None:
    assert find_actor(text, Settings()).country == country
