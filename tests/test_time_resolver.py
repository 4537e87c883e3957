"""The time stage on hand-built parses: attachment, narrative inheritance, publication
fallback, anchors, datelines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from conftest import make_doc, parsed_from_docs
from spacy.tokens import Doc

from chronica.config import Settings
from chronica.nlp import ParsedDocument
from chronica.records import DateResult, EventCandidate, EventType
from chronica.time import TimeResolver, find_dateline
from chronica.time.dateline import dateline_place

EVENT = EventType("ASSAULT", None, "190", 4, -10.0, "x")


def cand(parsed: ParsedDocument, block: int, token: int) -> EventCandidate:
    doc = parsed.blocks[block].doc
    sent_index = parsed.blocks[block].sentence_index(doc[token].sent)
    return EventCandidate(block, sent_index, token, token + 1, EVENT, (), (), "t", 0.5, "t")


def resolve(parsed: ParsedDocument, triggers: Sequence[tuple[int, int]]) -> list[DateResult]:
    resolver = TimeResolver.from_settings(Settings())
    return resolver.resolve(parsed, [cand(parsed, b, i) for b, i in triggers])


def founded_and_protested() -> Doc:
    # "Founded in 1965 , the group protested in 1981 ."
    return make_doc(
        ["Founded", "in", "1965", ",", "the", "group", "protested", "in", "1981", "."],
        heads=[6, 0, 1, 6, 5, 6, 6, 6, 7, 6],
        deps=["advcl", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["VERB", "ADP", "NUM", "PUNCT", "DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT"],
    )


def sentence(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> dict:
    return {"words": words, "heads": heads, "deps": deps, "pos": pos}


def joined(*sents: dict) -> Doc:
    """One block of several hand-parsed sentences (heads are per sentence)."""
    words: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    for s in sents:
        offset = len(words)
        words += s["words"]
        heads += [h + offset for h in s["heads"]]
        deps += s["deps"]
        pos += s["pos"]
    return make_doc(words, heads=heads, deps=deps, pos=pos)


FOUNDED = sentence(
    ["The", "group", "was", "founded", "in", "1965", "."],
    [1, 3, 3, 3, 3, 4, 3],
    ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
    ["DET", "NOUN", "AUX", "VERB", "ADP", "NUM", "PUNCT"],
)
MOVED = sentence(
    ["It", "moved", "to", "Iraq", "in", "1986", "."],
    [1, 1, 1, 2, 1, 4, 1],
    ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
    ["PRON", "VERB", "ADP", "PROPN", "ADP", "NUM", "PUNCT"],
)
OPPOSED = sentence(
    ["It", "opposed", "the", "regime", "."],
    [1, 1, 3, 1, 1],
    ["nsubj", "ROOT", "det", "dobj", "punct"],
    ["PRON", "VERB", "DET", "NOUN", "PUNCT"],
)
REVOLUTION = sentence(
    ["The", "revolution", "began", "in", "1979", "."],
    [1, 2, 2, 2, 3, 2],
    ["det", "nsubj", "ROOT", "prep", "pobj", "punct"],
    ["DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT"],
)


def fled(anchor: str, rel: list[str]) -> dict:
    """'Rebels fled <rel...> the <anchor> .'"""
    n = len(rel)
    words = ["Rebels", "fled", *rel, "the", anchor, "."]
    heads = [1, 1, *([1] + [2 + i for i in range(n - 1)]), 3 + n, 1 + n, 1]
    deps = ["nsubj", "ROOT", *(["prep"] + ["pobj"] * (n - 1)), "det", "pobj", "punct"]
    pos = ["NOUN", "VERB", *(["ADP"] * n), "DET", "NOUN", "PUNCT"]
    return sentence(words, heads, deps, pos)


@pytest.mark.parametrize(
    ("trigger", "year", "level"),
    [(6, 1981, "modifies 'protested'"), (0, 1965, "modifies 'Founded'")],
)
def test_time_expression_attaches_to_its_own_trigger(trigger: int, year: int, level: str) -> None:
    parsed = parsed_from_docs([founded_and_protested()], published=date(2023, 1, 1))
    (result,) = resolve(parsed, [(0, trigger)])
    assert result.span.start == date(year, 1, 1) and result.span.end == date(year, 12, 31)
    assert result.span.basis == "text"
    assert level in result.reason and f"in {year}" in result.reason


def test_time_history_sentence_inherits_paragraph_date() -> None:
    parsed = parsed_from_docs([joined(FOUNDED, MOVED, OPPOSED)], published=date(2023, 5, 1))
    founded, moved, opposed = resolve(parsed, [(0, 3), (0, 8), (0, 15)])
    assert founded.span.start == date(1965, 1, 1)
    assert moved.span.start == date(1986, 1, 1)
    assert opposed.span.start == date(1986, 1, 1) and opposed.span.basis == "context"
    assert opposed.reason == "inherited from previous sentence in paragraph (1986)"


def test_time_history_without_paragraph_date_does_not_use_publication() -> None:
    history = joined(FOUNDED, MOVED)
    parsed = parsed_from_docs([history, make_doc(OPPOSED["words"], *_parse(OPPOSED))])
    (result,) = resolve(parsed, [(1, 1)])
    assert result.span.start is None and result.span.granularity == "unknown"


def _parse(s: dict) -> tuple[list[int], list[str], list[str]]:
    return s["heads"], s["deps"], s["pos"]


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "trigger", "basis", "day"),
    [
        (
            ["Police", "arrested", "five", "people", "."],
            [1, 1, 3, 1, 1],
            ["nsubj", "ROOT", "nummod", "dobj", "punct"],
            ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
            1,
            "publication",
            date(2022, 6, 8),
        ),
        (
            ["Police", "arrested", "five", "people", "on", "Monday", "."],
            [1, 1, 3, 1, 1, 4, 1],
            ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"],
            ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
            1,
            "text",
            date(2022, 6, 6),
        ),
    ],
)
def test_time_news_uses_text_then_publication_date(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    trigger: int,
    basis: str,
    day: date,
) -> None:
    parsed = parsed_from_docs([make_doc(words, heads, deps, pos)], published=date(2022, 6, 8))
    (result,) = resolve(parsed, [(0, trigger)])
    assert (result.span.start, result.span.end, result.span.basis) == (day, day, basis)


def test_time_reporting_verb_date_is_not_the_event_date() -> None:
    # "Police said today rebels attacked a base ."
    doc = make_doc(
        ["Police", "said", "today", "rebels", "attacked", "a", "base", "."],
        heads=[1, 1, 1, 4, 1, 6, 4, 1],
        deps=["nsubj", "ROOT", "npadvmod", "nsubj", "ccomp", "det", "dobj", "punct"],
        pos=["NOUN", "VERB", "NOUN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["police", "say", "today", "rebel", "attack", "a", "base", "."],
    )
    parsed = parsed_from_docs([doc], published=date(2022, 6, 8))
    (result,) = resolve(parsed, [(0, 4)])
    assert result.span.basis == "publication"


@pytest.mark.parametrize(
    ("rel", "start", "end"),
    [
        (["after"], date(1980, 1, 1), None),
        (["before"], None, date(1978, 12, 31)),
        (["during"], date(1979, 1, 1), date(1979, 12, 31)),
        (["in", "the", "years", "leading", "up", "to"], None, date(1978, 12, 31)),
    ],
)
def test_time_fuzzy_anchor_resolved_from_earlier_sentence(
    rel: list[str], start: date | None, end: date | None
) -> None:
    parsed = parsed_from_docs([joined(REVOLUTION, fled("revolution", rel))])
    (result,) = resolve(parsed, [(0, 7)])
    assert (result.span.start, result.span.end) == (start, end)
    assert result.span.basis == "context"
    assert "anchor 'the revolution' dated 1979" in result.reason


def test_time_fuzzy_anchor_without_earlier_date_is_unknown() -> None:
    parsed = parsed_from_docs([joined(fled("war", ["after"]))])
    (result,) = resolve(parsed, [(0, 1)])
    assert result.span.start is None and result.span.end is None
    assert "not dated earlier" in result.reason


def test_time_interval_is_never_reversed_and_until_is_open() -> None:
    # "The camp operated until 2012 ."
    doc = make_doc(
        ["The", "camp", "operated", "until", "2012", "."],
        heads=[1, 2, 2, 2, 3, 2],
        deps=["det", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT"],
    )
    (result,) = resolve(parsed_from_docs([doc], published=date(2020, 1, 1)), [(0, 2)])
    assert result.span.start is None and result.span.end == date(2012, 12, 31)


def test_time_dateline_date_is_publication_not_event() -> None:
    words = ["SAN", "SALVADOR", ",", "3", "JAN", "90", "--", "REBELS", "ATTACKED", "A", "BASE"]
    spaces = [True, False, True, True, True, True, True, True, True, True, False]
    parsed = parsed_from_docs([make_doc(words, spaces=spaces)], published=date(1990, 1, 3))
    (result,) = resolve(parsed, [(0, 8)])
    assert result.span.basis == "publication"
    assert result.span.start == date(1990, 1, 3)


@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        (
            "SAN SALVADOR, 12 JAN 90 (RADIO CADENA) -- [TEXT] THE ARMY",
            date(1990, 1, 12),
            "SAN SALVADOR",
        ),
        ("LIMA (PERU), 5 FEB 90 (EFE) -- [TEXT]", date(1990, 2, 5), "LIMA"),
        ("BOGOTA, COLOMBIA, 14 MAR 89 -- THE", date(1989, 3, 14), "BOGOTA"),
        ("WASHINGTON, June 3, 2021 (Reuters) - Officials said", date(2021, 6, 3), "WASHINGTON"),
        ("PARIS, Jan. 5 (AP) - no year here", None, None),
        ("On 8 June 2022, in a town, people protested.", None, None),
        ("", None, None),
    ],
)
def test_time_find_dateline(text: str, day: date | None, place: str | None) -> None:
    assert find_dateline(text) == day
    assert dateline_place(text) == place


def test_time_resolver_returns_one_result_per_candidate() -> None:
    parsed = parsed_from_docs([founded_and_protested()], published=None)
    assert resolve(parsed, []) == []
    assert len(resolve(parsed, [(0, 6), (0, 0), (0, 6)])) == 3


def test_time_unresolved_anchor_in_another_clause_is_ignored() -> None:
    # "After the talks , police feared rebels attacked ." (the anchor is on "feared")
    doc = make_doc(
        ["After", "the", "talks", ",", "police", "feared", "rebels", "attacked", "."],
        heads=[5, 2, 0, 5, 5, 5, 7, 5, 5],
        deps=["prep", "det", "pobj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "NOUN", "VERB", "PUNCT"],
        lemmas=["after", "the", "talk", ",", "police", "fear", "rebel", "attack", "."],
    )
    parsed = parsed_from_docs([doc], published=date(2022, 6, 8))
    feared, attacked = resolve(parsed, [(0, 5), (0, 7)])
    assert feared.span.start is None and "not dated earlier" in feared.reason
    assert attacked.span.basis == "publication"
