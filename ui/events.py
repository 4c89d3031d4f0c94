"""Datasets about events (etl/events.py): the announcements of a program and every document that reported each."""

from __future__ import annotations

import pandas as pd

from ui import sql
from ui.filters import Filters
from ui.sql import Con, dataset

PAGE = 100


@dataset("event_id", "published_on", "title", "url", "n_documents", "outlets", "document_id")
def program_events(con: Con, *, filters: Filters, limit: int = PAGE, offset: int = 0) -> pd.DataFrame:
    """The announcements among the documents in scope, newest first: the primary document (the release when there
    is one) and the titles of every other document that reported it (articles, attachments), best-ranked first."""
    with_, wp = sql.with_(filters)
    head = f"{with_}, " if with_ else "WITH "
    query = f"""{head} ev AS MATERIALIZED (
            SELECT DISTINCT event_id FROM event_documents WHERE {sql.doc_scope(filters)[0]})
        SELECT e.event_id, any_value(d.published_on) FILTER (e.is_primary) AS published_on,
               any_value(d.title) FILTER (e.is_primary) AS title, any_value(d.url) FILTER (e.is_primary) AS url,
               count(*) AS n_documents,
               string_agg(coalesce(d.title, d.source), ' · ' ORDER BY e.rank) FILTER (NOT e.is_primary) AS outlets,
               any_value(e.document_id) FILTER (e.is_primary) AS document_id
        FROM event_documents e JOIN documents d USING (document_id)
        WHERE e.event_id IN (SELECT event_id FROM ev)
        GROUP BY e.event_id ORDER BY published_on DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?"""
    return sql.frame(con, query, [*wp, limit, offset])
