"""The attribution stage: for every event candidate, who claims it, how certain the text is,
whether it was only attempted, planned, threatened or hypothetical, and whether it is negated.

Never pass off a claim as a fact: an event is ``asserted`` only when no reporting frame, hedge
or sentence-wide cue governs it (see docs/attribution.md for the rules and their scope).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronica.attribution.analysis import (
    Analysis,
    BlockContext,
    analyse,
    with_speaker_antecedents,
)
from chronica.attribution.blame import (
    CounterClaim,
    find_counter_claims,
    is_blame_event,
    is_counter_claim,
    refers_to,
)
from chronica.attribution.blamed import find_blames
from chronica.attribution.doers import carry_over, find_sources
from chronica.attribution.followup import (
    Statement,
    find_accusations,
    find_statements,
    first_statement,
    overrides,
)
from chronica.attribution.lexicon import Lexicon, load_lexicon
from chronica.attribution.provenance import find_republication
from chronica.attribution.unclaimed import find_unclaimed, mark_unclaimed
from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import Attribution, AttributionResult, EventCandidate, Mention

__all__ = ["Attributor", "find_republication"]


@dataclass(frozen=True)
class Attributor:
    settings: Settings
    lexicon: Lexicon

    @classmethod
    def from_settings(cls, settings: Settings) -> Attributor:
        return cls(settings, load_lexicon())

    def resolve(
        self,
        parsed: ParsedDocument,
        candidates: Sequence[EventCandidate],
        mentions: Sequence[Mention],
    ) -> list[AttributionResult]:
        """One result per candidate, in order."""
        if not candidates:
            return []
        contexts = with_speaker_antecedents(_contexts(parsed, candidates, mentions), self.lexicon)
        firsts = {b.index: b.first_sentence for b in parsed.blocks}
        blames: list[CounterClaim] = []
        violent_blocks = {c.block for c in candidates if c.event.plover == "ASSAULT"}
        for index, block_ctx in contexts.items():
            if index in violent_blocks:  # a counter-claim blames the blamer's own violent act
                blames += find_counter_claims(block_ctx, index, firsts[index], self.lexicon)
        claims = [c for c in blames if is_counter_claim(c, candidates)]
        disputed = {(c.block, c.referent) for c in claims}
        violent = any(c.event.plover == "ASSAULT" for c in candidates)
        found = (
            find_statements(contexts, firsts, self.lexicon)
            + find_accusations(contexts, firsts, self.lexicon)
            + find_blames(contexts, firsts, self.lexicon)
            if violent
            else []
        )
        # In text order: the nearest statement after an event speaks of it first.
        statements = sorted(
            (s for s in found if (s.block, s.token) not in disputed),
            key=lambda s: (s.sentence_index, s.block, s.token),
        )
        unclaimed = find_unclaimed(contexts, self.lexicon) if violent else []
        results: list[AttributionResult] = []
        for cand in candidates:
            ctx = contexts.get(cand.block)
            if ctx is None:
                results.append(_unplaced(cand))
                continue
            analysis = analyse(ctx, cand, self.lexicon)
            trigger = (
                ctx.doc[cand.trigger_start : cand.trigger_end].text.lower()
                if cand.trigger_start < len(ctx.doc)
                else ""
            )
            statement = first_statement(statements, cand, trigger, self.lexicon)
            analysis = _with_statement(analysis, statement)
            result = _with_counter_claims(analysis, cand, claims)
            if statement is None and unclaimed:
                result = mark_unclaimed(cand, trigger, result, unclaimed, self.lexicon)
            results.append(result)
        sources = find_sources(candidates, results, contexts, self.lexicon)
        return [carry_over(c, r, sources) for c, r in zip(candidates, results, strict=True)]


def _contexts(
    parsed: ParsedDocument, candidates: Sequence[EventCandidate], mentions: Sequence[Mention]
) -> dict[int, BlockContext]:
    """A context for every block of a document with a placed violent candidate (perpetrator
    statements may stand anywhere in the article, before or after the event); otherwise only
    for the blocks with a candidate."""
    placed = {c.block for c in candidates if 0 <= c.block < len(parsed.blocks)}
    violent = any(c.event.plover == "ASSAULT" and c.block in placed for c in candidates)
    wanted = set(range(len(parsed.blocks))) if violent else placed
    by_block: dict[int, list[Mention]] = {b: [] for b in wanted}
    for m in mentions:
        if m.block in by_block:
            by_block[m.block].append(m)
    return {b: BlockContext.of(parsed.blocks[b].doc, by_block[b]) for b in sorted(wanted)}


def _unplaced(cand: EventCandidate) -> AttributionResult:
    return AttributionResult(
        Attribution(negated=cand.negated), "candidate block not in the document: asserted"
    )


def _with_statement(analysis: Analysis, statement: Statement | None) -> Analysis:
    """Apply a follow-up perpetrator statement to an event the text only asserted or reported."""
    if statement is None:
        return analysis
    where = f"sentence {statement.sentence_index + 1} on {statement.text!r}"
    if not overrides(statement, analysis.attribution.certainty):
        if statement.certainty == "denied":
            return Analysis(analysis.attribution, f"{analysis.reason}; denied later ({where})")
        return analysis
    attribution = replace(
        analysis.attribution,
        certainty=statement.certainty,
        cue=statement.cue,
        claimant=statement.claimant or analysis.attribution.claimant,
    )
    reason = f"{statement.certainty} perpetrator, from {where}: {statement.reason}"
    return Analysis(attribution, f"{reason}; text alone: {analysis.reason}")


def _with_counter_claims(
    analysis: Analysis, cand: EventCandidate, claims: Sequence[CounterClaim]
) -> AttributionResult:
    attribution, reason = analysis.attribution, analysis.reason
    for claim in claims:
        if is_blame_event(claim, cand):
            if attribution.certainty == "asserted" and claim.blamer is not None:
                attribution = replace(
                    attribution, certainty="reported", claimant=claim.blamer, cue=claim.verb_text
                )
                reason = (
                    f"reported: the accusation is the counter-claim of {claim.blamer.text!r} "
                    f"(blames {claim.referent_text} on {claim.blamed.text!r})"
                )
        elif refers_to(claim, cand):
            reason = f"{reason}; {claim.note()}"
    return AttributionResult(attribution, reason)
