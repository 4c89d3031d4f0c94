"""A program's figures over time on the Budgets and Programs pages: revision series, changes, every version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import data, figures, queries, views
from ui.filters import Filters, View
from ui.i18n import t
from ui.sections import folded, section, table_switch
from ui.widgets import paged, table


def revisions(
    f: Filters, view: View, program_id: str, *, key: str, points_table: bool = False, history: bool = False
) -> None:
    """A program's revision series (one line each, every point opening its sentence) and, beneath, behind a
    switch kept in the link, the table of changes within a series (from -> to, date, source document, change in
    %); with `points_table`, a choice between that table and every point as a row; with `history`, every figure
    in every document version loaded (queries.figure_history)."""
    points = views.REVISIONS.load(f, program_id=program_id)
    views.REVISIONS.draw(points, key=key, lang=view.lang, pick=(f, view))
    if table_switch(f"{key}_tables", lang=view.lang):  # the chart's rows as tables: a switch kept in the link
        _tables(f, view, program_id, points, key=key, points_table=points_table)
    if history:
        box = folded(t("figure_history", view.lang), f"{key}_history_open")
        if not box.open:  # built and drawn only once opened (kept in the link)
            return
        with box:
            st.caption(t("figure_history_help", view.lang))
            n = data.load(queries.figure_history_count, f, program_id=program_id)["n_rows"].iloc[0]
            past = paged(
                queries.figure_history, f, n, key=f"{key}_history", lang=view.lang, program_id=program_id
            )
            table(past, view, key=f"{key}_history", money=("amount_krw",), hide=("document_id",))


def _tables(
    f: Filters, view: View, program_id: str, points: pd.DataFrame, *, key: str, points_table: bool
) -> None:
    """The changes within a series as a table; with `points_table`, a choice between it and every point."""
    scoped = ("kind", "scope", "scope_from", "scope_to")  # said by the series label
    changes = data.load(queries.program_changes, f, program_id=program_id)
    shown = "changes"
    if points_table:  # the changes or every point, one table at a time (ui/sections.py): each costs the page
        counts = {"changes": len(changes), "revision_points": len(points)}
        shown = section(tuple(counts), key=f"{key}_list", label=t("revisions", view.lang), lang=view.lang,
                        counts=counts)  # fmt: skip
    if shown == "revision_points":
        rows = points.assign(series=figures.series_labels(points, view.lang))
        table(rows, view, key=f"{key}_table", money=("amount_krw",), hide=scoped, empty="nothing_here")
    else:
        if not points_table:  # the section buttons name the table
            st.caption(t("changes", view.lang))
        rows = changes.assign(series=figures.series_labels(changes, view.lang))
        table(
            rows, view, key=f"{key}_changes", money=("from_krw", "to_krw"), hide=scoped, empty="nothing_here"
        )
