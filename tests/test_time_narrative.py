"""Narrative time in histories, on hand-built parses: tense, headings, present-day framing,
"when" clauses, paragraphs carrying the time forward, unresolved anchors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from conftest import make_doc, parsed_from_docs
from spacy.language import Language
from spacy.tokens import Doc

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import DateResult, DateSpan, EventCandidate, EventType
from chronica.time import TimeResolver
from chronica.time.narrative import is_heading, point, present_cue, tense
from chronica.time.resolver import analyse

EVENT = EventType("ASSAULT", None, "190", 4, -10.0, "x")


def block(*sentences: str) -> Doc:
    """One paragraph from sentences written token by token as ``word/POS/TAG/dep/head``
    (head: index within the sentence; lemma: the word lower-cased, or ``word/.../head/lemma``)."""
    words: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    lemmas: list[str] = []
    for text in sentences:
        offset = len(words)
        for item in text.split():
            word, p, tag, dep, head, *lemma = item.split("/")
            words.append(word)
            pos.append(p)
            tags.append(tag)
            deps.append(dep)
            heads.append(int(head) + offset)
            lemmas.append(lemma[0] if lemma else word.lower())
    return make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def cand(parsed: ParsedDocument, block_index: int, token: int) -> EventCandidate:
    doc = parsed.blocks[block_index].doc
    sent_index = parsed.blocks[block_index].sentence_index(doc[token].sent)
    return EventCandidate(block_index, sent_index, token, token + 1, EVENT, (), (), "t", 0.5, "t")


def resolve(parsed: ParsedDocument, triggers: Sequence[tuple[int, int]]) -> list[DateResult]:
    resolver = TimeResolver.from_settings(Settings())
    return resolver.resolve(parsed, [cand(parsed, b, i) for b, i in triggers])


FOUNDED = (
    "The/DET/DT/det/1 league/NOUN/NN/nsubjpass/3 was/AUX/VBD/auxpass/3 "
    "founded/VERB/VBN/ROOT/3/found in/ADP/IN/prep/3 1971/NUM/CD/pobj/4 ./PUNCT/./punct/3"
)
MOVED = (
    "It/PRON/PRP/nsubj/1 moved/VERB/VBD/ROOT/1/move to/ADP/IN/prep/1 Libya/PROPN/NNP/pobj/2 "
    "in/ADP/IN/prep/1 1984/NUM/CD/pobj/4 ./PUNCT/./punct/1"
)
RAIDED = (
    "It/PRON/PRP/nsubj/1 raided/VERB/VBD/ROOT/1/raid the/DET/DT/det/3 border/NOUN/NN/dobj/1 "
    "./PUNCT/./punct/1"
)
BLAMES = (
    "It/PRON/PRP/nsubj/2 now/ADV/RB/advmod/2 blames/VERB/VBZ/ROOT/2/blame the/DET/DT/det/4 "
    "army/NOUN/NN/dobj/2 ./PUNCT/./punct/2"
)
HAS_RAIDED = (
    "It/PRON/PRP/nsubj/2 has/AUX/VBZ/aux/2 raided/VERB/VBN/ROOT/2/raid towns/NOUN/NNS/dobj/2 "
    "./PUNCT/./punct/2"
)
WILL_RAID = (
    "It/PRON/PRP/nsubj/2 will/AUX/MD/aux/2 raid/VERB/VB/ROOT/2 towns/NOUN/NNS/dobj/2 "
    "./PUNCT/./punct/2"
)
# "Bombings were carried out ." - a nominal trigger takes its verb's tense
BOMBINGS = (
    "Bombings/NOUN/NNS/nsubjpass/2/bombing were/AUX/VBD/auxpass/2 carried/VERB/VBN/ROOT/2/carry "
    "out/ADP/RP/prt/2 ./PUNCT/./punct/2"
)
# "When the league was founded , it opposed the king ."
WHEN_FOUNDED = (
    "When/SCONJ/WRB/advmod/4 the/DET/DT/det/2 league/NOUN/NN/nsubjpass/4 was/AUX/VBD/auxpass/4 "
    "founded/VERB/VBN/advcl/7/found ,/PUNCT/,/punct/7 it/PRON/PRP/nsubj/7 "
    "opposed/VERB/VBD/ROOT/7/oppose the/DET/DT/det/9 king/NOUN/NN/dobj/7 ./PUNCT/./punct/7"
)
# "After the founding it bombed a bank ."
AFTER_FOUNDING = (
    "After/ADP/IN/prep/4 the/DET/DT/det/2 founding/NOUN/NN/pobj/0 it/PRON/PRP/nsubj/4 "
    "bombed/VERB/VBD/ROOT/4/bomb a/DET/DT/det/6 bank/NOUN/NN/dobj/4 ./PUNCT/./punct/4"
)
# "Before the uprising it bombed a bank ."
BEFORE_UPRISING = AFTER_FOUNDING.replace("After", "Before").replace("founding", "uprising")
# "The army held the city until 1994 , when it withdrew ."
UNTIL_WHEN = (
    "The/DET/DT/det/1 army/NOUN/NN/nsubj/2 held/VERB/VBD/ROOT/2/hold the/DET/DT/det/4 "
    "city/NOUN/NN/dobj/2 until/ADP/IN/prep/2 1994/NUM/CD/pobj/5 ,/PUNCT/,/punct/6 "
    "when/SCONJ/WRB/advmod/10 it/PRON/PRP/nsubj/10 withdrew/VERB/VBD/relcl/6/withdraw "
    "./PUNCT/./punct/2"
)
# "With the recent strikes , workers marched ."
RECENT = (
    "With/ADP/IN/prep/6 the/DET/DT/det/3 recent/ADJ/JJ/amod/3 strikes/NOUN/NNS/pobj/0 "
    ",/PUNCT/,/punct/6 workers/NOUN/NNS/nsubj/6 marched/VERB/VBD/ROOT/6/march ./PUNCT/./punct/6"
)
HEADING = "Rebels/NOUN/NNS/nsubj/1 strike/VERB/VBP/ROOT/1 back/ADV/RB/advmod/1"


@pytest.mark.parametrize(
    ("text", "trigger", "expected", "verb"),
    [
        (RAIDED, 1, "past", "raided"),
        (BLAMES, 2, "present", "blames"),
        (HAS_RAIDED, 2, "present", "raided"),
        (WILL_RAID, 2, "present", "raid"),
        (BOMBINGS, 0, "past", "carried"),
        (WHEN_FOUNDED, 4, "past", "founded"),
    ],
)
def test_time_tense_of_the_event_clause(text: str, trigger: int, expected: str, verb: str) -> None:
    doc = block(text)
    found, shown_by = tense(doc[trigger])
    assert found == expected
    assert shown_by is not None and shown_by.text == verb


def test_time_tense_is_unknown_without_tags() -> None:
    doc = make_doc(["It", "raided", "towns"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert tense(doc[1])[0] == "unknown"


@pytest.mark.parametrize(("text", "expected"), [(HEADING, True), (RAIDED, False)])
def test_time_heading_is_a_short_unpunctuated_block(text: str, expected: bool) -> None:
    assert is_heading(list(block(text).sents)) is expected


@pytest.mark.parametrize(("text", "cue"), [(RECENT, "recent"), (RAIDED, None)])
def test_time_present_cue(text: str, cue: str | None) -> None:
    (sent,) = block(text).sents
    assert present_cue(sent) == cue


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (DateSpan(None, date(2012, 12, 31), "year"), (date(2012, 1, 1), date(2012, 12, 31))),
        (DateSpan(date(2003, 5, 1), None, "month"), (date(2003, 5, 1), date(2003, 5, 31))),
        (
            DateSpan(date(2003, 1, 1), date(2004, 12, 31), "year"),
            (date(2003, 1, 1), date(2004, 12, 31)),
        ),
    ],
)
def test_time_point_of_an_open_span(span: DateSpan, expected: tuple[date, date]) -> None:
    out = point(span)
    assert (out.start, out.end) == expected


def test_time_when_clause_refers_back_to_dated_event() -> None:
    parsed = parsed_from_docs([block(FOUNDED), block(WHEN_FOUNDED)])
    (opposed,) = resolve(parsed, [(1, 7)])
    assert (opposed.span.start, opposed.span.end) == (date(1971, 1, 1), date(1971, 12, 31))
    assert opposed.span.basis == "context"
    assert "'when' refers back to 'founded'" in opposed.reason


def test_time_when_clause_on_until_takes_the_year() -> None:
    parsed = parsed_from_docs([block(UNTIL_WHEN)])
    held, withdrew = resolve(parsed, [(0, 2), (0, 10)])
    assert held.span.start is None and held.span.end == date(1994, 12, 31)
    assert (withdrew.span.start, withdrew.span.end) == (date(1994, 1, 1), date(1994, 12, 31))
    assert "'when' refers to 'until 1994'" in withdrew.reason


def test_time_nominalised_anchor_uses_dated_verb() -> None:
    parsed = parsed_from_docs([block(FOUNDED, AFTER_FOUNDING)])
    (bombed,) = resolve(parsed, [(0, 11)])
    assert bombed.span.start == date(1972, 1, 1) and bombed.span.end is None
    assert "founding" in bombed.reason


def test_time_unresolved_anchor_gives_only_a_lower_bound() -> None:
    parsed = parsed_from_docs([block(FOUNDED, MOVED, BEFORE_UPRISING, RAIDED)])
    bombed, raided = resolve(parsed, [(0, 18), (0, 23)])
    for result in (bombed, raided):
        assert result.span == DateSpan(date(1984, 1, 1), None, "year", "context")
        assert "lower certainty" in result.reason
    assert "'the uprising'" in bombed.reason and "unresolved" in raided.reason


@pytest.mark.parametrize(
    ("sentences", "mode"),
    [((FOUNDED,), "news"), ((FOUNDED, MOVED), "history"), ((RAIDED,), "history")],
)
def test_time_mode_without_publication_date(sentences: tuple[str, ...], mode: str) -> None:
    parsed = parsed_from_docs([block(*sentences)])
    assert analyse(parsed).mode == mode


def test_time_past_narrative_carries_earlier_paragraph_forward() -> None:
    parsed = parsed_from_docs([block(FOUNDED, MOVED), block(HEADING), block(RAIDED)])
    heading, raided = resolve(parsed, [(1, 1), (2, 1)])
    assert heading.span.granularity == "unknown" and "heading" in heading.reason
    assert raided.span == DateSpan(date(1984, 1, 1), None, "year", "context")
    assert "carried forward from '1984'" in raided.reason and "lower certainty" in raided.reason


@pytest.mark.parametrize(
    ("published", "start", "basis"),
    [(None, None, "unknown"), (date(2019, 3, 4), date(2019, 3, 4), "publication")],
)
def test_time_present_tense_is_the_time_of_writing(
    published: date | None, start: date | None, basis: str
) -> None:
    parsed = parsed_from_docs([block(FOUNDED, MOVED, BLAMES)], published=published)
    (blames,) = resolve(parsed, [(0, 16)])
    assert blames.span.start == start and blames.span.basis == basis
    assert "present tense ('blames')" in blames.reason


def test_time_present_framing_stops_carrying_the_past_forward() -> None:
    parsed = parsed_from_docs([block(FOUNDED, MOVED), block(RECENT), block(RAIDED)])
    marched, raided = resolve(parsed, [(1, 6), (2, 1)])
    assert marched.span.granularity == "unknown" and "'recent'" in marched.reason
    assert raided.span.granularity == "unknown" and "present-day framing" in raided.reason


# "The league , which was banned until 1994 , became a party ." (two dated paragraphs before)
BANNED_RELCL = (
    "The/DET/DT/det/1 league/NOUN/NN/nsubj/9 ,/PUNCT/,/punct/1 which/PRON/WDT/nsubjpass/5 "
    "was/AUX/VBD/auxpass/5 banned/VERB/VBN/relcl/1/ban until/ADP/IN/prep/5 "
    "1994/NUM/CD/pobj/6 ,/PUNCT/,/punct/1 became/VERB/VBD/ROOT/9/become a/DET/DT/det/11 "
    "party/NOUN/NN/attr/9 ./PUNCT/./punct/9"
)


@pytest.mark.parametrize(
    ("trigger", "end", "reason"),
    [(5, date(1994, 12, 31), "'until 1994' modifies 'banned'"), (9, None, "carried forward")],
)
def test_time_date_in_relative_clause_dates_only_that_clause(
    trigger: int, end: date | None, reason: str
) -> None:
    parsed = parsed_from_docs([block(FOUNDED, MOVED), block(BANNED_RELCL)])
    (result,) = resolve(parsed, [(1, trigger)])
    assert result.span.end == end and reason in result.reason


HISTORY = (
    "The Northern League was founded in 1971 by students in Arusha. It moved its office to "
    "Lusaka in 1984.\n\n"
    "When the league was founded, it opposed the colonial governor. Its fighters raided the "
    "border until 1994, when the league signed a truce.\n\n"
    "The league later opened an office in Nairobi. It now blames the army for the war."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("trigger", "start", "end"),
    [
        ("opposed", date(1971, 1, 1), date(1971, 12, 31)),
        ("signed", date(1994, 1, 1), date(1994, 12, 31)),
        ("opened", date(1994, 1, 1), None),
        ("blames", None, None),
    ],
)
def test_time_history_text_end_to_end(
    nlp: Language, trigger: str, start: date | None, end: date | None
) -> None:
    from chronica.nlp import parse
    from chronica.records import Document

    (parsed,) = parse(nlp, [Document(id="h", text=HISTORY)])
    b, tok = next((b.index, t.i) for b in parsed.blocks for t in b.doc if t.text == trigger)
    (result,) = resolve(parsed, [(b, tok)])
    assert (result.span.start, result.span.end) == (start, end), result.reason
