"""CI floors: every set, on a slice of its dev data, scores at least its floors.

Slow (codes a few hundred documents with the spaCy model) and skipped when the gold sets
(../shared/eval relative to the repository root) are absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronica.evaluation import EvalRequest, check_floors, evaluate, load_floors
from chronica.pipeline import Coder

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
FLOORS = load_floors()
SETS = sorted({f.set_name for f in FLOORS.floors})

pytestmark = [
    pytest.mark.slow,
    pytest.mark.model,
    pytest.mark.skipif(not DATA_DIR.is_dir(), reason=f"gold sets not found at {DATA_DIR}"),
]


@pytest.fixture(scope="module")
def shared_coder() -> Coder:
    return Coder()


@pytest.mark.parametrize("set_name", SETS)
def test_set_meets_its_floors(set_name: str, shared_coder: Coder) -> None:
    request = EvalRequest(set_name, data_dir=DATA_DIR, limit=FLOORS.limit)
    report = evaluate(request, shared_coder)
    if report.skipped:
        pytest.skip(report.skipped)
    assert report.documents > 0
    assert check_floors(report, FLOORS) == []
