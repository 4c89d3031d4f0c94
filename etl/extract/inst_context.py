"""Where a name in a sentence is no actor, read from `etl/resources/lexicon/inst_context.tsv` and
`inst_not_actor.tsv` (split from etl/extract/inst_rules.py, which keeps the forms, cues and lists): an old name in
parentheses, a bilateral prefix, an English address, a masthead, a body's sub-unit, a member's title or a building
after a legislature, a party as a member's affiliation, a glossed acronym, a photo caption, a comparison, a data
source, and the capital standing for the government. Used by etl/extract/inst_actors.py and inst_roles.py."""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon

CONTEXT = "inst_context"
NOT_ACTOR = "inst_not_actor"
# `국가인증(GS, Good Software)`: an acronym glossed by the words it abbreviates is that term, not the body of the
# same letters.
_GLOSS_AFTER = re.compile(r"\s*[,:=]\s*((?:[A-Za-z][\w-]*\s+){1,6}[A-Za-z][\w-]*)")


@cache
def not_actor() -> dict[str, str]:
    """Canonical name → forum, grouping or legislature."""
    return lexicon.meanings(NOT_ACTOR)


@cache
def _context(meaning: str) -> str:
    return lexicon.pattern(CONTEXT, meaning)


@cache
def _old_name_before() -> re.Pattern[str]:
    return re.compile(rf"\(\s*{_context('old_name')}\s*(?:the\s+)?$")


def is_old_name(before: str) -> bool:
    """`국가데이터처(옛 통계청)`: the name after `(옛` is an old name of the one before, not another actor."""
    return bool(_old_name_before().search(before))


@cache
def _bilateral_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![가-힣]){_context('bilateral')}$")


@cache
def _address_before() -> re.Pattern[str]:
    return re.compile(rf"{_context('address_before')}\s*$")


def is_english_address(before: str, surface: str, canonical: str) -> bool:
    """`in Gangnam District, Seoul`, `Daechi-dong, Gangnam-gu`: a district named in English after `in`, `at` or a
    neighbourhood is where something is, not an actor."""
    if surface.casefold().startswith("city of") and _IN_THE_CITY.search(before):
        return True  # `in the southeastern industrial city of Pohang`: where something happens
    district = canonical.endswith(("구", "군", "도")) and surface.isascii()
    before = _PLACE_BEFORE.sub("", before)  # `in Jinju, South Gyeongsang Province`: a place after a place
    return district and bool(_address_before().search(before))


# Capitalised place names just before, joined by a comma or `and`: `into North Jeolla Province and …`.
_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w'-]*[ ]){0,3}[A-Z][\w'-]*(?:,[ ]*|[ ]+and[ ]+)$")


# `in the southeastern city of Gyeongju`: up to three lower-case words between the preposition and `city of`.
_IN_THE_CITY = re.compile(r"\b(?:in|at|to|from|near|into)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$")


# A masthead or breadcrumb (`KBS WORLD | Economy | 2024-04-04`) is short; 60 characters hold the longest in our
# fixtures with room, while an article sentence quoting a `|` runs longer.
_CHROME_MAX = 60


@cache
def _chrome() -> re.Pattern[str]:
    return re.compile(_context("chrome"))


def is_chrome(sentence: str) -> bool:
    """A short line cut by a separator (`전자신문 | 발행일 …`): the page's masthead or breadcrumb, no actor in it.

    A table row opens with the separator (`| 사업주체 | 포항공과대학교, … |`): it is content, not chrome."""
    line = sentence.strip()
    return len(line) <= _CHROME_MAX and bool(_chrome().search(line)) and not _chrome().match(line)


@cache
def _sub_unit() -> re.Pattern[str]:
    return re.compile(rf"{_context('sub_unit')}$")


def is_sub_unit(surface: str) -> bool:
    """`수의과대학`, `미래과학협력위원회`: a name ending in a unit word may be a part of the body named before it."""
    return bool(_sub_unit().search(surface))


@cache
def _member_title() -> re.Pattern[str]:
    return re.compile(_context("member_title"))


def is_member_title(after: str) -> bool:
    """`국회의원`: a legislature glued to its member's title names a person's occupation, not the body acting."""
    return bool(_member_title().match(after))


@cache
def _venue_after() -> re.Pattern[str]:
    return re.compile(rf"\s*{_context('venue_after')}")


def is_venue(after: str) -> bool:
    """`국회 의원회관에서`, `the National Assembly press center`: a building of the body is where something happens."""
    return bool(_venue_after().match(after))


@cache
def _seat_before() -> re.Pattern[str]:
    venue = rf"\b(?i:at|during|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{_context('venue_before')}"
    return re.compile(rf"(?:\b{_context('seat_before')}|{venue})\s+(?:the\s+)?(?:[A-Z][\w ]*?'s\s+)?$")


def is_seat(before: str) -> bool:
    """`at a session of the Special Committee on …`, `a member of the Education Committee`: a committee named as where
    a meeting is or as a person's seat does not act (`it chaired a meeting of the committee`: the committee meets)."""
    return bool(_seat_before().search(before))


@cache
def _member_after() -> re.Pattern[str]:
    return re.compile(rf"\s+{_context('member_after')}")


def is_member_affiliation(after: str) -> bool:
    """`a People Power Party lawmaker`: a party before its member's title is the person's affiliation."""
    return bool(_member_after().match(after))


def is_glossed_acronym(before: str, surface: str, after: str) -> bool:
    """An acronym opening a parenthesis and followed by its expansion, whose initials spell it (`(GS, Good
    Software)`): a term, not a name."""
    m = _GLOSS_AFTER.match(after)
    if not (before.endswith("(") and surface.isascii() and surface.isupper() and m):
        return False
    initials = "".join(w[0] for w in m.group(1).split()).upper()
    return initials == surface.upper()


def is_bilateral_prefix(before: str) -> bool:
    """`한-EU 공동위원회`: the partner named after 한- qualifies a meeting; it acts in no way."""
    return bool(_bilateral_before().search(before))


@cache
def _caption() -> tuple[re.Pattern[str], re.Pattern[str]]:
    opens = re.compile(rf"^\s*{_context('caption')}")
    # A caption describes its photo in the present progressive and says the day: `…14일 … 발언하고 있다.`
    ends = re.compile(rf"\d+일.*{_context('caption_end')}\.?\s*(?:\S{{0,12}}\s*(?:제공)?)?$")
    return opens, ends


def is_caption(sentence: str) -> bool:
    """A photo caption: opened by a caption mark, or dated and told in the present progressive."""
    opens, ends = _caption()
    return bool(opens.search(sentence) or ends.search(sentence))


@cache
def _comparison() -> re.Pattern[str]:
    return re.compile(
        rf"(?:\s*(?:[·ㆍ,]|와|과)\s*[가-힣A-Za-z0-9&]+)*{_context('comparison_after')}(?![가-힣])"
    )


def is_comparison(after: str) -> bool:
    """`네이버·카카오처럼`: bodies named as a comparison act in no way in the story. (`such as` was tried too: it
    also opens lists of partners, `partners such as the University of Oxford, Google and Microsoft`.)"""
    return bool(_comparison().match(after))


@cache
def _source() -> re.Pattern[str]:
    # `대한상공회의소와 산업연구원이 2024년에 낸 자료를 보면`: the subject, up to two words (a year), the verb
    return re.compile(
        rf"(?:\s*(?:[·ㆍ,]|와|과)\s*[가-힣A-Za-z0-9&]+)*(?:이|가)\s+(?:\S+\s+){{0,2}}{_context('source_after')}"
    )


def is_data_source(after: str) -> bool:
    """`X가 낸 자료를 보면`: a body named only as the author of the figures quoted is a data source, no actor."""
    return bool(_source().match(after))


def capital_names() -> list[str]:
    """`Seoul signs the deal`: the capital's bare English name stands for the country's government."""
    return lexicon.terms(CONTEXT, "capital")
