"""Within-document coreference: anaphors take the most recent compatible actor.

- "the group", "the organization", "the movement", "the militia" ... -> an organisation
  mentioned in the last 8 sentences;
- "it", "its" -> an organisation or country in the last 3 sentences (expletive "it is
  unclear whether ..." is skipped);
- "they", "them", "their" -> a plural actor ("Iraqi troops") or an organisation;
- "he", "his", "him", "she", "her" -> a person;
- a possessive anaphor absorbs a following agent word: "its leadership" -> the antecedent;
- a person's surname after the full name ("Maryam Rajavi ... Rajavi said") -> that person;
- "the government", "the regime", "the army" without a country -> that sector of the country
  named in the last two sentences ("Iran ... the regime" -> IRN GOV).

Each coreference mention says in its reason which earlier mention it points to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from chronica.actors.compose import SECTOR_LABELS
from chronica.nlp import ParsedDocument
from chronica.records import Entity, Mention

Category = str  # "person" | "org" | "country" | "plural" | "other"

_GROUP_NOUNS = frozenset(
    [
        "group",
        "organization",
        "organisation",
        "movement",
        "militia",
        "faction",
        "outfit",
        "network",
        "party",
        "alliance",
        "coalition",
    ]
)
_DEMONSTRATIVES = frozenset({"the", "this", "that"})
_IT = frozenset({"it", "its"})
_THEY = frozenset({"they", "them", "their"})
_HE = frozenset({"he", "him", "his", "she", "her"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_BE = frozenset(
    {"is", "was", "'s", "seems", "seemed", "appears", "remains", "remained", "has", "had", "will"}
)
_EXPLETIVE_TAIL = frozenset({"that", "to", "whether", "unclear", "likely", "possible", "clear"})
_ABSORBED = frozenset(
    [
        "leadership",
        "leaders",
        "leader",
        "officials",
        "official",
        "members",
        "member",
        "fighters",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commanders",
        "commander",
        "supporters",
        "militants",
        "forces",
    ]
)
_WINDOW = {"group": 8, "it": 3, "they": 3, "he": 3, "state": 2}
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass(frozen=True, slots=True)
class _Seen:
    sentence: int
    mention: Mention
    category: Category


def _wanted(kind: str, category: Category) -> bool:
    if kind == "group":
        return category == "org"
    if kind == "it":
        return category in ("org", "country")
    if kind == "they":
        return category in ("plural", "org")
    return category == "person"


def _anaphor(doc: Doc, i: int) -> tuple[str, int] | None:
    """(kind, end) of an anaphor starting at token ``i``, or None."""
    tok = doc[i]
    low = tok.lower_
    if low in _DEMONSTRATIVES and i + 1 < len(doc) and doc[i + 1].lower_ in _GROUP_NOUNS:
        return "group", i + 2
    if low in _IT:
        if low == "it" and _expletive(doc, i):
            return None
        return "it", i + 1
    if low in _THEY:
        return "they", i + 1
    if low in _HE:
        return "he", i + 1
    return None


def _expletive(doc: Doc, i: int) -> bool:
    if doc[i].dep_ == "expl":
        return True
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in _BE:
        return False
    tail = {t.lower_ for t in doc[i + 2 : i + 6]}
    return bool(tail & _EXPLETIVE_TAIL)


def _sentence_of(doc: Doc, first: int) -> list[int]:
    """Document-wide sentence index of every token of a block."""
    out = [first] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return out  # no boundaries: the block is one sentence
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = first + k
    return out


def resolve_coreference(
    parsed: ParsedDocument,
    mentions: Sequence[Mention],
    category: Callable[[Mention], Category],
) -> list[Mention]:
    """The mentions plus coreference mentions, sorted by (block, start)."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    history: list[_Seen] = []
    surnames: dict[str, Mention] = {}
    out: list[Mention] = []
    for block in parsed.blocks:
        doc = block.doc
        mine = sorted(by_block.get(block.index, []), key=lambda m: m.start)
        sentence_of = _sentence_of(doc, block.first_sentence)
        at: dict[int, Mention] = {m.start: m for m in mine}
        covered = {i for m in mine for i in range(m.start, m.end)}
        dropped: set[int] = set()
        added: list[Mention] = []
        i = 0
        while i < len(doc):
            sent = sentence_of[i]
            here = at.get(i)
            if here is not None and here.start not in dropped:
                linked = _surname_link(doc, here, surnames) or _state_organ(
                    doc, here, sent, history
                )
                if linked is not None:
                    dropped.add(here.start)
                    here = linked
                    added.append(here)
                history.append(_Seen(sent, here, category(here)))
                _remember_surname(here, category(here), surnames)
                i = max(i + 1, here.end)
                continue
            if i not in covered:
                found = _resolve_at(block.index, doc, i, sent, history, at, surnames)
                if found is not None:
                    mention, absorbed = found
                    if absorbed is not None:
                        dropped.add(absorbed.start)
                    added.append(mention)
                    history.append(_Seen(sent, mention, category(mention)))
                    i = mention.end
                    continue
            i += 1
        out.extend(m for m in mine if m.start not in dropped)
        out.extend(added)
    return sorted(out, key=lambda m: (m.block, m.start))


def _resolve_at(
    block: int,
    doc: Doc,
    i: int,
    sent: int,
    history: list[_Seen],
    at: dict[int, Mention],
    surnames: dict[str, Mention],
) -> tuple[Mention, Mention | None] | None:
    tok = doc[i]
    person = surnames.get(tok.text) if tok.text[:1].isupper() else None
    if person is not None:
        entity = _as(person.entity, tok.text)
        reason = f"coreference: surname {tok.text!r} of earlier {person.entity.text!r}"
        return Mention(block, i, i + 1, entity, "coref", reason, person.parent), None
    found = _anaphor(doc, i)
    if found is None:
        return None
    kind, end = found
    for seen in reversed(history):
        if sent - seen.sentence > _WINDOW[kind]:
            break
        if not _wanted(kind, seen.category):
            continue
        absorbed = None
        if tok.lower_ in _POSSESSIVE:
            nxt = at.get(end)
            if (
                nxt is not None
                and nxt.entity.country is None
                and nxt.entity.id is None
                and nxt.entity.text.split()[-1].lower() in _ABSORBED
            ):
                absorbed = nxt
                end = nxt.end
        text = doc[i:end].text
        ante = seen.mention.entity
        reason = f"coreference: {text!r} -> {ante.name or ante.text!r} ({ante.text!r} earlier)"
        return Mention(
            block, i, end, _as(ante, text), "coref", reason, seen.mention.parent
        ), absorbed
    return None


def _as(entity: Entity, text: str) -> Entity:
    return Entity(
        text=text,
        name=entity.name or entity.text,
        country=entity.country,
        sector=entity.sector,
        id=entity.id,
    )


def _remember_surname(m: Mention, category: Category, surnames: dict[str, Mention]) -> None:
    if category != "person" or m.kind == "coref":
        return
    name = (m.entity.name or m.entity.text).split()
    if len(name) >= 2 and name[-1][:1].isupper():
        surnames.setdefault(name[-1], m)


def _state_organ(doc: Doc, m: Mention, sent: int, history: list[_Seen]) -> Mention | None:
    """ "the government", "the regime", "the army" with no country -> the country of the last
    two sentences ("Iran ... the regime" -> Iran government)."""
    e = m.entity
    if e.country is not None or e.id is not None or e.sector not in _STATE_SECTORS:
        return None
    if m.start == 0 or doc[m.start - 1].lower_ != "the":
        return None
    for seen in reversed(history):
        if sent - seen.sentence > _WINDOW["state"]:
            break
        ante = seen.mention.entity
        if seen.category != "country" or ante.country in ("IGO", "NGO", None):
            continue
        name = f"{ante.name} {SECTOR_LABELS.get(e.sector or '', e.sector)}"
        entity = Entity(text=e.text, name=name, country=ante.country, sector=e.sector)
        reason = f"coreference: {e.text!r} -> {name} (country of {ante.text!r} just before)"
        return Mention(m.block, m.start, m.end, entity, "coref", reason)
    return None


def _surname_link(doc: Doc, m: Mention, surnames: dict[str, Mention]) -> Mention | None:
    """A single-token NER person equal to an earlier person's surname becomes that person."""
    if m.kind != "ner" or m.end - m.start != 1:
        return None
    person = surnames.get(doc[m.start].text)
    if person is None:
        return None
    reason = f"coreference: surname {doc[m.start].text!r} of earlier {person.entity.text!r}"
    return Mention(
        m.block,
        m.start,
        m.end,
        _as(person.entity, doc[m.start].text),
        "coref",
        reason,
        person.parent,
    )
