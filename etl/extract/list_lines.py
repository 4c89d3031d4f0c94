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
