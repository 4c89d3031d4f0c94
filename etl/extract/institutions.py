"""Institutions named in a document: gazetteer matches, name forms, titles, and each one's role.

`resources/institutions.csv` maps every alias (Korean full and short names, English names,
acronyms, old names) to one canonical institution. All aliases are compiled into one trie regex;
names the gazetteer lacks are found by their form (…대학교, …연구원, `University of X`), and Kiwi
analyses only the few words that end in such a form.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from etl.config import RESOURCES
from etl.extract import inst_actors, inst_companies, inst_english, inst_places, inst_roles, inst_rules
from etl.extract.inst_context import capital_names, is_caption, is_chrome
from etl.extract.inst_derived import campus_hospitals, english_aliases, with_hospitals
from etl.extract.inst_roles import ROLE_RANK
from etl.extract.inst_short import join_short_forms
from etl.models import Evidence, Institution, Sentence
from etl.normalize import PARTICLES_AFTER_NAME, space_key
from etl.romanize import romanize

_PARTICLE = PARTICLES_AFTER_NAME
# Titles glued to a name reveal the institution: 서울시장, 서초구청장, 국회의원, 카이스트총장.
_TITLE = (
    "연구부총장|부총장|총장|이사장|부위원장|위원장|부원장|원장|연구소장|소장|본부장|단장|실장|국장|과장|"
    "처장|청장|장관|차관|도지사|지사|부의장|의장|의원|부회장|회장|사장|대표|교수진|교수팀|교수|"
    "연구팀|연구진|연구원|관계자|직원|장"
)
_TAIL = rf"(?:{_TITLE})?(?:{_PARTICLE}|다){{0,3}}(?![가-힣])"  # 다: the copula after a vowel (울산광역시다)
_SPACE = r"[ \t\u00a0]+"
_CITY_STORY = re.compile(r"(?i)\bthe city\b|\bcity's\b")
_CREDIT = re.compile(r"(?:자료|사진|제공|출처|그래픽)\s*[=:：]\s*$")
_SKIP_LINE = re.compile(
    r"(?i)copyright|ⓒ|©|all rights reserved|무단\s*전재|재배포\s*금지|저작권자|기사승인|기자\s*[/|]"
)
# Name forms for institutions missing from the gazetteer: etl/resources/lexicon/inst_forms.tsv.
_KO_STOP = {"국내", "해외", "각", "해당", "주요", "관련", "유관", "민간", "공공", "전문", "소속", "산하", "부설",
            "출연", "정부출연", "참여", "주관", "협력", "신규", "일반", "지역", "지방", "기업", "기업부설"}  # fmt: skip
_GENERIC_LATIN = {"AI", "SW", "ICT", "IT", "DX", "AX", "R", "D", "K"}
_NOUN_TAGS = {"NNG", "NNP", "SL", "SN", "SH", "XPN", "XSN"}


@lru_cache(maxsize=1)
def _ko_form() -> re.Pattern[str]:
    """A form ending glued to a word (한빛인공지능연구원), before a title or particles."""
    ends = "|".join(sorted(inst_rules.forms(), key=len, reverse=True))
    return re.compile(rf"(?<=[가-힣A-Za-z0-9])(?:{ends})(?={_TAIL})")


@dataclass(frozen=True)
class GazetteerEntry:
    """One institution of the gazetteer."""

    canonical: str
    name_en: str | None
    type: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    """All entries, an alias index and the compiled matchers."""

    entries: tuple[GazetteerEntry, ...]
    by_alias: dict[str, GazetteerEntry]
    pattern: re.Pattern[str]
    title_pattern: re.Pattern[str]  # "서울 시장", "경기 지사": a short region name and a title
    regions: dict[
        str, GazetteerEntry
    ]  # 시·도 names, short ones too (부산, 경남): a list member or an address start


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    name: str
    type: str
    country: str | None
    entry: GazetteerEntry | None
    credit: bool = False  # a photo or data credit (자료=과기정통부): takes no role


def _key(name: str) -> str:
    return space_key(name)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read resources/institutions.csv once per process and compile its matchers."""
    entries = []
    with (path or RESOURCES / "institutions.csv").open(encoding="utf-8", newline="") as fh:
        rows = with_hospitals(list(csv.DictReader(fh)))
    listed = {_key(a) for row in rows for a in [row["canonical"], *row["aliases"].split("|")]}
    for row in rows:
        own = {_key(a) for a in [row["canonical"], *row["aliases"].split("|")] if a.strip()}
        english = [*english_aliases(row), *(a for a in row["aliases"].split("|") if a.isascii())]
        names = own | {
            _key(a)
            for a in [*english_aliases(row), *(v for n in english for v in inst_english.other_spellings(n))]
            if _key(a) not in listed
        }
        aliases = tuple(sorted(names, key=len, reverse=True))
        typ, country, name_en = row["type"], row["country"] or None, row["name_en"] or None
        entries.append(GazetteerEntry(row["canonical"], name_en, typ, country, aliases))
    aliases = [a for e in entries for a in e.aliases]
    by_alias = {a: e for e in entries for a in e.aliases}
    for a, e in list(by_alias.items()):
        by_alias.setdefault(a.casefold(), e)  # for lookup() only; matching in text stays case-sensitive
    pattern = re.compile(_alias_regex(aliases))
    return Gazetteer(tuple(entries), by_alias, pattern, _title_regex(entries), _regions(entries))


def _regions(entries: list[GazetteerEntry]) -> dict[str, GazetteerEntry]:
    """Every name of a 시·도 and its two-syllable short form (부산시 → 부산, 경남도 → 경남), romanised too (Busan,
    Gyeongnam): a list member or an address start."""
    out = {}
    for e in entries:
        if e.type == "local_government" and re.search(r"(?:특별시|광역시|특별자치시|도)$", e.canonical):
            for a in e.aliases:
                out[a] = e
                if re.fullmatch(r"[가-힣]{2}[시도]", a):
                    out[a[:2]] = e
                    out.setdefault(romanize(a[:2]), e)
    return out


def _alias_regex(aliases: list[str]) -> str:
    """One trie regex over all aliases: the longest alias that ends on a word boundary wins."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for ch in alias:
            node = node.setdefault(ch, {})
        node[""] = alias

    def build(node: dict) -> str:
        alts = [(_SPACE if ch == " " else re.escape(ch)) + build(child) for ch, child in node.items() if ch]
        if "" in node:
            alias = node[""]
            alts.append(
                "(?![A-Za-z0-9])"
                if alias[-1].isascii() and alias[-1].isalnum()
                else "(?!로|[A-Za-z])"
                if alias.endswith("대")
                and len(alias) <= 3  # 한밭대로 is a road; 워싱턴주립대로 the university
                else "(?![A-Za-z])"  # 메타AI과학국: a Korean name glued to Latin letters goes on as another name
            )
        return "(?!)" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    hangul = {k: v for k, v in trie.items() if "가" <= k <= "힣"}
    other = {k: v for k, v in trie.items() if k not in hangul}
    # The tail is checked once, after the trie: when it fails, the engine backtracks to a shorter alias.
    first = re.escape("".join(sorted(trie)))  # a one-character filter is far cheaper than the branches
    return f"(?=[{first}])(?:(?<![가-힣])(?:{build(hangul)})|(?<![A-Za-z0-9])(?:{build(other)}))(?={_TAIL})"


def _title_regex(entries: list[GazetteerEntry]) -> re.Pattern[str]:
    """`서울 시장` → 서울특별시: two-syllable region names of the 시·도 followed by their head's title."""
    city, province = [], []
    for e in entries:
        if e.type != "local_government" or not re.search(r"(?:특별시|광역시|특별자치시|도)$", e.canonical):
            continue
        for a in e.aliases:
            if re.fullmatch(r"[가-힣]{2}[시도]", a):
                (city if a.endswith("시") else province).append(a[:2])
    after = rf"(?:{_PARTICLE}){{0,3}}(?![가-힣])"
    return re.compile(
        rf"(?<![가-힣])(?:({'|'.join(city) or '(?!)'})(?={_SPACE}시장{after})"
        rf"|({'|'.join(province) or '(?!)'})(?={_SPACE}(?:도지사|지사){after}))"
    )


def lookup(name: str) -> GazetteerEntry | None:
    """The gazetteer entry for an alias or canonical name (spacing and ASCII case ignored), else None."""
    gaz = load_gazetteer()
    key = _key(name)
    return gaz.by_alias.get(key) or gaz.by_alias.get(key.casefold())


def extract_institutions(text: str, sentences: list[Sentence]) -> list[Institution]:
    """One Institution per canonical name, with the aliases seen, its type, country and strongest role."""
    gaz = load_gazetteer()
    kept = [
        s
        for s in sentences
        if not (len(s.text) < 200 and _SKIP_LINE.search(s.text)) and not is_chrome(s.text)
    ]
    city = bool(
        _CITY_STORY.search(text)
    )  # `the city`: a bare `Seoul` opening a sentence is the city, not the state
    per_sentence = [_sentence_mentions(s, gaz, city) for s in kept]
    announcers = inst_roles.announcers(kept, per_sentence)
    out: dict[str, Institution] = {}
    for s, found in zip(kept, per_sentence, strict=True):
        roles = inst_roles.sentence_roles(s, found, announcers)
        for m in found:
            inst = out.setdefault(m.name, _new_institution(m, s))
            if m.surface not in inst.aliases_seen:
                inst.aliases_seen.append(m.surface)
        for name, role in roles.items():
            if name not in out:  # an announcer credited (정부는 … 투입) before its own first mention
                out[name] = _new_institution(announcers[name], s)
            inst = out[name]
            if ROLE_RANK[role] > ROLE_RANK[inst.role]:
                inst.role, inst.evidence = role, Evidence(s.text, s.start, s.end)
    return join_short_forms(inst_actors.fold_parts(list(out.values())))


def _sentence_mentions(s: Sentence, gaz: Gazetteer, city: bool = False) -> list[_Mention]:
    """Gazetteer, form and list-member mentions of one sentence that are actors, sorted by start."""
    found = campus_hospitals(s.text, _gazetteer_mentions(s, gaz), lookup)
    found.extend(_english_subjects(s.text, found, city))
    for a, b, name in inst_english.committee_spans(s.text):  # the committees on defense; education; …
        found.append(_mention(a, b, s.text[a:b], lookup(name), False))
    found.extend(_form_mentions(s, found))
    found.extend(_member_mentions(s.text, found, gaz))
    found = inst_actors.fold_units(
        s.text, inst_actors.keep_actors(s.text, found, gaz.regions, is_caption(s.text))
    )
    subjects = {
        m.name for g in inst_roles.groups(s.text, found) if inst_roles.is_subject(s.text, g) for m in g
    }
    return inst_actors.groupings_as_subject(s.text, found, subjects)


def _is_place(surface: str) -> bool:
    return (
        inst_places.is_country(surface)
        or inst_places.is_continent(surface)
        or surface in load_gazetteer().regions
    )


def _member_mentions(text: str, found: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """List members no other rule found: a 시·도 short name (부산), a gazetteer name, or a name-like word."""
    out = []
    for m, strength in inst_actors.list_members(text, found, _local_stems(), _is_place, gaz.regions):
        if inst_places.is_country(m.surface) or inst_places.is_country(text[m.start :].split(maxsplit=1)[0]):
            continue  # `미국·캐나다 등과`, `벨기에 IMEC` (trimmed to 벨기 as if 에 were a particle): countries
        head, _, stem = m.surface.partition(" ")  # `충남 공주·부여`: a city's stem after its province
        if stem in _local_stems() and head in gaz.regions:
            m = replace(m, start=m.end - len(stem), surface=stem)
        region = gaz.regions.get(m.surface) or _local_stems().get(m.surface)
        if region:
            out.append(_mention(m.start, m.end, m.surface, region, False))
        elif lookup(m.surface) or inst_actors.looks_like_name(
            m.surface, inst_companies.analyse_unknown(m.surface), strength
        ):
            typ = next((t for f, t in inst_rules.forms().items() if m.surface.endswith(f)), "other")
            out.append(_form_mention(text, m.start, m.end, typ))
    return out


def _new_institution(m: _Mention, s: Sentence) -> Institution:
    ev = Evidence(s.text, s.start, s.end)
    return Institution(m.name, type=m.type, country=m.country, in_gazetteer=m.entry is not None, evidence=ev)


def _mention(start: int, end: int, surface: str, entry: GazetteerEntry, credit: bool) -> _Mention:
    return _Mention(start, end, surface, entry.canonical, entry.type, entry.country, entry, credit)


def _gazetteer_mentions(s: Sentence, gaz: Gazetteer) -> list[_Mention]:
    """Alias matches in one sentence (offsets relative to the sentence), plus `서울 시장`-style titles."""
    out = []
    for m in gaz.pattern.finditer(s.text):
        entry = gaz.by_alias.get(_key(m.group())) or gaz.by_alias[_key(m.group()).casefold()]
        out.append(_mention(m.start(), m.end(), m.group(), entry, bool(_CREDIT.search(s.text[: m.start()]))))
    for m in gaz.title_pattern.finditer(s.text):
        entry = gaz.by_alias.get(m.group() + ("시" if m.group(1) else "도"))
        if entry:
            out.append(_mention(m.start(), m.end(), m.group(), entry, False))
    return out


def _form_mentions(s: Sentence, found: list[_Mention]) -> list[_Mention]:
    """Institutions outside the gazetteer, recognised by the form of their name."""
    spans = [(m.start, m.end) for m in found]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in spans)

    out: list[_Mention] = []
    ko = [m for m in _ko_form().finditer(s.text) if free(m.start(), m.end())]
    if ko:
        out.extend(_korean_forms(s.text, ko))
    out.extend(_form_mention(s.text, a, b, typ) for a, b, typ in inst_english.form_spans(s.text, free))
    out.extend(
        _form_mention(s.text, a, b, typ) for a, b, typ in inst_rules.quoted_forms(s.text) if free(a, b)
    )
    for a, b in inst_companies.company_spans(s.text):  # ㈜한빛, 박민수 한결에너지 대표이사: a company
        if free(a, b) and not inst_places.is_country(s.text[a:b]):
            out.append(_form_mention(s.text, a, b, "industry"))
    return [m for m in out if free(m.start, m.end) and not _generic(m.surface)]


def _generic(surface: str) -> bool:
    """지정심사위원회, 박사후연구원: a generic ending after common nouns only names no institution."""
    head = inst_rules.generic_head(surface)
    prefix = surface[: len(surface) - len(head)] if head else ""
    return head is not None and all(tag == "NNG" for _, tag, _ in _analyse(prefix) if prefix)


def _korean_forms(text: str, hits: list[re.Match[str]]) -> list[_Mention]:
    """Noun runs glued to a form suffix (한국인공지능연구원, 성남시청), delimited by Kiwi."""
    out = []
    for hit in hits:
        start = hit.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "·&"):
            start -= 1
        tokens = _analyse(text[start : hit.end()])
        i = len(tokens) - 1
        if i < 0 or tokens[i][2] != hit.end() - start or tokens[i][1] not in _NOUN_TAGS:
            continue
        while i > 0 and tokens[i - 1][1] in _NOUN_TAGS:  # one word: its tokens are contiguous
            i -= 1
        run = list(tokens[i:])
        while run and (run[0][0] in _KO_STOP or run[0][1].startswith("X")):
            run.pop(0)
        if run and _looks_like_name(run, hit.group()):
            first_start = run[0][2] - len(run[0][0])
            out.append(_form_mention(text, start + first_start, hit.end(), inst_rules.forms()[hit.group()]))
    return out


@lru_cache(maxsize=4096)
def _analyse(word: str) -> tuple[tuple[str, str, int], ...]:
    """Kiwi tokens of one word as (form, tag, end offset); cached, since the same words recur."""
    from etl.nlp import get_kiwi

    return tuple((t.form, t.tag, t.start + t.len) for t in get_kiwi().tokenize(word))


def _looks_like_name(run: list[tuple[str, str, int]], suffix: str) -> bool:
    """A proper-noun part (한밭대학교, 한국…, Latin other than AI/SW) or two common nouns before the suffix."""
    (head, head_tag, _), prefix = run[-1], run[:-1]
    if len(head) > len(suffix):
        return head_tag == "NNP" or bool(prefix) or head[:2] in _place_stems()
    if any(tag == "NNP" or (tag == "SL" and form.upper() not in _GENERIC_LATIN) for form, tag, _ in prefix):
        return True
    return sum(tag == "NNG" for _, tag, _ in prefix) >= 2


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    gaz = load_gazetteer()
    return inst_places.place_stems(list(gaz.entries), gaz.regions)


@lru_cache(maxsize=1)
def _english_places() -> tuple[dict[str, GazetteerEntry], re.Pattern[str]]:
    """Bare English names of the 시·도 (Busan, Gyeongnam) and of the 시·군 whose stem is theirs alone (Changwon)."""
    names = {k: v for k, v in load_gazetteer().regions.items() if k.isascii()}
    for stem, entry in _local_stems().items():
        names.setdefault(romanize(stem), entry)
    return names, inst_places.subject_pattern(names)


def _english_subjects(text: str, found: list[_Mention], city: bool) -> list[_Mention]:
    """`Gwangju has gone all out …`: bare English place names opening the sentence as its subject."""
    names, pattern = _english_places()
    spans = [(m.start, m.end) for m in found]
    return [
        _mention(a, b, text[a:b], e, False)
        for a, b, e in [
            *inst_places.english_subjects(text, names, pattern, () if city else capital_names()),
            *inst_places.korean_subject(text, load_gazetteer().regions),
        ]
        if all(b <= x or a >= y for x, y in spans)
    ]


@lru_cache(maxsize=1)
def _local_stems() -> dict[str, GazetteerEntry]:
    gaz = load_gazetteer()
    taken = {a for e in gaz.entries if e.type != "local_government" for a in e.aliases}
    return inst_places.local_stems(list(gaz.entries), gaz.regions, taken)


def _form_mention(text: str, start: int, end: int, typ: str) -> _Mention:
    surface = text[start:end]
    entry = lookup(surface) or (lookup(surface[:-1]) if surface.endswith(("시청", "도청", "구청")) else None)
    if entry:
        return _mention(start, end, surface, entry, False)
    # Korean script alone does not make a body Korean (옥스퍼드 브룩스대학): only a Korean prefix does.
    korean = typ == "local_government" or surface.startswith(("한국", "국립", "국가", "대한"))
    return _Mention(start, end, surface, surface, typ, "KR" if korean else None, None)
