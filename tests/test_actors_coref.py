"""Coreference by salience on hand-built parses (no model): subject over nearer modifiers,
agreement, no co-arguments, "that party", relative pronouns, state organs, all-caps."""

from __future__ import annotations

import pytest
from conftest import make_doc, parsed_from_docs
from spacy.language import Language
from spacy.tokens import Doc

from chronica.actors import ActorResolver, relative_antecedent
from chronica.records import Mention


def _doc(spec: str) -> Doc:
    """Tokens written ``word|head|dep|pos`` (head: absolute index; a root heads itself)."""
    rows = [t.split("|") for t in spec.split()]
    words = [r[0] for r in rows]
    heads = [int(r[1]) for r in rows]
    deps = [r[2] for r in rows]
    pos = [r[3] for r in rows]
    tags = ["WDT" if w.lower() in ("which", "that") and d != "det" else "" for w, d in
            zip(words, deps, strict=True)]  # fmt: skip
    return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags)


def _coref(resolver: ActorResolver, spec: str, text: str) -> Mention:
    for m in resolver.resolve(parsed_from_docs([_doc(spec)])):
        if m.entity.text == text:
            return m
    raise AssertionError(f"no mention {text!r}")


# A pronoun in a subordinate clause takes the governing clause's subject, not a nearer noun.
SO_THAT = (
    "Hezbollah|1|nsubj|PROPN was|1|ROOT|AUX so|3|advmod|ADV opposed|1|acomp|ADJ to|3|prep|ADP "
    "Israel|7|poss|PROPN 's|5|case|PART policy|4|pobj|NOUN that|10|mark|SCONJ it|10|nsubj|PRON "
    "fired|2|ccomp|VERB rockets|10|dobj|NOUN .|1|punct|PUNCT"
)
# "its" takes the subject, not the comparison's object.
THAN = (
    "The|1|det|DET PKK|2|nsubj|PROPN was|2|ROOT|AUX bolder|2|acomp|ADJ than|3|prep|ADP "
    "the|7|det|DET Turkish|7|amod|ADJ army|4|pobj|NOUN in|3|prep|ADP its|10|poss|PRON "
    "raids|8|pobj|NOUN .|2|punct|PUNCT"
)
# "They" takes the previous sentence's subject over a plural prepositional object.
THEY = (
    "Hamas|1|compound|PROPN fighters|3|nsubjpass|NOUN were|3|auxpass|AUX linked|3|ROOT|VERB "
    "to|3|prep|ADP raids|4|pobj|NOUN on|5|prep|ADP Egyptian|8|amod|ADJ villagers|6|pobj|NOUN "
    ".|3|punct|PUNCT They|11|nsubj|PRON denied|11|ROOT|VERB claims|11|dobj|NOUN .|11|punct|PUNCT"
)
# "the group" never refers back to a state's agents.
GROUP = (
    "Hamas|1|nsubj|PROPN attacked|1|ROOT|VERB .|1|punct|PUNCT The|5|det|DET Israeli|5|amod|ADJ "
    "army|6|nsubj|NOUN responded|6|ROOT|VERB and|6|cc|CCONJ the|9|det|DET group|10|nsubj|NOUN "
    "fled|6|conj|VERB .|6|punct|PUNCT"
)
# "them" is not a co-argument of its own verb.
THEM = (
    "Hamas|1|nsubj|PROPN said|1|ROOT|VERB Israeli|3|amod|ADJ troops|5|nsubj|NOUN "
    "had|5|aux|AUX beaten|1|ccomp|VERB them|5|dobj|PRON .|1|punct|PUNCT"
)
PARTY = (
    "Fatah|1|nsubj|PROPN broke|1|ROOT|VERB with|1|prep|ADP the|4|det|DET PLO|2|pobj|PROPN "
    "over|1|prep|ADP {det}|7|det|DET party|9|poss|NOUN 's|7|case|PART stance|5|pobj|NOUN "
    ".|1|punct|PUNCT"
)


@pytest.mark.parametrize(
    ("spec", "anaphor", "name"),
    [
        (SO_THAT, "it", "Hezbollah"),
        (SO_THAT.upper(), "IT", "Hezbollah"),  # all-caps wire text
        (THAN, "its", "Kurdistan Workers' Party"),
        (THEY, "They", "Hamas"),
        (GROUP, "the group", "Hamas"),
        (THEM, "them", "Hamas"),
        (PARTY.format(det="that"), "that party", "Palestine Liberation Organization"),
        (PARTY.format(det="the"), "the party", "Fatah"),
    ],
)
def test_salient_antecedent(resolver: ActorResolver, spec: str, anaphor: str, name: str) -> None:
    m = _coref(resolver, _fix_deps(spec), anaphor)
    assert (m.kind, m.entity.name) == ("coref", name)
    assert "earlier" in m.reason


def _fix_deps(spec: str) -> str:
    """Upper-casing a spec upper-cases its labels too: put them back in lower case."""
    rows = [t.split("|") for t in spec.split()]
    return " ".join(f"{w}|{h}|{d.lower() if d != 'ROOT' else d}|{p}" for w, h, d, p in rows)


def test_reason_says_why(resolver: ActorResolver) -> None:
    m = _coref(resolver, SO_THAT, "it")
    assert "subject" in m.reason and "salience" in m.reason


def test_state_organ_takes_the_people_s_country(resolver: ActorResolver) -> None:
    spec = (
        "France|1|nsubj|PROPN hosted|1|ROOT|VERB talks|1|dobj|NOUN .|1|punct|PUNCT "
        "Iranian|5|amod|ADJ protesters|6|nsubj|NOUN denounced|6|ROOT|VERB the|8|det|DET "
        "regime|6|dobj|NOUN .|6|punct|PUNCT"
    )
    m = _coref(resolver, spec, "regime")
    assert (m.entity.country, m.entity.sector) == ("IRN", "GOV")


RELATIVE = (
    "Hamas|7|nsubj|PROPN ,|0|punct|PUNCT which|3|nsubj|PRON rejected|0|relcl|VERB "
    "the|5|det|DET truce|3|dobj|NOUN ,|0|punct|PUNCT fired|7|ROOT|VERB rockets|7|dobj|NOUN "
    ".|7|punct|PUNCT"
)
SOME_OF_WHOM = (
    "Police|1|nsubj|NOUN arrested|1|ROOT|VERB the|3|det|DET protesters|1|dobj|NOUN "
    ",|3|punct|PUNCT some|8|nsubj|PRON of|5|prep|ADP whom|6|pobj|PRON threw|3|relcl|VERB "
    "stones|8|dobj|NOUN .|1|punct|PUNCT"
)
SERIES = (
    "Hamas|1|nsubj|PROPN staged|1|ROOT|VERB a|3|det|DET series|1|dobj|NOUN of|3|prep|ADP "
    "raids|4|pobj|NOUN ,|3|punct|PUNCT many|10|nsubj|ADJ of|7|prep|ADP which|8|pobj|PRON "
    "hit|3|relcl|VERB posts|10|dobj|NOUN .|1|punct|PUNCT"
)
COMPLEMENT = (
    "Hamas|1|nsubj|PROPN said|1|ROOT|VERB that|4|mark|SCONJ talks|4|nsubj|NOUN "
    "failed|1|ccomp|VERB .|1|punct|PUNCT"
)


@pytest.mark.parametrize(
    ("spec", "text", "sector"),
    [(RELATIVE, "which", "REB"), (SOME_OF_WHOM, "some of whom", "OPP")],
)
def test_relative_pronoun_mentions(
    resolver: ActorResolver, spec: str, text: str, sector: str
) -> None:
    m = _coref(resolver, spec, text)
    assert (m.kind, m.entity.sector) == ("coref", sector)
    assert "relative pronoun" in m.reason


@pytest.mark.parametrize(
    ("spec", "index", "antecedent"),
    [
        (RELATIVE, 2, "Hamas"),
        (SOME_OF_WHOM, 7, "protesters"),
        (SERIES, 9, "raids"),  # "a series of raids, many of which": the raids
        (COMPLEMENT, 2, None),  # "said that ...": not a relative pronoun
        (RELATIVE, 0, None),
    ],
)
def test_relative_antecedent(spec: str, index: int, antecedent: str | None) -> None:
    noun = relative_antecedent(_doc(spec)[index])
    assert (noun.text if noun is not None else None) == antecedent


def test_no_parse_falls_back_to_recency(resolver: ActorResolver) -> None:
    words = ["Hamas", "met", "Hezbollah", "and", "it", "agreed", "."]
    ms = resolver.resolve(parsed_from_docs([make_doc(words)]))
    it = next(m for m in ms if m.entity.text == "it")
    assert it.entity.name == "Hezbollah"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "anaphor", "name"),
    [
        (
            "The PKK was so determined to hurt Turkish interests that it bombed a pipeline.",
            "it",
            "Kurdistan Workers' Party",
        ),
        ("Hamas was angrier than the Egyptian army about its losses.", "its", "Hamas"),
        ("Police detained the protesters, some of whom had thrown stones.", "some of whom", None),
    ],
)
def test_salience_with_the_parser(
    nlp: Language, resolver: ActorResolver, text: str, anaphor: str, name: str | None
) -> None:
    ms = resolver.resolve(parsed_from_docs([nlp(text)]))
    m = next(m for m in ms if m.entity.text == anaphor)
    assert m.kind == "coref"
    if name is not None:
        assert m.entity.name == name


@pytest.mark.parametrize(
    ("text", "mention", "codes"),
    [
        (
            "Estonia 's Vice Foreign Minister arrived .",
            "Estonia 's Vice Foreign Minister",
            ("EST", "GOV"),
        ),
        (
            "The Estonian Constitutional Court ruled .",
            "Estonian Constitutional Court",
            ("EST", "JUD"),
        ),
        ("Irish nationalist guerrillas fired .", "Irish nationalist guerrillas", ("IRL", "REB")),
        # every known person with this surname is of one country
        ("President Bush spoke .", "President Bush", ("USA", "GOV")),
    ],
)
def test_composition_without_coreference(
    resolver: ActorResolver, text: str, mention: str, codes: tuple[str, str]
) -> None:
    ms = resolver.resolve(parsed_from_docs([make_doc(text.split())]))
    m = next(m for m in ms if m.entity.text == mention)
    assert (m.entity.country, m.entity.sector) == codes


@pytest.mark.parametrize(
    ("words", "ents", "mention", "country"),
    [
        (["Syrian", "Kurds", "marched", "."], ["O", "B-NORP", "O", "O"], "Syrian Kurds", "SYR"),
        (["Iraqi", "Yazidis", "voted", "."], ["O", "B-NORP", "O", "O"], "Iraqi Yazidis", "IRQ"),
    ],
)
def test_country_adjective_before_a_people(
    resolver: ActorResolver, words: list[str], ents: list[str], mention: str, country: str
) -> None:
    ms = resolver.resolve(parsed_from_docs([make_doc(words, ents=ents)]))
    m = next(m for m in ms if m.entity.text == mention)
    assert (m.kind, m.entity.country) == ("composed", country)
