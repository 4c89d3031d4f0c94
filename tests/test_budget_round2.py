"""Payer rules of the second short round (kind6): sentences written by us, none copied from a fixture."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.budgets import extract_budgets
from etl.nlp import split_sentences

PUB = date(2026, 1, 1)


def _kinds(text: str) -> list[str]:
    return [b.kind for b in extract_budgets(split_sentences(text), PUB) if b.amount_krw]


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Education said on Monday that it would give ten rural schools 4 billion won.",
        "The government plans to contribute 250 billion won to a new deep-tech fund.",
        "The ministry will provide 6.5 billion won for the smart farm testbeds.",
    ],
)
def test_a_ministry_or_the_government_giving_the_amount_makes_it_national(text: str) -> None:
    assert _kinds(text) == ["national"]


@pytest.mark.parametrize(
    "text",
    [
        # a company in the clause: not the government's money
        "The ministry said Samsung Electronics would provide 30 billion won for the chip academy.",
        # a verb of spending, not of giving: the text leaves the source open (older gold reads it unspecified)
        "The government will spend 80 billion won on robot testbeds.",
    ],
)
def test_no_national_payer_without_a_giving_verb_and_a_public_subject(text: str) -> None:
    assert _kinds(text) != ["national"]
