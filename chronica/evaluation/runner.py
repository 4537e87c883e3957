"""Run one evaluation set: read docs and gold, code the docs with one Coder, score, aggregate.

One function per set (``evaluate_plover_gsr`` ... ``evaluate_geowebnews``) and
:func:`evaluate`, which picks the function by set name. Default files are
``<data_dir>/<file stem>.{docs,gold}.jsonl`` with ``data_dir`` = ``../shared/eval`` relative
to the current directory; ``docs``/``gold`` override them (for timebank, ``gold`` is the
directory of ``.tml`` files; for geowebnews the ``gwn_full.txt`` file).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any, TypeVar

from chronica.config import Settings
from chronica.errors import ChronicaError, GoldError
from chronica.evaluation.components import (
    Normalizer,
    ToponymResolver,
    read_geowebnews,
    read_tml,
    score_geowebnews,
    score_timebank,
    timebank_files,
)
from chronica.evaluation.gold import (
    parse_acled,
    parse_coped,
    parse_muc4,
    parse_petr2_gsr,
    parse_plover_gsr,
)
from chronica.evaluation.metrics import (
    ConfusionCell,
    Metric,
    RecordScore,
    aggregate,
    score_acled,
    score_coped,
    score_muc4,
    score_petr2_gsr,
    score_plover_gsr,
)
from chronica.ingest.readers import read_path
from chronica.pipeline import Coder
from chronica.records import Document, Event

G = TypeVar("G")

DEFAULT_DATA_DIR = Path("../shared/eval")
SETS: tuple[str, ...] = (
    "plover_gsr", "petr2_gsr", "coped", "acled", "muc4", "timebank", "geowebnews",
)  # fmt: skip
FILE_STEMS: Mapping[str, str] = {
    "plover_gsr": "plover_gsr",
    "petr2_gsr": "petr2_gsr",
    "coped": "coped_dev",
    "acled": "acled_dev",
    "muc4": "muc4_dev",
}
COMPONENT_PATHS: Mapping[str, str] = {
    "timebank": "components/tempeval3_timebank",
    "geowebnews": "components/geowebnews/gwn_full.txt",
}

ProgressHook = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class EvalRequest:
    set_name: str
    data_dir: Path = DEFAULT_DATA_DIR
    docs: Path | None = None
    gold: Path | None = None
    limit: int | None = None
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True, slots=True)
class EvalReport:
    set_name: str
    documents: int
    errors: int
    events: int
    seconds: float
    metrics: tuple[Metric, ...] = ()
    confusion: tuple[ConfusionCell, ...] = ()
    skipped: str | None = None

    @property
    def events_per_document(self) -> float:
        return self.events / self.documents if self.documents else 0.0

    def metric(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)


def canonical_set(name: str) -> str:
    """The set name for ``name`` (``coped_dev`` is ``coped``); raises GoldError if unknown."""
    key = name.strip().lower()
    key = next((s for s, stem in FILE_STEMS.items() if stem == key), key)
    if key not in SETS:
        raise GoldError(f"unknown evaluation set {name!r}; use one of {', '.join(SETS)}")
    return key


# --------------------------------------------------------------------------- coded sets


def _read_gold(path: Path, parse: Callable[[Mapping[str, Any]], G]) -> dict[str, G]:
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    out: dict[str, G] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                out[str(record["id"])] = parse(record["gold"])
            except (json.JSONDecodeError, KeyError, TypeError, GoldError) as exc:
                raise GoldError(f"{path}:{n}: bad gold record: {exc}") from exc
    return out


def _load_pairs(
    docs_path: Path, gold_path: Path, parse: Callable[[Mapping[str, Any]], G], limit: int | None
) -> tuple[list[tuple[Document, G]], int]:
    """(document, gold) pairs in document order, and the number of unreadable documents."""
    if not docs_path.is_file():
        raise GoldError(f"docs file not found: {docs_path}")
    gold = _read_gold(gold_path, parse)
    pairs: list[tuple[Document, G]] = []
    unreadable = 0
    for result in read_path(docs_path):
        if limit is not None and len(pairs) + unreadable >= limit:
            break
        if result.document is None:
            unreadable += 1
            continue
        if result.document.id not in gold:
            raise GoldError(f"{gold_path}: no gold record for document {result.document.id!r}")
        pairs.append((result.document, gold[result.document.id]))
    return pairs, unreadable


def _evaluate_coded(
    request: EvalRequest,
    parse: Callable[[Mapping[str, Any]], G],
    score: Callable[[G, Sequence[Event]], RecordScore],
    coder: Coder | None,
    on_progress: ProgressHook | None,
) -> EvalReport:
    started = perf_counter()
    stem = FILE_STEMS[canonical_set(request.set_name)]
    docs_path = request.docs or request.data_dir / f"{stem}.docs.jsonl"
    gold_path = request.gold or request.data_dir / f"{stem}.gold.jsonl"
    pairs, unreadable = _load_pairs(docs_path, gold_path, parse, request.limit)
    coder = coder or Coder(request.settings)
    golds = [g for _, g in pairs]
    scores: list[RecordScore] = []
    events = 0
    errors = unreadable
    for i, coded in enumerate(coder.code_many(doc for doc, _ in pairs)):
        errors += coded.error is not None
        events += len(coded.events)
        scores.append(score(golds[i], coded.events))
        if on_progress is not None:
            on_progress(i + 1, len(pairs))
    metrics, confusion = aggregate(scores)
    return EvalReport(request.set_name, len(pairs) + unreadable, errors, events,
                      perf_counter() - started, metrics, confusion)  # fmt: skip


def evaluate_plover_gsr(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """PLOVER GSR: main-event type/mode accuracy, coverage, actors, location, confusion."""
    return _evaluate_coded(request, parse_plover_gsr, score_plover_gsr, coder, on_progress)


def evaluate_petr2_gsr(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """PETRARCH-2 GSR: agreement by CAMEO code/root and PLOVER type, actor countries."""
    return _evaluate_coded(request, parse_petr2_gsr, score_petr2_gsr, coder, on_progress)


def evaluate_coped(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """Multi-CoPED: five-way class accuracy and source/target span recall."""
    return _evaluate_coded(request, parse_coped, score_coped, coder, on_progress)


def evaluate_acled(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """ACLED notes: type-compatible event, actor country, date, location and distance."""
    return _evaluate_coded(request, parse_acled, score_acled, coder, on_progress)


def evaluate_muc4(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """MUC-4: incident recall, no ASSAULT on irrelevant articles, date, country, certainty."""
    return _evaluate_coded(request, parse_muc4, score_muc4, coder, on_progress)


# --------------------------------------------------------------------------- component sets


def _stage_function(module: str, name: str) -> Callable[..., Any] | None:
    """A function or class the time/place stage may not have yet (None when missing)."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def time_normalizer() -> Normalizer | None:
    """``chronica.time.normalize`` when the time stage provides it."""
    return _stage_function("chronica.time", "normalize")


def gazetteer_resolver() -> ToponymResolver | None:
    """``chronica.place.geocode_mentions`` when the place stage provides it: an article's
    mentions resolved together, each with the others as context."""
    return _stage_function("chronica.place", "geocode_mentions")


def _skipped(name: str, message: str, started: float) -> EvalReport:
    return EvalReport(name, 0, 0, 0, perf_counter() - started, skipped=message)


def evaluate_timebank(
    request: EvalRequest,
    normalize: Normalizer | None = None,
    on_progress: ProgressHook | None = None,
) -> EvalReport:
    """TimeBank: ``chronica.time.normalize`` of each DATE/TIME TIMEX3 against the DCT."""
    started = perf_counter()
    normalize = normalize or time_normalizer()
    if normalize is None:
        return _skipped("timebank", "chronica.time.normalize is not available yet", started)
    directory = request.gold or request.data_dir / COMPONENT_PATHS["timebank"]
    if not directory.is_dir():
        raise GoldError(f"TimeBank directory not found: {directory}")
    files = timebank_files(directory)[: request.limit]
    scores: list[RecordScore] = []
    errors = 0
    for i, path in enumerate(files):
        try:
            scores.extend(score_timebank(read_tml(path), normalize))
        except ChronicaError:
            errors += 1
        if on_progress is not None:
            on_progress(i + 1, len(files))
    metrics, confusion = aggregate(scores)
    return EvalReport("timebank", len(files), errors, 0, perf_counter() - started, metrics,
                      confusion)  # fmt: skip


def evaluate_geowebnews(
    request: EvalRequest,
    resolve: ToponymResolver | None = None,
    on_progress: ProgressHook | None = None,
) -> EvalReport:
    """GeoWebNews: gazetteer resolution of each toponym mention within 161 km."""
    started = perf_counter()
    resolve = resolve or gazetteer_resolver()
    if resolve is None:
        return _skipped("geowebnews", "chronica.place.Gazetteer is not available yet", started)
    path = request.gold or request.data_dir / COMPONENT_PATHS["geowebnews"]
    if not path.is_file():
        raise GoldError(f"GeoWebNews file not found: {path}")
    articles = read_geowebnews(path)[: request.limit]
    scores: list[RecordScore] = []
    for i, toponyms in enumerate(articles):
        scores.extend(score_geowebnews(toponyms, resolve))
        if on_progress is not None:
            on_progress(i + 1, len(articles))
    metrics, _ = aggregate(scores)
    return EvalReport("geowebnews", len(articles), 0, 0, perf_counter() - started, metrics)


# --------------------------------------------------------------------------- entry points


def evaluate(
    request: EvalRequest, coder: Coder | None = None, on_progress: ProgressHook | None = None
) -> EvalReport:
    """Run the set named by ``request.set_name`` (coded sets reuse ``coder`` when given)."""
    name = canonical_set(request.set_name)
    request = EvalRequest(name, request.data_dir, request.docs, request.gold, request.limit,
                          request.settings)  # fmt: skip
    if request.limit is not None and request.limit < 1:
        raise GoldError(f"limit must be at least 1, got {request.limit}")
    if name == "timebank":
        return evaluate_timebank(request, on_progress=on_progress)
    if name == "geowebnews":
        return evaluate_geowebnews(request, on_progress=on_progress)
    runners = {
        "plover_gsr": evaluate_plover_gsr,
        "petr2_gsr": evaluate_petr2_gsr,
        "coped": evaluate_coped,
        "acled": evaluate_acled,
        "muc4": evaluate_muc4,
    }
    return runners[name](request, coder, on_progress)


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """The report as JSON-ready data (metrics keyed by name, confusion as a list of cells)."""
    return {
        "set": report.set_name,
        "documents": report.documents,
        "errors": report.errors,
        "events": report.events,
        "events_per_document": round(report.events_per_document, 4),
        "seconds": round(report.seconds, 2),
        "skipped": report.skipped,
        "metrics": {
            m.name: {
                "value": None if m.value is None else round(m.value, 4),
                "hits": m.hits,
                "total": m.total,
                "description": m.description,
            }
            for m in report.metrics
        },
        "confusion": [
            {"gold": c.gold, "predicted": c.predicted, "count": c.count} for c in report.confusion
        ],
    }


def write_report_json(report: EvalReport, path: Path) -> None:
    """Write the report as JSON (see :func:`report_to_dict`)."""
    text = json.dumps(report_to_dict(report), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
