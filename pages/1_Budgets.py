"""Budgets: announced amounts over time, program periods, money per fiscal year, funding mix, revisions."""

import streamlit as st

from ui import charts, data, history, queries, review_form, sections, tables, widgets
from ui.i18n import t
from ui.sidebar import page_param, set_page_param

f, view = widgets.start("budgets")
lang = view.lang

timeline = widgets.named(data.load(queries.budget_timeline, f, limit=1500), lang)
if timeline.empty:
    st.info(t("no_rows", lang))
    st.stop()
st.subheader(t("timeline", lang))
st.caption(t("money_help", lang))
widgets.chart(charts.timeline_chart, timeline, key="timeline", lang=lang, pick=(f, view))

shown = sections.section(
    ("gantt", "per_year", "by_kind", "cumulative"), key="budget_chart", label=t("budgets", lang), lang=lang
)
if shown == "gantt":  # one section at a time (ui/sections.py): hidden tabs' charts would cost every run
    periods = widgets.named(data.load(queries.program_periods, f, limit=40), lang)
    widgets.chart(charts.gantt_chart, periods, key="gantt", lang=lang, pick=(f, view))
elif shown == "per_year":
    years = data.load(queries.money_by_fiscal_year, f)
    widgets.chart(charts.fiscal_year_chart, years, key="fiscal_years", lang=lang, pick=(f, view))
elif shown == "by_kind":
    left, right = st.columns([2, 1])
    with left:
        mix = widgets.named(data.load(queries.kind_breakdown, f, limit=15), lang)
        widgets.chart(charts.kind_mix_chart, mix, key="mix", lang=lang, pick=(f, view))
    with right:
        totals = data.load(queries.kind_totals, f)
        widgets.chart(charts.kind_totals_chart, totals, key="mix_total", lang=lang, pick=(f, view))
        widgets.table(totals, view, key="kind_totals", money=("amount_krw",))
    widgets.table(mix, view, key="kind_breakdown", money=("amount_krw",))
else:
    cumulative = data.load(queries.cumulative_totals, f)
    widgets.chart(charts.cumulative_chart, cumulative, key="cumulative", lang=lang, pick=(f, view))

widgets.reconciliation(data.load(queries.reconciliation, f), view, key="reconciliation")

st.subheader(t("revisions", lang), help=t("revisions_help", lang))
programs = data.load(queries.program_table, f, limit=200)
names = tables.display_names(programs, "program_id", "program", lang)
chosen = page_param("rev") or f.program
options = [chosen, *[p for p in names if p != chosen]] if chosen else list(names)
if options:
    pid = st.selectbox(
        t("pick_program", lang), options, format_func=lambda p: names.get(p, p), key="rev_program"
    )
    set_page_param("rev", pid if pid != options[0] else page_param("rev"))
    history.revisions(f, view, pid, key="revisions", points_table=True)
    widgets.link("programs", f"{t('open_program', lang)}: {names.get(pid, pid)}", f, view, id=pid)

st.subheader(t("budget_rows", lang))
n_rows = data.load(queries.fact_counts, f)["n_budgets"].iloc[0]
rows = widgets.paged(queries.budget_facts, f, n_rows, key="budget_statements", lang=lang)
widgets.table(rows, view, key="budget_statements", money=("amount_krw",))
review_form.fact_form(rows, "budget", lang, key="budget_review")
