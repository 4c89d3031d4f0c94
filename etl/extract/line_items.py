"""Line items: the name a won amount is listed under in its clause (`A 사업(58억원)`, `AI팩토리: 44개 과제, 627억원`,
`데이터 가공 지원 사업에는 90억원`, `A에 145억원, B에 121억원`), from etl/resources/lexicon/ (program_tie_cues,
program_name_breaks, program_item_not_names, program_item_not_tails). Used by etl/extract/links.py.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.program_sorts import category_name
from etl.extract.programs import (
    MIN_BARE_NAME,
    PARTICLE_START,
    breaks_name,
    generic_words,
    program_words,
)

# Text stripped from the end of a clause before a won amount to reach the name it is listed under: spaces, a
# former figure with its arrow ("308 → "), closing quotes.
_ITEM_FILL = re.compile(r"(?:\s+|\d[\d,.]*\s*(?:→|->)|['’\"”」』])$")
# The bracket that holds the amount, with a year before it ("AI혁신펀드('25년, "), or a short one right after
# the name ("('23 신규)"): either marks a line item.
_ITEM_OPEN = re.compile(r"\(\s*[^()]{0,12}$")
_ITEM_MARK = re.compile(r"\([^()]{0,12}\)\s*$")
# "'지능형 인터랙션 기술'(25억원)", "'AI일상화 확산' 사업(총 308.7억 원)": a quoted name before the bracket.
_QUOTED_TAIL = re.compile(r"['‘\"“「『]([^'’\"”」』]{2,40})['’\"”」』]\s*(?:사업\s*)?\(\s*[^()]{0,12}$")
# "- AI팩토리: 44개 과제, 627억원" (a bullet line) and "| 민간지능정보 서비스 확산 | … | 60억원 |" (a table row):
# the head names the item.
_MARKS = lexicon.char_class("list_marks", "line", "inline")
_BULLET_HEAD = re.compile(rf"^\s*[{_MARKS}]\s*([^:：\n]{{2,30}}?)\s*[:：]")
_TABLE_HEAD = re.compile(r"^\s*\|\s*([^|\n]{2,40}?)\s*\|")
# A clause ends at a comma (not one inside a number: "GPU 2,600장 임차"), a semicolon, a colon, an ellipsis or an
# opening quote, or an inline bullet ("주요 사업은 ▲A 45억원 ▲B 30억원"); a name never reaches over.
_CLAUSE_END = re.compile(
    rf"[;:：…‘“'\"「『|{lexicon.char_class('list_marks', 'arrow')}]|,(?![0-9])|(?<![0-9]),"
)
# A time word may stand between a tie cue and the amount ("분야에는 내년 761억원"), and so may the year it is
# compared with ("구축에는 전년보다 77억원 많은 163억원": program_tie_cues `between`).
_TIME = r"(?:(?:19|20)\d\d년도?|내년|올해|해마다|매년)"


@cache
def time_gap() -> str:
    """What may stand between a tie cue and its amount: a time word or a `between` cue (program_tie_cues)."""
    return rf"(?:{_TIME}|{lexicon.pattern('program_tie_cues', 'between')})"


def line_item(
    clause: str, after_amount: bool = False, listed: bool = False, whole: bool = False
) -> tuple[str, bool] | None:
    """The name a won amount is listed under, from its clause up to the amount, and whether a tie form (a
    bracket around the amount, a tie cue such as 에는, a bullet or table head) says so; None when no name
    stands there. `after_amount`: the clause starts right after another amount (its first word is that
    amount's particle). `listed`: the sentence lists several amounts each after a list cue ("A에 145억원, B에
    121억원"), so a list cue ties too. `whole`: the clause is in a line of a list (etl/extract/list_lines.py),
    all name up to the line's first amount."""
    found = _line_item(clause, after_amount, listed, whole)
    if found is None:
        return None
    name = _ITEM_TRIM.sub("", found[0])
    return (name, found[1]) if _plausible_item(name) else None


# Bullets and marks around a listed name: "▲AI 바우처", "거대언어모델 사업)" (the bracket opened before the clause).
_ITEM_TRIM = re.compile(r"^[\W_]+|\)$")
# A tilde between place names ("농소~외동 국도 건설") is a route, one between figures a period or a range.
# A list mark inside the words ("사업기간) 3년 ▴(예산) 연") runs two items together: no one name (a line mark such as
# the middle dot also joins words: "데이터·AI"); nor does a bracket closed with none opened ("예산) 연": a field label).
_ITEM_MARKS = lexicon.char_class("list_marks", "inline", "arrow")
# A count at the end ("기관 2곳", "계속사업 345건") says how many, not which: a group, no name.
_NOT_A_NAME = re.compile(
    rf"[%○/→{_ITEM_MARKS}]|^[^(]*\)|(?<![가-힣])~|~(?![가-힣])|\d+\s*(?:년간|%)|\d\s*(?:곳|건|개소|개)$"
)


def _plausible_item(name: str) -> bool:
    """A listed name that can be a program or a line of one: not a fragment, a share, a period, a sum word
    (program_item_not_names.tsv), a predicate or a year (program_item_not_tails.tsv) or a body the gazetteer
    knows."""
    from etl.extract.institutions import lookup

    if len(name) < 2 or PARTICLE_START.match(name) or _NOT_A_NAME.search(name):
        return False
    if re.search(lexicon.pattern("program_item_not_names"), name):
        return False
    if re.search(lexicon.pattern("program_item_not_tails") + "$", name) or category_name(name):
        return False
    return lookup(name) is None


def _line_item(clause: str, after_amount: bool, listed: bool, whole: bool) -> tuple[str, bool] | None:
    if after_amount:
        clause = re.sub(r"^\S*", "", clause, count=1)
    clause = _LEADER.sub(" ", clause)  # layout, not an elision: read as the name's end
    if headed := _quoted_or_head(clause):
        return headed, True
    lists = [("tie", _list_cue())] if listed else []
    forms = [("bracket", _ITEM_OPEN), ("bracket", _ITEM_MARK), ("tie", _tie_cue()), *lists, ("", _ITEM_FILL)]
    tail, form, cue = clause, "", ""
    if earmark := _earmark().search(tail):  # "X 건립 예산 2억 원": the project is the name before 예산
        tail, form = tail[: earmark.start(1)], "tie"
    while True:
        for kind, pat in forms:
            cut = pat.search(tail)
            if cut and 0 < cut.start() < cut.end():
                cue = cue or (cut.group() if kind == "tie" else "")
                form, tail = form or kind, tail[: cut.start()]
                break
        else:
            break
    boundary = max((m.end() for m in _CLAUSE_END.finditer(tail)), default=0)
    words = _SYMBOL_LEAD.sub("", tail[boundary:]).split()
    keep: list[str] = []
    # "초거대 AI 클라우드 팜 실증과 AI 확산 환경 조성(111억원)": a line that is all name but for 과/와 between two
    # tasks lists them under one bracket: one item.
    joined = (
        form == "bracket" and boundary == 0 and all(not breaks_name(w) or _JOINED.search(w) for w in words)
    )
    # "△A를 위한 B 조성 100억원 △C 70억원": an inline bullet with nothing but a name before its bare amount is an
    # item of the list the marks make, all of it, whatever words it holds (a plan's lines are told by area_list).
    marked = boundary > 0 and tail[boundary - 1] in _INLINE
    if (marked or (boundary == 0 and whole and not after_amount)) and len(words) >= 2:
        keep, words = words, []
    while words and (not breaks_name(words[-1]) or (joined and _JOINED.search(words[-1]))):
        keep.insert(0, words.pop())
    while keep and generic_words().fullmatch(keep[0]):
        keep.pop(0)
    while len(keep) > 1 and _tail_words().fullmatch(keep[-1]):
        keep.pop()  # "AI 인재 양성 사업 신규 반영 10억원": a status after the name (program_name_breaks `tail`)
    name = " ".join(keep)
    if not re.search(r"[가-힣A-Za-z]{2}", name):
        return None
    # A bracket vouches for one word ("AI혁신펀드(1000억원)"); a tie cue for two ("장성군에는" is a place);
    # with neither, the words must fill the clause ("한계도전 R&D 117억원, …") and the last carry no particle.
    # "주요 사업으로는 A 7500억원, B 3000억원": a lead naming its items as projects vouches for the first one too.
    led = bool(words) and bool(_naming_lead().search(" ".join(words[-2:])))
    unmarked = (not words or led) and len(keep) >= 2 and not _head_particle().search(keep[-1])
    # A single word ending in a program word ("소재부품기술개발사업에 8,410억원") names itself.
    named = len(name) >= MIN_BARE_NAME and (
        name.endswith(program_words("quoted")) or cue.startswith(program_words("quoted"))
    )
    # "…인증센터 구축 51억원, 마이크로의료로봇개발지원센터 57억원": after another amount, one glued word ending in a
    # program word that fills the clause names a line of the enumeration too.
    unmarked = unmarked or (named and not words and after_amount)
    enough = {"bracket": len(name) >= 3, "tie": len(keep) >= 2 or named}.get(form, unmarked)
    return (name, bool(form)) if enough else None


_INLINE = lexicon.char_class("list_marks", "arrow")
_JOINED = re.compile(r"[가-힣A-Za-z0-9](?:과|와|및)$")  # a word joined to the next one by 과, 와 or 및
# "AI혁신펀드 추가 조성 ........ 1,000억원": a PDF list's dot leader between a name and its figure is layout.
_LEADER = re.compile(r"[.·ㆍ]{3,}|[…‥]{2,}")
# "■선도형 R&D 4조3200억원": a bullet or box glyph before a name is not part of it.
_SYMBOL_LEAD = re.compile(rf"^[\s{_MARKS}]+")


@cache
def _tail_words() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_name_breaks", "tail"))


@cache
def _naming_lead() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_list_heads", "lead") + "$")


@cache
def _head_particle() -> re.Pattern[str]:
    return re.compile(r"\S" + lexicon.pattern("program_name_breaks", "head") + "$")


def _quoted_or_head(clause: str) -> str | None:
    """A quoted name before the amount's bracket, or the head of a bullet line or table row."""
    if quoted := _QUOTED_TAIL.search(clause) or _built().search(clause):
        return quoted.group(1).strip()
    head = _BULLET_HEAD.match(clause) or _TABLE_HEAD.match(clause)
    if head and not _CLAUSE_END.search(head.group(1)) and not breaks_name(head.group(1).strip()):
        return head.group(1).strip()
    return None


# Words between a build verb and the amount: a payer and a time ("국비", "올해", "모두").
BUILD_GAP_WORDS = 2


@cache
def _built() -> re.Pattern[str]:
    """ "'초거대 AI 공통기반'을 만드는 데 54억원": the quoted name is what the money builds (program_build_cues)."""
    verb = lexicon.pattern("program_build_cues")
    return re.compile(
        rf"['‘\"“「『]([^'’\"”」』]{{2,40}})['’\"”」』]\s*(?:을|를)\s*{verb}\s*(?:\S+\s+){{0,{BUILD_GAP_WORDS}}}$"
    )


@cache
def _list_cue() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_tie_cues", "list") + rf"\s*{time_gap()}?\s*$")


@cache
def _earmark() -> re.Pattern[str]:
    # "서울 동작구에는 X 건립 예산 2억 원이 증액됐다": a project noun before 예산 (program_tie_cues `earmark`).
    heads = lexicon.pattern("program_tie_cues", "earmark")
    return re.compile(rf"{heads}(\s*(?:예산|사업비)\s*(?:이|은|으로)?\s*{time_gap()}?\s*)$")


@cache
def listed_amounts() -> re.Pattern[str]:
    """A list cue right before a figure ("…에 145억원"): two in a sentence make it a list of items."""
    return re.compile(lexicon.pattern("program_tie_cues", "list") + rf"\s*{time_gap()}?\s*(?:총|약)?\s*[0-9]")


@cache
def _tie_cue() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_tie_cues", "after") + rf"\s*{time_gap()}?\s*$")
