"""The one global conftest: shared fixtures and helpers for hand-built Docs.

Model-dependent tests use the ``nlp`` fixture and are marked ``model``; rule logic is tested on
``make_doc(...)`` Docs that need no model.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronica.actors import ActorResolver
from chronica.attribution import Attributor
from chronica.config import Settings
from chronica.events import EventMatcher
from chronica.nlp import Block, ParsedDocument
from chronica.ontology import Ontology
from chronica.place import Geoparser
from chronica.place.gazetteer import Gazetteer
from chronica.records import AttributionResult, Document, Entity, EventCandidate, Mention


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The built-in gazetteer, loaded once."""
    return Gazetteer.load()


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    """The place stage with default settings."""
    return Geoparser.from_settings(Settings())


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    """The actors stage with the built-in dictionary."""
    return ActorResolver.from_settings(Settings())


def flat_doc(*sentences: Sequence[tuple[str, str]]) -> Doc:
    """Sentences of (word, POS) with a broken parse, as the parser gives on upper-case wire
    copy: in each sentence every word hangs off the first one (dep 'dep')."""
    words: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    for sentence in sentences:
        root = len(words)
        for i, (word, tag) in enumerate(sentence):
            words.append(word)
            heads.append(root)
            deps.append("ROOT" if i == 0 else "dep")
            pos.append(tag)
    return make_doc(words, heads=heads, deps=deps, pos=pos)


def assault_candidate(
    i: int, actor: tuple[Mention, ...] = (), sentence_index: int = 0, end: int | None = None
) -> EventCandidate:
    """A hand-built ASSAULT (CAMEO 190) candidate triggered at token ``i`` of block 0."""
    return EventCandidate(
        block=0,
        sentence_index=sentence_index,
        trigger_start=i,
        trigger_end=end if end is not None else i + 1,
        event=Ontology.load().event_type("190", "t", plover="ASSAULT"),
        actor=actor,
        recipient=(),
        pattern_id="test",
        confidence=1.0,
        reason="hand-built",
    )


def ents(n: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO entity tags for ``make_doc(ents=...)``: ``spans`` are (start, end, label) tokens."""
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        tags[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    return tags


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    return Vocab()


def make_doc(
    words: Sequence[str],
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
    spaces: Sequence[bool] | None = None,
    vocab: Vocab | None = None,
) -> Doc:
    """A Doc with a hand-written parse. ``heads`` are absolute token indices (as in spaCy's
    Doc constructor); sentences come from the parse (each root starts one)."""
    n = len(words)
    return Doc(
        vocab if vocab is not None else Vocab(),
        words=list(words),
        spaces=list(spaces) if spaces is not None else None,
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        pos=list(pos) if pos is not None else None,
        lemmas=list(lemmas) if lemmas is not None else [w.lower() for w in words],
        tags=list(tags) if tags is not None else None,
        ents=list(ents) if ents is not None else None,
        sent_starts=None if heads is not None else [True] + [False] * (n - 1),
    )


def parsed_from_docs(
    docs: Sequence[Doc], doc_id: str = "t", published: object = None
) -> ParsedDocument:
    """Wrap hand-built Docs as one ParsedDocument whose text is the blocks joined by blank lines."""
    blocks: list[Block] = []
    offset = 0
    first = 0
    parts: list[str] = []
    for i, d in enumerate(docs):
        blocks.append(Block(index=i, offset=offset, doc=d, first_sentence=first))
        first += sum(1 for _ in d.sents)
        parts.append(d.text)
        offset += len(d.text) + 2
    document = Document(id=doc_id, text="\n\n".join(parts), published=published)  # type: ignore[arg-type]
    return ParsedDocument(document=document, blocks=tuple(blocks))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default installed pipeline, loaded once (tests using it are marked ``model``)."""
    from chronica.nlp import load_pipeline

    return load_pipeline(Settings().model)


@pytest.fixture(scope="session")
def coder(nlp: Language):  # type: ignore[no-untyped-def]
    from chronica.pipeline import Coder

    return Coder(Settings(), nlp=nlp)


@pytest.fixture
def blank_nlp() -> Language:
    return spacy.blank("en")


def make_event(
    id: str = "e1",
    doc_id: str = "d1",
    plover: str = "ASSAULT",
    actors: Sequence[str] = ("Russia",),
    recipients: Sequence[str] = ("Ukraine",),
    start: object = None,
    place: str | None = None,
    sentence: str = "Russia attacked Ukraine.",
    certainty: str = "asserted",
    confidence: float = 0.8,
):  # type: ignore[no-untyped-def]
    """A hand-built Event for store, export and analysis tests (names double as ids)."""
    from chronica.records import (
        Attribution,
        DateSpan,
        Entity,
        Event,
        EventType,
        Evidence,
        Place,
        Reasons,
    )

    return Event(
        id=id,
        doc_id=doc_id,
        event=EventType(plover, None, "190", 4, -10.0, "attacked"),
        actor=tuple(Entity(a, a, None, None, f"Q-{a}") for a in actors),
        recipient=tuple(Entity(r, r, None, None, f"Q-{r}") for r in recipients),
        date=DateSpan(start, start, "day", "text", "today") if start else DateSpan(),  # type: ignore[arg-type]
        location=Place(place, place, "UKR") if place else None,
        attribution=Attribution(certainty),  # type: ignore[arg-type]
        evidence=Evidence(0, sentence, 0, len(sentence)),
        confidence=confidence,
        reasons=Reasons("a", "b", "c", "d", "e"),
    )


def doc_from_spec(spec: str) -> Doc:
    """A hand-parsed Doc from "word|lemma|POS|dep|head[|ent[|tag]]" tokens, space-separated."""
    rows = [token.split("|") for token in spec.split()]
    tags = [r[6] if len(r) > 6 else "" for r in rows] if any(len(r) > 6 for r in rows) else None
    return make_doc(
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        ents=[r[5] if len(r) > 5 else "O" for r in rows],
        tags=tags,
    )


@pytest.fixture(scope="session")
def matcher() -> EventMatcher:
    """The event matcher with default settings, built once."""
    return EventMatcher.from_settings(Settings())


def mention_texts(mentions: Sequence[Mention]) -> list[str]:
    return [m.entity.text for m in mentions]


def span_mentions(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """Dictionary-kind actor mentions over the given (start, end) token spans of block 0."""
    return [
        Mention(0, s, e, Entity(text=doc[s:e].text, name=doc[s:e].text), "dictionary", "test")
        for s, e in spans
    ]


def find_in_spec(
    matcher: EventMatcher, spec: str, spans: Sequence[tuple[int, int]] = ()
) -> list[EventCandidate]:
    """The event matcher's candidates on a hand-parsed sentence (see :func:`doc_from_spec`)."""
    doc = doc_from_spec(spec)
    return matcher.find(parsed_from_docs([doc]), span_mentions(doc, spans))


def attribute_candidates(
    doc: Doc, cands: Sequence[EventCandidate], mentions: Sequence[Mention] = ()
) -> list[AttributionResult]:
    """The attribution stage over hand-built event candidates of one hand-parsed Doc."""
    return Attributor.from_settings(Settings()).resolve(parsed_from_docs([doc]), cands, mentions)
