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


def _program_ids(db: Path) -> dict[str, str]:
    """Program name → id in the test database."""
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT name, program_id FROM programs").fetchall())


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
    ids = _program_ids(review_db)
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


# ---- the same decisions on the page where a fact is shown (issue 12: "on the page where it is shown") --------

BUDGETS, PROGRAMS, SITES = (str(ROOT / "pages" / p) for p in ("1_Budgets.py", "2_Programs.py", "4_Sites.py"))


def _submit(at: AppTest, n_forms: int = 1, which: int = 0) -> None:
    """Press the `which`th of the page's `n_forms` 'Record and apply' buttons and rerun."""
    buttons = [b for b in at.button if b.label in ("Record and apply", "기록하고 적용")]
    assert len(buttons) == n_forms
    buttons[which].click()
    at.run()


def _last_decision(review_db: Path) -> dict:
    lines = (review_db.parent / "reviews.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[-1])


@pytest.mark.parametrize("page", [BUDGETS, PROGRAMS, SITES])
def test_a_read_only_page_has_no_review_form(
    review_db: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.delenv("POLICY_ALLOW_WRITE", raising=False)
    at = AppTest.from_file(page, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["budget_statements_open"] = "1"  # Budgets: the folded statements' table, open
    at.query_params["program_list"] = "budgets"  # Programs: a list of facts, not the revisions chart
    at.run()
    assert not at.exception and not at.get("form")
    assert not [b for b in at.button if b.label == "Record and apply"]


def test_a_budget_row_is_corrected_under_the_budgets_table(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = AppTest.from_file(BUDGETS, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["budget_statements_open"] = "1"  # the statements' table (and its form) is folded
    at.run()
    assert not at.exception
    fact_id = at.selectbox(key="budget_review_fact").value
    at.radio(key="budget_review_action").set_value("set")
    at.selectbox(key="budget_review_kind").set_value("local")
    at.number_input(key="budget_review_fiscal_year").set_value(2027)
    at.text_input(key="budget_review_why").input("the city's share, for 2027")
    _submit(at)
    assert not at.exception and at.success
    decision = _last_decision(review_db)
    assert decision["fact_id"] == fact_id and decision["fields"] == {"kind": "local", "fiscal_year": 2027}
    with duckdb.connect(str(review_db), read_only=True) as con:
        row = con.execute(
            "SELECT kind, fiscal_year, state FROM budgets WHERE fact_id = ?", [fact_id]
        ).fetchone()
    assert row == ("local", 2027, "edited")


def test_a_budget_row_is_linked_to_another_program_or_to_none(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    with duckdb.connect(str(review_db), read_only=True) as con:
        target = con.execute("SELECT program_id FROM programs WHERE name = 'AI 바우처 지원사업'").fetchone()[
            0
        ]
    at = AppTest.from_file(BUDGETS, default_timeout=60)
    at.query_params["budget_statements_open"] = "1"  # the statements' table (and its form) is folded
    at.run()
    fact_id = at.selectbox(key="budget_review_fact").value
    at.radio(key="budget_review_action").set_value("set")
    at.selectbox(key="budget_review_program").set_value(target)
    _submit(at)
    assert not at.exception and at.success
    assert _last_decision(review_db)["fields"] == {"program": target}
    with duckdb.connect(str(review_db), read_only=True) as con:
        assert (
            con.execute("SELECT program_id FROM budgets WHERE fact_id = ?", [fact_id]).fetchone()[0] == target
        )


def test_a_program_gets_a_parent_and_an_english_name_on_its_page(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    ids = _program_ids(review_db)
    child, parent = ids["AI 바우처 지원사업"], ids["광주 인공지능 중심 산업융합 집적단지 조성사업"]
    at = AppTest.from_file(PROGRAMS, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["id"] = child
    at.run()
    assert not at.exception
    at.selectbox(key="program_review_parent").set_value(parent)
    at.text_input(key="program_review_name_en").input("AI Voucher Program")
    at.text_input(key="program_review_why").input("a line of the Gwangju cluster's budget")
    _submit(at)
    assert not at.exception and at.success
    decision = _last_decision(review_db)
    assert decision["fact_id"] == f"p-{child}"
    assert decision["fields"] == {"parent": parent, "name_en": "AI Voucher Program"}
    with duckdb.connect(str(review_db), read_only=True) as con:
        row = con.execute("SELECT parent_id, name_en FROM programs WHERE program_id = ?", [child]).fetchone()
    assert row == (parent, "AI Voucher Program")


def test_a_program_is_merged_from_its_own_page(review_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    ids = _program_ids(review_db)
    victim, target = ids["K-Cloud Technology Development Project"], ids["K-클라우드 프로젝트"]
    at = AppTest.from_file(PROGRAMS, default_timeout=60)
    at.query_params["id"] = victim
    at.run()
    at.selectbox(key="program_review_merge_into").set_value(target)
    _submit(at)
    assert not at.exception and at.success
    assert _last_decision(review_db)["fields"] == {"merge_into": target}
    with duckdb.connect(str(review_db), read_only=True) as con:
        assert not con.execute("SELECT count(*) FROM programs WHERE program_id = ?", [victim]).fetchone()[0]


def test_a_program_form_with_nothing_changed_records_nothing(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = AppTest.from_file(PROGRAMS, default_timeout=60)
    at.run()
    _submit(at)
    assert not at.exception and len(at.error) == 1
    assert not (review_db.parent / "reviews.jsonl").exists()


def test_an_institution_named_in_a_program_is_renamed_in_the_program_list(
    review_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'institution merge/rename': a participation set to another institution's name moves to it."""
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    with duckdb.connect(str(review_db), read_only=True) as con:
        pid = con.execute("SELECT program_id FROM programs WHERE name = '국가 AI 연구거점'").fetchone()[0]
    at = AppTest.from_file(PROGRAMS, default_timeout=60)
    at.query_params["id"] = pid
    at.query_params["program_list"] = "institutions"
    at.run()
    assert not at.exception
    fact_id = at.selectbox(key="program_institutions_review_fact").value
    at.radio(key="program_institutions_review_action").set_value("set")
    at.text_input(key="program_institutions_review_name").input("한국과학기술원")
    at.selectbox(key="program_institutions_review_role").set_value("participant")
    _submit(at, n_forms=2, which=1)  # the program's own form comes first
    assert not at.exception and at.success
    assert _last_decision(review_db)["fields"] == {"name": "한국과학기술원", "role": "participant"}
    with duckdb.connect(str(review_db), read_only=True) as con:
        name, role = con.execute(
            "SELECT i.name, pa.role FROM participations pa JOIN institutions i USING (institution_id) "
            "WHERE pa.fact_id = ?",
            [fact_id],
        ).fetchone()
    assert role == "participant" and name in ("KAIST", "한국과학기술원")


def test_a_site_is_placed_under_the_sites_table(review_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = AppTest.from_file(SITES, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    fact_id = at.selectbox(key="site_review_fact").value
    at.radio(key="site_review_action").set_value("set")
    at.number_input(key="site_review_lat").set_value(37.4687)
    at.number_input(key="site_review_lon").set_value(127.0389)
    _submit(at)
    assert not at.exception and at.success
    assert _last_decision(review_db)["fields"] == {"lat": 37.4687, "lon": 127.0389}
    with duckdb.connect(str(review_db), read_only=True) as con:
        row = con.execute("SELECT lat, lon, state FROM sites WHERE fact_id = ?", [fact_id]).fetchone()
    assert row == (pytest.approx(37.4687), pytest.approx(127.0389), "edited")
