"""fact_doubts (etl/doubts.py) equals the Review rules computed from scratch, and a review pass refreshes only
what it changed (issue #14 item 3, issue #12's 10k-review bench row)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import db, review_store
from etl.cli import main as cli_main
from etl.config import Settings
from etl.doubts import MIN_FIGURES, OUT_OF_LINE, REASONS, reason_names
from etl.pipeline import ingest
from etl.review_run import apply_file
from etl.reviews import append, fold, make, read
from tests.conftest import FIXTURE_DOCS
from tests.test_aggregates import assert_in_step

PARTS = ("national", "local", "private")


def from_scratch(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """The rules of etl/doubts.py written again in pandas, over every money fact (no SQL shared with it)."""
    b = con.execute(
        "SELECT budget_id, program_id, document_id, announced_on, state, amount_krw, kind FROM budgets "
        "WHERE role = 'budget' AND amount_krw IS NOT NULL"
    ).df()
    figs = con.execute("SELECT program_id, document_id, figure_krw, total_krw FROM doc_figures").df()
    pos = figs[figs["figure_krw"] > 0].groupby("program_id")["figure_krw"]
    med = pos.median()[pos.size() >= MIN_FIGURES]
    totals = {(r.program_id, r.document_id): r.total_krw for r in figs.itertuples()}
    ev = con.execute("SELECT document_id, event_id FROM event_documents WHERE n_documents > 1").df()
    event_of = dict(zip(ev["document_id"], ev["event_id"], strict=True))
    credits: dict[tuple[str, int], set[tuple[str, str]]] = {}  # (event, amount) -> {(document, program)}
    live = b[b["program_id"].notna() & ~b["state"].isin(["rejected", "merged"])]
    for r in live.itertuples():
        if r.document_id in event_of:
            credits.setdefault((event_of[r.document_id], r.amount_krw), set()).add(
                (r.document_id, r.program_id)
            )

    def conflict(r: object) -> bool:
        mates = credits.get((event_of.get(r.document_id), r.amount_krw), set())
        mine = r.program_id if isinstance(r.program_id, str) else None
        return any(doc != r.document_id and program != mine for doc, program in mates)

    out = []
    for r in b.itertuples():
        m = med.get(r.program_id) if isinstance(r.program_id, str) else None
        total = totals.get((r.program_id, r.document_id))
        flags = [
            r.kind == "unspecified",
            not isinstance(r.program_id, str),
            m is not None and (r.amount_krw > m * OUT_OF_LINE or r.amount_krw * OUT_OF_LINE < m),
            r.kind in PARTS and total is not None and not pd.isna(total) and r.amount_krw > total,
            r.document_id in event_of and conflict(r),
        ]
        mask = sum(1 << i for i, f in enumerate(flags) if f)
        if mask:
            day = None if pd.isna(r.announced_on) else pd.Timestamp(r.announced_on).date()
            pid = r.program_id if isinstance(r.program_id, str) else None
            out.append((r.budget_id, pid, r.document_id, day, r.state, int(r.amount_krw), mask, sum(flags)))
    return sorted(out, key=repr)


def stored(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted(con.execute("SELECT * FROM fact_doubts").fetchall(), key=repr)


def assert_doubts_right(path: Path) -> list[tuple]:
    """The stored doubts equal the from-scratch ones; return them."""
    with db.connect(path, read_only=True) as con:
        kept, fresh = stored(con), from_scratch(con)
    assert kept == fresh
    return kept


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(FIXTURE_DOCS, src)
    return src


def test_reason_names_follow_the_bits() -> None:
    assert reason_names(0) == [] and reason_names(1 | 8) == [REASONS[0], REASONS[3]]
    assert reason_names(31) == list(REASONS)


def test_doubts_after_ingest_review_and_rebuild(settings: Settings, folder: Path, tmp_path: Path) -> None:
    ingest([str(folder)], settings, progress=False)
    rows = assert_doubts_right(settings.db_path)
    assert rows and {m for r in rows for m in reason_names(r[6])} >= {"no_kind"}
    with db.connect(settings.db_path, read_only=True) as con:
        top = con.execute(
            "SELECT fact_id, program_id, amount_krw FROM budgets WHERE role = 'budget' AND program_id IS NOT NULL "
            "AND amount_krw IS NOT NULL AND kind = 'total' ORDER BY amount_krw DESC, fact_id LIMIT 3"
        ).fetchall()
    reviews = tmp_path / "reviews.jsonl"
    append(reviews, make(top[0][0], "reject", {}, "a restated figure"))
    append(reviews, make(top[1][0], "set", {"kind": "unspecified"}, "the text does not say"))
    append(reviews, make(top[2][0], "set", {"amount_krw": top[2][2] * 1000}, "a unit slip"))
    with duckdb.connect(str(settings.db_path)) as con:
        assert {o.outcome for o in apply_file(con, reviews)} == {"applied"}
    after = {r[0]: r for r in assert_doubts_right(settings.db_path)}
    edited = [r for r in after.values() if r[5] == top[1][2] and r[1] == top[1][1]]
    assert any(r[6] & 1 for r in edited)  # the kind set to unspecified is a doubt now
    opts = ("--db", str(settings.db_path), "--reviews", str(reviews), "--quiet")
    assert cli_main(["ingest", str(folder), *opts, "--rebuild"]) == 0
    assert {r[0]: r for r in assert_doubts_right(settings.db_path)} == after


def test_review_pass_refreshes_only_what_it_changed(settings: Settings, folder: Path, tmp_path: Path) -> None:
    """Mixed decisions leave every derived table equal to a full rebuild; the same pass again refreshes nothing."""
    ingest([str(folder)], settings, progress=False)
    with db.connect(settings.db_path, read_only=True) as con:
        budgets = review_store.list_facts(con, "budget")
        insts = review_store.list_facts(con, "institution")
        sites = review_store.list_facts(con, "site")
        programs = review_store.list_facts(con, "program")
        [(n_docs,)] = con.execute("SELECT count(*) FROM documents").fetchall()
        # Document ids hash the (temporary) path: leave the English K-Cloud story out of every decision, so
        # the pass touches some documents and not all whatever order the ids sort in.
        [(spare,)] = con.execute(
            "SELECT document_id FROM documents WHERE source LIKE '%en_kcloud%'"
        ).fetchall()
    budgets, insts, sites = ([f for f in x if f["document_id"] != spare] for x in (budgets, insts, sites))
    money = [f for f in budgets if f["amount_krw"] and f["program"]]
    reviews = tmp_path / "reviews.jsonl"
    for review in (
        make(money[0]["fact_id"], "reject", {}, "not this program's"),
        make(money[1]["fact_id"], "set", {"amount_krw": 7, "kind": "national"}, "typo"),
        make(money[2]["fact_id"], "set", {"program": programs[0]["name"]}, "another program"),
        make(money[3]["fact_id"], "confirm", {}, "checked"),
        make(insts[0]["fact_id"], "set", {"name": insts[-1]["name"]}, "same body"),
        make(sites[0]["fact_id"], "set", {"name": "다른 이름 센터"}, "renamed"),
        make(programs[1]["fact_id"], "set", {"parent": programs[2]["name"]}, "part of it"),
    ):
        append(reviews, review)
    decisions = fold(read(reviews))
    first: dict[str, int] = {}
    again: dict[str, int] = {}
    with duckdb.connect(str(settings.db_path)) as con:
        outcomes = review_store.apply(con, decisions, "sha", first)
        assert {o.outcome for o in outcomes} == {"applied"}
        assert 1 <= first["documents"] < n_docs  # the decisions' documents, not all of them
    assert_in_step(settings.db_path, tmp_path)
    assert_doubts_right(settings.db_path)
    with duckdb.connect(str(settings.db_path)) as con:
        review_store.apply(con, decisions, "sha", again)
    assert again["documents"] == 0  # applied already: nothing changed, nothing refreshed
    assert_in_step(settings.db_path, tmp_path)
