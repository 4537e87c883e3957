"""Document provenance: the "republished from X" / "views are the author's own" notice."""

from __future__ import annotations

import re

from chronica.attribution.lexicon import load_lexicon

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def find_republication(text: str) -> str | None:
    """The first sentence of ``text`` that carries a provenance notice, stripped, or None.

    Notices are matched by the patterns of ``chronica/data/cues/provenance.yaml``: "republished
    from X", "this article first appeared in X", "originally published by X", "the views
    expressed are the author's own".
    """
    if not text:
        return None
    first: re.Match[str] | None = None
    for pattern in load_lexicon().republication:
        m = pattern.search(text)
        if m is not None and (first is None or m.start() < first.start()):
            first = m
    if first is None:
        return None
    start = 0
    for end_mark in _SENTENCE_END.finditer(text, 0, first.start()):
        start = end_mark.end()
    stop = _SENTENCE_END.search(text, first.end())
    end = stop.start() if stop is not None else len(text)
    sentence = " ".join(text[start:end].split())
    return sentence or None
