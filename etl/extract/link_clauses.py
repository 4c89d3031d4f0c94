"""Clauses around an amount: where its own text ends, the name a cue right after it ties it to (named_after),
and whether a name or a pointer back shares its clause
(the program linker's tests of "the same clause", apart from the linker itself)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from etl import lexicon
from etl.extract.items_en import named_after_en
from etl.nlp import connective

# How far after an amount's first digit its own text can run: 24 characters hold the longest way an amount is
# written ("8,023억 6300만 원", "about 300 billion won").
AHEAD_SPAN = 32

# Where an amount's own text ends: its currency word, within the span an amount is written in.
_CURRENCY = re.compile(r"원|\bwon\b")
# Between an amount and a name after it: a clause break ("…", ";", a comma outside a number) or another amount
# means the name is another clause's or another amount's ("6조원을 투입하고, … 'AX 실증밸리' 조성에 6,000억원").
# An English figure's scale word stands between its digits and "won" ("150 billion won").
BREAK = re.compile(
    r"…|\.\.\.|;|,(?![0-9])|[0-9]\s*(?:조|억|만|천|(?:trillion|billion|million)[\s\-])?\s*(?:원|won\b)"
)


def amount_end(text: str, start: int) -> int:
    # The currency word of this amount, not of the next one: a list that leaves 원 to its last item ("만드는 데
    # 124억, 국민안전산업펀드 조성에 50억원") ends the first amount at its comma.
    stop = _LIST_COMMA.search(text, start, start + AHEAD_SPAN)
    m = _CURRENCY.search(text, start, stop.start() if stop else start + AHEAD_SPAN)
    return m.end() if m else start


_LIST_COMMA = re.compile(r",(?![0-9])")
COMMA = re.compile(r"…|\.\.\.|;|,(?![0-9])")  # a clause break other than an amount


def tied_ahead(text: str, start: int, name_at: int) -> bool:
    """A program named after the amount is its program only within the same clause, with no amount between, or
    when the text introduces it as the name of what the amount's clause described ("650 billion won will go to
    training institutions …, known as the Seoul Software Academy"; program_tie_cues.tsv `en_intro`)."""
    end = amount_end(text, start)
    if not BREAK.search(text, end, name_at):
        return True
    return bool(_introduced().search(text, end, name_at)) and not _AMOUNT.search(text, end, name_at)


@cache
def _introduced() -> re.Pattern[str]:
    cue = lexicon.pattern("program_tie_cues", "en_intro")
    return re.compile(rf"\b{cue}\s+(?:the\s+)?[\"“‘']?$")


# A figure of won in Korean ("93억원", "1조4600억원") or English ("9.3 billion won").
WON = re.compile(
    r"[0-9][0-9,.\s]*(?:조|억|만|천)?\s*원|\d[\d.,]*\s*(?:trillion|billion|million)\s*(?:won|KRW)"
)
# Another figure of won between a name and an amount.
_AMOUNT = re.compile(r"[0-9]\s*(?:조|억|만|천)?\s*(?:원|won\b)")


# A name marked as the topic: the first word ending in 은/는 comes before any figure.
_TOPIC = re.compile(r"[^0-9,]*?[가-힣A-Za-z)'’\"”](?:은|는)\s")


def clause_between(text: str, name_at: int, start: int, pointer: re.Pattern[str]) -> bool:
    """True when another amount and a finished clause stand between a name and the amount at `start` ("A 사업
    등이 4조원 깎이고 … 10조원이던"): the name is the other amount's. A split of one figure ("A 사업에 국비 100억원,
    지방비 50억원") has no verb between, and a pointer back ("여기에", "이 사업") names it again: both keep it."""
    between = text[name_at:start]
    if not _AMOUNT.search(between):
        return False
    if not any(connective(w) for w in between.split()):
        return _own_line(between) and not pointer.search(between)
    # "'A 사업'은 애초 16억원을 요구했지만 본예산에는 5억원만 편성됐고": a name as the topic (은/는) speaks for the
    # clauses after it up to a comma.
    if _TOPIC.match(between) and not COMMA.search(between):
        return False
    # "…들어갔는데, 내년에는 여기에 163억원이 더해졌다": a pointer back in the new clause keeps the name.
    return not pointer.search(between)


# The words after the last comma that follows another amount: the amount's own line of an enumeration.
_LINE_AFTER = re.compile(r"[0-9]\s*(?:조|억|만|천)?\s*원[^,]*,(?![0-9])([^,]*)$")


@cache
def _not_own() -> re.Pattern[str]:
    # Words a split of one figure or its next year may hold ("…100억원, 지방비 50억원", "…, 내년에는 150억원"): a
    # year, a time or share word (program_line_not_own.tsv), a bracket's figures.
    return re.compile(
        rf"(?:(?:19|20)?\d\d년도?|{lexicon.pattern('program_line_not_own')})(?:에는|에도|에|은|는|엔)?|[^가-힣A-Za-z]*"
    )


@cache
def _kind_word() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_kind_before") + r"(?:은|는|이|가|도|만|로|으로)?")


def _own_line(between: str) -> bool:
    """ "AI 단지 조성 141억원, 입주기업 보조금 10억원", "A 사업을 넓히는 데 88억원, 축산단지에 225억원": after
    another amount and a comma the amount's clause holds words of its own (not a time, a payer or a share word
    only: "A 사업에 국비 100억원, 지방비 50억원" is a split of one line): it is a line of its own, and a name
    before the other amount is that amount's."""
    m = _LINE_AFTER.search(between)
    # "2,805억원(150종, 종별 단가 18.7억원)": a comma inside the bracket after a figure parts that figure.
    if m is None or between.count("(", m.start()) > between.count(")", m.start()):
        return False
    words = [w for w in m.group(1).split() if not _not_own().fullmatch(w) and not _kind_word().fullmatch(w)]
    return any(re.search(r"[가-힣A-Za-z]{2}", w) for w in words)


def in_clause(
    text: str, start: int, cue: re.Pattern[str], breaks: re.Pattern[str] = BREAK
) -> Iterator[re.Match[str]]:
    """The matches of `cue` in the amount's own clause, before or after it: no `breaks` between them and it."""
    end = amount_end(text, start)
    for m in cue.finditer(text):
        lo, hi = (m.end(), start) if m.start() < start else (end, m.start())
        if not breaks.search(text, lo, hi):
            yield m


def same_clause(text: str, start: int, cue: re.Pattern[str]) -> bool:
    """A pointer back ("이 사업", "the program") in the amount's own clause, before or after it."""
    return next(in_clause(text, start, cue), None) is not None


# "450억원 규모의 '지역 AI 사업'", "80억 원이 배정됐던 'AI기반…선도'": the amount describes the quoted name
# after it. The amount's own text comes first: up to AHEAD_SPAN characters ("8,023억 6300만 원", "about 300 billion won").


def named_after(text: str, start: int) -> str | None:
    """The name a cue right after the amount at `start` ties it to (quoted in Korean, "is earmarked for
    international joint R&D" in English), or None. Matched from the amount's end, so that a figure's own
    comma or point ("8,410억원", "124.1 billion won") does not stand in the way."""
    end = amount_end(text, start)
    if end == start:
        return None
    m = _ahead().match(text, end) or _ahead_en().match(text, end) or named_after_en(text, end)
    # "key national technologies such as bio, AI …": a field with examples, not a program.
    if m is None or re.match(r"\s*" + lexicon.pattern("program_en_name_stops", "category"), text[m.end() :]):
        return None
    if gerund(m.group(1)):
        return None
    return m.group(1).strip()


@cache
def _ahead_en() -> re.Pattern[str]:
    # The English name runs to the end of its clause (a comma, a point, "and", a bracket) or to a word that
    # starts what is said of it ("this year", "over ten years", "in Gwangju"): two to six words.
    cue = lexicon.pattern("program_tie_cues", "en_before")
    stop = lexicon.pattern("program_en_name_stops")
    word = r"[A-Za-z][\w&\-]*"
    return re.compile(
        # "a separate project", "an extra fund": an indefinite article names nothing.
        rf"\s*(?:\([^()]{{0,30}}\)\s*)?{cue}\s+(?!an?\s)(?:the\s+)?"
        rf"((?!{stop}\b){word}(?:\s+(?!and\b|{stop}\b){word}){{1,5}})(?=\s*(?:[,.;(]|and\b|{stop}\b|$))"
    )


@cache
def _ahead() -> re.Pattern[str]:
    cue = lexicon.pattern("program_tie_cues", "before")
    return re.compile(rf"\s*(?:이|가)?\s*{cue}\s*['‘\"“「『]([^'’\"”」』]{{2,40}})['’\"”」』]")


_GERUND = re.compile(r"[a-z]+ing\b")


def gerund(name: str) -> bool:
    """ "2.8 billion won will go to developing medical equipment": a name after an English tie cue that opens with
    a gerund says what the money does, a purpose."""
    return bool(_GERUND.match(name))


def grouped(text: str, cue: re.Pattern[str], lo: int, start: int) -> bool:
    """A group cue ("등") after the name at `lo`, before the amount at `start`, with no comma between the name and it:
    "'A 펀드' 조성 등 … 3656억 원" is a group's money that A is one example of; in "A로 정부는 공공, 산업융합, 지역 등
    4개 분야에서 … 206억원" the cue closes a list of areas, not of programs."""
    m = cue.search(text, lo, start)
    return m is not None and not COMMA.search(text, lo, m.start())
