"""English facility names: Capitalised names before a head, `data center in X`, qualified generic heads."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.places import find_addresses, geocode
from etl.extract.site_names import MAX_NAME_WORDS
from etl.extract.site_vocab import vocab as _vocab

_LEADING_EN = {"The", "A", "An", "This", "That", "Its", "Our", "Their", "In", "At", "On", "By", "From", "And"}
_EN_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|our)\s+$", re.I)
# A place's possessive before a qualified name opens it like an article: "Ulsan's Mipo industrial complex".
_EN_PLACE_OWNER = re.compile(r"\b([A-Z][a-z]+)['’]s\s+$")
_EN_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[A-Z][\w-]*|\w+ern)\b")
# A word that may qualify an English head: a plain word, or a size written as one word (5-gigawatt).
_EN_WORD = re.compile(r"(?:(?<=\s)|^)([A-Za-z][A-Za-z-]*|\d[\d.]*-[A-Za-z]+)\s+$")
_EN_QUOTED = re.compile(r"[\"“]([A-Za-z][A-Za-z0-9 \-]{2,60}?)[.,]?[\"”]")
_EN_IN = re.compile(
    r"\b((?:[A-Z][\w&\-]*\s+)?(?:(?:AI|new|hyperscale|large|an?|the)\s+)*data cent(?:er|re)\s+in\s+"
    r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)"
)


@cache
def _head_before() -> re.Pattern[str]:
    """A lower-case English head (site_heads.tsv) right before the cursor: `data center ` of `… and research hub`."""
    heads = [e.term for e in lexicon.entries("site_heads") if e.term.isascii() and e.term[0].islower()]
    return re.compile(rf"\b(?:{'|'.join(re.escape(t) for t in heads)})s?\s+$")


def english(text: str, prev: str) -> list[tuple[str, int, int, bool]]:
    """English names: Capitalised names before a head, `data center in X`, and qualified generic heads."""
    v = _vocab()
    out = []
    for m in v["en_name"].finditer(text):  # type: ignore[attr-defined]
        words = m.group(1).split()
        owner = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
        words = words[owner[-1] + 1 :] if owner else words  # "Abu Dhabi's Khalifa Port"
        verbs = [i for i, w in enumerate(words) if w in v["en_verbs"]]  # type: ignore[operator]
        words = words[verbs[-1] + 1 :] if verbs else words  # "Seoul Opens Yangjae AI Hub": a headline's verb
        while words and (words[0] in _LEADING_EN or words[0] in v["stops"]):
            words.pop(0)  # type: ignore[operator]
        if any(w in v["stops"] for w in words):  # type: ignore[operator]
            continue  # "1 GW AI data center": a size, not a name
        name = " ".join([*words, m.group(2)])
        out.append((name, m.end() - len(name), m.end(), m.group(2) in v["weak"]))  # type: ignore[operator]
    for m in v["en_numbered"].finditer(text):  # type: ignore[attr-defined]
        kept = [w for w in re.finditer(r"\S+", m.group(1)) if w.group() not in _LEADING_EN]
        if kept:  # "in Advanced District 3": the name opens at its first word that is no article
            start = m.start(1) + kept[0].start()
            out.append((text[start : m.end()], start, m.end(), False))
    for m in _EN_IN.finditer(text):
        name = re.sub(r"^(?:(?:an?|the|new)\s+)+", "", m.group(1), flags=re.I)
        out.append((name, m.end() - len(name), m.end(), False))
    if find_addresses(text) or _EN_PLACE.search(text) or find_addresses(prev) or _EN_PLACE.search(prev):
        out += _english_qualified(text)
    return out


def _english_qualified(text: str) -> list[tuple[str, int, int, bool]]:
    """`an advanced packaging hub`, `a 5-gigawatt AI campus`, `"second semiconductor production hub"`."""
    stops = _vocab()["stops"]
    out = []
    for m in _vocab()["en_low"].finditer(text):  # type: ignore[attr-defined]
        q = _EN_QUOTED.search(text, max(0, m.start() - 62), m.end() + 3)
        if q and q.start(1) < m.start() and q.end(1) >= m.end():
            out.append((text[q.start(1) : m.start()] + m.group(1), q.start(1), m.end(), False))
            continue
        start = m.start()
        for _ in range(MAX_NAME_WORDS):
            if _opens(text, start):
                break
            w = _EN_WORD.search(text, max(0, start - 40), start)
            if w and w.group(1) == "and" and _head_before().search(text, max(0, w.start(1) - 20), w.start(1)):
                start = w.start(1)  # "an AI data center and research hub": two heads of one facility
                continue
            if not w or w.group(1) in stops or w.group(1).lower() in stops:  # type: ignore[operator]
                start = m.start()
                break
            start = w.start(1)
        if start < m.start() and _opens(text, start):
            out.append((text[start : m.start()] + m.group(1), start, m.end(), False))
    return out


def _opens(text: str, start: int) -> bool:
    """An article or a place's possessive right before `start` opens a qualified name."""
    if _EN_DETERMINER.search(text, max(0, start - 8), start):
        return True
    owner = _EN_PLACE_OWNER.search(text, max(0, start - 30), start)
    return owner is not None and geocode(owner.group(1)) is not None
