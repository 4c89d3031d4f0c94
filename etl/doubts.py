"""The per-fact doubts the Review page lists first (derived table fact_doubts, migration m012_fact_doubts).

A money fact (a budget row with a KRW amount in the role 'budget') is flagged by rules, each worth one point:
- no_kind: the text does not state its kind (total / national / local / private);
- no_program: the text ties it to no program;
- out_of_line: more than OUT_OF_LINE times, or less than 1 / OUT_OF_LINE of, the median of its program's
  figures per announcement (doc_figures.figure_krw > 0; programs with at least MIN_FIGURES of them);
- part_exceeds: a national, local or private part larger than the total its document states for the program;
- credit_conflict: another document of its event (etl/events.py: one announcement in several outlets) states
  the same amount for another program: one of the two credits is wrong (an English rewrite crediting the data
  dam's 18.1조 to the Digital New Deal, a fund credited with the centre's total).
fact_doubts holds the flagged facts (reasons as a bitmask, REASONS order) with the columns the page filters
and sorts on. A fact's doubts depend on its own row, its document's doc_figures row and its program's
median, so after a write the facts of the documents and programs it touched are recomputed (`refresh`),
inside the same transaction, after doc_figures.
"""

from __future__ import annotations

import duckdb

from etl.categories import EXCLUDED_STATES, sql_in

Con = duckdb.DuckDBPyConnection
OUT_OF_LINE = 10  # an order of magnitude: a unit slip (억 for 조) or another body's money, not a revision
MIN_FIGURES = 3  # a median of fewer figures says little
REASONS = (
    "no_kind",
    "no_program",
    "out_of_line",
    "part_exceeds",
    "credit_conflict",
)  # bit i of `reasons` is REASONS[i]
ORDER = "doubt DESC, amount_krw DESC, budget_id"  # the Review page's order (and the table's, after tidy)

# {scope}: a condition on the budget rows `b` to compute (TRUE in a rebuild).
DOUBTS_SQL = f"""
WITH b AS MATERIALIZED (SELECT budget_id, program_id, document_id, announced_on, state, amount_krw, kind
           FROM budgets b WHERE b.role = 'budget' AND b.amount_krw IS NOT NULL AND ({{scope}})),
     med AS (SELECT program_id, median(figure_krw) AS m FROM doc_figures
             WHERE program_id IN (SELECT program_id FROM b) AND figure_krw > 0
             GROUP BY ALL HAVING count(*) >= {MIN_FIGURES}),
     bx AS MATERIALIZED (SELECT b.budget_id, b.document_id, b.program_id, b.amount_krw, e.event_id FROM b
           JOIN event_documents e USING (document_id) WHERE e.n_documents > 1),
     ce AS MATERIALIZED (SELECT DISTINCT e.event_id, c.document_id, c.amount_krw, c.program_id FROM budgets c
           JOIN event_documents e USING (document_id)
           WHERE c.role = 'budget' AND c.amount_krw IS NOT NULL AND c.program_id IS NOT NULL
             AND c.state NOT IN {sql_in(EXCLUDED_STATES)} AND e.event_id IN (SELECT event_id FROM bx)),
     g AS (SELECT event_id, amount_krw, count(*) AS n FROM ce GROUP BY ALL),
     gp AS (SELECT event_id, amount_krw, program_id, count(*) AS n FROM ce GROUP BY ALL),
     gd AS (SELECT event_id, amount_krw, document_id, count(*) AS n FROM ce GROUP BY ALL),
     -- another document of the event credits the amount to another program: of the event's (document,
     -- program) credits of this amount, those neither in this document nor to this program (counted, not
     -- paired: an event of n documents would give n² pairs)
     c AS (SELECT bx.budget_id FROM bx JOIN g USING (event_id, amount_krw)
           LEFT JOIN gp ON gp.event_id = bx.event_id AND gp.amount_krw = bx.amount_krw
                       AND gp.program_id = bx.program_id
           LEFT JOIN gd ON gd.event_id = bx.event_id AND gd.amount_krw = bx.amount_krw
                       AND gd.document_id = bx.document_id
           LEFT JOIN ce own ON own.event_id = bx.event_id AND own.amount_krw = bx.amount_krw
                       AND own.document_id = bx.document_id AND own.program_id = bx.program_id
           WHERE g.n - coalesce(gp.n, 0) - coalesce(gd.n, 0) + (own.document_id IS NOT NULL)::INT > 0),
     r AS (SELECT b.*, (b.kind = 'unspecified')::UTINYINT
              + 2 * (b.program_id IS NULL)::UTINYINT
              + 4 * coalesce(b.amount_krw > med.m * {OUT_OF_LINE} OR b.amount_krw * {OUT_OF_LINE} < med.m, FALSE)::UTINYINT
              + 8 * coalesce(b.kind IN ('national', 'local', 'private') AND b.amount_krw > f.total_krw, FALSE)::UTINYINT
              + 16 * (b.budget_id IN (SELECT budget_id FROM c))::UTINYINT
                  AS reasons
           FROM b LEFT JOIN med USING (program_id)
           LEFT JOIN doc_figures f ON f.program_id = b.program_id AND f.document_id = b.document_id)
SELECT budget_id, program_id, document_id, announced_on, state, amount_krw, reasons, bit_count(reasons)::UTINYINT
FROM r WHERE reasons > 0"""


def reason_names(mask: int) -> list[str]:
    """The names of the reasons set in a `reasons` bitmask, in REASONS order."""
    return [name for i, name in enumerate(REASONS) if mask >> i & 1]


def rebuild(con: Con) -> None:
    """Recompute every fact's doubts (inside the caller's transaction, after doc_figures)."""
    con.execute("DELETE FROM fact_doubts")
    con.execute(f"INSERT INTO fact_doubts {DOUBTS_SQL.format(scope='TRUE')}")


def refresh(con: Con, docs: str, programs: str) -> None:
    """Recompute the doubts of the facts of the documents in relation `docs` (document_id), of the other
    documents of their events (a conflict comes and goes with a mate) and of the programs in relation
    `programs` (program_id): a program's median moves with any of its documents."""
    con.execute(
        f"""INSERT INTO {docs} SELECT m.document_id FROM event_documents e
            JOIN event_documents m ON m.event_id = e.event_id AND m.document_id <> e.document_id
            WHERE e.document_id IN (SELECT document_id FROM {docs})"""
    )
    scope = (
        f"document_id IN (SELECT document_id FROM {docs}) "
        f"OR program_id IN (SELECT program_id FROM {programs})"
    )
    con.execute(f"DELETE FROM fact_doubts WHERE {scope}")
    con.execute(f"INSERT INTO fact_doubts {DOUBTS_SQL.format(scope=scope)}")
