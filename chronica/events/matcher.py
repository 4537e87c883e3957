"""The event matcher: pattern triggers over spaCy dependency parses -> EventCandidate.

For each sentence: (1) every verb and noun whose lemma heads a pattern is tested against the
patterns sharing that head (multi-word expressions and constrained senses first); (2) nominal
triggers governed by a light verb ("launched attacks") take their actor from it, and the light
verb does not fire itself; (3) frames recode embedded actions: "agreed to meet" is AGREE 036,
"threatened to attack" THREATEN 138, "will release" AGREE 0353, "refused to withdraw" REJECT 124
(the embedded action is absorbed into the matrix event); (4) a killing verb absorbs the nominal
that names its means ("killed in a car bombing"); (5) arguments are read per role and mapped to
actor mentions; (6) one event per trigger token, with a confidence reflecting how it was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from chronica.config import Settings
from chronica.events import syntax
from chronica.events.patterns import (
    Constraint,
    Grammar,
    Head,
    Pattern,
    PatternSet,
    load_patterns,
)
from chronica.nlp import Block, ParsedDocument
from chronica.ontology import Ontology
from chronica.records import Entity, EventCandidate, EventType, Mention

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NOUN_POS_IDS = frozenset({NOUN, PROPN})  # the same, as integer ids (cheaper to read)
_FRAME_ADJ_POS = frozenset({"ADJ", "VERB", "AUX"})
_EMBED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "conj", "advcl", "acomp"})
_ACCUSE_EMBED_DEPS = frozenset({"pcomp", "pobj", "ccomp", "conj"})
_PARTICLES = frozenset(
    {"on", "upon", "for", "to", "of", "with", "in", "out", "up", "off", "down", "away", "back",
     "over", "about", "against", "at", "into", "from", "by", "as"}
)  # fmt: skip
_BLAME_VERBS = frozenset({"blame", "attribute", "pin"})  # "blamed the attacks on X"
_GENERIC_ASSAULT = frozenset({"18", "180", "182", "1823", "19", "190"})
_MEANS_PREPS = ("in", "by", "with", "during", "from")
# Arcs a multi-word expression may span: never across clause boundaries.
_PHRASE_DEPS = frozenset(
    {"dobj", "prep", "pobj", "prt", "xcomp", "compound", "amod", "aux", "oprd", "attr", "dative",
     "pcomp", "advmod", "npadvmod", "nsubjpass", "acomp", "nmod", "dep", "neg", "poss", "det",
     "nummod", "quantmod", "agent", "conj"}
)  # fmt: skip
_BACKGROUND_PREPS = frozenset(
    {"since", "after", "before", "following", "during", "amid", "despite", "over", "because",
     "in", "like", "about", "regarding", "concerning"}
)  # fmt: skip
_BACKGROUND_MARKS = frozenset(
    {"after", "before", "since", "when", "while", "as", "because", "although", "though", "until",
     "once", "whereas"}
)  # fmt: skip
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
_ANCHOR_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})  # a date or place pins an event
_NEGATIVE_DETS = frozenset({"no", "neither"})
_MODIFIER_ROLES = frozenset({"compound", "amod"})
_GEO_ENTS = frozenset({"GPE", "NORP"})
# Month and weekday names pin a date even where the NER misses them (upper-case wire text).
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip
_DATE_WORDS = _MONTHS | frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "yesterday", "today", "tonight"}
)  # fmt: skip
_OTHER_CLAUSE = frozenset(
    {"relcl", "acl", "conj", "appos", "ccomp", "advcl", "parataxis", "xcomp", "csubj"}
)  # fmt: skip
_NOT_ACTORS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern that fired at a token, before arguments are read."""

    token: Token
    pattern: Pattern
    consumed: frozenset[int]
    light: Token | None = None  # light verb governing a nominal trigger
    reverse: bool = False  # the light verb's subject is the recipient ("suffered an attack")


@dataclass(frozen=True, slots=True)
class Coded:
    """A match with its final code and notes on how the code was reached."""

    match: Match
    event: EventType
    notes: tuple[str, ...] = ()
    embedded: Match | None = None  # an action absorbed into this one (frame or means)
    negation_used: bool = False  # the negation became the code ("will not meet" -> REJECT)
    obligation: bool = False  # "Y must ...": the speaker demands, Y is the recipient
    frame: str | None = None  # the frame that recoded or absorbed an action (for later stages)


@dataclass(frozen=True, slots=True)
class Argument:
    mentions: tuple[Mention, ...]
    how: str


class _MentionIndex:
    """Mentions of one block, looked up by token range."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._by_token: dict[int, list[Mention]] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self._by_token.setdefault(i, []).append(m)

    def covering(self, i: int) -> list[Mention]:
        return self._by_token.get(i, [])

    def within(self, start: int, end: int) -> list[Mention]:
        seen: dict[tuple[int, int], Mention] = {}
        for i in range(start, end):
            for m in self._by_token.get(i, ()):
                seen.setdefault((m.start, m.end), m)
        return list(seen.values())


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_forms(tok: Token) -> tuple[str, ...]:
    """The lemma, then guesses from the surface form for when the lemmatizer slips
    ("staged" -> "stag")."""
    return _forms(_lemma(tok), tok.text.lower())


@lru_cache(maxsize=65536)
def _forms(lemma: str, low: str) -> tuple[str, ...]:
    forms = [lemma, low]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", "")):  # fmt: skip
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.append(low[: len(low) - len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def _singulars(tok: Token) -> tuple[str, ...]:
    """Singular guesses for a plural the lemmatizer left alone (upper-case text is tagged as
    names: "GUERRILLAS" keeps its lemma)."""
    low = tok.text.lower()
    if tok.tag_ not in ("NNPS", "NNP", "NNS") or len(low) < 4 or not low.endswith("s"):
        return ()
    if low.endswith("ies"):
        return (low[:-3] + "y",)
    return (low[:-1], low[:-2]) if low.endswith("es") else (low[:-1],)


def _words_of(tok: Token | None) -> set[str]:
    """Lemma and lower-case form of a token and of its compound/amod modifiers."""
    if tok is None:
        return set()
    out = {_lemma(tok), tok.text.lower(), *_singulars(tok)}
    if tok.ent_type_ == "PERSON":  # a named person is a person ("freed Jane Doe")
        out.add("person")
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            out.add(_lemma(c))
            out.add(c.text.lower())
    return out


@dataclass(frozen=True)
class EventMatcher:
    """Finds coded actions in parsed documents. Build once with :meth:`from_settings`."""

    settings: Settings
    ontology: Ontology
    patterns: PatternSet

    @classmethod
    def from_settings(cls, settings: Settings) -> EventMatcher:
        return cls(settings, Ontology.load(), load_patterns())

    @property
    def grammar(self) -> Grammar:
        return self.patterns.grammar

    # ------------------------------------------------------------------ public interface
    def find(self, parsed: ParsedDocument, mentions: Sequence[Mention]) -> list[EventCandidate]:
        """Every event candidate of the document, in sentence and trigger order."""
        per_block: dict[int, list[Mention]] = {}
        for m in mentions:
            per_block.setdefault(m.block, []).append(m)
        out: list[EventCandidate] = []
        for block in parsed.blocks:
            index = _MentionIndex(per_block.get(block.index, []))
            found: list[EventCandidate] = []
            for i, sent in enumerate(block.doc.sents):
                found.extend(self.find_in_sentence(block, block.first_sentence + i, sent, index))
            out.extend(merge_anaphora(block, found))
        return out

    def find_in_sentence(
        self, block: Block, sentence_index: int, sent: Span, index: _MentionIndex
    ) -> list[EventCandidate]:
        matches = self._match_tokens(sent, index)
        if matches and is_heading(block, sent):
            matches = {i: m for i, m in matches.items() if not m.pattern.nominal}
        coded = self._apply_frames(matches) if matches else []
        coded = self._absorb_means(coded)
        coded.extend(self._obligation_clauses(sent, matches))
        made = (self._candidate(block, sentence_index, c, index) for c in coded)
        return sorted((c for c in made if c is not None), key=lambda c: c.trigger_start)

    # ------------------------------------------------------------------ 1. triggers
    def _match_tokens(self, sent: Span, index: _MentionIndex) -> dict[int, Match]:
        found: dict[int, Match] = {}
        consumed: set[int] = set()
        for tok in sent:
            verbal = syntax.is_verb(tok)
            if not verbal and tok.pos not in _NOUN_POS_IDS:
                continue
            pos = tok.pos_
            dep = tok.dep_
            if dep in ("amod", "compound", "nmod") and not (
                dep == "compound" and self._light_verb(tok.head) is not None
            ):
                continue  # a modifier ("alleged") is no event, unless "held mediation talks"
            if verbal:
                head = None
                for form in _verb_forms(tok):
                    head = self.patterns.verb_heads.get(form)
                    if head is not None:
                        break
            else:
                if pos == "PROPN" and (tok.ent_type_ or index.covering(tok.i)):
                    continue  # part of a name or date ("Protest Party", "March")
                if tok.head.text.lower() == "in" and _lemma(tok) in ("exchange", "return"):
                    continue  # the idioms "in exchange for", "in return for"
                if _month_name(tok):
                    continue  # "on 28 MARCH", "since March": a date the NER missed
                if self._motive_phrase(tok):
                    continue  # "marched in support of X": the motive of another act
                head = self.patterns.noun_heads.get(_lemma(tok)) or (
                    self.patterns.noun_heads.get(tok.text.lower())
                )
            if head is None:
                continue
            match = self._best(tok, head)
            if match is not None:
                found[tok.i] = match
                consumed |= match.consumed
        for i in consumed:
            found.pop(i, None)
        for i in [i for i, m in found.items() if m.token.dep_ == "compound"]:
            if found[i].token.head.i in found:  # "protest rally": one event, on the head noun
                del found[i]
        self._resolve_light_verbs(found)
        return found

    def _motive_phrase(self, tok: Token) -> bool:
        """The noun of a complex preposition ("in support of", "in retaliation for"): object
        of a bare "in" without determiner, itself followed by a preposition."""
        if _lemma(tok) not in self.grammar.classes.get("motive_nouns", frozenset()):
            return False
        if tok.dep_ != "pobj" or tok.head.text.lower() != "in":
            return False
        return not any(c.dep_ in ("det", "poss", "amod") for c in tok.children) and any(
            c.dep_ == "prep" for c in tok.children
        )

    def _best(self, tok: Token, head: Head) -> Match | None:
        """The first of the head's patterns (most specific first) that fits at the token."""
        candidates = head.patterns
        light = None
        if candidates[0].nominal:
            light = self._light_verb(tok)
            if light is None and tok.dep_ == "compound":
                light = self._light_verb(tok.head)
        order = head.plain
        pools: dict[bool, dict[str, list[int]]] = {}  # built once per token
        if head.by_first_companion:
            # the widest pool any pattern uses: skip those whose first companion is not in it
            wide = pools[head.noun_phrases] = _companion_pool(tok, head.noun_phrases)
            firsts = head.by_first_companion
            near = [i for word in wide if word in firsts for i in firsts[word]]
            order = tuple(sorted((*order, *near)))
        for i in order:
            pattern = candidates[i]
            taken: frozenset[int] = frozenset()
            if pattern.companions:
                noun = pattern.kind == "noun_phrase"
                pool = pools.get(noun)
                if pool is None:
                    pool = pools[noun] = _companion_pool(tok, noun)
                found = _find_companions(pool, pattern.companions)
                if found is None:
                    continue
                taken = found
            lv = light[0] if light else None
            if pattern.constraint is not None and not self._satisfied(
                tok, pattern, pattern.constraint, lv, taken
            ):
                continue
            reverse = bool(light and light[1])
            return Match(tok, pattern, taken, lv, reverse)
        return None

    def _light_verb(self, noun: Token) -> tuple[Token, bool] | None:
        """The light verb governing a nominal trigger and whether it reverses the roles."""
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i != noun.i:
            verb = noun.head  # "a clash took place", "fighting erupted"
            options = self.grammar.occurrence_verbs.get(_lemma(verb))
            if _light_options_fit(verb, None, options):
                return verb, False
        gov = syntax.governing_verb(noun)
        if gov is None:
            for c in noun.children:  # "the attack carried out by X"
                options = self.grammar.light_verbs.get(_lemma(c))
                if (
                    c.dep_ == "acl"
                    and syntax.is_passive(c)
                    and _light_options_fit(c, None, options)
                ):
                    return c, False
            return None
        verb, prep = gov
        if not (syntax.is_verb(verb) or verb.pos_ == "AUX"):
            return None
        for lemma in _verb_forms(verb):
            if _light_options_fit(verb, prep, self.grammar.reverse_light_verbs.get(lemma)):
                return verb, True
            if _light_options_fit(verb, prep, self.grammar.light_verbs.get(lemma)):
                return verb, False
        return None

    def _resolve_light_verbs(self, found: dict[int, Match]) -> None:
        """A light verb does not fire when it governs a nominal trigger."""
        for match in list(found.values()):
            lv = match.light
            if lv is None or lv.i not in found:
                continue
            if found[lv.i].pattern.frame is None:
                del found[lv.i]

    def _satisfied(
        self, tok: Token, pattern: Pattern, c: Constraint, lv: Token | None, taken: frozenset
    ) -> bool:
        if pattern.nominal:
            subj = self._noun_actor_head(tok, lv)
            obj = _first(
                [t for p in ("of", "on", "against", "to") for t in syntax.prep_objects(tok, p)]
            )
            mods = {w for ch in tok.children if ch.dep_ in ("compound", "amod", "nmod")
                    for w in (_lemma(ch), ch.text.lower())}  # fmt: skip
        else:
            subj = syntax.subject(tok)
            obj = syntax.direct_object(tok)
            if obj is not None and obj.i in taken:
                # "launched a charm offensive": the expression's own noun keeps its modifiers
                if _modifier_words(obj) & c.not_obj:
                    return False
                obj = None
            mods = {_lemma(ch) for ch in tok.children if ch.dep_ in ("prt", "advmod", "acomp")}
        preps = {ch.text.lower() for ch in tok.children if ch.dep_ in ("prep", "agent", "dative")}
        subj_words, obj_words = _words_of(subj), _words_of(obj)
        if obj is not None and obj.text.lower() in syntax.MEASURES:  # "$5,000 worth of goods"
            obj_words |= _words_of(syntax.quantified_noun(obj))
        if subj_words & c.not_subj or obj_words & c.not_obj:
            return False
        if preps & c.not_prep or mods & c.not_mod:
            return False
        checks: list[bool] = []
        if c.subj is not None:
            checks.append(bool(subj_words & c.subj) or (subj is None and c.subj_optional))
        if c.obj is not None:
            checks.append(bool(obj_words & c.obj) or (obj is None and c.obj_optional))
        if c.prep is not None:
            checks.append(bool(preps & c.prep))
        if c.mod is not None:
            checks.append(bool(mods & c.mod))
        if c.lv is not None:
            checks.append(lv is not None and _lemma(lv) in c.lv)
        if not checks:
            return True
        return any(checks) if c.any else all(checks)

    # ------------------------------------------------------------------ 2. frames
    def _apply_frames(self, matches: dict[int, Match]) -> list[Coded]:
        """Recode embedded actions under frames; absorbed actions disappear."""
        coded: dict[int, Coded] = {
            i: Coded(m, self._event(m.pattern, m.token)) for i, m in matches.items()
        }
        order = sorted(matches, key=lambda i: -syntax.depth(matches[i].token))
        for i in order:
            if i not in coded:
                continue
            inner = coded[i]
            governor = self._frame_governor(inner.match, matches)
            if isinstance(governor, int) and governor in coded:
                outer = coded[governor]
                coded[governor] = self._absorb(outer, inner)
                del coded[i]
                continue
            frame = governor if isinstance(governor, str) else self._modal_frame(inner.match.token)
            if frame is None and inner.match.light is not None:  # "will give a grant"
                frame = self._modal_frame(inner.match.light)
            if frame is None and inner.match.pattern.nominal and inner.match.light is None:
                frame = self._future_governor(inner.match.token)
            if frame is not None:
                coded[i] = self._recode_own(inner, frame)
        return list(coded.values())

    def _frame_governor(self, match: Match, matches: dict[int, Match]) -> int | str | None:
        """The frame above an action: a matched frame pattern (its token index) or a frame word
        ("ready", "plan", "refuse") that is no trigger itself (the frame name)."""
        tok = match.token
        steps = 0
        while tok.head.i != tok.i and steps < 4:
            dep = tok.dep_
            if dep not in _EMBED_DEPS and dep not in ("prep",):
                return None
            parent = tok.head
            if dep == "conj":
                tok = parent
                continue
            if dep in ("pobj", "pcomp") and parent.dep_ == "prep":
                prep = parent
                parent = prep.head
                if prep.head.i == prep.i:
                    return None
            steps += 1
            other = matches.get(parent.i)
            if other is not None:
                frame = other.pattern.frame or self.grammar.frame_heads.get(_lemma(parent))
                if frame is None or frame in ("obligation",):
                    return None
                blamed = dep == "dobj" and _lemma(parent) in _BLAME_VERBS
                if frame == "accuse" and dep not in _ACCUSE_EMBED_DEPS and not blamed:
                    return None
                return parent.i
            lemma = _lemma(parent)
            frame_word = self.grammar.frame_heads.get(lemma)
            if frame_word is not None and parent.pos_ in _FRAME_ADJ_POS | {"NOUN"}:
                carrier = parent.head if parent.dep_ in ("acomp", "amod") else parent
                if self._modal_frame(carrier) == "obligation":
                    return "obligation"  # "must be ready to mediate"
                return frame_word
            transparent = lemma in self.grammar.control_verbs or parent.pos_ == "AUX"
            if not transparent and (match.light is None or parent.i != match.light.i):
                return None
            tok = parent
        return None

    def _future_governor(self, noun: Token) -> str | None:
        """The intent frame of a control verb governing a nominal: "will continue with the
        raids", "would resume attacks" announce actions, they do not report them."""
        gov = syntax.governing_verb(noun)
        if gov is None or _lemma(gov[0]) not in self.grammar.control_verbs:
            return None
        frame = self._modal_frame(gov[0])
        return frame if frame == "intent" else None

    def _modal_frame(self, tok: Token) -> str | None:
        """The frame of a modal on the verb; none for perfects ("may have been killed")."""
        if any(c.dep_ == "aux" and _lemma(c) == "have" for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ == "aux":
                frame = self.grammar.frame_modals.get(
                    c.text.lower()
                ) or self.grammar.frame_modals.get(_lemma(c))
                if frame is not None:
                    return frame
        return None

    def _recode_code(self, frame: str, event: EventType) -> str | None:
        table = self.grammar.recode.get(frame, {})
        code = table.get(event.plover) or table.get("*")
        return None if code in (None, "keep") else code

    def _recode_own(self, inner: Coded, frame: str) -> Coded:
        tok = inner.match.token
        light = inner.match.light
        if frame == "intent" and (
            syntax.negated(tok) or (light is not None and syntax.negated(light))
        ):  # "will not attack", "will not attend the talks"
            frame = "negated_intent"
        code = self._recode_code(frame, inner.event)
        if code is None:
            return inner
        event = self.ontology.event_type(code, inner.event.trigger)
        note = f"{frame} frame recodes {inner.event.plover} {inner.event.cameo} as {code}"
        used = frame == "negated_intent"
        return replace(
            inner,
            event=event,
            notes=(*inner.notes, note),
            negation_used=used,
            obligation=frame == "obligation",
            frame=frame,
        )

    def _absorb(self, outer: Coded, inner: Coded) -> Coded:
        frame = outer.match.pattern.frame or ""
        code = self._recode_code(frame, inner.event)
        note = f"absorbs embedded {inner.event.plover} {inner.event.trigger!r} ({frame} frame)"
        content = [w for w in outer.match.pattern.companions if w not in _PARTICLES]
        if code is None or content:  # "threaten import restrictions" keeps its own code
            return replace(outer, notes=(*outer.notes, note), embedded=inner.match, frame=frame)
        event = self.ontology.event_type(code, outer.event.trigger)
        return replace(
            outer, event=event, notes=(*outer.notes, note), embedded=inner.match, frame=frame
        )

    def _obligation_clauses(self, sent: Span, matches: dict[int, Match]) -> list[Coded]:
        """ "X said Y must drop its barriers": a demand by X on Y even without a trigger."""
        code = self.grammar.obligation_code
        if code is None:
            return []
        text = sent.doc.text[sent.start_char : sent.end_char].lower()
        modals = (w for w, frame in self.grammar.frame_modals.items() if frame == "obligation")
        if not any(w in text for w in modals):
            return []  # no "must", "should", "ought" in the sentence (a cheap test first)
        clauses = {_clause_head(m.token).i for m in matches.values()}
        out: list[Coded] = []
        for tok in sent:
            if tok.dep_ != "ccomp":
                continue
            if tok.i in matches or tok.i in clauses or not syntax.is_verb(tok):
                continue
            if self._modal_frame(tok) != "obligation":
                continue
            if _lemma(tok.head) not in self.grammar.speech_verbs:
                continue
            pattern = Pattern(
                id="grammar.obligation-clause",
                entry="grammar.obligation-clause",
                cameo=code,
                kind="verb",
                head=_lemma(tok),
                companions=(),
                actor=("speaker",),
                recipient=("subj",),
                confidence=-0.1,
            )
            event = self._event(pattern, tok)
            note = f"obligation modal in a clause reported by {tok.head.text!r}"
            out.append(Coded(Match(tok, pattern, frozenset()), event, (note,), obligation=True))
        return out

    # ------------------------------------------------------------------ 3. means
    def _absorb_means(self, coded: list[Coded]) -> list[Coded]:
        """ "killed in a car bombing", "a roadside bomb killed": one event, coded by the means."""
        by_token = {c.match.token.i: c for c in coded}
        dropped: set[int] = set()
        out: list[Coded] = []
        for c in coded:
            tok = c.match.token
            if c.event.plover != "ASSAULT" or c.match.pattern.nominal:
                continue
            subj = syntax.subject(tok)
            means = [subj] if subj is not None else []
            for prep in _MEANS_PREPS:
                means.extend(syntax.prep_objects(tok, prep))
            for m in means:
                other = by_token.get(m.i)
                if other is None or other.match.token.i == tok.i or not other.match.pattern.nominal:
                    continue
                if other.event.plover != "ASSAULT" or m.i in dropped:
                    continue
                dropped.add(m.i)
                if c.event.cameo in _GENERIC_ASSAULT and other.event.cameo not in _GENERIC_ASSAULT:
                    event = replace(other.event, trigger=c.event.trigger)
                    note = f"means {other.event.trigger!r} gives {other.event.cameo}"
                    by_token[tok.i] = replace(
                        c, event=event, notes=(*c.notes, note), embedded=other.match
                    )
                break
        for c in coded:
            i = c.match.token.i
            if i not in dropped:
                out.append(by_token.get(i, c))
        return out

    # ------------------------------------------------------------------ 4. arguments
    def _candidate(
        self, block: Block, sentence_index: int, c: Coded, index: _MentionIndex
    ) -> EventCandidate | None:
        match = c.match
        tok = match.token
        actor_roles, recipient_roles = match.pattern.actor, match.pattern.recipient
        if c.obligation:
            actor_roles, recipient_roles = ("speaker",), ("subj",)
        actor_toks, actor_how = self._role_tokens(match, actor_roles, True, index)
        recip_toks, recip_how = self._role_tokens(match, recipient_roles, False, index)
        if c.embedded is not None and not recip_toks:
            recip_toks, recip_how = self._role_tokens(
                c.embedded, c.embedded.pattern.recipient, False, index
            )
            recip_how = f"{recip_how} of the embedded action" if recip_toks else recip_how
        if c.embedded is not None and not actor_toks and c.frame != "accuse":
            # the doer of an act one is accused of is the accused, never the accuser
            actor_toks, actor_how = self._role_tokens(
                c.embedded, c.embedded.pattern.actor, True, index
            )
        skip = {tok.i} | set(match.consumed)
        actor = self._arguments(block.index, actor_toks, index, skip)
        taken = {(m.start, m.end) for m in actor.mentions}
        recipient = self._arguments(block.index, recip_toks, index, skip, taken)
        pattern = match.pattern
        if c.event.plover == "ASSAULT":
            actor = self._means_actor(block.index, tok, actor, skip)
            actor_how = actor_how or ("means" if actor.mentions else "")
        if pattern.needs_args and not actor.mentions and not recipient.mentions and not match.light:
            return None
        veto = self.nominal_veto(match, actor, recipient, c.negation_used)
        if pattern.nominal and veto is not None:
            return None
        if c.event.plover == "ASSAULT" and _nobody_claims(tok):
            # "No group has claimed responsibility for the attack": no claim was made, and the
            # attack itself is coded where the text tells it.
            return None
        event = c.event
        if pattern.refine == "instrument" and event.cameo == pattern.cameo:
            refined = self._instrument(match)
            if refined is not None:
                event, note = refined
                c = replace(c, event=event, notes=(*c.notes, note))
        confidence = self._confidence(match, actor, recipient, tok)
        where = "nominal" if pattern.nominal else "verbal"
        if match.light is not None:
            where += f" with light verb {match.light.text!r}"
        reason = f"pattern {pattern.id} ({where}, CAMEO {event.cameo})"
        if c.notes:
            reason += "; " + "; ".join(c.notes)
        reason += f"; actor: {_how(actor_how, actor)}; recipient: {_how(recip_how, recipient)}"
        start = min([tok.i, *match.consumed])
        end = max([tok.i, *match.consumed]) + 1
        return EventCandidate(
            block=block.index,
            sentence_index=sentence_index,
            trigger_start=tok.i if not pattern.companions else start,
            trigger_end=tok.i + 1 if not pattern.companions else end,
            event=event,
            actor=actor.mentions,
            recipient=recipient.mentions,
            pattern_id=pattern.id,
            confidence=confidence,
            reason=reason,
            actor_reason=f"actor: {_how(actor_how, actor)}; "
            f"recipient: {_how(recip_how, recipient)}",
            negated=self._negated(match) and not c.negation_used,
            extra=_extra(c, match),
        )

    def _role_tokens(
        self, match: Match, roles: tuple[str, ...], actor: bool, index: _MentionIndex
    ) -> tuple[list[Token], str]:
        """Head tokens of the first role that yields any, and the role's name. A modifier
        role ("a Hamas attack") counts only where an actor mention covers the modifier: in
        upper-case text the tagger reads adjectives as names ("THE UNEXPECTED ATTACK")."""
        tok = match.token
        pattern = match.pattern
        if pattern.nominal and match.light is not None:
            lv_subj = syntax.subject(match.light)
            if lv_subj is not None and lv_subj.dep_ == "expl":
                lv_subj = None  # "there were attacks": the expletive names no one
            if lv_subj is not None and lv_subj.i != tok.i and actor != match.reverse:
                return [lv_subj], f"subject of light verb {match.light.text!r}"
        blocked = {tok.i, *match.consumed}
        if match.light is not None:
            blocked.add(match.light.i)
        for role in roles:
            heads = [t for t in self._role(match, role) if t.i not in blocked]
            heads = [t for t in heads if not syntax.is_verb(t)]
            if role in _MODIFIER_ROLES:
                heads = [t for t in heads if index.covering(t.i) or t.ent_type_ in _GEO_ENTS]
            if heads:
                return heads, role
        if not actor and pattern.companions:  # "threatened to attack X": X of the companion
            for i in sorted(match.consumed):
                companion = tok.doc[i]
                if not syntax.is_verb(companion):
                    continue
                inner = Match(companion, pattern, match.consumed - {i})
                for role in ("obj", "p:against", "p:on", "p:with", "p:to"):
                    heads = [t for t in self._role(inner, role) if t.i not in blocked]
                    if heads:
                        return heads, f"{role} of {companion.text!r}"
        if pattern.nominal and match.light is not None and not actor:
            for prep in ("against", "on", "at", "to", "with"):
                heads = syntax.prep_objects(match.light, prep)
                if heads:
                    return heads, f"p:{prep} of light verb"
        if not actor and pattern.companions:  # "rejected X's proposal": X
            for i in sorted(match.consumed):
                owners = [t for t in _owners(tok.doc[i]) if t.i not in blocked]
                if owners:
                    return owners, f"owner of {tok.doc[i].text!r}"
        if not actor and (pattern.frame == "request" or pattern.cameo.startswith("10")):
            clause = syntax.first_child(tok, {"ccomp"})  # "demanded that X release them"
            subj = syntax.subject(clause) if clause is not None else None
            if clause is not None and subj is not None and _free_noun(subj, blocked):
                return [subj], f"subject of {clause.text!r} (what is demanded)"
        return [], ""

    def _role(self, match: Match, role: str) -> list[Token]:
        tok = match.token
        if role == "subj":
            s = syntax.subject(tok)
            return [s] if s is not None else []
        if role == "speaker":
            clause = _clause_head(tok)
            steps = 0
            while clause.dep_ in ("xcomp", "acomp", "conj") and steps < 4:  # "must be ready to"
                clause = clause.head
                steps += 1
            if clause.dep_ == "ccomp" and _lemma(clause.head) in self.grammar.speech_verbs:
                s = syntax.subject(clause.head)
                return [s] if s is not None else []
            return []
        if role == "obj":
            o = syntax.direct_object(tok)
            if o is not None and o.i in match.consumed:
                o = _second_object(tok, match.consumed)
            return [o] if o is not None else []
        if role == "iobj":
            o = syntax.indirect_object(tok)
            return [o] if o is not None else []
        if role == "poss":
            return [c for c in tok.children if c.dep_ == "poss"]
        if role in ("compound", "amod"):
            return [
                c for c in tok.children
                if c.dep_ == role and c.i not in match.consumed
                and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
            ]  # fmt: skip
        prep = role[2:]
        found = syntax.prep_objects(tok, prep)
        if not found and tok.dep_ == "compound":  # "a mediation mission between X and Y"
            found = syntax.prep_objects(tok.head, prep)
        if not found and not match.pattern.nominal:
            for c in tok.children:
                if c.dep_ == "dobj":
                    found.extend(syntax.prep_objects(c, prep))
        if not found and match.pattern.nominal and match.light is not None:
            found = syntax.prep_objects(match.light, prep)
        return found

    def _arguments(
        self,
        block: int,
        heads: list[Token],
        index: _MentionIndex,
        skip: set[int],
        taken: set[tuple[int, int]] | None = None,
    ) -> Argument:
        mentions: list[Mention] = []
        notes: list[str] = []
        seen = set(taken or ())
        for head in heads:
            for t in syntax.expand_conjuncts(head):
                quantified = syntax.quantified_noun(t)
                if quantified is not None:  # "thousands of students" -> students
                    notes.append(f"{t.text!r} counts {quantified.text!r}")
                    t = quantified
                if t.i in skip or t.ent_type_ in _NOT_ACTORS:
                    continue
                lo, hi = syntax.noun_phrase(t)
                found = index.covering(t.i) or index.within(lo, hi)
                found = [m for m in found if not any(m.start <= i < m.end for i in skip)]
                if found:
                    found = [_antecedent_in_sentence(m, t, index, notes) for m in found]
                    found = [_phrase_country(m, t.doc, index, notes) for m in found]
                    for m in found:
                        if (m.start, m.end) not in seen:
                            seen.add((m.start, m.end))
                            mentions.append(m)
                    notes.append(f"mention {found[0].entity.text!r}")
                    continue
                if (lo, hi) in seen:
                    continue
                seen.add((lo, hi))
                text = t.doc[lo:hi].text
                mentions.append(
                    Mention(
                        block=block,
                        start=lo,
                        end=hi,
                        entity=Entity(text=text, name=None),
                        kind="ner",
                        reason="no actor mention covers the argument; its noun phrase is used",
                    )
                )
                notes.append(f"noun phrase {text!r} (no mention)")
        return Argument(tuple(mentions), ", ".join(notes) if notes else "none")

    # ------------------------------------------------------------------ precision rules
    def nominal_veto(
        self, match: Match, actor: Argument, recipient: Argument, negation_coded: bool = False
    ) -> str | None:
        """Why a nominal trigger names no event that happened, or None when it may be one.

        The rules (docs/patterns.md, "Precision rules"): a negated noun ("no attack took
        place"); a noun under a cessation word ("a pause in the bombing", "end the violence");
        an abstract topic noun ("violence", "the war") without a resolved participant or an
        occurrence verb; a bare noun with no participant, no light verb and no date or place.
        """
        tok = match.token
        if not negation_coded and (
            self._negated(match)
            or any(c.dep_ == "det" and c.text.lower() in _NEGATIVE_DETS for c in tok.children)
        ):
            return "negated nominal"
        if self._ceased(tok, match.light):
            return "under a cessation word"
        abstract = self.grammar.classes.get("abstract_violence", frozenset())
        if match.pattern.kind == "noun" and _lemma(tok) in abstract:
            light = match.light
            if light is not None and _lemma(light) == "be" and not _existential(light):
                return 'abstract topic noun as a predicate ("it was a long war")'
            if light is None and not (_resolved(actor) or _resolved(recipient)):
                return "abstract topic noun without a resolved participant"
        bare = match.light is None and not actor.mentions and not recipient.mentions
        if bare and not _anchored(tok) and not _causer(tok):
            return "bare nominal: no participant, light verb, date or place"
        return None

    def _means_actor(self, block: int, tok: Token, actor: Argument, skip: set[int]) -> Argument:
        """An attack whose doer is a weapon or blast ("a car bomb killed", "killed by a roadside
        bomb", "killed in an explosion") has an unidentified armed attacker (UAF)."""
        if any(m.kind != "ner" or m.entity.name or m.entity.sector for m in actor.mentions):
            return actor
        words = self.grammar.classes.get("means_actor", frozenset())
        means = [m for m in actor.mentions if _head_word(tok.doc, m) in words]
        if actor.mentions and not means:
            return actor
        if not actor.mentions:
            found = [t for p in ("in", "by") for t in syntax.prep_objects(tok, p)]
            found = [t for t in found if t.i not in skip and _lemma(t) in words]
            if not found:
                return actor
            lo, hi = syntax.noun_phrase(found[0])
            entity = Entity(text=tok.doc[lo:hi].text)
            means = [Mention(block, lo, hi, entity, "ner", "")]
        out = tuple(
            replace(
                m,
                entity=replace(m.entity, sector="UAF"),
                reason="a weapon or blast as the attacker: unidentified armed force (UAF)",
            )
            for m in means
        )
        how = f"{actor.how}; " if actor.mentions else ""
        return Argument(out, f"{how}weapon or blast {out[0].entity.text!r} -> UAF")

    def _ceased(self, tok: Token, light: Token | None) -> bool:
        """The noun (or a conjunct it belongs to) is stopped rather than reported: object of
        a cessation verb or noun ("halt the raids", "an end to the fighting")."""
        words = self.grammar.classes.get("cessation", frozenset())
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if any(c.dep_ in ("compound", "nmod") and _lemma(c) in words for c in tok.children):
            return True  # upper-case text tags the verb as a name: "TO SUSPEND SABOTAGE"
        head = tok.head
        if tok.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
            head = head.head
        elif tok.dep_ not in ("dobj", "nsubjpass", "compound", "nmod", "appos", "dep"):
            head = light if light is not None else tok
        if head.i == tok.i:
            return False
        if _lemma(head) in words:
            return True
        # "called for an end to the war": the cessation noun governs through its own "to"
        return head.dep_ in ("dobj", "pobj") and _lemma(head.head) in words

    def _noun_actor_head(self, noun: Token, lv: Token | None) -> Token | None:
        if lv is not None:
            return syntax.subject(lv)
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        by = syntax.prep_objects(noun, "by")
        return by[0] if by else None

    # ------------------------------------------------------------------ 5. refinements
    def _instrument(self, match: Match) -> tuple[EventType, str] | None:
        tok = match.token
        words: list[set[str]] = []
        subj = syntax.subject(tok) if not match.pattern.nominal else None
        if subj is not None and not subj.ent_type_:
            words.append(_words_of(subj))
        words.append({w for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                      for w in (_lemma(c), c.text.lower())})  # fmt: skip
        for prep in ("with", "by", "using"):
            for t in syntax.prep_objects(tok, prep):
                words.append(_words_of(t))
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp") and _lemma(c) in ("use", "employ", "fire"):
                words.append(_words_of(syntax.direct_object(c)))
            if c.dep_ == "dobj" and not match.pattern.nominal:
                words.append(_words_of(c))
        pool = set().union(*words) if words else set()
        for inst in self.grammar.instruments:
            hit = pool & inst.words
            if hit:
                event = self.ontology.event_type(inst.cameo, match.token.text, mode=inst.mode)
                return event, f"instrument {sorted(hit)[0]!r} refines to {inst.cameo}"
        return None

    def _negated(self, match: Match) -> bool:
        tok = match.token
        if syntax.negated(tok):
            return True
        if match.light is not None and syntax.negated(match.light):
            return True
        head = tok.head
        if tok.dep_ == "xcomp" and _lemma(head) in self.grammar.control_verbs:
            return syntax.negated(head)
        return False

    def _confidence(self, match: Match, actor: Argument, recipient: Argument, tok: Token) -> float:
        pattern = match.pattern
        if not pattern.nominal or match.light is not None:
            score = 0.55
        elif actor.mentions or recipient.mentions:
            score = 0.4
        else:
            score = 0.2
        if pattern.companions:
            score += 0.05
        score += _argument_weight(actor, 0.2, 0.1) + _argument_weight(recipient, 0.1, 0.05)
        score += pattern.confidence
        score -= 0.03 * min(syntax.depth(tok), 4)
        score -= self._background_penalty(tok)
        return round(min(0.95, max(0.05, score)), 3)

    def _background_penalty(self, tok: Token) -> float:
        """Less confidence for actions that are only background to the sentence: conditions
        ("if it is attacked"), purposes ("protested to demand reforms"), participle clauses
        ("..., forcing them to leave"), time phrases ("after the bombing")."""
        penalty = 0.0
        clause = _clause_head(tok)
        marks = {c.text.lower() for c in clause.children if c.dep_ == "mark"}
        if marks & _CONDITIONAL_MARKS:
            penalty += 0.25
        elif marks & _BACKGROUND_MARKS:
            penalty += 0.1
        infinitive = any(c.dep_ == "aux" and c.text.lower() == "to" for c in clause.children)
        head_lemma = _lemma(clause.head)
        purpose_head = (
            head_lemma not in self.grammar.control_verbs
            and head_lemma not in self.grammar.frame_heads
            and clause.head.pos_ == "VERB"
        )
        if infinitive and (clause.dep_ == "advcl" or (clause.dep_ == "xcomp" and purpose_head)):
            penalty += 0.15
        elif (
            clause.dep_ == "advcl"
            and clause.tag_ == "VBG"
            and syntax.first_child(clause, syntax.SUBJ_DEPS) is None
        ):  # "..., calling for X": a participle adjunct of the main clause
            penalty += 0.1
        if (
            not syntax.is_verb(tok)
            and tok.dep_ == "pobj"
            and tok.head.text.lower() in _BACKGROUND_PREPS
        ):
            penalty += 0.15
        return penalty

    def _event(self, pattern: Pattern, tok: Token) -> EventType:
        return self.ontology.event_type(
            pattern.cameo, tok.text, plover=pattern.plover, mode=pattern.mode
        )


_PRONOUNS = frozenset({"it", "he", "she", "they", "him", "her", "them", "its", "his", "their"})


def _antecedent_in_sentence(
    m: Mention, tok: Token, index: _MentionIndex, notes: list[str]
) -> Mention:
    """A pronoun resolved to an actor named earlier in the same sentence ("Chile said it would
    withdraw") is that earlier mention: the event names the actor as written."""
    if m.kind != "coref" or m.entity.text.lower() not in _PRONOUNS:
        return m
    key = m.entity.id or m.entity.name
    earlier = [
        e for e in index.within(tok.sent.start, m.start)
        if e.kind != "coref" and e.end <= m.start and key in (e.entity.id, e.entity.name,
                                                                e.entity.text)
    ]  # fmt: skip
    if not earlier or key is None:
        return m
    best = max(earlier, key=lambda e: (e.end - e.start, e.start))
    notes.append(f"{m.entity.text!r} is {best.entity.text!r} earlier in the sentence")
    return best


def _phrase_country(m: Mention, doc: Doc, index: _MentionIndex, notes: list[str]) -> Mention:
    """A mention without a country takes the country named in its own noun phrase, a "from"
    phrase, a modifier's "with"/"to" phrase or its apposition: "King Hassan of Morocco",
    "doctors from two German charities", "fighters loyal to X", "Sheikh X, the emir of Qatar"."""
    if m.entity.country is not None or m.kind == "coref":
        return m
    tok = doc[m.start : m.end].root
    ranges = [syntax.noun_phrase(t) for t in doc[m.start : m.end]]
    ranges += [syntax.noun_phrase(t) for t in syntax.prep_objects(tok, "from")]  # "doctors from X"
    # "workers affiliated with X", "fighters loyal to X"
    for mod in (c for c in tok.children if c.dep_ in ("acl", "amod")):
        for prep in ("with", "to"):
            ranges += [syntax.noun_phrase(t) for t in syntax.prep_objects(mod, prep)]
    ranges += [syntax.noun_phrase(c) for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        ranges.append(syntax.noun_phrase(tok.head))
    for lo, hi in ranges:
        for other in index.within(lo, hi):
            if other is m or other.entity.country is None or other.kind == "coref":
                continue
            notes.append(f"country {other.entity.country} of {other.entity.text!r} in the phrase")
            return replace(m, entity=replace(m.entity, country=other.entity.country))
    return m


_OWNER_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def _free_noun(tok: Token, blocked: set[int]) -> bool:
    return tok.i not in blocked and not syntax.is_verb(tok)


def _owners(noun: Token) -> list[Token]:
    """Whose the thing named by a noun is: its possessor, a name or nationality modifying it,
    or its "from"/"by" object ("X's proposal", "a US offer", "demands from X")."""
    if syntax.is_verb(noun):
        return []
    out = [
        c for c in noun.children
        if c.dep_ == "poss"
        or (c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_ in _OWNER_ENTS))
    ]  # fmt: skip
    for prep in ("from", "by"):
        out.extend(syntax.prep_objects(noun, prep))
    return [t for t in out if t.tag_ != "PRP$" and t.text.lower() not in _PRONOUNS]


def _head_word(doc: Doc, m: Mention) -> str:
    return _lemma(doc[m.start : m.end].root)


def _modifier_words(tok: Token) -> set[str]:
    return {w for c in tok.children if c.dep_ in ("compound", "amod")
            for w in (_lemma(c), c.text.lower())}  # fmt: skip


def _resolved(arg: Argument) -> bool:
    """An argument holding a resolved actor or a named entity (not only a common noun)."""
    return any(m.kind != "ner" or m.entity.name for m in arg.mentions)


def _causer(noun: Token) -> bool:
    """The noun acts in its clause: subject of a full verb or passive agent ("the blast
    damaged the office", "wounded by an explosion"), so the text reports it happened."""
    if noun.dep_ == "nsubj":
        return noun.head.pos_ == "VERB" and _lemma(noun.head) != "be"
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _existential(verb: Token) -> bool:
    return any(c.dep_ == "expl" for c in verb.children)


def _anchored(noun: Token) -> bool:
    """A date or place among the noun's own dependents ("the bombing on Monday", "the raid in
    Gao") or its clause's ("on Monday, a shooting was reported in Gao"), other clauses
    excluded."""
    clause = _clause_head(noun)
    roots = [noun] if clause.i == noun.i else [noun, clause]
    stack = [c for r in roots for c in r.children if c.dep_ not in _OTHER_CLAUSE]
    while stack:
        t = stack.pop()
        if t.ent_type_ in _ANCHOR_ENTS or (t.text.lower() in _DATE_WORDS and t.text != "May"):
            return True
        stack.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSE)
    return False


def _month_name(tok: Token) -> bool:
    """A month name without a determiner or possessor ("in early March", "19 MAY") is a
    date, not the noun "march"."""
    if tok.text.lower() not in _MONTHS:
        return False
    return not any(c.dep_ in ("det", "poss") for c in tok.children)


def is_heading(block: Block, sent: Span) -> bool:
    """A title line: a block of one short sentence without a verb or final punctuation."""
    if len(sent) > 15 or sent.start != 0 or sent.end != len(block.doc):
        return False
    if sent[-1].text in (".", "!", "?", '"', ":"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in sent)


def merge_anaphora(block: Block, found: list[EventCandidate]) -> list[EventCandidate]:
    """A definite nominal ("the attacks") repeating an event already coded in the same block
    (same PLOVER type, no new participant) is merged into it: the earlier event's reason
    notes the repetition and no second event is emitted."""
    out: list[EventCandidate] = []
    for cand in found:
        earlier = _antecedent(block, cand, out)
        if earlier is None:
            out.append(cand)
            continue
        pos = out.index(earlier)
        note = (
            f"; repeated by {block.doc[cand.trigger_start : cand.trigger_end].text!r} in "
            f"sentence {cand.sentence_index} (merged)"
        )
        out[pos] = replace(earlier, reason=earlier.reason + note)
    return out


def _antecedent(
    block: Block, cand: EventCandidate, earlier: list[EventCandidate]
) -> EventCandidate | None:
    if dict(cand.extra).get("trigger_kind") != "nominal" or "light_verb" in dict(cand.extra):
        return None
    head = block.doc[cand.trigger_end - 1]
    if not any(c.dep_ == "det" and c.text.lower() in _DEFINITE for c in head.children):
        return None
    names = {m.entity.text.lower() for m in (*cand.actor, *cand.recipient)}
    for prev in reversed(earlier):
        if prev.sentence_index == cand.sentence_index or prev.event.plover != cand.event.plover:
            continue
        known = {m.entity.text.lower() for m in (*prev.actor, *prev.recipient)}
        if names <= known:
            return prev
    return None


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause the token stands in."""
    n = 0
    while not syntax.is_verb(tok) and tok.head.i != tok.i and n < 10:
        tok = tok.head
        n += 1
    return tok


_CLAIM_VERBS = frozenset({"claim", "admit", "accept", "assume"})
_NOBODY = frozenset({"nobody", "none", "no-one"})


def _nobody_claims(verb: Token) -> bool:
    """Is a verb of claiming negated, or its subject nobody ("no group", "no one")?"""
    if _lemma(verb) not in _CLAIM_VERBS:
        return False
    if syntax.negated(verb):
        return True
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.lower_ in _NOBODY:
            return True
        return any(c.dep_ == "det" and c.lower_ in _NEGATIVE_DETS for c in subject.children)
    return False


def _extra(c: Coded, match: Match) -> tuple[tuple[str, str], ...]:
    """Notes for later stages: how the trigger was found and which frame recoded it."""
    out = [("trigger_kind", "nominal" if match.pattern.nominal else "verbal")]
    if match.light is not None:
        out.append(("light_verb", match.light.text))
    if c.frame is not None:
        out.append(("frame", c.frame))
    if c.embedded is not None:
        out.append(("embedded", c.embedded.token.text))
    return tuple(out)


def _how(role: str, arg: Argument) -> str:
    return f"{role} -> {arg.how}" if role else "none found"


def _argument_weight(arg: Argument, resolved: float, created: float) -> float:
    if not arg.mentions:
        return 0.0
    if any(m.kind != "ner" or m.entity.name for m in arg.mentions):
        return resolved
    return created


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def _second_object(tok: Token, consumed: frozenset[int]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "oprd") and c.i not in consumed:
            return c
    return None


def _light_options_fit(
    verb: Token, prep: str | None, options: tuple[tuple[str, ...], ...] | None
) -> bool:
    if not options:
        return False
    child_words = {_lemma(c) for c in verb.children} | {c.text.lower() for c in verb.children}
    for option in options:
        fits = all(w == prep or w in child_words for w in option)
        if fits and (option or prep is None):
            return True
    return False


def _companion_pool(tok: Token, noun: bool) -> dict[str, list[int]]:
    """The tokens near ``tok`` where companion words may stand (descendants up to three arcs,
    and for noun phrases ancestors up to two), as lower-case text and lemma -> their
    indices, in pool order."""
    pool: list[Token] = []
    frontier = [tok]
    for _ in range(3):
        nxt = [c for t in frontier for c in t.children if c.dep_ in _PHRASE_DEPS]
        pool.extend(nxt)
        frontier = nxt
    if noun:
        up = tok
        for _ in range(2):
            if up.head.i == up.i:
                break
            up = up.head
            if up.pos_ in _NOUN_POS:  # "cessation of hostilities", never a governing verb
                pool.append(up)
    words: dict[str, list[int]] = {}
    for t in pool:
        low, lemma = t.text.lower(), _lemma(t)
        words.setdefault(low, []).append(t.i)
        if lemma != low:
            words.setdefault(lemma, []).append(t.i)
    return words


def _find_companions(
    pool: dict[str, list[int]], companions: tuple[str, ...]
) -> frozenset[int] | None:
    """Token indices of the pool matching each companion word (the first one not taken yet),
    or None when one is missing."""
    used: set[int] = set()
    for word in companions:
        hit = next((i for i in pool.get(word, ()) if i not in used), None)
        if hit is None:
            return None
        used.add(hit)
    return frozenset(used)
