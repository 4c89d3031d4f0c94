"""Issue #12: reviewed facts survive re-ingest and --rebuild; a decision whose fact is gone is reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.cli import main as cli_main
from etl.reviews import ReviewError, fold, make, parse_value
from tests.conftest import FIXTURE_DOCS

SEED = "ko_kcloud_2023-02-15.txt"


def facts(db: Path, kind: str) -> list[dict]:
    from etl import review_store

    with duckdb.connect(str(db), read_only=True) as con:
        return review_store.list_facts(con, kind)


def run(*args: str) -> int:
    return cli_main(list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (
        "ko_kcloud_2023-02-15.txt",
        "en_ai_research_lab_2024-10-28.txt",
        "ko_gwangju_2022-01-24.html",
    ):
        shutil.copy(FIXTURE_DOCS / name, folder / name)
    return folder


def test_reviews_survive_rebuild_and_a_removed_fact_is_orphaned(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, reviews = tmp_path / "p.duckdb", tmp_path / "reviews.jsonl"
    opts = ("--db", str(db), "--reviews", str(reviews))
    assert run("ingest", str(corpus), *opts, "--quiet") == 0
    budgets = facts(db, "budget")
    edit, drop = budgets[0], budgets[1]
    by_doc: dict[str, list[dict]] = {}
    for f in facts(db, "institution"):
        by_doc.setdefault(f["document_id"], []).append(f)
    insts = max(by_doc.values(), key=len)
    assert len(insts) >= 2
    programs = facts(db, "program")
    child, parent = programs[0], programs[1]
    assert (
        run("review", "set", edit["fact_id"], "amount_krw=123456789", "kind=national", "--why", "typo", *opts)
        == 0
    )
    assert run("review", "reject", drop["fact_id"], "--why", "a market size", *opts) == 0
    assert (
        run("review", "set", insts[0]["fact_id"], f"name={insts[1]['name']}", "--why", "same body", *opts)
        == 0
    )
    assert (
        run("review", "set", child["fact_id"], f"parent={parent['name']}", "--why", "part of it", *opts) == 0
    )
    lines = [json.loads(x) for x in reviews.read_text(encoding="utf-8").splitlines()]
    assert [x["action"] for x in lines] == ["set", "reject", "set", "set"] and all(
        x["who"] and x["at"] for x in lines
    )

    def check() -> None:
        by_id = {f["fact_id"]: f for f in facts(db, "budget")}
        assert (by_id[edit["fact_id"]]["amount_krw"], by_id[edit["fact_id"]]["kind"]) == (
            123456789,
            "national",
        )
        assert by_id[edit["fact_id"]]["state"] == "edited" and by_id[drop["fact_id"]]["state"] == "rejected"
        merged = {f["fact_id"]: f for f in facts(db, "institution")}[insts[0]["fact_id"]]
        assert merged["state"] == "merged" or merged["name"] == insts[1]["name"]
        assert {f["fact_id"]: f for f in facts(db, "program")}[child["fact_id"]]["parent"] == parent["name"]

    check()
    assert run("ingest", str(corpus), *opts, "--rebuild", "--quiet") == 0
    check()  # every decision applied again on a database built from nothing
    # The document of the edited amount goes away: its decisions are orphaned and said so, not dropped.
    doc_of = {f["fact_id"]: f["document_id"] for f in budgets}
    with duckdb.connect(str(db), read_only=True) as con:
        source = con.execute(
            "SELECT source FROM documents WHERE document_id = ?", [doc_of[edit["fact_id"]]]
        ).fetchone()[0]
    Path(source).unlink()
    capsys.readouterr()
    assert run("ingest", str(corpus), *opts, "--quiet") == 0
    assert f"review {edit['fact_id']}" in capsys.readouterr().err
    assert run("review", "list", "--problems", *opts) == 0
    problems = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert edit["fact_id"] in {p["fact_id"] for p in problems}
    assert all(p["outcome"] == "orphaned" for p in problems if p["fact_id"] == edit["fact_id"])


def test_a_decision_about_an_unknown_fact_or_field_is_refused(corpus: Path, tmp_path: Path) -> None:
    db, reviews = tmp_path / "p.duckdb", tmp_path / "reviews.jsonl"
    opts = ("--db", str(db), "--reviews", str(reviews))
    assert run("ingest", str(corpus), *opts, "--quiet") == 0
    assert run("review", "confirm", "b-0000000000000000", *opts) == 2
    fid = facts(db, "budget")[0]["fact_id"]
    assert run("review", "set", fid, "colour=red", "--why", "x", *opts) == 2
    assert run("review", "set", fid, "kind=plenty", "--why", "x", *opts) == 2
    assert not reviews.exists()  # nothing refused was written


def test_later_lines_override_earlier_ones() -> None:
    lines = [
        make("b-1", "reject", {}, "wrong"),
        make("b-1", "set", {"kind": "local"}, "actually local"),
        make("b-1", "set", {"amount_krw": 5}, "and the amount"),
        make("i-2", "confirm", {}, ""),
    ]
    folded = fold(lines)
    assert folded["b-1"].state == "edited" and folded["b-1"].fields == {"kind": "local", "amount_krw": 5}
    assert folded["i-2"].state == "confirmed" and folded["b-1"].lines == [0, 0, 0]


def test_values_are_read_as_their_field_wants() -> None:
    assert parse_value("budget", "amount_krw", "44,000,000,000") == 44_000_000_000
    assert parse_value("budget", "fiscal_year", "null") is None
    assert parse_value("site", "lat", "37.5") == 37.5
    for fact, name, value in (
        ("budget", "kind", "plenty"),
        ("budget", "amount_krw", "lots"),
        ("site", "x", "1"),
    ):
        with pytest.raises(ReviewError):
            parse_value(fact, name, value)
    with pytest.raises(ReviewError):
        make("b-1", "reject", {}, "  ")  # a rejection says why


def test_rejected_money_and_merged_institutions_are_not_counted(corpus: Path, tmp_path: Path) -> None:
    from etl.reviews import append
    from ui import queries
    from ui.filters import Filters

    db, reviews = tmp_path / "p.duckdb", tmp_path / "reviews.jsonl"
    opts = ("--db", str(db), "--reviews", str(reviews))
    assert run("ingest", str(corpus), *opts, "--quiet") == 0

    def overview() -> tuple[int, int]:
        with duckdb.connect(str(db), read_only=True) as con:
            m = queries.overview_metrics(con, filters=Filters()).iloc[0]
        return (0 if pd.isna(m["total_krw"]) else int(m["total_krw"])), int(m["n_institutions"])

    total, n_inst = overview()
    assert total > 0 and n_inst > 1
    for fact in facts(db, "budget"):
        append(reviews, make(fact["fact_id"], "reject", {}, "test: none of it counts"))
    for fact in facts(db, "institution"):
        append(reviews, make(fact["fact_id"], "reject", {}, "test"))
    assert run("review", "apply", *opts) == 0
    assert overview() == (0, 0)
    states = {f["state"] for f in facts(db, "budget")}
    assert states == {"rejected"}  # kept, shown with their state, never counted


def test_a_fact_without_an_id_is_a_one_line_error_not_a_crash() -> None:
    """A fact loaded before ids existed (or a synthetic one) cannot be reviewed: the page shows why."""
    from etl.reviews import ReviewError, make

    with pytest.raises(ReviewError, match="no id"):
        make(None, "confirm", {}, "")  # type: ignore[arg-type]
