"""Derived tables (etl/aggregates.py) stay equal to a recomputation from the facts, whatever the loader did."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from bench.synth_db import make_db
from etl import aggregates, db, deltas
from etl.config import ROOT, Settings
from etl.consolidate import ProgramIndex
from etl.pipeline import ingest

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
KCLOUD = "ko_kcloud_2023-02-15.txt"


def derived(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every derived table's rows, in a fixed order."""
    return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in aggregates.DERIVED}


def assert_in_step(path: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    """The derived tables in `path` equal those a rebuild from its facts gives (on a copy); return them."""
    with db.connect(path, read_only=True) as con:
        kept = derived(con)
    copy = tmp_path / "rebuilt.duckdb"
    shutil.copy(path, copy)
    with duckdb.connect(str(copy)) as con:
        with db.transaction(con):
            aggregates.rebuild(con)
        fresh = derived(con)
    copy.unlink()
    for table in aggregates.DERIVED:
        assert kept[table] == fresh[table], table
    return kept


def assert_pages_match_live(path: Path) -> None:
    """The page queries that read stored answers (ui/counted.py, ui/left_out.py, ui/events.py) give what computing them from the
    facts gives: the left-out summary, the rows behind the headline figures, the events list."""
    from ui import queries
    from ui.filters import Filters

    with db.connect(path, read_only=True) as con:
        top = con.execute("SELECT program_id FROM program_stats ORDER BY n_documents DESC LIMIT 1").fetchall()
        for f in (Filters(), *(Filters(program=p) for (p,) in top)):
            stored = queries.left_out_summary(con, filters=f)
            assert stored.equals(queries.left_out_summary(con, filters=f, stored=False)), f
            assert not stored.empty
            for part in ("total", "national"):
                got = queries.counted_figures(con, filters=f, part=part)
                assert got.equals(queries.counted_figures(con, filters=f, part=part, stored=False)), (f, part)
        events = queries.program_events(con, filters=Filters())
        assert events.equals(queries.program_events(con, filters=Filters(), stored=False)) and len(events)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(FIXTURE_DOCS, src)
    return src


def test_ingest_fills_every_derived_table(settings: Settings, folder: Path, tmp_path: Path) -> None:
    ingest([str(folder)], settings, progress=False)
    rows = assert_in_step(settings.db_path, tmp_path)
    assert_pages_match_live(settings.db_path)
    with db.connect(settings.db_path, read_only=True) as con:
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(rows["document_stats"]) == n_docs == len(list(folder.iterdir()))
    for table in ("doc_figures", "inst_programs", "program_stats", "institution_stats", "facilities"):
        assert rows[table], f"{table} is empty after ingesting the fixtures"


def test_reingest_of_a_changed_document_moves_its_rows(
    settings: Settings, folder: Path, tmp_path: Path
) -> None:
    ingest([str(folder)], settings, progress=False)
    before = assert_in_step(settings.db_path, tmp_path)
    doc = folder / KCLOUD
    doc.write_text(doc.read_text(encoding="utf-8").replace("총 8262억원", "총 9000억원"), encoding="utf-8")
    assert ingest([str(folder)], settings, progress=False).updated == 1
    after = assert_in_step(settings.db_path, tmp_path)
    totals = {r[5] for r in after["doc_figures"]} - {r[5] for r in before["doc_figures"]}
    assert totals == {900_000_000_000}  # the new total is there, computed once
    assert before["program_stats"] != after["program_stats"]


def test_batches_and_single_documents_agree(folder: Path, tmp_path: Path) -> None:
    """One transaction per document gives the derived rows one transaction for all of them gives."""
    one = Settings(db_path=tmp_path / "one.duckdb", workers=1, batch_size=1)
    many = Settings(db_path=tmp_path / "many.duckdb", workers=1, batch_size=100)
    ingest([str(folder)], one, progress=False)
    ingest([str(folder)], many, progress=False)
    assert assert_in_step(one.db_path, tmp_path) == assert_in_step(many.db_path, tmp_path)


def test_withdrawn_document_leaves_no_derived_rows(settings: Settings, folder: Path, tmp_path: Path) -> None:
    ingest([str(folder)], settings, progress=False)
    with db.connect(settings.db_path, read_only=True) as con:
        [(gone,)] = con.execute(
            "SELECT document_id FROM documents WHERE source LIKE ?", [f"%{KCLOUD}"]
        ).fetchall()
    (folder / KCLOUD).unlink()
    assert ingest([str(folder)], settings, progress=False).withdrawn == 1
    rows = assert_in_step(settings.db_path, tmp_path)
    for table in aggregates.DOC_TABLES:
        assert all(r[0] != gone and r[1] != gone for r in rows[table]), table


def test_program_merge_moves_derived_rows(settings: Settings, folder: Path, tmp_path: Path) -> None:
    """A merge rewrites program ids in the facts; Changes.merged brings the derived tables along."""
    ingest([str(folder)], settings, progress=False)
    with db.connect(settings.db_path) as con:
        victim, into = [
            r[0]
            for r in con.execute(
                "SELECT program_id FROM program_stats ORDER BY n_announcements DESC, program_id LIMIT 2"
            ).fetchall()
        ]
        with db.transaction(con):
            index = ProgramIndex(con)
            index.merge(victim, into=into)
            changes = deltas.Changes(con)
            changes.merged(index.merged)
            changes.refresh()
    rows = assert_in_step(settings.db_path, tmp_path)
    assert_pages_match_live(settings.db_path)
    assert victim not in {r[0] for r in rows["program_stats"]}


def test_synthetic_database_is_in_step(tmp_path: Path) -> None:
    path = make_db(tmp_path / "synth.duckdb", 2000, seed=5)
    rows = assert_in_step(path, tmp_path)
    assert_pages_match_live(path)
    assert len(rows["document_stats"]) == 200 and rows["facilities"] and rows["program_months"]


def _headline(con: duckdb.DuckDBPyConnection, program_id: str) -> int | None:
    return con.execute(
        "SELECT headline_krw FROM program_stats WHERE program_id = ?", [program_id]
    ).fetchone()[0]


def test_reviews_and_roles_reach_the_derived_tables(settings: Settings, folder: Path, tmp_path: Path) -> None:
    """A rejected figure or one whose role is not a budget leaves the derived tables at once, in step."""
    from etl import review_run
    from etl.reviews import append, make

    ingest([str(folder)], settings, progress=False)
    with db.connect(settings.db_path, read_only=True) as con:
        # The figure behind the largest headline: the program's own budget row of that amount.
        pid, head = con.execute(
            "SELECT program_id, headline_krw FROM program_stats ORDER BY headline_krw DESC NULLS LAST LIMIT 1"
        ).fetchone()
        fact_ids = [r[0] for r in con.execute(
            "SELECT fact_id FROM budgets WHERE program_id = ? AND amount_krw = ? AND role = 'budget'", [pid, head]
        ).fetchall()]  # fmt: skip
        other = con.execute(
            "SELECT fact_id, program_id, amount_krw FROM budgets WHERE role = 'budget' AND program_id IS NOT NULL "
            "AND program_id <> ? AND amount_krw IS NOT NULL ORDER BY amount_krw DESC LIMIT 1",
            [pid],
        ).fetchone()
    assert fact_ids and other
    reviews = tmp_path / "reviews.jsonl"
    for fid in fact_ids:
        append(reviews, make(fid, "reject", {}, "a restated figure of another body"))
    append(reviews, make(other[0], "set", {"role": "market"}, "a market size, not the program's money"))
    with duckdb.connect(str(settings.db_path)) as con:
        outcomes = review_run.apply_file(con, reviews)
        assert {o.outcome for o in outcomes} == {"applied"}
        assert _headline(con, pid) != head
        still = con.execute(
            "SELECT count(*) FROM budgets WHERE program_id = ? AND amount_krw = ? AND role = 'budget' "
            "AND state NOT IN ('rejected', 'merged')",
            [other[1], other[2]],
        ).fetchone()[0]
        shown = con.execute(
            "SELECT count(*) FROM doc_figures WHERE program_id = ? AND ? IN (total_krw, national_krw, local_krw, "
            "private_krw, unspecified_krw)",
            [other[1], other[2]],
        ).fetchone()[0]
    assert_in_step(settings.db_path, tmp_path)
    assert_pages_match_live(settings.db_path)
    assert still == 0 and shown == 0  # the market size is no program's figure any more
    with db.connect(settings.db_path, read_only=True) as con:
        why = dict(con.execute("SELECT reason, sum(n_rows) FROM money_reasons GROUP BY ALL").fetchall())
    assert why["rejected"] >= len(fact_ids) and why["not_budget"] >= 1
    assert ingest([str(folder)], settings, progress=False, rebuild=True).failed == 0  # --rebuild
    assert_in_step(settings.db_path, tmp_path)
    assert_pages_match_live(settings.db_path)
