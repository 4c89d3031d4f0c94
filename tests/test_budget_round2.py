"""Payer rules of the second short round (kind6): sentences written by us, none copied from a fixture."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.budgets import extract_budgets
from etl.nlp import split_sentences

PUB = date(2026, 1, 1)


def _kinds(text: str) -> list[str]:
    return [b.kind for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw]


def test_an_education_office_spending_its_own_budget_makes_the_amount_local() -> None:
    assert _kinds("강원교육청은 올해 디지털 교과서 예산으로 47억원을 편성했다.") == ["local"]


def test_a_total_restated_with_one_payers_kind_is_one_row_of_that_payer() -> None:
    text = (
        "부산시 AI 실증 예산 60억원 확정. "
        "시는 장비비 40억원에 운영비 20억원을 더해 모두 60억원을 편성했다. "
        "이번 시비 60억원은 상반기에 집행된다."
    )
    rows = [(b.amount_krw, b.kind) for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw]
    assert rows.count((6_000_000_000, "local")) == 1 and all(
        v != 6_000_000_000 or k == "local" for v, k in rows
    )


def test_an_education_office_as_a_shares_label_makes_it_local() -> None:
    text = "AI 교과서 예산은 충남교육청(약 84억원), 광주교육청(약 37억원) 순으로 많았다."
    assert _kinds(text) == ["local", "local"]
    assert _kinds("부산교육청 약 62억원, 제주교육청 9억원") == ["local", "local"]


@pytest.mark.parametrize(
    "text",
    [
        "예결위 심사에서 드론 실증 사업에 12억원이 더 반영됐다.",
        "환경 분야에서는 27억원이 추가 반영됐다.",
        "두 사업 모두 8억원이 각각 깎였다.",
    ],
)
def test_an_addition_or_cut_said_after_the_amount_is_a_change(text: str) -> None:
    assert [b.role for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw] == ["change"]


def test_companies_that_attract_investment_are_no_payer() -> None:
    rows = extract_budgets(split_sentences("작년 참여 기업이 유치한 투자금은 모두 820억원이었다."), PUB)
    assert [(b.kind, b.role) for b in rows if b.amount_krw] == [("total", "investment")]
    rows = extract_budgets(split_sentences("기업들은 올해 스마트공장에 90억원을 투자한다."), PUB)
    assert [(b.kind, b.role) for b in rows if b.amount_krw] == [("private", "investment")]


def test_an_english_economic_output_figure_is_other() -> None:
    text = "The new port is expected to add 600 billion won of economic output by 2030."
    assert [b.role for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw] == ["other"]
