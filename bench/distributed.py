"""Distributed ingest: the local process pool against Ray at 1 and 2 local workers, and Ray's overhead.

`python -m bench.distributed [-n 1000] [--small 100] [--work DIR]` (also a section of `make bench`).
Each engine ingests the same synthetic corpus cold through the real CLI, at two sizes: the difference
is the per-document cost, the rest is the fixed cost (start-up: processes, Kiwi in each worker, and for
Ray the local cluster and its actor pool). "pool, 1 worker" is the in-process path (`--workers 1`: one
worker needs no pool); "pool, 2 workers" forces the pool at every size (POLICY_INLINE_BELOW=0).
"""

from __future__ import annotations

import argparse
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from bench import ingest
from bench.table import Row, mib, render, size_label

ENGINES: dict[str, tuple[str, ...]] = {
    "pool, 1 worker": ("--workers", "1"),
    "pool, 2 workers": ("--workers", "2"),
    "ray, 1 worker": ("--engine", "ray", "--workers", "1"),
    "ray, 2 workers": ("--engine", "ray", "--workers", "2"),
}
FORCE_POOL = {"POLICY_INLINE_BELOW": "0"}


@dataclass
class Fit:
    """Two cold runs of one engine: the larger one's figures, and the fixed and per-document costs."""

    large: ingest.IngestRun
    fixed_s: float
    per_doc_s: float


def measure(engine: str, folder: Path, sizes: tuple[int, int], work: Path) -> Fit:
    """Cold-ingest the first `small` and `large` documents with one engine; fit time = fixed + n * per_doc."""
    small, large = sizes
    runs = {}
    for n in sizes:
        db = work / f"distributed-{engine.replace(', ', '-').replace(' ', '')}-{n}.duckdb"
        runs[n] = ingest.run_ingest(ingest.inputs_for(folder, n), db, n, cold=True, extra=ENGINES[engine],
                                    env=FORCE_POOL)  # fmt: skip
    per_doc = (runs[large].seconds - runs[small].seconds) / (large - small)
    return Fit(runs[large], runs[large].seconds - large * per_doc, per_doc)


def rows(sizes: tuple[int, int], work: Path, folder: Path | None = None) -> list[Row]:
    """One row per engine (docs/s, fixed and per-document cost) and Ray's overhead against the pool.

    `folder`: a synthetic corpus of at least sizes[1] documents (default: one written under `work`).
    """
    if importlib.util.find_spec("ray") is None:
        return [Row("distributed", "ray", "", 'not run: Ray is not installed (optional: "ray[data]")')]
    folder = folder or ingest.corpus(sizes[1], root=work)
    fits = {engine: measure(engine, folder, sizes, work) for engine in ENGINES}
    size = f"{size_label(sizes[1])} docs (fit with {size_label(sizes[0])})"
    out = [_engine_row(engine, fit, fits, size) for engine, fit in fits.items()]
    for workers in ("1 worker", "2 workers"):
        ray_fit, pool_fit = fits[f"ray, {workers}"], fits[f"pool, {workers}"]
        start = ray_fit.fixed_s - pool_fit.fixed_s
        per_doc = (ray_fit.per_doc_s - pool_fit.per_doc_s) * 1000
        fig = f"start-up {start:+.1f} s, per doc {per_doc:+.1f} ms"
        out.append(
            Row("distributed", f"ray overhead, {workers}", size, fig, "against the pool, same workers")
        )
    return out


def _engine_row(engine: str, fit: Fit, fits: dict[str, Fit], size: str) -> Row:
    r = fit.large
    fig = f"{r.docs / r.seconds:,.1f} docs/s ({r.seconds:.1f} s), peak {mib(r.peak_bytes)}"
    cost = f"start-up {fit.fixed_s:.1f} s, {fit.per_doc_s * 1000:.1f} ms/doc"
    if not engine.startswith("ray"):
        return Row("distributed", engine, size, fig, cost)
    pool = fits[engine.replace("ray", "pool")].large
    return Row(
        "distributed", engine, size, fig, cost, f"x{pool.seconds / r.seconds:.2f} of the pool's docs/s"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the distributed rows as a table."""
    p = argparse.ArgumentParser(prog="python -m bench.distributed", description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=1000, help="documents of the larger run")
    p.add_argument("--small", type=int, default=100, help="documents of the smaller run (the fit)")
    p.add_argument("--work", type=Path, default=ingest.OUT, help="folder for the corpus and databases")
    a = p.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    print(render(rows((a.small, a.n), a.work)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
