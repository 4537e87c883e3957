"""CAMEO and PLOVER tables: the one canonical source of codes, Goldstein values and quad classes.

Data: ``chronica/data/cameo.csv`` (every CAMEO code, its name, Goldstein value, quad class and
PLOVER type/mode) and ``chronica/data/plover.yaml`` (the 16 PLOVER types and their modes).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from chronica.errors import DictionaryError
from chronica.records import PLOVER_TYPES, EventType


@dataclass(frozen=True, slots=True)
class CameoEntry:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str
    mode: str | None


@dataclass(frozen=True)
class Ontology:
    cameo_codes: dict[str, CameoEntry]
    plover_modes: dict[str, tuple[str, ...]]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Ontology:
        """Load the packaged tables (cached; the tables are read-only)."""
        return cls(cameo_codes=_read_cameo(), plover_modes=_read_plover())

    def cameo(self, code: str) -> CameoEntry:
        """The entry for a CAMEO code; unknown codes fall back to their parent codes."""
        probe = code
        while probe:
            entry = self.cameo_codes.get(probe)
            if entry is not None:
                return entry
            probe = probe[:-1]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def event_type(
        self, cameo: str, trigger: str, plover: str | None = None, mode: str | None = None
    ) -> EventType:
        """An :class:`EventType` for a CAMEO code; a pattern may override PLOVER type and mode."""
        entry = self.cameo(cameo)
        return EventType(
            plover=plover or entry.plover,
            mode=mode if plover or mode else entry.mode,
            cameo=cameo,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            trigger=trigger,
        )


def _read_cameo() -> dict[str, CameoEntry]:
    path = resources.files("chronica.data").joinpath("cameo.csv")
    rows: dict[str, CameoEntry] = {}
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for n, row in enumerate(csv.DictReader(lines), start=2):
            try:
                code = row["code"].strip()
                rows[code] = CameoEntry(
                    code=code,
                    name=row["name"].strip(),
                    root=code[:2],
                    goldstein=float(row["goldstein"]),
                    quad_class=int(row["quad_class"]),
                    plover=row["plover"].strip(),
                    mode=(row.get("mode") or "").strip() or None,
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise DictionaryError(f"bad CAMEO row: {exc}", str(path), n) from exc
    return rows


def _read_plover() -> dict[str, tuple[str, ...]]:
    path = resources.files("chronica.data").joinpath("plover.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = data.get("types", {}) if isinstance(data, dict) else {}
    out = {name: tuple((types.get(name) or {}).get("modes", []) or []) for name in PLOVER_TYPES}
    return out
