"""Perpetrator statements: "A bomb exploded at the bank. ... Police blamed the FMLN for the
attack." The statement says who is held responsible for an incident and how surely; a violent
event of the same incident family that the text only asserted or reported takes that certainty.

A statement is an incident noun ("the attack", "the bombing") that a claim, accusation,
suspicion or hedge governs. Wire copy states who is held responsible once, anywhere in the
article (often in the lead, before the details), so a statement reaches the ASSAULT events of the
whole document whose doer is unknown or named in the statement's sentence; the nearest one after
the event wins, else the earliest before it. Denials do not change the certainty of an event
whose occurrence the text asserts; one at most :data:`WINDOW` sentences later is named in the
reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from chronica.attribution.analysis import Analysis, BlockContext, analyse, same_entity
from chronica.attribution.lexicon import Lexicon
from chronica.records import Certainty, Entity, EventCandidate, EventType

#: How many sentences after an event a denial is still named in its reason.
WINDOW = 8
_PERPETRATOR = frozenset({"claimed", "alleged", "suspected", "possible", "denied"})
_OVERRIDABLE = frozenset({"asserted", "reported"})
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


def find_statements(
    contexts: Mapping[int, BlockContext], first_sentences: Mapping[int, int], lex: Lexicon
) -> list[Statement]:
    """Every incident noun of the given blocks that a perpetrator cue governs."""
    out: list[Statement] = []
    for block, ctx in contexts.items():
        sentence_starts = [s.start for s in ctx.doc.sents]
        for tok in ctx.doc:
            if tok.pos_ not in {"NOUN", "PROPN"} or (
                tok.text.lower() not in lex.incident_nouns
                and tok.lemma_.lower() not in lex.incident_nouns
            ):
                continue
            n = sum(1 for start in sentence_starts if start <= tok.i) - 1
            index = first_sentences[block] + n
            where = _probe_token(tok, lex)
            probe = EventCandidate(
                block, index, where.i, where.i + 1, _PLACEHOLDER, (), (), "probe", 0.0, ""
            )
            result: Analysis = analyse(ctx, probe, lex)
            certainty = result.attribution.certainty
            if certainty not in _PERPETRATOR:
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
                )
            )
    return out


def _probe_token(noun: Token, lex: Lexicon) -> Token:
    """Where the incident noun's certainty is read: the noun itself, or the support verb whose
    subject it is ("the attack was presumably carried out by ...")."""
    head = noun.head
    if (
        noun.dep_ in {"nsubjpass", "nsubj"}
        and head.pos_ in {"VERB", "AUX"}
        and (head.lemma_.lower() in lex.support or head.text.lower() in lex.support)
    ):
        return head
    return noun


def applies(statement: Statement, cand: EventCandidate, trigger: str, lex: Lexicon) -> bool:
    """Does the statement speak about this earlier event's perpetrator? ``trigger`` is the
    event's trigger word, lower case."""
    if cand.event.plover != "ASSAULT":
        return False
    noun = statement.text.lower()
    if noun not in lex.generic_incidents and not lex.families(noun) & lex.families(trigger):
        return False
    if statement.block == cand.block and cand.trigger_start <= statement.token < cand.trigger_end:
        return False
    if statement.certainty == "denied" and not _shortly_after(statement, cand):
        return False
    if not cand.actor:
        return True
    return any(
        same_entity(m.entity, e)
        for m in cand.actor
        for e in (
            *statement.named,
            *([statement.claimant] if statement.claimant is not None else []),
        )
    )


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
    earliest one before it (a claim or accusation anywhere in the article)."""
    found = [s for s in statements if applies(s, cand, trigger, lex)]
    after = [s for s in found if s.sentence_index >= cand.sentence_index]
    return next(iter(after or found), None)


def overrides(statement: Statement, certainty: str) -> bool:
    """Does the statement's certainty replace the event's own?"""
    return certainty in _OVERRIDABLE and statement.certainty != "denied"
