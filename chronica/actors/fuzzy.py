"""Fuzzy alias matching (rapidfuzz) for transliteration variants: "Mujahideen-e-Khalq".

Only candidate proper-noun spans are tried: runs of capitalised (or PROPN) tokens, with name
particles inside ("of", "al", "-e-"), that no other mention covers, plus named-entity spans.
Each is compared with the names and aliases of organisations and persons of similar length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from chronica.actors.dictionary import ActorDictionary
from chronica.actors.tokens import TokenColumns

_CLEAN = re.compile(r"[^a-z0-9 ]+")
_PARTICLES = frozenset({"of", "the", "for", "and", "al", "el", "ul", "e", "i", "-", "'s", "de"})
_MIN_CHARS = 6
_MIN_SINGLE = 8  # a single word must be long: "Baghdad" is not "Baghdadi"
_TYPES = frozenset({"country", "group", "igo", "ngo", "state_body", "person", "media", "mnc"})


def clean(text: str) -> str:
    """Lower case, letters and digits only, single spaces ("Mojahedin-e Khalq" ->
    "mojahedin e khalq")."""
    return " ".join(_CLEAN.sub(" ", text.lower()).split())


@dataclass(frozen=True, slots=True)
class FuzzyHit:
    start: int
    end: int
    key: str
    alias: str
    score: float


class FuzzyIndex:
    """Cleaned aliases of organisations and persons, bucketed by first letter."""

    def __init__(self, dictionary: ActorDictionary, cutoff: float = 88.0) -> None:
        self.cutoff = cutoff
        buckets: dict[str, dict[str, tuple[str, str]]] = {}
        for entry in dictionary.entries.values():
            if entry.type not in _TYPES:
                continue
            for alias in entry.aliases:
                key = clean(alias)
                if len(key) >= _MIN_CHARS and not alias.isupper():
                    buckets.setdefault(key[0], {}).setdefault(key, (entry.key, alias))
        self.buckets = buckets
        # the keys of each bucket as a tuple: rapidfuzz scans a sequence faster than a dict view
        self.choices = {letter: tuple(bucket) for letter, bucket in buckets.items()}

    def best(self, text: str) -> tuple[str, str, float] | None:
        """(entry key, alias, score) of the closest alias, or None below the cutoff."""
        query = clean(text)
        if len(query) < (_MIN_CHARS if " " in query else _MIN_SINGLE):
            return None
        bucket = self.buckets.get(query[0])
        if not bucket:
            return None
        cutoff = self.cutoff if " " in query else max(self.cutoff, 90.0)
        choices = self.choices[query[0]]
        found = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None:
            return None
        key, alias = bucket[found[0]]
        return key, alias, float(found[1])

    def hits(
        self,
        doc: Doc,
        cols: TokenColumns,
        taken: Sequence[tuple[int, int]],
        all_caps: bool,
    ) -> list[FuzzyHit]:
        used = {i for s, e in taken for i in range(s, e)}
        out: list[FuzzyHit] = []
        seen: set[tuple[int, int]] = set()
        for start, end in candidate_spans(cols, all_caps):
            if (start, end) in seen or any(i in used for i in range(start, end)):
                continue
            seen.add((start, end))
            best = self.best(doc[start:end].text)
            if best is not None:
                out.append(FuzzyHit(start, end, best[0], best[1], best[2]))
                used.update(range(start, end))
        return out


def candidate_spans(cols: TokenColumns, all_caps: bool) -> Iterator[tuple[int, int]]:
    """Named-entity spans, then maximal capitalised runs (none in all-caps text)."""
    for ent in cols.ents:
        if ent.label_ in ("ORG", "PERSON", "NORP", "GPE", "FAC"):
            yield ent.start, ent.end
    if all_caps:
        return
    capital, lowers = cols.capital, cols.lower
    i = 0
    n = len(capital)
    while i < n:
        if not capital[i]:
            i += 1
            continue
        j = i + 1
        last = i + 1
        while j < n and j - i < 8:
            if capital[j]:
                last = j + 1
            elif lowers[j] not in _PARTICLES:
                break
            j += 1
        if not (last - i == 1 and lowers[i] in STOP_WORDS):
            yield i, last
        i = last
