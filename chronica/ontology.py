"""CAMEO and PLOVER tables: the one canonical source of codes, Goldstein values and quad classes.

Data: ``chronica/data/cameo.csv`` (every CAMEO 1.1b3 code, its name, Goldstein value, quad class
and PLOVER type/mode) and ``chronica/data/plover.yaml`` (the 16 PLOVER types and their modes).
The header comments of both files say where the facts come from and which choices were made.

Codes of root 01 (statements) have no PLOVER type: :meth:`Ontology.event_type` raises
:class:`~chronica.errors.NoPloverTypeError` for them unless the caller passes ``plover=``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from chronica.errors import DictionaryError, NoPloverTypeError, UnknownCameoCodeError
from chronica.records import PLOVER_TYPES, EventType


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One row of the CAMEO table. ``plover`` is None for codes without a PLOVER type (01x)."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None


@dataclass(frozen=True)
class Ontology:
    cameo_codes: dict[str, CameoEntry]
    plover_modes: dict[str, tuple[str, ...]]
    plover_descriptions: dict[str, str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Ontology:
        """Load the packaged tables (cached; the tables are read-only)."""
        descriptions, modes = _read_plover()
        return cls(cameo_codes=_read_cameo(), plover_modes=modes, plover_descriptions=descriptions)

    def cameo(self, code: str) -> CameoEntry:
        """The entry for a CAMEO code; unknown codes fall back to their parent codes.

        Raises :class:`UnknownCameoCodeError` (a ``KeyError``) when no prefix is known.
        """
        probe = code.strip()
        while len(probe) >= 2:
            entry = self.cameo_codes.get(probe)
            if entry is not None:
                return entry
            probe = probe[:-1]
        raise UnknownCameoCodeError(code)

    def event_type(
        self, cameo: str, trigger: str, plover: str | None = None, mode: str | None = None
    ) -> EventType:
        """An :class:`EventType` for a CAMEO code; a pattern may override PLOVER type and mode.

        Raises :class:`NoPloverTypeError` for a code without a PLOVER type (root 01) when no
        ``plover`` is given.
        """
        entry = self.cameo(cameo)
        chosen = plover or entry.plover
        if chosen is None:
            raise NoPloverTypeError(cameo)
        return EventType(
            plover=chosen,
            mode=mode if plover or mode else entry.mode,
            cameo=cameo,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            trigger=trigger,
        )

    def root_quad_class(self, root: str) -> int:
        """The quad class (1-4) of a two-digit CAMEO root."""
        return self.cameo(root[:2]).quad_class


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
                    plover=(row.get("plover") or "").strip() or None,
                    mode=(row.get("mode") or "").strip() or None,
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise DictionaryError(f"bad CAMEO row: {exc}", str(path), n) from exc
    return rows


def _read_plover() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    path = resources.files("chronica.data").joinpath("plover.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = data.get("types", {}) if isinstance(data, dict) else {}
    if not isinstance(types, dict):
        raise DictionaryError("'types' must be a mapping of PLOVER type to modes", str(path))
    descriptions: dict[str, str] = {}
    modes: dict[str, tuple[str, ...]] = {}
    for name in PLOVER_TYPES:
        spec = types.get(name) or {}
        descriptions[name] = str(spec.get("description", ""))
        modes[name] = tuple(str(m) for m in spec.get("modes", []) or [])
    return descriptions, modes
