"""Narrative time in histories: the tense of an event's clause, headings, present-day framing
("the recent protests") and "when" clauses that point back at a date or a dated event."""

from __future__ import annotations

from datetime import date
from typing import Literal

from spacy.tokens import Span, Token

from chronica.records import DateSpan
from chronica.time.grammar import day_span, month_span, year_span

Tense = Literal["past", "present", "unknown"]
_VERBS = frozenset({"VERB", "AUX"})
_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PRESENT_MODALS = frozenset({"will", "may", "might", "can", "must", "shall", "should"})
_AUX_DEPS = frozenset({"aux", "auxpass"})
# Words that frame a passage in the writer's present ("the recent protests", "latest").
# "current" is left out: "the current government" describes a state, not the narrative's time.
PRESENT_CUES = frozenset({"recent", "recently", "latest", "ongoing"})
_HEADING_MAX_TOKENS = 14
_SENTENCE_END = frozenset({".", "!", "?", '"', "”", "’", "'", ")"})
_DEPTH = 64  # parse trees are shallow; the bound guards against cycles


def governing_verb(tok: Token) -> Token | None:
    """The token itself when it is a verb, else the nearest verb above it."""
    for _ in range(_DEPTH):
        if tok.pos_ in _VERBS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _finite(verb: Token) -> Tense | None:
    """The tense its first finite form (auxiliary or the verb) shows; None when non-finite."""
    if not verb.tag_:
        return "unknown"  # no tagger: say nothing about tense
    forms = sorted([c for c in verb.children if c.dep_ in _AUX_DEPS] + [verb], key=lambda t: t.i)
    for tok in forms:
        if tok.tag_ == "MD":
            return "present" if tok.text.lower() in _PRESENT_MODALS else "unknown"
        if tok.tag_ in _PAST_TAGS:
            return "past"
        if tok.tag_ in _PRESENT_TAGS:
            return "present"
    return None


def tense(trigger: Token) -> tuple[Tense, Token | None]:
    """The tense of the clause an event stands in, and the verb that shows it. Participles,
    infinitives and gerunds take the tense of the clause they depend on."""
    verb = governing_verb(trigger)
    for _ in range(_DEPTH):
        if verb is None:
            return "unknown", None
        found = _finite(verb)
        if found is not None:
            return found, verb
        if verb.head.i == verb.i:
            return "unknown", verb
        verb = governing_verb(verb.head)
    return "unknown", None


def is_heading(sentences: list[Span]) -> bool:
    """A block of one short sentence without final punctuation: a title or section heading."""
    if len(sentences) != 1:
        return False
    sent = sentences[0]
    words = [t for t in sent if not t.is_space]
    return 0 < len(words) <= _HEADING_MAX_TOKENS and words[-1].text not in _SENTENCE_END


def present_cue(sent: Span) -> str | None:
    """A word that frames the sentence in the writer's present ("recent", "latest")."""
    return next((t.text for t in sent if t.text.lower() in PRESENT_CUES), None)


def when_clauses(sent: Span) -> list[Token]:
    """Verbs of the sentence introduced by "when" ("when the group was founded")."""
    return [
        tok
        for tok in sent
        if tok.pos_ in _VERBS
        and any(c.text.lower() == "when" and c.i < tok.i for c in tok.children)
    ]


def point(span: DateSpan) -> DateSpan:
    """The time an open span is bounded by ("until 2012" -> 2012): what a following "when"
    clause refers to. A closed span is returned as it is."""
    if span.start is not None and span.end is not None:
        return span
    day = span.end if span.end is not None else span.start
    if day is None:
        return span
    return _unit(day, span)


def _unit(day: date, span: DateSpan) -> DateSpan:
    if span.granularity == "year":
        out = year_span(day.year)
    elif span.granularity == "month":
        out = month_span(day.year, day.month)
    elif span.granularity == "day":
        out = day_span(day)
    else:
        return span
    return DateSpan(out.start, out.end, out.granularity, span.basis, span.text)
