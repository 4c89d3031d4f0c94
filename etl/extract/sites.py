"""Named facilities (허브, 데이터센터, 캠퍼스 …) with address, floors, floor area, status and year.

Rules work sentence by sentence with precompiled regexes; a facility named in several sentences is
one Site whose empty fields are filled from the later mentions.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from functools import cache

from etl import lexicon
from etl.extract import site_filters as sf
from etl.extract.countries import abroad_clause
from etl.extract.places import find_addresses, geocode, locate, specificity
from etl.extract.site_names import Mention as _Mention
from etl.extract.site_names import mentions as _mentions
from etl.extract.site_names import name_key
from etl.extract.site_vocab import FUNDED, vocab
from etl.models import Evidence, Sentence, Site

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
    rf"개소{_FUTURE}|개관{_FUTURE}|개원{_FUTURE}|문을?\s?열(?!\s?예정|\s?계획)|준공{_FUTURE}|입주{_FUTURE}|완공{_FUTURE}"
    r"|마련됐|마련되었|들어섰|가동에 들어갔"
    r"|opened|inaugurated|began operations?|was completed"
)
_PLANNED = re.compile(
    r"계획|예정|확보할|확보한다|조성할|건립할|구축할|설립할|착공|들어설|목표로|(?:개소|개관|준공|완공|입주)할"
    r"|will (?:build|open|be built|house)|plans? to|planned|to be (?:built|completed|opened)"
    r"|scheduled to|slated to|by 20\d\d"
)
# Build and location verbs (세운다, 들어선, located) and pictures of a planned place (조감도): site_build_words.tsv.
_PLACE_VERB = re.compile(
    lexicon.pattern("site_build_words", "verb") + "|" + lexicon.pattern("site_build_words", "picture")
)
# Words a place-named facility has after its place: a qualifier and the head ("세종 | 디지털 트윈 실증센터");
# a gazetteer place (수성알파시티), a place and one word (경기도 바이오센터) or a glued body name
# (경북SW융합진흥센터) is not named after its place.
MIN_WORDS_AFTER_PLACE = 2
# A place word this many characters from a Korean name makes it a place ("북구 첨단3지구에 들어설 X"); one
# further off speaks of the region ("충북도는 혁신도시를 … 연구센터, 실증단지 등을 세워 왔다"). English
# sentences put the place at their end ("the … Center … in Seoul"): any place in them counts.
ADDR_NEAR = 25
# A build verb this many characters before or after a Korean name makes it a place ("X 구축", "X가 들어선다");
# a plan ("계획이다") only in the name's own clause ("…센터 등이 사업이었다면, AI 시티는 … 목표로 한다").
VERB_BEFORE, VERB_AFTER = 30, 40
_CLAUSE = re.compile(r",|다[.\s]|고\s|며\s")
# Characters between a subject name and its opening verb ("X가 18일 서울 양재동에서 문을 열었다").
OPENED_GAP = 30
# "5 billion won for the AI Convergence Center": English money said right before the facility it goes to.
_FUNDED_BEFORE = re.compile(r"(?:trillion|billion|million)\s+won\s+(?:for|on|into|to)\s+(?:the|an?|its)\s+$")
# The name as the subject of an opening verb ("X가 18일 문을 열었다", "X는 지난달 개소했다").
_OPENED_SUBJECT = re.compile(
    rf"['’」\"”]?\s*(?:이|가|은|는)\s[^.]{{0,{OPENED_GAP}}}?(?:개소|개관|개원|준공|문을?\s?열)(?!식|\s?예정|\s?계획|할)"
)
_WORK_AT = re.compile(r"['’」\"”]?\s*에서(?![는도])")
_OF = re.compile(r"\s*(?:규모|면적|크기)?\s*(?:의|인|짜리)?\s*")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?:년|\b)")
# "부산 제조업 AI 지원센터 역할을 맡을 'AI 오픈랩'": the words saying two names are one facility (site_same.tsv).
_SAME = re.compile(rf"\s*{lexicon.pattern('site_same', 'same')}\s*['‘「]?")
_CLAUSE_END = re.compile(r"다[.!?]|\.\s")


def _has_place_cue(text: str, m: _Mention, areas: list[re.Match[str]]) -> bool:
    """The sentence treats the name as a place: an address beside it, an area, floors or a build verb."""
    near = ADDR_NEAR if re.search(r"[가-힣]", m.name) else len(text)  # an address near it
    if (
        m.address
        or areas
        or any(
            m.start - near <= a[2] <= m.start or m.end <= a[1] <= m.end + near for a in find_addresses(text)
        )
    ):
        return True
    if m.area and any(a[1] == 0 for a in find_addresses(m.name)):
        return True  # "진해구 웅동배후단지에 투자한다": a tract of land named after its place is a place
    if any(
        a[1] == 0 and len(m.name[a[2] :].split()) >= MIN_WORDS_AFTER_PLACE for a in find_addresses(m.name)
    ):
        return (
            True  # "세종 디지털 트윈 실증센터(가칭)": a facility named after its place, with words of its own
        )
    if _WORK_AT.match(text, m.end) or sf.place_before(text, m.start):
        return True  # "강원대병원 AI암치유센터에서 … 적용한다", "offices in One MetroTech Center": the work is there
    if sf.place_after(text, m.end):
        return True  # "로봇 재활은 노인복지관을 거점으로 …": the base the program works from
    if vocab()["en_build_before"].search(text, max(0, m.start - 40), m.start):  # type: ignore[attr-defined]
        return True  # "setting up the National AI Computing Center": the sentence builds it
    if FUNDED.match(text, m.end) or _FUNDED_BEFORE.search(text, max(0, m.start - 40), m.start):
        return True  # "지속가능 첨단 엘라스토머 기술지원 센터 80억원": a budget line funding the facility
    stop, around = len(text), (0, len(text))
    if re.search(r"[가-힣]", m.name):  # Korean: the build verb near the name, the plan in its own clause
        clause = _CLAUSE.search(text, m.end)
        stop = clause.end() if clause else stop
        around = (max(0, m.start - VERB_BEFORE), min(len(text), m.end + VERB_AFTER))
    cues = (
        _FLOORS.search(text),
        _OPEN.search(text),
        _PLACE_VERB.search(text, *around),
        _PLANNED.search(text, m.end, stop),
    )
    return any(cues) or sf.builds(text, m.start, m.end)  # "센터를 세운다": 세우다 only of the name it governs


# "X는 … 클러스터 안에 지상 4층 규모로 들어선다": where a thing stands (site_build_words.tsv `located`).
_LOCATED = re.compile(lexicon.pattern("site_build_words", "located"))


def _is_building(text: str, m: _Mention) -> bool:
    """The sentence says where the name stands: a name shared with a program is said of a building there."""
    if _FUNDED_BEFORE.search(text, max(0, m.start - 40), m.start):
        return True  # "5 billion won for the AI Convergence Center"
    # "○○센터가 … 문을 열었다" (not "○○ 개소식을 열었다"); "'○○센터'에서 … 적용한다": the work is there
    if _OPENED_SUBJECT.match(text, m.end) or _WORK_AT.match(text, m.end):
        return True
    return _LOCATED.search(text, m.end) is not None or FUNDED.match(text, m.end) is not None


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
    """Address for a name: the place it opens with, else the nearest one before it, else after it, else inside it.

    Without a name (the previous sentence's addresses) the most specific one.
    """
    if not addresses:
        return None
    if m is None:
        return max(addresses, key=lambda a: specificity(a[0]))[0]
    own = [a for a in addresses if a[1] == m.start and a[2] <= m.end]
    before = [a for a in addresses if a[2] <= m.start]
    after = [a for a in addresses if a[1] >= m.end]
    if own:
        # "▲광주 AI 데이터센터 고도화 ▲전남 …": a name opening with its place is there, whatever is near;
        # a place beside it that narrows that place wins ("서울 양재동 서울 AI허브", "Seoul AI Hub … in Yangjae").
        near = [a[0] for a in (before[-1:] + after[:1]) if a[0].startswith(own[0][0])]
        return near[0] if near else own[0][0]
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
        address=m.address or _best_address(ctx["addresses"], m) or _best_address(ctx["prev_addresses"], None),
        floors=floors.group().strip() if floors else None,
        area_m2=_area_m2(area) if area else None,
        area_text=area.group().strip() if area else None,
        status=status,
        year=year,
        evidence=Evidence(s.text, s.start, s.end),
    )


def _numeral(key: str) -> str:
    """The Roman numeral a key ends in after a head (ai데이터센터ii → ii), else ''."""
    m = re.search(r"(?<=[가-힣])[ivx]{1,4}$", key)
    return m.group() if m else ""


def _short(a: str, b: str) -> bool:
    """One key shortens the other (창원산단 / 창원국가산단): same first and last two letters, a subsequence.

    A place opening the longer key may be left out of the shorter (석문산단 / 당진석문국가산단).
    """
    short, long_ = sorted((a, b), key=len)
    if _numeral(short) != _numeral(long_):
        return False  # "AI 데이터센터 II" and "AI 데이터센터 III": two buildings of a numbered set
    for n in range(2, 5):  # the key has no spaces: try the place names it may open with
        if len(long_) - n >= len(short) and geocode(long_[:n]) and _short(short, long_[n:]):
            return True
    it = iter(long_)
    return short[:2] == long_[:2] and short[-2:] == long_[-2:] and all(ch in it for ch in short)


def _head_more(a: str, b: str) -> bool:
    """One key is the other plus a facility head ("GPU Hub" and "GPU Hub Center", "한국외대 송도캠퍼스" and
    "송도캠퍼스 부지"): one facility, two heads."""
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and long_[len(short) :] in _head_keys():
        return True
    for x, y in ((a, b), (b, a)):
        tail = next((h for h in _head_keys() if len(h) < len(x) and x.endswith(h)), "")
        core = x[: -len(tail)] if tail else ""
        if len(core) >= sf.MIN_CORE_CHARS and y.endswith(core) and core not in _head_keys():
            return True
    return False


@cache
def _head_keys() -> frozenset[str]:
    return frozenset(name_key(h) for h in vocab()["heads"])  # type: ignore[attr-defined]


def _merge(sites: dict[str, Site], key: str, new: Site) -> str:
    """Add `new` or fill the gaps of the site it repeats (same name, or one name ending the other)."""
    found = next(
        (
            k
            for k in sites
            if k == key or k.endswith(key) or key.endswith(k) or _short(k, key) or _head_more(k, key)
        ),
        None,
    )
    if (
        found is None
    ):  # "경남 창원국가산업단지", "성산구 창원국가산단": one name after places, one in the other
        found = next((k for k in sites if sf.same_place_name(sites[k].name, new.name)), None)
        if found is not None:
            _fold(sites[found], new)
            return found
        sites[key] = new
        return key
    old = sites[found]
    if len(key) > len(found):  # keep the fuller name (양재 강남데이터센터 over 강남데이터센터)
        old.name = new.name
        sites[key] = sites.pop(found)
        found = key
    _fold(old, new)
    return found


def _locate(site: Site) -> None:
    """lat/lon and their precision: a named facility's own point, else the address's place; a place in the
    name that narrows the address (서울 → 양재) refines both."""
    named = find_addresses(site.name)
    if named:
        best = max(named, key=lambda a: specificity(a[0]))[0]
        current = site.address or ""
        if specificity(best) > specificity(current) and best.startswith(current):
            site.address = best
    point = locate(site.name, site.address)
    if point:
        site.lat, site.lon, site.precision = point


def _sentence_sites(s: Sentence, sites: dict[str, Site], program_keys: set[str], ctx: dict) -> list[str]:
    """Add the sites named in one sentence; return their keys."""
    areas = list(_AREA.finditer(s.text))
    found = _mentions(s.text, ctx["prev_text"], program_keys)
    placed = [
        (not m.program or _is_building(s.text, m)) and (not m.weak or _has_place_cue(s.text, m, areas))
        for m in found
    ]
    for i in range(len(found) - 2, -1, -1):  # "제조·물류 리빙랩에서": the items of a list share its cue
        placed[i] = placed[i] or (placed[i + 1] and s.text[found[i].end : found[i + 1].start] == "·")
    # "캐나다는 … 국가 AI 연구소를 세웠고": a facility abroad, given as an example, is no site of the program.
    mentions = [m for m, ok in zip(found, placed, strict=True) if ok and not abroad_clause(s.text, m.start)]
    owner = [_area_owner(s.text, mentions, a) for a in areas] if mentions else []
    ctx["alone"] = len(mentions) == 1
    keys = []
    for i, m in enumerate(mentions):
        area = next((a for a, o in zip(areas, owner, strict=True) if o == i), None)
        keys.append(_merge(sites, m.key, _build(s, m, area, ctx)))
    for i in range(1, len(mentions)):  # "X 역할을 맡을 'Y'": one facility, two names
        a, b = mentions[i - 1], mentions[i]
        if _SAME.fullmatch(s.text, a.end, b.start) or sf.glossed(s.text, a.end, (b.start, b.end)):
            ctx["same"].append((keys[i - 1], keys[i]))
        elif sf.built_on(s.text, mentions[i - 1].name, mentions[i - 1].end, mentions[i].start):
            ctx["same"].append((keys[i], keys[i - 1]))  # "옛 소방서 후적지에 세워질 'X'": the land is X's
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
    program_keys = {name_key(re.sub(r"\([^)]*\)", "", p)) for p in program_names}
    sites: dict[str, Site] = {}
    ctx: dict = {
        "published_on": published_on,
        "prev_addresses": [],
        "prev_keys": [],
        "prev_text": "",
        "same": [],
    }
    since = 0  # sentences since a site was last named: an area alone attaches within two
    for s in sentences:
        ctx["addresses"] = find_addresses(s.text)
        keys = _sentence_sites(s, sites, program_keys, ctx)
        since = 0 if keys else since + 1
        if keys or since > 2:
            ctx["prev_keys"] = keys
        ctx["prev_addresses"], ctx["prev_text"] = ctx["addresses"], s.text
    for keep, drop in ctx["same"]:
        if keep in sites and drop in sites and keep != drop:
            _fold(sites[keep], sites.pop(drop))
    _fold_glossed(sites)
    orgs = sf.org_keys(text)  # "웅천에이아이캠퍼스 대표": the name is a company's wherever it is said
    for key in [k for k in sites if any(k.endswith(o) for o in orgs)]:
        del sites[key]
    for site in sites.values():
        _locate(site)
    return list(sites.values())


# "정보통신기술(ICT)": a Korean word glossed by its Latin short form, which another mention may use alone.
_GLOSSED_WORD = re.compile(r"[가-힣]+\(([A-Z][A-Za-z&]{1,9})\)")


def _fold_glossed(sites: dict[str, Site]) -> None:
    """One facility named with a glossed word and with its short form (대전 정보통신기술(ICT) 이노베이션스퀘어,
    대전 ICT 이노베이션스퀘어) is one site, under the name said first."""
    seen: dict[str, str] = {}
    for key in list(sites):
        short = name_key(_GLOSSED_WORD.sub(r"\1", sites[key].name))
        first = seen.get(key) or seen.get(short)
        if first is not None and first != key:
            _fold(sites[first], sites.pop(key))
            continue
        seen.setdefault(key, key)
        seen.setdefault(short, key)


def _fold(old: Site, new: Site) -> None:
    """Fill the empty fields of `old` from `new`, the same facility under another name."""
    if new.address and (not old.address or specificity(new.address) > specificity(old.address)):
        old.address = new.address
    old.floors = old.floors or new.floors
    if old.area_m2 is None:
        old.area_m2, old.area_text = new.area_m2, new.area_text
    if old.status is None:
        old.status, old.year = new.status, new.year
