"""Check extracted facts against tests/fixtures/expected/*.json (subset expectations, trafilatura-style)."""

from __future__ import annotations

from typing import Any

AREA_TOLERANCE = 0.01  # 1 %: 평 → m² conversions round differently across sources


def check_facts(rec: dict[str, Any], exp: dict[str, Any]) -> list[tuple[str, bool]]:
    """Every expectation as (description, passed)."""
    out: list[tuple[str, bool]] = []
    for key in ("published_on", "lang"):
        if key in exp:
            out.append((f"{key}={exp[key]}", rec.get(key) == exp[key]))
    for b in exp.get("budgets", []):
        out.append((f"budget {b}", any(_budget_ok(r, b) for r in rec["budgets"])))
    if exp.get("budgets_exhaustive"):
        wanted = {b["amount_krw"] for b in exp["budgets"]}
        extra = [r["unit_text"] for r in rec["budgets"] if r["amount_krw"] not in wanted]
        out.append((f"no other budgets (extra: {extra})", not extra))
    for p in exp.get("programs", []):
        out.append((f"program {p}", any(_subset(r, p) for r in rec["programs"])))
    for i in exp.get("institutions", []):
        out.append((f"institution {i}", any(_inst_ok(r, i) for r in rec["institutions"])))
    for s in exp.get("sites", []):
        out.append((f"site {s}", any(_site_ok(r, s) for r in rec["sites"])))
    if "countries" in exp:
        out.append((f"countries {exp['countries']}", sorted(rec["countries"]) == sorted(exp["countries"])))
    blob = repr(
        [rec["budgets"], rec["programs"], rec["institutions"], rec["sites"], rec["title"]]
    )  # every fact and its evidence
    for w in exp.get("without", []):
        out.append((f"without {w!r}", w not in blob))
    return out


def _subset(rec: dict[str, Any], exp: dict[str, Any]) -> bool:
    return all(rec.get(k) == v for k, v in exp.items())


def _budget_ok(rec: dict[str, Any], exp: dict[str, Any]) -> bool:
    exp = dict(exp)
    needle = exp.pop("evidence_contains", None)
    if needle and needle not in (rec.get("evidence") or ""):
        return False
    return _subset(rec, exp)


def _inst_ok(rec: dict[str, Any], exp: dict[str, Any]) -> bool:
    exp = dict(exp)
    alias = exp.pop("alias", None)
    if alias and alias not in rec.get("aliases_seen", []) and alias != rec.get("name"):
        return False
    return _subset(rec, exp)


def _site_ok(rec: dict[str, Any], exp: dict[str, Any]) -> bool:
    exp = dict(exp)
    area = exp.pop("area_m2", None)
    if area is not None and (
        rec.get("area_m2") is None or abs(rec["area_m2"] - area) > area * AREA_TOLERANCE
    ):
        return False
    contains = exp.pop("name_contains", None)
    if contains and contains not in rec.get("name", ""):
        return False
    addr = exp.pop("address_contains", None)
    if addr and addr not in (rec.get("address") or ""):
        return False
    return _subset(rec, exp)
