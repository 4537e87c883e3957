"""Integrity of the event pattern dictionary (chronica/data/patterns/) and its loader."""

from __future__ import annotations

import pytest

from chronica.errors import DictionaryError
from chronica.events.patterns import (
    NOUN_ROLES,
    VERB_ROLES,
    build_pattern_set,
    load_patterns,
)
from chronica.ontology import Ontology
from chronica.records import PLOVER_TYPES


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_events_patterns_at_least_a_thousand() -> None:
    assert len(load_patterns()) >= 1000


def test_events_patterns_codes_types_and_modes_are_valid(ontology: Ontology) -> None:
    for p in load_patterns().patterns:
        entry = ontology.cameo(p.cameo)  # raises KeyError when neither code nor parent is known
        event = ontology.event_type(p.cameo, p.head, plover=p.plover, mode=p.mode)
        assert event.plover in PLOVER_TYPES, p.id
        assert event.mode is None or event.mode in ontology.plover_modes[event.plover], p.id
        assert not entry.code.startswith("01"), f"{p.id}: root 01 has no PLOVER type"


def test_events_patterns_roles_are_valid() -> None:
    for p in load_patterns().patterns:
        allowed = NOUN_ROLES if p.nominal else VERB_ROLES
        for role in (*p.actor, *p.recipient):
            assert role in allowed or role.startswith("p:"), f"{p.id}: {role}"


def test_events_patterns_cover_every_plover_type_and_mode(ontology: Ontology) -> None:
    produced = set()
    for p in load_patterns().patterns:
        event = ontology.event_type(p.cameo, p.head, plover=p.plover, mode=p.mode)
        produced.add((event.plover, event.mode))
    assert {t for t, _ in produced} == set(PLOVER_TYPES)
    for plover, modes in ontology.plover_modes.items():
        for mode in modes:
            assert (plover, mode) in produced, f"no pattern for {plover} {mode}"


def test_events_patterns_ids_and_indexes() -> None:
    patterns = load_patterns()
    assert len({p.id for p in patterns.patterns}) > 0.9 * len(patterns)
    assert "kidnap" in patterns.verb_index
    assert "bombing" in patterns.noun_index
    for head, group in patterns.verb_index.items():
        scores = [p.specificity for p in group]
        assert scores == sorted(scores, reverse=True), head


_OK = "patterns:\n  - id: t.ok\n    cameo: '181'\n    verbs: [kidnap]\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("patterns: 3\n", "patterns"),
        ("patterns:\n  - id: x\n    verbs: [a]\n", "cameo"),
        ("patterns:\n  - id: x\n    cameo: 'abc'\n    verbs: [a]\n", "2-4 digits"),
        ("patterns:\n  - id: x\n    cameo: '181'\n    plover: FIGHT\n    verbs: [a]\n", "PLOVER"),
        ("patterns:\n  - id: x\n    cameo: '181'\n    verbs: [a]\n    actor: [boss]\n", "role"),
        ("patterns:\n  - id: x\n    cameo: '181'\n    verbs: [on, a]\n", "list of strings"),
        (
            "patterns:\n  - id: x\n    cameo: '181'\n    verbs: [a]\n    when: {obj: ['@nope']}\n",
            "class",
        ),
        (
            "patterns:\n  - id: x\n    cameo: '181'\n    verbs: [a]\n    colour: red\n",
            "unknown keys",
        ),
        ("patterns:\n  - id: x\n    cameo: '181'\n", "no verbs"),
        (_OK + _OK[len("patterns:\n") :], "duplicate"),
        ("patterns: [\n", "invalid YAML"),
    ],
)
def test_events_patterns_malformed_files_raise(text: str, message: str) -> None:
    grammar = load_patterns().grammar
    with pytest.raises(DictionaryError, match=message):
        build_pattern_set(grammar, [("bad.yaml", text)])


def test_events_patterns_expressions_split_into_head_and_companions() -> None:
    grammar = load_patterns().grammar
    text = (
        "patterns:\n  - id: t.x\n    cameo: '183'\n    phrases: [take hostage]\n"
        "    noun_phrases: [car bomb, free-trade pact]\n"
    )
    ps = build_pattern_set(grammar, [("t.yaml", text)])
    assert [(p.head, p.companions) for p in ps.patterns] == [
        ("take", ("hostage",)),
        ("bomb", ("car",)),
        ("pact", ("free", "trade")),
    ]


def test_events_patterns_no_shadowed_duplicates() -> None:
    """Two unconstrained patterns with the same trigger would leave the later one dead."""
    first: dict[tuple[bool, str, tuple[str, ...]], str] = {}
    for p in load_patterns().patterns:
        if p.constraint is not None:
            continue
        key = (p.nominal, p.head, p.companions)
        owner = first.setdefault(key, p.entry)
        assert owner == p.entry, f"{p.id} is shadowed by {owner}"
