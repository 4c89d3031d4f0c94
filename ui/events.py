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


@dataset(
    "announced_on", "title", "version", "valid_from", "valid_to", "amount_krw", "kind", "role", "state", "evidence",
    "document_id",
)  # fmt: skip
def figure_history(con: Con, *, filters: Filters, program_id: str) -> pd.DataFrame:
    """Every money figure a document gave this program, in each version of it the tracker loaded: the current
    rows (valid_to empty) and those of versions a changed or withdrawn page replaced (fact_versions), so a
    figure that changed shows when and in which version. Filters do not apply: history is the whole record."""
    query = """
        SELECT b.announced_on, d.title, d.version, d.valid_from, NULL::TIMESTAMP AS valid_to, b.amount_krw, b.kind,
               b.role, b.state, b.evidence, b.document_id
        FROM budgets b JOIN documents d USING (document_id) WHERE b.program_id = ?
        UNION ALL
        SELECT (f.fact ->> 'announced_on')::DATE, v.title, v.version, v.valid_from, v.valid_to,
               (f.fact ->> 'amount_krw')::BIGINT, f.fact ->> 'kind', f.fact ->> 'role', f.fact ->> 'state',
               f.fact ->> 'evidence', f.document_id
        FROM fact_versions f JOIN document_versions v USING (document_id, version)
        WHERE f.fact_table = 'budgets' AND f.fact ->> 'program_id' = ?
        ORDER BY document_id, version DESC, amount_krw DESC NULLS LAST"""
    return sql.frame(con, query, [program_id, program_id])
