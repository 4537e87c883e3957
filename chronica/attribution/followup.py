"""Perpetrator statements: "A bomb exploded at the bank. ... Police blamed the FMLN for the
attack." The statement says who is held responsible for an incident and how surely; a violent
event of the same incident family that the text only asserted or reported takes that certainty.

A statement is an incident noun ("the attack", "the bombing") that a claim, accusation,
suspicion or hedge governs. Wire copy states who is held responsible once, anywhere in the
article (often in the lead, before the details), so a statement reaches the ASSAULT events of the
whole document whose doer is unknown, unresolved by the actors stage, or of the same side as an
actor named in the statement's sentence; the nearest one after the event wins, else the earliest
before it. An event the text calls merely possible takes a firmer statement (a claim, accusation
or suspicion). Denials do not change the certainty of an event whose occurrence the text
asserts; one at most :data:`WINDOW` sentences later is named in the reason, unless an
accusation of the same incident goes with it ("denied any responsibility and blamed the
front": the accusation counts). A bomb or "gunmen" as the attacker (sector UAF, no name) is an
unknown doer. A statement about a series of incidents ("the most serious attacks", "all the
attacks") reaches no act; one about "another action" only the acts of its own sentence; a
hedge on a graded incident ("what is considered the worst attack") weighs the grading, not
the doer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronica.attribution.analysis import (
    Analysis,
    BlockContext,
    analyse,
    entity_at,
    same_entity,
    same_side,
)
from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import lemma_hits
from chronica.records import Certainty, Entity, EventCandidate, EventType

#: How many sentences after an event a denial is still named in its reason.
WINDOW = 8
_PERPETRATOR = frozenset({"claimed", "alleged", "suspected", "possible", "denied"})
_OVERRIDABLE = frozenset({"asserted", "reported"})
_FIRMER = frozenset({"claimed", "alleged", "suspected"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Statements about planned or threatened attacks say nothing of who did one (an open
#: question, "whether the attack was carried out by rebels", does).
_NOT_DONE = frozenset({"planned", "threatened"})
#: The CAMEO agent code of an unidentified armed attacker.
_UNIDENTIFIED = "UAF"
#: Words that pick incidents out of a series ("all the attacks", "most attacks").
_SERIES = frozenset({"all", "many", "most", "several", "numerous", "countless", "various"})
_SUPERLATIVES = frozenset({"JJS", "RBS"})
_OTHER = frozenset({"another", "other"})
_HEDGES = frozenset({"suspected", "possible"})
#: How far before an incident noun its quantifier or superlative may stand.
_SERIES_REACH = 4
#: How far before a doubt word its negation may stand ("there is absolutely no doubt").
_NEGATION_REACH = 3
_PLACEHOLDER = EventType("ASSAULT", None, "190", 4, -10.0, "")


@dataclass(frozen=True, slots=True)
class Statement:
    """An incident noun whose perpetrator the text attributes with some certainty."""

    block: int
    sentence_index: int
    token: int
    text: str
    certainty: Certainty
    cue: str | None
    claimant: Entity | None
    named: tuple[Entity, ...]  # actor entities mentioned in the statement's sentence
    reason: str
    #: The parties an accusation blames (its accuser's own acts are not touched); empty: any
    #: party named in the sentence, or the claimant.
    accused: tuple[Entity, ...] = ()
    #: Does the statement reach acts whose doer the text names? A doer hedged in passing ("--
    #: apparently hired by the cartel") says who did the acts the text leaves without a doer,
    #: not that every act of the cartel the text asserts is uncertain.
    reaches_named: bool = True
    #: Does the statement speak only of the incident of its own sentence ("in another action
    #: attributed to the cartel, ...")?
    local: bool = False


def find_statements(
    contexts: Mapping[int, BlockContext], first_sentences: Mapping[int, int], lex: Lexicon
) -> list[Statement]:
    """Every incident noun of the given blocks that a perpetrator cue governs."""
    out: list[Statement] = []
    for block, ctx in contexts.items():
        by_lemma = lemma_hits(ctx.doc, lex.incident_nouns)
        for i, word in enumerate(ctx.words):
            if word not in lex.incident_nouns and i not in by_lemma:
                continue
            tok = ctx.doc[i]
            if tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            n = bisect_right(ctx.sentence_starts, tok.i) - 1
            index = first_sentences[block] + n
            where = _probe_token(tok, lex)
            probe = EventCandidate(
                block, index, where.i, where.i + 1, _PLACEHOLDER, (), (), "probe", 0.0, ""
            )
            result: Analysis = analyse(ctx, probe, lex)
            certainty = result.attribution.certainty
            if (
                certainty not in _PERPETRATOR
                or _hedges_another_predicate(tok, where, result)
                or _counted(tok)
                or (certainty in _HEDGES and graded(tok))
                or _doubt_denied(tok, result.attribution.cue, lex)
                or result.attribution.modality in _NOT_DONE
            ):
                continue
            sent = tok.sent
            named = tuple(m.entity for m in ctx.mentions if sent.start <= m.start < sent.end)
            out.append(
                Statement(
                    block,
                    index,
                    tok.i,
                    tok.text,
                    certainty,
                    result.attribution.cue,
                    result.attribution.claimant,
                    named,
                    result.reason,
                    local=another(tok),
                )
            )
    return out


_OBJECTS = frozenset({"dobj", "obj"})
_ANAPHORS = frozenset({"it", "them"})
_WHAT_FOR = frozenset({"of", "for"})


def find_accusations(
    contexts: Mapping[int, BlockContext], first_sentences: Mapping[int, int], lex: Lexicon
) -> list[Statement]:
    """Accusations that name the doer without an incident noun: "the army accused the
    guerrillas (of kidnapping 30 peasants)", "the police blamed the front", and "blamed it on
    the cartel" (the pronoun stands for an incident named just before). The act is the
    incident word of the "of"/"for" phrase, or the one the pronoun refers to; otherwise any
    attack. An accusation about something else ("accused the minister of corruption") and a
    negated one say nothing about an incident."""
    out: list[Statement] = []
    for block, ctx in contexts.items():
        doc = ctx.doc
        for i, low in enumerate(ctx.words):
            if low not in lex.accusing_verbs and low not in lex.blame_verbs:
                continue
            tok = doc[i]
            if tok.pos_ != "VERB":
                continue
            accused = next((c for c in tok.children if c.dep_ in _OBJECTS), None)
            if accused is None or any(c.dep_ == "neg" for c in tok.children):
                continue
            anaphor = accused.text.lower() in _ANAPHORS and low in lex.blame_verbs
            if not anaphor and not _names_actor(ctx, accused):
                continue
            act = _accused_act(tok, accused, lex)
            if act is None:
                continue
            if anaphor:
                act = _antecedent_incident(doc, accused, lex) or act
            sent = tok.sent
            speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            claimant = entity_at(ctx, speaker) if speaker is not None else None
            named = tuple(m.entity for m in ctx.mentions if sent.start <= m.start < sent.end)
            index = first_sentences[block] + bisect_right(ctx.sentence_starts, i) - 1
            who = f" by {claimant.text!r}" if claimant is not None else ""
            reason = f"alleged: {tok.text!r}{who} accuses {accused.text!r} ({act!r})"
            out.append(
                Statement(block, index, tok.i, act, "alleged", tok.text, claimant, named, reason)
            )
    return out


def _names_actor(ctx: BlockContext, tok: Token) -> bool:
    """Does an actor mention the actors stage resolved cover the token?"""
    return any(m.start <= tok.i < m.end and (m.entity.id or m.entity.sector) for m in ctx.mentions)


def _accused_act(verb: Token, accused: Token, lex: Lexicon) -> str | None:
    """The incident word the accusation is about ("of kidnapping", "for the attack"); "attack"
    when no "of"/"for" phrase says; None when the phrase names no violent act."""
    phrase = next(
        (
            c
            for t in (verb, accused)
            for c in t.children
            if c.dep_ == "prep" and c.text.lower() in _WHAT_FOR
        ),
        None,
    )
    if phrase is None:
        return "attack"
    for t in phrase.subtree:
        word = t.text.lower()
        if word in lex.incident_nouns or lex.families(word):
            return t.text
    return None


def _antecedent_incident(doc: Doc, pronoun: Token, lex: Lexicon) -> str | None:
    """The nearest incident noun before the pronoun, in its sentence or the one before."""
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(doc[start : pronoun.i]):
        if t.pos_ in {"NOUN", "PROPN"} and t.text.lower() in lex.incident_nouns:
            return t.text
    return None


def _counted(noun: Token) -> bool:
    """ "Charged with at least 40 attacks and murders": a counted, indefinite plural speaks of a
    series of other incidents, not of the one an event reports ("the two bombings" does); so
    does a plural a quantifier or superlative picks out of many ("all the attacks", "the most
    serious attacks")."""
    head = noun.head if noun.dep_ == "conj" else noun
    numbers = any(c.dep_ == "nummod" or c.like_num for c in head.children)
    definite = any(c.dep_ in {"det", "poss"} and c.text.lower() != "a" for c in head.children)
    return (numbers and not definite) or series(head)


def _premodifiers(noun: Token) -> list[Token]:
    """The few words right before a noun within its noun phrase, nearest first (read off the
    word order, as the parse of upper-case wire copy is unreliable)."""
    out: list[Token] = []
    for t in reversed(noun.doc[max(noun.sent.start, noun.i - _SERIES_REACH) : noun.i]):
        if t.is_space:
            continue
        if t.pos_ not in {"DET", "ADJ", "ADV", "NUM", "NOUN", "PROPN"}:
            break
        out.append(t)
    return out


def series(noun: Token) -> bool:
    """Is the plural incident noun one of a series: a quantifier or a superlative before it
    in its noun phrase ("all these attacks", "the most serious attacks", "the worst
    massacres")?"""
    if noun.tag_ not in {"NNS", "NNPS"} and not noun.text.lower().endswith("s"):
        return False
    return any(t.text.lower() in _SERIES or t.tag_ in _SUPERLATIVES for t in _premodifiers(noun))


def graded(noun: Token) -> bool:
    """Does a superlative grade the incident ("what is considered the most serious attack")?
    A hedge there weighs the grading, not who did the act."""
    return any(t.tag_ in _SUPERLATIVES for t in _premodifiers(noun))


def another(noun: Token) -> bool:
    """ "In another action attributed to the cartel": the noun names an incident other than
    the ones before it."""
    return any(t.text.lower() in _OTHER for t in _premodifiers(noun))


def _doubt_denied(noun: Token, cue: str | None, lex: Lexicon) -> bool:
    """ "There is no doubt that this act was directed against innocent citizens": a negated
    doubt (or possibility) asserts what it governs; it does not make the doer uncertain."""
    if cue is None:
        return False
    word = cue.lower()
    if lex.frame_nouns.get(word) != "doubt" and lex.frame_verbs.get(word) != "doubt":
        return False
    sent = noun.sent
    for t in sent:
        if t.text.lower() == word:
            before = sent.doc[max(sent.start, t.i - _NEGATION_REACH) : t.i]
            return any(w.text.lower() in lex.negation for w in before)
    return False


def _hedges_another_predicate(noun: Token, where: Token, result: Analysis) -> bool:
    """ "The attacks are apparently continuing": a hedge on the verb of which the incident noun
    is the subject speaks of that verb (the attacks go on), not of who did them; hedges on the
    noun itself ("the alleged attack") or on its support verb ("was presumably carried out")
    do."""
    if result.cue_kind != "hedge" or where.i != noun.i or noun.dep_ not in _SUBJECTS:
        return False
    word = (result.attribution.cue or "").lower()
    return not any(t.text.lower() == word for t in noun.subtree)


def _probe_token(noun: Token, lex: Lexicon) -> Token:
    """Where the incident noun's certainty is read: the noun itself, or the passive support
    verb whose subject it is ("the attack was presumably carried out by ..."; in "the attacks
    are apparently continuing" the hedge is on the continuing)."""
    head = noun.head
    if (
        noun.dep_ == "nsubjpass"
        and head.pos_ in {"VERB", "AUX"}
        and (head.lemma_.lower() in lex.support or head.text.lower() in lex.support)
    ):
        return head
    return noun


def applies(statement: Statement, cand: EventCandidate, trigger: str, lex: Lexicon) -> bool:
    """Does the statement speak about this event's perpetrator? ``trigger`` is the event's
    trigger text, lower case ("carried out the attack"). A generic noun ("the attack", "the
    incident") on either side matches any incident family; so does an event of the attack
    family whose doer is unknown ("shots were fired", "two were wounded": part of a killing or
    a bombing)."""
    if cand.event.plover != "ASSAULT":
        return False
    noun = statement.text.lower()
    words = trigger.split()
    unknown = not any(_identified(m.entity) for m in cand.actor)
    if noun not in lex.generic_incidents and not any(w in lex.generic_incidents for w in words):
        event_families = frozenset().union(*(lex.families(w) for w in words))
        part = unknown and "attack" in event_families
        if not lex.families(noun) & event_families and not part:
            return False
    own = statement.block == cand.block and cand.trigger_start <= statement.token < cand.trigger_end
    if own and not statement.accused:
        # The event's own noun: its sentence analysis already read that cue. A word-order
        # accusation ("condemned the murder carried out by X") is one the parse missed.
        return False
    if statement.certainty == "denied" and not _shortly_after(statement, cand):
        return False
    if statement.local and statement.sentence_index != cand.sentence_index:
        return False
    if unknown:
        # No doer, or only words the actors stage could not resolve ("machinegun bursts").
        return True
    if not statement.reaches_named:
        return False
    return any(same_side(m.entity, e) for m in cand.actor for e in _parties(statement))


def _parties(statement: Statement) -> tuple[Entity, ...]:
    """The parties a statement speaks about as doers: the accused of an accusation; else the
    actors named in its sentence and its claimant, except that whoever accuses, suspects or
    denies is not thereby a doer (a claim's claimant is)."""
    if statement.accused:
        return statement.accused
    claimant = statement.claimant
    if claimant is None:
        return statement.named
    if statement.certainty == "claimed":
        return (*statement.named, claimant)
    return tuple(e for e in statement.named if not same_entity(e, claimant))


def _shortly_after(statement: Statement, cand: EventCandidate) -> bool:
    """The statement comes after the event, at most :data:`WINDOW` sentences later."""
    later = statement.sentence_index > cand.sentence_index or (
        statement.sentence_index == cand.sentence_index
        and statement.block == cand.block
        and statement.token > cand.trigger_end
    )
    return later and statement.sentence_index - cand.sentence_index <= WINDOW


def first_statement(
    statements: Sequence[Statement], cand: EventCandidate, trigger: str, lex: Lexicon
) -> Statement | None:
    """The earliest statement after the event that speaks about its perpetrator, else the
    earliest one before it (a claim or accusation anywhere in the article). A denial gives
    way to a claim, accusation or suspicion of the same incident."""
    found = [s for s in statements if applies(s, cand, trigger, lex)]
    after = [s for s in found if s.sentence_index >= cand.sentence_index]
    ordered = after or found
    # "The army denied any responsibility for the attack and blamed the front": the denial
    # does not settle who did it; the accusation that goes with it does.
    first = next(iter(ordered), None)
    if first is not None and first.certainty == "denied":
        return next((s for s in ordered if s.certainty in _FIRMER), first)
    return first


def overrides(statement: Statement, certainty: str) -> bool:
    """Does the statement's certainty replace the event's own? An asserted or reported event
    takes any claim, accusation, suspicion or hedge; an event the text calls merely possible
    takes a firmer attribution of the same incident (a claim, accusation or suspicion)."""
    if certainty == "possible":
        return statement.certainty in _FIRMER
    return certainty in _OVERRIDABLE and statement.certainty != "denied"


def _identified(entity: Entity) -> bool:
    """Did the actors stage resolve the doer (an id, a sector or a country)? An unnamed
    unidentified armed force ("gunmen", a bomb as the attacker: sector UAF, no id) leaves the
    doer unknown."""
    if entity.sector == _UNIDENTIFIED and not entity.id:
        return bool(entity.country)
    return bool(entity.id or entity.sector or entity.country)
