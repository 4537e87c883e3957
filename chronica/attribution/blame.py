"""Counter-claims: "the group now blames all these attacks on a splinter group".

The blame sentence codes an ACCUSE event (blamer -> party blamed); the attacks it refers to
(earlier in the sentence or up to two sentences before, in the same block) keep the certainty
the text gives them, and their reason names the dispute.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronica.attribution.analysis import BlockContext, entity_at, same_entity
from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import lemma_hits, subject_of
from chronica.records import Entity, EventCandidate

#: How many sentences before the blame sentence its "these attacks" can reach.
WINDOW = 2


@dataclass(frozen=True, slots=True)
class CounterClaim:
    """One "X blames <incidents> on Y" construction found in a block."""

    block: int
    sentence_index: int
    verb: int  # token index of the blame verb
    verb_text: str
    referent: int  # token index of the incident noun ("attacks")
    referent_text: str
    blamer: Entity | None
    blamer_head: int | None
    blamed: Entity

    def note(self) -> str:
        who = self.blamer.text if self.blamer else "a party"
        return f"disputed: {who} blames {self.referent_text} on {self.blamed.text}"


def find_counter_claims(
    ctx: BlockContext, block: int, first_sentence: int, lex: Lexicon
) -> list[CounterClaim]:
    """Every blame construction of a block whose object is an incident noun."""
    out: list[CounterClaim] = []
    doc: Doc = ctx.doc
    by_lemma = lemma_hits(doc, frozenset(lex.blame_verbs))
    for i, word in enumerate(ctx.words):
        if word not in lex.blame_verbs and i not in by_lemma:
            continue
        prep = lex.blame_verbs.get(doc[i].lemma_.lower()) or lex.blame_verbs.get(word)
        if prep is None:
            continue
        n = bisect_right(ctx.sentence_starts, i) - 1
        claim = _counter_claim(ctx, doc[i], prep, lex, block, first_sentence + n)
        if claim is not None:
            out.append(claim)
    return out


def _counter_claim(
    ctx: BlockContext, verb: Token, prep: str, lex: Lexicon, block: int, sentence_index: int
) -> CounterClaim | None:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    blamed = _pobj(verb, prep)
    if obj is None or blamed is None:
        return None
    if obj.text.lower() not in lex.incident_nouns and obj.lemma_.lower() not in lex.incident_nouns:
        return None
    subject = subject_of(verb)
    start = min(t.i for t in obj.subtree)
    return CounterClaim(
        block=block,
        sentence_index=sentence_index,
        verb=verb.i,
        verb_text=verb.text,
        referent=obj.i,
        referent_text=ctx.doc[start : obj.i + 1].text,
        blamer=entity_at(ctx, subject) if subject is not None else None,
        blamer_head=subject.i if subject is not None else None,
        blamed=entity_at(ctx, _named(blamed)),
    )


def _named(noun: Token) -> Token:
    """ "a splinter group, Peykar": the apposed name stands for the noun."""
    return next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), noun)


def _pobj(verb: Token, prep: str) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"prep", "dative"} and c.text.lower() == prep:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _in_window(claim: CounterClaim, cand: EventCandidate) -> bool:
    """The candidate is in the blame sentence before the verb, or up to WINDOW sentences before."""
    if cand.block != claim.block:
        return False
    if not claim.sentence_index - WINDOW <= cand.sentence_index <= claim.sentence_index:
        return False
    return cand.sentence_index < claim.sentence_index or cand.trigger_start < claim.verb


def is_counter_claim(claim: CounterClaim, candidates: Sequence[EventCandidate]) -> bool:
    """A blame is a counter-claim when the blamer is the doer of a violent event it refers to
    ("the group carried out bombings ... now blames these attacks on a splinter group"); a
    blame by a third party ("police blamed the attack on the FMLN") is an accusation."""
    if claim.blamer is None:
        return False
    blamer = claim.blamer
    return any(
        _in_window(claim, c)
        and c.event.plover == "ASSAULT"
        and any(
            same_entity(blamer, m.entity) or m.start <= (claim.blamer_head or -1) < m.end
            for m in c.actor
        )
        for c in candidates
    )


def refers_to(claim: CounterClaim, cand: EventCandidate) -> bool:
    """Is the candidate one of the violent incidents the counter-claim blames on someone else?"""
    if cand.block != claim.block or cand.trigger_start <= claim.verb < cand.trigger_end:
        return False
    if cand.trigger_start <= claim.referent < cand.trigger_end:
        return True
    return cand.event.plover == "ASSAULT" and _in_window(claim, cand)


def is_blame_event(claim: CounterClaim, cand: EventCandidate) -> bool:
    """Is the candidate the ACCUSE event of the blame itself?"""
    return cand.block == claim.block and cand.trigger_start <= claim.verb < cand.trigger_end
