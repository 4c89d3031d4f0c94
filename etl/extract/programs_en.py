"""Lower-case English program names: "the AI content production support project", "the inter-ministerial new
drug development projects" (English pages write many program names without capitals). The words and the program
word after them come from etl/resources/lexicon/program_en_lower.tsv. Used by etl/extract/programs.py."""

from __future__ import annotations

import re
from functools import cache
from itertools import takewhile

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
    return re.compile(rf"(?=\b[Tt]he\s+((?:{word}\s+){{1,{MAX_LOWER_WORDS + 2}}}?{form})(?![\w\-]))")


@cache
def lower_words(meaning: str) -> frozenset[str]:
    """The lower-cased terms of lexicon/program_en_lower.tsv with one meaning (form, lead, inside), read once."""
    return frozenset(t.lower() for t in lexicon.terms("program_en_lower", meaning))


def lower_names(text: str) -> list[str]:
    """Lower-case program names after "the" in `text`, leading words such as "so-called" dropped."""
    lead, inside = lower_words("lead"), lower_words("inside")
    out = []
    for m in _lower_name().finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in lead:
            words = words[1:]
        before = words[:-1]
        if not MIN_LOWER_WORDS <= len(before) <= MAX_LOWER_WORDS:
            continue
        # "The city finished the data dam project": the inner "the" opens the name (tried on its own).
        if any(w.lower() in inside or w.lower() == "the" for w in before) or not words[-1].islower():
            continue
        out.append(" ".join(words))
    return out


@cache
def _proper_name() -> re.Pattern[str]:
    # One to four capitalised words (acronyms such as AI among them) right before a singular lower-case program
    # word ("projects" are several), "of", "and" or "&" joining two of them ("the Ministry of SMEs and Startups
    # program").
    form = lexicon.alternation([t for t in lexicon.terms("program_en_lower", "form") if not t.endswith("s")])
    cap = r"[A-Z][\w\-]*"
    return re.compile(rf"(?<![\w’'&])({cap}(?:\s+(?:(?:of|and|&)\s+)?{cap}){{0,3}}\s+{form})(?![\w\-])")


_JOIN = frozenset({"of", "and", "&"})


# A proper name's own word: a capital and lower-case letters ("Stargate", "Saemangeum"), not an acronym.
_PROPER = re.compile(r"[A-Z][a-z]{2,}")


def proper_names(text: str) -> list[str]:
    """A proper name written before a lower-case program word ("Abu Dhabi's Stargate AI project", "the Saemangeum
    project"): a project a reader can look up by its name. Not a sentence's capitalised first word, and not a
    name of generic words or acronyms only ("the AI project", "a New project", "SOC project"). Also the names the
    text introduces ("…, known as the Seoul Software Academy": introduced_names)."""
    weak = {w.lower() for w in lexicon.terms("program_forms", "en_weak")} | {"the", "korea", "korean"}
    out = []
    body = {w.lower() for w in lexicon.terms("program_forms", "en_body")}
    for m in _proper_name().finditer(text):
        words = m.group(1).split()
        if (after := text[m.end() :].split(maxsplit=1)) and after[0].strip(",.;").lower() in body:
            continue  # "the Defense Acquisition Program Administration": a body named after its program
        if not text[: m.start()].strip() or text[: m.start()].rstrip().endswith((".", ":", '"', "“")):
            words = words[1:]  # the sentence's first word is capitalised anyway
        joins = [i for i, w in enumerate(words) if w in _JOIN]
        if joins and (body.intersection(w.lower() for w in words) or joins[0] == 0):
            words = words[joins[-1] + 1 :]  # "the Ministry of Science and ICT project": a body's, not a name
        if len(words) >= 2 and any(_PROPER.fullmatch(w) and w.lower() not in weak for w in words[:-1]):
            out.append(" ".join(words))
    return out + introduced_names(text)


def lower_name(name: str) -> bool:
    """True when `name` ends in a lower-case program word ("the data voucher project"): a name an English lead
    mentions in passing, as an example of what the money goes to, more often than the story's subject."""
    words = name.split()
    return bool(words) and words[-1] in lower_words("form")


_EN_NAME = re.compile(
    # A year or a number inside a name ("Seoul Vision 2030 Fund"), never its first word.
    r"\b((?:[A-Z][A-Za-z0-9\-’']*|AI|of|for|and|the|on|in|&)(?:\s+(?:[A-Z][A-Za-z0-9\-’']*|\d[\w\-]*|AI|of|for|and|the|on|in|&)){1,8})"
)


@cache
def _words(meaning: str) -> tuple[str, ...]:
    return tuple(lexicon.terms("program_forms", meaning))


def english_names(text: str) -> list[str]:
    """Capitalised English program names ("the Smart Shop Project"), each ending in an `en_bare` program word."""
    names = []
    for m in _EN_NAME.finditer(text):
        words = m.group(1).split()
        # "the Smart Shop Project and the Smart Workshop Project": one run of capitalised words may hold several.
        while words:
            name, end = _english_name(words)
            if name:
                names.append(name)
            if end == 0:
                break
            words = words[end:]
    return names


_EN_STOP = frozenset({"the", "of", "for", "and", "on", "in", "&"})


def _english_name(words: list[str]) -> tuple[str | None, int]:
    """The first program name in a run of capitalised words, and how many words it used (0: none is left)."""
    lead = len(list(takewhile(lambda w: w.lower() in _EN_STOP, words)))
    forms = [i for i, w in enumerate(words) if w in _words("en_bare") and i >= lead + 1]
    if not forms:
        return None, 0
    end = _tail_end(words, forms[0] + 1)
    name = words[lead:end]
    # 'Presidential Committee on National AI Strategy' and 'AI Strategy High-Level Consultative Council' are
    # bodies: a body word inside the name or in the capitalised words right after it.
    tail = list(takewhile(lambda w: w[:1].isupper(), words[end:]))
    if set(_words("en_body")).intersection(name + [w.strip(",.;") for w in tail]):
        return None, end
    if len([w for w in name if w not in _words("en_weak")]) >= 2:
        return " ".join(name), end
    return None, end


# Small words that join a name's capitalised words in its for/on/of tail ("Master Plan for the Digital
# Transformation of Gyeongsangbuk-do"), each followed by a capitalised word.
_TAIL_JOIN = frozenset({"of", "for", "and", "&", "the"})


def _tail_end(words: list[str], end: int) -> int:
    """Where a name ending at `end` (its program word) really ends: a for/on/of tail belongs to the name
    ("Strategy for Artificial Intelligence", "Master Plan for the Digital Transformation of Gyeongsangbuk-do"),
    small joining words in it included, unless the tail names a body ("Plan of the Ministry of …": the plan)."""
    first = end + (2 if end + 2 < len(words) and words[end + 1] == "the" else 1)
    if first >= len(words) or words[end] not in {"for", "on", "of"} or not words[first][0].isupper():
        return end
    out = first + 1
    while out < len(words) and words[out] not in {"In", "The"}:
        if words[out][0].isupper():
            out += 1
            continue
        join = out
        while join < len(words) and words[join] in _TAIL_JOIN:
            join += 1
        if join == out or join >= len(words) or not words[join][0].isupper():
            break
        out = join + 1
    if set(_words("en_body")).intersection(words[end:out]):
        return end
    return out


@cache
def _introduced() -> re.Pattern[str]:
    # "…, known as the Seoul Software Academy", 'a fund dubbed "Data Bridge"': a cue, then a run of capitalised words
    # (small joining words between them), quoted or not.
    cue = lexicon.pattern("program_tie_cues", "en_intro")
    cap = r"(?:[A-Z][\w\-’']*|\d[\w\-]*)"
    return re.compile(rf"\b{cue}\s+(?:the\s+)?[\"“‘']?({cap}(?:\s+(?:of|for|and|on|&)?\s*{cap}){{1,7}})")


def introduced_names(text: str) -> list[str]:
    """Proper names the text introduces as what it just described ("training institutions …, known as the Seoul
    Software Academy"; lexicon/program_tie_cues.tsv `en_intro`): a name a reader could look up, whatever its last
    word. Not a body ('known as the National Data Committee': an `en_body` word in it)."""
    body = set(_words("en_body"))
    return [m.group(1) for m in _introduced().finditer(text) if not body.intersection(m.group(1).split())]
