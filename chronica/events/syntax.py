"""Dependency helpers for the event matcher: arguments, voice, control, negation.

All functions read a spaCy parse (ClearNLP labels as in the ``en_core_web_sm`` models) and never
write to it. Roles are named in active voice: ``subj`` is the doer, ``obj`` the one acted on; a
passive clause maps its ``agent`` to ``subj`` and its ``nsubjpass`` to ``obj``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.symbols import AUX, VERB
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
    pos = tok.pos  # the integer id: much cheaper than pos_, the same test
    return pos == VERB or (pos != AUX and tok.tag_.startswith("VB"))


# Participles that describe a state of their subject, not an action done to it, when no "by"
# agent follows: "X is opposed to", "X is committed to", "X were engaged in".
STATIVE_PARTICIPLES = frozenset(
    {"oppose", "commit", "engage", "involve", "determine", "prepare", "resolve", "dedicate",
     "devote", "poise", "set", "bent", "intent", "bind", "bound", "inclined", "incline",
     "interest", "concern", "worry", "disappoint", "satisfy", "alarm", "pledge", "entitle"}
)  # fmt: skip


def _has_agent(verb: Token) -> bool:
    return any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.text.lower() == "by") for c in verb.children
    )


# Verbs that close a sentence as its reporting clause ("..., a rights group charged").
REPORTING_VERBS = frozenset(
    {"say", "charge", "report", "allege", "claim", "protest", "state", "announce", "add",
     "warn", "complain", "insist", "argue", "write", "tell", "assert", "contend", "declare"}
)  # fmt: skip


def reported_by_noun(verb: Token) -> bool:
    """A past-tense verb the parser hung on a noun that heads no clause of its own: "An
    official newspaper called on X ..." (noun as root), "..., a rights group charged on
    Monday." (a reporting verb after a comma). See :func:`misparsed_subject`."""
    return misparsed_subject(verb) is not None


def misparsed_subject(verb: Token) -> Token | None:
    """The doer of a verb misparsed as a participle modifying a noun: the root noun of a
    sentence without a main verb ("Doctors from two aid groups donated ..." -> Doctors), or
    the noun of a closing reporting clause ("..., a rights group charged")."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or _has_agent(verb):
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass", "oprd", "attr")
        and c.ent_type_ not in ("DATE", "TIME")
        for c in verb.children
    ):  # "called Thursday on X": a date misparsed as the name given
        return None
    if noun.dep_ in ("ROOT", "npadvmod"):
        return noun
    up = noun
    for _ in range(4):  # "Doctors from two aid groups donated": up to the root noun
        if up.dep_ not in ("pobj", "prep", "compound", "conj") or up.head.i == up.i:
            break
        up = up.head
    if up.dep_ == "ROOT" and up.pos_ in ("NOUN", "PROPN") and up.i != noun.i:
        return up
    start = noun.left_edge.i
    after_comma = start > 0 and noun.doc[start - 1].text == ","
    return noun if after_comma and verb.lemma_.lower() in REPORTING_VERBS else None


def is_passive(verb: Token) -> bool:
    """Passive clause, or a past participle modifying a noun ("the man kidnapped by X");
    stative participles without an agent ("X is opposed to Y") and verbs misparsed as
    modifying a root noun (:func:`reported_by_noun`) are not."""
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not _has_agent(verb):
        return False
    if any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not reported_by_noun(verb)


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


# Nouns naming a message: "X issued a statement calling on Y" -> X calls on Y.
MESSAGE_NOUNS = frozenset(
    {"statement", "declaration", "report", "letter", "communique", "communiqué", "message",
     "note", "release", "editorial", "petition", "appeal", "memo", "memorandum", "document",
     "announcement", "notice", "bulletin", "proclamation", "manifesto", "video", "tweet",
     "post", "speech", "address", "resolution"}
)  # fmt: skip


def message_author(noun: Token) -> Token | None:
    """Who issued a message noun: the subject of the verb governing it ("X issued a
    statement", "X put out a report") or its possessor ("X's statement")."""
    if noun.lemma_.lower() not in MESSAGE_NOUNS and noun.text.lower() not in MESSAGE_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    gov = governing_verb(noun)
    if gov is None or not is_verb(gov[0]) or gov[1] not in (None, "in", "through", "via"):
        return None
    author = first_child(gov[0], SUBJ_DEPS)
    return author if author is not None and not is_verb(author) else None


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
        subj = first_child(verb, SUBJ_DEPS | PASS_SUBJ_DEPS)
        if subj is not None:
            if subj.text.lower() in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            if is_verb(subj):  # "the agency operating in X said": the participle's noun
                return first_child(subj, SUBJ_DEPS) or subj
            return subj
        misparsed = misparsed_subject(verb)
        if misparsed is not None:
            return misparsed
        rel = _relative_head(verb)
        if rel is not None and (verb.dep_ == "relcl" or verb.tag_ == "VBG"):
            return message_author(rel) or rel
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ"):
        # "X is willing to send", "X is prepared to lift": the subject of the copula
        if head.dep_ == "amod" and verb.dep_ == "xcomp":
            return head.head  # "a country ready to send troops"
        return subject(head, depth + 1)
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
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        culprit = _culprit(head.head, head.text.lower())
        if culprit is not None:
            return culprit
        if is_verb(head.head):
            return subject(head.head, depth + 1)
    return None


# Verbs that hold someone to account for an act: "arrested X for inciting violence",
# "convicted X of plotting attacks", "X was jailed for killing": X did it, not the arrester.
CULPRIT_VERBS = frozenset(
    {"arrest", "detain", "jail", "imprison", "charge", "accuse", "convict", "sentence", "punish",
     "fine", "blame", "condemn", "criticize", "criticise", "praise", "thank", "commend",
     "prosecute", "indict", "suspect", "investigate", "question", "interrogate", "sue",
     "fault", "reprimand", "censure", "denounce", "expel", "deport", "execute", "hang",
     "sanction", "honour", "honor", "reward", "apprehend", "try", "acquit", "clear"}
)  # fmt: skip


def _culprit(owner: Token, prep: str) -> Token | None:
    """The one held to account for the act in a "for"/"of" gerund hung on ``owner``: the
    object of a :data:`CULPRIT_VERBS` verb, or its passive subject ("X was arrested for ..."),
    also when the parser hung the gerund on that noun ("convicted [X of plotting]")."""
    if prep not in ("for", "of"):
        return None
    if not is_verb(owner):
        held = owner.dep_ in ("dobj", "nsubjpass") and owner.head.i != owner.i
        return owner if held and owner.head.lemma_.lower() in CULPRIT_VERBS else None
    if owner.lemma_.lower() not in CULPRIT_VERBS:
        return None
    if is_passive(owner):
        return first_child(owner, PASS_SUBJ_DEPS)
    return first_child(owner, {"dobj"})


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
            if c.dep_ == "prep" and (
                c.text.lower() != "of" or not any(g.dep_ == "pobj" for g in c.children)
            ):  # "the other of initiating the fighting": no gerund in the phrase
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
     "volley", "salvo", "kind", "type", "form", "act", "pattern", "cycle", "hour", "hours",
     "day", "days", "week", "weeks", "month", "months", "year", "years", "night", "nights"}
)  # fmt: skip


COUNTED = frozenset(
    {"tens", "dozens", "hundreds", "thousands", "millions", "scores", "group", "groups",
     "crowd", "crowds", "band", "number", "handful", "majority", "minority", "third", "half",
     "quarter", "part", "some", "many", "most", "all", "several", "few", "one", "two", "three",
     "contingent", "delegation", "team", "batch", "patch", "detachment", "column", "unit",
     "worth", "tons", "tonnes", "amount", "amounts", "quantity", "quantities", "load", "loads"}
)  # fmt: skip


# Measure words whose "of" object names what is measured ("tons of food", "$5,000 worth of
# goods"); pattern constraints on the object look through them.
MEASURES = frozenset(
    {"worth", "tons", "tonnes", "amount", "amounts", "quantity", "quantities", "load", "loads"}
)


def quantified_noun(tok: Token) -> Token | None:
    """The counted noun of a quantity head ("thousands of students", "tens of thousands of
    farmers", "a group of elders", "one third of the guerrillas") or None."""
    out = None
    for _ in range(3):
        numeric = tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL"
        if not (numeric or tok.text.lower() in COUNTED):
            break
        of = [c for c in tok.children if c.dep_ == "prep" and c.text.lower() == "of"]
        inner = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if not inner or inner[0].pos_ not in NOMINAL_POS:
            break
        tok = out = inner[0]
    return out


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
