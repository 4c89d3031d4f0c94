"""Site vocabulary: the lexicon's heads, cues and common words compiled once, and the tests built on them
alone (a name's merge key, whether a name is only common words). `site_names` finds names with them."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.places import find_addresses, geocode
from etl.normalize import PARTICLES_AFTER_PLACE

# Parts of a name (head included) from which common words make a name when one qualifier names a field:
# "AI 스타트업 캠퍼스" (AI, 스타트업, 캠퍼스) is a facility; "AI 데이터센터" (two parts) is not.
MIN_FIELD_NAME_PARTS = 3
# "'X'와 AI 복합 교육공간을 만든다": the other names a build verb's object may list after X (characters).
BUILD_LIST_CHARS = 25
_PARTICLE = PARTICLES_AFTER_PLACE
# Build nouns a budget line glues to the facility's head without a space ("활용센터구축(신규 24억)").
_GLUED_BUILD = "(?:구축|조성|건립|설립|건설)"

# An amount of won right after a name, as in a budget list ("… 센터 80억원", "… 센터(80억원)").
FUNDED = re.compile(
    rf"(?:\s*{lexicon.pattern('site_build_words', 'upkeep')})?"
    r"\s*[:(]?\s*\d[\d,.]*\s*(?:조|억|천만|백만|만)\s*(?:\d[\d,.]*\s*(?:억|천만|만)\s*)?원"
    r"|\s*[:(,]\s*(?:KRW\s*|₩\s*)?\d[\d,.]*\s*(?:trillion|billion|million)\s*(?:won|KRW)"
)


def name_key(name: str) -> str:
    """Merge key of a name: no spaces, quotes, dots or parentheticals, lower case."""
    key = re.sub(r"[\s'‘’\"“”·\-]|\([^)]*\)", "", name).lower()
    for long_form, short in short_forms():
        key = key.replace(long_form, short)
    return key


@cache
def short_forms() -> tuple[tuple[str, str], ...]:
    """(long, short) spellings of one word: 창원국가산업단지 and 창원국가산단, 인공지능(AI) and AI (site_short_forms.tsv)."""
    return tuple((e.term.lower(), e.meaning.lower()) for e in lexicon.entries("site_short_forms"))


@cache
def vocab() -> dict[str, object]:
    """Every site pattern and word set, built once from the lexicon."""
    return {**_heads(), **_cues(), **_build_cues()}


def _korean_and_english_heads() -> tuple[list[str], list[str]]:
    """The Korean heads, and the capitalised English ones that name without a number after them."""
    heads = lexicon.entries("site_heads")
    ko = [e.term for e in heads if not e.term.isascii()]
    en_cap = [e.term for e in heads if e.term.isascii() and e.term[0].isupper() and e.meaning != "numbered"]
    return ko, en_cap


def _heads() -> dict[str, object]:
    heads = lexicon.entries("site_heads")
    ko, en_cap = _korean_and_english_heads()
    numbered = [e.term for e in heads if e.meaning == "numbered"]
    en_low = [e.term for e in heads if e.term.isascii() and e.term[0].islower()]
    weak = {e.term for e in heads if e.meaning in ("weak", "area", "named")}
    area = {e.term for e in heads if e.meaning == "area"}
    placed = {e.term for e in heads if e.meaning == "placed"}
    port = {e.term for e in heads if e.meaning == "port"}
    alt = lexicon.alternation
    return {
        "heads": {e.term for e in heads},
        "weak": weak,
        "placed": placed,
        "port": port,
        "area": area,
        "ko_core": re.compile(
            rf"(?<![가-힣A-Za-z0-9+)])([가-힣A-Za-z0-9&·+\-]*?(?:\([A-Za-z&]{{1,10}}\))?({alt(ko)}))"
            rf"(?=[^가-힣]|$|[{_PARTICLE}]|{_GLUED_BUILD}(?![가-힣]))"  # "활용센터구축(24억)": a build noun glued on
        ),
        "ko_chain": re.compile(rf" ({alt(ko)})(?=[^가-힣]|$|[{_PARTICLE}])"),
        "ko_heads": sorted(ko, key=len, reverse=True),
        "en_name": re.compile(
            r"(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&'.·\-]*\s+){1,4})("
            + "|".join(re.escape(t) for t in sorted(en_cap, key=len, reverse=True))
            + r"|data cent(?:er|re))\b"
        ),
        # "Advanced District 3" (첨단3지구): a head that names a tract only with its number after it.
        "en_numbered": re.compile(
            rf"(?<![A-Za-z])((?:[A-Z][\w&'.\-]*\s+){{1,3}}){alt(numbered)}\s+\d{{1,2}}\b"
        ),
        "en_low": re.compile(rf"\b({'|'.join(re.escape(t) for t in en_low)})s?\b"),
    }


def _cues() -> dict[str, object]:
    alt = lexicon.alternation
    ko, en_cap = _korean_and_english_heads()
    named = {e.term for e in lexicon.entries("site_heads") if e.meaning == "named"}
    return {
        "field": {t for t in lexicon.terms("site_generic", "field")},
        "generic": {t.lower() for t in lexicon.terms("site_generic")}
        | {h.lower() for h in ko + en_cap if h not in named},
        "stops": set(lexicon.terms("site_name_stops", "stop"))
        | set(lexicon.terms("site_name_stops", "unit")),
        "prefixes": set(lexicon.terms("site_name_stops", "prefix")),
        "en_verbs": set(lexicon.terms("site_name_stops", "en_verb")),
        "bodies": re.compile(rf"{alt(lexicon.terms('site_not_sites', 'body'))}$"),
        # A venue, or what is no place at all (가상공장, a virtual factory; 기반시설, infrastructure in general).
        "venues": re.compile(
            rf"{alt(lexicon.terms('site_not_sites', 'venue') + lexicon.terms('site_not_sites', 'not_place'))}$"
        ),
        "events": re.compile(alt(lexicon.terms("site_not_sites", "event"))),
        "held": re.compile(alt(lexicon.terms("site_venue_words", "held"))),
        "opening": re.compile(alt(lexicon.terms("site_venue_words", "opening"))),
        "program_in": re.compile(alt(lexicon.terms("site_not_sites", "program_word"))),
        # "'X' 공모", "X(MDC) 사업": a program's title (a gloss in brackets may stand between).
        "program_word": re.compile(
            rf"['’」\"”]?\s*(?:\([^)]{{1,20}}\)\s*)?{alt(lexicon.terms('site_not_sites', 'program_word'))}"
        ),
        # "A, B, C 등 7개 유형 가운데 고른다": the items of a list of kinds name no place.
        "kinds": re.compile(
            rf"['’」\"”]?(?:\s*,\s*[^,.]{{1,40}}?)*\s*등\s*\d+\s*개\s*{alt(lexicon.terms('site_not_sites', 'kinds'))}"
        ),
        # "디지털 트윈 시범구역 조성사업 공모": a call for a kind of place, where none is chosen yet.
        "call": re.compile(
            rf"['’」\"”]?\s*(?:{alt(lexicon.terms('site_build_words', 'verb'))}\s*)?(?:사업\s*)?"
            rf"{alt(lexicon.terms('site_not_sites', 'call'))}"
        ),
        "each": re.compile(alt(lexicon.terms("site_each", "each"))),
        "bullet": lexicon.char_class("list_marks", "inline", "arrow"),
        "role": re.compile(rf"['’」\"”]?\s*(?:으(?=로))?{alt(lexicon.terms('site_not_sites', 'role'))}"),
        # "판교테크노밸리에 견줄 만한 …", "구미국가산업단지 같은 주변 기관": a yardstick or an example, not a site.
        "compare": re.compile(rf"['’」\"”]?\s*{alt(lexicon.terms('site_not_sites', 'compare'))}"),
        "org_title": re.compile(rf"['’」\"”]?\s*{alt(lexicon.terms('site_not_sites', 'org_title'))}"),
        "place_before": re.compile(
            rf"(?:^|\s){alt(lexicon.terms('site_place_cues', 'before'))}\s+(?:the\s+)?$"
        ),
        # "X를 거점으로 … 돕는다": the name is the base the program works from.
        "place_after": re.compile(
            rf"['’」\"”]?\s*(?:을|를)\s*{alt(lexicon.terms('site_place_cues', 'after'))}"
        ),
        # "중앙시장 일대에서 … 실증한다": one word before `일대` (site_place_cues.tsv `around`) is the place the work is in.
        "around": re.compile(
            rf"(?<![가-힣A-Za-z0-9])([가-힣][가-힣A-Za-z0-9]{{1,11}})\s?{alt(lexicon.terms('site_place_cues', 'around'))}"
            r"(?:에서|에|를|을|의)?"
        ),
        # "the Korea Data Center Council": a body whose name goes on after the head.
        "en_org": re.compile(rf"\s+{alt(lexicon.terms('site_not_sites', 'en_org'))}\b"),
        "en_event_at": re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w&\-]*['’]s\s+)?$"),
    }


def _build_cues() -> dict[str, object]:
    """What builds a facility next to its name, and lists of places one head is said of."""
    alt = lexicon.alternation
    ko, _ = _korean_and_english_heads()
    builds_noun = alt(lexicon.terms("site_build_words", "verb"))
    builders = alt(lexicon.terms("site_build_words", "object") + lexicon.terms("site_build_words", "verb"))
    return {
        "build_after": re.compile(
            r"['’」\"”]?\s*(?:\([^)]*\)\s*)?['’」\"”]?\s*"
            rf"(?:(?:와|과)\s+[^,.'‘]{{1,{BUILD_LIST_CHARS}}}?)?(?:을|를)\s*{builders}"
        ),
        "built_by_program": re.compile(rf"\s*{alt(lexicon.terms('site_build_words', 'program'))}"),
        # "'AX 혁신 R&D 센터' 구축", "AI밸리 조성": a build noun right after the name builds it ("'X' 구축
        # 사업" names a program, which may or may not be the facility).
        "build_noun": re.compile(
            rf"['’」\"”]?\s*{builds_noun}(?:[을를에이가은는도](?![가-힣])(?!\s*목표)|(?![가-힣A-Za-z]))"  # "'X' 건립에 나선다"
            rf"(?!\s*{alt(lexicon.terms('site_not_sites', 'program_word'))})"
        ),
        "en_build_before": re.compile(
            rf"\b{alt(lexicon.terms('site_build_words', 'en_object'))}\s+(?:(?:an?|the|its|their|new)\s+)*$",
            re.I,
        ),
        "build_before": re.compile(
            rf"{builders}"
            r"[가-힣]{0,2}\s+['‘「\"“]?$"
        ),
        "counted": re.compile(
            rf"\s*{alt(lexicon.terms('site_each', 'list_end'))}?\s*(\d+)\s*{alt(lexicon.terms('site_each', 'counter'))}"
            rf"\s*(?:의\s*)?({alt(ko)})"
        ),
        "link": re.compile(rf"\s*{alt(lexicon.terms('site_each', 'link'))}\s*"),
        "list_end": re.compile(rf"(?:\s*{alt(lexicon.terms('site_each', 'list_end'))})?\s*에(?:는|서)?\s*"),
    }


def common(word: str) -> bool:
    """A word made only of common words, joined or not (설계지원 = 설계 + 지원), or a number."""
    generic = vocab()["generic"]
    if word.lower() in generic or re.fullmatch(r"\d[\d.]*", word):  # type: ignore[operator]
        return True
    if not re.fullmatch(r"[가-힣]{2,}", word):
        return False
    ok = [True] + [False] * len(word)
    for i in range(2, len(word) + 1):
        ok[i] = any(ok[j] and word[j:i] in generic for j in range(max(0, i - 6), i - 1))  # type: ignore[operator]
    return ok[-1]


# Three or more capitalised English words ("National AI Computing Center"; "of"/"and"/"for" may stand between).
_TITLE_CASE = re.compile(r"[A-Z][\w&\-]*(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w&\-]*){2,}")


def is_generic(name: str) -> bool:
    """True when every part of the name is a common word (AI 데이터센터, 설계지원센터, Data Center)."""
    if find_addresses(name) or _TITLE_CASE.fullmatch(name):
        return False  # "National AI Computing Center": an English name in capitals is a proper name
    parts = re.findall(r"제\d+|[A-Za-z&]+|\d[\d.]*|[가-힣]+", re.sub(r"\([^)]*\)", "", name))
    for suffix in vocab()["ko_heads"]:  # type: ignore[attr-defined]
        if parts and parts[-1].endswith(suffix):  # the longest head that ends the name (데이터센터, not 센터)
            if parts[-1] != suffix:
                parts[-1:] = [parts[-1][: -len(suffix)], suffix]
            break
    if parts and geocode(parts[0]) is not None:
        return False
    if len(parts) >= MIN_FIELD_NAME_PARTS and any(p in vocab()["field"] for p in parts[:-1]):  # type: ignore[operator]
        return False  # "AI 스타트업 캠퍼스": two qualifiers, one naming a field, make a name
    return all(common(p) for p in parts)
