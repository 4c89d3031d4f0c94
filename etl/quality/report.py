"""Figures, goals, the printed table and the ratcheting baseline."""

from __future__ import annotations

import json
from pathlib import Path

from etl.config import ROOT
from etl.quality.score import Counts, Scores

BASELINE = ROOT / "tests" / "quality_baseline.json"
EPS = 1e-9  # figures are rounded to 4 places; compare with a hair of slack

# (figure, metric, statistic, goal or None): the rows of issue #11's goals table, in its order.
FIGURES: list[tuple[str, str, str, float | None]] = [
    ("amounts.precision", "amounts", "precision", 0.97),
    ("amounts.recall", "amounts", "recall", None),
    ("amounts.f1", "amounts", "f1", 0.97),
    ("kind.accuracy", "kind", "accuracy", 0.96),
    ("role.accuracy", "role", "accuracy", None),
    ("institutions.precision", "institutions", "precision", None),
    ("institutions.recall", "institutions", "recall", None),
    ("institutions.f1", "institutions", "f1", 0.90),
    ("sites.precision", "sites", "precision", None),
    ("sites.recall", "sites", "recall", 0.80),
    ("sites.f1", "sites", "f1", None),
    ("countries.precision", "countries", "precision", None),
    ("countries.recall", "countries", "recall", None),
    ("countries.f1", "countries", "f1", 0.90),
    ("countries_mentioned.f1", "countries_mentioned", "f1", None),
    ("link.accuracy", "link", "accuracy", 0.95),
    ("date.accuracy", "date", "accuracy", 1.0),
    ("table_amounts.precision", "table_amounts", "precision", None),  # issue #15: money cells of tables
    ("table_amounts.recall", "table_amounts", "recall", None),
]


def figures(scores: Scores) -> dict[str, float | None]:
    """Every figure rounded to 4 places; None (n/a) when the extractor emits no such field."""
    out: dict[str, float | None] = {}
    for name, metric, stat, _ in FIGURES:
        c: Counts = getattr(scores, metric)
        value = getattr(c, stat) if c.measured else None
        out[name] = None if value is None else round(value, 4)
    return out


def load_baseline(path: Path = BASELINE) -> dict:
    """The stored baseline, or an empty one when none was written yet."""
    if not path.exists():
        return {"fixtures_digest": None, "figures": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(now: dict[str, float | None], base: dict[str, float | None]) -> list[str]:
    """Figures below the baseline (a figure that became n/a counts as lower)."""
    out = []
    for name, old in base.items():
        if old is None:
            continue
        new = now.get(name)
        if new is None or new < old - EPS:
            out.append(f"{name}: {_fmt(new)} < baseline {_fmt(old)}")
    return out


def raised(now: dict[str, float | None], base: dict[str, float | None]) -> dict[str, float | None]:
    """The baseline after a ratchet step: each figure the higher of old and new, never lower."""
    out = dict(base)
    for name, new in now.items():
        old = base.get(name)
        if new is not None and (old is None or new > old):
            out[name] = new
    return out


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def _counts_text(c: Counts, stat: str) -> str:
    if not c.measured:
        return "not emitted"
    if stat == "accuracy":
        return f"{c.hit}/{c.gold}"
    return f"{c.hit} hit, {c.pred} pred, {c.gold} gold"


def table(scores: Scores, base: dict[str, float | None], n_docs: int) -> str:
    """The human table: figure, value, counts, goal, baseline and a pass/fail mark against the goal."""
    rows = [("figure", "value", "counts", "goal", "baseline", "goal met")]
    for name, metric, stat, goal in FIGURES:
        c: Counts = getattr(scores, metric)
        v = figures(scores)[name]
        mark = "-" if goal is None else ("n/a" if v is None else ("PASS" if v >= goal - EPS else "FAIL"))
        goal_text = "" if goal is None else f"≥ {goal:.2f}"
        rows.append((name, _fmt(v), _counts_text(c, stat), goal_text, _fmt(base.get(name)), mark))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return f"quality over {n_docs} fixtures\n" + "\n".join(lines)


def per_doc_text(name: str, s: Scores) -> str:
    """One fixture's misses: every missed and extra fact, for debugging a rule."""
    parts = [f"## {name}"]
    for key, items in s.misses.items():
        if items:
            parts.append(f"  {key}: " + "; ".join(items))
    return "\n".join(parts) if len(parts) > 1 else f"## {name}: all facts right"
