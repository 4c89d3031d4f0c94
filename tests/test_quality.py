"""The quality gate: the scorer on tiny hand-made pairs, and today's figures against the ratcheting baseline."""

from __future__ import annotations

import json

import pytest

from etl.quality import report
from etl.quality.__main__ import main
from etl.quality.run import FIXTURES, digest, load_fixtures, run_fixtures
from etl.quality.score import norm, score_all, score_document


def _b(won: int, kind: str = "national", program: str | None = "P", **kw) -> dict:
    return {"amount_krw": won, "kind": kind, "program": program, "currency": "KRW", **kw}


def test_amounts_are_a_multiset_on_exact_won() -> None:
    gold = {"budgets": [_b(100), _b(100), _b(250)]}
    pred = {"budgets": [_b(100), _b(300)]}
    s = score_document(gold, pred)
    assert (s.amounts.hit, s.amounts.pred, s.amounts.gold) == (1, 2, 3)
    assert s.amounts.precision == 0.5 and s.amounts.recall == pytest.approx(1 / 3)
    assert s.misses["amounts missed"] == ["100", "250"]
    assert s.misses["amounts extra"] == ["300"]


def test_table_cells_are_judged_whole_and_prose_rows_are_not_table_rows() -> None:
    cell = {"role": "budget", "fiscal_year": 2025, "table_cell": [0, 1, 1]}
    gold = {"table_budgets": [_b(100, **cell), _b(200, kind="total", **cell)]}
    pred = {"budgets": [_b(100, **cell), _b(200, **cell), _b(300)]}  # 200 has the wrong kind; 300 is prose
    s = score_document(gold, pred)
    assert (s.table_amounts.hit, s.table_amounts.pred, s.table_amounts.gold) == (1, 2, 2)
    assert s.misses["table cells missed"] == ["200 total budget 2025"]
    assert (
        score_document({}, {"budgets": [_b(300)]}).table_amounts.precision == 1.0
    )  # no table, nothing to judge


def test_range_high_bound_is_an_expected_value() -> None:
    gold = {"budgets": [_b(3, low=3, high=4)]}
    assert score_document(gold, {"budgets": [_b(3)]}).amounts.recall == 0.5
    assert score_document(gold, {"budgets": [_b(3, low=3, high=4)]}).amounts.recall == 1.0


def test_foreign_currency_rows_are_not_won() -> None:
    pred = {"budgets": [{"amount_krw": None, "currency": "USD", "kind": None}]}
    assert score_document({"budgets": []}, pred).amounts.pred == 0


def test_kind_and_link_are_judged_on_matched_amounts_only() -> None:
    gold = {"budgets": [_b(1, "total", "A"), _b(2, "local", None), _b(9)]}
    pred = {"budgets": [_b(1, "national", "a"), _b(2, "local", "B")]}
    s = score_document(gold, pred)
    assert (s.kind.hit, s.kind.gold) == (1, 2)
    assert (s.link.hit, s.link.gold) == (1, 2)  # 'a' equals 'A' after case folding; None ≠ 'B'


def test_pairing_prefers_rows_that_agree() -> None:
    gold = {"budgets": [_b(5, "local"), _b(5, "national")]}
    pred = {"budgets": [_b(5, "national"), _b(5, "local")]}
    assert score_document(gold, pred).kind.accuracy == 1.0


def test_role_is_n_a_until_the_extractor_emits_it() -> None:
    gold = {"budgets": [_b(1, role="budget")]}
    assert not score_document(gold, {"budgets": [_b(1)]}).role.measured
    s = score_document(gold, {"budgets": [_b(1, role="cap")]})
    assert s.role.measured and s.role.accuracy == 0.0


def test_institutions_match_canonical_name_or_alias() -> None:
    gold = {"institutions": [{"name": "충남대학교", "aliases": ["충남대"]}, {"name": "공주대학교"}]}
    pred = {
        "institutions": [
            {"name": "충남 대학교"},
            {"name": "X", "aliases_seen": ["공주대학교"]},
            {"name": "동구"},
        ]
    }
    s = score_document(gold, pred)
    assert (s.institutions.hit, s.institutions.pred, s.institutions.gold) == (2, 3, 2)
    assert s.misses["institutions extra"] == ["동구"]


def test_sites_match_by_containment() -> None:
    gold = {"sites": [{"name": "부산 제조 AI 실증센터"}, {"name": "첨단3지구"}]}
    pred = {"sites": [{"name": "제조 AI 실증센터"}]}
    s = score_document(gold, pred)
    assert s.sites.recall == 0.5 and s.sites.precision == 1.0


def test_countries_and_mentioned() -> None:
    gold = {"countries": ["US"], "countries_mentioned": ["CN"]}
    s = score_document(gold, {"countries": ["US", "CN"]})
    assert s.countries.precision == 0.5 and s.countries.recall == 1.0
    assert not s.countries_mentioned.measured
    assert (
        score_document(gold, {"countries": ["US"], "countries_mentioned": ["CN"]}).countries_mentioned.f1 == 1
    )


def test_micro_average_and_date() -> None:
    a = (
        {"budgets": [_b(1)], "published_on": "2024-01-02"},
        {"budgets": [_b(1)], "published_on": "2024-01-02"},
    )
    b = ({"budgets": [_b(2), _b(3), _b(4)]}, {"budgets": [], "published_on": "2024-01-01"})
    s = score_all([a, b])
    assert s.amounts.recall == 0.25 and s.date.accuracy == 0.5


def test_norm_drops_spaces_dots_and_case() -> None:
    assert norm("Ministry of Science·ICT") == norm("ministryofscienceict")


def test_baseline_only_rises() -> None:
    assert report.raised({"a": 0.5, "b": 0.9}, {"a": 0.6, "b": 0.8}) == {"a": 0.6, "b": 0.9}
    assert report.regressions({"a": 0.5, "b": None}, {"a": 0.6, "b": 0.1}) == [
        "a: 0.500 < baseline 0.600",
        "b: n/a < baseline 0.100",
    ]


@pytest.fixture(scope="module")
def quality_run():
    """One extractor pass over every fixture, shared by the tests below (Kiwi is built once)."""
    return run_fixtures()


def test_update_baseline_refuses_to_lower(tmp_path, capsys, monkeypatch, quality_run) -> None:
    monkeypatch.setattr("etl.quality.__main__.run_fixtures", lambda folder: quality_run)
    path = tmp_path / "base.json"
    fx_digest = digest(quality_run.fixtures)
    path.write_text(json.dumps({"fixtures_digest": fx_digest, "figures": {"amounts.f1": 1.01}}))
    assert main(["--baseline", str(path), "--update-baseline"]) == 1  # still below the kept 1.01
    assert json.loads(path.read_text())["figures"]["amounts.f1"] == 1.01
    assert main(["--baseline", str(path), "--update-baseline", "--rebase"]) == 1  # same set: refused
    capsys.readouterr()


def test_figures_do_not_drop_below_baseline(quality_run) -> None:
    """The gate: any figure below tests/quality_baseline.json fails; the fixture set must be the measured one."""
    run = quality_run
    assert not run.errors, run.errors
    base = report.load_baseline()
    assert base["fixtures_digest"] == digest(run.fixtures), "fixtures changed: run --update-baseline --rebase"
    now = report.figures(score_all([(f.gold, p) for f, p in zip(run.fixtures, run.preds, strict=True)]))
    assert report.regressions(now, base["figures"]) == []


def test_every_fixture_has_a_source_url() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for f in load_fixtures():
        assert f.gold.get("source_url", "").startswith("http"), f.name
        assert f.gold["source_url"] in readme, f"{f.name}: source not listed in README"


def test_a_link_is_right_when_the_loader_would_merge_the_two_names() -> None:
    """Program links meet on the key the loader merges programs under (etl.normalize.program_key)."""
    gold = {"budgets": [_b(1, program="AI 기술실증 테스트베드 조성 사업"), _b(2, program="AI 바우처")]}
    pred = {
        "budgets": [_b(1, program="인공지능(AI) 기술 실증 테스트베드 조성 사업"), _b(2, program="AI 반도체")]
    }
    s = score_document(gold, pred)
    assert (s.link.hit, s.link.gold) == (1, 2)


def test_agreement_pairs_rows_by_won_and_counts_each_field(tmp_path) -> None:
    """etl.quality.agreement: two annotators' rows paired by won value; kind, role and program counted apart."""
    from etl.quality.agreement import agreement, measure

    a = [{"amount_krw": 10**10, "kind": "national", "role": "budget", "program": "가 사업"},
         {"amount_krw": 5 * 10**9, "kind": "local", "role": "budget", "program": None}]  # fmt: skip
    b = [{"amount_krw": 5 * 10**9, "kind": "local", "role": "change", "program": None},
         {"amount_krw": 10**10, "kind": "total", "role": "budget", "program": "가사업"}]  # fmt: skip
    assert agreement(a, b) == (1, 1, 2, 2)  # program names compared as the loader merges them
    (tmp_path / "p.txt").write_text("가 사업에 국비 100억원을 쓴다.", encoding="utf-8")
    (tmp_path / "p.gold.json").write_text(json.dumps({"source_url": "x", "budgets": a[:1]}), encoding="utf-8")
    second = tmp_path / "second"
    second.mkdir()
    (second / "p.second.json").write_text(json.dumps({"budgets": b[1:]}), encoding="utf-8")
    got = measure(tmp_path, second)
    assert got["annotator A vs annotator B"] == (0, 1, 1, 1)
    assert got["extractor vs A"][3] == 1  # the extractor's 100억원 is paired with the gold row
