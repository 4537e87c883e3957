"""Readers: documents from files, with publication dates from fields or datelines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chronica.ingest import read_path


def _one(path: Path):  # type: ignore[no-untyped-def]
    results = list(read_path(path))
    assert len(results) == 1
    return results[0]


def _one_record(tmp_path: Path, record: dict[str, str]):  # type: ignore[no-untyped-def]
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return _one(f)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "a", "text": "Rebels attacked.", "published": "2020-05-01"}, date(2020, 5, 1)),
        (
            {"id": "b", "text": "SAN SALVADOR, 12 JAN 90 (RADIO X) -- REBELS ATTACKED."},
            date(1990, 1, 12),
        ),
        ({"id": "c", "text": "Rebels attacked the town."}, None),
    ],
)
def test_published_from_field_or_dateline(
    tmp_path: Path, record: dict[str, str], expected: date | None
) -> None:
    result = _one_record(tmp_path, record)
    assert result.error is None
    assert result.document is not None and result.document.published == expected


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "a", "text": "SAN SALVADOR, 12 JAN 90 (RADIO X) -- REBELS ATTACKED."}, "RADIO X"),
        ({"id": "b", "text": "WASHINGTON, June 3, 2021 (Reuters) - Talks began."}, "Reuters"),
        ({"id": "c", "text": "LIMA, 2 MAY 89 (EFE) -- [TEXT] A BOMB EXPLODED."}, "EFE"),
        ({"id": "d", "text": "PARIS, 3 May 2020 -- Talks began (in private)."}, None),
        ({"id": "e", "text": "Talks began (Reuters) - in private.", "source": "AFP"}, "AFP"),
    ],
)
def test_outlet_from_field_or_dateline(
    tmp_path: Path, record: dict[str, str], expected: str | None
) -> None:
    result = _one_record(tmp_path, record)
    assert result.document is not None and result.document.source == expected


def test_txt_document_id_is_file_name(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text("Troops withdrew.", encoding="utf-8")
    result = _one(f)
    assert result.document is not None and result.document.id == "story.txt"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.pdf", b"%PDF", "unsupported file type"),
        ("x.txt", b"\xff\xfe\x00\x00", "binary"),
        ("x.txt", b"caf\xe9 au lait", "not UTF-8"),
        ("x.csv", b"a,b\n1,2\n", "'text' column"),
    ],
)
def test_bad_files_become_errors_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    result = _one(f)
    assert result.document is None and result.error is not None
    assert message in str(result.error) and name in str(result.error)


def test_files_in_directories_are_named_by_relative_path(tmp_path: Path) -> None:
    from chronica.ingest import read_inputs

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Troops withdrew from {sub}.", encoding="utf-8")
    ids = [r.document.id for r in read_inputs([tmp_path]) if r.document is not None]
    assert ids == ["a/story.txt", "b/story.txt"]
