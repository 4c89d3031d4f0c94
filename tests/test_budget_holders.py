"""A city's budget carried across sentences (etl/extract/holders.py): what breaks the carry and what does not
(continues tests/test_budget_payers.py, which is near the 400-line limit)."""

from __future__ import annotations

import pytest

from etl import lexicon
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


@pytest.mark.parametrize("entry", lexicon.entries("local_heads"), ids=lambda e: e.term)
def test_the_head_of_a_local_government_as_subject_holds_its_budget(entry: lexicon.Entry) -> None:
    # "홍천군수는 내년 예산으로 …": the head (title of `local_heads.tsv`) speaks for the 군 its meaning names
    assert entry.term in entry.example
    assert [k for _, k in _kinds(entry.example)] == ["local"], entry.example
    head = entry.example.split()[0]
    assert holders._actors(f"{head} 예산을 늘린다.") == ["local"], head


@pytest.mark.parametrize("entry", lexicon.entries("money_holder_actors"), ids=lambda e: e.term)
def test_companies_as_subject_stop_a_carried_budget(entry: lexicon.Entry) -> None:
    # "기업들은 … 120억원을 쓴다" after "서울시는 내년 예산으로 …": the companies spend, not the city
    assert entry.term in entry.example
    assert "local" not in [k for _, k in _kinds(entry.example)], entry.example
    subject = entry.example.split(". ")[1].split()[0]
    assert holders._actors(f"{subject} 투자를 늘린다.") == [entry.meaning], subject


@pytest.mark.parametrize("entry", lexicon.entries("money_anaphora"), ids=lambda e: e.term)
def test_the_figures_of_a_sentence_about_the_money_just_named_are_its_parts(entry: lexicon.Entry) -> None:
    # "국비 30억원을 확보했다. 이 돈은 A(8000만원)과 B(960만원) 등에 쓴다": the parts take the money's payer
    assert entry.term in entry.example
    kinds = [k for _, k in _kinds(entry.example)]
    assert len(kinds) == 3 and len(set(kinds)) == 1 and kinds[0] != "unspecified", (entry.example, kinds)


def test_companies_that_receive_a_list_of_figures_do_not_pay_for_them() -> None:
    # the verb of receiving after the list's last figure is every listed figure's verb
    got = _kinds(
        "뽑힌 기업은 2년 동안 최대 4억원의 시제품 자금과, 필요에 따라 2억원의 인증 자금 등 모두 6억원을 직접 지원받는다."
    )
    assert [k for _, k in got] == ["unspecified", "unspecified", "total"], got
    got = _kinds("참여 기업은 개발비 9억원, 홍보비 각 최대 1억원 등 기업당 최대 11억원을 받을 수 있다.")
    assert "private" not in [k for _, k in got], got
    # a clause that ends before the verb of receiving keeps its own verb: the companies invest the first figure
    got = _kinds("주요 기업들은 7억원을 투자하고, 시로부터 2억원을 지원받는다.")
    assert got[0] == (700_000_000, "private"), got


def test_a_budget_line_with_no_actor_resumes_the_holder_after_another_source_broke_the_carry() -> None:
    text = (
        "목포시는 내년 예산안을 1조2000억원 규모로 편성했다. 분야별로는 복지의 비중이 가장 크다. "
        "스마트항만 사업에는 국비 300억원을 포함해 모두 420억원을 투입한다. "
        "청년 일자리 예산은 올해 본예산 800억원보다 100억원 많은 900억원을 반영했다."
    )
    got = _kinds(text)
    assert [k for v, k in got if v in (80_000_000_000, 10_000_000_000, 90_000_000_000)] == ["local"] * 3, got
    # a line with an actor of its own does not resume it
    assert not holders.resumes("한빛대학교는 연구비 30억원을 투입한다.")
    assert not holders.resumes("연구 예산은 국비 30억원을 반영했다.")  # another source of money


def test_a_change_with_no_subject_of_its_own_takes_the_payer_of_the_figure_before() -> None:
    # README third set, "a change's payer": the figure the sentence before ended on is the change's subject
    got = _kinds("여수시는 내년 국비 4200억원을 확보했다. 지난해보다 310억원 늘어난 규모다.")
    assert got == [(420_000_000_000, "national"), (31_000_000_000, "national")], got
    # a total names no payer: its change stays without one
    got = _kinds("내년 사업비는 모두 900억원이다. 지난해보다 50억원 늘어난 규모다.")
    assert got[1] == (5_000_000_000, "unspecified"), got


def test_a_citys_own_yearly_budget_named_before_the_amount_is_local() -> None:
    got = _kinds("부산시 내년 예산 16조원…AI 산업 키운다")
    assert got == [(16_000_000_000_000, "local")], got
    # a ministry's yearly budget is not a city's
    assert _kinds("과기정통부 내년 예산 9조원…AI에 집중")[0][1] != "local"


def test_a_long_purpose_between_listed_figures_still_shares_the_holders_verb() -> None:
    text = (
        "인천시는 내년 예산으로 AI 사업을 편성했다. 항만 데이터 보안에 40억원, 섬 지역 학교와 보건소의 원격 진료 "
        "장비 확충을 포함한 AI 돌봄 서비스 고도화에 25억원, 드론 순찰에 3억원을 배정했다."
    )
    assert [k for _, k in _kinds(text)] == ["local"] * 3, _kinds(text)


def test_a_city_or_province_named_as_a_shares_label_pays_that_share() -> None:
    got = _kinds("센터 건립비 분담 내역은 다음과 같다.\n- 경기도 12억5000만 원\n- 인천시 8억 원")
    assert [k for _, k in got] == ["local", "local"], got
    # a headline that opens on a province and its project's size is no share of the province's
    got = _kinds("경기도 3200억 'AI 돌봄 프로젝트' 밑그림 공개")
    assert got[0][1] != "local", got


def test_money_received_from_a_ministry_is_national() -> None:
    got = _kinds("시는 올해 설계비 3억원을 과학기술정보통신부로부터 지원받는다.")
    assert got == [(300_000_000, "national")], got
    # from a company it is not the government's
    assert _kinds("시는 올해 설계비 3억원을 삼성전자로부터 지원받는다.")[0][1] != "national"


@pytest.mark.parametrize("entry", lexicon.entries("money_kind_not"), ids=lambda e: e.term)
def test_a_word_that_merely_ends_in_a_source_word_names_no_source(entry: lexicon.Entry) -> None:
    # 연구비 (research money) ends in 구비 (a district's money) but is no one's money by itself
    assert entry.term in entry.example
    assert "local" not in [k for _, k in _kinds(entry.example)], _kinds(entry.example)


def test_a_source_word_glued_to_its_government_still_names_it() -> None:
    assert _kinds("원주시비 6억5000만원을 보탠다.") == [(650_000_000, "local")]
    assert _kinds("구비 3억원을 들인다.") == [(300_000_000, "local")]
