"""Acronyms defined in the text teach the document a new alias.

Forms: "the Foo Liberation Front (FLF)", "the Foo Liberation Front, or FLF," and
"FLF (Foo Liberation Front)". When the long form is a dictionary actor the acronym names that
actor; otherwise the long form becomes a new named entity (its country taken from a country
word inside it, e.g. "Iraqi National Congress (INC)" -> IRQ). The initials must fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from chronica.actors.tokens import TokenColumns
from chronica.records import Entity, Mention

_MINOR = frozenset({"of", "the", "for", "and", "in", "on", "de", "la", "al", "el", "-", "'s", "e"})
_OPEN = frozenset({"(", "["})
_CLOSE = frozenset({")", "]"})


@dataclass(frozen=True, slots=True)
class Definition:
    """An acronym defined in the text, what it stands for and where the long form is."""

    acronym: str
    entity: Entity
    parent: str | None
    long_start: int
    long_end: int
    known: bool  # the long form is a dictionary actor


def is_acronym(text: str) -> bool:
    """An upper-case word that is not an English stop word ("FLF", not "AND" in wire text)."""
    letters = [c for c in text if c.isalpha()]
    if not (2 <= len(letters) <= 10 and text[0].isalpha()):
        return False
    return all(c.isupper() for c in letters) and text.lower() not in STOP_WORDS


def initials_fit(acronym: str, words: Sequence[str]) -> bool:
    """ "FLF" fits "Foo Liberation Front"; minor words may or may not count."""
    letters = "".join(c for c in acronym.upper() if c.isalpha())
    content = [w for w in words if w[:1].isalpha()]
    every = "".join(w[0].upper() for w in content)
    major = "".join(w[0].upper() for w in content if w.lower() not in _MINOR)
    if letters in (every, major):
        return True
    if not content or len(letters) > 5 or letters[0] != every[:1]:
        return False
    rest = iter("".join(content).upper())
    return all(c in rest for c in letters)


def _run_before(doc: Doc, end: int) -> int:
    """Start of the capitalised run (with minor words inside) that ends at ``end``."""
    start = end
    j = end - 1
    while j >= 0 and end - j <= 12:
        tok = doc[j]
        if (tok.text[:1].isupper() and tok.is_alpha) or (tok.like_num and j < end - 1):
            start = j
        elif tok.lower_ not in _MINOR:
            break
        j -= 1
    return start


def _run_after(doc: Doc, start: int) -> int:
    end = start
    j = start
    while j < len(doc) and j - start <= 12:
        tok = doc[j]
        if tok.text[:1].isupper() and tok.is_alpha:
            end = j + 1
        elif tok.lower_ not in _MINOR:
            break
        j += 1
    return end


def find_definitions(doc: Doc, cols: TokenColumns, mentions: Sequence[Mention]) -> list[Definition]:
    """Acronym definitions in one block, given the block's mentions so far."""
    out: list[Definition] = []
    n = len(doc)
    texts = cols.text
    for i, text in enumerate(texts):
        if text in _OPEN and i + 2 < n and texts[i + 2] in _CLOSE and is_acronym(texts[i + 1]):
            found = _long_before(doc, i, i + 1, mentions)
        elif (
            text == ","
            and i + 2 < n
            and doc[i + 1].lower_ == "or"
            and is_acronym(texts[i + 2])
            and (i + 3 == n or doc[i + 3].is_punct)
        ):
            found = _long_before(doc, i, i + 2, mentions)
        elif i + 1 < n and texts[i + 1] in _OPEN and is_acronym(text):
            found = _long_after(doc, i, mentions)
        else:
            continue
        if found is not None:
            out.append(found)
    return out


def _long_before(doc: Doc, end: int, acr: int, mentions: Sequence[Mention]) -> Definition | None:
    acronym = doc[acr].text
    start = _run_before(doc, end)
    for m in mentions:
        if m.end == end and m.kind == "dictionary":
            return Definition(acronym, m.entity, m.parent, m.start, m.end, True)
    for s in range(start, end):
        if doc[s].lower_ not in _MINOR and initials_fit(acronym, [t.text for t in doc[s:end]]):
            return _new(doc, acronym, s, end, mentions)
    return None


def _long_after(doc: Doc, acr: int, mentions: Sequence[Mention]) -> Definition | None:
    acronym = doc[acr].text
    start = acr + 2
    end = _run_after(doc, start)
    if end == start or end >= len(doc) or doc[end].text not in _CLOSE:
        return None
    for m in mentions:
        if m.start == start and m.end == end and m.kind == "dictionary":
            return Definition(acronym, m.entity, m.parent, start, end, True)
    if not initials_fit(acronym, [t.text for t in doc[start:end]]):
        return None
    return _new(doc, acronym, start, end, mentions)


def _new(doc: Doc, acronym: str, start: int, end: int, mentions: Sequence[Mention]) -> Definition:
    name = doc[start:end].text
    country = next(
        (
            m.entity.country
            for m in mentions
            if start <= m.start and m.end <= end and m.entity.country and m.entity.sector is None
        ),
        None,
    )
    entity = Entity(text=name, name=name, country=country, sector=None, id=None)
    return Definition(acronym, entity, None, start, end, False)
