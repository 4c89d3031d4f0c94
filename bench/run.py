"""`python -m bench.run [--quick] [--full] [--only SECTION] [--sizes 1M,10M]` (also `make bench`): one table of
how fast we are and how cost grows.

Sections: extraction against Kiwi and a regex pass over the same text; cold ingest and unchanged
re-ingest of synthetic corpora (docs/s, peak memory (PSS) of the process tree); every ui/queries.py function on
synthetic DBs (median/p95 ms); each page's warm rerun through AppTest; growth (1.00 = linear); the
process pool against Ray at 1 and 2 local workers (bench/distributed.py; not with --quick); a review pass of
10k decisions on the 1M-row database (bench/reviews.py).
The table is printed and written to bench/RESULTS.md (bench/out/RESULTS-quick.md with --quick) with
the machine and the command. The largest ingest runs last, and only when the time left in the
10-minute budget covers it at the rate measured at the next size down (or always with --full).
`--only queries --sizes 10M` runs one section at the sizes given (its table goes to bench/out/RESULTS-only.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from bench import dashboard, distributed, extraction, ingest, reviews
from bench.table import (
    Row,
    kept_notes,
    load_average,
    mib,
    p95,
    parse_sizes,
    render,
    results_markdown,
    size_label,
    verdict,
)
from etl.config import ROOT

BUDGET_S = 600.0
MARGIN_S = 20.0  # kept free at the end of the budget for writing the table
PROJECTION_FACTOR = 1.15  # per-document cost rose ~5% from 10k to 100k documents; the rest is variance
KIWI_TARGET = 0.60  # issue 11: extraction keeps at least 60 % of Kiwi's own throughput (goal 70 %)
REINGEST_TARGET_S = 3.0
PEAK_TARGET = 2 * 2**30
QUERY_TARGET_S = 0.100  # median of every page query on the 10M-budget-row database (issue 14)
PAGE_TARGET_S = 0.300  # the heaviest page's warm rerun at 1M documents (the 10M-row database)


@dataclass(frozen=True)
class Plan:
    extract_docs: int
    reps: int
    ingest_sizes: tuple[int, ...]  # the last one is the "largest": run last, within the budget
    reingest_target_at: int
    peak_target_at: int
    query_sizes: tuple[int, ...]
    query_target_at: int
    query_runs: int
    query_budget_s: float  # per function and size: stop repeating past this (at least 3 runs)
    page_db_size: int  # budget rows of the synthetic DB whose documents the pages are timed on
    bundled_files: int | None  # None: all of data/raw
    distributed_sizes: tuple[int, int] | None = None  # (fit, measured) documents; None: not run
    reviews: tuple[int, int] = (1_000_000, 10_000)  # (budget rows of the database, decisions applied)


FULL = Plan(1000, 2, (1_000, 10_000, 100_000), 10_000, 100_000, (100_000, 1_000_000, 10_000_000),
            10_000_000, 20, 3.0, 10_000_000, None, (100, 2_000))  # fmt: skip
# Quick (the smoke test's): two ingest sizes, the fewest a growth row needs (a third cost the suite ~20 s).
QUICK = Plan(16, 1, (10, 20), 20, 20, (2_000, 20_000), 20_000, 3, 0.5, 20_000, 6, None, (2_000, 100))


def main(argv: list[str] | None = None) -> int:
    """Run every section, print the table, write the results file."""
    args = _parser().parse_args(argv)
    if args.quick and not args.work:
        with tempfile.TemporaryDirectory(prefix="bench-quick-") as tmp:
            return run(args, argv, Path(tmp))
    return run(args, argv, Path(args.work) if args.work else ingest.OUT)


def run(args: argparse.Namespace, argv: list[str] | None, work: Path) -> int:
    """The chosen sections (all by default) with work files under `work`; print and write the table."""
    plan = _plan(args)
    only = set(args.only or SECTIONS)
    started, load0 = time.perf_counter(), load_average()
    work.mkdir(parents=True, exist_ok=True)
    rows = _step("extraction", lambda: extraction_rows(plan, work)) if "extraction" in only else []
    ingest_part = IngestSection(plan, work) if "ingest" in only else None
    if ingest_part:
        _step("ingest (all but the largest)", ingest_part.run_small)
    rows_q = _step("queries", lambda: query_rows(plan, work)) if "queries" in only else []
    rows_p = _step("pages", lambda: page_rows(plan, work)) if "pages" in only else []
    rows_p += _step("reviews", lambda: reviews.rows(*plan.reviews, work)) if "reviews" in only else []
    if ingest_part:
        _step("ingest (largest)", lambda: ingest_part.run_largest(started, args.full))
        rows += ingest_part.rows()
    sizes = plan.distributed_sizes if ingest_part and "distributed" in only else None
    rows_d = _step("distributed", lambda: distributed.rows(sizes, work, ingest_part.folder)) if sizes else []
    rows += rows_q + rows_p + growth_rows(plan, ingest_part, rows_q) + rows_d
    table = render(rows)
    print(table)
    seconds = time.perf_counter() - started
    out = Path(args.results) if args.results else _default_results(args)
    out.parent.mkdir(parents=True, exist_ok=True)
    command = " ".join([".venv/bin/python -m bench.run", *(argv if argv is not None else sys.argv[1:])])
    text = results_markdown(table, command, seconds, SECTION_SECONDS, (load0, load_average()))
    out.write_text(text + kept_notes(out), encoding="utf-8")
    print(f"\n{seconds:.0f} s; written to {out}")
    return 0


RESULTS = ROOT / "bench" / "RESULTS.md"
SECTIONS = (
    "extraction",
    "ingest",
    "queries",
    "pages",
    "reviews",
    "distributed",
)  # distributed needs ingest's corpus
T = TypeVar("T")


def _plan(args: argparse.Namespace) -> Plan:
    """QUICK or FULL, with the query sizes of --sizes (the target then applies to the largest of them)."""
    plan = QUICK if args.quick else FULL
    if not args.sizes:
        return plan
    target = plan.query_target_at if plan.query_target_at in args.sizes else max(args.sizes)
    return replace(plan, query_sizes=tuple(args.sizes), query_target_at=target)


def _default_results(args: argparse.Namespace) -> Path:
    """bench/RESULTS.md for a whole run; a file under bench/out/ for --quick or a partial run."""
    if args.quick:
        return ingest.OUT / "RESULTS-quick.md"
    return ingest.OUT / "RESULTS-only.md" if args.only or args.sizes else RESULTS


SECTION_SECONDS: dict[str, float] = {}


def _step(name: str, fn: Callable[[], T]) -> T:
    """Run one section, telling stderr how long it took (the table goes to stdout)."""
    t0 = time.perf_counter()
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    out = fn()
    SECTION_SECONDS[name] = time.perf_counter() - t0
    print(f"[bench] {name}: {SECTION_SECONDS[name]:.0f} s", file=sys.stderr, flush=True)
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    p.add_argument(
        "--quick", action="store_true", help="tiny sizes (a smoke test, seconds; figures meaningless)"
    )
    p.add_argument(
        "--full", action="store_true", help="run the largest ingest even past the 10-minute budget"
    )
    p.add_argument(
        "--work", help="folder for corpora and DBs (default bench/out/, a temp folder with --quick)"
    )
    p.add_argument(
        "--results",
        help="where to write the table (default bench/RESULTS.md; a file in bench/out/ with --quick, --only "
        "or --sizes)",
    )
    p.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only this section (repeatable; default: all)"
    )
    p.add_argument("--sizes", type=parse_sizes, help="budget rows of the query databases, e.g. 1M,10M")
    return p


# ---- extraction -----------------------------------------------------------------------------------------


def extraction_rows(plan: Plan, work: Path) -> list[Row]:
    """Ours on 1 core and on all cores, each beside Kiwi and a regex pass over the same files."""
    files = sorted(ingest.corpus(plan.ingest_sizes[-1], root=work).glob("*/*.txt"))[: plan.extract_docs]
    n_cpu = len(os.sched_getaffinity(0))
    one = extraction.measure(files, 1, pin=True, reps=plan.reps)
    many = extraction.measure(files, n_cpu, reps=plan.reps)
    size = f"{size_label(len(files))} docs, {one.n_bytes / 1e6:.1f} MB"
    rows = []
    for label, t, target in (("1 core", one, ""), (f"{n_cpu} cores", many, f">= {KIWI_TARGET:.0%} of Kiwi")):
        ours = f"{t.docs_per_s('ours'):,.0f} docs/s, {t.mb_per_s('ours'):.2f} MB/s"
        share = t.seconds["kiwi"] / t.seconds["ours"]
        rows.append(Row("extraction", f"ours, {label}", size, ours, f"Kiwi tokenize, {label}: "
                        f"{t.docs_per_s('kiwi'):,.0f} docs/s", f"{share:.0%} of Kiwi", target,
                        verdict(share >= KIWI_TARGET) if target else ""))  # fmt: skip
        regex = t.seconds["regex"] / t.seconds["ours"]
        rows.append(Row("extraction", f"ours, {label}", size, ours,
                        f"regex pass, {label}: {t.docs_per_s('regex'):,.0f} docs/s", f"{regex:.2%} of regex"))  # fmt: skip
    speedup = one.seconds["ours"] / many.seconds["ours"]
    rows.append(Row("extraction", f"ours, {n_cpu} cores", size, f"{many.docs_per_s('ours'):,.0f} docs/s",
                    f"ours, 1 core: {one.docs_per_s('ours'):,.0f} docs/s", f"x{speedup:.2f} (ideal x{n_cpu})"))  # fmt: skip
    return rows


# ---- ingest ---------------------------------------------------------------------------------------------


class IngestSection:
    """Cold ingest and unchanged re-ingest at each size; the largest size waits for the budget check."""

    def __init__(self, plan: Plan, work: Path) -> None:
        self.plan, self.work = plan, work
        self.folder = ingest.corpus(plan.ingest_sizes[-1], root=work)
        self.cold: dict[int, ingest.IngestRun] = {}
        self.again: dict[int, ingest.IngestRun] = {}
        self.skipped = ""

    def _one(self, n: int) -> None:
        inputs = ingest.inputs_for(self.folder, n)
        db = self.work / f"ingest-{n}.duckdb"
        self.cold[n] = ingest.run_ingest(inputs, db, n, cold=True)
        self.again[n] = ingest.run_ingest(inputs, db, n, cold=False)

    def run_small(self) -> None:
        """Every size but the largest."""
        for n in self.plan.ingest_sizes[:-1]:
            self._one(n)

    def run_largest(self, started: float, force: bool) -> None:
        """The largest size, if the budget left covers it at the rate of the size below (or if forced)."""
        n, below = self.plan.ingest_sizes[-1], self.plan.ingest_sizes[-2]
        rate = self.cold[below].seconds / below + self.again[below].seconds / below
        projected = rate * n * PROJECTION_FACTOR
        left = BUDGET_S - MARGIN_S - (time.perf_counter() - started)
        if force or projected <= left:
            self._one(n)
        else:
            self.skipped = (
                f"not run: {projected:.0f} s projected at the {size_label(below)} rate, "
                f"{max(left, 0):.0f} s left of the {BUDGET_S / 60:.0f}-minute budget; use --full"
            )

    def rows(self) -> list[Row]:
        """Cold and re-ingest rows, each beside the smallest size's per-document cost."""
        sizes = self.plan.ingest_sizes
        out = [self._cold_row(n) for n in sizes if n in self.cold]
        out += [self._again_row(n) for n in sizes if n in self.again]
        if self.skipped:
            out.insert(len(self.cold), Row("ingest, cold", "python -m etl ingest", f"{size_label(sizes[-1])} docs",
                                           self.skipped, "", "", f"peak < {mib(PEAK_TARGET)}", "NOT RUN"))  # fmt: skip
        return out

    def _cold_row(self, n: int) -> Row:
        r, base = self.cold[n], self.cold[self.plan.ingest_sizes[0]]
        fig = f"{n / r.seconds:,.0f} docs/s ({r.seconds:.1f} s), peak {mib(r.peak_bytes)} PSS"
        fig += f" ({mib(r.peak_rss_bytes)} RSS sum)" if r.peak_rss_bytes else ""
        ref = f"{size_label(base.docs)}: {base.seconds / base.docs * 1000:.1f} ms/doc"
        growth = (r.seconds / n) / (base.seconds / base.docs)
        target = f"peak < {mib(PEAK_TARGET)}" if n == self.plan.peak_target_at else ""
        ok = verdict(r.peak_bytes < PEAK_TARGET) if target else ""
        return Row("ingest, cold", "python -m etl ingest", f"{size_label(n)} docs", fig, ref,
                   f"per doc x{growth:.2f}", target, ok)  # fmt: skip

    def _again_row(self, n: int) -> Row:
        r, base = self.again[n], self.again[self.plan.ingest_sizes[0]]
        fig = f"{r.seconds:.2f} s ({n / r.seconds:,.0f} docs/s), peak {mib(r.peak_bytes)}"
        ref = f"{size_label(base.docs)}: {base.seconds:.2f} s"
        growth = (r.seconds / n) / (base.seconds / base.docs)
        target = f"< {REINGEST_TARGET_S:.0f} s" if n == self.plan.reingest_target_at else ""
        ok = verdict(r.seconds < REINGEST_TARGET_S) if target else ""
        return Row("re-ingest, unchanged", "python -m etl ingest", f"{size_label(n)} docs", fig, ref,
                   f"per doc x{growth:.2f}", target, ok)  # fmt: skip


# ---- dashboard ------------------------------------------------------------------------------------------


def query_rows(plan: Plan, work: Path) -> list[Row]:
    """Median and p95 of every public query at each DB size, beside the next size down."""
    timings = {
        n: dashboard.time_queries(dashboard.query_db(n, root=work), plan.query_runs, plan.query_budget_s)
        for n in plan.query_sizes
    }
    rows = []
    for name in timings[plan.query_sizes[0]]:
        prev = 0
        for n in plan.query_sizes:
            ts = timings[n][name]
            med = statistics.median(ts)
            fig = f"median {med * 1000:.1f} ms, p95 {p95(ts) * 1000:.1f} ms ({len(ts)} runs)"
            ref, ratio = "", ""
            if prev:
                before = statistics.median(timings[prev][name])
                ref = f"{size_label(prev)}: {before * 1000:.1f} ms"
                ratio = f"time x{med / before:.1f} for rows x{n / prev:g}"
            target = f"median < {QUERY_TARGET_S * 1000:.0f} ms" if n == plan.query_target_at else ""
            rows.append(Row("query", name, f"{size_label(n)} budgets", fig, ref, ratio, target,
                            verdict(med < QUERY_TARGET_S) if target else ""))  # fmt: skip
            prev = n
    return [*rows, _slowest_query(rows)]


def _median_s(row: Row) -> float:
    """The median of a query row's figure ('median 12.3 ms, …'), in seconds."""
    return float(row.figure.split()[1]) / 1000


def _slowest_query(rows: list[Row]) -> Row:
    """The target row for the whole dashboard: the slowest median at the target size, and how many miss."""
    at_target = [r for r in rows if r.target]
    worst = max(at_target, key=_median_s)
    misses = sum(r.result == "MISS" for r in at_target)
    return Row("query", f"slowest of {len(at_target)}: {worst.item}", worst.size, worst.figure, "", "",
               worst.target, f"{verdict(not misses)} ({misses} over)")  # fmt: skip


def page_rows(plan: Plan, work: Path) -> list[Row]:
    """Warm rerun of every page on the bundled data and on a synthetic DB, beside the bundled figure."""
    bundled_db = work / "bundled.duckdb"
    raw = sorted(p for p in (ROOT / "data" / "raw").rglob("*") if p.is_file() and p.name != "MANIFEST.csv")
    inputs = (
        [str(ROOT / "data" / "raw")]
        if plan.bundled_files is None
        else [str(p) for p in raw[: plan.bundled_files]]
    )
    ingest.run_ingest(inputs, bundled_db, len(raw), cold=True)
    n_docs = _count_docs(bundled_db)
    synth_db = dashboard.query_db(plan.page_db_size, root=work)
    synth_docs = _count_docs(synth_db)
    bundled, synth = dashboard.time_pages(bundled_db), dashboard.time_pages(synth_db)
    rows = [_page_row(page, f"bundled, {n_docs} docs", run) for page, run in bundled.items()]
    rows += [_page_row(page, f"synthetic, {size_label(synth_docs)} docs", run, bundled[page]) for page, run in synth.items()]  # fmt: skip
    page, (_, worst, error) = max(synth.items(), key=lambda kv: kv[1][1])
    rows.append(Row("page, warm rerun", f"heaviest: {page}", f"synthetic, {size_label(synth_docs)} docs",
                    f"{worst * 1000:.0f} ms", "", "", f"< {PAGE_TARGET_S * 1000:.0f} ms",
                    verdict(worst < PAGE_TARGET_S and not error)))  # fmt: skip
    return rows


def _page_row(
    page: str, size: str, run: tuple[float, float, str], ref: tuple[float, float, str] | None = None
) -> Row:
    first, warm, error = run
    if error:
        return Row("page, warm rerun", page, size, f"raised: {error[:60]}", "", "", "", "ERROR")
    fig = f"{warm * 1000:.0f} ms (first run {first:.2f} s)"
    if ref is None:
        return Row("page, warm rerun", page, size, fig)
    return Row(
        "page, warm rerun", page, size, fig, f"bundled: {ref[1] * 1000:.0f} ms", f"x{warm / ref[1]:.1f}"
    )


def _count_docs(db: Path) -> int:
    from etl import db as etl_db

    with etl_db.connect(db, read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])


# ---- growth and the results file ------------------------------------------------------------------------


def growth_rows(plan: Plan, part: IngestSection | None, query: list[Row]) -> list[Row]:
    """Per-unit cost at each size relative to the smallest (1.00 = linear; below 1 = cheaper per unit)."""
    rows = []
    by_label = (
        (("ingest, cold: per document", part.cold), ("re-ingest: per document", part.again)) if part else ()
    )
    for label, runs in by_label:
        sizes = [n for n in plan.ingest_sizes if n in runs]
        base = runs[sizes[0]].seconds / sizes[0]
        chain = " -> ".join(f"{runs[n].seconds / n / base:.2f}" for n in sizes)
        rows.append(Row("growth", label, " -> ".join(size_label(n) for n in sizes), chain,
                        f"{size_label(sizes[0])}: {base * 1000:.1f} ms/doc", "1.00 = linear"))  # fmt: skip
    if query:
        rows.append(_query_growth(plan, query))
    return rows


def _query_growth(plan: Plan, query: list[Row]) -> Row:
    """Per budget row, each function's median at each size over its own at the smallest; their median."""
    by_name: dict[str, dict[str, float]] = {}
    for r in query:
        if not r.item.startswith("slowest of"):
            by_name.setdefault(r.item, {})[r.size] = _median_s(r)
    labels = [(n, f"{size_label(n)} budgets") for n in plan.query_sizes]
    base_n, base_label = labels[0]
    chain = " -> ".join(
        f"{statistics.median((t[label] / n) / (t[base_label] / base_n) for t in by_name.values()):.2f}"
        for n, label in labels
    )
    sizes = " -> ".join(size_label(n) for n, _ in labels)
    return Row("growth", "queries: per budget row (median of the functions)", sizes, chain,
               f"{size_label(base_n)}: each function's own median", "1.00 = linear")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
