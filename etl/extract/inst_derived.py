"""Gazetteer names derived from other rows: English aliases, and the hospital a Korean university runs.

A university hospital is named after its university (`건양대병원`, `을지대학교병원`, `Konyang University Hospital`):
each Korean university of `resources/institutions.csv` without a hospital row of its own gets one, so the hospital is
found as itself rather than as the university glued to a word the matcher cannot read; a university named right
before a campus hospital (`순천향대 부천병원`) is that hospital.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from etl.extract import inst_english
from etl.normalize import PARTICLES_AFTER_NAME, space_key

_KO_UNIVERSITY = re.compile(r"[가-힣]+대(?:학교)?")
_HOSPITAL = "병원"


def with_hospitals(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows, plus one hospital row for each Korean university whose hospital is not listed."""
    listed = {space_key(a) for row in rows for a in [row["canonical"], *row["aliases"].split("|")] if a}
    out = list(rows)
    for row in rows:
        if row["type"] != "university" or row["country"] != "KR":
            continue
        names = [a for a in [row["canonical"], *row["aliases"].split("|")] if _KO_UNIVERSITY.fullmatch(a)]
        full = next((a for a in names if a.endswith("대학교")), None)
        aliases = list(dict.fromkeys(f"{a}{_HOSPITAL}" for a in names))
        if not full or any(space_key(a) in listed for a in aliases):
            continue
        name_en = f"{row['name_en']} Hospital" if row["name_en"].endswith("University") else ""
        aliases += [name_en] if name_en else []
        out.append(
            {
                "canonical": f"{full}{_HOSPITAL}",
                "name_en": name_en,
                "type": "other",
                "country": "KR",
                "aliases": "|".join(aliases),
            }
        )
    return out


def english_aliases(row: dict[str, str]) -> list[str]:
    """The English name is an alias too (`SK Chemicals`, `the Special Committee on Budget and Accounts`: a standing
    committee that reviews a bill acts), except a city's bare name (`Pohang`: alone it is mostly where something is)."""
    name = row["name_en"].strip()
    bare_place = row["type"] == "local_government" and " " not in name
    own = [name] if name and not bare_place else []
    if row["type"] == "local_government":  # Uiseong County, Gangwon-do: built from the Korean names
        own += [
            e
            for a in [row["canonical"], *row["aliases"].split("|")]
            for e in inst_english.english_local_names(a)
        ]
    return own


# `순천향대 부천병원`, `고려대학교 안산병원`, `연세대 의료원`: a university, a campus place, a hospital word.
_CAMPUS = re.compile(
    rf"[ ]?(?P<place>[가-힣]{{2,4}})?(?P<kind>병원|의료원)(?=(?:{PARTICLES_AFTER_NAME})?(?![가-힣]))"
)


class _Found(Protocol):
    end: int
    surface: str
    name: str
    type: str
    start: int


F = TypeVar("F", bound=_Found)


def campus_hospitals(text: str, found: list[F], lookup: Callable[[str], Any]) -> list[F]:
    """A university named right before a hospital word is that university's hospital (`순천향대 부천병원` is
    순천향대학교 부천병원, not 순천향대학교 and a 부천병원)."""
    out = []
    for m in found:
        h = _CAMPUS.match(text, m.end) if m.type == "university" else None
        if h:
            name = f"{m.name} {h['place'] or ''}{h['kind']}".replace("  ", " ")
            entry = lookup(name) or lookup(name.replace(" ", ""))
            m = replace(
                m,
                end=h.end(),
                surface=text[m.start : h.end()],
                name=entry.canonical if entry else name,
                type=entry.type if entry else "other",
                entry=entry,
            )
        out.append(m)
    return out
