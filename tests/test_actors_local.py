"""Local actors (organisations_local.yaml), cross-border groups coded where they act
(``operates_in`` / ActorResolver.at_place) and coordinated country adjectives sharing a head."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from chronica.actors import ActorResolver, find_actor
from chronica.actors.dictionary import BUILTIN_FILES, load_dictionary
from chronica.config import Settings
from chronica.errors import DictionaryError
from chronica.nlp import Block, ParsedDocument
from chronica.pipeline import Coder
from chronica.records import Document, Entity, Mention


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("en")


def _mentions(resolver: ActorResolver, text: str) -> list[Mention]:
    block = Block(index=0, offset=0, doc=_blank()(text), first_sentence=0)
    return resolver.resolve(ParsedDocument(Document("t", text), (block,)))


def test_local_file_is_registered_and_loads_without_collisions() -> None:
    assert "organisations_local.yaml" in BUILTIN_FILES
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dictionary = load_dictionary()
    sources = {e.source.rsplit("/", 1)[-1] for e in dictionary.entries.values()}
    assert "organisations_local.yaml" in sources


@pytest.mark.parametrize(
    ("text", "key", "country", "sector"),
    [
        ("Trinamool Congress", "aitc", "IND", "PTY"),
        ("CPI(M)", "cpim", "IND", "PTY"),
        ("CRPF", "crpf", "IND", "COP"),
        ("Rastriya Prajatantra Party", "rpp", "NPL", "PTY"),
        ("CPN-UML", "cpn_uml", "NPL", "PTY"),
        ("Chhatra League", "bcl", "BGD", "EDU"),
        ("KCTU", "kctu", "KOR", "LAB"),
        ("Pyu Saw Htee", "pyu_saw_htee", "MMR", "MIL"),
        ("NURTW", "nurtw", "NGA", "LAB"),
        ("Amotekun", "amotekun", "NGA", "COP"),
        ("Volunteers for the Defense of the Homeland", "vdp_bfa", "BFA", "MIL"),
        ("FARDC", "fardc", "COD", "MIL"),
        ("Resistance Committees", "resistance_committees", "SDN", "OPP"),
        ("Comisiones Obreras", "ccoo", "ESP", "LAB"),
        ("Carabinieri", "carabinieri", "ITA", "COP"),
        ("Polo Obrero", "polo_obrero", "ARG", "OPP"),
        ("Proud Boys", "proud_boys", "USA", "RAD"),
        ("QSD", "sdf", "SYR", "REB"),  # an alias added to an existing entry
    ],
)
def test_local_entry_resolves(text: str, key: str, country: str, sector: str) -> None:
    entity = find_actor(text, Settings())
    assert entity.id == f"chronica:{key}"
    assert (entity.country, entity.sector) == (country, sector)


@pytest.mark.parametrize("text", ["JI", "CPC", "APC", "SNA"])
def test_ambiguous_acronyms_name_no_local_actor(resolver: ActorResolver, text: str) -> None:
    entity = resolver.lookup(text)
    assert entity is None or entity.id not in {
        "chronica:jemaah_islamiyah", "chronica:cpc_caf", "chronica:somali_national_army"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("PKK", "IRQ", "TUR"),  # national opposition acting abroad keeps its country
        ("PJAK", "IRQ", "IRN"),
        ("Hezbollah", "SYR", "LBN"),
        ("JNIM", "MLI", "MLI"),  # a transnational network where it acts
        ("JNIM", "FRA", "MLI"),  # not where it acts: its own country
        ("JNIM", "BFA", "BFA"),
        ("al-Shabaab", "KEN", "KEN"),
        ("Boko Haram", "CMR", "CMR"),
        ("Islamic State", "IRQ", "IRQ"),  # no country of its own
        ("Islamic State", "FRA", None),
        ("Hamas", "EGY", "PSE"),  # no operates_in: unchanged
    ],
)
def test_at_place(resolver: ActorResolver, text: str, place: str | None, country: str) -> None:
    entity = resolver.lookup(text)
    assert entity is not None
    assert resolver.at_place(entity, place).country == country


@pytest.mark.parametrize(
    "entity",
    [
        Entity(text="troops", sector="MIL"),  # no id
        Entity(text="x", id="chronica:no_such_key", country="TUR"),
    ],
)
def test_at_place_leaves_unknown_entities(resolver: ActorResolver, entity: Entity) -> None:
    assert resolver.at_place(entity, "IRQ") == entity


@pytest.mark.parametrize(
    ("codes", "loads"), [("[IRQ, SYR]", True), ("[Iraq]", False), ("[IRQ, 7]", False)]
)
def test_operates_in_must_hold_country_codes(tmp_path: Path, codes: str, loads: bool) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(f"version: 1\nactors:\n  - {{key: grp_x, name: Grp X, operates_in: {codes}}}\n")
    if loads:
        assert load_dictionary((user,)).entries["grp_x"].operates_in == ("IRQ", "SYR")
    else:
        with pytest.raises(DictionaryError, match="ISO3"):
            load_dictionary((user,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clashes between Russian and Ukrainian armed forces went on .",
            [("RUS", "MIL"), ("UKR", "MIL")],
        ),
        ("Syrian and Iraqi troops crossed the river .", [("SYR", "MIL"), ("IRQ", "MIL")]),
        (
            "Iraqi , Syrian and Turkish officials met .",
            [("IRQ", "GOV"), ("SYR", "GOV"), ("TUR", "GOV")],
        ),
        ("Kenyan or Ugandan police arrested him .", [("KEN", "COP"), ("UGA", "COP")]),
    ],
)
def test_coordinated_adjectives_share_the_head(
    resolver: ActorResolver, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [m for m in _mentions(resolver, text) if m.entity.sector is not None]
    assert [(m.entity.country, m.entity.sector) for m in found] == expected
    head_end = found[-1].end
    assert all(m.end == head_end for m in found)  # every mention covers the head noun
    assert "coordinated" in found[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Ties between Russian and Iran improved .",  # no agent head after the second
        "Russian and Russian troops",  # the same country twice
        "Russian and Ukrainians met .",  # a people, not an agent head
    ],
)
def test_coordination_needs_a_foreign_coded_head(resolver: ActorResolver, text: str) -> None:
    assert not any("coordinated" in m.reason for m in _mentions(resolver, text))


@pytest.mark.parametrize(
    ("text", "words", "country", "sector"),
    [
        ("Oromo militants attacked a bus .", "Oromo militants", "ETH", "REB"),
        ("Zulu workers marched .", "Zulu workers", "ZAF", "LAB"),
        ("Yoruba leaders met .", "Yoruba leaders", "NGA", "CVL"),  # no GOV for a people
        ("Uyghurs protested .", "Uyghurs", "CHN", "CVL"),
    ],
)
def test_peoples_of_one_country(
    resolver: ActorResolver, text: str, words: str, country: str, sector: str
) -> None:
    found = [m for m in _mentions(resolver, text) if m.entity.text == words]
    assert found, [m.entity.text for m in _mentions(resolver, text)]
    assert (found[0].entity.country, found[0].entity.sector) == (country, sector)


@pytest.mark.parametrize("text", ["International Labor Office", "International Labour Office"])
def test_ilo_office_alias(text: str) -> None:
    assert find_actor(text, Settings()).id == "chronica:ilo"


@pytest.mark.model
def test_coder_codes_transnational_group_by_event_place(coder: Coder) -> None:
    doc = Document(id="jnim", text="JNIM fighters attacked a village in Burkina Faso on Monday.")
    events = coder.code(doc)
    jnim = [a for e in events for a in e.actor if a.text.startswith("JNIM")]
    assert [a.country for a in jnim] == ["BFA"]
    assert "acting in several countries" in events[0].reasons.actor
