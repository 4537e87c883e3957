"""Turn dictionary and agent hits into mentions: head noun + modifier composition.

- country/IGO + [modifiers] + agent words: "Iraqi troops" -> IRQ MIL, "Iran's foreign minister"
  -> IRN GOV, "Iranian civilian nuclear scientists" -> IRN CVL, "UN peacekeepers" -> IGO MIL;
- agent words + "of" + country: "the army of Iraq" -> IRQ MIL;
- a title before a person: "Foreign Minister Javad Zarif" -> the known person, or a new
  person with the title's codes when the name is not in the dictionary;
- a country adjective before an organisation of that country ("Iranian Revolutionary Guards")
  is folded into the organisation;
- agent words alone: "police" -> sector COP with no country.

The sector of a chain of agent words is the head's (last word's), unless the head is generic
("officials", "commander") and an earlier word has a sector ("military officials" -> MIL).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from chronica.actors.dictionary import ActorDictionary, ActorEntry
from chronica.actors.fuzzy import FuzzyIndex
from chronica.actors.matching import Hit, is_place_use
from chronica.actors.normalize import norm_key
from chronica.records import Entity, Mention

SECTOR_LABELS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "REB": "rebels", "OPP": "opposition",
    "UAF": "armed group", "CVL": "civilians", "EDU": "education", "MED": "media",
    "BUS": "business", "REL": "clergy", "REF": "refugees", "CRM": "criminals", "LAB": "labour",
    "HLH": "health", "AGR": "agriculture", "HRI": "human rights", "ELI": "elites",
    "PTY": "party", "NGO": "NGO", "IGO": "IGO", "ENV": "environment",
}  # fmt: skip
_ROMAN = re.compile(r"[IVXL]+")  # regnal numbers: "Hassan II"
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
    ]
)
_COORDINATORS = frozenset({"and", "or", ",", "&"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "-", "abu", "ul"})


@dataclass(frozen=True, slots=True)
class Chain:
    """Consecutive agent words (with modifiers between) from ``start`` to ``end``."""

    agents: tuple[Hit, ...]
    start: int
    end: int

    def sector(self) -> str | None:
        head = self.agents[-1].agent
        if head is None:
            return None
        if head.generic or head.sector is None:
            for hit in reversed(self.agents[:-1]):
                if hit.agent is not None and hit.agent.sector is not None:
                    return hit.agent.sector
        return head.sector

    def words(self) -> str:
        return " + ".join(repr(h.agent.text) for h in self.agents if h.agent is not None)

    @property
    def titled(self) -> bool:
        head = self.agents[-1].agent
        return head is not None and head.title


def entry_entity(entry: ActorEntry, text: str) -> Entity:
    return Entity(
        text=text, name=entry.name, country=entry.country, sector=entry.sector, id=entry.id
    )


def coded_entity(entry: ActorEntry, text: str, sector: str | None) -> Entity:
    """A country or IGO with a sector ("Iraqi troops" -> Iraq military, IRQ MIL)."""
    if sector is None:
        return entry_entity(entry, text)
    label = SECTOR_LABELS.get(sector, sector)
    return Entity(text=text, name=f"{entry.name} {label}", country=entry.country, sector=sector)


class Composer:
    """Builds the mentions of one block from its selected hits."""

    def __init__(self, dictionary: ActorDictionary, fuzzy: FuzzyIndex | None = None) -> None:
        self.dictionary = dictionary
        self.fuzzy = fuzzy
        self.surname_countries = _surname_countries(dictionary)

    def mentions(self, block: int, doc: Doc, hits: Sequence[Hit], all_caps: bool) -> list[Mention]:
        by_start = {h.start: h for h in hits}
        out: list[Mention] = []
        covered = -1
        for hit in hits:
            if hit.start < covered:
                continue
            mention = self._from_hit(block, doc, hit, by_start, all_caps)
            if mention is not None:
                out.append(mention)
                covered = mention.end
        return self._coordinated(doc, out)

    def _coordinated(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Country adjectives coordinated before one agent head share it: in "Russian and
        Ukrainian armed forces" (or "Iraqi, Syrian and Turkish officials") each adjective
        names its own actor with the head's sector. The earlier adjective's mention spans the
        whole phrase, so that it covers the head noun as the later one does."""
        out = list(found)
        for k in range(len(out) - 2, -1, -1):
            first, nxt = out[k], out[k + 1]
            if (
                nxt.start == first.end + 1
                and doc[first.end].lower_ in _COORDINATORS
                and nxt.kind == "composed"
                and nxt.entity.sector is not None
                and nxt.entity.country not in (None, first.entity.country)
                and self._bare_adjective(first)
                and self._adjective_led(doc, nxt)
            ):
                entry = self.dictionary.entries[self.dictionary.by_id[first.entity.id or ""]]
                span = doc[first.start : nxt.end].text
                head = doc[nxt.end - 1].text
                reason = (
                    f"country adjective {first.entity.text!r} coordinated with "
                    f"{nxt.entity.text!r} shares its head {head!r} -> {nxt.entity.sector}"
                )
                entity = coded_entity(entry, span, nxt.entity.sector)
                out[k] = Mention(first.block, first.start, nxt.end, entity, "composed", reason)
        return out

    def _bare_adjective(self, m: Mention) -> bool:
        """A country adjective standing alone ("Russian"), with nothing composed onto it."""
        if m.kind != "dictionary" or m.end - m.start != 1 or m.entity.sector is not None:
            return False
        if m.entity.id is None or m.entity.id not in self.dictionary.by_id:
            return False
        alias = self.dictionary.aliases.get(norm_key(m.entity.text))
        return alias is not None and alias.form == "adjective"

    def _adjective_led(self, doc: Doc, m: Mention) -> bool:
        """A mention that starts with a country adjective ("Ukrainian armed forces") or was
        itself extended by :meth:`_coordinated`."""
        alias = self.dictionary.aliases.get(norm_key(doc[m.start].text))
        return alias is not None and alias.form == "adjective"

    # ------------------------------------------------------------------ per hit

    def _from_hit(
        self, block: int, doc: Doc, hit: Hit, by_start: dict[int, Hit], all_caps: bool
    ) -> Mention | None:
        if hit.alias is not None:
            return self._from_alias(block, doc, hit, by_start, all_caps)
        chain = self._chain(doc, hit.start, by_start)
        if chain is None:
            return None
        return self._from_chain(block, doc, chain, by_start, all_caps)

    def _from_alias(
        self, block: int, doc: Doc, hit: Hit, by_start: dict[int, Hit], all_caps: bool
    ) -> Mention | None:
        assert hit.alias is not None
        entry = self.dictionary.entry_for(hit.alias)
        parent = self.dictionary.parent_id(entry)
        text = doc[hit.start : hit.end].text
        form = hit.alias.form
        if form == "capital":
            if is_place_use(doc, hit.start, hit.end):
                return None
            entity = coded_entity(entry, text, "GOV")
            return Mention(
                block,
                hit.start,
                hit.end,
                entity,
                "dictionary",
                f"capital {text!r} as metonym for the {entry.name} government",
            )
        if entry.type not in ("country", "igo", "ngo"):
            return self._with_title_or_self(block, doc, hit, entry, by_start)
        pos = hit.end
        if form == "name" and pos < len(doc) and doc[pos].norm_ == "'s":
            pos += 1
        chain = self._chain(doc, pos, by_start)
        nxt = None if chain else by_start.get(_skip_modifiers(doc, pos, self.dictionary.modifiers))
        if nxt is not None and nxt.alias is not None:
            other = self.dictionary.entry_for(nxt.alias)
            if other.type == "person" or (
                other.country == entry.country and other.type != "country"
            ):
                entity = entry_entity(other, doc[hit.start : nxt.end].text)
                reason = f"{text!r} + {other.type} {other.name!r}"
                if entry.country == "IGO" and entity.country != "IGO":
                    # "U.N. Secretary-General X" acts for the organisation, not the home state
                    entity = replace(entity, country="IGO")
                    reason += f"; acting for {entry.name} -> IGO"
                return Mention(
                    block,
                    hit.start,
                    nxt.end,
                    entity,
                    "composed",
                    reason,
                    self.dictionary.parent_id(other),
                )
        if chain is None and form == "adjective" and entry.type == "country" and text.endswith("s"):
            reason = f"demonym {text!r}: people of {entry.name} -> CVL"
            entity = coded_entity(entry, text, "CVL")
            return Mention(block, hit.start, hit.end, entity, "dictionary", reason, parent)
        if chain is None:
            reason = f"{entry.type} {form} {text!r} -> {entry.name}"
            return Mention(
                block, hit.start, hit.end, entry_entity(entry, text), "dictionary", reason, parent
            )
        person = self._person_after(block, doc, chain, by_start, all_caps, entry)
        if person is not None:
            return Mention(
                block,
                hit.start,
                person.end,
                _retext(person.entity, doc[hit.start : person.end].text),
                "composed",
                f"{text!r} + {person.reason}",
                person.parent,
            )
        sector = chain.sector()
        span = doc[hit.start : chain.end].text
        if entry.sector is not None:
            entity = entry_entity(entry, span)
        else:
            entity = coded_entity(entry, span, sector)
        reason = f"{entry.name} ({form} {text!r}) + agent {chain.words()} -> {sector}"
        return Mention(block, hit.start, chain.end, entity, "composed", reason, parent)

    def _with_title_or_self(
        self, block: int, doc: Doc, hit: Hit, entry: ActorEntry, by_start: dict[int, Hit]
    ) -> Mention:
        """An organisation or person; an organisation absorbs agent words after it."""
        text = doc[hit.start : hit.end].text
        parent = self.dictionary.parent_id(entry)
        if entry.type != "person":
            chain = self._chain(doc, hit.end, by_start)
            person = None
            if chain is not None:
                person = self._person_after(block, doc, chain, by_start, False, entry)
            if person is not None:
                span = doc[hit.start : person.end].text
                entity = _retext(person.entity, span)
                reason = f"{text!r} + {person.reason}"
                if entry.country == "IGO" and entity.country != "IGO":
                    # "U.N. Secretary-General X" acts for the organisation, not the home state
                    entity = replace(entity, country="IGO")
                    reason += f"; acting for {entry.name} -> IGO"
                return Mention(
                    block, hit.start, person.end, entity, "composed", reason, person.parent
                )
            people = _people_sector(entry, chain)
            if chain is not None and people is not None:  # "Tigrayan fighters" -> ETH REB
                span = doc[hit.start : chain.end].text
                reason = f"people {entry.name!r} + agent {chain.words()} -> {people}"
                entity = coded_entity(entry, span, people)
                return Mention(block, hit.start, chain.end, entity, "composed", reason, parent)
            if chain is not None:
                span = doc[hit.start : chain.end].text
                reason = f"{entry.type} {entry.name!r} + agent {chain.words()}"
                return Mention(
                    block,
                    hit.start,
                    chain.end,
                    entry_entity(entry, span),
                    "composed",
                    reason,
                    parent,
                )
        reason = f"{entry.type} alias {text!r} -> {entry.name}"
        return Mention(
            block, hit.start, hit.end, entry_entity(entry, text), "dictionary", reason, parent
        )

    def _from_chain(
        self, block: int, doc: Doc, chain: Chain, by_start: dict[int, Hit], all_caps: bool
    ) -> Mention | None:
        person = self._person_after(block, doc, chain, by_start, all_caps, None)
        if person is not None:
            return person
        sector = chain.sector()
        if sector is None:
            return None
        of_country = self._of_country(doc, chain.end, by_start)
        if of_country is not None:
            entry, end = of_country
            span = doc[chain.start : end].text
            reason = f"agent {chain.words()} of {entry.name} -> {sector}"
            return Mention(
                block, chain.start, end, coded_entity(entry, span, sector), "composed", reason
            )
        span = doc[chain.start : chain.end].text
        entity = Entity(text=span, name=None, country=None, sector=sector)
        return Mention(
            block,
            chain.start,
            chain.end,
            entity,
            "dictionary",
            f"agent {chain.words()} -> {sector}",
        )

    # ------------------------------------------------------------------ helpers

    def _chain(self, doc: Doc, pos: int, by_start: dict[int, Hit]) -> Chain | None:
        """Agent words from ``pos`` with modifiers between; None when no agent word follows."""
        agents: list[Hit] = []
        start = pos
        end = pos
        j = pos
        while j < len(doc):
            hit = by_start.get(j)
            if hit is not None and hit.agent is not None:
                if not agents:
                    start = j
                agents.append(hit)
                j = end = hit.end
            elif hit is None and doc[j].norm_ in self.dictionary.modifiers and doc[j].norm_ != "-":
                j += 1
            else:
                break
        if not agents:
            return None
        return Chain(tuple(agents), start, end)

    def _of_country(
        self, doc: Doc, pos: int, by_start: dict[int, Hit]
    ) -> tuple[ActorEntry, int] | None:
        if pos >= len(doc) or doc[pos].lower_ != "of":
            return None
        j = pos + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        hit = by_start.get(j)
        if hit is None or hit.alias is None or hit.alias.form != "name":
            return None
        entry = self.dictionary.entry_for(hit.alias)
        if entry.type not in ("country", "igo"):
            return None
        return entry, hit.end

    def _person_after(
        self,
        block: int,
        doc: Doc,
        chain: Chain,
        by_start: dict[int, Hit],
        all_caps: bool,
        base: ActorEntry | None,
    ) -> Mention | None:
        """A titled chain followed by a person's name: the person, coded by the title."""
        if not chain.titled:
            return None
        hit = by_start.get(chain.end)
        title = doc[chain.start : chain.end].text
        if hit is not None and hit.alias is not None:
            entry = self.dictionary.entry_for(hit.alias)
            if entry.type != "person":
                return None
            text = doc[chain.start : hit.end].text
            entity = entry_entity(entry, text)
            if chain.sector() is not None:  # the title codes the person (a date may recode)
                entity = replace(entity, sector=chain.sector())
            return Mention(
                block,
                chain.start,
                hit.end,
                entity,
                "composed",
                f"title {title!r} + person {entry.name!r}",
                self.dictionary.parent_id(entry),
            )
        if all_caps or hit is not None:
            return None
        end = _name_end(doc, chain.end)
        if end == chain.end:
            return None
        name = doc[chain.end : end].text
        text = doc[chain.start : end].text
        known = self._fuzzy_person(name)
        if known is not None:
            entry, alias = known
            entity = entry_entity(entry, text)
            if chain.sector() is not None:
                entity = replace(entity, sector=chain.sector())
            reason = f"title {title!r} + person {entry.name!r} (fuzzy: {name!r} ~ {alias!r})"
            return Mention(
                block,
                chain.start,
                end,
                entity,
                "composed",
                reason,
                self.dictionary.parent_id(entry),
            )
        country = base.country if base is not None else None
        where = f" of {base.name}" if base is not None else ""
        of_country = self._of_country(doc, end, by_start) if base is None else None
        if of_country is not None:  # "King Hassan of Morocco"
            country = of_country[0].country
            where = f" of {of_country[0].name}"
        shared = self.surname_countries.get(name)
        if country is None and shared is not None:  # "President Smith": every known Smith is
            country = shared  # of one country (two presidents of one family)
            where = f" (surname of known persons of {shared})"
        entity = Entity(text=text, name=name, country=country, sector=chain.sector())
        return Mention(
            block,
            chain.start,
            end,
            entity,
            "composed",
            f"title {title!r}{where} + unknown name {name!r} -> {chain.sector()}",
        )

    def _fuzzy_person(self, name: str) -> tuple[ActorEntry, str] | None:
        """A known person whose name is spelt differently ("Francois Mitterand")."""
        best = self.fuzzy.best(name) if self.fuzzy is not None else None
        if best is None:
            return None
        entry = self.dictionary.entries[best[0]]
        return (entry, best[1]) if entry.type == "person" else None


def _people_sector(entry: ActorEntry, chain: Chain | None) -> str | None:
    """The sector agent words give members of a people (an entry coded CVL or REL): "Oromo
    militants" -> REB, "Zulu workers" -> LAB. Government words ("Yoruba leaders") and plain
    civilian words keep the people's own coding (None)."""
    if chain is None or entry.type != "group" or entry.sector not in ("CVL", "REL"):
        return None
    sector = chain.sector()
    return None if sector in (None, "GOV", "CVL", entry.sector) else sector


def _surname_countries(dictionary: ActorDictionary) -> dict[str, str]:
    """Surname -> country, for surnames whose known persons all have one country. A word that
    is also a given name of a known person ("Abdullah", "Ashraf") or a regnal number ("II") is
    no evidence of a country and is left out."""
    seen: dict[str, set[str | None]] = {}
    given: set[str] = set()
    for entry in dictionary.entries.values():
        words = entry.name.split()
        if entry.type != "person" or len(words) < 2:
            continue
        given.update(words[:-1])
        if words[-1][:1].isupper() and not _ROMAN.fullmatch(words[-1]):
            seen.setdefault(words[-1], set()).add(entry.country)
    return {
        surname: country
        for surname, countries in seen.items()
        if surname not in given
        and len(countries) == 1
        and (country := next(iter(countries))) is not None
    }


def _skip_modifiers(doc: Doc, pos: int, modifiers: frozenset[str]) -> int:
    while pos < len(doc) and doc[pos].norm_ in modifiers and doc[pos].norm_ != "-":
        pos += 1
    return pos


def _retext(entity: Entity, text: str) -> Entity:
    return Entity(
        text=text, name=entity.name, country=entity.country, sector=entity.sector, id=entity.id
    )


def _name_end(doc: Doc, pos: int) -> int:
    """End of a capitalised personal name starting at ``pos`` (or ``pos`` when none)."""
    ent_end = _person_ent_end(doc, pos)
    if ent_end is not None:
        return ent_end
    has_pos = doc.has_annotation("POS")
    j = pos
    last_cap = pos
    while j < len(doc) and j - pos < 5:
        tok = doc[j]
        if has_pos:
            is_name = tok.pos_ == "PROPN"
        else:
            is_name = tok.is_alpha and tok.text[0].isupper() and not tok.is_upper
        if is_name:
            if tok.lower_ in _CALENDAR or (tok.lower_ in STOP_WORDS and j == pos):
                break
            j += 1
            last_cap = j
        elif tok.lower_ in _NAME_PARTICLES and j > pos:
            j += 1
        else:
            break
    return last_cap


def _person_ent_end(doc: Doc, pos: int) -> int | None:
    if pos >= len(doc) or doc[pos].ent_type_ != "PERSON" or doc[pos].ent_iob_ != "B":
        return None
    j = pos + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j
