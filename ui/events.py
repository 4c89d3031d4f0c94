"""Datasets about events (etl/events.py): the announcements of a program and every document that reported each."""

from __future__ import annotations

import pandas as pd

from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

PAGE = 100


@dataset("event_id", "published_on", "title", "url", "n_documents", "outlets", "document_id")
def program_events(
    con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0, stored: bool = True
) -> pd.DataFrame:
    """The announcements among the documents in scope, newest first: the primary document (the release when there
    is one) and the titles of every other document that reported it (articles, attachments), best-ranked first.
    Unfiltered and `stored`, the page's primaries come from document_stats, else from event_documents."""
    with_, wp = sql.with_(filters)
    scope = sql.doc_scope(filters)[0]
    # The page's events first (by their primary's date), then their members and documents by id (index lookups).
    in_scope = (
        "TRUE" if scope == "TRUE" else f"e.event_id IN (SELECT event_id FROM event_documents WHERE {scope})"
    )
    top = f"""{with_} SELECT e.event_id, d.published_on FROM event_documents e JOIN documents d USING (document_id)
        WHERE e.is_primary AND {in_scope}"""
    if stored and scope == "TRUE":  # document_stats, kept newest first with is_primary: its first row groups
        top = "SELECT document_id AS event_id, published_on FROM document_stats WHERE is_primary"
    order = "ORDER BY published_on DESC NULLS LAST, event_id"
    page = sql.frame(con, f"{top} {order} LIMIT ? OFFSET ?", [*wp, limit, offset])
    events, ep = sql.ids_in("event_id", list(page["event_id"]))
    members = sql.frame(con, f"SELECT document_id FROM event_documents WHERE {events}", ep)
    docs, dp = sql.ids_in("document_id", list(members["document_id"]))
    query = f"""WITH e AS MATERIALIZED (SELECT * FROM event_documents WHERE {events}),
             d AS MATERIALIZED (SELECT document_id, published_on, title, url, source FROM documents WHERE {docs})
        SELECT e.event_id, any_value(d.published_on) FILTER (e.is_primary) AS published_on,
               any_value(d.title) FILTER (e.is_primary) AS title, any_value(d.url) FILTER (e.is_primary) AS url,
               count(*) AS n_documents,
               string_agg(coalesce(d.title, d.source), ' · ' ORDER BY e.rank) FILTER (NOT e.is_primary) AS outlets,
               any_value(e.document_id) FILTER (e.is_primary) AS document_id
        FROM e JOIN d USING (document_id) GROUP BY e.event_id {order}"""
    return sql.frame(con, query, [*ep, *dp])


# Every money row a program had in any version: the current rows (version NULL: first within their document) and
# those of replaced or withdrawn versions (fact_versions), keyed for one page's join back to the documents.
_HISTORY_ROWS = """
    SELECT document_id, NULL::INTEGER AS version, announced_on, amount_krw, kind, role, state, evidence
    FROM budgets WHERE program_id = ?
    UNION ALL
    SELECT document_id, version, (fact ->> 'announced_on')::DATE, (fact ->> 'amount_krw')::BIGINT, fact ->> 'kind',
           fact ->> 'role', fact ->> 'state', fact ->> 'evidence'
    FROM fact_versions WHERE fact_table = 'budgets' AND fact ->> 'program_id' = ?"""


HISTORY_COLUMNS = ("announced_on", "title", "version", "valid_from", "valid_to", "amount_krw", "kind", "role",
                   "state", "evidence", "document_id")  # fmt: skip


@dataset(*HISTORY_COLUMNS)
def figure_history(
    con: Con, *, filters: Filters, program_id: str, limit: int = PAGE, offset: int = 0
) -> pd.DataFrame:
    """Every money figure a document gave this program, in each version of it the tracker loaded: the current
    rows (valid_to empty) and those of versions a changed or withdrawn page replaced (fact_versions), so a
    figure that changed shows when and in which version; a page at a time (figure_history_count has the length),
    by document, newest version first. Filters do not apply: history is the whole record."""
    page = f"""SELECT * FROM ({_HISTORY_ROWS})
        ORDER BY document_id, version DESC NULLS FIRST, amount_krw DESC NULLS LAST, kind, role, state, evidence
        LIMIT ? OFFSET ?"""  # a total order: pages read in turn neither repeat nor skip a row
    rows = sql.frame(con, page, [program_id, program_id, limit, offset])
    docs, dp = sql.ids_in("document_id", sorted(set(rows["document_id"])))
    cur = sql.frame(
        con, f"SELECT document_id, title, version AS v, valid_from FROM documents WHERE {docs}", dp
    )
    old = sql.frame(
        con,
        f"SELECT document_id, version, title, valid_from, valid_to FROM document_versions WHERE {docs}",
        dp,
    )
    rows = rows.assign(n=range(len(rows)))  # the page's order, kept through the merges
    now, past = rows[rows["version"].isna()], rows[rows["version"].notna()]
    now = now.drop(columns="version").merge(
        cur.rename(columns={"v": "version"}), on="document_id", how="left"
    )
    past = past.merge(old, on=["document_id", "version"], how="left")
    both = pd.concat([now, past], ignore_index=True) if len(past) else now
    return both.sort_values("n").reindex(columns=HISTORY_COLUMNS).reset_index(drop=True)


@dataset("n_rows")
def figure_history_count(con: Con, *, filters: Filters, program_id: str) -> pd.DataFrame:
    """How many rows figure_history has for the program over all its pages."""
    return sql.frame(con, f"SELECT count(*) AS n_rows FROM ({_HISTORY_ROWS})", [program_id, program_id])
