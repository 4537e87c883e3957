"""Scoring toponym resolution on GeoWebNews-style gold (a tiny hand-written file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronica.errors import InputError
from chronica.place.scoring import read_gwn, score_geowebnews

GOLD = (
    "Paris,,Paris,,48.85,,2.35,,0,,5||French Republic,,French,,46.0,,2.0,,10,,16"
    "||Nowhere,,Xyzzyville,,10.0,,10.0,,20,,30\n"
    "Albania,,Albania,,41.0,,20.0,,0,,7\n"
)


def test_place_score_geowebnews(tmp_path: Path) -> None:
    path = tmp_path / "gwn.txt"
    path.write_text(GOLD, encoding="utf-8")
    assert [len(a) for a in read_gwn(path)] == [3, 1]
    score = score_geowebnews(path)
    assert (score.total, score.resolved, score.within) == (4, 3, 3)
    assert score.accuracy == pytest.approx(0.75)


def test_place_score_geowebnews_rejects_malformed(tmp_path: Path) -> None:
    path = tmp_path / "gwn.txt"
    path.write_text("Paris,,Paris\n", encoding="utf-8")
    with pytest.raises(InputError):
        score_geowebnews(path)
