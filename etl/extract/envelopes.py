"""Budget envelopes: a title about a ministry's yearly or supplementary budget, and the sentence cues that make a
figure an envelope's rather than a program's (lexicon/program_envelope_cues.tsv, the `base` cues of
money_role_before/after.tsv less the comparisons in program_comparison_cues.tsv). Used by etl/extract/links.py.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract import roles


@cache
def envelope_title() -> re.Pattern[str]:
    """A title naming a ministry's yearly or supplementary budget ("과기정통부 내년 예산 18.5조원 확정",
    "내년 과기부 예산", "중기부, 2025년 예산 15조", "[2022 예산안] 과기정통부 …"): the story is about that
    envelope, not a program."""
    time = r"(?:(?:내년|올해|금년)도?|(?:19|20)\d\d년도?|\d차)"
    owner = roles.owners()
    words = lexicon.pattern("program_envelope_cues", "title")
    # A government-wide envelope needs no owner ("…AI 예산 10조1000억원", "내년 정부 예산안"); it must open a
    # word, so that a program's budget ("AI 바우처 예산") is not one.
    whole = lexicon.pattern("program_envelope_cues", "title_any")
    # A region's yearly take of national funds ("울산, 2026년 국비 2조7754억 확보", "내년 국비 128억 더 따내"): the
    # year makes it the region's budget for that year, not one program's grant ("…공모 선정…국비 140억 확보").
    yearly = lexicon.pattern("program_envelope_cues", "title_year")
    return re.compile(
        rf"(?:{time}\s*)?{owner}\s*(?:의|,|은|는)?\s*(?:{time}\s*)*{words}|\[\s*(?:19|20)\d\d\s*{words}\s*\]"
        rf"|(?<![가-힣A-Za-z&]){whole}|{time}\s*{yearly}"
    )


@cache
def envelope() -> re.Pattern[str]:
    """A sentence cue that makes its figures an envelope's (a ministry's budget, a supplementary budget, a base
    figure such as 본예산 or 예산안): no story program falls back onto them."""
    words = lexicon.terms("program_envelope_cues", "envelope") + [
        e.term
        for f in ("money_role_before", "money_role_after")
        for e in lexicon.entries(f)
        # A comparison ("지난해보다", "…과 비교하면") makes the figure before it a base, not the sentence an envelope.
        if e.meaning == "base" and e.term not in lexicon.terms("program_comparison_cues")
    ]
    return re.compile(lexicon.alternation(words))
