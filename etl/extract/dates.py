"""Dates in Korean and English announcements: publication date, day mentions, fiscal years, program periods.

dateparser misreads Korean news dates (FACTS.md), so these are our own rules.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MIN_YEAR, _MAX_YEAR = 1990, 2100
_HEAD = 1500  # bylines and metadata sit near the top
_MONTHS = {m[:3].lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_Y = r"(?P<y>(?:19|20)[0-9]{2})"
_FULL = [
    re.compile(
        rf"(?<![0-9]){_Y}\s?(?:[-./]|년)\s?(?P<m>[0-9]{{1,2}})\s?(?:[-./]|월)\s?(?P<d>[0-9]{{1,2}})(?![0-9])"
        r"(?:\s?일|\.(?![0-9]))?"
    ),
    re.compile(rf"\b{_MON}\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b"),
    re.compile(rf"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\.?,?\s+{_Y}\b"),
    # "06/18/2025": month first, as English-language sites write it (a day over 12 fails as a month).
    re.compile(rf"(?<![0-9/])(?P<m>[0-9]{{1,2}})/(?P<d>[0-9]{{1,2}})/{_Y}(?![0-9])"),
    # "13-12-2023", "13.12.2023": day first, as European sites write a date with a dash or a dot before the year.
    re.compile(rf"(?<![0-9./-])(?P<d>[0-9]{{1,2}})(?P<sep>[-.])(?P<m>[0-9]{{1,2}})(?P=sep){_Y}(?![0-9])"),
]
# "작성일 23-10-29 11:02": a two-digit year, read only after a 입력/작성/Published label (alone it could be
# anything: a phone number, a score, a version).
_SHORT_YEAR = re.compile(
    r"(?<![0-9.\-/])(?P<yy>[0-9]{2})(?P<sep>[-./])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9]|[-./][0-9])"
)
_PARTIAL = [
    re.compile(r"(?<![0-9])(?P<m>[0-9]{1,2})월\s?(?P<d>[0-9]{1,2})일"),
    re.compile(rf"\b{_MON}\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+[0-9])"),
]
# "28일", "오는 21일", "지난 3일"; not durations (3일간, 3일 동안, 3일째) or counts (1일 2회).
_DAY = re.compile(
    r"(?:(?P<rel>오는|지난)\s?)?(?<![0-9.\-/])(?P<d>[0-9]{1,2})일(?!\s?(?:간|동안|째|이내|만에|내|치|[0-9]))"
)
_LABEL = re.compile(
    r"(?P<label>기사\s?승인|승인|최초\s?입력|기사\s?입력|입력|등록|발행|보도|배포|게재|작성|송고|최종\s?수정|수정"
    r"|업데이트|(?i:first published|published|posted|released|release date|dated|date|last updated|updated"
    r"|modified))(?:\s?(?:일시|일자|일|시간|시점|on|at))?\s*[:：|]?\s*$"
)
# 수정/Updated and 배포 (the handout to the press before its 보도 embargo) yield to 입력/보도/Posted.
_LOW_LABEL = re.compile(r"수정|업데이트|배포|updated|modified", re.I)
_BYLINE = re.compile(r"기자|특파원|통신원|reporter|correspondent|\bBy [A-Z]|\(Yonhap\)|조간|석간|보도시점|@")
# A byline is at most this long; a line of this many words ending in a full stop is a sentence.
BYLINE_LINE, SENTENCE_WORDS = 100, 6
# A foot stamp line (a date, a time and 송고 or (END)) is at most this long.
STAMP_LINE = 40
# What opens a dateline before its date: "SEOUL, SOUTH KOREA, " (capitalised place words and commas).
_PLACE_COMMA = re.compile(r"\s*[A-Z][A-Za-z .'-]{1,30}(?:,\s*[A-Z][A-Za-z .'-]{1,30})*,\s+")
_LETTERS = re.compile(r"[가-힣A-Za-z]")
_STAMP = re.compile(r"송고|\(END\)|기사\s?입력|Posted|Published", re.I)
_SENTENCE_END = re.compile(r"(?:다|요|음|함)\s*[.。]?\s*$|[a-z]\.\s*$")
_DATELINE = re.compile(rf"(?m)^\s*[A-Z][A-Za-z .'-]{{1,30}},\s+{_MON}\.?\s+(?P<d>[0-9]{{1,2}})\s*\(")

_Q = "['’‘`]"  # '24년: an abbreviated year
_Y2 = rf"(?:(?:19|20)[0-9]{{2}}|{_Q}[0-9]{{2}})"
_RANGE = [
    re.compile(
        rf"(?<![0-9./\-])(?P<a>{_Y2})\s?년?\s?[~∼〜\-–—]\s?(?P<b>(?:19|20)[0-9]{{2}}|{_Q}?[0-9]{{2}})"
        r"(?![0-9]|[./\-][0-9])"
    ),
    re.compile(rf"(?<![0-9])(?P<a>{_Y2})\s?년?\s?(?:부터|에서)\s?(?P<b>{_Y2})\s?년?\s?까지"),
    re.compile(
        r"(?i:from|between)\s+(?P<a>(?:19|20)[0-9]{2})\s+(?i:to|through|until|till|and)\s+(?P<b>(?:19|20)[0-9]{2})\b"
    ),
    re.compile(r"\b(?P<a>(?:19|20)[0-9]{2})\s+(?i:to|through)\s+(?P<b>(?:19|20)[0-9]{2})\b"),
]
_END = re.compile(
    rf"(?<![0-9])(?P<y>{_Y2})\s?년?\s?까지|(?P<rel>내년|명년|올해|금년)\s?까지"
    r"|\b(?i:through|by|until|till|up to|to the end of|by the end of)\s+(?P<ey>(?:19|20)[0-9]{2})\b"
)
_START = re.compile(
    rf"(?<![0-9])(?P<y>{_Y2})\s?년?\s?부터|(?P<rel>내년|명년|올해|금년)\s?부터"
    r"|\b(?i:from|since|starting in|starting|beginning in|beginning)\s+(?P<ey>(?:19|20)[0-9]{2})\b"
)
_FISCAL = [
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s?년도"),
    re.compile(
        r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s?년?\s?(?:본예산|추경|추가경정예산|정부\s?예산|예산|회계연도|세출)"
    ),
    re.compile(
        r"\bFY\s?['’]?(?P<y>[0-9]{4}|[0-9]{2})\b|\bfiscal\s+(?:year\s+)?(?P<y2>(?:19|20)[0-9]{2})\b", re.I
    ),
    re.compile(r"\b(?P<y>(?:19|20)[0-9]{2})\s+(?:(?:state|national|government|annual)\s+)?budget\b", re.I),
    re.compile(r"\bbudget\s+for\s+(?P<y>(?:19|20)[0-9]{2})\b", re.I),
]
_FISCAL_REL = re.compile(
    r"(?P<rel>내년|명년|올해|금년|작년|지난해)\s?(?:도|예산|본예산|정부\s?예산)"
    r"|(?P<en>next|this|last)\s+year['’]s\s+budget",
    re.I,
)
_PLAIN_YEAR = re.compile(
    rf"(?<![0-9~∼〜\-–—])(?<![~∼〜\-–—]\s)(?P<y>(?:19|20)[0-9]{{2}}|{_Q}[0-9]{{2}})\s?년(?!\s?(?:까지|부터|[~∼〜\-–—]))"
    r"|(?<![0-9~∼\-–])(?<![Bb]y )(?<!through )(?<!until )(?<!from )(?<![Tt]o )\b(?P<ey>(?:19|20)[0-9]{2})\b(?![~∼\-–0-9])"
)
_REL_WORD = re.compile(r"(?P<rel>내년|명년|올해|금년|작년|지난해)|\b(?P<en>next|this|last) year\b", re.I)
_REL_OFFSET = {
    "내년": 1,
    "명년": 1,
    "올해": 0,
    "금년": 0,
    "작년": -1,
    "지난해": -1,
    "next": 1,
    "this": 0,
    "last": -1,
}


def find_published_date(text: str) -> date | None:
    """Publication date from bylines and metadata lines near the top (a stamp at the foot when the top has
    none); labelled dates win, then a reporter's line, then a dateline's day in a full date. No year is guessed:
    "SEOUL, Nov. 24 (Yonhap)" with no full Nov. 24 on the page gives None."""
    head = text[:_HEAD]
    found = _full_dates(head)
    if labelled := labelled_date(head, found):
        return labelled
    lines = [(d, _line_at(head, s)) for s, _e, d in found]
    for d, line in lines:  # "홍길동 기자 2025.11.24" before a caption's or a header's date
        if _BYLINE.search(line) and _is_byline(line):
            return d
    if dl := _DATELINE.search(head):
        month, day = _MONTHS[dl.group("mon")[:3].lower()], int(dl.group("d"))
        if same := next((d for _s, _e, d in _full_dates(text) if (d.month, d.day) == (month, day)), None):
            return same
    for d, line in lines:
        if _is_byline(line):
            return d
    # "SEOUL, SOUTH KOREA, December 28, 2021 – The city …": a dateline with its year.
    for start, _e, d in found:
        if _PLACE_COMMA.fullmatch(head, head.rfind("\n", 0, start) + 1, start):
            return d
    return _foot_stamp(text[-_HEAD:]) if len(text) > _HEAD else None


def marked_line(line: str) -> bool:
    """A line that names its reporter or labels its date (기자, By, (Yonhap), 입력, Posted)."""
    return bool(_BYLINE.search(line)) or labelled_date(line) is not None


def _foot_stamp(foot: str) -> date | None:
    """ "2025/11/24 09:30 송고", "(END) 2025/11/24", "입력 2025.11.24": the stamp a page keeps at its foot."""
    if labelled := labelled_date(foot):
        return labelled
    for start, _e, d in _full_dates(foot):
        line = _line_at(foot, start)
        if _STAMP.search(line) and len(line) <= STAMP_LINE:  # not a related story's "2025.11.20" line
            return d
    return None


def labelled_date(text: str, found: list[tuple[int, int, date]] | None = None) -> date | None:
    """The date a 입력/기사승인/작성일/Posted/Published label stands before (a 수정/Updated one last), or None."""
    found = _full_dates(text) if found is None else found
    short = [(m.start(), m.end(), d) for m in _SHORT_YEAR.finditer(text) if (d := _short_date(m))]
    dated = found + [s for s in short if _free([(a, b) for a, b, _ in found], s[0], s[1])]
    labelled = [(rank, s, d) for s, _e, d in dated if (rank := _label_rank(text, s))]
    return min(labelled)[2] if labelled else None


def _short_date(m: re.Match[str]) -> date | None:
    return _safe_date(2000 + int(m.group("yy")), int(m.group("m")), int(m.group("d")))


def resolve_day(day: int, ref: date) -> date:
    """ "28일" against the publication date: this month, or the previous one when the day is still ahead."""
    if not 1 <= day <= 31:
        raise ValueError(f"no such day: {day}")
    year, month = ref.year, ref.month
    if day > ref.day:
        year, month = _shift_month(year, month, -1)
    for _ in range(3):  # 30일 seen in March: February has none, so January
        if (d := _safe_date(year, month, day)) is not None:
            return d
        year, month = _shift_month(year, month, -1)
    raise ValueError(f"no month with day {day} near {ref}")


def find_dates(text: str, ref: date | None) -> list[tuple[int, int, date]]:
    """Full and partial dates in a sentence as (start, end, date); partial ones need ref."""
    out = _full_dates(text)
    taken = [(s, e) for s, e, _d in out]
    if ref is not None:
        for pat in _PARTIAL:
            for m in pat.finditer(text):
                d = _nearest_year(_month_of(m), int(m.group("d")), ref)
                if d and _free(taken, m.start(), m.end()):
                    out.append((m.start(), m.end(), d))
                    taken.append((m.start(), m.end()))
        for m in _DAY.finditer(text):
            d = _day_date(int(m.group("d")), m.group("rel"), ref)
            if d and _free(taken, m.start(), m.end()):
                out.append((m.start(), m.end(), d))
    return sorted(out)


def fiscal_year(text: str, ref: date | None) -> int | None:
    """Budget year: "2025년도", "2025년 예산", "FY2025", "'24년", "내년도" (ref + 1), "올해" (ref)."""
    for pat in _FISCAL:
        for m in pat.finditer(text):
            if (y := _year(m.group("y") or m.groupdict().get("y2"))) is not None:
                return y
    rel = _FISCAL_REL.search(text)
    if rel and ref is not None:
        return ref.year + _REL_OFFSET[(rel.group("rel") or rel.group("en")).lower()]
    for m in _PLAIN_YEAR.finditer(text):
        if (y := _year(m.group("y") or m.group("ey"))) is not None:
            return y
    rel = _REL_WORD.search(text)
    if rel and ref is not None:
        return ref.year + _REL_OFFSET[(rel.group("rel") or rel.group("en")).lower()]
    return None


def find_period(text: str, ref: date | None) -> tuple[int | None, int | None]:
    """Program start and end years: "2024~2028년", "2028년까지" (None, 2028), "from 2024 to 2028"."""
    for pat in _RANGE:
        for m in pat.finditer(text):
            a = _year(m.group("a"))
            b = _year(m.group("b"), century_of=a)
            if a is not None and b is not None and 0 <= b - a <= 50:
                return a, b
    return _one_end(_START, text, ref), _one_end(_END, text, ref)


def _one_end(pat: re.Pattern[str], text: str, ref: date | None) -> int | None:
    for m in pat.finditer(text):
        if m.group("rel"):
            if ref is not None:
                return ref.year + _REL_OFFSET[m.group("rel")]
        elif (y := _year(m.group("y") or m.group("ey"))) is not None:
            return y
    return None


def _year(token: str | None, century_of: int | None = None) -> int | None:
    """A plausible year from "2025", "'25" or (after a full year) "28"."""
    if not token:
        return None
    digits = re.sub(r"[^0-9]", "", token)
    if len(digits) == 2:
        digits = str((century_of or 2000) // 100) + digits
    y = int(digits)
    return y if _MIN_YEAR <= y <= _MAX_YEAR else None


def _full_dates(text: str) -> list[tuple[int, int, date]]:
    out: list[tuple[int, int, date]] = []
    for pat in _FULL:
        for m in pat.finditer(text):
            d = _safe_date(int(m.group("y")), _month_of(m), int(m.group("d")))
            if (
                d
                and _MIN_YEAR <= d.year <= _MAX_YEAR
                and _free([(s, e) for s, e, _ in out], m.start(), m.end())
            ):
                out.append((m.start(), m.end(), d))
    return sorted(out)


def _month_of(m: re.Match[str]) -> int:
    mon = m.groupdict().get("mon")
    return _MONTHS[mon[:3].lower()] if mon else int(m.group("m"))


def _label_rank(head: str, start: int) -> int:
    """1 for 입력/기사승인/Published before the date on its line, 2 for 수정/Updated, 0 for none."""
    line_start = head.rfind("\n", 0, start) + 1
    m = _LABEL.search(head, max(line_start, start - 40), start)
    if m is None:
        return 0
    return 2 if _LOW_LABEL.search(m.group("label")) else 1


def _line_at(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : end if end >= 0 else len(text)].strip()


def _is_byline(line: str) -> bool:
    """A short metadata-like line ("2024년 10월 28일(월) 조간", "홍길동 기자 2024.10.28"), not a sentence."""
    return len(line) <= BYLINE_LINE and not _is_sentence(line)


def _is_sentence(line: str) -> bool:
    """A sentence: it ends like one, or has many words and a full stop ("It takes effect on Jan. 22, 2026.")."""
    words = sum(1 for w in line.split() if _LETTERS.search(w))  # "2024. 1. 18." has no words
    return bool(_SENTENCE_END.search(line)) or (words >= SENTENCE_WORDS and line.rstrip().endswith("."))


def _day_date(day: int, rel: str | None, ref: date) -> date | None:
    if not 1 <= day <= 31:
        return None
    if rel == "오는":  # the coming 21st: this month, or next month when already past
        year, month = (ref.year, ref.month) if day >= ref.day else _shift_month(ref.year, ref.month, 1)
        return _safe_date(year, month, day)
    try:
        return resolve_day(day, ref)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    """ "Oct. 28" / "10월 28일" without a year: the one of last, this or next year closest to ref."""
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    return min(cands, key=lambda d: abs((d - ref).days)) if cands else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + by
    return n // 12, n % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)
