"""What each page loads and draws, declared once: the page reads its datasets and draws its charts through these
parts, and ui/warm.py loads each page's default view (no filters, Korean, the first section, the first program
or document, the first page of a list) through the same parts and `DEFAULT_VIEWS`. A page that changes its
arguments, its sections' order or what a section draws changes what is warmed with it; tests/test_warm.py fails
when a default page still runs a query or builds a chart after the warm-up, or when the warm-up loads what no
default page shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ui import charts, data, queries, tables, widgets
from ui.filters import Filters

RANK_CHART = 25  # bars in a ranking chart: the top of the page shown (the table beneath holds the whole page)


@dataclass(frozen=True, eq=False)
class Part:
    """One dataset a page shows (a ui/queries.py function with its fixed arguments) and the ui/charts.py chart
    drawn from it, if any; `names`: program and institution names in the reader's language (widgets.named)."""

    fn: Callable[..., pd.DataFrame]
    chart: Callable[..., Any] | None = None
    args: Mapping[str, object] = field(default_factory=dict)
    names: bool = False

    def load(self, f: Filters = data.NO_FILTERS, lang: str = "ko", **more: object) -> pd.DataFrame:
        df = data.load(self.fn, f, **self.args, **more)
        return widgets.named(df, lang) if self.names else df

    def draw(self, df: pd.DataFrame, *, key: str, lang: str, pick: tuple | None = None) -> None:
        widgets.chart(self.chart, df, key=key, lang=lang, pick=pick)

    def warm(self, f: Filters, lang: str, **more: object) -> pd.DataFrame:
        """Load the dataset and build the chart's spec into the shared caches, as the page would."""
        df = self.load(f, lang, **more)
        if self.chart is not None:
            widgets.spec_text(self.chart, df, lang=lang)
        return df


def choices(names: Mapping[str, str], chosen: str | None) -> list[str]:
    """A picker's options: the chosen id first (a shared link's), then the others in their order."""
    return [chosen, *[k for k in names if k != chosen]] if chosen else list(names)


# ---- Overview ------------------------------------------------------------------------------------------------
METRICS = Part(queries.overview_metrics)
MONTHS = Part(queries.announcements_by_month, charts.announcements_chart)
LATEST = Part(queries.latest_announcements, args={"limit": 15}, names=True)

# ---- Budgets -------------------------------------------------------------------------------------------------
TIMELINE = Part(queries.budget_timeline, charts.timeline_chart, {"limit": 1500}, names=True)
PERIODS = Part(queries.program_periods, charts.gantt_chart, {"limit": 40}, names=True)
FISCAL_YEARS = Part(queries.money_by_fiscal_year, charts.fiscal_year_chart)
KIND_MIX = Part(queries.kind_breakdown, charts.kind_mix_chart, {"limit": 15}, names=True)
KIND_TOTALS = Part(queries.kind_totals, charts.kind_totals_chart)
CUMULATIVE = Part(queries.cumulative_totals, charts.cumulative_chart)
REVISION_PROGRAMS = Part(queries.program_table, args={"limit": 200})  # the revisions section's picker
# The chart sections, one at a time (ui/sections.py), the first by default; each with the parts it draws.
BUDGET_SECTIONS: dict[str, tuple[Part, ...]] = {
    "gantt": (PERIODS,),
    "per_year": (FISCAL_YEARS,),
    "by_kind": (KIND_MIX, KIND_TOTALS),
    "cumulative": (CUMULATIVE,),
    "revisions": (),  # a program's figures over time (ui/history.py), with its own picker
}
RECONCILIATION = Part(queries.reconciliation)
FACT_COUNTS = Part(queries.fact_counts)
BUDGET_ROWS = queries.budget_facts  # a paged list (widgets.paged)

# ---- Programs ------------------------------------------------------------------------------------------------
PROGRAM_PICKER = Part(queries.program_table, args={"limit": 500})
TREE = Part(queries.program_tree, charts.hierarchy_chart)
PROGRAM_VIEWS: dict[str, tuple[Part, ...]] = {"hierarchy": (TREE,), "program_table": ()}  # the ranking: paged
FAMILY = Part(queries.program_family)
REVISIONS = Part(queries.program_revisions, charts.revisions_chart)
# One program's lists, one at a time: (section, dataset or None for the revisions chart, its count column in
# fact_counts, key, money columns).
PROGRAM_LISTS: tuple[
    tuple[str, Callable[..., pd.DataFrame] | None, str | None, str, tuple[str, ...]], ...
] = (
    ("revisions", None, None, "program_revisions", ()),  # first: a chart of its figures, each point clickable
    ("program_events", queries.program_events, "n_events", "program_events", ()),
    ("documents", queries.program_documents, "n_mentions", "program_documents", ()),
    ("budgets", queries.budget_facts, "n_budgets", "program_budgets", ("amount_krw",)),
    ("institutions", queries.participation_facts, "n_participations", "program_institutions", ()),
    ("sites", queries.site_map, "n_sites", "program_sites", ()),
    ("country", queries.country_facts, "n_countries", "program_countries", ()),
)

# ---- Institutions --------------------------------------------------------------------------------------------
INSTITUTION_COUNT = Part(queries.institution_count)
INSTITUTION_RANKING = queries.institution_ranking  # a paged list; its top RANK_CHART as a chart
INSTITUTION_SECTIONS: dict[str, tuple[Part, ...]] = {
    "by_type": (Part(queries.institution_types, charts.types_chart),),
    "coparticipation": (Part(queries.coparticipation, charts.coparticipation_heatmap, {"limit": 20}),),
    "partners": (Part(queries.partner_countries, charts.partners_chart),),
}

# ---- Sites and Sources ---------------------------------------------------------------------------------------
SITES = Part(queries.site_map, charts.site_map_chart, {"limit": 2000})
SOURCE_HEALTH = Part(queries.source_health)
DOCUMENTS = queries.document_list  # a paged list
DOCUMENT_TEXT = Part(queries.document_text)  # the chosen document (document_id=…)
DOCUMENT_FACTS = Part(queries.document_facts)  # its facts
DOCUMENT_TABLES = (queries.document_tables, queries.table_cells)  # its tables (widgets.document_tables)


def first(sections: Mapping[str, Sequence[Part]]) -> Sequence[Part]:
    """The parts of the section a page opens with (ui/sections.py: the first)."""
    return next(iter(sections.values()))


def _overview(f: Filters, lang: str) -> None:
    METRICS.load(f)
    MONTHS.warm(f, lang)
    LATEST.load(f, lang)


def _budgets(f: Filters, lang: str) -> None:
    TIMELINE.warm(f, lang)
    for part in first(BUDGET_SECTIONS):
        part.warm(f, lang)
    RECONCILIATION.load(f)
    FACT_COUNTS.load(f)  # the statements' count (their table is folded: built once opened)


def _programs(f: Filters, lang: str) -> None:
    table = PROGRAM_PICKER.load(f)
    for part in first(PROGRAM_VIEWS):
        part.warm(f, lang)
    if table.empty:
        return
    pid = choices(tables.display_names(table, "program_id", "program", lang), f.program)[0]
    one = f.replace(program=pid)
    FAMILY.load(f, program_id=pid)
    FACT_COUNTS.load(one)
    _, fn, _, _, _ = PROGRAM_LISTS[0]
    if fn is None:
        REVISIONS.warm(one, lang, program_id=pid)
    else:
        widgets.page_rows(fn, one, 1)
    RECONCILIATION.load(f, program_id=pid)


def _institutions(f: Filters, lang: str) -> None:
    INSTITUTION_COUNT.load(f, search="")
    rows = widgets.page_rows(INSTITUTION_RANKING, f, 1, search="")
    widgets.spec_text(charts.ranking_chart, widgets.named(rows.head(RANK_CHART), lang), lang=lang)
    for part in first(INSTITUTION_SECTIONS):
        part.warm(f, lang)


def _sites(f: Filters, lang: str) -> None:
    SITES.warm(f, lang)


def _sources(f: Filters, lang: str) -> None:
    SOURCE_HEALTH.load()
    FACT_COUNTS.load(f, search="")
    docs = widgets.page_rows(DOCUMENTS, f, 1, search="")
    if docs.empty:
        return
    doc_id = choices(tables.document_labels(docs, lang), None)[0]
    for part in (DOCUMENT_TEXT, DOCUMENT_FACTS):
        part.load(document_id=doc_id)
    for fn in DOCUMENT_TABLES:
        data.load(fn, document_id=doc_id)


# Each page's default view: what it loads and draws when opened with no filters and nothing chosen.
DEFAULT_VIEWS: dict[str, Callable[[Filters, str], None]] = {
    "overview": _overview,
    "budgets": _budgets,
    "programs": _programs,
    "institutions": _institutions,
    "sites": _sites,
    "sources": _sources,
}
