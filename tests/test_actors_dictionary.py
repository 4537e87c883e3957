"""The actor dictionary: integrity of the built-in files, user files, errors and warnings."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pycountry
import pytest

from chronica.actors.dictionary import (
    SECTORS,
    AliasCollisionWarning,
    cached_dictionary,
    load_dictionary,
    read_yaml,
)
from chronica.actors.normalize import alias_variants, is_case_sensitive, norm_key, plural_forms
from chronica.errors import DictionaryError

_QID = re.compile(r"^(Q[1-9][0-9]*|chronica:[A-Za-z0-9_]+)$")
_USER_ASSIGNED = {"XKX"}  # Kosovo: a user-assigned code, not in ISO 3166-1


@pytest.fixture(scope="module")
def builtin():  # type: ignore[no-untyped-def]
    return cached_dictionary(())


def test_builtin_has_no_alias_collisions() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", AliasCollisionWarning)
        load_dictionary()


def test_every_country_has_iso3(builtin) -> None:  # type: ignore[no-untyped-def]
    countries = [e for e in builtin.entries.values() if e.type == "country"]
    assert len(countries) >= 240
    for entry in countries:
        assert entry.key == entry.country
        assert entry.key in _USER_ASSIGNED or pycountry.countries.get(alpha_3=entry.key)


def test_every_entry_is_well_formed(builtin) -> None:  # type: ignore[no-untyped-def]
    for entry in builtin.entries.values():
        assert _QID.match(entry.id), entry.key
        assert entry.aliases, entry.key
        assert entry.sector is None or entry.sector in SECTORS
        assert entry.country is None or len(entry.country) == 3
        assert entry.parent is None or entry.parent in builtin.entries
        for role in entry.roles:
            assert role.start is None or role.end is None or role.start < role.end, entry.key


def test_ids_are_unique(builtin) -> None:  # type: ignore[no-untyped-def]
    ids = [e.id for e in builtin.entries.values()]
    assert len(ids) == len(set(ids))


def test_breadth(builtin) -> None:  # type: ignore[no-untyped-def]
    kinds = [e.type for e in builtin.entries.values()]
    assert sum(k not in ("country", "person") for k in kinds) >= 250
    assert kinds.count("person") >= 150


@pytest.mark.parametrize(
    ("key", "parent"), [("ncri", "mek"), ("nla", "mek"), ("qassam", "hamas"), ("aqap", "al_qaeda")]
)
def test_fronts_and_wings_record_parent(builtin, key: str, parent: str) -> None:  # type: ignore[no-untyped-def]
    assert builtin.entries[key].parent == parent


@pytest.mark.parametrize(
    ("text", "variants"),
    [
        ("U.S.", ["U.S.", "US"]),
        ("al-Qaeda", ["al-Qaeda", "al Qaeda"]),
        ("The New York Times", ["The New York Times", "New York Times"]),
        ("the States", ["the States"]),
    ],
)
def test_alias_variants(text: str, variants: list[str]) -> None:
    assert list(alias_variants(text)) == variants


@pytest.mark.parametrize(
    ("text", "expected"),
    [("US", True), ("IS", True), ("WHO", True), ("LeT", True), ("Nato", False), ("Hamas", False)],
)
def test_short_acronyms_are_case_sensitive(text: str, expected: bool) -> None:
    assert is_case_sensitive(text) is expected


@pytest.mark.parametrize(
    ("word", "forms"),
    [("soldier", ("soldier", "soldiers")), ("policeman", ("policeman", "policemen")),
     ("militia", ("militia", "militias")), ("troops", ("troops",)),
     ("armed group", ("armed group", "armed groups")), ("party", ("party", "parties"))],
)  # fmt: skip
def test_plural_forms(word: str, forms: tuple[str, ...]) -> None:
    assert plural_forms(word) == forms


def test_norm_key_folds_case_and_apostrophes() -> None:
    assert norm_key("People’s Mojahedin") == norm_key("PEOPLE'S MOJAHEDIN")


def _write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_merges_over_builtin(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "actors:\n"
        "  - {key: flf, name: Foo Liberation Front, type: group, country: IRQ, sector: REB,\n"
        "     aliases: [Foo Liberation Front, Foo Front]}\n"
        "  - {key: mek, name: People's Mojahedin Organization of Iran, aliases: [Mojahedin]}\n"
        "sectors:\n  MIL: [jet squadron]\n",
    )
    d = load_dictionary([path])
    assert d.aliases[norm_key("Foo Front")].key == "flf"
    assert d.aliases[norm_key("Mojahedin")].key == "mek"
    assert d.exact_aliases["PMOI"].key == "mek"  # built-in aliases are kept
    assert d.agents[norm_key("jet squadrons")].sector == "MIL"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("actors:\n  - {key: a, aliases: [A, B}\n", 2, "malformed YAML"),
        ("actors:\n  - key: a\n    colour: red\n", 2, "unknown actor field"),
        ("actors:\n  - key: a\n    sector: XYZ\n", 2, "unknown sector"),
        ("actors:\n  - key: a\n    roles:\n      - {from: 2020-13-01}\n", 4, "date"),
        ("actors:\n  - name: no key\n", 2, "needs a string 'key'"),
        ("- just\n- a list\n", 1, "top level"),
    ],
)
def test_malformed_user_yaml_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DictionaryError) as info:
        load_dictionary([path])
    assert info.value.path == str(path)
    assert info.value.line == line
    assert message in str(info.value)


def test_unknown_parent_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "actors:\n  - {key: wing, parent: nobody}\n")
    with pytest.raises(DictionaryError, match="unknown parent"):
        load_dictionary([path])


def test_duplicate_alias_warns_and_lists_both(tmp_path: Path) -> None:
    path = _write(tmp_path, "actors:\n  - {key: other_mek, name: Other, aliases: [MKO]}\n")
    with pytest.warns(AliasCollisionWarning, match=r"'MKO': mek .* other_mek"):
        d = load_dictionary([path])
    assert d.exact_aliases["MKO"].key == "other_mek"  # the later file wins, with the warning


def test_read_yaml_empty_file() -> None:
    assert read_yaml("", "empty.yaml") == {}


@pytest.mark.parametrize(
    ("term", "sector"),
    [
        ("commandos", "MIL"),  # alone: an army's special unit
        ("urban commandos", "REB"),  # a guerrilla's town units
        ("guerrilla commando", "REB"),
    ],
)
def test_builtin_agent_sectors(term: str, sector: str) -> None:
    assert load_dictionary().agents[norm_key(term)].sector == sector
