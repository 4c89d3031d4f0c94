"""Streamlit building blocks the pages compose: page start (data guard, sidebar), tables, charts, links.

Pages call `start()` first; it stops the page with a clear message when there is no usable database.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ui import clicks, data, figures, fmt, plain, queries, sections, tables
from ui.data_guard import add_announcement, ensure_data
from ui.evidence import PAGE
from ui.filters import Filters, View, share_url, to_params, view_from_params, view_to_params
from ui.highlight import cell_marks, table_html
from ui.i18n import code, column, t
from ui.sidebar import keep_in_url, seed_from_url, share_box, sidebar

# page key: (script path relative to dashboard.py, URL path, label key)
PAGES = {
    "overview": ("dashboard.py", "", "overview"),
    "budgets": ("pages/1_Budgets.py", "Budgets", "budgets"),
    "programs": ("pages/2_Programs.py", "Programs", "programs"),
    "institutions": ("pages/3_Institutions.py", "Institutions", "institutions"),
    "sites": ("pages/4_Sites.py", "Sites", "sites"),
    "sources": ("pages/5_Sources.py", "Sources", "sources"),
    "review": ("pages/6_Review.py", "Review", "review"),
}
EVIDENCE_WIDTH = 400  # px: with three lines per row, most evidence sentences show whole
EVIDENCE_ROW_HEIGHT = 70  # px: three lines of text
_HIDE_DEFAULT_NAV = (
    "<style>[data-testid='stSidebarNav'], [data-testid='stSidebarNavSeparator'] {display: none}</style>"
)


def start(page: str) -> tuple[Filters, View]:
    """Page config, the data guard, the sidebar and the share box: the first call of every page."""
    lang = view_from_params(st.query_params.to_dict()).lang
    st.set_page_config(page_title=f"{t(PAGES[page][2], lang)} · {t('app', lang)}", layout="wide")
    ensure_data(lang)
    from ui import warm  # here, not at the top: ui.warm imports ui.rankings, which imports this module

    warm.start()  # once per process: every page's default view into the shared caches (ui/warm.py)
    menu = st.sidebar.container()  # filled after the sidebar: a language switch shows in this very run
    f, view = sidebar(PAGES[page][1])
    with menu:
        nav(f, view)
    share_box(PAGES[page][1], view.lang)
    add_announcement(view.lang)
    st.title(t(PAGES[page][2], view.lang))
    if f.as_of:
        st.info(t("as_of_note", view.lang).format(day=f.as_of))
    return f, view


def nav(f: Filters, view: View) -> None:
    """The page menu in the reader's language, keeping filters and language (Streamlit's own menu shows file
    names such as 'dashboard' and drops the query string, so it is hidden)."""
    params = {**to_params(f), **view_to_params(view)}
    try:
        for script, _, label in PAGES.values():
            st.page_link(script, label=t(label, view.lang), query_params=params)
    except StreamlitPageNotFoundError:
        return  # a page script run on its own (AppTest of one file): there is no menu to replace
    st.html(_HIDE_DEFAULT_NAV)
    st.divider()


def chart(
    build: Callable[..., Any],
    df: pd.DataFrame,
    *,
    key: str,
    pick: tuple[Filters, View] | None = None,
    **options: object,
) -> None:
    """A ui/charts.py chart of `df` (an Altair chart, built and converted once: data.figure), full width, drawn
    by Streamlit's Vega-Lite element (st.vega_lite_chart, what st.altair_chart draws with) with its chart menu
    (PNG export, full screen). With `pick` (the page's filters and view), a clicked point opens the facts
    behind it beneath the chart (ui/clicks.py). In English, names are English (or marked romanisations)
    before the chart is built (`named`). Vega-Lite draws document text as text, never as markup."""
    spec = json.loads(spec_text(build, df, **options))
    if pick is None or not figures.pickable_spec(spec):  # an empty chart has nothing to click
        st.vega_lite_chart(spec, key=key)
        return
    event = st.vega_lite_chart(spec, key=key, on_select="rerun", selection_mode=figures.PICK)
    clicks.panel(clicks.picked(event), *pick)


def spec_text(build: Callable[..., Any], df: pd.DataFrame, **options: object) -> str:
    """The chart's Vega-Lite text as `chart` draws it (shared cache: data.figure); ui/warm.py builds the same."""
    if options.get("lang") == "en":
        df = named(df, "en")
    return data.figure(build, df, **options)


def _english_names() -> dict[str, dict[str, str]]:
    """Program and institution ids → English names, for tables read in English; and stored names → English
    names (`program`, `institution`) for lists that carry the name without its id."""
    out: dict[str, dict[str, str]] = {}
    for key, fn in (("program_id", queries.program_options), ("institution_id", queries.institution_options)):
        df = data.load(fn).dropna(subset=["name_en"])
        out[key] = dict(zip(df[key], df["name_en"], strict=True))
        out[key.removesuffix("_id")] = dict(zip(df["name"], df["name_en"], strict=False))
    return out


def named(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A query result with program and institution names in the reader's language (for charts and links)."""
    return tables.localize_names(df, lang, _english_names()) if lang == "en" else df


def _country_names(lang: str) -> dict[str, str]:
    df = data.load(queries.country_options)
    return dict(zip(df["iso2"], df["name_ko" if lang == "ko" else "name_en"], strict=True))


def _column_config(shown: pd.DataFrame, lang: str, money: tuple[str, ...]) -> dict[str, object]:
    config: dict[str, object] = dict(tables.headers(list(shown.columns), lang))
    for col in shown.columns:
        if col in money:  # amounts are text (946억원) but line up on the right like the counts beside them
            config[col] = st.column_config.TextColumn(column(col, lang), alignment="right")
        elif col == "area_m2":
            config[col] = st.column_config.NumberColumn(column(col, lang), format="localized")
    if "link" in shown:
        config["link"] = st.column_config.LinkColumn(
            column("link", lang), display_text=t("source_short", lang)
        )
    if "url" in shown:
        config["url"] = st.column_config.LinkColumn(column("url", lang), display_text="URL")
    if "evidence" in shown:
        config["evidence"] = st.column_config.TextColumn(column("evidence", lang), width=EVIDENCE_WIDTH)
    return config


def table(
    df: pd.DataFrame,
    view: View,
    *,
    key: str,
    money: tuple[str, ...] = (),
    height: int | None = None,
    hide: tuple[str, ...] = (),
    empty: str = "no_rows",
) -> None:
    """A table with headers, names and codes in the reader's language, readable won, empty cells for missing
    values, a link to each row's document, the whole evidence sentence of a selected row, and a CSV download."""
    if df.empty:
        st.info(t(empty, view.lang))
        return
    english = _english_names() if view.lang == "en" else {}
    shown, csv = data.table_frames(
        _table_frames, df, lang=view.lang, exact=view.exact, money=money, hide=hide, english=english,
        countries=_country_names(view.lang),
    )  # fmt: skip
    has_evidence = "evidence" in shown
    event = st.dataframe(
        shown,
        hide_index=True,
        column_config=_column_config(shown, view.lang, money),
        height=height or (min(len(shown), 8) * EVIDENCE_ROW_HEIGHT + 40 if has_evidence else "auto"),
        row_height=EVIDENCE_ROW_HEIGHT if has_evidence else None,
        placeholder="",  # a missing value is an empty cell, not "None"
        key=key,
        **({"on_select": "rerun", "selection_mode": "single-row"} if has_evidence else {}),
    )
    if has_evidence:
        _whole_evidence(df, event, view.lang)
    _download(csv, key, view.lang)


def _table_frames(
    df: pd.DataFrame,
    *,
    lang: str,
    exact: bool,
    money: tuple[str, ...],
    hide: tuple[str, ...],
    english: dict[str, dict[str, str]],
    countries: dict[str, str],
) -> tuple[pd.DataFrame, bytes]:
    """The table's shown frame (display cells, links) and its CSV download."""
    shown = tables.display_frame(
        df, lang=lang, exact=exact, money=money, hide=hide, english=english, countries=countries
    )
    if "url" in shown:  # only http(s) addresses become links: a document may claim any `url`
        shown["url"] = shown["url"].map(plain.web_url)
    if "document_id" in df:
        shown.insert(0, "link", ("Sources?doc=" + df["document_id"].astype(str)).to_numpy())
    csv = tables.export_frame(df, lang=lang, money=money, hide=hide, english=english)
    return shown, csv.to_csv(index=False).encode("utf-8-sig")  # BOM: Excel opens Korean CSV correctly


def paged(
    fn: Callable[..., pd.DataFrame], f: Filters, total: int, *, key: str, lang: str, **kwargs: object
) -> pd.DataFrame:
    """One page of a long list (`total` rows; fact_counts has them): a page picker when there is more than
    one page, then that page's rows, so a list never fetches more than it shows."""
    pages = max(1, -(-int(total) // PAGE))
    page = 1
    if pages > 1:  # the key carries the page count: a new count starts again at page 1 (always in range)
        widget, param = f"{key}_page_{pages}", f"{key}_p"
        seed_from_url(widget, param, {str(p) for p in range(1, pages + 1)})
        if isinstance(st.session_state.get(widget), str):
            st.session_state[widget] = int(st.session_state[widget])
        page = int(st.number_input(t("page", lang), min_value=1, max_value=pages, key=widget))
        keep_in_url(param, page, 1)
        last = min(page * PAGE, int(total))
        st.caption(t("rows_of", lang).format(first=(page - 1) * PAGE + 1, last=last, total=int(total)))
    return page_rows(fn, f, page, **kwargs)


def page_rows(fn: Callable[..., pd.DataFrame], f: Filters, page: int, **kwargs: object) -> pd.DataFrame:
    """Rows of page `page` (from 1) of a paged list (`paged`; ui/warm.py loads the first)."""
    return data.load(fn, f, limit=PAGE, offset=(page - 1) * PAGE, **kwargs)


def _download(csv: bytes, key: str, lang: str) -> None:
    """The table's CSV download. The bytes are handed over only when the button is clicked (a callable): sent
    with the page, every table's file was fetched by the browser before the page settled (about 0.1-0.2 s a
    table on 2 cores, bench/RESULTS-browser.md)."""
    st.download_button(
        t("download", lang), lambda: csv, file_name=f"{key}.csv", mime="text/csv", key=f"{key}_csv"
    )


def _whole_evidence(df: pd.DataFrame, event: Any, lang: str) -> None:
    """The selected row's whole evidence sentence (the table shows a few lines), or a hint how to get it."""
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    text = df["evidence"].iloc[rows[0]] if rows and rows[0] < len(df) else None
    if fmt.present(text):
        st.html(
            '<div style="border-left:4px solid #ffe08a;padding:6px 12px;white-space:pre-wrap;line-height:1.6">'
            f"{html.escape(str(text))}</div>"
        )
    else:
        st.caption(t("evidence_hint", lang))


def link(page: str, label: str, f: Filters, view: View, **extra: str) -> None:
    """A drill-down link to another page carrying the filters (and page parameters such as doc=…); the label
    may quote a title or a name, so it is shown as plain text."""
    label = plain.md(label)
    params = {**to_params(f), **view_to_params(view), **{k: v for k, v in extra.items() if v}}
    try:
        st.page_link(PAGES[page][0], label=label, query_params=params, icon="➡️")
    except StreamlitPageNotFoundError:  # the page script runs on its own (AppTest of one page file)
        st.link_button(label, share_url(PAGES[page][1], params))


def family(fam: pd.DataFrame, program: pd.Series | None, f: Filters, view: View) -> None:
    """A program's parent (a link) and children (a table), and whether the children add up to it: the gap is
    shown, never hidden, and children adding up to more than the program are called out."""
    lang = view.lang
    names = tables.display_names(fam, "program_id", "program", lang)
    for up in fam[fam["relation"] == "parent"].itertuples():
        link("programs", f"{t('parent_program', lang)}: {names[up.program_id]}", f, view, id=up.program_id)
    kids = fam[fam["relation"] == "child"]
    if kids.empty:
        return
    st.markdown(f"**{t('child_programs', lang)}**")
    box = sections.folded(f"{t('child_rows', lang)} ({fmt.number(len(kids))})", "program_children_open")
    if box.open:  # drawn once opened (kept in the link); whether they add up shows beneath either way
        with box:
            table(kids.drop(columns=["relation"]), view, key="program_children", money=("headline_krw",))
    own = program["headline_krw"] if program is not None else None
    if not fmt.present(own):
        return
    total = kids["headline_krw"].dropna().sum()
    won = functools.partial(fmt.won, lang=lang, exact=view.exact)
    words = {"n": len(kids), "sum": won(total), "own": won(own), "gap": won(abs(own - total))}
    if total > own:
        st.warning(t("children_exceed", lang).format(**words))
    else:
        st.caption(t("children_add_up", lang).format(**words))


def reconciliation(checks: pd.DataFrame, view: View, key: str) -> None:
    """The figures that do not add up, each with its document (a table), or one line saying all do."""
    st.subheader(t("reconciliation", view.lang), help=t("reconciliation_help", view.lang))
    if checks.empty:
        st.caption(t("all_add_up", view.lang))
        return
    box = sections.folded(f"{t('reconciliation_rows', view.lang)} ({fmt.number(len(checks))})", f"{key}_open")
    if box.open:  # drawn once opened (kept in the link); the label says how many
        with box:
            table(named(checks, view.lang), view, key=key, money=("stated_krw", "parts_krw", "gap_krw"))


OPEN_FACTS = "open_facts"  # session key: which headline figure's facts are open (rankings.metric_facts)


def _toggle_facts(which: str) -> None:
    st.session_state[OPEN_FACTS] = None if st.session_state.get(OPEN_FACTS) == which else which


def metrics(
    items: list[tuple[str, str, str | None]],
    widths: list[float] | None = None,
    facts: tuple[str, ...] = (),
    lang: str = "ko",
) -> None:
    """A row of st.metric boxes: (label, value, help); widths give long values (exact won) more room. With
    `facts` (one name per box), a button under each box opens (or closes) the facts behind its figure."""
    for i, (col, (label, value, help_)) in enumerate(
        zip(st.columns(widths or len(items)), items, strict=True)
    ):
        col.metric(label, value, help=help_, border=True)
        if i < len(facts):
            col.button(
                t("show_facts", lang), key=f"facts_{facts[i]}", type="tertiary", icon=":material/search:",
                on_click=_toggle_facts, args=(facts[i],),
            )  # fmt: skip


def document_tables(document_id: str, lang: str) -> None:
    """A document's tables as tables, each budget cell marked with its kind, year and program."""
    from ui.views import DOCUMENT_TABLES  # here: ui.views builds on this module

    grids_fn, cells_fn = DOCUMENT_TABLES
    grids = data.load(grids_fn, document_id=document_id)
    if grids.empty:
        return
    cells = data.load(cells_fn, document_id=document_id).to_dict("records")

    def label(c: dict) -> str:
        year = c["fiscal_year"] if fmt.present(c["fiscal_year"]) else ""
        program = c["program"] if fmt.present(c["program"]) else ""
        return " · ".join(str(x) for x in (code(c["kind"], lang), code(c["role"], lang), year, program) if x)

    st.subheader(t("tables", lang))
    for tb in grids.itertuples():
        marks = cell_marks(cells, int(tb.table_seq), label)
        st.html(table_html(json.loads(tb.grid_json), marks, tb.caption if fmt.present(tb.caption) else ""))
