"""Which names in a sentence are actors, and which unknown names an enumeration adds.

Works on spans (anything with `start`, `end`, `surface`, `name`, `type`, `entry`), so it can be tested without the
gazetteer. A district inside an address (`대구 동구 신암동`), the venue named after it, an old name in parentheses,
a person's institution in a photo caption, a partner named only as a bilateral prefix (한-EU), a forum, and a
generic committee are places or words, not actors.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar

from etl.extract import inst_rules
from etl.extract.inst_rules import Member

# A district followed by another place word is part of an address: 분당구, 신암동, 하양읍, 세종대로.
_PLACE_WORD = re.compile(r"[ \t]+[가-힣]+(?:시|군|구|동|읍|면|리|로|길)(?![가-힣])")
_NEXT_WORD = re.compile(r"[ \t]+[가-힣0-9]")
_TITLES = (
    "장관|차관|위원장|부위원장|원장|총장|청장|처장|시장|도지사|지사|군수|구청장|의원|대표|회장|사장|이사장|"
    "이사|본부장|단장|센터장|소장|실장|국장|과장|교수|연구원|대변인"
)
_TITLE_AFTER = re.compile(rf"[ \t]+(?:{_TITLES})(?![가-힣])")
_GENERIC_LATIN = {"AI", "SW", "ICT", "IT", "DX", "AX", "R", "D", "K"}
_NOUN_TAGS = {"NNG", "NNP", "SL", "SN", "SH", "XPN", "XSN"}
# A member of common nouns only is a name when it is a long compound (서남해안기업도시개발: five nouns); two or
# three common nouns (AI 공급기업, 참여 기업) are a description.
_COMPOUND_NAME = 4
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
            address_end = m.end
            continue
        if address_end >= 0 and not text[address_end : m.start].strip():
            continue  # the venue an address names: 성남시 분당구 네이버 1784
        if inst_rules.is_old_name(before) or inst_rules.is_bilateral_prefix(before):
            continue
        if caption and _TITLE_AFTER.match(after):
            continue  # `최○○ 기획재정부 장관이 … 하고 있다`: a person's title under a photo
        if inst_rules.not_actor().get(m.name) == "forum":
            continue
        out.append(m)
    return out


def _in_address(before: str, after: str, surface: str, regions: Collection[str]) -> bool:
    """A district with no particle, followed by a word, after its city or before a smaller place."""
    if not _NEXT_WORD.match(after):
        return False  # 단양군은, 여수시와, 장성군, …: it acts or is listed
    prev = before.rstrip().rsplit(maxsplit=1)[-1] if before.strip() else ""
    return " " in surface or prev in regions or bool(_PLACE_WORD.match(after))


def groupings_as_subject(found: Sequence[S], subjects: Collection[str]) -> list[S]:
    """A grouping (EU, ASEAN) is an actor only as the subject of its sentence; `아세안 국가로는` is a region."""
    kinds = inst_rules.not_actor()
    return [m for m in found if kinds.get(m.name) != "grouping" or m.name in subjects]


def list_members(text: str, found: Sequence[Span]) -> list[Member]:
    """Names no rule found that a list of institutions carries: `휴인스 컨소시엄`, `…, 탑솔라, KT 등`."""
    spans = [(m.start, m.end) for m in found]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in spans)

    out = [m for m in inst_rules.consortium_members(text) if free(m.start, m.end)]
    for run in inst_rules.enumerations(text):
        known = sum(not free(i.start, i.end) for i in run.items)
        if known >= 2 or run.headed or (run.closed and known >= 1):
            out.extend(i for i in run.items if free(i.start, i.end))
    clean = []
    for m in out:
        cut, name = inst_rules.clean_member(m.surface)
        if inst_rules.plausible_length(name):
            clean.append(Member(m.start + cut, m.end, name))
    return clean


def looks_like_name(tokens: Sequence[tuple[str, str, int]]) -> bool:
    """Kiwi tokens of a list member: nouns only, not generic, with a proper part or a long compound."""
    if not tokens or any(tag not in _NOUN_TAGS for _, tag, _ in tokens) or tokens[0][0] in _STOP_FIRST:
        return False
    proper = any(
        tag == "NNP" or (tag == "SL" and form.upper() not in _GENERIC_LATIN) for form, tag, _ in tokens
    )
    return proper or sum(tag == "NNG" for _, tag, _ in tokens) >= _COMPOUND_NAME
