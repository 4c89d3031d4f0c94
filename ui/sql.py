"""SQL building blocks that ui/queries.py composes: filter predicates, the money CTEs, paging by document.

Each helper returns `(sql_fragment, params)`: fragments hold only constant SQL and `?` placeholders,
and the params are bound by the caller in the same order as the fragments appear.
See ui/queries.py for the money semantics these CTEs implement.

Queries read the derived tables the loader keeps (etl/aggregates.py): per document (document_stats,
doc_figures, fy_figures), per program (program_stats, program_years, program_months), per institution
(inst_programs, institution_stats) and per facility (facilities). Per-program and per-institution rows
hold the unfiltered answer, so a query uses them when the filters allow (`stored_heads`, Filters.is_empty)
and computes from the per-document tables otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import duckdb
import pandas as pd

from etl import aggregates
from etl.categories import EXCLUDED_STATES, HEADLINE_KINDS, sql_in
from etl.db import table_ddl, transaction
from ui.filters import KINDS, Filters

Con = duckdb.DuckDBPyConnection
Part = tuple[str, list[Any]]
DATASETS: dict[str, Callable[..., pd.DataFrame]] = {}
HEAD_KINDS = f"kind IN {sql_in(HEADLINE_KINDS)}"
INDEX_LOOKUP_MAX = 2048  # DuckDB's index_scan_max_count: more matches and it scans the table

ESC = "ESCAPE '\\'"


def dataset(*columns: str) -> Callable[[Callable[..., pd.DataFrame]], Callable[..., pd.DataFrame]]:
    """Register a query function and declare the columns it returns."""

    def wrap(fn: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        fn.columns = columns  # type: ignore[attr-defined]
        DATASETS[fn.__name__] = fn
        return fn

    return wrap


def like_pattern(word: str) -> str:
    """An ILIKE pattern matching `word` anywhere, with its own % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def and_(*parts: Part) -> Part:
    """The conjunction of fragments (TRUE ones dropped), with their params in order."""
    sql = [s for s, _ in parts if s != "TRUE"]
    return (" AND ".join(sql) or "TRUE", [p for _, ps in parts for p in ps])


def _program_conditions(f: Filters) -> Part:
    """Conditions on programs.program_id for the program-level filters (TRUE when none is set)."""
    out: list[Part] = []
    if f.program:
        out.append(("program_id = ?", [f.program]))
    for inst in (f.agency, f.institution):
        if inst:
            out.append(
                ("program_id IN (SELECT program_id FROM participations WHERE institution_id = ?)", [inst])
            )
    if f.itypes:
        sub = "SELECT pa.program_id FROM participations pa JOIN institutions i USING (institution_id)"
        out.append((f"program_id IN ({sub} WHERE list_contains(?::VARCHAR[], i.type))", [list(f.itypes)]))
    if f.country:
        out.append(
            ("program_id IN (SELECT program_id FROM program_countries WHERE country = ?)", [f.country])
        )
    if f.q:
        sub = (
            f"SELECT program_id FROM program_aliases WHERE alias ILIKE ? {ESC} UNION "
            f"SELECT program_id FROM programs WHERE name ILIKE ? {ESC} OR name_en ILIKE ? {ESC}"
        )
        out.append((f"program_id IN ({sub})", [like_pattern(f.q)] * 3))
    return and_(*out)


def scope_ctes(f: Filters) -> Part:
    """CTEs sel_programs and sel_docs, computed once per query: the programs and documents the filters select.

    Empty when nothing is filtered, so unfiltered queries also see facts without a program.
    """
    progs, pp = _program_conditions(f)
    period, dp = period_scope(f, "published_on")
    out: list[Part] = []
    if progs != "TRUE":
        out.append((f"sel_programs AS MATERIALIZED (SELECT program_id FROM programs WHERE {progs})", pp))
    if progs != "TRUE" or period != "TRUE":
        mentions = (
            ("document_id IN (SELECT document_id FROM program_mentions WHERE program_id IN "
             "(SELECT program_id FROM sel_programs))", [])
            if progs != "TRUE" else ("TRUE", [])
        )  # fmt: skip
        where, wp = and_((period, dp), mentions)
        out.append((f"sel_docs AS MATERIALIZED (SELECT document_id FROM documents WHERE {where})", wp))
    return ", ".join(c for c, _ in out), [x for _, ps in out for x in ps]


def with_(f: Filters, *ctes: Part) -> Part:
    """A WITH clause of the scope CTEs plus `ctes` ('' when there are none), with all their params in order."""
    parts = [c for c in (scope_ctes(f), *ctes) if c[0]]
    if not parts:
        return "", []
    return "WITH " + ", ".join(c for c, _ in parts), [x for _, ps in parts for x in ps]


def program_scope(f: Filters, col: str) -> Part:
    """Restrict a program_id column to sel_programs (needs with_ in the query)."""
    active = _program_conditions(f)[0] != "TRUE"
    return (f"{col} IN (SELECT program_id FROM sel_programs)", []) if active else ("TRUE", [])


def period_scope(f: Filters, col: str) -> Part:
    """Restrict a date column to the selected years."""
    out: list[Part] = []
    if f.year_from is not None:
        out.append((f"{col} >= make_date(?, 1, 1)", [f.year_from]))
    if f.year_to is not None:
        out.append((f"{col} <= make_date(?, 12, 31)", [f.year_to]))
    return and_(*out)


def kind_scope(f: Filters, default: str = "TRUE") -> Part:
    """Restrict budgets.kind to the selected kinds (else to `default`)."""
    return ("list_contains(?::VARCHAR[], kind)", [list(f.kinds)]) if f.kinds else (default, [])


def itype_scope(f: Filters, col: str = "i.type") -> Part:
    """Restrict an institutions.type column to the selected institution types."""
    return (f"list_contains(?::VARCHAR[], {col})", [list(f.itypes)]) if f.itypes else ("TRUE", [])


def doc_scope(f: Filters, col: str = "document_id") -> Part:
    """Restrict a document_id column to sel_docs: in the period and mentioning a selected program."""
    active = _program_conditions(f)[0] != "TRUE" or period_scope(f, "x")[0] != "TRUE"
    return (f"{col} IN (SELECT document_id FROM sel_docs)", []) if active else ("TRUE", [])


# Facts an analyst rejected, or merged into another row, are kept (the review list shows them) but never counted.
NOT_EXCLUDED = "{a}.state NOT IN " + sql_in(EXCLUDED_STATES)


def fact_scope(f: Filters, alias: str, *, reviewed: bool = True) -> Part:
    """Scope for a fact table that has program_id and document_id (participations, sites, countries); with
    `reviewed`, the table has a review state and rejected or merged rows are left out."""
    scope = and_(program_scope(f, f"{alias}.program_id"), doc_scope(f, f"{alias}.document_id"))
    return and_(scope, (NOT_EXCLUDED.format(a=alias), [])) if reviewed else scope


def figure_expr(kinds: tuple[str, ...]) -> str:
    """A document's figure from its per-kind maxima: the total if chosen and stated, else the largest other.

    Column names come from the fixed KINDS list, never from user text.
    """
    chosen = [k for k in KINDS if k in kinds] or [k.value for k in HEADLINE_KINDS]
    others = [f"{k}_krw" for k in chosen if k != "total"]
    rest = f"greatest({', '.join(others)})" if len(others) > 1 else (others[0] if others else "NULL::BIGINT")
    return f"coalesce(total_krw, {rest})" if "total" in chosen else rest


def figure_kinds(kinds: tuple[str, ...]) -> str:
    """`('total', …)`: the kinds a figure may be of (figure_expr's choice); constant SQL from the fixed KINDS list."""
    chosen = [k for k in KINDS if k in kinds] or [k.value for k in HEADLINE_KINDS]
    return "(" + ", ".join(f"'{k}'" for k in chosen) + ")"


def states_figure(kinds: tuple[str, ...], b: str, figure: str) -> str:
    """True for a budget row `b` that states the figure `figure` (a program's in a document): a counted budget
    row of a chosen kind with that amount. Several may: rank them with FIGURE_FIRST and take the first."""
    counted = NOT_EXCLUDED.format(a=b)
    return f"({b}.amount_krw = {figure} AND {b}.role = 'budget' AND {counted} AND {b}.kind IN {figure_kinds(kinds)})"


FIGURE_FIRST = "({b}.kind = 'total') DESC, {b}.budget_id"  # among rows stating a figure: a total first


def stored_heads(f: Filters) -> bool:
    """True when program_stats holds every program's headline for `f`: no period and no kinds chosen.

    Program-level filters only pick programs, so they apply to its rows as they are.
    """
    return f.year_from is None and f.year_to is None and not f.kinds


# Programs inside another program's figure: an ancestor of theirs (program_ancestors) has a headline amount
# too, so a total across programs that added both would count the same money twice. Totals add ROOTS only.
INSIDE = """inside AS MATERIALIZED (SELECT DISTINCT a.program_id FROM program_ancestors a
        JOIN prog_head h ON h.program_id = a.ancestor_id)"""
ROOTS = "program_id NOT IN (SELECT program_id FROM inside)"


def money_ctes(f: Filters, *, docs: bool = False) -> Part:
    """CTE prog_head (a program's headline amount, from which document, and that document's parts), inside
    (programs whose ancestor has its own amount: left out of totals, see ROOTS), and doc_head (a document's
    figure per program) when `docs` or when prog_head is computed from it."""
    where, params = and_(program_scope(f, "program_id"), period_scope(f, "announced_on"))
    fig = figure_expr(f.kinds)
    doc_head = f"""doc_head AS MATERIALIZED (
        SELECT program_id, document_id, announced_on, doc_key, {fig} AS amount_krw,
               national_krw, local_krw, private_krw
        FROM doc_figures WHERE {where} AND {fig} IS NOT NULL)"""
    if stored_heads(f):
        head = f"""prog_head AS MATERIALIZED (
            SELECT program_id, headline_krw, head_doc, n_announcements, national_krw, local_krw, private_krw
            FROM program_stats WHERE headline_krw IS NOT NULL AND {program_scope(f, "program_id")[0]}), {INSIDE}"""
        return (f"{doc_head}, {head}", params) if docs else (head, [])
    head = f"""prog_head AS MATERIALIZED (
        SELECT program_id, h.a AS headline_krw, h.doc AS head_doc, n AS n_announcements, h.n AS national_krw,
               h.l AS local_krw, h.p AS private_krw
        FROM (SELECT program_id, count(*) AS n, arg_max(struct_pack(a := amount_krw, doc := document_id,
                     n := national_krw, l := local_krw, p := private_krw), doc_key) AS h
              FROM doc_head GROUP BY ALL)), {INSIDE}"""
    return f"{doc_head}, {head}", params


def frame(con: Con, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run a query with bound params and return a DataFrame."""
    return con.execute(sql, params).df()


# The funding mix of each program's latest announcement (needs money_ctes before it). Parts are capped in
# order (national, local, private) so they never add up to more than the headline amount: extraction
# noise can state a part larger than the total, and a national share above 100% helps no one.
def _cap(part: str, room: str) -> str:
    # least() skips NULLs in DuckDB: a part that was not stated must stay NULL, not become the room left.
    return f"CASE WHEN {part} IS NULL THEN NULL ELSE least({part}, greatest({room}, 0)) END"


_NAT, _LOC = "coalesce(national, 0)", "coalesce(local, 0)"
MIX = f"""mix AS MATERIALIZED (
        SELECT program_id, headline_krw, national, local,
               {_cap("private", f"headline_krw - {_NAT} - {_LOC}")} AS private
        FROM (SELECT program_id, headline_krw, national, {_cap("local", f"headline_krw - {_NAT}")} AS local, private
              FROM (SELECT program_id, headline_krw, {_cap("national_krw", "headline_krw")} AS national,
                           local_krw AS local, private_krw AS private FROM prog_head))
    ), long AS MATERIALIZED (
        UNPIVOT (SELECT program_id, headline_krw, national, local, private,
                        greatest(headline_krw - coalesce(national, 0) - coalesce(local, 0) - coalesce(private, 0), 0)
                        AS unspecified FROM mix)
        ON national, local, private, unspecified INTO NAME kind VALUE amount_krw)"""


def inst_program_cte(f: Filters) -> Part:
    """CTE ip: (institution, program, documents) in scope, institution types applied to the institutions.

    Without a period the per-document scope adds nothing (a participation's program is its document's
    main program), so the stored pairs serve.
    """
    if period_scope(f, "x")[0] == "TRUE":
        where, params = and_(program_scope(f, "ip.program_id"), itype_scope(f))
        return (
            f"ip AS (SELECT ip.* FROM inst_programs ip JOIN institutions i USING (institution_id) WHERE {where})",
            params,
        )
    where, params = and_(fact_scope(f, "pa"), itype_scope(f))
    sql = f"""ip AS (SELECT pa.institution_id, pa.program_id, count(*) AS n_documents
        FROM participations pa JOIN institutions i USING (institution_id) WHERE {where} GROUP BY ALL)"""
    return sql, params


def ids_in(col: str, ids: list[str]) -> Part:
    """`col IN (?, ?, …)` over the given ids: a constant list is answered from the column's ART index
    (point lookups), where a join or a subquery would scan the table. FALSE for no ids."""
    if not ids:
        return "FALSE", []
    if len(ids) > INDEX_LOOKUP_MAX:  # past DuckDB's index_scan_max_count it scans anyway: bind one list
        return f"{col} IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
    return f"{col} IN ({', '.join('?' * len(ids))})", list(ids)


def doc_page(con: Con, f: Filters, count: str, limit: int, offset: int) -> tuple[list[str], int]:
    """The documents whose facts are rows [offset, offset + limit) of a fact list in document date order,
    and how many of the first one's rows come before `offset`.

    `count` is a document_stats column (n_budgets, …) counting each document's rows in the list; the
    filters may restrict documents (period, programs) but not facts within a document.
    """
    programs = _program_conditions(f)[0] != "TRUE"
    head, hp = with_(f) if programs else ("", [])
    scope = (doc_scope(f)[0], []) if programs else period_scope(f, "published_on")
    where, params = and_((f"{count} > 0", []), scope)
    query = f"""{head} SELECT document_id, upto - n AS before FROM (
            SELECT document_id, {count} AS n, sum({count}) OVER (ORDER BY published_on DESC NULLS LAST, document_id
                                                          ROWS UNBOUNDED PRECEDING) AS upto
            FROM (SELECT * FROM document_stats WHERE {where}
                  ORDER BY published_on DESC NULLS LAST, document_id LIMIT ?))
        WHERE upto > ? AND upto - n < ? ORDER BY before"""
    rows = con.execute(query, [*hp, *params, offset + limit, offset, offset + limit]).fetchall()
    return [r[0] for r in rows], (offset - int(rows[0][1]) if rows else 0)


def open_prepared(path: str) -> Con:
    """An in-memory database viewing the file read-only: every table as a same-named view.

    A file written before the derived tables existed (schema m009) gets them built here, in memory, once.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS src (READ_ONLY)", [path])
        names = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' AND schema_name = 'main'"
            ).fetchall()
        }
        derived = set(aggregates.DERIVED) if not set(aggregates.DERIVED) <= names else set()
        for name in sorted(names - derived):
            # Identifiers come from the file's catalog; they cannot be bound as parameters.
            con.execute(f'CREATE VIEW main."{name}" AS SELECT * FROM src.main."{name}"')
        if derived and "budgets" in names:
            for name in aggregates.DERIVED:
                con.execute(table_ddl(name))
            with transaction(con):
                aggregates.rebuild(con)
    except BaseException:
        con.close()
        raise
    return con


# ---- revision series (issue 12 item 2) -------------------------------------------------------------------
# A revision is a later figure for the same program, the same kind and the same scope (the years it covers). A
# budget row's scope comes from what the tables store: `supplementary` when its sentence names a supplementary
# budget (or the document's title does and the row states no period of its own; series_rows, etl/series.py),
# covering its fiscal year or else the year announced; `year` when it states a fiscal year; `period` when the
# document states the program's period (program_mentions start/end); else `open`. Series = kind + scope + its last
# year: a period is known by its end ("2028년까지" announced in 2024 and in 2025 is one scope; the extractor
# starts an open-ended period at the announcement's year), shown from its earliest start.
SERIES = """series AS (SELECT * EXCLUDE (scope_start), CASE WHEN scope = 'period' THEN min(scope_start) OVER (
                        PARTITION BY series) ELSE scope_start END AS scope_from
    FROM (SELECT *, kind || ':' || scope || ':' || coalesce(scope_to::VARCHAR, '') AS series
          FROM (SELECT *, CASE WHEN supplementary THEN 'supplementary' WHEN fiscal_year IS NOT NULL THEN 'year'
                               WHEN end_year IS NOT NULL THEN 'period' ELSE 'open' END AS scope,
                          CASE WHEN supplementary THEN coalesce(fiscal_year, year(announced_on))
                               WHEN fiscal_year IS NOT NULL THEN fiscal_year ELSE start_year END AS scope_start,
                          CASE WHEN supplementary THEN coalesce(fiscal_year, year(announced_on))
                               WHEN fiscal_year IS NOT NULL THEN fiscal_year ELSE end_year END AS scope_to
                FROM scoped)))"""
SERIES_COLUMNS = ("series", "scope", "scope_from", "scope_to", "budget_id")


def series_ctes(f: Filters, program_id: str) -> Part:
    """CTEs scoped (a program's revision rows in the filters: series_rows, kept at load with their document's
    title, period and supplementary flag, etl/series.py) and series (each row's scope and series key); then
    `points` keeps one row per document and series, its largest."""
    where, params = and_(
        ("program_id = ?", [program_id]), period_scope(f, "announced_on"), kind_scope(f, HEAD_KINDS)
    )
    scoped = f"scoped AS (SELECT * FROM series_rows WHERE {where})"
    points = """points AS (SELECT * FROM series QUALIFY row_number() OVER (PARTITION BY document_id, series
                                                  ORDER BY amount_krw DESC, budget_id DESC) = 1)"""
    return f"WITH {scoped}, {SERIES}, {points}", params
