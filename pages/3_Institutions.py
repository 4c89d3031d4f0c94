"""Institutions: rankings by programs and by money, by type, co-participation, foreign partners by country."""

import streamlit as st

from ui import charts, data, queries, tables, widgets
from ui.i18n import t

f, view = widgets.start("institutions")
lang = view.lang

by_programs = data.load(queries.institution_ranking, f, limit=25, by="programs")
if by_programs.empty:
    st.info(t("no_rows", lang))
    st.stop()

by_money = data.load(queries.institution_ranking, f, limit=25, by="money")
tab_programs, tab_money = st.tabs([t("ranking_programs", lang), t("ranking_money", lang)])
with tab_programs:
    widgets.chart(charts.ranking_chart, by_programs, metric="n_programs", key="rank_programs", lang=lang)
with tab_money:
    widgets.chart(charts.ranking_chart, by_money, metric="money_krw", key="rank_money", lang=lang)
widgets.table(by_programs, view, key="institution_ranking", money=("money_krw",))

st.subheader(t("by_type", lang))
types = data.load(queries.institution_types, f)
widgets.chart(charts.types_chart, types, key="types", lang=lang)
widgets.table(types, view, key="institution_types", money=("money_krw",))

st.subheader(t("coparticipation", lang))
pairs = data.load(queries.coparticipation, f, limit=20)
widgets.chart(charts.coparticipation_heatmap, pairs, key="coparticipation", lang=lang)

st.subheader(t("partners", lang))
partners = data.load(queries.partner_countries, f)
widgets.chart(charts.partners_chart, partners, key="partners", lang=lang)
widgets.table(partners, view, key="partner_countries")

top = by_programs["institution_id"].iloc[0]
name = tables.display_names(by_programs, "institution_id", "institution", lang)[top]
widgets.link("programs", f"{t('programs', lang)}: {name}", f.replace(institution=top), view)
