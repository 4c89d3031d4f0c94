"""The dashboard's datasets: one function per dataset, `(con, *, filters, …) -> DataFrame`.

All SQL lives here, in ui/evidence.py (row-level facts and documents), ui/counted.py (the facts behind a
number, rankings), ui/review.py (re-exported below) and ui/sql.py (fragments and money CTEs). Values are always bound with `?`; the only
text composed is constant SQL chosen by which filters are set. Every function declares its columns
(`fn.columns`); tests check them on real and empty data. Results are aggregated in SQL and LIMITed.

Money semantics. A `budgets` row is one statement in one document, and the same money is restated:
announcement after announcement, and as a total plus its national/local/private parts. So money is
never summed over rows:
- a document's figure for a program = its largest `total` KRW amount, else its largest
  national/unspecified amount (with a budget-kind filter: the largest amount of the chosen kinds);
- a program's headline amount = the figure of its latest announcement (by `announced_on`) within the
  filters' period;
- totals across programs add up the per-program headline amounts, once each; money without a program
  or in a foreign currency (amount_krw NULL) is listed but not totalled;
- revisions are the sequence of a program's per-document figures over `announced_on` within one series
  (same kind, same scope: ui/sql.py SERIES);
- money per fiscal year takes, per program and year, the latest announcement's largest figure for that year.
"""

from __future__ import annotations

import pandas as pd

from etl.categories import MoneyRole
from ui import sql

# Datasets of ui/evidence.py, ui/counted.py and ui/review.py, re-exported: pages find every one here.
from ui.counted import counted_figures as counted_figures
from ui.counted import evidence_facts as evidence_facts
from ui.counted import institution_count as institution_count
from ui.counted import institution_ranking as institution_ranking
from ui.counted import program_count as program_count
from ui.counted import program_table as program_table
from ui.events import figure_history as figure_history
from ui.events import figure_history_count as figure_history_count
from ui.events import program_events as program_events
from ui.evidence import budget_facts as budget_facts
from ui.evidence import country_facts as country_facts
from ui.evidence import document_facts as document_facts
from ui.evidence import document_list as document_list
from ui.evidence import document_tables as document_tables
from ui.evidence import document_text as document_text
from ui.evidence import fact_counts as fact_counts
from ui.evidence import participation_facts as participation_facts
from ui.evidence import program_documents as program_documents
from ui.evidence import reconciliation as reconciliation
from ui.evidence import site_map as site_map
from ui.evidence import source_health as source_health
from ui.evidence import table_cells as table_cells
from ui.filters import Filters
from ui.left_out import left_out_facts as left_out_facts
from ui.left_out import left_out_summary as left_out_summary
from ui.review import review_candidates as review_candidates
from ui.review import review_problems as review_problems
from ui.sql import DATASETS as DATASETS  # every dataset below, by name
from ui.sql import Con, dataset

# ---- options for the filter widgets (not filtered themselves) -------------------------------------------


@dataset("min_year", "max_year")
def period_bounds(con: Con, *, filters: Filters) -> pd.DataFrame:
    """First and last publication year in the database."""
    query = "SELECT year(min(published_on)) AS min_year, year(max(published_on)) AS max_year FROM documents"
    return sql.frame(con, query, [])


@dataset("program_id", "name", "name_en")
def program_options(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Every program, for the program selector."""
    return sql.frame(con, "SELECT program_id, name, name_en FROM programs ORDER BY name, program_id", [])


@dataset("institution_id", "name", "name_en", "type", "country")
def institution_options(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Every institution, for the institution and agency selectors."""
    query = "SELECT institution_id, name, name_en, type, country FROM institutions ORDER BY name"
    return sql.frame(con, query, [])


@dataset("iso2", "name_en", "name_ko")
def country_options(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Countries that occur as partners or as institutions' countries."""
    query = """SELECT x.iso2, coalesce(c.name_en, x.iso2) AS name_en, coalesce(c.name_ko, x.iso2) AS name_ko
        FROM (SELECT country AS iso2 FROM program_countries UNION
              SELECT country FROM institutions WHERE country IS NOT NULL) x
        LEFT JOIN countries c USING (iso2) ORDER BY name_en"""
    return sql.frame(con, query, [])


# ---- overview --------------------------------------------------------------------------------------------


@dataset(
    "n_programs", "total_krw", "national_krw", "national_base_krw", "n_documents", "n_events", "n_institutions", "n_sites",
    "n_counted", "n_inside",
)  # fmt: skip
def overview_metrics(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Headline figures: programs, summed headline amounts, national part, documents, institutions, sites.

    national_krw sums the national figures of the programs' latest announcements; national_base_krw sums
    the headline amounts of just those programs, so national_krw / national_base_krw is the national share.
    Every sum adds root programs only (sql.ROOTS): n_counted programs added, n_inside left out because an
    ancestor's own figure holds their money.
    """
    with_, wp = sql.with_(filters, sql.money_ctes(filters), (sql.MIX, []))
    mentions, mp = sql.and_(sql.program_scope(filters, "program_id"), sql.doc_scope(filters))
    inst_where, ip = sql.and_(sql.fact_scope(filters, "pa"), sql.itype_scope(filters))
    counts = (
        f"""(SELECT count(DISTINCT program_id) FROM program_mentions WHERE {mentions}) AS n_programs""",
        f"""(SELECT count(DISTINCT pa.institution_id) FROM participations pa
               JOIN institutions i USING (institution_id) WHERE {inst_where}) AS n_institutions""",
        f"""(SELECT count(DISTINCT s.norm_key) FROM sites s WHERE {sql.fact_scope(filters, "s")[0]}) AS n_sites""",
    )
    if filters.is_empty():  # the stored per-program, per-institution and per-facility rows, counted
        counts = ("(SELECT count(*) FROM program_stats WHERE n_documents > 0) AS n_programs",
                  "(SELECT count(*) FROM institution_stats JOIN institutions USING (institution_id)) AS n_institutions",
                  "(SELECT count(*) FROM facilities) AS n_sites")  # fmt: skip
        mp, ip = [], []
    query = f"""{with_}
    SELECT {counts[0]}, (SELECT sum(headline_krw)::BIGINT FROM prog_head WHERE {sql.ROOTS}) AS total_krw,
           (SELECT sum(national)::BIGINT FROM mix WHERE {sql.ROOTS}) AS national_krw,
           (SELECT sum(headline_krw)::BIGINT FROM mix WHERE national IS NOT NULL AND {sql.ROOTS}) AS national_base_krw,
           (SELECT count(*) FROM documents WHERE {sql.doc_scope(filters)[0]}) AS n_documents,
           (SELECT count(DISTINCT event_id) FROM event_documents WHERE {sql.doc_scope(filters)[0]}) AS n_events,
           {counts[1]}, {counts[2]},
           (SELECT count(*) FROM prog_head WHERE {sql.ROOTS}) AS n_counted, (SELECT count(*) FROM inside) AS n_inside"""
    return sql.frame(con, query, [*wp, *mp, *ip])


@dataset("month", "lang", "n_documents")
def announcements_by_month(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Documents per month of publication and language."""
    with_, wp = sql.with_(filters)
    query = f"""{with_} SELECT date_trunc('month', published_on)::DATE AS month, lang, count(*) AS n_documents
        FROM documents WHERE published_on IS NOT NULL AND {sql.doc_scope(filters)[0]}
        GROUP BY ALL ORDER BY month, lang"""
    if filters.is_empty():  # counted as documents come and go
        query = "SELECT month, lang, n_documents FROM document_months ORDER BY month, lang"
    return sql.frame(con, query, wp)


@dataset("document_id", "published_on", "title", "program_id", "program", "headline_krw", "url")
def latest_announcements(con: Con, *, filters: Filters, limit: int = 15) -> pd.DataFrame:
    """The most recent documents with their main program and that program's figure in the document."""
    ids, _ = sql.doc_page(con, filters, "1", limit, 0)  # document_stats in date order: one row per document
    (docs, dp), (stats, sp), (figs, fp) = (sql.ids_in(c, ids) for c in ("document_id",) * 3)
    # Materialized, so each lookup by id stays an index scan (a join above one can turn it into a full scan).
    query = f"""WITH d AS MATERIALIZED (SELECT document_id, published_on, title, url FROM documents WHERE {docs}),
             s AS MATERIALIZED (SELECT document_id, main_program_id FROM document_stats WHERE {stats}),
             f AS MATERIALIZED (SELECT * FROM doc_figures WHERE {figs})
        SELECT d.document_id, d.published_on, d.title, s.main_program_id AS program_id, p.name AS program,
               {sql.figure_expr(filters.kinds)} AS headline_krw, d.url
        FROM d JOIN s USING (document_id) LEFT JOIN programs p ON p.program_id = s.main_program_id
        LEFT JOIN f ON f.document_id = d.document_id AND f.program_id = s.main_program_id
        ORDER BY d.published_on DESC NULLS LAST, d.document_id"""
    return sql.frame(con, query, [*dp, *sp, *fp])


# ---- budgets ---------------------------------------------------------------------------------------------


def _money(f: Filters, *more: sql.Part) -> sql.Part:
    """WITH scope + prog_head (+ more CTEs)."""
    return sql.with_(f, sql.money_ctes(f), *more)


@dataset("document_id", "announced_on", "program_id", "program", "amount_krw", "title")
def budget_timeline(con: Con, *, filters: Filters, limit: int = 1500) -> pd.DataFrame:
    """Each document's figure per program over time: the `limit` largest, so the whole period shows."""
    where, params = sql.and_(
        sql.program_scope(filters, "program_id"), sql.period_scope(filters, "announced_on")
    )
    # No kind chosen: doc_figures is kept largest figure_krw first, so the top-N reads its first row group.
    fig = sql.figure_expr(filters.kinds) if filters.kinds else "figure_krw"
    top = f"""top AS (SELECT program_id, document_id, announced_on, {fig} AS amount_krw, title FROM doc_figures
        WHERE {where} AND {fig} IS NOT NULL ORDER BY {fig} DESC, doc_key DESC LIMIT ?)"""
    with_, wp = sql.with_(filters, (top, [*params, limit]))
    query = f"""{with_} SELECT t.document_id, t.announced_on, t.program_id, p.name AS program, t.amount_krw, t.title
        FROM top t JOIN programs p USING (program_id) ORDER BY t.announced_on, t.document_id, t.program_id"""
    return sql.frame(con, query, wp)


@dataset("program_id", "program", "start_year", "end_year", "headline_krw")
def program_periods(con: Con, *, filters: Filters, limit: int = 40) -> pd.DataFrame:
    """Programs' periods as their latest announcement states them, largest headline amounts first."""
    where = sql.and_(sql.program_scope(filters, "m.program_id"), sql.doc_scope(filters, "m.document_id"))[0]
    per = f"""per AS (SELECT m.program_id, arg_max(struct_pack(s := m.start_year, e := m.end_year),
                   struct_pack(d := coalesce(d.published_on, DATE '1900-01-01'), doc := d.document_id)) AS y
            FROM program_mentions m JOIN documents d USING (document_id)
            WHERE m.start_year IS NOT NULL AND {where} GROUP BY ALL)"""
    if sql.period_scope(filters, "x")[0] == "TRUE":  # each program's latest period is stored
        per = f"""per AS (SELECT program_id, struct_pack(s := start_year, e := end_year) AS y FROM program_stats
            WHERE start_year IS NOT NULL AND {sql.program_scope(filters, "program_id")[0]})"""
    with_, wp = _money(filters, (per, []))
    query = f"""{with_} SELECT per.program_id, p.name AS program, per.y.s AS start_year,
               coalesce(per.y.e, per.y.s) AS end_year, h.headline_krw
        FROM per JOIN programs p USING (program_id) LEFT JOIN prog_head h USING (program_id)
        ORDER BY h.headline_krw DESC NULLS LAST, p.name LIMIT ?"""
    return sql.frame(con, query, [*wp, limit])


@dataset("fiscal_year", "amount_krw", "n_programs")
def money_by_fiscal_year(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Money per fiscal year: per program and year the latest announcement's figure, then summed."""
    where, params = sql.and_(
        sql.program_scope(filters, "program_id"), sql.period_scope(filters, "announced_on")
    )
    fig = sql.figure_expr(filters.kinds)
    latest = f"""y AS (SELECT program_id, fiscal_year, arg_max({fig}, doc_key) AS amount_krw
        FROM fy_figures WHERE {fig} IS NOT NULL AND {where} GROUP BY ALL)"""
    if sql.stored_heads(filters):
        latest = f"y AS (SELECT * FROM program_years WHERE {sql.program_scope(filters, 'program_id')[0]})"
        params = []
    with_, wp = sql.with_(filters, (latest, params))
    # Roots only, year by year: a program's figure for a year is inside its ancestor's figure for that year.
    query = f"""{with_} SELECT fiscal_year, sum(amount_krw)::BIGINT AS amount_krw, count(*) AS n_programs
        FROM y WHERE NOT EXISTS (SELECT 1 FROM program_ancestors a JOIN y up ON up.program_id = a.ancestor_id
                                 AND up.fiscal_year = y.fiscal_year WHERE a.program_id = y.program_id)
        GROUP BY ALL ORDER BY fiscal_year"""
    return sql.frame(con, query, wp)


@dataset("program_id", "program", "kind", "role", "amount_krw")
def kind_breakdown(con: Con, *, filters: Filters, limit: int = 15) -> pd.DataFrame:
    """The funding mix of the programs with the largest headline amounts, from their latest announcement.

    Parts are the national/local/private figures in that announcement; `unspecified` is the rest of the
    headline amount, so a program's parts add up to its headline amount.
    """
    top = "top AS (SELECT program_id, headline_krw FROM prog_head ORDER BY headline_krw DESC, program_id LIMIT ?)"
    with_, wp = _money(filters, (sql.MIX, []), (top, [limit]))
    query = f"""{with_} SELECT l.program_id, p.name AS program, l.kind, '{MoneyRole.BUDGET}' AS role,
               l.amount_krw::BIGINT AS amount_krw
        FROM long l JOIN top USING (program_id) JOIN programs p USING (program_id)
        ORDER BY top.headline_krw DESC, l.program_id, l.kind"""
    return sql.frame(con, query, wp)


@dataset("kind", "role", "amount_krw", "n_programs")
def kind_totals(con: Con, *, filters: Filters) -> pd.DataFrame:
    """The funding mix over all selected programs (their parts summed, each root program once)."""
    with_, wp = _money(filters, (sql.MIX, []))
    query = f"""{with_} SELECT kind, '{MoneyRole.BUDGET}' AS role, sum(amount_krw)::BIGINT AS amount_krw,
               count(*) FILTER (amount_krw > 0) AS n_programs
        FROM long WHERE {sql.ROOTS} GROUP BY ALL ORDER BY kind"""
    return sql.frame(con, query, wp)


@dataset("month", "change_krw", "cumulative_krw")
def cumulative_totals(con: Con, *, filters: Filters) -> pd.DataFrame:
    """The summed headline amounts as known at each month: new programs add, revisions adjust."""
    steps = f"""steps AS (SELECT announced_on, amount_krw - coalesce(lag(amount_krw) OVER (PARTITION BY program_id
               ORDER BY doc_key), 0) AS change FROM doc_head WHERE announced_on IS NOT NULL AND {sql.ROOTS})"""
    with_, wp = sql.with_(filters, sql.money_ctes(filters, docs=True), (steps, []))
    months = "SELECT date_trunc('month', announced_on)::DATE AS month, sum(change)::BIGINT AS change_krw FROM steps"
    if sql.stored_heads(filters):  # each program's moves per month are stored
        with_, wp = sql.with_(filters, sql.money_ctes(filters))
        where = f"{sql.program_scope(filters, 'program_id')[0]} AND {sql.ROOTS}"
        months = f"SELECT month, sum(change_krw)::BIGINT AS change_krw FROM program_months WHERE {where}"
    query = f"""{with_} SELECT month, change_krw, (sum(change_krw) OVER (ORDER BY month))::BIGINT AS cumulative_krw
        FROM ({months} GROUP BY ALL) ORDER BY month"""
    return sql.frame(con, query, wp)


@dataset(
    "document_id", "announced_on", "amount_krw", "kind", "unit_text", "title", "evidence", *sql.SERIES_COLUMNS
)
def program_revisions(con: Con, *, filters: Filters, program_id: str | None = None) -> pd.DataFrame:
    """One program's figures as series (kind and scope, see ui/sql.py SERIES): per document and series its
    largest figure, in date order. A figure for another scope is another series, never a revision."""
    with_, wp = sql.series_ctes(filters, program_id or filters.program or "")
    query = f"""{with_} SELECT document_id, announced_on, amount_krw, kind, unit_text, title, evidence,
            {", ".join(sql.SERIES_COLUMNS)} FROM points ORDER BY announced_on, document_id, series"""
    return sql.frame(con, query, wp)


@dataset("series", "kind", "scope", "scope_from", "scope_to", "from_krw", "to_krw", "from_on", "announced_on",
         "change_pct", "document_id", "title", "budget_id", "evidence")  # fmt: skip
def program_changes(con: Con, *, filters: Filters, program_id: str | None = None) -> pd.DataFrame:
    """The revisions within each series (from -> to, date, source document, change in %): a later document's
    figure that differs from the series' previous one; a restatement of the same figure is no change."""
    with_, wp = sql.series_ctes(filters, program_id or filters.program or "")
    query = f"""{with_}, steps AS (SELECT *, lag(amount_krw) OVER w AS from_krw, lag(announced_on) OVER w AS from_on
            FROM points WINDOW w AS (PARTITION BY series ORDER BY announced_on, document_id))
        SELECT series, kind, scope, scope_from, scope_to, from_krw, amount_krw AS to_krw, from_on, announced_on,
               round(100.0 * (amount_krw - from_krw) / from_krw, 1) AS change_pct, document_id, title, budget_id,
               evidence
        FROM steps WHERE from_krw IS NOT NULL AND from_krw <> amount_krw ORDER BY announced_on, series, document_id"""
    return sql.frame(con, query, wp)


# ---- programs --------------------------------------------------------------------------------------------


@dataset("program_id", "program", "name_en", "parent_id", "headline_krw")
def program_tree(con: Con, *, filters: Filters, limit: int = 400) -> pd.DataFrame:
    """The program hierarchy for a treemap: every program with a headline amount in scope, and every
    ancestor of one (a parent may have no figure of its own), with its parent; largest first."""
    up = """up AS (SELECT DISTINCT a.ancestor_id AS program_id FROM program_ancestors a
               JOIN prog_head h ON h.program_id = a.program_id)"""
    with_, wp = _money(filters, (up, []))
    query = f"""{with_} SELECT p.program_id, p.name AS program, p.name_en, p.parent_id, h.headline_krw
        FROM programs p LEFT JOIN prog_head h USING (program_id)
        WHERE h.headline_krw IS NOT NULL OR p.program_id IN (SELECT program_id FROM up)
        ORDER BY h.headline_krw DESC NULLS LAST, p.program_id LIMIT ?"""
    return sql.frame(con, query, [*wp, limit])


@dataset("relation", "program_id", "program", "name_en", "headline_krw")
def program_family(con: Con, *, filters: Filters, program_id: str | None = None) -> pd.DataFrame:
    """One program's parent and children (relation 'parent' / 'child') with their headline amounts."""
    pid = program_id or filters.program
    with_, wp = _money(filters.replace(program=None))
    query = f"""{with_} SELECT 'parent' AS relation, p.program_id, p.name AS program, p.name_en, h.headline_krw
        FROM programs c JOIN programs p ON p.program_id = c.parent_id LEFT JOIN prog_head h
            ON h.program_id = p.program_id WHERE c.program_id = ?
        UNION ALL
        SELECT 'child', c.program_id, c.name, c.name_en, h.headline_krw
        FROM programs c LEFT JOIN prog_head h ON h.program_id = c.program_id WHERE c.parent_id = ?
        ORDER BY relation DESC, headline_krw DESC NULLS LAST, program_id"""
    return sql.frame(con, query, [*wp, pid, pid])


# ---- institutions ----------------------------------------------------------------------------------------


@dataset("type", "n_institutions", "n_programs", "money_krw")
def institution_types(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Per institution type: institutions, distinct programs, and those programs' summed headline amounts."""
    # Type per pair via a join on the small institutions table; one pass of (type, program) pairs for money.
    tp = """tp AS MATERIALIZED (SELECT i.type, ip.institution_id, ip.program_id
                                FROM ip JOIN institutions i USING (institution_id)),
            money AS (SELECT type, sum(h.headline_krw)::BIGINT AS money_krw
                      FROM (SELECT DISTINCT type, program_id FROM tp) JOIN prog_head h USING (program_id) GROUP BY ALL)"""
    with_, wp = _money(filters, sql.inst_program_cte(filters), (tp, []))
    query = f"""{with_} SELECT type, count(DISTINCT institution_id) AS n_institutions,
               count(DISTINCT program_id) AS n_programs, any_value(m.money_krw) AS money_krw
        FROM tp LEFT JOIN money m USING (type) GROUP BY type ORDER BY n_programs DESC, type"""
    if filters.is_empty():  # institutions per type from institution_stats; programs carry their types
        query = """WITH t AS (SELECT i.type, count(*) AS n_institutions FROM institution_stats
                              JOIN institutions i USING (institution_id) GROUP BY ALL),
                        p AS (SELECT x.type, count(*) AS n_programs, sum(headline_krw)::BIGINT AS money_krw
                              FROM program_stats, unnest(itypes) AS x(type) GROUP BY ALL)
            SELECT type, n_institutions, coalesce(n_programs, 0) AS n_programs, money_krw
            FROM t LEFT JOIN p USING (type) ORDER BY n_programs DESC, type"""
        wp = []
    return sql.frame(con, query, wp)


@dataset("institution_a", "institution_b", "n_programs", "institution_a_en", "institution_b_en",
         "institution_a_id", "institution_b_id")  # fmt: skip
def coparticipation(con: Con, *, filters: Filters, limit: int = 20) -> pd.DataFrame:
    """For the `limit` (at most 64) institutions in most programs: how many programs each pair shares
    (diagonal = own count), with both institutions' ids (a clicked cell opens their shared programs' facts)."""
    if limit > 64:
        raise ValueError(f"coparticipation compares at most 64 institutions, not {limit}")
    counts = "SELECT institution_id FROM ip WHERE program_id IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC"
    if filters.is_empty():  # programs per institution are stored
        counts = "SELECT institution_id FROM institution_stats WHERE n_programs > 0 ORDER BY n_programs DESC"
    # Each program's top institutions as bits of one number, programs with equal bits counted together: a
    # pair's programs are then the numbers holding both bits, not a join of every two rows of a program.
    top = f"""top AS ({counts}, institution_id LIMIT ?),
        r AS (SELECT institution_id, (row_number() OVER (ORDER BY institution_id) - 1)::INT AS bit FROM top),
        m AS (SELECT mask, count(*) AS n FROM (
                SELECT bit_or(1::UBIGINT << r.bit) AS mask FROM ip JOIN r USING (institution_id)
                WHERE ip.program_id IS NOT NULL GROUP BY ip.program_id) GROUP BY ALL)"""
    with_, wp = sql.with_(filters, sql.inst_program_cte(filters), (top, [limit]))
    query = f"""{with_} SELECT ia.name AS institution_a, ib.name AS institution_b, sum(m.n)::BIGINT AS n_programs,
               any_value(ia.name_en) AS institution_a_en, any_value(ib.name_en) AS institution_b_en,
               a.institution_id AS institution_a_id, b.institution_id AS institution_b_id
        FROM m JOIN r a ON (m.mask >> a.bit) & 1 = 1 JOIN r b ON (m.mask >> b.bit) & 1 = 1
        JOIN institutions ia ON ia.institution_id = a.institution_id
        JOIN institutions ib ON ib.institution_id = b.institution_id
        GROUP BY ALL ORDER BY institution_a, institution_b"""
    return sql.frame(con, query, wp)


@dataset("iso2", "country_ko", "country_en", "n_programs", "n_documents", "n_institutions")
def partner_countries(con: Con, *, filters: Filters) -> pd.DataFrame:
    """Foreign partners by country: programs and documents naming the country, and its institutions taking part."""
    c = f"""c AS (SELECT c.country AS iso2, count(DISTINCT c.program_id) AS n_programs,
                         count(DISTINCT c.document_id) AS n_documents
        FROM program_countries c WHERE {sql.fact_scope(filters, "c", reviewed=False)[0]} AND c.country <> 'KR' GROUP BY ALL)"""
    ip = "ip"
    if filters.is_empty():  # counted per (country, program) and per institution as documents come and go
        c = """c AS (SELECT country AS iso2, count(program_id) AS n_programs, sum(n_documents)::BIGINT AS n_documents
                     FROM country_programs WHERE country <> 'KR' GROUP BY ALL)"""
        ip = "institution_stats"
    c += f""", i AS (SELECT i.country AS iso2, count(DISTINCT ip.institution_id) AS n_institutions
              FROM {ip} ip JOIN institutions i USING (institution_id) WHERE i.country <> 'KR' GROUP BY ALL)"""
    with_, wp = sql.with_(filters, sql.inst_program_cte(filters), (c, []))
    query = f"""{with_} SELECT iso2, coalesce(k.name_ko, iso2) AS country_ko, coalesce(k.name_en, iso2) AS country_en,
               coalesce(c.n_programs, 0) AS n_programs, coalesce(c.n_documents, 0) AS n_documents,
               coalesce(i.n_institutions, 0) AS n_institutions
        FROM c FULL JOIN i USING (iso2) LEFT JOIN countries k USING (iso2)
        ORDER BY n_programs DESC, n_institutions DESC, iso2"""
    return sql.frame(con, query, wp)
