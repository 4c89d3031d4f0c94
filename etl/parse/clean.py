"""Remove page chrome (share buttons, copyright footers, related-headline lists) from plain text.

Every reader's output goes through `clean_text`. The rules are line based and conservative:
an article sentence that merely mentions copyright must survive, and the title line and the
byline with its date (read by a later stage) are always kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from etl import lexicon

# A line starting with one of these ends the article; everything from it on is page furniture.
_END_START = re.compile(
    r"""^(?:
        [©ⓒ]
      | \(c\)\s
      | <\s*저작권자
      | 저작권자\s*(?:[©ⓒ@(<:：|]|c\b|$)
      | copyright\s*(?:[©ⓒ@:|]|\(c\)|\d{4}|by\b)
      | 기사\s*제보
      | 무단\s*전재
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Found anywhere in a short, non-sentence line, these also end the article.
_END_ANYWHERE = re.compile(
    r"all\s+rights\s+reserved|무단\s*전재|재배포\s*금지|저작권자\s*[©ⓒ(]|copyright", re.IGNORECASE
)
# Section headings that open the lists after an article (related / popular headlines).
_SECTION = re.compile(
    r"^(?:관련\s*기사|관련\s*뉴스|많이\s*본\s*(?:뉴스|기사)|핫\s*이슈|인기\s*기사|주요\s*뉴스|"
    r"related\s+(?:articles?|stories|news)|most\s+(?:read|viewed|popular))\b",
    re.IGNORECASE,
)
# Tokens that make up share/print toolbars; a line made only of these is dropped.
_CHROME_WORDS = (
    "- + 인쇄 프린트 공유 공유하기 페이스북 트위터 카카오톡 카카오스토리 카카오 밴드 네이버 블로그 url 복사 "
    "url복사 링크복사 링크 글씨크기 글자크기 글씨 글자 크기 크게 작게 확대 축소 스크랩 저장 목록 메일 이메일 닫기 "
    "가 print share facebook twitter kakaotalk email copy link x"
)
_CHROME_TOKENS = frozenset(_CHROME_WORDS.split())
# A line's list marks (lexicon list_marks) and the `>` / `|` of a breadcrumb, stripped before judging what it says.
_BULLET = re.compile(rf"^[\s{lexicon.char_class('list_marks', 'line', 'inline', 'arrow')}>|]+(?=\S)")
_TOKEN_SPLIT = re.compile(r"[\s|/·•,]+")
# Korean sentence endings (…다. …요.) or a long English sentence: such a line is article prose.
_KO_SENTENCE = re.compile(r"(?:다|요|까|죠)[.!?]?[\"'”’)]*$")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r" {2,}")
_BODY_MIN_CHARS = 50  # a line at least this long counts as article body


def clean_text(text: str) -> str:
    """Drop page chrome: everything from an end-of-article marker on, and toolbar lines."""
    kept: list[str] = []
    seen_body = False
    for line in normalize_text(text).split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if _is_end_marker(stripped):
            # Only a marker after real article text ends it; one in a header area is just dropped.
            if seen_body:
                break
            continue
        if _is_chrome(stripped):
            continue
        kept.append(stripped)
        seen_body = seen_body or len(stripped) >= _BODY_MIN_CHARS
    return _squeeze_blank_lines(kept)


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, no-break spaces as spaces, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u3000", " ").replace("\t", " ")
    # Justified PDF lines come out with runs of spaces; one space is what the extractors expect.
    return _SPACES.sub(" ", text)


def _looks_like_sentence(line: str) -> bool:
    if _KO_SENTENCE.search(line):
        return True
    words = line.split()
    return len(words) >= 12 and line.endswith((".", "!", "?")) and not _END_ANYWHERE.search(line)


def _is_end_marker(line: str) -> bool:
    body = _BULLET.sub("", line).lstrip("[<(【「『 ").strip()
    if is_photo_credit(body):
        return False
    if _looks_like_sentence(body) and not re.search(r"rights\s+reserved|재배포\s*금지", body, re.I):
        return False
    if _END_START.match(body):
        return True
    if len(body) <= 150 and _END_ANYWHERE.search(body) and (len(body) <= 80 or "reserved" in body.lower()):
        return True
    return len(body) <= 40 and bool(_SECTION.match(body))


def is_photo_credit(line: str) -> bool:
    """A short line crediting a picture to a photo agency ('ⓒ게티이미지뱅크', lexicon photo_credits): not the
    copyright footer that ends an article, and not text either."""
    return (
        len(line) <= _CREDIT_MAX_CHARS
        and "©" in line.replace("ⓒ", "©")
        and not _END_ANYWHERE.search(line)
        and bool(_photo_agencies().search(line))
    )


_CREDIT_MAX_CHARS = 40  # a credit names an agency; a longer line is a sentence or a footer


@cache
def _photo_agencies() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("photo_credits", "agency"))


def _is_chrome(line: str) -> bool:
    body = _BULLET.sub("", line).strip()
    if is_photo_credit(body):
        return True
    if len(body) > 40:
        return False
    if not body.strip("•·-+|/ "):
        return True  # a bare bullet, dash or plus
    tokens = [t for t in _TOKEN_SPLIT.split(body.lower()) if t]
    return bool(tokens) and all(t in _CHROME_TOKENS for t in tokens)


def _squeeze_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
