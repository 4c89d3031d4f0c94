"""Programs the programs catalogue lists (etl/resources/programs.tsv), found in a page under any spelling.

A page that writes a recurring program without quotes or a program word ("데이터댐에는 1조4642억원", "the
digital New Deal", "국가AI컴퓨팅센터 유치") names it all the same: the catalogue already says it is a program.
A Korean spelling is matched on the program key (etl.normalize.program_key: 인공지능→ai, no spaces or
punctuation); an English one as whole words, any case ("data vouchers" is a plural common noun, not the
Data Voucher programme). The linker ties an amount to such a name only in the amount's own sentence.
"""

from __future__ import annotations

import re
from functools import cache

from etl import program_catalog
from etl.models import Evidence, Program, Sentence
from etl.normalize import program_key

# A Korean spelling whose key has fewer Hangul syllables than this ("ai허브": 2, "k클라우드": 4 with a
# letter) is a common word on many pages rather than one program's name; "데이터댐" (4) is a name.
CATALOG_MIN_HANGUL = 4
# An English spelling needs this many words: one word ("AI+X") is too common to name one program alone.
CATALOG_MIN_WORDS = 2


@cache
def _spellings() -> tuple[tuple[str, str, re.Pattern[str] | None, str], ...]:
    """(spelling, key, whole-word pattern for an English spelling, probe) for each specific enough catalogue
    spelling. The probe is a piece of text every match holds (an English spelling's longest word, lowered; a
    Korean one's key): a plain substring test rules most spellings out before any pattern runs."""
    out = []
    for entry in program_catalog.entries():
        for name in dict.fromkeys(n for n in (entry.canonical, entry.name_en, *entry.aliases) if n):
            key = program_key(name)
            if name.isascii():
                words = re.findall(r"[A-Za-z0-9+]+", name)
                if len(words) >= CATALOG_MIN_WORDS:
                    pattern = r"\b" + r"[\s\-]+".join(map(re.escape, words)) + r"\b"
                    out.append((name, key, re.compile(pattern, re.IGNORECASE), max(words, key=len).lower()))
            elif sum("가" <= ch <= "힣" for ch in key) >= CATALOG_MIN_HANGUL:
                out.append((name, key, None, key))
    return tuple(out)


# What program_key drops between the characters of a name: spaces, punctuation, an English gloss ("(AI)").
_GAP = r"(?:[\s'‘’\"“”·.,:;\-_/&]|\([A-Za-z][^()]{0,30}\))*"


def _as_written(key: str, text: str) -> str | None:
    """The span of `text` a Korean key was found in ("AI 바우처 지원" for ai바우처지원), or None."""
    pieces = re.findall(r"ai|.", key)
    pattern = _GAP.join("(?:ai|인공지능)" if p == "ai" else re.escape(p) for p in pieces)
    m = re.search(pattern, text, re.IGNORECASE)
    return m.group().strip() if m else None


def catalogued_programs(sentences: list[Sentence], programs: list[Program]) -> list[Program]:
    """The catalogue programs `sentences` name that `programs` does not already hold (nor one holding it)."""
    known = [program_key(k) for p in programs for k in (p.name, p.name_en) if k]
    out: list[Program] = []
    for sent in sentences:
        text, lower = program_key(sent.text), sent.text.lower()
        for name, key, pattern, probe in _spellings():
            if probe not in (lower if pattern else text):
                continue
            if pattern:
                m = pattern.search(sent.text)
                written = m.group() if m else None
            else:
                written = _as_written(key, sent.text) or name
            if written and not any(key in k for k in known):
                out.append(Program(name=written, evidence=Evidence(sent.text, sent.start, sent.end)))
                known.append(key)
    return out
