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
