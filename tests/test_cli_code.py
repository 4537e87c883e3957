"""`chronica code` on good and bad inputs (the model is needed: marked)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from chronica.cli import app
from chronica.serialize import event_schema

runner = CliRunner()
GOOD = "In 1986, the French government expelled the group from France. Protesters rallied in Paris."

pytestmark = pytest.mark.model


def _events(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_code_txt_emits_schema_valid_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["code", str(f), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = _events(result.stdout)
    assert events
    for ev in events:
        jsonschema.validate(ev, event_schema())
        assert ev["doc_id"] == "a.txt"


def test_code_ids_are_stable(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    first = runner.invoke(app, ["code", str(f), "--format", "jsonl"]).stdout
    second = runner.invoke(app, ["code", str(f), "--format", "jsonl"]).stdout
    assert [e["id"] for e in _events(first)] == [e["id"] for e in _events(second)]


def test_code_missing_file_fails_with_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


def test_code_empty_file_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", str(f)])
    assert result.exit_code == 1
    assert "empty text" in result.stderr


def test_code_binary_file_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = runner.invoke(app, ["code", str(f)])
    assert result.exit_code == 1
    assert "bin.txt" in result.stderr and "binary" in result.stderr


def test_malformed_jsonl_line_names_line_and_others_still_coded(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "ok2", "text": GOOD, "published": "2020-05-01"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(f), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "docs.jsonl:2: malformed JSON" in result.stderr
    assert "docs.jsonl:3" in result.stderr
    doc_ids = {e["doc_id"] for e in _events(result.stdout)}
    assert doc_ids == {"ok1", "ok2"}


def test_bad_published_value_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    f.write_text(
        json.dumps({"id": "x", "text": GOOD, "published": "yesterday"}) + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["code", str(f)])
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.stderr


def test_csv_gz_and_directory_inputs(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text(GOOD, encoding="utf-8")
    with gzip.open(tmp_path / "d" / "two.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(GOOD)
    (tmp_path / "d" / "three.csv").write_text(f'id,text\nc1,"{GOOD}"\n', encoding="utf-8")
    result = runner.invoke(app, ["code", str(tmp_path / "d"), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("id,doc_id,plover")
    assert {"one.txt", "two.txt", "c1"} <= {
        line.split(",")[1] for line in result.stdout.splitlines()[1:]
    }


def test_stdin_jsonl(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["code", "-", "--format", "jsonl"], input=json.dumps({"id": "s", "text": GOOD}) + "\n"
    )
    assert result.exit_code == 0
    assert {e["doc_id"] for e in _events(result.stdout)} == {"s"}


def test_html_input(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        f"<html><head><title>T</title></head><body><p>{GOOD}</p></body></html>", encoding="utf-8"
    )
    result = runner.invoke(app, ["code", str(f), "--format", "jsonl"])
    assert result.exit_code == 0


def test_five_megabyte_document_with_another_pipeline(tmp_path: Path) -> None:
    """A 5 MB document is coded whole; ``--model`` takes another pipeline (here a saved
    tokenizer-and-sentencizer pipeline, so the test stays fast)."""
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "blank_pipeline")
    f = tmp_path / "big.txt"
    para = "The army attacked the rebels near the border in 1999. " * 40
    f.write_text("\n\n".join([para] * 2_400), encoding="utf-8")
    assert f.stat().st_size > 5_000_000
    out = tmp_path / "out.csv"
    args = ["code", str(f), "--format", "csv", "-o", str(out)]
    result = runner.invoke(app, [*args, "--model", str(tmp_path / "blank_pipeline")])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("id,doc_id")
    assert "1 document(s) coded" in result.stderr


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["code", str(f), "--model", "no_such_pipeline_xyz"])
    assert result.exit_code == 3
    assert "no_such_pipeline_xyz" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("chronica ")
