"""Rankings that compare like with like, complete, paged and searchable; the Overview's "how this is counted"
panel and the facts behind each headline figure (issue 13).

- A program ranking ranks one kind of figure at a time: each program's headline figure (its kind shown), or only
  figures of one kind (total, national, local, private).
- The institution ranking counts programs, documents and roles; it has no money column, because no extracted
  fact assigns an amount to an institution (money belongs to programs), and it says so.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import charts, clicks, data, queries, sections, sidebar, views, widgets
from ui.evidence import PAGE
from ui.filters import Filters, View
from ui.i18n import code, t

RANK_KINDS = ("headline", "total", "national", "local", "private")
METRIC_FACTS = ("total", "national", "programs", "documents", "institutions", "sites")
REASONS = ("rejected", "not_budget", "foreign_currency", "no_program", "inside_parent", "same_event", "no_headline",
           "superseded", "same_announcement", "old_version")  # fmt: skip


def _search(key: str, lang: str) -> str:
    """A name search whose words are kept in the URL (`<key>_q`)."""
    sidebar.seed_from_url(f"{key}_search", f"{key}_q", _AnyText())
    text = st.text_input(t("search_names", lang), key=f"{key}_search", max_chars=100).strip()
    sidebar.keep_in_url(f"{key}_q", text)
    return text


class _AnyText:
    """Every string up to a search box's length is a valid search."""

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and len(value) <= 100


def program_ranking(f: Filters, view: View, *, key: str = "programs") -> pd.DataFrame:
    """Programs ranked by one kind of figure (a choice, each program's headline figure by default), with the kind
    and role of the row stating it; every program, a page at a time, searchable by name."""
    lang = view.lang
    left, right = st.columns([3, 2])
    with left:
        sidebar.seed_from_url(f"{key}_kind", f"{key}_by", RANK_KINDS, default="headline")
        kind = st.segmented_control(
            t("rank_by", lang), RANK_KINDS, key=f"{key}_kind",
            format_func=lambda k: t("rank_headline", lang) if k == "headline" else code(k, lang),
        )  # fmt: skip
        sidebar.keep_in_url(f"{key}_by", kind, "headline")
    with right:
        search = _search(key, lang)
    kind = kind or "headline"
    scope = f if kind == "headline" else f.replace(kinds=(kind,))
    help_key = "rank_help_headline" if kind == "headline" else "rank_help_kind"
    st.caption(t(help_key, lang).format(kind=code(kind, lang)))
    n = data.load(queries.program_count, scope, search=search)["n_programs"].iloc[0]
    rows = widgets.paged(queries.program_table, scope, n, key=f"{key}_{kind}", lang=lang, search=search)
    widgets.table(rows, view, key=key, money=("headline_krw",), height=320)
    return rows


def programs_overview(f: Filters, view: View) -> None:
    """The Programs page's top: the program hierarchy (a treemap) or the program ranking, one at a time
    (ui/sections.py; the choice is kept in the link as `program_view`). Each costs the page its drawing: a
    table about 0.15 s, a chart about 0.06 s on 2 cores (bench/RESULTS-browser.md)."""
    lang = view.lang
    shown = sections.section(
        tuple(views.PROGRAM_VIEWS), key="program_view", label=t("programs", lang), lang=lang
    )
    if shown == "hierarchy":
        st.subheader(t("hierarchy", lang), help=t("hierarchy_help", lang))
        views.TREE.draw(views.TREE.load(f), key="hierarchy", lang=lang, pick=(f, view))
    else:
        st.subheader(t("program_table", lang))
        program_ranking(f, view, key="programs")


def institution_ranking(f: Filters, view: View, *, key: str = "institution_ranking") -> pd.DataFrame:
    """Institutions by the programs they take part in (documents and roles beside), every one, a page at a time,
    searchable; a chart of the page's top with each bar clickable to the sentences naming the institution."""
    lang = view.lang
    search = _search(key, lang)
    st.caption(t("no_institution_money", lang))
    n = views.INSTITUTION_COUNT.load(f, search=search)["n_institutions"].iloc[0]
    rows = widgets.paged(views.INSTITUTION_RANKING, f, n, key=key, lang=lang, search=search)
    top = widgets.named(rows.head(views.RANK_CHART), lang)
    widgets.chart(charts.ranking_chart, top, key=f"{key}_chart", lang=lang, pick=(f, view))
    widgets.table(rows, view, key=key)
    return rows


def how_counted(f: Filters, view: View, n_counted: int) -> None:
    """The Overview's "how this is counted" panel: each figure added (program, amount, kind, role, document,
    evidence), then the money rows left out, by reason, with the rows of a chosen reason."""
    lang = view.lang
    box = st.expander(t("how_counted", lang), key="how_counted", on_change="rerun")
    if not box.open:  # computed only when opened: the left-out rows need a pass over every money row in scope
        return
    with box:
        st.markdown(t("how_counted_added", lang).format(n=n_counted))
        search = _search("counted", lang)
        if search:
            added = data.load(queries.counted_figures, f, search=search, limit=PAGE)
        else:
            added = widgets.paged(queries.counted_figures, f, n_counted, key="counted", lang=lang)
        widgets.table(widgets.named(added, lang), view, key="counted", money=("amount_krw",))
        st.markdown(t("how_counted_left", lang))
        summary = data.load(queries.left_out_summary, f)
        summary = summary[summary["n_rows"] > 0]
        shown = summary.assign(
            why=[t(f"left_{r}", lang) for r in summary["reason"]],
            reason=[t(f"reason_{r}", lang) for r in summary["reason"]],
        )[["reason", "why", "n_rows", "n_programs"]]
        widgets.table(shown, view, key="left_out_summary")
        reasons = [r for r in REASONS if r in set(summary["reason"]) and r != "old_version"]
        if not reasons:
            return
        sidebar.seed_from_url("left_out_reason", "left", reasons)
        pick = st.selectbox(t("left_out_pick", lang), reasons, format_func=lambda r: t(f"reason_{r}", lang),
                            index=None, key="left_out_reason")  # fmt: skip
        sidebar.keep_in_url("left", pick)
        if pick is None:  # the rows of a reason are listed once the reader picks one
            return
        total = int(summary.set_index("reason").loc[pick, "n_rows"])
        rows = widgets.paged(queries.left_out_facts, f, total, key=f"left_{pick}", lang=lang, reason=pick)
        shown = widgets.named(rows.drop(columns=["reason"]), lang)
        widgets.table(shown, view, key="left_out_rows", money=("amount_krw",))


def _as_cards(counted: pd.DataFrame) -> pd.DataFrame:
    """counted_figures rows in the shape the cards read (evidence_facts' columns)."""
    return counted.assign(
        fact="budget", counted=True, published_on=counted["announced_on"], currency="KRW", fiscal_year=None,
        label=None, detail=None, program_en=counted["name_en"], label_en=None,
    )  # fmt: skip


def metric_facts(which: str | None, f: Filters, view: View, m: pd.Series) -> None:
    """The facts behind the headline figure `which` (one of METRIC_FACTS) that the reader clicked."""
    if which not in METRIC_FACTS:
        return
    lang = view.lang
    st.subheader(t("facts_behind", lang).format(what=t(f"metric_{which}", lang)))
    if which in ("total", "national"):
        rows = data.load(queries.counted_figures, f, part=which, limit=clicks.CARDS)
        st.html(clicks.cards_html(_as_cards(rows), lang, view.exact))
        n = int(m["n_counted"]) if which == "total" else None
        st.caption(t(f"metric_{which}_help", lang).format(shown=len(rows), total=n))
        return
    counts = data.load(queries.fact_counts, f).iloc[0]
    lists = {
        "programs": (queries.program_table, int(m["n_programs"]), ("headline_krw",)),
        "documents": (queries.document_list, int(counts["n_documents"]), ()),
        "institutions": (queries.participation_facts, int(counts["n_participations"]), ()),
        "sites": (queries.site_map, int(counts["n_sites"]), ()),
    }
    fn, total, money = lists[which]
    rows = widgets.paged(fn, f, total, key=f"metric_{which}", lang=lang)
    widgets.table(widgets.named(rows, lang), view, key=f"metric_{which}", money=money)
