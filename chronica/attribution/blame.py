"""Counter-claims: "the group now blames all these attacks on a splinter group".

The blame sentence codes an ACCUSE event (blamer -> party blamed); the attacks it refers to
(earlier in the sentence or up to two sentences before, in the same block) keep the certainty
the text gives them, and their reason names the dispute.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronica.attribution.analysis import BlockContext, entity_at, same_entity
from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import subject_of
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
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            prep = lex.blame_verbs.get(tok.lemma_.lower()) or lex.blame_verbs.get(tok.lower_)
            if prep is None:
                continue
            claim = _counter_claim(ctx, tok, prep, lex, block, first_sentence + n)
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
    if obj.lower_ not in lex.incident_nouns and obj.lemma_.lower() not in lex.incident_nouns:
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
        blamed=entity_at(ctx, blamed),
    )


def _pobj(verb: Token, prep: str) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ == prep:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def refers_to(claim: CounterClaim, cand: EventCandidate) -> bool:
    """Is the candidate one of the incidents the counter-claim blames on someone else?"""
    if cand.block != claim.block:
        return False
    if cand.trigger_start <= claim.verb < cand.trigger_end:
        return False
    if cand.trigger_start <= claim.referent < cand.trigger_end:
        return True
    if not claim.sentence_index - WINDOW <= cand.sentence_index <= claim.sentence_index:
        return False
    if cand.sentence_index == claim.sentence_index and cand.trigger_start > claim.verb:
        return False
    if cand.event.plover == "ASSAULT":
        return True
    return claim.blamer is not None and any(
        same_entity(claim.blamer, m.entity) or m.start <= (claim.blamer_head or -1) < m.end
        for m in cand.actor
    )


def is_blame_event(claim: CounterClaim, cand: EventCandidate) -> bool:
    """Is the candidate the ACCUSE event of the blame itself?"""
    return cand.block == claim.block and cand.trigger_start <= claim.verb < cand.trigger_end
