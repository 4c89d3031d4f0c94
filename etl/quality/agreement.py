"""`python -m etl.quality.agreement FIXTURES SECOND`: how far two annotators agree on the money rows of the same
pages, and the extractor with each, so the gate's goals can be read against what careful people agree on.

FIXTURES holds NAME.gold.json (annotator A) beside each page; SECOND holds NAME.second.json, a `budgets` list of
the same rows (same won values) that annotator B filled independently (kind, role, program, envelope). Rows are
paired by won value exactly as `python -m etl.quality` pairs gold and extracted rows. Aggregates only: nothing
per row is printed, so a held-out set can be measured without being read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from etl.config import Settings
from etl.quality.run import extract, load_fixtures
from etl.quality.score import Record, link_ok, pair_amounts

SECOND_SUFFIX = ".second.json"


def agreement(a_rows: list[Record], b_rows: list[Record]) -> tuple[int, int, int, int]:
    """(kind, role, program link agreeing, rows paired) between two lists of money rows."""
    pairs = pair_amounts(a_rows, [r for r in b_rows if r.get("currency", "KRW") == "KRW"])
    kind = sum(x.get("kind") == y.get("kind") for x, y in pairs)
    role = sum(x.get("role") == y.get("role") for x, y in pairs)
    return kind, role, sum(link_ok(x, y) for x, y in pairs), len(pairs)


def measure(fixtures: Path, second: Path) -> dict[str, tuple[int, int, int, int]]:
    """Summed agreement counts for A vs B, the extractor vs A and the extractor vs B."""
    settings = Settings.from_env()
    totals = {
        "annotator A vs annotator B": (0, 0, 0, 0),
        "extractor vs A": (0, 0, 0, 0),
        "extractor vs B": (0, 0, 0, 0),
    }
    for fx in load_fixtures(fixtures):
        path = second / f"{fx.name}{SECOND_SUFFIX}"
        if not path.exists():
            continue
        a = fx.gold["budgets"]
        b = json.loads(path.read_text(encoding="utf-8"))["budgets"]
        pred = extract(fx, settings)[0]["budgets"]
        for key, (x, y) in zip(totals, ((a, b), (a, pred), (b, pred)), strict=True):
            totals[key] = tuple(s + v for s, v in zip(totals[key], agreement(x, y), strict=True))  # type: ignore[assignment]
    return totals


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m etl.quality.agreement", description=__doc__.splitlines()[0])
    p.add_argument("fixtures", type=Path, help="folder of pages with NAME.gold.json (annotator A)")
    p.add_argument("second", type=Path, help="folder of NAME.second.json (annotator B)")
    args = p.parse_args(argv)
    for key, (kind, role, link, n) in measure(args.fixtures, args.second).items():
        if n:
            print(
                f"{key:28s} rows {n:4d}   kind {kind / n:.3f}   role {role / n:.3f}   program link {link / n:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
