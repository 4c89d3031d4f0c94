"""The same value twice on a page: a head figure said again in the body is one row; two body lines are two.
And one value said of N things: N rows (counts with a comma, a span, a per-item word; names joined by a dot)."""

from __future__ import annotations

import pytest

from etl.extract.budgets import extract_budgets
from etl.nlp import split_sentences


def won(text: str) -> list[int | None]:
    return sorted(b.amount_krw for b in extract_budgets(split_sentences(text), None) if b.amount_krw)


LEAD = (
    "농진청, 내년 예산 1조 원 편성\n\n"
    "농촌진흥청은 내년도 정부 예산안에 기관 예산으로 모두 1조 원을 편성했다고 3일 밝혔다. 농진청은 디지털 농업 기술 "
    "확산과 청년 농업인 지원에 올해보다 더 무게를 뒀다고 설명했다.\n\n"
)


def test_two_body_lines_of_one_value_with_different_words_before_them_are_two_rows() -> None:
    text = (
        LEAD + "부문별로는 청년농업인 육성에 230억 원이 반영됐다. 병해충 방제사업(230억 원)도 새로 들어갔다."
    )
    assert won(text).count(23_000_000_000) == 2


def test_a_head_figure_said_again_in_the_body_is_one_row() -> None:
    text = LEAD + "이번 예산 1조 원은 올해보다 5% 늘어난 규모다. 스마트팜 보급에는 300억 원을 쓴다."
    assert won(text).count(1_000_000_000_000) == 1


def test_two_body_lines_of_one_value_with_the_same_words_before_it_are_one_row() -> None:
    text = LEAD + "중형 펀드는 2000억원 규모로 만든다. 운용사는 중형 펀드 2000억원을 연말까지 모은다."
    assert won(text).count(200_000_000_000) == 1


def test_an_english_body_restatement_with_other_words_is_a_second_row() -> None:
    text = (
        "Extra budget adds funds for ventures\n\n"
        "The government will put 1.3 trillion won into venture funds this year. The money comes from the extra budget "
        "passed on Thursday.\n\n"
        "It will put 200 billion won into AI transition projects. Low-interest loans will also be offered to "
        "startups, and 200 billion won will be injected for them."
    )
    assert won(text).count(200_000_000_000) == 2


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("선정 규모는 업종별 컨소시엄 4개, 각각 15억원이다.", 4),
        ("공공 분야에서는 2개 과제에 각각 2년간 30억원을 준다.", 2),
        ("지역 분야에서는 과제 3개를 선정해 과제별로 2년간 12억원을 지원한다.", 3),
        ("▷경남(창원)·부산 각 3억원", 2),
        ("▷전북·광주·세종 각 1억원", 3),
    ],
)
def test_one_value_said_of_several_things_is_a_row_for_each(text: str, n: int) -> None:
    values = won(text)
    assert len(values) == n and len(set(values)) == 1


def test_a_breakdown_by_area_is_not_said_of_each_area() -> None:
    assert len(won("분야별로 보면 AI 반도체에 500억원, 데이터에 300억원이 배정됐다.")) == 2


def test_a_figure_picked_out_again_after_a_pointer_back_is_one_row() -> None:
    text = LEAD + (
        "추경에는 AI 인프라 지원용으로 1조8000억원이 잡혀 있다. "
        "이 가운데 1조8000억 원이 AI 분야 몫으로, GPU 확보와 임차에 쓰인다."
    )
    assert won(text).count(1_800_000_000_000) == 1
