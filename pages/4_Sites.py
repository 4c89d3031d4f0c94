"""Sites: a map of facilities (sized by floor area, coloured by status) and the table behind it."""

import streamlit as st

from ui import review_form, views, widgets
from ui.i18n import t

f, view = widgets.start("sites")
lang = view.lang

sites = views.SITES.load(f)
if sites.empty:
    st.info(t("no_rows", lang))
    st.stop()

st.subheader(t("site_map", lang))
views.SITES.draw(sites, key="site_map", lang=lang, pick=(f, view))
if sites["lat"].isna().any():
    st.caption(t("no_coords", lang))

widgets.table(sites, view, key="sites")
review_form.fact_form(sites, "site", lang, key="site_review")
