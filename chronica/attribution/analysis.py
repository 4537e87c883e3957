"""Certainty, claimant, modality and polarity of one event, read off the dependency tree.

The analyser walks from the event trigger up to the sentence root (:func:`syntax.climb`):

* hedges (adverbs, modal auxiliaries, adjectives) count only inside the trigger's own clause;
* a reporting verb or noun counts when the event lies in its complement (ccomp, xcomp, object,
  "of"/"for" phrase); "according to X" counts when it attaches to a clause on the path;
* nested frames keep the outermost speaker as claimant and name the inner ones in the reason;
* the nearest cue decides the certainty, except that a denial anywhere in the chain wins;
* a sentence-wide cue ("suspected", "allegedly", "claims") reaches the other events of its
  sentence unless it clearly scopes elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal, cast

from spacy.tokens import Doc, Span, Token

from chronica.attribution.lexicon import Lexicon
from chronica.attribution.syntax import (
    FRAME_DEPS,
    SUBJECT_DEPS,
    Step,
    agent_of,
    clause_head,
    climb,
    head_of,
    is_passive,
    is_pronoun,
    is_pronoun_text,
    lower_words,
    noun_phrase,
    quote_spans,
    subject_of,
)
from chronica.records import Attribution, Certainty, Entity, EventCandidate, Mention, Modality

CueKind = Literal["hedge", "frame", "according", "quote", "responsibility", "sentence"]

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_FRAME_CERTAINTY: dict[str, Certainty] = {
    "report": "reported",
    "allege": "alleged",
    "admit": "reported",
    "deny": "denied",
    "suspect": "suspected",
    "doubt": "possible",
}
_DOER_CLASSES = frozenset({"report", "allege", "admit"})
_MODALITY_OF: dict[str, Modality] = {
    "attempted": "attempted",
    "failed": "attempted",
    "foiled": "attempted",
    "planned": "planned",
    "threatened": "threatened",
    "hypothetical": "hypothetical",
    "actual": "actual",
}
_SUBORDINATE_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_NOT_ACCOMPLISHED = frozenset({"failed", "foiled"})
_MODALITY_VIA = frozenset({"xcomp", "dobj", "obj", "ccomp", "prep", "pcomp", "pobj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a frame attributes the event to; ``head`` is the token index of the speaker."""

    entity: Entity
    head: int


@dataclass(frozen=True, slots=True)
class Cue:
    """A certainty cue that governs the event, nearest first in analysis order."""

    certainty: Certainty
    word: str
    kind: CueKind
    speaker: Speaker | None
    note: str


@dataclass(frozen=True, slots=True)
class ModalityFinding:
    modality: Modality
    negated: bool
    word: str | None
    note: str


@dataclass(frozen=True)
class BlockContext:
    """What the analyser needs about one block: its parse, its actor mentions, its quotes, the
    lower-case text of every token (word-sequence scans read these instead of creating
    Tokens) and the start of every sentence."""

    doc: Doc
    mentions: Sequence[Mention]
    quotes: Sequence[tuple[int, int]]
    words: Sequence[str]
    sentence_starts: Sequence[int]
    #: Sectors of speaker nouns that refer back to an earlier, described speaker ("A military
    #: source said ... According to the source, ..."), by token index.
    antecedent_sectors: Mapping[int, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    @classmethod
    def of(cls, doc: Doc, mentions: Sequence[Mention]) -> BlockContext:
        words = lower_words(doc)
        starts = tuple(s.start for s in doc.sents)
        return cls(doc, mentions, quote_spans(words), words, starts)


def with_speaker_antecedents(
    contexts: Mapping[int, BlockContext], lex: Lexicon
) -> dict[int, BlockContext]:
    """The contexts, in block order, with every definite speaker noun that names no party
    itself ("the source", "this spokesman") given the sectors of the nearest earlier speaker
    noun of the same word that does ("a military source", "the army spokesman")."""
    last: dict[str, frozenset[str]] = {}
    out: dict[int, BlockContext] = {}
    for index in sorted(contexts):
        ctx = contexts[index]
        found: dict[int, frozenset[str]] = {}
        if not lex.anaphoric_speakers.isdisjoint(ctx.words):
            for i, word in enumerate(ctx.words):
                if word not in lex.anaphoric_speakers:
                    continue
                tok = ctx.doc[i]
                key = tok.lemma_.lower()
                own = speaker_sectors(ctx, Speaker(entity_at(ctx, tok), tok.i))
                if own:
                    last[key] = own
                elif key in last and _definite(tok):
                    found[tok.i] = last[key]
        out[index] = replace(ctx, antecedent_sectors=MappingProxyType(found)) if found else ctx
    return out


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "same"})


# --------------------------------------------------------------------------- entities


def entity_at(ctx: BlockContext, head: Token) -> Entity:
    """The resolved entity of the mention covering ``head``, else the noun phrase as written."""
    best: Mention | None = None
    for m in ctx.mentions:
        if m.start <= head.i < m.end and (best is None or m.end - m.start > best.end - best.start):
            best = m
    if best is not None:
        return best.entity
    start, end = noun_phrase(head)
    return Entity(text=ctx.doc[start:end].text)


def _speaker_head(tok: Token, lex: Lexicon) -> Token:
    """ "The army's statement" and "a statement by the army" name the army."""
    if tok.text.lower() not in lex.speech_nouns and tok.lemma_.lower() not in lex.speech_nouns:
        return tok
    for c in tok.children:
        if c.dep_ in {"poss", "compound", "nmod"} and c.pos_ in _NOMINAL | {"PRON"}:
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.text.lower() in {"by", "from", "of"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    for c in tok.children:
        # "a report issued by the army", "a statement released by the police"
        agent = agent_of(c) if c.dep_ == "acl" and c.tag_ == "VBN" else None
        if agent is not None:
            return agent
    return tok


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its relative clause modifies."""
    if tok.text.lower() not in _RELATIVE:
        return tok
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc.head
    return tok


def _speaker(ctx: BlockContext, tok: Token | None, lex: Lexicon) -> Speaker | None:
    if tok is None:
        return None
    head = _modifier_speaker(ctx, _speaker_head(_antecedent(tok), lex))
    return Speaker(entity_at(ctx, head), head.i)


def _covered(ctx: BlockContext, tok: Token) -> bool:
    return any(m.start <= tok.i < m.end for m in ctx.mentions)


def _modifier_speaker(ctx: BlockContext, head: Token) -> Token:
    """ "Official reports", "military sources": when no actor mention covers the speaker noun,
    an actor word modifying it names the speaker."""
    if _covered(ctx, head):
        return head
    for c in head.children:
        if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i < head.i and _covered(ctx, c):
            return c
    return head


def _verb_speaker(ctx: BlockContext, verb: Token, lex: Lexicon) -> Speaker | None:
    """The subject of a reporting verb, or the ``by`` agent when it is passive."""
    if is_passive(verb):
        return _speaker(ctx, agent_of(verb), lex)
    return _speaker(ctx, subject_of(verb), lex)


def same_side(a: Entity, b: Entity) -> bool:
    """The same entity, or a generic agent ("guerrillas", "soldiers": no id) of the same sector
    and a compatible country as the other; an unresolved pronoun is no agent."""
    if same_entity(a, b):
        return True
    if (a.id and b.id) or _bare_pronoun(a) or _bare_pronoun(b):
        return False
    if not a.sector or a.sector != b.sector:
        return False
    return not (a.country and b.country and a.country != b.country)


def _bare_pronoun(entity: Entity) -> bool:
    """A pronoun the actors stage did not resolve to an antecedent."""
    return is_pronoun_text(entity.text) and not entity.name


def same_entity(a: Entity, b: Entity) -> bool:
    if a.id and b.id:
        return a.id == b.id
    names_a = {x.lower() for x in (a.name, a.text) if x}
    names_b = {x.lower() for x in (b.name, b.text) if x}
    return bool(names_a & names_b)


def _is_doer(
    ctx: BlockContext,
    speaker: Speaker,
    frame: Token,
    trigger: Token,
    cand: EventCandidate,
    lex: Lexicon,
) -> bool:
    """True when the speaker is the event's own actor ("the FMLN said it attacked"). A document
    ("the report adds that ...") speaks for someone and never does the act itself."""
    head = ctx.doc[speaker.head]
    if head.text.lower() in lex.frame_nouns or head.lemma_.lower() in lex.frame_nouns:
        return False
    if any(same_entity(speaker.entity, m.entity) for m in cand.actor):
        return True
    if any(m.start <= speaker.head < m.end for m in cand.actor):
        return True
    if _own_forces(ctx, speaker, cand, lex) or _own_units(speaker, cand):
        return True
    event_verb = _event_verb(trigger, lex)
    verb = _own_verb(event_verb, frame) if event_verb is not None else None
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        # "claimed to have attacked": the complement borrows the speaker as subject.
        return verb.dep_ == "xcomp" and not cand.actor
    if subject.dep_ == "nsubjpass":
        # "told the police that he had not been mistreated": the speaker underwent the act.
        return False
    if subject.i == speaker.head:
        return True
    if is_pronoun(subject) and not _agrees(subject, ctx.doc[speaker.head]):
        # "the prosecutors alleged that she had committed a crime": not the speaker.
        return False
    if any(c.dep_ == "poss" and is_pronoun(c) for c in subject.children) and not cand.actor:
        # "the army said its troops killed": the speaker's own forces.
        return True
    if is_pronoun(subject) and not _complement_of(verb, frame):
        # "said the situation is worrying because it cannot take more violence": a pronoun in
        # a subordinate clause need not stand for the speaker.
        return False
    if is_pronoun(subject) and not cand.actor:
        return True
    if is_pronoun(subject) and any(m.start <= subject.i < m.end for m in cand.actor):
        return True
    speaker_tok = ctx.doc[speaker.head]
    return subject.lemma_.lower() == speaker_tok.lemma_.lower() and subject.pos_ in _NOMINAL


_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "him", "her", "his", "its"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _agrees(pronoun: Token, speaker: Token) -> bool:
    """Can the pronoun stand for the speaker? A singular pronoun ("she", "it") cannot stand for
    a plural noun ("the prosecutors"); anything else may."""
    return not (pronoun.text.lower() in _SINGULAR_PRONOUNS and speaker.tag_ in _PLURAL_TAGS)


def _complement_of(verb: Token, frame: Token) -> bool:
    """Is the verb the frame's own complement ("said [that] it attacked", "said it attacked
    and burned"), not a clause inside it?"""
    tok = verb
    while tok.i != frame.i:
        if tok.dep_ not in {"ccomp", "xcomp", "conj", "dobj", "obj", "pcomp", "prep", "pobj"}:
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _own_forces(ctx: BlockContext, speaker: Speaker, cand: EventCandidate, lex: Lexicon) -> bool:
    """ "The army said soldiers fired on the car": a state organ speaking of an act of its own
    sector (army and soldiers, police and officers) speaks of its own forces."""
    sectors = speaker_sectors(ctx, speaker) & lex.authority_sectors
    if not sectors or not cand.actor:
        return False
    countries = {m.entity.country for m in cand.actor if m.entity.country}
    if speaker.entity.country and countries - {speaker.entity.country}:
        return False
    return all((m.entity.sector or "").lower() in sectors for m in cand.actor)


def _own_units(speaker: Speaker, cand: EventCandidate) -> bool:
    """ "The front reports that urban commando units attacked": a named group speaking of
    generic agents of its own sector (units, columns, commandos) speaks of its own forces."""
    entity = speaker.entity
    if not (entity.id and entity.sector) or not cand.actor:
        return False
    return all(not m.entity.id and same_side(entity, m.entity) for m in cand.actor)


def _own_verb(trigger: Token, frame: Token) -> Token | None:
    """The verb nearest the trigger below the frame that has a subject, or the last infinitive
    below the frame (whose subject is the frame's)."""
    tok = trigger
    last: Token | None = None
    while tok.i != frame.i:
        if tok.pos_ in _VERBAL:
            last = tok
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
                return tok
        elif last is not None and tok.pos_ in _NOMINAL:
            # "agrees with the decision to prosecute the soldiers": the infinitive belongs to
            # the noun, and the subject of the verb above is not its doer.
            return last
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return last


# --------------------------------------------------------------------------- certainty cues


def _hedges_at(ctx: BlockContext, tok: Token, is_trigger: bool, lex: Lexicon) -> list[Cue]:
    """Hedges attached to a token of the trigger's own clause."""
    cues: list[Cue] = []
    for c in tok.children:
        low = c.text.lower()
        certainty = lex.hedge_adverbs.get(low)
        if certainty is not None:
            cues.append(Cue(certainty, c.text, "hedge", None, f"adverb {c.text!r} on {tok.text!r}"))
            continue
        if c.dep_ == "mark" and low in lex.hedge_marks and tok.pos_ in _VERBAL:
            note = f"{c.text!r} makes {tok.text!r} an open question"
            cues.append(Cue(lex.hedge_marks[low], c.text, "hedge", None, note))
            continue
        if c.dep_ == "aux" and low in lex.hedge_modals:
            modal = lex.hedge_modals[low]
            cues.append(Cue(modal, c.text, "hedge", None, f"modal {c.text!r} on {tok.text!r}"))
            continue
        if c.dep_ == "amod" and tok.pos_ in _NOMINAL and low in lex.hedge_adjectives:
            adj = lex.hedge_adjectives[low]
            cues.append(Cue(adj, c.text, "hedge", None, f"{c.text!r} modifies {tok.text!r}"))
            continue
        if c.dep_ in {"nsubj", "csubj"} or (is_trigger and c.dep_ == "agent"):
            cues.extend(_actor_hedges(c, lex))
        elif is_trigger and c.dep_ == "acl" and tok.pos_ in _NOMINAL and _is(c, lex.support):
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            if agent is not None:
                cues.extend(_actor_hedges(agent, lex))
    return cues


def _actor_hedges(subject: Token, lex: Lexicon) -> list[Cue]:
    """ "Suspected rebels attacked": a hedge on the doer hedges the event. Adverbs inside the
    subject phrase are parse slips of clause adverbs (common in upper-case copy)."""
    cues: list[Cue] = []
    for t in subject.subtree:
        low = t.text.lower()
        if _inside_clause(t, subject):
            continue
        if low in lex.hedge_adverbs:
            certainty = lex.hedge_adverbs[low]
            cues.append(Cue(certainty, t.text, "hedge", None, f"adverb {t.text!r} in the clause"))
        elif t.dep_ in {"amod", "compound"} and low in lex.hedge_adjectives:
            certainty = lex.hedge_adjectives[low]
            cues.append(
                Cue(
                    certainty,
                    t.text,
                    "hedge",
                    None,
                    f"{t.text!r} qualifies the doer {subject.text!r}",
                )
            )
    return cues


def _inside_clause(tok: Token, top: Token) -> bool:
    """Is ``tok`` inside a relative clause, participle or apposition below ``top``?"""
    while tok.i != top.i:
        if tok.dep_ in {"relcl", "acl", "appos", "advcl", "ccomp"}:
            return True
        tok = tok.head
    return False


def _according(ctx: BlockContext, tok: Token, lex: Lexicon) -> list[Cue]:
    cues: list[Cue] = []
    for c in tok.children:
        if c.text.lower() not in lex.according:
            continue
        source = _according_source(c)
        speaker = _speaker(ctx, source, lex)
        who = f" {speaker.entity.text!r}" if speaker else ""
        cues.append(Cue("reported", "according to", "according", speaker, f"according to{who}"))
    return cues


def _according_source(according: Token) -> Token | None:
    for to in according.children:
        if to.text.lower() == "to":
            for g in to.children:
                if g.dep_ == "pobj":
                    return g
    doc = according.doc
    for t in doc[according.i + 1 : min(len(doc), according.i + 8)]:
        if t.pos_ in _NOMINAL | {"PRON"}:
            return clause_noun(t)
    return None


def clause_noun(tok: Token) -> Token:
    """The head of the noun phrase a token belongs to."""
    while tok.dep_ in {"compound", "amod", "nmod", "flat", "det"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _frame_at(
    ctx: BlockContext, step: Step, trigger: Token, cand: EventCandidate, lex: Lexicon
) -> Cue | None:
    """A reporting verb or noun at ``step.token`` whose complement holds the event."""
    tok = step.token
    if step.via == "nsubjpass" and is_passive(tok):
        # "The bombing was blamed on X": the event is the subject of a passive accusation.
        passive = lex.passive_verbs.get(tok.lemma_.lower()) or lex.passive_verbs.get(
            tok.text.lower()
        )
        if passive is None or step.child.i != trigger.i:
            return None
        speaker = _speaker(ctx, agent_of(tok), lex)
        return Cue(passive, tok.text, "frame", speaker, f"the event is {tok.text!r} (passive)")
    if step.via not in FRAME_DEPS:
        return None
    if tok.pos_ == "ADJ" and step.via == "prep" and tok.lemma_.lower() in lex.responsible:
        held = subject_of(tok.head) if tok.dep_ in {"acomp", "oprd"} else None
        who = f" on {held.text!r}" if held is not None else ""
        return Cue("alleged", tok.text, "frame", None, f"{tok.text!r} pins it{who}")
    if tok.pos_ in _NOMINAL and not _verb_tagged_noun(tok, step, lex):
        cls = lex.frame_nouns.get(tok.text.lower()) or lex.frame_nouns.get(tok.lemma_.lower())
        if cls is None or step.via not in {"acl", "ccomp", "prep"} or _idiom_noun(tok):
            return None
        speaker = _noun_speaker(ctx, tok, lex)
        who = f" by {speaker.entity.text!r}" if speaker else ""
        return Cue(
            _FRAME_CERTAINTY[cls], tok.text, "frame", speaker, f"{tok.text!r}{who} frames it"
        )
    copula = _copula_frame(ctx, step, lex)
    if copula is not None:
        return copula
    if negated_claim(tok, None, lex):
        # "No group has claimed responsibility for the attack": nobody takes the act on.
        return None
    responsibility = _responsibility(ctx, step, lex)
    if responsibility is not None:
        return responsibility
    cls = lex.frame_verbs.get(tok.lemma_.lower()) or lex.frame_verbs.get(tok.text.lower())
    if cls is None:
        return None
    if cls == "allege" and any(c.dep_ == "neg" for c in tok.children):
        # "police did not blame the cartel for the attack": nobody is accused.
        return None
    if cls == "deny" and step.via == "prep" and step.child.lower_ == "for":
        # "repudiated the front for its attacks": a condemnation, which takes the act as given.
        return None
    if cls == "deny" and _only_mentioned(trigger, tok, lex):
        # "denied that the trip is linked to the assassination": the link is denied, and the
        # assassination is taken as given.
        return None
    if step.via not in {"ccomp", "xcomp"} and _is(tok, lex.clause_frames):
        # "fearing new attacks" (a future act), "maintained the operation after the attack":
        # these verbs frame an event only through a clause.
        return None
    if is_passive(tok):
        passive = lex.passive_verbs.get(tok.lemma_.lower()) or lex.passive_verbs.get(
            tok.text.lower()
        )
        speaker = _speaker(ctx, agent_of(tok), lex)
        who = f" by {speaker.entity.text!r}" if speaker else ""
        certainty = passive or _FRAME_CERTAINTY[cls]
        note = f"passive {tok.text!r}{who} frames it"
        open_word = _unasserted_frame(tok, lex) if cls in {"report", "allege"} else None
        if open_word is not None:
            return Cue("possible", tok.text, "frame", speaker, f"{note}; frame under {open_word!r}")
        return Cue(certainty, tok.text, "frame", speaker, note)
    speaker = _verb_speaker(ctx, tok, lex)
    certainty = _FRAME_CERTAINTY[cls]
    who = f" by {speaker.entity.text!r}" if speaker else ""
    note = f"{tok.text!r}{who} frames it ({step.via})"
    open_word = _unasserted_frame(tok, lex) if cls in {"report", "allege"} else None
    if open_word is not None:
        # "if it is confirmed that", "did not say whether": nobody asserts the event.
        return Cue("possible", tok.text, "frame", speaker, f"{note}; frame under {open_word!r}")
    if (
        cls in _DOER_CLASSES
        and speaker is not None
        and _is_doer(ctx, speaker, tok, trigger, cand, lex)
    ):
        return Cue("claimed", tok.text, "frame", speaker, note + "; the speaker is the doer")
    takes_on = tok.lemma_.lower() in lex.claim_verbs or tok.text.lower() in lex.claim_verbs
    if takes_on and step.via in {"dobj", "obj"} and step.child.i == trigger.i:
        # "The front claimed the attack": claiming an act is taking it on.
        return Cue("claimed", tok.text, "frame", speaker, f"{tok.text!r}{who} takes the act on")
    if cls == "report" and tok.tag_ in {"VBZ", "VBP"} and tok.lemma_.lower() in lex.contested:
        # Headline style "X says Y did": a present-tense position of a party, not a report.
        return Cue("alleged", tok.text, "frame", speaker, note + "; present-tense position")
    return Cue(certainty, tok.text, "frame", speaker, note)


def _idiom_noun(noun: Token) -> bool:
    """A frame noun in a bare "in" phrase is an idiom, not a frame ("the colonel in charge of
    the operation")."""
    return (
        noun.dep_ == "pobj"
        and noun.head.text.lower() == "in"
        and not any(c.dep_ in {"det", "poss"} for c in noun.children)
    )


_COPULA = frozenset({"be", "is", "was", "are", "were", "been", "being"})


def _copula_frame(ctx: BlockContext, step: Step, lex: Lexicon) -> Cue | None:
    """ "IT IS CONFIRMED / BELIEVED / REPORTED THAT ...": the tagger often reads the participle
    of an impersonal passive frame as an adjective complement of "is"."""
    tok = step.token
    if step.via != "ccomp" or tok.pos_ not in _VERBAL or tok.text.lower() not in _COPULA:
        return None
    for c in tok.children:
        low = c.text.lower()
        if c.dep_ not in {"acomp", "attr", "oprd"} or (
            low not in lex.passive_verbs and low not in lex.frame_verbs
        ):
            continue
        certainty = lex.passive_verbs.get(low) or _FRAME_CERTAINTY[lex.frame_verbs[low]]
        note = f"impersonal {tok.text} {c.text!r} frames it"
        open_word = _unasserted_frame(tok, lex)
        if open_word is not None:
            return Cue("possible", c.text, "frame", None, f"{note}; frame under {open_word!r}")
        return Cue(certainty, c.text, "frame", None, note)
    return None


def negated_claim(verb: Token, sent: Span | None, lex: Lexicon) -> bool:
    """A responsibility verb that is negated ("has not claimed", "no group claimed", "neither
    X nor Y claimed"): a negation word before it in its clause, or on it. ``sent`` is the
    verb's sentence (None: look it up)."""
    low = verb.text.lower()
    if low not in lex.frame_verbs and low not in lex.responsibility_verbs:
        return False
    sent = sent if sent is not None else verb.sent
    if not any(
        t.text.lower() in lex.responsibility
        for t in verb.doc[verb.i + 1 : min(sent.end, verb.i + 1 + _SURFACE_GAP)]
    ):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for t in reversed(verb.doc[sent.start : verb.i]):
        if t.text.lower() in _CLAUSE_BREAKS:
            return False
        if t.text.lower() in lex.negation:
            return True
    return False


def _only_mentioned(trigger: Token, frame: Token, lex: Lexicon) -> bool:
    """Is an event noun only an argument of another predicate below the frame ("is linked to
    the assassination"), not the proposition itself ("that the attack took place")?"""
    if trigger.pos_ not in _NOMINAL:
        return False
    tok = trigger.head
    while tok.i != frame.i and tok.head.i != tok.i:
        if tok.pos_ in _VERBAL and not (_is(tok, lex.support) or _is(tok, lex.occurrence)):
            return True
        tok = tok.head
    return False


def _claims_lives(verb: Token, lex: Lexicon) -> bool:
    """ "The attack claimed the lives of two judges": "claim" of a death toll is no claim."""
    after = verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 1 + _SURFACE_GAP)]
    return any(t.text.lower() in lex.toll_nouns for t in after)


def _unasserted_frame(verb: Token, lex: Lexicon) -> str | None:
    """The condition mark, or the negation of a verb of confirmation, that keeps a reporting
    verb from asserting anything ("if it is confirmed that ...", "police did not confirm
    that ..."; "the group did not announce the kidnapping" still reports it)."""
    for c in verb.children:
        low = c.text.lower()
        if c.dep_ == "mark" and (low in lex.condition_marks or low in lex.hedge_marks):
            return c.text
        if c.dep_ == "neg" and _is(verb, lex.confirm_verbs):
            return c.text
    return None


def _verb_tagged_noun(tok: Token, step: Step, lex: Lexicon) -> bool:
    """ "OFFICIAL SOURCES ADDED THAT ...": a reporting-verb form with a subject and a clause
    complement is a verb, whatever the tagger says (upper-case copy)."""
    low = tok.text.lower()
    return (
        step.via == "ccomp"
        and low in lex.frame_verbs
        and low not in lex.frame_nouns
        and any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def _responsibility(ctx: BlockContext, step: Step, lex: Lexicon) -> Cue | None:
    """ "X claimed/denied/took responsibility for the attack"."""
    tok = step.token
    obj = next(
        (
            c
            for c in tok.children
            if c.dep_ in {"dobj", "obj"} and c.text.lower() in lex.responsibility
        ),
        None,
    )
    if obj is None:
        return None
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    cls = lex.frame_verbs.get(lemma) or lex.frame_verbs.get(low)
    if (
        cls is None
        and lemma not in lex.responsibility_verbs
        and low not in lex.responsibility_verbs
    ):
        return None
    speaker = _verb_speaker(ctx, tok, lex)
    who = f" {speaker.entity.text!r}" if speaker else ""
    phrase = f"{tok.text} {obj.text}"
    if cls == "deny":
        return Cue(
            "denied",
            phrase,
            "responsibility",
            speaker,
            f"{who.strip() or 'the doer'} {phrase.lower()}",
        )
    return Cue(
        "claimed",
        phrase,
        "responsibility",
        speaker,
        f"{who.strip() or 'the doer'} {phrase.lower()}",
    )


#: How far (in tokens) "claimed ... responsibility ... for" may be spread by words such as
#: "full", "today" or "the": the surface pattern for parses that miss the frame.
_SURFACE_GAP = 3
#: How far (in tokens) an accusation verb may stand before its "for"/"of" ("blamed the
#: Red Hand Front guerrillas for").
_ACCUSED_GAP = 8
_CLAUSE_BREAKS = frozenset({";", "but", "while", "whereas", "although"})
_ACCUSING_PREPS = frozenset({"for", "of"})


def _surface_responsibility(
    ctx: BlockContext, trigger: Token, sent: Span, lex: Lexicon
) -> Cue | None:
    """Frames read off the word sequence when the parse misses them (upper-case wire copy), the
    trigger coming after the frame's "for"/"of" with no clause break between:

    * "X CLAIMED RESPONSIBILITY TODAY FOR DETONATING A BOMB" (claim/admit/deny/take verb,
      responsibility noun, "for"): claimed, or denied;
    * "X BLAMED THE FRONT FOR THE ATTACK", "ACCUSED THE ARMY OF THE MASSACRE", "HOLD THE
      COLONEL RESPONSIBLE FOR THE BOMBING", "THE ARMY IS RESPONSIBLE FOR THE KILLINGS":
      alleged.

    The frame nearest before the trigger decides."""
    for tok in reversed(ctx.doc[sent.start : trigger.i]):
        low = tok.text.lower()
        if low in lex.responsibility:
            verb = _surface_verb(ctx.doc, tok, sent, lex)
            prep = _prep_between(ctx.doc, tok.i + 1, tok.i + 1 + _SURFACE_GAP, trigger, {"for"})
            if verb is None or prep is None:
                continue
            denied = lex.frame_verbs.get(verb.text.lower()) == "deny"
            if negated_claim(verb, sent, lex):
                return None
            speaker = surface_subject(ctx, verb, sent)
            who = speaker.entity.text if speaker else "the doer"
            phrase = f"{verb.text} {tok.text} {prep.text}"
            note = f"{who!r} {phrase.lower()} (word sequence)"
            return Cue("denied" if denied else "claimed", phrase, "responsibility", speaker, note)
        accusing = low in lex.accusing_verbs
        if accusing and _not_accusing(ctx.words, tok.i, sent.start, lex):
            continue
        if accusing or low in lex.responsible:
            gap = _ACCUSED_GAP if accusing else _SURFACE_GAP
            preps = _ACCUSING_PREPS if accusing else {"for"}
            prep = _prep_between(ctx.doc, tok.i + 1, tok.i + 1 + gap, trigger, preps)
            if prep is None:
                continue
            speaker = surface_subject(ctx, tok, sent) if accusing else None
            who = f" by {speaker.entity.text!r}" if speaker else ""
            note = f"{tok.text!r} ... {prep.text!r}{who} (word sequence)"
            return Cue("alleged", tok.text, "sentence", speaker, note)
    return None


#: Words that make an accusing word a noun ("in charge of", "the charges", "no blame").
NOUN_MARKERS = frozenset({"in", "the", "a", "an", "no", "any", "of", "its", "their", "new"})


def _not_accusing(words: Sequence[str], i: int, start: int, lex: Lexicon) -> bool:
    """Is the accusing word at ``i`` a noun ("in charge of the operation") or negated ("did not
    blame X for", up to three words before it in its sentence)?"""
    if i > start and words[i - 1] in NOUN_MARKERS:
        return True
    return any(w in lex.negation for w in words[max(start, i - 3) : i])


#: How far (in tokens) after the event noun its "for which" / "which" may stand, and how far
#: after that the relative clause's frame word.
_RELATIVE_GAP = 3
_RELATIVE_SPAN = 8


def _surface_relative(ctx: BlockContext, trigger: Token, sent: Span, lex: Lexicon) -> Cue | None:
    """ "THE MASSACRE--FOR WHICH THEY HOLD THE ARMY RESPONSIBLE--OF 80 PEOPLE", "THE BOMBING,
    WHICH THE FRONT CLAIMED": a relative clause right after the event noun that pins the act
    on someone (alleged), claims it (claimed) or denies it (denied), read off the word
    sequence when the parse misses it."""
    if trigger.pos_ not in _NOMINAL:
        return None
    doc = ctx.doc
    stop = min(sent.end, trigger.i + 1 + _RELATIVE_GAP)
    which = next((t for t in doc[trigger.i + 1 : stop] if t.text.lower() in _RELATIVE), None)
    if which is None:
        return None
    clause = doc[which.i + 1 : min(sent.end, which.i + 1 + _RELATIVE_SPAN)]
    for tok in clause:
        low = tok.text.lower()
        if low in _CLAUSE_BREAKS or low in {"--", ";"}:
            return None
        cls = lex.frame_verbs.get(low)
        owns = low in lex.responsibility
        if not owns and low not in lex.responsible and cls not in {"allege", "deny", "admit"}:
            continue
        if tok.i == which.i + 1:
            # "attacks that claimed the lives of ...": the event is the subject, not the object.
            return None
        if negated_claim(tok, sent, lex) or any(t.text.lower() in lex.negation for t in clause):
            return None
        speaker = surface_subject(ctx, tok, sent)
        note = f"relative clause {which.text!r} ... {tok.text!r} on the event (word sequence)"
        if cls == "deny":
            return Cue("denied", tok.text, "frame", speaker, note)
        if owns or cls == "admit" or low in lex.claim_verbs or low.startswith("claim"):
            return Cue("claimed", tok.text, "frame", speaker, note)
        return Cue("alleged", tok.text, "frame", speaker, note)
    return None


def _surface_noun_frame(ctx: BlockContext, trigger: Token, sent: Span, lex: Lexicon) -> Cue | None:
    """ "THE POSSIBILITY THAT THE FRONT STAGED THE KILLING", "REPORTS THAT TROOPS FIRED": a
    frame noun followed by "that", before the event in its sentence with no clause break or
    other frame between (word sequence, when the parse misses the noun's clause)."""
    doc, words = ctx.doc, ctx.words
    for i in range(trigger.i - 1, sent.start - 1, -1):
        low = words[i]
        if low in _CLAUSE_BREAKS or (low in lex.frame_verbs and doc[i].pos_ in _VERBAL):
            return None
        if i + 1 >= trigger.i or words[i + 1] != "that":
            continue
        tok = doc[i]
        cls = lex.frame_nouns.get(low) or lex.frame_nouns.get(tok.lemma_.lower())
        if cls is None and low.endswith("s"):
            cls = lex.frame_nouns.get(low[:-1])
        if cls is None:
            continue
        speaker = _noun_speaker(ctx, tok, lex)
        note = f"{tok.text!r} that ... frames it (word sequence)"
        return Cue(_FRAME_CERTAINTY[cls], tok.text, "frame", speaker, note)
    return None


#: How many words (adverbs of time, "to the press") may stand between a reporting verb and
#: its "that".
_THAT_GAP = 3


def _surface_that_frame(
    ctx: BlockContext, trigger: Token, sent: Span, cand: EventCandidate, lex: Lexicon
) -> Cue | None:
    """ "THE FRONT REPORTS THAT ... ITS COLUMNS STAGED ATTACKS", "POLICE SAID TODAY THAT":
    a reporting verb followed by "that" before the event, with no clause break between, frames
    it even when the parse hangs the event elsewhere (upper-case copy often makes the clause a
    conjunct of the verb). The nearest such verb decides; a speaker who is the doer claims."""
    doc, words = ctx.doc, ctx.words
    for i in range(trigger.i - 1, sent.start - 1, -1):
        low = words[i]
        if low in _CLAUSE_BREAKS:
            return None
        cls = lex.frame_verbs.get(low)
        if cls is None:
            continue
        tok = doc[i]
        if _read_by_walk(tok, trigger):
            # The tree walk already read this frame (and found it does not govern the event:
            # "denied that the trip was linked to the assassination").
            return None
        if tok.pos_ in _NOMINAL and tok.dep_ not in {"ROOT", "conj"}:
            continue
        that = next(
            (j for j in range(i + 1, min(trigger.i, i + 2 + _THAT_GAP)) if words[j] == "that"), None
        )
        if that is None or any(w in {",", ";", "--"} for w in words[i + 1 : that]):
            continue
        if cls in {"report", "allege"} and _unasserted_frame(tok, lex) is not None:
            return None
        speaker = _verb_speaker(ctx, tok, lex) if tok.pos_ in _VERBAL else None
        speaker = speaker or surface_subject(ctx, tok, sent)
        who = f" by {speaker.entity.text!r}" if speaker else ""
        note = f"{tok.text!r}{who} ... 'that' frames it (word sequence)"
        if (
            cls in _DOER_CLASSES
            and speaker is not None
            and _is_doer(ctx, speaker, tok, trigger, cand, lex)
        ):
            return Cue("claimed", tok.text, "frame", speaker, note + "; the speaker is the doer")
        return Cue(_FRAME_CERTAINTY[cls], tok.text, "frame", speaker, note)
    return None


def _read_by_walk(frame: Token, trigger: Token) -> bool:
    """Does the trigger's path reach the frame through one of its complements (not through a
    conjunct or a loose attachment the parser made of the clause)?"""
    below = next((a for a in trigger.ancestors if a.head.i == frame.i and a.i != frame.i), None)
    if below is None and trigger.head.i == frame.i:
        below = trigger
    return below is not None and below.dep_ in FRAME_DEPS


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _prep_between(
    doc: Doc, start: int, end: int, trigger: Token, preps: set[str] | frozenset[str]
) -> Token | None:
    """The first of ``preps`` in ``doc[start:end]`` before the trigger, with no clause break
    from it to the trigger."""
    prep = next((t for t in doc[start : min(end, trigger.i)] if t.text.lower() in preps), None)
    if prep is None or any(t.text.lower() in _CLAUSE_BREAKS for t in doc[prep.i : trigger.i]):
        return None
    if any(t.tag_ in _FINITE for t in doc[prep.i + 1 : trigger.i]):
        # "charged with the killing of six priests were arrested": the trigger is the
        # predicate of another clause, not what the frame speaks of.
        return None
    return prep


def _surface_verb(doc: Doc, noun: Token, sent: Span, lex: Lexicon) -> Token | None:
    """The claim/admit/deny/take verb up to :data:`_SURFACE_GAP` words before the noun."""
    for t in reversed(doc[max(sent.start, noun.i - _SURFACE_GAP) : noun.i]):
        low = t.text.lower()
        if lex.frame_verbs.get(low) in {"allege", "admit", "deny"} and (
            low.startswith(tuple(lex.claim_verbs)) or lex.frame_verbs.get(low) != "allege"
        ):
            return t
        if low in lex.responsibility_verbs:
            return t
    return None


def surface_subject(ctx: BlockContext, verb: Token, sent: Span) -> Speaker | None:
    """The actor mention nearest before the verb in its sentence, as the speaker (pronouns
    such as a relative "which" are skipped)."""
    before = [
        m
        for m in ctx.mentions
        if sent.start <= m.start and m.end <= verb.i and not is_pronoun(ctx.doc[m.start])
    ]
    if not before:
        return None
    m = max(before, key=lambda x: x.end)
    return Speaker(m.entity, m.end - 1)


#: How far (in tokens) after the trigger "apparently by X" may stand.
_AGENT_GAP = 20
#: How far (in tokens) an arrest word may stand before its "for"/"in connection with".
_ARREST_GAP = 12
_ARREST_PREPS = frozenset({"for", "over"})


def _surface_agent_hedge(ctx: BlockContext, trigger: Token, sent: Span, lex: Lexicon) -> Cue | None:
    """ "X WAS KILLED ON 1 AUGUST, APPARENTLY BY RIGHTIST GROUPS": a hedge adverb right before
    the "by" phrase that names the doer, read off the word sequence after the trigger."""
    doc, words = ctx.doc, ctx.words
    end = min(sent.end, trigger.i + 1 + _AGENT_GAP)
    for i in range(trigger.i + 1, end):
        low = words[i]
        if low in _CLAUSE_BREAKS:
            return None
        if low != "by" or i == 0:
            continue
        tok = doc[i]
        adverb = doc[tok.i - 1]
        certainty = lex.hedge_adverbs.get(adverb.text.lower())
        if certainty is not None:
            note = f"{adverb.text!r} on the doer ('{adverb.text} {tok.text}', word sequence)"
            return Cue(certainty, adverb.text, "hedge", None, note)
        adjective = _after_determiner(doc, tok.i + 1, sent.end)
        hedge = lex.hedge_adjectives.get(adjective.text.lower()) if adjective else None
        if adjective is not None and hedge in {"alleged", "suspected", "possible"}:
            note = f"{adjective.text!r} on the doer ('{tok.text} {adjective.text}', word sequence)"
            return Cue(hedge, adjective.text, "hedge", None, note)
    return None


def _after_determiner(doc: Doc, i: int, end: int) -> Token | None:
    """The first non-space word at ``i`` or after a determiner there."""
    while i < end and (doc[i].is_space or doc[i].dep_ == "det" or doc[i].tag_ == "DT"):
        i += 1
    return doc[i] if i < end else None


def _surface_arrest(ctx: BlockContext, trigger: Token, sent: Span, lex: Lexicon) -> Cue | None:
    """ "THREE MEN WERE ARRESTED IN CONNECTION WITH THE ATTACK", "POLICE DETAINED TWO SOLDIERS
    OVER THE KILLING": the arrested are suspects, so the doer of the act is suspected. The
    act follows "in connection with" / "for" / "over" / "on suspicion of" (word sequence)."""
    doc = ctx.doc
    start, _ = noun_phrase(trigger) if trigger.pos_ in _NOMINAL else (trigger.i, trigger.i)
    i = start - 1
    while i > sent.start and (doc[i].dep_ == "det" or doc[i].pos_ == "DET"):
        i -= 1
    if i <= sent.start:
        return None
    low = doc[i].text.lower()
    linked = low in _ARREST_PREPS or (
        low in {"with", "of"} and doc[i - 1].text.lower() in {"connection", "suspicion"}
    )
    if not linked:
        return None
    for tok in reversed(doc[max(sent.start, i - _ARREST_GAP) : i]):
        if tok.text.lower() in _CLAUSE_BREAKS:
            return None
        if tok.text.lower() in lex.arrest_words or tok.lemma_.lower() in lex.arrest_words:
            speaker = surface_subject(ctx, tok, sent) if tok.pos_ in _VERBAL else None
            note = f"{tok.text!r} ... {doc[i].text!r}: the arrested are suspects (word sequence)"
            return Cue("suspected", tok.text, "hedge", speaker, note)
    return None


def _surface_actor_hedge(
    ctx: BlockContext, cand: EventCandidate, trigger: Token, lex: Lexicon
) -> Cue | None:
    """ "SUSPECTED ELN GUERRILLAS PLACED A BOMB": a hedge adjective written right before (or as
    the first word of) an actor mention or of the event verb's subject, read off the word
    sequence when the parse misses it."""
    sent = trigger.sent
    spans = [
        (m.start, m.entity.text)
        for m in cand.actor
        if m.block == cand.block and sent.start <= m.start < sent.end
    ]
    verb = _event_verb(trigger, lex)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None and sent.start <= subject.left_edge.i < sent.end:
        spans.append((subject.left_edge.i, subject.text))
    for start, doer in spans:
        for i in _word_before(ctx.doc, start), start:
            if i is None or i < sent.start:
                continue
            certainty = hedged_doer(ctx.doc[i], lex)
            if certainty is not None:
                note = f"{ctx.doc[i].text!r} on the doer {doer!r} (word sequence)"
                return Cue(certainty, ctx.doc[i].text, "hedge", None, note)
    return None


def hedged_doer(word: Token, lex: Lexicon) -> Certainty | None:
    """The certainty a hedge adjective ("alleged", "suspected", "possible") gives a doer."""
    certainty = lex.hedge_adjectives.get(word.text.lower())
    return certainty if certainty in {"alleged", "suspected", "possible"} else None


def _word_before(doc: Doc, i: int) -> int | None:
    """The index of the nearest non-space token before ``i``."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i if i >= 0 else None


def speaker_sectors(ctx: BlockContext, speaker: Speaker) -> frozenset[str]:
    """Lower-case sectors of a speaker: its entity's, else those of its title or apposition
    ("Colonel Mendez", "Mendez, commander of the brigade")."""
    if speaker.entity.sector:
        return frozenset({speaker.entity.sector.lower()})
    if speaker.head in ctx.antecedent_sectors:
        return ctx.antecedent_sectors[speaker.head]
    doc = ctx.doc
    head = doc[speaker.head]
    start, _ = noun_phrase(head)
    near = {c.i for c in head.children if c.dep_ == "appos"}
    before = start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    near.add(before)
    return frozenset(
        m.entity.sector.lower()
        for m in ctx.mentions
        if m.entity.sector and any(m.start <= i < m.end for i in near)
    )


def _authority_accusation(ctx: BlockContext, cue: Cue, cand: EventCandidate, lex: Lexicon) -> Cue:
    """A report by the state's own organs (army, police, government) that the armed non-state
    side, or doers they can only describe ("unidentified men", "gunmen"), did a violent act is
    an accusation by authorities: 'alleged'."""
    speaker = cue.speaker
    if cue.certainty != "reported" or speaker is None:
        return cue
    if not cand.actor:
        return cue
    sectors_of_speaker = speaker_sectors(ctx, speaker)
    if sectors_of_speaker & lex.adversary_sectors and all(
        (m.entity.sector or "").lower() in lex.authority_sectors for m in cand.actor
    ):
        note = f"{cue.note}; a report by the opposition against state forces is an accusation"
        return Cue("alleged", cue.word, cue.kind, speaker, note)
    if not sectors_of_speaker & lex.authority_sectors:
        return cue
    sectors = [(m.entity.sector or "").lower() for m in cand.actor]
    unknown = [
        not d and any(w in lex.unknown_doers for w in m.entity.text.lower().split())
        for d, m in zip(sectors, cand.actor, strict=True)
    ]
    if not all(d in lex.adversary_sectors or u for d, u in zip(sectors, unknown, strict=True)):
        return cue
    if all(d in lex.adversary_sectors for d in sectors):
        note = f"{cue.note}; a report by authorities against their opponents is an accusation"
    else:
        note = f"{cue.note}; authorities describe unknown doers: an accusation"
    return Cue("alleged", cue.word, cue.kind, speaker, note)


#: Links along which a condemned act may sit below the verb of condemnation ("condemned the
#: murder of X", "condemned the attacks and the kidnapping").
_CONDEMNED_VIA = frozenset({"dobj", "obj", "conj", "appos", "pobj", "prep", "compound", "amod"})


def _condemnation(
    ctx: BlockContext, steps: Sequence[Step], cand: EventCandidate, lex: Lexicon
) -> list[Cue]:
    """ "The government condemned the murder carried out by the front": authorities who
    condemn a violent act of the armed opposition (or of doers they can only describe) hold
    it against them, an accusation ('alleged'). Any other condemnation takes the act as given
    and adds no cue."""
    for step in steps:
        tok = step.token
        if step.via in {"relcl", "acl"} and _is(tok, lex.incident_nouns):
            # "condemned the attacks, which killed nine people": what the act did.
            continue
        if step.via not in _CONDEMNED_VIA:
            return []
        if not _is(tok, lex.condemn_verbs):
            continue
        if step.via not in {"dobj", "obj"} and not any(
            c.dep_ in {"dobj", "obj"} and c.i < cand.trigger_start for c in tok.children
        ):
            return []
        speaker = _verb_speaker(ctx, tok, lex) if tok.pos_ in _VERBAL else None
        speaker = speaker or surface_subject(ctx, tok, tok.sent)
        if speaker is None:
            return []
        note = f"{tok.text!r} by {speaker.entity.text!r} condemns it"
        cue = _authority_accusation(
            ctx, Cue("reported", tok.text, "frame", speaker, note), cand, lex
        )
        return [cue] if cue.certainty == "alleged" else []
    return []


def _noun_speaker(ctx: BlockContext, noun: Token, lex: Lexicon) -> Speaker | None:
    for c in noun.children:
        if c.dep_ in {"poss", "compound", "nmod"}:
            return _speaker(ctx, c, lex)
    for c in noun.children:
        if c.dep_ == "prep" and c.text.lower() in {"by", "from"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    return _speaker(ctx, g, lex)
    return None


def _side_frames(
    ctx: BlockContext, tok: Token, path_child: Token | None, lex: Lexicon
) -> list[Cue]:
    """Frames hanging off a clause of the path: "rebels, police said, attacked" (parataxis) and
    "as police reported" (advcl with "as")."""
    cues: list[Cue] = []
    for c in tok.children:
        if path_child is not None and c.i == path_child.i:
            continue
        if c.dep_ == "parataxis" or (
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.text.lower() == "as" for g in c.children)
        ):
            cls = lex.frame_verbs.get(c.lemma_.lower()) or lex.frame_verbs.get(c.text.lower())
            if cls is None or c.pos_ not in _VERBAL:
                continue
            speaker = _verb_speaker(ctx, c, lex)
            who = f" by {speaker.entity.text!r}" if speaker else ""
            cues.append(
                Cue(
                    _FRAME_CERTAINTY[cls],
                    c.text,
                    "frame",
                    speaker,
                    f"{c.text!r}{who} frames the clause",
                )
            )
    return cues


def _relative_frames(ctx: BlockContext, trigger: Token, lex: Lexicon) -> list[Cue]:
    """A relative clause on the event noun that claims, blames or denies it: "the attack, which
    the front blamed on the army", "the bombing, for which no group claimed responsibility"."""
    cues: list[Cue] = []
    if trigger.pos_ not in _NOMINAL:
        return cues
    for rel in trigger.children:
        if rel.dep_ != "relcl" or rel.pos_ not in _VERBAL:
            continue
        cls = lex.frame_verbs.get(rel.lemma_.lower()) or lex.frame_verbs.get(rel.text.lower())
        owns = any(
            c.dep_ in {"dobj", "obj"} and c.text.lower() in lex.responsibility for c in rel.children
        )
        if cls is None and not owns:
            continue
        speaker = _verb_speaker(ctx, rel, lex)
        who = f" by {speaker.entity.text!r}" if speaker else ""
        note = f"relative clause {rel.text!r}{who} on the event"
        if owns or (cls in {"admit"}):
            certainty: Certainty = "denied" if cls == "deny" else "claimed"
        elif cls == "report":
            certainty = "reported"
        else:
            certainty = _FRAME_CERTAINTY[cls] if cls else "alleged"
        cues.append(Cue(certainty, rel.text, "frame", speaker, note))
    return cues


def _quote_cue(ctx: BlockContext, trigger: Token, lex: Lexicon) -> Cue | None:
    """An event inside quotation marks is the quoted speaker's; find the reporting verb outside
    the quote in the sentence (or the sentence before)."""
    span = next(((s, e) for s, e in ctx.quotes if s <= trigger.i < e and e - s >= 4), None)
    if span is None:
        return None
    start, end = span
    sent = trigger.sent
    first = ctx.doc[max(0, sent.start - 1)].sent.start if sent.start > 0 else sent.start
    best: Token | None = None
    for tok in ctx.doc[first : sent.end]:
        if start <= tok.i < end or tok.pos_ not in _VERBAL:
            continue
        if any(s <= tok.i < e for s, e in ctx.quotes):
            continue
        cls = lex.frame_verbs.get(tok.lemma_.lower()) or lex.frame_verbs.get(tok.text.lower())
        if cls is not None and (best is None or abs(tok.i - trigger.i) < abs(best.i - trigger.i)):
            best = tok
    if best is None:
        return Cue("reported", "quotation marks", "quote", None, "quoted without a named speaker")
    cls = (
        lex.frame_verbs.get(best.lemma_.lower())
        or lex.frame_verbs.get(best.text.lower())
        or "report"
    )
    speaker = _verb_speaker(ctx, best, lex)
    who = f" {speaker.entity.text!r}" if speaker else " an unnamed speaker"
    return Cue(
        _FRAME_CERTAINTY[cls], best.text, "quote", speaker, f"quoted from{who} ({best.text!r})"
    )


def _sentence_cue(
    ctx: BlockContext, trigger: Token, sent: Span, cand: EventCandidate, lex: Lexicon
) -> Cue | None:
    """A sentence-wide cue ("suspected", "allegedly", "claims") that reaches the event because
    it does not clearly scope elsewhere."""
    words = ctx.words
    for i in range(sent.start, sent.end):
        if words[i] not in lex.according and words[i] not in lex.sentence_wide:
            continue
        tok = ctx.doc[i]
        if tok.text.lower() in lex.according and not _according_elsewhere(tok, trigger):
            speaker = _speaker(ctx, _according_source(tok), lex)
            who = f" {speaker.entity.text!r}" if speaker else ""
            return Cue(
                "reported",
                "according to",
                "sentence",
                speaker,
                f"according to{who} in the sentence",
            )
        key = lex.sentence_wide.get(tok.text.lower())
        if key is None or tok.i == trigger.i:
            continue
        if _scopes_elsewhere(tok, trigger, lex):
            continue
        if key == "claims" and (negated_claim(tok, sent, lex) or _claims_lives(tok, lex)):
            continue
        if key == "claims":
            speaker = _verb_speaker(ctx, tok, lex) if tok.pos_ in _VERBAL else None
            if speaker is not None and _is_doer(ctx, speaker, tok, trigger, cand, lex):
                return Cue(
                    "claimed",
                    tok.text,
                    "sentence",
                    speaker,
                    f"{tok.text!r} in the sentence; the claimant is the doer",
                )
            who = f" by {speaker.entity.text!r}" if speaker else ""
            return Cue(
                "alleged", tok.text, "sentence", speaker, f"{tok.text!r}{who} in the sentence"
            )
        speaker = _speaker(ctx, agent_of(tok), lex) if tok.pos_ in _VERBAL else None
        certainty = cast(Certainty, key)  # the lexicon checks keys against CERTAINTIES
        return Cue(certainty, tok.text, "sentence", speaker, f"{tok.text!r} in the sentence")
    return None


def _self_cue(ctx: BlockContext, trigger: Token, lex: Lexicon) -> list[Cue]:
    """The event is the cue itself ("X is suspected of ...", "X claims ..."): the suspicion is
    unattributed ('suspected'); a claim is its speaker's own statement ('claimed')."""
    key = lex.sentence_wide.get(trigger.text.lower())
    if key is None or (key == "claims" and negated_claim(trigger, None, lex)):
        return []
    speaker = _verb_speaker(ctx, trigger, lex) if trigger.pos_ in _VERBAL else None
    note = f"the event is the cue {trigger.text!r} itself"
    certainty: Certainty = "claimed" if key == "claims" else cast(Certainty, key)
    return [Cue(certainty, trigger.text, "hedge", speaker, note)]


def _first_person(trigger: Token, lex: Lexicon) -> Token | None:
    """The first-person subject of the event's own verb ("we attacked"), if any."""
    verb = _event_verb(trigger, lex)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None and subject.text.lower() in lex.first_person:
        return subject
    return None


def _event_verb(trigger: Token, lex: Lexicon) -> Token | None:
    """The verb whose subject is the event's doer: the trigger itself, or the support verb of
    an event noun ("carried out the attack"); None for other nouns ("condemned the attack")."""
    if trigger.pos_ in _VERBAL:
        return trigger
    head = trigger.head
    governed = trigger.dep_ in {"dobj", "obj"} and head.pos_ in _VERBAL
    return head if governed and _is(head, lex.support) else None


def _scopes_elsewhere(cue: Token, trigger: Token, lex: Lexicon) -> bool:
    """A sentence-wide cue clearly scopes elsewhere when it qualifies another noun ("arrested a
    suspected rebel"), when it sits in a relative clause that does not hold the event, when the
    event is inside the subject of the cue's verb, or when cue and event sit in coordinated
    clauses."""
    if cue.pos_ in _NOMINAL or cue.dep_ in {"amod", "compound", "nmod", "poss"}:
        return True
    if (
        cue.dep_ == "acl"
        and cue.head.dep_ not in SUBJECT_DEPS
        and not _is(cue.head, lex.incident_nouns | lex.generic_incidents)
        and not cue.left_edge.i <= trigger.i <= cue.right_edge.i
    ):
        # "arrested ten people suspected of the bombing": the participle qualifies the object
        # ("in a new action attributed to the cartel, a bomb ..." qualifies the event itself).
        return True
    cue_clause = clause_head(cue)
    relative = next(
        (t for t in [cue_clause, *cue_clause.ancestors] if t.dep_ in _SUBORDINATE_CLAUSES), None
    )
    if relative is not None and not relative.left_edge.i <= trigger.i <= relative.right_edge.i:
        return True
    # The event inside an adverbial clause the cue is not in ("while the media focus on the
    # rallies, the government claims ..."): the author's own aside.
    for t in [clause_head(trigger), *clause_head(trigger).ancestors]:
        aside = any(c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS for c in t.children)
        if aside and t.dep_ == "advcl" and not t.left_edge.i <= cue.i <= t.right_edge.i:
            return True
    # The event inside the subject (or a relative clause on it) of the cue's verb.
    for sub in cue_clause.children:
        if sub.dep_ in SUBJECT_DEPS and sub.left_edge.i <= trigger.i <= sub.right_edge.i:
            return True
    return _coordinated(cue, trigger)


#: Marks of adverbial clauses that state something beside the main clause's claim.
_ASIDE_MARKS = frozenset({"while", "although", "though", "whereas", "after", "before", "since"})


def _according_elsewhere(according: Token, trigger: Token) -> bool:
    """ "According to X" is a sentence adverbial: parsers hang it on whichever clause is
    nearest ("attacked the palace, causing damage, according to police"), so only a relative
    clause that does not hold the event, or a coordinated clause, keeps it from the event."""
    for anc in according.ancestors:
        if anc.dep_ == "relcl" and not anc.left_edge.i <= trigger.i <= anc.right_edge.i:
            return True
    before = according.doc[according.i - 1] if according.i > 0 else None
    if before is not None and before.text.lower() in _RELATIVE and before.i > trigger.i:
        # "Galan, who according to the polls was the favourite": inside a relative clause.
        return True
    return _coordinated(according, trigger)


def _coordinated(a: Token, b: Token) -> bool:
    """True when two clause heads are joined by coordination (conj, parataxis) rather than one
    containing the other."""
    if a.i == b.i:
        return False
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    ids_b = {t.i for t in ancestors_b}
    common = next((t for t in ancestors_a if t.i in ids_b), None)
    if common is None:
        return True
    for chain in (ancestors_a, ancestors_b):
        for tok in chain:
            if tok.i == common.i:
                break
            if tok.head.i == common.i and tok.dep_ in {"conj", "parataxis"}:
                return True
    return False


# --------------------------------------------------------------------------- modality

LevelKind = Literal["trigger", "clause", "complement"]


@dataclass(frozen=True, slots=True)
class Governor:
    """A word that governs the event as such: the trigger, the infinitives, support verbs and
    modality nouns above it, and the first framing clause (``complement``)."""

    token: Token
    via: str
    kind: LevelKind


def _is(tok: Token, forms: frozenset[str] | object) -> bool:
    assert isinstance(forms, frozenset)
    return tok.lemma_.lower() in forms or tok.text.lower() in forms


def governors(trigger: Token, steps: Sequence[Step], lex: Lexicon) -> list[Governor]:
    """The trigger and the words above it whose auxiliaries, negation and meaning bear on
    whether the event happened ("tried to carry out an attack"; not "investigated the attack")."""
    out = [Governor(trigger, "", "trigger")]
    for step in steps:
        tok, via = step.token, step.via
        if not step.in_clause:
            if step.relation == "complement":
                out.append(Governor(tok, via, "complement"))
            break
        if tok.pos_ == "ADP":
            continue
        passes = via in {"xcomp", "conj"} and tok.pos_ in _VERBAL
        passes = passes or _modality_class(tok, via, lex) is not None
        passes = passes or (
            tok.pos_ in _VERBAL and (_is(tok, lex.support) or _is(tok, lex.negating))
        )
        passes = passes or (via in {"nsubj", "nsubjpass"} and _is(tok, lex.occurrence))
        if not passes:
            break
        out.append(Governor(tok, via, "clause"))
    return out


def _modality_class(tok: Token, via: str, lex: Lexicon) -> str | None:
    """The modality class of a verb or noun governing the event over ``via``."""
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    if tok.pos_ in _VERBAL and via in _MODALITY_VIA:
        cls = lex.modality_verbs.get(lemma) or lex.modality_verbs.get(low)
        if cls is not None and (via in {"xcomp", "ccomp"} or not _is(tok, lex.xcomp_only)):
            return cls
    if tok.pos_ in _NOMINAL:
        return lex.modality_nouns.get(low) or lex.modality_nouns.get(lemma)
    return None


def _has_condition(sent: Span, words: Sequence[str], lex: Lexicon) -> bool:
    """Does a condition marker ("if", "unless") stand anywhere in the sentence?"""
    doc = sent.doc
    return any(
        words[i] in lex.condition_marks and doc[i].dep_ == "mark"
        for i in range(sent.start, sent.end)
    )


def _modality(
    chain: Sequence[Governor], sent: Span, words: Sequence[str], lex: Lexicon
) -> ModalityFinding | None:
    """The modality of the event: a governing verb, noun or adjective first ("warned that it
    would bomb" is threatened), then a condition, then a future or conditional auxiliary."""
    clause = [g for g in chain if g.kind != "complement"]
    for gov in chain:
        tok = gov.token
        if gov.kind != "trigger":
            cls = _modality_class(tok, gov.via, lex)
            if cls is not None:
                return _finding(cls, tok.text, f"{tok.text!r} governs the event")
        if gov.kind == "complement":
            break
        for c in tok.children:
            if c.dep_ in {"amod", "compound"} and c.text.lower() in lex.modality_adjectives:
                cls = lex.modality_adjectives[c.text.lower()]
                return _finding(cls, c.text, f"{c.text!r} modifies {tok.text!r}")
    for gov in clause:
        for c in gov.token.children:
            if (
                c.dep_ == "mark"
                and c.text.lower() in lex.condition_marks
                and gov.token.pos_ in _VERBAL
            ):
                return _finding("hypothetical", c.text, f"the event is the condition {c.text!r}")
    consequent = next((m for g in clause for m in _condition_of(g.token, lex)), None)
    for gov in clause:
        for c in gov.token.children:
            if c.dep_ != "aux":
                continue
            low = c.text.lower()
            if low in lex.future or low in lex.conditional:
                if consequent is not None:
                    note = f"{c.text!r} under the condition {consequent.text!r}"
                    return _finding("hypothetical", c.text, note)
                if low in lex.conditional and _has_condition(sent, words, lex):
                    return _finding("hypothetical", c.text, f"{c.text!r} with a condition")
                tense = "future" if low in lex.future else "future in the past"
                return _finding("planned", c.text, f"{c.text!r} ({tense})")
    return None


def _condition_of(tok: Token, lex: Lexicon) -> list[Token]:
    """The condition markers of the adverbial clauses of a verb ("if the talks fail")."""
    return [
        m
        for c in tok.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark" and m.text.lower() in lex.condition_marks
    ]


def _finding(cls: str, word: str, note: str) -> ModalityFinding:
    modality = _MODALITY_OF.get(cls, "actual")
    if cls in _NOT_ACCOMPLISHED:
        return ModalityFinding(modality, True, word, f"{note}: not accomplished")
    return ModalityFinding(modality, False, word, note)


def _negation(chain: Sequence[Governor], cand: EventCandidate, lex: Lexicon) -> str | None:
    """The negation on the trigger or on a word governing it ("did not carry out an attack",
    "refused to attack", "no attack took place", "without firing")."""
    if cand.negated:
        return "negated on the trigger"
    for gov in chain:
        if gov.kind == "complement":
            break
        tok = gov.token
        if (
            gov.kind != "trigger"
            and gov.via in {"xcomp", "pcomp", "prep"}
            and _is(tok, lex.negating)
        ):
            return tok.text
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ in {"det", "advmod"} and c.text.lower() in lex.negation):
                return c.text
        if tok.head.text.lower() == "without" and tok.dep_ in {"pcomp", "pobj"}:
            return tok.head.text
    return None


# --------------------------------------------------------------------------- the analysis


@dataclass(frozen=True, slots=True)
class Analysis:
    attribution: Attribution
    reason: str
    cue_kind: CueKind | None = None  # the kind of the deciding cue, None when asserted


def analyse(ctx: BlockContext, cand: EventCandidate, lex: Lexicon) -> Analysis:
    """Attribution of one event candidate from its block's parse."""
    doc = ctx.doc
    if not 0 <= cand.trigger_start < len(doc):
        return Analysis(Attribution(negated=cand.negated), "trigger outside its block: asserted")
    trigger = head_of(doc, cand.trigger_start, cand.trigger_end)
    steps = climb(trigger)
    sent = trigger.sent
    present = frozenset(ctx.words[sent.start : sent.end])
    cues = _governing_cues(ctx, trigger, steps, cand, lex, present)
    if not any(c.kind == "frame" for c in cues):
        quote = _quote_cue(ctx, trigger, lex)
        if quote is not None:
            cues.append(quote)
    if not cues and not present.isdisjoint(lex.surface_frame_words):
        surface = _surface_responsibility(ctx, trigger, sent, lex)
        if surface is not None:
            cues.append(surface)
    that = "that" in present
    for nearer in (
        _surface_noun_frame(ctx, trigger, sent, lex) if that else None,
        _surface_relative(ctx, trigger, sent, lex) if not present.isdisjoint(_RELATIVE) else None,
    ):
        if nearer is not None and not any(c.word == nearer.word for c in cues):
            cues.insert(0, nearer)
    if not cues:
        cues += _self_cue(ctx, trigger, lex)
    if not cues and not present.isdisjoint(lex.sentence_cue_words):
        sentence = _sentence_cue(ctx, trigger, sent, cand, lex)
        if sentence is not None:
            cues.append(sentence)
    if not cues and that:
        that_frame = _surface_that_frame(ctx, trigger, sent, cand, lex)
        if that_frame is not None:
            cues.append(that_frame)
    hedged = not present.isdisjoint(lex.hedge_words)
    actor_hedge = (
        (_surface_actor_hedge(ctx, cand, trigger, lex) if hedged else None)
        or (_surface_agent_hedge(ctx, trigger, sent, lex) if hedged else None)
        or _surface_arrest(ctx, trigger, sent, lex)
    )
    if actor_hedge is not None and not any(c.kind == "hedge" for c in cues):
        cues.insert(0, actor_hedge)
    if cues and cues[0].word == "according to":
        cues[0] = _own_account(ctx, cues[0], cand, lex)
    if cues and cand.event.plover in _ACCUSABLE:
        cues[0] = _authority_accusation(ctx, cues[0], cand, lex)
    elif cand.event.plover == "ASSAULT":
        cues += _condemnation(ctx, steps, cand, lex)
    first_person = _first_person(trigger, lex)
    if first_person is not None and (not cues or cues[0].certainty == "reported"):
        speaker = cues[0].speaker if cues else None
        note = f"first-person doer {first_person.text!r}: the speaker claims its own act"
        cues.insert(0, Cue("claimed", first_person.text, "hedge", speaker, note))
    chain = governors(trigger, steps, lex)
    modality = _modality(chain, sent, ctx.words, lex)
    negation = _negation(chain, cand, lex)
    return _combine(cues, modality, negation)


def _governing_cues(
    ctx: BlockContext,
    trigger: Token,
    steps: Sequence[Step],
    cand: EventCandidate,
    lex: Lexicon,
    present: frozenset[str],
) -> list[Cue]:
    """The cues the tree walk finds; ``present`` (the sentence's words) lets it skip the hedge
    and "according to" checks when the sentence has no such word."""
    hedged = not present.isdisjoint(lex.hedge_words)
    according = not present.isdisjoint(lex.according)
    cues = _hedges_at(ctx, trigger, True, lex) if hedged else []
    cues += _according(ctx, trigger, lex) if according else []
    cues += _side_frames(ctx, trigger, None, lex) + _relative_frames(ctx, trigger, lex)
    nominal = trigger.pos_ in _NOMINAL
    for step in steps:
        tok = step.token
        if hedged and nominal and _argument_of(tok, lex):
            # "the media may be focusing on peaceful gatherings": the hedge is about the
            # focusing; the gatherings are taken as given.
            hedged = False
        if step.in_clause and hedged:
            cues += _hedges_at(ctx, tok, False, lex)
        frame = _frame_at(ctx, step, trigger, cand, lex)
        if frame is not None:
            cues.append(frame)
        if not step.coordinated and according:
            cues += _according(ctx, tok, lex)
        if step.relation != "coordinate":
            cues += _side_frames(ctx, tok, step.child, lex)
    return cues


def _own_account(ctx: BlockContext, cue: Cue, cand: EventCandidate, lex: Lexicon) -> Cue:
    """ "According to the army, soldiers killed two rebels": an account by the doer's own side
    (the same entity, a state organ of the doers' sector, a group of its generic units) is its
    claim, as with a reporting verb."""
    speaker = cue.speaker
    if cue.certainty != "reported" or speaker is None or not cand.actor:
        return cue
    if any(m.start <= speaker.head < m.end for m in cand.actor):
        return cue  # the source itself taken for the doer: a parse slip, not an account
    own = (
        any(same_entity(speaker.entity, m.entity) for m in cand.actor)
        or _own_forces(ctx, speaker, cand, lex)
        or _own_units(speaker, cand)
    )
    if not own:
        return cue
    return Cue("claimed", cue.word, cue.kind, speaker, f"{cue.note}; the source is the doer's side")


#: Event types whose report by one side against the other is an accusation: violence, and
#: plots and threats of it.
_ACCUSABLE = frozenset({"ASSAULT", "THREATEN"})


def _argument_of(tok: Token, lex: Lexicon) -> bool:
    """Is an event noun below this verb only one of its arguments ("focusing on the
    gatherings", "investigating the attack"), not passed through by a support or occurrence
    verb ("carried out the attack", "the attack took place") or a copula ("may be behind the
    attack")?"""
    if tok.pos_ != "VERB" or tok.lemma_.lower() == "be":
        return False
    return not (_is(tok, lex.support) or _is(tok, lex.occurrence) or _is(tok, lex.doer_links))


def _combine(
    cues: Sequence[Cue], modality: ModalityFinding | None, negation: str | None
) -> Analysis:
    parts: list[str] = []
    deciding = next((c for c in cues if c.certainty == "denied"), cues[0] if cues else None)
    speakers = [c for c in cues if c.speaker is not None]
    claimant = speakers[-1].speaker.entity if speakers and speakers[-1].speaker else None
    if deciding is None:
        certainty: Certainty = "asserted"
        parts.append("asserted: no reporting frame or hedge governs the event")
    else:
        certainty = deciding.certainty
        parts.append(f"{certainty}: {deciding.note}")
        inner = [c for c in speakers[:-1] if c.speaker is not None]
        if inner:
            names = ", ".join(f"{c.speaker.entity.text!r} ({c.word})" for c in inner if c.speaker)
            parts.append(f"inner source {names}")
        if claimant is not None and deciding is not speakers[-1]:
            parts.append(f"claimant {claimant.text!r} ({speakers[-1].word})")
    mod: Modality = "actual"
    negated = False
    cue_word = deciding.word if deciding else None
    if modality is not None:
        mod = modality.modality
        negated = modality.negated
        parts.append(f"modality {mod}: {modality.note}")
        cue_word = cue_word or modality.word
    if negation is not None:
        negated = True
        parts.append(f"negated ({negation})")
        cue_word = cue_word or negation
    kind = deciding.kind if deciding else None
    attribution = Attribution(certainty, claimant, cue_word, negated, mod)
    return Analysis(attribution, "; ".join(parts), kind)
