"""Readers for .txt, .jsonl, .csv, .html (and their .gz), directories, and JSONL on stdin.

Every reader yields :class:`ReadResult`: a Document, or an :class:`InputError` naming the file
and line. Readers never raise for one bad document; they raise only for an unusable path.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from chronica.attribution import find_republication
from chronica.errors import InputError
from chronica.records import Document
from chronica.time import dateline_outlet, find_dateline

SUPPORTED = (".txt", ".jsonl", ".csv", ".html", ".htm")
MAX_DOCUMENT_CHARS = 20_000_000


@dataclass(frozen=True, slots=True)
class ReadResult:
    """One document read from ``source`` (a path or "-"), or the error that stopped it."""

    source: str
    document: Document | None = None
    error: InputError | None = None


def _suffixes(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand directories recursively (supported files only, sorted); '-' stays as is."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _files_under(path)
        else:
            yield path


def _files_under(directory: Path) -> Iterator[Path]:
    for child in sorted(directory.rglob("*")):
        if child.is_file() and _suffixes(child) in SUPPORTED:
            yield child


def read_inputs(paths: Iterable[str | Path], published: date | None = None) -> Iterator[ReadResult]:
    """Read every input; a default ``published`` date fills documents that have none."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield from _with_default(_read_jsonl(sys.stdin, "-"), published)
        elif path.is_dir():
            # Files found in a directory are named by their path below it, so that files of
            # the same name in different folders stay distinct documents.
            for child in _files_under(path):
                doc_id = _doc_id(child.relative_to(path))
                yield from _with_default(read_path(child, doc_id), published)
        else:
            yield from _with_default(read_path(path), published)


def _with_default(results: Iterable[ReadResult], published: date | None) -> Iterator[ReadResult]:
    for r in results:
        if published is not None and r.document is not None and r.document.published is None:
            d = r.document
            r = ReadResult(r.source, _replace_published(d, published))
        yield r


def _replace_published(d: Document, published: date) -> Document:
    from dataclasses import replace

    return replace(d, published=published)


def read_path(path: Path, doc_id: str | None = None) -> Iterator[ReadResult]:
    """Read one file into documents (errors become ReadResult.error, never exceptions).

    ``doc_id`` names a single-document file (.txt, .html); by default its file name."""
    source = str(path)
    if not path.exists():
        yield ReadResult(source, error=InputError("no such file", source))
        return
    if not path.is_file():
        yield ReadResult(source, error=InputError("not a regular file", source))
        return
    suffix = _suffixes(path)
    if suffix not in SUPPORTED:
        msg = f"unsupported file type {suffix or '(none)'!r}; use {', '.join(SUPPORTED)}"
        yield ReadResult(source, error=InputError(msg, source))
        return
    try:
        raw = _read_bytes(path)
    except OSError as exc:
        yield ReadResult(source, error=InputError(f"cannot read: {exc}", source))
        return
    if suffix == ".jsonl":
        try:
            text = _decode(raw, source)
        except InputError as exc:
            yield ReadResult(source, error=exc)
            return
        yield from _read_jsonl(io.StringIO(text), source)
    elif suffix == ".csv":
        try:
            text = _decode(raw, source)
        except InputError as exc:
            yield ReadResult(source, error=exc)
            return
        yield from _read_csv(io.StringIO(text, newline=""), source)
    else:
        html = suffix in (".html", ".htm")
        yield _read_single(raw, doc_id or _doc_id(Path(path.name)), source, html=html)


def _read_bytes(path: Path) -> bytes:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (NUL bytes); expected UTF-8 text", source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", source) from exc


def _doc_id(path: Path) -> str:
    name = path.as_posix()
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name


def _read_single(raw: bytes, doc_id: str, source: str, html: bool) -> ReadResult:
    try:
        text = _decode(raw, source)
    except InputError as exc:
        return ReadResult(source, error=exc)
    title = None
    if html:
        from chronica.ingest.html import html_to_text

        text, title = html_to_text(text)
    return _checked(source, None, {"id": doc_id, "text": text, "title": title})


def _read_jsonl(stream: IO[str], source: str) -> Iterator[ReadResult]:
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadResult(source, error=InputError(f"malformed JSON: {exc.msg}", source, n))
            continue
        if not isinstance(obj, dict):
            msg = "each line must be a JSON object with 'id' and 'text'"
            yield ReadResult(source, error=InputError(msg, source, n))
            continue
        yield _checked(source, n, obj)


def _read_csv(stream: IO[str], source: str) -> Iterator[ReadResult]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(stream)
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        yield ReadResult(
            source, error=InputError("CSV needs a header with a 'text' column", source, 1)
        )
        return
    try:
        for row in reader:
            line = reader.line_num
            obj: dict[str, Any] = {k: v for k, v in row.items() if k is not None}
            if not obj.get("id"):
                obj["id"] = f"{Path(source).name}:{line}"
            yield _checked(source, line, obj)
    except csv.Error as exc:
        yield ReadResult(source, error=InputError(f"malformed CSV: {exc}", source, reader.line_num))


def _checked(source: str, line: int | None, obj: dict[str, Any]) -> ReadResult:
    """Validate one record's fields and build the Document."""
    doc_id = obj.get("id")
    text = obj.get("text")
    if doc_id is None or str(doc_id).strip() == "":
        return ReadResult(source, error=InputError("missing 'id'", source, line))
    if not isinstance(text, str):
        return ReadResult(source, error=InputError("missing or non-string 'text'", source, line))
    if not text.strip():
        return ReadResult(
            source, error=InputError(f"document {doc_id!r} has empty text", source, line)
        )
    if len(text) > MAX_DOCUMENT_CHARS:
        msg = f"document {doc_id!r} is larger than {MAX_DOCUMENT_CHARS:,} characters"
        return ReadResult(source, error=InputError(msg, source, line))
    published = obj.get("published")
    pub_date: date | None = None
    if published not in (None, ""):
        try:
            pub_date = date.fromisoformat(str(published)[:10])
        except ValueError:
            msg = f"'published' must be YYYY-MM-DD, got {published!r}"
            return ReadResult(source, error=InputError(msg, source, line))
    if pub_date is None:
        pub_date = find_dateline(text)  # "SAN SALVADOR, 12 JAN 90 (RADIO ...) --"

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    doc = Document(
        id=str(doc_id),
        text=text,
        title=opt("title"),
        url=opt("url"),
        source=opt("source") or dateline_outlet(text),  # "... 12 JAN 90 (RADIO X) --"
        published=pub_date,
        republication=find_republication(text),
    )
    return ReadResult(source, document=doc)
