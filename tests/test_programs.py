"""Program names from quotes and forms, English names kept, spelling variants merged."""

from __future__ import annotations

import pytest

from etl.extract.programs import extract_programs, norm_key
from etl.nlp import split_sentences


def names(text: str, lang: str = "ko") -> list[tuple[str, str | None]]:
    return [(p.name, p.name_en) for p in extract_programs(split_sentences(text), lang)]


def test_quoted_name_with_english_in_parentheses() -> None:
    text = "과기정통부는 28일 '국가 AI 연구거점(National AI Research Lab)' 개소식을 가졌다."
    assert names(text) == [("국가 AI 연구거점", "National AI Research Lab")]


def test_english_after_closing_quote() -> None:
    text = "정부는 'K-클라우드 프로젝트'(K-Cloud Project)를 추진한다."
    assert names(text) == [("K-클라우드 프로젝트", "K-Cloud Project")]


def test_spelling_variants_in_one_document_are_one_program() -> None:
    text = (
        "대한민국 AI연구 주도할 '국가 AI연구거점' 출범\n"
        "'국가 AI 연구거점(National AI Research Lab)'이 문을 열었다.\n"
        "'국가 AI거점'이 서울에 들어섰다."
    )
    assert names(text) == [
        ("국가 AI 연구거점", "National AI Research Lab")
    ]  # the spelling with its English name


@pytest.mark.parametrize(
    "quote",
    [
        '"이곳에서 국내외 AI 연구자들이 교류하길 바란다"',  # speech
        "'인공지능:기술개발의 특이점'",  # a talk title: no program word
        "'국가 AI 연구거점 운영계획'",  # a plan presented at an event, not a new program
        "'플랫폼'",  # a bare program word
        "'인간성'(Humanity)",  # a principle: an English gloss alone does not make a program
        "'국가인공지능위원회'",  # a committee is an institution
    ],
)
def test_quotes_that_are_not_programs(quote: str) -> None:
    assert names(f"그는 {quote}을 발표했다.") == []


def test_bare_program_phrase_ending_in_saeop() -> None:
    text = "정부는 AI 학습용 데이터 구축 사업에 2925억원을 투입한다. AI 학습용 데이터 구축 사업은 계속된다."
    assert names(text) == [("AI 학습용 데이터 구축 사업", None)]


def test_english_program_names() -> None:
    text = (
        "The ministry opened the National AI Research Lab in Seoul. "
        "It is part of the National Strategy for Artificial Intelligence announced in 2019."
    )
    got = [n for n, _ in names(text, "en")]
    assert got == ["National AI Research Lab", "National Strategy for Artificial Intelligence"]


def test_url_in_parentheses_is_not_an_english_name() -> None:
    assert names("'AI 허브'(aihub.or.kr)에 데이터를 공개한다.") == [("AI 허브", None)]


def test_leading_conjunction_is_not_part_of_a_bare_name() -> None:
    text = "항만, 물류 등 디지털 산업 육성 사업에 쓴다. 디지털 산업 육성 사업은 계속된다."
    assert names(text) == [("디지털 산업 육성 사업", None)]


def test_weak_english_name_is_dropped() -> None:
    assert names("It is part of the New Deal. The Korean New Deal runs to 2025.", "en") == [
        ("Korean New Deal", "Korean New Deal")
    ]


def test_english_body_is_not_a_program() -> None:
    assert names("The Presidential Committee on National AI Strategy met on Monday.", "en") == []


def test_norm_key_meets_spellings() -> None:
    assert norm_key("인공지능(AI) 국가전략") == norm_key("인공지능 국가전략")
    assert norm_key("인공지능 국가전략") == norm_key("AI 국가 전략") == "ai국가전략"
    assert norm_key("'AI 바우처 사업'") == norm_key("AI바우처")
    assert norm_key("National AI Research Lab") == "nationalairesearchlab"
