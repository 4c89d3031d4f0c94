"""English names of institutions outside the gazetteer: found by their form (`Vector Institute`, `University of
Waterloo`, `ZINOL Inc.`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from etl import lexicon

_EN_FORM = re.compile(
    r"\b(?:University of(?: (?:the )?[A-Z][\w'&.-]*)+"
    r"|(?:[A-Z][\w'&.-]*[ ]){1,5}(?:University|Institute|Foundation|Alliance|Inc\.|Corp\.|Corporation)"
    r"(?: (?:of|for)(?: (?:the |and )?[A-Z][\w'&-]*){1,5})?)"
)
# `Independent AI Foundation Model Project`: a capitalised word after the form continues a longer name.
_EN_NAME_GOES_ON = re.compile(r" [A-Z]")
_EN_TYPES = {"University": "university", "Institute": "research", "Foundation": "other", "Alliance": "other"}
_EN_STOP = {"The", "A", "An", "In", "At", "On", "By", "For", "From", "With", "And", "Of", "Meanwhile",
            "Also", "But", "While", "Both", "Its", "Their", "This", "That", "These", "Researchers",
            "Professor", "Prof.", "Dr.", "Korea's", "Seoul's"}  # fmt: skip


# `Moreh CEO Jo Gang-won`, `BK Energy Chairman Jung …`: up to three capitalised words before a company head's title
# and a capitalised name (lexicon inst_company_marks, head_title_en) name the company.
_HEAD_NAME_WORDS = 3
# A word that qualifies the title, not the company (`SK Group Vice Chairman`, `Former CEO`).
_TITLE_QUALIFIERS = {"Vice", "Deputy", "Acting", "Executive", "Senior", "Former", "Co-CEO", "Board"}


@cache
def _head() -> re.Pattern[str]:
    title = lexicon.pattern("inst_company_marks", "head_title_en")
    return re.compile(rf"(?<![\w&.'-])((?:[A-Z][\w&.-]*[ ]){{1,{_HEAD_NAME_WORDS}}}){title}[ ]+[A-Z][a-z]")


def head_spans(text: str) -> list[tuple[int, int]]:
    """Spans of company names before their head's title and name (`R.O. Defense CEO Park …`)."""
    out = []
    for m in _head().finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        while words and (words[0] in _EN_STOP or words[0] in _TITLE_QUALIFIERS or words[0].endswith("'s")):
            start += len(words.pop(0)) + 1
        while words and words[-1] in _TITLE_QUALIFIERS:
            words.pop()
        if words:
            out.append((start, start + len(" ".join(words))))
    return out


def form_spans(text: str, free: Callable[[int, int], bool]) -> list[tuple[int, int, str]]:
    """Spans of English names with an institution's form, and the type the form implies; a form whose whole match
    overlaps a name found already (not `free`) gives none."""
    out = []
    for m in _EN_FORM.finditer(text):
        if free(m.start(), m.end()) and not _EN_NAME_GOES_ON.match(text, m.end()):
            out.extend(_english_form(m))
    out.extend((a, b, "industry") for a, b in head_spans(text) if free(a, b))
    return out


def _english_form(m: re.Match[str]) -> list[tuple[int, int, str]]:
    words = m.group().split(" ")
    start = m.start()
    while len(words) > 1 and (words[0] in _EN_STOP or words[0].endswith("'s")):
        start += len(words.pop(0)) + 1
    owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    for w in words[: owner[-1] + 1] if owner else []:  # "Saudi Arabia's King Saud University": the owner goes
        start += len(w) + 1
    words = words[owner[-1] + 1 :] if owner else words
    head = next((w for w in words if w in _EN_TYPES or w in {"Inc.", "Corp.", "Corporation"}), None)
    if head is None or len(words) < 2 or (words[0] == head and head != "University"):
        return []
    return [(start, m.end(), _EN_TYPES.get(head, "industry"))]
