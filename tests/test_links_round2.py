"""Round 2 link rules on fresh pages: a figure summing one program's parts, and a body named like a program."""

from __future__ import annotations

import pytest

from etl import lexicon
from etl.extract.link_sums import sums_of_parts
from etl.models import Budget, Evidence
from tests.test_links import links, names


def test_a_headline_figure_that_sums_the_programs_parts_is_the_programs() -> None:
    text = (
        "Ministry to spend 9.5 billion won on smart clinics in rural towns\n\n"
        "The health ministry said it picked five towns for the Rural Smart Clinic Support Project. "
        "Of the money, 7 billion won goes to the Rural Smart Clinic Support Project's equipment. "
        "The Rural Smart Clinic Support Project also gets 2.5 billion won for training nurses."
    )
    assert (9_500_000_000, "Rural Smart Clinic Support Project") in links(text, "en")


def test_a_figure_summing_lines_of_several_programs_stays_unlinked() -> None:
    def line(won: int, program: str | None, start: int) -> Budget:
        return Budget(
            won / 1e8, "억원", "KRW", won, program=program, evidence=Evidence("s", start, start + 9)
        )

    budgets = [line(950, None, 0), line(700, "가 사업", 20), line(250, "나 사업", 40)]
    sums_of_parts(budgets)
    assert budgets[0].program is None
    budgets = [line(950, None, 0), line(700, "가 사업", 20), line(250, "가 사업", 40)]
    sums_of_parts(budgets)
    assert budgets[0].program == "가 사업"


@pytest.mark.parametrize(
    "entry",
    [e for e in lexicon.entries("program_forms") if e.meaning == "en_body"],
    ids=lambda e: e.term,
)
def test_a_name_followed_by_a_body_word_is_a_body_not_a_program(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert not any(entry.term in n for n in names(entry.example, "en"))
    assert not names(entry.example, "en")


_CALL = (
    "과기부는 올해 '스마트 항만 선도 사업'과 '해양 데이터 지원' 사업 공모를 시작한다고 밝혔다.\n"
    "스마트 항만 선도 사업으로 정부는 물류, 안전, 에너지 등 3개 분야에서 9개 과제를 뽑아 모두 120억원을 투입한다.\n"
)


def test_an_area_the_program_was_declared_to_have_carries_its_money() -> None:
    found = links(
        _CALL + "안전 분야에서는 선박 충돌 예측과 부두 화재 감지 등 2개 과제에 각각 3년간 25억원을 준다."
    )
    assert found[1:] == [(2_500_000_000, "스마트 항만 선도 사업")] * 2


def test_an_area_no_program_declared_keeps_its_own_purpose() -> None:
    found = links(_CALL + "관광 분야에서는 크루즈 안내 과제에 3년간 25억원을 준다.")
    assert found[1:] == [(2_500_000_000, None)]


@pytest.mark.parametrize("entry", lexicon.entries("program_makeup_leads"), ids=lambda e: e.term)
def test_the_lines_under_a_lead_giving_a_programs_makeup_are_its_parts(entry: lexicon.Entry) -> None:
    text = entry.example.replace("\\n", "\n")
    assert entry.term in text
    lang = "en" if text.isascii() else "ko"
    got = links(text, lang)
    assert len(got) == 2 and {p for _, p in got} == {
        "AI 캠퍼스 조성사업" if lang == "ko" else "AI Campus Project"
    }, got


def test_lines_under_a_makeup_lead_that_names_no_program_keep_their_names() -> None:
    text = "한빛대의 세부 구성은 다음과 같다.\n▲AI 연구 지원사업: 800억원\n▲AI 기숙사 건립사업: 400억원"
    assert dict(links(text))[80_000_000_000] == "AI 연구 지원사업"
