"""The PDF and feed readers, the cleaning every reader applies, and lists kept in an article body (the text and HTML readers are in tests/test_parse.py)."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from etl.models import RawDoc
from etl.parse import make_document, parse
from scripts.make_pdf import korean_font, make_pdf
from tests.test_parse import PDF_BYTES, parse_error, raw

# --- pdf ----------------------------------------------------------------------------------------


def test_pdf_text_title_date_and_unwrapped_lines() -> None:
    [doc] = parse(raw("announcement.pdf", "pdf"))
    assert doc.title == "과학기술정보통신부, 국가 AI 연구거점 개소"
    assert doc.published_on == date(2024, 10, 28)
    assert (doc.kind, doc.lang) == ("pdf", "ko")
    # The layout wrapped this paragraph over three lines; it must come back as one.
    assert any(
        line.startswith("연구거점의 주관기관은 카이스트이며") and line.endswith("공간을 넓힐 계획이다.")
        for line in doc.text.splitlines()
    )


def test_pdf_pages_are_joined_with_blank_lines(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_font("Nanum", fname=str(korean_font()))
    pdf.set_font("Nanum", size=11)
    for text in ("첫째 쪽의 문장입니다.", "둘째 쪽의 문장입니다."):
        pdf.add_page()
        pdf.cell(0, 10, text)
    [doc] = parse(raw("two.pdf", "pdf", bytes(pdf.output())))
    assert doc.text == "첫째 쪽의 문장입니다.\n\n둘째 쪽의 문장입니다."


def _encrypt(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(PDF_BYTES)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf_is_refused() -> None:
    assert parse_error(raw("locked.pdf", "pdf", _encrypt("secret"))).endswith(
        "encrypted PDF (password required)"
    )


def test_pdf_with_owner_password_only_is_read() -> None:
    [doc] = parse(raw("owner.pdf", "pdf", _encrypt("")))
    assert "국제공동연구에 함께한다" in doc.text


@pytest.mark.parametrize("cut", [len(PDF_BYTES) // 2, len(PDF_BYTES) - 20])
def test_truncated_pdf_is_refused(cut: int) -> None:
    assert "truncated PDF" in parse_error(raw("cut.pdf", "pdf", PDF_BYTES[:cut]))


def test_image_only_pdf_is_refused() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    assert "no extractable text" in parse_error(raw("scan.pdf", "pdf", bytes(pdf.output())))


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"hello, not a pdf at all", "not a PDF file"), (b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "damaged PDF")],
)  # fmt: skip
def test_garbage_pdf_is_refused(data: bytes, reason: str) -> None:
    assert reason in parse_error(raw("bad.pdf", "pdf", data))


# --- feeds --------------------------------------------------------------------------------------


def test_rss_feed_gives_one_document_per_item() -> None:
    docs = parse(raw("policy_rss.xml", "feed"))
    assert [d.source for d in docs] == [
        "policy_rss.xml#briefing-101",
        "policy_rss.xml#https://briefing.example.org/news/102",
        "policy_rss.xml#2",
    ]
    # Dates as written (+0900), not shifted to the UTC day before.
    assert [d.published_on for d in docs] == [date(2024, 10, 28), date(2024, 9, 26), date(2024, 12, 26)]
    assert [d.url for d in docs] == [
        "https://briefing.example.org/news/101",
        "https://briefing.example.org/news/102",
        None,
    ]
    first = docs[0]
    assert first.title == "국가 AI 연구거점 서울 양재에서 개소"
    assert first.text == (
        "국가 AI 연구거점 서울 양재에서 개소\n\n"
        "과학기술정보통신부는 서울 AI허브에 국가 AI 연구거점을 열었다.\n\n"
        "주관기관은 카이스트이며 2028년까지 총 946억원이 투입된다."
    )
    assert all(d.kind == "feed" and d.lang == "ko" and "alert" not in d.text for d in docs)


def test_atom_feed_uses_content_then_summary() -> None:
    first, second = parse(raw("policy_atom.atom", "feed"))
    assert first.source == "policy_atom.atom#urn:uuid:entry-seoul-summit-day1"
    assert first.url == "https://wire.example.org/ai/seoul-summit-day1"
    assert first.published_on == date(2024, 5, 21)
    assert first.text.splitlines()[2] == (
        "South Korea and the United Kingdom opened the AI Seoul Summit with an online session for leaders."
    )
    assert second.published_on == date(2024, 5, 22)  # only <updated>
    assert second.text.endswith(
        "Ministers gathered in Seoul to talk about AI safety, innovation and inclusiveness."
    )
    assert first.lang == second.lang == "en"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
            "feed has no entries",
        ),
        (b"<html><body><p>just a page</p></body></html>", "not an RSS/Atom feed"),
        (b"<rss><channel><item><title>broken", "feed entries have no text"),
        (b"\x00\x01 not xml at all", "not an RSS/Atom feed"),
    ],
)
def test_bad_feeds_are_refused(data: bytes, reason: str) -> None:
    assert reason in parse_error(raw("bad.xml", "feed", data))


def test_cut_off_feed_keeps_its_complete_entries() -> None:
    data = b"<rss version='2.0'><channel><item><title>AI law passed</title><description>"
    data += b"The National Assembly passed the AI basic act.</description></item><item><title>cu"
    [doc] = parse(raw("cut.xml", "feed", data))
    assert doc.text == "AI law passed\n\nThe National Assembly passed the AI basic act."


# --- every reader cleans its output ---------------------------------------------------------------

ARTICLE = "국가 AI 연구거점은 서울 AI허브에 문을 열었으며 주관기관은 카이스트이고 총사업비는 946억원이다."
FOOTER = "<저작권자 ⓒ 정책뉴스, 무단전재 및 재배포 금지>\n관련기사\n다른 기사 제목 하나"


def _with_footer(kind: str, tmp_path: Path) -> bytes:
    if kind == "text":
        return f"제목\n\n{ARTICLE}\n\n{FOOTER}".encode()
    if kind == "html":
        body = "".join(f"<p>{line}</p>" for line in [ARTICLE, *FOOTER.splitlines()])
        return f"<html><body><div id='articleBody'>{body}</div></body></html>".encode()
    if kind == "feed":
        escaped = FOOTER.replace("<", "&lt;").replace(">", "&gt;")
        item = f"<item><title>제목</title><description>{ARTICLE}\n{escaped}</description></item>"
        return f"<rss version='2.0'><channel><title>t</title>{item}</channel></rss>".encode()
    make_pdf(f"제목\n\n{ARTICLE}\n\n{FOOTER}", tmp_path / "f.pdf")
    return (tmp_path / "f.pdf").read_bytes()


@pytest.mark.parametrize("kind", ["text", "html", "feed", "pdf"])
def test_every_reader_output_is_cleaned(kind: str, tmp_path: Path) -> None:
    [doc] = parse(raw(f"doc.{kind}", kind, _with_footer(kind, tmp_path)))
    assert ARTICLE in doc.text
    assert "저작권자" not in doc.text and "관련기사" not in doc.text and "다른 기사" not in doc.text


def test_unknown_kind_and_make_document() -> None:
    assert "unknown kind 'docx'" in parse_error(RawDoc(source="a.docx", kind="docx", data=b"x"))
    doc = make_document("s", "The lab opened in Seoul.", title="  The   lab ", kind="text")
    assert (doc.title, doc.lang) == ("The lab", "en")
    assert doc.content_hash == hashlib.sha256(b"The lab opened in Seoul.").hexdigest()


def test_html_standfirst_and_info_line_are_read() -> None:
    page = (
        "<html><body><div class='article-head'><h1>강원 의료 AX 프로젝트 공개</h1>"
        "<ul class='sub-title'><li>정부 예산 700억원 반영</li><li>기획비 10억원도 확보</li></ul>"
        "<p class='info'>입력 : 2025-12-08 15:27</p></div>"
        "<div class='article-body'><p>강원특별자치도가 8일 모두 5,800억원 규모로 추진할 프로젝트의 청사진을 내놨다. "
        "도는 앞으로 5년 동안 사업을 단계적으로 추진한다고 밝혔다.</p></div></body></html>"
    ).encode()
    [doc] = parse(RawDoc(source="head.html", kind="html", data=page))
    assert doc.published_on == date(2025, 12, 8)
    assert "정부 예산 700억원 반영" in doc.text and "기획비 10억원도 확보" in doc.text


@pytest.mark.parametrize(
    "line",
    [
        '<p class="byline">By Hong Gildong | Posted : October 28, 2024, 16:06</p>',
        '<p class="date">Published: 28 Oct. 2024, 14:26</p>',
        '<p class="meta">과학 | 입력 :2024/10/28 15:49</p>',
    ],
)
def test_html_date_from_a_byline_or_labelled_line(line: str) -> None:
    body = "정부는 연구거점을 열었다. " * 20
    page = f"<html><head><title>t</title></head><body>{line}<article><p>{body}</p></article></body></html>"
    [doc] = parse(raw("dated.html", "html", page.encode()))
    assert doc.published_on == date(2024, 10, 28)


# --- lists in the article body (issue #11) ---------------------------------------------------------

_LIST_PAGE = """<html><head><title>광주시 내년도 국비 확보</title></head><body>
<nav class="gnb"><ul><li><a href="/p">정치</a></li><li><a href="/e">경제</a></li></ul></nav>
<div class="article">
<p>광주시는 내년도 정부 예산에서 국비 1200억원을 확보했다고 7일 밝혔다. 시는 인공지능 산업을 키우려고 여러 부처를 찾았다.</p>
<p>국비 확보 내역은 다음과 같다.</p>
<ul><li>지역주도형 AI 전환 사업: 70억원</li><li>AI 데이터센터 구축 사업: 30억원</li></ul>
<p>시 관계자는 앞으로도 예산 확보에 힘쓰겠다고 말했다. 이번 예산은 지역 경제에 보탬이 될 전망이다.</p>
<ul class="tags"><li>광주시 국비 예산 인공지능 데이터센터 확보</li></ul>
<div class="sidebar"><p>국비 확보 내역은 다음과 같다.</p><ul><li>곁가지 사업: 90억원</li></ul></div>
<ul><li><a href="/x">부산시 국비 200억원 확보</a></li><li><a href="/y">대구시 AI 예산 150억원</a></li></ul>
</div>
<div class="related"><h3>관련기사</h3><ul><li><a href="/z">울산시 300억원 확보</a></li></ul></div>
</body></html>"""


def test_a_list_in_the_article_body_is_kept_after_the_line_it_follows() -> None:
    """trafilatura's wild-text recovery keeps no <ul>; the body's list comes back, as '- ' lines, in place."""
    [doc] = parse(raw("list.html", "html", _LIST_PAGE.encode()))
    lines = doc.text.splitlines()
    lead = lines.index("국비 확보 내역은 다음과 같다.")
    assert lines[lead + 1 : lead + 3] == [
        "- 지역주도형 AI 전환 사업: 70억원",
        "- AI 데이터센터 구축 사업: 30억원",
    ]
    assert doc.text.count("70억원") == 1


def test_menus_teaser_links_tags_and_sidebars_stay_out() -> None:
    [doc] = parse(raw("list.html", "html", _LIST_PAGE.encode()))
    for chrome in ("정치", "부산시", "대구시", "울산시", "곁가지", "광주시 국비 예산 인공지능"):
        assert chrome not in doc.text, chrome
