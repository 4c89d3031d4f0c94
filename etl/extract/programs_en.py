"""Lower-case English program names: "the AI content production support project", "the inter-ministerial new
drug development projects" (English pages write many program names without capitals). The words and the program
word after them come from etl/resources/lexicon/program_en_lower.tsv. Used by etl/extract/programs.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon

# A lower-case name has at least this many words before its program word: "the data voucher project" (2); one
# word ("the complex project", "the pilot project") says what kind of project, not which.
MIN_LOWER_WORDS = 2
# And at most this many: a longer run is a clause ("the money the city will put into the new …").
MAX_LOWER_WORDS = 6


@cache
def _lower_name() -> re.Pattern[str]:
    form = lexicon.pattern("program_en_lower", "form")
    word = r"[A-Za-z][\w\-]*"
    # A lookahead, so that "the first phase of the AI cluster project" is tried again from its inner "the".
    return re.compile(rf"(?=\bthe\s+((?:{word}\s+){{1,{MAX_LOWER_WORDS + 2}}}?{form})(?![\w\-]))")


def lower_names(text: str) -> list[str]:
    """Lower-case program names after "the" in `text`, leading words such as "so-called" dropped."""
    lead = {t.lower() for t in lexicon.terms("program_en_lower", "lead")}
    inside = {t.lower() for t in lexicon.terms("program_en_lower", "inside")}
    out = []
    for m in _lower_name().finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in lead:
            words = words[1:]
        before = words[:-1]
        if not MIN_LOWER_WORDS <= len(before) <= MAX_LOWER_WORDS:
            continue
        if any(w.lower() in inside for w in before) or not words[-1].islower():
            continue
        out.append(" ".join(words))
    return out


def lower_name(name: str) -> bool:
    """True when `name` ends in a lower-case program word ("the data voucher project"): a name an English lead
    mentions in passing, as an example of what the money goes to, more often than the story's subject."""
    words = name.split()
    return bool(words) and words[-1] in lexicon.terms("program_en_lower", "form")
