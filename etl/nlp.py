"""Korean NLP: one Kiwi per process (for the few rules that need word tags), sentence splitting with exact
character offsets."""

from __future__ import annotations

import re
import threading
import warnings
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from etl.models import Sentence

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

_LOCK = threading.Lock()
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_EN_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|(?=\n)|$)")


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """Build Kiwi once per process (~2 s, ~500 MB) and register gazetteer names.

    Single-threaded (`num_workers=0`): we parallelise by process, and a Kiwi without a thread pool can be
    forked, so workers share one copy (etl/workers.py). Kiwi warns that 0 meant "all cores" before 0.21.
    """
    from kiwipiepy import Kiwi

    with _LOCK, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="behavior of `num_workers=0`", category=DeprecationWarning)
        kiwi = Kiwi(num_workers=0)
        for word in _user_words():
            kiwi.add_user_word(word, "NNP")
        # Common nouns Kiwi splits into a verb ending ("복합기지" read as 복합 + 이 + 지): lexicon/kiwi_nouns.tsv.
        from etl import lexicon

        for noun in lexicon.terms("kiwi_nouns", "noun"):
            kiwi.add_user_word(noun, "NNG")
        return kiwi


def _user_words() -> list[str]:
    from etl.config import RESOURCES

    path = RESOURCES / "kiwi_userdict.txt"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#") and " " not in w.strip()]


def detect_lang(text: str) -> str:
    """'ko' when Hangul is a noticeable share of the letters, else 'en'."""
    sample = text[:4000]
    hangul = len(_HANGUL.findall(sample))
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "ko" if hangul * 3 >= latin * 0.5 and hangul > 0 else "en"


# Kiwi's tags that end a word no name can hold: a particle (조사 J…), a verb or copula ending (어미 E…).
_CLAUSE_TAGS = ("J", "E")


@cache
def word_tags(word: str) -> tuple[str, ...]:
    """Kiwi's tags of one Hangul word (trailing comma dropped); () for any other word. Cached: words repeat."""
    word = word.rstrip(",")
    return tuple(t.tag for t in get_kiwi().tokenize(word)) if re.search(r"[가-힣]$", word) else ()


def inflected(word: str) -> bool:
    """True when Kiwi reads `word` as ending in a particle or a verb ending ("전환이", "농업에", "강화해",
    "분야인", "투입돼"): a clause, not a piece of a name."""
    tags = word_tags(word)
    return len(tags) > 1 and tags[-1].startswith(_CLAUSE_TAGS)


# The tags a subject or topic particle may follow: a noun, a foreign word, a number, a noun suffix.
_NOMINAL_TAGS = ("N", "SL", "SH", "SN", "XSN")


def noun_subject(word: str) -> bool:
    """True when Kiwi reads `word` as a noun with a subject or topic particle ("대전시는", "예산은", "기업이"),
    not an adnominal verb ("키우는", "세우는") or an adverbial ("서비스에는")."""
    tags = word_tags(word)
    return len(tags) > 1 and tags[-1] in ("JKS", "JX") and tags[-2].startswith(_NOMINAL_TAGS)


def connective(word: str) -> bool:
    """True when Kiwi reads `word` as a verb with a connective ending ("깎이고", "늘렸으며", "했지만"): the clause
    it ends is done and another begins."""
    tags = word_tags(word)
    return len(tags) > 1 and tags[-1] == "EC" and tags[-2].startswith(("V", "XSV", "XSA", "EP"))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with spans such that text[s.start:s.end] == s.text.

    Line breaks always end a sentence; within a line, punctuation rules split Korean (_KO_END) and English.
    """
    paras = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    korean = [i for i, (_, chunk) in enumerate(paras) if len(chunk) >= 8 and _HANGUL.search(chunk)]
    ko_spans = dict(zip(korean, _split_ko([paras[i][1] for i in korean]), strict=True))
    out: list[Sentence] = []
    for i, (base, chunk) in enumerate(paras):
        spans = ko_spans[i] if i in ko_spans else _split_en(chunk)
        for s, e in spans:
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(text[base + s : base + e], base + s, base + e))
    return out


def _split_en(chunk: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"(?<![A-Z])(?<!\b(?:Mr|Dr|Ms|No|vs|St))[.!?]+[\"')\]]*\s+(?=[A-Z\"'(])", chunk):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(chunk)))
    return spans


# A Korean sentence ends at . ! or ? (closing quotes and brackets may follow) and white space. Not after a
# digit (`2024. 10. 28.`, `3.5`), a capital (`U.S. `) or another dot (`…`), which end no sentence. Kiwi's
# splitter (a full morphological analysis, as costly as tokenising the text) agreed with this on 743 of our
# 744 Korean lines, and the one it split differently was a headline cut after a quoted name.
_KO_END = re.compile(r"(?<=[^\s0-9A-Z.][.!?])([\"'”’)\]」』]*)\s+(?=\S)")


def _split_ko(chunks: list[str]) -> list[list[tuple[int, int]]]:
    """Each Korean line's sentence spans, cut where _KO_END matches."""
    out = []
    for chunk in chunks:
        spans, start = [], 0
        for m in _KO_END.finditer(chunk):
            spans.append((start, m.end(1)))  # closing quotes and brackets stay with their sentence
            start = m.end()
        spans.append((start, len(chunk)))
        out.append(spans)
    return out
