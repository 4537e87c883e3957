"""The actor dictionary: YAML files under ``chronica/data/actors/`` plus user files merged over.

One file format serves the built-in files and user dictionaries (see docs/actors.md). A file
may hold any of these top-level keys:

- ``countries``: ISO3 -> ``{qid, names, adj, capital}`` (pycountry adds official names);
- ``actors``: a list of entries ``{key, name, type, country, sector, id, parent, aliases,
  roles, cameo}``;
- ``sectors`` (sector code -> agent words), ``generic``, ``titles``, ``modifiers``;
- ``exclude_names``: pycountry names never matched as a country.

Aliases are indexed by their normalised token form (:func:`chronica.actors.normalize.norm_key`).
Two aliases with the same form that point to different entries raise
:class:`AliasCollisionWarning` listing them; the later file wins (a user file overrides the
built-in one), so nothing is overwritten silently.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pycountry
import yaml

from chronica.actors.normalize import (
    alias_variants,
    exact_key,
    is_case_sensitive,
    norm_key,
    plural_forms,
    plural_of_demonym,
)
from chronica.errors import DictionaryError

EntryType = Literal["country", "igo", "ngo", "group", "state_body", "person", "media", "mnc"]
AliasForm = Literal["name", "adjective", "capital"]
ENTRY_TYPES: tuple[str, ...] = (
    "country", "igo", "ngo", "group", "state_body", "person", "media", "mnc",
)  # fmt: skip
SECTORS: frozenset[str] = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "SPY",
        "JUD",
        "LEG",
        "REB",
        "OPP",
        "UAF",
        "CVL",
        "EDU",
        "MED",
        "BUS",
        "REL",
        "REF",
        "CRM",
        "LAB",
        "HLH",
        "AGR",
        "HRI",
        "ELI",
        "PTY",
        "NGO",
        "IGO",
        "ENV",
        "INS",
        "SEP",
        "MOD",
        "RAD",
        "DEV",
        "SOC",
    ]
)
BUILTIN_FILES: tuple[str, ...] = (
    "countries.yaml",
    "agents.yaml",
    "organisations.yaml",
    "persons.yaml",
    "organisations_more.yaml",
    "officeholders.yaml",
    "organisations_local.yaml",
)
_ACTOR_FIELDS = frozenset(
    {
        "key",
        "name",
        "type",
        "country",
        "sector",
        "id",
        "parent",
        "aliases",
        "roles",
        "cameo",
        "operates_in",
    }
)
_ROLE_FIELDS = frozenset({"from", "to", "country", "sector", "title"})


class AliasCollisionWarning(UserWarning):
    """Two dictionary aliases normalise to the same form but name different actors."""


@dataclass(frozen=True, slots=True)
class Role:
    """A time-bounded coding: ``start`` inclusive, ``end`` exclusive (None = open)."""

    start: date | None
    end: date | None
    country: str | None
    sector: str | None
    title: str | None = None

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the dictionary."""

    key: str
    name: str
    type: EntryType
    country: str | None
    sector: str | None
    id: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    roles: tuple[Role, ...] = ()
    cameo: str | None = None
    capitals: tuple[str, ...] = ()
    # Countries where a non-state group acts and is coded by the event's country there
    # ("PKK militants" attacking in northern Iraq -> IRQ), as event-data coders do.
    operates_in: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Alias:
    """An alias as written, the entry it names and how (name, adjective or capital)."""

    text: str
    key: str
    form: AliasForm
    source: str


@dataclass(frozen=True, slots=True)
class AgentWord:
    """A sector word ("troops" -> MIL). ``generic`` heads take a preceding sector word's code."""

    text: str
    sector: str | None
    generic: bool = False
    title: bool = False


@dataclass(frozen=True)
class ActorDictionary:
    """Entries, the alias index and the agent vocabulary (built once per process)."""

    entries: Mapping[str, ActorEntry]
    aliases: Mapping[str, Alias]  # norm_key -> alias (case-insensitive aliases)
    exact_aliases: Mapping[str, Alias]  # exact text -> alias (short all-caps acronyms)
    agents: Mapping[str, AgentWord]  # norm_key -> agent word
    modifiers: frozenset[str]  # norm forms of single modifier words
    by_id: Mapping[str, str] = field(default_factory=dict)  # id -> key

    def entry_for(self, alias: Alias) -> ActorEntry:
        return self.entries[alias.key]

    def parent_id(self, entry: ActorEntry) -> str | None:
        if entry.parent is None or entry.parent not in self.entries:
            return None
        return self.entries[entry.parent].id


# --------------------------------------------------------------------------- YAML reading


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers its 1-based line."""

    line: int = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping(loader.construct_pairs(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"bad date {node.value!r} ({exc})", node.start_mark
        ) from None


_LineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _construct_timestamp,  # type: ignore[arg-type]
)


def read_yaml(text: str, path: str) -> _Mapping:
    """Parse one dictionary file; malformed YAML raises DictionaryError naming file and line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DictionaryError(f"malformed YAML: {exc.problem or exc}", path, line) from None
    except yaml.YAMLError as exc:
        raise DictionaryError(f"malformed YAML: {exc}", path) from None
    if data is None:
        return _Mapping()
    if not isinstance(data, _Mapping):
        raise DictionaryError("the top level must be a mapping", path, 1)
    return data


def _line(obj: object) -> int | None:
    return obj.line if isinstance(obj, _Mapping) else None


def _str_list(value: object, what: str, path: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise DictionaryError(f"{what} must be a list of strings", path, line)
    return tuple(str(v) for v in value)


def _opt_str(value: object, what: str, path: str, line: int | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DictionaryError(f"{what} must be a string, got {value!r}", path, line)
    return value


def _date(value: object, what: str, path: str, line: int | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise DictionaryError(f"{what} must be a date YYYY-MM-DD, got {value!r}", path, line)


def _check_codes(country: str | None, sector: str | None, path: str, line: int | None) -> None:
    if country is not None and not (len(country) == 3 and country.isupper()):
        raise DictionaryError(f"country must be ISO3 or IGO/NGO/MNC, got {country!r}", path, line)
    if sector is not None and sector not in SECTORS:
        raise DictionaryError(f"unknown sector code {sector!r}", path, line)


def _role(raw: object, entry_country: str | None, path: str) -> Role:
    line = _line(raw)
    if not isinstance(raw, Mapping):
        raise DictionaryError("a role must be a mapping", path, line)
    unknown = set(raw) - _ROLE_FIELDS
    if unknown:
        raise DictionaryError(f"unknown role field(s): {', '.join(sorted(unknown))}", path, line)
    country = _opt_str(raw.get("country"), "role country", path, line) or entry_country
    sector = _opt_str(raw.get("sector"), "role sector", path, line)
    _check_codes(country, sector, path, line)
    start = _date(raw.get("from"), "from", path, line)
    end = _date(raw.get("to"), "to", path, line)
    if start is not None and end is not None and end < start:
        raise DictionaryError(f"role ends ({end}) before it starts ({start})", path, line)
    title = _opt_str(raw.get("title"), "title", path, line)
    return Role(start, end, country, sector, title)


def _actor(raw: object, path: str) -> ActorEntry:
    line = _line(raw)
    if not isinstance(raw, Mapping):
        raise DictionaryError("each actor must be a mapping", path, line)
    unknown = set(raw) - _ACTOR_FIELDS
    if unknown:
        raise DictionaryError(f"unknown actor field(s): {', '.join(sorted(unknown))}", path, line)
    key = raw.get("key")
    if not isinstance(key, str) or not key:
        raise DictionaryError("an actor needs a string 'key'", path, line)
    name = _opt_str(raw.get("name"), "name", path, line) or key
    kind = raw.get("type", "group")
    if kind not in ENTRY_TYPES:
        raise DictionaryError(f"type must be one of {', '.join(ENTRY_TYPES)}", path, line)
    country = _opt_str(raw.get("country"), "country", path, line)
    sector = _opt_str(raw.get("sector"), "sector", path, line)
    _check_codes(country, sector, path, line)
    roles_raw = raw.get("roles") or []
    if not isinstance(roles_raw, list):
        raise DictionaryError("roles must be a list", path, line)
    aliases = _str_list(raw.get("aliases"), "aliases", path, line)
    operates_in = _str_list(raw.get("operates_in"), "operates_in", path, line)
    for code in operates_in:
        _check_codes(code, None, path, line)
    return ActorEntry(
        key=key,
        name=name,
        type=kind,
        country=country,
        sector=sector,
        id=_opt_str(raw.get("id"), "id", path, line) or f"chronica:{key}",
        aliases=aliases or (name,),
        parent=_opt_str(raw.get("parent"), "parent", path, line),
        roles=tuple(_role(r, country, path) for r in roles_raw),
        cameo=_opt_str(raw.get("cameo"), "cameo", path, line),
        source=path,
        operates_in=operates_in,
    )


def _pycountry_aliases(iso3: str, excluded: frozenset[str]) -> list[str]:
    """pycountry's names of a country, except those with commas or parentheses."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = (getattr(country, a, None) for a in ("common_name", "name", "official_name"))
    return [n for n in names if n and "," not in n and "(" not in n and n not in excluded]


def _country(iso3: str, raw: object, excluded: frozenset[str], path: str) -> ActorEntry:
    line = _line(raw)
    if not isinstance(raw, Mapping):
        raise DictionaryError(f"country {iso3} must be a mapping", path, line)
    _check_codes(iso3, None, path, line)
    names = _str_list(raw.get("names"), "names", path, line)
    adjectives = _str_list(raw.get("adj"), "adj", path, line)
    extra = _pycountry_aliases(iso3, excluded)
    all_adj = [*adjectives, *(plural_of_demonym(a) for a in adjectives)]
    return ActorEntry(
        key=iso3,
        name=names[0] if names else (extra[0] if extra else iso3),
        type="country",
        country=iso3,
        sector=None,
        id=_opt_str(raw.get("qid"), "qid", path, line) or f"chronica:{iso3}",
        aliases=tuple(dict.fromkeys([*names, *extra])),
        capitals=_str_list(raw.get("capital"), "capital", path, line),
        adjectives=tuple(dict.fromkeys(a for a in all_adj if a)),
        source=path,
    )


def _pycountry_only(known: set[str], excluded: frozenset[str], path: str) -> Iterator[ActorEntry]:
    """Countries and territories pycountry knows but the YAML does not mention."""
    for country in pycountry.countries:
        if country.alpha_3 in known:
            continue
        names = _pycountry_aliases(country.alpha_3, excluded)
        if not names:
            continue
        yield ActorEntry(
            key=country.alpha_3,
            name=names[0],
            type="country",
            country=country.alpha_3,
            sector=None,
            id=f"chronica:{country.alpha_3}",
            aliases=tuple(dict.fromkeys(names)),
            source=path,
        )


@dataclass
class _Builder:
    """Accumulates files in order; later files override earlier ones (with warnings)."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    agents: dict[str, AgentWord] = field(default_factory=dict)
    modifiers: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    def add_file(self, data: Mapping[str, Any], path: str, with_pycountry: bool) -> None:
        known = {"version", "countries", "actors", "sectors", "generic", "titles", "modifiers"}
        unknown = set(data) - known - {"exclude_names"}
        if unknown:
            raise DictionaryError(f"unknown top-level key(s): {', '.join(sorted(unknown))}", path)
        excluded = frozenset(_str_list(data.get("exclude_names"), "exclude_names", path, None))
        countries = data.get("countries") or {}
        if not isinstance(countries, Mapping):
            raise DictionaryError("countries must be a mapping of ISO3 codes", path, _line(data))
        for iso3, raw in countries.items():
            self._put(_country(str(iso3), raw, excluded, path))
        if with_pycountry and countries:
            for entry in _pycountry_only(set(self.entries), excluded, path):
                self._put(entry)
        actors = data.get("actors") or []
        if not isinstance(actors, list):
            raise DictionaryError("actors must be a list", path, _line(data))
        for raw in actors:
            self._put(_actor(raw, path))
        self._add_agents(data, path)

    def _put(self, entry: ActorEntry) -> None:
        old = self.entries.get(entry.key)
        if old is not None:  # merge: the new file's fields win, aliases are united
            entry = replace(
                entry,
                aliases=tuple(dict.fromkeys([*old.aliases, *entry.aliases])),
                capitals=entry.capitals or old.capitals,
                adjectives=tuple(dict.fromkeys([*old.adjectives, *entry.adjectives])),
                roles=entry.roles or old.roles,
                operates_in=entry.operates_in or old.operates_in,
            )
        self.entries[entry.key] = entry

    def _add_agents(self, data: Mapping[str, Any], path: str) -> None:
        sectors = data.get("sectors") or {}
        if not isinstance(sectors, Mapping):
            raise DictionaryError("sectors must map sector codes to word lists", path)
        for code, words in sectors.items():
            if code not in SECTORS:
                raise DictionaryError(f"unknown sector code {code!r}", path, _line(sectors))
            for word in _str_list(words, f"sectors.{code}", path, _line(sectors)):
                for form in plural_forms(word):
                    self.agents.setdefault(norm_key(form), AgentWord(form, code))
        self.generic.update(
            norm_key(w) for w in _str_list(data.get("generic"), "generic", path, None)
        )
        self.titles.update(norm_key(w) for w in _str_list(data.get("titles"), "titles", path, None))
        for word in _str_list(data.get("modifiers"), "modifiers", path, None):
            self.modifiers.update(norm_key(word).split())

    def build(self) -> ActorDictionary:
        aliases, exact = _index(self.entries.values())
        agents: dict[str, AgentWord] = {}
        generic = {g for w in self.generic for g in (w, *(norm_key(p) for p in plural_forms(w)))}
        for key, agent in self.agents.items():
            agents[key] = replace(agent, generic=key in generic, title=key in self.titles)
        for key in self.titles | generic:
            agents.setdefault(key, AgentWord(key, None, key in generic, key in self.titles))
        for entry in self.entries.values():
            if entry.parent is not None and entry.parent not in self.entries:
                raise DictionaryError(
                    f"actor {entry.key!r} names unknown parent {entry.parent!r}", entry.source
                )
        return ActorDictionary(
            entries=dict(self.entries),
            aliases=aliases,
            exact_aliases=exact,
            agents=agents,
            modifiers=frozenset(self.modifiers),
            by_id={e.id: e.key for e in self.entries.values()},
        )


def _alias_forms(entry: ActorEntry) -> Iterator[tuple[str, AliasForm]]:
    for text in entry.aliases:
        yield text, "name"
    for text in entry.adjectives:
        yield text, "adjective"
    for text in entry.capitals:
        yield text, "capital"


def _index(entries: Iterable[ActorEntry]) -> tuple[dict[str, Alias], dict[str, Alias]]:
    """Index every alias variant; collisions between different entries warn."""
    folded: dict[str, Alias] = {}
    exact: dict[str, Alias] = {}
    collisions: list[str] = []
    for entry in entries:
        for text, form in _alias_forms(entry):
            for variant in alias_variants(text):
                alias = Alias(text, entry.key, form, entry.source)
                table, key = (
                    (exact, exact_key(variant))
                    if is_case_sensitive(variant)
                    else (folded, norm_key(variant))
                )
                if not key:
                    continue
                old = table.get(key)
                if old is not None and old.key != entry.key:
                    collisions.append(
                        f"{key!r}: {old.key} ({old.source}) and {entry.key} ({entry.source})"
                    )
                if old is None or old.key != entry.key or form == "name":
                    table[key] = alias
    if collisions:
        listed = "; ".join(dict.fromkeys(collisions))
        warnings.warn(
            f"{len(collisions)} alias collision(s), the later entry wins: {listed}",
            AliasCollisionWarning,
            stacklevel=3,
        )
    return folded, exact


def _builtin_texts() -> Iterator[tuple[str, str]]:
    folder = resources.files("chronica.data").joinpath("actors")
    for name in BUILTIN_FILES:
        yield f"chronica/data/actors/{name}", folder.joinpath(name).read_text(encoding="utf-8")


def load_dictionary(user_files: Sequence[Path] = ()) -> ActorDictionary:
    """The built-in dictionary with ``user_files`` merged over it, in order."""
    builder = _Builder()
    for path, text in _builtin_texts():
        builder.add_file(read_yaml(text, path), path, with_pycountry=True)
    for user in user_files:
        try:
            text = Path(user).read_text(encoding="utf-8")
        except OSError as exc:
            raise DictionaryError(
                f"cannot read actor dictionary: {exc.strerror}", str(user)
            ) from None
        builder.add_file(read_yaml(text, str(user)), str(user), with_pycountry=False)
    return builder.build()


@lru_cache(maxsize=8)
def cached_dictionary(user_files: tuple[Path, ...] = ()) -> ActorDictionary:
    """:func:`load_dictionary`, once per process and set of user files."""
    return load_dictionary(user_files)
