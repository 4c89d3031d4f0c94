"""Institution rules whose words live in `etl/resources/lexicon/inst_*.tsv` (the contexts that make a name no
actor are read in etl/extract/inst_context.py).

- `inst_role_cues`: a word that gives the institutions near it a role (lead, participant, host, funder, partner;
  `spend` is a funder that spends money; `none` is a longer phrase holding a cue that is no cue: 투자를 유치).
- `inst_forms`: name endings that make a word an institution outside the gazetteer (…대학교, …테크노파크).
- `inst_generic`: endings that make such a word a generic noun instead (지정심사위원회, 박사후연구원).
- `inst_list_cues`: what marks an enumeration of institutions (`X 컨소시엄`, `3개 지자체(…)`, `… 등`).
- `inst_context`: the context that makes a name no actor (an old name in parentheses, a photo caption,
  a bilateral prefix as in 한-EU, an English district after `in`: an address, a member's title glued to a
  legislature: 국회의원, a comparison: X처럼, the capital standing for the government: Seoul signs, a data source:
  X가 낸 자료, a legislature's building: 국회 의원회관에서, a party before its member's title: a X Party lawmaker) and the
  separator of a masthead; `sub_unit`: the unit words of a body's parts (전남대학교 수의과대학).
- `inst_local_en` (read in inst_english): how English writes a 시, 군 or 도 after its romanised name (Donghae-si, Uiseong County).
- `inst_en_endings` (read in inst_english): English endings written two ways: a local government's administration (… Provincial
  Government for … Province), abbreviations (Corp. for Corporation).
- `inst_not_actor`: forums (never actors), groupings and parties (actors only as the subject: a party beside a
  lawmaker is the person's affiliation), legislatures (pass budgets: their role stays `mentioned`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from etl import lexicon
from etl.normalize import PARTICLES_AFTER_NAME, compact_key

ROLE_CUES = "inst_role_cues"
FORMS = "inst_forms"
GENERIC = "inst_generic"
LIST_CUES = "inst_list_cues"

# A list item is one or two words; a role in parentheses may follow it (충남대(주관), 한국과학기술원(KAIST·카이스트)).
# 16 characters hold the longest such note in our fixtures (`KAIST·카이스트`) with room; a longer parenthetical is prose.
_PAREN_NOTE = 16
# The marks that separate listed items inside a sentence (lexicon list_marks: △충남대 △공주대).
_ITEM_MARKS = lexicon.char_class("list_marks", "inline", "arrow")
_WORD = rf"(?!and )[^\s,·ㆍ、()\[\]'\"‘’“”:/–{_ITEM_MARKS}]+"  # English `and` joins the last item
_ITEM = rf"{_WORD}(?:[ ]{_WORD})?(?:\s*\([^()]{{1,{_PAREN_NOTE}}}\))?"
# A comma before a digit is inside a number (5조1,000억원); `A, B and C`, `A and B`: English joins the last with `and`.
_SEP = r"(?:\s*(?:,(?!\d)|[·ㆍ、])\s*(?:and )?| and )"
# A run starts where a word starts, so the engine tries it once per word, not once per character.
_RUN = re.compile(rf"(?:^|(?<=[\s(\['\"‘“]))(?:{_ITEM})(?:{_SEP}{_ITEM})+")
_ITEM_IN_RUN = re.compile(rf"(?:and )?({_WORD}(?:[ ]{_WORD})?)(?:\s*\([^()]{{1,{_PAREN_NOTE}}}\))?")
# Where a `X 컨소시엄` line starts its name: the sentence start or a list mark (–, :, /, △, ○, ·, a comma).
_MEMBER_START = rf"(?:^|(?<=[–:/{_ITEM_MARKS},·])|(?<=[–:/{_ITEM_MARKS},·]\s)|(?<=\s[-–]\s))\s*"
_LEGAL_FORM = re.compile(r"^(?:\(재\)|\(주\)|\(사\)|㈜|재단법인\s*|주식회사\s*)")
# A name is at least two characters; a member longer than 24 characters is a clause, not a name.
_MIN_NAME, _MAX_NAME = 2, 24


@dataclass(frozen=True)
class Member:
    """A list member that no earlier rule found: its span in the sentence and its surface."""

    start: int
    end: int
    surface: str


def _key(term: str) -> str:
    return compact_key(term)


@cache
def role_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """The alternation of every role cue and its meaning by normalised term."""
    index = {_key(e.term): e.meaning for e in lexicon.entries(ROLE_CUES)}
    return re.compile(_first_letter(lexicon.terms(ROLE_CUES)) + lexicon.pattern(ROLE_CUES)), index


def _first_letter(terms: list[str]) -> str:
    """A lookahead on the terms' first letters (both cases), computed from the vocabulary: the engine skips
    most positions with one character test instead of trying every branch there."""
    first = {c for t in terms for c in (t[0], t[0].swapcase())}
    return "(?=[" + re.escape("".join(sorted(first))) + "])"


def cue_meaning(matched: str) -> str:
    """The meaning of a matched role cue (spaces and case ignored)."""
    return role_cues()[1][_key(matched)]


@cache
def forms() -> dict[str, str]:
    """Name ending → the institution type it implies."""
    return lexicon.meanings(FORMS)


# `'자율운항선박 기술개발사업 통합사업단'을 출범시켰다`: a quoted name of several words that ends in a name form.
_QUOTED = re.compile(r"['‘\"“](?P<name>[^'’\"”\n]{2,40}?)['’\"”](?=\(|[가-힣]{0,3}(?![가-힣]))")


def quoted_forms(text: str) -> list[tuple[int, int, str]]:
    """Spans and types of quoted names with a space in them that end in a name form and are not generic."""
    if "'" not in text and "‘" not in text and '"' not in text and "“" not in text:
        return []
    out = []
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        form = next((f for f in sorted(forms(), key=len, reverse=True) if name.endswith(f)), None)
        if form == "위원회":
            continue  # `'AI 시대의 신산업정책 위원회'`: a quoted committee is mostly an ad-hoc one, no institution
        if form and " " in name and len(name) > len(form) and not generic_head(name.rsplit(" ", 1)[-1]):
            out.append((m.start("name"), m.end("name"), forms()[form]))
    return out


@cache
def _generic_end() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.pattern(GENERIC)}$")


def generic_head(surface: str) -> str | None:
    """The generic ending of a name found by its form (지정심사위원회 → 심사위원회), else None. A longer name form
    wins over a shorter generic ending (IBK투자증권 ends in the form 증권, not in the region ending 권)."""
    m = _generic_end().search(surface)
    if not m or any(surface.endswith(f) and len(f) > len(m.group()) for f in forms()):
        return None
    return m.group()


@cache
def _member_tail() -> re.Pattern[str]:
    tail = lexicon.pattern(LIST_CUES, "member_tail")
    return re.compile(rf"{_MEMBER_START}(?P<name>{_WORD})[ ]+{tail}")


def consortium_members(text: str) -> list[Member]:
    """`– 휴인스 컨소시엄`, `국방부 / 에스큐아이소프트 컨소시엄`: the one word before 컨소시엄 after a list mark."""
    if not _tail_word().search(text):
        return []  # one literal search spares the position-by-position start test in most sentences
    return [Member(m.start("name"), m.end("name"), m.group("name")) for m in _member_tail().finditer(text)]


@cache
def _tail_word() -> re.Pattern[str]:
    return re.compile(lexicon.pattern(LIST_CUES, "member_tail"))


# Up to three modifiers stand between the close and the kind (`등 도내 주요 자동차부품기업`); more is a new clause.
_KIND_WORDS = 3


@cache
def _list_marks() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    head = re.compile(rf"{lexicon.pattern(LIST_CUES, 'list_head')}\s*\($")
    close = re.compile(
        rf"\s*\)?\s*{lexicon.pattern(LIST_CUES, 'list_close')}(?:이|을|과|와|의|은|도|에)?(?![가-힣])"
    )
    # `경남, 대구, 울산 등 5개 광역 지방정부`: a count of list heads after the close names the members' kind.
    counted = re.compile(rf"\s*\d+\s*개\s*(?:[가-힣]+\s+)?{lexicon.pattern(LIST_CUES, 'list_head')}")
    # `코렌스, 대신금속 등 도내 주요 자동차부품기업의`: a list head ending the words after the close names the kind.
    kinded = re.compile(
        rf"\s*(?:[가-힣A-Za-z]+\s+){{0,{_KIND_WORDS}}}[가-힣A-Za-z]*?{lexicon.pattern(LIST_CUES, 'list_head')}"
        rf"들?(?:{PARTICLES_AFTER_NAME})?(?![가-힣])"
    )
    return head, close, counted, kinded


@cache
def _region_head() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`지자체와 맺은 협약은 5개 지역(부산, 대구, …)`: a count of regions heads a list of local governments when the
    sentence has named local governments before it."""
    region = re.compile(rf"{lexicon.pattern(LIST_CUES, 'region_head')}\s*\($")
    return region, re.compile(lexicon.pattern(LIST_CUES, "region_body"))


@cache
def _close_word() -> re.Pattern[str]:
    return re.compile(lexicon.pattern(LIST_CUES, "list_close"))


def has_list_close(text: str) -> bool:
    """The sentence holds a word that closes a list (등): one literal search before the list rules run."""
    return bool(_close_word().search(text))


@dataclass(frozen=True)
class Enumeration:
    """One comma- or dot-separated run: its items, and whether the text names it as a list of institutions."""

    items: list[Member]
    headed: bool  # `5개 광역지자체(부산·대구·…)`, `부산, 대구 등 2개 광역 지방정부`
    closed: bool  # `… 등 8개 기관`
    kinded: bool = False  # `… 등 도내 자동차부품기업`: the close followed by the members' kind


def enumerations(text: str) -> list[Enumeration]:
    """Every run of two or more items separated by `,` `·` `、` in a sentence."""
    head, close, counted, kinded = _list_marks()
    out = []
    for run in _RUN.finditer(text):
        items = [
            Member(run.start() + m.start(1), run.start() + m.end(1), m.group(1)) for m in _items(run.group())
        ]
        if len(items) < 2:
            continue
        last = items[-1]
        # `…, 충북테크노파크 등 4개 기관`: the run's last item may have taken the closing word as its second word.
        closing = close.match(text, run.end()) or (
            close.match(text, last.start + last.surface.index(" ")) if " " in last.surface else None
        )
        if closing and closing.start() < run.end():
            last = Member(last.start, closing.start(), text[last.start : closing.start()])
        items = [
            _trim_first(items[0]),
            *map(_trim_english_lead, items[1:-1]),
            _trim_last(last, bool(closing)),
        ]
        before = text[: run.start()]
        region, body = _region_head()
        headed = bool(
            head.search(before)
            or (closing and counted.match(text, closing.end()))
            or (region.search(before) and body.search(before))
        )
        kind = bool(closing and kinded.match(text, closing.end()))
        out.append(Enumeration(items, headed, bool(closing), kind))
    return out


# `'싱헬스' 등 해외 기업·기관 8곳`: one quoted name closed by 등 and the members' kind is a list of one.
_QUOTED_ONE = re.compile(r"(?:^|(?<=[\s(]))['‘\"“](?P<name>[^\s'’\"”,·]{2,16})['’\"”]\s*(?=등)")


def quoted_single(text: str) -> list[Member]:
    """A quoted name closed by 등 and followed by the kind of its members (기업, 기관): a list of one."""
    if "등" not in text:
        return []
    _, close, _, kinded = _list_marks()
    out = []
    for m in _QUOTED_ONE.finditer(text):
        closing = close.match(text, m.end())
        if closing and kinded.match(text, closing.end()):
            out.append(Member(m.start("name"), m.end("name"), m.group("name")))
    return out


# `세창스틸 등 3개사의 공정 데이터`: one word closed by 등 and a count of companies (N개사) is a list of one.
_COMPANIES_ONE = re.compile(r"(?:^|(?<=[\s(]))(?P<name>[^\s'’\"”,·()]{2,16})\s+등\s*\d+\s*개사")


def counted_single(text: str) -> list[Member]:
    """A word closed by 등 and a count of companies (`X 등 3개사`): a list of one."""
    if "개사" not in text:
        return []
    return [Member(m.start("name"), m.end("name"), m.group("name")) for m in _COMPANIES_ONE.finditer(text)]


def _items(run: str) -> list[re.Match[str]]:
    return [m for m in _ITEM_IN_RUN.finditer(run) if m.group(1)]


def _trim_first(item: Member) -> Member:
    """The first item may hold the word before the list (`비롯해 베네포스`): keep its last word."""
    if " " not in item.surface:
        return item
    cut = item.surface.rindex(" ") + 1
    return Member(item.start + cut, item.end, item.surface[cut:])


def _trim_english_lead(item: Member) -> Member:
    """`…, including Busan, North Jeolla and …`: a lower-case English word before a capitalised one is no part of
    the name."""
    first, _, rest = item.surface.partition(" ")
    if not (item.surface.isascii() and rest and first[:1].islower() and rest[:1].isupper()):
        return item
    return Member(item.end - len(rest), item.end, rest)


def _trim_last(item: Member, closed: bool) -> Member:
    """The last item may run into the verb (`서남해안기업도시개발이 함께한다`): keep its first word, less a particle;
    before a closing `등` both its words are the name (`시드인베스트먼트 자산운용 등`), and so are two capitalised
    English words, a particle after them aside (`BK Energy and …`, `ZINOL D&C와`: an English verb is lower-case)."""
    latin = re.sub(r"[가-힣]+$", "", item.surface)
    english_name = latin.isascii() and all(w[:1].isupper() for w in latin.split(" "))
    keep = closed or " " not in item.surface
    surface = item.surface if keep else latin if english_name else item.surface.split(" ")[0]
    m = re.search(r"(?:이|가|은|는|을|를|와|과|도|의|에|로|으로|까지)$", surface)
    if m and len(surface) - len(m.group()) >= _MIN_NAME and not surface.isascii():
        surface = surface[: m.start()]
    return Member(item.start, item.start + len(surface), surface)


def clean_member(surface: str) -> tuple[int, str]:
    """Drop a legal-form prefix ((재), ㈜); returns how many characters were dropped and the rest."""
    m = _LEGAL_FORM.match(surface)
    cut = m.end() if m else 0
    return cut, surface[cut:]


def plausible_length(name: str) -> bool:
    """Long enough to be a name, short enough not to be a clause."""
    return _MIN_NAME <= len(name) <= _MAX_NAME


# `LG Electronics, LG Energy Solution, Robostar and WeRobotics take part`: an English list of capitalised names of
# up to five words each, the last joined by `and`.
_EN_ITEM = r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4}"
_EN_LIST = re.compile(rf"(?<![\w&.'-])(?:{_EN_ITEM})(?:, {_EN_ITEM})+,? and {_EN_ITEM}(?![\w&'-])")
_EN_SPLIT = re.compile(r",? and |, ")
# A list holding this many known bodies is a list of bodies.
_EN_KNOWN = 2


def english_list_members(text: str, known: list[tuple[int, int]]) -> list[Member]:
    """The unknown items of an English list whose items include at least two known bodies (exact spans)."""
    if " and " not in text:
        return []
    out = []
    for run in _EN_LIST.finditer(text):
        items, pos = [], run.start()
        for part in _EN_SPLIT.split(run.group()):
            start = text.index(part, pos)
            items.append(Member(start, start + len(part), part))
            pos = start + len(part)
        exact = [i for i in items if (i.start, i.end) in known]
        if len(exact) >= _EN_KNOWN:
            out += [i for i in items if all(i.end <= a or i.start >= b for a, b in known)]
    return out
