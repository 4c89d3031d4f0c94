"""Figures written without their unit, which borrow it from an amount beside them, and amounts said of N things.

- A split in parentheses after a total: `92억원(국비 72, 도비 2.5, 시비 2.5)` — each share is in 억원 too.
- An arrow series: `('22) 41 → ('23) 125억원` — the earlier figure is in 억원 as well.
- One value said of N things: `4개 과제에 각 1억5000만원`, `세 곳에 10억원씩` — N rows.
The share words and the each/counter words are data: `money_kind_split.tsv` and `money_each.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

from etl import lexicon
from etl.extract import money

_NUM = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
# A figure with no unit is read only next to an amount in a Korean unit: `41 → 125억원` means 41억원,
# but `41 → $125 million` is left alone (an English scale word would be written out).
_KO_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 1000}
_ARROW = re.compile(rf"(?P<num>{_NUM})\s*(?:→|->|⇒|➝)\s*(?:[(（]\s*['’‘]?\d{{2}}[^()（）]{{0,8}}[)）]\s*)?$")
# N things: a count in digits or native words (두 센터, 4개 과제). More than MAX_EACH things is a population
# ("1,000개 기업에 각 1억원"), not a list: one row is kept and the count stays in the evidence.
MAX_EACH = 30
_NATIVE_COUNT = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}


@cache
def _split_item() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<kind>{lexicon.pattern('money_kind_split')})\s*(?P<num>{_NUM})(?=\s*[,，)）·/]|\s*$)"
    )


# Between "each" and the amount: a ceiling or hedge word, and a span the money covers ("각각 2년간 30억원").
_HEDGE = r"(?:최대|최고|약)"
_BEFORE_AMOUNT = (
    rf"\s*(?:{_HEDGE}\s*)?(?:[0-9]+\s?(?:년|개월)\s?(?:간|동안)\s*|연간\s*|매년\s*)?{_HEDGE}?\s*$"
)
_GLOSS = r"(?:\s?[(（][^()（）]{1,12}[)）])?"  # 강원(강릉): the city a region's money goes to


@cache
def _each_before() -> re.Pattern[str]:
    counters = lexicon.pattern("money_each", "counter")
    each = lexicon.pattern("money_each", "each")
    per = lexicon.pattern("money_each", "per")
    count = rf"(?P<n>[0-9]+|{'|'.join(_NATIVE_COUNT)})"
    return re.compile(
        rf"{count}\s*{counters}?(?:[^,.;]{{0,8}}?(?:(?:에게|에는|에)\s*(?P<each>{each})?|(?:[:：,，]|을|를)\s*(?P<listed>{each}))"
        rf"|\s*(?:을|를|은|는)?\s*[^,.;]{{0,12}}?[가-힣A-Za-z]{{1,8}}(?P<per>{per})){_BEFORE_AMOUNT}"
    )


@cache
def _named_each() -> re.Pattern[str]:
    """`강원(강릉)·대구 각 4억원`: names joined by a middle dot or comma, then "each"."""
    each = lexicon.pattern("money_each", "each")
    name = rf"[가-힣A-Za-z]{{2,12}}{_GLOSS}"
    return re.compile(
        rf"(?<![가-힣A-Za-z])(?P<items>{name}(?:\s?[·ㆍ,，]\s?{name})+)\s*(?:에게|에는|에|은|는)?\s*(?:{each}){_BEFORE_AMOUNT}"
    )


def _unit_of(a: money.Amount) -> int | None:
    return _KO_UNITS.get(a.unit) if a.currency == "KRW" else None


def _bare(text: str, start: int, end: int, number: str, like: money.Amount) -> money.Amount:
    """An amount for a figure at text[start:end] written without unit, in the unit of `like`."""
    mult = _unit_of(like) or 1
    major = Decimal(number.replace(",", "")) * mult
    return replace(
        like, start=start, end=end, surface=text[start:end], value=float(major / mult), major=major,
        krw=int(major), bound="exact", low=None, high=None, approx=False,
    )  # fmt: skip


def split_shares(text: str, a: money.Amount) -> list[tuple[money.Amount, str]]:
    """The shares in the parentheses right after `a` that have no unit of their own, with their kind word."""
    if _unit_of(a) is None or not (m := re.match(r"\s*[(（]([^()（）]{3,80})[)）]", text[a.end :])):
        return []
    base = a.end + m.start(1)
    out = []
    for item in _split_item().finditer(m.group(1)):
        s, e = base + item.start(), base + item.end()
        kind = lexicon.meanings("money_kind_split").get(item.group("kind"), "unspecified")
        out.append((_bare(text, s, e, item.group("num"), a), kind))
    return out


def arrow_origin(text: str, before_start: int, a: money.Amount) -> money.Amount | None:
    """`41 → 125억원`: the figure before the arrow, in the unit of `a`."""
    if _unit_of(a) is None or not (m := _ARROW.search(text, before_start, a.start)):
        return None
    return _bare(text, m.start("num"), m.end("num"), m.group("num"), a)


def times_each(before: str, after: str) -> int:
    """How many things one amount is said of: 4 for `4개 과제에 각 …`, 3 for `세 곳에 10억원씩` and for `펀드 3개: 각 …`,
    `컨소시엄 3개, 각각 …` or `펀드 3개를 각 …` (a colon, comma or object particle then 각), 2 for `과제 2개를 골라
    과제별로 …` (per item) and for `강원·대구 각 …` (names joined, then 각), else 1."""
    m = _each_before().search(before[-40:])
    if m is None or not (m.group("each") or m.group("listed") or m.group("per") or re.match(r"\s*씩", after)):
        if named := _named_each().search(before[-60:]):
            return min(len(re.findall(r"[·ㆍ,，]", re.sub(_GLOSS, "", named.group("items")))) + 1, MAX_EACH)
        return 1
    n = int(m.group("n")) if m.group("n").isdigit() else _NATIVE_COUNT[m.group("n")]
    return n if 1 < n <= MAX_EACH else 1
