"""A parent program and the child the text names as one of its parts ("'X 조성' 사업의 하나로 'Y' 공모를 진행한다"):
a story whose lead only touches the parent (a subtitle holding a piece of its name) is about the child it goes on
to announce. The parent cues are in etl/resources/lexicon/program_parent_cues.tsv. Used by etl/extract/links.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.models import Sentence

# How far after a program's name a parent cue still speaks of it: the name itself (up to 40 characters) and a
# program word with its particle ("… 조성' 사업의 하나로"); the same span links.py gives the lead's parent check.
PARENT_GAP = 56


def child_of(
    parent: str,
    sentences: list[Sentence],
    named: Callable[[Sentence], list[tuple[int, str]]],
    cue: re.Pattern[str],
) -> str | None:
    """The first program named after a parent cue that follows `parent`'s name in one sentence, or None."""
    for s in sentences:
        found = named(s)
        for pos, name in found:
            if name != parent:
                continue
            m = cue.search(s.text, pos, pos + PARENT_GAP)
            if m is None:
                continue
            after = [n for p, n in found if p >= m.end() and n != parent]
            if after:
                return after[0]
    return None
