"""Partner and foreign countries named in a document (ISO 3166-1 alpha-2), from resources/countries.csv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from etl.config import RESOURCES
from etl.extract.places import trie_regex
from etl.models import Evidence, Sentence

HOME = "KR"
_CJK = "\u4e00-\u9fff"
# Endings a Korean country name may carry (미국은, 미국산, 중국발, 영국계 …); anything else after it
# means the name is part of a longer word (인도네시아, 인도적, 영국문화원).
_KO_TAIL = "은는이가을를의에와과도로으까부만서엔산계인식형내발행령쪽측등보처뿐께랑"
_LEFT = rf"(?<![가-힣A-Za-z0-9{_CJK}])"
_RIGHT = (
    rf"(?=$|[^가-힣A-Za-z0-9{_CJK}$]|[{_KO_TAIL}]"
    rf"|(?<=[가-힣{_CJK}])[A-Za-z0-9]|(?<=[A-Za-z.])[가-힣])"
)
# "Latin America", "Bank of America": America is not the United States there.
_NOT_AMERICA = re.compile(r"(?:Latin|South|North|Central|Bank of|of the)\s+$")
# "China Mobile", "Japan Airlines": a company named after a country.
_ORG_AFTER = re.compile(
    r"\s+(?:Airlines?|Airways|Mobile|Telecom|Unicom|Inc\b|Corp\b|Corporation|Times|Post|Daily|Express|Electric)"
)


@dataclass(frozen=True)
class Country:
    """One country with its Korean and English names and aliases."""

    iso2: str
    name_en: str
    name_ko: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def load_countries() -> list[Country]:
    """All countries from resources/countries.csv (read once per process)."""
    with (RESOURCES / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return [
            Country(
                iso2=row["iso2"],
                name_en=row["name_en"],
                name_ko=row["name_ko"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
            )
            for row in csv.DictReader(fh)
        ]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[str]], re.Pattern[str]]:
    by_alias: dict[str, list[str]] = {}
    for c in load_countries():
        for alias in dict.fromkeys((c.name_en, c.name_ko, *c.aliases)):
            # One alias may name several countries (한중일 → CN, JP).
            by_alias.setdefault(alias, []).append(c.iso2)
    pattern = re.compile(_LEFT + "(" + trie_regex(list(by_alias)) + ")" + _RIGHT)
    return by_alias, pattern


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """Every country mention in `text` as (iso2, start, end), in order; KR included."""
    by_alias, pattern = _index()
    out = []
    for m in pattern.finditer(text):
        alias = m.group(1)
        if alias == "America" and _NOT_AMERICA.search(text, max(0, m.start() - 12), m.start()):
            continue
        if alias.isascii() and _ORG_AFTER.match(text, m.end()):
            continue
        out.extend((iso, m.start(), m.end()) for iso in by_alias[alias])
    return out


def extract_countries(sentences: list[Sentence]) -> tuple[list[str], dict[str, Evidence]]:
    """Foreign countries (ISO2, not KR) in order of first mention, each with its first sentence."""
    codes: list[str] = []
    evidence: dict[str, Evidence] = {}
    for s in sentences:
        for iso, _, _ in find_countries(s.text):
            if iso == HOME or iso in evidence:
                continue
            codes.append(iso)
            evidence[iso] = Evidence(s.text, s.start, s.end)
    return codes, evidence
