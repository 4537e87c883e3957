"""The NLP stage: split a document into blocks, parse them with spaCy, keep offsets.

``load_pipeline(name)`` loads an installed spaCy pipeline by package name once per process.
``segment(text)`` cuts text on blank lines and headings so that a heading never swallows the
next sentence. ``parse(nlp, documents)`` runs ``nlp.pipe`` in small batches and yields
:class:`ParsedDocument` values whose blocks know their char offset in the document text.
"""

from chronica.nlp.blocks import Block, ParsedDocument, Segment, segment
from chronica.nlp.loader import load_pipeline, parse

__all__ = ["Block", "ParsedDocument", "Segment", "load_pipeline", "parse", "segment"]
