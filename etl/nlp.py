"""Korean NLP: one Kiwi per process, sentence splitting with exact character offsets."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from etl.models import Sentence

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

_LOCK = threading.Lock()
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_EN_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|(?=\n)|$)")


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """Build Kiwi once per process (~2 s, ~500 MB) and register gazetteer names."""
    from kiwipiepy import Kiwi

    with _LOCK:
        kiwi = Kiwi()
        for word in _user_words():
            kiwi.add_user_word(word, "NNP")
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


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with spans such that text[s.start:s.end] == s.text.

    Line breaks always end a sentence; within a line Kiwi splits Korean (all of a document's Korean
    lines in one call: per-call overhead dominates short lines) and a punctuation rule splits English.
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


def _split_ko(chunks: list[str]) -> list[list[tuple[int, int]]]:
    if not chunks:
        return []
    results = get_kiwi().split_into_sents(chunks)
    return [_glue(chunk, sents) for chunk, sents in zip(chunks, results, strict=True)]


def _glue(chunk: str, sents: list) -> list[tuple[int, int]]:
    """Kiwi's spans, with a cut that has no space after it glued back.

    Kiwi cuts after a quoted name followed by a particle ('국가 AI 연구거점'은 …): a real sentence
    boundary in written text always has white space, so a cut without one is undone.
    """
    spans: list[tuple[int, int]] = []
    for s in sents:
        if spans and s.start == spans[-1][1] and s.start < len(chunk) and not chunk[s.start].isspace():
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    if spans:
        spans[0] = (0, spans[0][1])
        spans[-1] = (spans[-1][0], len(chunk))
    return [piece for span in spans for piece in _split_at_da(chunk, span)] or [(0, len(chunk))]


_DA_END = re.compile(r"(?<=[다요죠음함임됨][.!?])\s+(?=\S)")


def _split_at_da(chunk: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split where Kiwi missed a plain sentence end ('…모였다. '국가…): 다. followed by white space."""
    start, end = span
    out = []
    for m in _DA_END.finditer(chunk, start, end):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    return out
