"""Every spaCy component chronica registers, in one place (spaCy's factories.py pattern).

Components are added after the statistical pipeline by :func:`add_chronica_components`.
Stages that need document-wide context (coreference, narrative time, toponym priors) run after
parsing, over the whole :class:`~chronica.nlp.ParsedDocument`; components here do the per-block
matching that needs no context.
"""

from __future__ import annotations

from spacy.language import Language

CHRONICA_COMPONENTS: tuple[str, ...] = ()


def add_chronica_components(nlp: Language) -> Language:
    """Append chronica's per-block components to ``nlp`` (idempotent)."""
    for name in CHRONICA_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
