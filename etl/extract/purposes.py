"""Whether a won amount has a purpose or a recipient of its own: a tie cue right before it ("보안 분야에는 국비
90억원", "주요 산업에 5년간 6조원") or an English one right after it ("773.7 billion KRW will go into AI
projects"). Such an amount is that purpose's, so etl/extract/links.py carries no program to it from the sentence
before. Cues come from lexicon/program_tie_cues.tsv (after, list, between, en_before) and money_kind_before.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.line_items import time_gap

# An English amount whose currency word comes last ("773.7 billion KRW"), where it opens the text after `start`.
_EN_AMOUNT = re.compile(r"(?:KRW\s*)?\d[\d.,]*\s*(?:trillion|billion|million)?\s*(?:won|KRW)?")


@cache
def _before() -> re.Pattern[str]:
    # A tie or list cue glued to a word, then up to three time words ("5년간", "2024년까지", "내년") and a payer.
    cue = lexicon.alternation(
        [*lexicon.terms("program_tie_cues", "after"), *lexicon.terms("program_tie_cues", "list")]
    )
    time = rf"(?:\d+\s*년\s*(?:간|도|까지|부터|동안)?|{time_gap()})"
    kind = lexicon.pattern("money_kind_before")
    return re.compile(rf"[가-힣A-Za-z)]{cue}\s*(?:{time}\s*){{0,3}}(?:{kind}\s*)?(?:총|약|모두)?\s*$")


@cache
def _after() -> re.Pattern[str]:
    return re.compile(r"\s*" + lexicon.pattern("program_tie_cues", "en_before"))


@cache
def _doing() -> re.Pattern[str]:
    # "'제로 트러스트'를 실증하고 확산하는 데는 1076억 원을 쓴다": the money of doing something (a verb's 는 데).
    time = rf"(?:\d+\s*년\s*(?:간|도|까지|부터|동안)?|{time_gap()})"
    kind = lexicon.pattern("money_kind_before")
    return re.compile(
        rf"[가-힣]는\s*데(?:는|에|에는|에도|만)?\s*(?:{time}\s*){{0,3}}(?:{kind}\s*)?(?:총|약|모두)?\s*$"
    )


def purpose_before(text: str, start: int) -> bool:
    """True when a tie cue stands right before the amount at `start` (times and a payer may come between), or
    the amount is the money of doing something ("확산하는 데는 1076억 원")."""
    return bool(_before().search(text, 0, start) or _doing().search(text, 0, start))


def purpose_after(text: str, end: int) -> bool:
    """True when an English tie cue follows the amount ending at `end` (or, for "773.7 billion KRW", starting
    there)."""
    if written := _EN_AMOUNT.match(text, end):
        end = max(end, written.end())
    return bool(_after().match(text, end))


def own_purpose(text: str, start: int, end: int) -> bool:
    """True when the amount at `start` (its text ending at `end`) has a purpose or a recipient of its own, or its
    sentence opens with the spending area it is about ("반도체 분야에서는 …", program_area_cues `opens`)."""
    return (
        purpose_before(text, start) or purpose_after(text, end) or bool(_area_opening().match(text, 0, start))
    )


@cache
def _area_opening() -> re.Pattern[str]:
    return re.compile(r"\s*[^,.;]{0,30}?" + lexicon.pattern("program_area_cues", "opens"))


# "7조5,000억원은 인재 양성과 인프라 구축 등 기반 조성에 쓰인다": the amount as the topic, then what it goes to.
_TOPIC_PURPOSE = re.compile(
    r"\s*(?:은|는)\s+[^,.;…]{2,60}?(?:에|에는|에도)\s*(?:\S+\s+)?(?:쓰인|쓰이|투입|배정|들어|돌아)"
)


def purpose_after_topic(text: str, end: int) -> bool:
    """True when the amount ending at `end` is the topic of a clause that says what it goes to ("N원은 X에
    쓰인다", README ruling 'Own purpose after the amount'): it is X's, not a name's the sentence gave before it."""
    return bool(_TOPIC_PURPOSE.match(text, end))


@cache
def _phrase() -> re.Pattern[str]:
    # "AI산업 육성에 3조7000억원", "모델 개발에 2028년까지 308억원": a purpose word, a tie cue, then times and a payer.
    return re.compile(r"([가-힣A-Za-z&]+)" + _before().pattern[len("[가-힣A-Za-z)]") :])


def purpose_phrase(text: str, start: int) -> bool:
    """True when the amount at `start` of a body sentence follows a word ending in a purpose word and a tie cue
    ("모델 개발에 308억원을 투자한다", lexicon/program_purpose_tails.tsv), or the sentence opens with the spending
    area it is about ("반도체 분야에서는 …", program_area_cues `opens`): what the money does, so not the story's program by default. A headline
    (no full stop: "AI 기술개발에 28억원") speaks of the story's program as a whole."""
    from etl.extract.link_names import purpose_name

    if not _FULL_STOP.search(text):
        return False
    m = _phrase().search(text, 0, start)
    return bool(m and purpose_name(m.group(1))) or bool(_area_opening().match(text, 0, start))


_FULL_STOP = re.compile(r"[.。]\s*$")
