"""English line items and pointers for etl/extract/links.py: the name whose bracket holds the amount ("a
metaverse leading project (33 billion KRW)"), the head of a bullet line whose bracket holds it ("- Building the AX
Demonstration Valley (the AI Phase 2 Project, total project cost 600 billion won)": the line lists the item the
money is for, as a Korean bullet line does, etl/extract/line_items.py), and a pointer back that opens a sentence
("Under the project, …")."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract.programs_en import MAX_LOWER_WORDS, MIN_LOWER_WORDS, lower_words

# The bracket that holds the amount may say more before it ("the AI Phase 2 Project, total project cost ") but
# stays one aside: this many characters at most.
BRACKET_ASIDE = 60
# A bullet line's head before that bracket: a list mark, then two to twelve words.
_BULLET_BRACKET = re.compile(
    rf"^\s*[-*•·▪◦]\s*((?:[\w’'&·\-]+\s+){{1,11}}[\w’'&·\-]+)\s*\([^()]{{0,{BRACKET_ASIDE}}}$"
)


def bullet_item(before: str) -> tuple[str, bool] | None:
    """The head of the bullet line the amount stands in a bracket of, or None."""
    m = _BULLET_BRACKET.match(before)
    return (m.group(1), True) if m else None


def english_item(before: str) -> tuple[str, bool] | None:
    """The name the amount is listed under in English: a name with the amount in its bracket, a bullet line's head,
    or a name whose bracket gives the amount as its project cost."""
    return _bracket_item(before) or bullet_item(before) or _cost_item(before) or _worth_item(before)


_WORTH = re.compile(r"\s+worth\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+)?$")
_LOWER_WORD = re.compile(r"[a-z][a-z\-]*")


def _worth_item(before: str) -> tuple[str, bool] | None:
    """ "studies are planned for inter-ministerial new drug development projects worth 2 trillion won": the
    lower-case name ending in a program word (lexicon/program_en_lower.tsv `form`) the amount is the worth of.
    The name runs back over lower-case words to the first `inside` word ("for"); "26 projects worth" names none."""
    m = _WORTH.search(before)
    if m is None:
        return None
    words = before[: m.start()].split()
    if not words or words[-1] not in lower_words("form"):
        return None
    start, stops = len(words) - 1, lower_words("inside") | {"the"}
    while start > 0 and _LOWER_WORD.fullmatch(words[start - 1]) and words[start - 1] not in stops:
        start -= 1
    name = words[start:]
    while name and name[0] in lower_words("lead"):
        name = name[1:]
    if not MIN_LOWER_WORDS <= len(name) - 1 <= MAX_LOWER_WORDS:
        return None
    return " ".join(name), True


# "to create the 5·18 Old Cemetery Democracy Park (total project cost 20 billion won)": the bracket's label says the
# name before it is a project. The name runs back from the bracket over capitalised words and joining words, with
# at most this many other lower-case words ("the Gwangju branch of the National Museum …"), from its "the".
COST_NAME_LOWER = 1
_COST_BRACKET = re.compile(r"\s*\(\s*(?:total\s+)?project\s+cost\s+(?:of\s+)?(?:about\s+|some\s+)?$", re.I)
_JOINING = frozenset(("of", "and", "for", "the", "&"))


def _cost_item(before: str) -> tuple[str, bool] | None:
    """The name whose bracket labels the amount as its (total) project cost, or None."""
    m = _COST_BRACKET.search(before)
    if m is None:
        return None
    words = before[: m.start()].split()
    lower, start = 0, len(words)
    while start > 0:
        w = words[start - 1]
        if not w[:1].isalnum() or w[-1:] in ",;:":
            break
        if not (w[:1].isupper() or w[:1].isdigit() or w in _JOINING):
            lower += 1
            if lower > COST_NAME_LOWER:
                break
        start -= 1
    name = words[start:]
    if "the" not in name:
        return None
    name = name[name.index("the") + 1 :]
    return (
        (" ".join(name), True)
        if len(name) >= 2 and (name[0][:1].isupper() or name[0][:1].isdigit())
        else None
    )


@cache
def _en_bracket() -> re.Pattern[str]:
    # "a metaverse leading project (33 billion KRW)": an article, one to six words, a program word, the bracket.
    form = lexicon.pattern("program_forms", "en_bare")
    return re.compile(
        rf"\b(?:a|an|the)\s+((?:(?!(?:a|an|the)\s)[A-Za-z][\w&\-]*\s+){{1,6}}{form})\s*\(\s*(?:about\s+|some\s+)?$",
        re.I,
    )


def _bracket_item(before: str) -> tuple[str, bool] | None:
    """The English name whose bracket the amount stands in ("the ministry will run a metaverse leading project
    (33 billion KRW)"), or None."""
    m = _en_bracket().search(before)
    return (m.group(1), True) if m else None


# "Under the project, about 400 billion KRW will go …": a pointer back in a sentence's opening phrase (a
# preposition and the pointer, up to the first comma) speaks for the clause after it.
_OPENING = re.compile(r"^\W*(?:[A-Za-z]+\s+)?(.{2,24}?)\s*,")


@cache
def _quoted_after() -> re.Pattern[str]:
    # "a 1 trillion-won project to build a "collaborative … ecosystem"": the cue says the quoted words name the
    # project the amount sizes (lexicon/program_tie_cues.tsv `en_quoted`).
    cue = lexicon.pattern("program_tie_cues", "en_quoted")
    # Or no cue at all when the quoted name, capitalised, follows the amount right away ('a 140 billion won "AX
    # Sprint Preferential Track"'): the amount sizes it, as "450억원 규모의 '…'" does in Korean.
    return re.compile(
        rf"\s*(?:\([^()]{{0,30}}\)\s*)?(?:{cue}\s+(?:an?\s+|the\s+)?(?=[\"“‘'])|(?=[\"“][A-Z]))"
        rf"[\"“‘']([^\"”’']{{2,80}}?)[,.]?[\"”’']"
    )


@cache
def _into() -> re.Pattern[str]:
    # "put 684 billion won into the global technology cooperation centers": after the cue (program_tie_cues `en_into`),
    # one to five words ending in a program word or a facility head, singular or plural, then the clause's end.
    cue = lexicon.pattern("program_tie_cues", "en_into")
    heads = [*lexicon.terms("program_forms", "en_bare"), *lexicon.terms("site_heads")]
    head = lexicon.alternation(
        {h.lower() + s for h in heads if h.isascii() and " " not in h for s in ("", "s")}
    )
    word = r"[A-Za-z][\w&\-]*"
    return re.compile(
        rf"\s*(?:\([^()]{{0,30}}\)\s*)?{cue}\s+((?:{word}\s+){{1,5}}{head})(?=\s*(?:[,.;(]|$))", re.I
    )


@cache
def _in_funds() -> re.Pattern[str]:
    # "1.6 trillion won in innovation startup commercialization funds": the funds the money is supplied as, named by
    # one to five lower-case words (program_tie_cues `en_in_funds`); a payer's funds ("in state funds",
    # money_kind_after.tsv) are its kind, not a program.
    cue = lexicon.pattern("program_tie_cues", "en_in_funds")
    payer = lexicon.alternation(t for t in lexicon.terms("money_kind_after") if t.isascii())
    return re.compile(
        rf"\s*(?:\([^()]{{0,30}}\)\s*)?(?!{payer}\b){cue}\s+((?:[a-z][\w\-]*\s+){{1,5}}funds?)\b(?!\s+of\b)"
    )


def named_after_en(text: str, end: int) -> re.Match[str] | None:
    """The quoted name a cue right after an amount (ending at `end`) gives its project, the project or facility the
    amount is put into, or the funds it is supplied in, as group 1; or None."""
    return (
        _quoted_after().match(text, end)
        or _into().match(text, end)
        or _in_funds().match(text, end)
        or _listed_for(text, end)
        or _sized_name()[0].match(text, end)
        or _sized_name()[1].match(text, end)
        or _sized_lower(text, end)
    )


@cache
def _sized_lower_name() -> re.Pattern[str]:
    # "a 100 billion won ($75 million) strategic investment fund": two to four lower-case words ending in a singular
    # lower-case program word (program_en_lower `form`) right after the amount it sizes.
    form = lexicon.alternation(t for t in lexicon.terms("program_en_lower", "form") if not t.endswith("s"))
    return re.compile(rf"\s*(?:\([^()]{{0,30}}\)\s*)?((?:[a-z][\w\-]*\s+){{2,4}}{form})\b")


# Words that start what is said of the money, not a name ("won in the project", "won for its new fund").
_NOT_NAME_WORDS = frozenset(
    {"in", "the", "into", "on", "by", "from", "over", "per", "each", "worth", "more", "less"}
)


def _sized_lower(text: str, end: int) -> re.Match[str] | None:
    m = _sized_lower_name().match(text, end)
    if m is None:
        return None
    stops = _NOT_NAME_WORDS | lower_words("inside")
    return None if any(w.lower() in stops for w in m.group(1).split()[:-1]) else m


@cache
def _including() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "… for ten major projects, including 207.2 billion won for the quasi-public operation of metropolitan buses":
    # the lead (program_list_heads `en_including`) names the items as projects; the item follows "for" to the clause's
    # end (at most eight words).
    lead = lexicon.pattern("program_list_heads", "en_including")
    before = re.compile(
        rf"{lead}\s+(?:about\s+|some\s+|over\s+)?[\d.,]+\s*(?:trillion|billion|million)[\s\-]won$"
    )
    after = re.compile(r"\s+for\s+(?:the\s+)?((?:[\w\-]+\s+){0,7}[\w\-]+)(?=\s*[,.;])")
    return before, after


def _listed_for(text: str, end: int) -> re.Match[str] | None:
    """The project an amount listed after "projects, including" is for, as group 1, or None."""
    before, after = _including()
    return after.match(text, end) if before.search(text, max(0, end - 80), end) else None


@cache
def _sized_name() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "A 140 billion won "AX Sprint Preferential Track"", "the 150 billion won Seoul Vision 2030 Fund": a quoted name,
    # or capitalised words ending in a program word (program_forms `en_bare`), right after the amount it sizes.
    form = lexicon.pattern("program_forms", "en_bare")
    quoted = re.compile(r"\s*[\"“]([A-Z][^\"”]{2,60})[\"”]")
    return quoted, re.compile(rf"\s+((?:(?:[A-Z][\w\-]*|\d{{4}})\s+){{1,5}}{form})\b")


def opening_pointer(text: str, start: int, cue: re.Pattern[str], breaks: re.Pattern[str]) -> bool:
    """A pointer back ("the project") that is the sentence's opening phrase, with the amount at `start` in the
    clause after it (no `breaks` match between)."""
    m = _OPENING.match(text)
    if m is None or m.end() > start or not cue.fullmatch(m.group(1)):
        return False
    return not breaks.search(text, m.end(), start)


# "That 1.5 trillion won project would …": a demonstrative opens the sentence, the amount sizes a program word.
_DEMONSTRATIVE = re.compile(r"^\W*(?:That|This)\s+(?:about\s+|some\s+|nearly\s+)?$")
_QUOTED_NAME = re.compile(r"[\"“‘']([A-Z][^\"”’']{2,80}?)[,.]?[\"”’']")


@cache
def _sized_program() -> re.Pattern[str]:
    form = lexicon.alternation(t for t in lexicon.terms("program_en_lower", "form") if not t.endswith("s"))
    return re.compile(rf"[\s\-]*(?:won\s+)?{form}\b")


def demonstrated(text: str, start: int, end: int, before: str) -> str | None:
    """'Jung said the "Gwangju AI Mobility New Town," part of the AI City vision, has momentum. That 1.5 trillion
    won project would …': a sentence opening with "That/This", the amount (from `start` to `end`) and a program word
    points back at the name the sentence `before` it quotes last, which the text thereby calls a project (README:
    a phrase the text calls a project anywhere is a name). None when the sentence does not open so."""
    if not _DEMONSTRATIVE.match(text[:start]) or not _sized_program().match(text, end):
        return None
    names = [m.group(1).strip() for m in _QUOTED_NAME.finditer(before) if len(m.group(1).split()) >= 2]
    return names[-1] if names else None
