"""Derived tables the dashboard reads instead of scanning the facts (schema.sql, m009_aggregates).

Each table is a fixed function of the fact tables, written below as the SELECT that computes it.
`rebuild` recomputes them all; the loader keeps them in step inside the transaction that writes the
facts, through one `Changes` per transaction (etl/deltas.py), at a cost that grows with what the batch touches:
- per document (document_stats, doc_figures, fy_figures): a document's rows go before its facts are
  deleted, and a loaded document's rows are computed from its staged rows alone;
- counts per pair of keys (inst_programs, country_programs, document_months): they move by the difference;
- per program (program_stats, program_years, program_months) and per facility (facilities): recomputed
  for the programs and facilities touched, from the per-document tables above;
- per institution (institution_stats): recomputed from inst_programs and program_stats (small);
- per fact (fact_doubts, etl/doubts.py): recomputed for the documents and programs touched.
A program merge rewrites program ids in the facts; its documents are recomputed from the facts.
`tidy` re-sorts the tables the lists read in order (SORTED). tests/test_aggregates.py checks every table
against `rebuild` after ingests, re-ingests, withdrawals and merges.
"""

from __future__ import annotations

import duckdb

from etl import doubts, series
from etl.categories import EXCLUDED_STATES, MoneyRole, sql_in
from etl.hierarchy import ANCESTORS_SQL

Con = duckdb.DuckDBPyConnection
FACT_TABLES = ("documents", "budgets", "program_mentions", "participations", "sites", "program_countries")
DOC_TABLES = ("document_stats", "doc_figures", "fy_figures", "doc_parts", "series_rows")
HEAD_KINDS = ("total", "national", "unspecified")
# A program's figure in a document with no kind chosen (ui/sql.figure_expr of no kinds).
FIGURE = "coalesce({p}total_krw, greatest({p}national_krw, {p}unspecified_krw))"
# Orders announcements: the day, then a hash of the document id, so "latest" is deterministic and numeric.
DOC_KEY = """date_diff('day', DATE '1970-01-01', coalesce({d}, DATE '1970-01-01')) * 4294967296
    + (hash({doc}) % 4294967296)::BIGINT"""
KINDS_MAX = """max(amount_krw) FILTER (kind = 'total') AS total_krw,
    max(amount_krw) FILTER (kind = 'national') AS national_krw,
    max(amount_krw) FILTER (kind = 'local') AS local_krw,
    max(amount_krw) FILTER (kind = 'private') AS private_krw,
    max(amount_krw) FILTER (kind = 'unspecified') AS unspecified_krw"""
# A fact counts when an analyst has not rejected it (or merged it into another row); money counts only as a
# program's budget (not a change, a cap, an envelope, a market size …).
COUNTED = f"state NOT IN {sql_in(EXCLUDED_STATES)}"
OWN_ROWS = f"amount_krw IS NOT NULL AND program_id IS NOT NULL AND role = '{MoneyRole.BUDGET}' AND {COUNTED}"
# One event per announcement (etl/events.py): a program's money in an event counts from the best-ranked document
# stating it (the release first), so a release and the papers that rewrote it add each figure once. Budget rows
# are named x where this applies.
# Per event and program, the best rank among the members stating a counted budget for it.
_BEST_RANK = f"""SELECT e3.event_id, b3.program_id, min(e3.rank) AS best FROM event_documents e3
    JOIN budgets b3 ON b3.document_id = e3.document_id
    WHERE e3.n_documents > 1 AND b3.{OWN_ROWS.replace(" AND ", " AND b3.")} GROUP BY ALL"""
OUTRANKED = f"""SELECT DISTINCT e.document_id, f.program_id FROM event_documents e
    JOIN ({_BEST_RANK}) f ON f.event_id = e.event_id AND f.best < e.rank
    WHERE e.rank > 0"""  # (document, program) pairs whose money a better-ranked member of the event states
# OUTRANKED as a condition on the budget rows x (correlated on the row: DuckDB plans it as an anti join).
COUNTED_DOCS = f"""NOT EXISTS (SELECT 1 FROM event_documents e
    JOIN ({_BEST_RANK}) f ON f.event_id = e.event_id AND f.program_id = {{x}}.program_id AND f.best < e.rank
    WHERE e.document_id = {{x}}.document_id AND e.rank > 0)"""
BUDGET_ROWS = f"{OWN_ROWS} AND {COUNTED_DOCS.format(x='x')}"
# Why a money row {b} is not one of its program's own budget rows, as far as the row itself tells: OWN_ROWS'
# conditions in turn (a NULL state or role is not counted either). ui/left_out.LEFT_OUT goes on from here.
ROW_REASONS = f"""WHEN ({{b}}state NOT IN {sql_in(EXCLUDED_STATES)}) IS NOT TRUE THEN 'rejected'
    WHEN {{b}}role IS DISTINCT FROM '{MoneyRole.BUDGET}' THEN 'not_budget'
    WHEN {{b}}amount_krw IS NULL THEN 'foreign_currency' WHEN {{b}}program_id IS NULL THEN 'no_program'"""

# The order each sorted table is kept in (tidy): zone maps then let a top-N read one row group.
SORTED = {
    "document_stats": "published_on DESC NULLS LAST, document_id",  # every list, newest first
    "doc_figures": "figure_krw DESC NULLS LAST, doc_key DESC",  # the budget timeline, largest first
    "fact_doubts": doubts.ORDER,  # the Review page, most doubts first
    "series_rows": series.ORDER,  # a program's revisions: its own row groups
}

# The budget row stating a document's figure for a program (the largest amount, a total first, then the lowest id;
# ui/sql.states_figure and FIGURE_FIRST): what the headline's evidence shows.
FIGURE_ROW = "arg_min(budget_id, struct_pack(t := kind <> 'total', a := -amount_krw, id := budget_id))"

# Per-document tables, over relations named by their fact table ({budgets} is the staged rows of a batch,
# or the whole table in a rebuild).
DOC_SQL = {
    "document_stats": """
WITH b AS (SELECT document_id, count(*) AS n FROM {budgets} GROUP BY ALL),
     m AS (SELECT document_id, count(*) AS n, any_value(program_id) FILTER (is_main) AS main
           FROM {program_mentions} GROUP BY ALL),
     pa AS (SELECT document_id, count(*) AS n FROM {participations} GROUP BY ALL),
     s AS (SELECT document_id, count(*) AS n FROM {sites} GROUP BY ALL),
     c AS (SELECT document_id, count(*) AS n FROM {program_countries} GROUP BY ALL)
SELECT d.document_id, d.published_on, m.main, coalesce(b.n, 0), coalesce(m.n, 0), coalesce(pa.n, 0),
       coalesce(s.n, 0), coalesce(c.n, 0), coalesce(e.is_primary, TRUE)
FROM {documents} d LEFT JOIN event_documents e USING (document_id) LEFT JOIN b USING (document_id) LEFT JOIN m USING (document_id)
     LEFT JOIN pa USING (document_id) LEFT JOIN s USING (document_id) LEFT JOIN c USING (document_id)""",
    "doc_figures": f"""
WITH f AS (SELECT program_id, document_id, any_value(announced_on) AS announced_on, {KINDS_MAX},
                  arg_max(budget_id, struct_pack(t := kind = 'total', a := amount_krw, id := budget_id))
                      FILTER (kind IN {HEAD_KINDS}) AS head_budget_id, count(*) AS n_rows,
                  {FIGURE_ROW} FILTER (kind IN {HEAD_KINDS}) AS figure_budget_id,
                  {FIGURE_ROW} FILTER (kind = 'national') AS national_budget_id
           FROM {{budgets}} x WHERE {BUDGET_ROWS} GROUP BY ALL),
     k AS (SELECT coalesce(f.program_id, m.program_id) AS pid, coalesce(f.document_id, m.document_id) AS did,
                  f.*, m.program_id IS NOT NULL AS mentioned, m.start_year, m.end_year
           FROM f FULL JOIN {{program_mentions}} m ON m.program_id = f.program_id AND m.document_id = f.document_id)
SELECT k.pid, k.did, d.published_on, k.announced_on, {DOC_KEY.format(d="k.announced_on", doc="k.did")},
       k.total_krw, k.national_krw, k.local_krw, k.private_krw, k.unspecified_krw, {FIGURE.format(p="k.")}, k.head_budget_id,
       k.mentioned, k.start_year, k.end_year, d.title, coalesce(k.n_rows, 0), k.figure_budget_id, k.national_budget_id
FROM k LEFT JOIN {{documents}} d ON d.document_id = k.did""",
    "fy_figures": f"""
SELECT program_id, document_id, fiscal_year, any_value(announced_on),
       {DOC_KEY.format(d="any_value(announced_on)", doc="document_id")}, {KINDS_MAX}
FROM {{budgets}} x WHERE {BUDGET_ROWS} AND fiscal_year IS NOT NULL
GROUP BY program_id, document_id, fiscal_year""",
    # Parts that do not add up: two or more of national / local / private stated and differing from the
    # total, or any parts together larger than it.
    "doc_parts": f"""
SELECT program_id, document_id, announced_on, total_krw, parts_krw FROM (
    SELECT program_id, document_id, any_value(announced_on) AS announced_on, {KINDS_MAX}
    FROM {{budgets}} x WHERE {BUDGET_ROWS} GROUP BY program_id, document_id),
    LATERAL (SELECT (coalesce(national_krw, 0) + coalesce(local_krw, 0) + coalesce(private_krw, 0))::BIGINT
                        AS parts_krw,
                    (national_krw IS NOT NULL)::INT + (local_krw IS NOT NULL)::INT + (private_krw IS NOT NULL)::INT
                        AS n_parts)
WHERE total_krw IS NOT NULL AND parts_krw <> total_krw AND n_parts >= CASE WHEN parts_krw > total_krw THEN 1 ELSE 2 END""",
    "series_rows": series.ROWS_SQL,  # a program's revision rows (etl/series.py)
}

# Count tables: (fact table, key columns, the counts {n} over a relation {rows} of its rows).
COUNTS = {
    "inst_programs": ("participations", ("institution_id", "program_id"),
                      "SELECT institution_id, program_id, {n} FROM {rows} WHERE " + COUNTED + " GROUP BY ALL"),
    "country_programs": ("program_countries", ("country", "program_id"),
                         "SELECT country, program_id, {n} FROM {rows} GROUP BY ALL"),
    "document_months": ("documents", ("month", "lang"),
                        "SELECT date_trunc('month', published_on)::DATE, lang, {n} FROM {rows} "
                        "WHERE published_on IS NOT NULL GROUP BY ALL"),
    # Money rows per program by ROW_REASONS ('own': OWN_ROWS), for the left-out summary (ui/counted.py).
    "money_reasons": ("budgets", ("program_id", "reason"),
                      f"SELECT program_id, CASE {ROW_REASONS.format(b='')} ELSE 'own' END, {{n}} FROM {{rows}} "
                      "GROUP BY ALL"),
}  # fmt: skip
COUNT_COLUMN = {"money_reasons": "n_rows"}  # the others count documents (n_documents)

# Per-program tables. Each is a GROUP BY over partial rows: one per per-document row, or a stored row of the
# table itself, so a load that only adds documents merges its rows into the stored ones instead of reading
# every document of the programs it touched again. {rows}: per-document rows; {scope}: restricts program_id.
STATS_PARTS = """SELECT program_id, TRUE AS own, mentioned::BIGINT AS n_documents,
       CASE WHEN mentioned THEN published_on END AS first_announced,
       CASE WHEN mentioned THEN published_on END AS last_announced,
       CASE WHEN p THEN start_year END AS start_year, CASE WHEN p THEN end_year END AS end_year,
       CASE WHEN p THEN coalesce(published_on, DATE '1900-01-01') END AS period_on,
       CASE WHEN p THEN document_id END AS period_doc, figure_krw AS headline_krw,
       CASE WHEN figure_krw IS NOT NULL THEN document_id END AS head_doc,
       CASE WHEN figure_krw IS NOT NULL THEN doc_key END AS head_key, (figure_krw IS NOT NULL)::BIGINT AS n_announcements,
       national_krw, local_krw, private_krw, NULL::VARCHAR[] AS itypes, n_rows,
       CASE WHEN figure_krw IS NOT NULL THEN n_rows END AS head_rows, figure_budget_id, national_budget_id
    FROM (SELECT *, mentioned AND start_year IS NOT NULL AS p FROM {rows} WHERE {scope})"""
STATS_STORED = """SELECT program_id, TRUE AS own, n_documents, first_announced, last_announced, start_year, end_year, period_on,
       period_doc, headline_krw, head_doc, head_key, n_announcements, national_krw, local_krw, private_krw, itypes,
       n_rows, head_rows, figure_budget_id, national_budget_id
    FROM program_stats WHERE {scope}"""
STATS_TYPES = """SELECT ip.program_id, FALSE, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
       list(DISTINCT i.type), 0, NULL, NULL, NULL FROM {pairs} ip JOIN institutions i USING (institution_id) WHERE {scope} GROUP BY ALL"""
STATS_COMBINE = """SELECT program_id, n_documents, first_announced, last_announced, y.s, y.e, h.a, h.d, n_announcements,
       h.n, h.l, h.p, itypes, y.o, y.d, h.k, n_rows, h.r, h.f, h.g
FROM (SELECT program_id, sum(n_documents) AS n_documents, min(first_announced) AS first_announced,
             max(last_announced) AS last_announced,
             arg_max(struct_pack(s := start_year, e := end_year, o := period_on, d := period_doc),
                     struct_pack(o := period_on, d := period_doc)) FILTER (period_on IS NOT NULL) AS y,
             arg_max(struct_pack(a := headline_krw, d := head_doc, k := head_key, n := national_krw, l := local_krw,
                                 p := private_krw, r := head_rows, f := figure_budget_id, g := national_budget_id),
                     head_key) FILTER (head_key IS NOT NULL) AS h,
             sum(n_announcements) AS n_announcements, sum(n_rows)::BIGINT AS n_rows,
             list_sort(list_distinct(flatten(list(itypes) FILTER (itypes IS NOT NULL)))) AS itypes
      FROM ({parts}) GROUP BY program_id HAVING bool_or(own))"""
YEARS_PARTS = f"""SELECT program_id, fiscal_year, {FIGURE.format(p="")} AS amount_krw, doc_key FROM {{rows}}
    WHERE {{scope}} AND {FIGURE.format(p="")} IS NOT NULL"""
HEADS_PARTS = """SELECT program_id, date_trunc('month', announced_on)::DATE AS month, figure_krw AS head_krw,
       doc_key AS head_key FROM {rows} WHERE {scope} AND figure_krw IS NOT NULL"""
# (table, stored rows as parts, parts of per-document rows {rows}, how parts combine into the table's rows)
PROGRAM_SQL = {
    "program_stats": (STATS_STORED, STATS_PARTS, STATS_COMBINE),
    "program_years": ("SELECT * FROM program_years WHERE {scope}", YEARS_PARTS,
                      "SELECT program_id, fiscal_year, arg_max(amount_krw, doc_key), max(doc_key) FROM ({parts}) GROUP BY ALL"),
    "program_month_heads": ("SELECT * FROM program_month_heads WHERE {scope}", HEADS_PARTS,
                            "SELECT program_id, month, arg_max(head_krw, head_key), max(head_key) FROM ({parts}) GROUP BY ALL"),
}  # fmt: skip
# A month's move of a program's headline: its last figure that month less the one before (from the heads).
MONTHS_SQL = """SELECT program_id, month, change FROM (
    SELECT program_id, month, head_krw - coalesce(lag(head_krw) OVER (PARTITION BY program_id ORDER BY head_key), 0) AS change
    FROM program_month_heads WHERE {scope}) WHERE month IS NOT NULL"""
SOURCES = {
    "program_stats": "doc_figures",
    "program_years": "fy_figures",
    "program_month_heads": "doc_figures",
}
PROGRAM_TABLES = (*PROGRAM_SQL, "program_months")

INSTITUTION_STATS_SQL = """
SELECT ip.institution_id, count(ip.program_id), sum(ip.n_documents), sum(p.headline_krw)::BIGINT
FROM inst_programs ip LEFT JOIN program_stats p USING (program_id) GROUP BY ALL"""

# Facilities as a pick over sites (n = 1 each, dated by their document) or over stored facilities (n mentions).
SITE_COLUMNS = (
    "norm_key, site_id, document_id, program_id, name, address, area_m2, status, year, lat, lon, evidence"
)
FACILITY_SITES = f"""SELECT {SITE_COLUMNS.replace("document_id", "s.document_id")}, 1 AS n, d.published_on,
    s.precision FROM {{sites}} s JOIN {{documents}} d ON d.document_id = s.document_id WHERE s.{COUNTED} AND {{scope}}"""
FACILITY_STORED = (
    f"SELECT {SITE_COLUMNS}, n_mentions AS n, last_published AS published_on, precision FROM facilities "
    "WHERE {scope}"
)
FACILITIES_SQL = f"""SELECT {SITE_COLUMNS}, sum(n) OVER (PARTITION BY norm_key), published_on, precision
FROM ({{parts}})
QUALIFY row_number() OVER (PARTITION BY norm_key ORDER BY published_on DESC NULLS LAST, (lat IS NOT NULL) DESC,
                           site_id DESC) = 1"""

DERIVED = (*DOC_TABLES, *COUNTS, *PROGRAM_TABLES, "institution_stats", "facilities", "program_ancestors",
           "fact_doubts")  # fmt: skip


def rebuild(con: Con) -> None:
    """Recompute every derived table from the fact tables (inside the caller's transaction)."""
    for table in DERIVED:
        con.execute(f"DELETE FROM {table}")  # names from the fixed lists above
    insert_documents(con, {t: t for t in FACT_TABLES})
    doubts.rebuild(con)
    for table, (fact, _, counts) in COUNTS.items():
        con.execute(f"INSERT INTO {table} {counts.format(rows=fact, n='count(*)')}")
    refresh_programs(con, "TRUE")
    refresh_facilities(con, "TRUE")
    refresh_institutions(con)
    con.execute(ANCESTORS_SQL)
    tidy(con)
    for temp in ("_program_rows", "_facility_rows"):  # a migrated file's connection shows no extra tables
        con.execute(f"DROP TABLE IF EXISTS {temp}")


def tidy(con: Con) -> None:
    """Rewrite the sorted tables in their order (SORTED); a load appends out of order.

    Sorted, a top-N over them stops after the first row group (3 ms instead of 45 ms at a million
    documents); rows appended later only cost their own row groups until the next tidy.
    """
    for table, order in SORTED.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE _sorted AS SELECT * FROM {table}")
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM _sorted ORDER BY {order}")
        con.execute("DROP TABLE _sorted")


def doc_select(table: str, sources: dict[str, str]) -> str:
    """The SELECT of per-document table `table` over `sources` (fact table -> relation)."""
    return DOC_SQL[table].format(**sources, supplementary=series.supplementary_literal())


def insert_documents(con: Con, sources: dict[str, str]) -> None:
    for table in DOC_SQL:
        con.execute(f"INSERT INTO {table} {doc_select(table, sources)}")


def refresh_programs(con: Con, scope: str, new: dict[str, str] | None = None) -> None:
    """Rows of the per-program tables for the programs in `scope`: recomputed from every per-document row,
    or, given `new` (per-document table -> relation of just-added rows), merged from the stored rows and those."""
    for table, (stored, parts, combine) in PROGRAM_SQL.items():
        if new is None:
            rows = parts.format(rows=SOURCES[table], scope=scope)
            if table == "program_stats":
                rows += " UNION ALL " + STATS_TYPES.format(pairs="inst_programs", scope=scope)
        else:
            rows = (
                stored.format(scope=scope)
                + " UNION ALL "
                + parts.format(rows=new[SOURCES[table]], scope=scope)
            )
            if table == "program_stats":
                rows += " UNION ALL " + STATS_TYPES.format(pairs=new["participations"], scope=scope)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _program_rows AS {combine.format(parts=rows)}")
        con.execute(f"DELETE FROM {table} WHERE {scope}")
        con.execute(f"INSERT INTO {table} SELECT * FROM _program_rows")
    con.execute(f"DELETE FROM program_months WHERE {scope}")
    con.execute(f"INSERT INTO program_months {MONTHS_SQL.format(scope=scope)}")


def refresh_facilities(con: Con, scope: str, new: dict[str, str] | None = None) -> None:
    """Facility rows for the norm_keys in `scope`: from every site, or stored rows merged with `new` sites."""
    if new is None:
        parts = FACILITY_SITES.format(sites="sites", documents="document_stats", scope=scope)
    else:
        parts = f"{FACILITY_STORED.format(scope=scope)} UNION ALL {FACILITY_SITES.format(**new, scope=scope)}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _facility_rows AS {FACILITIES_SQL.format(parts=parts)}")
    con.execute(f"DELETE FROM facilities WHERE {scope}")
    con.execute("INSERT INTO facilities SELECT * FROM _facility_rows")


def refresh_institutions(con: Con) -> None:
    con.execute("DELETE FROM institution_stats")
    con.execute(f"INSERT INTO institution_stats {INSTITUTION_STATS_SQL}")
