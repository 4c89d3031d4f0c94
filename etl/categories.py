"""The categories facts are sorted into, named once: money kinds and roles, institution types, participation
roles, review states, fact types. etl/ and ui/ both import them; ui/i18n.py gives each a label in both
languages (a test checks that every value here has one).

Each is a StrEnum, so a member is its stored string: `MoneyKind.NATIONAL == "national"`, and tuples of
members can be bound as SQL parameters or compared with column values as they are.
"""

from __future__ import annotations

from enum import StrEnum


class MoneyKind(StrEnum):
    """Whose money a figure is (budgets.kind)."""

    TOTAL = "total"  # 총사업비, 총, in total
    NATIONAL = "national"  # 국비, 국고, 정부 출연
    LOCAL = "local"  # 지방비, 시비, 도비
    PRIVATE = "private"  # 민간, 민자, 자부담
    UNSPECIFIED = "unspecified"


class MoneyRole(StrEnum):
    """What a figure is in its sentence (budgets.role); only BUDGET is a program's money."""

    BUDGET = "budget"
    CHANGE = "change"  # 증액, 감액, 증가분
    BASE = "base"  # the envelope a figure sits in: 본예산, 추경 total, a ministry's year
    CAP = "cap"  # 기업당 최대
    INVESTMENT = "investment"  # companies' own money
    MARKET = "market"  # market size, sales, exports
    REVENUE = "revenue"
    CONVERSION = "conversion"  # a won figure restating a foreign one
    OTHER = "other"


class InstitutionType(StrEnum):
    """What kind of body an institution is (institutions.type)."""

    GOVERNMENT = "government"
    PUBLIC_AGENCY = "public_agency"
    LOCAL_GOVERNMENT = "local_government"
    UNIVERSITY = "university"
    RESEARCH = "research"
    INDUSTRY = "industry"
    INTERNATIONAL = "international"
    OTHER = "other"


class ParticipationRole(StrEnum):
    """What an institution does in a program, strongest first (participations.role)."""

    LEAD = "lead"
    FUNDER = "funder"
    HOST = "host"
    PARTICIPANT = "participant"
    PARTNER = "partner"
    MENTIONED = "mentioned"


class FactState(StrEnum):
    """A fact's review state (budgets/participations/sites.state)."""

    MACHINE = "machine"
    CONFIRMED = "confirmed"
    EDITED = "edited"
    REJECTED = "rejected"
    MERGED = "merged"  # an institution folded into another by a review


class FactType(StrEnum):
    """What a review or a fact list is about."""

    BUDGET = "budget"
    INSTITUTION = "institution"
    SITE = "site"
    PROGRAM = "program"


# A program's headline figure is of one of these kinds (a local or private share is only a part of it).
HEADLINE_KINDS = (MoneyKind.TOTAL, MoneyKind.NATIONAL, MoneyKind.UNSPECIFIED)
# The kinds that are shares of a total (tables' columns, a total's split in parentheses).
SHARE_KINDS = (MoneyKind.NATIONAL, MoneyKind.LOCAL, MoneyKind.PRIVATE)
# Facts in these states are counted nowhere (they stay stored, with their review).
EXCLUDED_STATES = (FactState.REJECTED, FactState.MERGED)
# Bodies that announce: their releases speak for the program rather than take part in it.
AGENCY_TYPES = (InstitutionType.GOVERNMENT, InstitutionType.PUBLIC_AGENCY)
# The table each reviewable fact type lives in (programs are reviewed on their own row).
FACT_TABLES = {FactType.BUDGET: "budgets", FactType.INSTITUTION: "participations", FactType.SITE: "sites"}


def values(category: type[StrEnum]) -> tuple[str, ...]:
    """The stored strings of a category, in declaration order (for CLI choices and SQL IN lists)."""
    return tuple(m.value for m in category)


def sql_in(members: tuple[StrEnum, ...]) -> str:
    """`('a', 'b')` for a fixed category list inside SQL text (values are our constants, never user input)."""
    return "(" + ", ".join(f"'{m.value}'" for m in members) + ")"
