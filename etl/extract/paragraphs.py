"""A paragraph that opens with a quoted program's name goes on about that program ("'AI 브레인랩'도 만든다. …
한 해 15억원 규모로 지원한다."). Sentences are spans of one text, so the gap between two of them says whether a
blank line (a paragraph break) stands there. Used by etl/extract/links.py."""

from __future__ import annotations

import re

from etl.models import Sentence

# A gap of this many characters or more between two sentences holds a blank line ("\n\n"): a new paragraph.
# One character (a space or a single line break) keeps both in one paragraph.
PARAGRAPH_GAP = 2
# How many sentences back a paragraph's opening still speaks for a later one: a news paragraph runs to about
# four sentences.
MAX_BACK = 4
_OPENING_QUOTE = re.compile(r"^\s*['‘\"“「『]([^'’\"”」』]{2,40})['’\"”」』]")


def paragraph_opening(sentences: list[Sentence], i: int) -> str | None:
    """The quoted name the paragraph of `sentences[i]` opens with, when `sentences[i]` is not its first."""
    j = i
    while j > 0 and i - j < MAX_BACK and sentences[j].start - sentences[j - 1].end < PARAGRAPH_GAP:
        j -= 1
    if j == i or (j > 0 and sentences[j].start - sentences[j - 1].end < PARAGRAPH_GAP):
        return None
    m = _OPENING_QUOTE.match(sentences[j].text)
    return m.group(1).strip() if m else None
