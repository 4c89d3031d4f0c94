"""Date lines as real pages carry them: bylines, stamps, embargo lines, datelines, meta tags.

The sentences are our own. Where the text states the date with its year the extractor reads it; where it does not,
it returns None rather than guess a year.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.dates import find_published_date
from etl.models import RawDoc
from etl.parse import parse

NOV24 = date(2025, 11, 24)


@pytest.mark.parametrize(
    "head",
    [
        "정부, 지역 AI 거점 세 곳 선정\n김민지 기자 입력 2025.11.24. 오전 9:30",
        "입력 2025.11.24 09:30 | 수정 2025.11.25 18:02\n과기정통부는 거점을 선정했다.",
        "수정 2025.11.26 10:00\n입력 2025.11.24 09:30\n과기정통부는 거점을 선정했다.",
        "등록 2025-11-24 09:30\n시는 센터를 열었다.",
        "2025.11.24.\n시는 센터를 열었다.",
        "2025-11-24 09:30\n시는 센터를 열었다.",
        "Posted : 2025-11-24 17:10\nThe city opened a centre.",
        "Nov. 24, 2025\nThe ministry picked three hubs.",
        "Updated: Nov 24, 2025\nThe ministry picked three hubs.",
        "보도시점 2025. 11. 24.(월) 12:00\n과학기술정보통신부는 거점 세 곳을 선정했다.",
        "보도시점 : 2025. 11. 24.(월) 12:00 이후 (11. 25.(화) 조간)\n정부는 거점을 선정했다.",
        "By Lee Sora\nPublished : 2025-11-24 17:10 Updated : 2025-11-25 08:00\nThe ministry picked three hubs.",
        "이소라 기자 sora@example.co.kr\n2025년 11월 24일 월요일\n정부는 2026년 3월 2일 개소한다고 밝혔다.",
        "SEOUL, Nov. 24 (Yonhap) -- The ministry picked three hubs.\n(END) 2025/11/24 17:10",
        "정부는 내년 3월 개소한다.\n등록일 2025-11-24\n조회수 120",
        "기사입력 2025-11-24 오후 5:10:00 최종수정 2025-11-25 오전 9:00:00",
        "작성일 : 2025년 11월 24일\n시는 센터를 열었다.",
    ],
)
def test_date_line_with_its_year(head: str) -> None:
    assert find_published_date(head) == NOV24


@pytest.mark.parametrize(
    "head",
    [
        # A dateline of day and month only, and no year anywhere near: no guess.
        "SEOUL, Nov. 24 (Yonhap) -- The ministry picked three hubs for its AI programme.",
        "시는 11월 24일 센터를 열었다고 밝혔다.",
        "(서울=연합뉴스) 김민지 기자 = 과기정통부는 24일 거점 세 곳을 선정했다고 밝혔다.",
    ],
)
def test_no_year_no_date(head: str) -> None:
    assert find_published_date(head) is None


def test_body_date_is_not_the_publication_date() -> None:
    head = "이소라 기자\n입력 2025.11.24\n시는 2025년 12월 15일 착공식을 열 계획이라고 밝혔다."
    assert find_published_date(head) == NOV24


def test_body_date_in_a_sentence_before_the_byline() -> None:
    head = "시는 2025년 12월 15일 착공식을 연다고 밝혔다.\n이소라 기자 2025.11.24"
    assert find_published_date(head) == NOV24


def test_dateline_takes_its_year_from_the_stamp_below() -> None:
    head = "SEOUL, Nov. 24 (Yonhap) -- The ministry picked three hubs.\nsora@yna.co.kr\n(END) 2025/11/24"
    assert find_published_date(head) == NOV24


def test_html_meta_published_time() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2025-11-24T09:30:00+09:00">'
        "<title>AI hubs</title></head><body><article><h1>AI hubs</h1>"
        "<p>The ministry picked three hubs on Dec. 1, 2025, it said.</p></article></body></html>"
    )
    [doc] = parse(RawDoc(source="a.html", kind="html", data=page.encode()))
    assert doc.published_on == NOV24


@pytest.mark.parametrize(
    "head",
    [
        # A date the title or a photo caption names comes before the reporter's line: the reporter's line wins.
        "AI 기본법 2026년 1월 22일 시행…하위법령 공개\n이소라 기자 2025.11.24",
        "2024년 3월 5일 열린 개소식 모습. (사진=시 제공)\n이소라 기자 2025.11.24",
        # The site's own "today" in its header is not the story's date.
        "2025.12.08 (월)\n로그인 회원가입\n정부, 거점 선정\n이소라 기자 2025.11.24 09:30",
        # An English sentence ending in a year is a sentence, not a date line.
        "The law takes effect on Jan. 22, 2026.\nThe ministry said it would pick hubs.\nNov 24, 2025",
    ],
)
def test_the_page_date_line_beats_a_date_the_story_names(head: str) -> None:
    assert find_published_date(head) == NOV24


def test_a_dateline_day_takes_its_year_from_the_stamp_at_the_foot() -> None:
    lead = "SEOUL, Nov. 24 (Yonhap) -- The law takes effect on Jan. 22, 2026, the ministry said.\n"
    assert find_published_date(lead + "More text follows. " * 120 + "\n(END)\n2025/11/24 17:10") == NOV24
    # With no full Nov. 24 anywhere, the body's year is no licence to guess.
    assert find_published_date(lead + "More text follows. " * 10) is None


def test_a_korean_agency_lead_takes_its_date_from_the_send_stamp() -> None:
    lead = "(서울=연합뉴스) 김민지 기자 = 과기정통부는 24일 거점 세 곳을 선정했다고 밝혔다.\n"
    body = "정부는 지역 거점을 넓힌다. " * 120
    assert find_published_date(lead + body + "\nsora@yna.co.kr\n2025/11/24 09:30 송고") == NOV24
    # A full date in the lead sentence is the story's, not the page's.
    assert (
        find_published_date(
            "(서울=연합뉴스) 김민지 기자 = 시는 2025년 12월 1일 센터를 연다고 밝혔다.\n" + body
        )
        is None
    )


def test_an_agency_byline_ending_in_its_dotted_date() -> None:
    head = "제목\n\n(서울=연합뉴스) 김민지 기자 = 2025. 11. 24.\n\n위원회는 2026년 예산을 확정했다고 24일 밝혔다."
    assert find_published_date(head) == NOV24


def _page_date(page: str) -> date | None:
    [doc] = parse(RawDoc(source="a.html", kind="html", data=page.encode()))
    return doc.published_on


def test_html_the_reporter_line_beats_a_header_today_box() -> None:
    page = (
        '<html><head><title>거점 선정</title></head><body><div class="top"><span class="today_date">'
        '2025년 12월 8일 월요일</span></div><article><h1>거점 선정</h1><div class="view_info"><span>이소라 기자'
        "</span> <span>입력 2025.11.24 09:30</span></div><p>과기정통부는 24일 거점을 선정했다고 밝혔다.</p>"
        "</article></body></html>"
    )
    assert _page_date(page) == NOV24


def test_html_a_time_in_a_sidebar_dates_another_story() -> None:
    page = (
        '<html><head><title>Hubs</title></head><body><aside><ul><li><a href="/x">Other story</a> '
        '<time datetime="2025-12-01">Dec 1</time></li></ul></aside><article><h1>Hubs</h1>'
        '<p class="byline">By Lee Sora | Nov. 24, 2025</p><p>The ministry picked three hubs, it said.</p>'
        "</article></body></html>"
    )
    assert _page_date(page) == NOV24


@pytest.mark.parametrize(
    "head",
    [
        "보도자료\n배포일시 2025. 11. 21.(금) 14:00 / 보도일시 2025. 11. 24.(월) 조간\n정부는 거점을 선정했다.",
        "배포 2025. 11. 21.(금)\n보도시점 2025. 11. 24.(월) 12:00\n정부는 거점을 선정했다.",
    ],
)
def test_the_embargo_date_beats_the_handout_date(head: str) -> None:
    assert find_published_date(head) == NOV24


def test_a_handout_date_alone_is_the_date() -> None:
    assert find_published_date("배포일시 2025. 11. 24.(월)\n정부는 거점을 선정했다.") == NOV24


def test_an_english_dateline_with_its_year_opens_the_lead() -> None:
    lead = "Title\nSEOUL, SOUTH KOREA, November 24, 2025 – The city government said it will build three hubs."
    assert find_published_date(lead) == NOV24
    assert (
        find_published_date(
            "Title\nSEOUL, Nov. 24, 2025 (Yonhap) -- The ministry will open hubs on Dec. 1, 2025."
        )
        == NOV24
    )


@pytest.mark.parametrize(
    "head",
    [
        # A date inside a story sentence, with no byline, dateline or stamp on the page: not the page's date.
        "The ministry said on Nov. 24, 2025 that it will build three hubs in the city.",
        "시는 2025년 11월 24일 센터를 열었다고 밝혔다.",
    ],
)
def test_a_story_sentence_alone_gives_no_page_date(head: str) -> None:
    assert find_published_date(head) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Korea and the Netherlands sign a chip pact\n\nNews item | 13-12-2023\n\nThe two governments agreed.",
            "2023-12-13",
        ),
        ("Digital pact signed\n\nPublished 05.03.2024\n\nThe ministers met in The Hague.", "2024-03-05"),
    ],
)
def test_a_day_first_date_with_a_dash_or_dot_before_the_year_is_read(text: str, day: str) -> None:
    assert str(find_published_date(text)) == day
