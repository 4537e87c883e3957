"""Actor resolution with the installed spaCy pipeline (parse, POS, NER)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from chronica.actors import ActorResolver
from chronica.config import Settings
from chronica.nlp import parse
from chronica.records import Document, Mention

pytestmark = pytest.mark.model


def _resolve(nlp: Language, text: str, published: date | None = None) -> list[Mention]:
    parsed = next(iter(parse(nlp, [Document("m", text, published=published)])))
    return ActorResolver.from_settings(Settings()).resolve(parsed)


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.entity.text: m for m in mentions}


def test_composition_and_capitals(nlp: Language) -> None:
    ms = _by_text(_resolve(nlp, "Iraqi troops shelled the village. Talks were held in Baghdad."))
    assert (ms["Iraqi troops"].entity.country, ms["Iraqi troops"].entity.sector) == ("IRQ", "MIL")
    assert "Baghdad" not in ms


def test_dictionary_beats_ner_and_coref_follows(nlp: Language) -> None:
    text = (
        "The MEK held a rally outside the embassy on Friday.\n\n"
        "The group said its leadership would attend the next meeting."
    )
    ms = _resolve(nlp, text)
    assert [m.entity.id for m in ms if m.entity.text == "MEK"] == ["chronica:mek"]
    coref = [m for m in ms if m.kind == "coref"]
    assert coref and all(m.entity.id == "chronica:mek" for m in coref)


def test_unknown_organisation_from_ner(nlp: Language) -> None:
    ms = _resolve(nlp, "The Brightwater Lumber Cooperative filed a complaint with the ministry.")
    ner = [m for m in ms if m.kind == "ner"]
    assert any("Brightwater" in m.entity.text and m.entity.country is None for m in ner)


def test_person_coded_for_publication_date(nlp: Language) -> None:
    ms = _by_text(_resolve(nlp, "Chancellor Angela Merkel met the envoy.", date(2010, 6, 1)))
    merkel = next(m for t, m in ms.items() if "Merkel" in t)
    assert (merkel.entity.country, merkel.entity.sector) == ("DEU", "GOV")


def test_wire_caps(nlp: Language) -> None:
    ms = _resolve(nlp, "SALVADORAN SOLDIERS CLASHED WITH FMLN GUERRILLAS NEAR THE BORDER.")
    codes = {(m.entity.country, m.entity.sector) for m in ms}
    assert ("SLV", "MIL") in codes and ("SLV", "REB") in codes
