"""Derived tables the dashboard reads instead of scanning the facts (schema.sql, m003_aggregates).

Each table is a fixed function of the fact tables, written below as the SELECT that computes it.
`rebuild` recomputes them all; the loader keeps them in step inside the transaction that writes the
facts, through one `Changes` per transaction, at a cost that grows with what the batch touches:
- per document (document_stats, doc_figures, fy_figures): a document's rows go before its facts are
  deleted, and a loaded document's rows are computed from its staged rows alone;
- counts per pair of keys (inst_programs, country_programs, document_months): they move by the difference;
- per program (program_stats, program_years, program_months) and per facility (facilities): recomputed
  for the programs and facilities touched, from the per-document tables above;
- per institution (institution_stats): recomputed from inst_programs and program_stats (small).
A program merge rewrites program ids in the facts; its documents are recomputed from the facts.
`tidy` re-sorts the two tables the lists read in order. tests/test_aggregates.py checks every table
against `rebuild` after ingests, re-ingests, withdrawals and merges.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pyarrow as pa

Con = duckdb.DuckDBPyConnection
FACT_TABLES = ("documents", "budgets", "program_mentions", "participations", "sites", "program_countries")
DOC_TABLES = ("document_stats", "doc_figures", "fy_figures")
PROGRAM_TABLES = ("program_stats", "program_years", "program_months")
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
# The order each sorted table is kept in (tidy): zone maps then let a top-N read one row group.
SORTED = {
    "document_stats": "published_on DESC NULLS LAST, document_id",  # every list, newest first
    "doc_figures": "figure_krw DESC NULLS LAST, doc_key DESC",  # the budget timeline, largest first
}

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
       coalesce(s.n, 0), coalesce(c.n, 0)
FROM {documents} d LEFT JOIN b USING (document_id) LEFT JOIN m USING (document_id)
     LEFT JOIN pa USING (document_id) LEFT JOIN s USING (document_id) LEFT JOIN c USING (document_id)""",
    "doc_figures": f"""
WITH f AS (SELECT program_id, document_id, any_value(announced_on) AS announced_on, {KINDS_MAX},
                  arg_max(budget_id, struct_pack(t := kind = 'total', a := amount_krw, id := budget_id))
                      FILTER (kind IN {HEAD_KINDS}) AS head_budget_id
           FROM {{budgets}} WHERE amount_krw IS NOT NULL AND program_id IS NOT NULL GROUP BY ALL),
     k AS (SELECT coalesce(f.program_id, m.program_id) AS pid, coalesce(f.document_id, m.document_id) AS did,
                  f.*, m.program_id IS NOT NULL AS mentioned, m.start_year, m.end_year
           FROM f FULL JOIN {{program_mentions}} m ON m.program_id = f.program_id AND m.document_id = f.document_id)
SELECT k.pid, k.did, d.published_on, k.announced_on, {DOC_KEY.format(d="k.announced_on", doc="k.did")},
       k.total_krw, k.national_krw, k.local_krw, k.private_krw, k.unspecified_krw, {FIGURE.format(p="k.")}, k.head_budget_id,
       k.mentioned, k.start_year, k.end_year, d.title
FROM k LEFT JOIN {{documents}} d ON d.document_id = k.did""",
    "fy_figures": f"""
SELECT program_id, document_id, fiscal_year, any_value(announced_on),
       {DOC_KEY.format(d="any_value(announced_on)", doc="document_id")}, {KINDS_MAX}
FROM {{budgets}} WHERE amount_krw IS NOT NULL AND program_id IS NOT NULL AND fiscal_year IS NOT NULL
GROUP BY program_id, document_id, fiscal_year""",
}

# Count tables: (fact table, key columns, the counts {n} over a relation {rows} of its rows).
COUNTS = {
    "inst_programs": ("participations", ("institution_id", "program_id"),
                      "SELECT institution_id, program_id, {n} FROM {rows} GROUP BY ALL"),
    "country_programs": ("program_countries", ("country", "program_id"),
                         "SELECT country, program_id, {n} FROM {rows} GROUP BY ALL"),
    "document_months": ("documents", ("month", "lang"),
                        "SELECT date_trunc('month', published_on)::DATE, lang, {n} FROM {rows} "
                        "WHERE published_on IS NOT NULL GROUP BY ALL"),
}  # fmt: skip

# Per-program tables over the per-document ones; {scope} restricts program_id.
PROGRAM_SQL = {
    "program_stats": """
WITH f AS (SELECT * FROM doc_figures WHERE {scope}),
     t AS (SELECT ip.program_id, list(DISTINCT i.type ORDER BY i.type) AS itypes
           FROM inst_programs ip JOIN institutions i USING (institution_id) WHERE {scope} GROUP BY ALL),
     g AS (SELECT program_id, count(*) FILTER (mentioned) AS n_documents,
                  min(published_on) FILTER (mentioned) AS first_announced,
                  max(published_on) FILTER (mentioned) AS last_announced,
                  arg_max(struct_pack(s := start_year, e := end_year),
                          struct_pack(d := coalesce(published_on, DATE '1900-01-01'), doc := document_id))
                      FILTER (mentioned AND start_year IS NOT NULL) AS y,
                  arg_max(struct_pack(a := figure_krw, doc := document_id, n := national_krw, l := local_krw,
                                      p := private_krw), doc_key) FILTER (figure_krw IS NOT NULL) AS h,
                  count(*) FILTER (figure_krw IS NOT NULL) AS n_announcements
           FROM f GROUP BY ALL)
SELECT g.program_id, g.n_documents, g.first_announced, g.last_announced, g.y.s, g.y.e, g.h.a, g.h.doc,
       g.n_announcements, g.h.n, g.h.l, g.h.p, t.itypes
FROM g LEFT JOIN t USING (program_id)""",
    "program_years": f"""
SELECT program_id, fiscal_year, arg_max(fig, doc_key)
FROM (SELECT *, {FIGURE.format(p="")} AS fig FROM fy_figures WHERE {{scope}}) WHERE fig IS NOT NULL GROUP BY ALL""",
    "program_months": """
SELECT program_id, date_trunc('month', announced_on)::DATE, sum(change)::BIGINT
FROM (SELECT program_id, announced_on,
             figure_krw - coalesce(lag(figure_krw) OVER (PARTITION BY program_id ORDER BY doc_key), 0) AS change
      FROM doc_figures WHERE figure_krw IS NOT NULL AND {scope})
WHERE announced_on IS NOT NULL GROUP BY ALL""",
}

INSTITUTION_STATS_SQL = """
SELECT ip.institution_id, count(ip.program_id), sum(ip.n_documents), sum(p.headline_krw)::BIGINT
FROM inst_programs ip LEFT JOIN program_stats p USING (program_id) GROUP BY ALL"""

FACILITIES_SQL = """
SELECT s.norm_key, s.site_id, s.document_id, s.program_id, s.name, s.address, s.area_m2, s.status, s.year, s.lat,
       s.lon, s.evidence, count(*) OVER (PARTITION BY s.norm_key), d.published_on
FROM sites s JOIN document_stats d USING (document_id) WHERE {scope}
QUALIFY row_number() OVER (PARTITION BY s.norm_key ORDER BY d.published_on DESC NULLS LAST,
                           (s.lat IS NOT NULL) DESC, s.site_id DESC) = 1"""

DERIVED = (*DOC_TABLES, *COUNTS, *PROGRAM_TABLES, "institution_stats", "facilities")


def rebuild(con: Con) -> None:
    """Recompute every derived table from the fact tables (inside the caller's transaction)."""
    for table in DERIVED:
        con.execute(f"DELETE FROM {table}")  # names from the fixed lists above
    _insert_documents(con, {t: t for t in FACT_TABLES})
    for table, (fact, _, counts) in COUNTS.items():
        con.execute(f"INSERT INTO {table} {counts.format(rows=fact, n='count(*)')}")
    _refresh_programs(con, "TRUE")
    con.execute(f"INSERT INTO facilities {FACILITIES_SQL.format(scope='TRUE')}")
    _refresh_institutions(con)
    tidy(con)


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


def _insert_documents(con: Con, sources: dict[str, str]) -> None:
    for table, select in DOC_SQL.items():
        con.execute(f"INSERT INTO {table} {select.format(**sources)}")


def _refresh_programs(con: Con, scope: str) -> None:
    for table, select in PROGRAM_SQL.items():
        con.execute(f"INSERT INTO {table} {select.format(scope=scope)}")


def _refresh_institutions(con: Con) -> None:
    con.execute("DELETE FROM institution_stats")
    con.execute(f"INSERT INTO institution_stats {INSTITUTION_STATS_SQL}")


class Changes:
    """What one write transaction did to the facts, and the refresh of the derived tables it needs.

    Call `merged` after a program merge rewrote ids (before anything else), `drop` before deleting
    documents' facts, `add` after inserting staged ones, and `refresh` last, all inside the transaction.
    """

    def __init__(self, con: Con) -> None:
        self.con = con
        self.programs: set[str] = set()
        self.norm_keys: set[str] = set()
        self.counted = False  # count differences wait in _delta_<table>
        for table in COUNTS:
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS _delta_{table} AS SELECT * FROM {table} LIMIT 0")

    def drop(self, ids: str) -> None:
        """Take out the rows of the documents listed in relation `ids` (document_id), before their facts go."""
        docs = f"document_id IN (SELECT document_id FROM {ids})"
        self._note(f"SELECT program_id, NULL FROM doc_figures WHERE {docs} "
                   f"UNION ALL SELECT NULL, norm_key FROM sites WHERE {docs}")  # fmt: skip
        self._count({fact: f"(SELECT * FROM {fact} WHERE {docs})" for fact, _, _ in COUNTS.values()}, -1)
        for table in DOC_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {docs}")

    def add(self, staged: dict[str, str]) -> None:
        """Add the rows of documents just loaded, from `staged` (fact table -> relation of this batch's rows)."""
        _insert_documents(self.con, staged)
        self._note(f"SELECT program_id, NULL FROM {staged['budgets']} "
                   f"UNION ALL SELECT program_id, NULL FROM {staged['program_mentions']} "
                   f"UNION ALL SELECT NULL, norm_key FROM {staged['sites']}")  # fmt: skip
        self._count(staged, 1)

    def merged(self, programs: set[str]) -> None:
        """After facts of `programs` were moved between program ids: recompute their documents and pairs."""
        if not programs:
            return
        with _ids(self.con, "_merged", "program_id", programs) as rel:
            scope = f"program_id IN (SELECT program_id FROM {rel})"
            self.con.execute(
                "CREATE OR REPLACE TEMP TABLE _merged_docs AS "
                f"SELECT DISTINCT document_id FROM doc_figures WHERE {scope}"
            )
            for table, (fact, keys, counts) in COUNTS.items():
                if "program_id" in keys:
                    self.con.execute(f"DELETE FROM {table} WHERE {scope}")
                    rows = f"(SELECT * FROM {fact} WHERE {scope})"
                    self.con.execute(f"INSERT INTO {table} {counts.format(rows=rows, n='count(*)')}")
        docs = "document_id IN (SELECT document_id FROM _merged_docs)"
        self._note(f"SELECT NULL, norm_key FROM sites WHERE {docs}")
        for table in DOC_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {docs}")
        _insert_documents(self.con, {t: f"(SELECT * FROM {t} WHERE {docs})" for t in FACT_TABLES})
        self.programs |= programs

    def refresh(self) -> None:
        """Bring the count, per-program, per-institution and per-facility tables in step with the changes."""
        if self.counted:
            for table in COUNTS:
                self._move_counts(table)
        if self.programs:
            with _ids(self.con, "_touched", "program_id", self.programs) as rel:
                scope = f"program_id IN (SELECT program_id FROM {rel})"
                for table in PROGRAM_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE {scope}")
                _refresh_programs(self.con, scope)
        if self.counted or self.programs:
            _refresh_institutions(self.con)
        if self.norm_keys:
            with _ids(self.con, "_facilities", "norm_key", self.norm_keys) as rel:
                scope = f"norm_key IN (SELECT norm_key FROM {rel})"
                self.con.execute(f"DELETE FROM facilities WHERE {scope}")
                self.con.execute(f"INSERT INTO facilities {FACILITIES_SQL.format(scope=scope)}")
        self.programs, self.norm_keys, self.counted = set(), set(), False

    def _note(self, query: str) -> None:
        for program_id, norm_key in self.con.execute(query).fetchall():
            if program_id is not None:
                self.programs.add(program_id)
            if norm_key is not None:
                self.norm_keys.add(norm_key)

    def _count(self, rows: dict[str, str], sign: int) -> None:
        """Note the counts of `rows` (fact table -> relation), added (sign 1) or taken away (-1)."""
        for table, (fact, _, counts) in COUNTS.items():
            n = "count(*)" if sign > 0 else "-count(*)"
            self.con.execute(f"INSERT INTO _delta_{table} {counts.format(rows=rows[fact], n=n)}")
        self.counted = True

    def _move_counts(self, table: str) -> None:
        """Apply the summed differences to a count table; a key whose count reaches 0 goes."""
        keys = COUNTS[table][1]
        same = " AND ".join(f"d.{k} IS NOT DISTINCT FROM t.{k}" for k in keys)
        touched = f"EXISTS (SELECT 1 FROM _delta_{table} d WHERE {same})"
        cols = ", ".join(keys)
        self.con.execute(f"""CREATE OR REPLACE TEMP TABLE _summed AS
            SELECT {cols}, sum(n_documents)::BIGINT AS n FROM (
                SELECT * FROM {table} t WHERE {touched} UNION ALL SELECT * FROM _delta_{table}) GROUP BY ALL""")
        self.con.execute(f"DELETE FROM {table} t WHERE {touched}")
        self.con.execute(f"INSERT INTO {table} SELECT * FROM _summed WHERE n <> 0")
        self.con.execute(f"DELETE FROM _delta_{table}")


@contextlib.contextmanager
def _ids(con: Con, name: str, column: str, values: set[str]) -> Iterator[str]:
    """A set of ids as a one-column relation `name` for the duration of the block."""
    con.register(name, pa.table({column: pa.array(sorted(values), pa.string())}))
    try:
        yield name
    finally:
        con.unregister(name)
