"""The coder end to end on the bundled sample (model needed)."""

from __future__ import annotations

from importlib import resources

import jsonschema
import pytest

from chronica.pipeline import Coder
from chronica.records import Document
from chronica.serialize import event_schema, event_to_dict

pytestmark = pytest.mark.model


def test_sample_article_events_are_schema_valid_and_carry_evidence(coder: Coder) -> None:
    text = resources.files("chronica.data").joinpath("sample/sample_article.txt").read_text("utf-8")
    doc = Document(id="sample", text=text)
    events = coder.code(doc)
    assert events
    for ev in events:
        jsonschema.validate(event_to_dict(ev), event_schema())
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
        assert ev.reasons.event
        assert ev.event.trigger.lower() in ev.evidence.sentence.lower()


def test_one_failing_document_does_not_stop_others(coder: Coder) -> None:
    docs = [
        Document(id="a", text="Protesters rallied in Paris."),
        Document(id="b", text="Troops attacked the town."),
    ]
    results = list(coder.code_many(docs))
    assert [r.document.id for r in results] == ["a", "b"]
    assert all(r.error is None for r in results)
