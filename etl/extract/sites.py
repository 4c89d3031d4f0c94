"""Named facilities (허브, 데이터센터, 캠퍼스 …) with address, floors, floor area, status and year.

Rules work sentence by sentence with precompiled regexes; a facility named in several sentences is
one Site whose empty fields are filled from the later mentions.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from etl.extract.places import find_addresses, geocode, specificity, trie_regex
from etl.models import Evidence, Sentence, Site


def _words(text: str) -> list[str]:
    """Word lists written as one string keep the lexicons readable."""
    return text.split()


_KO_SUFFIXES = _words("데이터센터 허브 센터 캠퍼스 거점 단지 클러스터 밸리 타운 파크 연구소 특구")
# Suffixes that also name organisations or programs (벡터연구소, 지원센터): a site only where the
# sentence speaks of a place (address, floors, area or a build/open/plan verb).
_WEAK = set(_words("센터 거점 단지 밸리 타운 파크 연구소 특구 Center Centre Park Valley Town"))
_PARTICLE = "은는이가을를의에와과도로으까부만서엔내"
_KO_CORE = re.compile(
    rf"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9&·\-]*?({trie_regex(_KO_SUFFIXES)}))(?=[^가-힣]|$|[{_PARTICLE}])"
)
_EN_NAME = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&'.\-]*\s+){1,4})(Data Cent(?:er|re)|data cent(?:er|re)|Hub|Cent(?:er|re)|Campus|Cluster"
    r"|Valley|Park|Town)\b"
)
_EN_IN = re.compile(
    r"\b((?:[A-Z][\w&\-]*\s+)?(?:(?:AI|new|hyperscale|large|an?|the)\s+)*data cent(?:er|re)\s+in\s+"
    r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)"
)
# Names are single-quoted in Korean news; double quotes carry speech.
_QUOTED = re.compile(r"['‘「]([^'’」\n]{2,40}?)['’」]")
_LEADING_EN = {"The", "A", "An", "This", "That", "Its", "Our", "Their", "In", "At", "On", "By", "From", "And"}
# Words that may stand before the core word and still be part of the name.
_MODIFIERS = set(_words("국가 국립 글로벌 첨단 스마트 하이퍼스케일 초거대 국제 디지털 인공지능 제1 제2"))
# A name made only of these words is no name (AI 데이터센터, 설계지원센터, Data Center). 국가/국립 do
# make a name (국가 AI데이터센터); a program of that name is left out through program_names.
_GENERIC = (
    (_MODIFIERS - {"국가", "국립"})
    | {"", *_KO_SUFFIXES}
    | set(
        _words("""AI 데이터 연구 대규모 신규 공공 민간 초대형 대형 통합 지역 혁신 산업 교육 지원 창업 기술 테크노 사이언스
    바이오 클라우드 컴퓨팅 R&D ICT SW GPU IDC 이 그 본 해당 차세대 융합 복합 협력 운영 관제 서비스 전용 공동
    연구개발 신 전국 권역 물류 에너지 반도체 인재 실증 벤처 스타트업 실리콘 집적 산학 설계 일반 융복합 종합
    data center centre hub campus cluster valley park town national research innovation technology tech
    science new cloud computing global smart digital hyperscale large in an a the""")
    )
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AREA = re.compile(
    rf"(?:({_NUM})\s*만\s*(?:({_NUM})\s*)?|({_NUM})\s*)"
    r"(평|㎡|m²|m2\b|제곱미터|square met(?:er|re)s?|sq\.?\s?m\b|sqm\b|square feet|sq\.?\s?ft\b"
    r"|헥타르|ha\b|hectares?|㎢|km²)"
)
_M2 = {"평": 3.3058, "ft": 0.092903, "feet": 0.092903, "ha": 1e4, "헥": 1e4, "km": 1e6, "㎢": 1e6}  # else 1
_FLOORS = re.compile(
    r"(?:(?:본관|별관|신관|지하|지상)\s*)?(?:\d+\s*(?:~|∼|〜|-|–)\s*\d+\s*층|\d+\s*층\s*부터\s*\d+\s*층(?:까지)?"
    r"|\d+\s*층|전\s?층)"
    r"|(?:floors?\s+\d+(?:\s*(?:-|–|to|and)\s*\d+)?|\d+(?:st|nd|rd|th)(?:\s*(?:-|–|to|and|through)\s*"
    r"\d+(?:st|nd|rd|th))?\s+floors?)"
)
_FUTURE = r"(?!할|\s*(?:예정|계획|목표))"
_OPEN = re.compile(
    rf"개소{_FUTURE}|개관{_FUTURE}|문을\s?열(?!\s?예정|\s?계획)|준공{_FUTURE}|입주{_FUTURE}|완공{_FUTURE}"
    r"|마련됐|마련되었|들어섰|가동에 들어갔"
    r"|opened|inaugurated|began operations?|was completed"
)
_PLANNED = re.compile(
    r"계획|예정|확보할|확보한다|조성할|건립할|구축할|설립할|착공|들어설|목표로|(?:개소|개관|준공|완공|입주)할"
    r"|will (?:build|open|be built|house)|plans? to|planned|to be (?:built|completed|opened)"
    r"|scheduled to|slated to|by 20\d\d"
)
_PLACE_VERB = re.compile(r"건립|조성|구축|설립|위치|이전|유치|located|built|construction|broke ground")
_OF = re.compile(r"\s*(?:규모|면적|크기)?\s*(?:의|인|짜리)?\s*")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?:년|\b)")
_CLAUSE_END = re.compile(r"다[.!?]|\.\s")


@dataclass(frozen=True)
class _Mention:
    name: str
    key: str
    start: int  # span of the name in the sentence text
    end: int
    weak: bool


def _key(name: str) -> str:
    return re.sub(r"[\s'‘’\"“”·\-]|\([^)]*\)", "", name).lower()


def _common(word: str) -> bool:
    """A word made only of common words, joined or not (설계지원 = 설계 + 지원)."""
    if word in _GENERIC or word.lower() in _GENERIC:
        return True
    if not re.fullmatch(r"[가-힣]{2,}", word):
        return False
    ok = [True] + [False] * len(word)
    for i in range(2, len(word) + 1):
        ok[i] = any(ok[j] and word[j:i] in _GENERIC for j in range(max(0, i - 6), i - 1))
    return ok[-1]


def _is_generic(name: str) -> bool:
    """True when every part of the name is a common word (AI 데이터센터, 설계지원센터, Data Center)."""
    parts = re.findall(r"제\d+|[A-Za-z0-9&]+|[가-힣]+", name)
    for suffix in sorted(_KO_SUFFIXES, key=len, reverse=True):
        if parts and parts[-1].endswith(suffix) and parts[-1] != suffix:
            parts[-1:] = [parts[-1][: -len(suffix)], suffix]
            break
    if parts and geocode(parts[0]) is not None:
        return False
    return all(_common(p) for p in parts)


def _is_program(name: str, program_keys: Collection[str]) -> bool:
    """The name is a program's (국가 AI 연구거점), or a shortening of it (국가 AI거점)."""
    key = _key(name)
    for pk in program_keys:
        if key == pk:
            return True
        it = iter(pk)
        if key[:2] == pk[:2] and key[-2:] == pk[-2:] and all(ch in it for ch in key):
            return True
    return False


def _is_place_word(text: str, start: int, end: int) -> bool:
    """text[start:end] is a place name on its own, not the end of a longer address (울산 울주군)."""
    found = find_addresses(text[:end])
    return bool(found) and found[-1][1] == start and found[-1][2] == end


def _extend_left(text: str, start: int) -> int:
    """Start of the name once place words, Latin tokens and modifiers before the core are added."""
    for _ in range(3):
        m = re.search(r"(?:^|(?<=\s))([^\s]+) $", text[:start])
        if not m:
            break
        word = m.group(1)
        if _is_place_word(text, m.start(1), m.end(1)):
            return m.start(1)  # one place word ends the name (양재 강남데이터센터)
        if re.fullmatch(r"[A-Za-z0-9&.]+", word) or word in _MODIFIERS:
            start = m.start(1)
            continue
        break
    return start


def _candidates(text: str) -> list[tuple[str, int, int, bool]]:
    """(name, start, end, weak) for every facility-looking name in a sentence."""
    out: list[tuple[str, int, int, bool]] = []
    quoted = []
    for m in _QUOTED.finditer(text):
        inner = re.sub(r"\s*\([^)]*\)$", "", m.group(1)).strip()
        hit = _KO_CORE.search(inner)
        quoted.append((m.start(), m.end()))  # '국산 NPU 데이터센터 구축사업' names a program
        if hit and hit.end() == len(inner):
            out.append((inner, m.start(1), m.start(1) + len(inner), hit.group(2) in _WEAK))
    for m in _KO_CORE.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        start = _extend_left(text, m.start())
        out.append((text[start : m.end()], start, m.end(), m.group(2) in _WEAK))
    for m in _EN_NAME.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _LEADING_EN:
            words.pop(0)
        name = " ".join([*words, m.group(2)])
        out.append((name, m.end() - len(name), m.end(), m.group(2) in _WEAK))
    for m in _EN_IN.finditer(text):
        name = re.sub(r"^(?:(?:an?|the|new)\s+)+", "", m.group(1), flags=re.I)
        out.append((name, m.end() - len(name), m.end(), False))
    return out


def _mentions(text: str, program_keys: Collection[str]) -> list[_Mention]:
    """Distinct named facilities in one sentence, program names and generic words left out."""
    seen: dict[str, _Mention] = {}
    for name, start, end, weak in sorted(_candidates(text), key=lambda c: c[1]):
        if _is_generic(name):
            name = _placed(text, name, end) or ""
        if not name or _is_program(name, program_keys):
            continue
        key = _key(name)
        if key not in seen and not any(a.start <= start < a.end for a in seen.values()):
            seen[key] = _Mention(name, key, start, end, weak)
    return list(seen.values())


def _placed(text: str, name: str, end: int) -> str | None:
    """A generic facility named by the place right after it: '집적단지는 광주 북구 첨단3지구의' → 첨단3지구 집적단지."""
    for address, a_start, _ in find_addresses(text):
        if 0 <= a_start - end <= 4 and re.fullmatch(r"[은는이가]?\s*", text[end:a_start]):
            return f"{address.split()[-1]} {name}"
    return None


def _has_place_cue(text: str, m: _Mention, areas: list[re.Match[str]]) -> bool:
    """The sentence treats the name as a place: an address beside it, an area, floors or a build verb."""
    if areas or any(a[2] <= m.start or a[1] >= m.end for a in find_addresses(text)):
        return True
    cues = (_FLOORS.search(text), _OPEN.search(text), _PLACE_VERB.search(text), _PLANNED.search(text, m.end))
    return any(cues)


def _area_m2(m: re.Match[str]) -> float:
    """Square metres for one area match (평 at 3.3058 m²)."""

    def num(s: str | None) -> float:
        return float(s.replace(",", "")) if s else 0.0

    value = num(m.group(1)) * 10_000 + num(m.group(2)) if m.group(1) else num(m.group(3))
    unit = m.group(4)
    factor = next((f for k, f in _M2.items() if k in unit), 1.0)
    return round(value * factor, 1)


def _status(text: str, m: _Mention, published_on: date | None) -> tuple[str | None, int | None]:
    """open/planned and the year, from the verbs of the clause that names the site."""
    end = _CLAUSE_END.search(text, m.end)
    window = (m.end, end.end() if end else len(text))
    cues = [(c.start(), "open", c) for c in _OPEN.finditer(text, *window)]
    cues += [(c.start(), "planned", c) for c in _PLANNED.finditer(text, *window)]
    if not cues:
        cues = [(c.start(), "open", c) for c in _OPEN.finditer(text, 0, m.start)]
        cues += [(c.start(), "planned", c) for c in _PLANNED.finditer(text, 0, m.start)]
    if not cues:
        return None, None
    korean = re.search(r"[가-힣]", text[window[0] : window[1]]) is not None
    pos, status, cue = max(cues, key=lambda c: c[0]) if korean else min(cues, key=lambda c: c[0])
    years = [(abs(y.start() - m.start), int(y.group(1))) for y in _YEAR.finditer(text)]
    if status == "planned":
        return status, min(years)[1] if years else None
    # "2023년 개소한" / "opened in 2023": the year stands right by the verb.
    near = [int(y.group(1)) for y in _YEAR.finditer(text, max(0, pos - 14), pos + len(cue.group()) + 9)]
    if near:
        return status, near[0]
    return status, published_on.year if published_on else None


def _nearest(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """Index of the span closest to [start, end)."""
    return min(range(len(spans)), key=lambda i: max(spans[i][0] - end, start - spans[i][1], 0))


def _area_owner(text: str, mentions: list[_Mention], area: re.Match[str]) -> int:
    """Index of the mention an area belongs to: the one it qualifies (2500평 규모의 X), else the nearest."""
    for i, m in enumerate(mentions):
        if m.start >= area.end() and _OF.fullmatch(text, area.end(), m.start):
            return i
    return _nearest([(m.start, m.end) for m in mentions], area.start(), area.end())


def _best_address(addresses: list[tuple[str, int, int]], m: _Mention | None) -> str | None:
    """Address for a name: the nearest one before it, else after it, else inside the name itself.

    Without a name (the previous sentence's addresses) the most specific one.
    """
    if not addresses:
        return None
    if m is None:
        return max(addresses, key=lambda a: specificity(a[0]))[0]
    before = [a for a in addresses if a[2] <= m.start]
    after = [a for a in addresses if a[1] >= m.end]
    if before:
        return before[-1][0]
    return after[0][0] if after else max(addresses, key=lambda a: specificity(a[0]))[0]


def _build(s: Sentence, m: _Mention, area: re.Match[str] | None, ctx: dict) -> Site:
    """A Site from one mention and the facts around it in its sentence."""
    text = s.text
    floors = next((f for f in _FLOORS.finditer(text, m.end) if f.start() - m.end <= 12), None)
    if floors is None and ctx["alone"]:  # "… covers 7,000 square meters across floors 3-5"
        floors = _FLOORS.search(text, m.end)
    status, year = _status(text, m, ctx["published_on"])
    return Site(
        name=m.name,
        address=_best_address(ctx["addresses"], m) or _best_address(ctx["prev_addresses"], None),
        floors=floors.group().strip() if floors else None,
        area_m2=_area_m2(area) if area else None,
        area_text=area.group().strip() if area else None,
        status=status,
        year=year,
        evidence=Evidence(s.text, s.start, s.end),
    )


def _merge(sites: dict[str, Site], key: str, new: Site) -> str:
    """Add `new` or fill the gaps of the site it repeats (same name, or one name ending the other)."""
    found = next((k for k in sites if k == key or k.endswith(key) or key.endswith(k)), None)
    if found is None:
        sites[key] = new
        return key
    old = sites[found]
    if len(key) > len(found):  # keep the fuller name (양재 강남데이터센터 over 강남데이터센터)
        old.name = new.name
        sites[key] = sites.pop(found)
        found = key
    if new.address and (not old.address or specificity(new.address) > specificity(old.address)):
        old.address = new.address
    old.floors = old.floors or new.floors
    if old.area_m2 is None:
        old.area_m2, old.area_text = new.area_m2, new.area_text
    if old.status is None:
        old.status, old.year = new.status, new.year
    return found


def _locate(site: Site) -> None:
    """lat/lon of the address; a place in the name that narrows the address (서울 → 양재) refines both."""
    named = find_addresses(site.name)
    if named:
        best = max(named, key=lambda a: specificity(a[0]))[0]
        current = site.address or ""
        if specificity(best) > specificity(current) and best.startswith(current):
            site.address = best
    point = geocode(site.address) if site.address else None
    if point:
        site.lat, site.lon = point


def _sentence_sites(s: Sentence, sites: dict[str, Site], program_keys: set[str], ctx: dict) -> list[str]:
    """Add the sites named in one sentence; return their keys."""
    areas = list(_AREA.finditer(s.text))
    mentions = [m for m in _mentions(s.text, program_keys) if not m.weak or _has_place_cue(s.text, m, areas)]
    owner = [_area_owner(s.text, mentions, a) for a in areas] if mentions else []
    ctx["alone"] = len(mentions) == 1
    keys = []
    for i, m in enumerate(mentions):
        area = next((a for a, o in zip(areas, owner, strict=True) if o == i), None)
        keys.append(_merge(sites, m.key, _build(s, m, area, ctx)))
    if not mentions and areas and ctx["prev_keys"]:
        # "이를 합치면 약 2132평 규모다.": an area alone belongs to the site just named.
        site = sites[ctx["prev_keys"][-1]]
        if site.area_m2 is None:
            site.area_m2, site.area_text = _area_m2(areas[0]), areas[0].group().strip()
    return keys


def extract_sites(
    text: str,
    sentences: list[Sentence],
    published_on: date | None,
    program_names: Collection[str] = frozenset(),
) -> list[Site]:
    """Named facilities in a document, one Site per facility, in order of first mention."""
    program_keys = {_key(re.sub(r"\([^)]*\)", "", p)) for p in program_names}
    sites: dict[str, Site] = {}
    ctx: dict = {"published_on": published_on, "prev_addresses": [], "prev_keys": []}
    since = 0  # sentences since a site was last named: an area alone attaches within two
    for s in sentences:
        ctx["addresses"] = find_addresses(s.text)
        keys = _sentence_sites(s, sites, program_keys, ctx)
        since = 0 if keys else since + 1
        if keys or since > 2:
            ctx["prev_keys"] = keys
        ctx["prev_addresses"] = ctx["addresses"]
    for site in sites.values():
        _locate(site)
    return list(sites.values())
