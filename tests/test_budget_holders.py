"""A city's budget carried across sentences (etl/extract/holders.py): what breaks the carry and what does not
(continues tests/test_budget_payers.py, which is near the 400-line limit)."""

from __future__ import annotations

from etl.extract import holders
from tests.test_budget_payers import _kinds


def test_an_also_noun_or_an_embedded_subject_does_not_break_a_carried_budget() -> None:
    text = (
        "부산시는 내년 예산으로 AI 인재 양성에 120억원을 쓴다. 교통 안전망도 새로 짠다. "
        "차량이 멈추지 않도록 하는 신호 개선에 30억원, 보행 안전 시설에 5억원을 배정했다."
    )
    assert [k for _, k in _kinds(text)] == ["local"] * 3
    # a noun with 도 ('also') names an actor only when it is a known one
    assert holders._actors("교통 안전망도 새로 짠다.") == []
    assert holders._actors("정부도 예산을 늘린다.") == ["national"]
    # a subject of a clause inside a noun phrase is not the sentence's; a main-clause subject still is
    assert holders._actors("차량이 멈추지 않도록 하는 신호 개선에 30억원을 쓴다.") == []
    assert holders._actors("한빛대학교가 연구비 30억원을 낸다.") == ["other"]


def test_a_pronoun_that_spends_after_a_company_spent_is_that_company() -> None:
    text = (
        "The company will put 200 billion won into a battery plant. "
        "It will also invest 50 billion won in a test track and a further 30 billion won in training."
    )
    assert [k for _, k in _kinds(text)] == ["private"] * 3
    # after a ministry's money the pronoun names no company; a clause of another subject keeps its own payer
    text = (
        "The ministry will spend 40 billion won on the hub. It will also invest 10 billion won in training."
    )
    assert [k for _, k in _kinds(text)] == ["unspecified", "unspecified"]
    text = (
        "The company will put 200 billion won into a plant. "
        "It will invest 10 billion won in training, while the city adds 5 billion won."
    )
    assert [k for _, k in _kinds(text)][1:] == ["private", "unspecified"]


def test_money_companies_put_up_between_them_is_theirs() -> None:
    text = "The fund was set up by Samsung Electronics and SK hynix in 2020 with 60 billion won between them."
    assert _kinds(text) == [(60_000_000_000, "private")]
    # no company in the clause: the figure names no payer
    text = "The two universities set up the lab in 2020 with 6 billion won between them."
    assert _kinds(text) == [(6_000_000_000, "unspecified")]


def test_an_english_figure_per_unit_shares_its_sentences_payer() -> None:
    text = "Twelve schools will share 3.6 billion won in national funding (300 million won per school)."
    assert [k for _, k in _kinds(text)] == ["national", "national"]
