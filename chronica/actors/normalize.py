"""Normalised forms of actor names, shared by the dictionary index and the matcher.

A name's key is the space-joined ``NORM`` of its tokens under spaCy's English tokenizer, the
same attribute the PhraseMatcher compares: "U.S." and "u.s." share a key, curly and straight
apostrophes share one. Short all-caps acronyms ("US", "IS", "WHO") are matched by exact text
instead, so the pronoun "us" or the verb "is" never becomes an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

_LETTERS = re.compile(r"[^A-Za-z]")
_NO_PLURAL = ("ese", "ish", "ch", "sh", "ss", "s", "x", "z", "-led")


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """spaCy's rule-based English tokenizer (no model), built once."""
    return spacy.blank("en").tokenizer


def norm_key(text: str) -> str:
    """Space-joined token norms of ``text`` ("People’s Mojahedin" -> "people 's mojahedin")."""
    return " ".join(t.norm_ for t in tokenizer()(text.strip()))


def exact_key(text: str) -> str:
    """Space-joined token texts of ``text`` (for case-sensitive acronyms)."""
    return " ".join(t.text for t in tokenizer()(text.strip()))


def is_case_sensitive(text: str) -> bool:
    """Short acronyms (one word of 2-5 letters, two or more capitals: "US", "IS", "WHO",
    "U.S.", "LeT") match exactly, so that "us", "is", "who" and "let" never do."""
    letters = _LETTERS.sub("", text)
    capitals = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 5 and capitals >= 2 and " " not in text.strip()


def alias_variants(text: str) -> Iterator[str]:
    """The alias and its spelling variants: dots dropped from acronyms ("U.S." -> "US"),
    hyphens as spaces ("al-Qaeda" -> "al Qaeda"), and without a leading "the" when more than
    one word remains."""
    text = text.strip()
    seen: set[str] = set()
    base = [text]
    if text.lower().startswith("the ") and " " in text[4:].strip():
        base.append(text[4:])  # "the New York Times"; never "the States" -> "States"
    for item in base:
        candidates = [item]
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", item):
            candidates.append(item.replace(".", ""))
        if "-" in item:
            candidates.append(item.replace("-", " "))
        for cand in candidates:
            if cand and cand not in seen:
                seen.add(cand)
                yield cand


def plural_forms(word: str) -> tuple[str, ...]:
    """A term and its regular plural (last word pluralised): "soldier" -> "soldiers"."""
    word = word.strip()
    head, _, last = word.rpartition(" ")
    low = last.lower()
    if not low or low.endswith("s") or not low.isalpha():
        return (word,)
    if low.endswith("man"):
        plural = last[:-3] + "men"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif low.endswith(("x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return (word, f"{head} {plural}" if head else plural)


def plural_of_demonym(adjective: str) -> str:
    """ "Iraqi" -> "Iraqis", "Iranian" -> "Iranians"; "" for forms without a plural ("French")."""
    if not adjective or adjective.lower().endswith(_NO_PLURAL):
        return ""
    return adjective + "s"


def with_lexical_attrs(doc: Doc) -> Doc:
    """``doc`` itself, or, for a Doc built on a bare ``Vocab()`` (whose tokens have no lower
    case or norm), the same tokens and annotations on the English vocab. Token indices are
    unchanged, so mentions found on the copy point into the original."""
    if len(doc) == 0 or doc[0].lower_:
        return doc
    has_dep = doc.has_annotation("DEP")
    return Doc(
        tokenizer().vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=[t.head.i for t in doc] if has_dep else None,
        deps=[t.dep_ for t in doc] if has_dep else None,
        pos=[t.pos_ for t in doc] if doc.has_annotation("POS") else None,
        tags=[t.tag_ for t in doc] if doc.has_annotation("TAG") else None,
        lemmas=[t.lemma_ for t in doc] if doc.has_annotation("LEMMA") else None,
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
        if doc.has_annotation("ENT_IOB")
        else None,
        sent_starts=None if has_dep else [bool(t.is_sent_start) for t in doc],
    )
