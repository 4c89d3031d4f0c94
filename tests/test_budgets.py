"""Budget kinds and years from the words around an amount."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.budgets import classify_kind, extract_budgets
from etl.nlp import split_sentences

PUB = date(2024, 10, 28)


def budgets(text: str, pub: date | None = PUB) -> list[tuple[int | None, str, int | None]]:
    """The rows whose role is `budget` (money a program gets)."""
    rows = extract_budgets(split_sentences(text), pub)
    return [(b.amount_krw, b.kind, b.fiscal_year) for b in rows if b.role == "budget"]


def roles(text: str) -> list[tuple[int | None, str]]:
    """Every won amount with its role."""
    return [(b.amount_krw, b.role) for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw]


def test_national_inside_total() -> None:
    text = "정부는 오는 2028년까지 국비 440억원을 포함해 총 946억원을 투입한다."
    assert budgets(text) == [(44_000_000_000, "national", None), (94_600_000_000, "total", None)]


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("국비 ", "을", "national"),
        ("국고 ", "", "national"),
        ("정부 출연금 ", "", "national"),
        ("지방비 ", "", "local"),
        ("시비 ", "", "local"),
        ("도비 ", "", "local"),
        ("민간 ", "", "private"),
        ("민자 ", "", "private"),
        ("기업 부담 ", "", "private"),
        ("총사업비 ", "", "total"),
        ("총 ", "", "total"),
        ("a total of ", "", "total"),
        ("invest ", " in total", "total"),
        ("including ", " in government funds", "national"),
        ("with ", " of private investment", "private"),
        ("", "을 투입", "unspecified"),
        ("총사업비는 약 ", "이다", "total"),
        ("총사업 규모는 최대 ", "이다", "total"),
        ("5년간 모두 ", "을 지원받는다", "total"),
        ("put a combined ", " (US$68.2 million) into the lab", "total"),
        ("will cost ", " (about $291 million) in total", "total"),
        ("Of the total, ", " will come from the state budget", "national"),
        ("and ", " from private companies", "private"),
        ("설계비 등 ", " 국비 확보", "national"),
        ("두 번째 팜 ", "은 전액 국비로 짓는다", "national"),
        ("정부가 ", "을 출자하고", "national"),
        ("민관 ", " 들여 센터를 세운다", "total"),
        ("정부와 민간이 함께 투자하는 약 ", " 규모의 센터", "unspecified"),  # joint money: no single kind
        (
            "기술과제로 정하고 ",
            "(국비 87억원, 시비 176억원, 민간 49억원)을 들여",
            "total",
        ),  # a split by source
        ("기술과제로 정하고 ", "(국비 87억원)을 들여", "unspecified"),  # one share is no split
    ],
)
def test_kind_markers(before: str, after: str, kind: str) -> None:
    assert classify_kind(before, after) == kind


def test_split_of_total_into_kinds() -> None:
    text = "총사업비 1,000억원 가운데 국비 600억원, 지방비 300억원, 민간 100억원이 들어간다."
    assert [k for _, k, _ in budgets(text)] == ["total", "national", "local", "private"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("과기정통부의 2025년 예산은 1조 8000억원이다.", 2025),
        ("'24년 예산 300억원을 배정했다.", 2024),
        ("내년도 예산안에 500억원을 반영했다.", 2025),
        ("올해 376억원을 투입한다.", 2024),
    ],
)
def test_fiscal_year(text: str, year: int) -> None:
    """Every role: the first example is a ministry's yearly budget (an envelope, role base)."""
    [b] = extract_budgets(split_sentences(text), PUB)
    assert b.fiscal_year == year


def test_until_year_is_not_a_fiscal_year() -> None:
    [(_, _, fy)] = budgets("2028년까지 946억원을 투입한다.")
    assert fy is None


@pytest.mark.parametrize(
    "text",
    [
        "세계 AI 반도체 시장 규모는 2030년 1,179억 달러로 커질 전망이다.",
        "국내 기업의 매출 10조원 달성을 목표로 한다.",
        "전환비용을 최대 약 128조원 아낄 수 있다는 분석이다.",
        "GPU 1만3000장과 2,132평 부지, 285만톤, 12.9%를 확보했다.",
        "It expects the global AI chip market to grow about sixfold to $117.9 billion over the decade.",
        "정부가 제출한 내년 예산안은 총지출 728조원으로 올해보다 8.1% 늘었다.",
        "정부가 29일 국무회의에서 728조원 규모의 2026년 예산안을 의결했다.",
        "국회가 13조8,000억원 규모의 2025년 제1회 추가경정예산안을 처리했다.",
        "정부 전체 연구개발(R&D) 예산은 35조5,000억원이다.",
        "The plan aims to generate economic effects of up to 455 trillion won through AI.",
        "The 455 trillion won figure is a projected effect, not a spending plan.",
        "연구개발(R&D) 예산은 35조3,000억원으로 역대 최대다.",
        "정부 전체 연구개발(R&D) 예산은 정부안보다 2,015억원 많은 27조 4,018억원으로 늘었다.",
    ],
)
def test_money_that_is_not_a_budget(text: str) -> None:
    assert budgets(text) == []


def test_program_worth_is_a_budget() -> None:
    text = "The chip program is worth 1.0096 trillion won through 2029."
    assert budgets(text) == [(1_009_600_000_000, "unspecified", None)]


def test_comparison_base_and_change_are_not_budgets() -> None:
    text = "내년 예산은 17조 5,154억원으로, 올해 16조 3,069억원보다 1조 2,086억원(7.4%) 늘어난 규모다."
    assert budgets(text) == [(17_515_400_000_000, "unspecified", 2025)]


def test_a_years_whole_ai_rnd_budget_is_an_envelope() -> None:
    """Issue #11: a year's whole AI budget is a budget envelope (role `base`), never a program's figure."""
    assert roles("AI 연구개발(R&D) 예산은 1조 8000억원이다.") == [(1_800_000_000_000, "base")]


def test_the_figure_an_envelope_reaches_after_a_change_is_an_envelope() -> None:
    text = "중기부는 내년 예산을 올해 본예산 14조9497억원보다 3423억원 많은 15조2920억원으로 짰다."
    roles = [b.role for b in extract_budgets(split_sentences(text), PUB)]
    assert roles == ["base", "change", "base"], roles


@pytest.mark.parametrize("entry", lexicon.entries("money_comparand"), ids=lambda e: e.term)
def test_a_comparand_marker_marks_the_earlier_figure(entry: lexicon.Entry) -> None:
    from etl.extract import money
    from etl.extract.roles import is_comparand

    text = entry.example
    assert entry.term in text
    found = [is_comparand(text[: a.start], text[a.end : a.end + 20]) for a in money.find_amounts(text)]
    assert any(found) and not all(found), (text, found)


def test_a_comparand_read_as_a_budget_takes_its_envelope_or_cap() -> None:
    text = (
        "The ministry will raise the AI-related budget to 10.1 trillion won next year from 3.3 trillion won."
    )
    assert [b.role for b in extract_budgets(split_sentences(text), PUB)] == ["base", "base"]
    text = "과제마다 평가 결과에 따라 5000만원에서 최대 1억5000만원까지 쓸 수 있다."
    assert [b.role for b in extract_budgets(split_sentences(text), PUB)] == ["cap", "cap"]


def test_companies_as_subject_make_private_investment() -> None:
    """Issue #11: companies' own investment is money, kind private, role `investment` (not a program budget)."""
    text = "주요 기업들은 2024~2027년 4년 동안 AI 분야에 모두 65조원을 투자하기로 했다."
    [b] = extract_budgets(split_sentences(text), PUB)
    assert (b.amount_krw, b.kind, b.role, b.program) == (65_000_000_000_000, "private", "investment", None)
    assert budgets("정부는 모두 65조원을 투자한다.") == [(65_000_000_000_000, "total", None)]


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("SK·AWS, 울산 미포산단에 7조원 규모 AI 데이터센터를 짓는다.", True),  # AWS is in the gazetteer
        ("삼성전자는 평택 공장에 30조원을 투자한다.", True),
        ("SK텔레콤과 SK브로드밴드가 함께 추진하며, 총 투자 규모는 약 7조원이다.", True),
        ("부산시는 AI 데이터센터 사업에 300억원을 신청했다.", False),  # a city: public money
        ("과기정통부·네이버, AI 사업에 300억원을 투입한다.", False),  # a ministry among them: not only theirs
        (
            "Earlier this year SK Telecom said it would spend 3.4 trillion won on AI.",
            True,
        ),  # a gazetteer company
        ("The government will invest 1 trillion won in the project.", False),
        ("The Ministry of Science and ICT said it will spend 50 billion won on the lab.", False),
    ],
)
def test_named_companies_as_the_subject_make_private_investment(text: str, private: bool) -> None:
    [b] = extract_budgets(split_sentences(text), PUB)
    assert (b.kind, b.role) == (("private", "investment") if private else ("unspecified", "budget"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "내년 예산은 17조 5,154억원으로, 올해 16조 3,069억원보다 1조 2,086억원(7.4%) 늘어난 규모다.",
            # the prior year's total is a yearly total: base (fixtures README, role rules)
            [(17_515_400_000_000, "budget"), (16_306_900_000_000, "base"), (1_208_600_000_000, "change")],
        ),
        ("정부가 29일 국무회의에서 728조원 규모의 2026년 예산안을 의결했다.", [(728 * 10**12, "base")]),
        ("선정 기업당 최대 30억원을 지원한다.", [(3_000_000_000, "cap")]),
        ("국내 기업의 매출 10조원 달성을 목표로 한다.", [(10 * 10**12, "market")]),
        ("전환비용을 최대 약 128조원 아낄 수 있다는 분석이다.", [(128 * 10**12, "other")]),
        ("추경으로 AI 사업에 500억원을 배정했다.", [(50_000_000_000, "budget")]),
        # a ministry's yearly budget in a headline, the owner set off by a comma, a two-digit year
        ("산업부, 22년도 예산 11조7천3백억원 확정", [(11_730_000_000_000, "base")]),
        ("중기부, 2025년 예산 15조3천억 편성", [(15_300_000_000_000, "base")]),
        ("The chip program is worth 1.0096 trillion won through 2029.", [(1_009_600_000_000, "budget")]),
    ],
)
def test_every_won_amount_has_a_role(text: str, expected: list[tuple[int, str]]) -> None:
    assert roles(text) == expected


def test_a_range_keeps_both_bounds() -> None:
    [b] = extract_budgets(split_sentences("시장 규모는 3조~4조원으로 추산된다."), PUB)
    assert (b.amount_krw, b.low, b.high, b.bound, b.role) == (
        3 * 10**12,
        3 * 10**12,
        4 * 10**12,
        "between",
        "market",
    )


def test_a_won_figure_restating_a_foreign_one_is_a_conversion() -> None:
    got = extract_budgets(split_sentences("The firm will invest $500 million (약 6,500억원) in Korea."), PUB)
    # the firm spends its own money: investment (fixtures README, role rule); the won figure restates it
    assert [(b.currency, b.role) for b in got] == [("USD", "investment"), ("KRW", "conversion")]


def test_restated_figure_keeps_the_typed_statement() -> None:
    text = "946억원 투입.\n정부는 총 946억원을 투입한다."
    assert budgets(text) == [(94_600_000_000, "total", None)]


def test_foreign_conversion_in_parentheses_is_not_a_second_budget() -> None:
    got = extract_budgets(split_sentences("The project costs 1 trillion won ($750 million) in total."), PUB)
    assert [(b.currency, b.amount_krw) for b in got] == [("KRW", 1_000_000_000_000)]


def test_foreign_only_amount_keeps_its_currency() -> None:
    [b] = extract_budgets(split_sentences("The fund will raise $750 million."), PUB)
    assert (b.currency, b.amount_krw, b.amount) == ("USD", None, 750.0)


def test_evidence_is_the_sentence() -> None:
    text = "첫 문장이다. 정부는 총 946억원을 투입한다."
    [b] = extract_budgets(split_sentences(text), PUB)
    assert b.evidence is not None and text[b.evidence.start : b.evidence.end] == b.evidence.text
    assert "946억원" in b.evidence.text and "첫 문장" not in b.evidence.text


def test_a_ministrys_programme_spending_budget_is_an_envelope() -> None:
    """'사업비' is a ministry's yearly envelope as much as '예산' is (role `base`)."""
    assert roles("내년 행안부 사업비 예산은 모두 4조 6394억원이다.") == [(4_639_400_000_000, "base")]
    assert roles("행안부 내년 사업비 4조9242억원으로 증액") == [(4_924_200_000_000, "base")]


@pytest.mark.parametrize(
    ("before", "kind"),
    [
        ("지자체 예산만 총 ", "local"),
        ("국비 총 ", "national"),
        ("민관 합동 총 ", "total"),
        ("국비 140억원과 총 ", "total"),
    ],
)
def test_a_source_of_money_just_before_a_total_word_is_what_is_totalled(before: str, kind: str) -> None:
    assert classify_kind(before, "") == kind


@pytest.mark.parametrize("entry", lexicon.entries("money_received"), ids=lambda e: e.term)
def test_companies_that_receive_money_are_recipients_not_investors(entry: lexicon.Entry) -> None:
    [b] = extract_budgets(split_sentences(entry.example), PUB)
    assert b.kind != "private" and b.role != "investment", entry.example


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("경남도가 16억 원을 보태고 기업도 11억 원을 낸다.", "local"),  # a province adds its own money
        ("광주시는 200억원을 쏟는다.", "local"),  # fixtures README: a local government's own budget
        ("재단은 200억원을 쏟는다.", "unspecified"),  # not a local government
        ("광주시는 국비 200억원을 확보했다.", "national"),  # a kind word wins
        ("광주시에 200억원을 들여 센터를 짓는다.", "unspecified"),  # the city is where, not who
    ],
)
def test_a_local_government_as_the_payer_makes_the_amount_local(text: str, kind: str) -> None:
    first = extract_budgets(split_sentences(text), PUB)[0]
    assert first.kind == kind, text


@pytest.mark.parametrize(
    "text",
    [
        "2019 원화 기준으로 30억원이 들었다.",
        "The KRW 2019 budget rose to KRW 3 billion.",
        "올해 0원에서 내년 30억원으로 늘었다.",
    ],
)
def test_a_year_read_as_won_and_zero_won_are_no_amounts(text: str) -> None:
    """Fixtures README: every amount of won is a row; a bare year before 원화/after KRW and 0원 state no money."""
    assert [b.amount_krw for b in extract_budgets(split_sentences(text), PUB)] == [3_000_000_000]


def test_a_figure_of_won_with_a_comma_or_a_scale_stays_money() -> None:
    rows = extract_budgets(split_sentences("기부금 2,019원과 2019억원이 모였다. 범위는 0~5억원이다."), PUB)
    assert [b.amount_krw for b in rows] == [2019, 201_900_000_000, 0]


LIST = """광주시, 내년도 국비 1,200억원 확보

광주시는 내년도 정부 예산에서 국비 1,200억원을 확보했다고 7일 밝혔다.

{lead}
- 지역주도형 AI 대전환 사업: 70억원
▲ 자율주행 실증도시 조성 사업 45억원
△ AI 반도체 팹리스 지원 사업 12억원
▷ 초거대 AI 플랫폼 구축 사업(20억원)

시는 사업비 5억원을 따로 마련한다."""


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        ("국비 확보 내역은 다음과 같다.", "national"),
        ("주요 내역은 다음과 같다.", "unspecified"),  # no payer in the lead: none (not the sentence before's)
        ("시비로 지원하는 사업은 아래와 같다.", "local"),
        ("국비와 시비로 하는 사업은 다음과 같다.", "unspecified"),  # two payers: none
        ("시는 이 사업들을 챙긴다.", "unspecified"),  # no lead cue
    ],
)
def test_list_items_take_the_payer_their_lead_names(lead: str, kind: str) -> None:
    rows = extract_budgets(split_sentences(LIST.format(lead=lead)), PUB)
    items = {b.amount_krw: b.kind for b in rows if b.evidence.text[:1] in "-▲△▷"}
    assert sorted(items) == [1_200_000_000, 2_000_000_000, 4_500_000_000, 7_000_000_000]
    assert set(items.values()) == {kind}
    after = [b.kind for b in rows if b.amount_krw == 500_000_000]
    assert after == ["unspecified"]  # the sentence after the list is not an item


def test_list_items_keep_the_name_they_are_listed_under() -> None:
    from etl.extract.document import extract_document
    from etl.models import Document

    facts = extract_document(
        Document(source="x.txt", text=LIST.format(lead="국비 확보 내역은 다음과 같다."), lang="ko")
    )
    links = {b.amount_krw: b.program for b in facts.budgets}
    assert links[4_500_000_000] == "자율주행 실증도시 조성 사업"
    assert links[1_200_000_000] == "AI 반도체 팹리스 지원 사업"
    assert links[2_000_000_000] == "초거대 AI 플랫폼 구축 사업"


@pytest.mark.parametrize("entry", lexicon.entries("subtitle_marks"), ids=lambda e: e.term)
def test_a_subtitle_wrapped_in_dashes_is_a_headline_not_a_list_item(entry: lexicon.Entry) -> None:
    from etl.extract.list_leads import is_list_line

    assert entry.example.startswith(entry.term) and entry.example.rstrip().endswith(entry.term)
    assert not is_list_line(entry.example)
    if entry.term in lexicon.terms("list_marks", "line"):  # a dash opening a line is still a bullet
        assert is_list_line(f"{entry.term} 지역 AI 실증 사업: 70억원")


def test_a_figure_in_the_dash_subtitle_and_again_in_the_body_is_one_row() -> None:
    text = (
        "제주도, AI 데이터 사업 11개 과제 선정\n"
        "- 데이터 구축 사업 11개 과제 선정 … 국비 162억 원 확보 -\n"
        "□ 제주도는 '인공지능 학습용 데이터 구축사업'에 11개 과제가 뽑혀 국비 162여억 원을 받게 됐다."
    )
    assert [b for b, *_ in budgets(text)] == [16_200_000_000]
    # two bullet lines of one value stay two things
    assert [
        b for b, *_ in budgets("사업 내역은 다음과 같다.\n- A 사업: 국비 50억 원\n- B 사업: 국비 50억 원")
    ] == [
        5_000_000_000,
        5_000_000_000,
    ]


@pytest.mark.parametrize(
    "text",
    ["- 중형 펀드 2개: 각 500억원 규모", "정부는 지역 펀드 2개를 각 500억원 규모로 만든다."],
)
def test_a_count_then_a_colon_or_object_then_each_is_said_of_every_thing(text: str) -> None:
    # fixtures README, budget amounts: one value said of two things is two rows
    assert [b for b, *_ in budgets(text)] == [50_000_000_000, 50_000_000_000]
