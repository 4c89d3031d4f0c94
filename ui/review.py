"""What the Review page reads: the money facts most worth a look first, each with the rules that flag it, and
the reviews that did not apply. Same rules as ui/queries.py (which re-exports these): bound parameters,
declared columns, LIMITed results.

The rules (no_kind, no_program, out_of_line, part_exceeds, credit_conflict; one point of doubt each) are etl/doubts.py's: the
loader keeps every flagged fact's reasons in fact_doubts, sorted by doubt and amount, so the page reads the
first rows of a small table instead of judging every budget row per view.
"""

from __future__ import annotations

import pandas as pd

from etl.doubts import REASONS, reason_names
from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

# Each CTE is answered from its primary key's index; joined in one query, the lists would become a scan.
SHOWN = """WITH b AS MATERIALIZED (SELECT budget_id, fact_id, state, amount_krw, kind, role, program_id, document_id,
                                   announced_on, evidence FROM budgets b WHERE {ids}),
         d AS MATERIALIZED (SELECT document_id, title FROM documents d WHERE {docs})
    SELECT b.budget_id, b.fact_id, b.state, b.amount_krw, b.kind, b.role, b.program_id, p.name AS program,
           b.document_id, d.title, b.announced_on, b.evidence
    FROM b LEFT JOIN programs p USING (program_id) JOIN d USING (document_id)"""


@dataset(
    "fact_id", "doubt", "reasons", "state", "amount_krw", "kind", "role", "program_id", "program", "document_id",
    "title", "announced_on", "evidence",
)  # fmt: skip
def review_candidates(
    con: Con, *, filters: Filters, state: str | None = None, limit: int = 200
) -> pd.DataFrame:
    """Budget facts with at least one doubt in scope, most doubts and largest amounts first (not yet reviewed
    by default; `state` picks machine, confirmed, edited or rejected ones)."""
    scope, params = sql.and_(
        sql.program_scope(filters, "b.program_id"),
        sql.period_scope(filters, "b.announced_on"),
        ("b.state = ?", [state or "machine"]),
    )
    with_, wp = sql.with_(filters)
    # One top-N per doubt level: the table is sorted by doubt, then amount, so each stops after the first row
    # groups of its level (one top-N over both keys would read every row of the top level).
    levels = " UNION ALL ".join(
        f"""(SELECT budget_id, reasons, doubt, document_id, amount_krw FROM fact_doubts b
             WHERE doubt = {n} AND {scope} ORDER BY amount_krw DESC, budget_id LIMIT ?)"""
        for n in range(len(REASONS), 0, -1)
    )
    top = con.execute(
        f"""{with_} SELECT budget_id, reasons, doubt, document_id FROM ({levels})
        ORDER BY doubt DESC, amount_krw DESC, budget_id LIMIT ?""",
        [*wp, *[*params, limit] * len(REASONS), limit],
    ).fetchall()
    # The shown columns of those rows, by primary key (index lookups, not a scan of the facts).
    ids, ids_params = sql.ids_in("b.budget_id", [r[0] for r in top])
    docs, docs_params = sql.ids_in("d.document_id", sorted({r[3] for r in top}))
    shown = sql.frame(con, SHOWN.format(ids=ids, docs=docs), [*ids_params, *docs_params]).set_index(
        "budget_id"
    )
    df = shown.reindex([r[0] for r in top]).reset_index(drop=True)
    df.insert(1, "doubt", pd.Series([r[2] for r in top], dtype="int64"))
    df.insert(2, "reasons", pd.Series([" ".join(reason_names(r[1])) for r in top], dtype="object"))
    return df


@dataset("fact_id", "fact_type", "state", "outcome", "message", "lines", "applied_at")
def review_problems(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Decisions of the reviews file that the last pass could not apply (orphaned: the fact is gone; error)."""
    [(has,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'review_outcomes'"
    ).fetchall()
    if not has:  # a database made before reviews existed
        return pd.DataFrame(columns=list(review_problems.columns))
    query = """SELECT fact_id, fact_type, state, outcome, message, lines, applied_at FROM review_outcomes
        WHERE outcome <> 'applied' ORDER BY outcome, fact_id"""
    return sql.frame(con, query, [])
