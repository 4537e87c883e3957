"""Import CAMEO / PETRARCH / TABARI ``.actors`` and ``.agents`` dictionaries into our YAML.

Forms read (comments start with ``#``; words are joined by ``_``, a trailing ``_`` ends a word):

- ``UNITED_STATES_  [USA]``: an actor and its code (country ``USA``);
- ``+AMERICAN_``: a synonym of the actor above;
- ``IRAQI_GOVERNMENT [IRQGOV]``: country + sector;
- ``HAMID_KARZAI_`` followed by indented ``[AFGGOV >011222]``, ``[AFGELI 750101-011222]``,
  ``[AFGELI]``: dated codes become roles (``>D`` from D, ``<D`` until D, ``D1-D2``); an undated
  code is the actor's own code; dates are ``YYMMDD`` (``YY`` < 30 is 20YY) or ``YYYYMMDD``;
- agents: ``SOLDIER [~MIL]``, ``POLICE {} [~COP]``, ``CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE}
  [~BUS]`` (the braces give plurals), and substitution sets ``!PERSON! = MAN, MEN``.

Codes whose first three letters are not a country (or IGO/NGO/MNC) keep their full code in
``cameo`` and get no country; sectors outside chronica's set are dropped (kept in ``cameo``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import yaml

from chronica.actors.dictionary import SECTORS
from chronica.errors import DictionaryError

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_PLURALS = re.compile(r"\{([^}]*)\}")
_DATE = re.compile(r"^\d{6}(\d{2})?$")
_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "al", "el", "to"})


@dataclass
class ImportedActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, int]] = field(default_factory=list)  # (code, dates, line)


@dataclass
class Imported:
    """What a CAMEO file held: actors and agent words (sector -> words)."""

    actors: list[ImportedActor] = field(default_factory=list)
    agents: dict[str, list[str]] = field(default_factory=dict)


def phrase(token: str) -> str:
    """``UNITED_STATES_`` -> ``United States``; short words stay upper case (``CIA``)."""
    out = []
    for w in (w for w in token.strip().strip("_").split("_") if w):
        low = w.lower()
        out.append(low if low in _MINOR else w if len(w) <= 3 or "." in w else w.capitalize())
    return " ".join(out)


def split_code(code: str) -> tuple[str | None, str | None]:
    """``IRQGOV`` -> (IRQ, GOV); ``~MIL`` -> (None, MIL); ``IMGMUSISI`` -> (None, None)."""
    code = code.strip().lstrip("~")
    country: str | None = None
    rest = code
    head = code[:3]
    if head in ("IGO", "NGO", "MNC") or pycountry.countries.get(alpha_3=head) is not None:
        country, rest = head, code[3:]
    elif len(code) == 3 and head in SECTORS:
        return None, head
    sector = rest[:3] if rest[:3] in SECTORS else None
    return country, sector


def parse_date(text: str, path: str, line: int) -> date:
    if not _DATE.match(text):
        raise DictionaryError(f"bad date {text!r} (expected YYMMDD or YYYYMMDD)", path, line)
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DictionaryError(f"bad date {text!r}", path, line) from None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, content without comment) for non-empty lines."""
    for number, raw in enumerate(text.splitlines(), start=1):
        content = raw.split("#", 1)[0].strip()
        if content:
            yield number, content


def parse_cameo(text: str, path: str = "<cameo>") -> Imported:
    """Parse a CAMEO actors or agents file."""
    result = Imported()
    substitutions: dict[str, list[str]] = {}
    current: ImportedActor | None = None
    for number, content in _lines(text):
        subst = _SUBST.match(content)
        if subst:
            substitutions[subst.group(1)] = [
                w.strip() for w in subst.group(2).split(",") if w.strip()
            ]
            continue
        codes = _CODE.findall(content)
        if content.startswith("+"):
            if current is None:
                raise DictionaryError("a '+' synonym before any actor", path, number)
            current.aliases.append(phrase(_CODE.sub("", content[1:])))
            current.codes.extend(_code_parts(c, number) for c in codes)
            continue
        if content.startswith("[") and current is not None:
            current.codes.extend(_code_parts(c, number) for c in codes)
            continue
        if content.startswith("["):
            raise DictionaryError("a code line before any actor", path, number)
        if any(c.strip().startswith("~") for c in codes):
            _add_agent(result, content, codes, substitutions)
            current = None
            continue
        name = _CODE.sub("", _PLURALS.sub("", content)).strip()
        if not name:
            raise DictionaryError(f"cannot read line {content!r}", path, number)
        current = ImportedActor(phrase(name))
        current.codes.extend(_code_parts(c, number) for c in codes)
        result.actors.append(current)
    return result


def _code_parts(raw: str, line: int) -> tuple[str, str, int]:
    parts = raw.split(None, 1)
    return (parts[0] if parts else "", parts[1].strip() if len(parts) > 1 else "", line)


def _add_agent(
    result: Imported, content: str, codes: list[str], subst: dict[str, list[str]]
) -> None:
    sector = split_code(codes[0])[1]
    if sector is None:
        return
    term = _CODE.sub("", content)
    plurals = [p for group in _PLURALS.findall(term) for p in group.split(",") if p.strip()]
    term = _PLURALS.sub("", term).strip()
    words = [x for w in (term, *plurals) for x in _expand(w, subst)]
    bucket = result.agents.setdefault(sector, [])
    for w in words:
        text = phrase(w).lower()
        if text and text not in bucket:
            bucket.append(text)


def _expand(word: str, subst: dict[str, list[str]]) -> list[str]:
    """``CATTLE!PERSON!`` with ``!PERSON! = MAN, MEN`` -> ``CATTLE_MAN_``, ``CATTLE_MEN_``."""
    for key, values in subst.items():
        if key in word:
            return [x for v in values for x in _expand(word.replace(key, f"_{v}_"), subst)]
    return [word]


def _key(name: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"
    key = base
    n = 2
    while key in used:
        key = f"{base}_{n}"
        n += 1
    used.add(key)
    return key


def to_yaml_data(imported: Imported, path: str) -> dict[str, Any]:
    """Our dictionary format (see docs/actors.md) for an imported file."""
    used: set[str] = set()
    actors: list[dict[str, Any]] = []
    for actor in imported.actors:
        entry: dict[str, Any] = {"key": _key(actor.name, used), "name": actor.name}
        roles: list[dict[str, Any]] = []
        for code, restriction, line in actor.codes:
            country, sector = split_code(code)
            if not restriction:
                entry.update(cameo=code, country=country, sector=sector)
                continue
            role: dict[str, Any] = _restriction(restriction, path, line)
            role.update(country=country, sector=sector, title=code)
            roles.append({k: v for k, v in role.items() if v is not None})
        if "cameo" not in entry and roles and not actor.codes[0][1]:
            entry["cameo"] = actor.codes[0][0]
        entry["aliases"] = list(dict.fromkeys([actor.name, *actor.aliases]))
        if roles:
            entry["roles"] = roles
        actors.append({k: v for k, v in entry.items() if v is not None})
    data: dict[str, Any] = {"version": 1, "actors": actors}
    if imported.agents:
        data["sectors"] = imported.agents
    return data


def _restriction(text: str, path: str, line: int) -> dict[str, Any]:
    text = text.strip()
    if text.startswith(">"):
        return {"from": parse_date(text[1:].strip(), path, line)}
    if text.startswith("<"):
        return {"to": parse_date(text[1:].strip(), path, line)}
    start, sep, end = text.partition("-")
    if not sep:
        raise DictionaryError(f"bad date restriction {text!r}", path, line)
    return {
        "from": parse_date(start.strip(), path, line),
        "to": parse_date(end.strip(), path, line),
    }


def import_cameo_file(source: Path) -> str:
    """Read a CAMEO/PETRARCH file and return our YAML text (with a header naming the source)."""
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read: {exc.strerror}", str(source)) from None
    data = to_yaml_data(parse_cameo(text, str(source)), str(source))
    header = (
        f"# chronica actor dictionary imported from {source.name} (CAMEO/PETRARCH format)\n"
        "# by `chronica actors import`. Codes keep the original CAMEO code in `cameo`.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
