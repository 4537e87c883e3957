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
    hyphens as spaces ("al-Qaeda" -> "al Qaeda"), and without a leading "the"."""
    text = text.strip()
    seen: set[str] = set()
    base = [text]
    if text.lower().startswith("the ") and len(text) > 4:
        base.append(text[4:])
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
    """"Iraqi" -> "Iraqis", "Iranian" -> "Iranians"; "" for forms without a plural ("French")."""
    if not adjective or adjective.lower().endswith(_NO_PLURAL):
        return ""
    return adjective + "s"
