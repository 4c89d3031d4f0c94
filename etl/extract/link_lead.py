"""Page chrome before a story's lead: breadcrumbs, datelines and lines too short to say what a story is about.
Used by etl/extract/links.py to find the lead."""

from __future__ import annotations

import re

# A bare date line ("2023-12-21 입력", "2024.07.15") is no lead sentence: a sentence counts towards the lead when
# it has at least this many letters (the shortest real sentence, "회의가 열렸다", has 6; datelines with more
# letters are caught by _DATELINE).
LEAD_MIN_LETTERS = 4
# A lead holds a program's name loosely when it shares this many characters in a row with the name's key: six
# (about three Korean syllable pairs, "ai자율제조") is more than a generic word ("ai반도체", "데이터") carries.
LEAD_PIECE = 6
# An English name's key is spelled in whole words, so a shared run of six letters is one common word ("national"):
# the lead must hold this share of the key ("national growth fund" is not in "national AI computing center").
LEAD_SHARE_EN = 0.6
# The title and the lead say what a news story is about; 3 sentences cover a title, a subtitle and the lead.
LEAD_SENTENCES = 3
# A page with several subtitle lines ("지역 특화 초거대 AI 구축…", "2024~2026년 … 231억 원 들여") pushes its first
# sentence further down: the lead reaches the first line ending in a full stop, up to this many lines.
LEAD_MAX = 6
FULL_STOP = re.compile(r"[.。]\s*$")
# Page chrome before the lead: a breadcrumb ("전국 > 부산·경남") or a dateline ("입력 2024-10-29 10:31").
_BREADCRUMB = re.compile(r"^[^>]{1,20}(?:>[^>]{1,20})+$")
_DATELINE = re.compile(r"(?:19|20)\d\d\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]")
# A dateline with more letters than this is a sentence that happens to hold a date.
DATELINE_MAX_LETTERS = 30


_LETTER = re.compile(r"[가-힣A-Za-z]")


def chrome_line(text: str) -> bool:
    """A breadcrumb, a dateline or byline, or a line too short to say what a story is about."""
    letters = len(_LETTER.findall(text))
    if letters < LEAD_MIN_LETTERS or _BREADCRUMB.match(text.strip()):
        return True
    return bool(_DATELINE.search(text)) and letters <= DATELINE_MAX_LETTERS
