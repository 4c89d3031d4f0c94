"""Partner and foreign countries named in a document (ISO 3166-1 alpha-2), from resources/countries.csv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from etl import lexicon
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
# "Latin America", "Bank of America", "North American": America is not the United States there.
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
        if alias in ("America", "American") and _NOT_AMERICA.search(text, max(0, m.start() - 12), m.start()):
            continue
        if alias.isascii() and _ORG_AFTER.match(text, m.end()):
            continue
        out.extend((iso, m.start(), m.end()) for iso in by_alias[alias])
    return out


@dataclass
class CountryFacts:
    """Partner countries (joint work, MOUs, researchers sent, hosting) and countries only mentioned."""

    partners: list[str]
    mentioned: list[str]
    evidence: dict[str, Evidence]


# A mention cue speaks of the country right beside it. After the name: a particle and one short word may
# stand between ("일본의 수출규제", "미국·중국의 투자 규모에 비해" is caught from 중국), 12 characters. Before it:
# the cue itself and "the" ("compared with the UK"), 20 characters.
MENTION_AFTER = 12
MENTION_BEFORE = 20


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    partner = re.compile(lexicon.pattern("country_partner_cues", "partner"))
    after = re.compile(lexicon.pattern("country_mention_cues", "after"))
    before = re.compile(lexicon.pattern("country_mention_cues", "before") + r"\s*(?:the\s+)?$")
    breaks = re.compile(lexicon.pattern("country_clause_breaks", "break") + r"\s")
    return partner, after, before, breaks


def _clause(text: str, start: int, end: int) -> str:
    """The clause a mention stands in: "캐나다는 …을 세웠고, 영국은 …" ends 캐나다's clause at "고,"."""
    breaks = _cues()[3]
    left = max((m.end() for m in breaks.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in breaks.finditer(text, end)), len(text))
    return text[left:right]


def _is_partner(text: str, start: int, end: int) -> bool:
    """A partner: its clause has a partner cue and no comparison cue sits beside the country."""
    partner, after, before, _ = _cues()
    if after.search(text[end : end + MENTION_AFTER]) or before.search(
        text[max(0, start - MENTION_BEFORE) : start]
    ):
        return False
    clause = _clause(text, start, end)
    if not partner.search(clause):
        return False
    # "영국은 정부기관과 5개 대학이 함께 돈을 대 …": a country that is its clause's own topic works with a partner
    # only when the clause names this side too (Korea, 우리, 국내, 양국); else it acts at home.
    return not _TOPIC.match(text, end) or _home_named(clause)


# A topic particle right after a country's name ("영국은", "미국도").
_TOPIC = re.compile(r"(?:은|는|도)\s")


def _home_named(clause: str) -> bool:
    """True when the clause names Korea or this side (우리, 국내, 양국)."""
    if any(iso == HOME for iso, _, _ in find_countries(clause)):
        return True
    return bool(re.search(lexicon.pattern("country_home_words", "home"), clause))


def home_named(text: str) -> bool:
    """True when the text names Korea or this side (우리, 국내, 양국)."""
    return _home_named(text)


# Countries named together ("미국·중국의", "the U.S. and Japan") share the cue beside the group.
_JOINT = re.compile(r"\s*(?:[·ㆍ,/]|와|과|및|and|or)\s*(?:the\s+)?$")


def _groups(text: str) -> list[tuple[str, int, int]]:
    """Each country mention with the span of the coordinated group it stands in."""
    found = find_countries(text)
    spans = [[s, e] for _, s, e in found]
    for i in range(1, len(found)):  # a name joined to the one before shares its group's start
        if _JOINT.match(text[spans[i - 1][1] : found[i][1]]) or spans[i - 1][1] >= found[i][1]:
            spans[i][0] = spans[i - 1][0]
    for i in range(len(found) - 2, -1, -1):  # ... and the group's end
        if spans[i + 1][0] == spans[i][0]:
            spans[i][1] = spans[i + 1][1]
    return [(iso, s, e) for (iso, _, _), (s, e) in zip(found, spans, strict=True)]


def named_at_home(text: str, iso: str) -> bool:
    """The sentence names the country `iso` and never as a partner: "In China, … Alibaba will invest" sets a
    Chinese firm's act in China, so it makes China no partner."""
    found = [(s, e) for c, s, e in _groups(text) if c == iso and not _home_base(text, e)]
    return bool(found) and not any(_is_partner(text, s, e) for s, e in found)


@cache
def _base() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:[가-힣A-Za-z]{{2,8}}\s*)?{lexicon.pattern('country_home_base', 'home_base')}")


def _home_base(text: str, end: int) -> bool:
    """`인도 뭄바이에 본사를 둔 올카고 그룹`, `a Mumbai-based group`: the country says where the body comes from, not
    where it acts."""
    return bool(_base().match(text, end))


def abroad_clause(text: str, pos: int) -> bool:
    """The clause holding `pos` is about a foreign country only mentioned, its topic ("캐나다는 … 연구소를 세웠고,"):
    what it builds there is an example from abroad."""
    breaks = _cues()[3]
    left = max((m.end() for m in breaks.finditer(text, 0, pos)), default=0)
    for iso, start, end in find_countries(text[left:pos]):
        lead = text[left : left + start].strip()
        if iso != HOME and not lead and _TOPIC.match(text, left + end):
            return not _is_partner(text, left + start, left + end)
    return False


def extract_countries(sentences: list[Sentence]) -> CountryFacts:
    """Foreign countries (ISO2, not KR) in order of first mention: partners, then those only mentioned."""
    partners: dict[str, Evidence] = {}
    mentioned: dict[str, Evidence] = {}
    for s in sentences:
        for iso, start, end in _groups(s.text):
            if iso == HOME or iso in partners:
                continue
            if _is_partner(s.text, start, end):
                partners[iso] = Evidence(s.text, s.start, s.end)
            else:
                mentioned.setdefault(iso, Evidence(s.text, s.start, s.end))
    evidence = {**{k: v for k, v in mentioned.items() if k not in partners}, **partners}
    return CountryFacts(list(partners), [k for k in mentioned if k not in partners], evidence)
