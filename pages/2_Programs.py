"""Programs: the program hierarchy (a treemap) or a searchable ranking, one at a time; and one program's
documents, budgets, figures over time, institutions, sites and partner countries, each fact with its evidence
sentence and a link to its document."""

import streamlit as st

from ui import fmt, history, plain, rankings, review_form, sections, tables, views, widgets
from ui.i18n import t
from ui.sidebar import page_param, set_page_param

f, view = widgets.start("programs")
lang = view.lang

table = views.PROGRAM_PICKER.load(f)  # the program picker's choices
if table.empty:
    st.info(t("no_rows", lang))
    st.stop()
rankings.programs_overview(f, view)  # the treemap or the ranking, one at a time

names = tables.display_names(table, "program_id", "program", lang)
chosen = page_param("id") or f.program
if chosen and chosen not in names:  # a shared link's program the filters now leave out: say so, start over
    st.info(t("stale_program", lang))
    chosen = None
pid = st.selectbox(
    t("pick_program", lang), views.choices(names, chosen), format_func=lambda p: names.get(p, p),
    key="program_detail",
)  # fmt: skip
set_page_param("id", pid)
one = f.replace(program=pid)

row = table[table["program_id"] == pid]
st.header(plain.md(names.get(pid, pid)))
if not row.empty:
    r = row.iloc[0]
    widgets.metrics([
        (t("total_krw", lang), fmt.won(r["headline_krw"], lang=lang, exact=view.exact), t("money_help", lang)),
        (t("period_one", lang), fmt.period(r["start_year"], r["end_year"]), None),
        (t("n_documents", lang), fmt.number(r["n_documents"]), None),
    ])  # fmt: skip
    if fmt.present(r["aliases"]):
        st.caption(f"{t('aliases', lang)}: {plain.md(r['aliases'])}")
review_form.program_form(pid, lang)

widgets.family(views.FAMILY.load(f, program_id=pid), r if not row.empty else None, f, view)

same = {"hide": ("program", "event_id"), "empty": "nothing_here"}  # every row is this program
n = views.FACT_COUNTS.load(one).iloc[0]
shown = sections.section(
    [x[0] for x in views.PROGRAM_LISTS], key="program_list", label=t("programs", lang), lang=lang,
    counts={x[0]: n[x[2]] for x in views.PROGRAM_LISTS if x[2]},
)  # fmt: skip
_, fn, count, key, money = next(x for x in views.PROGRAM_LISTS if x[0] == shown)  # one at a time
if fn is None:  # the program's figures over time: a chart, built only when chosen
    st.caption(t("revisions_help", lang))
    history.revisions(one, view, pid, key=key, history=True)
else:
    rows = widgets.paged(fn, one, n[count], key=key, lang=lang)
    widgets.table(rows, view, key=key, money=money, **same)
    review_form.under_list(rows, shown, lang, key=key)  # correct a fact listed, here where it is shown

widgets.reconciliation(
    views.RECONCILIATION.load(f, program_id=pid), view, key="program_reconciliation"
)  # fmt: skip
widgets.link("budgets", t("open_budgets", lang), one, view)
