"""One place names the categories (etl/categories.py): the data, the extractor, the reviews, the dashboard's
filters and its labels all use exactly its values."""

from __future__ import annotations

import csv
import re

import pytest

from etl import categories as c
from etl import lexicon
from etl.config import RESOURCES
from etl.extract import roles
from etl.reviews import FACT_TYPES, KINDS, ROLES
from ui import filters, i18n

ALL = (c.MoneyKind, c.MoneyRole, c.InstitutionType, c.ParticipationRole, c.FactState, c.FactType)


@pytest.mark.parametrize("category", ALL, ids=lambda k: k.__name__)
def test_every_value_has_a_label_in_both_languages(category: type) -> None:
    for member in category:
        if category is c.FactType:
            continue  # fact types are headings of their own, not codes shown in cells
        ko, en = i18n.CODES[member.value]
        assert ko and en and not re.search(r"[가-힣]", en), member


def test_etl_and_ui_share_the_lists() -> None:
    assert filters.KINDS == KINDS == c.values(c.MoneyKind)
    assert ROLES == roles.ROLES == c.values(c.MoneyRole)
    assert c.values(c.InstitutionType) == filters.INSTITUTION_TYPES
    assert set(FACT_TYPES.values()) == set(c.values(c.FactType))


def test_data_uses_only_known_categories() -> None:
    with (RESOURCES / "institutions.csv").open(encoding="utf-8") as f:
        types = {row["type"] for row in csv.DictReader(f)}
    assert types <= set(c.values(c.InstitutionType))
    assert {e.meaning for e in lexicon.entries("money_role_before")} <= set(c.values(c.MoneyRole))
    assert {e.meaning for e in lexicon.entries("money_role_after")} <= set(c.values(c.MoneyRole))
    for name in ("money_kind_before", "money_kind_after", "money_kind_adjacent"):
        assert {e.meaning for e in lexicon.entries(name)} <= set(c.values(c.MoneyKind)), name
    # Two cue meanings are not roles: `none` (a cue that gives no role) and `spend` (a funder, when it spends).
    known_roles = set(c.values(c.ParticipationRole)) | {"none", "spend"}
    assert {e.meaning for e in lexicon.entries("inst_role_cues")} <= known_roles


def test_sql_lists_are_quoted_constants() -> None:
    assert c.sql_in(c.EXCLUDED_STATES) == "('rejected', 'merged')"
    assert c.sql_in(c.HEADLINE_KINDS) == "('total', 'national', 'unspecified')"
