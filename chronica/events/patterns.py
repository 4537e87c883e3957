"""Event patterns: the YAML dictionary under ``chronica/data/patterns/`` read into frozen records.

Each entry of a pattern file lists lemmas (``verbs``, ``nouns``) and multi-word expressions
(``phrases`` headed by their first word, ``noun_phrases`` headed by their last word) that share a
CAMEO code and argument roles. :func:`load_patterns` expands every lemma and expression into one
:class:`Pattern` and indexes them by head lemma; ``_grammar.yaml`` holds the word classes,
light verbs, frames and recoding tables (:class:`Grammar`). The format is documented in
docs/patterns.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Literal

import yaml

from chronica.errors import DictionaryError
from chronica.records import PLOVER_TYPES

Kind = Literal["verb", "noun", "phrase", "noun_phrase"]
KINDS: tuple[Kind, ...] = ("verb", "noun", "phrase", "noun_phrase")
VERB_ROLES: frozenset[str] = frozenset({"subj", "obj", "iobj", "speaker"})
NOUN_ROLES: frozenset[str] = frozenset({"poss", "compound", "amod"})
FRAMES: tuple[str, ...] = ("intent", "obligation", "request", "reject", "threaten", "accuse")
_PREP_ROLE = re.compile(r"^p:[a-z]+$")
_SPLIT = re.compile(r"[\s\-]+")
_ENTRY_KEYS = frozenset(
    {
        "id", "cameo", "plover", "mode", "verbs", "nouns", "phrases", "noun_phrases", "actor",
        "recipient", "noun_actor", "noun_recipient", "when", "noun_when", "frame", "refine",
        "confidence", "noun_needs_args",
    }
)  # fmt: skip
_WHEN_KEYS = frozenset(
    {"subj", "obj", "not_subj", "not_obj", "prep", "not_prep", "subj_optional", "obj_optional",
     "mod", "not_mod", "lv", "any"}
)  # fmt: skip
DEFAULT_NOUN_ACTOR: tuple[str, ...] = ("poss", "p:by", "compound", "amod")
DEFAULT_NOUN_RECIPIENT: tuple[str, ...] = ("p:against", "p:on", "p:of")


@dataclass(frozen=True, slots=True)
class Constraint:
    """Conditions on the trigger's arguments (lemmas of their head tokens).

    A positive list (``subj``, ``obj``, ``prep``, ``mod`` for modifiers, ``lv`` for the light
    verb) must contain the argument's lemma; when the argument is absent the condition fails
    unless ``*_optional``. With ``any`` one positive list suffices. A ``not_*`` list forbids
    lemmas.
    """

    subj: frozenset[str] | None = None
    obj: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    lv: frozenset[str] | None = None
    not_subj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    not_prep: frozenset[str] = frozenset()
    not_mod: frozenset[str] = frozenset()
    subj_optional: bool = False
    obj_optional: bool = False
    any: bool = False

    @property
    def positive(self) -> bool:
        return any(x is not None for x in (self.subj, self.obj, self.prep, self.mod, self.lv))


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger: a head lemma (plus companion lemmas for multi-word expressions)."""

    id: str  # entry id plus the expression, e.g. "assault.abduct:take hostage"
    entry: str
    cameo: str
    kind: Kind
    head: str
    companions: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    plover: str | None = None
    mode: str | None = None
    constraint: Constraint | None = None
    frame: str | None = None
    refine: str | None = None
    needs_args: bool = False
    confidence: float = 0.0

    @property
    def nominal(self) -> bool:
        return self.kind in ("noun", "noun_phrase")

    @property
    def specificity(self) -> int:
        """Higher wins when several patterns share a head: longer expressions, then patterns
        with positive constraints, then negative ones."""
        score = 10 * len(self.companions)
        if self.constraint is not None:
            score += 5 if self.constraint.positive else 1
        return score


@dataclass(frozen=True, slots=True)
class Instrument:
    words: frozenset[str]
    cameo: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Grammar:
    """Word classes, light verbs, control verbs, frames and recoding tables."""

    classes: Mapping[str, frozenset[str]]
    light_verbs: Mapping[str, tuple[tuple[str, ...], ...]]
    reverse_light_verbs: Mapping[str, tuple[tuple[str, ...], ...]]
    occurrence_verbs: Mapping[str, tuple[tuple[str, ...], ...]]
    control_verbs: frozenset[str]
    frame_heads: Mapping[str, str]  # lemma -> frame
    frame_modals: Mapping[str, str]  # modal lemma -> frame
    recode: Mapping[str, Mapping[str, str]]
    instruments: tuple[Instrument, ...]
    speech_verbs: frozenset[str] = frozenset()
    obligation_code: str | None = None


@dataclass(frozen=True, slots=True)
class Head:
    """The patterns sharing one head, most specific first, and where they stand in that
    order: those without companion words, and those with, by their first companion word (a
    pattern whose first companion is missing near the trigger need not be tried)."""

    patterns: tuple[Pattern, ...]
    plain: tuple[int, ...]
    by_first_companion: Mapping[str, tuple[int, ...]]
    noun_phrases: bool  # some pattern is a noun phrase: its companions may stand above

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...]) -> Head:
        plain = tuple(i for i, p in enumerate(patterns) if not p.companions)
        by_first: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            if p.companions:
                by_first.setdefault(p.companions[0], []).append(i)
        noun_phrases = any(p.kind == "noun_phrase" and p.companions for p in patterns)
        return cls(patterns, plain, {w: tuple(ix) for w, ix in by_first.items()}, noun_phrases)


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    grammar: Grammar
    verb_index: Mapping[str, tuple[Pattern, ...]] = field(default_factory=dict)
    noun_index: Mapping[str, tuple[Pattern, ...]] = field(default_factory=dict)
    verb_heads: Mapping[str, Head] = field(default_factory=dict)  # verb_index, as Heads
    noun_heads: Mapping[str, Head] = field(default_factory=dict)  # noun_index, as Heads

    def __len__(self) -> int:
        return len(self.patterns)


def _words(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{key} must be a list of strings", where)
    return [v.strip().lower() for v in value if v.strip()]


def _split(expression: str) -> list[str]:
    return [w for w in _SPLIT.split(expression) if w]


def _word_set(values: list[str], classes: Mapping[str, frozenset[str]], where: str) -> frozenset:
    out: set[str] = set()
    for v in values:
        if v.startswith("@"):
            if v[1:] not in classes:
                raise DictionaryError(f"unknown word class {v!r}", where)
            out |= classes[v[1:]]
        else:
            out.add(v)
    return frozenset(out)


def _constraint(raw: Any, classes: Mapping[str, frozenset[str]], where: str) -> Constraint | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not set(raw) <= _WHEN_KEYS:
        raise DictionaryError(f"'when' keys must be among {sorted(_WHEN_KEYS)}", where)

    def pos(key: str) -> frozenset[str] | None:
        return _word_set(_words(raw[key], where, key), classes, where) if key in raw else None

    return Constraint(
        subj=pos("subj"),
        obj=pos("obj"),
        prep=pos("prep"),
        mod=pos("mod"),
        lv=pos("lv"),
        not_mod=_word_set(_words(raw.get("not_mod"), where, "not_mod"), classes, where),
        any=bool(raw.get("any", False)),
        not_subj=_word_set(_words(raw.get("not_subj"), where, "not_subj"), classes, where),
        not_obj=_word_set(_words(raw.get("not_obj"), where, "not_obj"), classes, where),
        not_prep=_word_set(_words(raw.get("not_prep"), where, "not_prep"), classes, where),
        subj_optional=bool(raw.get("subj_optional", False)),
        obj_optional=bool(raw.get("obj_optional", False)),
    )


def _roles(value: Any, default: tuple[str, ...], allowed: frozenset[str], where: str) -> tuple:
    if value is None:
        return default
    roles = tuple(_words(value, where, "roles"))
    for role in roles:
        if role not in allowed and not _PREP_ROLE.match(role):
            raise DictionaryError(
                f"unknown role {role!r} (use {sorted(allowed)} or p:<prep>)", where
            )
    return roles


def _entry_patterns(raw: Any, grammar: Grammar, where: str) -> list[Pattern]:
    if not isinstance(raw, dict) or "id" not in raw or "cameo" not in raw:
        raise DictionaryError("each pattern needs an 'id' and a 'cameo' code", where)
    entry = str(raw["id"])
    where = f"{where} ({entry})"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"unknown keys {sorted(unknown)}", where)
    cameo = str(raw["cameo"])
    if not cameo.isdigit() or not 2 <= len(cameo) <= 4:
        raise DictionaryError(f"CAMEO code must be 2-4 digits, got {cameo!r}", where)
    plover = raw.get("plover")
    if plover is not None and plover not in PLOVER_TYPES:
        raise DictionaryError(f"unknown PLOVER type {plover!r}", where)
    refine = raw.get("refine")
    if refine not in (None, "instrument"):
        raise DictionaryError(f"unknown refine {refine!r} (only 'instrument')", where)
    frame = raw.get("frame")
    if frame is not None and frame not in FRAMES:
        raise DictionaryError(f"unknown frame {frame!r}", where)
    mode = raw.get("mode")
    confidence = float(raw.get("confidence", 0.0))
    actor = _roles(raw.get("actor"), ("subj",), VERB_ROLES, where)
    recipient = _roles(raw.get("recipient"), ("obj",), VERB_ROLES, where)
    n_actor = _roles(raw.get("noun_actor"), DEFAULT_NOUN_ACTOR, NOUN_ROLES, where)
    n_recipient = _roles(raw.get("noun_recipient"), DEFAULT_NOUN_RECIPIENT, NOUN_ROLES, where)
    needs = bool(raw.get("noun_needs_args", False))
    # `when` constrains single verbs, `noun_when` single nouns; expressions are specific enough
    # for the positive lists but keep the exclusions ("launched a charm offensive").
    verb_when = _constraint(raw.get("when"), grammar.classes, where)
    constraints = {
        "verb": verb_when,
        "noun": _constraint(raw.get("noun_when"), grammar.classes, where),
        "phrase": _exclusions(verb_when),
    }
    out: list[Pattern] = []
    for kind in KINDS:
        for expression in _words(raw.get(kind + "s"), where, kind + "s"):
            words = _split(expression)
            if kind == "phrase":
                head, companions = words[0], tuple(words[1:])
            else:  # noun phrases and hyphenated words ("cease-fire") are headed by the last word
                head, companions = words[-1], tuple(words[:-1])
            nominal = kind in ("noun", "noun_phrase")
            out.append(
                Pattern(
                    id=f"{entry}:{expression}",
                    kind=kind,
                    head=head,
                    companions=companions,
                    actor=n_actor if nominal else actor,
                    recipient=n_recipient if nominal else recipient,
                    needs_args=needs and kind == "noun",
                    constraint=constraints.get(kind),
                    entry=entry,
                    cameo=cameo,
                    plover=plover,
                    mode=str(mode) if mode else None,
                    frame=frame,
                    refine=refine,
                    confidence=confidence,
                )
            )
    if not out:
        raise DictionaryError("pattern lists no verbs, nouns or phrases", where)
    return out


def _phrase_map(values: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for v in values:
        words = _split(v)
        out.setdefault(words[0], []).append(tuple(words[1:]))
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def read_grammar(data: Any, where: str = "_grammar.yaml") -> Grammar:
    """Build the :class:`Grammar` from the parsed ``_grammar.yaml``."""
    if not isinstance(data, dict):
        raise DictionaryError("grammar file must be a mapping", where)
    raw_classes = data.get("classes") or {}
    classes = {str(k): frozenset(_words(v, where, f"classes.{k}")) for k, v in raw_classes.items()}
    frames = data.get("frames") or {}
    heads: dict[str, str] = {}
    modals: dict[str, str] = {}
    for name, spec in frames.items():
        if name not in FRAMES:
            raise DictionaryError(f"unknown frame {name!r}", where)
        for word in _words((spec or {}).get("heads"), where, f"frames.{name}.heads"):
            heads.setdefault(word, name)
        for word in _words((spec or {}).get("modals"), where, f"frames.{name}.modals"):
            modals.setdefault(word, name)
    recode: dict[str, dict[str, str]] = {}
    for name, table in (data.get("recode") or {}).items():
        recode[str(name)] = {str(k): str(v) for k, v in (table or {}).items()}
    instruments = tuple(
        Instrument(classes[str(i["class"])], str(i["cameo"]), i.get("mode"))
        for i in data.get("instruments") or []
    )
    return Grammar(
        classes=classes,
        light_verbs=_phrase_map(_words(data.get("light_verbs"), where, "light_verbs")),
        reverse_light_verbs=_phrase_map(
            _words(data.get("reverse_light_verbs"), where, "reverse_light_verbs")
        ),
        occurrence_verbs=_phrase_map(
            _words(data.get("occurrence_verbs"), where, "occurrence_verbs")
        ),
        control_verbs=frozenset(_words(data.get("control_verbs"), where, "control_verbs")),
        frame_heads=heads,
        frame_modals=modals,
        recode=recode,
        instruments=instruments,
        speech_verbs=frozenset(_words(data.get("speech_verbs"), where, "speech_verbs")),
        obligation_code=str((data.get("obligation_clause") or {}).get("cameo") or "") or None,
    )


def _exclusions(c: Constraint | None) -> Constraint | None:
    """Only the ``not_*`` lists of a constraint (None when it has none)."""
    if c is None or not (c.not_subj or c.not_obj or c.not_prep or c.not_mod):
        return None
    return Constraint(
        not_subj=c.not_subj, not_obj=c.not_obj, not_prep=c.not_prep, not_mod=c.not_mod
    )


def _index(patterns: Iterable[Pattern], nominal: bool) -> dict[str, tuple[Pattern, ...]]:
    out: dict[str, list[Pattern]] = {}
    for p in patterns:
        if p.nominal == nominal:
            out.setdefault(p.head, []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in out.items()}


def build_pattern_set(grammar: Grammar, files: Iterable[tuple[str, str]]) -> PatternSet:
    """Patterns from ``(name, yaml_text)`` pairs; raises :class:`DictionaryError` when malformed."""
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for name, text in files:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DictionaryError(f"invalid YAML: {exc}", name) from exc
        entries = data.get("patterns") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise DictionaryError("a pattern file needs a 'patterns' list", name)
        for raw in entries:
            made = _entry_patterns(raw, grammar, name)
            if made[0].entry in seen:
                raise DictionaryError(f"duplicate pattern id {made[0].entry!r}", name)
            seen.add(made[0].entry)
            patterns.extend(made)
    verb_index = _index(patterns, nominal=False)
    noun_index = _index(patterns, nominal=True)
    return PatternSet(
        patterns=tuple(patterns),
        grammar=grammar,
        verb_index=verb_index,
        noun_index=noun_index,
        verb_heads={k: Head.of(v) for k, v in verb_index.items()},
        noun_heads={k: Head.of(v) for k, v in noun_index.items()},
    )


def _pattern_dir() -> Traversable:
    return resources.files("chronica.data").joinpath("patterns")


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """The packaged pattern dictionary (cached; read-only)."""
    folder = _pattern_dir()
    grammar_file = folder.joinpath("_grammar.yaml")
    try:
        grammar_data = yaml.safe_load(grammar_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"invalid YAML: {exc}", "_grammar.yaml") from exc
    grammar = read_grammar(grammar_data)
    files = sorted(
        (f.name, f.read_text(encoding="utf-8"))
        for f in folder.iterdir()
        if f.name.endswith(".yaml") and not f.name.startswith("_")
    )
    return build_pattern_set(grammar, files)
