"""Who the article blames, read off the word sequence: "POLICE ATTRIBUTED THE ATTACK TO THE
CARTEL", "THE BOMBING WAS BLAMED ON THE FRONT", "WE BLAME THE REGIME FOR THIS MURDER", "WE
HOLD THE COLONEL RESPONSIBLE FOR THIS ACTION", "THE ARMY IS RESPONSIBLE FOR THE MASSACRE",
"KILLED BY GUNMEN -- APPARENTLY HIRED BY THE CARTEL".

Upper-case wire copy often defeats the parser (a sentence split before the verb, the verb read
as a noun, line breaks inside sentences), so these accusations are found by word order over the
non-space words, within one clause (no full stop or semicolon between the parts). Each becomes a
:class:`~chronica.attribution.followup.Statement` whose ``accused`` are the parties blamed: a
violent event of the same incident family whose doer the text leaves unknown, or whose doer is
on the side of an accused party, is only as certain as the accusation ('alleged', or the
hedge's certainty for a hedged doer; a doer hedged in passing reaches only the acts whose doer
the text leaves unknown). The accuser's own acts are not touched. A negated accusation ("did
not blame") blames nobody.

Two more patterns name a doer: a hedged party as the subject or "by" agent of an act
("SUSPECTED ELN GUERRILLAS PLACED A CHARGE", "KIDNAPPED BY ALLEGED DEATH SQUADS"), and a
condemnation whose "carried out by" phrase names the doer ("THE GOVERNMENT CONDEMNS THE MURDER
OF X, CARRIED OUT BY FMLN TERRORISTS": the condemner's accusation). An accusation about a
series of incidents ("ATTRIBUTED THE MOST SERIOUS ATTACKS TO X") says nothing of one act; one
about "ANOTHER ACTION" speaks only of the act of its own sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from chronica.attribution.analysis import NOUN_MARKERS, BlockContext, Speaker, surface_subject
from chronica.attribution.followup import Statement, another, series
from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import PRONOUNS
from chronica.records import Certainty, Entity, Mention

#: Words that close a clause for the word-order patterns.
_BREAKS = frozenset({".", ";", "!", "?", "but", "while", "although", "whereas"})
#: How far (in words) apart the parts of a pattern may stand.
_TO_INCIDENT = 6  # "ATTRIBUTED [THE TWO CAR BOMB] ATTACKS", "FOR [THIS DETESTABLE] MURDER"
_TO_PREP = 3  # "ATTACKS [ON THE BANK] TO"
_TO_PARTY = 3  # "BLAMED [ONCE AGAIN] THE FRONT"
_TO_BY = 4  # "APPARENTLY [HAD BEEN KIDNAPPED] BY"
_RELATIVE_REACH = 12  # "THE ATTACK [THAT KILLED 10 MEMBERS ON 31 OCTOBER ,] WHICH"
_PARTY_LIST = 30  # "BLAMED X, Y AND Z FOR": how far the "for"/"of" may follow the party
_NAME_RUN = 8  # the longest run of name words read as one party
_NEGATION_REACH = 4  # "HAS NOT YET BLAMED"
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_PERFECT = frozenset({"has", "have", "had"})
_HOLD = frozenset({"hold", "holds", "held", "holding"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_QUOTES = frozenset({'"', "'", "“", "”", "``", "''", "[", "("})
_PRONOUNS = PRONOUNS | frozenset({"him", "us", "me", "you"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_RELATIVE = frozenset({"which", "that"})
_VERDICTS = frozenset({"responsible", "guilty", "accountable"})  # "hold X responsible"
_SIDE_OPENERS = frozenset({",", "--", "-", "(", "—", "–"})
_DOER_HEDGES = frozenset({"alleged", "suspected", "possible"})
_ACCUSING_PREPS = frozenset({"for", "of"})
#: Doers hedged in passing: they reach only the acts whose doer the text leaves unknown.
_PASSING = frozenset({"hedged", "hedged_party"})
#: Patterns whose cue word is a speaker's verb (its subject accuses).
_SPOKEN = frozenset({"attributed", "accused", "condemned"})
_CONDEMNED_REACH = 16  # "MURDER [OF MS X Y Z, CARRIED OUT THIS MORNING] BY"

#: Words before a hedged party that make it a subject ("-- suspected rebels placed"), not an
#: object or a prepositional complement ("arrested 50 alleged terrorists", "of alleged rebels").
_SUBJECT_OPENERS = frozenset({",", "--", "-", ";", ":", "(", '"', "and", "that", "when", "after"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})

Kind = Literal["attributed", "accused", "responsible", "hedged", "hedged_party", "condemned"]
Found = tuple[int, Certainty, tuple[Entity, ...]]  # (incident word position, certainty, parties)


@dataclass(frozen=True, slots=True)
class _Text:
    """The non-space words of a block (wire copy breaks lines inside sentences), with their
    token indices and the longest actor mention starting at each word."""

    ctx: BlockContext
    words: tuple[str, ...]
    tokens: tuple[int, ...]
    starts: Mapping[int, Mention]  # word position -> mention

    @classmethod
    def of(cls, ctx: BlockContext) -> _Text:
        tokens = tuple(i for i, w in enumerate(ctx.words) if w.strip())
        position = {t: n for n, t in enumerate(tokens)}
        starts: dict[int, Mention] = {}
        for m in ctx.mentions:
            first = position.get(m.start)
            old = starts.get(first) if first is not None else None
            if first is not None and (old is None or m.end - m.start > old.end - old.start):
                starts[first] = m
        return cls(ctx, tuple(ctx.words[t] for t in tokens), tokens, starts)

    def clause(self, start: int, end: int) -> range:
        """Positions from ``start`` up to ``end`` (exclusive), stopping at a clause break."""
        stop = min(end, len(self.words))
        for j in range(max(start, 0), stop):
            if self.words[j] in _BREAKS:
                return range(start, j)
        return range(max(start, 0), stop)

    def clause_before(self, end: int, reach: int) -> range:
        """Positions up to ``reach`` words before ``end``, back to the nearest clause break."""
        start = max(0, end - reach)
        for j in range(end - 1, start - 1, -1):
            if self.words[j] in _BREAKS:
                return range(j + 1, end)
        return range(start, end)

    def after(self, mention: Mention) -> int:
        """The word position right after a mention."""
        return bisect_right(self.tokens, mention.end - 1)

    def negated(self, verb: int, lex: Lexicon) -> bool:
        """A negation word up to :data:`_NEGATION_REACH` words before the verb, in its clause."""
        for j in range(verb - 1, max(-1, verb - 1 - _NEGATION_REACH), -1):
            if self.words[j] in _BREAKS:
                return False
            if self.words[j] in lex.negation:
                return True
        return False

    def incident(self, j: int, lex: Lexicon, families: bool = False) -> bool:
        """Is the word an incident noun ("attack", "action"), or with ``families`` a word of an
        incident family ("murdering")?"""
        word = self.words[j]
        hit = word in lex.incident_nouns or word in lex.generic_incidents
        return hit or (families and bool(lex.families(word)))

    def party(self, start: int) -> tuple[tuple[Entity, ...], int] | None:
        """The party named from ``start`` on (after determiners and quotes), and the position
        after it: the actor mentions there ("the FMLN and its allies" gives both), the first
        mention within a run of name words ("the Tupac Amaru Revolutionary Movement (MRTA)"),
        else the run of name words itself ("ARENA")."""
        words = self.words
        i = start
        while i < len(words) and (words[i] in _DETERMINERS or words[i] in _QUOTES):
            i += 1
        if i >= len(words) or words[i] in _PRONOUNS:
            return None
        run = i
        while run < len(words) and run - i < _NAME_RUN and self._name_word(run):
            if run in self.starts:
                return self._mentions_from(run)
            run += 1
        if run == i:
            return None
        text = " ".join(self.ctx.doc[self.tokens[j]].text for j in range(i, run))
        return (Entity(text=text),), run

    def _mentions_from(self, i: int) -> tuple[tuple[Entity, ...], int]:
        found = [self.starts[i]]
        nxt = self.after(found[-1])
        while nxt + 1 < len(self.words) and self.words[nxt] in {"and", ","}:
            m = self.starts.get(nxt + 1)
            if m is None:
                break
            found.append(m)
            nxt = self.after(m)
        return tuple(m.entity for m in found), nxt

    def _name_word(self, j: int) -> bool:
        if self.words[j] in _VERDICTS:
            return False
        return self.ctx.doc[self.tokens[j]].pos_ in _NAME_POS or self.words[j] in _QUOTES


def find_blames(
    contexts: Mapping[int, BlockContext], first_sentences: Mapping[int, int], lex: Lexicon
) -> list[Statement]:
    """Every word-order accusation and hedged doer of the given blocks, in text order."""
    out: list[Statement] = []
    for block, ctx in contexts.items():
        text: _Text | None = None
        for i, word in enumerate(ctx.words):
            for kind in _kinds(word, lex):
                text = text or _Text.of(ctx)
                n = bisect_right(text.tokens, i) - 1
                found = _FINDERS[kind](text, n, lex)
                if found is not None and series(ctx.doc[text.tokens[found[0]]]):
                    break  # "attributed the most serious attacks to X": a series, not this act
                if found is not None:
                    out.append(_statement(text, block, first_sentences[block], n, found, kind))
                    break
    return out


def _kinds(word: str, lex: Lexicon) -> tuple[Kind, ...]:
    """The patterns a word may open, in the order they are tried ("blamed the attack on X",
    then "blamed X for the attack")."""
    kinds: tuple[Kind, ...] = ()
    if word in lex.blame_verbs:
        kinds += ("attributed",)
    if word in lex.accusing_verbs or word in _HOLD:
        kinds += ("accused",)
    if word in lex.responsible:
        kinds += ("responsible",)
    if lex.hedge_adverbs.get(word) in _DOER_HEDGES:
        kinds += ("hedged",)
    if lex.hedge_adjectives.get(word) in _DOER_HEDGES:
        kinds += ("hedged_party",)
    if word in lex.condemn_verbs:
        kinds += ("condemned",)
    return kinds


def _attributed(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """ "ATTRIBUTED THE ATTACK TO X" and "THE ATTACK (WAS) ATTRIBUTED TO X"; "BLAMED THE
    BOMBING ON X"."""
    prep = lex.blame_verbs[text.words[i]]
    if text.negated(i, lex):
        return None
    incident = next(
        (j for j in text.clause(i + 1, i + 1 + _TO_INCIDENT) if text.incident(j, lex)), None
    )
    after = incident + 1 if incident is not None else i + 1
    if incident is None:
        incident = _incident_before(text, i, lex)
        if incident is None:
            return None
    to = next((j for j in text.clause(after, after + _TO_PREP) if text.words[j] == prep), None)
    party = text.party(to + 1) if to is not None else None
    if party is None:
        return None
    return incident, "alleged", party[0]


def _incident_before(text: _Text, i: int, lex: Lexicon) -> int | None:
    """The incident a passive, a participle or a relative clause attributes: "THE ACTION
    ATTRIBUTED TO", "THE ATTACK ON THE POST WAS ATTRIBUTED TO" (the incident nearest before the
    auxiliary), "THE ATTACK ..., WHICH THE FRONT HAS BLAMED ON" (the incident nearest before
    the relative pronoun, in its clause)."""
    words = text.words
    back = i - 1
    passive = False
    while back >= 0 and words[back] in _BE | _PERFECT:
        passive = passive or words[back] in _BE
        back -= 1
    if back >= 0 and text.incident(back, lex):
        return back
    if passive:
        # "THE ATTACK [ON THE ARMY POST] WAS ATTRIBUTED TO": the subject of the passive.
        before = text.clause_before(back + 1, _TO_INCIDENT)
        subject = next((j for j in reversed(before) if text.incident(j, lex)), None)
        if subject is not None:
            return subject
    relative = next(
        (j for j in reversed(text.clause_before(i, _TO_PARTY + 2)) if words[j] in _RELATIVE), None
    )
    if relative is None:
        return None
    return next(
        (
            j
            for j in reversed(text.clause_before(relative, _RELATIVE_REACH))
            if text.incident(j, lex)
        ),
        None,
    )


def _accused(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """ "BLAMED X FOR THE ATTACK", "ACCUSED X, Y AND Z OF THE KILLING", "HOLD X RESPONSIBLE
    FOR THE BOMBING": the first "for"/"of" after the party that an incident word follows."""
    if text.negated(i, lex) or (i > 0 and text.words[i - 1] in NOUN_MARKERS):
        # "in charge of the operation", "the charges": a noun, not an accusation.
        return None
    party: tuple[tuple[Entity, ...], int] | None = None
    for j in text.clause(i + 1, i + 1 + _TO_PARTY):
        party = text.party(j)
        if party is not None:
            break
    if party is None:
        return None
    hold = text.words[i] in _HOLD
    span = text.clause(party[1], party[1] + _PARTY_LIST)
    if hold:
        responsible = next((j for j in span if text.words[j] in lex.responsible), None)
        if responsible is None:
            return None
        span = text.clause(responsible + 1, responsible + 1 + _TO_PREP)
    for prep in span:
        if text.words[prep] not in (("for",) if hold else _ACCUSING_PREPS):
            continue
        window = text.clause(prep + 1, prep + 1 + _TO_INCIDENT)
        act = next((j for j in window if text.incident(j, lex, families=True)), None)
        if act is not None:
            return act, "alleged", party[0]
    return None


def _responsible(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """ "X IS/WAS/ARE RESPONSIBLE FOR THE ATTACK" (the party right before the copula)."""
    words = text.words
    if i < 2 or words[i - 1] not in _BE or text.negated(i - 1, lex):
        return None
    party = [m for n, m in text.starts.items() if n < i - 1 and text.after(m) == i - 1]
    prep = next((j for j in text.clause(i + 1, i + 3) if words[j] == "for"), None)
    if not party or prep is None:
        return None
    window = text.clause(prep + 1, prep + 1 + _TO_INCIDENT)
    act = next((j for j in window if text.incident(j, lex)), None)
    if act is None:
        return None
    return act, "alleged", (max(party, key=lambda m: m.end - m.start).entity,)


def _hedged(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """A hedged doer: "(BY GUNMEN) -- APPARENTLY HIRED BY THE CARTEL", a hedge adverb opening a
    side phrase that leads to a resolved actor, or "WAS APPARENTLY KIDNAPPED BY REBELS", a
    hedge adverb before a "by" phrase. The act is the participle before "by" when it names an
    incident family, else any attack of the article."""
    words = text.words
    certainty = lex.hedge_adverbs.get(words[i])
    if certainty not in _DOER_HEDGES or i + 1 >= len(words) or words[i + 1] == "to":
        # "-- presumably to recruit them": a purpose, not a doer.
        return None
    by = next((j for j in text.clause(i + 1, i + 1 + _TO_BY) if words[j] == "by"), None)
    if by is not None:
        party = text.party(by + 1)
        if party is None or not any(e.sector or e.id for e in party[0]):
            return None
        act = next((j for j in range(i + 1, by) if lex.families(words[j])), i)
        return act, certainty, party[0]
    if i == 0 or words[i - 1] not in _SIDE_OPENERS:
        return None
    for j in text.clause(i + 1, i + 1 + _NAME_RUN + _TO_PARTY):
        m = text.starts.get(j)
        if m is not None and m.entity.sector and m.entity.text.lower() not in _PRONOUNS:
            return i, certainty, (m.entity,)
    return None


def _hedged_party(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """A hedged doer as the subject or agent of an act: "SUSPECTED ELN GUERRILLAS PLACED A
    CHARGE" (a hedge adjective that opens a clause, then an actor mention the actors stage
    resolved, then a finite verb) and "KIDNAPPED BY ALLEGED DEATH SQUADS" (a hedged "by"
    agent). The act is the participle before "by" when it names an incident family, else any
    attack of the article whose doer the text leaves unknown. A hedged party after another
    verb or preposition ("arrested 50 alleged terrorists") is an object, not a doer."""
    words = text.words
    certainty = lex.hedge_adjectives.get(words[i])
    if certainty not in _DOER_HEDGES:
        return None
    before = words[i - 1] if i > 0 else "."
    agent = before == "by"  # "kidnapped by alleged death squads"
    if not agent and before not in _SUBJECT_OPENERS | _BREAKS | _DETERMINERS | _QUOTES:
        return None
    parties: list[Entity] = []
    after = i + 1 if i + 1 in text.starts else i
    while after in text.starts and len(parties) < _NAME_RUN:  # "ELN" "GUERRILLAS"
        mention = text.starts[after]
        parties.append(mention.entity)
        after = text.after(mention)
    if agent:
        # A hedged "by" agent is a doer even when the actors stage did not resolve it; the
        # act is the participle before "by" when it names an incident family.
        party = text.party(i + 1) if not parties else None
        found = tuple(parties) or (party[0] if party is not None else ())
        act = i - 2 if i >= 2 and lex.families(words[i - 2]) else i
        return (act, certainty, found) if found else None
    if parties and after < len(words) and words[after] == "of":
        # "ALLEGED COMMANDOS OF THE CINCHONERO FRONT MACHINEGUNNED": the party they belong to.
        party = text.party(after + 1)
        if party is not None:
            parties += party[0]
            after = party[1]
    if not any(e.sector or e.id for e in parties) or after >= len(words):
        return None
    verb = text.ctx.doc[text.tokens[after]]
    if verb.tag_ not in _FINITE or words[after] in lex.arrest_words or words[after] in _BE:
        # "suspected rebels were killed by troops": a passive's subject did nothing.
        return None
    return i, certainty, tuple(parties)


def _condemned(text: _Text, i: int, lex: Lexicon) -> Found | None:
    """ "CONDEMNS THE COWARDLY MURDER OF X, CARRIED OUT THIS MORNING BY FMLN TERRORISTS": who
    condemns an act and names its doer in a "carried out / perpetrated / committed by" phrase
    holds it against that party, an accusation ('alleged'). A condemnation that names no doer
    takes the act as given."""
    words = text.words
    if text.negated(i, lex):
        return None
    window = text.clause(i + 1, i + 1 + _TO_INCIDENT)
    act = next((j for j in window if text.incident(j, lex, families=True)), None)
    if act is None:
        return None
    for by in text.clause(act + 1, act + 1 + _CONDEMNED_REACH):
        finite = text.ctx.doc[text.tokens[by]].tag_ in _FINITE and words[by] not in lex.support
        if words[by] in _RELATIVE or finite:
            return None  # "the incidents, which endanger the efforts conducted by X"
        if words[by] != "by":
            continue
        if not any(words[k] in lex.support for k in range(max(act + 1, by - _TO_BY), by)):
            continue
        party = text.party(by + 1)
        if party is not None and any(e.sector or e.id for e in party[0]):
            return act, "alleged", party[0]
        return None
    return None


def _accuser(text: _Text, verb: int, act: int) -> Speaker | None:
    """Who blames: the actor mention nearest before the verb in its sentence; for a passive or
    participle ("the attack on the post, attributed to X") nobody, unless a relative clause
    names the subject ("the attack, which the front blamed on X")."""
    doc = text.ctx.doc
    accuser = surface_subject(text.ctx, doc[verb], doc[verb].sent)
    if accuser is None or act > verb:
        return accuser
    relative = next((t.i for t in reversed(doc[act:verb]) if t.text.lower() in _RELATIVE), None)
    return accuser if relative is not None and accuser.head > relative else None


def _condemner(text: _Text, verb: Token) -> Speaker | None:
    """Who condemns: the verb's subject when the parse gives one (a pronoun, "they condemn",
    names nobody), else the actor mention nearest before the verb."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return surface_subject(text.ctx, verb, verb.sent)
    if subject.text.lower() in _PRONOUNS:
        return None
    mention = next((m for m in text.ctx.mentions if m.start <= subject.i < m.end), None)
    return Speaker(mention.entity, subject.i) if mention is not None else None


_FINDERS: Mapping[Kind, Callable[[_Text, int, Lexicon], Found | None]] = {
    "attributed": _attributed,
    "accused": _accused,
    "responsible": _responsible,
    "hedged": _hedged,
    "hedged_party": _hedged_party,
    "condemned": _condemned,
}


def _statement(
    text: _Text, block: int, first_sentence: int, cue: int, found: Found, kind: Kind
) -> Statement:
    at, certainty, parties = found
    ctx = text.ctx
    doc = ctx.doc
    verb, act = doc[text.tokens[cue]], doc[text.tokens[at]]
    index = first_sentence + bisect_right(ctx.sentence_starts, act.i) - 1
    accuser = (
        _condemner(text, verb)
        if kind == "condemned"
        else _accuser(text, verb.i, act.i)
        if kind in _SPOKEN
        else None
    )
    who = ", ".join(repr(e.text) for e in parties)
    by = f" by {accuser.entity.text!r}" if accuser is not None else ""
    named = kind not in _PASSING or at != cue
    what = repr(act.text) if named else "any attack"
    reason = f"{certainty}: {verb.text!r}{by} names {who} as doer of {what} ({kind}, word order)"
    return Statement(
        block,
        index,
        act.i,
        act.text if named else "attack",
        certainty,
        verb.text,
        accuser.entity if accuser is not None else None,
        parties,
        reason,
        accused=parties,
        reaches_named=kind not in _PASSING,
        local=named and another(act),
    )
