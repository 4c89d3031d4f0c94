"""The lines of a list whose lead gives a program's make-up are that program's parts.

"… 'K컬처 AI 산소공급 프로젝트'를 중심으로 짜였다. … 프로젝트의 세부 구성은 다음과 같다." then "▲산업 AX(…): 1026억원",
"▲소버린 AI(…): 112억원": the lead says the lines are what the program is made of, so each line's money is the
program's (README rulings 'List lines': the lead decides, not the noun; 'Part and parent': a part's money is its
parent's). The lead cues are in etl/resources/lexicon/program_makeup_leads.tsv (a building's wings after "다음
시설을 짓는다" are program_part_leads.tsv's, etl/extract/area_lists.py). The program is the one the lead names,
else the last one named in the LOOK_BACK sentences before it. Used by etl/extract/document.py, once every amount
is linked.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.link_story import Named
from etl.extract.list_leads import is_list_line
from etl.models import Budget, Sentence

# A lead that points back ("프로젝트의 세부 구성은") speaks of the program named in its paragraph: the sentences
# right before it.
LOOK_BACK = 2


@cache
def _lead() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_makeup_leads", "makeup"))


def makeup_lines(budgets: list[Budget], sentences: list[Sentence], named: Named) -> None:
    """Link the budgets of the list lines right after a make-up lead to the program the lead speaks of."""
    for i, s in enumerate(sentences):
        if not _lead().search(s.text):
            continue
        program = None
        for before in reversed(sentences[max(0, i - LOOK_BACK) : i + 1]):
            if here := named(before):
                program = here[-1][1]
                break
        if program is None:
            continue
        starts = set()
        for line in sentences[i + 1 :]:
            if not is_list_line(line.text):
                break
            starts.add(line.start)
        for b in budgets:
            if (
                b.evidence is not None
                and b.evidence.start in starts
                and b.table_cell is None
                and b.role == "budget"
            ):
                b.program = program
