"""Phrases that end in a program word but name no one program: a sort of undertaking ("AI·수소 신규사업", "중장기
국가사업": lexicon/program_category_heads.tsv) and a count of projects ("56개 지방 디지털 혁신 사업", "공동 연구개발
사업 7개"). Used by etl/extract/programs.py, line_items.py and link_names.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from etl import lexicon
from etl.normalize import program_key


def category_name(name: str) -> bool:
    """True when the word before the program word (glued to it or not) says what sort of undertaking it is, not
    which one (lexicon/program_category_heads.tsv: "AI·수소 신규사업", "중장기 국가사업", "정부 본사업")."""
    words = name.split()
    for form in lexicon.terms("program_forms", "bare"):
        if words and words[-1].endswith(form):
            at = len(words) - 1 if words[-1] != form else len(words) - 2
            front = words[-1].removesuffix(form) or (words[at] if at >= 0 else "")
            # "국가 공모사업", "정부 공모 사업": a call is a sort too, when the word before it is (whose call it is).
            if _call().fullmatch(front) and at >= 1:
                front = words[at - 1]
            return bool(_category().fullmatch(front))
    return False


@cache
def _category() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_category_heads", "category"))


@cache
def _call() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_category_heads", "call"))


_COUNT_BEFORE = re.compile(r"\d+\s*개\s*$")
_COUNT_AFTER = re.compile(r"\s*\d+\s*(?:개|건)")


def counted(text: str, start: int, end: int) -> bool:
    """True when a count stands right before or after the name at text[start:end]: several projects."""
    return bool(_COUNT_BEFORE.search(text, 0, start) or _COUNT_AFTER.match(text, end))


def counted_group(name: str, text: str = "") -> bool:
    """True when `name` opens with a count ("모두 4900억원 규모인 7개 추경 사업"): several projects, no one program
    (README 'Counts of projects': a body's assorted programs, an envelope), unless `text` (the sentence up to them)
    makes them a share of the program named before ("이 가운데 463억원 규모의 10개 사업·과제": the items of one)."""
    return bool(_COUNT_AFTER.match(name)) and not _share().search(text)


@cache
def _share() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_anaphora", "share"))


@cache
def _counted_name() -> re.Pattern[str]:
    word = lexicon.pattern("program_forms", "bare")
    return re.compile(
        rf"\d+\s*개\s+((?:[^\s,.;()]+\s+){{0,5}}?[^\s,.;()]*?{word})(?=[은는이가을를의에과와도\s,.]|$)"
    )


def counted_keys(texts: Iterable[str]) -> set[str]:
    """The keys of the phrases a count stands before anywhere in `texts` ("56개 지방 디지털 혁신 사업을 펼친다"):
    the page calls them several projects, so the same words elsewhere ("지방 디지털 혁신사업에 5770억원") are a
    group, not one program's name."""
    return {program_key(m.group(1)) for text in texts for m in _counted_name().finditer(text)}
