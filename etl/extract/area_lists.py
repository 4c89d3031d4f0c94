"""Lists of spending areas, not programs ("분야별로는 ▲A 531억원 ▲B …", "예산을 4대 분야에 집중한다. 'A'에
1천944억원, 'B'에 882억원 …"): no amount of such a list is a program's. Cues are in
etl/resources/lexicon/program_area_cues.tsv. Used by etl/extract/links.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.list_leads import is_list_line
from etl.models import Sentence

# Amounts after a list cue that make a sentence a list ("A에 145억원, B에 121억원"): two; one "…에 50억원"
# alone may be a place or a purpose ("장성군에 50억원").
LIST_ITEMS = 2
# A figure of won, also one whose 원 a list leaves to its last item ("정보화 8649억, 국민안전 2조 5197억원"), read
# whole: "52억5000만원" is one figure, not two.
_FIGURE = re.compile(
    r"[0-9][0-9,.]*\s*(?:조|억)(?:\s*[0-9][0-9,.]*\s*(?:억|천|만))*\s*(?:원|won\b)?|[0-9]\s*(?:만|천)?\s*(?:원|won\b)"
)


@cache
def _areas() -> re.Pattern[str]:
    """A sentence that says its figures are spending areas ("분야별로는 ▲A 531억원 ▲B …", "… 등 5대 분야에
    집중된다"): a list of areas, none of them a program, so no amount of it is a program's."""
    numbered = lexicon.pattern("program_area_cues", "numbered")
    return re.compile(rf"{lexicon.pattern('program_area_cues', 'areas')}|\d\s*{numbered}")


def area_list(sentences: list[Sentence], i: int) -> bool:
    """`sentences[i]` lists figures of spending areas: it says so, or the sentence right before announces the
    areas with no figure of its own ("예산을 4대 분야에 집중한다."), or it is a line of a list ("- A: 20개 과제,
    216억원") whose run of lines follows such a lead ("분야별로 보면 … 돈이 배분된다.")."""
    text = sentences[i].text
    if _LINE.match(text):
        while i and _LINE.match(sentences[i - 1].text):
            i -= 1
        return i > 0 and _lead(sentences[i - 1].text)
    if len(_FIGURE.findall(text)) < LIST_ITEMS:
        return False
    prev = sentences[i - 1].text if i else ""
    return bool(_areas().search(text) or _lead(prev))


# A line of a list: it opens with a line mark ("- ", "· ").
_LINE = re.compile(rf"^\s*[{lexicon.char_class('list_marks', 'line')}]\s")


def _lead(text: str) -> bool:
    """A sentence that announces spending areas and gives no figure of its own."""
    return bool(_areas().search(text)) and not _FIGURE.search(text)


@cache
def _part_lead() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_part_leads", "parts"))


def part_lead(sentences: list[Sentence], i: int) -> int | None:
    """The start of the lead of the list `sentences[i]` is a line of, when the lead says its lines are parts of
    what it builds ("3000억원을 들여 다음 시설을 짓는다. △강의 연구 Complex(300억원)": a building's wings, not
    programs, lexicon/program_part_leads.tsv); None for any other sentence."""
    j = i
    while j > 0 and is_list_line(sentences[j].text):
        j -= 1
    return sentences[j].start if j < i and _part_lead().search(sentences[j].text) else None
