"""Numbers and dates for people: won the way Korean readers read it (946억원, 1.2조원), or in English words.

Rules (ko): ≥ 1조 → one decimal of 조 (1.2조원, 10조원); ≥ 1억 → 억 with its 만 remainder
(8,023억 6,300만원, 946억원); ≥ 1만 → 만원; smaller → 원. (en): trillion / billion / million with one
decimal (94.6 billion won). `exact=True` gives every digit (802,363,000,000원 / 802,363,000,000 won).
Remainders below the shown unit are dropped, not rounded up, except the one-decimal forms.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

MISSING = "—"
JO, EOK, MAN = 10**12, 10**8, 10**4
_EN_UNITS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def present(value: object) -> bool:
    """True for a value that is there: not None, NA, NaN or an empty string (pandas cells can be any)."""
    return not _is_missing(value) and value != ""


def period(start: object, end: object) -> str:
    """A program period: 2024–2028, 2024–, or the missing mark."""
    if not present(start):
        return MISSING
    return f"{int(start)}–{int(end)}" if present(end) and end != start else f"{int(start)}"


def _one_decimal(x: float) -> str:
    text = f"{x:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def _ko(n: int) -> str:
    if n >= JO:
        # 9,999.96억 rounds to 1.0조 only when it is ≥ 1조, so the unit never goes backwards.
        return f"{_one_decimal(n / JO)}조원"
    if n >= EOK:
        eok, man = divmod(n, EOK)
        man //= MAN
        return f"{eok:,}억 {man:,}만원" if man else f"{eok:,}억원"
    if n >= MAN:
        return f"{n // MAN:,}만원"
    return f"{n:,}원"


def _en(n: int) -> str:
    for i, (size, word) in enumerate(_EN_UNITS):
        if n >= size:
            scaled = round(n / size, 1)
            if scaled >= 1000 and i > 0:  # 999.96 million reads as 1 billion
                return f"{_one_decimal(scaled / 1000)} {_EN_UNITS[i - 1][1]} won"
            return f"{_one_decimal(scaled)} {word} won"
    return f"{n:,} won"


def won(value: float | int | None, *, lang: str = "ko", exact: bool = False) -> str:
    """A won amount as text: 946억원 / 94.6 billion won, or every digit when exact."""
    if _is_missing(value):
        return MISSING
    n = round(float(value))
    sign, n = ("-", -n) if n < 0 else ("", n)
    if exact:
        return f"{sign}{n:,}{'원' if lang == 'ko' else ' won'}"
    return sign + (_ko(n) if lang == "ko" else _en(n))


def money_scale(lang: str, top: float | None = None) -> tuple[float, str]:
    """Divisor and unit for chart axes: 억원 or 조원 (ko), billion or trillion won (en), by the largest value."""
    big = top is not None and not _is_missing(top) and abs(top) >= JO
    if lang == "ko":
        return (JO, "조원") if big else (EOK, "억원")
    return (JO, "trillion won") if big else (10**9, "billion won")


def number(value: float | int | None) -> str:
    """A count with thousands separators."""
    return MISSING if _is_missing(value) else f"{int(value):,}"


def percent(part: float | int | None, whole: float | int | None) -> str:
    """part / whole as a whole percentage, or the missing mark when undefined."""
    if _is_missing(part) or _is_missing(whole) or not whole:
        return MISSING
    return f"{100 * float(part) / float(whole):.0f}%"


def day(value: date | datetime | str | None, *, lang: str = "ko") -> str:
    """A date: 2024년 10월 28일 / 28 Oct 2024."""
    if _is_missing(value) or value == "":
        return MISSING
    d = pd.Timestamp(value)
    return f"{d.year}년 {d.month}월 {d.day}일" if lang == "ko" else d.strftime("%-d %b %Y")


def area(m2: float | None, *, lang: str = "ko") -> str:
    """Floor area in square metres, with 평 for Korean readers (1평 = 400/121 ㎡)."""
    if _is_missing(m2):
        return MISSING
    if lang == "ko":
        return f"{m2:,.0f}㎡ ({m2 * 121 / 400:,.0f}평)"
    return f"{m2:,.0f} m²"


def won_column(values: pd.Series, *, lang: str = "ko", exact: bool = False) -> pd.Series:
    """A won column as display text (for tables already LIMITed in SQL)."""
    return values.map(lambda v: won(v, lang=lang, exact=exact)).astype("object")
