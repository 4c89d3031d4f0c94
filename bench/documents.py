"""Reading speed of HWPX, HWP 5 and PDF files with budget tables (issue #15).

`python -m bench.documents [--quick]` prints, per format: files/s on the release fixtures
(scripts/make_release_fixtures.py), then the cost of one file as its budget table grows (ms per file,
ms per PDF page, table rows/s), each with the Python heap peak (tracemalloc) while reading it, and the
process's peak resident memory at the end. Parse only (reader + table model + table facts), no Kiwi.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from etl.config import ROOT
from etl.extract.tables import extract_tables
from etl.models import RawDoc
from etl.parse import parse

sys.path.insert(0, str(ROOT / "scripts"))
import make_release_fixtures as mrf

FORMATS = ("hwpx", "hwp", "pdf")


def read_once(path: Path) -> int:
    """Parse one file and turn its tables into budget rows; the number of rows."""
    raw = RawDoc(source=str(path), kind="pdf" if path.suffix == ".pdf" else "hwp", data=path.read_bytes())
    return sum(len(extract_tables(d.text, d.tables)) for d in parse(raw))


def timed(paths: list[Path], repeats: int) -> tuple[float, int]:
    """(best seconds for one pass over `paths`, Python heap peak in bytes during a pass)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for p in paths:
            read_once(p)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    for p in paths:
        read_once(p)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def growing_release(n_rows: int) -> mrf.Release:
    """A release whose one table has a merged year header over three columns and n_rows program rows."""
    head = (("사업", 2, 1), ("연도별 예산", 1, 3))
    body = tuple((f"사업 {i}", str(10 + i), str(20 + i), str(30 + i)) for i in range(n_rows))
    table = mrf.TableSpec("사업별 예산", "(단위: 억원)", (head, ("2024", "2025", "2026"), *body))
    return mrf.Release(
        f"grow_{n_rows}", "2025-01-01", "예산 표", ("표 크기별 읽기 속도.",), (table,), FORMATS
    )


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def report(quick: bool) -> list[str]:
    """The lines the benchmark prints."""
    repeats = 1 if quick else 3
    lines = [f"{'format':6}  {'what':28}  {'figure':>14}  {'heap peak':>10}"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        mrf.build_all(out)
        for fmt in FORMATS:
            files = sorted(out.glob(f"*.{fmt}"))
            best, peak = timed(files, repeats)
            lines.append(
                f"{fmt:6}  {f'{len(files)} release files':28}  {len(files) / best:>9.1f} f/s  {peak / 2**20:>7.1f} MB"
            )
        for n in (10,) if quick else (10, 100, 400):
            mrf.build_all(out, (growing_release(n),))
            for fmt in FORMATS:
                path = out / f"grow_{n}.{fmt}"
                best, peak = timed([path], repeats)
                pages = f", {best * 1000 / _pdf_pages(path):.0f} ms/page" if fmt == "pdf" else ""
                what = f"table of {n} rows ({n * 3} cells)"
                lines.append(f"{fmt:6}  {what:28}  {best * 1000:>9.0f} ms  {peak / 2**20:>7.1f} MB  "
                             f"{n / best:,.0f} rows/s{pages}")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"peak resident memory of this process: {rss:.0f} MB")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes, one repeat (smoke test)")
    for line in report(p.parse_args(argv).quick):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
