"""Which names in a sentence are actors, and which unknown names an enumeration adds.

Works on spans (anything with `start`, `end`, `surface`, `name`, `type`, `entry`), so it can be tested without the
gazetteer. A district inside an address (`대구 동구 신암동`), the venue named after it, an old name in parentheses,
a person's institution in a photo caption, a partner named only as a bilateral prefix (한-EU), a forum, and a
generic committee are places or words, not actors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Protocol, TypeVar

from etl import lexicon
from etl.extract import inst_context, inst_rules
from etl.extract.inst_places import foreign_country_before
from etl.extract.inst_rules import Member
from etl.models import Institution


# A ceremony's guest list (`개소식에는 … 참석했다`, `행사에는 … 함께한다`): a body between a guest's name and title
# says who the person is, not that the body acts.
@cache
def _guests() -> re.Pattern[str]:
    # The event words and the verbs of attending are inst_guest_cues.tsv (`event`, `attend`).
    event, attend = (lexicon.pattern("inst_guest_cues", m) for m in ("event", "attend"))
    return re.compile(rf"{event}에(?:는|서는)\s.*{attend}")


_PERSON_BEFORE = re.compile(r"(?:^|[\s,·])[가-힣]{2,4}[ \t]+$")
# `한빛연구원 김○○ 본부장`, `가람대·누리대 관계자 등이`: the body before a person and a title, or before its staff.
# `국회 과학기술정보방송통신위원회 윤영찬 국회의원`: a committee before a lawmaker's name is the person's seat, as a party
# beside a lawmaker is the person's affiliation.
_LAWMAKER_AFTER = re.compile(r"[ \t]+[가-힣]{2,4}[ \t]+(?:국회)?의원")
# A district followed by another place word is part of an address: 분당구, 신암동, 하양읍, 세종대로.
_PLACE_WORD = re.compile(r"[ \t]+[가-힣]+(?:시|군|구|동|읍|면|리|로|길)(?![가-힣])")
_PLACE_WORDS = re.compile(rf"(?:{_PLACE_WORD.pattern})*")
_NEXT_WORD = re.compile(r"[ \t]+[가-힣0-9]")
# A neighbourhood or street word right before a name that takes 에서 makes the name the building an event is in.
_STREET_BEFORE = re.compile(r"(?:^|\s)[가-힣0-9]+(?:동|읍|면|리|로|길)[ \t]+$")
_AT = re.compile(r"에서(?![가-힣])")
_TITLES = (
    "장관|차관|위원장|부위원장|원장|총장|청장|처장|시장|도지사|지사|군수|구청장|의원|대표|회장|사장|이사장|"
    "이사|본부장|단장|센터장|소장|실장|국장|과장|교수|연구원|대변인|의장|비서관|위원"
)
# `최호정 서울시의장, 전성수 서초구청장 등`: a list whose items end in a title lists people, not institutions.
_PERSON_ITEM = re.compile(rf"(?:{_TITLES})$")
# `김○○ 정보통신산업진흥원(NIPA) 원장`: the body's acronym may stand between it and the title.
_TITLE_AFTER = re.compile(
    rf"(?:\([A-Za-z0-9&]{{2,10}}\))?[ \t]+(?:{_TITLES})(?:이|가|은|는|의|과|와|도)?(?![가-힣])"
)
_NAME_TITLE_AFTER = re.compile(
    rf"(?:[ \t]+[가-힣]{{2,4}}[ \t]+[가-힣]*?(?:{_TITLES}|팀장)|(?:\s*[·,]\s*[가-힣A-Za-z0-9]+)*[ \t]+(?:관계자|임직원))"
    r"(?:이|가|은|는|과|와|도|,)?(?![가-힣])"
)
_GENERIC_LATIN = {"AI", "SW", "ICT", "IT", "DX", "AX", "R", "D", "K"}
_NOUN_TAGS = {"NNG", "NNP", "SL", "SN", "SH", "XPN", "XSN"}
# A member of common nouns only is a name when it is a long compound (서남해안기업도시개발: five nouns); two or
# three common nouns (AI 공급기업, 참여 기업) are a description.
_COMPOUND_NAME = 4
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # LLMs, SMEs, GPUs: a plural common noun, never one body
_STOP_FIRST_EN = {"the", "a", "an", "this", "that", "each", "its", "their", "our", "every", "one"}
_TITLE_ONLY = re.compile(rf"(?:연구|부)?(?:{_TITLES})")  # `이광형 KAIST 총장, …`: a title is a person
_STOP_FIRST = {
    "국내",
    "해외",
    "도내",
    "역내",
    "지역",
    "관련",
    "주요",
    "각",
    "해당",
    "유관",
    "민간",
    "공공",
    "참여",
    "기타",
}


# How strongly a list says its members are institutions. LINE: `– X 컨소시엄` (only a name stands there, even one
# Kiwi reads as a verb: 자란다). STRONG: a list holding two known institutions or named as a list of institutions
# (`3개 지자체(…)`). WEAK: one known member and a closing `등`.
LINE, STRONG, WEAK = 2, 1, 0
# `10개 컨소시엄`: a count of consortia, not a name.
_COUNT = re.compile(r"\d+\s*개?$")


class Span(Protocol):
    start: int
    end: int
    surface: str
    name: str
    type: str


S = TypeVar("S", bound=Span)


def keep_actors(text: str, found: Sequence[S], regions: Collection[str], caption: bool) -> list[S]:
    """The mentions of one sentence that are actors (sorted by start)."""
    out: list[S] = []
    address_end = -1
    for m in sorted(found, key=lambda x: x.start):
        before, after = text[: m.start], text[m.end :]
        if m.type == "local_government" and _in_address(before, after, m.surface, regions):
            address_end = m.end + len(
                _PLACE_WORDS.match(after).group()
            )  # 성남시 분당구: the smaller places too
            continue
        if address_end >= 0 and not text[address_end : m.start].strip():
            continue  # the venue an address names: 성남시 분당구 네이버 1784
        if _STREET_BEFORE.search(before) and _AT.match(after):
            continue  # 문지동 대전세종연구원에서 개소식을 열었다: the building where it happens
        if inst_context.is_old_name(before) or inst_context.is_bilateral_prefix(before):
            continue
        if m.type == "government" and getattr(m, "country", None) == "KR" and foreign_country_before(before):
            continue  # 싱가포르 외교부: Singapore's ministry, not Korea's
        if inst_context.is_comparison(after) or inst_context.is_data_source(after):
            continue
        if inst_context.is_glossed_acronym(before, m.surface, after):
            continue  # 국가인증(GS, Good Software): a term spelled out
        if m.name.endswith("위원회") and (_LAWMAKER_AFTER.match(after) or inst_context.is_seat(before)):
            continue
        if m.type == "local_government" and inst_context.is_english_address(before, m.surface, m.name):
            continue
        if caption and _TITLE_AFTER.match(after):
            continue  # `최○○ 기획재정부 장관이 … 하고 있다`: a person's title under a photo
        if _guests().search(text) and (
            (_TITLE_AFTER.match(after) and _PERSON_BEFORE.search(before))
            or _NAME_TITLE_AFTER.match(after)
            or (before.endswith("(") and after.startswith(")") and _TITLE_AFTER.match(after, 1))
        ):
            continue  # `행사에는 이○○ 울산상공회의소 회장 등 100여 명이 참석했다`: a guest's title; `진흥원(NIPA) 원장` too
        kind = inst_context.not_actor().get(m.name)
        if kind == "forum" or (
            kind == "legislature" and (inst_context.is_member_title(after) or inst_context.is_venue(after))
        ):
            continue  # G20; 국회의원 (a person's occupation); 국회 의원회관에서 (a building)
        out.append(m)
    return out


def _in_address(before: str, after: str, surface: str, regions: Collection[str]) -> bool:
    """A district with no particle, followed by a word, after its city or before a smaller place."""
    prev = before.rstrip().rsplit(maxsplit=1)[-1] if before.strip() else ""
    if after.startswith(")") and (" " in surface or re.split(r"[\s(]", before)[-1] in regions):
        return True  # 국립중앙과학관(대전 유성구): where the body before it is
    if not _NEXT_WORD.match(after):
        return False  # 단양군은, 여수시와, 장성군, …: it acts or is listed
    return " " in surface or prev in regions or bool(_PLACE_WORD.match(after))


# A body whose parts the text names after it with one space: a university's college (`전남대학교 수의과대학`), a
# council's standing committee (`경기도의회 미래과학협력위원회`). Their unit words: inst_context `sub_unit`.
_PARENT_TYPES = {"university"}
_PARENT_ENDS = ("의회",)


def fold_units(text: str, found: Sequence[S]) -> list[S]:
    """A part named right after its body (a name found by its form, not in the gazetteer, ending in a unit word) is
    that body: one mention over both names, so `전남대학교 수의과대학` is 전남대학교 and no second institution."""
    out: list[S] = []
    for m in sorted(found, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and getattr(m, "entry", None) is None
            and getattr(prev, "entry", None) is not None
            and text[prev.end : m.start] == " "
            and (prev.type in _PARENT_TYPES or prev.name.endswith(_PARENT_ENDS))
            and inst_context.is_sub_unit(m.surface)
        ):
            out[-1] = replace(prev, end=m.end, surface=text[prev.start : m.end])
            continue
        out.append(m)
    return out


def fold_parts(insts: list[Institution]) -> list[Institution]:
    """A part named alone elsewhere in the text (`미래과학협력위원회 회의에서`) after the text named it with its body
    (`경기도의회 미래과학협력위원회`) is that body too: its aliases join the body's, and it is no second institution."""
    owner = {
        a.split(" ", 1)[1]: inst for inst in insts if inst.in_gazetteer for a in inst.aliases_seen if " " in a
    }
    out = []
    for inst in insts:
        body = None if inst.in_gazetteer else owner.get(inst.name)
        if body is None:
            out.append(inst)
            continue
        body.aliases_seen.extend(a for a in inst.aliases_seen if a not in body.aliases_seen)
    return out


# Names that act only as the subject of their sentence: a grouping (`아세안 국가로는` is a region) and a party
# (`이○○ 더불어민주당 의원이`: a lawmaker's affiliation, not the party doing something).
_SUBJECT_ONLY = {"grouping", "party"}
_NOTE_OPEN = re.compile(r"[가-힣A-Za-z0-9]\($")


def groupings_as_subject(text: str, found: Sequence[S], subjects: Collection[str]) -> list[S]:
    """A grouping (EU, ASEAN) or a party is an actor only as the subject of its sentence, and never inside a
    parenthetical note on the name before it (`송○○ 의원실(자유한국당)이`: the subject is the office)."""
    kinds = inst_context.not_actor()
    return [
        m
        for m in found
        if kinds.get(m.name) not in _SUBJECT_ONLY
        or (
            m.name in subjects
            and not _NOTE_OPEN.search(text, 0, m.start)
            and not inst_context.is_member_affiliation(text[m.end :])
        )
    ]


def list_members(
    text: str,
    found: Sequence[Span],
    local: Collection[str] = (),
    place: Callable[[str], bool] = lambda _: False,
    regions: Collection[str] = (),
) -> list[tuple[Member, int]]:
    """Names no rule found that a list of institutions carries (`휴인스 컨소시엄`, `…, 탑솔라, KT 등`), each with
    how strongly the list says it is an institution: LINE, STRONG or WEAK. A list holding a local government also
    brings in the cities it names by their stem alone (`경북도, 포항, 경산과`: `local` holds those stems)."""
    spans = [(m.start, m.end) for m in found]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in spans)

    out = [(m, LINE) for m in inst_rules.consortium_members(text) if free(m.start, m.end)]
    out += [(m, WEAK) for m in inst_rules.quoted_single(text) if free(m.start, m.end)]
    out += [(m, WEAK) for m in inst_rules.counted_single(text) if free(m.start, m.end)]
    out += [(m, STRONG) for m in inst_rules.english_list_members(text, spans)]
    if (
        not found
        and "(" not in text
        and not inst_rules.has_list_close(text)
        and not _two_regions(text, regions)
    ):
        return _clean(out)  # a list needs a known member, a head, a closing 등 and kind, or 시·도 names
    for run in inst_rules.enumerations(text):
        named = {(m.start, m.end) for m in found}
        if any(_PERSON_ITEM.search(i.surface) and (i.start, i.end) not in named for i in run.items):
            continue  # 한국생산기술연구원 is a name; 서울시의장 a person
        if _region_list(text, run.items, regions):
            out.extend((i, STRONG) for i in run.items if free(i.start, i.end))
            continue
        for items in _clauses(text, run.items, found):
            known = sum(not free(i.start, i.end) for i in items)
            if not found and not _all_names(text, items, place):
                continue  # `반도체, 배터리, 바이오 등 3개 분야`: with nothing known, every item must look like a name
            joint = known == 1 and bool(_joint().match(text, items[-1].end))  # 전남대·인트플로우 공동 추진
            if known >= 2 or run.headed or (run.closed and (known >= 1 or run.kinded)) or joint:
                strength = STRONG if known >= 2 or run.headed else WEAK
                out.extend((i, strength) for i in items if free(i.start, i.end))
            elif any(
                m.type == "local_government" and i.start <= m.start < i.end for i in items for m in found
            ):
                out.extend(
                    (i, STRONG)
                    for i in items
                    if free(i.start, i.end) and i.surface in local and not _NEXT_WORD.match(text, i.end)
                )  # `충남도, 천안 스마트그린산단을`: a stem before another word names a place
    return _clean(out)


@cache
def _joint() -> re.Pattern[str]:
    # `전남대·인트플로우 공동 추진`, `A·B 컨소시엄`: a list of one known body and names acting together (a `joint`
    # word of `inst_list_cues.tsv`) names bodies.
    return re.compile(rf"(?:이|가|은|는|와|과|의)?\s*{lexicon.pattern('inst_list_cues', 'joint')}")


# `광주·대구·전북·경남이 … 추진하는`: 시·도 names alone, listed as the subject (a particle after the last one), are the
# local governments acting; `부산·울산·경남 지역 기업`, `'강원·경북·대구' 권역` name places.
_SUBJECT_AFTER = re.compile(r"(?:이|가|은|는|도|과|와)(?![가-힣])")
# `Five regions were picked: Daegu and Gyeongbuk (…), …`: in English such a list acts unless a preposition opens it
# (`in Daegu and Gyeongsangbuk-do`: where something is).
_PREPOSITION = re.compile(
    r"(?i)\b(?:in|at|across|from|to|of|into|between|for|around|near|throughout|and|or)\s+(?:the\s+)?$"
)
_WORDS = re.compile(r"[^\s,·ㆍ、]+")


def _two_regions(text: str, regions: Collection[str]) -> bool:
    """Two words of the sentence are 시·도 names (a particle after one aside): a list of them may follow."""
    if not regions:
        return False
    return sum(w in regions or w[:-1] in regions for w in _WORDS.findall(text)) >= 2


def _region_list(text: str, items: list[Member], regions: Collection[str]) -> bool:
    """Every item is a 시·도 name, and the list is the sentence's subject or (in English) no place after a
    preposition."""
    if not regions or not all(i.surface in regions for i in items):
        return False
    if items[-1].surface.isascii():
        return not _PREPOSITION.search(text, 0, items[0].start)
    return bool(_SUBJECT_AFTER.match(text, items[-1].end))


def _all_names(text: str, items: list[Member], place: Callable[[str], bool]) -> bool:
    """A list in parentheses after its head (`3개 지자체(부산·울산·경남)`) names bodies; any other list in a sentence
    that names no known body does only when every item looks like a name on its own (a proper or unknown noun) and
    none is a place (`미국, 유럽, 캐나다 등의 연구기관`)."""
    if text[: items[0].start].rstrip().endswith("("):
        return True
    from etl.extract.inst_companies import analyse_unknown

    return all(
        not place(i.surface) and looks_like_name(i.surface, analyse_unknown(i.surface), WEAK) for i in items
    )


def _clean(out: list[tuple[Member, int]]) -> list[tuple[Member, int]]:
    """Legal-form prefixes off; names of a plausible length that are not generic."""
    clean = []
    for m, strong in out:
        cut, name = inst_rules.clean_member(m.surface)
        if inst_rules.plausible_length(name) and not inst_rules.generic_head(name):
            clean.append((Member(m.start + cut, m.end, name), strong))
    return clean


_CLAUSE_END = re.compile(r"(?:이|가|은|는|을|를|에|에서|에게)$")


def _clauses(text: str, items: list[Member], found: Sequence[Span]) -> list[list[Member]]:
    """A run split where a known member ends its clause with a case particle (`…연구원이, 호남·제주권`), and at a
    comma between two ·-lists (`정부·가람대·누리전자, 조선·해양 산업`: the second list names other things)."""
    gaps = ["·" if "·" in text[a.end : b.start] else "," for a, b in pairwise(items)]
    out: list[list[Member]] = [[]]
    for k, i in enumerate(items):
        if 0 < k < len(gaps) and gaps[k - 1] == "," and gaps[k - 2 : k - 1] == ["·"] and gaps[k] == "·":
            out.append([])
        out[-1].append(i)
        inner = [m for m in found if i.start <= m.start and m.end < i.end]
        if inner and _CLAUSE_END.fullmatch(text[inner[-1].end : i.end]):
            out.append([])
    return [c for c in out if c]


def looks_like_name(name: str, tokens: Sequence[tuple[str, str, int]], strength: int) -> bool:
    """A list member (with its Kiwi tokens) is a name: no count, no stop word first; in a list (not a consortium
    line) no particle or ending inside; in a weak list also nouns only, with a proper part or a long compound."""
    first = tokens[0][0] if tokens else ""
    if not tokens or _COUNT.match(name) or first in _STOP_FIRST or first.casefold() in _STOP_FIRST_EN:
        return False
    if name.isascii() and (name[:1].islower() or _PLURAL_ACRONYM.fullmatch(name)):
        return False  # `… and DeepSeek said`: a name is capitalised; `Chinese LLMs, DeepSeek`: a plural is no name
    if (
        _TITLE_ONLY.fullmatch(name)
        or name.upper() in _GENERIC_LATIN
        or (tokens[0][1] == "SN" and strength != LINE)
    ):
        return False  # a title, or an amount cut from a list of figures
    # `지방자치단체가 컨소시엄을 꾸려`: a word with a case particle is the subject, no name; `개발·실증할 컨소시엄`: a
    # word ending in a modifier ending (ETM) describes the consortium, names nothing
    if strength == LINE:
        return not (len(tokens) > 1 and tokens[-1][1].startswith(("JK", "ETM")))
    if any(tag.startswith(("E", "J")) for _, tag, _ in tokens[1:]):
        return False
    if strength == STRONG:
        return True
    if any(tag not in _NOUN_TAGS for _, tag, _ in tokens):
        return False
    proper = any(
        tag == "NNP" or (tag == "SL" and form.upper() not in _GENERIC_LATIN) for form, tag, _ in tokens
    )
    return proper or sum(tag == "NNG" for _, tag, _ in tokens) >= _COMPOUND_NAME
