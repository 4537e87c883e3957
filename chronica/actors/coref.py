"""Within-document coreference: an anaphor takes the most salient compatible earlier actor.

Anaphors:

- "the group", "the organization", "the movement", "the militia" ... -> an organisation
  mentioned in the last 8 sentences ("the group", "the movement", "the militia", "the faction",
  "the outfit", "the network" never take a state body or a country's agents: "the Iraqi army",
  "Mossad"; no anaphor ever takes a country adjective: "Iranian");
- "it", "its" -> an organisation or country in the last 3 sentences (expletive "it is
  unclear whether ..." is skipped);
- "they", "them", "their" -> a plural actor ("Iraqi troops") or an organisation;
- "he", "his", "him", "she", "her" -> a person;
- a relative pronoun ("which", "who", "whom", "that", "many of which", "some of whom") ->
  the mention of the noun its clause modifies (:func:`relative_antecedent`);
- a possessive anaphor absorbs a following agent word: "its leadership" -> the antecedent;
- a person's surname after the full name ("Maryam Rajavi ... Rajavi said") -> that person;
- "the government", "the regime", "the army" without a country -> that sector of the country
  named in the last two sentences ("Iran ... the regime" -> IRN GOV).

Salience (after Lappin and Leass, 1994): a candidate scores by its grammatical role (subject >
object > prepositional object > possessor > modifier), loses weight with every sentence back,
gains when it has the anaphor's role (subject and subject), and gains a little per earlier
mention of the same actor; ties go to the most recent. A non-possessive pronoun never takes a
co-argument of its own verb ("X trained them": them is not X). Without a dependency parse every
role weighs the same, so the most recent compatible mention wins.

Each coreference mention says in its reason which earlier mention it points to and why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronica.actors.compose import SECTOR_LABELS
from chronica.actors.tokens import TokenColumns
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
# group nouns that name a non-state body: they never refer back to a state organ
_NON_STATE_NOUNS = frozenset(["group", "movement", "militia", "faction", "outfit", "network"])
_DEMONSTRATIVES = frozenset({"the", "this", "that"})
_IT = frozenset({"it", "its"})
_THEY = frozenset({"they", "them", "their"})
_HE = frozenset({"he", "him", "his", "she", "her"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_RELATIVE = frozenset({"which", "who", "whom", "whose", "that"})
_QUANTIFIERS = frozenset(
    ["many", "some", "most", "all", "several", "few", "none", "one", "two", "three", "each",
     "both", "half", "any", "either", "neither", "much", "part"]
)  # fmt: skip
# "a series of raids, many of which ..." -> the raids
_COLLECTIVE = frozenset(
    ["series", "host", "number", "wave", "string", "spate", "set", "lot", "dozens", "hundreds"]
)
# "it is unclear whether", "it was believed that", "it seems that": an expletive "it" is a form
# of "be"/"seem" followed (auxiliaries and adverbs aside) by an extraposition word.
_BE = frozenset(
    {"is", "was", "'s", "be", "been", "being", "seems", "seemed", "appears", "appeared",
     "remains", "remained", "becomes", "became"}
)  # fmt: skip
_EXPLETIVE_SKIP = frozenset(
    {"will", "would", "may", "might", "could", "should", "must", "can", "has", "had", "have",
     "not", "n't", "also", "still", "now", "already", "very", "so", "too", "quite", "more",
     "less", "increasingly", "far", "all", "just", "only", "highly"}
)  # fmt: skip
_EXPLETIVE_TAIL = frozenset(
    {"that", "to", "whether", "if", "unclear", "likely", "unlikely", "possible", "impossible",
     "clear", "believed", "reported", "said", "expected", "thought", "understood", "known",
     "unknown", "feared", "estimated", "alleged", "claimed", "important", "necessary", "hard",
     "difficult", "easy", "true", "evident", "obvious", "apparent", "time", "essential",
     "vital", "uncertain", "doubtful", "hoped", "rumored", "rumoured", "assumed", "suspected",
     "confirmed", "crucial", "understandable", "unacceptable", "imperative",
     "urgent", "worth", "useful", "good", "better", "wrong", "right", "natural", "surprising",
     "strange", "odd", "ironic", "sad", "fair", "safe", "up"}
)  # fmt: skip
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
# the lower-case words an anaphor or a relative phrase can start with
_STARTERS = _DEMONSTRATIVES | _IT | _THEY | _HE | _RELATIVE
_WINDOW = {"group": 8, "it": 3, "they": 3, "he": 3, "state": 2}
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_PEOPLE_SECTORS = frozenset({"CVL", "OPP"})  # "Iranians against the regime" -> Iran's regime

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
_ROLE_WEIGHT = {"subject": 4.0, "agent": 3.0, "object": 3.0, "oblique": 2.0, "poss": 1.5,
                "modifier": 0.5, "other": 1.0}  # fmt: skip
_SENTENCE_DECAY = 1.5  # salience lost per sentence back
_PARALLEL = 1.0  # anaphor and candidate in the same role
_REPEAT = 0.3  # per earlier mention of the same actor (up to _REPEAT_CAP)
_REPEAT_CAP = 4


@dataclass(frozen=True, slots=True)
class _Seen:
    sentence: int
    mention: Mention
    category: Category
    role: str  # grammatical role of the mention's head (see _role)
    weight: float  # salience of that role (see _weight)
    verb: int  # token index of the verb governing it in its block, or -1
    adjective: bool  # a country adjective ("Iranian"): never an antecedent


@dataclass(frozen=True, slots=True)
class _Anaphor:
    kind: str  # "group" | "it" | "they" | "he"
    start: int
    end: int
    noun: str  # the group noun of "the group", else ""
    distal: bool = False  # "that party": the most recent compatible actor, not the most salient


def _wanted(anaphor: _Anaphor, seen: _Seen) -> bool:
    if seen.adjective:
        return False
    category = seen.category
    if anaphor.kind == "group":
        if category != "org":
            return False
        entity = seen.mention.entity
        if entity.sector not in _STATE_SECTORS:
            return True
        # "the organization" may be a named state body (the CIA), never "the Iraqi army"
        return anaphor.noun not in _NON_STATE_NOUNS and entity.id is not None
    if anaphor.kind == "it":
        return category in ("org", "country")
    if anaphor.kind == "they":
        return category in ("plural", "org")
    return category == "person"


def _anaphor(doc: Doc, i: int) -> _Anaphor | None:
    """The anaphor starting at token ``i``, or None."""
    tok = doc[i]
    low = tok.lower_
    if low in _DEMONSTRATIVES and i + 1 < len(doc) and doc[i + 1].lower_ in _GROUP_NOUNS:
        return _Anaphor("group", i, i + 2, doc[i + 1].lower_, distal=low == "that")
    if low in _IT:
        if low == "it" and _expletive(doc, i):
            return None
        return _Anaphor("it", i, i + 1, "")
    if low in _THEY:
        return _Anaphor("they", i, i + 1, "")
    if low in _HE:
        return _Anaphor("he", i, i + 1, "")
    return None


def _expletive(doc: Doc, i: int) -> bool:
    """ "it is unclear whether ...", "it was believed that ...", "it seems that ...": no
    anaphor. "it is ready to leave", "it will send troops to X" refer back."""
    if doc[i].dep_ == "expl":
        return True
    be = False
    for tok in doc[i + 1 : i + 7]:
        low = tok.lower_
        if low in _BE:
            be = True
        elif low not in _EXPLETIVE_SKIP:
            return be and low in _EXPLETIVE_TAIL
    return False


def _sentence_of(doc: Doc, first: int) -> list[int]:
    """Document-wide sentence index of every token of a block."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [first] * len(doc)  # no boundaries: the block is one sentence
    out: list[int] = []
    k = first
    for i, start in enumerate(doc.to_array("SENT_START").tolist()):
        if start == 1 and i > 0:
            k += 1
        out.append(k)
    return out


def _head_token(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a span, climbing out of coordination and apposition
    ("the MEK and its allies": the allies share the MEK's role)."""
    tok = doc[start] if end - start == 1 else doc[start:end].root
    for _ in range(4):
        if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _role(tok: Token) -> str:
    dep = tok.dep_
    if dep in _SUBJECT_DEPS:
        return "subject"
    if dep == "pobj" and tok.head.dep_ == "agent":
        return "agent"  # "attacked by X": the logical subject
    if dep in _OBJECT_DEPS:
        return "object"
    if dep in ("pobj", "attr", "oprd"):
        return "oblique"
    if dep == "poss":
        return "poss"
    if dep in _MODIFIER_DEPS:
        return "modifier"
    return "other"


def _verb(tok: Token) -> int:
    """Index of the verb a nominal depends on (through a preposition), or -1."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return -1
    return head.i


def _seen(doc: Doc, m: Mention, sentence: int, category: Category, parsed: bool) -> _Seen:
    if not parsed:
        return _Seen(sentence, m, category, "other", _ROLE_WEIGHT["other"], -1, False)
    head = _head_token(doc, m.start, m.end)
    adjective = (
        category == "country" and m.end - m.start == 1 and head.pos_ == "ADJ"
    ) or head.dep_ == "amod"
    return _Seen(sentence, m, category, _role(head), _weight(head), _verb(head), adjective)


def _weight(tok: Token) -> float:
    """The salience of a mention's role; a name modifying a noun ("Hamas fighters",
    "the group's leaders") takes its noun's role one step lower."""
    role = _role(tok)
    own = _ROLE_WEIGHT[role]
    if role not in ("modifier", "poss") or tok.dep_ == "amod" or tok.head.i == tok.i:
        return own
    noun = _head_token(tok.doc, tok.head.i, tok.head.i + 1)
    return max(own, _ROLE_WEIGHT[_role(noun)] - 1.0)


def _actor_key(m: Mention) -> str:
    e = m.entity
    return e.id or f"{e.name or e.text}|{e.country}|{e.sector}"


def _score(seen: _Seen, sent: int, role: str, repeats: int) -> float:
    score = seen.weight - _SENTENCE_DECAY * (sent - seen.sentence)
    if role == seen.role and role in ("subject", "object"):
        score += _PARALLEL
    return score + _REPEAT * min(repeats, _REPEAT_CAP)


def _antecedent(
    doc: Doc, anaphor: _Anaphor, sent: int, history: Sequence[_Seen], parsed: bool
) -> tuple[_Seen, str] | None:
    """The most salient compatible earlier mention and a note saying why it won."""
    window = _WINDOW[anaphor.kind]
    head = _head_token(doc, anaphor.start, anaphor.end) if parsed else None
    role = _role(head) if head is not None else "other"
    verb = _verb(head) if head is not None and doc[anaphor.start].lower_ not in _POSSESSIVE else -1
    repeats: dict[str, int] = {}
    candidates: list[tuple[float, int, _Seen]] = []
    for order, seen in _recent(history, sent, window):
        key = _actor_key(seen.mention)
        if not _wanted(anaphor, seen):
            repeats[key] = repeats.get(key, 0) + 1
            continue
        same_clause = sent == seen.sentence and verb >= 0 and seen.verb == verb
        if not same_clause:
            candidates.append((_score(seen, sent, role, repeats.get(key, 0)), order, seen))
        repeats[key] = repeats.get(key, 0) + 1
    if not candidates:
        return None
    if anaphor.distal:
        best = candidates[-1][2]
        return best, f"{best.role}, most recent of {len(candidates)} candidate(s) ('that')"
    score, _, best = max(candidates, key=lambda c: (c[0], c[1]))
    return best, _note(best, sent, score, len(candidates))


def _recent(history: Sequence[_Seen], sent: int, window: int) -> list[tuple[int, _Seen]]:
    """The mentions of the last ``window`` sentences with their order, oldest first (the
    history is in text order, so the scan stops at the first older one)."""
    out: list[tuple[int, _Seen]] = []
    for order in range(len(history) - 1, -1, -1):
        if sent - history[order].sentence > window:
            break
        out.append((order, history[order]))
    out.reverse()
    return out


def _note(best: _Seen, sent: int, score: float, n: int) -> str:
    back = sent - best.sentence
    where = "same sentence" if back == 0 else f"{back} sentence(s) back"
    return f"{best.role}, {where}, salience {score:.1f} of {n} candidate(s)"


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for, or None when ``tok`` is not one.

    "the raids, many of which hit ..." and "a series of raids, many of which ..." -> "raids";
    "the envoys, some of whom ..." -> "envoys"; "the militia that attacked ..." -> "militia".
    Needs a dependency parse (the clause verb's ``relcl`` arc)."""
    if tok.text.lower() not in _RELATIVE or tok.dep_ in ("mark", "det", "advmod", "complm"):
        return None
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            head = node.head
            if head.i == node.i or head.pos_ not in ("NOUN", "PROPN", "PRON"):
                return None
            if head.text.lower() in _COLLECTIVE:
                inner = [g for c in head.children if c.dep_ == "prep" and c.text.lower() == "of"
                         for g in c.children if g.dep_ == "pobj"]  # fmt: skip
                return inner[0] if inner else head
            return head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _relative_span(tok: Token) -> tuple[int, int]:
    """The relative phrase: "many of which" or the pronoun alone."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.text.lower() == "of" and prep.head.text.lower() in _QUANTIFIERS:
        return prep.head.i, tok.i + 1
    return tok.i, tok.i + 1


def _relative(
    block: int, doc: Doc, i: int, block_mentions: Sequence[Mention], parsed: bool
) -> Mention | None:
    tok = doc[i]
    if not parsed:
        return None
    noun = relative_antecedent(tok)
    if noun is None:
        return None
    ante = next((m for m in block_mentions if m.start <= noun.i < m.end), None)
    if ante is None:
        return None
    start, end = _relative_span(tok)
    text = doc[start:end].text
    e = ante.entity
    reason = (
        f"coreference: relative pronoun {text!r} -> {e.name or e.text!r}"
        f" (the noun {noun.text!r} its clause modifies)"
    )
    return Mention(block, start, end, _as(e, text), "coref", reason, ante.parent)


def resolve_coreference(
    parsed: ParsedDocument,
    mentions: Sequence[Mention],
    category: Callable[[Mention], Category],
    columns: Sequence[TokenColumns],
) -> list[Mention]:
    """The mentions plus coreference mentions, sorted by (block, start); ``columns`` holds
    the token columns of each block."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    history: list[_Seen] = []
    surnames: dict[str, Mention] = {}
    out: list[Mention] = []
    for block, cols in zip(parsed.blocks, columns, strict=True):
        doc = block.doc
        mine = sorted(by_block.get(block.index, []), key=lambda m: m.start)
        sentence_of = _sentence_of(doc, block.first_sentence)
        has_dep = doc.has_annotation("DEP")
        at: dict[int, Mention] = {m.start: m for m in mine}
        covered = {i for m in mine for i in range(m.start, m.end)}
        dropped: set[int] = set()
        added: list[Mention] = []
        texts, lowers = cols.text, cols.lower
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
                kind = category(here)
                history.append(_seen(doc, here, sent, kind, has_dep))
                _remember_surname(here, kind, surnames)
                i = max(i + 1, here.end)
                continue
            if i not in covered and _may_refer(texts[i], lowers[i], surnames):
                found = _resolve_at(block.index, doc, i, sent, history, at, surnames, has_dep)
                if found is None and doc[i].lower_ in _RELATIVE:
                    rel = _relative(block.index, doc, i, [*mine, *added], has_dep)
                    found = (rel, None) if rel is not None else None
                if found is not None:
                    mention, absorbed = found
                    if absorbed is not None:
                        dropped.add(absorbed.start)
                    added.append(mention)
                    history.append(_seen(doc, mention, sent, category(mention), has_dep))
                    i = mention.end
                    continue
            i += 1
        out.extend(m for m in mine if m.start not in dropped)
        out.extend(added)
    return sorted(out, key=lambda m: (m.block, m.start))


def _may_refer(text: str, lower: str, surnames: dict[str, Mention]) -> bool:
    """A token that may start an anaphor, a relative phrase or an earlier person's surname
    (a cheap filter before :func:`_resolve_at`)."""
    return lower in _STARTERS or (text in surnames and text[:1].isupper())


def _resolve_at(
    block: int,
    doc: Doc,
    i: int,
    sent: int,
    history: list[_Seen],
    at: dict[int, Mention],
    surnames: dict[str, Mention],
    parsed: bool,
) -> tuple[Mention, Mention | None] | None:
    tok = doc[i]
    person = surnames.get(tok.text) if tok.text[:1].isupper() else None
    if person is not None:
        entity = _as(person.entity, tok.text)
        reason = f"coreference: surname {tok.text!r} of earlier {person.entity.text!r}"
        return Mention(block, i, i + 1, entity, "coref", reason, person.parent), None
    anaphor = _anaphor(doc, i)
    if anaphor is None:
        return None
    found = _antecedent(doc, anaphor, sent, history, parsed)
    if found is None:
        return None
    seen, note = found
    end = anaphor.end
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
    reason = f"coreference: {text!r} -> {ante.name or ante.text!r} ({ante.text!r} earlier: {note})"
    mention = Mention(block, i, end, _as(ante, text), "coref", reason, seen.mention.parent)
    return mention, absorbed


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
    candidates: list[tuple[float, int, _Seen]] = []
    for order, seen in _recent(history, sent, _WINDOW["state"]):
        ante = seen.mention.entity
        if ante.country in ("IGO", "NGO", None):
            continue
        if seen.category == "country" or _people(seen):
            candidates.append((_score(seen, sent, "other", 0), order, seen))
    if not candidates:
        return None
    score, _, best = max(candidates, key=lambda c: (c[0], c[1]))
    ante = best.mention.entity
    country = (ante.name or ante.text).rsplit(" ", 1)[0] if _people(best) else ante.name
    name = f"{country} {SECTOR_LABELS.get(e.sector or '', e.sector)}"
    entity = Entity(text=e.text, name=name, country=ante.country, sector=e.sector)
    note = _note(best, sent, score, len(candidates))
    reason = f"coreference: {e.text!r} -> {name} (country of {ante.text!r}: {note})"
    return Mention(m.block, m.start, m.end, entity, "coref", reason)


def _people(seen: _Seen) -> bool:
    """A composed mention of a country's people ("Iranian protesters" -> Iran civilians)."""
    e = seen.mention.entity
    return seen.category == "plural" and e.id is None and e.sector in _PEOPLE_SECTORS


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
