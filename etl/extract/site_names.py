"""Facility names in one sentence: a head, the qualifiers before it, and what is not a site.

The words are data in `etl/resources/lexicon/`: `site_heads.tsv` (facility heads: `strong` ones are places
wherever they are said, `weak` ones only where the sentence treats them as places, `qualified` English heads
only with a qualifier and a place nearby, `placed` ones only after a place word, in quotes or before the program
that builds them (site_build_words.tsv `program`): `서울 AI허브` and `교육 허브 조성 사업` name facilities,
`바이오헬스산업 허브를 만든다` what a region aims to be; `area` ones, tracts of land, are weak heads that
are places whenever the name opens with its place: `진해구 신항배후단지에 투자한다`; `numbered` English heads only
with a number after them: `Advanced District 3`, never `Gangnam District`; `named` ones are weak heads
that make a name even of common words: `AI밸리 조성`, a valley being a designated zone), `site_generic.tsv` (words that do not make a name on their own:
`AI 데이터센터` is no name, `제조 AI 데이터센터` is), `site_name_stops.tsv` (words a name never reaches across),
`site_not_sites.tsv` (bodies whose names end in a facility word, venues, ceremony words) and `site_each.tsv`
(one head said of several places: `구미와 창원, 부산 등지에 … 거점센터` is three sites).
The tests of what a name is not (bodies, venues, roles, programs) and of what builds it are in `site_filters`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache

from etl.extract.institutions import lookup as institution
from etl.extract.places import find_addresses
from etl.extract.site_filters import (
    QUOTED,
    builds,
    gloss_spans,
    glued_list,
    glued_noun,
    is_not_site,
    is_place_word,
    is_port,
    is_program,
    vicinities,
)
from etl.extract.site_vocab import FUNDED, is_generic, name_key
from etl.extract.site_vocab import vocab as _vocab
from etl.normalize import PARTICLES_AFTER_PLACE as _PARTICLE

# Words before a head that may still qualify it. The longest name seen in real announcements is
# "AI 기반 디젤엔진 생산 물류 자율화 공장" (six words before the head); a longer run is a clause.
MAX_NAME_WORDS = 6
# "will set up an AI data center": an English build verb and its article this many characters before the name.
EN_BUILD_WINDOW = 30
# "AI 데이터센터가 각각 들어선다": 각각 within a particle and a space of the head.
EACH_WINDOW = 6
# Kiwi tags a qualifier word may be made of (nouns, foreign words, numbers, noun prefixes and suffixes).
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SN", "SH", "XPN", "XSN", "NR", "NNB", "W_SERIAL"})


@dataclass(frozen=True)
class Mention:
    """One facility named in a sentence: its name, merge key, span, weak head, and a place it was given."""

    name: str
    key: str
    start: int
    end: int
    weak: bool
    address: str | None = None
    area: bool = False  # a tract of land (단지, 특구): a place whenever its name opens with its place
    program: bool = False  # the name is also a program's: a site only where the sentence describes a building


@lru_cache(maxsize=4096)
def _is_noun_word(before: str, word: str, after: str) -> bool:
    """Every Kiwi token of the word is a noun-like token (인공지능, 고도화, 강원대병원; not 짓고, 주변의).

    The word is read between its neighbours, since alone Kiwi takes a verb form for a noun (수도권에 몰린 데이터센터).
    """
    from etl.nlp import get_kiwi

    core = (
        re.sub(r"\([^)]*\)", "", word).replace("+", " ").replace("-", " ")
    )  # AI+모빌리티, 오픈AI-SK: joined
    if not re.search(r"[가-힣]", core):
        return bool(re.fullmatch(r"[A-Za-z0-9&.\- ]+", core)) and re.search(r"[A-Za-z0-9]", core) is not None
    tokens = get_kiwi().tokenize(f"{before} {core} {after}")
    lo = len(before) + 1
    return all(t.tag in _NOUN_TAGS for t in tokens if lo <= t.start < lo + len(core))


def _opens_with_body(word: str) -> bool:
    """The word opens with a gazetteer body's name ("한양대에리카"): Kiwi reads 에 in it as a particle."""
    for k in range(len(word) - 1, 1, -1):
        rest = word[k:]
        if institution(word[:k]) is not None:
            return re.fullmatch(r"[가-힣A-Za-z]+", rest) is not None and not _JOSA.search(rest)
    return False


# The word before a name's start; a word with a gloss in brackets is one word ("한진 CY(컨테이너 야적장) 부지").
_LAST_WORD = re.compile(r"(?:^|(?<=\s))([^\s(]*\([^()]*\)|[^\s]+) $")


def _extend_left(text: str, start: int) -> int:
    """Start of the name once the qualifiers before the head are added: nouns, Latin words, one place word."""
    stops, prefixes = _vocab()["stops"], _vocab()["prefixes"]
    for _ in range(MAX_NAME_WORDS):
        m = _LAST_WORD.search(text, max(0, start - 40), start)
        if not m:
            break
        word = m.group(1)
        if (
            word[0] in "'‘「" and len(word) > 1
        ):  # "'아산 AI데이터센터 구축을 위한 …'": the quote opens the name
            inner = m.start(1) + 1
            ok = is_place_word(text, inner, m.end(1)) or _is_noun_word("", word[1:], "")
            return inner if ok else start
        bullet = re.match(rf"[{_vocab()['bullet']}]+", word)
        if bullet:  # "△국가 AI 컴퓨팅 센터": a list mark glued to the first word starts the name
            rest = m.start(1) + bullet.end()
            return rest if word[bullet.end() :] and _is_noun_word("", word[bullet.end() :], "") else start
        if is_place_word(text, m.start(1), m.end(1)):
            return m.start(1)  # one place word ends the name (양재 강남데이터센터)
        if word in prefixes:  # type: ignore[operator]
            return m.start(1)  # "옛 방직공장 부지": the word is part of the name and nothing before it is
        after = text[start : start + 12].split(" ")[0]
        before = text[max(0, m.start(1) - 12) : m.start(1)].split(" ")[-2:][0]
        if (
            word in stops
            or re.search(r"\d", word.removeprefix("제"))
            or not (_is_noun_word(before, word, after) or _opens_with_body(word))
        ):  # type: ignore[operator]
            break  # a number is a size or a date (300MW급, 2027년), not part of a name
        start = m.start(1)
    return start


def _korean(text: str, quoted: list[tuple[int, int]]) -> list[tuple[str, int, int, bool]]:
    """Korean names: a head with the qualifiers before it, outside quoted titles."""
    v = _vocab()
    out = []
    for m in v["ko_core"].finditer(text):  # type: ignore[attr-defined]
        if any(a <= m.start() < b for a, b in quoted) and not _FOR_BUILDING.match(text, m.end()):
            continue  # a quoted title names no facility, unless it builds one ('X 구축을 위한 협약')
        if m.group(1) != m.group(2) and not glued_noun(text, m):
            continue  # "한 푼도 남기지 않고": a verb that ends like a head (기지)
        if "·" in m.group(1):  # "로봇·자동차·조선·공장": a list of fields ending in a bare head
            # "운정 다누림 노인·장애인복지관": words of its own before the glued pair make it one facility's name
            listed = glued_list(text, m)
            if (
                listed
                or m.group(1).rsplit("·", 1)[1] == m.group(2)
                or _extend_left(text, m.start()) == m.start()
            ):
                out += listed
                continue
        if m.group(2) in v["port"] and not is_port(text, m):  # type: ignore[operator]
            continue
        start, end, head = _extend_left(text, m.start()), m.end(), m.group(2)
        if head in v["port"]:  # type: ignore[operator]
            start = m.start()  # "부산항": the city glued to the head is the whole name
        chained = v["ko_chain"].match(text, end)  # type: ignore[attr-defined]
        if chained:  # "솔라시도 데이터센터 파크": a second head names the whole
            end, head = chained.end(), chained.group(1)
        if (
            head in v["placed"]  # type: ignore[operator]
            and not _starts_with_place(text, start, end)
            and not v["built_by_program"].match(text, end)  # type: ignore[attr-defined]
            and not v["build_noun"].match(text, end)  # type: ignore[attr-defined]
            and not FUNDED.match(text, end)  # "AX 혁신허브(50억원)": a budget line funds the facility
        ):
            # "바이오헬스산업 허브를 만들고": an aim; "교육 허브 조성 사업", "AX혁신허브 구축" build a facility
            continue
        weak = head in v["weak"]  # type: ignore[operator]
        listed = _spaced_list(text, start, end, weak) if start == m.start() else []
        out += listed or [(text[start:end], start, end, weak)]
    return out


# "'아산 AI데이터센터 구축을 위한 업무협약'": a title made for building the facility it names.
_FOR_BUILDING = re.compile(r"\s*(?:구축|조성|건립|설립)(?:을|를)?\s*위한")


def _starts_with_place(text: str, start: int, end: int) -> bool:
    """The name opens with a place word (서울 AI허브, 양재 R&CD 혁신허브)."""
    return any(a[1] == 0 for a in find_addresses(text[start:end]))


def _spaced_list(text: str, start: int, end: int, weak: bool) -> list[tuple[str, int, int, bool]]:
    """`제조·물류 리빙랩`: a one-word name after a list of fields (site_generic.tsv `field`) is one site per field.

    Only fields: `소재·부품·장비 특화단지` is one designation and `연구원·AI 솔루션센터` two things.
    """
    name = text[start:end]
    lead = re.search(r"(?:^|(?<=\s))([가-힣A-Za-z0-9]+(?:·[가-힣A-Za-z0-9]+)+) $", text[:start])
    if " " in name or not lead:
        return []
    items = lead.group(1).split("·")
    if not all(w in _vocab()["field"] for w in items):  # type: ignore[operator]
        return []
    out, pos = [], lead.start(1)
    for item in items:
        out.append((f"{item} {name}", pos, pos + len(item), weak))
        pos += len(item) + 1
    out[-1] = (out[-1][0], out[-1][1], end, weak)
    return out


_YEAR_LEAD = re.compile(r"(?:19|20)\d\d년\s+")
# A Roman or Arabic numeral after a quoted name's head (AI 데이터센터 I, II, III), or a branch (AI캠퍼스+남부).
_NUMBERED = re.compile(r"\s+(?:[IVX]{1,4}|\d{1,2})$|\+[가-힣]{1,3}$")


def _quoted(text: str) -> tuple[list[tuple[str, int, int, bool]], list[tuple[int, int]]]:
    """Quoted Korean names ending in a head ('AI 오픈랩'); every quoted span, since '○○ 구축사업' names a program."""
    v = _vocab()
    out, spans = [], []
    described = {h.end() + 1 for h in v["ko_core"].finditer(text)}  # type: ignore[attr-defined]
    for m in QUOTED.finditer(text):
        inner = re.sub(r"\s*\([^)]*\)$", "", m.group(1)).strip()
        if m.start() in described and text[m.start() - 1] == " " and not v["program_in"].search(inner):  # type: ignore[attr-defined]
            # "AI 전시·교육시설 'AI랜드'를 짓는다": a facility word right before a quoted name says what it is
            spans.append((m.start(), m.end()))
            out.append((inner, m.start(1), m.start(1) + len(inner), False))
            continue
        numbered = _NUMBERED.search(inner)  # "'AI 데이터센터 II'": the second of a numbered set
        core_end = numbered.start() if numbered else len(inner)
        hit = next((h for h in v["ko_core"].finditer(inner) if h.end() == core_end), None)  # type: ignore[attr-defined]
        spans.append((m.start(), m.end()))
        if hit:
            # "'2021년 AI 실증 테스트베드'": the year dates the call, it names nothing
            lead = _YEAR_LEAD.match(inner)
            skip = lead.end() if lead else 0
            start = m.start(1) + skip
            out.append((inner[skip:], start, m.start(1) + len(inner), hit.group(2) in v["weak"]))  # type: ignore[operator]
    return out, spans


# A particle that may end the word after a prefix ("옛 서남중학교를").
_JOSA = re.compile(r"(?:으로|에서|을|를|이|가|은|는|의|에|와|과|도|로)$")


def _former(text: str) -> list[tuple[str, int, int, bool]]:
    """`옛 서남중학교`: a prefix (site_name_stops.tsv) and the noun after it name a former facility (weak)."""
    out = []
    for p in _vocab()["prefixes"]:  # type: ignore[attr-defined]
        for m in re.finditer(rf"(?<![가-힣]){re.escape(p)}\s+([가-힣A-Za-z0-9]{{2,}})", text):
            word = _JOSA.sub("", m.group(1))
            if len(word) >= 2 and _is_noun_word("", word, ""):
                out.append((f"{p} {word}", m.start(), m.start(1) + len(word), True))
    return out


def _bulleted(text: str, name: str, start: int) -> list[str]:
    """`▲ A 실증 ▲ B 실증 시험구역`: the items listed before the last one share its head word.

    Every earlier item must be a short run of nouns with no facility head of its own, else nothing is shared.
    """
    marks = _vocab()["bullet"]
    if " " not in name or not marks or not re.search(rf"[{marks}]\s*$", text[:start]):
        return []
    head_word = name.rsplit(" ", 1)[1]
    items = re.findall(rf"[{marks}]\s*([^{marks}]+?)\s*(?=[{marks}])", text[: start + 1])
    out = []
    for item in reversed(items):
        words = item.split()
        heads = _vocab()["ko_core"]  # type: ignore[attr-defined]
        if not words or len(words) > MAX_NAME_WORDS or heads.search(item):
            return []
        if not all(_is_noun_word("", w, "") for w in words):
            return []
        out.insert(0, f"{item} {head_word}")
    return out


def _listed_places(
    text: str, start: int, addresses: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Places said of the name starting at `start`: `구미와 창원, 부산 등지에 X` (a list right before it)."""
    v = _vocab()
    before = [a for a in addresses if a[2] <= start]
    if not before or not v["list_end"].fullmatch(text, before[-1][2], start):  # type: ignore[attr-defined]
        return []
    chain = [before[-1]]
    for a in reversed(before[:-1]):
        if not v["link"].fullmatch(text, a[2], chain[0][1]):  # type: ignore[attr-defined]
            break
        chain.insert(0, a)
    return chain


def _each_places(
    text: str, m: tuple[int, int], addresses: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """`장성군에는 …, 강진군에는 … X가 각각`: places each followed by 에/에는, with 각각 after the name."""
    if not _vocab()["each"].search(text, m[1], m[1] + EACH_WINDOW):  # type: ignore[attr-defined]
        return []
    return [a for a in addresses if a[2] <= m[0] and re.match(r"에는?\s", text[a[2] :])]


def _spread(
    text: str, cand: tuple[str, int, int, bool], addresses: list[tuple[str, int, int]]
) -> list[Mention]:
    """One head said of several places is one site per place (구미 AI 자율제조 거점센터, 창원 …)."""
    name, start, end, weak = cand
    places = _listed_places(text, start, addresses) or _each_places(text, (start, end), addresses)
    if len(places) < 2 or find_addresses(name):
        return []
    out = []
    for address, a_start, a_end in places:
        place = re.sub(rf"[{_PARTICLE}]+$", "", text[a_start:a_end])
        out.append(Mention(f"{place} {name}", name_key(f"{address} {name}"), start, end, weak, address))
    return out


# What follows the place a generic facility is said to be in ("광주 북구 첨단3지구의", "… 남구에", "… 일대",
# "충북과기원 안의"); not a particle making the place a clause's subject or object ("파크가 울산이 …").
_IN_PLACE = re.compile(r"의|에|\s+(?:일대|일원|안|내)|(?![이가은는을를도와과](?![가-힣]))[가-힣]")


def _placed(text: str, name: str, end: int) -> str | None:
    """A generic facility named by the place right after it: '집적단지는 광주 북구 첨단3지구의' → 첨단3지구 집적단지.

    A bare head (단지는 광주를 중심으로) speaks of a facility already named: it names nothing new.
    """
    if name in _vocab()["heads"]:  # type: ignore[operator]
        return None
    for address, a_start, a_end in find_addresses(text):
        if (
            0 <= a_start - end <= 4
            and re.fullmatch(r"[은는이가]?\s*", text[end:a_start])
            and _IN_PLACE.match(text, a_end)  # "파크가 울산이 …": the place is the next clause's subject
        ):
            return f"{address.split()[-1]} {name}"
        if re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?", text[end:a_start]):
            return name  # "the national AI computing center in Haenam": its place follows, its name stays
    start = end - len(name)
    if builds(text, start, end) and any(
        re.match(r"에\s", text[b:]) for _, _, b in find_addresses(text[:start])
    ):
        return name  # "사천시에 … 초거대 AI 데이터센터를 세운다": the sentence builds it at a place it names
    if _vocab()["en_build_before"].search(text, max(0, start - EN_BUILD_WINDOW), start) and any(  # type: ignore[attr-defined]
        a >= end for _, a, _ in find_addresses(text)
    ):
        return (
            name  # "will build a hyperscale data center on a site in Ulsan": built at a place said after it
        )
    return None


# "김해시(진영읍)", "강원도(삼척시 근덕면)": a town in brackets right after its city, county or province.
_TOWN = re.compile(r"\((?:[가-힣]{1,4}[시군구]\s)?([가-힣]{1,4}(?:읍|면|동|리))\)")


def _towns(text: str, addresses: list[tuple[str, int, int]]) -> list[tuple[str, int, int, bool]]:
    """`강진군(강진읍)`: the town a local government names in brackets is where its program happens."""
    found = (_TOWN.match(text, end) for _, _, end in addresses)
    return [(m.group(1), m.start(1), m.end(1), False) for m in found if m]


# "'스마트항만 테스트베드' 4곳을 만든다": a quoted name counted in places names them, though its words are common.
_COUNTED = re.compile(r"['’」]\s*\d+\s*(?:곳|개소)")


def mentions(text: str, prev: str, program_keys: Collection[str]) -> list[Mention]:
    """Distinct named facilities in one sentence; programs, bodies, venues and generic words left out."""
    addresses = find_addresses(text)
    named, spans = _quoted(text)
    cands = (
        named + _korean(text, spans) + _former(text) + _towns(text, addresses) + vicinities(text, addresses)
    )
    if re.search(r"[A-Za-z]{3}", text):
        from etl.extract.site_english import english  # English forms live apart; they use this module's vocab

        cands += english(text, prev)
    glosses = gloss_spans(text, cands)
    seen: dict[str, Mention] = {}
    for cand in sorted(cands, key=lambda c: (c[1], -c[2])):
        name, start, end, weak = cand
        if any(a.start <= start < a.end for a in seen.values()) or is_not_site(text, name, end):
            continue
        if any(a <= start and end <= b for a, b in glosses):
            continue  # "복합혁신센터(ICT이노베이션스퀘어)": the name in brackets glosses the one before it
        counted = cand in named and _COUNTED.match(text, end) is not None
        weak = weak and not counted
        found = _spread(text, cand, addresses)
        shared = _bulleted(text, name, start)
        if shared:  # one site per listed item, the last one included
            found = [Mention(n, name_key(n), start, end, weak) for n in [*shared, name]]
        elif not found and is_generic(name) and not counted:
            placed = _placed(text, name, end)
            found = [Mention(placed, name_key(placed), start, end, weak)] if placed else []
        elif not found:
            area = any(name.endswith(t) for t in _vocab()["area"])  # type: ignore[attr-defined]
            found = [Mention(name, name_key(name), start, end, weak, area=area)]
        for m in found:
            # A program named after a strong head ('제조 AI 데이터센터' 구축) names the facility it builds; so
            # does one the sentence builds ("후적지에 세워질 '대구AI혁신센터'", "'○○센터'를 짓는다").
            if not m.weak or builds(text, start, end):
                seen.setdefault(m.key, m)
            elif is_program(m.name, program_keys):  # "X는 … 지상 4층 규모로 들어선다": a program's building
                seen.setdefault(m.key, replace(m, program=True))
            else:
                seen.setdefault(m.key, m)
    return list(seen.values())
