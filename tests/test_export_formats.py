"""`chronica export`: every format, per report and per event group."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from conftest import make_event
from typer.testing import CliRunner

from chronica.cli import app
from chronica.errors import ChronicaError
from chronica.export import export
from chronica.export.writers import GDELT_COLUMNS, PHOENIX_COLUMNS, penta_class
from chronica.records import Document, Event
from chronica.serialize import ROW_COLUMNS, event_from_dict, event_to_dict, event_to_row
from chronica.store import Store

pytestmark = pytest.mark.issue(7)


def _events() -> list[tuple[Document, list[Event]]]:
    text = "Rebels shelled the town. Officials met envoys."
    docs = []
    for i, published in enumerate((date(2023, 6, 1), date(2024, 2, 2))):
        doc_id = f"d{i}"
        events = [
            make_event(f"{doc_id}-a", doc_id, start=date(2023 + i, 6, 1), place="Kharkiv"),
            make_event(f"{doc_id}-b", doc_id, "CONSULT", ("Officials",), ("Envoys",)),
        ]
        docs.append(
            (
                Document(doc_id, text, url=f"http://n/{i}", source="Wire", published=published),
                events,
            )
        )
    return docs


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "e.duckdb"
    with Store.open(path) as store:
        for doc, events in _events():
            store.save(doc, events)
        store.deduplicate()
    yield path


def _export(db: Path, fmt: str, out: Path, groups: bool = False) -> int:
    with Store.open(db, read_only=True) as store:
        return export(store, fmt, out, groups=groups).rows


def test_export_jsonl_is_the_code_record(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert _export(db, "jsonl", out) == 4
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [event_to_dict(e) for _, evs in _events() for e in evs]
    assert lines == expected
    assert [event_from_dict(d) for d in lines] == [e for _, evs in _events() for e in evs]


def test_export_csv_uses_the_flat_row(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    _export(db, "csv", out)
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == list(ROW_COLUMNS)
    first = {k: "" if v is None else str(v) for k, v in event_to_row(_events()[0][1][0]).items()}
    assert rows[0] == first


def test_export_parquet_is_partitioned_by_year(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    assert _export(db, "parquet", out) == 4
    years = sorted(p.name for p in out.iterdir())
    assert years == ["year=2023", "year=2024", "year=__HIVE_DEFAULT_PARTITION__"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 4
    assert set(table.column("plover").to_pylist()) == {"ASSAULT", "CONSULT"}


@pytest.mark.parametrize(
    ("fmt", "columns"), [("gdelt", GDELT_COLUMNS), ("phoenix", PHOENIX_COLUMNS)]
)
def test_export_tsv_formats_have_their_columns(
    db: Path, tmp_path: Path, fmt: str, columns: tuple[str, ...]
) -> None:
    out = tmp_path / f"e.{fmt}.tsv"
    _export(db, fmt, out)
    lines = out.read_text().splitlines()
    header = lines[0].split("\t")
    assert header == list(columns)
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    assert len(rows) == 4
    assault = rows[0]
    if fmt == "gdelt":
        assert (assault["SQLDATE"], assault["EventRootCode"], assault["QuadClass"]) == (
            "20230601",
            "19",
            "4",
        )
        assert (assault["Actor1Name"], assault["SOURCEURL"], assault["ActionGeo_CountryCode"]) == (
            "Russia", "http://n/0", "UKR",
        )  # fmt: skip
    else:
        assert (assault["Date"], assault["PentaClass"], assault["LocationName"]) == (
            "20230601",
            "4",
            "Kharkiv",
        )
        assert assault["NewsSources"] == "Wire"


def test_export_plover_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    _export(db, "plover", out)
    first = json.loads(out.read_text().splitlines()[0])
    assert (first["event"], first["source"], first["target"], first["date"]) == (
        "ASSAULT", "Russia", "Ukraine", "2023-06-01",
    )  # fmt: skip
    assert first["location"]["placename"] == "Kharkiv"
    assert first["eventText"] == "Russia attacked Ukraine."


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "phoenix", "plover"])
def test_export_groups_one_row_per_event_group(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    # both documents have the same text: one cluster, so each event is reported twice
    assert _export(db, fmt, out, groups=True) == 2
    lines = out.read_text().splitlines()
    if fmt in ("jsonl", "plover"):
        assert [json.loads(line)["group"]["reports"] for line in lines] == [2, 2]
    else:
        delimiter = "," if fmt == "csv" else "\t"
        rows = list(csv.DictReader(lines, delimiter=delimiter))
        assert [(r["reports"], r["documents"], r["outlets"]) for r in rows] == [("2", "2", "1")] * 2
        assert rows[0]["first_report"] == "2023-06-01"


@pytest.mark.parametrize(
    ("cameo", "penta"), [("010", 0), ("0311", 1), ("073", 2), ("120", 3), ("190", 4)]
)
def test_export_penta_class(cameo: str, penta: int) -> None:
    assert penta_class(cameo) == penta


def test_export_rejects_unknown_format_and_parquet_to_stdout(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        with pytest.raises(ChronicaError, match="unknown format"):
            export(store, "xml", "-")
        with pytest.raises(ChronicaError, match="directory"):
            export(store, "parquet", "-")


def test_export_cli_writes_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(
        app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 4


def test_export_cli_missing_database_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--db", str(tmp_path / "no.duckdb"), "-f", "csv", "-o", str(tmp_path / "x")]
    )
    assert result.exit_code == 1
    assert "no such database" in result.output
