"""A program's budget rows as the revision series read them (issue #12 item 2), kept per document at load.

The derived table `series_rows` (m016) holds every money row a program's revisions may show: role `budget`, an
amount in won, a program, not rejected or merged away; with its document's title, the period the document
states for the program (program_mentions), and whether the row belongs to a supplementary budget: its
sentence names one, or the document's title does and the row states no period of its own (lexicon
budget_scopes.tsv). ui/sql.series_ctes turns these into series (kind + scope) per view; stored sorted by
program, a program's rows are a few row groups (zone maps) instead of a scan of every budget, document and
mention. A change of the supplementary words takes effect at the next rebuild, like any extraction rule.
"""

from __future__ import annotations

import re
from functools import cache

from etl import lexicon
from etl.categories import EXCLUDED_STATES, MoneyRole, sql_in

# Over relations named by their fact table ({budgets} … a batch's staged rows, or the whole table), and
# {supplementary}: the words as a SQL string literal (supplementary_literal).
ROWS_SQL = f"""
SELECT b.program_id, b.document_id, b.budget_id, b.announced_on, b.amount_krw, b.kind, b.unit_text, b.fiscal_year,
       b.evidence, d.title, m.start_year, m.end_year,
       coalesce(regexp_matches(b.evidence, {{supplementary}}), FALSE)
           OR (b.fiscal_year IS NULL AND m.end_year IS NULL
               AND regexp_matches(coalesce(d.title, ''), {{supplementary}})) AS supplementary
FROM {{budgets}} b JOIN {{documents}} d USING (document_id)
     LEFT JOIN {{program_mentions}} m ON m.program_id = b.program_id AND m.document_id = b.document_id
WHERE b.program_id IS NOT NULL AND b.amount_krw IS NOT NULL AND b.role = '{MoneyRole.BUDGET}'
      AND b.state NOT IN {sql_in(EXCLUDED_STATES)}"""

ORDER = "program_id, announced_on, document_id, budget_id"  # aggregates.tidy: a program's rows together


@cache
def supplementary_regex() -> str:
    """The supplementary-budget words as one RE2 regex for DuckDB (no look-behind there: Latin words are held
    whole by \\b), read when first needed (no file reads at import)."""
    parts = []
    for term in sorted(set(lexicon.terms("budget_scopes", "supplementary")), key=lambda w: (-len(w), w)):
        body = r"\s*".join(re.escape(w) for w in term.split())
        parts.append(rf"\b{body}\b" if term.isascii() else body)
    return "(?i)(?:" + "|".join(parts) + ")"


def supplementary_literal() -> str:
    """supplementary_regex as a SQL string literal: the derived tables' SELECTs are run without parameters
    (they are formatted over relation names); the words come from our own lexicon, quotes doubled."""
    return "'" + supplementary_regex().replace("'", "''") + "'"
