"""Per-token columns (and the named entities) of one block, read once.

spaCy builds a new Python ``Token`` on every ``doc[i]`` and every iteration (and new ``Span``
objects on every ``doc.ents``), so the steps of the actors stage that scan every token read
these tuples instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, LOWER, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class TokenColumns:
    """The text, lower case and capitalisation of every token of a block, and its named
    entities."""

    text: tuple[str, ...]
    lower: tuple[str, ...]
    capital: tuple[bool, ...]  # a proper noun (when tagged) or a capitalised alphabetic word
    ents: tuple[Span, ...]


def token_columns(doc: Doc) -> TokenColumns:
    """The columns of ``doc``, read from its attribute array (no ``Token`` objects)."""
    has_pos = doc.has_annotation("POS")
    strings = doc.vocab.strings
    text: list[str] = []
    lower: list[str] = []
    capital: list[bool] = []
    for orth, low, alpha, pos in doc.to_array([ORTH, LOWER, IS_ALPHA, POS]).tolist():
        word = strings[orth]
        text.append(word)
        lower.append(strings[low])
        capital.append((has_pos and pos == PROPN) or (bool(alpha) and word[0].isupper()))
    return TokenColumns(tuple(text), tuple(lower), tuple(capital), tuple(doc.ents))
