"""Vocabularies as data: `etl/resources/lexicon/NAME.tsv` with columns `term`, `meaning`, `example`.

A rule reads its words from one of these files, never from a regex literal, so a newcomer adds a cue by adding
a line. `example` is a sentence the rule must handle as `meaning` says; tests/test_lexicon.py runs every example
through the real extractor. The loader builds guarded alternations: every term escaped, the longest first (so
`총사업비` wins over `총`), a space in a term matching any run of spaces or none (`시장 규모` = `시장규모`),
and a term in Latin letters matched as whole words, case-insensitively.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "resources" / "lexicon"
COLUMNS = ("term", "meaning", "example")


@dataclass(frozen=True)
class Entry:
    term: str
    meaning: str
    example: str


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """Every row of NAME.tsv; a file with another header or an empty term is an error, not a silent skip."""
    path = LEXICON_DIR / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{path.name}: the first line must be {' / '.join(COLUMNS)}")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 3 or not row[0].strip():
            raise ValueError(f"{path.name}:{n}: want three tab-separated columns with a term")
        out.append(Entry(*(cell.strip() for cell in row)))
    return tuple(out)


def terms(name: str, meaning: str | None = None) -> list[str]:
    """The terms of NAME.tsv, all or those with one meaning."""
    return [e.term for e in entries(name) if meaning is None or e.meaning == meaning]


def meanings(name: str) -> dict[str, str]:
    """Term → meaning (a term listed twice keeps its first meaning)."""
    out: dict[str, str] = {}
    for e in entries(name):
        out.setdefault(e.term, e.meaning)
    return out


def _one(term: str) -> str:
    body = r"\s*".join(re.escape(part) for part in term.split())
    if re.fullmatch(r"[A-Za-z][A-Za-z .&'-]*", term):
        return (
            rf"(?i:(?<![A-Za-z0-9]){body}(?![A-Za-z0-9]))"  # whole Latin words, even glued to Hangul: MOU를
        )
    return body


def alternation(words: Iterable[str]) -> str:
    """One regex group matching any of `words`: escaped, longest first, spaces flexible, Latin words whole."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"  # an empty vocabulary matches nothing
    return "(?:" + "|".join(_one(w) for w in unique) + ")"


def alternation_except(words: Iterable[str], name: str) -> str:
    """As `alternation`, but a term is not matched as the tail of a longer word of NAME.tsv that ends in it: 구비
    (a district's money) is not the end of 연구비 (research money), while 춘천시비 still holds 시비."""
    words, longer = list(words), terms(name)
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        heads = [x[: -len(w)] for x in longer if x.endswith(w) and len(x) > len(w)]
        parts.append("".join(f"(?<!{re.escape(h)})" for h in heads) + _one(w))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@cache
def char_class(name: str, *meanings: str) -> str:
    """The single-character terms of NAME.tsv with any of `meanings`, escaped for use inside `[...]`."""
    marks = [t for m in meanings for t in terms(name, m)]
    if any(len(t) != 1 for t in marks):
        raise ValueError(f"{name}.tsv: a character class takes single characters, not {marks}")
    return "".join(re.escape(t) for t in dict.fromkeys(marks))


@cache
def pattern(name: str, meaning: str | None = None) -> str:
    """The alternation of NAME.tsv's terms (of one meaning), cached."""
    return alternation(terms(name, meaning))
