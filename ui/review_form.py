"""Decision forms: confirm, reject or correct a fact on the page where it is shown (`fact_form`, under the
Budgets, Programs and Sites tables and the Review page's list; its fields are etl/reviews.FIELDS), correct
one program (`program_form`: parent, English name, merge into another), or merge any two programs
(`merge_form`, etl/program_merges.py). A decision goes through the same code as `python -m etl review …`
(etl/review_run.py): appended to the reviews file, then applied to the database through its work copy, so the
page shows the new state on the next run. Shown only where writing is allowed (ui/data.py writes_allowed); a
read-only view says how to decide from the command line instead."""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st

from etl.categories import MoneyKind, MoneyRole, ParticipationRole, values
from etl.dbfile import PublishRefused
from etl.lock import IngestLocked
from etl.reviews import FIELDS, ReviewError, make
from ui import data, fmt, queries
from ui.i18n import code, column, t

ACTIONS = ("confirm", "reject", "set")
# Fields whose value is one of a fixed list of codes, per fact type (the others are typed or picked).
CHOICES = {
    ("budget", "kind"): MoneyKind,
    ("budget", "role"): MoneyRole,
    ("institution", "role"): ParticipationRole,
}
PROGRAM_FIELDS = ("program", "parent", "merge_into")  # a program, picked from the list
UNCHANGED, CLEAR = "", "<none>"  # a picker's "leave as it is" and "no program" entries
# How a row of each fact type is named in the picker: its columns, the first one shown as money for budgets.
LABEL_COLUMNS = {
    "budget": ("amount_krw", "program"),
    "institution": ("institution", "role", "program"),
    "site": ("name", "address", "program"),
}


def fact_form(
    rows: pd.DataFrame,
    fact_type: str,
    lang: str,
    *,
    key: str,
    folded: bool = True,
) -> None:
    """Under a table of facts: a form to confirm, reject or correct one of the rows shown that has a stable id
    (`fact_id`), with one input per field a `set` may change (etl/reviews.FIELDS), `folded` in an expander.
    Nothing where writes are not allowed, or when no row has an id."""
    if rows.empty or "fact_id" not in rows or not data.writes_allowed():
        return
    rows = rows[rows["fact_id"].notna()]
    if rows.empty:
        return
    label = {r["fact_id"]: _label(r, fact_type, lang) for _, r in rows.iterrows()}
    with st.expander(t("review_here", lang)) if folded else contextlib.nullcontext(), st.form(f"{key}_form"):
        fact_id = st.selectbox(t("review_fact", lang), list(label), format_func=label.get, key=f"{key}_fact")
        action = st.radio(
            t("review_action", lang), ACTIONS, format_func=lambda a: t(f"action_{a}", lang), horizontal=True,
            key=f"{key}_action",
        )  # fmt: skip
        fields = _field_inputs(fact_type, lang, key)
        why = st.text_input(t("review_why", lang), key=f"{key}_why")
        if st.form_submit_button(t("review_submit", lang)):
            _decide(fact_id, action, _changed(fields) if action == "set" else {}, why, lang)


LIST_FACTS = {"budgets": "budget", "institutions": "institution", "sites": "site"}  # a fact list → its type


def under_list(rows: pd.DataFrame, section: str, lang: str, *, key: str) -> None:
    """The decision form under one of a program page's fact lists (none under the lists of other things)."""
    if section in LIST_FACTS:
        fact_form(rows, LIST_FACTS[section], lang, key=f"{key}_review")


def form(candidates: pd.DataFrame, lang: str) -> None:
    """The Review page's decision form over the money facts it lists (a read-only view says how to decide from
    the command line instead)."""
    if not candidates.empty and not data.writes_allowed():
        st.caption(t("review_read_only", lang))
        return
    fact_form(candidates, "budget", lang, key="review", folded=False)


def program_form(pid: str, lang: str) -> None:
    """On a program's page: correct this program (parent, English name) or merge it into another."""
    if not data.writes_allowed():
        return
    with st.expander(t("program_review", lang)), st.form(f"program_form_{pid}"):
        fields = _field_inputs("program", lang, "program_review", besides=pid)
        why = st.text_input(t("review_why", lang), key="program_review_why")
        if st.form_submit_button(t("review_submit", lang)):
            changed = _changed(fields)
            if not changed:
                st.error(t("review_nothing", lang))
                return
            _decide(f"p-{pid}", "set", changed, why, lang)


def _label(row: pd.Series, fact_type: str, lang: str) -> str:
    """How a fact is named in the picker: its main columns, then its id."""
    parts = []
    for name in LABEL_COLUMNS[fact_type]:
        value = row.get(name)
        if not fmt.present(value):
            parts.append("—")
        elif name == "amount_krw":
            parts.append(fmt.won(value, lang=lang))
        else:
            parts.append(code(value, lang) if name == "role" else str(value))
    return " · ".join([*parts, str(row["fact_id"])])


def _field_inputs(fact_type: str, lang: str, key: str, besides: str | None = None) -> dict[str, object]:
    """One input per field of the fact type, laid out in columns; each starts at 'leave as it is'. A program
    field offers every program but `besides` (the program being corrected)."""
    names = list(FIELDS[fact_type])
    cols = st.columns(min(len(names), 3))
    return {
        name: _field_input(cols[i % len(cols)], fact_type, name, lang, f"{key}_{name}", besides)
        for i, name in enumerate(names)
    }


def _field_input(
    where: object, fact_type: str, name: str, lang: str, key: str, besides: str | None
) -> object:
    """The widget for one field; returns UNCHANGED when the analyst left it alone."""
    form = FIELDS[fact_type][name]
    label = column(name, lang)
    if (fact_type, name) in CHOICES:
        options = [UNCHANGED, *values(CHOICES[fact_type, name])]
        return where.selectbox(label, options, format_func=lambda k: code(k, lang) if k else "—", key=key)
    if name in PROGRAM_FIELDS:
        named = _program_names(data.load(queries.program_options), lang)
        named.pop(besides, None)
        options = [UNCHANGED, CLEAR, *named]
        shown = {UNCHANGED: "—", CLEAR: t("no_program", lang), **named}
        return where.selectbox(label, options, format_func=shown.get, key=key)
    if form.rstrip("?") in ("int", "float"):
        whole = form.startswith("int")
        value = where.number_input(
            label, value=None, step=(100_000_000 if name == "amount_krw" else 1) if whole else 0.0001,
            format=None if whole else "%.6f", key=key,
        )  # fmt: skip
        return UNCHANGED if value is None else (int(value) if whole else float(value))
    return where.text_input(label, key=key).strip()


def _program_names(programs: pd.DataFrame, lang: str) -> dict[str, str]:
    """Program id → the name shown in a picker (the English name on English pages, when there is one)."""
    out = {}
    for r in programs.itertuples():
        english = lang == "en" and fmt.present(getattr(r, "name_en", None))
        out[r.program_id] = f"{r.name_en if english else r.name} · p-{r.program_id}"
    return out


def _changed(fields: dict[str, object]) -> dict[str, object]:
    """The fields the analyst changed, with 'no program' as null."""
    return {k: (None if v == CLEAR else v) for k, v in fields.items() if v != UNCHANGED}


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
    # Imported here: the review runner pulls in the extraction rules (~0.1 s), paid by a fresh process's first
    # page if imported at the top, while only a submitted decision needs it.
    from etl import review_run

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
