"""Every spaCy component chronica registers, in one place (spaCy's factories.py pattern).

Stages that need document-wide context (coreference, narrative time, toponym priors) run after
parsing, over the whole :class:`~chronica.nlp.ParsedDocument`. The only component registered
here replaces spaCy's ``attribute_ruler`` by a table-driven one with the same output
(:mod:`chronica.nlp.attributes`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import AttributeRuler

from chronica.nlp.attributes import TableAttributeRuler

TABLE_ATTRIBUTE_RULER = "chronica_table_attribute_ruler"


@Language.factory(TABLE_ATTRIBUTE_RULER)
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    """An empty table ruler; :func:`add_chronica_components` loads the stock rules into it."""
    return TableAttributeRuler(nlp.vocab)


def add_chronica_components(nlp: Language) -> Language:
    """Swap each stock attribute ruler of ``nlp`` for a table ruler with the same rules
    (idempotent; the pipe keeps its name and place)."""
    for name in list(nlp.pipe_names):
        stock = nlp.get_pipe(name)
        if isinstance(stock, AttributeRuler):
            table = nlp.replace_pipe(name, TABLE_ATTRIBUTE_RULER)
            if isinstance(table, TableAttributeRuler):
                table.load_rules(stock)
    return nlp
