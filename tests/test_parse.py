"""Readers: text, HTML, PDF and feeds give clean Documents; bad input gives one clear ParseError line."""

from __future__ import annotations

import codecs
import hashlib
import io
import random
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from etl.models import RawDoc
from etl.parse import ParseError, make_document, parse
from etl.parse.html import decode_html, find_published
from scripts.make_pdf import korean_font, make_pdf

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
