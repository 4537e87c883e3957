"""Dependency-tree helpers: the path from an event trigger up to its sentence root, clause
boundaries, noun phrases and quotations.

A cue governs an event only through the tree: a hedge modifies its own clause, a reporting
verb governs the clauses in its complement. :func:`climb` labels every step of the path so the
analyser can tell which ancestors share the trigger's clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.attrs import LEMMA, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

Relation = Literal["same", "complement", "outside", "coordinate"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Links from a complement to the verb or noun that frames it ("said [that] X attacked").
FRAME_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "obj", "prep", "pcomp", "pobj", "acl", "oprd", "attr", "dative"}
)
_SUBORDINATE = frozenset({"advcl", "relcl", "csubj", "csubjpass"})
_NP_LEFT = frozenset({"compound", "amod", "poss", "nmod", "nummod", "flat", "case", "det"})
PRONOUNS = frozenset(
    {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "them", "itself"}
)  # fmt: skip
_OPEN_QUOTES = frozenset({"“", "«", "„"})
_CLOSE_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"', "''", "``"})


@dataclass(frozen=True, slots=True)
class Step:
    """One step up the tree: ``token`` is the ancestor reached from ``child`` over ``via``.

    ``relation`` says how the trigger's clause relates to the ancestor's; ``in_clause`` is True
    while every step so far stayed in the trigger's own clause.
    """

    token: Token
    child: Token
    via: str
    relation: Relation
    in_clause: bool
    coordinated: bool  # a coordinate (independent) clause lies between trigger and ancestor


def head_of(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a token range (the token whose head lies outside the range)."""
    end = max(min(end, len(doc)), start + 1)
    span = doc[start:end]
    return span.root if len(span) > 1 else doc[start]


def has_own_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def relation_of(child: Token) -> Relation:
    """How the clause of ``child`` relates to that of its head."""
    dep = child.dep_
    if dep == "conj":
        return "coordinate" if has_own_subject(child) else "same"
    if dep == "parataxis":
        return "coordinate"
    if dep == "ccomp":
        return "complement"
    if dep in _SUBORDINATE:
        return "outside"
    return "same"


def is_reduced_relative(child: Token) -> bool:
    """A participle on a noun ("provisions adopted in view of the violence"): a clause of its
    own for hedges, unlike an infinitive on a noun ("plans to attack")."""
    return child.dep_ == "acl" and child.tag_ in {"VBN", "VBG"}


def climb(trigger: Token) -> list[Step]:
    """Every ancestor of the trigger, nearest first, each with how it was reached."""
    steps: list[Step] = []
    child = trigger
    in_clause = True
    coordinated = False
    while child.head.i != child.i:
        relation = relation_of(child)
        in_clause = in_clause and relation == "same" and not is_reduced_relative(child)
        coordinated = coordinated or relation == "coordinate"
        steps.append(Step(child.head, child, child.dep_, relation, in_clause, coordinated))
        child = child.head
    return steps


def clause_head(tok: Token) -> Token:
    """The verb heading the clause a token sits in (climbing over same-clause links)."""
    while tok.head.i != tok.i and relation_of(tok) == "same":
        tok = tok.head
    return tok


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb; a subject-less conjunct or xcomp borrows its head's subject."""
    tok: Token | None = verb
    for _ in range(6):
        if tok is None:
            return None
        for c in tok.children:
            if c.dep_ in {"nsubj", "csubj"}:
                return c
        if tok.dep_ in {"conj", "xcomp", "advcl", "acl", "pcomp"} and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def agent_of(verb: Token) -> Token | None:
    """The ``by X`` agent of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass", "csubjpass"} for c in verb.children)


def is_pronoun(tok: Token) -> bool:
    return is_pronoun_text(tok.text)


def is_pronoun_text(text: str) -> bool:
    return text.lower() in PRONOUNS


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range of a noun phrase around its head: left modifiers and the head, without a
    leading determiner."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in _NP_LEFT:
            start = min(start, c.left_edge.i)
    doc = tok.doc
    while start < tok.i and doc[start].dep_ == "det" and doc[start].head.i == tok.i:
        start += 1
    return start, tok.i + 1


def phrase_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def lower_words(doc: Doc) -> tuple[str, ...]:
    """The lower-case text of every token, read off the doc's arrays: scanning these strings
    is much cheaper than creating a Token per word."""
    strings = doc.vocab.strings
    return tuple(strings[h].lower() for h in doc.to_array(ORTH).tolist())


def lemma_hits(doc: Doc, lemmas: frozenset[str]) -> frozenset[int]:
    """The indices of the tokens whose lemma (in any case) is one of ``lemmas``, read off the
    doc's lemma hashes (no Token or string per word)."""
    wanted = _lemma_hashes(lemmas)
    return frozenset(i for i, h in enumerate(doc.to_array(LEMMA).tolist()) if h in wanted)


@lru_cache(maxsize=64)
def _lemma_hashes(lemmas: frozenset[str]) -> frozenset[int]:
    forms = {f for w in lemmas for f in (w, w.upper(), w.capitalize())}
    return frozenset(get_string_id(f) for f in forms)


_QUOTE_MARKS = _OPEN_QUOTES | _CLOSE_QUOTES | _STRAIGHT_QUOTES


def quote_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges between matched quotation marks (marks excluded), in order; ``words`` are
    the block's token texts."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, text in enumerate(words):
        if text not in _QUOTE_MARKS:
            continue
        if open_at is None and (text in _OPEN_QUOTES or text in _STRAIGHT_QUOTES):
            open_at = i
        elif open_at is not None and (text in _CLOSE_QUOTES or text in _STRAIGHT_QUOTES):
            spans.append((open_at + 1, i))
            open_at = None
    return spans


def sentence_of(doc: Doc, i: int) -> Span:
    return doc[i].sent
