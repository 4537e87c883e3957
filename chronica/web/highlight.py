"""Split a document's text around an event's evidence sentence, marking the event's parts.

The page template renders the pieces with autoescaping on, so article text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronica.records import Document, Event


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of sentence text; ``role`` names the event part it shows (None for plain text)."""

    text: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Highlighted:
    """The document as ``before`` + marked evidence sentence + ``after``.

    ``located`` is False when the sentence could not be placed in the document text; the
    sentence is then shown on its own and ``before``/``after`` hold the whole document.
    """

    before: str
    sentence: tuple[Segment, ...]
    after: str
    located: bool


def sentence_span(text: str, event: Event) -> tuple[int, int] | None:
    """Char offsets of the evidence sentence in ``text``: the stored offsets when they hold the
    sentence, else the first place the sentence occurs, else None."""
    ev = event.evidence
    in_range = 0 <= ev.start < ev.end <= len(text)
    if in_range and (not ev.sentence or text[ev.start : ev.end].strip() == ev.sentence.strip()):
        return ev.start, ev.end
    if ev.sentence:
        found = text.find(ev.sentence)
        if found >= 0:
            return found, found + len(ev.sentence)
    return None


def event_parts(event: Event) -> list[tuple[str, str]]:
    """(role, text) for each part of the event worth marking, in priority order."""
    parts: list[tuple[str, str]] = [("trigger", event.event.trigger)]
    parts += [("actor", e.text) for e in event.actor]
    parts += [("recipient", e.text) for e in event.recipient]
    if event.date.text:
        parts.append(("date", event.date.text))
    if event.location is not None:
        parts.append(("place", event.location.text))
    claimant = event.attribution.claimant
    if claimant is not None:
        parts.append(("claimant", claimant.text))
    if event.attribution.cue:
        parts.append(("cue", event.attribution.cue))
    return [(role, text) for role, text in parts if text and text.strip()]


def mark_sentence(sentence: str, parts: list[tuple[str, str]]) -> tuple[Segment, ...]:
    """Cut ``sentence`` into segments, marking the first occurrence of each part; a part that
    overlaps one already marked (earlier in ``parts``) is left unmarked."""
    spans: list[tuple[int, int, str]] = []
    for role, needle in parts:
        at = sentence.find(needle)
        while at >= 0:
            end = at + len(needle)
            if all(end <= s or at >= e for s, e, _ in spans):
                spans.append((at, end, role))
                break
            at = sentence.find(needle, at + 1)
    spans.sort()
    segments: list[Segment] = []
    pos = 0
    for start, end, role in spans:
        if start > pos:
            segments.append(Segment(sentence[pos:start]))
        segments.append(Segment(sentence[start:end], role))
        pos = end
    if pos < len(sentence):
        segments.append(Segment(sentence[pos:]))
    return tuple(segments)


def highlight(document: Document | None, event: Event) -> Highlighted:
    """The document text with the event's evidence sentence and parts marked."""
    parts = event_parts(event)
    if document is None:
        return Highlighted("", mark_sentence(event.evidence.sentence, parts), "", False)
    span = sentence_span(document.text, event)
    if span is None:
        return Highlighted(document.text, mark_sentence(event.evidence.sentence, parts), "", False)
    start, end = span
    text = document.text
    return Highlighted(text[:start], mark_sentence(text[start:end], parts), text[end:], True)
