"""ui/queries.py: every dataset on synthetic and empty databases, the filters, and the money semantics."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import aggregates
from etl.db import transaction
from ui import counted, events, evidence, left_out, queries, review, sql
from ui.filters import Filters, from_params, to_params, view_from_params, view_to_params

NAMES = sorted(queries.DATASETS)
# Datasets that list options or one document by id: filters deliberately do not apply.
UNFILTERED = {
    "period_bounds",
    "program_options",
    "institution_options",
    "country_options",
    "source_health",
    "review_problems",
    "figure_history",  # a program's whole record over versions
    "figure_history_count",
}
BY_ID = {"document_text", "document_facts"}
BY_TABLE = {"document_tables", "table_cells"}  # one document's tables: a document that has one
EOK = 10**8


def run(con: duckdb.DuckDBPyConnection, name: str, f: Filters | None = None, **kw: object) -> pd.DataFrame:
    return queries.DATASETS[name](con, filters=f or Filters(), **kw)


def _id_args(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, object]:
    if name in BY_TABLE:
        row = con.execute("SELECT min(document_id) FROM document_tables").fetchone()
        return {"document_id": row[0] or "none"}
    if name in BY_ID:
        row = con.execute("SELECT document_id FROM documents ORDER BY document_id LIMIT 1").fetchone()
        return {"document_id": row[0] if row else "none"}
    if name == "program_family":  # a program with sub-programs (bench.synth_db gives every tenth a parent)
        row = con.execute("SELECT min(parent_id) FROM programs").fetchone()
        return {"program_id": row[0]}
    if name == "evidence_facts":  # the facts behind a program's headline figure (a chart point's key)
        row = con.execute("SELECT min(program_id) FROM budgets").fetchone()
        return {"key": ("p", row[0] or "none")}
    if name == "left_out_facts":
        return {"reason": "superseded"}
    if name == "program_revisions":
        row = con.execute("SELECT program_id FROM programs ORDER BY program_id LIMIT 1").fetchone()
        return {"program_id": row[0] if row else None}
    if name in (
        "program_changes",
        "figure_history",
        "figure_history_count",
    ):  # the program with the most money rows
        row = con.execute(
            "SELECT program_id FROM budgets WHERE program_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
        ).fetchone()
        return {"program_id": row[0] if row else None}
    return {}


def test_every_public_function_is_a_dataset() -> None:
    modules = {
        queries.__name__,
        evidence.__name__,
        review.__name__,
        counted.__name__,
        events.__name__,
        left_out.__name__,
    }
    public = {
        n
        for n, v in vars(queries).items()
        if callable(v) and not n.startswith("_") and getattr(v, "__module__", "") in modules
    }
    assert public == set(queries.DATASETS)
    assert len(NAMES) >= 25


@pytest.mark.parametrize("name", NAMES)
def test_declared_columns_on_synthetic_db(synth_con: duckdb.DuckDBPyConnection, name: str) -> None:
    df = run(synth_con, name, **_id_args(synth_con, name))
    assert tuple(df.columns) == queries.DATASETS[name].columns
    assert len(df) > 0, f"{name} returned nothing on the synthetic database"


@pytest.mark.parametrize("name", NAMES)
def test_declared_columns_on_empty_db(empty_db: Path, name: str) -> None:
    with duckdb.connect(str(empty_db), read_only=True) as con:
        df = run(con, name, Filters(year_from=2020, kinds=("total",), q="x"), **_id_args(con, name))
    assert tuple(df.columns) == queries.DATASETS[name].columns
    counts = {"fact_counts", "program_count", "institution_count", "figure_history_count"}
    assert name in {"period_bounds", "overview_metrics", "kind_totals", *counts} or df.empty


@pytest.mark.parametrize("name", sorted(set(NAMES) - UNFILTERED - BY_ID - BY_TABLE))
def test_a_filter_matching_nothing_empties_the_dataset(
    synth_con: duckdb.DuckDBPyConnection, name: str
) -> None:
    df = run(synth_con, name, Filters(program="no-such-program"))  # program_revisions follows the filter
    if name == "overview_metrics":
        assert df.iloc[0]["n_programs"] == 0 and df.iloc[0]["n_documents"] == 0
        assert pd.isna(df.iloc[0]["total_krw"])
    elif name in ("fact_counts", "program_count", "institution_count"):
        assert df.iloc[0].tolist() == [0] * len(df.columns)
    else:
        assert df.empty


FILTER_SETS = [
    Filters(),
    Filters(year_from=2021, year_to=2023),
    Filters(kinds=("national", "local")),
    Filters(itypes=("university",), q="AI", country="CA"),
]


@pytest.fixture(scope="module")
def pre_m003_db(synth_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic database as a file written before the derived tables existed."""
    path = tmp_path_factory.mktemp("old") / "policy.duckdb"
    shutil.copy(synth_db, path)
    with duckdb.connect(str(path)) as con:
        for table in aggregates.DERIVED:
            con.execute(f"DROP TABLE {table}")
    return path


@pytest.mark.parametrize("f", FILTER_SETS, ids=["none", "period", "kinds", "mixed"])
def test_a_file_without_derived_tables_gives_the_same_results(
    synth_db: Path, pre_m003_db: Path, f: Filters
) -> None:
    """open_prepared builds the derived tables in memory for an older file: the answers stay the same."""
    raw = duckdb.connect(str(synth_db), read_only=True)
    prepared = sql.open_prepared(str(pre_m003_db))
    try:
        for name in NAMES:
            kw = _id_args(raw, name)
            pd.testing.assert_frame_equal(run(raw, name, f, **kw), run(prepared, name, f, **kw), obj=name)
    finally:
        raw.close()
        prepared.close()


def test_program_filter_keeps_only_that_program(synth_con: duckdb.DuckDBPyConnection) -> None:
    pid, name = synth_con.execute(
        "SELECT program_id, name FROM programs ORDER BY program_id LIMIT 1"
    ).fetchone()
    f = Filters(program=pid)
    assert set(run(synth_con, "budget_facts", f)["program_id"]) == {pid}
    assert set(run(synth_con, "program_table", f)["program_id"]) == {pid}
    assert set(run(synth_con, "kind_breakdown", f)["program"]) == {name}
    assert run(synth_con, "overview_metrics", f).iloc[0]["n_programs"] == 1
    all_docs = len(run(synth_con, "document_list", Filters(), limit=10_000))
    assert 0 < len(run(synth_con, "document_list", f, limit=10_000)) < all_docs


def test_period_kind_type_and_country_filters(synth_con: duckdb.DuckDBPyConnection) -> None:
    months = run(synth_con, "announcements_by_month", Filters(year_from=2021, year_to=2022))["month"]
    assert months.min() >= pd.Timestamp("2021-01-01") and months.max() <= pd.Timestamp("2022-12-31")
    assert set(run(synth_con, "budget_facts", Filters(kinds=("local",)))["kind"]) == {"local"}
    types = run(synth_con, "participation_facts", Filters(itypes=("university", "research")))["type"]
    assert set(types) <= {"university", "research"} and len(types) > 0
    countries = run(synth_con, "country_facts", Filters(country="CA"))
    assert len(countries) > 0
    # A partner country selects programs: every document shown belongs to a program with that partner.
    progs = set(synth_con.execute("SELECT program_id FROM program_countries WHERE country = 'CA'").fetchall())
    shown = set(run(synth_con, "budget_facts", Filters(country="CA"))["program_id"])
    assert shown <= {p for (p,) in progs}


def test_agency_and_institution_select_their_programs(synth_con: duckdb.DuckDBPyConnection) -> None:
    iid = synth_con.execute(
        "SELECT institution_id FROM participations GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()[0]
    theirs = {
        r[0]
        for r in synth_con.execute(
            "SELECT program_id FROM participations WHERE institution_id = ?", [iid]
        ).fetchall()
    }
    for f in (Filters(agency=iid), Filters(institution=iid)):
        assert set(run(synth_con, "program_table", f)["program_id"]) == theirs
    ranking = run(synth_con, "institution_ranking", Filters(institution=iid), limit=1000)
    assert iid in set(ranking["institution_id"])  # co-participants include the institution itself


# ---- money semantics on a hand-made database ------------------------------------------------------------


@pytest.fixture
def money(money_db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(money_db), read_only=True)
    yield con
    con.close()


def test_headline_is_latest_announcement_total_summed_once_per_program(
    money: duckdb.DuckDBPyConnection,
) -> None:
    m = run(money, "overview_metrics").iloc[0]
    # A: 946억 then revised to 1,000억 (not 1,946억, not plus its 500억 national part); B: 300억 unspecified.
    # The USD row and the 50억 without a program are not totalled.
    assert m["total_krw"] == 1300 * EOK
    assert (m["national_krw"], m["national_base_krw"]) == (500 * EOK, 1000 * EOK)
    assert (m["n_programs"], m["n_documents"], m["n_institutions"], m["n_sites"]) == (2, 4, 3, 1)
    table = run(money, "program_table").set_index("program_id")["headline_krw"]
    assert table.to_dict() == {"pa": 1000 * EOK, "pb": 300 * EOK}


def test_revisions_cumulative_and_fiscal_years(money: duckdb.DuckDBPyConnection) -> None:
    rev = run(money, "program_revisions", program_id="pa")
    totals = rev[rev["kind"] == "total"]  # 2024–2028 then 2024–2029: the years covered changed, two series
    assert list(totals["amount_krw"]) == [946 * EOK, 1000 * EOK] and totals["series"].nunique() == 2
    changes = run(money, "program_changes", program_id="pa")  # the fiscal-year 2025 line moved 200억 → 250억
    assert changes[["from_krw", "to_krw", "change_pct"]].values.tolist() == [[200 * EOK, 250 * EOK, 25.0]]
    cum = run(money, "cumulative_totals")
    assert list(cum["change_krw"]) == [946 * EOK, 54 * EOK, 300 * EOK]
    assert cum["cumulative_krw"].iloc[-1] == run(money, "overview_metrics").iloc[0]["total_krw"]
    years = run(money, "money_by_fiscal_year")
    assert years.to_dict("list") == {"fiscal_year": [2025], "amount_krw": [250 * EOK], "n_programs": [1]}


def test_kind_breakdown_parts_add_up_to_the_headline(money: duckdb.DuckDBPyConnection) -> None:
    mix = run(money, "kind_breakdown")
    a = mix[mix["program_id"] == "pa"].set_index("kind")["amount_krw"].to_dict()
    assert a == {"national": 500 * EOK, "unspecified": 500 * EOK}
    totals = run(money, "kind_totals").set_index("kind")["amount_krw"].to_dict()
    assert totals == {"national": 500 * EOK, "unspecified": 800 * EOK}


def test_parts_larger_than_the_headline_are_capped(money_db: Path, tmp_path: Path) -> None:
    """Extraction noise (a national part above the total) must not give a share above 100%."""
    path = tmp_path / "capped.duckdb"
    shutil.copy(money_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("""
            INSERT INTO documents (document_id, source, published_on, content_hash, text)
                VALUES ('d5', 's5', DATE '2025-08-01', 'h5', 't');
            INSERT INTO programs (program_id, name, name_en, norm_key) VALUES ('pc', 'C 사업', NULL, 'c');
            INSERT INTO budgets (budget_id, document_id, program_id, seq, currency, amount_krw, kind, announced_on,
                                 evidence, ev_start, ev_end) VALUES
              ('d5:0', 'd5', 'pc', 0, 'KRW', 10000000000, 'total', DATE '2025-08-01', 'e', 0, 1),
              ('d5:1', 'd5', 'pc', 1, 'KRW', 15000000000, 'national', DATE '2025-08-01', 'e', 0, 1),
              ('d5:2', 'd5', 'pc', 2, 'KRW', 3000000000, 'local', DATE '2025-08-01', 'e', 0, 1);
        """)
        with transaction(con):
            aggregates.rebuild(con)
        mix = run(con, "kind_breakdown", Filters(program="pc")).set_index("kind")["amount_krw"].to_dict()
        m = run(con, "overview_metrics").iloc[0]
    assert mix == {"national": 100 * EOK, "local": 0, "unspecified": 0}
    assert (m["national_krw"], m["national_base_krw"]) == (600 * EOK, 1100 * EOK)


def test_kind_and_period_filters_change_the_headline(money: duckdb.DuckDBPyConnection) -> None:
    assert run(money, "overview_metrics", Filters(kinds=("national",))).iloc[0]["total_krw"] == 500 * EOK
    m = run(money, "overview_metrics", Filters(year_to=2024)).iloc[0]
    assert (m["total_krw"], m["n_documents"]) == (946 * EOK, 1)


def test_program_level_filters(money: duckdb.DuckDBPyConnection) -> None:
    def programs(f: Filters) -> set[str]:
        return set(run(money, "program_table", f)["program_id"])

    assert programs(Filters(itypes=("government",))) == {"pa"}
    assert programs(Filters(country="CA")) == {"pa"}
    assert programs(Filters(q="program")) == {"pa", "pb"}  # aliases and English names, any case
    assert programs(Filters(q="A 사")) == {"pa"}
    assert programs(Filters(q="%")) == set()  # wildcards are literal


def test_full_text_search(money: duckdb.DuckDBPyConnection) -> None:
    def found(word: str) -> list[str]:
        return sorted(run(money, "document_list", search=word)["document_id"])

    assert found("waterloo") == ["d1"]  # ILIKE: case does not matter
    assert found("국비") == ["d1", "d2"]
    assert found("100%") == ["d3"] and found("_") == []


def test_document_facts_and_institution_datasets(money: duckdb.DuckDBPyConnection) -> None:
    facts = run(money, "document_facts", document_id="d1")
    assert list(facts["fact"]).count("budget") == 3 and "participation" in set(facts["fact"])
    ranking = run(money, "institution_ranking").set_index("institution_id")
    assert ranking.loc["i2", "n_programs"] == 2 and ranking.loc["i2", "roles"] == "lead:2"  # d1 and d3
    assert ranking.loc["i1", "roles"] == "funder:1" and "money_krw" not in ranking  # no fact gives it money
    pairs = run(money, "coparticipation")
    assert len(pairs) == 9  # i1, i2, i3 share A (every ordered pair); B adds to i2's own count
    assert (
        pairs.set_index(["institution_a", "institution_b"]).loc[
            ("한국과학기술원", "한국과학기술원"), "n_programs"
        ]
        == 2
    )
    partners = run(money, "partner_countries").set_index("iso2")
    assert partners.loc["CA", "n_programs"] == 1 and partners.loc["CA", "n_institutions"] == 1


# ---- filters ⇄ query parameters --------------------------------------------------------------------------


def test_filters_round_trip_through_query_params() -> None:
    f = Filters(2020, 2024, "i1", "pa", "i2", ("university", "government"), "CA", "AI 반도체", ("total",))
    assert from_params(to_params(f)) == f
    assert to_params(Filters()) == {}


def test_malformed_query_params_are_ignored() -> None:
    f = from_params(
        {
            "from": "20x",
            "to": "2023",
            "kind": ["national", "bogus"],
            "itype": "university,nope",
            "country": "ca",
        }
    )
    assert f == Filters(year_to=2023, kinds=("national",), itypes=("university",), country="CA")
    assert from_params({"from": "2025", "to": "2020"}).year_from == 2020  # swapped into order
    assert view_from_params(view_to_params(view_from_params({"lang": "en", "won": "exact"}))).exact
    assert view_from_params({"lang": "fr"}).lang == "ko"


# ---- stored (derived) rows and paging ----------------------------------------------------------------------

EVERY_DATE = Filters(year_from=1900, year_to=2100)  # selects everything, but computes from the facts
LISTS = (
    "budget_facts",
    "program_documents",
    "participation_facts",
    "country_facts",
    "site_map",
    "document_list",
)


def _all_rows(name: str) -> dict[str, int]:
    return {"limit": 100_000} if name in LISTS or name in {"program_table", "budget_timeline"} else {}


@pytest.mark.parametrize("name", sorted(set(NAMES) - UNFILTERED - BY_ID))
def test_stored_rows_give_the_computed_answer(synth_con: duckdb.DuckDBPyConnection, name: str) -> None:
    """No filter reads the derived tables; a period covering every date computes from the facts instead."""
    assert synth_con.execute("SELECT count(*) FROM documents WHERE published_on IS NULL").fetchone()[0] == 0
    kw = {**_id_args(synth_con, name), **_all_rows(name)}
    stored, computed = run(synth_con, name, Filters(), **kw), run(synth_con, name, EVERY_DATE, **kw)
    assert len(stored) > 0
    pd.testing.assert_frame_equal(stored, computed, obj=name)


def test_stored_revisions_give_the_computed_answer(synth_con: duckdb.DuckDBPyConnection) -> None:
    """No kinds chosen means the three headline kinds: choosing them gives the same series."""
    for (pid,) in synth_con.execute("SELECT program_id FROM programs ORDER BY program_id LIMIT 5").fetchall():
        stored = run(synth_con, "program_revisions", program_id=pid)
        computed = run(
            synth_con,
            "program_revisions",
            Filters(kinds=("total", "national", "unspecified")),
            program_id=pid,
        )
        pd.testing.assert_frame_equal(stored, computed)


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("f", [Filters(), Filters(year_from=2021), Filters(kinds=("local",), itypes=("university",))],
                         ids=["stored", "period", "filtered"])  # fmt: skip
def test_pages_add_up_to_the_whole_list(synth_con: duckdb.DuckDBPyConnection, name: str, f: Filters) -> None:
    whole = run(synth_con, name, f, limit=100_000)
    size = 37
    pages = [run(synth_con, name, f, limit=size, offset=k) for k in range(0, len(whole) + size, size)]
    assert all(len(p) <= size for p in pages) and pages[-1].empty
    glued = pd.concat([p for p in pages if len(p)], ignore_index=True)
    pd.testing.assert_frame_equal(glued, whole, obj=name, check_dtype=False)
    counts = run(synth_con, "fact_counts", f).iloc[0]
    column = {"budget_facts": "n_budgets", "program_documents": "n_mentions", "participation_facts": "n_participations",
              "country_facts": "n_countries", "site_map": "n_sites", "document_list": "n_documents"}[name]  # fmt: skip
    assert counts[column] == len(whole)


def test_list_sizes_count_zero_for_an_empty_period(synth_con: duckdb.DuckDBPyConnection) -> None:
    counts = run(synth_con, "fact_counts", Filters(year_from=1900, year_to=1901)).iloc[0]
    assert counts.tolist() == [0] * len(counts)
