"""Dates: publication date from bylines, day mentions, fiscal years and program periods."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.extract.dates import find_dates, find_period, find_published_date, fiscal_year, resolve_day

OCT28 = date(2024, 10, 28)
SEED = Path("/work/shared/seed/national_ai_research_lab_2024-10-28.txt")


@pytest.mark.parametrize(
    "head",
    [
        "AI 연구거점 출범\n홍길동 기자 / 기사승인 : 2024-10-28 14:30:03\n본문이 이어진다.",
        "입력 2024.10.28",
        "입력 2024-10-28 10:00",
        "등록 2024.10.28 09:12",
        "보도일시 2024. 10. 28.(월)",
        "과학기술정보통신부 보도자료\n2024년 10월 28일(월) 조간\n국가 AI 연구거점이 문을 열었다.",
        "2024-10-28\n정부는 연구거점을 열었다.",
        "SEOUL, Oct. 28 (Yonhap) -- South Korea opened a lab.\nPublished : Oct 28, 2024",
        "SEOUL, Oct. 28 (Yonhap) -- South Korea opened a lab.\n(END) 2024/10/28 14:00",
        "Posted on October 28, 2024\nThe ministry opened a lab.",
        "28 October 2024\nThe ministry opened a lab.",
        "홍길동 기자 | 수정 2024.10.30 | 입력 2024.10.28",
        "정부는 2024년 11월 5일 착공식을 연다고 밝혔다.\n입력 2024.10.28",
        "정부는 2024년 11월 5일 착공식을 연다고 밝혔다.\n홍길동 기자 2024.10.28",
        "Updated: 2024-10-30 | Published: 2024-10-28",
        "작성일 24-10-28 11:02\n국회는 예산을 심사했다.",
        "By Hong Gildong | Posted : October 28, 2024, 16:06 | Updated : October 30, 2024, 09:00",
        "Published: 28 Oct. 2024, 14:26",
    ],
)
def test_published_date_from_head(head: str) -> None:
    assert find_published_date(head) == OCT28


def test_two_digit_year_needs_a_label() -> None:
    assert find_published_date("문의 02-10-28\n정부는 연구거점을 열었다.") is None


def test_published_date_of_seed_article() -> None:
    if not SEED.exists():
        pytest.skip("seed announcement not present")
    assert find_published_date(SEED.read_text(encoding="utf-8")) == OCT28


def test_published_date_old_format() -> None:
    assert find_published_date("발행일2019.10.06\n내용") == date(2019, 10, 6)


def test_event_date_in_sentence_is_not_publication_when_a_byline_exists() -> None:
    assert find_published_date("홍길동 기자\n정부는 2024년 11월 5일 개소식을 가졌다.") is None


def test_published_date_looks_at_the_head_then_a_stamp_at_the_foot() -> None:
    assert find_published_date("본문 " * 800 + "\n2024년 11월 5일 착공식을 연다.") is None
    assert find_published_date("본문 " * 800 + "\n관련기사 AI 거점 선정 2024.10.20") is None
    # A page whose top has no date keeps its own stamp at the foot (a labelled line, 송고, (END)).
    assert find_published_date("본문 " * 800 + "\n입력 2024.10.28") == OCT28
    assert find_published_date("본문 " * 800 + "\n2024/10/28 14:00 송고") == OCT28
    assert find_published_date("날짜가 없는 글이다.") is None


def test_dateline_without_any_year_gives_nothing() -> None:
    assert find_published_date("SEOUL, Oct. 28 (Yonhap) -- Korea will invest more.") is None


@pytest.mark.parametrize(
    ("day", "ref", "expected"),
    [
        (28, OCT28, OCT28),
        (3, OCT28, date(2024, 10, 3)),
        (30, OCT28, date(2024, 9, 30)),
        (30, date(2024, 3, 5), date(2024, 1, 30)),  # February has no 30th
        (31, date(2024, 1, 2), date(2023, 12, 31)),
    ],
)
def test_resolve_day(day: int, ref: date, expected: date) -> None:
    assert resolve_day(day, ref) == expected


def test_resolve_day_rejects_impossible_days() -> None:
    with pytest.raises(ValueError):
        resolve_day(32, OCT28)


def test_find_dates_resolves_day_mentions() -> None:
    ref = date(2026, 1, 20)
    text = "산업통상부가 오는 21일부터 2월 25일까지 모집한다고 20일 밝혔다."
    assert [d for _s, _e, d in find_dates(text, ref)] == [date(2026, 1, 21), date(2026, 2, 25), ref]
    past = find_dates("과기정통부는 28일 서울에서 개소식을 가졌다.", ref)
    assert past == [(7, 10, date(2025, 12, 28))]


def test_find_dates_full_dates_and_spans() -> None:
    text = "2024년 10월 28일 개소했고 2025.1.2 착수, by March 3, 2025 done"
    found = find_dates(text, None)
    assert [d for _s, _e, d in found] == [OCT28, date(2025, 1, 2), date(2025, 3, 3)]
    assert text[found[0][0] : found[0][1]] == "2024년 10월 28일"


def test_find_dates_skips_durations_and_needs_ref_for_partial_dates() -> None:
    assert find_dates("행사는 3일간 열린다.", OCT28) == []
    assert find_dates("28일 개소식을 가졌다.", None) == []
    assert find_dates("On Oct. 28 it opened.", date(2025, 1, 10))[0][2] == OCT28  # nearest year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025년 예산 100억원을 편성했다", 2025),
        ("2025년도 예산안", 2025),
        ("'24년 100억원 투입", 2024),
        ("내년도 예산에 반영", 2025),
        ("내년 예산에 반영", 2025),
        ("올해 100억원을 지원", 2024),
        ("금년 중 집행", 2024),
        ("FY2025 budget request", 2025),
        ("the 2025 budget includes", 2025),
        ("fiscal 2026 spending", 2026),
        ("2028년까지 946억원", None),
        ("2024~2028년 총 946억원", None),
        ("by 2028 the lab", None),
        ("예산 100억원", None),
    ],
)
def test_fiscal_year(text: str, year: int | None) -> None:
    assert fiscal_year(text, OCT28) == year


def test_fiscal_year_relative_words_need_ref() -> None:
    assert fiscal_year("내년 예산에 반영", None) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("정부는 2028년까지 946억원을 투입한다", (None, 2028)),
        ("2024~2028년 총 946억원", (2024, 2028)),
        ("2024년부터 2028년까지 5년간", (2024, 2028)),
        ("'24~'28년 사업", (2024, 2028)),
        ("2024-2028 사업계획", (2024, 2028)),
        ("5년간(2024~2028) 추진", (2024, 2028)),
        ("2024~28년 추진", (2024, 2028)),
        ("from 2024 to 2028", (2024, 2028)),
        ("through 2028", (None, 2028)),
        ("by 2028", (None, 2028)),
        ("until 2030", (None, 2030)),
        ("2024년부터 추진", (2024, None)),
        ("내년부터 2030년까지", (2025, 2030)),
        ("2024-10-28 개소", (None, None)),
        ("전화 02-2024-2028", (None, None)),
        ("1990~2200년", (None, None)),
        ("2,132평 규모", (None, None)),
    ],
)
def test_find_period(text: str, period: tuple[int | None, int | None]) -> None:
    assert find_period(text, OCT28) == period


def test_month_first_slash_date_of_english_sites() -> None:
    assert find_published_date(
        "Headline\n\nWed, 06/18/2025 - 10:33\n\nSEOUL, June 18 (Yonhap) -- Text."
    ) == date(2025, 6, 18)
    assert find_published_date("Posted 18/06/2025\n\nText of the story.") is None  # 18 is no month
