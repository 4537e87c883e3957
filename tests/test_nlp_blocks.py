"""Blocks: splitting text on blank lines and headings with exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronica.nlp import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence.", ["One sentence."]),
        ("First para.\n\nSecond para.", ["First para.", "Second para."]),
        ("A Heading For Us\nThe body starts here.", ["A Heading For Us", "The body starts here."]),
        (
            "THE ARMY SAID TODAY\nTHAT REBELS ATTACKED.",
            ["THE ARMY SAID TODAY\nTHAT REBELS ATTACKED."],
        ),
        ("  \n\n  Indented.\n\n\n", ["Indented."]),
        ("Line one goes on\nand continues here.", ["Line one goes on\nand continues here."]),
    ],
)
def test_segment_splits_paragraphs_and_headings(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text)] == expected


def test_segment_cuts_long_paragraph_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(400))
    parts = segment(text, max_chars=1_000)
    assert len(parts) > 1
    assert all(len(p.text) <= 1_000 for p in parts)
    assert all(p.text.endswith(".") or p is parts[-1] for p in parts)


@given(st.text(max_size=400))
def test_segment_offsets_always_point_into_the_text(text: str) -> None:
    for seg in segment(text, max_chars=1_000):
        assert seg.text
        assert text[seg.offset : seg.offset + len(seg.text)] == seg.text
