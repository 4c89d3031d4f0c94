"""Money amounts in Korean and English text: 946억원, 1조 2,000억 원, 약 3천억원, KRW 94.6 billion, $750 million."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from etl.extract.numbers import (
    DIGITS,
    DIGITS10,
    EN_NUMBER,
    NATIVE_ALT,
    clean,
    parse_english_number,
    parse_korean_number,
)
from etl.normalize import PARTICLES_AFTER_NUMBER


@dataclass(frozen=True)
class Amount:
    """One money mention: span, figure as written, currency and exact value."""

    start: int  # text[start:end] == surface
    end: int
    surface: str  # as in the text, with its modifiers: "약 3천억원", "5000원 이상", "2조~3조원"
    value: float  # the figure in its largest written unit: 946.0 for 946억원, 94.6 for KRW 94.6 billion
    unit: str  # 경 조 억 만 천 | trillion billion million thousand | cent | ""
    currency: str  # ISO 4217: KRW USD EUR GBP JPY CNY
    major: Decimal  # exact amount in the main unit (won, dollars); the lower end of a range
    krw: int | None  # exact won when currency == KRW
    bound: str = "exact"  # exact | between | above | under
    low: Decimal | None = None
    high: Decimal | None = None
    approx: bool = False  # 약, 여, 가량, 정도, about, nearly, ...


@dataclass(frozen=True)
class _Side:
    """One end of an amount before modifiers; major is in cents when cur == "CENT"."""

    start: int
    end: int
    major: Decimal
    unit: str
    cur: str | None
    implicit: bool = False  # 억/조 without 원
    approx: bool = False
    hangul: bool = False  # written in Hangul numerals only


_HD, _HU = "일이삼사오육칠팔구", "십백천만억조경"
_PARTICLE = PARTICLES_AFTER_NUMBER
_CUR_KO = dict(
    zip(("원", "₩", "달러", "불", "유로", "파운드"), ("KRW", "KRW", "USD", "USD", "EUR", "GBP"), strict=True)
)
_CUR_KO |= {"엔": "JPY", "위안": "CNY", "센트": "CENT"}
_CUR_EN = {"won": "KRW", "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY"}
_CUR_EN |= {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "w": "KRW"}
_CUR_EN |= {"rmb": "CNY"}
_UNIT_MULT = {"경": 10**16, "조": 10**12, "억": 10**8, "만": 10**4, "천": 1000}
_UNIT_MULT |= {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 1000}
_SCALE = {"tn": "trillion", "bn": "billion", "mn": "million", "t": "trillion", "b": "billion", "m": "million"}
_SCALE |= {"k": "thousand"} | {w: w for w in ("trillion", "billion", "million", "thousand")}
# Headline abbreviations: "W5.1tr" (Korea Herald), "130 bln won" (Yonhap).
_SCALE |= {"tr": "trillion", "trn": "trillion", "tln": "trillion", "bln": "billion", "mln": "million"}

# 원 followed by these syllables starts another word: 원년, 원장, 원자력, 원전, 원칙, 원팀, 원룸 ...
_KO_CUR = (
    r"(?:원(?![년장자전래활격천칙인스팀형료리본작주서고소심로룸])|₩|달러|유로|파운드|위안|센트|엔(?![진지터])"
    rf"|불(?:(?![가-힣])|(?=[{_PARTICLE}])))"
)
_KO_CUR_RE = re.compile(rf"(?P<yeo>여)?\s?(?P<cur>{_KO_CUR})")
# A space between groups, as in "1조 2,000억" and "1억 2345만 6789원" (the last group needs the currency).
_CONT = rf"(?<=[만억조경])\s(?=(?:{DIGITS})?[{_HD}십백천]*[{_HU}]|(?:{DIGITS}|[{_HD}십백천]+)\s?{_KO_CUR})"
_KNUM_STRICT = re.compile(
    rf"(?:{DIGITS}|[{_HU}]|[{_HD}](?=[{_HU}]))"
    rf"(?:{DIGITS}|[{_HU}]|[{_HD}](?=[{_HU}])|[{_HD}](?=\s?여?\s?{_KO_CUR})|여(?=[{_HU}])|{_CONT})*"
)
_KNUM_LENIENT = re.compile(rf"(?:{DIGITS}|{NATIVE_ALT}|[영공빵{_HD}{_HU}점쩜]|여(?=[{_HU}])|{_CONT})+")
_DIGITS_RE = re.compile(DIGITS)
_PREFIX_RE = re.compile(
    r"(US\$|U\.S\.\s?\$|[$€£¥₩]|(?<![A-Za-z])(?:KRW|USD|EUR|GBP|JPY|CNY|RMB)(?![A-Za-z])"
    r"|(?<![A-Za-z0-9])W(?=[0-9])|(?<![A-Za-z])[Ww]on(?=\s[0-9]))\s?"
)
# A hyphen may join a figure, its scale and its currency: "about 9-trillion won", "a 1 trillion-won fund".
_SCALE_WORD = re.compile(
    r"[\s-]?(trillion|billion|million|thousand|tn|bn|mn|trn|tln|tr|bln|mln)(?![A-Za-z])", re.I
)
_SCALE_ABBR = re.compile(_SCALE_WORD.pattern + r"|([MBKT])(?![A-Za-z])", re.I)  # $1.2B only after a sign
_EN_CUR = re.compile(
    r"[\s-]?(?:(won|dollar|euro|pound|yen|yuan)s?|(KRW|USD|EUR|GBP|JPY|CNY))(?![A-Za-z])", re.I
)
_YEARISH = re.compile(r"(?:19|20)[0-9]{2}")
_COUNTER = re.compile(
    r"\s?(?:마리|가구|세대|시간|가지|필지|그루|단어|토큰|파라미터|매개변수|바이트|화소|픽셀|리터|광년|개국|개사|개소|개월"
    rf"|배럴|헥타르|인구|[명개장톤평건대회번곳편권배쌍점년주달일분초층호종병잔부채척표뷰인](?:(?![가-힣])|(?=[{_PARTICLE}]))"
    r"|[A-Za-z%％㎡㎞㎏])"
)
# "and" lists two amounts, it is no range, unless "between" opens it: "between 2 trillion and 3 trillion won".
_RANGE_SEP = re.compile(r"\s?[~∼〜\-–—]\s?|\sto\s")
_BETWEEN = re.compile(r"\b[Bb]etween\s$")
_AND = re.compile(r"\sand\s")
_VAGUE = re.compile(r"(?<![가-힣])(?:몇|수|여러|십수)\s?$")  # 수백억원, 몇 천만원: no figure
_PRE_WORDS = (
    r"(?:(?<![가-힣])(?P<k>약|대략|어림잡아|최대|최소)\s?"
    r"|(?<![A-Za-z])(?P<e>(?i:about|around|some|nearly|approximately|roughly|almost|an estimated|approx\."
    r"|up to|less than|under|below|at most|no more than|more than|over|at least|upwards of|in excess of))\s+)"
)
_PRE_MOD = re.compile(_PRE_WORDS + "$")  # searched backwards from the figure
_LEAD_MOD = re.compile(_PRE_WORDS)  # parse_money: at the start of the string
_SUF_MOD = re.compile(
    r"\s?(?P<w>가량|정도|안팎|내외|남짓|수준|이상|초과|이하|미만|대(?![가-힣])|대(?=[의를을에는가이로])"
    r"|(?<=\s)(?i:or more|or less|or so)(?![A-Za-z]))"
)
_APPROX = {"약", "대략", "어림잡아", "가량", "정도", "안팎", "내외", "남짓", "수준", "대", "or so"}
_APPROX |= {"about", "around", "some", "nearly", "approximately", "roughly", "almost", "approx."}
_APPROX |= {"an estimated"}
_ABOVE = {"최소", "이상", "초과", "or more", "more than", "over", "at least", "upwards of", "in excess of"}
_UNDER = {"최대", "이하", "미만", "or less", "up to", "less than", "under", "below", "at most"}
_UNDER.add("no more than")
_PRECHECK = re.compile(rf"[0-9$€£¥₩]|(?i:illion\s)|[{_HU}][{_HD}]?\s?(?:원|달러|불|유로|파운드|엔|위안|센트)")
_START = re.compile(
    rf"(?<![A-Za-z0-9-])(?:{EN_NUMBER.pattern})|"
    r"US\$|U\.S\.\s?\$|[$€£¥₩]|(?<![A-Za-z])(?:KRW|USD|EUR|GBP|JPY|CNY|RMB|[Ww]on(?=\s[0-9]))(?![A-Za-z])"
    r"|(?<![A-Za-z0-9])W(?=[0-9])|(?<![0-9A-Za-z.,])[0-9]"
    rf"|(?<![가-힣])[{_HD}{_HU}][0-9,.{_HD}{_HU}]*(?:\s[0-9,.{_HD}{_HU}]+)*\s?여?\s?(?:원|달러|불|유로|파운드|엔|위안|센트)"
)


def parse_money(s: str) -> Amount | None:
    """The whole string read as one amount (Hangul numerals of every kind allowed), else None."""
    t = s.strip()
    lead = len(s) - len(s.lstrip())
    i = 0
    while head := _LEAD_MOD.match(t, i):  # _try_at finds these again by looking back from the figure
        i = head.end()
    a = _try_at(t, i, strict=False)
    if a is None or a.start != 0 or a.end != len(t):
        return None
    return replace(a, start=a.start + lead, end=a.end + lead)


def find_amounts(text: str) -> list[Amount]:
    """Every money mention in the text, in order and non-overlapping; vague ones (수백억원) are skipped."""
    if not _PRECHECK.search(text):
        return []
    out: list[Amount] = []
    pos = 0
    while m := _START.search(text, pos):
        a = _try_at(text, m.start(), strict=True)
        if a is not None and (not out or a.start >= out[-1].end):
            out.append(a)
            pos = a.end
        else:
            pos = m.start() + 1
    return out


def _try_at(text: str, i: int, strict: bool) -> Amount | None:
    """An amount whose figure starts at i: one side, or a range of two, plus modifiers around it."""
    left = _side(text, i, strict)
    if left is None:
        return None
    right = None
    if (rm := _RANGE_SEP.match(text, left.end)) or (
        _BETWEEN.search(text, 0, i) and (rm := _AND.match(text, left.end))
    ):
        cand = _side(text, rm.end(), strict)
        if cand is not None and (pair := _merge(left, cand)):
            left, right = pair
    if left.cur is None or (strict and left.hangul and left.implicit):
        return None
    start, pre = _prefix_mods(text, i)
    end, suf = _suffix_mod(text, (right or left).end)
    bounds = [b for w in [suf, *pre] if (b := _bound_of(w))]
    bound = "between" if right else (bounds[0] if bounds else "exact")
    approx = bool(_APPROX.intersection([suf, *pre])) or left.approx or bool(right and right.approx)
    return _amount(text[start:end], start, end, left, right, bound, approx)


def _side(text: str, i: int, strict: bool) -> _Side | None:
    """A figure with its currency (or 억/조 implying won), or a bare figure that may open a range."""
    if pm := _PREFIX_RE.match(text, i):
        return _prefixed_side(text, i, pm)
    if (wm := EN_NUMBER.match(text, i)) and (not wm.group("int").isdigit() or wm.group("frac")):
        return _english_side(text, i, wm)
    # No figure is longer than 60 characters; the cap keeps "1조 1조 1조 ..." from going quadratic.
    nm = (_KNUM_STRICT if strict else _KNUM_LENIENT).match(text, i, i + 60)
    if nm is None:
        return None
    num_text = nm.group().rstrip()
    bare = None  # lenient: 1억이상 first reads as 1억이 (100000002); back off until a currency follows
    for cut in range(len(num_text), len(num_text) - 1 if strict else 0, -1):
        side = _side_from(text, i, num_text[:cut].rstrip(), strict)
        if side is not None and side.cur is not None:
            return side
        bare = bare or side
    return bare


def _side_from(text: str, i: int, num_text: str, strict: bool) -> _Side | None:
    hangul = not any(c in DIGITS10 for c in num_text)
    if strict and _strict_reject(text, i, num_text, hangul):
        return None
    try:
        number = parse_korean_number(num_text)
    except (ValueError, ArithmeticError):
        return None
    j = i + len(num_text)
    if _DIGITS_RE.fullmatch(num_text) and (sm := _SCALE_WORD.match(text, j)):
        unit = _SCALE[sm.group(1).lower()]
        cm = _EN_CUR.match(text, sm.end())
        cur = _en_code(cm) if cm else None
        return _compound(text, _Side(i, cm.end() if cm else sm.end(), number * _UNIT_MULT[unit], unit, cur))
    return replace(_korean_side(text, i, j, num_text, number, strict), hangul=hangul)


# "one trillion and 20 billion won", "2 trillion 500 billion won": an English figure written in two scales.
_EN_JOIN = re.compile(r",?\s(?:and\s)?")


def _compound(text: str, side: _Side) -> _Side:
    """`side` (a figure with a scale but no currency) joined to the smaller-scale figure after it that has one."""
    if side.cur is not None or not (jm := _EN_JOIN.match(text, side.end)):
        return side
    nm = EN_NUMBER.match(text, jm.end())
    dm = _DIGITS_RE.match(text, jm.end())
    if not (nm or dm):
        return side
    rest = (
        _english_side(text, jm.end(), nm) if nm and not dm else _side_from(text, jm.end(), dm.group(), True)
    )
    if (
        rest is None
        or rest.cur is None
        or not rest.unit
        or _UNIT_MULT.get(rest.unit, 0) >= _UNIT_MULT[side.unit]
    ):
        return side
    return replace(side, end=rest.end, major=side.major + rest.major, cur=rest.cur)


def _english_side(text: str, i: int, wm: re.Match[str]) -> _Side | None:
    """A figure in English words followed by its scale and, unless it opens a range, its currency."""
    sm = _SCALE_WORD.match(text, wm.end())
    if sm is None:
        return None
    unit = _SCALE[sm.group(1).lower()]
    number = parse_english_number(wm.group("int"), wm.group("frac")) * _UNIT_MULT[unit]
    cm = _EN_CUR.match(text, sm.end())
    return _compound(
        text, _Side(i, cm.end() if cm else sm.end(), clean(number), unit, _en_code(cm) if cm else None)
    )


def _korean_side(text: str, i: int, j: int, num_text: str, number: Decimal, strict: bool) -> _Side:
    unit = next((u for u in "경조억만천" if u in num_text), "")
    approx = "여" in num_text
    if cm := _KO_CUR_RE.match(text, j):
        cur, end = _CUR_KO[cm.group("cur")], cm.end()
        if cur == "USD":
            number, end = _add_cents(text, end, number, strict)
        return _Side(i, end, number, unit, cur, approx=approx or bool(cm.group("yeo")))
    plain = bool(_DIGITS_RE.fullmatch(num_text))
    if plain and not _YEARISH.fullmatch(num_text) and (em := _EN_CUR.match(text, j)):
        return _Side(i, em.end(), number, "", _en_code(em))
    k = j + 1 if text.startswith("여", j) else j
    if unit in ("억", "조") and _implicit_ok(text, k):
        return _Side(i, k, number, unit, "KRW", implicit=True, approx=approx or k > j)
    return _Side(i, j, number, unit, None, approx=approx)


def _prefixed_side(text: str, i: int, pm: re.Match[str]) -> _Side | None:
    """US$1 billion, €20, KRW 94.6 billion, W94.6 billion, won 3 billion."""
    word = pm.group(1)
    dm = _DIGITS_RE.match(text, pm.end())
    if dm is None:
        return None
    number, j, unit = Decimal(dm.group().replace(",", "")), dm.end(), ""
    if sm := _SCALE_ABBR.match(text, j):
        unit, j = _SCALE[(sm.group(1) or sm.group(2)).lower()], sm.end()
        number *= _UNIT_MULT[unit]
    elif word.lower() == "won":  # "won 3 games": the verb
        return None
    code = _CUR_EN.get(re.sub(r"[.\s]", "", word).lower(), word.upper())
    return _Side(i, j, number, unit, code)


def _strict_reject(text: str, i: int, num_text: str, hangul: bool) -> bool:
    """Running text: 제3조 is an article; Hangul numerals need a unit and a word boundary."""
    if text[max(0, i - 2) : i] in ("제 ",) or text[i - 1 : i] == "제":
        return True
    if not hangul:
        return False
    if i and "가" <= text[i - 1] <= "힣":  # 연구원, 사업비이천: part of a longer word
        return True
    if not any(c in _HU for c in num_text) or num_text in ("억", "조", "경"):  # 사원, 일원; 몇 억
        return True
    return bool(_VAGUE.search(text, max(0, i - 4), i))


def _implicit_ok(text: str, k: int) -> bool:
    """946억, 5천억을, 1조 규모 are won; 1억 명, 100억개, 1조GB are not."""
    if _COUNTER.match(text, k):
        return False
    c = text[k : k + 1]
    return not c or not ("가" <= c <= "힣") or c in _PARTICLE or bool(_SUF_MOD.match(text, k))


def _add_cents(text: str, end: int, number: Decimal, strict: bool) -> tuple[Decimal, int]:
    """이달러이십삼센트, 2달러 23센트: dollars and cents in one amount."""
    p = end + 1 if text.startswith(" ", end) else end
    nm = (_KNUM_STRICT if strict else _KNUM_LENIENT).match(text, p)
    if nm is None or not text.startswith("센트", nm.end()):
        return number, end
    try:
        return number + parse_korean_number(nm.group()) / 100, nm.end() + 2
    except ValueError:
        return number, end


def _merge(left: _Side, right: _Side) -> tuple[_Side, _Side] | None:
    """Join "2~3조원", "25000 - 30000원", "$10-20 million"; the bare side borrows unit and currency."""
    if right.cur is None and left.cur and right.unit in _SCALE.values():
        right = replace(right, cur=left.cur)
    if right.cur is None or (left.cur is not None and left.cur != right.cur):
        return None
    if not left.unit and right.unit and left.major * _UNIT_MULT[right.unit] <= right.major:
        left = replace(left, major=left.major * _UNIT_MULT[right.unit], unit=right.unit)
    if left.major > right.major:
        return None
    return replace(left, cur=right.cur, implicit=left.implicit or right.implicit), right


def _prefix_mods(text: str, i: int) -> tuple[int, list[str]]:
    """Up to two modifier words right before the figure: "최대 약", "more than about"."""
    words: list[str] = []
    for _ in range(2):
        m = _PRE_MOD.search(text, max(0, i - 24), i)
        if m is None:
            break
        i = m.start()
        words.append((m.group("k") or m.group("e")).lower())
    return i, words


def _suffix_mod(text: str, j: int) -> tuple[int, str]:
    m = _SUF_MOD.match(text, j)
    return (m.end(), m.group("w").lower()) if m else (j, "")


def _bound_of(word: str) -> str | None:
    return "above" if word in _ABOVE else "under" if word in _UNDER else None


def _en_code(m: re.Match[str]) -> str:
    return _CUR_EN[m.group(1).lower()] if m.group(1) else m.group(2).upper()


def _amount(
    surface: str, start: int, end: int, left: _Side, right: _Side | None, bound: str, approx: bool
) -> Amount:
    cents = left.cur == "CENT"
    cur = "USD" if cents else str(left.cur)
    div = Decimal(100) if cents else Decimal(1)
    major = clean(left.major / div)
    high = clean(right.major / div) if right else None
    unit = "cent" if cents else left.unit
    value = float(left.major if cents else left.major / _UNIT_MULT.get(unit, 1))
    low = major if bound in ("between", "above") else None
    high = high if right else (major if bound == "under" else None)
    krw = int(major.to_integral_value()) if cur == "KRW" else None
    return Amount(start, end, surface, value, unit, cur, major, krw, bound, low, high, approx)
