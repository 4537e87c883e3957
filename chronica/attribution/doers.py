"""Doer carry-over: "Alleged rebels murdered a family. After the killing, the rebels burned
the town hall." The text hedges who the doers are once; a nearby violent act that it asserts
of the same doers (the same entity, or a generic reference of the same side such as "the
rebels", "the soldiers") is only as certain as that identification.

A source is an ASSAULT event whose doer the text itself qualifies: a claimed event (its doer
says it did it; its doers are its actors), or an alleged, suspected or possible event whose
sentence names a doer with a hedge adjective (its doers are those mentions). A report or an
accusation scopes over its own sentence only and is not carried. A target is an ASSAULT event
the text only asserts, with an actor. The nearest source within :data:`WINDOW` sentences wins
(a later one on a tie).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from chronica.attribution.analysis import BlockContext, hedged_doer, same_side
from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import PRONOUNS
from chronica.records import AttributionResult, Certainty, Entity, EventCandidate

#: How many sentences apart a source and a target may stand.
WINDOW = 3
_DOER_CERTAINTIES = frozenset({"claimed", "alleged", "suspected", "possible"})


@dataclass(frozen=True, slots=True)
class DoerSource:
    """An event whose doer the text attributes with some certainty."""

    sentence_index: int
    certainty: Certainty
    doers: tuple[Entity, ...]
    result: AttributionResult


def find_sources(
    candidates: Sequence[EventCandidate],
    results: Sequence[AttributionResult],
    contexts: Mapping[int, BlockContext],
    lex: Lexicon,
) -> list[DoerSource]:
    """Every ASSAULT event whose certainty speaks about its doer."""
    out: list[DoerSource] = []
    for cand, result in zip(candidates, results, strict=True):
        certainty = result.attribution.certainty
        if cand.event.plover != "ASSAULT" or certainty not in _DOER_CERTAINTIES:
            continue
        ctx = contexts.get(cand.block)
        if certainty == "claimed":
            doers = tuple(m.entity for m in cand.actor if _comparable(m.entity))
        else:
            doers = _hedged_mentions(ctx, cand, lex) if ctx is not None else ()
        if doers:
            out.append(DoerSource(cand.sentence_index, certainty, doers, result))
    return out


def _hedged_mentions(ctx: BlockContext, cand: EventCandidate, lex: Lexicon) -> tuple[Entity, ...]:
    """Actor mentions of the event's sentence that a hedge adjective qualifies ("ALLEGED
    SHINING PATH MEMBERS"): the word before the mention, or its first word."""
    doc = ctx.doc
    if not 0 <= cand.trigger_start < len(doc):
        return ()
    sent = doc[cand.trigger_start].sent
    found: list[Entity] = []
    for m in ctx.mentions:
        if not sent.start <= m.start < sent.end or m.entity.sector is None:
            continue
        before = m.start - 1
        while before > sent.start and doc[before].is_space:
            before -= 1
        words = [doc[m.start]] + ([doc[before]] if before >= sent.start else [])
        if any(hedged_doer(w, lex) is not None for w in words):
            found.append(m.entity)
    return tuple(found)


def carry_over(
    cand: EventCandidate, result: AttributionResult, sources: Sequence[DoerSource]
) -> AttributionResult:
    """The result of an asserted violent event whose doer a nearby source identifies only
    with some certainty; otherwise the result unchanged."""
    if (
        cand.event.plover != "ASSAULT"
        or result.attribution.certainty != "asserted"
        or not any(_comparable(m.entity) for m in cand.actor)
    ):
        return result
    near = [
        s
        for s in sources
        if abs(s.sentence_index - cand.sentence_index) <= WINDOW
        and s.result is not result
        and any(
            same_side(m.entity, d) for m in cand.actor if _comparable(m.entity) for d in s.doers
        )
    ]
    if not near:
        return result
    source = min(
        near,
        key=lambda s: (
            abs(s.sentence_index - cand.sentence_index),
            s.sentence_index < cand.sentence_index,
        ),
    )
    src = source.result.attribution
    attribution = replace(
        result.attribution, certainty=source.certainty, cue=src.cue, claimant=src.claimant
    )
    doer = next(d.text for d in source.doers)
    reason = (
        f"{source.certainty} doer {doer!r}, carried over from sentence "
        f"{source.sentence_index + 1} ({source.result.reason}); text alone: {result.reason}"
    )
    return AttributionResult(attribution, reason)


def _comparable(entity: Entity) -> bool:
    """A doer the actors stage resolved (an id or a sector) and named; a pronoun ("they") is
    not compared."""
    return bool(entity.id or entity.sector) and entity.text.lower() not in PRONOUNS
