"""Capitalised names that look like places but name things: a weapon ("Grad missiles"), an
armed group or a company ("Wagner group", "Carrefour supermarket"), a storm ("Hurricane
Ian"), a group defined by its allies ("Islah-affiliated"), or a street, square or park
("Victoria Park", "St Mary's Road"), whose name is a small town somewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import yaml
from spacy.tokens import Span

from chronica.errors import DictionaryError
from chronica.place.gazetteer import BIG_CITY, DATA, GazEntry, fold

# A noun right after a name says the name is that thing's: "Wagner group", "Grad missiles".
THING_WORDS = frozenset(
    ["group", "company", "corporation", "supermarket", "supermarkets", "store", "stores",
     "shop", "restaurant", "chain", "party", "brigade", "battalion", "regiment", "launcher",
     "launchers", "missile", "missiles", "rocket", "rockets", "mlrs"]
)  # fmt: skip
# A word ending or following a name that makes it a street, square or park (a junction or a
# bridge is mostly named after the town it is in: "Beit ed Dine junction").
STREET_WORDS = frozenset(
    ["street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane", "square", "park",
     "campus", "beach"]
)  # fmt: skip
# Words before a storm's name ("Cyclone Idai").
STORM_WORDS = frozenset(["hurricane", "typhoon", "cyclone", "storm"])
# "X-affiliated", "X-backed": the name qualifies an actor, not a place of the event.
AFFILIATION_WORDS = frozenset(
    ["affiliated", "backed", "led", "allied", "aligned", "linked", "sponsored", "supported"]
)
_SKIPPED = frozenset(["'", '"', "’", "”", "'s", "’s"])


@lru_cache(maxsize=1)
def not_place_names() -> frozenset[str]:
    """Folded names never read as a place alone (chronica/data/places/not_places.yaml)."""
    path = DATA / "not_places.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(
            f"cannot read the names that are not places: {exc}", str(path)
        ) from exc
    return frozenset(fold(str(name)) for names in data.values() for name in names or ())


def _after(texts: Sequence[str], end: int, sent_end: int) -> int | None:
    """Index of the word after a name ending at ``end``, closing quotes and a possessive
    "'s" skipped; None at the end of the sentence."""
    i = end
    while i < sent_end and texts[i] in _SKIPPED:
        i += 1
    return i if i < sent_end else None


def names_a_thing(span: Span, texts: Sequence[str], sent_start: int, sent_end: int) -> bool:
    """Does the span name a weapon, a group, a company or a storm, not a place? ``texts``:
    the token texts of the span's Doc; the sentence runs from ``sent_start`` to
    ``sent_end``."""
    if fold(span.text) in not_place_names():
        return True
    if span.start > sent_start and texts[span.start - 1].lower() in STORM_WORDS:
        return True
    i = _after(texts, span.end, sent_end)
    if i is None:
        return False
    if texts[i].lower() in THING_WORDS:
        return True
    if texts[i] != "-" or i + 1 >= sent_end or texts[i + 1].lower() not in AFFILIATION_WORDS:
        return False
    doc = span.doc
    return not doc[i - 1].whitespace_ and not doc[i].whitespace_  # "Islah-affiliated"


def street_readings(
    span: Span, entries: Sequence[GazEntry], texts: Sequence[str], sent_end: int
) -> tuple[GazEntry, ...]:
    """The readings a street, square or park name can have ("Victoria Park", "South Street",
    "St Mary's Road"): only well-known sites, countries and large towns or units; all
    readings for other names. ``texts`` and ``sent_end`` as for :func:`names_a_thing`."""
    i = _after(texts, span.end, sent_end)
    last = texts[span.end - 1].lower()
    if last not in STREET_WORDS and (i is None or texts[i].lower() not in STREET_WORDS):
        return tuple(entries)
    return tuple(
        e
        for e in entries
        if e.source == "site" or e.feature == "country" or e.population >= BIG_CITY
    )
