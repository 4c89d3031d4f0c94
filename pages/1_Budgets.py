"""Budgets: announced amounts over time, program periods, money per fiscal year, funding mix, revisions."""

import streamlit as st

from ui import fmt, history, review_form, sections, tables, views, widgets
from ui.i18n import t
from ui.sidebar import page_param, set_page_param

f, view = widgets.start("budgets")
lang = view.lang
pick = (f, view)

timeline = views.TIMELINE.load(f, lang)
if timeline.empty:
    st.info(t("no_rows", lang))
    st.stop()
st.subheader(t("timeline", lang))
st.caption(t("money_help", lang))
views.TIMELINE.draw(timeline, key="timeline", lang=lang, pick=pick)

shown = sections.section(
    tuple(views.BUDGET_SECTIONS), key="budget_chart", label=t("budgets", lang), lang=lang
)
if shown == "gantt":  # one section at a time (ui/sections.py): hidden tabs' charts would cost every run
    views.PERIODS.draw(views.PERIODS.load(f, lang), key="gantt", lang=lang, pick=pick)
elif shown == "per_year":
    views.FISCAL_YEARS.draw(views.FISCAL_YEARS.load(f), key="fiscal_years", lang=lang, pick=pick)
elif shown == "by_kind":
    left, right = st.columns([2, 1])
    with left:
        mix = views.KIND_MIX.load(f, lang)
        views.KIND_MIX.draw(mix, key="mix", lang=lang, pick=pick)
    with right:
        totals = views.KIND_TOTALS.load(f)
        views.KIND_TOTALS.draw(totals, key="mix_total", lang=lang, pick=pick)
        widgets.table(totals, view, key="kind_totals", money=("amount_krw",))
    widgets.table(mix, view, key="kind_breakdown", money=("amount_krw",))
elif shown == "cumulative":
    views.CUMULATIVE.draw(views.CUMULATIVE.load(f), key="cumulative", lang=lang, pick=pick)
else:  # one program's figures over time: a section too, so its chart and picker cost only who opens it
    st.caption(t("revisions_help", lang))
    names = tables.display_names(views.REVISION_PROGRAMS.load(f), "program_id", "program", lang)
    options = views.choices(names, page_param("rev") or f.program)
    if options:
        pid = st.selectbox(
            t("pick_program", lang), options, format_func=lambda p: names.get(p, p), key="rev_program"
        )
        set_page_param("rev", pid if pid != options[0] else page_param("rev"))
        history.revisions(f, view, pid, key="revisions", points_table=True)
        widgets.link("programs", f"{t('open_program', lang)}: {names.get(pid, pid)}", f, view, id=pid)

widgets.reconciliation(views.RECONCILIATION.load(f), view, key="reconciliation")

st.subheader(t("budget_rows", lang))
n_rows = views.FACT_COUNTS.load(f)["n_budgets"].iloc[0]
box = sections.folded(f"{t('budget_rows_show', lang)} ({fmt.number(n_rows)})", "budget_statements_open")
if box.open:  # drawn once opened (kept in the link): every chart point above opens its own statements
    with box:
        rows = widgets.paged(views.BUDGET_ROWS, f, n_rows, key="budget_statements", lang=lang)
        widgets.table(rows, view, key="budget_statements", money=("amount_krw",))
        review_form.fact_form(rows, "budget", lang, key="budget_review")
