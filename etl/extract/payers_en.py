"""The government as the payer of an amount in an English sentence (fixtures README, kind rule: naming one payer
spending its own money gives the kind).

"The government plans to contribute 585 billion won to the fund of funds", "The Ministry of Health and Welfare
said it would give regional hospitals 12 billion won": the government, a ministry or a state agency as the
clause's subject, then a verb of putting money in right before the amount (a receiver may stand between them),
makes the amount `national`. The words live in `money_national_spenders.tsv` (meanings `subject_en`, `verb_en`);
named bodies come from the institutions gazetteer, and a clause that names any other kind of body (a company, a
city) is left to the other payer rules. Used by etl/extract/budgets.py after the company and local rules.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.extract import payers

# How many words may stand between the verb and the amount: "give regional core medical institutions 12 billion
# won" names the receiver first.
WORDS_AFTER_VERB = 4
_NATIONAL_TYPES = frozenset(("government", "public_agency"))


@cache
def _verb_en() -> re.Pattern[str]:
    verb = lexicon.pattern("money_national_spenders", "verb_en")
    return re.compile(rf"{verb}\s+(?:[A-Za-z'-]+\s+){{0,{WORDS_AFTER_VERB}}}$")


@cache
def _subject_en() -> re.Pattern[str]:
    return re.compile(lexicon.pattern("money_national_spenders", "subject_en"))


def national_spends_en(head: str) -> bool:
    """True when the clause before the amount (`head`: the sentence up to it) has the government, a ministry or a
    state agency as its subject and a verb of putting money in right before the amount, and names no other body."""
    if not head.isascii():
        return False
    clause = head.rsplit(";", 1)[-1]
    m = _verb_en().search(clause)
    if not m:
        return False
    subject = clause[: m.start()]
    types = payers.subject_types_en(subject)
    if types:
        return types <= _NATIONAL_TYPES
    return bool(_subject_en().search(subject))
