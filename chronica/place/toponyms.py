"""Toponyms: find place names in a parsed document and resolve each to one gazetteer entry.

Finding: spaCy GPE/LOC/FAC entities plus gazetteer n-grams (so upper-case wire copy, where NER
is weak, still works). Resolving: population and feature priors, the countries the rest of the
document points to (other toponyms, demonyms, actors), and qualifiers ("Paris, Texas",
"Villa X (Santa Cruz)").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from chronica.errors import DictionaryError
from chronica.nlp import Block, ParsedDocument
from chronica.place.gazetteer import (
    ADMIN_WORDS,
    BIG_CITY,
    DATA,
    GazEntry,
    Gazetteer,
    fold,
    unit_names,
)
from chronica.place.things import names_a_thing, street_readings
from chronica.records import Mention
from chronica.time.dateline import dateline_place

MAX_NGRAM = 5
# Generic words after a name: "Mansehra city", "San Miguel Department".
GENERIC = frozenset(
    [
        "city",
        "town",
        "village",
        "municipality",
        "district",
        "department",
        "province",
        "region",
        "state",
        "county",
        "governorate",
        "prefecture",
        "area",
        "neighborhood",
        "neighbourhood",
        "municipal",  # "Abuja Municipal": the area council named after its town
        "camp",
    ]
)
# Nouns that name a place before "of": "the village of X", "the outskirts of X".
PLACE_NOUNS = GENERIC | frozenset(
    ["outskirts", "suburb", "suburbs", "countryside", "vicinity", "center", "centre", "capital",
     "locality", "township", "commune", "outskirt", "border", "area", "part", "parts"]
)  # fmt: skip
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "into",
        "onto",
        "on",
        "to",
        "from",
        "within",
        "nearby",
        "towards",
        "toward",
        "off",
        "along",
        "between",
        "beyond",
        "through",
        "via",
        "past",
    ]
)
# Capitalised words that are also towns somewhere but rarely mean them in news text.
_NOT_PLACES = frozenset(
    [
        "police",
        "army",
        "government",
        "president",
        "minister",
        "party",
        "union",
        "court",
        "council",
        "congress",
        "senate",
        "university",
        "church",
        "mass",
        "peace",
        "justice",
        "liberty",
        "unity",
        "victory",
        "hope",
        "march",
        "may",
        "june",
        "august",
        "will",
        "sale",
        "deal",
        "male",
        "female",
        "god",
        "man",
        "women",
        "independence",
        "republic",
        "national",
        "central",
        "north",
        "south",
        "east",
        "west",
        "new",
        "alliance",
        "front",
        "movement",
        "coalition",
        "northern",
        "southern",
        "eastern",
        "western",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "vice",
        "capital",  # "the capital": the dateline's or the country's, never "Capital Region"
        "battle",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "bridge",  # the generic word of a longer name ("Westminster Bridge", "X Street")
        "street",
        "road",
        "avenue",
        "square",
        "junction",
        "station",
        "colonia",  # Spanish: a city district ("Colonia Corona del Mar")
        "barrio",
        "d.c.",  # "Bogota, D.C." as well as "Washington, D.C."
        # Common words that are also towns or units somewhere ("Free State", "Time" in
        # Norway, "Durg" once "Drug"): in upper-case wire copy they would read as places.
        "drug",
        "free",
        "young",
        "federal",
        "light",
        "downtown",
        "mountain",
        "sense",
        "time",
        "store",
        "progress",
        "coast",
        "grant",
        "date",
        "basic",
        "liberal",
        "bar",
        "nacional",
    ]
)
# First words of names ("San Pedro Sula"), never a place alone.
_NOT_ALONE = frozenset(["san", "santa", "santo", "sao", "el", "la", "los", "las"])
_NOT_SINGLE = _NOT_PLACES | _NOT_ALONE
# Words before a person's name: the capitalised words after them name a person, not a town
# ("General Enrique Lopez", "President Jaime Paz Zamora").
_TITLES = frozenset(
    ["president", "minister", "general", "gen", "colonel", "col", "captain", "capt", "major",
     "lieutenant", "lt", "sergeant", "sgt", "commander", "admiral", "dr", "mr", "mrs", "ms",
     "msgr", "monsignor", "father", "bishop", "archbishop", "cardinal", "senator", "deputy",
     "mayor", "judge", "governor", "ambassador", "secretary", "adviser", "advisor", "spokesman",
     "councilman", "leader", "chief", "comandante", "don", "dona", "sister", "brother",
     "journalist", "priest", "businessman", "industrialist", "attorney", "lawyer"]
)  # fmt: skip
_NAME_WORDS = 3  # words after a title taken as the name


_DATELINE_VOTES = 2.0  # a wire story's dateline city says which country it is about
_WEAK_VOTE = 0.5  # a demonym or an actor's country
_ARMED_VOTE = 0.25  # the same of an armed force ("Russian forces", "the Turkish army")
_STRONG = frozenset({"country", "admin1"})
_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "rural",
        "greater",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "upper",
        "lower",
    ]
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|ash|at|az|el|ad-|al-)[\s-]+", re.IGNORECASE)
_ARABIC_COUNTRIES = frozenset(
    [
        "ARE",
        "BHR",
        "DZA",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MAR",
        "MRT",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SDN",
        "SYR",
        "TUN",
        "YEM",
        "ISR",
        "TCD",
        "SOM",
        "ESH",
    ]
)
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART"})
_SHORT_NAME = 4
_OTHER_NAME_PENALTY = 0.5  # a town matched by another of its names, not its main one
_NAMESAKE_CAPITAL = 0.5  # a town that shares its name with its first-level unit
_NAMESAKE_CHIEF_TOWN = 0.25  # or with its second-level unit (many towns do: less evidence)
_CONTEXT_WEIGHT = 3.0  # score for a candidate in the country all the document's evidence names
_EXTEND = 3  # words an unknown entity may be extended by ("Deir" -> "Deir ez Zor")
_HOME_VOTES = 3.0  # a text "clearly about" one country: this many votes,
_HOME_SHARE = 0.5  # and this share of them
_FOREIGN_TOWN_POPULATION = 500_000  # towns this large abroad are still read as themselves
_SMALL_TOWN = 10_000
# Prior population of a first-level unit whose towns could not be linked.
_ADMIN1_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in one block; token offsets into the block's Doc."""

    block: int
    sentence_index: int
    start: int
    end: int
    text: str
    candidates: tuple[GazEntry, ...]
    qualifiers: tuple[GazEntry, ...] = ()  # what a following "(X)" or ", X" narrows it to
    qualifier_text: str = ""
    is_qualifier: bool = False  # this name only qualifies the toponym before it
    admin_word: bool = False  # followed by "province", "department", "state", ...
    unit_level: int = 0  # the level that word names (see :func:`unit_level`), 0 if unknown


@dataclass(frozen=True, slots=True)
class ResolvedToponym:
    toponym: Toponym
    entry: GazEntry | None
    reason: str


# --------------------------------------------------------------------------- finding


def _is_stop(tok: Token) -> bool:
    """Stop word (by text, so hand-built Docs without lexical attributes work too)."""
    return tok.text.lower() in STOP_WORDS


def _is_punct(tok: Token) -> bool:
    return not any(c.isalnum() for c in tok.text)


def is_upper_case(parsed: ParsedDocument) -> bool:
    """True for upper-case wire copy (MUC-style), where capitals say nothing about names."""
    head = parsed.document.text[:5000]
    letters = sum(map(str.isalpha, head))
    return bool(letters) and sum(map(str.isupper, head)) / letters > 0.9


def _strip(span: Span) -> Span:
    """Drop a leading article and trailing generic word ("the Mansehra city" -> Mansehra)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].text.lower() in {"the", "of"}:
        start += 1
    while end - start > 1 and (doc[end - 1].text.lower() in GENERIC or _is_punct(doc[end - 1])):
        end -= 1
    return doc[start:end]


def _admin_word_after(span: Span) -> bool:
    """Does a word naming a first-level unit end or follow the span ("San Miguel Department")?"""
    return _unit_word_after(span) is not None


def _unit_word_after(span: Span) -> str | None:
    """The word naming a unit that ends or follows the span ("district" of "Bara district")."""
    doc = span.doc
    words = [span[-1].text.lower()]
    if span.end < len(doc):
        words.append(doc[span.end].text.lower())
    return next((w for w in words if w in ADMIN_WORDS), None)


def _unit_word_at(texts: Sequence[str], end: int) -> str | None:
    """:func:`_unit_word_after` for a name ending at ``end``, from the token texts."""
    word = texts[end - 1].lower()
    if word in ADMIN_WORDS:
        return word
    after = texts[end].lower() if end < len(texts) else ""
    return after if after in ADMIN_WORDS else None


def _with_unit_word(t: Toponym, word: str | None) -> Toponym:
    """The toponym marked as followed by a unit word, and the level that word names."""
    if word is None:
        return t
    return _with(t, admin_word=True, unit_level=unit_level(word))


def unit_level(word: str | None) -> int:
    """The administrative level a unit word usually names: 1 for "province", "governorate"
    ..., 2 for "district", "municipality" ..., 0 when it varies by country ("department" is
    first-level in Colombia, second-level in France) or there is no word."""
    if word in _FIRST_LEVEL_WORDS:
        return 1
    return 2 if word in _SECOND_LEVEL_WORDS else 0


_FIRST_LEVEL_WORDS = frozenset(
    ["province", "state", "governorate", "oblast", "region", "prefecture", "krai", "kray"]
)
_SECOND_LEVEL_WORDS = frozenset(
    ["district", "municipality", "township", "zone", "upazila", "tehsil", "subdistrict", "lga"]
)


def _lookup(
    gaz: Gazetteer, span: Span, alternates: bool, tagged: bool = False
) -> tuple[GazEntry, ...]:
    """Candidates for an entity: as written, without article and type word, or (for
    "Baghdad - Adhamiya") its first part."""
    for variant in _variants(span):
        if not gaz.knows(variant):
            continue
        found = _plausible_entries(gaz.lookup(variant, alternates=alternates), span, tagged)
        if variant != span.text and _ARABIC_ARTICLE.match(span.text):
            found = [e for e in found if e.country in _ARABIC_COUNTRIES]
        if found:
            return tuple(found)
    return ()


def _plausible_entries(
    entries: Sequence[GazEntry], span: Span, tagged: bool = False
) -> list[GazEntry]:
    """The entries without those a short name cannot mean: a name of four letters or fewer
    ("Pa", "Tut") is too common to mean a small town or a second-level unit, unless a type
    word says it is one ("Bara district") or (``tagged``: the tagger found it as a place) a
    locative preposition before it says so too ("rallied in Odda")."""
    if not entries or len(span.text.replace(".", "")) > _SHORT_NAME:
        return list(entries)
    if tagged and _town_after_preposition(span):
        return list(entries)
    unit = _admin_word_after(span)
    return [e for e in entries if not _small(e) or (unit and e.source == "admin2")]


def _town_after_preposition(span: Span) -> bool:
    """A capitalised (not all upper-case) name right after "in", "at" or "near"."""
    text = span.text
    if span.start == 0 or not text[:1].isupper() or text.isupper():
        return False
    return span.doc[span.start - 1].text in _TOWN_PREPOSITIONS


_TOWN_PREPOSITIONS = frozenset(["in", "at", "near"])


def _small(entry: GazEntry) -> bool:
    return entry.source == "admin2" or (entry.feature == "city" and entry.population < _SMALL_TOWN)


def _variants(span: Span) -> Iterator[str]:
    """The name as written, then without article/type word, without a leading direction
    ("Northern Nicosia"), without an Arabic article ("Ar Raqqa"), or its first part
    ("Baghdad - Adhamiya")."""
    yield span.text
    stripped = _strip(span).text
    yield stripped
    words = stripped.split()
    if len(words) > 1 and words[0].lower() in _DIRECTIONS:
        yield " ".join(words[1:])
    article = _ARABIC_ARTICLE.match(stripped)
    if article is not None:
        yield stripped[article.end() :]
    if " - " in span.text:
        first = span.text.split(" - ")[0]
        yield first
        words = first.split()
        if len(words) > 1 and words[-1].lower() in GENERIC:
            yield " ".join(words[:-1])  # "Seoul City - Jung" -> Seoul


def _name_start_text(text: str, upper: bool) -> bool:
    """Could a token with this text start a place name: capitalised ("NDjamena", "McAllen"
    too, not an acronym like "PKK" in mixed-case text), not a stop word or a common word."""
    if not text.isalpha() or not text[0].isupper():
        return False
    lower = text.lower()
    if lower in STOP_WORDS or lower in _NOT_PLACES:
        return False
    if upper:
        return text.isupper()
    return text.istitle() or (text[0].isupper() and not text.isupper() and len(text) > 2)


def _ngram_matches(
    gaz: Gazetteer, sent: Span, taken: set[int], upper: bool, texts: Sequence[str] | None = None
) -> list[tuple[int, int, tuple[GazEntry, ...]]]:
    """Longest gazetteer n-grams starting at capitalised tokens not already in an entity
    (``texts``: the sentence's token texts, when already listed)."""
    out: list[tuple[int, int, tuple[GazEntry, ...]]] = []
    doc = sent.doc
    if texts is None:
        texts = [t.text for t in sent]  # indexing a Doc builds a Token each time
    first_words = gaz.first_words
    i = sent.start
    while i < sent.end:
        text = texts[i - sent.start]
        if i in taken or not _name_start_text(text, upper):
            i += 1
            continue
        if fold(text).partition(" ")[0] not in first_words:
            i += 1  # no indexed name starts with this word
            continue
        tok = doc[i]
        match: tuple[int, tuple[GazEntry, ...]] | None = None
        for n in range(min(MAX_NGRAM, sent.end - i), 0, -1):
            last = texts[i + n - 1 - sent.start]
            if any(k in taken for k in range(i, i + n)) or not (last.isalpha() or last.isdigit()):
                continue
            span = doc[i : i + n]
            if not gaz.knows(span.text):
                continue
            entries = tuple(gaz.lookup(span.text, alternates=False)) or tuple(
                e for e in gaz.lookup(span.text) if e.population >= BIG_CITY
            )
            entries = tuple(_plausible_entries(entries, span))
            if n == 1 and tok.text.lower() in _NOT_ALONE:
                entries = ()
            if entries and _plausible(span, entries, upper):
                match = (n, entries)
                break
        if match is None:
            i += 1
            continue
        out.append((i, i + match[0], match[1]))
        i += match[0]
    return out


def _plausible(span: Span, entries: tuple[GazEntry, ...], upper: bool) -> bool:
    """Is an n-gram found in the gazetteer (not by NER) likely a place name here?"""
    strong = any(e.feature in {"country", "admin1", "region", "other"} for e in entries)
    prev = span.doc[span.start - 1].text.lower() if span.start > span.sent.start else ""
    after_prep = prev in LOCATIVE or prev == "of"
    if not upper:
        if _fragment(span) or (len(span) == 1 and span.start == span.sent.start and not strong):
            return False  # a part of a longer name, or any capitalised first word
        return strong or len(span) > 1 or span[0].pos_ == "PROPN"
    big = max(e.population for e in entries) >= 5000
    if len(span) == 1 and span[0].pos_ in _NOT_NAME_POS and not strong:
        return False  # "TO COME", "TO BAR": a verb or function word, not a town
    return strong or (len(span) > 1 and (after_prep or big)) or (after_prep and big)


def _fragment(span: Span) -> bool:
    """Part of a longer capitalised name ("Ward" in "Daw U Khu Ward", "Force" in "Air Force")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < span.sent.end else None
    return any(
        t is not None and t.text.istitle() and t.text.isalpha() for t in (before, after)
    ) and not (
        before is not None
        and before.i == span.sent.start
        and (after is None or not after.text.istitle())
    )


def person_words(
    parsed: ParsedDocument,
    upper: bool | None = None,
    block_texts: Mapping[int, Sequence[str]] | None = None,
) -> frozenset[str]:
    """Folded words that name persons somewhere in the document: the later words of a
    multi-word PERSON entity (surnames) and the capitalised words after a title ("General
    Enrique Lopez"). A single such word is not taken as a town ("Lopez said")."""
    if upper is None:
        upper = is_upper_case(parsed)
    out: set[str] = set()
    for block in parsed.blocks:
        doc = block.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                out.update(fold(t.text) for t in ent[1:] if t.text.isalpha())
        texts = block_texts[block.index] if block_texts else [t.text for t in doc]
        given = given_names()
        for i, text in enumerate(texts):
            if not _before_name(text, given):
                continue
            words = (w for w in texts[i + 1 :] if w.strip())  # wire copy breaks lines
            named = False
            for _, nxt in zip(range(_NAME_WORDS + 1), words, strict=False):
                if nxt.lower().rstrip(".") in _TITLES:
                    continue
                if not _name_start_text(nxt, upper):
                    break
                out.add(fold(nxt))
                named = True
            if named and text.lower().rstrip(".") not in _TITLES:
                out.add(fold(text))  # "Marco Antonio Guevara": the given name too
    return frozenset(out)


def _before_name(text: str, given: frozenset[str]) -> bool:
    """A title ("General") or a given name ("Guillermo", in ``given``): capitalised words
    after it name a person."""
    word = text.lower().rstrip(".")
    return word in _TITLES or (text[:1].isupper() and fold(word) in given)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded common given names (chronica/data/places/given_names.yaml)."""
    path = DATA / "given_names.yaml"
    try:
        names = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read given names: {exc}", str(path)) from exc
    return frozenset(fold(str(n)) for n in names or ())


def _person_word(
    span: Span, entries: Sequence[GazEntry], persons: frozenset[str], upper: bool
) -> bool:
    """A one-word name that names a person elsewhere in the document, and no country (nor,
    in mixed-case text, where the tagger is more reliable, a first-level unit)."""
    strong = {"country"} if upper else _STRONG
    return (
        len(span) == 1
        and fold(span.text) in persons
        and not any(e.feature in strong for e in entries)
    )


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_toponyms(parsed: ParsedDocument, gaz: Gazetteer) -> list[Toponym]:
    """Every toponym of the document, in order, with qualifiers linked."""
    upper = is_upper_case(parsed)
    block_texts = {block.index: [t.text for t in block.doc] for block in parsed.blocks}
    persons = person_words(parsed, upper, block_texts)
    found: list[Toponym] = []
    place_ents = {  # per block once: a sentence's own .ents scans all the block's entities
        block.index: [e for e in block.doc.ents if e.label_ in _PLACE_LABELS]
        for block in parsed.blocks
    }
    for block, sent_index, sent in parsed.sentences():
        here: list[Toponym] = []
        taken: set[int] = set()
        ents = place_ents[block.index]
        words = block_texts[block.index]
        for whole in [e for e in ents if sent.start <= e.start and e.end <= sent.end]:
            ent = _before_bracket(whole)
            if ent is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            span = _strip(ent) if len(ent) > 1 else ent
            if len(span) == 1 and (
                span[0].text.lower() in _NOT_SINGLE or (upper and _is_stop(span[0]))
            ):
                continue
            longer, longer_entries = _extended(gaz, ent, sent, upper)
            if longer_entries:
                ent, entries = longer, longer_entries
                span = _strip(ent) if len(ent) > 1 else ent
            else:
                entries = _lookup(gaz, ent, alternates=not upper, tagged=True)
                big = _big_reading(entries, ent.text)
                joined = None if big else _joined_name(ent, sent, upper)
                if joined is not None:  # "Shakhta imeni Gagarina": not the town "Shakhta"
                    ent = span = joined
                    entries = ()
            if names_a_thing(span, words, sent.start, sent.end):
                taken.update(range(ent.start, ent.end))  # "Wagner group": nor as an n-gram
                continue
            entries = street_readings(span, entries, words, sent.end)
            if _person_word(span, entries, persons, upper):
                continue
            here.append(
                Toponym(
                    block.index,
                    sent_index,
                    span.start,
                    span.end,
                    span.text,
                    entries,
                )
            )
            here[-1] = _with_unit_word(here[-1], _unit_word_at(words, ent.end))
            taken.update(range(ent.start, ent.end))
        texts = block_texts[block.index][sent.start : sent.end]
        for start, end, found_entries in _ngram_matches(gaz, sent, taken, upper, texts):
            span = block.doc[start:end]
            entries = street_readings(span, found_entries, words, sent.end)
            if (
                not entries
                or names_a_thing(span, words, sent.start, sent.end)
                or _person_word(span, entries, persons, upper)
            ):
                continue
            here.append(
                Toponym(
                    block.index,
                    sent_index,
                    start,
                    end,
                    span.text,
                    entries,
                )
            )
            here[-1] = _with_unit_word(here[-1], _unit_word_at(words, end))
        here.extend(_unit_lists(gaz, block.index, sent_index, sent, texts, here, upper))
        here.sort(key=lambda t: t.start)
        found.extend(_link_qualifiers(block.doc, here))
    return found


# Words between a name and its bracket that say what it is: "Balcad town (Balcad, ...)".
_KIND_WORDS = GENERIC | ADMIN_WORDS | frozenset(["township", "lga", "locality", "groupement"])
# Lower-case words inside a multi-word name ("Santa Rosa del Aguaray", "Bani al Harith").
_NAME_JOINERS = frozenset(
    ["de", "del", "la", "las", "los", "el", "al", "ad", "an", "ar", "as", "ash", "at", "az",
     "da", "das", "do", "dos", "du", "des", "di", "y", "imeni", "na", "nad", "pod", "sur", "wa"]
)  # fmt: skip
_BRACKET_SPAN = 16  # tokens a "(A, B)" list of units may span
_NOT_HEAD_ENTS = frozenset(["PERSON", "ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"])


def _unit_lists(
    gaz: Gazetteer,
    block: int,
    sent_index: int,
    sent: Span,
    texts: Sequence[str],
    here: Sequence[Toponym],
    upper: bool,
) -> list[Toponym]:
    """Names the tagger and the n-grams missed around a list of units: the parts of
    "X (A, B)" (event-data notes name a place's district and region in brackets: "Touronata
    (Tongomayel, Soum)", "Kantale (Kantale, Eastern)") and the place X before the bracket or
    before ", A" when A is a first-level unit ("shelled Dibrova, Donetsk"). X may be missing
    from the gazetteer: it is then located by its units."""
    doc = sent.doc
    occupied = {i for t in here for i in range(t.start, t.end)}
    out: list[Toponym] = []
    marks = [sent.start + k for k, text in enumerate(texts) if text in {"(", ","}]
    for i in marks:
        if texts[i - sent.start] == "(":
            parts = _bracket_parts(doc, i, min(sent.end, i + _BRACKET_SPAN), upper)
        elif i + 1 < sent.end:
            parts = _comma_unit(doc, i + 1, sent.end, here, upper)
        else:
            continue
        units: list[Toponym] = []
        for start, end in parts:
            if any(i in occupied for i in range(start, end)):
                units.extend(t for t in here if t.start == start and t.end == end)
                continue
            span = doc[start:end]
            entries = _unit_lookup(gaz, span)
            level = unit_level(_unit_word_after(span))
            unit = Toponym(block, sent_index, start, end, span.text, entries, admin_word=True)
            units.append(_with(unit, unit_level=level) if level else unit)
        units = _directions_within(units)
        if not units or not any(_is_larger(u) for u in units):
            continue
        out.extend(u for u in units if u.start not in {t.start for t in here})
        occupied.update(i for u in units for i in range(u.start, u.end))
        head = _head_before(doc, i, sent.start, upper)
        if head is not None and not any(i in occupied for i in range(*head)):
            span = doc[head[0] : head[1]]
            entries = _lookup(gaz, span, alternates=not upper)
            out.append(Toponym(block, sent_index, head[0], head[1], span.text, entries))
            occupied.update(range(*head))
    return out


def _directions_within(units: list[Toponym]) -> list[Toponym]:
    """A part of a list that is only a direction ("(South)", "(Alkufra, East)") is a unit
    named "East" in many countries, or just a part of a town: it keeps only the readings in
    the countries of the list's other parts (any reading: "(Colombo, Western)" keeps the
    Western Province of the country of one Colombo), and says nothing alone."""
    countries = {e.country for u in units if not _only_directions(u.text) for e in u.candidates}
    return [
        _with(u, candidates=tuple(e for e in u.candidates if e.country in countries))
        if _only_directions(u.text)
        else u
        for u in units
    ]


def _only_directions(text: str) -> bool:
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(w in _DIRECTIONS for w in words)


def _unit_lookup(gaz: Gazetteer, span: Span) -> tuple[GazEntry, ...]:
    """Readings of a name in a list of units, as written or as a variant ("Seoul City -
    Jongno" -> Seoul); a short name ("Soum") may well be a district here."""
    short = len(span.text.replace(".", "")) <= _SHORT_NAME
    for variant in _variants(span):
        found = tuple(
            e
            for e in gaz.lookup(variant)
            if e.feature in _STRONG or e.source == "admin2" or not (short and _small(e))
        )
        if found:
            return found
    return ()


def _name_words(doc: Doc, start: int, end: int, upper: bool) -> bool:
    """Are the tokens a name: capitalised words (hyphenated, "J&K" too), joined by the
    lower-case particles of names?"""
    if start >= end:
        return False
    for k, t in enumerate(doc[start:end]):
        inner = 0 < k < end - start - 1
        if inner and (t.text in {"-", "&"} or t.text.isdigit()):
            continue  # "Extreme-Nord", "Seoul City - Jongno", "South 24 Parganas"
        word = t.text.replace("-", "").replace("&", "").replace("'", "")
        if not word.isalpha():
            return False
        joiner = k > 0 and t.text.lower() in _NAME_JOINERS
        if upper:  # capitals say nothing: a stop word or a common word ends the name
            common = _is_stop(t) or t.text.lower() in _NOT_PLACES
            if not t.text.isupper() or (common and not joiner):
                return False
        elif not t.text[0].isupper() and not joiner:
            return False
    return True


def _bracket_parts(doc: Doc, open_i: int, limit: int, upper: bool) -> list[tuple[int, int]]:
    """The names of a bracketed list "(A, B district, C)", without type words; none when any
    part is not a name ("(coded to the district level)")."""
    close = next((i for i in range(open_i + 1, limit) if doc[i].text == ")"), None)
    if close is None or close == open_i + 1:
        return []
    parts: list[tuple[int, int]] = []
    start = open_i + 1
    for i in range(open_i + 1, close + 1):
        if i < close and doc[i].text != ",":
            continue
        end = i
        while end > start + 1 and doc[end - 1].text.lower() in _KIND_WORDS:
            end -= 1
        if not _name_words(doc, start, end, upper):
            return []
        parts.append((start, end))
        start = i + 1
    return parts


def _comma_unit(
    doc: Doc, start: int, limit: int, here: Sequence[Toponym], upper: bool
) -> list[tuple[int, int]]:
    """The found toponym right after a comma when it can be a first-level unit and ends its
    clause ("Dibrova, Donetsk."): the unit of the place before the comma."""
    unit = next((t for t in here if t.start == start), None)
    if unit is None or not any(e.feature == "admin1" for e in unit.candidates):
        return []
    if unit.end < limit and doc[unit.end].text not in {",", ".", ";", "(", "and"}:
        return []
    return [(unit.start, unit.end)]


def _head_before(doc: Doc, mark: int, sent_start: int, upper: bool) -> tuple[int, int] | None:
    """The name before a bracket or comma, type words skipped ("Balcad town ("): up to
    MAX_NGRAM name words, not a person's or an organisation's name."""
    end = mark
    while end > sent_start and doc[end - 1].text.lower() in _KIND_WORDS:
        end -= 1
    start = end
    while (
        start > sent_start and end - start < MAX_NGRAM and _name_words(doc, start - 1, end, upper)
    ):
        start -= 1
    while start < end and doc[start].text.lower() in _NAME_JOINERS:
        start += 1
    if start >= end or start == sent_start:
        return None
    span = doc[start:end]
    if any(t.ent_type_ in _NOT_HEAD_ENTS for t in span):
        return None
    if len(span) == 1 and (span[0].text.lower() in _NOT_SINGLE or _is_stop(span[0])):
        return None
    return start, end


def _extended(
    gaz: Gazetteer, ent: Span, sent: Span, upper: bool
) -> tuple[Span, tuple[GazEntry, ...]]:
    """An entity the tagger cut short ("Deir" of "Deir ez Zor", "San Pedro" of "San Pedro
    Sula", "Krems" of "Krems an der Donau", "Saint-Pair" of "Saint-Pair-sur-Mer"): the entity
    with up to _EXTEND following words (line breaks and hyphens inside a word skipped), when
    that longer name is in the gazetteer; else the entity and no candidates."""
    for end in reversed(_extension_ends(ent, sent, upper)):
        longer = ent.doc[ent.start : end]
        entries = _lookup(gaz, longer, alternates=not upper)
        if entries:
            return longer, entries
    return ent, ()


def _extension_ends(ent: Span, sent: Span, upper: bool) -> list[int]:
    """Where a longer name could end after the entity: after each following name word, up to
    _EXTEND words; words are letters only, and a hyphen counts only inside a word ("London -
    Westminster" is London's district, not a longer name)."""
    doc = ent.doc
    ends: list[int] = []
    words = 0
    i = ent.end
    while i < sent.end and words < _EXTEND:
        tok = doc[i]
        glued = tok.text == "-" and not doc[i - 1].whitespace_ and not tok.whitespace_
        if glued or not tok.text.strip():
            i += 1
            continue
        if not tok.text.isalpha():
            break
        words += 1
        i += 1
        if _name_start_text(tok.text, upper):
            ends.append(i)
    return ends


def _big_reading(entries: Sequence[GazEntry], text: str) -> bool:
    """Is a country, a first-level unit or a large town of that main name among the
    readings?"""
    names = _folded_names(text)
    return any(
        (e.feature in _STRONG or e.population >= BIG_CITY) and _bare(e.name) in names
        for e in entries
    )


def _joined_name(ent: Span, sent: Span, upper: bool) -> Span | None:
    """The whole name when the entity is only its first part, joined to the rest by a name
    particle or an in-word hyphen ("Shakhta imeni Gagarina", "Nawa-i-Barikzayi"); None when
    no such rest follows. In upper-case copy, particles cannot be told from other words."""
    if upper:
        return None
    doc = ent.doc
    i, words, joined, end = ent.end, 0, False, None
    while i < sent.end and words < _EXTEND:
        tok, glued = doc[i], not doc[i - 1].whitespace_
        if tok.text == "-" and glued and not tok.whitespace_:
            joined, i = True, i + 1
            continue
        if not tok.text.isalpha():
            break
        particle = tok.text.lower() in _NAME_JOINERS or (glued and tok.text.islower())
        if not particle and not (joined and tok.text[0].isupper()):
            break
        joined = joined or particle
        words, i = words + 1, i + 1
        if not particle:
            end = i
    return doc[ent.start : end] if end is not None else None


def _before_bracket(ent: Span) -> Span | None:
    """An entity cut before a bracket or comma it swallowed ("Maceio (Alagoas" -> "Maceio"),
    so the qualifier after it is found on its own; None when nothing is left."""
    for tok in ent:
        if tok.text in {"(", ","}:
            return ent.doc[ent.start : tok.i] if tok.i > ent.start else None
    return ent


def _link_qualifiers(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """ "X (A, B)" and "X, A" where A names a larger unit: A qualifies X."""
    out = list(toponyms)
    for i, head in enumerate(out):
        if head.is_qualifier:
            continue
        j = i + 1
        quals: list[int] = []
        gap_start = head.end
        while j < len(out):
            gap = [t for t in doc[gap_start : out[j].start] if t.text.lower() not in _KIND_WORDS]
            between = " ".join(t.text for t in gap)
            if between not in {"(", ",", "", "( the", ", the"} or len(gap) > 2:
                break
            if between == "," and head.candidates and not _is_larger(out[j]):
                break
            quals.append(j)
            gap_start = out[j].end
            j += 1
        if not quals:
            continue
        for q in quals:  # a qualifier names a unit: "Donetsk" the region, not the town
            out[q] = _with(out[q], is_qualifier=True, admin_word=True)
            if len(quals) > 1:  # "(Shiroro, Niger)": a list of units, the state not the country
                out[q] = _with(out[q], candidates=_units_not_countries(out[q].candidates))
        # "Palma (Palma, Cabo Delgado)": a unit named like the place (its district) says
        # nothing about which Palma it is when another qualifier follows; that one does.
        others = [q for q in quals if fold(out[q].text) != fold(head.text)]
        quals = others or quals
        entries = tuple(e for q in quals for e in _unit_readings(out[q]))
        text = ", ".join(out[q].text for q in quals)
        out[i] = _with(head, qualifiers=entries, qualifier_text=text)
    return out


def _units_not_countries(entries: tuple[GazEntry, ...]) -> tuple[GazEntry, ...]:
    """The readings without the country ones when a first-level unit is among them."""
    if not any(e.feature == "admin1" for e in entries):
        return entries
    return tuple(e for e in entries if e.feature != "country")


def _unit_readings(t: Toponym) -> tuple[GazEntry, ...]:
    """A qualifier's readings as a country or unit when it has any ("Buenos Aires" the
    province, not a village of that name near another town), else all of them."""
    units = tuple(e for e in t.candidates if e.feature in _STRONG or e.source == "admin2")
    return units or t.candidates


def _is_larger(t: Toponym) -> bool:
    return any(e.feature in {"country", "admin1"} or e.source == "admin2" for e in t.candidates)


def _with(t: Toponym, **changes: object) -> Toponym:
    fields = {
        "block": t.block, "sentence_index": t.sentence_index, "start": t.start, "end": t.end,
        "text": t.text, "candidates": t.candidates, "qualifiers": t.qualifiers,
        "qualifier_text": t.qualifier_text, "is_qualifier": t.is_qualifier,
        "admin_word": t.admin_word, "unit_level": t.unit_level,
    }  # fmt: skip
    fields.update(changes)
    return Toponym(**fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- resolving


def toponym_votes(toponyms: Sequence[Toponym], once: bool = False) -> dict[str, float]:
    """Country votes of the toponyms: one for an unambiguous name or a country name, half for
    the country of the likeliest reading of an ambiguous one; with ``once``, a repeated name
    votes once (in a long article, "U.S." ten times is still one place)."""
    votes: dict[str, float] = defaultdict(float)
    seen: set[str] = set()
    for t in toponyms:
        key = fold(t.text)
        if once and key in seen:
            continue
        seen.add(key)
        countries = {e.country for e in t.candidates if e.country}
        named = [e.country for e in t.candidates if e.feature == "country" and e.country]
        if len(countries) == 1:
            votes[countries.pop() or ""] += 1.0
        elif named:
            votes[named[0]] += 1.0
        elif countries:
            facts = _name_facts(t)
            best = max(t.candidates, key=lambda e: score(e, t, {}, 0.0, facts))
            if best.country:
                votes[best.country] += 0.5
    return votes


def dateline_country(parsed: ParsedDocument, gaz: Gazetteer) -> str | None:
    """The country of a wire story's dateline city ("SAN SALVADOR, 12 JAN 90 (ACAN-EFE) --")."""
    dateline = dateline_place(parsed.document.text)
    entries = gaz.lookup(dateline) if dateline is not None else []
    return entries[0].country if entries and entries[0].country else None


def country_evidence(
    parsed: ParsedDocument, toponyms: Sequence[Toponym], mentions: Sequence[Mention], gaz: Gazetteer
) -> dict[str, float]:
    """Votes for the countries a document is about: the dateline's place, the toponyms,
    demonyms and the actors' countries."""
    votes = defaultdict(float, toponym_votes(toponyms, once=True))
    dateline = dateline_country(parsed, gaz)
    if dateline is not None:
        votes[dateline] += _DATELINE_VOTES
    demonyms: dict[str, tuple[str, float]] = {}  # word -> (ISO3, its vote)
    for block in parsed.blocks:
        doc = block.doc
        for found in _CAPITALISED.finditer(_block_text(parsed, block)):  # faster than tokens
            text = found.group()
            known = demonyms.get(text)
            if known is not None and known[1] == _WEAK_VOTE:
                continue
            iso3 = gaz.demonym(text)
            if iso3 is None:
                continue
            span = doc.char_span(found.start(), found.end())
            armed = span is not None and len(span) == 1 and _of_armed_force(span[0])
            demonyms[text] = (iso3, _ARMED_VOTE if armed else _WEAK_VOTE)
    once: dict[tuple[str, str], float] = {}
    for word, (iso3, vote) in demonyms.items():  # each demonym once
        word_key = (word.lower(), iso3)
        once[word_key] = max(once.get(word_key, 0.0), vote)
    for (_word, iso3), vote in once.items():
        votes[iso3] += vote
    seen: set[str] = set()
    for m in mentions:
        key = m.entity.id or fold(m.entity.name or m.entity.text)
        country = m.entity.country
        if key in seen or not country or len(country) != 3 or not country.isalpha():
            continue
        seen.add(key)  # an actor named ten times is still one actor
        # armies act abroad: "Russian forces shelled X" says less of where than "police"
        votes[country] += _ARMED_VOTE if m.entity.sector in _ARMED_SECTORS else _WEAK_VOTE
    return dict(votes)


def _block_text(parsed: ParsedDocument, block: Block) -> str:
    """The block's text, cut from the document's (``Doc.text`` joins every token anew)."""
    doc = block.doc
    if not len(doc):
        return ""
    last = doc[-1]
    return parsed.document.text[block.offset : block.offset + last.idx + len(last.text)]


_ARMED_SECTORS = frozenset({"MIL"})
_CAPITALISED = re.compile(r"(?<![^\W_])[^\W\d_a-z][^\W\d_]*(?![^\W_])")
# Nouns for armed forces: a demonym modifying one ("Turkish drones") names the attacker's
# country, not the place of the attack.
_FORCE_NOUNS = frozenset(
    ["force", "forces", "troops", "troop", "army", "military", "soldiers", "soldier", "jets",
     "jet", "warplanes", "warplane", "aircraft", "drones", "drone", "navy", "artillery",
     "airstrike", "airstrikes", "strikes", "missiles", "missile", "helicopters", "helicopter"]
)  # fmt: skip


def _of_armed_force(tok: Token) -> bool:
    """A word modifying a noun for armed forces ("Russian forces", "the Turkish air force")."""
    head = tok.head
    return (
        head.i != tok.i
        and tok.dep_ in {"amod", "compound", "nmod"}
        and (
            head.text.lower() in _FORCE_NOUNS
            or (head.dep_ == "compound" and head.head.text.lower() in _FORCE_NOUNS)
        )
    )


def _distance_km(a: GazEntry, b: GazEntry) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _qualifier_fit(entry: GazEntry, qualifiers: Sequence[GazEntry]) -> float:
    """How well the entry lies in the qualifying places, summed over the qualifying names (so
    "Hangu (Hangu, Khyber Pakhtunkhwa)" prefers the Hangu that fits both): per name, 2 inside
    a qualifying country or unit, 1 near a qualifying town, 0 not at all."""
    best: dict[str, float] = defaultdict(float)
    for q in qualifiers:
        key = fold(q.name)
        best[key] = max(best[key], _fit_one(entry, q))
    return sum(best.values())


def _fit_one(entry: GazEntry, q: GazEntry) -> float:
    if q.country is None or entry.country != q.country:
        return 0.0
    if q.feature == "country":
        return 2.0
    km = _distance_km(entry, q)
    if q.feature == "admin1" or q.source == "admin2":
        same = entry.admin1 is not None and fold(entry.admin1) == fold(q.admin1 or "")
        if same or (km is None and entry.admin1 is None) or (km is not None and km < 250):
            return 2.0
        return 0.0
    return 1.0 if km is not None and km < 100 else 0.0


@dataclass(frozen=True, slots=True)
class _NameFacts:
    """What a toponym's candidates say about each other, worked out once per toponym."""

    names: frozenset[str]  # the toponym's bare name and its spellings
    main_name_found: bool  # some candidate's main name is the name as written
    units: frozenset[tuple[str | None, str]]  # (country, folded name) of first-level units
    districts: frozenset[tuple[str | None, str]]  # the same of second-level units


def _name_facts(t: Toponym) -> _NameFacts:
    names = _folded_names(t.text)
    return _NameFacts(
        names,
        any(_bare(e.name) in names for e in t.candidates),
        _unit_set(e for e in t.candidates if e.feature == "admin1"),
        _unit_set(e for e in t.candidates if e.source == "admin2"),
    )


def _unit_set(units: Iterable[GazEntry]) -> frozenset[tuple[str | None, str]]:
    return frozenset((e.country, name) for e in units for name in _unit_keys(e.name))


@lru_cache(maxsize=1 << 14)
def _unit_keys(name: str) -> frozenset[str]:
    """A unit's folded names without its type word ("Province of Cordoba" -> "cordoba")."""
    return frozenset(fold(n) for n in unit_names(name))


def score(
    entry: GazEntry,
    t: Toponym,
    votes: Mapping[str, float],
    total: float,
    facts: _NameFacts | None = None,
) -> float:
    """Prior (population, feature) + document context + qualifier fit (``facts``: the
    toponym's :func:`_name_facts`, when already worked out)."""
    population = entry.population
    if entry.feature == "admin1" and not population:
        population = _ADMIN1_POPULATION
    s = math.log10(population + 10) * 0.6
    exact = fold(entry.name) == fold(t.text)
    if entry.feature == "country":
        s += 4.0 if exact else 3.0
    elif entry.feature == "admin1":
        # "Tehran" is the city, "Tehran Province" the unit; "Ilam district" not a province
        s += -0.5 if not t.admin_word or t.unit_level == 2 else 1.5
    elif entry.source == "admin2":
        # "Bara district" is the unit, "Bara" the town; "Zamora province" may be either
        s += 0.0 if not t.admin_word else (0.75 if t.unit_level == 1 else 1.5)
    elif entry.feature == "region":
        s += 1.0
    elif entry.source == "site":
        s += 3.0
    if total and entry.country:  # little evidence (one demonym) counts less
        s += _CONTEXT_WEIGHT * votes.get(entry.country, 0) / total * min(1.0, total / 2.0)
    if t.qualifiers:
        s += 3.0 * _qualifier_fit(entry, t.qualifiers)
    if entry.lat is None:
        s -= 0.5
    facts = facts or _name_facts(t)
    if facts.main_name_found and not _named(entry, facts.names):
        s -= _OTHER_NAME_PENALTY  # "Parma" is Parma before it is Perm's old name
    if entry.feature == "city":
        key = (entry.country, fold(entry.name))
        if key in facts.units:
            s += _NAMESAKE_CAPITAL  # "Donetsk": the city of Donetsk Oblast, not a namesake
        elif key in facts.districts:
            s += _NAMESAKE_CHIEF_TOWN  # "Cordoba": the chief town of a province so named
    return s


def _named(entry: GazEntry, names: frozenset[str]) -> bool:
    """Is the entry's main name one of ``names``; for a unit, without its type word
    ("Provincia de Zamora" is named "Zamora")?"""
    if _bare(entry.name) in names:
        return True
    unit = entry.feature == "admin1" or entry.source == "admin2"
    return unit and any(_bare(k) in names for k in _unit_keys(entry.name))


@lru_cache(maxsize=1 << 16)
def _bare(name: str) -> str:
    """A name folded and without an Arabic article ("Al 'Amarah" -> "amarah")."""
    return _ARABIC_ARTICLE.sub("", fold(name))


@lru_cache(maxsize=1 << 14)
def _folded_names(text: str) -> frozenset[str]:
    """A toponym's bare name, with and without a final "-ah" ("Raqqa"/"Raqqah")."""
    key = _bare(text)
    return frozenset({key, key + "h", key[:-1] if key.endswith("ah") else key})


def resolve_toponym(
    t: Toponym,
    votes: Mapping[str, float],
    missing_in_document_country: bool = False,
    near: Neighbours | None = None,
) -> ResolvedToponym:
    """Pick the best candidate of one toponym, saying why (and what else it could be). The
    toponym's own vote is left out: a name must not point the document to itself. With
    ``missing_in_document_country``, a town name with no reading in the country the text is
    clearly about, and no large reading elsewhere, is left unresolved (most likely a village
    of that country the gazetteer lacks), so the event falls back to that country. ``near``
    (see :func:`containing_country`): the country of the places named next to the toponym
    is the country for this test, however short the text (a unit reading is dropped too
    when they are its containers)."""
    own = toponym_votes([t])
    votes = {c: v - own.get(c, 0.0) for c, v in votes.items() if v - own.get(c, 0.0) > 0}
    total = float(sum(votes.values()))
    home = document_country(votes) if missing_in_document_country else None
    if home is not None and _foreign_small_town(t, home):
        return ResolvedToponym(
            t, None, f"{t.text!r}: no place of that name in {home}, which the text is about, "
            "and no large one elsewhere: most likely a place the gazetteer lacks",
        )  # fmt: skip
    if near is not None and near.country and _foreign_small_town(t, near.country, near.contained):
        return ResolvedToponym(
            t, None, f"{t.text!r}: no place of that name in {near.country}, where the places "
            "named next to it are, and no large one elsewhere: most likely a place the "
            "gazetteer lacks",
        )  # fmt: skip
    fitting = [e for e in t.candidates if not t.qualifiers or _qualifier_fit(e, t.qualifiers)]
    strong = any(q.feature in _STRONG or q.source == "admin2" for q in t.qualifiers)
    if not fitting and t.qualifiers and (strong or not t.candidates):
        as_unit = _with(t, admin_word=True)  # "X (Clarendon)": the bracket names a unit
        best_q = max(t.qualifiers, key=lambda e: score(e, as_unit, votes, total))
        where = "not in the gazetteer" if not t.candidates else "not found in its qualifier"
        return ResolvedToponym(
            t, best_q, f"{t.text!r} {where}; located by its qualifier "
            f"{t.qualifier_text!r} ({_label(best_q)})",
        )  # fmt: skip
    if not t.candidates:
        return ResolvedToponym(t, None, f"{t.text!r} not in the gazetteer")
    fitting = fitting or list(t.candidates)
    facts = _name_facts(t)
    scores = {e: score(e, t, votes, total, facts) for e in t.candidates}
    best = max(fitting, key=scores.__getitem__)
    others = sorted((e for e in t.candidates if e is not best), key=lambda e: -scores[e])
    why: list[str] = []
    if t.qualifiers and _qualifier_fit(best, t.qualifiers):
        why.append(f"qualified by {t.qualifier_text!r}")
    if others:
        if best.country and votes.get(best.country):
            why.append(f"document points to {best.country}")
        if best.feature == "country":
            why.append("a country name beats a town")
        why.append(f"population {best.population:,}")
        why.append(f"also {', '.join(_label(e) for e in others[:2])}")
    return ResolvedToponym(
        t, best, f"{t.text!r} -> {_label(best)}: {'; '.join(why) or 'only candidate'}"
    )


def document_country(votes: Mapping[str, float]) -> str | None:
    """The country the votes clearly point to: at least _HOME_VOTES and _HOME_SHARE of them."""
    total = sum(votes.values())
    if not total:
        return None
    country, count = max(votes.items(), key=lambda kv: kv[1])
    return country if count >= _HOME_VOTES and count / total >= _HOME_SHARE else None


def _foreign_small_town(t: Toponym, home: str, units: bool = False) -> bool:
    """Only town or second-level readings (with ``units``, first-level ones too), none in
    ``home``, none of them large; no qualifier."""
    features = _LOCAL_FEATURES if units else _TOWN_FEATURES
    return (
        may_be_missing(t)
        and all(e.country != home for e in t.candidates)
        and all(e.feature in features for e in t.candidates)
    )


def may_be_missing(t: Toponym) -> bool:
    """Could the toponym be a place the gazetteer lacks, named like small places elsewhere:
    readings, none a country, a continent or a large town; no qualifier?"""
    return (
        bool(t.candidates)
        and not t.qualifiers
        and all(e.feature in _LOCAL_FEATURES and e.source != "continent" for e in t.candidates)
        and max(e.population for e in t.candidates) < _FOREIGN_TOWN_POPULATION
    )


_TOWN_FEATURES = frozenset({"city", "region"})
_LOCAL_FEATURES = frozenset({"city", "region", "admin1"})


def containing_country(doc: Doc, t: Toponym, here: Sequence[Toponym]) -> Neighbours | None:
    """The country of the towns and units named right next to ``t`` as its neighbours or
    containers ("Saida town in Ar Raqqa countryside", "Damba in Gusau (Gusau, Zamfara)",
    "Novopavlovka village of Sokuluk district in Chui region"): toponyms of its sentence within
    _CONTAINER_SPAN tokens, joined to it only by place nouns, "in", "of", "and", directions,
    other names, brackets and commas. None when there are none, or their readings do not all
    lie in one country. Only places named after it can be its containers. ``here``: the
    toponyms of its sentence, in order."""
    after: set[str | None] = set()
    end = t.end
    for u in (o for o in here if o.start >= t.end):
        if u.start - t.end > _CONTAINER_SPAN or not _joined(doc, end, u.start):
            break
        after.update(e.country for e in u.candidates)
        end = u.end
    before: set[str | None] = set()
    start = t.start
    for u in reversed([o for o in here if o.end <= t.start]):
        if t.start - u.end > _CONTAINER_SPAN or not _joined(doc, u.end, start):
            break
        before.update(e.country for e in u.candidates)
        start = u.start
    countries = after | before
    if len(countries) != 1:
        return None
    return Neighbours(next(iter(countries)), contained=bool(after) and not before)


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The one country of a toponym's neighbouring places; ``contained`` when they are all
    named after it (its containers: "Saida town in Ar Raqqa countryside")."""

    country: str | None
    contained: bool


def _joined(doc: Doc, start: int, end: int) -> bool:
    """Can the tokens stand between a place and a neighbouring or containing one: brackets,
    commas, names and the words of _CONTAINER_WORDS? (Read from the text: cheaper than
    tokens.)"""
    if start >= end:
        return True
    for word in _GAP_WORD.findall(doc[start:end].text):
        if not word[0].isupper() and word.lower() not in _CONTAINER_WORDS:
            return False
    return True


_GAP_WORD = re.compile(r"['’]?[^\W\d_][\w'’&-]*|[^\s(),\-'’]+")


_CONTAINER_SPAN = 12
_CONTAINER_WORDS = (
    PLACE_NOUNS
    | ADMIN_WORDS
    | _DIRECTIONS
    | frozenset(["in", "of", "the", "and", "countryside", "hill", "sector", "axis", "bridge"])
    | frozenset(["'s", "’s"])
)


def _label(e: GazEntry) -> str:
    parts = [e.name, e.admin1 if e.admin1 and e.admin1 != e.name else None, e.country]
    return f"{', '.join(p for p in parts if p)} ({e.feature})"


# --------------------------------------------------------------------------- bare names


def name_candidates(gaz: Gazetteer, name: str) -> tuple[GazEntry, ...]:
    """Gazetteer candidates of a bare name; a demonym ("Irish") stands for its country."""
    found = gaz.lookup(name)
    if found:
        return tuple(found)
    iso3 = gaz.demonym(name)
    country = gaz.countries.get(iso3) if iso3 else None
    return (country,) if country is not None else ()


def resolve_names(names: Sequence[str], gaz: Gazetteer) -> list[ResolvedToponym]:
    """Resolve the place names of one text without the text itself (a gazetteer-only
    geocoder): each name has the country votes of the others as context."""
    toponyms = [Toponym(0, 0, 0, 0, name, name_candidates(gaz, name)) for name in names]
    votes = toponym_votes(toponyms)
    return [resolve_toponym(t, votes) for t in toponyms]


def geocode_mentions(names: Sequence[str]) -> list[tuple[float, float] | None]:
    """(lat, lon) of each name of one text, resolved together (see :func:`resolve_names`)
    with the process's gazetteer; None where a name is unknown or has no coordinates."""
    out: list[tuple[float, float] | None] = []
    for r in resolve_names(names, Gazetteer.load()):
        e = r.entry
        out.append(
            (e.lat, e.lon) if e is not None and e.lat is not None and e.lon is not None else None
        )
    return out
