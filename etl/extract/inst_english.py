"""English names of institutions outside the gazetteer, found by their form (`Vector Institute`, `University of
Waterloo`, `ZINOL Inc.`, `Angel Robotics`), and the English spellings the gazetteer's names are matched in too
(`Donghae City`, `the city of Donghae`, `… Corp.`, `and`/`&`, `Postech` for POSTECH)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from etl import lexicon
from etl.romanize import romanize

# Words that end only a company's or an agency's name (Angel Robotics, D-Wave Systems, Busan Port Authority).
_COMPANY = (
    r"Robotics|Technologies|Systems|Electronics|Labs|Networks|Pharmaceuticals|Therapeutics|Motors|"
    r"Holdings|Ventures|Co\.|Ltd\.?|LLC|GmbH|Hospital|Bank|Agency|Authority|Association"
)
_EN_FORM = re.compile(
    r"\b(?:University of(?: (?:the )?[A-Z][\w'&.-]*)+"
    rf"|(?:[A-Z][\w'&.-]*[ ]){{1,5}}(?:University|Institute|Foundation|Alliance|Inc\.|Corp\.|Corporation|{_COMPANY})(?![\w-])"
    r"(?: (?:of|for)(?: (?:the |and )?[A-Z][\w'&-]*){1,5})?)"
)
# `Independent AI Foundation Model Project`: a capitalised word after the form continues a longer name.
_COMPANY_HEAD = re.compile(rf"Inc\.|Corp\.|{_COMPANY}")
_EN_NAME_GOES_ON = re.compile(r" [A-Z]")
# `Korea Information and Communication Technology Association`: a name the form took only from its `and` on.
# Two capitalised words before `and` whose last is no name's ending (`Sora Technologies and Miso Labs` is a list).
_ANDED = re.compile(r"[A-Z][\w'.-]* ([A-Z][\w'.-]*) (?:and|&) $")
_NO_BODY = re.compile(r"News Agency$")  # a news agency credits a story: a byline, no actor
_EN_TYPES = {"University": "university", "Institute": "research", "Foundation": "other", "Alliance": "other",
             "Agency": "public_agency", "Authority": "public_agency",
             "Association": "other", "Hospital": "other"}  # fmt: skip
_EN_STOP = {"The", "A", "An", "In", "At", "On", "By", "For", "From", "With", "And", "Of", "Meanwhile",
            "Also", "But", "While", "Both", "Its", "Their", "This", "That", "These", "Researchers",
            "Professor", "Prof.", "Dr.", "Korea's", "Seoul's", "Each", "Every"}  # fmt: skip


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
        anded = _ANDED.search(text, 0, m.start())
        if _NO_BODY.search(m.group()) or (anded and not _is_head(anded.group(1))):
            continue
        if free(m.start(), m.end()) and not _EN_NAME_GOES_ON.match(text, m.end()):
            out.extend(_english_form(m))
    out.extend((a, b, "industry") for a, b in head_spans(text) if free(a, b))
    return out


def _is_head(word: str) -> bool:
    return word in _EN_TYPES or word == "Corporation" or bool(_COMPANY_HEAD.fullmatch(word))


def _english_form(m: re.Match[str]) -> list[tuple[int, int, str]]:
    words = m.group().split(" ")
    start = m.start()
    while len(words) > 1 and (words[0] in _EN_STOP or words[0].endswith("'s")):
        start += len(words.pop(0)) + 1
    owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    for w in words[: owner[-1] + 1] if owner else []:  # "Saudi Arabia's King Saud University": the owner goes
        start += len(w) + 1
    words = words[owner[-1] + 1 :] if owner else words
    head = next(
        (w for w in words if w in _EN_TYPES or _COMPANY_HEAD.fullmatch(w) or w == "Corporation"), None
    )
    if head is None or len(words) < 2 or (words[0] == head and head != "University"):
        return []
    return [(start, m.end(), _EN_TYPES.get(head, "industry"))]


# A 시·군·도 name is a stem of two or three syllables and its unit (동해시, 남양주시, 강원도); longer names are given in
# the gazetteer as they are written.
_LOCAL_NAME = re.compile(r"([가-힣]{2,3})([가-힣])")


def english_local_names(korean: str) -> list[str]:
    """`동해시` → Donghae City, Donghae-si, the city of Donghae: the English forms of a local government's Korean
    name (a term ending in `of` goes before the name)."""
    m = _LOCAL_NAME.fullmatch(korean)
    if not m:
        return []
    stem = romanize(m.group(1))
    return [
        stem + t if t.startswith("-") else f"{t} {stem}" if t.endswith(" of") else f"{stem} {t}"
        for t in lexicon.terms("inst_local_en", m.group(2))
    ]


_AND_SPELLINGS = ((" & ", " and "), (" and ", " & "))
# `Ministry of Trade, Industry, and Energy`: the serial comma before the last `and` of a list of three or more.
_LAST_AND = re.compile(r"(,[^,]+?) and (?!.* and )")
_SERIAL_AND = re.compile(r", and ")


def other_spellings(name: str) -> list[str]:
    """The spellings English uses for the same name: `and` or `&` (Korea Internet & Security Agency), a list with or
    without the serial comma (Ministry of Land, Infrastructure(,) and Transport), and a local government named as
    its administration (Busan Metropolitan City → Busan Metropolitan Government), an abbreviated ending (Korea Electric
    Power Corporation → … Corp.): `inst_en_endings`, and capitals in title case (POSTECH → Postech)."""
    out = [name.replace(a, b) for a, b in _AND_SPELLINGS if a in name]
    out += [
        name[: -len(e.meaning)] + e.term
        for e in lexicon.entries("inst_en_endings")
        if name.endswith(" " + e.meaning)
    ]
    if _SERIAL_AND.search(name):
        out.append(_SERIAL_AND.sub(" and ", name))
    elif _LAST_AND.search(name):
        out.append(_LAST_AND.sub(r"\1, and ", name))
    title = title_case(name)
    return [*out, title] if title != name else out


# English news writes a name the body spells in capitals in title case (POSTECH → Postech, KAIST → Kaist, MAUM AI →
# Maum AI). A short acronym alone (KIST, GIST: also an English word) is left as it is: 5 letters alone, 4 in a longer
# name (NAVER LABS → Naver Labs).
_CAPS_ALONE, _CAPS_IN_NAME = 5, 4


def title_case(name: str) -> str:
    """The name with its all-capital words of a pronounceable length in title case; unchanged if it has none."""
    least = _CAPS_ALONE if " " not in name else _CAPS_IN_NAME
    return " ".join(
        w[0] + w[1:].lower() if len(w) >= least and w.isalpha() and w.isupper() and w.isascii() else w
        for w in name.split(" ")
    )


# `the committees on defense; environment and labor; …`, `the health and welfare committee`: the National Assembly's
# standing committees named by their topic (lexicon inst_committee_topics: topic → canonical name).
_PANELS_ON = re.compile(r"\b[Cc]ommittees? on ([a-z][a-z ,;]*)")


@cache
def _topic_committee() -> re.Pattern[str]:
    return re.compile(rf"\b(?:[Tt]he )({lexicon.pattern('inst_committee_topics')}) committee\b")


def committee_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of standing committees named by topic, with their canonical names."""
    if "ommittee" not in text:
        return []
    topics = lexicon.meanings("inst_committee_topics")
    out = [(m.start(1), m.end(1), topics[m.group(1)]) for m in _topic_committee().finditer(text)]
    for m in _PANELS_ON.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("; "):
            words = item.removeprefix("and ").split(" ")
            # the longest run of the item's first words that is a topic (`education, together with the`)
            topic = next(
                (t for k in range(len(words), 0, -1) if (t := " ".join(words[:k]).rstrip(",")) in topics), ""
            )
            if topic:
                start = pos + item.index(topic)
                out.append((start, start + len(topic), topics[topic]))
            pos += len(item) + 2
    return out
