"""The Review page's decision forms: confirm, reject or correct one money fact, or merge one program into another
(`merge_into`, etl/program_merges.py). A decision goes through the same
code as `python -m etl review …` (etl/review_run.py): appended to the reviews file, then applied to the
database through its work copy, so the page shows the new state on the next run. Shown only where writing is
allowed (ui/data.py writes_allowed); a read-only view says how to decide from the command line instead."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl import review_run
from etl.categories import MoneyKind, MoneyRole, values
from etl.dbfile import PublishRefused
from etl.lock import IngestLocked
from etl.reviews import ReviewError, make
from ui import data, fmt
from ui.i18n import code, t

ACTIONS = ("confirm", "reject", "set")


def form(candidates: pd.DataFrame, lang: str) -> None:
    """The decision form over the listed facts that have a stable id (nothing when there are none)."""
    if candidates.empty:
        return
    if not data.writes_allowed():
        st.caption(t("review_read_only", lang))
        return
    candidates = candidates[candidates["fact_id"].notna()]
    if candidates.empty:
        return
    label = {
        r.fact_id: f"{fmt.won(r.amount_krw, lang=lang)} · {r.program if fmt.present(r.program) else '—'} · {r.fact_id}"
        for r in candidates.itertuples()
    }
    with st.form("review_form"):
        fact_id = st.selectbox(t("review_fact", lang), list(label), format_func=label.get, key="review_fact")
        action = st.radio(
            t("review_action", lang),
            ACTIONS,
            format_func=lambda a: t(f"action_{a}", lang),
            horizontal=True,
            key="review_action",
        )
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(
            t("new_kind", lang), ["", *values(MoneyKind)], format_func=lambda k: code(k, lang) if k else "—"
        )
        role = c2.selectbox(
            t("new_role", lang), ["", *values(MoneyRole)], format_func=lambda k: code(k, lang) if k else "—"
        )
        amount = c3.number_input(t("new_amount", lang), min_value=0, value=None, step=100_000_000)
        why = st.text_input(t("review_why", lang), key="review_why")
        if st.form_submit_button(t("review_submit", lang)):
            fields = {
                k: v
                for k, v in (("kind", kind), ("role", role), ("amount_krw", amount))
                if v not in ("", None)
            }
            _decide(fact_id, action, fields if action == "set" else {}, why, lang)


def merge_form(programs: pd.DataFrame, lang: str) -> None:
    """A form that merges one program into another (`review set p-… merge_into=…`); only where writes are allowed."""
    if programs.empty or not data.writes_allowed():
        return
    label = {
        r.program_id: f"{r.name} · {r.name_en if fmt.present(r.name_en) else '—'} · p-{r.program_id}"
        for r in programs.itertuples()
    }
    st.subheader(t("merge_heading", lang))
    with st.form("merge_form"):
        c1, c2 = st.columns(2)
        victim = c1.selectbox(
            t("merge_program", lang), list(label), format_func=label.get, key="merge_program"
        )
        into = c2.selectbox(t("merge_into", lang), list(label), format_func=label.get, key="merge_into")
        why = st.text_input(t("review_why", lang), key="merge_why")
        if st.form_submit_button(t("review_submit", lang)):
            _decide(f"p-{victim}", "set", {"merge_into": into}, why, lang)


def _decide(fact_id: str, action: str, fields: dict, why: str, lang: str) -> None:
    """Record the decision and apply the reviews file now; one line of error if either fails."""
    settings = data.settings()
    try:
        review_run.record(settings, make(fact_id, action, fields, why, "dashboard"))
        outcomes = review_run.apply_now(settings, wait=10.0)
    except (ReviewError, IngestLocked, PublishRefused) as e:
        st.error(str(e))
        return
    problems = review_run.problem_lines(outcomes)
    if problems:
        st.warning("\n".join(problems))
    st.success(t("review_done", lang))
