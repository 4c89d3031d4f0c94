"""What the headline total leaves out, and why (issue 13: "how this is counted"): every money row in scope with
the first reason it is not one of the figures added, summed per reason or listed one page at a time.

Same rules as ui/queries.py, which re-exports these datasets: bound parameters, declared columns, LIMITed
results. (Apart from ui/counted.py so that each module stays under the 400-line limit.)
"""

from __future__ import annotations

import pandas as pd

from etl import aggregates
from ui import sql
from ui.evidence import PAGE, budget_facts
from ui.filters import Filters
from ui.sql import Con, dataset

# Why a money row in scope is not one of the figures the headline total adds, first reason that applies.
LEFT_OUT = f"""CASE {aggregates.ROW_REASONS.format(b="b.")}
    WHEN b.program_id IN (SELECT program_id FROM inside) THEN 'inside_parent'
    WHEN o.document_id IS NOT NULL THEN 'same_event'
    WHEN h.head_doc IS NULL THEN 'no_headline' WHEN b.document_id <> h.head_doc THEN 'superseded'
    ELSE 'same_announcement' END"""


def _left_out_rows(f: Filters) -> sql.Part:
    """The WITH clause and FROM … WHERE of the money rows in scope, each with its LEFT_OUT reason."""
    outranked = (f"outranked AS MATERIALIZED ({aggregates.OUTRANKED})", [])
    with_, wp = sql.with_(f, sql.money_ctes(f), outranked)
    kinds = ("list_contains(?::VARCHAR[], b.kind)", [list(f.kinds)]) if f.kinds else ("TRUE", [])
    where, params = sql.and_(
        sql.program_scope(f, "b.program_id"), sql.period_scope(f, "b.announced_on"), kinds
    )
    body = f"""{with_} SELECT b.*, {LEFT_OUT} AS reason FROM budgets b
        LEFT JOIN prog_head h ON h.program_id = b.program_id
        LEFT JOIN outranked o ON o.document_id = b.document_id AND o.program_id = b.program_id WHERE {where}"""
    return body, [*wp, *params]


# LEFT_OUT from the stored counts (etl/aggregates.py): money_reasons gives the reasons a row tells by itself and
# each program's own rows; program_stats how many of those count (n_rows: the rest an event's better-ranked
# document states) and how many are in the headline's document (head_rows).
_STORED_REASONS = """SELECT program_id, reason, n_rows FROM r WHERE reason <> 'own'
    UNION ALL SELECT program_id, 'inside_parent', n_own FROM o WHERE inside
    UNION ALL SELECT program_id, 'same_event', n_own - n_counted FROM o WHERE NOT inside
    UNION ALL SELECT program_id, 'no_headline', n_counted FROM o WHERE NOT inside AND head_rows IS NULL
    UNION ALL SELECT program_id, 'superseded', n_counted - head_rows FROM o WHERE NOT inside
    UNION ALL SELECT program_id, 'same_announcement', head_rows FROM o WHERE NOT inside"""


def _stored_reasons(f: Filters) -> sql.Part:
    """The WITH … SELECT of (program_id, reason, n_rows) that LEFT_OUT gives the money rows in scope, from the
    stored counts: only without a period or kinds (sql.stored_heads)."""
    with_, wp = sql.with_(f, sql.money_ctes(f))
    rows = f"""r AS (SELECT * FROM money_reasons WHERE {sql.program_scope(f, "program_id")[0]}),
        o AS (SELECT r.program_id, r.n_rows AS n_own, coalesce(s.n_rows, 0) AS n_counted,
                     CASE WHEN s.head_doc IS NOT NULL THEN s.head_rows END AS head_rows,
                     r.program_id IN (SELECT program_id FROM inside) AS inside
              FROM r LEFT JOIN program_stats s USING (program_id) WHERE r.reason = 'own')"""
    return f"{with_}, {rows} {_STORED_REASONS}", wp


@dataset("reason", "n_rows", "n_programs")
def left_out_summary(con: Con, *, filters: Filters, stored: bool = True) -> pd.DataFrame:
    """Money rows in scope by why they are (not) added: 'same_announcement' holds each counted figure and the
    other figures its announcement states; 'old_version' counts rows of superseded document versions. Read
    from the stored counts when the filters allow and `stored`, else classified row by row."""
    if stored and sql.stored_heads(filters):
        body, params = _stored_reasons(filters)
        counts = "sum(n_rows)::BIGINT AS n_rows, count(DISTINCT program_id) AS n_programs"
        grouped = f"SELECT reason, {counts} FROM ({body}) WHERE n_rows > 0 GROUP BY reason"
    else:
        body, params = _left_out_rows(filters)
        grouped = f"SELECT reason, count(*) AS n_rows, count(DISTINCT program_id) AS n_programs FROM ({body}) GROUP BY reason"
    old = ("SELECT 'old_version' AS reason, count(*) AS n_rows, NULL::BIGINT AS n_programs FROM fact_versions "
           f"WHERE fact_table = 'budgets' AND {sql.doc_scope(filters)[0]} HAVING count(*) > 0")  # fmt: skip
    with_, wp = sql.with_(filters)
    query = f"{grouped} UNION ALL SELECT * FROM ({with_} {old}) ORDER BY n_rows DESC, reason"
    return sql.frame(con, query, [*params, *wp])


@dataset(*budget_facts.columns, "reason")
def left_out_facts(
    con: Con, *, filters: Filters, reason: str = "", limit: int = PAGE, offset: int = 0
) -> pd.DataFrame:
    """One page of the money rows in scope left out for `reason` (see LEFT_OUT), newest first."""
    body, params = _left_out_rows(filters)
    cols = ", ".join(f"x.{c}" for c in budget_facts.columns if c not in ("program", "title", "url"))
    query = f"""SELECT {cols}, p.name AS program, d.title, d.url, x.reason FROM ({body}) x
        JOIN documents d USING (document_id) LEFT JOIN programs p ON p.program_id = x.program_id
        WHERE x.reason = ? ORDER BY x.announced_on DESC NULLS LAST, x.budget_id LIMIT ? OFFSET ?"""
    out = sql.frame(con, query, [*params, reason, limit, offset])
    return out[[*budget_facts.columns, "reason"]]
