"""Speed on the bundled corpus: extraction (documents/s, one process, warm Kiwi) and a full ingest.

`python -m bench.bundled` prints both; the README and the closing notes quote its output.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from etl.config import ROOT, Settings
from etl.nlp import get_kiwi
from etl.pipeline import ingest
from etl.process import process_raw
from etl.sources import InputError, iter_raw

RAW = ROOT / "data" / "raw"


def extraction_speed(repeats: int = 3) -> tuple[int, int, float]:
    """(documents, characters, best seconds) to parse and extract every bundled input in one process."""
    raws = [r for r in iter_raw([str(RAW)], Settings()) if not isinstance(r, InputError)]
    get_kiwi()
    process_raw(raws[0])  # warm caches (gazetteers, regexes)
    best, docs, chars = float("inf"), 0, 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        results = [process_raw(r) for r in raws]
        best = min(best, time.perf_counter() - t0)
        docs = sum(len(r.facts) for r in results)
        chars = sum(len(f.document.text) for r in results for f in r.facts)
    return docs, chars, best


def ingest_speed() -> tuple[int, float, float]:
    """(documents, cold seconds, unchanged re-ingest seconds) for `ingest data/raw` into a temp file."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "bundled.duckdb")
        t0 = time.perf_counter()
        report = ingest([str(RAW)], settings, progress=False)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        ingest([str(RAW)], settings, progress=False)
        return report.new, cold, time.perf_counter() - t0


def main() -> None:
    docs, chars, secs = extraction_speed()
    print(f"extraction, bundled corpus, 1 process: {docs} documents, {chars:,} characters in {secs:.2f} s")
    print(f"  = {docs / secs:.0f} documents/s, {chars / secs / 1000:.0f}k characters/s")
    n, cold, again = ingest_speed()
    # Under Settings.inline_below inputs the ingest extracts in this process, whose Kiwi is already built.
    print(f"ingest data/raw into a new file (in-process, Kiwi already loaded): {n} documents in {cold:.2f} s")
    print(f"  = {n / cold:.0f} documents/s; re-ingest with nothing changed: {again:.2f} s")


if __name__ == "__main__":
    main()
