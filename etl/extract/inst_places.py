"""Place names the institution rules lean on: the stems of the 시·도 and 시·군 in the gazetteer.

`포항, 경산과 손잡고`: a list names a city by its stem alone; `경북문화재단`: a stem opens a name Kiwi reads as one
common noun. Both come from the gazetteer's local governments, so they grow with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
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
