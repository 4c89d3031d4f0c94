"""Overview: headline figures (each opening the facts behind it), how the total is counted, announcements over
time and the latest announcements with their key figures."""

import streamlit as st

from ui import fmt, rankings, views, widgets
from ui.i18n import t

f, view = widgets.start("overview")
lang = view.lang

m = views.METRICS.load(f).iloc[0]
widgets.metrics(
    [
        (t("total_krw", lang), fmt.won(m["total_krw"], lang=lang, exact=view.exact), t("money_help", lang)),
        (t("national_share", lang), fmt.percent(m["national_krw"], m["national_base_krw"]), None),
        (t("n_programs", lang), fmt.number(m["n_programs"]), None),
    ],
    widths=[2, 1, 1],
    facts=("total", "national", "programs"),
    lang=lang,
)
st.caption(t("roots_only", lang).format(counted=fmt.number(m["n_counted"]), inside=fmt.number(m["n_inside"])))
widgets.metrics(
    [
        (t("n_documents", lang), fmt.number(m["n_documents"]), None),
        (t("n_institutions", lang), fmt.number(m["n_institutions"]), None),
        (t("n_sites", lang), fmt.number(m["n_sites"]), None),
    ],
    facts=("documents", "institutions", "sites"),
    lang=lang,
)
st.caption(
    t("events_caption", lang).format(documents=fmt.number(m["n_documents"]), events=fmt.number(m["n_events"]))
)
if not m["n_documents"]:
    st.info(t("no_rows", lang))
    st.stop()
rankings.metric_facts(st.session_state.get(widgets.OPEN_FACTS), f, view, m)
rankings.how_counted(f, view, int(m["n_counted"]))

st.subheader(t("announcements_over_time", lang))
views.MONTHS.draw(views.MONTHS.load(f), key="months", lang=lang, pick=(f, view))

st.subheader(t("latest", lang))
latest = views.LATEST.load(f, lang)
widgets.table(latest, view, key="latest_announcements", money=("headline_krw",))

newest = latest.iloc[0] if len(latest) else None
c1, c2, c3 = st.columns(3)
with c1:
    if newest is not None:
        widgets.link(
            "sources", f"{t('open_source', lang)}: {newest['title']}", f, view, doc=newest["document_id"]
        )
with c2:
    if newest is not None and fmt.present(newest["program_id"]):
        widgets.link(
            "programs", f"{t('open_program', lang)}: {newest['program']}", f, view, id=newest["program_id"]
        )
with c3:
    widgets.link("budgets", t("open_budgets", lang), f, view)
