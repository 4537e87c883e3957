"""The actors stage: every actor mention of a document, resolved to an entity.

Order of work per block: dictionary and agent-word matching (PhraseMatcher, longest match),
composition ("Iraqi troops"), acronyms defined in the text, fuzzy matching of leftover proper
nouns, then spaCy NER for unknown named organisations, persons and groups. Coreference runs
over the whole document last. Persons and organisations with time-bounded roles are coded for
the publication date when it is known; the pipeline re-codes them with :meth:`at_date` once
event dates are resolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from chronica.actors.acronyms import Definition, find_definitions
from chronica.actors.compose import Composer, coded_entity, entry_entity
from chronica.actors.coref import Category, resolve_coreference
from chronica.actors.dictionary import ActorDictionary, ActorEntry, Role, cached_dictionary
from chronica.actors.fuzzy import FuzzyIndex
from chronica.actors.matching import ActorMatcher, is_all_caps
from chronica.actors.normalize import exact_key, norm_key, tokenizer, with_lexical_attrs
from chronica.actors.tokens import TokenColumns, token_columns
from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import Entity, Mention

_NER_LABELS = {"ORG": "org", "PERSON": "person", "NORP": "other"}


def role_at(entry: ActorEntry, day: date) -> Role | None:
    """The role ``entry`` holds on ``day`` (the latest-starting one when several hold)."""
    held = [r for r in entry.roles if r.holds(day)]
    return max(held, key=lambda r: r.start or date.min) if held else None


class ActorResolver:
    """Resolves actor mentions; build with :meth:`from_settings` (cached per process)."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.matcher = ActorMatcher(dictionary)
        self.fuzzy = FuzzyIndex(dictionary)
        self.composer = Composer(dictionary, self.fuzzy)

    @classmethod
    def from_settings(cls, settings: Settings) -> ActorResolver:
        return _resolver(tuple(Path(p) for p in settings.actor_files))

    # ------------------------------------------------------------------ public

    def resolve(self, parsed: ParsedDocument) -> list[Mention]:
        """Every actor mention in the document, sorted by (block, start)."""
        mentions: list[Mention] = []
        categories: dict[tuple[int, int], Category] = {}
        taught: dict[str, Definition] = {}
        blocks = tuple(replace(b, doc=with_lexical_attrs(b.doc)) for b in parsed.blocks)
        parsed = replace(parsed, blocks=blocks)
        columns = tuple(token_columns(b.doc) for b in parsed.blocks)
        for block, cols in zip(parsed.blocks, columns, strict=True):
            found = self.block_mentions(block.index, block.doc, taught, categories, cols)
            mentions.extend(found)

        def category(m: Mention) -> Category:
            return categories.get((m.block, m.start)) or self._category(m)

        resolved = resolve_coreference(parsed, mentions, category, columns)
        published = parsed.document.published
        if published is None:
            return resolved
        return [self._dated(m, published) for m in resolved]

    def block_mentions(
        self,
        block: int,
        doc: Doc,
        taught: dict[str, Definition] | None = None,
        categories: dict[tuple[int, int], Category] | None = None,
        cols: TokenColumns | None = None,
    ) -> list[Mention]:
        """The mentions of one block (no coreference). ``taught`` carries acronyms defined in
        earlier blocks and receives this block's definitions; ``cols`` are the block's token
        columns when the caller has them."""
        taught = {} if taught is None else taught
        cols = token_columns(doc) if cols is None else cols
        caps = is_all_caps(cols.text)
        hits = self.matcher.hits(doc, caps)
        found = self.composer.mentions(block, doc, hits, caps)
        found = self._acronyms(block, doc, cols, found, taught)
        taken = [(h.start, h.end) for h in hits] + [(m.start, m.end) for m in found]
        found.extend(self._fuzzy(block, doc, cols, taken, caps))
        found.extend(self._ner(block, doc, cols, found, categories))
        found = [_former_office(doc, m) for m in found]
        found = self._peoples(block, doc, sorted(found, key=lambda m: m.start))
        return self._peoples_of_place(block, doc, found)

    def lookup(self, text: str) -> Entity | None:
        """Resolve a name, alias, code, key or QID ("MEK", "Iran", "Iraqi troops", "Q794")."""
        text = text.strip()
        if not text:
            return None
        entry = self._entry_by_code(text)
        if entry is not None:
            return entry_entity(entry, text)
        alias = self.dictionary.exact_aliases.get(exact_key(text))
        alias = alias or self.dictionary.aliases.get(norm_key(text))
        if alias is not None:
            entry = self.dictionary.entry_for(alias)
            if alias.form == "capital":
                return coded_entity(entry, text, "GOV")
            return entry_entity(entry, text)
        doc = tokenizer()(text)
        content = [t.i for t in doc if not t.is_punct]
        for m in self.block_mentions(0, doc):
            if content and m.start <= content[0] and content[-1] < m.end:
                return replace(m.entity, text=text)
        best = self.fuzzy.best(text)
        if best is not None:
            return entry_entity(self.dictionary.entries[best[0]], text)
        return None

    def at_date(self, entity: Entity, start: date | None) -> Entity:
        """The entity coded for the role held on ``start`` (persons and organisations with
        time-bounded roles); outside every role, the entity's own country and sector."""
        if start is None or entity.id is None:
            return entity
        key = self.dictionary.by_id.get(entity.id)
        entry = self.dictionary.entries.get(key) if key is not None else None
        if entry is None or not entry.roles:
            return entity
        role = role_at(entry, start)
        if role is None:
            return replace(entity, country=entry.country, sector=entry.sector)
        return replace(entity, country=role.country or entry.country, sector=role.sector)

    def at_place(self, entity: Entity, country: str | None) -> Entity:
        """The entity coded for the country where the event took place, when it is a group
        that acts in several countries and ``country`` is one of them ("PKK militants" in
        northern Iraq -> IRQ, in Turkey -> TUR); otherwise the entity unchanged."""
        if country is None or entity.id is None or entity.country == country:
            return entity
        key = self.dictionary.by_id.get(entity.id)
        entry = self.dictionary.entries.get(key) if key is not None else None
        if entry is None or country not in entry.operates_in:
            return entity
        return replace(entity, country=country)

    # ------------------------------------------------------------------ steps

    def _entry_by_code(self, text: str) -> ActorEntry | None:
        entries = self.dictionary.entries
        key = self.dictionary.by_id.get(text)
        if key is not None:
            return entries[key]
        if len(text) == 3 and text.isalpha() and text.isupper() and text in entries:
            return entries[text]
        if text.islower() and text in entries:
            return entries[text]
        return None

    def _acronyms(
        self,
        block: int,
        doc: Doc,
        cols: TokenColumns,
        found: list[Mention],
        taught: dict[str, Definition],
    ) -> list[Mention]:
        out = list(found)
        for definition in find_definitions(doc, cols, found):
            if not definition.known:
                definition = _coded_long_form(definition, found)
            taught[definition.acronym] = definition
            if not definition.known:
                start, end = definition.long_start, definition.long_end
                out = [m for m in out if m.end <= start or m.start >= end]
                reason = f"long form of the acronym {definition.acronym!r} defined in the text"
                out.append(Mention(block, start, end, definition.entity, "acronym", reason))
        if not taught:
            return out
        at = {m.start: m for m in out}
        covered = {i for m in out if m.end - m.start > 1 for i in range(m.start, m.end)}
        for i, word in enumerate(cols.text):
            d = taught.get(word)
            if d is None or i in covered:
                continue
            old = at.get(i)
            if old is not None and d.known and old.entity.id == d.entity.id:
                continue
            entity = replace(d.entity, text=word)
            reason = f"acronym {d.acronym!r} defined in the text as {d.entity.name!r}"
            if old is not None:
                out.remove(old)
            out.append(Mention(block, i, i + 1, entity, "acronym", reason, d.parent))
        return sorted(out, key=lambda m: m.start)

    def _fuzzy(
        self,
        block: int,
        doc: Doc,
        cols: TokenColumns,
        taken: Sequence[tuple[int, int]],
        caps: bool,
    ) -> list[Mention]:
        out: list[Mention] = []
        for hit in self.fuzzy.hits(doc, cols, taken, caps):
            entry = self.dictionary.entries[hit.key]
            text = doc[hit.start : hit.end].text
            reason = f"fuzzy match {text!r} ~ {hit.alias!r} ({hit.score:.0f}) -> {entry.name}"
            out.append(
                Mention(
                    block,
                    hit.start,
                    hit.end,
                    entry_entity(entry, text),
                    "fuzzy",
                    reason,
                    self.dictionary.parent_id(entry),
                )
            )
        return out

    def _ner(
        self,
        block: int,
        doc: Doc,
        cols: TokenColumns,
        found: Sequence[Mention],
        categories: dict[tuple[int, int], Category] | None,
    ) -> list[Mention]:
        used = {i for m in found for i in range(m.start, m.end)}
        out: list[Mention] = []
        for ent in cols.ents:
            if ent.label_ not in _NER_LABELS or any(i in used for i in range(ent.start, ent.end)):
                continue
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            text = doc[start : ent.end].text
            entity = Entity(text=text, name=text)
            out.append(
                Mention(
                    block, start, ent.end, entity, "ner", f"NER {ent.label_} not in the dictionary"
                )
            )
            if categories is not None:
                plural = ent.label_ == "NORP" and text.endswith("s")
                categories[(block, start)] = "plural" if plural else _NER_LABELS[ent.label_]
        return out

    def _peoples(self, block: int, doc: Doc, found: list[Mention]) -> list[Mention]:
        """A country adjective before an unknown plural people's name ("Syrian Kurds",
        "Iraqi Turkmens") gives that name the country (the gold codes of event data code
        such groups by the country they live in)."""
        out: list[Mention] = []
        for m in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and m.kind == "ner"
                and prev.end == m.start
                and m.entity.text.endswith("s")
                and m.entity.text[:1].isupper()
                and self._country_adjective(prev)
            ):
                text = doc[prev.start : m.end].text
                entity = Entity(text=text, name=m.entity.text, country=prev.entity.country)
                reason = f"country adjective {prev.entity.text!r} + people {m.entity.text!r}"
                out[-1] = Mention(block, prev.start, m.end, entity, "composed", reason)
                continue
            out.append(m)
        return out

    def _peoples_of_place(self, block: int, doc: Doc, found: list[Mention]) -> list[Mention]:
        """A people living in another country is coded by that country, as event-data gold
        does: "Bosnian Serbs" -> BIH, "ethnic Albanians in southern Serbia" -> SRB."""
        out: list[Mention] = []
        for k, m in enumerate(found):
            if not self._demonym(m):
                out.append(m)
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.end == m.start
                and self._country_adjective(prev)
                and prev.entity.country != m.entity.country
            ):
                text = doc[prev.start : m.end].text
                entity = replace(m.entity, text=text, country=prev.entity.country, id=None)
                reason = f"{m.entity.text!r} living in {prev.entity.text!r} -> {entity.country}"
                out[-1] = Mention(block, prev.start, m.end, entity, "composed", reason)
                continue
            place = _place_after(doc, m, found[k + 1 : k + 4])
            ethnic = m.start > 0 and doc[m.start - 1].lower_ == "ethnic"
            if (
                place is not None
                and (ethnic or doc[m.end].lower_ == "of")  # "the Albanians of Serbia"
                and place.entity.country != m.entity.country
            ):
                entity = replace(m.entity, country=place.entity.country, id=None)
                reason = f"{m.reason}; ethnic {m.entity.text!r} of {place.entity.text!r}"
                m = replace(m, entity=entity, reason=reason)
            elif place is None and ethnic:
                entity = replace(m.entity, country=None, id=None)
                reason = f"{m.reason}; ethnic {m.entity.text!r}: the country they live in"
                m = replace(m, entity=entity, reason=reason)
            out.append(m)
        return out

    def _demonym(self, m: Mention) -> bool:
        """A people named by its country's adjective ("Albanians", "Serbs")."""
        if m.kind != "dictionary" or m.entity.sector != "CVL" or m.end - m.start != 1:
            return False
        alias = self.dictionary.aliases.get(norm_key(m.entity.text))
        return alias is not None and alias.form == "adjective"

    def _country_adjective(self, m: Mention) -> bool:
        if m.kind != "dictionary" or m.end - m.start != 1 or m.entity.sector is not None:
            return False
        alias = self.dictionary.aliases.get(norm_key(m.entity.text))
        return alias is not None and alias.form == "adjective"

    def _category(self, m: Mention) -> Category:
        key = self.dictionary.by_id.get(m.entity.id) if m.entity.id else None
        if key is not None:
            kind = self.dictionary.entries[key].type
            return "person" if kind == "person" else "country" if kind == "country" else "org"
        name, text = m.entity.name, m.entity.text
        if m.kind == "composed" and name and name != text and text.endswith(name):
            return "person"  # a title before an unknown name
        last = m.entity.text.split()[-1] if m.entity.text.split() else ""
        if last.lower().endswith("s") or m.entity.sector in ("CVL", "REB", "UAF", "OPP"):
            return "plural"
        if m.entity.country is not None:
            return "org" if m.entity.sector is not None else "country"
        return "other"

    def _dated(self, m: Mention, day: date) -> Mention:
        entity = self.at_date(m.entity, day)
        if entity == m.entity:
            return m
        key = self.dictionary.by_id.get(m.entity.id or "")
        role = role_at(self.dictionary.entries[key], day) if key else None
        title = role.title if role is not None and role.title else "no role"
        return replace(m, entity=entity, reason=f"{m.reason}; at publication date {day}: {title}")


def _coded_long_form(definition: Definition, found: Sequence[Mention]) -> Definition:
    """The long form of a new acronym keeps the country and sector a composed mention gave
    it ("Kenyan Air Force (KAF)" -> KEN MIL), so the acronym is coded too."""
    start, end = definition.long_start, definition.long_end
    inside = [m for m in found if start <= m.start and m.end <= end and m.entity.country]
    if not inside:
        return definition
    best = max(inside, key=lambda m: m.end - m.start)
    if best.end - best.start < (end - start) / 2:
        return definition
    entity = replace(definition.entity, country=best.entity.country, sector=best.entity.sector)
    return replace(definition, entity=entity)


def _place_after(doc: Doc, m: Mention, following: Sequence[Mention]) -> Mention | None:
    """A country named in an "in"/"of" phrase right after a mention ("Albanians in south
    Serbia", "Albanians of southern Serbia")."""
    if m.end >= len(doc) or doc[m.end].lower_ not in ("in", "of", "from"):
        return None
    for other in following:
        gap = doc[m.end + 1 : other.start]
        if len(gap) > 2 or any(not t.is_alpha or t.is_upper for t in gap):
            return None
        if (
            other.entity.country
            and other.entity.sector is None
            and other.kind == "dictionary"
            and other.entity.text.lower() == (other.entity.name or "").lower()
        ):
            return other  # the country's own name, not an adjective ("Israeli-occupied")
    return None


# Words saying an office is no longer held: "former president X", "ousted leader X".
_FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed", "exiled", "toppled", "overthrown"})


def _former_office(doc: Doc, m: Mention) -> Mention:
    """A government office marked as no longer held ("former Socialist prime minister X",
    "ousted president X") codes the person as an elite (ELI), as CAMEO does."""
    if m.entity.sector != "GOV":
        return m
    lo = m.start
    while lo > 0 and doc[lo - 1].is_alpha and doc[lo - 1].lower_ not in ("the", "a", "an"):
        if doc[lo - 1].lower_ in _FORMER:
            break
        if doc[lo - 1].pos_ not in ("ADJ", "PROPN", "NOUN", "VERB") or m.start - lo >= 2:
            return m
        lo -= 1
    back = 2 if lo > 1 and doc[lo - 1].text == "-" else 1  # "Ex-President X"
    words = [t.lower_ for t in doc[max(lo - back, 0) : m.end]]
    if not any(w in _FORMER for w in words):
        return m
    entity = replace(m.entity, sector="ELI")
    return replace(m, entity=entity, reason=f"{m.reason}; office no longer held -> ELI")


@lru_cache(maxsize=4)
def _resolver(actor_files: tuple[Path, ...]) -> ActorResolver:
    return ActorResolver(cached_dictionary(actor_files))
