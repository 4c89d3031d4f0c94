"""Money for a count of projects the text does not name one by one (README third set, 'counts of projects'):
"AI 관련 31개 사업(총사업비 1조1930억원)", "신규사업 67건 1267억 원", "spread across 69 projects". The sum is an
envelope of a body's assorted programs (`base`, no program) unless the amount belongs to one program, whose items
the projects are (`4대 전략 93개 사업에 1조원`, linked to '울산형 AI 비전': `budget`). The words live in
`etl/resources/lexicon/money_project_counts.tsv` (`counted`: a noun after N개, `unit`: a counter after N,
`counted_en`: an English noun after N). Used by etl/extract/budgets.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon

COUNTS = "money_project_counts"
# How far from the amount the count may stand: before it in its clause, after it in a few words.
BEFORE, AFTER = 50, 25


@cache
def _count() -> tuple[re.Pattern[str], re.Pattern[str]]:
    counted = lexicon.pattern(COUNTS, "counted")
    unit = lexicon.pattern(COUNTS, "unit")
    english = lexicon.pattern(COUNTS, "counted_en")
    number = r"(?<![0-9.])[0-9][0-9,]*"
    korean = (
        rf"{number}\s*개\s*(?:[가-힣A-Za-z·]+\s*){{0,2}}?{counted}{_PARTICLE}(?![가-힣])"
        rf"|{number}\s*{unit}(?![가-힣])"
    )
    return re.compile(korean), re.compile(rf"{korean}|{number}\s+(?:[A-Za-z-]+\s+){{0,2}}{english}")


# The noun ends there or takes a particle ("31개 사업(", "27개 사업이"), not a longer word ("150개 기업 사업화").
_PARTICLE = "(?:이|가|을|를|에|에는|에서|의|과|와|은|는|으로|도)?"


def counted(before: str, after: str) -> bool:
    """True when a count of projects stands by the amount (`before`: the text since the amount before it). After
    the amount only a Korean count counts ("545억 투자…202개 사업"): "115.7 billion won will fund 14 projects that
    …" names a spending area (README third set); nor does it for a figure in brackets right after a name
    ("혁신기술개발(229억원)을 비롯한 31개 사업": the named project's own figure)."""
    after_pat, before_pat = _count()
    if before_pat.search(before[-BEFORE:]):
        return True
    return not re.search(r"[(（]\s*$", before) and bool(after_pat.search(after[:AFTER]))
