"""The time grammar's gates (cheap word tests before each regex) never change what scan finds:
the gated scan equals running every pattern on every text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronica.time.grammar import PATTERNS, TIME_NOUNS, Found, TextView, scan

_WORDS = tuple(
    " ".join(
        [
            "from between to until up through by before prior after since following as of",
            "starting the that same next previous later earlier afterwards two a few several",
            "5 12 31st 2020 1999 '90 90 - – / , . ( January JAN. march May may Sept. december",
            "Monday FRIDAY today tonight tomorrow yesterday last night morning this past week",
            "weekend month year decade days ago quarter first spring winter fall 1980s mid late",
            "early war run-up aftermath wake at time end start people % 2021-05-06",
            "\u0130 \u0131 \u017f \u212a",  # letters IGNORECASE folds to ASCII
        ]
    ).split(" ")
)


def _ungated(text: str) -> list[tuple[int, int, str, str]]:
    """scan without gates: every pattern's matches, longest first where they overlap."""
    found: list[Found] = []
    for pattern in PATTERNS:
        for m in pattern.regex.finditer(text):
            if m.end() == m.start():
                continue
            if pattern.accept is not None and not pattern.accept(text, m):
                continue
            if pattern.name == "anchor" and m.group("noun").lower() in TIME_NOUNS:
                continue
            found.append(Found(m.start(), m.end(), m.group(0), pattern.kind, pattern.name, m))
    order = {p.name: i for i, p in enumerate(PATTERNS)}
    found.sort(key=lambda f: (f.start, -(f.end - f.start), order[f.pattern]))
    kept: list[Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return [(f.start, f.end, f.kind, f.pattern) for f in kept]


def _scanned(text: str) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.kind, f.pattern) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the town on Monday night, two days after the ceasefire.",
        "TROOPS WITHDREW FROM 5 TO 8 JUNE 2021 IN THE RUN-UP TO THE VOTE",
        "The talks, held in mid-January, resumed late last year.",
        "Officials met envoys in the capital.",
        "In the wake of the coup, the first quarter of 2020 saw 300 arrests.",
        "\u017funday talks ended on 5 \u0130une",  # letters IGNORECASE folds to ASCII
    ],
)
def test_time_gates_keep_scan(text: str) -> None:
    assert _scanned(text) == _ungated(text)


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Officials met envoys in the capital.", {"dmy", "year", "weekday", "month", "ago"}),
        ("Talks resumed on Monday.", {"dmy", "year", "month", "quarter"}),
    ],
)
def test_time_gates_close_patterns_without_their_words(text: str, closed: set[str]) -> None:
    view = TextView.of(text)
    shut = {p.name for p in PATTERNS if not p.gate.opens(view)}
    assert closed <= shut


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
    st.sampled_from([" ", "", "-", "\n"]),
    st.booleans(),
)
def test_time_gates_never_change_scan(words: list[str], sep: str, upper: bool) -> None:
    text = sep.join(words)
    text = text.upper() if upper else text
    assert _scanned(text) == _ungated(text)
