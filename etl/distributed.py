"""Parse + extract on a Ray cluster (`ingest --engine ray`); the caller's single writer loads the results.

Ray Data maps the raw inputs through an actor pool: one `DocumentExtractor` per worker, so each worker
builds Kiwi once, and each input goes through the same `process_raw` as the process pool (same
per-document budget, same one failure per bad input). The driver reads the inputs (it alone sees the
user's files and knows which changed), puts them in the object store in blocks, and gets results
back in input order, so the database is the one a local run builds.

In the package only `etl.cli` imports this module, and only for `--engine ray`: the default path never
imports Ray.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import pyarrow as pa
import ray
import ray.data

from etl.models import RawDoc
from etl.pipeline import CHUNK, EngineError
from etl.process import Extracted, Limits, process_raw

BLOCK = 64  # raw inputs per object-store block, one task of the actor pool (bench: 16 cost ~1.5 ms/doc more)
PACKAGE = Path(__file__).resolve().parent  # shipped to the cluster's workers (runtime_env py_modules)


class DocumentExtractor:
    """One per Ray worker: builds Kiwi and imports the readers once, then extracts the blocks it gets."""

    def __init__(self, limits: Limits) -> None:
        from etl import workers

        workers.warm()
        self.limits = limits

    def __call__(self, batch: pa.Table) -> dict[str, list[bytes]]:
        """Pickled RawDoc in, pickled Extracted out, one row each, in order."""
        raws: list[RawDoc] = [pickle.loads(b) for b in batch.column("raw").to_pylist()]
        return {"out": [pickle.dumps(process_raw(raw, self.limits)) for raw in raws]}


class RayEngine:
    """`with RayEngine(address, workers) as engine: ingest(..., engine=engine)`.

    address None starts a local cluster (stopped on exit); "auto" or "ray://host:10001" joins a running
    one (left running). A Ray already initialised in this process is used as it is. workers = the
    size of the actor pool (default: the local cores, or the cluster's CPUs when it joined; more than
    the cluster has wait for an autoscaler to add them).
    """

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        self.address, self.workers = address, workers
        self.size = 0
        self._owned = False

    def __enter__(self) -> RayEngine:
        self._owned = not ray.is_initialized()
        if self._owned:
            try:
                ray.init(**_init_args(self.address, self.workers))
            except Exception as e:  # ConnectionError, ValueError, RuntimeError, …: all mean "no cluster"
                self._owned = False
                where = f"at {self.address}" if self.address else "(local)"
                raise EngineError(f"cannot start or reach the Ray cluster {where}: {e}") from e
        self.size = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._owned:
            ray.shutdown()
            self._owned = False

    def __call__(self, raws: Iterable[RawDoc], limits: Limits) -> Iterator[Extracted]:
        """Extraction results in input order (the pipeline's Engine); a lost cluster is an EngineError.

        Every input is read (and put in the object store, which spills to disk) before the pool starts.
        """
        refs = [ray.put(_block(chunk)) for chunk in _blocks(raws, BLOCK)]
        if not refs:
            return
        try:
            yield from self._run(refs, limits)
        except ray.exceptions.RayError as e:  # a worker or node lost beyond Ray's retries, …
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise EngineError(f"the Ray run failed: {first}") from e

    def _run(self, refs: list[ray.ObjectRef], limits: Limits) -> Iterator[Extracted]:
        with _quiet_data_context():
            ds = ray.data.from_arrow_refs(refs).map_batches(
                DocumentExtractor,
                fn_constructor_args=(limits,),
                compute=_actor_pool(self.size),
                batch_size=CHUNK,
                batch_format="pyarrow",
                num_cpus=1,
            )
            for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
                for out in batch.column("out").to_pylist():
                    yield pickle.loads(out)


def _actor_pool(size: int) -> ray.data.ActorPoolStrategy:
    """`size` actors, one call at a time each, run in the actor's main thread.

    By default Ray Data runs an actor's UDF in a helper thread; SIGALRM only reaches the main thread,
    so the per-document time budget would not hold. With one call per actor and no helper thread it
    does, as in a pool worker.
    """
    return ray.data.ActorPoolStrategy(
        size=size, max_concurrent_calls_per_actor=1, enable_true_multi_threading=True
    )


def _init_args(address: str | None, workers: int | None) -> dict[str, object]:
    """ray.init arguments: the etl package travels to the workers; Ray's own logs stay out of our stderr."""
    common: dict[str, object] = {
        "runtime_env": {"py_modules": [str(PACKAGE)]},
        "log_to_driver": False,
    }
    if address:
        return {"address": address, "logging_level": logging.WARNING, **common}
    # "local": a new cluster even when RAY_ADDRESS names one. It serves this machine only: its node is
    # known by the loopback address, no dashboard, and its start-up notes are not news. (Its processes
    # still bind every interface; Ray 2.60 turns on token authentication.)
    n = workers or os.cpu_count() or 1
    return {"address": "local", "num_cpus": n, "include_dashboard": False, "_node_ip_address": "127.0.0.1",
            "logging_level": logging.ERROR, **common}  # fmt: skip


def _blocks(raws: Iterable[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    block: list[RawDoc] = []
    for raw in raws:
        block.append(raw)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block


def _block(raws: list[RawDoc]) -> pa.Table:
    return pa.table({"raw": pa.array([pickle.dumps(r) for r in raws], type=pa.binary())})


@contextlib.contextmanager
def _quiet_data_context() -> Iterator[None]:
    """Results in input order (the loader's order is a local run's), no Ray progress bars (ours shows)."""
    ctx, log = ray.data.DataContext.get_current(), logging.getLogger("ray.data")
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars, log.level)
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    log.setLevel(logging.ERROR)  # its INFO/WARNING lines still go to the session's ray-data log file
    try:
        yield
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars = saved[0], saved[1]
        log.setLevel(saved[2])
