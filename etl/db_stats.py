"""What the `stats` and `export` commands read: row counts, date span, money per kind, English-label share."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.extract.places import facility_name_en
from etl.romanize import has_hangul


def stats_rows(con: duckdb.DuckDBPyConnection) -> tuple[tuple[object, object], list[tuple[str, int, int]]]:
    """(first, last publication date) and (kind, count, sum of won) per budget kind, for `etl stats`."""
    [span] = con.execute("SELECT min(published_on), max(published_on) FROM documents").fetchall()
    kinds = con.execute(
        "SELECT kind, count(*), coalesce(sum(amount_krw), 0) FROM budgets GROUP BY kind ORDER BY kind"
    ).fetchall()
    return span, kinds


# A label has a real English name when one is stored (programs, institutions), when the gazetteer gives the
# facility one (etl/extract/places.py facility_name_en, by the site's norm_key), or when the name itself has
# no Hangul (a site named in an English article). Counted over what the dashboard shows: programs some
# document mentions, institutions taking part in something, and facilities (one per norm_key).
LABEL_SHARE_SQL = """
SELECT 'programs', count(*) FILTER (p.name_en IS NOT NULL AND p.name_en <> ''), count(*)
    FROM programs p WHERE p.program_id IN (SELECT program_id FROM program_mentions)
UNION ALL
SELECT 'institutions', count(*) FILTER (i.name_en IS NOT NULL AND i.name_en <> ''), count(*)
    FROM institutions i WHERE i.institution_id IN (SELECT institution_id FROM participations)"""
SITE_NAMES_SQL = "SELECT norm_key, first(name) FROM sites GROUP BY norm_key"


def english_label_share(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(label kind, labels with a real English name, labels shown) for programs, institutions and sites."""
    shares = con.execute(LABEL_SHARE_SQL).fetchall()
    sites = con.execute(SITE_NAMES_SQL).fetchall()
    named = sum(1 for key, name in sites if facility_name_en(key) or not has_hangul(name))
    return [*shares, ("sites", named, len(sites))]


def export_table(con: duckdb.DuckDBPyConnection, table: str, target: Path, fmt: str) -> None:
    """Write one table as CSV or Parquet (`table` comes from table_counts, i.e. the catalog)."""
    rel = con.sql(f'SELECT * FROM "{table}"')
    if fmt == "csv":
        rel.write_csv(str(target))
    else:
        rel.write_parquet(str(target))


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table (for `stats` and tests)."""
    names = [
        r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()
    ]
    # Table names come from the catalog, not from users; identifiers cannot be bound as parameters.
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchall()[0][0] for n in names}


def event_counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(documents grouped, events): how many announcements the documents report (etl/events.py)."""
    [(n_docs, n_events)] = con.execute(
        "SELECT count(*), count(DISTINCT event_id) FROM event_documents"
    ).fetchall()
    return int(n_docs), int(n_events)
