"""clean_text: page chrome goes, article text (title, byline with date, paragraphs) stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl import lexicon
from etl.parse.clean import clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "national_ai_research_lab_2024-10-28.txt"

BODY_KO = "정부는 2028년까지 국비 440억원을 포함해 총 946억원을 투입해 연구거점을 운영할 계획이라고 밝혔다."
BODY_EN = "The two governments co-hosted the AI Seoul Summit on 21 and 22 May 2024 after the Bletchley Park meeting."
TAIL = (
    "이 줄은 마커 뒤에 있으므로 지워져야 하는 목록 문장이며 길이를 충분히 길게 만들어 본문처럼 보이게 했다."
)


def test_seed_keeps_article_and_drops_page_chrome() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here (the seed lives in ../shared)")
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.startswith("대한민국 AI연구 주도할 '국가 AI연구거점' 출범")
    assert "기사승인 : 2024-10-28 14:30:03" in cleaned
    article = raw[: raw.index("Copyright @ NEWSTREE")]
    paragraphs = [line.strip() for line in article.splitlines() if line.strip().endswith("다.")]
    assert len(paragraphs) >= 8
    for paragraph in paragraphs:
        assert paragraph in cleaned
    assert cleaned.rstrip().endswith('정부는 이를 보다 적극 지원하겠다"고 강조했다.')
    for chrome in ("128조", "285만톤", "1.2GW", "뉴스트리 SNS", "핫이슈", "• 인쇄", "Copyright"):
        assert chrome not in cleaned


def test_own_chrome_article_keeps_copyright_sentences() -> None:
    cleaned = clean_text((FIXTURES / "chrome_article.txt").read_text(encoding="utf-8"))
    lines = cleaned.splitlines()
    assert lines[0] == "한국·영국 공동 주최 'AI 서울 정상회의' 개최"
    assert "정책팀 / 기사승인 : 2024-05-22 18:00:00" in lines
    assert "▲ 정상회의 장관 세션 회의장 (사진=정책뉴스)" in lines
    # Sentences that start with or mention copyright are article text, not a footer.
    assert "저작권자 단체들은 생성형 AI 학습에 쓰이는 데이터의 출처를 밝히도록 요구해 왔다." in lines
    assert any(line.startswith("Copyright questions about AI training data") for line in lines)
    assert lines[-1] == "다음 정상회의는 프랑스에서 열릴 예정이다."
    for chrome in (
        "무단전재",
        "정책뉴스 SNS",
        "많이 본 뉴스",
        "독자 투고",
        "관련기사",
        "공유하기",
        "URL 복사",
        "글씨크기",
    ):
        assert chrome not in cleaned


@pytest.mark.parametrize(
    "marker",
    [
        "Copyright @ NEWSTREE All rights reserved.",
        "Copyright © 2024 Policy Wire. All rights reserved.",
        "copyright 2024 by Policy Wire",
        "ⓒ 정책뉴스",
        "© 2024 Policy Wire",
        "<저작권자 ⓒ 정책뉴스, 무단전재 및 재배포 금지>",
        "저작권자 © 정책뉴스 무단전재 및 재배포 금지",
        "무단전재 및 재배포 금지",
        "정책뉴스 - 재배포 금지",
        "All rights reserved.",
        "기사제보 newsdesk@example.org",
        "Related articles",
        "관련기사",
        "[관련기사]",
        "많이 본 뉴스",
        "핫이슈",
        "인기기사",
        "■ 관련 기사",
    ],
)
def test_end_marker_cuts_everything_after(marker: str) -> None:
    cleaned = clean_text(f"제목 줄\n\n{BODY_KO}\n\n{BODY_EN}\n\n{marker}\n\n{TAIL}\n짧은 목록")
    assert cleaned == f"제목 줄\n\n{BODY_KO}\n\n{BODY_EN}"


@pytest.mark.parametrize(
    "sentence",
    [
        "저작권자 보호를 위해 정부는 학습 데이터 이용 기준을 담은 안내서를 마련했다.",
        "Copyright law applies to training data as well, according to the culture ministry's guide.",
        "문화체육관광부는 2023년 12월 생성형 AI와 저작권에 관한 안내서를 냈다. ⓒ 표시는 그 뒤의 일이다.",
        "관련기사 검색 기능이 개편됐다.",
        "Copyright questions came up again when ministers met in Seoul to discuss safety and innovation in May.",
    ],
)
def test_article_sentences_about_copyright_survive(sentence: str) -> None:
    cleaned = clean_text(f"제목\n\n{BODY_KO}\n\n{sentence}\n\n{BODY_EN}")
    assert sentence in cleaned
    assert cleaned.endswith(BODY_EN)


def test_marker_before_any_body_is_dropped_not_cut() -> None:
    # A copyright notice in a page header must not take the article with it.
    cleaned = clean_text(f"ⓒ 정책뉴스\n관련기사\n제목\n\n{BODY_KO}\n\n{BODY_EN}")
    assert cleaned == f"제목\n\n{BODY_KO}\n\n{BODY_EN}"


@pytest.mark.parametrize(
    "chrome",
    ["• -", "• +", "• 인쇄", "공유하기", "페이스북", "트위터", "카카오톡", "URL 복사", "글씨크기", "+", "-",
     "페이스북 트위터 카카오톡 URL 복사", "Share | Print | Email"],
)  # fmt: skip
def test_toolbar_lines_are_dropped(chrome: str) -> None:
    cleaned = clean_text(f"제목\n{chrome}\n{BODY_KO}")
    assert cleaned == f"제목\n{BODY_KO}"


@pytest.mark.parametrize(
    "keep",
    [
        "▲'국가 AI연구거점' 참여기관 (자료=과기정통부)",
        "조인준 기자 / 기사승인 : 2024-10-28 14:30:03",
        "By Policy Wire staff, May 22, 2024",
        "페이스북 본사는 미국 캘리포니아주에 있다.",
    ],
)
def test_captions_bylines_and_short_facts_stay(keep: str) -> None:
    assert keep in clean_text(f"제목\n{keep}\n{BODY_KO}").splitlines()


def test_normalizes_whitespace_and_invisible_characters() -> None:
    raw = "\ufeff제목\r\n\r\n\r\n\r\n본문\u00a0첫\u200b 줄\t끝  \r\n\n\n\n□  둘째   줄"
    assert clean_text(raw) == "제목\n\n본문 첫 줄 끝\n\n□ 둘째 줄"


def test_nfc_normalization_joins_decomposed_hangul() -> None:
    decomposed = "\u1100\u1161\u11a8"  # 각 as jamo (macOS file names and some PDFs)
    assert clean_text(decomposed) == "각"


LINES = st.sampled_from(
    ["", "  ", BODY_KO, BODY_EN, "제목", "• 인쇄", "공유하기", "ⓒ 정책뉴스", "관련기사", "All rights reserved.",
     "▲ 사진 설명", "기사승인 : 2024-10-28 14:30:03", "Copyright law applies to training data too, the guide says."]
)  # fmt: skip


@given(st.lists(LINES, max_size=25))
def test_clean_text_is_idempotent_and_keeps_no_blank_runs(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once
    assert "\n\n\n" not in once
    assert once == once.strip()


@pytest.mark.parametrize("entry", lexicon.entries("photo_credits"), ids=lambda e: e.term)
def test_a_photo_credit_is_dropped_and_the_article_goes_on(entry: lexicon.Entry) -> None:
    """A picture's credit line ('ⓒ게티이미지뱅크') in the middle of an article is not its copyright footer."""
    assert entry.term.lower() in entry.example.lower()
    cleaned = clean_text(f"제목 줄\n\n{BODY_KO}\n\n{entry.example}\n\n{BODY_EN}")
    assert cleaned == f"제목 줄\n\n{BODY_KO}\n\n{BODY_EN}"


@pytest.mark.parametrize(
    "footer",
    ["ⓒ 게티이미지뱅크 무단전재 및 재배포 금지", "© Getty Images. All rights reserved.", "ⓒ 정책신문"],
)
def test_a_copyright_footer_naming_no_photo_agency_or_with_rights_words_still_ends_the_article(
    footer: str,
) -> None:
    cleaned = clean_text(f"제목 줄\n\n{BODY_KO}\n\n{footer}\n\n{TAIL}")
    assert cleaned == f"제목 줄\n\n{BODY_KO}"
