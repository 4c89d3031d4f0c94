"""What the Review page reads: the money facts most worth a look first, each with the rules that flag it, and
the reviews that did not apply. Same rules as ui/queries.py (which re-exports these): bound parameters,
declared columns, LIMITed results.

A fact is flagged by rules, each worth one point of doubt:
- no_kind: a budget whose kind (total / national / local / private) the text does not state;
- no_program: a budget the text ties to no program;
- out_of_line: more than OUT_OF_LINE times, or less than 1 / OUT_OF_LINE of, the median of its program's
  figures per announcement (programs with at least MIN_FIGURES announcements with a figure);
- part_exceeds: a national, local or private part larger than the total its document states for the program.
"""

from __future__ import annotations

import pandas as pd

from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

OUT_OF_LINE = 10  # an order of magnitude: a unit slip (억 for 조) or another body's money, not a revision
MIN_FIGURES = 3  # a median of fewer figures says little
TOP_N = 5000  # facts looked at, largest first: more than a reviewer gets through, and a bounded cost
REASONS = ("no_kind", "no_program", "out_of_line", "part_exceeds")


@dataset(
    "fact_id", "doubt", "reasons", "state", "amount_krw", "kind", "role", "program_id", "program", "document_id",
    "title", "announced_on", "evidence",
)  # fmt: skip
def review_candidates(
    con: Con, *, filters: Filters, state: str | None = None, limit: int = 200
) -> pd.DataFrame:
    """Budget facts with at least one doubt among the TOP_N largest in scope, most doubts and largest amounts
    first (not yet reviewed by default; `state` picks machine, confirmed, edited or rejected ones)."""
    scope, params = sql.and_(
        sql.program_scope(filters, "b.program_id"),
        sql.period_scope(filters, "b.announced_on"),
        ("b.state = ?", [state or "machine"]),
    )
    with_, wp = sql.with_(filters)
    # The largest figures first: doubts are computed for the TOP_N largest facts in scope, against each
    # program's median figure per announcement (doc_figures), so the page costs the same at any size.
    top = f"""top AS MATERIALIZED (SELECT * FROM budgets b WHERE b.role = 'budget' AND b.amount_krw IS NOT NULL
            AND {scope} ORDER BY b.amount_krw DESC, b.budget_id LIMIT {TOP_N}),
        med AS (SELECT program_id, median(figure_krw) AS m FROM doc_figures
            WHERE program_id IN (SELECT program_id FROM top) AND figure_krw > 0
            GROUP BY ALL HAVING count(*) >= {MIN_FIGURES})"""
    head = f"{with_}, {top}" if with_ else f"WITH {top}"
    query = f"""{head}
    SELECT * FROM (
        SELECT b.budget_id, b.fact_id, b.state, b.amount_krw, b.kind, b.role, b.program_id, p.name AS program, b.document_id,
               d.title, b.announced_on, b.evidence,
               list_filter([
                   CASE WHEN b.kind = 'unspecified' THEN 'no_kind' END,
                   CASE WHEN b.program_id IS NULL THEN 'no_program' END,
                   CASE WHEN b.amount_krw > med.m * {OUT_OF_LINE} OR b.amount_krw * {OUT_OF_LINE} < med.m
                        THEN 'out_of_line' END,
                   CASE WHEN b.kind IN ('national', 'local', 'private') AND b.amount_krw > f.total_krw
                        THEN 'part_exceeds' END], lambda x: x IS NOT NULL) AS reasons
        FROM top b LEFT JOIN med USING (program_id)
        LEFT JOIN doc_figures f ON f.program_id = b.program_id AND f.document_id = b.document_id
        LEFT JOIN programs p ON p.program_id = b.program_id JOIN documents d ON d.document_id = b.document_id)
    WHERE len(reasons) > 0
    ORDER BY len(reasons) DESC, amount_krw DESC, budget_id LIMIT ?"""
    df = sql.frame(con, query, [*wp, *params, limit])
    reasons = df.pop("reasons")
    df = df.drop(columns=["budget_id"])
    df.insert(1, "doubt", reasons.map(len).astype("int64"))
    df.insert(2, "reasons", reasons.map(lambda r: " ".join(r)).astype("object"))
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
