"""Dictionary and agent-word matching over one spaCy Doc, with two PhraseMatchers built once.

- ``folded``: attr NORM, every alias variant and agent word ("U.S.", "us" never: see below);
- ``exact``: attr ORTH, short all-caps acronyms ("US", "IS", "WHO") so that the pronoun "us"
  and the verb "is" never match. In an all-caps block ("FMLN GUERRILLAS ATTACKED") exact
  acronyms whose lower case is an English stop word are skipped.

Overlapping hits are reduced to the longest (dictionary alias before agent word on ties).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from chronica.actors.dictionary import ActorDictionary, AgentWord, Alias
from chronica.actors.normalize import tokenizer

_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "throughout",
        "within",
        "via",
        "towards",
        "toward",
        "through",
        "past",
        "beyond",
    ]
)
_NOT_AGENT_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched span: a dictionary alias or an agent word (exactly one is set)."""

    start: int
    end: int
    alias: Alias | None = None
    agent: AgentWord | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


def is_all_caps(words: Sequence[str]) -> bool:
    """True when the block (its tokens' texts) is wire-style upper case (at least 20 letters,
    85% capitals)."""
    letters = "".join(filter(str.isalpha, "".join(words)))
    return len(letters) >= 20 and sum(map(str.isupper, letters)) >= 0.85 * len(letters)


class ActorMatcher:
    """The two PhraseMatchers over the dictionary's aliases and agent words."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.vocab = tokenizer().vocab
        self.folded = PhraseMatcher(self.vocab, attr="NORM")
        self.exact = PhraseMatcher(self.vocab, attr="ORTH")
        for key in dictionary.aliases:
            self.folded.add("A|" + key, [self._pattern(key)])
        for key in dictionary.agents:
            self.folded.add("G|" + key, [self._pattern(key)])
        for key in dictionary.exact_aliases:
            self.exact.add("X|" + key, [self._pattern(key)])

    def _pattern(self, key: str) -> Doc:
        return Doc(self.vocab, words=key.split(" "))

    def hits(self, doc: Doc, all_caps: bool) -> list[Hit]:
        """Every alias and agent hit in ``doc``, longest first, non-overlapping, by start."""
        found: list[Hit] = []
        strings = self.vocab.strings
        has_pos = doc.has_annotation("POS")
        for match_id, start, end in self.folded(doc):
            kind, _, key = strings[match_id].partition("|")
            if kind == "A":
                alias = self.dictionary.aliases[key]
                if _case_ok(alias, doc, start, all_caps):
                    found.append(Hit(start, end, alias=alias))
            else:
                agent = self.dictionary.agents[key]
                if not (has_pos and doc[end - 1].pos_ in _NOT_AGENT_POS):
                    found.append(Hit(start, end, agent=agent))
        weak: set[int] = set()
        for match_id, start, end in self.exact(doc):
            key = strings[match_id].partition("|")[2]
            if all_caps and key.replace(".", "").lower() in STOP_WORDS:
                weak.add(start)  # "US" in wire text: kept only before an agent word
            found.append(Hit(start, end, alias=self.dictionary.exact_aliases[key]))
        selected = [_trim_article(doc, h) for h in select_longest(found)]
        if not weak:
            return selected
        agent_starts = {h.start for h in selected if h.agent is not None}
        return [h for h in selected if h.start not in weak or h.end in agent_starts]


def _case_ok(alias: Alias, doc: Doc, start: int, all_caps: bool) -> bool:
    """A capitalised alias ("Amnesty", "Turkey") does not match an all-lower-case word."""
    if all_caps or not alias.text[:1].isupper():
        return True
    return not doc[start].text.islower()


def select_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Greedy longest-first selection of non-overlapping hits, returned in text order."""
    ranked = sorted(hits, key=lambda h: (-h.length, h.alias is None, h.start))
    taken: list[Hit] = []
    used: set[int] = set()
    for hit in ranked:
        span = range(hit.start, hit.end)
        if any(i in used for i in span):
            continue
        used.update(span)
        taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def _trim_article(doc: Doc, hit: Hit) -> Hit:
    """ "the UN" -> "UN": a leading article is not part of the mention."""
    if hit.length > 1 and doc[hit.start].lower_ == "the":
        return Hit(hit.start + 1, hit.end, hit.alias, hit.agent)
    return hit


def is_place_use(doc: Doc, start: int, end: int) -> bool:
    """A capital after a locative preposition ("in Tehran") or as a dateline at the start of a
    block ("TEHRAN, 3 JAN --") is a place, not the government."""
    if start == 0 and _dateline_follows(doc, end):
        return True
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE


_MONTHS = frozenset(
    {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip


def _dateline_follows(doc: Doc, end: int) -> bool:
    """ "TEHRAN, 3 JAN --", "Tehran, May 3", "TEHRAN (AP) --": a dateline after the capital."""
    if end >= len(doc):
        return False
    if doc[end].text in ("(", "-", "--", "—"):
        return True
    if doc[end].text != "," or end + 1 >= len(doc):
        return False
    nxt = doc[end + 1]
    return nxt.like_num or nxt.lower_.rstrip(".") in _MONTHS
