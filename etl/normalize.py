"""How text and names are normalised, in one place: Unicode form, Korean particles, and the keys under which
two spellings of one name meet. Extraction, loading, consolidation, reviews and the quality gate all use these,
so a name matched in one step is matched the same way in the next.
"""

from __future__ import annotations

import re
import unicodedata

# ---- Korean particles (조사) that may follow a word: what a name or a number may be glued to ----------------
# After a figure (`440억원을`, `3조원씩`): case particles and the distributive 씩.
PARTICLES_AFTER_NUMBER = "을를이가은는에의과와도로으까씩만"
# After a facility's name (`센터에서`, `캠퍼스엔`, `단지내`): case particles plus the locative 서/엔/내 and 부(터).
PARTICLES_AFTER_PLACE = "은는이가을를의에와과도로으까부만서엔내"
# After an institution's name, longest first so `으로부터` wins over `으로`; also the suffixes 측 (side), 등
# (and others), 들 (plural) and 간 (between), which end an institution's name as a particle does.
PARTICLES_AFTER_NAME = (
    "으로부터|에서부터|에게서|으로서|으로써|이라는|이라고|에서는|에서도|에서의|이었다|"
    "에서|에게|에는|에도|에의|으로|로서|로써|로부터|까지|부터|보다|처럼|마다|이나|이랑|하고|과의|와의|"
    "과도|와도|께서|이며|이자|이고|이다|였다|라는|라고|이란|"
    "은|는|이|가|을|를|와|과|의|에|께|로|도|만|나|랑|며|란|인|측|내|간|등|들"
)

# Punctuation a program's name may carry in one spelling and not another (quotes, brackets, dots, dashes).
_NAME_PUNCT = re.compile(r"[\s'‘’\"“”「」『』《》〈〉()\[\]·.,:;!?\-_/&]")
_GLOSS = re.compile(r"\([^)]*\)")  # '인공지능(AI) 국가전략': a parenthesised gloss
_GENERIC_TAIL = re.compile(r"(?:사업|project|program|programme)$")
# Characters two names may differ in and still be one name, for comparing (spaces, middle dots, quotes).
_COMPARE_DROP = frozenset("·ㆍ・'\"‘’“”")


def nfkc(text: str) -> str:
    """Compatibility-normalised text: full-width digits and letters, circled numbers, ㎡ and the like made plain."""
    return unicodedata.normalize("NFKC", text)


def program_key(name: str) -> str:
    """Key under which spellings of one program name meet: 인공지능→ai, no spaces, glosses or punctuation."""
    s = _GLOSS.sub("", name).lower().replace("인공지능", "ai").replace("artificial intelligence", "ai")
    s = _NAME_PUNCT.sub("", s)
    return _GENERIC_TAIL.sub("", s) or s


def space_key(name: str) -> str:
    """A name with its runs of white space made one space (an institution as the gazetteer spells it)."""
    return " ".join(name.split())


def compact_key(term: str) -> str:
    """A term with no white space, case-folded: `공동 연구` and `공동연구` are one cue."""
    return "".join(term.split()).casefold()


def compare_key(text: str | None) -> str:
    """NFKC, case-folded, spaces, middle dots and quotes dropped: the key two names are compared on."""
    if text is None:
        return ""
    t = nfkc(text).casefold()
    return "".join(ch for ch in t if not ch.isspace() and ch not in _COMPARE_DROP)
