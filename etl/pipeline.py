"""The one place that knows the stage order: read → parse → extract (in workers) → load (one writer)."""

from __future__ import annotations

import functools
import itertools
import os
import sys
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from etl import db, dbfile, load, program_catalog, program_rows, review_run, runs, workers
from etl.attachments import raw_digest
from etl.config import ROOT, Settings
from etl.load import LoadCounts, Loader
from etl.lock import ingest_lock
from etl.models import Facts, RawDoc
from etl.process import Extracted, InputFailure, Limits, process_chunk, process_raw

CHUNK = 8  # raw inputs per worker task


@dataclass
class RunReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    warnings: list[InputFailure] = field(default_factory=list)
    withdrawn: int = 0
    resumed: bool = False  # continued the work copy of a run that was killed
    seconds: float = 0.0
    wrote: bool = False

    def summary(self) -> str:
        """One human line per aspect of the run."""
        facts = ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"
        return (
            f"documents: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
            f"{f', {self.withdrawn} withdrawn' if self.withdrawn else ''}"
            f"{f', {len(self.warnings)} with warnings' if self.warnings else ''}"
            f"{' (resumed a killed run)' if self.resumed else ''}\n"
            f"facts loaded: {facts}\n"
            f"seconds: {self.seconds:.2f}"
        )


# Runs parse + extract elsewhere (etl/distributed.py's RayEngine): raw inputs in, results in input order.
Engine = Callable[[Iterator[RawDoc], Limits], Iterator[Extracted]]


class EngineError(Exception):
    """An engine that cannot run (not installed, no cluster at the address): one line for the user."""


def ingest(
    inputs: list[str],
    settings: Settings,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    progress: bool | str | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
    on_warning: Callable[[InputFailure], None] | None = None,
    wait: float = 0.0,
    engine: Engine | None = None,
    prefetched: Sequence[RawDoc] = (),
    after_load: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> RunReport:
    """Ingest files, folders and URLs into settings.db_path; see README 'Ingest'.

    Holds the database's ingest lock for the whole run (IngestLocked when another ingest has it and
    `wait` seconds pass). `progress`: None = a bar on a terminal, "lines" = one line per second
    (for a parent process reading stderr), True/False = bar forced on/off. `engine`: parse + extract
    there instead of the local process pool (the load stays here). `prefetched`: inputs already read
    (the watch's pages); `after_load(con)` writes more in the same published copy (not called when
    nothing changed and the file is left alone: report.wrote is then False).
    """
    with ingest_lock(settings.db_path, wait=wait):
        return _ingest_locked(
            inputs, settings, rebuild, (workers, engine), progress, (on_failure, on_warning),
            (prefetched, after_load),
        )  # fmt: skip


def _ingest_locked(
    inputs: list[str],
    settings: Settings,
    rebuild: bool,
    extractors: tuple[int | None, Engine | None],
    progress: bool | str | None,
    callbacks: tuple[Callable[[InputFailure], None] | None, Callable[[InputFailure], None] | None],
    extra: tuple[Sequence[RawDoc], Callable[[duckdb.DuckDBPyConnection], None] | None],
) -> RunReport:
    t0 = time.perf_counter()
    (on_failure, on_warning), (prefetched, after_load) = callbacks, extra
    report = RunReport()
    sink = _Sink(report, on_failure, on_warning)
    work = dbfile.building_path(settings.db_path)
    problem = None if rebuild else dbfile.work_copy_problem(work)
    report.resumed = not rebuild and problem is None
    if problem not in (None, "missing"):  # open_for_write starts over from the published file
        sink.warning(InputFailure(str(work), "resume", f"work copy of a killed run discarded: {problem}"))
    # A resumed run continues the work copy: what the killed run committed there is not redone.
    known = {} if rebuild else db.known_inputs(work if report.resumed else settings.db_path)
    seen: set[str] = set()
    pending = _changed_inputs(inputs, settings, known, report, on_failure, seen, prefetched)
    first = _take(pending, settings.inline_below)
    quiet_run = not (first or report.failures or report.warnings or report.resumed or rebuild)
    if (
        quiet_run
        and settings.db_path.exists()
        and not gone_inputs(inputs, known, seen)
        and not (review_run.pending(settings))
        and not settings.merge_twins  # the twin rule may merge what the last run only proposed
    ):
        report.seconds = time.perf_counter() - t0
        return report  # nothing changed: leave the database file alone
    n_workers, engine = extractors
    limits = Limits.of(settings)
    if engine is not None:  # every input, however few: the user asked for the engine
        results = engine(itertools.chain(first, pending), limits)
    else:
        n = n_workers or settings.workers or os.cpu_count() or 1
        results = _extract_all(first, pending, n, settings.inline_below, limits)
    with dbfile.open_for_write(settings.db_path, rebuild=rebuild) as con:
        names = [*inputs, *(r.source for r in prefetched)]
        _load_all(con, results, names, sink, progress, settings.batch_size, (known, seen))
        _after_load(con, settings, sink, after_load)
    report.wrote = True
    report.seconds = time.perf_counter() - t0
    return report


def _after_load(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    sink: _Sink,
    after_load: Callable[[duckdb.DuckDBPyConnection], None] | None,
) -> None:
    # 6. The catalogue's program parents, then the analyst's decisions, re-applied to the facts just loaded.
    program_rows.link_parents(con, program_catalog.parent_links())
    for line in review_run.problem_lines(
        review_run.apply_file(con, settings.reviews_path, settings.merge_twins)
    ):
        sink.warning(InputFailure(str(settings.reviews_path), "review", line))
    # 7. What the caller writes into the same published copy (the watch's per-source state).
    if after_load is not None:
        after_load(con)


@dataclass
class _Sink:
    """Where per-input failures and warnings go: the report, and the caller's callbacks."""

    report: RunReport
    on_failure: Callable[[InputFailure], None] | None = None
    on_warning: Callable[[InputFailure], None] | None = None

    def failure(self, f: InputFailure) -> None:
        self.report.failed += 1
        self.report.failures.append(f)
        if self.on_failure:
            self.on_failure(f)

    def warning(self, w: InputFailure) -> None:
        self.report.warnings.append(w)
        if self.on_warning:
            self.on_warning(w)


def gone_inputs(inputs: list[str], known: dict[str, str], seen: set[str]) -> list[str]:
    """Recorded inputs under a folder given now that the folder no longer holds (renamed or deleted)."""
    folders = [canonical_source(i) for i in inputs if "://" not in i and Path(i).is_dir()]
    prefixes = tuple(f.rstrip("/") + "/" for f in folders)
    if not prefixes:
        return []
    return sorted(i for i in known if i.startswith(prefixes) and i not in seen)


def _changed_inputs(
    inputs: list[str],
    settings: Settings,
    known: dict[str, str],
    report: RunReport,
    on_failure: Callable[[InputFailure], None] | None,
    seen: set[str],
    prefetched: Sequence[RawDoc] = (),
) -> Iterator[RawDoc]:
    """Raw inputs whose bytes differ from the last run; read errors are reported on the way.

    Every input met (changed, unchanged or unreadable) goes into `seen`: only inputs not met are gone.
    """
    from etl.sources import InputError, iter_raw

    dirs: dict[str, str] = {}  # folder -> its canonical name, for this run (a big ingest has few folders)
    for item in itertools.chain(iter_raw(inputs, settings), prefetched):
        if isinstance(item, InputError):
            seen.add(canonical_source(item.source))
            fail = InputFailure(item.source, "read", item.reason)
            report.failed += 1
            report.failures.append(fail)
            if on_failure:
                on_failure(fail)
            continue
        item = _canonical(item, dirs)
        seen.add(item.source)
        seen.update(kid.source for kid in item.meta.get("attachments", ()))
        if known.get(item.source) == raw_digest(item):
            report.unchanged += 1
            continue
        yield item


def _canonical(raw: RawDoc, dirs: dict[str, str] | None = None) -> RawDoc:
    """The input and its attachments under their canonical names (`dirs` caches resolved folders)."""
    kids, name = raw.meta.get("attachments", ()), functools.partial(canonical_source, dirs=dirs)
    meta = {**raw.meta, "attachments": tuple(replace(k, source=name(k.source)) for k in kids)}
    return replace(raw, source=name(raw.source), meta=meta if kids else raw.meta)


def canonical_source(source: str, dirs: dict[str, str] | None = None) -> str:
    """One name per file however it was given: relative to the project when inside it, else absolute. Given
    `dirs` (folder -> resolved), a file that is no symlink is its folder's name plus its own, in plain strings:
    one lstat, not one per path component (resolving every file showed in the profile of an unchanged 10k
    re-ingest)."""
    if "://" in source:
        return source
    folder, name = os.path.split(source)
    if dirs is not None and name not in ("", ".", "..") and not os.path.islink(source):
        if folder not in dirs:
            dirs[folder] = os.path.realpath(folder or ".")
        resolved, root = os.path.join(dirs[folder], name), str(ROOT)
        return resolved[len(root) + 1 :] if resolved.startswith(root + "/") else resolved
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
    first: list[RawDoc], rest: Iterator[RawDoc], n_workers: int, inline_below: int, limits: Limits
) -> Iterator[Extracted]:
    """Extraction results in input order: in-process for small runs, else a bounded worker window."""
    if len(first) < inline_below or n_workers <= 1:
        if first:
            workers.warm()  # Kiwi's ~2 s build must not count against the first document's budget
        for raw in itertools.chain(first, rest):  # streamed: a --workers 1 run of 100k files stays flat
            yield process_raw(raw, limits)
        return
    with workers.pool(n_workers) as pool:
        _spawn_workers(pool, n_workers)
        window: deque[Future[list[Extracted]]] = deque()
        for chunk in _chunks(itertools.chain(first, rest)):
            window.append(pool.submit(process_chunk, chunk, limits))
            if len(window) >= n_workers * 4:  # bounded: memory stays flat on huge corpora
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _spawn_workers(pool: ProcessPoolExecutor, n_workers: int) -> None:
    """Start every worker now (the forkserver builds its Kiwi on first use), with a plain __main__.

    A worker, spawned or forked from the server, re-runs the caller's __main__ file; a caller whose __main__ is a script without
    an `if __name__ == "__main__"` guard (a test runner after AppTest, a notebook) must not have it
    re-run in every worker. The executor spawns all its workers on these first submits.
    """
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        for _ in range(n_workers):
            pool.submit(workers.warm)
    finally:
        sys.modules["__main__"] = saved


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
    sink: _Sink,
    progress: bool | str | None,
    batch_size: int,
    known_seen: tuple[dict[str, str], set[str]],
) -> None:
    """The single writer: batches of documents, one transaction each, then the run's bookkeeping."""
    report = sink.report
    run_id, started = runs.start_run(con, inputs, os.getpid())
    loader, counts = Loader(con), LoadCounts()
    batch: list[tuple[str, Facts]] = []
    input_rows: list[Extracted] = []
    for res in _progress(results, progress):
        if res.failure:
            sink.failure(res.failure)
        for note in dict.fromkeys(res.notes):
            sink.warning(InputFailure(res.input, "read", note))
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
        loader.group_events()  # once per run: per batch it re-read every event the batch reached
        report.withdrawn = load.withdraw_inputs(con, gone_inputs(inputs, *known_seen), run_id)
        loader.programs.drop_orphans()
        runs.record_problems(
            con,
            run_id,
            [(f.source, f.stage, f.message, "error") for f in report.failures]
            + [(w.source, w.stage, w.message, "warning") for w in report.warnings],
        )
        runs.finish_run(con, run_id, started, runs.RunTotals(
            report.new, report.updated, report.unchanged, report.failed, report.withdrawn,
            sum(report.facts.values()),
        ))  # fmt: skip


PROGRESS_LINE_SECONDS = 1.0  # "lines" mode: often enough for a live view, rare enough to read


def _progress(results: Iterator[Extracted], mode: bool | str | None) -> Iterator[Extracted]:
    """Results passed through, with a tqdm bar or, in "lines" mode, `progress: N inputs` lines."""
    if mode != "lines":
        from tqdm import tqdm

        yield from tqdm(results, unit="input", disable=None if mode is None else not mode, file=sys.stderr)
        return
    n, last = 0, time.monotonic()
    for res in results:
        n += 1
        if time.monotonic() - last >= PROGRESS_LINE_SECONDS:
            print(f"progress: {n} inputs", file=sys.stderr, flush=True)
            last = time.monotonic()
        yield res
    print(f"progress: {n} inputs (done)", file=sys.stderr, flush=True)


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
    done = [{"input": r.input, "raw_sha256": r.raw_sha256, "n_bytes": r.n_bytes, "n_documents": len(r.facts),
             "run_id": run_id} for r in rows]  # fmt: skip
    loader.record_inputs(
        done, [{"input": r.input, "source": f.document.source} for r in rows for f in r.facts]
    )
