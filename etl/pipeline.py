"""The one place that knows the stage order: read → parse → extract (in workers) → load (one writer)."""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import duckdb

from etl import db
from etl.config import ROOT, Settings
from etl.load import LoadCounts, Loader
from etl.models import Facts, RawDoc

CHUNK = 8  # raw inputs per worker task


@dataclass
class InputFailure:
    source: str
    stage: str  # read | parse | extract | load
    message: str


@dataclass
class Extracted:
    """What a worker returns for one raw input."""

    input: str
    raw_sha256: str
    n_bytes: int
    facts: list[Facts] = field(default_factory=list)
    failure: InputFailure | None = None


@dataclass
class RunReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0
    wrote: bool = False

    def summary(self) -> str:
        """One human line per aspect of the run."""
        facts = ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"
        return (
            f"documents: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed\n"
            f"facts loaded: {facts}\n"
            f"seconds: {self.seconds:.2f}"
        )


def process_raw(raw: RawDoc) -> Extracted:
    """Parse and extract one raw input (runs in a worker process)."""
    from etl.extract.document import extract_document
    from etl.parse import ParseError, parse

    out = Extracted(raw.source, _sha256(raw.data), len(raw.data))
    try:
        docs = parse(raw)
    except ParseError as e:
        out.failure = InputFailure(raw.source, "parse", e.reason)
        return out
    except Exception as e:  # a reader bug must not end the run
        out.failure = InputFailure(raw.source, "parse", f"{type(e).__name__}: {e}")
        return out
    for doc in docs:
        try:
            out.facts.append(extract_document(doc))
        except Exception as e:
            out.failure = InputFailure(doc.source, "extract", f"{type(e).__name__}: {e}")
    return out


def _process_chunk(chunk: list[RawDoc]) -> list[Extracted]:
    return [process_raw(r) for r in chunk]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest(
    inputs: list[str],
    settings: Settings,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    progress: bool | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> RunReport:
    """Ingest files, folders and URLs into settings.db_path; see README 'Ingest'."""
    t0 = time.perf_counter()
    report = RunReport()
    known = {} if rebuild else _known_inputs(settings.db_path)
    pending = _changed_inputs(inputs, settings, known, report, on_failure)
    first = _take(pending, settings.inline_below)
    if not first and not report.failures and settings.db_path.exists() and not rebuild:
        report.seconds = time.perf_counter() - t0
        return report  # nothing changed: leave the database file alone
    n_workers = workers or settings.workers or os.cpu_count() or 1
    results = _extract_all(first, pending, n_workers, settings.inline_below)
    with db.open_for_write(settings.db_path, rebuild=rebuild) as con:
        _load_all(con, results, inputs, report, on_failure, progress, settings.batch_size)
    report.wrote = True
    report.seconds = time.perf_counter() - t0
    return report


def _known_inputs(db_path: Path) -> dict[str, str]:
    if not db_path.exists():
        return {}
    try:
        con = db.connect(db_path, read_only=True)
    except duckdb.Error:
        return {}
    try:
        return dict(con.execute("SELECT input, raw_sha256 FROM inputs").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def _changed_inputs(
    inputs: list[str],
    settings: Settings,
    known: dict[str, str],
    report: RunReport,
    on_failure: Callable[[InputFailure], None] | None,
) -> Iterator[RawDoc]:
    """Raw inputs whose bytes differ from the last run; read errors are reported on the way."""
    from etl.sources import InputError, iter_raw

    for item in iter_raw(inputs, settings):
        if isinstance(item, InputError):
            fail = InputFailure(item.source, "read", item.reason)
            report.failed += 1
            report.failures.append(fail)
            if on_failure:
                on_failure(fail)
            continue
        item = replace(item, source=canonical_source(item.source))
        if known.get(item.source) == _sha256(item.data):
            report.unchanged += 1
            continue
        yield item


def canonical_source(source: str) -> str:
    """One name per file however it was given: relative to the project when inside it, else absolute."""
    if "://" in source:
        return source
    path = Path(source).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _take(it: Iterator[RawDoc], n: int) -> list[RawDoc]:
    out = []
    for item in it:
        out.append(item)
        if len(out) >= n:
            break
    return out


def _extract_all(
    first: list[RawDoc], rest: Iterator[RawDoc], n_workers: int, inline_below: int
) -> Iterator[Extracted]:
    """Extraction results in input order: in-process for small runs, else a bounded worker window."""
    if len(first) < inline_below or n_workers <= 1:
        for raw in itertools.chain(first, rest):  # streamed: a --workers 1 run of 100k files stays flat
            yield process_raw(raw)
        return
    ctx = multiprocessing.get_context("spawn")  # Kiwi holds native threads: never fork it
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
        _start_workers(pool, n_workers)
        window: deque[Future[list[Extracted]]] = deque()
        for chunk in _chunks(itertools.chain(first, rest)):
            window.append(pool.submit(_process_chunk, chunk))
            if len(window) >= n_workers * 4:  # bounded: memory stays flat on huge corpora
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _start_workers(pool: ProcessPoolExecutor, n_workers: int) -> None:
    """Spawn every worker now, each building its Kiwi (the dashboard runs ingests as a subprocess, so the
    parent's __main__ is always `python -m etl`, never a Streamlit page script)."""
    for _ in range(n_workers):
        pool.submit(_warm_worker)


def _warm_worker() -> None:
    from etl.nlp import get_kiwi

    get_kiwi()


def _chunks(items: Iterable[RawDoc]) -> Iterator[list[RawDoc]]:
    chunk: list[RawDoc] = []
    for raw in items:
        chunk.append(raw)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _load_all(
    con: duckdb.DuckDBPyConnection,
    results: Iterator[Extracted],
    inputs: list[str],
    report: RunReport,
    on_failure: Callable[[InputFailure], None] | None,
    progress: bool | None,
    batch_size: int,
) -> None:
    """The single writer: batches of documents, one transaction each, then the run's bookkeeping."""
    from tqdm import tqdm

    with db.transaction(con):
        [(run_id,)] = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()
        started = datetime.now()
        con.execute(
            "INSERT INTO runs (run_id, started_at, inputs) VALUES (?, ?, ?)",
            [run_id, started, "\n".join(inputs)],
        )
    loader, counts = Loader(con), LoadCounts()
    batch: list[tuple[str, Facts]] = []
    input_rows: list[Extracted] = []
    bar = tqdm(results, unit="input", disable=None if progress is None else not progress, file=sys.stderr)
    for res in bar:
        if res.failure:
            report.failed += 1
            report.failures.append(res.failure)
            if on_failure:
                on_failure(res.failure)
        batch.extend((res.input, f) for f in res.facts)
        if not res.failure:
            input_rows.append(res)
        if len(batch) >= batch_size:
            _flush(loader, batch, input_rows, run_id, counts)
            batch, input_rows = [], []
    _flush(loader, batch, input_rows, run_id, counts)
    report.new, report.updated = counts.new, counts.updated
    report.unchanged += counts.unchanged
    report.facts = counts.facts
    with db.transaction(con):
        loader.programs.drop_orphans()
        for f in report.failures:
            con.execute(
                "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?)",
                [run_id, f.source, f.stage, f.message, datetime.now()],
            )
        con.execute(
            "UPDATE runs SET finished_at = ?, n_new = ?, n_updated = ?, n_unchanged = ?, n_failed = ?, "
            "n_facts = ?, seconds = ? WHERE run_id = ?",
            [datetime.now(), report.new, report.updated, report.unchanged, report.failed,
             sum(report.facts.values()), (datetime.now() - started).total_seconds(), run_id],
        )  # fmt: skip


def _flush(
    loader: Loader,
    batch: list[tuple[str, Facts]],
    input_rows: list[Extracted],
    run_id: int,
    counts: LoadCounts,
) -> None:
    """Load one batch, then mark its inputs done (a crash in between only costs a re-extract)."""
    if batch:
        loader.load_batch(batch, run_id, counts)
    if input_rows:
        _record_inputs(loader, input_rows, run_id)


def _record_inputs(loader: Loader, rows: list[Extracted], run_id: int) -> None:
    """Mark inputs done (their bytes' hash lets the next run skip them)."""
    loader.record_inputs(
        [
            {
                "input": r.input,
                "raw_sha256": r.raw_sha256,
                "n_bytes": r.n_bytes,
                "n_documents": len(r.facts),
                "run_id": run_id,
            }
            for r in rows
        ],
        [{"input": r.input, "source": f.document.source} for r in rows for f in r.facts],
    )
