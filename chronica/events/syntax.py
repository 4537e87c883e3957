"""Dependency helpers for the event matcher: arguments, voice, control, negation.

All functions read a spaCy parse (ClearNLP labels as in the ``en_core_web_sm`` models) and never
write to it. Roles are named in active voice: ``subj`` is the doer, ``obj`` the one acted on; a
passive clause maps its ``agent`` to ``subj`` and its ``nsubjpass`` to ``obj``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom", "whose"})
NP_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "appos", "case", "quantmod",
     "predet", "flat", "prep", "pobj", "advmod", "npadvmod", "punct", "neg"}
)  # fmt: skip
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def is_passive(verb: Token) -> bool:
    """Passive clause, or a past participle modifying a noun ("the man kidnapped by X")."""
    if any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def children(tok: Token, dep: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ == dep)


def first_child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of a preposition child with lemma ``prep`` ("against X", "on X"); a gerund
    complement (pcomp) counts too."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.text.lower() == prep:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _relative_head(verb: Token) -> Token | None:
    """The noun a relative clause or participle modifies."""
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        return verb.head
    return None


def passive_agent(verb: Token) -> Token | None:
    """The "by" object of a passive verb, also when the parser attached it to an embedded
    infinitive ("was forced to leave France by X")."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.text.lower() == "by"):
            for pobj in children(c, "pobj"):
                return pobj
    frontier = [x for x in verb.children if x.dep_ in ("xcomp", "oprd", "attr", "dobj", "prep")]
    for _ in range(2):  # "was listed as a terrorist group by X"
        nxt: list[Token] = []
        for x in frontier:
            for c in x.children:
                if c.dep_ in ("agent", "prep") and c.text.lower() == "by":
                    for pobj in children(c, "pobj"):
                        return pobj
                if c.dep_ in ("pobj", "oprd", "attr"):
                    nxt.append(c)
        frontier = nxt
    return None


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``: its subject, the passive agent, or one inherited through control
    ("continued to attack"), coordination, relative clauses and participles."""
    if depth > 6:
        return None
    passive = is_passive(verb)
    if passive:
        agent = passive_agent(verb)
        if agent is not None:
            return agent
    else:
        subj = first_child(verb, SUBJ_DEPS)
        if subj is not None:
            if subj.text.lower() in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            return subj
        rel = _relative_head(verb)
        if rel is not None and (verb.dep_ == "relcl" or verb.tag_ == "VBG"):
            return rel
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "xcomp":
        # object control: "forced X to leave", "urged X to attack" -> X
        controller = first_child(head, {"dobj"})
        if controller is not None:
            return controller
        if is_passive(head):
            return first_child(head, PASS_SUBJ_DEPS)
        return subject(head, depth + 1)
    if verb.dep_ == "conj" and is_verb(head):
        return subject(head, depth + 1)
    if verb.dep_ in ("advcl", "ccomp") and not passive:
        return subject(head, depth + 1) if verb.dep_ == "advcl" else None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and is_verb(head.head):
        return subject(head.head, depth + 1)
    return None


def direct_object(verb: Token, depth: int = 0) -> Token | None:
    """What ``verb`` acts on: the direct object, the passive subject, the noun a passive
    participle or relative clause modifies, or an object shared with a coordinated verb."""
    if depth > 4:
        return None
    if is_passive(verb):
        subj = first_child(verb, PASS_SUBJ_DEPS)
        if subj is not None:
            if subj.text.lower() in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            return subj
        rel = _relative_head(verb)
        if rel is not None:
            return rel
        if verb.dep_ == "xcomp":
            return direct_object(verb.head, depth + 1)
        if verb.dep_ == "conj" and is_verb(verb.head):
            return direct_object(verb.head, depth + 1)
        return None
    obj = first_child(verb, {"dobj", "obj"})
    if obj is not None:
        return obj
    if verb.dep_ == "relcl":
        subj = first_child(verb, SUBJ_DEPS)
        if subj is not None and subj.text.lower() not in RELATIVE_WORDS:
            return verb.head  # "the village that militants attacked"
    for conj in children(verb, "conj"):
        if is_verb(conj):
            shared = first_child(conj, {"dobj"})
            if shared is not None:
                return shared
    if verb.dep_ == "conj" and is_verb(verb.head):
        return first_child(verb.head, {"dobj"})
    return None


def indirect_object(verb: Token) -> Token | None:
    dative = first_child(verb, {"dative"})
    if dative is None:
        return None
    if dative.text.lower() in ("to", "for"):
        return first_child(dative, {"pobj"})
    return dative


def expand_conjuncts(tok: Token) -> list[Token]:
    """The token and the heads coordinated with it ("X and Y" -> [X, Y])."""
    out = [tok]
    out.extend(c for c in tok.conjuncts if c.i > tok.i and c.pos_ in NOMINAL_POS)
    return out


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``tok``, without relative clauses,
    coordinated phrases and prepositional phrases other than "of"."""
    lo = hi = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ not in NP_DEPS:
                continue
            if c.dep_ == "prep" and c.text.lower() != "of":
                continue
            if c.dep_ == "punct" and not (lo < c.i < hi):
                continue
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.append(c)
    doc = tok.doc
    while lo < hi and (doc[lo].dep_ in ("det", "punct", "cc") or doc[lo].tag_ == "PRP$"):
        if doc[lo].dep_ == "poss" and doc[lo].tag_ != "PRP$":
            break
        lo += 1
    while hi > lo and doc[hi].dep_ in ("punct", "cc", "case"):
        hi -= 1
    return lo, hi + 1


def negated(tok: Token) -> bool:
    """A negation on the trigger: "did not attack", "never attacked", "no attacks were"."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.text.lower() == "no") for c in tok.children
    )


QUANTIFIERS = frozenset(
    {"host", "series", "number", "wave", "spate", "string", "round", "couple", "dozen",
     "dozens", "hundred", "hundreds", "thousand", "thousands", "lot", "rash", "flurry", "set",
     "chain", "sequence", "spree", "surge", "handful", "few", "several", "campaign", "barrage",
     "volley", "salvo", "kind", "type", "form", "act", "pattern", "cycle"}
)  # fmt: skip


def governing_verb(noun: Token) -> tuple[Token, str | None] | None:
    """The verb a noun depends on, with the preposition between them if any:
    "launched attacks" -> (launched, None), "went on strike" -> (went, "on"); quantity nouns
    are skipped ("carried out a series of bombings" -> (carried, None))."""
    if (
        noun.dep_ == "pobj"
        and noun.head.text.lower() == "of"
        and noun.head.head.lemma_.lower() in QUANTIFIERS
        and noun.head.head.i != noun.head.i
    ):
        noun = noun.head.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "obj") and noun.head.i != noun.i:
        return noun.head, None
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        prep = noun.head
        if prep.head.i != prep.i:
            return prep.head, prep.text.lower()
    return None


def depth(tok: Token) -> int:
    """Number of arcs from the token up to its sentence root."""
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok = tok.head
        n += 1
    return n
