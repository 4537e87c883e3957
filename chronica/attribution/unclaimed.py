"""Unclaimed attacks: "No group has claimed responsibility for the bombing." The article says
that nobody has taken the act on, so whoever it names as the doer of that incident only by a
description ("terrorists", "gunmen", "unidentified men") or not at all is a presumption, not an
established fact: such an event the text only asserted or reported becomes 'suspected'.

A doer the text identifies (an actor with a dictionary id: "the front", "the cartel") is left
as the text states it; so are claims, accusations and hedges found elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from chronica.attribution.analysis import BlockContext, negated_claim
from chronica.attribution.lexicon import Lexicon
from chronica.records import AttributionResult, EventCandidate

#: How many words after "responsibility" the incident noun may stand ("for [the two car bomb]
#: attacks").
_TO_INCIDENT = 6
_REPLACEABLE = frozenset({"asserted", "reported"})


@dataclass(frozen=True, slots=True)
class Unclaimed:
    """A negated claim of responsibility; ``incident`` is the lower-case incident noun it
    names ("attack", "bombing"), empty when it names none ("so far no one has claimed
    responsibility")."""

    cue: str
    incident: str


def find_unclaimed(contexts: Mapping[int, BlockContext], lex: Lexicon) -> list[Unclaimed]:
    """Every negated claim of responsibility in the given blocks, in text order."""
    out: list[Unclaimed] = []
    stems = tuple(lex.claim_verbs)  # "claimed", "claiming" start with the lemma
    for ctx in contexts.values():
        if lex.responsibility.isdisjoint(ctx.words):
            continue
        for i, word in enumerate(ctx.words):
            if not word.startswith(stems) and word not in lex.responsibility_verbs:
                continue
            tok = ctx.doc[i]
            taking = tok.lemma_.lower() in lex.claim_verbs or tok.lower_ in lex.responsibility_verbs
            if not taking or not negated_claim(tok, tok.sent, lex):
                continue
            out.append(Unclaimed(tok.text, _incident_after(tok, tok.sent, lex)))
    return out


def _incident_after(verb: Token, sent: Span, lex: Lexicon) -> str:
    """The incident noun after "responsibility for", if any."""
    words = [t.text.lower() for t in verb.doc[verb.i + 1 : sent.end]]
    at = next((i for i, w in enumerate(words) if w in lex.responsibility), None)
    if at is None:
        return ""
    for word in words[at + 1 : at + 1 + _TO_INCIDENT]:
        if word in lex.generic_incidents or lex.families(word):
            return word
    return ""


def mark_unclaimed(
    cand: EventCandidate,
    trigger: str,
    result: AttributionResult,
    unclaimed: Sequence[Unclaimed],
    lex: Lexicon,
) -> AttributionResult:
    """The result with 'suspected' certainty when a negated claim speaks of the event's incident,
    the event is violent, its doer is unnamed or only described, and the text only asserted or
    reported it; otherwise the result unchanged. ``trigger`` is the lower-case trigger text."""
    if cand.event.plover != "ASSAULT" or result.attribution.certainty not in _REPLACEABLE:
        return result
    if any(m.entity.id for m in cand.actor):
        return result
    found = next((u for u in unclaimed if _same_incident(u, trigger, lex)), None)
    if found is None:
        return result
    attribution = replace(result.attribution, certainty="suspected", cue=found.cue)
    doers = ", ".join(repr(m.entity.text) for m in cand.actor) or "no doer"
    reason = (
        f"suspected: the article says nobody has claimed responsibility ({found.cue!r}), and "
        f"the event names {doers}; text alone: {result.reason}"
    )
    return AttributionResult(attribution, reason)


def _same_incident(unclaimed: Unclaimed, trigger: str, lex: Lexicon) -> bool:
    words = trigger.split()
    if not unclaimed.incident or unclaimed.incident in lex.generic_incidents:
        return True
    if any(w in lex.generic_incidents for w in words):
        return True
    families = frozenset().union(*(lex.families(w) for w in words))
    return bool(lex.families(unclaimed.incident) & families)
