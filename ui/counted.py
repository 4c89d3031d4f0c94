"""Datasets behind the numbers (issue 13): the facts behind a clicked chart point or a headline figure, what
the headline total adds and what it leaves out (and why), and the rankings that compare like with like.

Same rules as ui/queries.py, which re-exports every dataset here: bound parameters, declared columns, LIMITed
results. (A module of its own beside ui/evidence.py and ui/queries.py, as ui/review.py is, so that each stays
under the 400-line limit.)
"""

from __future__ import annotations

import pandas as pd

from etl.categories import HEADLINE_KINDS, MoneyRole, ParticipationRole, values
from ui import sql
from ui.evidence import PAGE
from ui.filters import KINDS, Filters
from ui.sql import Con, dataset

# ---- the facts behind a chart point or a headline figure (issue 13) ------------------------------------------
# A clicked point carries a key (ui/clicks.py): ("pd", program, document) a program's figure in a document,
# ("p", program[, kind]) a program's headline figure, ("b", budget_id) one budget row (a revision series' point), ("fy", year) a fiscal year's sum, ("m", month) a month's
# changes to the total, ("kt", kind) a kind's part of the funding mix (each root program's part, from its headline
# document); ("i", institution), ("t", type), ("c", country), ("s", facility), ("ii", institution, institution) two
# institutions in their shared programs and ("dm", month[, lang]) the facts or documents a count counts. Every answer
# has the same columns.
EVIDENCE = (
    "fact", "budget_id", "document_id", "published_on", "title", "url", "program_id", "program", "amount_krw",
    "unit_text", "currency", "kind", "role", "fiscal_year", "state", "label", "detail", "counted", "evidence",
    "n_total", "n_figures", "program_en", "label_en",
)  # fmt: skip
_ROW = """{fact} AS fact, {budget_id} AS budget_id, x.document_id, d.published_on, d.title, d.url, x.program_id,
    p.name AS program, {money}, {role} AS role, NULL::INTEGER AS fiscal_year, {state} AS state, {label} AS label,
    {detail} AS detail, NULL::BOOLEAN AS counted, {evidence} AS evidence, count(*) OVER () AS n_total,
    NULL::BIGINT AS n_figures, p.name_en AS program_en, {label_en} AS label_en"""
_NO_MONEY = "NULL::BIGINT AS amount_krw, NULL AS unit_text, NULL AS currency, NULL AS kind"
_FACTS = {  # key → (FROM rows x, their condition, their columns)
    "i": ("participations x JOIN institutions i USING (institution_id)", "x.institution_id = ?",
          {"fact": "'participation'", "role": "x.role", "state": "x.state", "label": "i.name", "detail": "i.type",
           "label_en": "i.name_en"}),
    "t": ("participations x JOIN institutions i USING (institution_id)", "i.type = ?",
          {"fact": "'participation'", "role": "x.role", "state": "x.state", "label": "i.name", "detail": "i.type",
           "label_en": "i.name_en"}),
    "c": ("program_countries x LEFT JOIN countries k ON k.iso2 = x.country", "x.country = ?",
          {"fact": "'country_fact'", "label": "coalesce(k.name_ko, x.country)",
           "label_en": "coalesce(k.name_en, x.country)"}),
    "ii": ("participations x JOIN institutions i USING (institution_id)",
           """x.institution_id IN (?, ?) AND x.program_id IN (SELECT program_id FROM participations
              WHERE institution_id = ? INTERSECT SELECT program_id FROM participations WHERE institution_id = ?)""",
           {"fact": "'participation'", "role": "x.role", "state": "x.state", "label": "i.name", "detail": "i.type",
            "label_en": "i.name_en"}),
    "s": ("sites x", "x.norm_key = ?",
          {"fact": "'site'", "state": "x.state", "label": "x.name", "detail": "x.status"}),
}  # fmt: skip


def _money_pairs(f: Filters, key: tuple[str, ...]) -> sql.Part:
    """CTE pairs (program_id, document_id, figure): the program figures a money key stands for."""
    fig, kind = sql.figure_expr(f.kinds), key[0]
    where, params = sql.and_(sql.program_scope(f, "program_id"), sql.period_scope(f, "announced_on"))
    if kind == "pd":
        return (f"pairs AS (SELECT program_id, document_id, {fig} AS figure FROM doc_figures "
                "WHERE program_id = ? AND document_id = ?)", [key[1], key[2]])  # fmt: skip
    if kind == "p":
        return ("pairs AS (SELECT program_id, head_doc AS document_id, headline_krw AS figure FROM prog_head "
                "WHERE program_id = ?)", [key[1]])  # fmt: skip
    if kind == "kt":  # each root program's part of that kind (sql.MIX), stated in its headline document
        return (f"""{sql.MIX}, pairs AS (SELECT l.program_id, h.head_doc AS document_id, l.amount_krw::BIGINT AS figure
            FROM long l JOIN prog_head h USING (program_id) WHERE l.kind = ? AND l.amount_krw > 0
            AND l.program_id NOT IN (SELECT program_id FROM inside))""", [key[1]])  # fmt: skip
    if kind == "fy":  # each root program's latest figure for the year (as money_by_fiscal_year adds them)
        per = f"""y AS (SELECT program_id, arg_max(document_id, doc_key) AS document_id, arg_max({fig}, doc_key) AS figure
            FROM fy_figures WHERE fiscal_year = ? AND {fig} IS NOT NULL AND {where} GROUP BY program_id)"""
        roots = """pairs AS (SELECT * FROM y WHERE program_id NOT IN (SELECT a.program_id FROM program_ancestors a
            JOIN y up ON up.program_id = a.ancestor_id))"""
        return f"{per}, {roots}", [int(key[1]), *params]
    # "m": root programs' announcements that month (what moved the cumulative total)
    month = "announced_on >= ?::DATE AND announced_on < ?::DATE + INTERVAL 1 MONTH"
    return (f"""pairs AS (SELECT program_id, document_id, {fig} AS figure FROM doc_figures
        WHERE {month} AND {fig} IS NOT NULL AND {where} AND {sql.ROOTS})""", [key[1], key[1], *params])  # fmt: skip


def _money_facts(con: Con, f: Filters, key: tuple[str, ...], limit: int) -> pd.DataFrame:
    """The money rows of the key's (program, document) pairs, each pair's counted figure first and marked. Only
    the `limit` largest figures are opened (n_figures says how many the point adds); their rows are fetched
    by document, through the budgets' document index."""
    with_, wp = sql.with_(f, sql.money_ctes(f), _money_pairs(f, key))
    top = sql.frame(con, f"""{with_} SELECT program_id, document_id, figure, count(*) OVER () AS n_figures FROM pairs
        ORDER BY figure DESC NULLS LAST, program_id, document_id LIMIT ?""", [*wp, limit])  # fmt: skip
    (docs, dp), (in_d, ip) = (sql.ids_in("document_id", sorted(set(top["document_id"]))) for _ in range(2))
    year = ("b.fiscal_year = ?", [int(key[1])]) if key[0] == "fy" else ("TRUE", [])
    stated, first = sql.states_figure(f.kinds, "b", "x.figure"), sql.FIGURE_FIRST.format(b="b")
    query = f"""WITH x AS (SELECT unnest(?::VARCHAR[]) AS program_id, unnest(?::VARCHAR[]) AS document_id,
                              unnest(?::BIGINT[]) AS figure, unnest(?::BIGINT[]) AS n_figures),
             b AS MATERIALIZED (SELECT * FROM budgets WHERE {docs}),
             d AS MATERIALIZED (SELECT document_id, published_on, title, url FROM documents WHERE {in_d})
        SELECT 'budget' AS fact, b.budget_id, b.document_id, d.published_on, d.title, d.url,
               b.program_id, p.name AS program, b.amount_krw, b.unit_text, b.currency, b.kind, b.role, b.fiscal_year,
               b.state, NULL AS label, NULL AS detail,
               {stated} AND row_number() OVER (PARTITION BY b.program_id, b.document_id
                                               ORDER BY {stated} DESC, {first}) = 1 AS counted,
               b.evidence, count(*) OVER () AS n_total, x.n_figures, p.name_en AS program_en, NULL AS label_en
        FROM x JOIN b ON b.program_id = x.program_id AND b.document_id = x.document_id
        JOIN d ON d.document_id = b.document_id LEFT JOIN programs p ON p.program_id = b.program_id
        WHERE {year[0]} ORDER BY counted DESC, x.figure DESC NULLS LAST, d.published_on DESC NULLS LAST,
              b.amount_krw DESC NULLS LAST, b.budget_id LIMIT ?"""
    figs = [None if pd.isna(v) else int(v) for v in top["figure"]]
    lists = [list(top["program_id"]), list(top["document_id"]), figs, [int(n) for n in top["n_figures"]]]
    return sql.frame(con, query, [*lists, *dp, *ip, *year[1], limit])


@dataset(*EVIDENCE)
def evidence_facts(
    con: Con, *, filters: Filters, key: tuple[str, ...] = (), limit: int = PAGE
) -> pd.DataFrame:
    """The facts behind one chart point or count (`key`, see above), counted figures first, newest first."""
    if not key or key[0] not in ("pd", "p", "fy", "m", "kt", "dm", "b", *_FACTS) or len(key) < 2:
        return pd.DataFrame(columns=list(EVIDENCE))
    if key[0] == "b":  # one budget row: a revision series' point (its own sentence and document)
        return _budget_fact(con, key[1])
    if key[0] in ("pd", "p", "fy", "m", "kt"):
        return _money_facts(con, filters, key, limit)
    with_, wp = sql.with_(filters)
    if key[0] == "dm":  # documents published that month (in that language)
        lang = key[2] if len(key) > 2 else None
        cols = _ROW.format(fact="'document'", budget_id="NULL", money=_NO_MONEY, role="NULL", state="NULL",
                           label="x.title", detail="x.lang", evidence="NULL", label_en="NULL")  # fmt: skip
        cols = cols.replace("x.program_id", "s.main_program_id AS program_id")
        query = f"""{with_} SELECT {cols} FROM documents x JOIN documents d USING (document_id)
            LEFT JOIN document_stats s USING (document_id) LEFT JOIN programs p ON p.program_id = s.main_program_id
            WHERE {sql.doc_scope(filters, "x.document_id")[0]} AND date_trunc('month', x.published_on) = ?::DATE
              AND (?::VARCHAR IS NULL OR x.lang = ?) ORDER BY x.published_on DESC, x.document_id LIMIT ?"""
        return sql.frame(con, query, [*wp, key[1], lang, lang, limit])
    rows, cond, shown = _FACTS[key[0]]
    parts = {"fact": "NULL", "role": "NULL", "state": "NULL", "label": "NULL", "detail": "NULL", "label_en": "NULL",
             **shown}  # fmt: skip
    cols = _ROW.format(budget_id="NULL", money=_NO_MONEY, evidence="x.evidence", **parts)
    values = [key[1], key[-1], key[1], key[-1]] if key[0] == "ii" else [key[1]]
    where, params = sql.and_(sql.fact_scope(filters, "x", reviewed="state" in shown), (cond, values))
    query = f"""{with_} SELECT {cols} FROM {rows} JOIN documents d ON d.document_id = x.document_id
        LEFT JOIN programs p ON p.program_id = x.program_id
        WHERE {where} ORDER BY d.published_on DESC NULLS LAST, x.document_id LIMIT ?"""
    return sql.frame(con, query, [*wp, *params, limit])


def _budget_fact(con: Con, budget_id: str) -> pd.DataFrame:
    """The budget row a series point stands for, marked as the charted figure."""
    query = """SELECT 'budget' AS fact, b.budget_id, b.document_id, d.published_on, d.title, d.url, b.program_id,
               p.name AS program, b.amount_krw, b.unit_text, b.currency, b.kind, b.role, b.fiscal_year, b.state,
               NULL AS label, NULL AS detail, TRUE AS counted, b.evidence, 1::BIGINT AS n_total,
               NULL::BIGINT AS n_figures, p.name_en AS program_en, NULL AS label_en
        FROM budgets b JOIN documents d USING (document_id) LEFT JOIN programs p ON p.program_id = b.program_id
        WHERE b.budget_id = ?"""
    return sql.frame(con, query, [budget_id])


def figure_rows(con: Con, kinds: tuple[str, ...], heads: pd.DataFrame) -> pd.DataFrame:
    """The budget row stating each figure of `heads` (program_id, document_id, figure): its kind, role, unit,
    state and evidence (sql.states_figure; a total first, then the lowest budget_id). The candidate rows are
    fetched by document, through the budgets' document index, and matched here."""
    cols = ["program_id", "document_id", "budget_id", "kind", "role", "unit_text", "state", "evidence"]
    heads = heads.dropna(subset=["document_id", "figure"])
    if heads.empty:
        return pd.DataFrame(columns=cols)
    docs, dp = sql.ids_in("document_id", sorted(set(heads["document_id"])))
    stated = sql.states_figure(kinds, "b", "b.amount_krw")  # every condition but the amount, matched below
    # The document lookup alone, materialized: with more conditions beside it DuckDB scans instead of using the index.
    query = f"""WITH b AS MATERIALIZED (SELECT * FROM budgets WHERE {docs})
        SELECT {", ".join(cols)}, amount_krw AS figure FROM b WHERE {stated}"""
    rows = sql.frame(con, query, dp)
    keys = heads[["program_id", "document_id", "figure"]].astype({"figure": "int64"})
    rows = rows.astype({"figure": "int64"}).merge(keys, on=["program_id", "document_id", "figure"])
    rows = rows.assign(first=rows["kind"] != "total").sort_values(["first", "budget_id"])
    return rows.drop_duplicates(["program_id", "document_id"])[cols].reset_index(drop=True)


def head_kinds(con: Con, kinds: tuple[str, ...], heads: pd.DataFrame) -> pd.DataFrame:
    """The kind and role of each figure of `heads` (program_id, document_id, figure), read from doc_figures
    (a document's largest amount of each kind, budget rows only) by document, without touching budgets: the
    figure is the total when it is chosen and stated, else the chosen kind whose largest amount it is."""
    heads = heads.dropna(subset=["document_id", "figure"])
    if heads.empty:
        return pd.DataFrame(columns=["program_id", "kind", "role"])
    chosen = [k for k in KINDS if k in kinds] or [k.value for k in HEADLINE_KINDS]
    fig = sql.figure_expr(kinds)
    cases = " ".join(
        f"WHEN {k}_krw IS NOT NULL THEN '{k}'" if k == "total" else f"WHEN {k}_krw = {fig} THEN '{k}'"
        for k in (["total"] if "total" in chosen else []) + [k for k in chosen if k != "total"]
    )
    docs, dp = sql.ids_in("document_id", sorted(set(heads["document_id"])))
    query = f"""SELECT program_id, document_id, CASE {cases} END AS kind, '{MoneyRole.BUDGET}' AS role
        FROM doc_figures WHERE {docs}"""
    rows = sql.frame(con, query, dp)
    return heads[["program_id", "document_id"]].merge(rows, on=["program_id", "document_id"])[
        ["program_id", "kind", "role"]
    ]


def name_match(search: str, *cols: str) -> sql.Part:
    """Any of `cols` holds `search` (case-insensitive, % and _ literal); TRUE for no search."""
    if not search:
        return "TRUE", []
    return "(" + " OR ".join(f"{c} ILIKE ? {sql.ESC}" for c in cols) + ")", [sql.like_pattern(search)] * len(
        cols
    )


@dataset(
    "program_id", "program", "name_en", "amount_krw", "kind", "role", "unit_text", "state", "document_id",
    "announced_on", "title", "url", "evidence",
)  # fmt: skip
def counted_figures(
    con: Con,
    *,
    filters: Filters,
    search: str = "",
    part: str = "total",
    limit: int = PAGE,
    offset: int = 0,
    stored: bool = True,
) -> pd.DataFrame:
    """What the headline total adds: each root program's headline figure, largest first, with its document and
    the row stating it (kind, role, evidence). `search` matches the program's name. With part='national', the
    national figure of that same announcement instead (what the national share adds up). The row is the one
    program_stats names when the filters allow and `stored`, else found among the documents' rows."""
    with_, wp = sql.with_(filters, sql.money_ctes(filters))
    name, np_ = name_match(search, "p.name", "p.name_en")
    fig = "h.national_krw" if part == "national" else "h.headline_krw"
    stored = stored and sql.stored_heads(filters)  # program_stats names the row stating each headline figure
    row = ("s.national_budget_id" if part == "national" else "s.figure_budget_id") if stored else "NULL"
    query = f"""{with_} SELECT h.program_id, p.name AS program, p.name_en, {fig} AS amount_krw, h.head_doc AS document_id,
               {row} AS budget_id
        FROM prog_head h JOIN programs p USING (program_id) LEFT JOIN program_stats s USING (program_id)
        WHERE {sql.ROOTS} AND {fig} IS NOT NULL AND {name} ORDER BY {fig} DESC, h.program_id LIMIT ? OFFSET ?"""
    page = sql.frame(con, query, [*wp, *np_, limit, offset])
    docs, dp = sql.ids_in("document_id", sorted(set(page["document_id"])))  # by id: an index lookup
    dated = sql.frame(
        con, f"SELECT document_id, published_on AS announced_on, title, url FROM documents WHERE {docs}", dp
    )
    page = page.merge(dated, on="document_id", how="left")
    if stored:  # one row per figure, by id: a tenth of the rows of the page's documents
        ids, ip = sql.ids_in("budget_id", sorted(set(page["budget_id"].dropna())))
        rows = sql.frame(
            con, f"SELECT budget_id, kind, role, unit_text, state, evidence FROM budgets WHERE {ids}", ip
        )
        out = page.merge(rows, on="budget_id", how="left")
    else:
        kinds = ("national",) if part == "national" else filters.kinds
        rows = figure_rows(con, kinds, page.assign(figure=page["amount_krw"]))
        out = page.merge(rows.drop(columns=["budget_id"]), on=["program_id", "document_id"], how="left")
    return out[list(counted_figures.columns)]


# ---- rankings: complete, paged, searchable, one kind of figure at a time ---------------------------------


def _program_rows(f: Filters) -> sql.Part:
    """WITH scope + money CTEs + m: the programs mentioned in scope with their documents, dates and period."""
    where = sql.and_(sql.program_scope(f, "m.program_id"), sql.doc_scope(f, "m.document_id"))[0]
    latest = "struct_pack(d := coalesce(d.published_on, DATE '1900-01-01'), doc := d.document_id)"
    m = f"""m AS (SELECT m.program_id, count(*) AS n_documents, min(d.published_on) AS first_announced,
               max(d.published_on) AS last_announced,
               arg_max(struct_pack(s := m.start_year, e := m.end_year), {latest})
                   FILTER (m.start_year IS NOT NULL) AS y
        FROM program_mentions m JOIN documents d USING (document_id) WHERE {where} GROUP BY ALL)"""
    if sql.period_scope(f, "x")[0] == "TRUE":  # every program's mentions are summed up in program_stats
        m = f"""m AS (SELECT program_id, n_documents, first_announced, last_announced,
                  struct_pack(s := start_year, e := end_year) AS y FROM program_stats
            WHERE n_documents > 0 AND {sql.program_scope(f, "program_id")[0]})"""
    return sql.with_(f, sql.money_ctes(f), (m, []))


@dataset(
    "program_id", "program", "name_en", "aliases", "n_documents", "first_announced", "last_announced",
    "start_year", "end_year", "headline_krw", "kind", "role", "document_id",
)  # fmt: skip
def program_table(
    con: Con, *, filters: Filters, limit: int = 500, offset: int = 0, search: str = ""
) -> pd.DataFrame:
    """Programs mentioned in the selected documents, largest headline amounts first, with the kind and role of
    the row stating each headline figure and its document; `search` matches a name (Korean or English)."""
    with_, wp = _program_rows(filters)
    name, np_ = name_match(search, "p.name", "p.name_en")
    query = f"""{with_} SELECT m.program_id, p.name AS program, p.name_en,
               (SELECT string_agg(DISTINCT alias, ' | ') FROM program_aliases a
                WHERE a.program_id = m.program_id AND a.alias <> p.name) AS aliases,
               m.n_documents, m.first_announced, m.last_announced, m.y.s AS start_year, m.y.e AS end_year,
               h.headline_krw, h.head_doc AS document_id
        FROM m JOIN programs p USING (program_id) LEFT JOIN prog_head h USING (program_id) WHERE {name}
        ORDER BY h.headline_krw DESC NULLS LAST, m.n_documents DESC, p.name, m.program_id LIMIT ? OFFSET ?"""
    page = sql.frame(con, query, [*wp, *np_, limit, offset])
    rows = head_kinds(con, filters.kinds, page.assign(figure=page["headline_krw"]))
    out = page.merge(rows, on="program_id", how="left")
    return out[list(program_table.columns)]


@dataset("n_programs")
def program_count(con: Con, *, filters: Filters, search: str = "") -> pd.DataFrame:
    """How many rows program_table has for these filters and search (its page count)."""
    with_, wp = _program_rows(filters)
    name, np_ = name_match(search, "p.name", "p.name_en")
    query = f"{with_} SELECT count(*) AS n_programs FROM m JOIN programs p USING (program_id) WHERE {name}"
    return sql.frame(con, query, [*wp, *np_])


def _institution_rows(f: Filters, search: str) -> sql.Part:
    """WITH … SELECT of the institutions in scope (programs, documents) whose name holds `search`."""
    with_, wp = sql.with_(f, sql.inst_program_cte(f))
    rows = """(SELECT institution_id, count(program_id) AS n_programs, sum(n_documents)::BIGINT AS n_documents
               FROM ip GROUP BY ALL)"""
    if f.is_empty():  # stored per institution
        with_, wp, rows = "", [], "institution_stats"
    name, np_ = name_match(search, "i.name", "i.name_en")
    query = f"""{with_} SELECT s.institution_id, i.name AS institution, i.name_en, i.type, i.country, s.n_programs,
               s.n_documents FROM {rows} s JOIN institutions i USING (institution_id) WHERE {name}"""
    return query, [*wp, *np_]


@dataset("institution_id", "institution", "name_en", "type", "country", "n_programs", "n_documents", "roles")
def institution_ranking(
    con: Con, *, filters: Filters, limit: int = 30, offset: int = 0, search: str = ""
) -> pd.DataFrame:
    """Institutions ranked by how many selected programs they take part in, with their roles (`lead:2 participant:5`,
    documents per role). No money: no fact assigns an amount to an institution, only to programs."""
    query, params = _institution_rows(filters, search)
    page = sql.frame(
        con,
        f"{query} ORDER BY s.n_programs DESC, s.n_documents DESC, i.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    ids, ip = sql.ids_in("pa.institution_id", list(page["institution_id"]))
    with_, wp = sql.with_(filters)
    where, fp = sql.and_(sql.fact_scope(filters, "pa"), sql.itype_scope(filters), (ids, ip))
    order = ", ".join(f"'{r}'" for r in values(ParticipationRole))
    roles = sql.frame(con, f"""{with_} SELECT institution_id, string_agg(role || ':' || n, ' '
                                   ORDER BY list_position([{order}], role)) AS roles
        FROM (SELECT pa.institution_id, pa.role, count(*) AS n FROM participations pa
              JOIN institutions i USING (institution_id) WHERE {where} GROUP BY ALL) GROUP BY ALL""", [*wp, *fp])  # fmt: skip
    return page.merge(roles, on="institution_id", how="left")[list(institution_ranking.columns)]


@dataset("n_institutions")
def institution_count(con: Con, *, filters: Filters, search: str = "") -> pd.DataFrame:
    """How many rows institution_ranking has for these filters and search (its page count)."""
    query, params = _institution_rows(filters, search)
    return sql.frame(con, f"SELECT count(*) AS n_institutions FROM ({query})", params)
