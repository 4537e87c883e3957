"""The export formats. Each maps an event (and, with groups, its group counts) to one output row."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

import pyarrow as pa
import pyarrow.dataset as ds

from chronica import __version__
from chronica.errors import ChronicaError
from chronica.records import Entity, Event
from chronica.serialize import ROW_COLUMNS, event_to_dict, event_to_row
from chronica.store import DocumentInfo, EventGroup, EventQuery, Store
from chronica.store.schema import EVENT_COLUMN_TYPES

Format = Literal["jsonl", "csv", "parquet", "plover", "gdelt", "phoenix"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "plover", "gdelt", "phoenix")
GROUP_COLUMNS: tuple[str, ...] = (
    "group_id", "reports", "documents", "outlets", "first_report", "last_report",
)  # fmt: skip


class ExportError(ChronicaError):
    """The export cannot be written (bad format or output path)."""

    exit_code = 2


@dataclass(frozen=True)
class ExportReport:
    rows: int
    path: str


@dataclass(frozen=True)
class _Item:
    """One output row's source: an event report, or a group's representative with its counts."""

    event: Event
    group: EventGroup | None


def export(
    store: Store,
    fmt: str,
    out: str | Path,
    groups: bool = False,
    query: EventQuery | None = None,
) -> ExportReport:
    """Write the store's events (matching ``query``) to ``out`` ("-" = stdout, not for Parquet)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    items = _items(store, groups, query)
    if fmt == "parquet":
        if str(out) == "-":
            raise ExportError("parquet needs an output directory (-o DIR)")
        return ExportReport(_write_parquet(items, Path(out), groups), str(out))
    documents = store.document_index() if fmt in ("gdelt", "phoenix", "plover") else {}
    writers: dict[str, Callable[[Iterator[_Item], IO[str], bool, dict[str, DocumentInfo]], int]] = {
        "jsonl": _write_jsonl,
        "csv": _write_csv,
        "plover": _write_plover,
        "gdelt": _write_gdelt,
        "phoenix": _write_phoenix,
    }
    if str(out) == "-":
        return ExportReport(writers[fmt](items, sys.stdout, groups, documents), "-")
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            rows = writers[fmt](items, fh, groups, documents)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc
    return ExportReport(rows, str(path))


def _items(store: Store, groups: bool, query: EventQuery | None) -> Iterator[_Item]:
    if groups:
        return (_Item(g.representative, g) for g in store.groups(query))
    return (_Item(ev, None) for ev in store.iter_events(query))


def _group_values(group: EventGroup | None) -> dict[str, Any]:
    if group is None:
        return {}
    return {
        "group_id": group.group_id,
        "reports": group.reports,
        "documents": group.documents,
        "outlets": group.outlets,
        "first_report": group.first_report.isoformat() if group.first_report else None,
        "last_report": group.last_report.isoformat() if group.last_report else None,
    }


# ---------------------------------------------------------------------------------- jsonl, csv
def _write_jsonl(
    items: Iterator[_Item], out: IO[str], groups: bool, documents: dict[str, DocumentInfo]
) -> int:
    rows = 0
    for item in items:
        record = event_to_dict(item.event)
        if item.group is not None:
            record["group"] = _group_values(item.group)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows += 1
    return rows


def _write_csv(
    items: Iterator[_Item], out: IO[str], groups: bool, documents: dict[str, DocumentInfo]
) -> int:
    columns = list(ROW_COLUMNS) + (list(GROUP_COLUMNS) if groups else [])
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    rows = 0
    for item in items:
        writer.writerow({**event_to_row(item.event), **_group_values(item.group)})
        rows += 1
    return rows


# ---------------------------------------------------------------------------------- parquet
_ARROW: dict[str, pa.DataType] = {
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR": pa.string(),
}
_GROUP_TYPES: dict[str, pa.DataType] = {
    "group_id": pa.string(),
    "reports": pa.int32(),
    "documents": pa.int32(),
    "outlets": pa.int32(),
    "first_report": pa.date32(),
    "last_report": pa.date32(),
}


def parquet_schema(groups: bool) -> pa.Schema:
    fields = [(c, _ARROW[EVENT_COLUMN_TYPES.get(c, "VARCHAR")]) for c in ROW_COLUMNS]
    if groups:
        fields += list(_GROUP_TYPES.items())
    return pa.schema([*fields, ("year", pa.int32())])


def _parquet_row(item: _Item) -> dict[str, Any]:
    row = event_to_row(item.event)
    for column in ("date_start", "date_end"):
        row[column] = date.fromisoformat(row[column]) if row[column] else None
    if item.group is not None:
        g = item.group
        row.update(
            group_id=g.group_id, reports=g.reports, documents=g.documents, outlets=g.outlets,
            first_report=g.first_report, last_report=g.last_report,
        )  # fmt: skip
    start = item.event.date.start
    row["year"] = start.year if start else None
    return row


def _write_parquet(items: Iterator[_Item], directory: Path, groups: bool) -> int:
    schema = parquet_schema(groups)
    counted = [0]

    def batches() -> Iterator[pa.RecordBatch]:
        chunk: list[dict[str, Any]] = []
        for item in items:
            chunk.append(_parquet_row(item))
            if len(chunk) >= 20_000:
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                counted[0] += len(chunk)
                chunk = []
        if chunk:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            counted[0] += len(chunk)

    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: exists and is not a directory")
    if directory.exists():
        shutil.rmtree(directory)
    try:
        ds.write_dataset(
            batches(),
            directory,
            schema=schema,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive"),
            existing_data_behavior="overwrite_or_ignore",
        )
    except OSError as exc:
        raise ExportError(f"{directory}: cannot write: {exc}") from exc
    return counted[0]


# ---------------------------------------------------------------------------------- PLOVER
def _first(entities: tuple[Entity, ...]) -> Entity | None:
    return entities[0] if entities else None


def _names(entities: tuple[Entity, ...]) -> str:
    return "; ".join(e.name or e.text for e in entities)


def plover_record(
    event: Event, document: DocumentInfo | None, group: EventGroup | None
) -> dict[str, Any]:
    """One event as a PLOVER-style record (field names of the PLOVER data format)."""
    src, tgt, loc = _first(event.actor), _first(event.recipient), event.location
    record: dict[str, Any] = {
        "id": event.id,
        "date": event.date.start.isoformat() if event.date.start else None,
        "date_end": event.date.end.isoformat() if event.date.end else None,
        "date_resolution": event.date.granularity,
        "event": event.event.plover,
        "mode": event.event.mode or "",
        "context": [],
        "source": _names(event.actor),
        "src_actor": src.country if src else None,
        "src_agent": src.sector if src else None,
        "src_other": src.id if src else None,
        "target": _names(event.recipient),
        "tgt_actor": tgt.country if tgt else None,
        "tgt_agent": tgt.sector if tgt else None,
        "tgt_other": tgt.id if tgt else None,
        "eventText": event.evidence.sentence,
        "cameo": event.event.cameo,
        "quad_class": event.event.quad_class,
        "goldstein": event.event.goldstein,
        "certainty": event.attribution.certainty,
        "negated": event.attribution.negated,
        "claimant": (event.attribution.claimant.name or event.attribution.claimant.text)
        if event.attribution.claimant
        else None,
        "location": None
        if loc is None
        else {
            "placename": loc.name or loc.text,
            "country": loc.country,
            "admin1": loc.admin1,
            "lat": loc.lat,
            "lon": loc.lon,
            "geonameid": loc.geonameid,
            "feature": loc.feature,
        },
        "doc_id": event.doc_id,
        "publication": document.outlet if document else None,
        "url": document.url if document else None,
        "confidence": event.confidence,
        "version": f"chronica {__version__}",
    }
    if group is not None:
        record["group"] = _group_values(group)
    return record


def _write_plover(
    items: Iterator[_Item], out: IO[str], groups: bool, documents: dict[str, DocumentInfo]
) -> int:
    rows = 0
    for item in items:
        record = plover_record(item.event, documents.get(item.event.doc_id), item.group)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows += 1
    return rows


# ---------------------------------------------------------------------------------- GDELT, Phoenix
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)  # fmt: skip
PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)  # fmt: skip
# GDELT ActionGeo_Type: 1 country, 4 world city, 5 world state/province.
_GEO_TYPE = {"country": 1, "city": 4, "admin1": 5}
# Phoenix PentaClass from the CAMEO root code.
_PENTA = (("01", "02", 0), ("03", "05", 1), ("06", "08", 2), ("09", "13", 3), ("14", "20", 4))


def _code(entity: Entity | None) -> str:
    if entity is None:
        return ""
    return (entity.country or "") + (entity.sector or "")


def _ymd(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def penta_class(cameo: str) -> int | None:
    root = cameo[:2]
    for low, high, value in _PENTA:
        if low <= root <= high:
            return value
    return None


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def gdelt_row(event: Event, document: DocumentInfo | None, group: EventGroup | None) -> list[str]:
    start = event.date.start
    a1, a2, loc = _first(event.actor), _first(event.recipient), event.location
    fraction = f"{start.year + (start.timetuple().tm_yday - 1) / 365:.4f}" if start else ""
    reports = (group.reports, group.outlets, group.documents) if group else (1, 1, 1)
    values: list[object] = [
        event.id, _ymd(start), start.strftime("%Y%m") if start else "",
        start.year if start else "", fraction,
        _code(a1), _names(event.actor), a1.country if a1 else "", a1.sector if a1 else "",
        _code(a2), _names(event.recipient), a2.country if a2 else "", a2.sector if a2 else "",
        1 if event.evidence.sentence_index == 0 else 0,
        event.event.cameo, event.event.cameo[:3], event.event.cameo[:2], event.event.quad_class,
        event.event.goldstein, *reports, "",
        _GEO_TYPE.get(loc.feature, "") if loc else "", (loc.name or loc.text) if loc else "",
        loc.country if loc else "", loc.admin1 if loc else "", loc.lat if loc else "",
        loc.lon if loc else "", loc.geonameid if loc else "",
        _ymd(document.published) if document else "",
        (document.url or event.doc_id) if document else event.doc_id,
    ]  # fmt: skip
    return [_cell(v) for v in values]


def phoenix_row(event: Event, document: DocumentInfo | None, group: EventGroup | None) -> list[str]:
    start = event.date.start
    src, tgt, loc = _first(event.actor), _first(event.recipient), event.location
    values: list[object] = [
        event.id, _ymd(start), start.year if start else "", start.month if start else "",
        start.day if start else "",
        _code(src), src.country if src else "", src.sector if src else "", "",
        _code(tgt), tgt.country if tgt else "", tgt.sector if tgt else "", "",
        event.event.cameo, event.event.cameo[:2], penta_class(event.event.cameo),
        event.event.goldstein, "",
        loc.lat if loc else "", loc.lon if loc else "", (loc.name or loc.text) if loc else "",
        loc.admin1 if loc else "", loc.country if loc else "",
        f"{event.doc_id}_{event.evidence.sentence_index}",
        document.url if document else "", document.outlet if document else "",
    ]  # fmt: skip
    return [_cell(v) for v in values]


def _write_tsv(
    items: Iterator[_Item],
    out: IO[str],
    groups: bool,
    documents: dict[str, DocumentInfo],
    header: tuple[str, ...],
    row: Callable[[Event, DocumentInfo | None, EventGroup | None], list[str]],
) -> int:
    extra = list(GROUP_COLUMNS) if groups else []
    out.write("\t".join([*header, *extra]) + "\n")
    rows = 0
    for item in items:
        cells = row(item.event, documents.get(item.event.doc_id), item.group)
        if groups:
            cells += [_cell(v) for v in _group_values(item.group).values()]
        out.write("\t".join(cells) + "\n")
        rows += 1
    return rows


def _write_gdelt(
    items: Iterator[_Item], out: IO[str], groups: bool, documents: dict[str, DocumentInfo]
) -> int:
    return _write_tsv(items, out, groups, documents, GDELT_COLUMNS, gdelt_row)


def _write_phoenix(
    items: Iterator[_Item], out: IO[str], groups: bool, documents: dict[str, DocumentInfo]
) -> int:
    return _write_tsv(items, out, groups, documents, PHOENIX_COLUMNS, phoenix_row)
