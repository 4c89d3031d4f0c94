"""End to end: ingest the bundled corpus and check data/raw/MANIFEST.csv against the database."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from etl import db
from etl.config import ROOT, Settings
from etl.extract.institutions import lookup
from etl.pipeline import ingest

RAW = ROOT / "data" / "raw"
MANIFEST = RAW / "MANIFEST.csv"
RECALL_FLOOR = 0.85  # budgets with amount and kind; the closing note quotes the measured value

pytestmark = pytest.mark.slow


def manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "policy.duckdb"
    report = ingest([str(RAW)], Settings(db_path=path), progress=False)
    assert report.failed == 0, report.failures
    return path


def _facts(path: Path) -> dict[str, dict]:
    by_source: dict[str, dict] = defaultdict(
        lambda: {"budgets": set(), "leads": set(), "sites": [], "date": None}
    )
    with db.connect(path, read_only=True) as con:
        for src, pub in con.execute("SELECT source, published_on FROM documents").fetchall():
            by_source[src]["date"] = pub.isoformat() if pub else None
        for src, krw, kind in con.execute(
            "SELECT d.source, b.amount_krw, b.kind FROM budgets b JOIN documents d USING (document_id)"
        ).fetchall():
            by_source[src]["budgets"].add((kind, krw))
        for src, name, role in con.execute(
            "SELECT d.source, i.name, p.role FROM participations p JOIN documents d USING (document_id) "
            "JOIN institutions i USING (institution_id)"
        ).fetchall():
            by_source[src]["leads"].add((name, role))
        for src, name in con.execute(
            "SELECT d.source, s.name FROM sites s JOIN documents d USING (document_id)"
        ).fetchall():
            by_source[src]["sites"].append(name)
    return by_source


def _source(row: dict[str, str]) -> str:
    return f"data/raw/{row['file']}"


def test_every_document_loaded_with_its_date(corpus_db: Path) -> None:
    facts = _facts(corpus_db)
    rows = manifest()
    missing = [r["file"] for r in rows if _source(r) not in facts]
    assert not missing, f"not loaded: {missing}"
    wrong = [
        (r["file"], r["date"], facts[_source(r)]["date"])
        for r in rows
        if facts[_source(r)]["date"] != r["date"]
    ]
    assert not wrong, f"published dates differ: {wrong}"


def test_manifest_budgets_recall(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = _facts(corpus_db)
    hits = amount_hits = total = 0
    misses: list[str] = []
    for row in manifest():
        got = facts[_source(row)]["budgets"]
        for pair in filter(None, row["expected_budgets"].split("|")):
            kind, amount = pair.split(":")
            total += 1
            amount_ok = any(krw == int(amount) for _, krw in got)
            amount_hits += amount_ok
            if (kind, int(amount)) in got:
                hits += 1
            else:
                found = sorted(k for k, krw in got if krw == int(amount)) or "absent"
                misses.append(f"{row['file']}: {kind} {int(amount):,} won (found: {found})")
    with capsys.disabled():
        print(
            f"\nmanifest budgets: {hits}/{total} with kind ({hits / total:.1%}), {amount_hits}/{total} amounts"
        )
        for m in misses:
            print(f"  miss {m}")
    assert hits / total >= RECALL_FLOOR, "\n".join(misses)


def test_manifest_leads(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = _facts(corpus_db)
    rows = [r for r in manifest() if r["expected_lead"]]
    misses = []
    for row in rows:
        entry = lookup(row["expected_lead"])
        want = entry.canonical if entry else row["expected_lead"]
        names = {n for n, _ in facts[_source(row)]["leads"]}
        if want not in names:
            misses.append(f"{row['file']}: {want} (found {sorted(names)[:6]})")
    with capsys.disabled():
        print(f"\nmanifest lead institutions found: {len(rows) - len(misses)}/{len(rows)}")
        for m in misses:
            print(f"  miss {m}")
    assert len(misses) <= len(rows) * (1 - RECALL_FLOOR), "\n".join(misses)


def test_dashboard_minimums(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's floor for the bundled data: years, programs, institutions, sites."""
    with db.connect(corpus_db, read_only=True) as con:
        years, programs, institutions, sites = con.execute(
            "SELECT (SELECT count(DISTINCT year(published_on)) FROM documents), (SELECT count(*) FROM programs), "
            "(SELECT count(*) FROM institutions), (SELECT count(DISTINCT norm_key) FROM sites)"
        ).fetchone()
    with capsys.disabled():
        print(
            f"\nbundled corpus: {years} years, {programs} programs, {institutions} institutions, {sites} sites"
        )
    assert years >= 7 and programs >= 25 and institutions >= 80 and sites >= 15, (
        years,
        programs,
        institutions,
        sites,
    )
