"""What a facility-like name is not: a body, a venue, a ceremony's place, a role, a program; what builds it;
whether a word is a place or a port.

`site_names` finds names; these tests, on the lexicon words in `site_vocab`, keep or drop them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from etl import lexicon
from etl.extract.institutions import lookup as institution
from etl.extract.places import find_addresses
from etl.extract.site_vocab import common, name_key
from etl.extract.site_vocab import vocab as _vocab

# A name less its place must keep this many characters to name one facility (창원국가산단, not 센터).
MIN_CORE_CHARS = 4
# "X에서 열린 '○○ 사업' 발족식": a ceremony word this many characters after "X에서" makes X a venue.
EVENT_WINDOW = 30
# "X에서 열린 'AI 데이터센터 II' 준공식": an opening word this many characters after X (a quoted name between).
HELD_WINDOW = 60
# Names are single-quoted in Korean news; double quotes carry speech (in English they also mark names).
# The last letter of an administrative unit (읍, 면, 동, 리, 시, 군, 구; a province is in the gazetteer) after a name of its own.
_ADMIN_END = re.compile(r"..[읍면동리시군구]$")
QUOTED = re.compile(r"['‘「]([^'’」\n]{2,40}?)['’」]")


def builds(text: str, start: int, end: int) -> bool:
    """The name is what a build verb (site_build_words.tsv) makes: `X를 세운다`, `X와 Y를 만든다`, `세워질 'X'`."""
    v = _vocab()
    if v["build_after"].match(text, end) or v["build_noun"].match(text, end):  # type: ignore[attr-defined]
        return True
    return v["build_before"].search(text, max(0, start - 12), start) is not None  # type: ignore[attr-defined]


# "옛 동부소방서를 고쳐 짓고 있는 'X'", "유휴부지에 'X' 조성": the land or old building and the quoted name
# built on it ("송도캠퍼스 부지에 … 데이터 플랫폼 캠퍼스를 꾸린다" tells of two places).
_BUILT_ON = re.compile(
    rf"(?:\s*{lexicon.pattern('site_same', 'land')})?\s*(?:에|을|를)(?:\s[^,.'‘]{{0,40}}?)?\s*['‘「]"
)
_LAND = re.compile(rf"^{lexicon.pattern('site_same', 'land')}\s|{lexicon.pattern('site_same', 'land')}$")


def built_on(text: str, land: str, end: int, start: int) -> bool:
    """`land` (a lot, a former building: site_same.tsv `land`) is where the name at `start` is built."""
    return _LAND.search(land) is not None and _BUILT_ON.fullmatch(text, end, start) is not None


def glossed(text: str, end: int, inner: tuple[int, int]) -> bool:
    """ "송도캠퍼스(AI 기반 IOIC·Inha Open Innovation Campus)": the name at `inner`, in brackets right after a
    name ending at `end`, glosses it."""
    if not text.startswith("(", end):
        return False
    close = text.find(")", end)
    return close >= inner[1] and "(" not in text[end + 1 : inner[0]]


def _place_core(name: str) -> tuple[str, str]:
    """The place a name opens with (its full address) and the merge key of the rest, less a land word at its end."""
    lead = [a for a in find_addresses(name) if a[1] == 0]
    rest = name[lead[0][2] :] if lead else name
    rest = re.sub(rf"\s*{lexicon.pattern('site_same', 'land')}$", "", rest)
    return (lead[0][0] if lead else ""), name_key(rest)


def same_place_name(a: str, b: str) -> bool:
    """Two names of one facility: the same name after their places, one place within the other
    ("판교 AI 교육연구시설 부지" and "성남 AI 교육연구시설"; not "광주 AI 데이터센터" and "전남 AI 데이터센터")."""
    (pa, ca), (pb, cb) = _place_core(a), _place_core(b)
    if ca != cb or len(ca) < MIN_CORE_CHARS or not (pa or pb):
        return False
    return pa.startswith(pb) or pb.startswith(pa)


def org_keys(text: str) -> set[str]:
    """Keys of facility-like words followed by a title (웅천에이아이캠퍼스 대표): companies, in the whole text."""
    v = _vocab()
    out = set()
    for m in v["ko_core"].finditer(text):  # type: ignore[attr-defined]
        if v["org_title"].match(text, m.end()):  # type: ignore[attr-defined]
            out.add(name_key(m.group(1)))
    return out


def place_before(text: str, start: int) -> bool:
    """An English name right after `in`/`at`/`inside` (site_place_cues.tsv) is a place."""
    return _vocab()["place_before"].search(text, max(0, start - 12), start) is not None  # type: ignore[attr-defined]


def place_after(text: str, end: int) -> bool:
    """A Korean name right before `을 거점으로` (site_place_cues.tsv `after`) is where the program works from."""
    return _vocab()["place_after"].match(text, end) is not None  # type: ignore[attr-defined]


def is_program(name: str, program_keys: Collection[str]) -> bool:
    """The name is a program's (국가 AI 연구거점), or a shortening of it (국가 AI거점)."""
    key = name_key(name)
    for pk in program_keys:
        if key == pk or (len(key) >= 4 and pk.endswith(key)):  # "AI 연구거점" of 국가 AI 연구거점
            return True
        it = iter(pk)
        if key[:2] == pk[:2] and key[-2:] == pk[-2:] and all(ch in it for ch in key):
            return True
    return False


def is_not_site(text: str, name: str, end: int) -> bool:
    """A body named like a facility (경남테크노파크, a gazetteer institution), a venue, or where a ceremony is held."""
    v = _vocab()
    if v["bodies"].search(name) or v["venues"].search(name) or institution(name) is not None:  # type: ignore[attr-defined]
        return True
    if v["org_title"].match(text, end) or v["en_org"].match(text, end):  # type: ignore[attr-defined]
        return True  # "김철수 한빛캠퍼스 대표": a company named like a facility
    if v["role"].match(text, end) or v["compare"].match(text, end):  # type: ignore[attr-defined]
        return True  # "충청권 AI 산업 허브로 도약": a role a region aims at, not a facility
    start = end - len(name)
    if v["en_event_at"].search(text, max(0, start - 40), start) and v["events"].search(  # type: ignore[attr-defined]
        text, max(0, start - EVENT_WINDOW - 10), start
    ):
        return True  # "a meeting at KAIST's Dogok Campus": the venue of an event
    if v["program_word"].match(text, end) or v["call"].match(text, end) or v["kinds"].match(text, end):  # type: ignore[attr-defined]
        return True  # "'AX 실증산단' 공모": the title of a call
    if QUOTED.match(text, end + 1) and text[end : end + 1] == " ":
        return True  # "한미 AI 공동연구 거점 '글로벌 AI 프론티어랩'": a description of the quoted name
    # "X 대학본부에서 … 협약을 맺는다": a room or building of X between the name and 에서
    at = re.match(r"['’」\"”]?(?:\s[가-힣]{2,5})?\s*에서(?![는도])", text[end:])
    # "X에서 … 사업단 발대식을 연다": the ceremony of its clause; a comma between listed names ends no clause
    # ("X에서 A, B, C와 업무협약을 맺었다"), one after a verb does ("X에서 열고, …").
    clause = _CLAUSE_END.search(text, end)
    stop = end + max(EVENT_WINDOW, clause.start() - end if clause else len(text))
    if not at:
        return False
    if v["events"].search(text, end, stop):  # type: ignore[attr-defined]
        return True
    # "X에서 열린 위원회": where something is held is a venue, unless what is held opens the facility there
    # ("X에서 열린 ○○센터 개소식": the centre is in X), site_venue_words.tsv.
    held = v["held"].search(text, end, stop)  # type: ignore[attr-defined]
    return held is not None and v["opening"].search(text, end, end + HELD_WINDOW) is None  # type: ignore[attr-defined]


def is_place_word(text: str, start: int, end: int) -> bool:
    """text[start:end] is a place name on its own, not the end of a longer address (울산 울주군)."""
    found = find_addresses(text[:end])
    return bool(found) and found[-1][1] == start and found[-1][2] == end


_CLAUSE_END = re.compile(r"[.]|다\s|(?:고|며|서|면|는데|지만),")
_LIST_END = re.compile(r" 등(?![가-힣])")  # "광양항 등 항만 세 곳": a list's end after the port


def is_port(text: str, m: re.Match[str]) -> bool:
    """`부산항에서`, `진해신항(8350억원)`: a city's name glued to 항/신항 (site_heads.tsv `port`) names its port.

    Not `포항` (no place before 항), `부산항만공사` (항만) or `부산신항 김해고속도로`, where the port only
    qualifies the word after it; another head may follow (부산항 신항).
    """
    if not is_place_word(text, m.start(), m.end() - len(m.group(2))) or text.startswith("만", m.end()):
        return False
    if not text.startswith(" ", m.end()):
        return True
    return bool(_LIST_END.match(text, m.end()) or _vocab()["ko_chain"].match(text, m.end()))  # type: ignore[attr-defined]


def glued_noun(text: str, m: re.Match[str]) -> bool:
    """The word a head ends is no verb: Kiwi, reading it between its neighbours, finds no verb or ending in it
    ("남기지 않고": 남기 + 지; "동대구벤처밸리" stays a name)."""
    word = m.group(1)
    if not re.fullmatch(r"[가-힣]+", word):
        return True
    before = text[max(0, m.start() - 12) : m.start()].split(" ")[-2:][0]
    after = " ".join(text[m.end() : m.end() + 12].split(" ")[0:2])
    return not _has_verb(before, word, after)


@lru_cache(maxsize=4096)
def _has_verb(before: str, word: str, after: str) -> bool:
    from etl.nlp import get_kiwi

    lo = len(before) + 1
    tokens = get_kiwi().tokenize(f"{before} {word}{after}")
    return any(t.tag[0] in "VE" for t in tokens if lo <= t.start < lo + len(word))


def gloss_spans(text: str, cands: list[tuple[str, int, int, bool]]) -> list[tuple[int, int]]:
    """Spans of the brackets right after a candidate name ("인공지능 혁신 파크(AI Innovation Park)")."""
    out = []
    for _, _, end, _ in cands:
        close = text.find(")", end) if text.startswith("(", end) else -1
        if close > 0:
            out.append((end + 1, close))
    return out


def glued_list(text: str, m: re.Match[str]) -> list[tuple[str, int, int, bool]]:
    """`하회·양동·도산서원 등 3개 서원`: items sharing the head glued to the last, one site each.

    Only when a count of the head right after says how many there are (site_each.tsv `counter`), since
    `로봇·자동차·조선·공장` (fields) and `보령시장·웅천캠퍼스` (two names) are lists of another kind.
    """
    head, items = m.group(2), m.group(1).split("·")
    last = items[-1]
    if len(items) < 2 or last == head or not all(items[:-1]):
        return []
    count = _vocab()["counted"].match(text, m.end())  # type: ignore[attr-defined]
    if not count or int(count.group(1)) != len(items) or count.group(2) != head:
        return []
    out, pos = [], m.start()
    for item in items:
        name = item if item == last else item + head
        out.append((name, pos, pos + len(item), False))  # counted: the text says each is a facility
        pos += len(item) + 1
    return out


def vicinities(text: str, addresses: list[tuple[str, int, int]]) -> list[tuple[str, int, int, bool]]:
    """`중앙시장 일대에서`, `충장로 일대에서`: a named market, street or island the work is around is its site;
    an address (`답내리 일대`, `판교 일대`), a pointer (`이 일대`) or a common word is not."""
    out = []
    for m in _vocab()["around"].finditer(text):  # type: ignore[attr-defined]
        word, start, end = m.group(1), m.start(1), m.end(1)
        if any(a[1] < end and start < a[2] for a in addresses) or common(word) or word in _vocab()["stops"]:  # type: ignore[operator]
            continue
        if _ADMIN_END.search(word):
            continue  # "답내리 일대": a village, town or district is an address, not a site
        out.append((word, start, end, False))
    return out
