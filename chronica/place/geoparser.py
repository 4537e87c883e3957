"""Event location: the place attached to the event, not every place in its sentence.

The toponym that hangs from the trigger through a locative preposition ("bombings in Iran")
comes first, then one hanging from the trigger's clause, then any locative toponym of the
sentence; a sentence without one inherits the place of its paragraph's last located sentence;
a document whose places all point to one country gives that country, with a reason; else None.
Names inside the event's actor mentions (an actor's nationality) are not its location, unless
the trigger takes them through a locative preposition ("rallied in X").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.place.gazetteer import GazEntry, Gazetteer, fold
from chronica.place.toponyms import (
    LOCATIVE,
    PLACE_NOUNS,
    ResolvedToponym,
    Toponym,
    containing_country,
    country_evidence,
    dateline_country,
    find_toponyms,
    may_be_missing,
    resolve_toponym,
)
from chronica.records import EventCandidate, Mention, Place, PlaceResult

_VERBS = frozenset({"VERB", "AUX"})
_LEVELS = {
    1: "modifies",
    2: "is in the clause of",
    3: "is in the same sentence as",
    4: "is named (not as an actor, nor a country) in the same sentence as",
}
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
_EXAMPLES = frozenset({"like", "as", "including"})  # "cities like X", "towns such as X"
_COUNTRY_SHARE = 0.5  # share of the country votes one country needs for the fallback
_COUNTRY_VOTES = 2.0  # and at least this many votes,
_PLACED_VOTES = 0.5  # or this many when a town or unit of that country is named
_COUNTRY_LEAD = 2.0  # a country with less than the share still wins with this many times
# the votes of the next one
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class DocumentPlaces:
    """The resolved toponyms of a document and the countries it points to."""

    toponyms: tuple[ResolvedToponym, ...]
    fallback: PlaceResult  # for events with no place in their sentence or paragraph

    def in_sentence(self, sentence_index: int) -> list[ResolvedToponym]:
        return [
            r
            for r in self.toponyms
            if r.toponym.sentence_index == sentence_index and not r.toponym.is_qualifier
        ]


@dataclass(frozen=True)
class Geoparser:
    settings: Settings

    @classmethod
    def from_settings(cls, settings: Settings) -> Geoparser:
        return cls(settings)

    @property
    def gazetteer(self) -> Gazetteer:
        """Loaded on first use, once per process (a few seconds); not pickled with the
        geoparser, so sending a Coder to worker processes stays cheap."""
        return Gazetteer.load()

    def resolve(
        self,
        parsed: ParsedDocument,
        candidates: Sequence[EventCandidate],
        mentions: Sequence[Mention],
    ) -> list[PlaceResult]:
        """One PlaceResult per candidate, in order."""
        if not candidates:
            return []
        places = self.analyse(parsed, mentions)
        claims = _claimed_places(parsed, places, candidates)
        return [place_for(parsed, places, cand, claims.get(i, frozenset()))
                for i, cand in enumerate(candidates)]  # fmt: skip

    def analyse(self, parsed: ParsedDocument, mentions: Sequence[Mention]) -> DocumentPlaces:
        """Find and resolve every toponym of the document."""
        gaz = self.gazetteer
        toponyms = find_toponyms(parsed, gaz)
        votes = country_evidence(parsed, toponyms, mentions, gaz)
        resolved = one_sense(tuple(_resolve_all(parsed, toponyms, votes)))
        placed = frozenset(
            r.entry.country
            for r in resolved
            if r.entry is not None and r.entry.feature != "country"
        )
        dateline = dateline_country(parsed, gaz)
        nowhere = all(r.entry is None for r in resolved)
        return DocumentPlaces(resolved, country_fallback(votes, gaz, placed, dateline, nowhere))


def _resolve_all(
    parsed: ParsedDocument, toponyms: Sequence[Toponym], votes: Mapping[str, float]
) -> Iterator[ResolvedToponym]:
    """Resolve each toponym; a name repeated with the same readings, qualifiers and
    containing places is resolved once per document (a long article names its town many
    times)."""
    done: dict[tuple[object, ...], ResolvedToponym] = {}
    sentences: dict[tuple[int, int], list[Toponym]] = defaultdict(list)
    for t in toponyms:
        sentences[(t.block, t.sentence_index)].append(t)
    for t in toponyms:
        here = sentences[(t.block, t.sentence_index)]
        doc = parsed.blocks[t.block].doc
        near = containing_country(doc, t, here) if len(here) > 1 and may_be_missing(t) else None
        key = (t.text, t.admin_word, t.unit_level, t.qualifier_text, t.candidates, t.qualifiers,
               near)  # fmt: skip
        r = done.get(key)
        if r is None:
            r = done[key] = resolve_toponym(t, votes, missing_in_document_country=True, near=near)
        yield r if r.toponym is t else ResolvedToponym(t, r.entry, r.reason)


def one_sense(resolved: tuple[ResolvedToponym, ...]) -> tuple[ResolvedToponym, ...]:
    """One place per name per document: a name resolved with the help of its qualifier
    ("Pilar (Abra)") gives that place to its bare mentions ("the Pilar mayor")."""
    senses: dict[str, ResolvedToponym] = {}
    for r in resolved:
        if r.entry is not None and r.toponym.qualifiers and r.toponym.candidates:
            senses.setdefault(fold(r.toponym.text), r)
    if not senses:
        return resolved
    out: list[ResolvedToponym] = []
    for r in resolved:
        sense = senses.get(fold(r.toponym.text))
        entry = sense.entry if sense is not None else None
        keep = entry is None or r.toponym.qualifiers or entry not in r.toponym.candidates
        if sense is None or entry is None or keep or entry == r.entry:
            out.append(r)
        else:
            reason = (
                f"{r.toponym.text!r} -> {entry.name}, {entry.country}: the same name is "
                f"qualified elsewhere in the text ({sense.toponym.text!r} "
                f"({sense.toponym.qualifier_text}))"
            )
            out.append(ResolvedToponym(r.toponym, entry, reason))
    return tuple(out)


def country_fallback(
    votes: Mapping[str, float],
    gaz: Gazetteer,
    placed: frozenset[str | None] = frozenset(),
    dateline: str | None = None,
    nowhere: bool = False,
) -> PlaceResult:
    """The country a document is about, when its places and actors agree on one; ``placed``
    are the countries of which the text names a town or unit (less evidence is then needed);
    the ``dateline`` country of a wire story needs only to lead the votes. With ``nowhere``
    (the text names no place the gazetteer knows: a short note on a village), one actor's or
    demonym's country is enough when nothing contradicts it."""
    total = sum(votes.values())
    if not total:
        return PlaceResult(None, "the text does not say where")
    country, count = max(votes.items(), key=lambda kv: (kv[1], kv[0] == dateline))
    entry = gaz.countries.get(country)
    needed = _PLACED_VOTES if country in placed or nowhere else _COUNTRY_VOTES
    runner_up = max((v for c, v in votes.items() if c != country), default=0.0)
    clear = count / total >= _COUNTRY_SHARE or count >= _COUNTRY_LEAD * runner_up
    ahead = clear or country == dateline  # the story's dateline country, leading the votes
    if nowhere and count <= runner_up:
        ahead = False  # weak evidence must at least not be tied
    if entry is None or count < needed or not ahead:
        return PlaceResult(
            None,
            "the text does not say where (no place in the sentence; no one country in the text)",
        )
    place = Place(
        text=entry.name, name=entry.name, country=country, lat=entry.lat, lon=entry.lon,
        geonameid=entry.geonameid, feature="country",
    )  # fmt: skip
    return PlaceResult(
        place,
        f"no place in the sentence or paragraph; country-level fallback: the document's places "
        f"and actors point to {country} ({count:g} of {total:g} votes"
        + ("" if clear else "; the most, and the dateline's country")
        + (
            "; the text names no place the gazetteer knows"
            if nowhere and count < _COUNTRY_VOTES
            else ""
        )
        + ")",
    )


def to_place(r: ResolvedToponym) -> Place | None:
    e: GazEntry | None = r.entry
    if e is None:
        return None
    return Place(
        text=r.toponym.text, name=e.name, country=e.country, admin1=e.admin1, lat=e.lat,
        lon=e.lon, geonameid=e.geonameid, feature=e.feature,
    )  # fmt: skip


def locative_attachment(place: Token, trigger: Token) -> int | None:
    """1 when the place hangs from the trigger through a locative preposition (or directly as
    its compound: "a Paris rally"), 2 when from the verb of the trigger's clause, 3 when it
    hangs from a locative preposition elsewhere in the sentence; None when no locative
    preposition governs it (a subject, an object, a possessor)."""
    clause = trigger
    while clause.pos_ not in _VERBS and clause.head.i != clause.i:
        clause = clause.head
    if place.head.i == trigger.i and place.dep_ in {"compound", "nmod", "npadvmod"}:
        return 1
    tok = place
    locative = False
    crossed_verb = False
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if tok.i != place.i and tok.pos_ == "ADP" and not locative:
            if tok.text.lower() in LOCATIVE:
                locative = True
            elif not _place_of(tok):
                return None  # "the invasion of Ukraine", "a protest against Iran"
        if locative and not crossed_verb and tok.i == trigger.i:
            return 1
        if locative and not crossed_verb and tok.i == clause.i:
            return 2
        if tok.head.i == tok.i:
            break
        if tok.i != place.i and tok.pos_ in _VERBS:
            crossed_verb = True
        tok = tok.head
    return 3 if locative else None


def _place_of(prep: Token) -> bool:
    """Prepositions that keep a name a place: "of" after a word for a place ("the village of
    X", "the outskirts of X") and those giving examples ("cities like X"); the preposition
    above them decides."""
    word = prep.text.lower()
    head = (prep.head.lemma_ or prep.head.text).lower()
    return word in _EXAMPLES or (word == "of" and head in PLACE_NOUNS)


def _actor_like(tok: Token) -> bool:
    """A name standing as a subject or possessor ("Iran said", "Iran's forces") is an actor."""
    while tok.dep_ in {"compound", "flat", "appos", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _ACTOR_DEPS or tok.pos_ in {"ADJ"} or tok.ent_type_ == "NORP"


def _nationality_modifier(root: Token, trigger: Token, r: ResolvedToponym) -> bool:
    """A country name modifying a noun that is not a place word ("a U.S. military convoy",
    "the Iran deal") says whose, not where; "a Paris rally" (modifying the trigger) and
    "Syria province" keep their place."""
    if r.entry is None or r.entry.feature != "country" or root.dep_ not in _MODIFIER_DEPS:
        return False
    head = root.head
    return head.i != trigger.i and (head.lemma_ or head.text).lower() not in PLACE_NOUNS


def _in_actor(
    cand: EventCandidate, start: int, end: int, doc_tokens: Doc, town: bool = False
) -> bool:
    """Inside (or the possessor of) one of the event's actor or recipient mentions; with
    ``town``, a recipient that is the place itself ("shelled Avdiivka") does not count."""
    for m in (*cand.actor, *cand.recipient):
        if town and m in cand.recipient and m.start == start:
            continue  # "shelled Avdiivka" or "shelled Dibrova, Donetsk"
        if m.block != cand.block:
            continue
        if m.start <= start < m.end:
            return True
        head = doc_tokens[end - 1].head
        if doc_tokens[end - 1].dep_ in {"poss", "compound", "amod"} and m.start <= head.i < m.end:
            return True
    return False


def _claimed_places(
    parsed: ParsedDocument, places: DocumentPlaces, candidates: Sequence[EventCandidate]
) -> dict[int, frozenset[int]]:
    """Per candidate (by position), the toponyms of its sentence (by first token) that hang
    directly from ANOTHER event of the sentence ("the group was sheltered in X"): they say
    where that event happened, and another event of the sentence takes them only when its
    own clause names no other place."""
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, cand in enumerate(candidates):
        by_sentence[(cand.block, cand.sentence_index)].append(i)
    claims: dict[int, frozenset[int]] = {}
    for (block, sentence), members in by_sentence.items():
        if len(members) < 2:
            continue
        doc = parsed.blocks[block].doc
        toponyms = [r.toponym for r in places.in_sentence(sentence) if r.entry is not None]
        own = {
            i: {t.start for t in toponyms
                if locative_attachment(doc[t.end - 1], doc[candidates[i].trigger_start]) == 1}
            for i in members
        }  # fmt: skip
        for i in members:
            others = set().union(*(own[j] for j in members if j != i))
            claims[i] = frozenset(others - own[i])
    return claims


def place_for(
    parsed: ParsedDocument,
    places: DocumentPlaces,
    cand: EventCandidate,
    claimed: frozenset[int] = frozenset(),
) -> PlaceResult:
    """The location of one event, with the reason. ``claimed``: toponyms (by first token)
    that another event of the sentence takes as its own place; they come last among the
    places only loosely attached to this event."""
    doc = parsed.blocks[cand.block].doc
    trigger = doc[cand.trigger_start]
    options: list[tuple[int, bool, int, ResolvedToponym]] = []
    for r in places.in_sentence(cand.sentence_index):
        t = r.toponym
        if r.entry is None:
            continue
        root = doc[t.end - 1]
        level = locative_attachment(root, trigger)
        town = r.entry.feature != "country"
        if _in_actor(cand, t.start, t.end, doc, town) and level not in {1, 2}:
            continue  # an actor's name, unless the trigger takes it as a place ("rallied in X")
        if _nationality_modifier(root, trigger, r):
            continue  # "fired on a U.S. convoy": whose convoy, not where
        if level is None and not _actor_like(root) and r.entry.feature != "country":
            level = 4  # a town named as the object: "shelled Kharkiv"
        if level is not None:
            elsewhere = level >= 3 and t.start in claimed
            options.append((level, elsewhere, abs(root.i - trigger.i), r))
    loose = bool(options) and min(o[0] for o in options) >= 3
    unnamed = _unnamed_country(trigger) if loose else None
    if unnamed is not None:
        # "... preparing to incite violence in the country": the event's own place is a
        # country the text does not name here; a name elsewhere in the sentence is not it.
        note = f"{unnamed!r} is the place of {trigger.text!r}, unnamed in its sentence"
        own = _actors_country(cand, unnamed)
        if own is not None:
            return PlaceResult(own.place, f"{note}; {own.reason}")
        found = _without_toponym(parsed, places, cand)
        return PlaceResult(found.place, f"{note}; {found.reason}")
    if options:
        level, elsewhere, distance, best = min(options, key=lambda o: (o[0], o[1], o[2]))
        how = f"{best.toponym.text!r} {_LEVELS[level]} {trigger.text!r}"
        if elsewhere:
            how += " (the place of another event of the sentence: the only one named)"
        elif any(o[1] and o[0] == level and o[2] < distance for o in options):
            how += " (nearer places belong to another event of the sentence)"
        qualified = _qualified_place(options)
        if best.entry is not None and best.entry.feature == "country" and qualified is not None:
            how = (
                f"{qualified.toponym.text!r} is named with its units "
                f"({qualified.toponym.qualifier_text}) in the sentence of {trigger.text!r}, "
                f"where the country name {best.toponym.text!r} is a topic"
            )
            best = qualified
        return PlaceResult(to_place(best), f"{how}; {best.reason}")
    return _without_toponym(parsed, places, cand)


_COUNTRY_NOUNS = frozenset({"country", "nation"})
_DEFINITE = frozenset({"the", "this", "that"})


def _unnamed_country(trigger: Token) -> str | None:
    """ "in the country", "in this nation" attached to the event (its trigger or clause verb),
    as written, or None."""
    sent = trigger.sent
    text = trigger.doc.text[sent.start_char : sent.end_char].lower()
    if not any(word in text for word in _COUNTRY_NOUNS):
        return None
    for tok in sent:
        if tok.lower_ not in _COUNTRY_NOUNS or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
            continue
        if locative_attachment(tok, trigger) in {1, 2}:
            start = min((c.i for c in tok.children if c.dep_ == "det"), default=tok.i)
            return trigger.doc[start : tok.i + 1].text
    return None


def _actors_country(cand: EventCandidate, text: str) -> PlaceResult | None:
    """The one country of the event's actors, as the place "the country" stands for."""
    countries = {m.entity.country for m in cand.actor if m.entity.country}
    if len(countries) != 1:
        return None
    country = countries.pop()
    entry = Gazetteer.load().countries.get(country)
    if entry is None:
        return None
    place = Place(
        text=text, name=entry.name, country=country, lat=entry.lat, lon=entry.lon,
        geonameid=entry.geonameid, feature="country",
    )  # fmt: skip
    return PlaceResult(place, f"the country of its actor ({country})")


def _qualified_place(
    options: Sequence[tuple[int, bool, int, ResolvedToponym]],
) -> ResolvedToponym | None:
    """The nearest town or unit of the options written with its units ("Emerson
    (Manitoba)"): the place a report is from, more than a country it names ("protested in
    Sudbury (Ontario) in support of Ukraine")."""
    qualified = [
        o
        for o in options
        if o[3].toponym.qualifiers and o[3].entry is not None and o[3].entry.feature != "country"
    ]
    return min(qualified, key=lambda o: (o[0], o[1], o[2]))[3] if qualified else None


def _where_rank(place: Token) -> int:
    """How directly the name says where its sentence's main event happened: 1 or 2 when a
    locative preposition attaches it to the main verb ("rallied in X"), 3 when one attaches
    it elsewhere ("the war in Y"), 4 when none does."""
    level = locative_attachment(place, place.sent.root)
    return 4 if level is None else level


def _source_place(place: Token) -> bool:
    """Is the name the source of a movement ("from X to Y"), where the event is not?"""
    tok = place
    while tok.dep_ in {"compound", "flat", "appos", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.text.lower() == "from"


def _without_toponym(
    parsed: ParsedDocument, places: DocumentPlaces, cand: EventCandidate
) -> PlaceResult:
    earlier = [
        r
        for r in places.toponyms
        if r.toponym.block == cand.block
        and r.toponym.sentence_index < cand.sentence_index
        and not r.toponym.is_qualifier
        and r.entry is not None
    ]
    if earlier:
        doc = parsed.blocks[cand.block].doc
        latest = [
            r for r in earlier if r.toponym.sentence_index == earlier[-1].toponym.sentence_index
        ]
        last = min(
            latest,
            key=lambda r: (
                _where_rank(doc[r.toponym.end - 1]),
                _source_place(doc[r.toponym.end - 1]),
            ),
        )  # "rallied in X
        # against the war in Y": X
        return PlaceResult(
            to_place(last),
            f"no place in the sentence; inherited {last.toponym.text!r} from an earlier "
            f"sentence in the paragraph ({last.reason})",
        )
    return places.fallback
