"""Sidebar filters mirrored into `st.query_params`, so a copied URL opens the same page and view.

Which side wins on a run:
- the URL, when its filters differ from what this session last wrote (a shared link, a drill-down
  `st.page_link`, a reload after editing the address);
- this session's last filters, when the URL carries none (the sidebar page menu drops query params);
- otherwise the widgets (the user just changed one).
After the widgets are drawn their values are written back to the URL.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from ui import data, queries
from ui.filters import (
    AGENCY_TYPES,
    FILTER_KEYS,
    INSTITUTION_TYPES,
    KINDS,
    LANGS,
    Filters,
    View,
    from_params,
    share_url,
    to_params,
    view_from_params,
    view_to_params,
)
from ui.i18n import code, t

_APPLIED = "_applied_state"  # (page, Filters, View) this session last wrote to the URL
_VIEW_KEYS = ("lang", "won")
_W = {  # widget keys
    "lang": "w_lang",
    "exact": "w_exact",
    "years": "w_years",
    "agency": "w_agency",
    "program": "w_program",
    "institution": "w_institution",
    "itypes": "w_itypes",
    "country": "w_country",
    "q": "w_q",
    "kinds": "w_kinds",
    "as_of": "w_as_of",
    "as_of_on": "w_as_of_on",
}


def _url_params() -> dict[str, str | list[str]]:
    qp = st.query_params
    return {k: (qp.get_all(k) if len(qp.get_all(k)) > 1 else qp.get(k)) for k in qp}


# The datasets the sidebar's pickers read, declared once: ui/warm.py loads the same before any visitor asks.
OPTIONS = {
    "bounds": queries.period_bounds,
    "programs": queries.program_options,
    "institutions": queries.institution_options,
    "countries": queries.country_options,
}


def _options() -> dict[str, pd.DataFrame]:
    return {key: data.load(fn) for key, fn in OPTIONS.items()}


def _years(bounds: pd.DataFrame) -> tuple[int, int] | None:
    lo, hi = bounds["min_year"].iloc[0], bounds["max_year"].iloc[0]
    return None if pd.isna(lo) or pd.isna(hi) else (int(lo), int(hi))


def _push_to_widgets(f: Filters, v: View, years: tuple[int, int] | None) -> None:
    """Set widget state from filters (before the widgets are created in this run)."""
    ss = st.session_state
    ss[_W["lang"]], ss[_W["exact"]] = v.lang, v.exact
    if years:
        lo, hi = years
        y0 = min(max(f.year_from or lo, lo), hi)
        y1 = max(min(f.year_to or hi, hi), y0)
        ss[_W["years"]] = (y0, y1)
    for name in ("agency", "program", "institution", "country"):
        ss[_W[name]] = getattr(f, name) or ""
    ss[_W["itypes"]], ss[_W["kinds"]] = list(f.itypes), list(f.kinds)
    ss[_W["q"]] = f.q
    ss[_W["as_of"]] = date.fromisoformat(f.as_of) if f.as_of else None
    ss[_W["as_of_on"]] = bool(f.as_of)


def _target_state(page: str) -> tuple[Filters, View] | None:
    """The state the widgets must be set to in this run, or None when the widgets are the truth."""
    params = _url_params()
    from_url = (from_params(params), view_from_params(params))
    has_url = any(k in params for k in (*FILTER_KEYS, *_VIEW_KEYS))
    applied = st.session_state.get(_APPLIED)
    if applied is None:
        return from_url  # a new session: the URL is all there is
    last_page, last = applied[0], applied[1:]
    if has_url and from_url != last:
        return from_url  # a drill-down link or an edited address
    if last_page != page:
        return last  # another page: its widgets start fresh, and the page menu drops the query string
    return None


def _select(label: str, key: str, options: list[str], names: dict[str, str], lang: str) -> str:
    if st.session_state.get(key) not in options:
        st.session_state[key] = ""
    return st.selectbox(label, options, key=key, format_func=lambda k: names.get(k, t("all", lang)))


def _names(df: pd.DataFrame, id_col: str, lang: str) -> dict[str, str]:
    en = df["name_en"].where(df["name_en"].notna(), df["name"]) if lang == "en" else df["name"]
    return dict(zip(df[id_col], en, strict=True))


def _filter_widgets(opts: dict[str, pd.DataFrame], lang: str) -> Filters:
    """Draw the filter widgets and return their values as Filters."""
    years = _years(opts["bounds"])
    y0 = y1 = None
    if years and years[0] < years[1]:
        held = st.session_state.get(_W["years"])
        if not (isinstance(held, tuple) and len(held) == 2 and years[0] <= held[0] <= held[1] <= years[1]):
            st.session_state[_W["years"]] = years  # first run, a reset, or a database with other years
        y0, y1 = st.slider(t("period", lang), years[0], years[1], key=_W["years"])
        y0, y1 = (None if y0 == years[0] else y0), (None if y1 == years[1] else y1)
    as_of = _as_of(lang)
    inst = opts["institutions"]
    agencies = inst[inst["type"].isin(AGENCY_TYPES)]
    programs = opts["programs"]
    countries = opts["countries"]
    c_names = dict(zip(countries["iso2"], countries["name_ko" if lang == "ko" else "name_en"], strict=True))
    return Filters(
        year_from=y0,
        year_to=y1,
        agency=_select(t("agency", lang), _W["agency"], ["", *agencies["institution_id"]], _names(agencies, "institution_id", lang), lang) or None,
        program=_select(t("program", lang), _W["program"], ["", *programs["program_id"]], _names(programs, "program_id", lang), lang) or None,
        institution=_select(t("institution", lang), _W["institution"], ["", *inst["institution_id"]], _names(inst, "institution_id", lang), lang) or None,
        itypes=tuple(st.multiselect(t("itypes", lang), list(INSTITUTION_TYPES), key=_W["itypes"], format_func=lambda c: code(c, lang), placeholder=t("all", lang))),
        country=_select(t("country", lang), _W["country"], ["", *countries["iso2"]], c_names, lang) or None,
        q=st.text_input(t("q", lang), key=_W["q"], max_chars=100).strip(),
        kinds=tuple(st.multiselect(t("kinds", lang), list(KINDS), key=_W["kinds"], format_func=lambda c: code(c, lang), placeholder=t("all", lang))),
        as_of=as_of.isoformat() if isinstance(as_of, date) else None,
    )  # fmt: skip


def _as_of(lang: str) -> date | None:
    """The "as of" day: a date picker shown only once its switch is on (a link with `asof` turns it on).
    Streamlit's date picker is code the browser loads on first use, ~0.2 s of a first visit on 2 cores
    (bench/RESULTS-browser.md), for a choice few visits make; the switch is the toggle already loaded."""
    if not st.toggle(t("as_of_on", lang), key=_W["as_of_on"], help=t("as_of_help", lang)):
        return None
    return st.date_input(t("as_of", lang), value=None, key=_W["as_of"], format="YYYY-MM-DD")


def _reset() -> None:
    """Button callback: back to no filters (keeps language and won display)."""
    applied = st.session_state.get(_APPLIED)
    page, view = (applied[0], applied[2]) if applied else ("", View())
    st.session_state[_APPLIED] = (page, Filters(), view)
    _push_to_widgets(Filters(), view, None)
    st.session_state.pop(_W["years"], None)
    for key in FILTER_KEYS:
        if key in st.query_params:
            del st.query_params[key]


def _write_url(page: str, f: Filters, v: View) -> None:
    keep = {k: v2 for k, v2 in _url_params().items() if k not in FILTER_KEYS and k not in _VIEW_KEYS}
    wanted: dict[str, Any] = {**to_params(f), **view_to_params(v), **keep}
    if wanted != _url_params():
        st.query_params.from_dict(wanted)
    st.session_state[_APPLIED] = (page, f, v)


def sidebar(page: str) -> tuple[Filters, View]:
    """Language, won display and filters in the sidebar, kept in the URL; returns the current choice."""
    opts = _options()
    target = _target_state(page)
    if target is not None:
        _push_to_widgets(*target, _years(opts["bounds"]))
    with st.sidebar:
        lang = st.segmented_control(
            "언어 · Language", list(LANGS), key=_W["lang"], format_func=lambda c: {"ko": "한국어", "en": "English"}[c],
            required=True,
        )  # fmt: skip
        lang = lang or "ko"
        exact = st.toggle(t("exact", lang), key=_W["exact"])
        st.subheader(t("filters", lang))
        f = _filter_widgets(opts, lang)
        st.button(t("reset", lang), on_click=_reset, width="stretch")
    view = View(lang=lang, exact=exact)
    _write_url(page, f, view)
    return f, view


def page_param(key: str) -> str | None:
    """A page's own query parameter (e.g. doc on Sources), or None."""
    value = st.query_params.get(key)
    return value or None


def seed_from_url(key: str, param: str, valid: Collection[str], default: str | None = None) -> None:
    """Before the widget `key` is drawn: on its first run in this session, take its value from the URL's
    `param` when the value is one of `valid` (a shared link reopens the same choice), else `default`."""
    if key in st.session_state:
        return
    value = page_param(param)
    if value is not None and value in valid:
        st.session_state[key] = value
    elif default is not None:
        st.session_state[key] = default


def keep_in_url(param: str, value: object, default: object = None) -> None:
    """After the widget: its value in the URL (dropped when it is the default, so links stay short)."""
    set_page_param(param, None if value in (None, "", default) else str(value))


def set_page_param(key: str, value: str | None) -> None:
    """Set or drop a page's own query parameter, so the URL reopens the same item."""
    if value:
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    elif key in st.query_params:
        del st.query_params[key]


def share_box(page: str, lang: str) -> None:
    """A 'share this view' expander with this page's URL, filters included."""
    base = ""
    try:
        url = st.context.url or ""
        base = url.split("?")[0].rsplit("/", 1)[0] if url.count("/") >= 3 else ""
    except Exception:  # no browser context (tests): a relative URL is fine
        base = ""
    with st.sidebar.expander(t("share", lang)):
        # Escaped text in a <code> that one click selects whole; st.code would load a 1.5 MB highlighter on
        # every page (the expander's content is drawn while collapsed) for one line of plain text.
        st.html(
            '<code style="user-select:all;word-break:break-all;white-space:pre-wrap">'
            f"{html.escape(share_url(page, _url_params(), base=base))}</code>"
        )
        st.caption(t("share_help", lang))
