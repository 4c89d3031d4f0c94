"""SQL building blocks that ui/queries.py composes: filter predicates and the money CTEs.

Each helper returns `(sql_fragment, params)`: fragments hold only constant SQL and `?` placeholders,
and the params are bound by the caller in the same order as the fragments appear.
See ui/queries.py for the money semantics these CTEs implement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import duckdb
import pandas as pd

from etl.categories import EXCLUDED_STATES, HEADLINE_KINDS, sql_in
from ui.filters import KINDS, Filters

Con = duckdb.DuckDBPyConnection
Part = tuple[str, list[Any]]
DATASETS: dict[str, Callable[..., pd.DataFrame]] = {}
HEAD_KINDS = f"kind IN {sql_in(HEADLINE_KINDS)}"

# Per program and document (and fiscal year): the largest KRW amount of each kind. doc_key orders
# announcements by date, ties broken by a hash of the document id, so "latest" is deterministic and
# numeric (struct keys cost twice as much at a million rows).
FIGURES = """SELECT program_id, document_id{key}, any_value(announced_on) AS announced_on,
       date_diff('day', DATE '1970-01-01', coalesce(any_value(announced_on), DATE '1970-01-01')) * 4294967296
           + (hash(document_id) % 4294967296)::BIGINT AS doc_key,
       max(amount_krw) FILTER (kind = 'total') AS total_krw,
       max(amount_krw) FILTER (kind = 'national') AS national_krw,
       max(amount_krw) FILTER (kind = 'local') AS local_krw,
       max(amount_krw) FILTER (kind = 'private') AS private_krw,
       max(amount_krw) FILTER (kind = 'unspecified') AS unspecified_krw
    FROM budgets WHERE amount_krw IS NOT NULL AND program_id IS NOT NULL AND role = 'budget'
        AND state NOT IN ('rejected', 'merged'){where}
    GROUP BY program_id, document_id{key}"""
_FY = " AND fiscal_year IS NOT NULL"
INST_PROGRAMS = (
    "SELECT institution_id, program_id, count(*) AS n_documents FROM participations "
    "WHERE state NOT IN ('rejected', 'merged') GROUP BY ALL"
)
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


class Sources(NamedTuple):
    """FROM targets for derived per-document data: prepared tables, or the same SELECTs inline."""

    docs: str  # per program and document: largest amount of each kind
    years: str  # the same per fiscal year
    inst: str  # per institution and program: documents naming both


def figure_sources(con: Con) -> Sources:
    """The prepared tables when this connection has them (open_prepared), else inline SELECTs."""
    query = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
    names = {r[0] for r in con.execute(query).fetchall()}
    if {"doc_figures", "fy_figures", "inst_programs"} <= names:
        return Sources("doc_figures", "fy_figures", "inst_programs")
    return Sources(
        f"({FIGURES.format(key='', where='')})",
        f"({FIGURES.format(key=', fiscal_year', where=_FY)})",
        f"({INST_PROGRAMS})",
    )


def money_ctes(f: Filters, source: str) -> Part:
    """CTEs doc_head (a document's figure per program) and prog_head (a program's headline amount)."""
    where, params = and_(program_scope(f, "program_id"), period_scope(f, "announced_on"))
    fig = figure_expr(f.kinds)
    sql = f"""doc_head AS MATERIALIZED (
        SELECT program_id, document_id, announced_on, doc_key, {fig} AS amount_krw,
               national_krw, local_krw, private_krw
        FROM {source} WHERE {where} AND {fig} IS NOT NULL
    ), prog_head AS MATERIALIZED (
        SELECT program_id, arg_max(amount_krw, doc_key) AS headline_krw, arg_max(document_id, doc_key) AS head_doc,
               count(*) AS n_announcements
        FROM doc_head GROUP BY ALL)"""
    return sql, params


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
              FROM (SELECT h.program_id, h.headline_krw, {_cap("d.national_krw", "h.headline_krw")} AS national,
                           d.local_krw AS local, d.private_krw AS private
                    FROM prog_head h JOIN doc_head d ON d.program_id = h.program_id AND d.document_id = h.head_doc))
    ), long AS MATERIALIZED (
        UNPIVOT (SELECT program_id, headline_krw, national, local, private,
                        greatest(headline_krw - coalesce(national, 0) - coalesce(local, 0) - coalesce(private, 0), 0)
                        AS unspecified FROM mix)
        ON national, local, private, unspecified INTO NAME kind VALUE amount_krw)"""


def inst_program_cte(f: Filters, source: str) -> Part:
    """CTE ip: (institution, program, documents) in scope, institution types applied to the institutions.

    Without a period the per-document scope adds nothing (a participation's program is its document's
    main program), so the precomputed pairs serve.
    """
    if period_scope(f, "x")[0] == "TRUE":
        where, params = and_(program_scope(f, "ip.program_id"), itype_scope(f))
        return (
            f"ip AS (SELECT ip.* FROM {source} ip JOIN institutions i USING (institution_id) WHERE {where})",
            params,
        )
    where, params = and_(fact_scope(f, "pa"), itype_scope(f))
    sql = f"""ip AS (SELECT pa.institution_id, pa.program_id, count(*) AS n_documents
        FROM participations pa JOIN institutions i USING (institution_id) WHERE {where} GROUP BY ALL)"""
    return sql, params


def open_prepared(path: str) -> Con:
    """An in-memory database viewing the file read-only, plus per-document figure tables built once.

    The file is ATTACHed read-only and every table gets a same-named view, so queries read as if
    connected to the file; doc_figures and fy_figures make money queries 10x smaller at a million rows.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS src (READ_ONLY)", [path])
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' AND schema_name = 'main'"
        ).fetchall()
        for (name,) in tables:
            # Identifiers come from the file's catalog; they cannot be bound as parameters.
            con.execute(f'CREATE VIEW main."{name}" AS SELECT * FROM src.main."{name}"')
        if {"budgets"} <= {n for (n,) in tables}:
            con.execute(f"CREATE TABLE doc_figures AS {FIGURES.format(key='', where='')}")
            con.execute(f"CREATE TABLE fy_figures AS {FIGURES.format(key=', fiscal_year', where=_FY)}")
        if "participations" in {n for (n,) in tables}:
            con.execute(f"CREATE TABLE inst_programs AS {INST_PROGRAMS}")
    except BaseException:
        con.close()
        raise
    return con
