"""The Review page: facts the rules doubt, with why; a decision taken on the page lands in the reviews file and
in the database, exactly as `python -m etl review` would; a read-only view has no decision control."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.config import ROOT, Settings
from etl.pipeline import ingest

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
PAGE = str(ROOT / "pages" / "6_Review.py")


@pytest.fixture
def review_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_streamlit_caches: None) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURE_DOCS, folder)
    path = tmp_path / "r.duckdb"
    ingest([str(folder)], Settings(db_path=path), progress=False)
    monkeypatch.setenv("POLICY_DB", str(path))
    monkeypatch.setenv("POLICY_REVIEWS", str(tmp_path / "reviews.jsonl"))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    return path


def test_read_only_lists_the_doubts_but_offers_no_decision(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POLICY_ALLOW_WRITE", raising=False)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert len(frame) > 0 and frame["reasons"].str.len().min() > 0
    assert not at.get("form") and any("read-only" in c.value for c in at.caption)


def test_a_rejection_on_the_page_is_recorded_and_applied(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    fact_id = at.selectbox(key="review_fact").value
    at.radio(key="review_action").set_value("reject")
    at.text_input(key="review_why").input("another body's money")
    at.button[0].click()
    at.run()
    assert not at.exception and at.success
    line = json.loads(
        Path(str(review_db.parent / "reviews.jsonl")).read_text(encoding="utf-8").splitlines()[-1]
    )
    assert line["fact_id"] == fact_id and line["action"] == "reject"
    with duckdb.connect(str(review_db), read_only=True) as con:
        assert (
            con.execute("SELECT state FROM budgets WHERE fact_id = ?", [fact_id]).fetchone()[0] == "rejected"
        )


def test_a_program_merge_on_the_page_is_recorded_and_applied(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    with duckdb.connect(str(review_db), read_only=True) as con:
        ids = dict(con.execute("SELECT name, program_id FROM programs").fetchall())
    victim, target = ids["K-Cloud Technology Development Project"], ids["K-클라우드 프로젝트"]
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    at.selectbox(key="merge_program").set_value(victim)
    at.selectbox(key="merge_into").set_value(target)
    at.text_input(key="merge_why").input("the English name of the same project")
    at.button[1].click()
    at.run()
    assert not at.exception and at.success
    line = json.loads(
        Path(str(review_db.parent / "reviews.jsonl")).read_text(encoding="utf-8").splitlines()[-1]
    )
    assert line == {**line, "fact_id": f"p-{victim}", "action": "set", "fields": {"merge_into": target}}
    with duckdb.connect(str(review_db), read_only=True) as con:
        assert not con.execute("SELECT count(*) FROM programs WHERE program_id = ?", [victim]).fetchone()[0]
        assert con.execute(
            "SELECT into_id, state FROM program_merges WHERE program_id = ?", [victim]
        ).fetchone() == (target, "merged")


def test_a_program_merge_into_itself_is_one_line_of_error(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    same = at.selectbox(key="merge_program").value
    at.selectbox(key="merge_into").set_value(same)
    at.button[1].click()
    at.run()
    assert not at.exception and len(at.error) == 1 and "itself" in at.error[0].value
    assert not (review_db.parent / "reviews.jsonl").exists()
