"""Ingest timings: the real CLI (`python -m etl ingest`) in a child process, its process tree's peak RSS sampled.

The synthetic corpus is written once per (generator source, size, seed) and kept under bench/out/;
smaller sizes ingest a prefix of it (`write_corpus` is sequential, so a prefix is the smaller corpus).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.procmem import PeakRSS
from bench.synth import write_corpus
from etl.config import ROOT

OUT = ROOT / "bench" / "out"
PER_FOLDER = 100  # write_corpus puts 100 documents in each folder


@dataclass
class IngestRun:
    docs: int
    seconds: float
    peak_bytes: int  # the process tree's peak PSS (bench/procmem.py)
    summary: str  # the CLI's own report (stderr)
    peak_rss_bytes: int = 0  # the same tree's peak RSS sum: shared pages counted once per process


def corpus(n: int, seed: int = 0, root: Path = OUT) -> Path:
    """A folder holding the n-document synthetic corpus, written only when missing or stale."""
    source = (ROOT / "bench" / "synth.py").read_bytes()
    key = hashlib.sha256(source + f"|{n}|{seed}".encode()).hexdigest()[:10]
    folder = root / f"corpus-{n}-{key}"
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    for old in root.glob(f"corpus-{n}-*"):
        shutil.rmtree(old)
    write_corpus(folder, n, seed)
    stamp.write_text("ok\n")
    return folder


def inputs_for(folder: Path, n: int) -> list[str]:
    """Command-line inputs naming the first n documents: whole folders where possible, then files."""
    full, rest = divmod(n, PER_FOLDER)
    folders = sorted(p for p in folder.iterdir() if p.is_dir())
    out = [str(f) for f in folders[:full]]
    if rest:
        out += [str(p) for p in sorted(folders[full].iterdir())[:rest]]
    return out


def run_ingest(
    inputs: list[str],
    db: Path,
    n_docs: int,
    *,
    cold: bool,
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> IngestRun:
    """Time `python -m etl ingest INPUTS --db DB [EXTRA]` (after deleting DB when cold); env adds variables."""
    if cold:
        for p in (db, db.with_name(db.name + ".building"), db.with_name(db.name + ".wal")):
            p.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "etl", "ingest", *inputs, "--db", str(db), *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    with PeakRSS(proc.pid) as peak:
        _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    summary = " ".join(line for line in err.splitlines() if line.startswith("documents:"))
    return IngestRun(n_docs, seconds, peak.peak, summary, peak.peak_rss)
