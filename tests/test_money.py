"""Money amounts: Korean units, Hangul numerals, ranges and bounds, foreign and English amounts."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.money import find_amounts, parse_korean_number, parse_money

VECTORS = Path(__file__).parent / "vectors" / "duckling_ko.json"
DUCKLING = json.loads(VECTORS.read_text(encoding="utf-8"))
DUCKLING_CURRENCY = {"KRW": "KRW", "Dollar": "USD", "Cent": "USD", "EUR": "EUR", "Pound": "GBP"}
DUCKLING_KIND = {"simple": "exact", "between": "between", "above": "above", "under": "under"}


@pytest.mark.parametrize(
    ("text", "krw", "value", "unit"),
    [
        ("946억원", 94_600_000_000, 946.0, "억"),
        ("946억 원", 94_600_000_000, 946.0, "억"),
        ("1조 2,000억 원", 1_200_000_000_000, 1.2, "조"),
        ("2조8000억원", 2_800_000_000_000, 2.8, "조"),
        ("8,023억 6300만 원", 802_363_000_000, 8023.63, "억"),
        ("16조761억7,000만 원", 16_076_170_000_000, 16.07617, "조"),
        ("1.2조원", 1_200_000_000_000, 1.2, "조"),
        ("5천억", 500_000_000_000, 5000.0, "억"),
        ("3,000만원", 30_000_000, 3000.0, "만"),
        ("27,350,000원", 27_350_000, 27_350_000.0, ""),
        ("이천칠백삼십오만원", 27_350_000, 2735.0, "만"),
        ("1억 2345만 6789원", 123_456_789, 1.23456789, "억"),
        ("KRW 94.6 billion", 94_600_000_000, 94.6, "billion"),
        ("94.6 billion won", 94_600_000_000, 94.6, "billion"),
        ("W94.6 billion", 94_600_000_000, 94.6, "billion"),
        ("₩1.2 trillion", 1_200_000_000_000, 1.2, "trillion"),
        ("won 3 billion", 3_000_000_000, 3.0, "billion"),
        ("W5.1tr", 5_100_000_000_000, 5.1, "trillion"),  # headline abbreviations
        ("130 bln won", 130_000_000_000, 130.0, "billion"),
        ("about 9-trillion won", 9_000_000_000_000, 9.0, "trillion"),  # a hyphen joins figure and scale
        ("400-billion won", 400_000_000_000, 400.0, "billion"),
        ("one-trillion won", 1_000_000_000_000, 1.0, "trillion"),
        ("1.67 trillion-won", 1_670_000_000_000, 1.67, "trillion"),  # … or scale and currency
    ],
)
def test_won_amounts_parse_to_exact_integers(text: str, krw: int, value: float, unit: str) -> None:
    a = parse_money(text)
    assert a is not None
    assert (a.krw, a.currency, a.value, a.unit, a.bound) == (krw, "KRW", value, unit, "exact")
    assert isinstance(a.krw, int)
    found = find_amounts(f"정부는 {text} 를 투입한다")
    assert [(f.surface, f.krw) for f in found] == [(text, krw)]


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("약 3천억원", 300_000_000_000),
        ("946억여원", 94_600_000_000),
        ("946억여 원", 94_600_000_000),
        ("100여억원", 10_000_000_000),
        ("4만원 정도", 40_000),
        ("1조원대", 1_000_000_000_000),
    ],
)
def test_approximate_amounts_are_flagged(text: str, krw: int) -> None:
    a = parse_money(text)
    assert a is not None and a.krw == krw and a.approx and a.bound == "exact"
    assert not parse_money("946억원").approx


@pytest.mark.parametrize(
    ("text", "bound", "low", "high"),
    [
        ("25000 - 30000원", "between", 25_000, 30_000),
        ("25000원 - 30000원", "between", 25_000, 30_000),
        ("2조~3조원", "between", 2 * 10**12, 3 * 10**12),
        ("2~3조원", "between", 2 * 10**12, 3 * 10**12),
        ("5000원 이상", "above", 5_000, None),
        ("5000원 초과", "above", 5_000, None),
        ("10000원 이하", "under", None, 10_000),
        ("10000원 미만", "under", None, 10_000),
        ("1억이상", "above", 10**8, None),
        ("최대 20억원", "under", None, 2 * 10**9),
        ("more than $5 billion", "above", 5 * 10**9, None),
    ],
)
def test_ranges_and_bounds(text: str, bound: str, low: int | None, high: int | None) -> None:
    a = parse_money(text)
    assert a is not None and a.bound == bound
    assert (a.low, a.high) == (low, high)
    assert a.major == (low if low is not None else high)


@pytest.mark.parametrize(
    ("text", "currency", "major"),
    [
        ("10억달러", "USD", 10**9),
        ("5000만 달러", "USD", 5 * 10**7),
        ("십달러", "USD", 10),
        ("이달러이십삼센트", "USD", Decimal("2.23")),
        ("십센트", "USD", Decimal("0.1")),
        ("이십유로", "EUR", 20),
        ("구파운드", "GBP", 9),
        ("US$1 billion", "USD", 10**9),
        ("$750 million", "USD", 750 * 10**6),
        ("€20", "EUR", 20),
        ("EUR 20", "EUR", 20),
        ("EUR29.99", "EUR", Decimal("29.99")),
        ("100억엔", "JPY", 10**10),
    ],
)
def test_foreign_currencies(text: str, currency: str, major: int | Decimal) -> None:
    a = parse_money(text)
    assert a is not None and (a.currency, a.major, a.krw) == (currency, major, None)


def test_won_with_dollar_conversion_gives_two_amounts() -> None:
    found = find_amounts("It will invest 1 trillion won ($750 million) by 2028.")
    assert [(a.surface, a.currency, a.major) for a in found] == [
        ("1 trillion won", "KRW", 10**12),
        ("$750 million", "USD", 750 * 10**6),
    ]


def test_seed_sentence_amounts_in_order() -> None:
    text = "정부는 오는 2028년까지 국비 440억원을 포함해 총 946억원을 투입해 100여명이 참석했다."
    found = find_amounts(text)
    assert [(a.surface, a.krw) for a in found] == [("440억원", 44_000_000_000), ("946억원", 94_600_000_000)]
    assert all(text[a.start : a.end] == a.surface for a in found)


NEVER_MONEY = ["1만3000장", "2,132평", "285만톤", "12.9%", "1.2GW", "2025년", "28일", "5~7층", "100여명"]
NEVER_MONEY += ["1만 명", "1억 명", "100억개 파라미터", "1,000억 parameters", "3억5천만 명", "총 2500"]
NEVER_MONEY += ["전화 02-2110-1234", "010-1234-5678", "수백억원", "수조 원", "몇 억원", "법 제3조에 따라"]
NEVER_MONEY += [
    "연구원들이",
    "국가의 일원으로",
    "사원 100명",
    "조성한다",
    "기억에 남는",
    "2025 원년",
    "민관 원팀",
]
NEVER_MONEY += ["In 2025 won the award", "won 3 games", "2024-2028", "천만다행", "만들었다"]


@pytest.mark.parametrize("text", NEVER_MONEY)
def test_never_money(text: str) -> None:
    assert find_amounts(text) == []


def test_list_of_amounts_is_not_a_range() -> None:
    found = find_amounts("$10 million and $20 million")
    assert [(a.major, a.bound) for a in found] == [(10**7, "exact"), (2 * 10**7, "exact")]


@pytest.mark.parametrize("case", DUCKLING["numerals"], ids=lambda c: c["text"])
def test_duckling_numerals(case: dict) -> None:
    assert parse_korean_number(case["text"]) == Decimal(str(case["value"]))


@pytest.mark.parametrize("case", DUCKLING["money"], ids=lambda c: c["text"])
def test_duckling_money(case: dict) -> None:
    a = parse_money(case["text"])
    assert a is not None
    cents = Decimal(100) if case["currency"] == "Cent" else Decimal(1)
    assert a.currency == DUCKLING_CURRENCY[case["currency"]]
    assert a.bound == DUCKLING_KIND[case["kind"]]
    if case["kind"] == "simple":
        assert a.major == Decimal(str(case["value"])) / cents
    if "min" in case:
        assert a.low == Decimal(str(case["min"])) / cents
    if "max" in case:
        assert a.high == Decimal(str(case["max"])) / cents


def test_korean_number_forms() -> None:
    assert parse_korean_number("1조 2,000억") == 1_200_000_000_000
    assert parse_korean_number("3천") == 3000
    assert parse_korean_number("12,345") == 12345
    assert parse_korean_number("1.2조") == 1_200_000_000_000
    with pytest.raises(ValueError):
        parse_korean_number("만억")  # units out of order


# ---- properties ---------------------------------------------------------------------------------------
_GROUPS = (("경", 10**16), ("조", 10**12), ("억", 10**8), ("만", 10**4), ("", 1))


def _hangul_group(g: int) -> str:
    """1 ≤ g < 10^4 in Sino-Korean numerals: 7012 → 칠천십이."""
    out = ""
    for word, size in (("천", 1000), ("백", 100), ("십", 10), ("", 1)):
        d = g // size % 10
        if d:
            out += ("" if d == 1 and word else "일이삼사오육칠팔구"[d - 1]) + word
    return out


def _group(g: int, style: str) -> str:
    if style == "hangul":
        return _hangul_group(g)
    if style == "mixed" and g % 1000 == 0:
        return f"{g // 1000}천"
    return f"{g:,}" if style == "comma" else str(g)


@st.composite
def written_won(draw: st.DrawFn) -> tuple[int, str]:
    """(n, n written in Korean units with won), e.g. (16076170000000, "16조761억7,000만 원")."""
    n = draw(st.integers(1, 10**16))
    if draw(st.booleans()) and n < 10**15:
        return n, f"{n:,}원"
    sep, parts, rest = draw(st.sampled_from(["", " "])), [], n
    for word, size in _GROUPS:
        g, rest = divmod(rest, size)
        if g:
            parts.append(_group(g, draw(st.sampled_from(["comma", "plain", "hangul", "mixed"]))) + word)
    return n, sep.join(parts) + draw(st.sampled_from(["원", " 원"]))


@settings(max_examples=300, deadline=None)
@given(written_won())
def test_written_won_parses_back(case: tuple[int, str]) -> None:
    n, text = case
    a = parse_money(text)
    assert a is not None and a.krw == n and a.surface == text


_CONTEXT = [
    "정부는",
    "올해",
    "사업에",
    "총",
    "국비",
    "투입한다",
    "규모의",
    "예산을",
    "확보했다",
    "연구",
    "지원",
]
_CONTEXT += ["및", "(", ")", ",", "AI", "센터", "2025년", "28일", "5~7층", "100여명", "12.9%", "2,132평"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CONTEXT), written_won()), min_size=1, max_size=12))
def test_amounts_found_in_context_with_exact_spans(tokens: list) -> None:
    text, planted = "", []
    for tok in tokens:
        text += " " if text else ""
        if isinstance(tok, tuple):
            n, written = tok
            if not any(c in "0123456789십백천만억조경" for c in written):
                written = f"{n}원"  # 일원, 사원: Hangul numerals without a unit are words, not money
            planted.append((len(text), n))
            tok = written
        text += tok
    found = find_amounts(text)
    assert all(text[a.start : a.end] == a.surface for a in found)
    assert all(b.start >= a.end for a, b in itertools.pairwise(found))
    assert [(a.start, a.krw) for a in found] == planted


def test_found_surface_parses_to_the_same_amount() -> None:
    text = "약 3천억원 이상, 2조~3조원, KRW 94.6 billion ($70 million), 최대 20억원, 946억여 원"
    for a in find_amounts(text):
        again = parse_money(a.surface)
        assert again is not None
        assert (again.major, again.currency, again.bound, again.approx) == (
            a.major,
            a.currency,
            a.bound,
            a.approx,
        )


@pytest.mark.parametrize(
    ("text", "krw", "high"),
    [
        ("The budget grows to 24-point-66 trillion won.", 24_660_000_000_000, None),
        ("It plans eight-point-two trillion won for R&D.", 8_200_000_000_000, None),
        ("About one trillion won a year goes to AI.", 1_000_000_000_000, None),
        ("twenty-five billion won", 25_000_000_000, None),
        ("one hundred and twenty billion won", 120_000_000_000, None),
        ("from two trillion to 2.5 trillion won", 2_000_000_000_000, 2_500_000_000_000),
    ],
)
def test_english_figures_written_in_words(text: str, krw: int, high: int | None) -> None:
    [a] = find_amounts(text)
    assert a.krw == krw and (a.high == high if high else a.bound != "between")


def test_english_number_words_without_a_scale_are_not_money() -> None:
    assert find_amounts("one of the two million people said three of them left") == []
    assert find_amounts("Seven universities were chosen, one in each region.") == []


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("the plan costs one trillion and 20 billion won in all", 1_020_000_000_000),
        ("a budget of 2 trillion 500 billion won", 2_500_000_000_000),
        ("three billion and five hundred million won", 3_500_000_000),
    ],
)
def test_an_english_figure_in_two_scales_is_one_amount(text: str, krw: int) -> None:
    assert [a.krw for a in find_amounts(text)] == [krw]


def test_two_english_amounts_each_with_its_currency_stay_two() -> None:
    assert [a.krw for a in find_amounts("1 billion won and 20 million won")] == [1_000_000_000, 20_000_000]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a budget of between 2 trillion and 3 trillion won", 2_000_000_000_000, 3_000_000_000_000),
        ("between 500 billion and 1 trillion won a year", 500_000_000_000, 1_000_000_000_000),
    ],
)
def test_between_opens_an_english_range_joined_by_and(text: str, low: int, high: int) -> None:
    (a,) = find_amounts(text)
    assert (a.low, a.high, a.bound) == (low, high, "between")
