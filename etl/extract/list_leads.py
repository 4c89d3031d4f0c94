"""Bullet and numbered lists of money, and the kind their lead sentence names.

"국비 확보 내역은 다음과 같다." then "- 지역주도형 AI 전환 사업: 70억원", "▲ … 45억원", "△ …", "▷ …": each line names
its own item, and whose money the items are is said once, in the lead (`national` here). A lead is a sentence
with a lead cue (`money_list_leads.tsv`: 다음과 같다, 내역, as follows …) that names exactly one payer kind by the
kind markers of `money_kind_before/after/split.tsv` (national, local or private; a total word names no payer).
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon

LIST_MARKS = "list_marks"  # the bullet vocabulary every list rule reads
# A numbered item: "1. ", "2) ", "①".
_NUMBERED = r"\d{1,2}[.)]\s|[①-⑳]"
# A press release's subtitle wrapped in one dash ("- … 국비 162억 원 확보 -") is a headline line, not a list item.
SUBTITLE_MARKS = "subtitle_marks"


def list_line(*meanings: str) -> re.Pattern[str]:
    """A line opened by a list mark of `meanings` (list_marks.tsv) or a number: each such line names its own item."""
    subtitle = rf"(?!\s*([{lexicon.char_class(SUBTITLE_MARKS, 'wrap')}])\s.*\s\1\s*$)"
    return re.compile(rf"^{subtitle}\s*(?:[{lexicon.char_class(LIST_MARKS, *meanings)}]|{_NUMBERED})")


# Every list line: a bullet of any kind or a number.
LIST_LINE = list_line("line", "inline", "arrow")
_PAYER_KINDS = ("national", "local", "private")
_KIND_FILES = ("money_kind_before", "money_kind_after", "money_kind_split")


@cache
def _lead_cue() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_list_leads", "lead"))


@cache
def _kind_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (kind, re.compile(lexicon.alternation(t for f in _KIND_FILES for t in lexicon.terms(f, kind))))
        for kind in _PAYER_KINDS
    )


def is_list_line(text: str) -> bool:
    """True for a bullet or numbered line."""
    return bool(LIST_LINE.match(text))


def bullet_end(text: str) -> int:
    """Where a bullet line's text starts after its bullet (0 for any other line)."""
    m = LIST_LINE.match(text)
    return len(text) - len(text[m.end() :].lstrip()) if m else 0


def lead_kind(text: str) -> str | None:
    """The payer kind a list's lead sentence names ("국비 확보 내역은 다음과 같다" → national), else None. (A lead
    that names none does not borrow the sentence before's: tried, it gave items a payer their text does not.)"""
    if not _lead_cue().search(text):
        return None
    kinds = [kind for kind, pat in _kind_words() if pat.search(text)]
    return kinds[0] if len(kinds) == 1 else None
