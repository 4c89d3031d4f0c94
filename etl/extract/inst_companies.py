"""Companies outside the gazetteer, found by what Korean writing puts around a company's name.

A company's name has no ending of its own (지엔씨에너지, 코렌스), but the text marks it: a legal form glued to it
(`㈜한빛로보틱스`, `누리솔루션㈜`, `새봄데이터센터(유)`, `주식회사 하늘정밀`), or its head named with it (`박민수
한결에너지 대표이사`, `태왕디엔디(대표 이종경)`), or a class noun names what it is right before it (`국내 기업
아이도트는`, `사업 주관사인 메타인프라가`). The words live in `etl/resources/lexicon/inst_company_marks.tsv`
(`legal_before`, `legal_after`, `head_title`, `class_before`).
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract import inst_rules
from etl.normalize import PARTICLES_AFTER_NAME

MARKS = "inst_company_marks"
_PARTICLE = rf"(?:{PARTICLES_AFTER_NAME})?(?![가-힣])"
# A company's name is one word of Hangul, Latin letters, digits and `&` (한전KDN, SK&D).
_NAME = r"[가-힣A-Za-z0-9&]"
# A person's Korean name is two to four syllables (김용성, 남궁민수).
_PERSON = r"[가-힣]{2,4}"
# A publisher's imprint in a page footer (`(주)뉴시스 | 서울특별시 중구`): a byline, not an actor.
_IMPRINT = re.compile(r"\s*\|")
# The particle that makes a name after its class noun the subject, object or partner of its clause (not 에 or 의:
# `기업 지원에`, `기업 성장의` go on with the noun phrase).
_CASE = r"(?:은|는|이|가|을|를|와|과|도)(?![가-힣])"
_QUOTE_OPEN, _QUOTE_CLOSE = "'‘\"“", "'’\"”"
# A head named beside a company speaks for it only where the sentence makes a deal (협약, MOU, 투자): a head
# listed among a ceremony's guests (`이윤철 울산상공회의소 회장 … 등 100여 명이 함께한다`) brings no actor.
_DEAL = {"partner", "spend", "funder"}
# A company's name holds no particle, ending, verb or suffix (제조기업들은: 들 XSN + 은 JX is prose); Kiwi may read
# its parts as anything else (한결에너지: MAG + NNG, 새솔데이터: MM + NNG).
_NOT_IN_NAME = ("J", "E", "V", "XS")
# Kiwi tags a person's name as nouns (김용성 NNP; 안병철 in context NNP, alone MAG+NNG): any other tag (벌이는 VV+ETM,
# 의원은 +J) says the word before the company is no person.
_PERSON_TAGS = {"NNP", "NNG", "NR", "MAG"}
# A name after its class noun is made of nouns, Latin letters and digits, the first proper or Latin (Kiwi's
# unknown words count as proper: 코렌스), so `기업 기술개발을` and `기업 오픈이노베이션을` are none.
_NAME_TAGS = {"NNP", "NNG", "SL", "SN", "SH"}
_PROPER = {"NNP", "SL"}


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    before = lexicon.pattern(MARKS, "legal_before")
    after = lexicon.pattern(MARKS, "legal_after")
    title = lexicon.pattern(MARKS, "head_title")
    return (
        # ㈜한빛로보틱스와, 주식회사 하늘정밀과: the shortest name before a particle
        re.compile(rf"(?<![가-힣A-Za-z0-9]){before}\s*(?P<name>{_NAME}{{2,}}?){_PARTICLE}"),
        # 누리솔루션㈜과, 바다정보(주)와
        re.compile(rf"(?<![가-힣A-Za-z0-9&])(?P<name>{_NAME}{{2,}}){after}"),
        # 박민수 한결에너지 대표이사와, 김용성 ㈜금강 회장: a person, the company, the person's title
        re.compile(
            rf"(?<![가-힣A-Za-z0-9])(?P<person>{_PERSON})[ ]+(?:{before})?(?P<name>{_NAME}{{2,}})[ ]+{title}"
            rf"{_PARTICLE}"
        ),
        # 태왕디엔디(대표 이종경): the company, its head in parentheses
        re.compile(rf"(?<![가-힣A-Za-z0-9&])(?P<name>{_NAME}{{2,}})\({title}\s*{_PERSON}\)"),
        # 국내 기업 아이도트는, 사업 주관사인 메타인프라는, UAE 국영 기업 SPACE42는, 선도기업 'DRB오토메이션'과
        re.compile(
            rf"(?P<cls>{lexicon.pattern(MARKS, 'class_before')}|{lexicon.pattern(MARKS, 'class_none')})(?:인)?[ ]+(?:[{_QUOTE_OPEN}](?P<quoted>[^{_QUOTE_CLOSE}]{{2,24}})"
            rf"[{_QUOTE_CLOSE}]|(?P<word>{_NAME}{{2,}}))(?:\([A-Za-z0-9&]{{2,10}}\))?{_CASE}"
        ),
    )


def company_spans(text: str) -> list[tuple[int, int]]:
    """Spans of company names marked by a legal form or by their head's title, in the order found."""
    out = []
    legal_before, legal_after, headed, in_parens, classed = _patterns()
    # A head in parentheses right after the name (태왕디엔디(대표 이종경)) marks a company wherever it stands, when the
    # name reads as a proper noun (not 설명회(대표 발표)).
    deal = _makes_deal(text)
    for pat in (legal_before, legal_after, in_parens, *((headed,) if deal else ())):
        for m in pat.finditer(text):
            start = m.start("name")
            end = _name_end(text, start, m.end("name")) if pat is legal_before else m.end("name")
            if _IMPRINT.match(text, m.end()) or _has_tag(text[start:end], _NOT_IN_NAME):
                continue
            if pat is in_parens and not deal and analyse_unknown(text[start:end])[0][1] not in _PROPER:
                continue
            person = m.groupdict().get("person")
            if person and not (_tags_in(person, _PERSON_TAGS) and _opens_phrase(text[: m.start("person")])):
                continue
            out.append((start, end))
    out.extend(_classed(text, classed))
    return sorted(set(out))


@cache
def _class_none() -> frozenset[str]:
    return frozenset(lexicon.terms(MARKS, "class_none"))


@cache
def _heads() -> frozenset[str]:
    return frozenset(t for t in lexicon.terms("site_heads") if not t.isascii())


def _classed(text: str, pat: re.Pattern[str]) -> list[tuple[int, int]]:
    """Names right after their class noun (`국내 기업 아이도트는`): proper nouns only, so `기업 지원을` is none."""
    out = []
    for m in pat.finditer(text):
        group = "word" if m.group("word") else "quoted"
        tokens = analyse_unknown(m.group(group))
        tags = [t for _, t, _ in tokens]
        if not tokens or m.group("cls") in _class_none() or tokens[-1][0] in _heads():
            continue  # 시장조사업체 스태티스타: a data source; 스타트업 이노베이션센터: a place for startups
        # one word of nouns, or a quoted name of several words with no particle, ending or verb in it
        fits = (
            all(t in _NAME_TAGS for t in tags)
            if group == "word"
            else not _has_tag(m.group(group), _NOT_IN_NAME)
        )
        if tags[0] in _PROPER and fits:
            start, end = m.span(group)
            # `'칩스 조인트 언더테이킹(Chips JU)'`: the acronym in parentheses inside the quotes is no part of the name
            gloss = _GLOSS_END.search(m.group(group))
            out.append((start, start + gloss.start() if gloss else end))
    return out


_GLOSS_END = re.compile(r"\s*\([A-Za-z][A-Za-z0-9& ]{1,11}\)$")


# A particle that has two shapes takes the one the name's last syllable asks for: 이/은/을/과/으로 after a final
# consonant (한빛이), 가/는/를/와/로 after a vowel (누리가). `(주)에스아이에이 대표`: 에 has no final consonant, so the
# 이 after it is part of the name, not a particle.
_AFTER_CONSONANT = {"이": True, "은": True, "을": True, "과": True, "으": True, "가": False, "는": False, "를": False, "와": False}  # fmt: skip
_WORD_RUN = re.compile(rf"{_NAME}+")
_PARTICLE_WHOLE = re.compile(rf"(?:{PARTICLES_AFTER_NAME})")


def _final_consonant(syllable: str) -> bool | None:
    """Whether a Hangul syllable ends in a consonant (None for anything else)."""
    code = ord(syllable) - 0xAC00
    return code % 28 != 0 if 0 <= code < 11172 else None


def _name_end(text: str, start: int, end: int) -> int:
    """Where the name ends: the shortest cut whose particle fits the name's last syllable (else the whole word)."""
    word = _WORD_RUN.match(text, start)
    stop = word.end() if word else end
    for cut in range(end, stop + 1):
        rest = text[cut:stop]
        if rest and not _PARTICLE_WHOLE.fullmatch(rest):
            continue
        want = _AFTER_CONSONANT.get(rest[:1])
        if want is None or _final_consonant(text[cut - 1]) in (None, want):
            return cut
    return stop


def _makes_deal(text: str) -> bool:
    cues, _ = inst_rules.role_cues()
    return any(inst_rules.cue_meaning(c.group()) in _DEAL for c in cues.finditer(text))


def _opens_phrase(before: str) -> bool:
    """The person opens a phrase: nothing, punctuation or a word with a particle or ending before it, not a bare
    noun (`구글클라우드 코리아 지기성 사장`: the company comes first there, and 코리아 is no person)."""
    words = before.rstrip().rsplit(maxsplit=1)
    if not words or not words[-1][-1:].isalnum():
        return True
    return not _tags_in(words[-1], {"NNP", "NNG", "SL", "SH"}, last_only=True)


def _has_tag(word: str, prefixes: tuple[str, ...]) -> bool:
    """Some Kiwi tag of the word starts with one of `prefixes`."""
    from etl.nlp import get_kiwi

    return any(t.tag.startswith(prefixes) for t in get_kiwi().tokenize(word))


def _tags_in(word: str, tags: set[str], last_only: bool = False) -> bool:
    """Every Kiwi tag of the word (or its last one) is one of `tags`."""
    from etl.nlp import get_kiwi

    tokens = get_kiwi().tokenize(word)
    return bool(tokens) and all(t.tag in tags for t in (tokens[-1:] if last_only else tokens))


# Kiwi reads a word its dictionary lacks (코렌스, 이지케어텍) as one common noun with the unknown-word id; in a list
# of companies such a word is a name, so there it counts as a proper noun.
_UNKNOWN_ID = 2


def analyse_unknown(word: str) -> tuple[tuple[str, str, int], ...]:
    """Kiwi tokens (form, tag, end offset), an unknown noun of two syllables or more tagged NNP."""
    from etl.nlp import get_kiwi

    return tuple(
        (
            t.form,
            "NNP" if t.id == _UNKNOWN_ID and t.tag == "NNG" and len(t.form) >= 2 else t.tag,
            t.start + t.len,
        )
        for t in get_kiwi().tokenize(word)
    )
