"""Place names the institution rules lean on: the stems of the 시·도 and 시·군 in the gazetteer.

`포항, 경산과 손잡고`: a list names a city by its stem alone; `경북문화재단`: a stem opens a name Kiwi reads as one
common noun. Both come from the gazetteer's local governments, so they grow with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Protocol, TypeVar

# A 시·군 name is a stem of two or three syllables and its unit (포항시, 남양주시, 단양군); a 도 name is a stem and 도.
_LOCAL_NAME = re.compile(r"([가-힣]{2,3})[시군]")
_STEM_OPENS = re.compile(r"[가-힣]{2}[시군도]")


class _Entry(Protocol):
    canonical: str
    type: str
    aliases: tuple[str, ...]


E = TypeVar("E", bound=_Entry)


def place_stems(entries: list[_Entry], regions: Mapping[str, object]) -> frozenset[str]:
    """Two-syllable stems of the 시·도 and 시·군 (경북, 전주, 단양): a word Kiwi reads as one common noun is still a
    name when a place opens it (경북문화재단, 전주정보문화산업진흥원)."""
    stems = {a for a in regions if len(a) == 2}
    for e in entries:
        if e.type == "local_government":
            stems.update(a[:2] for a in e.aliases if _STEM_OPENS.fullmatch(a))
    return frozenset(stems)


def local_stems(entries: list[E], regions: Mapping[str, object], taken: set[str]) -> dict[str, E]:
    """`포항` → 포항시: the stem of each 시·군 that names one local government only and no other body (a stem that
    is a 시·도 short name, another entry's alias, or shared by two 시·군 such as 고성 stays out)."""
    owners: dict[str, set[str]] = defaultdict(set)
    by_name = {}
    for e in entries:
        if e.type != "local_government":
            continue
        for a in e.aliases:
            m = _LOCAL_NAME.fullmatch(a)
            if m:
                owners[m.group(1)].add(e.canonical)
                by_name[m.group(1)] = e
    return {
        stem: by_name[stem]
        for stem, owner in owners.items()
        if len(owner) == 1 and stem not in regions and stem not in taken
    }


# `Gwangju has gone all out …`, `Ulsan, Busan and Gyeongnam formed …`: bare English place names that open the
# sentence and are followed by a lower-case word (its verb) are the local governments acting. Alone elsewhere a
# bare name is mostly where something is (`in Busan`), so only this position counts.
_JOIN = r"(?:,\s+(?:and\s+)?|\s+and\s+)"


def subject_pattern(names: Collection[str]) -> re.Pattern[str]:
    """The bare names, joined as a list, at the start of a sentence and before a lower-case word."""
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:(?:{alt}){_JOIN})*(?:{alt})(?= [a-z])")


def english_subjects(
    text: str, names: Mapping[str, E], pattern: re.Pattern[str], capital: Collection[str]
) -> list[tuple[int, int, E]]:
    """Spans and entries of the bare English place names (`names`: Gwangju, Gyeongnam, Changwon) that open the
    sentence as its subject (`pattern`: from subject_pattern). The capital's bare name (`Seoul signs the deal`)
    stands for the country's government and stays out."""
    m = pattern.match(text)
    if not m:
        return []
    return [
        (p.start(), p.end(), names[p.group()])
        for p in re.finditer(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*", m.group())
        if p.group() in names and p.group() not in capital
    ]


# `충남이 AI 국책사업에서 빠졌다`: a 시·도 short name opening the sentence with a subject particle. A topic particle
# mostly says where (`경북은 영남대가 …, 부산은 부산항만공사가 …`): left out.
_KO_SUBJECT = re.compile(r"\s*[\"'“‘]?([가-힣]{2,3}?)(?:이|가)[ \t]")


def korean_subject(text: str, names: Mapping[str, E]) -> list[tuple[int, int, E]]:
    """Span and entry of a 시·도 name (`names`: 충남, 부산, 경남도) that opens the sentence as its subject."""
    m = _KO_SUBJECT.match(text)
    if not m or m.group(1) not in names:
        return []
    return [(m.start(1), m.end(1), names[m.group(1)])]


def is_country(surface: str) -> bool:
    """The whole surface is a country's name (미국, Canada)."""
    from etl.extract.countries import find_countries

    return any(a == 0 and b == len(surface) for _, a, b in find_countries(surface))


_CONTINENTS = {"유럽", "아시아", "아프리카", "중동", "북미", "남미", "중남미", "오세아니아", "동남아"}
_CONTINENTS |= {"Europe", "Asia", "Africa", "Middle East", "North America", "South America", "Latin America"}


def foreign_country_before(before: str) -> bool:
    """The word right before a name is a foreign country's (`싱가포르 외교부`, `미국 국방부`): the name is that
    country's body, not the Korean one of the same name."""
    from etl.extract.countries import find_countries

    word = before.rstrip().rsplit(maxsplit=1)[-1] if before.strip() and before[-1:].isspace() else ""
    return any(iso != "KR" and a == 0 and b == len(word) for iso, a, b in find_countries(word))


def is_continent(surface: str) -> bool:
    """A continent or a world region named alone (유럽, 중동, Europe): a place, never a list member."""
    return surface in _CONTINENTS
