"""The evaluation runner, floors and `chronica eval`, on hand-made files and a stand-in coder."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronica.cli import app
from chronica.errors import DictionaryError, GoldError, InputError
from chronica.evaluation import (
    SETS,
    EvalReport,
    EvalRequest,
    canonical_set,
    check_floors,
    evaluate,
    evaluate_geowebnews,
    evaluate_timebank,
    load_floors,
    report_to_dict,
)
from chronica.evaluation.floors import parse_floors
from chronica.evaluation.metrics import Metric
from chronica.pipeline import CodedDocument
from chronica.records import (
    Attribution,
    DateSpan,
    Document,
    Event,
    EventType,
    Evidence,
    Reasons,
)


def _event(doc: Document, plover: str) -> Event:
    return Event(
        f"{doc.id}-e",
        doc.id,
        EventType(plover, None, "141", 4, -6.5, "marched"),
        (),
        (),
        DateSpan(),
        None,
        Attribution(),
        Evidence(0, doc.text, 0, len(doc.text)),
        0.8,
        Reasons(),
    )


class StubCoder:
    """Codes "march" sentences as PROTEST, fails on "boom", finds nothing otherwise."""

    def code_many(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        for doc in documents:
            if "boom" in doc.text.lower():
                yield CodedDocument(doc, (), InputError("cannot code", doc.id))
            elif "march" in doc.text:
                yield CodedDocument(doc, (_event(doc, "PROTEST"),))
            else:
                yield CodedDocument(doc, ())


def _write_set(tmp_path: Path) -> Path:
    docs = [
        ("s1", "Workers march in Eastville."),
        ("s2", "Boom in the harbour."),
        ("s3", "The minister spoke."),
        ("s4", "Farmers march again."),
    ]
    golds = ["PROTEST", "ASSAULT", "ACCUSE", "PROTEST"]
    with (tmp_path / "plover_gsr.docs.jsonl").open("w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    with (tmp_path / "plover_gsr.gold.jsonl").open("w", encoding="utf-8") as fh:
        for (doc_id, _), plover in zip(docs, golds, strict=True):
            gold = {"plover": plover, "mode": None, "source": [], "target": [], "location": None}
            fh.write(json.dumps({"id": doc_id, "gold": gold}) + "\n")
    return tmp_path


def test_evaluate_coded_set_counts_events_errors_and_metrics(tmp_path: Path) -> None:
    data = _write_set(tmp_path)
    progress: list[tuple[int, int]] = []
    report = evaluate(
        EvalRequest("plover_gsr", data_dir=data),
        StubCoder(),  # type: ignore[arg-type]
        lambda done, total: progress.append((done, total)),
    )
    assert (report.documents, report.errors, report.events) == (4, 1, 2)
    assert report.events_per_document == 0.5
    type_accuracy = report.metric("type_accuracy")
    assert type_accuracy is not None and (type_accuracy.hits, type_accuracy.total) == (2, 4)
    assert progress[-1] == (4, 4)
    data_out = report_to_dict(report)
    assert data_out["metrics"]["coverage"]["value"] == 0.5
    assert {"gold": "ASSAULT", "predicted": "NONE", "count": 1} in data_out["confusion"]


def test_evaluate_limit(tmp_path: Path) -> None:
    data = _write_set(tmp_path)
    report = evaluate(EvalRequest("plover_gsr", data_dir=data, limit=1), StubCoder())  # type: ignore[arg-type]
    assert report.documents == 1 and report.events == 1


def test_missing_gold_record_is_an_error(tmp_path: Path) -> None:
    data = _write_set(tmp_path)
    lines = (data / "plover_gsr.gold.jsonl").read_text(encoding="utf-8").splitlines()
    (data / "plover_gsr.gold.jsonl").write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="s1"):
        evaluate(EvalRequest("plover_gsr", data_dir=data), StubCoder())  # type: ignore[arg-type]


def test_missing_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not found"):
        evaluate(EvalRequest("acled", data_dir=tmp_path), StubCoder())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("coped_dev", "coped"), ("ACLED", "acled"), ("muc4", "muc4"), ("timebank", "timebank")],
)
def test_canonical_set(name: str, canonical: str) -> None:
    assert canonical_set(name) == canonical


def test_unknown_set() -> None:
    with pytest.raises(GoldError, match="unknown evaluation set"):
        canonical_set("gdelt")


def test_timebank_with_stand_in_normalizer(tmp_path: Path) -> None:
    (tmp_path / "A.tml").write_text(
        '<TimeML><DCT><TIMEX3 type="DATE" value="2003-02-10">Feb 10</TIMEX3></DCT><TEXT>On '
        '<TIMEX3 type="DATE" value="2003-02-09">Sunday</TIMEX3> it rained.</TEXT></TimeML>',
        encoding="utf-8",
    )

    def normalize(text: str, reference: date) -> DateSpan | None:
        return DateSpan(date(2003, 2, 9), date(2003, 2, 9), "day") if text == "Sunday" else None

    report = evaluate_timebank(EvalRequest("timebank", gold=tmp_path), normalize)
    accuracy = report.metric("value_accuracy")
    assert report.documents == 1 and accuracy is not None and accuracy.value == 1.0


def test_timebank_skips_without_the_time_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("chronica.evaluation.runner.time_normalizer", lambda: None)
    report = evaluate_timebank(EvalRequest("timebank", gold=tmp_path))
    assert report.skipped and "chronica.time.normalize" in report.skipped and not report.metrics


def test_geowebnews_with_stand_in_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "gwn.txt"
    path.write_text(
        "Lyon,,Lyon,,45.75,,4.85,,0,,4||Paris,,Paris,,48.85,,2.35,,9,,14||\n", encoding="utf-8"
    )
    report = evaluate_geowebnews(
        EvalRequest("geowebnews", gold=path),
        lambda names: [(45.7, 4.8) if text == "Lyon" else None for text in names],
    )
    within = report.metric("toponym_within_161km")
    assert within is not None and (within.hits, within.total) == (1, 2)


def test_floors_parse_and_check() -> None:
    floors = parse_floors("limit: 20\nsets:\n  coped: {class_accuracy: 0.5, coverage: 0.1}\n")
    assert floors.limit == 20 and len(floors.for_set("coped")) == 2
    report = EvalReport("coped", 10, 0, 5, 1.0, (Metric("class_accuracy", 4, 10),))
    assert check_floors(report, floors) == [
        "coped.class_accuracy: 0.400 below floor 0.500",
        "coped.coverage: not measured",
    ]


@pytest.mark.parametrize("text", ["sets: []", "limit: 0\nsets: {}", "sets: {a: {m: 2}}"])
def test_bad_floors(text: str) -> None:
    with pytest.raises(DictionaryError):
        parse_floors(text)


def test_packaged_floors_name_known_sets() -> None:
    floors = load_floors()
    assert floors.limit >= 1
    assert {f.set_name for f in floors.floors} <= set(SETS)


def test_cli_eval_unknown_set() -> None:
    result = CliRunner().invoke(app, ["eval", "--set", "gdelt", "--data-dir", "."])
    assert result.exit_code == 1
    assert "unknown evaluation set" in result.output


def test_cli_eval_component_set_writes_json(tmp_path: Path) -> None:
    (tmp_path / "A.tml").write_text(
        '<TimeML><DCT><TIMEX3 type="DATE" value="2003-02-10">x</TIMEX3></DCT><TEXT>In '
        '<TIMEX3 type="DATE" value="2002">2002</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["eval", "--set", "timebank", "--gold", str(tmp_path), "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["set"] == "timebank"
