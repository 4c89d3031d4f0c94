"""Extraction throughput against its references, measured in the same worker processes over the same text.

Each worker process (spawned, so each builds its own Kiwi; the pipeline's are forked from one warm Kiwi,
which changes memory, not per-document speed) reads its share of the files, builds its Kiwi and warms up; then, for every repetition, all workers start each phase together at a barrier:
- ours: `etl.process.process_raw` per file, each result pickled as a pipeline worker sends it back;
- kiwi: `get_kiwi().tokenize(text)` per document, the Korean NLP floor our rules sit on;
- regex: one `re.findall` of a money pattern per document, the floor of any text pass.
A phase's time is its slowest worker; the best repetition counts (other tenants' load only slows runs).
The 1-core run pins its one worker to one CPU before Kiwi is built.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import re
import sys
import time
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PHASES = ("ours", "kiwi", "regex")
MONEY = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s*(?:조|억|만|천)?\s*(?:원|won)|KRW\s*\d[\d,.]*\s*(?:billion|million)?"
)
WARMUP = 5


@dataclass
class Throughput:
    docs: int
    n_bytes: int
    seconds: dict[str, float]  # phase → best wall seconds

    def docs_per_s(self, phase: str) -> float:
        """Documents per second of one phase."""
        return self.docs / self.seconds[phase]

    def mb_per_s(self, phase: str) -> float:
        """Megabytes (10^6 bytes of UTF-8 input) per second of one phase."""
        return self.n_bytes / 1e6 / self.seconds[phase]


def measure(files: list[Path], processes: int, *, pin: bool = False, reps: int = 2) -> Throughput:
    """Run the three phases over `files` split across `processes` workers; best of `reps` each."""
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter per worker, pinned before Kiwi exists
    barrier = ctx.Barrier(processes)
    results: Any = ctx.Queue()
    cpus = sorted(os.sched_getaffinity(0))
    shares = [files[i::processes] for i in range(processes)]
    workers = [
        ctx.Process(
            target=_worker,
            args=([str(p) for p in share], cpus[-1 - i % len(cpus)] if pin else None, reps, barrier, results),
        )
        for i, share in enumerate(shares)
    ]
    # A spawned worker re-runs the parent's __main__ file: after an AppTest in the same process that is a
    # page script, which fails there and leaves the others waiting at the barrier (as etl.pipeline does).
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        for w in workers:
            w.start()
    finally:
        sys.modules["__main__"] = saved
    try:
        got = [results.get(timeout=900) for _ in workers]
    finally:
        for w in workers:
            w.join(timeout=60)
            if w.is_alive():
                w.kill()
    for item in got:
        if isinstance(item, str):
            raise RuntimeError(f"extraction worker failed: {item}")
    best = {ph: min(max(g[ph][r] for g in got) for r in range(reps)) for ph in PHASES}
    return Throughput(len(files), sum(p.stat().st_size for p in files), best)


def _worker(paths: list[str], cpu: int | None, reps: int, barrier: Any, results: Any) -> None:
    """One measuring process: its timings per phase and repetition go to `results` (a traceback on failure)."""
    try:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})  # before Kiwi exists, so its threads inherit the pin
        results.put(_run_phases(paths, reps, barrier))
    except BaseException as e:
        barrier.abort()
        results.put(f"{type(e).__name__}: {e}")


def _run_phases(paths: list[str], reps: int, barrier: Any) -> dict[str, list[float]]:
    from etl.config import Settings
    from etl.models import RawDoc
    from etl.nlp import get_kiwi
    from etl.process import process_raw
    from etl.sources import iter_raw

    raws = [r for r in iter_raw(paths, Settings()) if isinstance(r, RawDoc)]
    texts = [r.data.decode("utf-8") for r in raws]
    kiwi = get_kiwi()
    work = {
        "ours": lambda: [pickle.dumps(process_raw(r)) for r in raws],
        "kiwi": lambda: [kiwi.tokenize(t) for t in texts],
        "regex": lambda: [MONEY.findall(t) for t in texts],
    }
    for r, t in zip(raws[:WARMUP], texts[:WARMUP], strict=True):
        process_raw(r), kiwi.tokenize(t)
    times: dict[str, list[float]] = {ph: [] for ph in PHASES}
    for _ in range(reps):
        for ph in PHASES:
            barrier.wait()
            t0 = time.perf_counter()
            work[ph]()
            times[ph].append(time.perf_counter() - t0)
    return times
