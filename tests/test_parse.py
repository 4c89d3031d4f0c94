"""Readers: text, HTML, PDF and feeds give clean Documents; bad input gives one clear ParseError line."""

from __future__ import annotations

import codecs
import hashlib
import random
from datetime import date
from pathlib import Path

import pytest

from etl.models import RawDoc
from etl.parse import ParseError, parse
from etl.parse.html import decode_html, find_published

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
PDF_BYTES = (FIXTURES / "announcement.pdf").read_bytes()


def raw(name: str, kind: str, data: bytes | None = None) -> RawDoc:
    """A RawDoc for a fixture file (or for the given bytes under that name)."""
    return RawDoc(source=name, kind=kind, data=data if data is not None else (FIXTURES / name).read_bytes())


def parse_error(doc: RawDoc) -> str:
    with pytest.raises(ParseError) as info:
        parse(doc)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{doc.source}: ")
    return message


# --- text ---------------------------------------------------------------------------------------


def test_cp949_text_file() -> None:
    [doc] = parse(raw("notice_cp949.txt", "text"))
    assert doc.title == "정부, 지역 AI 거점 확대 계획 발표"
    assert doc.text.startswith(doc.title + "\n")  # the title stays in the text
    assert "권역별 거점을 단계적으로" in doc.text
    assert (doc.kind, doc.lang) == ("text", "ko")
    assert doc.content_hash == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "data",
    [
        "# 국가 AI 연구거점 개소\n\n본문입니다.".encode(),
        codecs.BOM_UTF8 + "# 국가 AI 연구거점 개소\n\n본문입니다.".encode(),
        "# 국가 AI 연구거점 개소\r\n\r\n본문입니다.".encode("utf-16"),  # with BOM
        "# 국가 AI 연구거점 개소\n\n본문입니다.".encode("euc-kr"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "euc-kr"],
)
def test_text_encodings(data: bytes) -> None:
    [doc] = parse(raw("note.md", "text", data))
    assert doc.title == "국가 AI 연구거점 개소"
    assert doc.text == "# 국가 AI 연구거점 개소\n\n본문입니다."


def test_long_first_line_is_not_a_title() -> None:
    [doc] = parse(raw("x.txt", "text", ("가" * 151 + "\n둘째 줄").encode()))
    assert doc.title is None


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4000) + b"\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(1, 32)) * 20,
        "caf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1"),  # wrong encoding: neither UTF-8 nor CP949
        bytes(range(1, 9)) * 50 + "텍스트".encode(),  # control characters
    ],
    ids=["random-with-nuls", "zip-like", "latin-1", "controls"],
)
def test_binary_or_undecodable_text_is_refused(data: bytes) -> None:
    assert parse_error(raw("blob.txt", "text", data)).endswith("not a text file (binary content)")


# --- html ---------------------------------------------------------------------------------------


def test_utf8_news_page_keeps_article_only() -> None:
    [doc] = parse(raw("news_utf8.html", "html"))
    assert doc.title == "양재동에 '국가 AI 연구거점' 문 열어"
    assert doc.published_on == date(2024, 10, 28)
    lines = doc.text.splitlines()
    assert lines[0] == doc.title
    assert "정책팀 / 기사승인 : 2024-10-28 14:30:03" in lines
    for fact in (
        "국비 440억원을 포함해 모두 946억원",
        "약 2132평",
        "로봇 파운데이션 모델",
        "100여 명이 참석",
    ):
        assert fact in doc.text
    for chrome in ("로그인", "회원가입", "오피니언", "많이 본 뉴스", "독자 투고", "날씨 전망", "관련기사",
                   "사진 모음", "찾아가는 길", "Copyright", "회사소개", "등록번호", "dataLayer", "URL 복사", "광고"):  # fmt: skip
        assert chrome not in doc.text
    assert (doc.kind, doc.lang) == ("html", "ko")


def test_euckr_page_with_charset_meta_and_br_text() -> None:
    [doc] = parse(raw("euckr_meta.html", "html"))
    assert doc.title == "AI 기본법 국회 본회의 통과"
    assert doc.published_on == date(2024, 12, 26)
    assert "'인공지능 발전과 신뢰 기반 조성 등에 관한 기본법'" in doc.text
    assert "2026년 1월부터 시행" in doc.text
    assert doc.text.rstrip().endswith("정책브리핑넷 정책부")
    # The <br>-text sidebar (what a bare trafilatura run can pick) and the footer stay out.
    for chrome in ("게시판 이용 안내", "개인정보", "로그인", "저작권자", "무단전재", "정책브리핑 |"):
        assert chrome not in doc.text


def test_euckr_page_without_charset_dates_from_byline() -> None:
    [doc] = parse(raw("euckr_nometa.html", "html"))
    assert doc.title == "국가인공지능위원회 공식 출범"
    assert "입력 2024-09-26 16:20" in doc.text
    assert doc.published_on == date(2024, 9, 26)
    assert "국가 AI 컴퓨팅 센터를 민관 협력으로" in doc.text
    assert "처음으로" not in doc.text


@pytest.mark.parametrize("label", ["utf-8", "iso-8859-1"])
def test_mislabelled_euckr_page_still_decodes(label: str) -> None:
    page = f'<html><head><meta charset="{label}"><title>국가 AI 연구거점</title></head><body><p>'
    page += (
        "카이스트가 주관기관을 맡은 국가 AI 연구거점이 서울 양재동에서 문을 열었다." * 3
        + "</p></body></html>"
    )
    [doc] = parse(raw("wrong.html", "html", page.encode("euc-kr")))
    assert doc.title == "국가 AI 연구거점"
    assert "카이스트가 주관기관을 맡은" in doc.text


def test_decode_html_prefers_bom_and_http_charset() -> None:
    assert decode_html(codecs.BOM_UTF8 + "<p>한글</p>".encode()) == "<p>한글</p>"
    assert decode_html("<p>한글</p>".encode("cp949"), "euc-kr") == "<p>한글</p>"


def test_english_page_with_jsonld_date() -> None:
    [doc] = parse(raw("english_news.html", "html"))
    assert doc.title == "Seoul co-hosts AI summit with the UK"
    assert doc.published_on == date(2024, 5, 22)
    assert doc.lang == "en"
    assert "Seoul Declaration on safe, innovative and inclusive AI" in doc.text
    assert "By Policy Wire staff, May 22, 2024" in doc.text
    for chrome in ("Related articles", "Photo gallery", "Privacy", "All rights reserved", "| World |"):
        assert chrome not in doc.text


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-10-28T14:30:03+09:00">',
        '<meta property="og:article:published_time" content="2024-10-28">',
        '<meta name="date" content="2024.10.28">',
        '<meta name="pubdate" content="20241028">',
        '</head><body><time datetime="2024-10-28T05:30:00Z">28 Oct</time>',
        '<script type="application/ld+json">{"@graph": [{"datePublished": "2024-10-28"}]}</script>',
        '<script type="application/ld+json">42</script><script type="application/ld+json">{"@graph": 1}</script>'
        '<script type="application/ld+json">[{"datePublished": "2024-10-28T09:00:00+09:00"}]</script>',
    ],
)
def test_published_date_sources(head: str) -> None:
    import lxml.html

    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")
    assert find_published(tree) == date(2024, 10, 28)


def test_hostile_page_gives_text_only() -> None:
    [doc] = parse(raw("hostile_onload.html", "html"))
    assert "national AI computing centre through an open call" in doc.text
    assert "National AI Committee in September 2024" in doc.text
    for code in ("alert", "document.cookie", "javascript", "onload", "steal", "evil"):
        assert code not in doc.text


def test_script_only_page_has_no_text() -> None:
    assert parse_error(raw("script_only.html", "html")).endswith("no text in HTML page")


def test_ten_megabytes_of_nested_divs_is_refused_quickly() -> None:
    # libxml2 stops at depth 256, so this neither recurses nor hangs; the buried text is lost, and said so.
    data = b"<html><body>" + b"<div>" * 1_000_000 + b"buried" + b"</div>" * 1_000_000 + b"</body></html>"
    message = parse_error(raw("nested.html", "html", data))
    assert "no text in HTML page" in message and "nested deeper than 256 levels" in message


def test_unclosed_nesting_keeps_text_before_it() -> None:
    text = "The ministry opened the National AI Research Lab in Seoul on 28 October 2024."
    data = f"<html><body><p>{text}".encode() + b"<div><span><b>" * 300_000
    [doc] = parse(raw("unclosed.html", "html", data))
    assert text in doc.text
    assert doc.notes == ("HTML nested deeper than 256 levels: the text after that point was not read",)


def test_text_after_a_block_nested_too_deep_is_reported_not_silently_lost() -> None:
    before, after = "The lab opened in Seoul.", "KAIST leads the consortium."
    deep = b"<div>" * 300 + b"x" + b"</div>" * 300
    data = f"<html><body><p>{before}</p>".encode() + deep + f"<p>{after}</p></body></html>".encode()
    [doc] = parse(raw("deep.html", "html", data))
    assert before in doc.text and after not in doc.text
    assert any("nested deeper than 256 levels" in n for n in doc.notes)


def test_shallow_page_has_no_depth_note() -> None:
    data = (
        b"<html><body>"
        + b"<div>" * 200
        + b"<p>Fine page with a paragraph.</p>"
        + b"</div>" * 200
        + b"</body></html>"
    )
    [doc] = parse(raw("ok.html", "html", data))
    assert doc.notes == ()


def test_one_stray_byte_in_utf8_korean_is_replaced_and_counted() -> None:
    body = "과학기술정보통신부는 28일 서울 양재동에 국가 AI 연구거점을 열었다고 밝혔다. " * 20
    data = body.encode("utf-8")
    at = data.index(b" ", 300)  # between characters: exactly one bad sequence
    data = data[:at] + b"\xff" + data[at:]
    [doc] = parse(raw("stray.txt", "text", data))
    assert "국가 AI 연구거점" in doc.text and doc.text.count("\ufffd") == 1
    assert doc.notes == ("1 invalid byte sequence replaced with U+FFFD (the rest is valid UTF-8)",)


def test_stray_byte_inside_a_syllable_is_replaced_too() -> None:
    data = ("국가 AI 연구거점이 양재동에 문을 열었다. " * 40).encode("utf-8")
    data = data[:301] + b"\xff" + data[301:]
    [doc] = parse(raw("mid.txt", "text", data))
    assert "연구거점" in doc.text and "replaced with U+FFFD" in doc.notes[0]


def test_many_bad_bytes_are_still_refused() -> None:
    data = "가나다라마바사아자차카타파하".encode() * 10
    broken = bytes(b if i % 7 else 0xFF for i, b in enumerate(data))
    assert parse_error(raw("broken.txt", "text", broken)).endswith("not a text file (binary content)")


def test_stray_byte_in_html_is_reported() -> None:
    page = (
        "<html><body><article><p>" + "국가 AI 연구거점이 문을 열었다. " * 30 + "</p></article></body></html>"
    )
    data = page.encode("utf-8")
    at = data.index(b" ", 200)
    data = data[:at] + b"\xfe" + data[at:]
    [doc] = parse(raw("stray.html", "html", data))
    assert "1 invalid byte sequence replaced" in doc.notes[0]


def test_binary_html_is_refused() -> None:
    data = random.Random(3).randbytes(3000) + b"\x00"
    assert "binary content" in parse_error(raw("blob.html", "html", data))
