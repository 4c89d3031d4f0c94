"""Areas a program is split into: "메타버스 선도 프로젝트로 정부는 공공, 산업융합, 기술선도, 지역 등 4개 분야에서 13개
과제를 뽑는다" declares the program's areas; a later sentence opening with one of them ("공공 분야에서는 … 2개
과제에 각각 40억원과 20억원을 지원한다") speaks of a part of that program, so its money is the program's (README
ruling 'Part and parent'), although an area opening otherwise gives an amount a purpose of its own
(etl/extract/purposes.py). Only areas the text listed as a program's, in a sentence naming that one program and
counting them ("등 4개 분야"), are taken. Used by etl/extract/document.py, once every amount is linked.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.link_story import Named
from etl.models import Budget, Sentence

# A declared area's name is a few words: the last item before "등 N개 분야" and the ones before it.
MAX_AREA_CHARS = 15


@cache
def _declared() -> re.Pattern[str]:
    # "공공, 산업융합, 기술선도, 지역 등 4개 분야": two or more items, then a count of areas.
    item = rf"[^\s,.;·]{{1,{MAX_AREA_CHARS}}}"
    return re.compile(rf"({item}(?:\s*[,·]\s*{item})+)\s*등\s*(?:\d+|두|세|네|다섯)\s*(?:개|대)?\s*분야")


@cache
def _opening() -> re.Pattern[str]:
    opens = lexicon.pattern("program_area_cues", "opens")
    return re.compile(rf"\s*([^\s,.;]{{1,{MAX_AREA_CHARS}}})\s*{opens}")


def areas_of_programs(budgets: list[Budget], sentences: list[Sentence], named: Named) -> None:
    """Link each unlinked budget of a sentence opening with an area a program was declared to have (in an earlier
    sentence naming that program alone) to that program."""
    declared: dict[str, tuple[str, int]] = {}
    for s in sentences:
        if "분야" not in s.text or not (m := _declared().search(s.text)):
            continue
        programs = {n for _, n in named(s)}
        if len(programs) != 1:
            continue
        program = programs.pop()
        for area in re.split(r"\s*[,·]\s*", m.group(1)):
            declared.setdefault(area, (program, s.start))
    if not declared:
        return
    for s in sentences:
        if not (m := _opening().match(s.text)) or (area := declared.get(m.group(1))) is None:
            continue
        program, at = area
        if at >= s.start:
            continue
        for b in budgets:
            here = b.evidence is not None and b.evidence.start == s.start and b.table_cell is None
            if here and b.program is None and b.role == "budget":
                b.program = program
