"""`python -m etl.quality`: score the extractor on the real-world fixtures against the ratcheting baseline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from etl.quality import report
from etl.quality.run import FIXTURES, digest, run_fixtures
from etl.quality.score import score_all, score_document


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m etl.quality", description=__doc__)
    p.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of NAME.txt|html + NAME.gold.json")
    p.add_argument("--baseline", type=Path, default=report.BASELINE, help="baseline JSON to compare with")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--per-doc", action="store_true", help="list missed and extra facts per fixture")
    p.add_argument("--update-baseline", action="store_true", help="raise baseline figures (never lowers)")
    p.add_argument(
        "--rebase",
        action="store_true",
        help="with --update-baseline: re-measure from scratch, allowed only when the fixture set changed",
    )
    return p


def _write_baseline(
    path: Path, base: dict, now: dict, fx_digest: str, n_docs: int, rebase: bool
) -> str | None:
    """Write the ratcheted baseline; an error line instead when the write would lower a figure."""
    first = base.get("fixtures_digest") is None
    same_set = first or base["fixtures_digest"] == fx_digest
    if rebase and same_set and not first:
        return "refused: --rebase only when the fixtures changed (same fixture set: figures may only rise)"
    if not rebase and not same_set:
        return (
            "refused: the fixture set changed since the baseline; re-measure with --update-baseline --rebase"
        )
    figures = now if rebase else report.raised(now, base.get("figures", {}))
    out = {"fixtures_digest": fx_digest, "n_docs": n_docs, "figures": figures}
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when no figure is below the baseline, 1 otherwise (or when a fixture failed to extract)."""
    args = _parser().parse_args(argv)
    run = run_fixtures(args.fixtures)
    pairs = [(f.gold, p) for f, p in zip(run.fixtures, run.preds, strict=True)]
    scores = score_all(pairs)
    now = report.figures(scores)
    base = report.load_baseline(args.baseline)
    fx_digest = digest(run.fixtures)
    problems = report.regressions(now, base.get("figures", {}))
    if base.get("fixtures_digest") not in (None, fx_digest):
        problems.append("fixtures changed since the baseline (run --update-baseline --rebase)")
    for line in run.errors:
        print(line, file=sys.stderr)
    if args.json:
        per_doc = {f.name: score_document(g, p).misses for (g, p), f in zip(pairs, run.fixtures, strict=True)}
        out = {"n_docs": len(pairs), "figures": now, "baseline": base.get("figures", {}), "below": problems}
        print(json.dumps(out | ({"per_doc": per_doc} if args.per_doc else {}), ensure_ascii=False, indent=2))
    else:
        if args.per_doc:
            for (g, p), f in zip(pairs, run.fixtures, strict=True):
                print(report.per_doc_text(f.name, score_document(g, p)))
            print()
        print(report.table(scores, base.get("figures", {}), len(pairs)))
        for line in problems:
            print(f"below baseline: {line}")
    if args.update_baseline:
        err = _write_baseline(args.baseline, base, now, fx_digest, len(pairs), args.rebase)
        print(err or f"baseline written: {args.baseline}", file=sys.stderr)
        if err:
            return 1
        problems = report.regressions(now, report.load_baseline(args.baseline)["figures"])
    return 1 if problems or run.errors else 0


if __name__ == "__main__":
    sys.exit(main())
