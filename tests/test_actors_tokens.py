"""The per-block token columns and sentence index agree with spaCy's own Token and Span
attributes (they replace per-token ``doc[i]`` reads in the actors stage)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from chronica.actors.coref import _sentence_of
from chronica.actors.normalize import tokenizer
from chronica.actors.tokens import token_columns
from tests.conftest import make_doc


def _docs() -> list[tuple[str, Doc]]:
    vocab = tokenizer().vocab
    words = ["The", "Foo", "Front", "(", "FF", ")", "met", "al-Bar", "in", "Paris", "."]
    pos = ["DET", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "NOUN", "ADP", "X", "PUNCT"]
    ents = ["O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "B-GPE", "O"]
    heads = [2, 2, 6, 4, 2, 4, 6, 6, 6, 8, 6]
    deps = ["det", "compound", "nsubj", "punct", "appos", "punct", "ROOT", "dobj", "prep",
            "pobj", "punct"]  # fmt: skip
    two = ["Rebels", "left", ".", "They", "returned", "."]
    return [
        ("empty", Doc(vocab, words=[])),
        ("no tags", make_doc(words, vocab=vocab)),
        ("tags and entities", make_doc(words, pos=pos, ents=ents, vocab=vocab)),
        ("bare vocab", make_doc(words, pos=pos)),
        ("parsed", make_doc(words, heads=heads, deps=deps, pos=pos, vocab=vocab)),
        (
            "two sentences",
            make_doc(
                two,
                heads=[1, 1, 1, 4, 4, 4],
                deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
                vocab=vocab,
            ),
        ),
    ]


@pytest.mark.parametrize(("name", "doc"), _docs())
def test_token_columns_match_token_attributes(name: str, doc: Doc) -> None:
    has_pos = doc.has_annotation("POS")
    cols = token_columns(doc)
    assert cols.text == tuple(t.text for t in doc)
    assert cols.lower == tuple(t.lower_ for t in doc)
    assert cols.capital == tuple(
        (has_pos and t.pos_ == "PROPN") or (t.is_alpha and t.text[0].isupper()) for t in doc
    )
    assert [(e.start, e.end, e.label_) for e in cols.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]


@pytest.mark.parametrize(("name", "doc"), _docs())
@pytest.mark.parametrize("first", [0, 7])
def test_sentence_index_matches_doc_sents(name: str, doc: Doc, first: int) -> None:
    expected = [first] * len(doc)
    if doc.has_annotation("SENT_START"):
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                expected[i] = first + k
    assert _sentence_of(doc, first) == expected
