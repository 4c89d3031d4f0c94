"""Lazy tabs: one row of section buttons in place of `st.tabs`.

`st.tabs` runs and draws every tab on every run, so the hidden tabs' charts and tables cost the first paint and
every filter change as much as the shown one (headless Chromium, 2 cores: each chart adds its drawing
time to the page). Here only the chosen section is built and drawn; the choice is kept in the URL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from ui import fmt
from ui.i18n import t
from ui.sidebar import keep_in_url, page_param, seed_from_url


def _last(key: str) -> str:
    return f"_{key}_last"


def _label(name: str, lang: str, counts: Mapping[str, int] | None) -> str:
    n = (counts or {}).get(name)
    return t(name, lang) if n is None else f"{t(name, lang)} ({fmt.number(n)})"


def _keep_one(key: str) -> None:
    """Clicking the chosen button again would leave no section chosen: keep the one shown."""
    if st.session_state.get(key) is None:
        st.session_state[key] = st.session_state.get(_last(key))


def section(
    names: Sequence[str], *, key: str, label: str, lang: str, counts: Mapping[str, int] | None = None
) -> str:
    """The chosen section of `names` (label keys of ui/i18n.py; the first by default), each button with its
    row count when `counts` has it. The URL's `key` parameter opens another one (a shared link reopens it)."""
    seed_from_url(key, key, names, default=names[0])
    chosen = st.segmented_control(
        label, list(names), key=key, format_func=lambda k: _label(k, lang, counts), label_visibility="collapsed",
        on_change=_keep_one, args=(key,),
    )  # fmt: skip
    chosen = chosen if chosen in names else names[0]
    st.session_state[_last(key)] = chosen
    keep_in_url(key, chosen, names[0])
    return chosen


def table_switch(key: str, *, lang: str) -> bool:
    """A switch that shows the table beneath a chart (off by default; on, it is kept in the URL as `key=1`).

    A table costs a page's first visit and every rerun about 0.15 s of drawing on 2 cores (a chart ~0.06 s;
    bench/RESULTS-browser.md), and the chart above it shows the same rows, each opening its facts on a click.
    """
    if key not in st.session_state:
        st.session_state[key] = page_param(key) == "1"
    on = st.toggle(t("show_table", lang), key=key)
    keep_in_url(key, "1" if on else None)
    return on


def folded(label: str, key: str) -> Any:
    """A closed expander whose content is built only once it is opened (`.open`); open, it is kept in the URL
    as `key=1`, so a shared link reopens it.

    A closed `st.expander` without `on_change` still runs and draws its content: a table in it costs a page's
    first visit ~0.07-0.13 s on 2 cores though nobody sees it (bench/RESULTS-browser.md)."""
    if key not in st.session_state:
        st.session_state[key] = page_param(key) == "1"
    box = st.expander(label, key=key, on_change="rerun")
    keep_in_url(key, "1" if box.open else None)
    return box
