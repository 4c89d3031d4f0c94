"""Institutions: a complete, searchable ranking by programs (with roles); then by type, co-participation or
foreign partners by country (one at a time); every bar opens the sentences behind it."""

import streamlit as st

from ui import rankings, sections, tables, views, widgets
from ui.i18n import t

f, view = widgets.start("institutions")
lang = view.lang

st.subheader(t("ranking_programs", lang))
ranking = rankings.institution_ranking(f, view)
if ranking.empty:
    st.stop()

shown = sections.section(
    tuple(views.INSTITUTION_SECTIONS), key="institution_view", label=t("institutions", lang), lang=lang
)
(part,) = views.INSTITUTION_SECTIONS[shown]
st.subheader(t(shown, lang))
if shown == "by_type":  # one section at a time (ui/sections.py): hidden tabs' charts would cost every run
    types = part.load(f)
    part.draw(types, key="types", lang=lang, pick=(f, view))
    if sections.table_switch("institution_table", lang=lang):  # the chart's rows: a switch kept in the link
        hide = ("money_krw",)  # programs' money is not theirs
        widgets.table(types, view, key="institution_types", hide=hide)
elif shown == "coparticipation":
    part.draw(part.load(f), key="coparticipation", lang=lang, pick=(f, view))
else:
    partners = part.load(f)
    part.draw(partners, key="partners", lang=lang, pick=(f, view))
    if sections.table_switch("institution_table", lang=lang):
        widgets.table(partners, view, key="partner_countries")

top = ranking["institution_id"].iloc[0]
name = tables.display_names(ranking, "institution_id", "institution", lang)[top]
widgets.link("programs", f"{t('programs', lang)}: {name}", f.replace(institution=top), view)
