"""Row-level datasets: facts with their evidence sentence, and the documents they come from.

Same rules as ui/queries.py (which re-exports everything here): bound parameters, declared columns,
LIMITed results. Every row carries its document_id so a page can link to the document.
"""

from __future__ import annotations

import pandas as pd

from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

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


@dataset(
    "budget_id", "document_id", "announced_on", "program_id", "program", "kind", "role", "amount_krw",
    "unit_text", "currency", "fiscal_year", "state", "evidence", "title", "url",
)  # fmt: skip
def budget_facts(con: Con, *, filters: Filters, limit: int = 1000) -> pd.DataFrame:
    """Money statements with their role and evidence sentence, newest first (every role: the table is where an
    analyst sees the changes, caps and envelopes that the charts, which add budgets only, leave out)."""
    scope = sql.and_(
        sql.program_scope(filters, "program_id"),
        sql.period_scope(filters, "announced_on"),
        sql.kind_scope(filters),
    )
    rows = f"""b AS (SELECT * FROM budgets WHERE {scope[0]}
        ORDER BY announced_on DESC NULLS LAST, budget_id LIMIT ?)"""
    with_, wp = sql.with_(filters, (rows, [*scope[1], limit]))
    query = f"""{with_} SELECT b.budget_id, b.document_id, b.announced_on, b.program_id, p.name AS program, b.kind,
               b.role, b.amount_krw, b.unit_text, b.currency, b.fiscal_year, b.state, b.evidence, d.title, d.url
        FROM b LEFT JOIN programs p USING (program_id) JOIN documents d USING (document_id)
        ORDER BY b.announced_on DESC NULLS LAST, b.budget_id"""
    return sql.frame(con, query, wp)


@dataset("document_id", "published_on", "title", "lang", "url", "program", "name_seen", "evidence")
def program_documents(con: Con, *, filters: Filters, limit: int = 500) -> pd.DataFrame:
    """Program mentions with their documents and the sentence naming the program, newest first."""
    with_, wp = sql.with_(filters)
    where = sql.and_(sql.program_scope(filters, "m.program_id"), sql.doc_scope(filters, "m.document_id"))[0]
    query = f"""{with_} SELECT m.document_id, d.published_on, d.title, d.lang, d.url, p.name AS program,
               m.name_seen, m.evidence
        FROM program_mentions m JOIN documents d USING (document_id) JOIN programs p USING (program_id)
        WHERE {where} ORDER BY d.published_on DESC NULLS LAST, m.document_id LIMIT ?"""
    return sql.frame(con, query, [*wp, limit])


@dataset(
    "document_id", "published_on", "institution_id", "institution", "type", "country", "role", "program",
    "evidence",
)  # fmt: skip
def participation_facts(con: Con, *, filters: Filters, limit: int = 500) -> pd.DataFrame:
    """Institutions named in the selected documents, with their role and evidence sentence."""
    with_, wp = sql.with_(filters)
    where, params = sql.and_(sql.fact_scope(filters, "pa"), sql.itype_scope(filters))
    query = f"""{with_} SELECT pa.document_id, d.published_on, pa.institution_id, i.name AS institution, i.type,
               i.country, pa.role, p.name AS program, pa.evidence
        FROM participations pa JOIN institutions i USING (institution_id) JOIN documents d USING (document_id)
        LEFT JOIN programs p ON p.program_id = pa.program_id
        WHERE {where} ORDER BY d.published_on DESC NULLS LAST, pa.document_id, i.name LIMIT ?"""
    return sql.frame(con, query, [*wp, *params, limit])


@dataset("document_id", "published_on", "program", "iso2", "country_ko", "country_en", "evidence")
def country_facts(con: Con, *, filters: Filters, limit: int = 500) -> pd.DataFrame:
    """Partner countries named in the selected documents, with evidence."""
    with_, wp = sql.with_(filters)
    query = f"""{with_} SELECT c.document_id, d.published_on, p.name AS program, c.country AS iso2,
               coalesce(k.name_ko, c.country) AS country_ko, coalesce(k.name_en, c.country) AS country_en,
               c.evidence
        FROM program_countries c JOIN documents d USING (document_id) LEFT JOIN countries k ON k.iso2 = c.country
        LEFT JOIN programs p ON p.program_id = c.program_id
        WHERE {sql.fact_scope(filters, "c", reviewed=False)[0]}
        ORDER BY d.published_on DESC NULLS LAST, c.document_id, c.country LIMIT ?"""
    return sql.frame(con, query, [*wp, limit])


@dataset(
    "norm_key", "name", "address", "area_m2", "status", "year", "lat", "lon", "program", "n_mentions",
    "last_published", "document_id", "evidence",
)  # fmt: skip
def site_map(con: Con, *, filters: Filters, limit: int = 2000) -> pd.DataFrame:
    """Each facility once (its latest mention), with coordinates, area, status and evidence."""
    with_, wp = sql.with_(filters)
    query = f"""{with_} SELECT s.norm_key, s.name, s.address, s.area_m2, s.status, s.year, s.lat, s.lon,
               p.name AS program, count(*) OVER (PARTITION BY s.norm_key) AS n_mentions,
               d.published_on AS last_published, s.document_id, s.evidence
        FROM sites s JOIN documents d USING (document_id) LEFT JOIN programs p ON p.program_id = s.program_id
        WHERE {sql.fact_scope(filters, "s")[0]}
        QUALIFY row_number() OVER (PARTITION BY s.norm_key ORDER BY d.published_on DESC NULLS LAST,
                                   (s.lat IS NOT NULL) DESC, s.site_id DESC) = 1
        ORDER BY s.area_m2 DESC NULLS LAST, s.norm_key LIMIT ?"""
    return sql.frame(con, query, [*wp, limit])


@dataset("document_id", "published_on", "title", "lang", "kind", "program", "n_budgets", "url", "source")
def document_list(con: Con, *, filters: Filters, search: str = "", limit: int = 200) -> pd.DataFrame:
    """Documents in scope, newest first; `search` finds a word anywhere in the title or text.

    Words with letters that have case use ILIKE; others (Korean, digits) use LIKE, which matches exactly
    the same rows and is 8x faster on Korean text.
    """
    op = "ILIKE" if search.lower() != search.upper() else "LIKE"
    text = (f"(title {op} ? {sql.ESC} OR text {op} ? {sql.ESC})", [sql.like_pattern(search)] * 2)
    where, params = sql.and_((sql.doc_scope(filters)[0], []), text if search else ("TRUE", []))
    d = f"""d AS (SELECT document_id, published_on, title, lang, kind, url, source FROM documents
                  WHERE {where} ORDER BY published_on DESC NULLS LAST, document_id LIMIT ?)"""
    with_, wp = sql.with_(filters, (d, [*params, limit]))
    query = f"""{with_} SELECT d.document_id, d.published_on, d.title, d.lang, d.kind, p.name AS program,
               (SELECT count(*) FROM budgets b WHERE b.document_id = d.document_id) AS n_budgets, d.url, d.source
        FROM d LEFT JOIN program_mentions m ON m.document_id = d.document_id AND m.is_main
        LEFT JOIN programs p ON p.program_id = m.program_id
        ORDER BY d.published_on DESC NULLS LAST, d.document_id"""
    return sql.frame(con, query, wp)


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
