"""Lines of a list that carry no mark: a page whose `<li>` items or paragraphs stand one to a line under a lead
("디지털 분야에서는 다음 사업들이 선정됐다." then "A 조성(111억원)", "B 구축 100억원(총사업비 143.4억원)"). Each line
is an item and its figure, no sentence: the words before its first amount are the item's name, and the lead
says what the items are (a lead naming them as projects, lexicon/program_list_heads `lead`, makes a purpose
phrase a project's name, README ruling 'Purpose words are not program words'). Used by etl/extract/links.py.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.models import Sentence

# A line is short and ends in no predicate or full stop ("① AI 분야", "A 조성(111억원)"); a sentence does.
LINE_MAX = 100
_SENTENCE_END = re.compile(r"(?:[.。!?]|[가-힣]다)\s*['’\"”)]*\s*$")
# How many lines a list may run before its lead.
MAX_LINES = 15


@cache
def _intro() -> re.Pattern[str]:
    """A lead that opens a list: it names its items as projects, or ends in 다음과 같다 or a colon."""
    lead = lexicon.pattern("program_list_heads", "lead")
    return re.compile(rf"{lead}|다음과\s*같다\.?\s*$|[:：]\s*$")


def is_line(text: str) -> bool:
    return len(text) <= LINE_MAX and not _SENTENCE_END.search(text)


def list_lead(sentences: list[Sentence], i: int) -> str | None:
    """The lead of the mark-less list `sentences[i]` is a line of, or None (not a line, or no lead opens it:
    a title and its subtitles are lines under nothing)."""
    if not is_line(sentences[i].text):
        return None
    for j in range(i - 1, max(-1, i - 1 - MAX_LINES), -1):
        text = sentences[j].text
        if not is_line(text):
            return text if _intro().search(text) else None
    return None


# "① 디지털 협업공장: 업종별 … 만든다. 올해 … 2단계 기술개발에 288억원": a numbered or marked line that opens with
# its item's name and a colon, then goes on about it in sentences of its own.
_MARKS = lexicon.char_class("list_marks", "line", "inline", "arrow")
_HEAD = re.compile(rf"^\s*(?:[{_MARKS}]|[①-⑳])\s*([^:：\n]{{2,30}}?)\s*[:：]\s*\S")
_MARKED = re.compile(rf"^\s*(?:[{_MARKS}]|[①-⑳])")  # any list mark (□ is one) or a circled number
# How many sentences a line's head speaks for (its own first sentence and the ones after it).
HEAD_REACH = 3
# A blank line between two sentences ends a line (etl/extract/paragraphs.py PARAGRAPH_GAP).
_GAP = 2


def line_head(sentences: list[Sentence], i: int) -> str | None:
    """The name the marked line `sentences[i]` belongs to opens with ("① A: …"), when `sentences[i]` is a later
    sentence of that line, going on about it; None when another mark or a blank line comes between (the head's
    own sentence says itself what its amounts are for: "▷기반 조성: … 17개 사업에 4084억원")."""
    for j in range(i, max(-1, i - HEAD_REACH), -1):
        if (m := _HEAD.match(sentences[j].text)) and j < i:
            return m.group(1).strip()
        if _MARKED.match(sentences[j].text) or (j > 0 and sentences[j].start - sentences[j - 1].end >= _GAP):
            return None


# A numbered line that names its item before a colon ("① 수요 연계형 AI 솔루션 상용화: … 총 51.25억원"): the item's
# name, 2 to 40 characters of words with no particle or bracket between the number and the colon.
_NAMED_LINE = re.compile(r"^\s*(?:[①-⑳]|\(?\d{1,2}[).])\s*([^:：()'\"‘’“”]{2,40}?)\s*[:：]")
# How many sentences a numbered line may run before the amount's: the line's description, then its figure.
LINE_SENTENCES = 3


def numbered_item(sentences: list[Sentence], i: int) -> str | None:
    """The name of the numbered line `sentences[i]` belongs to (it opens the line or is among the LINE_SENTENCES
    after its opening), when the lines stand under a lead that introduces them (`다음과 같다`, a colon, a lead
    naming projects): README 'Rulings on program', a line of a list the text introduces as projects or tasks."""
    j = next(
        (j for j in range(i, max(-1, i - LINE_SENTENCES), -1) if _NAMED_LINE.match(sentences[j].text)), None
    )
    if j is None:
        return None
    name = _NAMED_LINE.match(sentences[j].text).group(1)  # type: ignore[union-attr]
    if len(name.split()) < 2 or any(_MARKED.match(s.text) for s in sentences[j + 1 : i + 1]):
        return None  # a field label ("1. 사업명:"), or another line or paragraph mark stands between
    marked = lambda k: k >= 0 and bool(_NAMED_LINE.match(sentences[k].text))  # noqa: E731
    for k in range(j - 1, max(-1, j - MAX_LINES), -1):
        # A numbered line's own sentences (its opening, the LINE_SENTENCES - 1 after it) are no lead.
        if not any(marked(k - d) for d in range(LINE_SENTENCES)):
            return name if _intro().search(sentences[k].text) else None
    return None
