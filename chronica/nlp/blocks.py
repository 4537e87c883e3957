"""Blocks: the paragraphs of a document, each parsed as its own spaCy Doc."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from chronica.records import Document

_BLANK = re.compile(r"\n[ \t]*\n+|\r\n[ \t]*\r\n+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the document text: ``text == document.text[offset:offset + len(text)]``."""

    offset: int
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """One parsed paragraph. ``offset`` is its char offset in the document text;
    ``first_sentence`` the document-wide index of its first sentence."""

    index: int
    offset: int
    doc: Doc
    first_sentence: int

    def sentence_index(self, sent: Span) -> int:
        """Document-wide index of a sentence of this block."""
        for i, candidate in enumerate(self.doc.sents):
            if candidate.start == sent.start:
                return self.first_sentence + i
        raise ValueError("sentence does not belong to this block")

    def char_span(self, span: Span) -> tuple[int, int]:
        """Offsets of a span in the document text."""
        return self.offset + span.start_char, self.offset + span.end_char


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    document: Document
    blocks: tuple[Block, ...]

    def sentences(self) -> Iterator[tuple[Block, int, Span]]:
        """Every sentence in order, with its block and document-wide index."""
        for block in self.blocks:
            for i, sent in enumerate(block.doc.sents):
                yield block, block.first_sentence + i, sent


def _cut_long(offset: int, text: str, max_chars: int) -> Iterator[Segment]:
    """Cut an over-long paragraph at sentence ends (or hard, as a last resort)."""
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for m in _SENTENCE_END.finditer(window):
            cut = m.end()
        if cut < max_chars // 4:
            space = window.rfind(" ", max_chars // 2)
            cut = space + 1 if space > 0 else max_chars
        piece = text[start : start + cut]
        yield Segment(offset + start, piece.rstrip())
        start += cut
    if start < len(text):
        yield Segment(offset + start, text[start:])


def segment(text: str, max_chars: int = 20_000) -> list[Segment]:
    """Split text on blank lines; a single-line paragraph with no sentence end is a heading and
    stays a block of its own. Whitespace-only pieces are dropped; offsets are kept exact."""
    segments: list[Segment] = []
    pos = 0
    pieces: list[tuple[int, int]] = []
    for m in _BLANK.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    for begin, end in pieces:
        raw = text[begin:end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        begin += lead
        body = stripped
        # Single newlines inside a paragraph: a short line without final punctuation is a heading.
        lines = body.split("\n")
        if len(lines) > 1 and _is_heading(lines[0]):
            first = lines[0]
            segments.append(Segment(begin, first.rstrip()))
            rest_start = begin + len(first) + 1
            rest = text[rest_start : begin + len(body)]
            rest_lead = len(rest) - len(rest.lstrip())
            if rest.strip():
                segments.extend(_cut_long(rest_start + rest_lead, rest.strip(), max_chars))
            continue
        segments.extend(_cut_long(begin, body, max_chars))
    return segments


def _is_heading(line: str) -> bool:
    """A short title-case line without final punctuation (hard-wrapped prose is not one)."""
    line = line.strip()
    words = line.split()
    if not 0 < len(words) <= 12 or line[-1] in ".!?:;,\"”’'-" or line.isupper():
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6
