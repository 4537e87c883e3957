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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from chronica.errors import DictionaryError
from chronica.nlp import ParsedDocument
from chronica.place.gazetteer import ADMIN_WORDS, BIG_CITY, DATA, GazEntry, Gazetteer, fold
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
_CONTEXT_WEIGHT = 3.0  # score for a candidate in the country all the document's evidence names
_EXTEND = 2  # words an unknown entity may be extended by ("Deir" -> "Deir ez Zor")
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
    letters = [c for c in parsed.document.text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9


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
    doc = span.doc
    words = [span[-1].text.lower()]
    if span.end < len(doc):
        words.append(doc[span.end].text.lower())
    return any(w in ADMIN_WORDS for w in words)


def _lookup(gaz: Gazetteer, span: Span, alternates: bool) -> tuple[GazEntry, ...]:
    """Candidates for an entity: as written, without article and type word, or (for
    "Baghdad - Adhamiya") its first part."""
    for variant in _variants(span):
        found = [e for e in gaz.lookup(variant, alternates=alternates) if _plausible_entry(e, span)]
        if variant != span.text and _ARABIC_ARTICLE.match(span.text):
            found = [e for e in found if e.country in _ARABIC_COUNTRIES]
        if found:
            return tuple(found)
    return ()


def _plausible_entry(entry: GazEntry, span: Span) -> bool:
    """A name of four letters or fewer ("Pa", "Tut") is too common to mean a small town or a
    second-level unit."""
    short = len(span.text.replace(".", "")) <= _SHORT_NAME
    small = entry.source == "admin2" or (entry.feature == "city" and entry.population < _SMALL_TOWN)
    return not (short and small)


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


def _name_start_ok(tok: Token, upper: bool) -> bool:
    """Could the token start a place name: capitalised ("NDjamena", "McAllen" too, not an
    acronym like "PKK" in mixed-case text), not a stop word or a common word."""
    text = tok.text
    if not text.isalpha() or _is_stop(tok) or text.lower() in _NOT_PLACES:
        return False
    if upper:
        return text.isupper()
    return text.istitle() or (text[0].isupper() and not text.isupper() and len(text) > 2)


def _ngram_matches(
    gaz: Gazetteer, sent: Span, taken: set[int], upper: bool
) -> list[tuple[int, int, tuple[GazEntry, ...]]]:
    """Longest gazetteer n-grams starting at capitalised tokens not already in an entity."""
    out: list[tuple[int, int, tuple[GazEntry, ...]]] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if i in taken or not _name_start_ok(tok, upper):
            i += 1
            continue
        if fold(tok.text).partition(" ")[0] not in gaz.first_words:
            i += 1  # no indexed name starts with this word
            continue
        match: tuple[int, tuple[GazEntry, ...]] | None = None
        for n in range(min(MAX_NGRAM, sent.end - i), 0, -1):
            span = doc[i : i + n]
            last = doc[i + n - 1]
            if any(t.i in taken for t in span) or not (last.text.isalpha() or last.text.isdigit()):
                continue
            entries = tuple(gaz.lookup(span.text, alternates=False)) or tuple(
                e for e in gaz.lookup(span.text) if e.population >= BIG_CITY
            )
            entries = tuple(e for e in entries if _plausible_entry(e, span))
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


def person_words(parsed: ParsedDocument) -> frozenset[str]:
    """Folded words that name persons somewhere in the document: the later words of a
    multi-word PERSON entity (surnames) and the capitalised words after a title ("General
    Enrique Lopez"). A single such word is not taken as a town ("Lopez said")."""
    upper = is_upper_case(parsed)
    out: set[str] = set()
    for block in parsed.blocks:
        doc = block.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                out.update(fold(t.text) for t in ent[1:] if t.text.isalpha())
        for tok in doc:
            if not _before_name(tok):
                continue
            words = (t for t in doc[tok.i + 1 :] if t.text.strip())  # wire copy breaks lines
            named = False
            for _, nxt in zip(range(_NAME_WORDS + 1), words, strict=False):
                word = nxt.text.lower().rstrip(".")
                if word in _TITLES:
                    continue
                if not _name_start_ok(nxt, upper):
                    break
                out.add(fold(nxt.text))
                named = True
            if named and tok.text.lower().rstrip(".") not in _TITLES:
                out.add(fold(tok.text))  # "Marco Antonio Guevara": the given name too
    return frozenset(out)


def _before_name(tok: Token) -> bool:
    """A title ("General") or a given name ("Guillermo"): capitalised words after it name a
    person."""
    word = tok.text.lower().rstrip(".")
    return word in _TITLES or (tok.text[:1].isupper() and fold(word) in given_names())


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


def find_toponyms(parsed: ParsedDocument, gaz: Gazetteer) -> list[Toponym]:
    """Every toponym of the document, in order, with qualifiers linked."""
    upper = is_upper_case(parsed)
    persons = person_words(parsed)
    found: list[Toponym] = []
    for block, sent_index, sent in parsed.sentences():
        here: list[Toponym] = []
        taken: set[int] = set()
        for whole in sent.ents:
            if whole.label_ not in {"GPE", "LOC", "FAC"}:
                continue
            ent = _before_bracket(whole)
            if ent is None:
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
                entries = _lookup(gaz, ent, alternates=not upper)
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
                    admin_word=_admin_word_after(ent),
                )
            )
            taken.update(range(ent.start, ent.end))
        for start, end, entries in _ngram_matches(gaz, sent, taken, upper):
            span = block.doc[start:end]
            if _person_word(span, entries, persons, upper):
                continue
            here.append(
                Toponym(
                    block.index,
                    sent_index,
                    start,
                    end,
                    span.text,
                    entries,
                    admin_word=_admin_word_after(span),
                )
            )
        here.sort(key=lambda t: t.start)
        found.extend(_link_qualifiers(block.doc, here))
    return found


def _extended(
    gaz: Gazetteer, ent: Span, sent: Span, upper: bool
) -> tuple[Span, tuple[GazEntry, ...]]:
    """An entity the tagger cut short ("Deir" of "Deir ez Zor", "San Pedro" of "San Pedro
    Sula"): the entity with up to _EXTEND following words (line breaks skipped), when that
    longer name is in the gazetteer; else the entity and no candidates."""
    for end in range(min(ent.end + _EXTEND, sent.end), ent.end, -1):
        longer = ent.doc[ent.start : end]
        last = longer[-1]
        words = [t for t in longer[len(ent) :] if t.text.strip()]
        if not _name_start_ok(last, upper) or not all(t.text.isalpha() for t in words):
            continue  # "London - Westminster" is London's district, not a longer name
        entries = _lookup(gaz, longer, alternates=not upper)
        if entries:
            return longer, entries
    return ent, ()


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
            gap = [t for t in doc[gap_start : out[j].start] if t.text.lower() not in GENERIC]
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
        for q in quals:
            out[q] = _with(out[q], is_qualifier=True)
        # "Palma (Palma, Cabo Delgado)": a unit named like the place (its district) says
        # nothing about which Palma it is when another qualifier follows; that one does.
        others = [q for q in quals if fold(out[q].text) != fold(head.text)]
        quals = others or quals
        entries = tuple(e for q in quals for e in out[q].candidates)
        text = ", ".join(out[q].text for q in quals)
        out[i] = _with(head, qualifiers=entries, qualifier_text=text)
    return out


def _is_larger(t: Toponym) -> bool:
    return any(e.feature in {"country", "admin1"} or e.source == "admin2" for e in t.candidates)


def _with(t: Toponym, **changes: object) -> Toponym:
    fields = {
        "block": t.block, "sentence_index": t.sentence_index, "start": t.start, "end": t.end,
        "text": t.text, "candidates": t.candidates, "qualifiers": t.qualifiers,
        "qualifier_text": t.qualifier_text, "is_qualifier": t.is_qualifier,
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
            best = max(t.candidates, key=lambda e: score(e, t, {}, 0.0))
            if best.country:
                votes[best.country] += 0.5
    return votes


def country_evidence(
    parsed: ParsedDocument, toponyms: Sequence[Toponym], mentions: Sequence[Mention], gaz: Gazetteer
) -> dict[str, float]:
    """Votes for the countries a document is about: the dateline's place, the toponyms,
    demonyms and the actors' countries."""
    votes = defaultdict(float, toponym_votes(toponyms, once=True))
    dateline = dateline_place(parsed.document.text)
    if dateline is not None:
        entries = gaz.lookup(dateline)
        if entries and entries[0].country:
            votes[entries[0].country] += _DATELINE_VOTES
    words: set[str] = set()
    for block in parsed.blocks:
        for tok in block.doc:
            if tok.text.isalpha() and tok.text[:1].isupper():
                words.add(tok.text.lower())
    for word in words:  # each demonym once
        iso3 = gaz.demonym(word)
        if iso3 is not None:
            votes[iso3] += _WEAK_VOTE
    seen: set[str] = set()
    for m in mentions:
        key = m.entity.id or fold(m.entity.name or m.entity.text)
        country = m.entity.country
        if key in seen or not country or len(country) != 3 or not country.isalpha():
            continue
        seen.add(key)  # an actor named ten times is still one actor
        votes[country] += _WEAK_VOTE
    return dict(votes)


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


def score(entry: GazEntry, t: Toponym, votes: Mapping[str, float], total: float) -> float:
    """Prior (population, feature) + document context + qualifier fit."""
    population = entry.population
    if entry.feature == "admin1" and not population:
        population = _ADMIN1_POPULATION
    s = math.log10(population + 10) * 0.6
    exact = fold(entry.name) == fold(t.text)
    if entry.feature == "country":
        s += 4.0 if exact else 3.0
    elif entry.feature == "admin1":
        s += 1.5 if t.admin_word else -0.5  # "Tehran" is the city, "Tehran Province" the unit
    elif entry.source == "admin2":
        s += 1.5 if t.admin_word else 0.0  # "Bara district" is the unit, "Bara" the town
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
    names = _folded_names(t)
    if _bare(entry.name) not in names and any(_bare(e.name) in names for e in t.candidates):
        s -= _OTHER_NAME_PENALTY  # "Parma" is Parma before it is Perm's old name
    if entry.feature == "city" and any(
        e.feature == "admin1" and e.country == entry.country and fold(e.name) == fold(entry.name)
        for e in t.candidates
    ):
        s += _NAMESAKE_CAPITAL  # "Donetsk": the city of Donetsk Oblast, not a small namesake
    return s


def _bare(name: str) -> str:
    """A name folded and without an Arabic article ("Al 'Amarah" -> "amarah")."""
    return _ARABIC_ARTICLE.sub("", fold(name))


def _folded_names(t: Toponym) -> frozenset[str]:
    """The toponym's bare name, with and without a final "-ah" ("Raqqa"/"Raqqah")."""
    key = _bare(t.text)
    return frozenset({key, key + "h", key[:-1] if key.endswith("ah") else key})


def resolve_toponym(
    t: Toponym, votes: Mapping[str, float], missing_in_document_country: bool = False
) -> ResolvedToponym:
    """Pick the best candidate of one toponym, saying why (and what else it could be). The
    toponym's own vote is left out: a name must not point the document to itself. With
    ``missing_in_document_country``, a town name with no reading in the country the text is
    clearly about, and no large reading elsewhere, is left unresolved (most likely a village
    of that country the gazetteer lacks), so the event falls back to that country."""
    own = toponym_votes([t])
    votes = {c: v - own.get(c, 0.0) for c, v in votes.items() if v - own.get(c, 0.0) > 0}
    total = float(sum(votes.values()))
    home = document_country(votes) if missing_in_document_country else None
    if home is not None and _foreign_small_town(t, home):
        return ResolvedToponym(
            t, None, f"{t.text!r}: no place of that name in {home}, which the text is about, "
            "and no large one elsewhere: most likely a place the gazetteer lacks",
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
    best = max(fitting, key=lambda e: score(e, t, votes, total))
    others = sorted(
        (e for e in t.candidates if e is not best), key=lambda e: -score(e, t, votes, total)
    )
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


def _foreign_small_town(t: Toponym, home: str) -> bool:
    """Only town or second-level readings, none in ``home``, none of them large; no qualifier."""
    return (
        bool(t.candidates)
        and not t.qualifiers
        and all(e.country != home for e in t.candidates)
        and all(e.feature in {"city", "region"} and e.source != "continent" for e in t.candidates)
        and max(e.population for e in t.candidates) < _FOREIGN_TOWN_POPULATION
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
