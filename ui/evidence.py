"""Row-level datasets: facts with their evidence sentence, and the documents they come from.

Same rules as ui/queries.py (which re-exports everything here): bound parameters, declared columns,
LIMITed results. Every row carries its document_id so a page can link to the document.

The lists come a page at a time (`limit`, `offset`; `fact_counts` gives their lengths), newest document
first. When the filters keep every fact of the documents they select (no program-level filter, none of
the list's own), the page's documents are read from document_stats (sql.doc_page) and their rows fetched
by id through the tables' document indexes, so a page costs the same at any database size. Otherwise
the filtered rows are sorted and the page cut from them.
"""

from __future__ import annotations

import pandas as pd

from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

PAGE = 100  # rows a list shows at once

FACTS_SQL = """
    SELECT 'mention' AS fact, name_seen AS label, NULL AS detail, ev_start, ev_end, evidence
        FROM program_mentions WHERE document_id = ?
    UNION ALL SELECT 'budget', unit_text, kind, ev_start, ev_end, evidence FROM budgets WHERE document_id = ?
    UNION ALL SELECT 'participation', i.name, pa.role, pa.ev_start, pa.ev_end, pa.evidence
        FROM participations pa JOIN institutions i USING (institution_id) WHERE pa.document_id = ?
    UNION ALL SELECT 'site', name || coalesce(' · ' || area_text, ''), status, ev_start, ev_end, evidence
        FROM sites WHERE document_id = ?
    UNION ALL SELECT 'country_fact', country, NULL, ev_start, ev_end, evidence FROM program_countries
        WHERE document_id = ?
"""


class _Page:
    """Where one page of a fact list comes from: `head` (WITH clause), `src` (the facts, aliased), `rows`
    (their condition), `docs` (the documents' FROM target) and `cut` (LIMIT, OFFSET), bound in that order.

    With `whole`, the page's documents are looked up first and their facts and documents fetched by id
    into materialized CTEs: an ART index lookup, which DuckDB skips when a LIMIT sits over the same scan.
    """

    def __init__(self, con: Con, f: Filters, table: str, count: str, whole: bool, rows: sql.Part) -> None:
        self.con, self.f, self.table, self.count, self.whole = con, f, table, count, whole
        self.head, self.src, self.rows, self.docs = sql.with_(f), table, rows, "documents"

    def cut(self, limit: int, offset: int) -> list[int]:
        """Settle the page; return its LIMIT/OFFSET params."""
        if not self.whole:
            return [limit, offset]
        ids, skip = sql.doc_page(self.con, self.f, self.count, limit, offset)
        where, params = sql.ids_in("document_id", ids)
        cols = "document_id, published_on, title, lang, url"
        self.head = (
            f"""WITH page AS MATERIALIZED (SELECT * FROM {self.table} WHERE {where}),
                page_docs AS MATERIALIZED (SELECT {cols} FROM documents WHERE {where})""",
            [*params, *params],
        )
        self.src, self.rows, self.docs = "page", ("TRUE", []), "page_docs"
        return [limit, skip]


def _whole_documents(f: Filters, *fact_filters: object) -> bool:
    """True when a fact list keeps every fact of the documents it shows: no program-level filter and none
    of the list's own filters (`fact_filters`)."""
    return sql.doc_scope(f.replace(year_from=None, year_to=None))[0] == "TRUE" and not any(fact_filters)


@dataset(
    "budget_id", "document_id", "announced_on", "program_id", "program", "kind", "role", "amount_krw",
    "unit_text", "currency", "fiscal_year", "state", "evidence", "title", "url", "fact_id",
)  # fmt: skip
def budget_facts(con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0) -> pd.DataFrame:
    """Money statements with their role and evidence sentence, newest first (every role: the table is where an
    analyst sees the changes, caps and envelopes that the charts, which add budgets only, leave out).

    Within a day rows follow budget_id (document_id:seq), so they come whole by document.
    """
    scope = sql.and_(
        sql.program_scope(filters, "b.program_id"),
        sql.period_scope(filters, "b.announced_on"),
        sql.kind_scope(filters),
    )
    page = _Page(con, filters, "budgets", "n_budgets", _whole_documents(filters, filters.kinds), scope)
    cut = page.cut(limit, offset)
    rows = f"""(SELECT budget_id, document_id, announced_on, program_id, kind, role, amount_krw, unit_text, currency,
                       fiscal_year, state, evidence, fact_id FROM {page.src} b WHERE {page.rows[0]}
                ORDER BY announced_on DESC NULLS LAST, budget_id LIMIT ? OFFSET ?)"""
    query = f"""{page.head[0]} SELECT b.budget_id, b.document_id, b.announced_on, b.program_id, p.name AS program,
               b.kind, b.role, b.amount_krw, b.unit_text, b.currency, b.fiscal_year, b.state, b.evidence, d.title,
               d.url, b.fact_id
        FROM {rows} b LEFT JOIN programs p USING (program_id) JOIN {page.docs} d USING (document_id)
        ORDER BY b.announced_on DESC NULLS LAST, b.budget_id"""
    return sql.frame(con, query, [*page.head[1], *page.rows[1], *cut])


@dataset("document_id", "published_on", "title", "lang", "url", "program", "name_seen", "evidence")
def program_documents(con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0) -> pd.DataFrame:
    """Program mentions with their documents and the sentence naming the program, newest first."""
    where = sql.and_(sql.program_scope(filters, "m.program_id"), sql.doc_scope(filters, "m.document_id"))
    page = _Page(con, filters, "program_mentions", "n_mentions", _whole_documents(filters), where)
    cut = page.cut(limit, offset)
    query = f"""{page.head[0]} SELECT m.document_id, d.published_on, d.title, d.lang, d.url, p.name AS program,
               m.name_seen, m.evidence
        FROM {page.src} m JOIN {page.docs} d USING (document_id) JOIN programs p USING (program_id)
        WHERE {page.rows[0]} ORDER BY d.published_on DESC NULLS LAST, m.document_id, m.program_id LIMIT ? OFFSET ?"""
    return sql.frame(con, query, [*page.head[1], *page.rows[1], *cut])


@dataset(
    "document_id", "published_on", "institution_id", "institution", "type", "country", "role", "program",
    "evidence", "state", "fact_id",
)  # fmt: skip
def participation_facts(con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0) -> pd.DataFrame:
    """Institutions named in the selected documents, with their role and evidence sentence."""
    where = sql.and_(sql.fact_scope(filters, "pa"), sql.itype_scope(filters))
    whole = _whole_documents(filters, filters.itypes)
    page = _Page(con, filters, "participations", "n_participations", whole, where)
    cut = page.cut(limit, offset)
    query = f"""{page.head[0]} SELECT pa.document_id, d.published_on, pa.institution_id, i.name AS institution,
               i.type, i.country, pa.role, p.name AS program, pa.evidence, pa.state, pa.fact_id
        FROM {page.src} pa JOIN institutions i USING (institution_id) JOIN {page.docs} d USING (document_id)
        LEFT JOIN programs p ON p.program_id = pa.program_id
        WHERE {page.rows[0]} ORDER BY d.published_on DESC NULLS LAST, pa.document_id, i.name LIMIT ? OFFSET ?"""
    return sql.frame(con, query, [*page.head[1], *page.rows[1], *cut])


@dataset("document_id", "published_on", "program", "iso2", "country_ko", "country_en", "evidence")
def country_facts(con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0) -> pd.DataFrame:
    """Partner countries named in the selected documents, with evidence."""
    whole = _whole_documents(filters)
    page = _Page(
        con, filters, "program_countries", "n_countries", whole, sql.fact_scope(filters, "c", reviewed=False)
    )
    cut = page.cut(limit, offset)
    query = f"""{page.head[0]} SELECT c.document_id, d.published_on, p.name AS program, c.country AS iso2,
               coalesce(k.name_ko, c.country) AS country_ko, coalesce(k.name_en, c.country) AS country_en,
               c.evidence
        FROM {page.src} c JOIN {page.docs} d USING (document_id)
        LEFT JOIN countries k ON k.iso2 = c.country LEFT JOIN programs p ON p.program_id = c.program_id
        WHERE {page.rows[0]} ORDER BY d.published_on DESC NULLS LAST, c.document_id, c.country LIMIT ? OFFSET ?"""
    return sql.frame(con, query, [*page.head[1], *page.rows[1], *cut])


@dataset(
    "norm_key", "name", "address", "area_m2", "status", "year", "lat", "lon", "precision", "program", "n_mentions",
    "last_published", "document_id", "evidence", "state", "fact_id",
)  # fmt: skip
def site_map(con: Con, *, filters: Filters, limit: int = 2000, offset: int = 0) -> pd.DataFrame:
    """Each facility once (its latest mention), with coordinates and their precision, area, status and evidence."""
    with_, wp = sql.with_(filters)
    rows = f"""(SELECT s.norm_key, s.name, s.address, s.area_m2, s.status, s.year, s.lat, s.lon, s.precision, s.program_id,
               count(*) OVER (PARTITION BY s.norm_key) AS n_mentions, d.published_on AS last_published,
               s.document_id, s.evidence, s.site_id
        FROM sites s JOIN documents d USING (document_id) WHERE {sql.fact_scope(filters, "s")[0]}
        QUALIFY row_number() OVER (PARTITION BY s.norm_key ORDER BY d.published_on DESC NULLS LAST,
                                   (s.lat IS NOT NULL) DESC, s.site_id DESC) = 1)"""
    if filters.is_empty():  # each facility's latest mention is stored
        rows = "facilities"
    query = f"""{with_} SELECT s.norm_key, s.name, s.address, s.area_m2, s.status, s.year, s.lat, s.lon,
               s.precision, p.name AS program, s.n_mentions, s.last_published, s.document_id, s.evidence,
               x.state, x.fact_id
        FROM {rows} s LEFT JOIN programs p ON p.program_id = s.program_id
        LEFT JOIN sites x ON x.site_id = s.site_id
        ORDER BY s.area_m2 DESC NULLS LAST, s.norm_key LIMIT ? OFFSET ?"""
    return sql.frame(con, query, [*wp, limit, offset])


def _search(filters: Filters, search: str) -> sql.Part:
    """Documents in scope whose title or text holds `search`.

    Words with letters that have case use ILIKE; others (Korean, digits) use LIKE, which matches exactly
    the same rows and is 8x faster on Korean text.
    """
    op = "ILIKE" if search.lower() != search.upper() else "LIKE"
    text = (f"(title {op} ? {sql.ESC} OR text {op} ? {sql.ESC})", [sql.like_pattern(search)] * 2)
    return sql.and_((sql.doc_scope(filters)[0], []), text if search else ("TRUE", []))


@dataset("document_id", "published_on", "title", "lang", "kind", "program", "n_budgets", "url", "source")
def document_list(
    con: Con, *, filters: Filters, search: str = "", limit: int = PAGE, offset: int = 0
) -> pd.DataFrame:
    """Documents in scope, newest first; `search` finds a word anywhere in the title or text."""
    cols = "document_id, published_on, title, lang, kind, url, source"
    where, params = _search(filters, search)
    d = f"""d AS (SELECT {cols} FROM documents WHERE {where}
                  ORDER BY published_on DESC NULLS LAST, document_id LIMIT ? OFFSET ?)"""
    with_, wp = sql.with_(filters, (d, [*params, limit, offset]))
    stats, sp = "document_stats", []
    if not search:  # the page's documents from document_stats, then by id
        ids, _ = sql.doc_page(con, filters, "1", limit, offset)
        (docs, dp), (stats, sp) = sql.ids_in("document_id", ids), sql.ids_in("document_id", ids)
        with_, wp = f"WITH d AS MATERIALIZED (SELECT {cols} FROM documents WHERE {docs})", dp
        stats = f"(SELECT * FROM document_stats WHERE {stats})"
    query = f"""{with_} SELECT d.document_id, d.published_on, d.title, d.lang, d.kind, p.name AS program,
               s.n_budgets::BIGINT AS n_budgets, d.url, d.source
        FROM d JOIN {stats} s USING (document_id) LEFT JOIN programs p ON p.program_id = s.main_program_id
        ORDER BY d.published_on DESC NULLS LAST, d.document_id"""
    return sql.frame(con, query, [*wp, *sp])


@dataset("n_documents", "n_budgets", "n_mentions", "n_participations", "n_countries", "n_sites", "n_events")
def fact_counts(con: Con, *, filters: Filters, search: str = "") -> pd.DataFrame:
    """How many rows each list holds for these filters: document_list, budget_facts, program_documents,
    participation_facts, country_facts, site_map, program_events (the lists' page counts).

    A list that keeps whole documents (see _whole_documents) is counted from document_stats."""
    with_, wp = sql.with_(filters)
    docs, dp = _search(filters, search)
    budgets, bp = sql.and_(
        sql.program_scope(filters, "program_id"),
        sql.period_scope(filters, "announced_on"),
        sql.kind_scope(filters),
    )
    parts, pp = sql.and_(sql.fact_scope(filters, "pa"), sql.itype_scope(filters))
    counts = {
        "n_documents": (f"count(*) FROM documents WHERE {docs}", dp),
        "n_budgets": (f"count(*) FROM budgets WHERE {budgets}", bp),
        "n_mentions": ("count(*) FROM program_mentions m WHERE "
                       + sql.and_(sql.program_scope(filters, "program_id"), sql.doc_scope(filters))[0], []),
        "n_participations": (f"count(*) FROM participations pa JOIN institutions i USING (institution_id) WHERE {parts}", pp),
        "n_countries": (f"count(*) FROM program_countries c WHERE {sql.fact_scope(filters, 'c', reviewed=False)[0]}", []),
        "n_sites": (f"count(DISTINCT s.norm_key) FROM sites s WHERE {sql.fact_scope(filters, 's')[0]}", []),
        "n_events": (f"count(DISTINCT event_id) FROM event_documents WHERE {sql.doc_scope(filters)[0]}", []),
    }  # fmt: skip
    period, pp = sql.period_scope(filters, "published_on")
    for col, whole in (("n_documents", not search), ("n_budgets", not filters.kinds), ("n_mentions", True),
                       ("n_participations", not filters.itypes), ("n_countries", True)):  # fmt: skip
        if whole and _whole_documents(filters):
            total = "count(*)" if col == "n_documents" else f"coalesce(sum({col}), 0)::BIGINT"
            counts[col] = (f"{total} FROM document_stats WHERE {period}", pp)
    if filters.is_empty():
        counts["n_sites"] = ("count(*) FROM facilities", [])
    query = f"{with_} SELECT " + ", ".join(f"(SELECT {c}) AS {name}" for name, (c, _) in counts.items())
    return sql.frame(con, query, [*wp, *(x for _, ps in counts.values() for x in ps)])


@dataset("document_id", "title", "published_on", "lang", "kind", "url", "source", "text")
def document_text(con: Con, *, filters: Filters, document_id: str = "") -> pd.DataFrame:
    """One document's full text and metadata."""
    query = "SELECT document_id, title, published_on, lang, kind, url, source, text FROM documents WHERE document_id = ?"
    return sql.frame(con, query, [document_id])


@dataset("fact", "label", "detail", "ev_start", "ev_end", "evidence")
def document_facts(con: Con, *, filters: Filters, document_id: str = "") -> pd.DataFrame:
    """Every fact extracted from one document with its evidence span, in text order.

    detail is the budget kind, the institution's role or the site's status.
    """
    query = f"SELECT * FROM ({FACTS_SQL}) ORDER BY ev_start NULLS LAST, fact, label"
    return sql.frame(con, query, [document_id] * 5)


@dataset(
    "source_name", "last_status", "last_checked_at", "last_success_at", "n_failures", "n_items_seen",
    "n_new_last", "last_error", "url",
)  # fmt: skip
def source_health(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Watched feeds (`python -m etl watch`): failing ones first, with their last check, success and error."""
    [(has,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'watch_sources'"
    ).fetchall()
    if not has:  # a database published before the watch existed
        return pd.DataFrame(columns=list(source_health.columns))
    query = """SELECT source_name, last_status, last_checked_at, last_success_at, n_failures, n_items_seen,
               n_new_last, last_error, url FROM watch_sources
        ORDER BY n_failures DESC, last_status = 'error' DESC, source_name"""
    return sql.frame(con, query, [])


@dataset("table_seq", "caption", "unit", "grid_json")
def document_tables(con: Con, *, filters: Filters, document_id: str = "") -> pd.DataFrame:
    """One document's tables as stored grids (JSON rows of cell text), in document order."""
    query = "SELECT table_seq, caption, unit, grid_json FROM document_tables WHERE document_id = ? ORDER BY table_seq"
    return sql.frame(con, query, [document_id])


@dataset("table_seq", "cell_row", "cell_col", "kind", "role", "fiscal_year", "unit_text", "program")
def table_cells(con: Con, *, filters: Filters, document_id: str = "") -> pd.DataFrame:
    """The budget rows of one document that come from a table cell, with the cell's place."""
    query = """SELECT b.table_seq, b.cell_row, b.cell_col, b.kind, b.role, b.fiscal_year, b.unit_text,
        p.name AS program FROM budgets b LEFT JOIN programs p USING (program_id)
        WHERE b.document_id = ? AND b.table_seq IS NOT NULL ORDER BY b.table_seq, b.cell_row, b.cell_col"""
    return sql.frame(con, query, [document_id])


# Reconciliation (issue 12): stated figures that do not add up, each with the document(s) to read.
# - parts: a document's national + local + private for a program against the total it states (flagged when two
#   or more parts are stated and differ from the total, or when the parts exceed it);
# - children: a program's sub-programs' headline amounts against its own (flagged when they exceed it);
# - years: one document's fiscal-year lines for a program against the multi-year total it states (program page).
PARTS_CHECK = """SELECT 'parts' AS check_kind, f.program_id, f.document_id, f.total_krw AS stated_krw,
       f.parts_krw, NULL AS title
    FROM doc_parts f WHERE {where}"""
CHILDREN_CHECK = """SELECT 'children' AS check_kind, p.program_id, h.head_doc AS document_id, h.headline_krw AS stated_krw,
       sum(ch.headline_krw)::BIGINT AS parts_krw, NULL AS title
    FROM prog_head h JOIN programs c ON c.parent_id = h.program_id JOIN prog_head ch ON ch.program_id = c.program_id
    JOIN programs p ON p.program_id = h.program_id GROUP BY ALL HAVING sum(ch.headline_krw) > h.headline_krw"""
YEARS_CHECK = """SELECT 'years' AS check_kind, program_id, document_id, max(amount_krw) FILTER (fiscal_year IS NULL
            AND kind = 'total') AS stated_krw,
       sum(amount_krw) FILTER (fiscal_year IS NOT NULL AND kind IN ('total', 'unspecified'))::BIGINT AS parts_krw,
       NULL AS title
    FROM budgets WHERE program_id = ? AND role = 'budget' AND {counted} AND amount_krw IS NOT NULL
    GROUP BY ALL HAVING count(DISTINCT fiscal_year) >= 2 AND stated_krw IS NOT NULL AND parts_krw <> stated_krw"""


@dataset("check_kind", "program_id", "program", "document_id", "title", "stated_krw", "parts_krw", "gap_krw")
def reconciliation(
    con: Con, *, filters: Filters, program_id: str | None = None, limit: int = 500
) -> pd.DataFrame:
    """Figures that do not add up: parts against totals, sub-programs against their parent, fiscal-year lines
    against the multi-year total (with a program), largest gap first; each names a document to read."""
    # One program's checks still read the others' figures (its sub-programs): filter the program at the end.
    f = filters.replace(program=None) if program_id else filters
    where, params = sql.and_(sql.program_scope(f, "f.program_id"), sql.period_scope(f, "f.announced_on"))
    checks = [(PARTS_CHECK.format(where=where), params), (CHILDREN_CHECK, [])]
    if program_id:
        checks.append((YEARS_CHECK.format(counted=sql.NOT_EXCLUDED.format(a="budgets")), [program_id]))
    union = " UNION ALL ".join(q for q, _ in checks)
    with_, wp = sql.with_(f, sql.money_ctes(f))
    only = ("x.program_id = ?", [program_id]) if program_id else sql.program_scope(f, "x.program_id")
    query = f"""{with_} SELECT x.check_kind, x.program_id, p.name AS program, x.document_id,
               x.title, x.stated_krw, x.parts_krw, (x.parts_krw - x.stated_krw) AS gap_krw
        FROM ({union}) x LEFT JOIN programs p USING (program_id)
        WHERE {only[0]}
        ORDER BY abs(x.parts_krw - x.stated_krw) DESC, x.program_id, x.document_id LIMIT ?"""
    df = sql.frame(con, query, [*wp, *[p for _, ps in checks for p in ps], *only[1], limit])
    # Titles of the rows kept only, by primary key: joined before the LIMIT, every document was read.
    docs, dp = sql.ids_in("document_id", sorted(set(df["document_id"].dropna())))
    titles = dict(con.execute(f"SELECT document_id, title FROM documents WHERE {docs}", dp).fetchall())
    df["title"] = df["title"].fillna(df["document_id"].map(titles)).astype(df["document_id"].dtype)
    return df
