"""A table-driven stand-in for spaCy's ``attribute_ruler`` that gives the same annotations.

The stock component runs a :class:`~spacy.matcher.Matcher` with every rule over every token
(in ``en_core_web_sm`` 179 rules, about 15% of the whole parse time), although nearly all
rules look at one token and compare plain attributes ("TAG is NNS", "LOWER is 's and TAG is
POS"). :class:`TableAttributeRuler` compiles those one-token rules into a dictionary keyed by
the token's attribute values and keeps a small Matcher only for the rest (multi-token rules,
operators such as ``IN``). Rules are applied in the stock order (ascending rule id, later rules
win), and all matching reads the annotations as they were before any rule was applied, as the
stock component does, so the result is the same token for token
(``tests/test_nlp_attributes.py`` checks it on real parses).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Token attributes a one-token rule may test (equality, IN, NOT_IN) to be compiled into the table.
_TABLE_KEYS = frozenset(
    {"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT"}
)
_CACHE_LIMIT = 500_000
_WORD_KEYS = frozenset({"ORTH", "LOWER", "NORM"})


@dataclass(frozen=True, slots=True)
class _Rule:
    """One stock rule: its id (application order), attributes to set and target token."""

    rule_id: int
    attrs: dict[Any, Any]
    index: int


@dataclass(frozen=True, slots=True)
class _Test:
    """A one-token pattern as tests: each attribute is one of ``allowed`` (when given) and
    none of ``excluded``."""

    rule_id: int
    allowed: tuple[tuple[str, tuple[Any, ...]], ...]
    excluded: tuple[tuple[str, tuple[Any, ...]], ...]


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A table entry: the rule and the (attribute position, banned value ids) it also checks."""

    rule_id: int
    excluded: tuple[tuple[int, frozenset[int]], ...]


@dataclass(frozen=True, slots=True)
class _Gate:
    """A condition on a pattern's first token that every match must meet: the attribute has
    one of ``values``, or (``regex``) its text matches."""

    position: int
    name: str
    values: frozenset[Any]
    regex: str | None = None


def _gate(token_pattern: Mapping[str, Any]) -> _Gate | None:
    """The most selective positive condition of a token pattern usable as a gate (word
    values before tags and labels), if any."""
    gates: list[_Gate] = []
    for key, value in token_pattern.items():
        name = str(key).upper()
        if name not in _TABLE_KEYS:
            continue
        if not isinstance(value, dict):
            gates.append(_Gate(-1, name, frozenset({value})))
        elif set(value) == {"IN"}:
            gates.append(_Gate(-1, name, frozenset(value["IN"])))
        elif set(value) == {"REGEX"} and name in _WORD_KEYS:
            gates.append(_Gate(-1, name, frozenset(), str(value["REGEX"])))
    gates.sort(key=lambda g: (g.name not in _WORD_KEYS, g.regex is not None))
    return gates[0] if gates else None


def _as_test(rule_id: int, token_pattern: Mapping[str, Any]) -> _Test | None:
    """A one-token pattern that only uses plain values, IN and NOT_IN, with at least one
    positive condition; anything else (REGEX, operators, other keys) returns None."""
    allowed: list[tuple[str, tuple[Any, ...]]] = []
    excluded: list[tuple[str, tuple[Any, ...]]] = []
    for key, value in token_pattern.items():
        name = str(key).upper()
        if name not in _TABLE_KEYS:
            return None
        if not isinstance(value, dict):
            allowed.append((name, (value,)))
        elif set(value) == {"IN"}:
            allowed.append((name, tuple(value["IN"])))
        elif set(value) == {"NOT_IN"}:
            excluded.append((name, tuple(value["NOT_IN"])))
        else:
            return None
    if not allowed:
        return None
    return _Test(rule_id, tuple(sorted(allowed)), tuple(sorted(excluded)))


class TableAttributeRuler:
    """Same annotations as a stock :class:`AttributeRuler`, from lookup tables.

    Reads: the token attributes the rules compare (TAG, LOWER, DEP, ...).
    Writes: what the rules set (POS, MORPH, LEMMA, TAG, DEP).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: tuple[_Rule, ...] = ()
        self._keys: tuple[str, ...] = ()
        # per attribute subset: the positions in ``_keys`` and value tuple -> rule ids
        self._groups: list[tuple[tuple[int, ...], dict[tuple[int, ...], list[_Compiled]]]] = []
        self._matcher = Matcher(vocab)
        self._cache: dict[bytes, tuple[int, ...]] = {}
        self._gates: tuple[_Gate, ...] | None = None

    def load_rules(self, ruler: AttributeRuler) -> TableAttributeRuler:
        """Compile the rules of a loaded stock ruler (replacing any loaded before)."""
        self.rules = tuple(
            _Rule(rule_id=i, attrs=attrs, index=index)
            for i, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True))
        )
        self._matcher = Matcher(self.vocab)
        self._cache = {}
        self._compile([ruler.matcher.get(str(rule.rule_id))[1] for rule in self.rules])
        return self

    # ------------------------------------------------------------------ compile
    def _compile(self, patterns: Sequence[Any]) -> None:
        tests: list[_Test] = []
        gates: list[_Gate | None] = []
        for rule, rule_patterns in zip(self.rules, patterns, strict=True):
            for pattern in rule_patterns:
                test = _as_test(rule.rule_id, pattern[0]) if len(pattern) == 1 else None
                if test is None or rule.index not in (0, -1):
                    self._matcher.add(str(rule.rule_id), [pattern])
                    gates.append(_gate(pattern[0]))
                else:
                    tests.append(test)
        names = {name for t in tests for name, _ in t.allowed + t.excluded}
        names.update(g.name for g in gates if g is not None)
        self._keys = tuple(sorted(names))
        position = {name: i for i, name in enumerate(self._keys)}
        groups: dict[tuple[int, ...], dict[tuple[int, ...], list[_Compiled]]] = {}
        for test in tests:
            where = tuple(position[name] for name, _ in test.allowed)
            excluded = tuple(
                (position[name], frozenset(self._value_id(v) for v in values))
                for name, values in test.excluded
            )
            compiled = _Compiled(test.rule_id, excluded)
            table = groups.setdefault(where, {})
            for values in product(*(values for _, values in test.allowed)):
                key = tuple(self._value_id(v) for v in values)
                table.setdefault(key, []).append(compiled)
        self._groups = list(groups.items())
        # The residual Matcher runs only on documents where some pattern can start.
        self._gates = None if None in gates else tuple(
            _Gate(position[g.name], g.name, frozenset(self._value_id(v) for v in g.values),
                  g.regex)
            for g in gates if g is not None
        )  # fmt: skip

    def _value_id(self, value: Any) -> int:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        return int(self.vocab.strings.add(str(value))) if value != "" else 0

    # ------------------------------------------------------------------ apply
    def __call__(self, doc: Doc) -> Doc:
        width = 8 * len(self._keys)
        array = doc.to_array([IDS[name] for name in self._keys]) if width else None
        run_matcher = len(self._matcher) > 0 and (
            array is None or self._gates is None or self._gate_opens(array)
        )
        extra = self._matched_by_matcher(doc) if run_matcher else {}
        blob = array.tobytes() if array is not None else b""
        for i, token in enumerate(doc):
            rule_ids = self._table_rules(blob[i * width : (i + 1) * width])
            if i in extra:
                rule_ids = tuple(sorted(set(rule_ids) | extra[i]))
            for rule_id in rule_ids:
                set_token_attrs(token, self.rules[rule_id].attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _table_rules(self, signature: bytes) -> tuple[int, ...]:
        """Ids of the table rules a token with these attribute values matches (cached)."""
        found = self._cache.get(signature)
        if found is None:
            values = struct.unpack(f"<{len(self._keys)}Q", signature) if signature else ()
            ids: set[int] = set()
            for where, table in self._groups:
                for compiled in table.get(tuple(values[p] for p in where), ()):
                    if all(values[p] not in banned for p, banned in compiled.excluded):
                        ids.add(compiled.rule_id)
            found = tuple(sorted(ids))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[signature] = found
        return found

    def _gate_opens(self, array: Any) -> bool:
        """Whether the document has a token where some residual pattern can start."""
        columns: dict[int, set[int]] = {}
        for gate in self._gates or ():
            column = columns.get(gate.position)
            if column is None:
                column = columns[gate.position] = set(array[:, gate.position].tolist())
            if gate.regex is None:
                if not gate.values.isdisjoint(column):
                    return True
            elif any(re.search(gate.regex, self.vocab.strings[h]) for h in column if h):
                return True
        return False

    def _matched_by_matcher(self, doc: Doc) -> dict[int, set[int]]:
        """Token index -> ids of the rules the residual Matcher applies to it."""
        extra: dict[int, set[int]] = {}
        for match_id, start, end in self._matcher(doc, allow_missing=True, as_spans=False):
            rule_id = int(self.vocab.strings[match_id])
            target = doc[start:end][self.rules[rule_id].index]
            extra.setdefault(target.i, set()).add(rule_id)
        return extra
