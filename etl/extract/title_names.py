"""The program a Korean title names without quotes ("제조AI센터 들어설 곳, 대구·울산·충북으로 확정", "… 학연협력플랫폼
사업단 출범"): a noun run ending in a program word (lexicon/program_forms.tsv `quoted`). Used by
etl/extract/links.py as the story's program when its lead names no other."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from etl import lexicon
from etl.extract.programs import MIN_BARE_NAME, breaks_name, generic_words
from etl.normalize import program_key

# One word glued to its program word names a program when this long: 제조AI센터 (7), 학연협력플랫폼 (7); shorter
# ones are kinds of facility ("데이터센터", "AI허브", 5 or fewer).
MIN_TITLE_WORD = 6
# A name has at most this many words before its last: "한양대에리카 인공지능 융합연구센터" (3 in all).
MAX_TITLE_WORDS = 4


# A figure before a name ("2조 AI데이터센터") is money, not part of the name.
_FIGURE = re.compile(r"^\d")


@cache
def _title_name() -> re.Pattern[str]:
    forms = [t for t in lexicon.terms("program_forms", "quoted") if re.fullmatch(r"[가-힣]+", t)]
    word = r"[가-힣A-Za-z0-9·]+"
    return re.compile(
        rf"((?:{word}\s+){{0,{MAX_TITLE_WORDS - 1}}}{word}?({lexicon.alternation(forms)}))(?=[\s,.…|]|$)"
    )


def title_name(title: str) -> str | None:
    """The first unquoted name in `title` that ends in a program word, or None."""
    for m in _title_name().finditer(title):
        words = m.group(1).split()
        keep = [words.pop()]
        while words and not breaks_name(words[-1]) and not _FIGURE.match(words[-1]):
            keep.insert(0, words.pop())
        while keep and generic_words().fullmatch(keep[0]):
            keep.pop(0)  # "AI 데이터센터": a generic word before a kind of facility names none
        if not keep:
            continue
        name = " ".join(keep)
        if (len(keep) >= 2 or len(keep[0]) >= MIN_TITLE_WORD) and not _kind_only(name, m.group(2)):
            return name
    return None


# A title's quoted name ("'대전 ICT 이노베이션스퀘어' 문 열어"): single quotes around at most this many characters.
_TITLE_QUOTE = re.compile(r"['‘]([^'‘’]{4,30})['’]")


def title_quoted(title: str, lead: list[str]) -> str | None:
    """The name a Korean title quotes and a sentence of the lead quotes again, all nouns (no particle, verb
    ending or stop word inside) and no shorter than a bare name ('AI 3강' is a goal): what the story is about, whatever its last word ('ICT 이노베이션스퀘어',
    'AI 교육 선도학교' are given as names: quoted; README 'A program is a named undertaking')."""
    for m in _TITLE_QUOTE.finditer(title):
        name = m.group(1).strip()
        words = name.split()
        if len(words) < 2 or len(name) < MIN_BARE_NAME or any(breaks_name(w) for w in words):
            continue
        if any(re.search(rf"['‘]\s*{re.escape(name)}\s*['’]", text) for text in lead):
            return name
    return None


def _kind_only(name: str, form: str) -> bool:
    """ "AI데이터센터", "AI 데이터센터": generic words (lexicon/site_generic.tsv) before the program word say what kind
    of facility, not which: a company's data centre, no program."""
    generic = lexicon.pattern("site_generic", "generic")
    return bool(re.fullmatch(rf"(?:{generic}\s*)+", name.removesuffix(form).strip()))


# A title sketches a program when it keeps this many characters of the program's key in a row: five ("데이터구축"
# of "ai학습용데이터구축") is two Korean words; a figure's title about a whole field ("데이터ㆍ5Gㆍ반도체 등에
# 4조7100억원") shares no such run with a program it lists ("big3").
TITLE_PIECE = 5


def sketches(title: str, program: str) -> bool:
    """True when `title` holds a long piece of `program`'s name ("AI 데이터 구축 예산" of "AI 학습용 데이터 구축사업")."""
    key, text = program_key(program), program_key(title)
    return SequenceMatcher(None, key, text, autojunk=False).find_longest_match().size >= TITLE_PIECE
