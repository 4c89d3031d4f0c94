"""Program links (etl/extract/links.py, programs.py): events are no programs, quoted 과제 names are, and a
phase or version number keeps two programs apart. Sample sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from etl import lexicon
from etl.extract.document import extract_document
from etl.extract.programs import extract_programs, names_event
from etl.models import Document
from etl.nlp import split_sentences


def links(text: str, lang: str = "ko") -> list[tuple[int | None, str | None]]:
    """(won, program) of every amount the real extractor finds in `text`."""
    facts = extract_document(Document(source="t", text=text, published_on=date(2025, 1, 1), lang=lang))
    return [(b.amount_krw, b.program) for b in facts.budgets]


def names(text: str, lang: str = "ko") -> list[str]:
    return [p.name for p in extract_programs(split_sentences(text), lang)]


@pytest.mark.parametrize("entry", lexicon.entries("program_event_heads"), ids=lambda e: e.term)
def test_a_name_ending_in_an_event_head_is_no_program(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    lang = "en" if entry.example.isascii() else "ko"
    assert not any(entry.term.lower() in n.lower() for n in names(entry.example, lang))


def test_names_event_looks_at_the_end_of_the_name_only() -> None:
    assert names_event("2025 지역 AI 혁신 보고대회")
    assert names_event("AI Seoul Summit")
    assert not names_event("그린수소 글로벌 포럼 개최사업")  # a program that pays for a forum


def test_a_summit_is_not_the_storys_program() -> None:
    text = "'AI 서울 정상회의' 개막\n정부는 21일 'AI 서울 정상회의'를 열었다. 정부는 AI 안전 연구에 내년 300억원을 쓴다."
    assert links(text) == [(30_000_000_000, None)]


def test_an_event_listed_before_an_amount_is_not_added_as_a_program() -> None:
    text = "시는 올해 행사 예산을 정했다. '2025 부산 AI 혁신 포럼'에는 3억원이 들어간다."
    assert links(text) == [(300_000_000, None)]


def test_a_quoted_task_name_is_a_program() -> None:
    text = "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 시는 '제조 AI 전환 과제'에 모두 30억원을 배정했다."
    assert links(text) == [(3_000_000_000, "제조 AI 전환 과제")]


def test_a_word_holding_a_noise_word_does_not_make_the_quote_noise() -> None:
    assert names("시는 '연구 기자재 공동활용 사업'을 연다.") == ["연구 기자재 공동활용 사업"]
    assert names("시는 '국가 AI 연구거점 운영계획'을 내놓았다.") == []


def test_a_phase_number_keeps_two_programs_apart() -> None:
    text = (
        "대구시, 기업 지원 강화\n시는 산업 지원 계획을 내놓았다. 시는 '제조 AI 혁신 1단계 사업'을 마무리했다. "
        "이어 '제조 AI 혁신 2단계 사업'에 120억원을 넣는다."
    )
    assert links(text) == [(12_000_000_000, "제조 AI 혁신 2단계 사업")]
