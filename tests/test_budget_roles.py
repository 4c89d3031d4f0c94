"""Money roles from the words around an amount: economic effects, accounts and envelopes, changes in a bill,
ceilings, investment, revenue (fixtures README, role rule and its rulings)."""

from __future__ import annotations

import pytest

from etl import lexicon
from etl.extract import project_counts
from tests.test_budgets import roles

# --- role cues (role2): economic effects, accounts, envelopes and ceilings a figure grows from ---


@pytest.mark.parametrize(
    "text",
    [
        "시는 단지가 문을 열면 해마다 300억 원 안팎의 지역경제 유발 효과가 날 것으로 본다.",
        "도는 이 센터가 1200억원 규모의 생산 유발 효과를 낼 것으로 내다봤다.",
        "군은 연간 150억 원의 지역경제 파급효과를 기대한다.",
        "시는 이 사업이 약 900억 원의 부가가치를 만들 것으로 본다.",
        "The 300 trillion won figure is a projected effect of the plan.",
    ],
)
def test_an_economic_effect_is_other_money_not_a_market(text: str) -> None:
    assert [r for _, r in roles(text)] == ["other"]


def test_a_noun_after_the_amount_reaches_a_loss_cue_only_after_of() -> None:
    assert [r for _, r in roles("태풍으로 50억원의 재산 피해가 났다.")] == ["other"]
    # money spent on repairs is no loss
    assert [r for _, r in roles("군은 30억원을 들여 피해 복구에 나선다.")] == ["budget"]


def test_a_budget_account_and_a_new_years_budget_bill_are_envelopes() -> None:
    got = roles("도의 일반회계는 3000억원 늘어난 9조2000억원, 특별회계는 1조1000억원이다.")
    assert [r for _, r in got] == ["change", "base", "base"], got
    assert [r for _, r in roles("국회는 700조 원 규모 새해 예산안을 처리했다.")] == ["base"]


def test_the_figure_an_envelope_or_a_ceiling_grows_to_takes_its_role() -> None:
    got = roles("정부 AI 예산은 올해 2조원에서 내년 5조원으로 크게 늘어난다.")
    assert [r for _, r in got] == ["base", "base"], got
    got = roles("기업당 지원 한도를 지금의 1억원에서 3억원으로 올린다.")
    assert [r for _, r in got] == ["cap", "cap"], got


@pytest.mark.parametrize(
    "text",
    [
        "예결위는 시 추경안에서 모두 7건, 25억 원을 깎았다.",
        "도의회는 요구액 가운데 200억원 넘게 깎인 사업을 다시 따졌다.",
        "예결위는 교육청 추경안에서 6건, 31억 원을 덜어냈다.",
        "의원들의 지역구에는 도로 사업에 모두 90억여 원이 추가로 담겼다.",
    ],
)
def test_money_cut_from_or_added_to_a_bill_is_a_change(text: str) -> None:
    assert [r for _, r in roles(text)] == ["change"]


def test_investments_a_company_attracted_or_puts_in_itself_are_investment() -> None:
    text = "The lab said investments totaling 12 billion won had been raised by its startups."
    assert [r for _, r in roles(text)] == ["investment"]
    got = roles("국비 80억원과 민간 자체 투자 20억원 등 모두 100억원이 들어간다.")
    assert [r for _, r in got][1] == "investment", got


@pytest.mark.parametrize(
    "text",
    [
        "부산시, 내년 국비 8조2000억 확보…AI 신산업 탄력",
        "강원도는 내년 AI·바이오 국비 2100억원을 확보했다.",
        "인천시는 모두 5조1200억원의 국비를 확보했다고 밝혔다.",
        "부산시 내년 예산 18조원…AI 산업에 힘 싣는다",
    ],
)
def test_a_regions_yearly_national_funds_or_budget_is_an_envelope(text: str) -> None:
    assert [r for _, r in roles(text)] == ["base"]


def test_national_money_a_region_spends_or_adds_is_no_envelope() -> None:
    # spent on one thing: a budget; more of it won in the Assembly: a change
    assert [r for _, r in roles("시는 내년 국비 40억원을 들여 AI 센터를 짓는다.")] == ["budget"]
    assert [r for _, r in roles("강원도, 국회 심의서 내년 국비 90억 더 따내")] == ["change"]


def test_an_envelope_named_as_the_object_covers_the_figure_it_is_raised_to() -> None:
    got = roles("정부는 내년도 총지출을 올해보다 6.5% 늘린 690조원 규모로 짰다.")
    assert [r for _, r in got] == ["base"], got
    # a program named after the envelope's object takes its own money
    got = roles("시는 추경을 통해 AI 바우처 사업에 30억원을 더 넣는다.")
    assert [r for _, r in got] != ["base"], got


@pytest.mark.parametrize(
    "text",
    [
        "The ministry's R&D budget for 2027 rose 8.5 per cent on the year to 11 trillion won.",
        "Presenting next year's national R&D budget, the ministry said the total will grow 2.5 percent to 30 trillion won.",
    ],
)
def test_an_english_envelope_that_grows_to_a_figure_covers_it(text: str) -> None:
    assert [r for _, r in roles(text)] == ["base"]


def test_a_program_that_grows_to_a_figure_keeps_its_budget() -> None:
    text = "The voucher program rose 20 percent to 30 billion won this year."
    assert [r for _, r in roles(text)] == ["budget"]


@pytest.mark.parametrize(
    "text",
    [
        "모두 12교를 뽑아 한 학교에 최대 6000만 원, 합계 7억2000만 원을 지원한다.",
        "본선에 오른 15개 팀은 최대 2억 원의 사업화 자금과 컨설팅을 받는다.",
        "Their annual support limit rises from 100 million won to 150 million won.",
    ],
)
def test_what_each_recipient_may_get_at_most_is_a_cap(text: str) -> None:
    assert next(r for _, r in roles(text)) == "cap", roles(text)


def test_a_line_cut_in_full_is_a_change() -> None:
    assert [r for _, r in roles("시의회, 교육청 'AI 튜터' 20억 전액 삭감")] == ["change"]


def test_money_put_into_or_secured_through_an_envelope_is_a_line_of_it() -> None:
    assert [r for _, r in roles("시는 남은 시비 40억원을 내년 본예산에 요구했다.")] == ["budget"]
    assert [r for _, r in roles("구는 AI 돌봄 사업비 8억원을 추경안에 담았다.")] == ["budget"]
    assert [r for _, r in roles("정부 추경으로 확보한 200억원가량의 실증사업비를 올해 쓴다.")] == ["budget"]
    # the envelope's own size stays an envelope
    assert [r for _, r in roles("정부는 20조원 규모의 추경안을 의결했다.")] == ["base"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The culture ministry's extra budget was set at 50 billion won.", "base"),
        ("The extra budget sets aside 30 billion won for AI chips.", "budget"),  # a line of it
        ("새해에는 지자체 예산만 총 300억원 이상이 AI에 들어간다.", "base"),
        ("국방예산(올해 약 60조 원)도 크게 바뀐다.", "base"),
    ],
)
def test_an_extra_budget_a_defence_budget_or_local_governments_budgets_are_envelopes(
    text: str, role: str
) -> None:
    assert [r for _, r in roles(text)] == [role]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("시는 센터가 들어서면 해마다 지방세 80억원을 거둘 것으로 본다.", "revenue"),
        ("The startups generated 300 billion won in combined income over ten years.", "revenue"),
        ("도 AI국 내년 예산, 요구액보다 200억 덜 반영", "change"),
    ],
)
def test_tax_a_city_collects_income_firms_make_and_money_left_out_of_a_bill(text: str, role: str) -> None:
    assert [r for _, r in roles(text)] == [role]


def test_the_items_of_a_list_closed_by_a_change_are_changes() -> None:
    got = roles("군산에서는 항만 정비에 8억 원, 공원 조성에 1억5000만 원 등 30억 원이 증액됐다.")
    assert [r for _, r in got] == ["change", "change", "change"], got
    got = roles("계속 사업 가운데서는 박물관 건립에 3억 원, 포럼 개최에 1억 원이 더해졌다.")
    assert [r for _, r in got] == ["change", "change"], got
    # a clause of its own before the change is no item of it
    got = roles("장비 사업에는 올해 500억원이 들어갔는데, 내년에는 여기에 60억원이 더해졌다.")
    assert [r for _, r in got] == ["budget", "change"], got


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("입주 기업들은 지난해 300억원의 투자를 유치했다.", "investment"),
        ("참여 스타트업은 모두 95억원 투자 유치에 성공했다.", "investment"),
        ("시는 국비 50억원을 유치했다.", "budget"),  # national money won is no investment
    ],
)
def test_attracted_investment_is_investment(text: str, role: str) -> None:
    assert [r for _, r in roles(text)] == [role]


@pytest.mark.parametrize(
    "entry", lexicon.entries("money_project_counts"), ids=lambda e: f"{e.meaning}:{e.term}"
)
def test_money_for_a_count_of_unnamed_projects_is_an_envelope(entry: lexicon.Entry) -> None:
    # README third set, counts of projects: a body's assorted projects counted, not named, make a `base`
    assert entry.term in entry.example
    assert [r for _, r in roles(entry.example)] == ["base"], (entry.example, roles(entry.example))


def test_a_count_of_firms_or_a_named_projects_figure_is_no_count_of_projects() -> None:
    # "150개 기업 … 사업화 900억원": firms selected, and 사업화 is another word than 사업
    assert roles("5개 분야에서 120개 기업을 뽑아 사업화 700억원을 지원한다.")[0][1] == "budget"
    # a figure in brackets right after a name is that project's, whatever count follows
    assert not project_counts.counted("드론 실증(", ")을 비롯한 AI 관련 12개 사업에")
    # a count after an English amount names a spending area: "will fund 14 projects that …"
    assert (
        roles("Another 90 billion won will fund 12 projects that bring AI into hospitals.")[0][1] == "budget"
    )
    assert project_counts.counted("", "…클라우드·AI로 150개 사업")


def test_an_english_committee_that_raises_spending_or_restores_a_cut_states_a_change() -> None:
    assert roles("The farm committee raised spending by 310 billion won.") == [(310_000_000_000, "change")]
    assert roles("It restored the 2.5 trillion won grant for local schools.") == [
        (2_500_000_000_000, "change")
    ]


def test_an_english_upper_bound_a_recipient_gets_is_a_cap() -> None:
    assert roles("Promising firms can receive up to 250 million won over three years.") == [
        (250_000_000, "cap")
    ]
    # without a bound the figure is the program's money, whatever verb stands before it
    assert roles("Promising firms will receive 250 million won in total.")[0][1] != "cap"


def test_an_english_share_of_government_support_or_own_investment_names_its_payer() -> None:
    from tests.test_budget_payers import _kinds

    text = (
        "Each plant will get 300 million won of government support and 100 million won of its own investment."
    )
    assert _kinds(text) == [(300_000_000, "national"), (100_000_000, "private")], _kinds(text)
    assert roles(text)[1] == (100_000_000, "investment"), roles(text)


def test_an_upper_bound_said_per_recipient_after_the_amount_or_by_a_counted_label_is_a_cap() -> None:
    assert roles("The fund will lend up to 3 billion won per firm to 40 firms.")[0] == (3_000_000_000, "cap")
    assert roles("△소형(25곳): 최대 6000만원") == [(60_000_000, "cap")]


@pytest.mark.parametrize("entry", lexicon.entries("money_owner_verbs"), ids=lambda e: e.term)
def test_a_ministrys_budget_named_with_the_verb_that_drew_it_up_is_an_envelope(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert [r for _, r in roles(entry.example)] == ["base"], roles(entry.example)
