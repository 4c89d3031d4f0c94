"""Issue #12 item 4: one program across languages and names. A program merged into another by review stays
merged through re-ingest and --rebuild (and is orphaned, not dropped, when either side is gone); the twin rule
proposes (or, asked to, makes) the merge of a Korean release's program and an English article's, never of a
parent and child that share one figure, and an analyst's rejection keeps the two apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.cli import main as cli_main
from tests.conftest import FIXTURE_DOCS
from tests.test_aggregates import assert_in_step

TWINS = FIXTURE_DOCS.parent / "twins"
KO, EN, EN_FUND = (
    "ko_chip_support_2024-05-23.txt",
    "en_chip_support_2024-05-24.txt",
    "en_chip_fund_2024-05-24.txt",
)
PLAN, PROGRAM, FUND = (
    "반도체 생태계 종합지원 추진방안",
    "Semiconductor Ecosystem Support Program",
    "Semiconductor Ecosystem Fund",
)


def run(*args: str) -> int:
    return cli_main(list(args))


def programs(capsys: pytest.CaptureFixture[str], *opts: str) -> dict[str, dict]:
    """`review list --type program`, by name."""
    capsys.readouterr()
    assert run("review", "list", "--type", "program", *opts) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    return {r["name"]: r for r in rows}


def problems(capsys: pytest.CaptureFixture[str], *opts: str) -> dict[str, dict]:
    capsys.readouterr()
    assert run("review", "list", "--problems", *opts) == 0
    return {r["fact_id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}


def program_of(db: Path, source_part: str) -> set[str]:
    """The programs the budget rows of a document are credited to."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT DISTINCT p.name FROM budgets b JOIN documents d USING (document_id) "
            "JOIN programs p USING (program_id) WHERE d.source LIKE ?",
            [f"%{source_part}%"],
        ).fetchall()
    return {r[0] for r in rows}


def folder_of(tmp_path: Path, base: Path, *names: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(base / name, folder / name)
    return folder


def test_a_merge_by_review_survives_rebuild_and_either_side_gone_is_orphaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kcloud, en_kcloud, farm = (
        "K-클라우드 프로젝트",
        "K-Cloud Technology Development Project",
        "AI 반도체 팜 구축 및 실증",
    )
    folder = folder_of(tmp_path, FIXTURE_DOCS, "ko_kcloud_2023-02-15.txt", "en_kcloud_2024-06-26.txt")
    db, reviews = tmp_path / "p.duckdb", tmp_path / "reviews.jsonl"
    opts = ("--db", str(db), "--reviews", str(reviews))
    assert run("ingest", str(folder), *opts, "--quiet") == 0
    before = programs(capsys, *opts)
    victim, target = before[en_kcloud]["fact_id"], before[kcloud]["fact_id"]
    # Into itself, or into its own descendant: one line, nothing recorded.
    assert (
        run("review", "set", before[farm]["fact_id"], f"parent={kcloud}", "--why", "a line of it", *opts) == 0
    )
    capsys.readouterr()
    assert run("review", "set", target, f"merge_into={target}", "--why", "x", *opts) == 2
    assert run("review", "set", target, f"merge_into={farm}", "--why", "x", *opts) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "itself" in err[0] and "descendant" in err[1]
    assert run("review", "set", victim, f"merge_into={kcloud}", "--why", "one project", *opts) == 0

    def check() -> None:
        rows = programs(capsys, *opts)
        assert rows[en_kcloud]["state"] == "merged" and rows[en_kcloud]["merge_into"] == kcloud
        assert rows[en_kcloud]["merge_source"] == "review" and rows[kcloud]["name_en"] == "K-Cloud Project"
        assert program_of(db, "en_kcloud") == {kcloud} and rows[farm]["parent"] == kcloud
        assert not problems(capsys, *opts)
        assert_in_step(db, tmp_path)

    check()
    capsys.readouterr()
    assert run("ingest", str(folder), *opts, "--quiet") == 0  # nothing new: the same pass again
    assert "warning" not in capsys.readouterr().err
    check()
    assert run("ingest", str(folder), *opts, "--rebuild", "--quiet") == 0
    check()
    # The target's document goes: the merge has nothing to merge into, and says so.
    (folder / "ko_kcloud_2023-02-15.txt").unlink()
    assert run("ingest", str(folder), *opts, "--rebuild", "--quiet") == 0
    gone = problems(capsys, *opts)[victim]
    assert gone["outcome"] == "orphaned" and kcloud in gone["message"]
    assert program_of(db, "en_kcloud") == {en_kcloud}
    # The merged program's own document goes: orphaned as well.
    (folder / "en_kcloud_2024-06-26.txt").unlink()
    shutil.copy(FIXTURE_DOCS / "ko_kcloud_2023-02-15.txt", folder)
    assert run("ingest", str(folder), *opts, "--rebuild", "--quiet") == 0
    assert problems(capsys, *opts)[victim]["outcome"] == "orphaned"


def test_twins_are_proposed_merged_when_asked_and_stay_apart_once_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_of(tmp_path, TWINS, KO, EN)
    db, reviews = tmp_path / "t.duckdb", tmp_path / "reviews.jsonl"
    opts = ("--db", str(db), "--reviews", str(reviews))
    assert run("ingest", str(folder), *opts, "--quiet") == 0
    rows = programs(capsys, *opts)
    proposal = rows[PROGRAM]
    assert (proposal["merge"], proposal["merge_into"], proposal["merge_source"]) == (
        "proposed",
        PLAN,
        "twins",
    )
    assert "1 days apart" in proposal["merge_why"] and "17,000,000,000,000" in proposal["merge_why"]
    assert program_of(db, "en_chip") == {PROGRAM}  # proposed only

    assert run("ingest", str(folder), *opts, "--merge-twins", "--quiet") == 0  # the same inputs, now merged
    rows = programs(capsys, *opts)
    assert rows[PROGRAM]["state"] == "merged" and rows[PROGRAM]["merge_into"] == PLAN
    assert rows[PLAN]["name_en"] == PROGRAM and program_of(db, "en_chip") == {PLAN}
    assert_in_step(db, tmp_path)

    # An analyst turns it down: applied at the next rebuild, after which the rule leaves the two apart.
    assert run("review", "reject", rows[PROGRAM]["fact_id"], "--why", "not the same", *opts) == 1
    assert run("ingest", str(folder), *opts, "--rebuild", "--merge-twins", "--quiet") == 0
    rows = programs(capsys, *opts)
    assert rows[PROGRAM]["merge"] == "rejected" and program_of(db, "en_chip") == {PROGRAM}
    assert not problems(capsys, *opts)


def test_a_confirmed_proposal_merges_and_an_ancestor_is_never_a_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_of(tmp_path, TWINS, KO, EN)
    db = tmp_path / "c.duckdb"
    opts = ("--db", str(db), "--reviews", str(tmp_path / "reviews.jsonl"))
    assert run("ingest", str(folder), *opts, "--quiet") == 0
    rows = programs(capsys, *opts)
    assert run("review", "confirm", rows[PROGRAM]["fact_id"], *opts) == 0
    assert programs(capsys, *opts)[PROGRAM]["state"] == "merged"

    other = ("--db", str(tmp_path / "a.duckdb"), "--reviews", str(tmp_path / "parent.jsonl"))
    assert run("ingest", str(folder), *other, "--quiet") == 0
    assert (
        run("review", "set", rows[PROGRAM]["fact_id"], f"parent={PLAN}", "--why", "a part of it", *other) == 0
    )
    assert run("ingest", str(folder), *other, "--rebuild", "--merge-twins", "--quiet") == 0
    rows = programs(capsys, *other)
    assert rows[PROGRAM]["merge"] is None and rows[PROGRAM]["parent"] == PLAN


def test_a_parent_and_child_sharing_one_figure_are_not_twins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_of(tmp_path, TWINS, KO, EN_FUND)
    db = tmp_path / "n.duckdb"
    opts = ("--db", str(db), "--reviews", str(tmp_path / "reviews.jsonl"))
    assert run("ingest", str(folder), *opts, "--merge-twins", "--quiet") == 0
    with duckdb.connect(str(db), read_only=True) as con:
        shared = con.execute(
            "SELECT count(DISTINCT p.name) FROM budgets b JOIN programs p USING (program_id) "
            "WHERE b.amount_krw = 1100000000000"
        ).fetchone()[0]
    assert shared == 2  # the rule had the pair in front of it: one figure, within the window, same ministry
    rows = programs(capsys, *opts)
    assert rows[FUND]["merge"] is None and rows[PLAN]["merge"] is None
    assert program_of(db, "en_chip_fund") == {FUND}
