"""Integrity of the CAMEO and PLOVER tables (chronica/data/cameo.csv, plover.yaml)."""

from __future__ import annotations

import pytest

from chronica.errors import ChronicaError, NoPloverTypeError, UnknownCameoCodeError
from chronica.ontology import Ontology
from chronica.records import PLOVER_TYPES

ONTOLOGY = Ontology.load()
CODES = sorted(ONTOLOGY.cameo_codes)
ROOTS = [f"{n:02d}" for n in range(1, 21)]
# Codes documented in the cameo.csv header as having no PLOVER type.
NO_PLOVER_ROOTS = {"01"}


def test_table_has_every_cameo_1_1b3_code() -> None:
    assert 300 <= len(CODES) <= 330
    assert set(ROOTS) <= set(CODES)
    assert all(len(code) in (2, 3, 4) and code.isdigit() for code in CODES)


@pytest.mark.parametrize("code", CODES)
def test_code_row_is_consistent(code: str) -> None:
    entry = ONTOLOGY.cameo_codes[code]
    assert entry.code == code
    assert entry.root == code[:2] and entry.root in ONTOLOGY.cameo_codes
    if len(code) == 4:
        assert code[:3] in ONTOLOGY.cameo_codes, "a 4-digit code needs its 3-digit parent"
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.quad_class in (1, 2, 3, 4)
    assert entry.quad_class == ONTOLOGY.cameo_codes[entry.root].quad_class
    assert entry.name


@pytest.mark.parametrize("code", CODES)
def test_plover_type_and_mode_are_valid(code: str) -> None:
    entry = ONTOLOGY.cameo_codes[code]
    if entry.root in NO_PLOVER_ROOTS:
        assert entry.plover is None and entry.mode is None
        return
    assert entry.plover in PLOVER_TYPES
    if entry.mode is not None:
        assert entry.mode in ONTOLOGY.plover_modes[entry.plover]


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("02", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4),
     ("16", 4), ("20", 4)],
)  # fmt: skip
def test_quad_class_by_root(root: str, quad: int) -> None:
    assert ONTOLOGY.root_quad_class(root) == quad


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [("02", "REQUEST", None), ("0253", "REQUEST", "yield"), ("042", "CONSULT", "visit"),
     ("0841", "RETREAT", "release"), ("0813", "RETREAT", None), ("163", "COERCE", "restrict"),
     ("1712", "ASSAULT", "destroy"), ("175", "ASSAULT", None), ("191", "COERCE", "restrict"),
     ("192", "COERCE", "seize"), ("201", "ASSAULT", "cleansing"), ("1831", "ASSAULT",
     "suicide-attack"), ("141", "PROTEST", "demo"), ("173", "COERCE", "arrest")],
)  # fmt: skip
def test_plover_mapping_follows_the_plover_table(code: str, plover: str, mode: str | None) -> None:
    entry = ONTOLOGY.cameo(code)
    assert (entry.plover, entry.mode) == (plover, mode)


def test_every_plover_type_has_a_description_and_is_used() -> None:
    used = {e.plover for e in ONTOLOGY.cameo_codes.values()}
    for name in PLOVER_TYPES:
        assert ONTOLOGY.plover_descriptions[name]
        assert name in used
        assert len(set(ONTOLOGY.plover_modes[name])) == len(ONTOLOGY.plover_modes[name])


@pytest.mark.parametrize(
    ("code", "expected"), [("18399", "183"), ("0459", "045"), ("1823", "1823")]
)
def test_unknown_subcode_falls_back_to_parent(code: str, expected: str) -> None:
    assert ONTOLOGY.cameo(code).code == expected


@pytest.mark.parametrize("code", ["", "9", "99", "21", "x1"])
def test_unknown_code_raises_named_error(code: str) -> None:
    with pytest.raises(UnknownCameoCodeError) as info:
        ONTOLOGY.cameo(code)
    assert isinstance(info.value, KeyError) and isinstance(info.value, ChronicaError)


@pytest.mark.parametrize("code", ["01", "010", "016", "019"])
def test_statement_codes_need_an_explicit_plover_type(code: str) -> None:
    with pytest.raises(NoPloverTypeError):
        ONTOLOGY.event_type(code, "said")
    assert ONTOLOGY.event_type(code, "said", plover="ACCUSE").plover == "ACCUSE"


def test_event_type_uses_table_values_and_overrides() -> None:
    et = ONTOLOGY.event_type("186", "killed")
    assert (et.plover, et.mode, et.quad_class, et.goldstein) == ("ASSAULT", "assassinate", 4, -10.0)
    assert ONTOLOGY.event_type("186", "killed", mode="targeted").mode == "targeted"
    override = ONTOLOGY.event_type("186", "shot", plover="ASSAULT")
    assert override.mode is None and override.cameo == "186"
