"""Numbers written in Korean and English: digits, Sino-Korean and native numerals or a mix ("1조 2,000억",
"열하나"), and English words before a scale ("eight-point-two trillion"). `money` reads amounts with them."""

from __future__ import annotations

import re
from decimal import Decimal

# ---- numerals ---------------------------------------------------------------------------------------
# A figure in digits, with thousands commas and a decimal part: 1,200 / 94.6.
DIGITS = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_SINO = dict(zip("영공빵일이삼사오육륙칠팔구", (0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9), strict=True))
_SMALL = {"십": 10, "백": 100, "천": 1000}
_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
_NATIVE = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6}
_NATIVE |= {"일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40}
_NATIVE |= {"쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
NATIVE_ALT = "|".join(sorted(_NATIVE, key=len, reverse=True))
# Native words come before Sino digits so that 일흔 (70) is not read as 일 (1) + 흔.
_TOKEN = re.compile(
    rf"\s+|(?P<num>{DIGITS})|(?P<native>{NATIVE_ALT})|(?P<sino>[영공빵일이삼사오육륙칠팔구])"
    r"|(?P<small>[십백천])|(?P<big>[만억조경])|(?P<point>[점쩜.])|(?P<yeo>여)"
)
_MINUS = re.compile(r"\s*(?:-|−|마이너스|마이나스)\s*")
DIGITS10 = "0123456789"


def parse_korean_number(s: str) -> Decimal:
    """Read a number in digits, Sino-Korean or native Korean numerals or a mix: "1조 2,000억", "열하나"."""
    t = s.strip()
    sign = 1
    if m := _MINUS.match(t):
        sign, t = -1, t[m.end() :]
    if "분의" in t:  # 사분의삼: the denominator comes first
        den, num = t.split("분의", 1)
        return clean(sign * _read_units(num) / _read_units(den))
    if "/" in t:
        num, den = t.split("/", 1)
        return clean(sign * _read_units(num) / _read_units(den))
    return clean(sign * _read_units(t))


def _read_units(t: str) -> Decimal:
    """Sum 만/억/조 groups; inside a group 십/백/천 multiply the digit before them (or 1)."""
    total = group = Decimal(0)
    pending: Decimal | None = None
    last_big, pos = 10**20, 0
    if not t.strip():
        raise ValueError("empty number")
    while pos < len(t):
        m = _TOKEN.match(t, pos)
        if m is None:
            raise ValueError(f"not a number: {t!r}")
        pos, kind, tok = m.end(), m.lastgroup, m.group()
        if kind in (None, "yeo"):  # spaces; 여 marks an approximate figure (100여억)
            continue
        if kind == "point":
            frac, pos = _read_fraction(t, pos)
            pending = (pending or Decimal(0)) + frac
        elif kind in ("num", "sino"):
            if pending is not None:  # two digit runs in a row: "3일", "12 34"
                raise ValueError(f"not a number: {t!r}")
            pending = Decimal(tok.replace(",", "")) if kind == "num" else Decimal(_SINO[tok])
        elif kind == "native":  # 서른 + 다섯
            pending = (pending or Decimal(0)) + _NATIVE[tok]
        elif kind == "small":
            group += (Decimal(1) if pending is None else pending) * _SMALL[tok]
            pending = None
        else:
            if _BIG[tok] >= last_big:  # 만 after 억 after 조, never the other way round
                raise ValueError(f"units out of order: {t!r}")
            last_big = _BIG[tok]
            group += pending or 0
            total += (group or 1) * _BIG[tok]
            group, pending = Decimal(0), None
    return total + group + (pending or 0)


def _read_fraction(t: str, pos: int) -> tuple[Decimal, int]:
    """Digits after 점: each read as one decimal digit (일점이삼 = 1.23)."""
    digits = ""
    while pos < len(t) and (t[pos] in DIGITS10 or t[pos] in _SINO):
        digits += t[pos] if t[pos] in DIGITS10 else str(_SINO[t[pos]])
        pos += 1
    if not digits:
        raise ValueError("no digits after the decimal point")
    return Decimal("0." + digits), pos


def clean(d: Decimal) -> Decimal:
    """A whole number as an integer (946, not 946.0), any other normalised."""
    return Decimal(int(d)) if d == d.to_integral_value() else d.normalize()


# ---- money ------------------------------------------------------------------------------------------


# English figures written in words before a scale: "eight-point-two trillion won", "24-point-66 trillion won",
# "one trillion won", "two trillion to 2.5 trillion won" (the first side borrows the currency).
_EN_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_EN_TENS = {
    w: 10 * n
    for n, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
_EN_WORD = "|".join(sorted([*_EN_ONES, *_EN_TENS, "hundred"], key=len, reverse=True))
_EN_DIGIT = "|".join(_EN_ONES[:10])
EN_NUMBER = re.compile(
    rf"(?i:(?P<int>(?:[0-9]+|{_EN_WORD})(?:[- ](?:{_EN_WORD}|and(?=[- ](?:{_EN_WORD}))))*)"
    rf"(?:[- ]point[- ](?P<frac>[0-9]+|(?:{_EN_DIGIT})(?:[- ](?:{_EN_DIGIT}))*))?)"
    r"(?=[\s-](?i:trillion|billion|million|thousand)\b)"
)


def parse_english_number(words: str, frac: str | None = None) -> Decimal:
    """ "twenty-five" → 25, "one hundred and two" → 102; `frac` is what follows "point" ("two", "66")."""
    total = Decimal(0)
    for w in re.split(r"[- ]+", words.lower()):
        if w.isdigit():
            total += Decimal(w)
        elif w == "hundred":
            total = (total or 1) * 100
        elif w in _EN_TENS:
            total += _EN_TENS[w]
        elif w in _EN_ONES:
            total += _EN_ONES.index(w)
    if frac:
        digits = (
            frac
            if frac.isdigit()
            else "".join(str(_EN_ONES.index(w)) for w in re.split(r"[- ]+", frac.lower()))
        )
        total += Decimal("0." + digits)
    return total
