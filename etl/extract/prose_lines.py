"""Lines of a spending enumeration in running prose: no program names.

README ruling 'Purpose words are not program words': a list is a structured one (bullet or ㅇ/△/- lines, colon
lines, a list after `다음과 같다`), "never a spending enumeration inside a prose sentence (`X에 N원, Y에 N원`), whatever
its lead says". A phrase such an enumeration gives money to ("해양 플랜트에 7억 원, 스마트 팩토리에 5억 원",
"농업환경연구(145억), 미세먼지 저감기술 개발(76억)") names a program only when the text gives it as a name: quoted,
holding a program word (사업, 프로젝트, 센터, 펀드, …: lexicon/program_forms.tsv `quoted`) or the head of a public
work or a study (국도 건설, 재활병원, 기획 용역: lexicon/program_works.tsv), or led by a sentence
that names its items as projects (`세부 사업으로는 A에 65억원`: program_list_heads `lead`); the text calling it a
program elsewhere makes it a known program, which the linker keeps. Otherwise its amount is the parent's the
sentences before break down (etl/extract/breakdowns.py), else no program's. Used by etl/extract/tied.py.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.programs import program_words

# A Korean figure ("55억원", "4억7000만원", "145억"), then what ends its line: a comma, 과/와, a bracket.
_LINE_END = re.compile(r"[0-9]\s*(?:조|억|만|천)\s*원?(?:을|이|은|씩)?\s*\)?\s*(?:,|과\s|와\s)")


@cache
def _marks() -> re.Pattern[str]:
    # A quote, a list mark or a colon anywhere in the sentence: the text gives names or lines of a structured list.
    marks = lexicon.char_class("list_marks", "line", "inline", "arrow")
    return re.compile(rf"[{marks}'‘’\"“”「」『』:：]")


@cache
def _naming_lead() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_list_heads", "lead"))


def prose_line(sentence: str, before: str, name: str) -> bool:
    """True when `name`, the words the amount after `before` is listed under in `sentence`, is a line of a
    spending enumeration in running prose that the text does not give as a name (module docstring)."""
    at = before.rfind(name)
    # A bare figure right after the words ("한계도전 R&D 117억원, …") lists a budget line by its name; a tie cue
    # ("플랜트에 7억 원") or a bracket ("농업환경연구(145억)") gives the money a purpose.
    if not _LINE_END.search(sentence) or at < 0 or not before[at + len(name) :].strip():
        return False
    if _marks().search(sentence) or _naming_lead().search(sentence):
        return False
    return not any(
        word in name for word in (*program_words("quoted"), *lexicon.terms("program_works"), "과제", "기금")
    )
