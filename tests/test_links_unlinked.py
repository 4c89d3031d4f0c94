"""Amounts left unlinked that the text ties to a program: a rounded restatement of a linked figure
(etl/extract/restated.py). Sample sentences are our own."""

from __future__ import annotations

from datetime import date

from etl.extract.document import extract_document
from etl.extract.restated import follow_exact
from etl.extract.tied import TiedLinker
from etl.models import Budget, Document, Evidence
from etl.nlp import split_sentences
from tests.test_links import links


def _row(won: int, start: int, program: str | None = None, approx: bool = False) -> Budget:
    return Budget(
        amount=won / 1e8, unit_text="", currency="KRW", amount_krw=won, program=program,
        evidence=Evidence("문장", start, start + 2), approx=approx,
    )  # fmt: skip


def test_a_figure_rounded_to_the_nearest_takes_the_exact_figures_program() -> None:
    # "이 사업의 총사업비는 577억원이다. … 확보한 580억원가량을 올해 안에 써야 한다."
    exact, rounded = _row(57_700_000_000, 40, "스마트 항만 실증사업"), _row(58_000_000_000, 90, approx=True)
    follow_exact([exact, rounded])
    assert rounded.program == "스마트 항만 실증사업"


def test_a_headlines_round_figure_takes_the_bodys_program() -> None:
    # "도, 해양 AI센터에 3년간 27억 지원" over "… 모두 27억3000만원을 받는다."
    title, body = _row(2_700_000_000, 0), _row(2_730_000_000, 60, "해양 AI센터")
    follow_exact([title, body])
    assert title.program == "해양 AI센터"


def test_a_round_figure_near_two_programs_figures_stays_unlinked() -> None:
    title = _row(2_700_000_000, 0)
    follow_exact([title, _row(2_730_000_000, 60, "A 센터"), _row(2_690_000_000, 90, "B 센터")])
    assert title.program is None


def test_a_body_figure_that_is_not_hedged_is_not_a_restatement() -> None:
    # "… 4억원을 더 들인다" is its own figure, not "4억2000만원" said again.
    plain = _row(400_000_000, 50)
    follow_exact([_row(420_000_000, 10, "해양 AI센터"), plain])
    assert plain.program is None


def test_a_figure_further_than_its_precision_is_no_restatement() -> None:
    title = _row(2_700_000_000, 0)
    follow_exact([title, _row(2_860_000_000, 60, "해양 AI센터")])
    assert title.program is None


# --- an amount of any role is about the program the text ties it to (README ruling 'The link of any role') ---


def test_an_economic_effect_of_the_program_a_pointer_names_is_that_programs() -> None:
    text = (
        "군, '스마트 양식장 실증사업' 착수\n군은 국비 60억원을 들여 '스마트 양식장 실증사업'을 시작한다. "
        "사업은 2027년까지 이어진다. 군은 이 사업으로 어가 소득이 늘고, 120억 원 규모의 생산 유발 효과가 날 것으로 본다."
    )
    assert links(text) == [
        (6_000_000_000, "스마트 양식장 실증사업"),
        (12_000_000_000, "스마트 양식장 실증사업"),
    ]


def test_companies_own_investment_through_the_fund_a_pointer_names_is_about_that_fund() -> None:
    text = (
        "Harbour AI Fund launched\nThe city set up the Harbour AI Fund. "
        "The three carriers pledged to invest 30 billion won in AI firms through the fund."
    )
    assert links(text, "en")[-1] == (30_000_000_000, "Harbour AI Fund")


def test_sales_of_another_topic_after_the_name_are_not_the_programs() -> None:
    text = (
        "'해양 AI 허브' 성과 발표\n시는 '해양 AI 허브' 성과를 발표했다. "
        "해양 AI 허브는 기업 50곳을 키웠고, 이 기업들은 매출 300억원을 올렸다."
    )
    assert links(text)[-1] == (30_000_000_000, None)


def test_a_market_with_no_program_named_or_pointed_at_stays_unlinked() -> None:
    text = "'해양 AI 허브' 문 열어\n시는 '해양 AI 허브'를 열었다. 국내 해양 AI 시장은 2030년 5조원 규모로 커진다."
    assert links(text)[-1] == (5_000_000_000_000, None)


# --- a purpose phrase the text calls a 사업 elsewhere is a program (README ruling 'Purpose words are not program words') ---


def _called(text: str, phrase: str) -> str | None:
    """What the linker knows `phrase` as on a page whose extractor named no program."""
    return TiedLinker(split_sentences(text), [], "ko")._known(phrase)


def test_a_purpose_phrase_the_text_calls_a_project_elsewhere_is_that_program() -> None:
    text = (
        "부처는 돌봄 로봇 보급 등 노인돌봄 로봇 신속 보급 지원에 90억원을 투입한다. "
        "부처는 민간 협업이 필요한 노인돌봄 로봇 신속 보급 지원 사업을 제대로 하려고 설명회를 열었다."
    )
    assert _called(text, "노인돌봄 로봇 신속 보급 지원") == "노인돌봄 로봇 신속 보급 지원"


def test_a_purpose_phrase_the_text_never_calls_a_project_is_unknown() -> None:
    text = (
        "부처는 돌봄 로봇 보급 등 노인돌봄 로봇 신속 보급 지원에 90억원을 투입한다. 부처는 설명회를 열었다."
    )
    assert _called(text, "노인돌봄 로봇 신속 보급 지원") is None


def test_a_short_phrase_called_a_project_is_a_sort_not_a_name() -> None:
    assert _called("부처는 AI 지원에 9억원을 쓴다. AI 지원 사업은 늘었다.", "AI 지원") is None


# --- a line of a prose enumeration: one word ending in a program_forms `listed` word names it; a payer does not ---


def test_a_fund_word_in_a_prose_enumeration_names_its_line() -> None:
    text = "부처, 내년 예산 확정\n세부적으로는 청년 주거 지원 2000억원, 지역상생발전기금 800억원, 마을공방 육성 사업 40억원 등이다."
    assert links(text)[1] == (80_000_000_000, "지역상생발전기금")


def test_a_payer_word_in_an_enumeration_is_no_line_name() -> None:
    text = "군, 'AI 농업 센터' 예산 확정\n'AI 농업 센터' 예산 20억원은 도비 5억원과 지역개발기금 15억원으로 짜였다."
    assert all(p != "지역개발기금" for _, p in links(text)), links(text)


def test_a_one_digit_headline_figure_far_from_the_exact_one_is_no_restatement() -> None:
    title = _row(200_000_000_000, 0)
    follow_exact([title, _row(171_500_000_000, 60, "해양 AI센터")])
    assert title.program is None


# --- a name the text writes out whole: the dateline's day is no part of it ---


def test_the_datelines_day_before_a_bare_name_is_not_part_of_the_program() -> None:
    text = (
        "해양 AI 프로젝트 수혜기업, 지난해 매출 300억원\n"
        "해양수산부는 6일 해양 AI 프로젝트의 지원을 받은 기업 40곳의 성과를 내놓았다."
    )
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang="ko"))
    assert not any(p.name.startswith("6일") for p in facts.programs), [p.name for p in facts.programs]
    assert links(text) == [(30_000_000_000, "해양 AI 프로젝트")]


def test_a_short_quoted_name_followed_by_a_program_word_is_a_program() -> None:
    text = "부처, 내년 예산안 발표\n'다리오' 사업에는 올해보다 100억원 늘어난 900억원이 돌아간다."
    assert [p for _, p in links(text)] == ["다리오", "다리오"]


# --- a group cue closing a list of areas is no group of programs ---


def test_a_list_of_areas_ending_in_a_group_cue_keeps_the_named_program() -> None:
    text = (
        "부처, '해양 디지털 선도 프로젝트' 공고\n"
        "해양 디지털 선도 프로젝트로 부처는 올해 항만, 물류, 어업 등 3개 분야에서 9개 과제를 뽑아 모두 90억원을 투입한다."
    )
    assert links(text) == [(9_000_000_000, "해양 디지털 선도 프로젝트")]


def test_an_example_program_of_a_group_still_leaves_the_groups_money_unlinked() -> None:
    text = "부처 예산 확정\n'해양 데이터 펀드' 조성 등 해양 산업 육성 예산은 900억 원이다."
    assert links(text) == [(90_000_000_000, None)]
