"""Event grouping at scale: a full regroup of N documents, and one ingest's worth of new documents on top.

`python -m bench.events [--docs 100000] [--new 1000]` builds a synthetic database (bench.synth_db, 10 budget
rows per document; the synthetic texts are built from a few templates, so near-duplicates are many), then
times, each in one transaction as the loader and migrations run them:
- `events.rebuild`: sign every document (MinHash), link each with the documents around it, group all;
- `events.drop` + `events.update` of the `--new` latest documents, as a re-ingest of them does;
- `aggregates.rebuild` after it (what reads the events: the counted money).
Peak memory (PSS) is this process's (bench.procmem samples it in a thread).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

from bench.procmem import PeakRSS
from bench.synth_db import make_db
from etl import aggregates, events
from etl.db import connect, transaction


def _timed(label: str, fn: object) -> float:
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        seconds = time.perf_counter() - t0
    print(f"{label:46} {seconds:8.1f} s   peak PSS {mem.peak / 2**20:,.0f} MiB")
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    ap = argparse.ArgumentParser(prog="python -m bench.events", description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000)
    ap.add_argument(
        "--work", type=Path, default=None, help="folder for the database (default: a temp folder)"
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-events-") as tmp:
        path = (args.work or Path(tmp)) / f"events-{args.docs}.duckdb"
        path.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        make_db(path, args.docs * 10, seed=3, n_docs=args.docs)
        print(f"synthetic database: {args.docs:,} documents, {args.docs * 10:,} budget rows "
              f"({time.perf_counter() - t0:.0f} s to build)")  # fmt: skip
        con = connect(path)
        try:
            with transaction(con):
                _timed(f"events.rebuild, {args.docs:,} documents", lambda: events.rebuild(con))
            n_docs, n_events, n_links = con.execute(
                """SELECT count(*), count(DISTINCT event_id), (SELECT count(*) FROM event_links)
                   FROM event_documents"""
            ).fetchone()
            print(f"  {n_docs:,} documents in {n_events:,} events; {n_links:,} links")
            new = [r[0] for r in con.execute(
                "SELECT document_id FROM documents ORDER BY published_on DESC, document_id LIMIT ?", [args.new]
            ).fetchall()]  # fmt: skip
            con.register("_again", pa.table({"document_id": new}))

            def again() -> None:
                mates = events.drop(con, "_again")
                events.update(con, new, mates)

            with transaction(con):
                _timed(f"drop + update, {len(new):,} latest documents", again)
            with transaction(con):
                _timed("aggregates.rebuild (reads the events)", lambda: aggregates.rebuild(con))
        finally:
            con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
