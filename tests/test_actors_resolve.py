"""Actor resolution on spaCy.blank("en") tokenisation (no model): the rules, case by case."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
import spacy
from conftest import make_doc, parsed_from_docs
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from chronica.actors import ActorResolver
from chronica.config import Settings
from chronica.nlp import Block, ParsedDocument
from chronica.records import Document, Entity, Mention


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("en")


def _parsed(*paragraphs: str, published: date | None = None) -> ParsedDocument:
    nlp = _blank()
    blocks = []
    offset = 0
    for i, text in enumerate(paragraphs):
        blocks.append(Block(index=i, offset=offset, doc=nlp(text), first_sentence=i))
        offset += len(text) + 2
    return ParsedDocument(
        Document("t", "\n\n".join(paragraphs), published=published), tuple(blocks)
    )


def _mentions(
    resolver: ActorResolver, *paragraphs: str, published: date | None = None
) -> list[Mention]:
    return resolver.resolve(_parsed(*paragraphs, published=published))


def _find(mentions: list[Mention], text: str) -> Mention:
    for m in mentions:
        if m.entity.text == text:
            return m
    raise AssertionError(f"no mention {text!r} in {[m.entity.text for m in mentions]}")


def _codes(m: Mention) -> tuple[str | None, str | None]:
    return m.entity.country, m.entity.sector


@pytest.mark.parametrize(
    ("sentence", "text", "country", "sector"),
    [
        # countries, short names, normalised forms
        ("Iran rejected the offer.", "Iran", "IRN", None),
        ("The U.S. rejected the offer.", "U.S.", "USA", None),
        ("The US rejected the offer.", "US", "USA", None),
        ("The United States rejected the offer.", "United States", "USA", None),
        ("America rejected the offer.", "America", "USA", None),
        ("Britain and Turkey signed.", "Turkey", "TUR", None),
        # demonyms
        ("The Iraqis protested.", "Iraqis", "IRQ", "CVL"),
        ("A French delegation arrived.", "French delegation", "FRA", "GOV"),
        # capitals as metonyms
        ("Tehran said the talks failed.", "Tehran", "IRN", "GOV"),
        ("Relations between Tehran and Paris soured.", "Paris", "FRA", "GOV"),
        # composition
        ("Iraqi troops shelled the town.", "Iraqi troops", "IRQ", "MIL"),
        ("Iraqi forces advanced.", "Iraqi forces", "IRQ", "MIL"),
        (
            "Iranian civilian nuclear scientists were killed.",
            "Iranian civilian nuclear scientists",
            "IRN",
            "CVL",
        ),
        ("Iran's foreign minister arrived.", "Iran's foreign minister", "IRN", "GOV"),
        ("The army of Iraq advanced.", "army of Iraq", "IRQ", "MIL"),
        ("Senior Russian military officials met.", "Russian military officials", "RUS", "MIL"),
        ("Kenyan police arrested two men.", "Kenyan police", "KEN", "COP"),
        ("Syrian rebels attacked.", "Syrian rebels", "SYR", "REB"),
        ("Afghan refugees crossed the border.", "Afghan refugees", "AFG", "REF"),
        (
            "U.S. Air Force Brigadier General Mark Lee spoke.",
            "U.S. Air Force Brigadier General Mark Lee",
            "USA",
            "MIL",
        ),
        # agent words alone
        ("Unidentified armed men opened fire.", "Unidentified armed men", None, "UAF"),
        ("Gunmen opened fire.", "Gunmen", None, "UAF"),
        ("Police arrested the protesters.", "protesters", None, "OPP"),
        # international bodies and named services
        ("NATO condemned the strike.", "NATO", "IGO", "MIL"),
        ("The UN Security Council met.", "UN Security Council", "IGO", None),
        ("UN peacekeepers withdrew.", "UN peacekeepers", "IGO", "MIL"),
        ("Amnesty International criticised it.", "Amnesty International", "NGO", "HRI"),
        ("The CIA denied it.", "CIA", "USA", "SPY"),
        ("Mossad was blamed.", "Mossad", "ISR", "SPY"),
        # non-state groups and aliases
        ("Hezbollah fired rockets.", "Hezbollah", "LBN", "REB"),
        ("The Houthis seized the ship.", "Houthis", "YEM", "REB"),
        ("Al-Shabaab claimed the attack.", "Al-Shabaab", "SOM", "REB"),
        ("Islamic State fighters withdrew.", "Islamic State fighters", None, "REB"),
        ("MS-13 gang members fled.", "MS-13 gang members", "SLV", "CRM"),
        ("The SPLM/A shelled the town.", "SPLM/A", "SDN", "REB"),
    ],
)
def test_resolution_cases(
    resolver: ActorResolver, sentence: str, text: str, country: str | None, sector: str | None
) -> None:
    assert _codes(_find(_mentions(resolver, sentence), text)) == (country, sector)


@pytest.mark.parametrize(
    "name",
    ["MEK", "MKO", "PMOI", "People's Mojahedin Organization of Iran", "Mujahedin-e Khalq",
     "Mojahedin-e Khalq", "People’s Mujahedin of Iran"],
)  # fmt: skip
def test_mek_aliases(resolver: ActorResolver, name: str) -> None:
    m = _find(_mentions(resolver, f"Officials said the {name} held a rally."), name)
    assert m.entity.id == "chronica:mek"
    assert m.kind in ("dictionary", "composed")


@pytest.mark.parametrize("name", ["Mujaheddin-e-Khalq", "Mojahedeen-e Khalq", "Mudjahedin-e Khalq"])
def test_mek_fuzzy_variants(resolver: ActorResolver, name: str) -> None:
    m = _find(_mentions(resolver, f"Officials said the {name} held a rally."), name)
    assert (m.entity.id, m.kind) == ("chronica:mek", "fuzzy")
    assert "fuzzy match" in m.reason


@pytest.mark.parametrize(("name", "parent"), [("NCRI", "chronica:mek"), ("NLA", "chronica:mek")])
def test_fronts_carry_parent(resolver: ActorResolver, name: str, parent: str) -> None:
    assert _find(_mentions(resolver, f"The {name} issued a statement."), name).parent == parent


def test_capital_as_place_is_not_an_actor(resolver: ActorResolver) -> None:
    texts = [m.entity.text for m in _mentions(resolver, "The talks were held in Tehran.")]
    assert "Tehran" not in texts


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("Let us talk to them.", [], ["Let", "us"]),
        ("Who is responsible is unclear.", [], ["Who"]),
        ("They offered an amnesty to prisoners.", [], ["amnesty"]),
        ("We ate turkey.", [], ["turkey"]),
    ],
)
def test_common_words_are_not_actors(
    resolver: ActorResolver, sentence: str, present: list[str], absent: list[str]
) -> None:
    texts = [m.entity.text for m in _mentions(resolver, sentence)]
    for word in absent:
        assert word not in texts


def test_all_caps_wire_text(resolver: ActorResolver) -> None:
    ms = _mentions(
        resolver, "FMLN GUERRILLAS ATTACKED A POLICE POST, US OFFICIALS SAID IT IS TRUE."
    )
    assert _find(ms, "FMLN GUERRILLAS").entity.id == "chronica:fmln"
    assert _codes(_find(ms, "US OFFICIALS")) == ("USA", "GOV")
    assert "IS" not in [m.entity.text for m in ms]


def test_acronym_defined_in_text(resolver: ActorResolver) -> None:
    ms = _mentions(
        resolver,
        "The Northern Valley Liberation Front (NVLF) attacked a convoy.",
        "Later the NVLF said it would stop.",
    )
    long = _find(ms, "Northern Valley Liberation Front")
    assert long.kind == "acronym"
    later = [m for m in ms if m.entity.text == "NVLF" and m.block == 1]
    assert later and later[0].entity.name == "Northern Valley Liberation Front"
    assert "defined in the text" in later[0].reason


def test_acronym_with_or_form(resolver: ActorResolver) -> None:
    ms = _mentions(resolver, "The Coastal Defence League, or CDL, rejected the plan. The CDL left.")
    assert [m.entity.name for m in ms if m.entity.text == "CDL"] == ["Coastal Defence League"] * 2


def test_acronym_of_dictionary_actor_keeps_its_codes(resolver: ActorResolver) -> None:
    ms = _mentions(resolver, "The Kurdistan Workers' Party (PKK) attacked. The PKK denied it.")
    assert {m.entity.id for m in ms if m.entity.text == "PKK"} == {"chronica:pkk"}


@pytest.mark.parametrize(
    ("text", "anaphor"),
    [
        (
            "Hamas rejected the plan. The group said its leadership had not been consulted.",
            "The group",
        ),
        (
            "Hamas rejected the plan. The group said its leadership had not been consulted.",
            "its leadership",
        ),
        ("The MEK held a rally. It said the regime was weak.", "It"),
        ("Hezbollah fired rockets and the organization later denied it.", "the organization"),
    ],
)
def test_coreference(resolver: ActorResolver, text: str, anaphor: str) -> None:
    m = _find(_mentions(resolver, text), anaphor)
    assert m.kind == "coref"
    assert m.entity.id in ("Q38799", "chronica:mek", "Q41053")
    assert "coreference" in m.reason


def test_expletive_it_is_skipped(resolver: ActorResolver) -> None:
    ms = _mentions(resolver, "Hamas rejected the plan. It is unclear whether talks resume.")
    assert "It" not in [m.entity.text for m in ms]


def test_they_takes_a_plural_actor(resolver: ActorResolver) -> None:
    m = _find(_mentions(resolver, "Iraqi troops entered the town and they burned it."), "they")
    assert _codes(m) == ("IRQ", "MIL")


def test_surname_after_full_name(resolver: ActorResolver) -> None:
    ms = _mentions(resolver, "Maryam Rajavi spoke in Paris. Rajavi said the rally was large.")
    m = _find(ms, "Rajavi")
    assert (m.kind, m.entity.id) == ("coref", "chronica:rajavi_maryam")


def test_title_before_known_person(resolver: ActorResolver) -> None:
    ms = _mentions(resolver, "President Obama met Iraqi Prime Minister Nouri al-Maliki.",
                   published=date(2010, 5, 1))  # fmt: skip
    obama = _find(ms, "President Obama")
    assert (obama.entity.id, _codes(obama)) == ("Q76", ("USA", "GOV"))
    maliki = _find(ms, "Iraqi Prime Minister Nouri al-Maliki")
    assert _codes(maliki) == ("IRQ", "GOV")
    later = _mentions(
        resolver, "Iraqi Prime Minister Nouri al-Maliki spoke.", published=date(2020, 1, 1)
    )
    assert _codes(later[0]) == ("IRQ", None)
    assert "at publication date 2020-01-01: no role" in later[0].reason


def test_title_before_unknown_name(resolver: ActorResolver) -> None:
    m = _find(_mentions(resolver, "Kenyan Interior Minister Jane Wairimu spoke."),
              "Kenyan Interior Minister Jane Wairimu")  # fmt: skip
    assert (m.entity.name, *_codes(m)) == ("Jane Wairimu", "KEN", "GOV")


@pytest.mark.parametrize(
    ("day", "country", "sector"),
    [
        (date(2012, 3, 1), "USA", "GOV"),
        (date(2005, 3, 1), "USA", None),  # before the term: the person, no GOV
        (date(2018, 3, 1), "USA", None),  # after the term
        (None, "USA", None),
    ],
)
def test_at_date(
    resolver: ActorResolver, day: date | None, country: str, sector: str | None
) -> None:
    entity = Entity(text="Obama", name="Barack Obama", country="USA", id="Q76")
    coded = resolver.at_date(entity, day)
    assert (coded.country, coded.sector) == (country, sector)


def test_at_date_for_organisations_with_roles(resolver: ActorResolver) -> None:
    taliban = resolver.lookup("Taliban")
    assert taliban is not None
    assert resolver.at_date(taliban, date(2010, 1, 1)).sector == "REB"
    assert resolver.at_date(taliban, date(2022, 1, 1)).sector == "GOV"


@pytest.mark.parametrize(
    ("query", "name", "country", "sector"),
    [
        ("MEK", "People's Mojahedin Organization of Iran", "IRN", "OPP"),
        ("PMOI", "People's Mojahedin Organization of Iran", "IRN", "OPP"),
        ("Iran", "Iran", "IRN", None),
        ("IRN", "Iran", "IRN", None),
        ("Q794", "Iran", "IRN", None),
        ("Iraqi troops", "Iraq military", "IRQ", "MIL"),
        ("Tehran", "Iran government", "IRN", "GOV"),
        ("Mojahedin Khalq Organisation", "People's Mojahedin Organization of Iran", "IRN", "OPP"),
    ],
)
def test_lookup(
    resolver: ActorResolver, query: str, name: str, country: str, sector: str | None
) -> None:
    entity = resolver.lookup(query)
    assert entity is not None
    assert (entity.text, entity.name, entity.country, entity.sector) == (
        query,
        name,
        country,
        sector,
    )


@pytest.mark.parametrize("query", ["", "   ", "the weather today", "xqzv"])
def test_lookup_unknown(resolver: ActorResolver, query: str) -> None:
    assert resolver.lookup(query) is None


def test_mentions_are_sorted_and_typed(resolver: ActorResolver) -> None:
    ms = _mentions(
        resolver, "Hamas and Israel traded fire.", "The UN called for calm. Israel agreed."
    )
    assert [(m.block, m.start) for m in ms] == sorted((m.block, m.start) for m in ms)
    assert all(m.kind in ("dictionary", "acronym", "composed", "fuzzy", "coref", "ner") for m in ms)
    assert all(m.reason for m in ms)


def test_ner_entities_outside_the_dictionary(resolver: ActorResolver) -> None:
    words = ["The", "Orchid", "Collective", "and", "Hamas", "met", "."]
    ents = ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "O", "O"]  # NER mislabels Hamas
    doc = make_doc(words, ents=ents)
    ms = resolver.resolve(parsed_from_docs([doc]))
    orchid = _find(ms, "Orchid Collective")
    assert (orchid.kind, orchid.entity.name, orchid.entity.country) == (
        "ner",
        "Orchid Collective",
        None,
    )
    assert _find(ms, "Hamas").kind == "dictionary"  # the dictionary goes first


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=3))
def test_resolve_never_crashes(paragraphs: list[str]) -> None:
    resolver = ActorResolver.from_settings(Settings())
    parsed = _parsed(*paragraphs)
    for m in resolver.resolve(parsed):
        doc = parsed.blocks[m.block].doc
        assert 0 <= m.start < m.end <= len(doc)
        assert m.reason


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_lookup_never_crashes(text: str) -> None:
    ActorResolver.from_settings(Settings()).lookup(text)


@pytest.mark.parametrize(
    ("text", "anaphor", "codes"),
    [
        ("Iran tested a missile. The regime said it was defensive.", "regime", ("IRN", "GOV")),
        ("Troops entered Mali. The army denied it.", "army", ("MLI", "MIL")),
        ("The government resigned.", "government", (None, "GOV")),  # no country before
    ],
)
def test_definite_state_organ_takes_the_country(
    resolver: ActorResolver, text: str, anaphor: str, codes: tuple[str | None, str]
) -> None:
    assert _codes(_find(_mentions(resolver, text), anaphor)) == codes


def test_title_before_misspelt_known_person(resolver: ActorResolver) -> None:
    m = _find(
        _mentions(resolver, "President Francois Mitterand arrived."), "President Francois Mitterand"
    )
    assert (m.entity.id, m.entity.sector) == ("Q2038", "GOV")
    assert "fuzzy" in m.reason


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("NAIROBI, 3 May -- Kenyan police arrested five men.", False),  # a dateline
        ("Nairobi, which had protested, said the talks failed.", True),
        ("Talks opened near Nairobi on Friday.", False),
    ],
)
def test_capital_datelines_and_places(resolver: ActorResolver, text: str, actor: bool) -> None:
    texts = [m.entity.text.lower() for m in _mentions(resolver, text)]
    assert ("nairobi" in texts) is actor
