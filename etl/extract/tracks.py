"""Tracks a program is split into: "이 사업은 △AI 융합연구센터 △AI 전문기업 육성 두 갈래로 추진된다" names two
parts, each with money of its own. A later sentence that opens with a track's name ("AI 융합연구센터로 지정되면
올해 11억원을 받는다") speaks of that track, so its amount is the track's, not the parent program's the story is
about. The cues that declare tracks are in etl/resources/lexicon/program_track_cues.tsv; the track names are the
items of the inline △/▲ list before the cue. Used by etl/extract/links.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.models import Sentence

# An inline list mark and the item after it, up to the next mark.
_ITEM = re.compile(r"[△▲▴]\s*([^△▲▴]+)")
# A track declaration lists at least two parts: one marked item alone is a note, not a split.
MIN_TRACKS = 2
# A track's name is a short noun phrase: longer text after a mark is a sentence, not a name.
MAX_TRACK_CHARS = 30
# A later sentence may shorten a name by its last word ("AI 전문기업 육성" → "AI 전문기업으로 뽑히면"); what is
# left must keep this many letters, so that a generic first word ("AI", "지역") never stands for a track.
MIN_SHORT_CHARS = 6
# The count before the cue ("두 갈래로", "3개 분야로") ends the last item: it is no part of the name.
_COUNT = re.compile(r"\s*(?:두|세|네|다섯|여섯|\d+)\s*$")
# After a track's name at a sentence's start: a particle or a space, never more of a word.
_NAME_END = re.compile(r"(?:으로|로|에는|에|은|는|이|가|을|를|의|과|와|도)?(?=\s|$|,)")


@cache
def _cue() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("program_track_cues"))


def declared_tracks(sentences: list[Sentence]) -> list[str]:
    """The names of the tracks the text splits a program into, in order."""
    out: list[str] = []
    for s in sentences:
        cue = _cue().search(s.text)
        if cue is None:
            continue
        items = [_COUNT.sub("", m.group(1)).strip(" ,") for m in _ITEM.finditer(s.text, 0, cue.start())]
        if len(items) >= MIN_TRACKS and all(0 < len(i) <= MAX_TRACK_CHARS for i in items):
            out += [i for i in items if i not in out]
    return out


def opening_track(text: str, tracks: list[str]) -> str | None:
    """The track whose name (or the name without its last word) opens `text`, or None."""
    opening = text.lstrip(" '‘\"“")
    for name in tracks:
        words = name.split()
        forms = [name]
        if len(words) >= MIN_TRACKS and len("".join(words[:-1])) >= MIN_SHORT_CHARS:
            forms.append(" ".join(words[:-1]))
        for form in forms:
            if opening.startswith(form) and _NAME_END.match(opening, len(form)):
                return name
    return None
