"""Review: the money facts the rules doubt most, with why, and (where writing is allowed) a form to confirm,
reject or correct one; the decisions that did not apply are listed beneath."""

import streamlit as st

from ui import data, queries, review_form, sidebar, widgets
from ui.i18n import code, t

f, view = widgets.start("review")
lang = view.lang

st.caption(t("review_help", lang))
states = ["machine", "confirmed", "edited", "rejected"]
sidebar.seed_from_url("review_state", "state", states, default="machine")
state = st.segmented_control(
    t("review_state", lang), states, format_func=lambda s: code(s, lang), key="review_state"
)
sidebar.keep_in_url("state", state, "machine")
candidates = data.load(queries.review_candidates, f, state=state or "machine")
shown = candidates.assign(
    reasons=[", ".join(t(f"why_{r}", lang) for r in str(rs).split()) for rs in candidates["reasons"]]
)
widgets.table(widgets.named(shown, lang), view, key="review_candidates", money=("amount_krw",))
review_form.form(candidates, lang)
review_form.merge_form(data.load(queries.program_options), lang)

problems = data.load(queries.review_problems)
if not problems.empty:
    st.subheader(t("review_problems", lang))
    widgets.table(problems, view, key="review_problems")
