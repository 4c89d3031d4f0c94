"""Whose money a figure is: payers read after the total, markers, a city's budget carried across sentences, shares of one source (the money reader and the first kind rules are in tests/test_budgets.py)."""

from __future__ import annotations

import pytest

from etl.extract.budgets import extract_budgets
from etl.nlp import split_sentences
from tests.test_budgets import PUB, roles

# --- whose money: payers after the total, markers, carries across sentences, shares ---


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a total that is one source's money
        ("산업부는 10곳에 모두 1400억 원의 국비를 지원한다.", ["national"]),
        ("정부는 총 300억원의 시비와 국비를 모은다.", ["total"]),  # 의 then another word: still the total
        # a sentence about one source of money
        ("지방비는 국비의 40% 이상이어서, 한 곳마다 56억 원 이상이 더 들어간다.", ["local"]),
        ("지역개발기금은 캠퍼스 조성에 21억원, 공간 조성에 6억원이 들어간다.", ["local", "local"]),
        ("사업비는 캠퍼스 조성에 21억원이 들어간다.", ["unspecified"]),
        # the government or a ministry putting the money in
        ("과기정통부는 권역마다 해마다 50억원을 지원해 센터를 만든다.", ["national"]),
        ("대학은 해마다 50억원을 지원해 센터를 만든다.", ["unspecified"]),
        ("과기정통부는 이 사업에 50억원이 든다고 밝혔다.", ["unspecified"]),  # no verb of putting money in
    ],
)
def test_whose_money_from_a_source_after_the_total_the_topic_or_the_government_as_payer(
    text: str, kinds: list[str]
) -> None:
    assert [b.kind for b in extract_budgets(split_sentences(text), PUB)] == kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- 광주시는 200억원을 쏟는다.", "local"),
        ("▲ SK텔레콤은 3조원을 투자한다.", "private"),
        ("- 지방비는 국비의 40% 이상이어서, 한 곳마다 56억 원 이상이 더 들어간다.", "local"),
        ("1. 과기정통부는 이 사업에 120억원을 지원한다.", "national"),
    ],
)
def test_the_payer_is_read_after_a_bullet(text: str, kind: str) -> None:
    assert [b.kind for b in extract_budgets(split_sentences(text), PUB)] == [kind]


def test_amounts_listed_before_one_verb_share_its_payer() -> None:
    text = "대구시와 대전시도 센터 활성화와 밸리 조성 등에 각각 5억여원, 15억원가량을 들인다."
    assert [b.kind for b in extract_budgets(split_sentences(text), PUB)] == ["local", "local"]


def test_a_company_that_receives_a_voucher_is_no_investor() -> None:
    rows = extract_budgets(split_sentences("선정된 기업은 최대 2억원의 바우처를 받는다."), PUB)
    assert [b.kind for b in rows] == ["unspecified"]


def test_a_marker_followed_by_a_figure_is_the_next_amounts() -> None:
    """'39억원은 도비 6억원과 …': 도비 labels 6억원, not the 39억원 it follows (so a title's 39억원 total and this one
    stay one row)."""
    rows = extract_budgets(
        split_sentences("내년 예산 39억원은 도비 6억원과 지역개발기금 33억원으로 짜였다."), PUB
    )
    assert [(b.amount_krw, b.kind) for b in rows] == [
        (3_900_000_000, "unspecified"),
        (600_000_000, "local"),
        (3_300_000_000, "local"),
    ]


def test_an_english_marker_may_stand_a_two_word_verb_before_the_amount() -> None:
    rows = extract_budgets(
        split_sentences("Next year's government budget sets aside 4 billion won for the plan."), PUB
    )
    assert [b.kind for b in rows] == ["national"]
    rows = extract_budgets(split_sentences("정부 예산 가운데 지역 사업 몫으로 40억원이 잡혔다."), PUB)
    assert [b.kind for b in rows] == ["unspecified"]  # the Korean room stays one particle and a short word


def test_an_english_amount_joined_by_and_shares_the_payer_of_the_one_before() -> None:
    text = (
        "Gyeonggi Province has set aside 9 billion won for robot labs and 3 billion won for pilot projects."
    )
    kinds = [b.kind for b in extract_budgets(split_sentences(text), PUB)]
    assert kinds == ["local", "local"]
    # a total word names no payer: the second amount does not borrow it
    text = "The plan costs 9 billion won in total for robot labs and 3 billion won for pilot projects."
    assert [b.kind for b in extract_budgets(split_sentences(text), PUB)] == ["total", "unspecified"]


def test_a_company_named_in_a_list_items_name_is_no_payer() -> None:
    text = "세부 계획은 다음과 같다.\n△연구자와 기업이 함께 쓰는 공동 실험실 구축: 120억원"
    rows = [(b.kind, b.role) for b in extract_budgets(split_sentences(text), PUB)]
    assert rows == [("unspecified", "budget")]


def test_the_figure_a_market_grows_to_is_market_money() -> None:
    # The comparand before it carries the market cue; the figure it grows to has none of its own.
    got = roles("세계 AI 반도체 시장이 올해 약 200조원에서 2030년 약 600조원으로 커질 전망이다.")
    assert [r for _, r in got] == ["market", "market"], got
    # A program's budget that grows stays a budget.
    got = roles("AI 바우처 사업 예산은 올해 300억원에서 내년 500억원으로 늘어난다.")
    assert [r for _, r in got] == ["budget", "budget"], got


def _kinds(text: str) -> list[tuple[int | None, str]]:
    return [(b.amount_krw, b.kind) for b in extract_budgets(split_sentences(text), PUB)]


def test_a_city_spending_its_own_budget_pays_for_the_sentences_that_leave_the_subject_out() -> None:
    text = (
        "대전시는 내년 본예산으로 AI 관련 사업을 새로 편성했다. 데이터 인재를 키우는 데 80억원을 쓴다.\n\n"
        "공공 AI 서비스에는 25억원을 투입한다."
    )
    assert _kinds(text) == [(8_000_000_000, "local"), (2_500_000_000, "local")]
    # "시는" opening a sentence is the city; its sentence may name the figure itself.
    text = "시는 자체 예산으로 AI 거점을 세운다. 설계와 공사에 60억원을 들인다."
    assert _kinds(text) == [(6_000_000_000, "local")]
    # the city spending in its own sentence (쓴다 is a verb of putting money in, money_local_spenders.tsv)
    assert _kinds("부산시는 AI 데이터센터 사업에 300억원을 쓴다.") == [(30_000_000_000, "local")]
    # money a city is allocated (배정받은) is not its own spending
    assert _kinds("부산시는 AI 사업에 300억원을 배정받았다.") == [(30_000_000_000, "unspecified")]


def test_the_carry_stops_at_another_actor_or_another_source_of_money() -> None:
    # a company's sentence (a name the gazetteer does not know): the city no longer speaks for what follows
    text = (
        "창원시는 올해 예산으로 AI 실증 사업을 편성했다. 한빛전자는 공장 자동화에 300억원을 투자한다. "
        "교육 과정 운영에는 10억원을 쓴다."
    )
    assert _kinds(text) == [(30_000_000_000, "unspecified"), (1_000_000_000, "unspecified")]
    # a source of money of another payer in the holder's own sentence: no holder
    text = "세종시는 국비를 받아 AI 사업 예산을 편성했다. 관제센터에 40억원을 투입한다."
    assert _kinds(text) == [(4_000_000_000, "unspecified")]
    # the ministry is no local government; it is no holder either
    text = "과기정통부는 내년 예산안을 편성했다. AI 반도체에 500억원을 투입한다."
    assert _kinds(text) == [(50_000_000_000, "unspecified")]


def test_a_held_budget_needs_a_verb_of_spending_after_the_amount() -> None:
    # list lines that only name an area and a figure say no one's money
    text = "포항시는 4대 분야에 자체 예산을 투입한다.\n분야별 계획은 다음과 같다.\n▷인재 양성: 8개 사업에 120억원"
    assert _kinds(text) == [(12_000_000_000, "unspecified")]
    # a market figure is no one's budget
    text = "부산시는 AI 산업에 예산을 집중 투입한다. 지역 AI 시장은 2030년 2조원 규모로 커질 전망이다."
    assert _kinds(text) == [(2_000_000_000_000, "unspecified")]


def test_figures_listed_before_the_held_verb_share_it() -> None:
    text = (
        "청주시는 내년 예산으로 AI 사업을 편성했다. "
        "데이터 인재 양성에 30억원, 공공 AI 실증에 12억원, 창업 공간 운영에 5억원을 배정했다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "local", "local"]
    # a figure as the subject is no actor: the passive verb is the holder's spending
    text = "청주시는 자체 예산을 AI에 투입한다. 인재 양성에 30억원, 실증에 12억원이 들어간다."
    assert [k for _, k in _kinds(text)] == ["local", "local"]
    # a verb that spends nothing (asking for money) leaves them unspecified
    text = "청주시는 자체 예산을 AI에 투입한다. 인재 양성에 30억원, 실증에 12억원을 요청했다."
    assert [k for _, k in _kinds(text)] == ["unspecified", "unspecified"]


def test_a_ministry_that_invests_the_amount_makes_it_national() -> None:
    assert _kinds("중기부는 올해 AI 창업 실증에 90억원을 투자한다.") == [(9_000_000_000, "national")]
    # a company that invests stays private; no subject leaves it unspecified
    assert [k for _, k in _kinds("삼성전자는 올해 AI 공장에 90억원을 투자한다.")] == ["private"]
    assert _kinds("AI 창업 실증에 90억원을 투자한다.") == [(9_000_000_000, "unspecified")]


def test_a_company_bearing_its_share_of_a_program_makes_it_private_budget_money() -> None:
    rows = extract_budgets(split_sentences("도가 10억원을 보태고 참여 전문기업도 4억원을 부담한다."), PUB)
    assert [(b.kind, b.role) for b in rows] == [("local", "budget"), ("private", "budget")]
    # no company as the subject: the share names no payer
    rows = extract_budgets(split_sentences("나머지 4억원은 참여 기관이 부담한다."), PUB)
    assert [b.kind for b in rows] == ["unspecified"]


def test_shares_in_the_brackets_of_one_sources_money_are_that_sources() -> None:
    text = "두 지자체는 지방비 40억 원(도 10억 원, 군 30억 원)을 보탠다."
    assert [k for _, k in _kinds(text)] == ["local", "local", "local"]
    text = "민간 투자 2000억원(가온전자 1200억원, 누리정밀 800억원)이 들어온다."
    assert [k for _, k in _kinds(text)] == ["private", "private", "private"]
    # a total names no payer: its unlabelled share stays unspecified
    text = "총 100억원(국비 60억원, 기관 40억원)을 들인다."
    assert [k for _, k in _kinds(text)] == ["total", "national", "unspecified"]
    # after the bracket closes, a figure is no share
    text = "국비 30억원(올해 10억원)을 받고, 운영비 5억원은 따로 마련한다."
    assert [k for _, k in _kinds(text)][-1] == "unspecified"


def test_a_figure_said_per_unit_shares_the_one_payer_of_its_sentence() -> None:
    text = "도비 48억원을 들여 시군마다 평균 12억원 규모로 지원한다."
    assert [k for _, k in _kinds(text)] == ["local", "local"]
    # two payers in the sentence: the per-unit figure names neither
    text = "국비 50억원과 시비 30억원을 들여 과제마다 평균 8억원 규모로 지원한다."
    assert [k for _, k in _kinds(text)] == ["national", "local", "unspecified"]
    # a per-unit ceiling is a cap, which keeps no payer
    text = "국비 60억원으로 세 곳을 지원하며 곳당 최대 20억원이 돌아간다."
    assert [k for _, k in _kinds(text)] == ["national", "unspecified"]


def test_the_same_city_as_subject_keeps_the_carry_and_the_spent_thing_may_stand_before_the_verb() -> None:
    text = (
        "김해시는 내년 예산으로 AI 사업을 편성했다. 시는 공장 실증에 18억원을 쓴다. "
        "또 인재 양성에 7억원 규모의 예산을 투입한다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "local"]


def test_a_comparand_with_no_subject_compares_like_with_the_figure_before() -> None:
    text = "강원도는 내년 국비 3200억원을 확보했다. 지난해의 2800억원보다 14% 늘어난 금액이다."
    assert [k for _, k in _kinds(text)] == ["national", "national"]
    # a sentence in between with no figure: nothing to compare with
    text = "강원도는 내년 국비 3200억원을 확보했다. 사업은 모두 40개다. 지난해의 2800억원보다 늘었다."
    assert [k for _, k in _kinds(text)] == ["national", "unspecified"]
    # a total names no payer
    text = "총사업비는 500억원이다. 당초 계획한 400억원보다 늘었다."
    assert [k for _, k in _kinds(text)] == ["total", "unspecified"]


def test_an_amount_put_into_the_government_budget_is_national() -> None:
    text = "군은 연구용역비 4억원을 내년도 정부 본예산에 반영해 달라고 건의했다."
    assert _kinds(text) == [(400_000_000, "national")]
    assert _kinds("실증 설계비 6억원이 정부 예산안에 담겼다.") == [(600_000_000, "national")]
    # the city's own budget is no government budget
    assert _kinds("실증 설계비 6억원이 내년도 시 예산안에 담겼다.") == [(600_000_000, "unspecified")]


def test_a_headline_naming_the_citys_budget_holds_it_and_another_bodys_call_stops_it() -> None:
    text = (
        "안양시, 내년 예산으로 AI 도시 만든다\n\n"
        "시는 올해 기반을 다진다. 2026년에는 9억원을 들여 실증 단지를 늘린다. "
        "산업부 공모사업을 통해 12억원을 들여 연구소를 세운다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "unspecified"]
    # a headline that only restates a figure holds nothing
    text = "안양시, AI 단지 조성…200억 투입\n\n시는 올해 기반을 다진다. 2026년에는 9억원을 들인다."
    assert _kinds(text)[-1] == (900_000_000, "unspecified")


def test_the_city_as_the_subject_of_an_english_spending_verb_makes_it_local() -> None:
    rows = extract_budgets(
        split_sentences("Next year the city will invest 9 billion won in robot labs."), PUB
    )
    assert [b.kind for b in rows] == ["local"]
    # a named company beside it is another payer
    text = "The city and Samsung Electronics will invest 9 billion won in robot labs."
    assert [b.kind for b in extract_budgets(split_sentences(text), PUB)] != ["local"]


def test_a_part_of_one_sources_money_is_that_sources() -> None:
    assert [k for _, k in _kinds("도비 30억원 가운데 올해 12억원이 먼저 들어간다.")] == ["local", "local"]
    assert [k for _, k in _kinds("국비 50억원 중 20억원은 장비 구입에 쓴다.")] == ["national", "national"]
    # a part of a total names no payer
    assert [k for _, k in _kinds("총사업비 50억원 가운데 올해 20억원이 들어간다.")] == [
        "total",
        "unspecified",
    ]


def _en_kinds(text: str) -> list[str]:
    return [b.kind for b in extract_budgets(split_sentences(text), PUB)]


def test_a_city_by_its_english_name_as_the_clauses_subject_spends_its_own_money() -> None:
    assert _en_kinds("This year Daegu plans to spend about 8 billion won on robot trials.") == ["local"]
    assert _en_kinds("Busan will open a lab in May and invest 6 billion won in port AI.") == ["local"]
    assert _en_kinds("Incheon to Put KRW 3 Billion into Smart Ports") == ["local"]
    # a city named as where a company's plant stands is a place, not the payer
    assert _en_kinds("A chip plant in Ulsan will invest 6 billion won in new lines.") == ["unspecified"]
    # a named body beside the city is another payer
    assert _en_kinds("Daegu and Samsung Electronics will invest 9 billion won in robot labs.") != ["local"]


def test_a_citys_carried_budget_covers_figures_it_sets_aside_or_raises() -> None:
    text = (
        "광명시는 내년 예산안을 시의회에 냈다. 드론 교육 예산으로 14억원, 데이터 장학금으로 6억원을 잡았다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "local"]


def test_money_from_state_funds_is_national_and_the_next_figure_keeps_its_own_source() -> None:
    text = "The farm project will draw 30 billion won from state funds and 5 billion won from the private sector."
    assert _en_kinds(text) == ["national", "private"]


def test_figures_listed_before_one_sources_money_are_parts_of_it() -> None:
    text = "목포시는 항만 설계 용역 8억 원과 AI 2단계 조사 5억 원 등 내년도 국비 2조100억 원을 확보했다."
    assert [k for _, k in _kinds(text)] == ["national", "national", "national"]
    # a list before a total names no payer
    text = "목포시는 항만 설계 용역 8억 원과 조사 5억 원 등 모두 30억 원을 들인다."
    assert [k for _, k in _kinds(text)] == ["unspecified", "unspecified", "total"]


def test_money_led_by_the_government_or_the_private_sector_is_that_payers() -> None:
    text = "The plan splits into 6 trillion won led by the government and 4 trillion won led by the private sector."
    assert _en_kinds(text) == ["national", "private"]


def test_sources_of_different_kinds_joined_before_the_amount_pay_it_together() -> None:
    assert [k for _, k in _kinds("내년에는 국비와 도비를 합쳐 약 12억 원이 들어간다.")] == ["unspecified"]
    # one source alone keeps its kind
    assert [k for _, k in _kinds("내년에는 도비를 더해 약 12억 원이 들어간다.")] == ["local"]


def test_the_whole_project_cost_is_a_total_and_a_special_grant_national() -> None:
    assert [k for _, k in _kinds("전체 사업비는 52억3000만원이다.")] == ["total"]
    assert [k for _, k in _kinds("교육부는 특별교부금 25억원을 학교 100곳에 나눠 준다.")] == ["national"]


def test_carriers_pledging_money_invest_their_own_and_a_sum_that_will_total_is_a_total() -> None:
    rows = extract_budgets(split_sentences("The two carriers are pledging 50 billion won for AI chips."), PUB)
    assert [(b.kind, b.role) for b in rows] == [("private", "investment")]
    assert _en_kinds("Next year the city's loans will total 3.2 trillion won.") == ["total"]
    # a source right before the total word is what is totalled
    assert _en_kinds("Next year state funding will total 3.2 trillion won.") == ["national"]


def test_a_citys_budget_story_carries_through_its_accounts_and_the_figures_that_size_it() -> None:
    text = (
        "여수시는 내년도 예산안 1조5000억원을 편성해 시의회에 냈다. "
        "올해 본예산(1조4000억원)보다 1000억원 많은 규모다. "
        "일반회계는 500억원 늘어난 1조2000억원이다. "
        "드론 실증 사업에는 8억원이 담겼다."
    )
    kinds = dict(_kinds(text))
    assert kinds[1_400_000_000_000] == kinds[100_000_000_000] == kinds[50_000_000_000] == "local"
    assert kinds[800_000_000] == "local"
    # a figure of the same story that no one spends or sizes stays as it was
    text = "여수시는 내년도 예산안을 편성했다. 드론 시장은 8억원 규모로 커졌다."
    assert _kinds(text) == [(800_000_000, "unspecified")]


def test_the_short_form_mid_sentence_spends_and_this_money_is_split_into_its_parts() -> None:
    text = (
        "시의회에 따르면 시는 드론 교육 예산 4500만원을 책정해 추경안에 넣었다. "
        "첫 시도로, 이 돈은 교재 제작(3000만원)과 실습 대회(1500만원) 등에 쓴다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "local", "local"]
    # "시도" (an attempt) is no city
    assert _kinds("새로운 시도 끝에 4500만원을 책정했다.") == [(45_000_000, "unspecified")]


def test_a_payer_named_after_an_english_total_wins_over_the_total_word() -> None:
    assert _en_kinds("The two towns will get a total of 4 billion won in national funding.") == ["national"]
    assert _en_kinds("The two towns will get a total of 4 billion won for the labs.") == ["total"]


def test_a_citys_carried_budget_covers_marked_items_that_share_one_verb() -> None:
    text = (
        "여수시는 내년도 예산안을 편성해 시의회에 냈다. "
        "신산업 부문으로는 △드론 실증 사업(12억원) △해양 데이터 센터(4억원) △AI 교육 지원(2억원) 등이 담겼다."
    )
    assert [k for _, k in _kinds(text)] == ["local", "local", "local"]


def test_items_a_carried_city_budget_pushes_as_new_projects_are_its_money() -> None:
    text = (
        "여수시는 내년도 예산안 1조5000억원을 편성해 시의회에 냈다. "
        "신산업 부문에서는 △드론 실증 지원(12억원) △해양 AX(AI 전환) 실증 인프라 구축(4억원) 등을 신규 사업으로 "
        "추진한다. 기금은 올해 본예산 1400억원보다 100억원 많은 1500억원이다."
    )
    # the last figure is an envelope only once the change before it is read: it is held all the same
    assert [k for _, k in _kinds(text)] == ["local"] * 6
    # without a carried budget a project pushed forward names no payer
    text = "신산업 부문에서는 △드론 실증 지원(12억원) 등을 신규 사업으로 추진한다."
    assert _kinds(text) == [(1_200_000_000, "unspecified")]


def test_a_city_bill_passed_by_its_council_is_the_citys_budget() -> None:
    text = (
        "김해시의회 예결위는 기정예산 2조원보다 1000억원 늘어난 2조1000억원 규모의 시 제1회 추경안을 통과시켰다. "
        "이번 추경은 민생에 무게를 뒀다. 상품권 발행 50억원, 월세 지원 9억원 등이 담겼다."
    )
    assert [k for _, k in _kinds(text)] == ["local"] * 5
    # a ministry's bill of a year ("2026년도 예산안") is no city's
    text = "산업부는 2026년도 예산안에서 올해보다 1000억원 늘어난 12조원을 편성했다."
    assert "local" not in [k for _, k in _kinds(text)]


def test_a_mayor_presenting_the_city_bill_holds_its_budget() -> None:
    text = "김해시장은 이런 내용이 담긴 내년 예산안을 확정해 발표했다. 예산안 규모는 2조1000억원으로 늘었다."
    assert _kinds(text) == [(2_100_000_000_000, "local")]
    # a market is no mayor's: "반도체시장" names no city
    text = "반도체시장은 이런 내용이 담긴 내년 예산안을 살폈다. 예산안 규모는 2조1000억원으로 늘었다."
    assert _kinds(text) == [(2_100_000_000_000, "unspecified")]
