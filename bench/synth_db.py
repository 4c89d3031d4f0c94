"""A synthetic policy database with the real schema, generated inside DuckDB so millions of rows take seconds.

Every value is pseudo-random from `hash(seed, row, salt)`, so the same arguments give the same database.
Some fields are missing on purpose, as in real extractions: English names (30%), a mention's years (15%, and every mention of every tenth program),
document URLs (20%) and titles (3%), site coordinates (20%) and areas (10%).
Documents are built from their own fact sentences, so every evidence span slices its document text
exactly (`text[ev_start:ev_end] == evidence`), as the ETL guarantees for real data.

    python -m bench.synth_db OUT.duckdb --budgets 1000000 [--docs 100000] [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import io
import time
from pathlib import Path

import duckdb

from bench.synth_vocab import BUILTIN_INSTITUTIONS, COUNTRIES, PREFIXES, REGIONS, SUFFIXES, TOPICS
from etl import aggregates, events
from etl.config import RESOURCES
from etl.db import connect, transaction

MAX_PROGRAMS = 5000

# Parameters arrive as DuckDB variables (seed, n_docs, n_programs, n_budgets, per_doc): values are bound, never
# formatted into the SQL. Stages are temp tables so each statement stays readable.
PROGRAMS_SQL = """
CREATE OR REPLACE TEMP MACRO rnd(i, salt) AS (hash(i, getvariable('seed'), salt) % 1000000)::DOUBLE / 1000000;
CREATE OR REPLACE TEMP TABLE s_programs AS
SELECT i AS pidx, r.ridx, md5('program:' || i || ':' || getvariable('seed'))[:16] AS program_id,
       r.name || ' ' || pf.ko || ' ' || tp.ko || ' ' || sf.ko
         || CASE WHEN i >= 2720 THEN ' ' || (i // 2720 + 1) || '단계' ELSE '' END AS name,
       pf.en || ' ' || tp.en || ' ' || sf.en || ' (' || r.name_en || ')'
         || CASE WHEN i >= 2720 THEN ' phase ' || (i // 2720 + 1) ELSE '' END AS name_en,
       2019 + (hash(i, getvariable('seed'), 'start') % 7)::INT AS start_year,
       2 + (hash(i, getvariable('seed'), 'span') % 5)::INT AS span,
       round(pow(10, 5 * pow(rnd(i, 'base'), 1.5)))::BIGINT * 100000000 AS base_krw
FROM range(getvariable('n_programs')) t(i)
JOIN s_regions r ON r.ridx = i % 17
JOIN s_prefixes pf ON pf.idx = (i // 17) % 4
JOIN s_topics tp ON tp.idx = (i // 68) % 10
JOIN s_suffixes sf ON sf.idx = (i // 680) % 4;
CREATE OR REPLACE TEMP TABLE s_docs AS
SELECT i AS didx, md5('doc:' || i || ':' || getvariable('seed'))[:16] AS document_id,
       least(floor(getvariable('n_programs') * pow(rnd(i, 'prog'), 2))::INT, getvariable('n_programs') - 1) AS pidx,
       DATE '2019-01-01' + floor(rnd(i, 'date') * 2922)::INT AS published_on,
       CASE WHEN rnd(i, 'lang') < 0.2 THEN 'en' ELSE 'ko' END AS lang,
       0.85 + 0.3 * rnd(i, 'rev') AS rev
FROM range(getvariable('n_docs')) t(i);
"""

BUDGETS_SQL = """
CREATE OR REPLACE TEMP TABLE s_budgets AS
WITH b AS (
  SELECT i AS bidx, d.document_id, d.lang, d.published_on, d.rev, (i % getvariable('per_doc'))::INT AS seq, p.*
  FROM range(getvariable('n_budgets')) t(i)
  JOIN s_docs d ON d.didx = i // getvariable('per_doc')
  JOIN s_programs p ON p.pidx = d.pidx
), k AS (
  SELECT *, (round(base_krw * rev / 1e6) * 1e6)::BIGINT AS total,
         CASE seq WHEN 0 THEN 'total' WHEN 1 THEN 'national' WHEN 2 THEN 'local' WHEN 3 THEN 'private'
              ELSE 'unspecified' END AS kind,
         CASE WHEN seq >= 4 AND seq - 4 < span THEN start_year + seq - 4 END AS fiscal_year,
         seq >= 4 AND rnd(bidx, 'usd') < 0.01 AS is_usd
  FROM b
), a AS (
  SELECT *, CASE seq WHEN 0 THEN total WHEN 1 THEN (round(total * 0.55 / 1e6) * 1e6)::BIGINT
                     WHEN 2 THEN (round(total * 0.2 / 1e6) * 1e6)::BIGINT
                     -- the private part is what is left of the total, except in 3 % of documents where it is
                     -- stated 10 % larger (parts that do not add up, as real releases sometimes have)
                     WHEN 3 THEN ((total - (round(total * 0.55 / 1e6) * 1e6)::BIGINT - (round(total * 0.2 / 1e6) * 1e6)::BIGINT)
                                  * CASE WHEN rnd(bidx, 'odd') < 0.03 THEN 1.1 ELSE 1 END)::BIGINT
                     WHEN seq - 4 < span THEN (round(total / span / 1e6) * 1e6)::BIGINT
                     ELSE (round(total * (0.05 + 0.25 * rnd(bidx, 'sub')) / 1e6) * 1e6)::BIGINT END AS krw
  FROM k
), u AS (
  SELECT *, CASE WHEN is_usd THEN 'USD ' || round(krw / 1.3e9, 1) || ' million'
                 WHEN lang = 'en' THEN 'KRW ' || round(krw / 1e9, 1) || ' billion'
                 WHEN krw >= 1000000000000 THEN round(krw / 1e12, 1) || '조원'
                 WHEN krw >= 100000000 THEN format('{:,}억', krw // 100000000)
                      || CASE WHEN krw % 100000000 >= 10000 THEN format(' {:,}만원', (krw % 100000000) // 10000)
                              ELSE '원' END
                 ELSE format('{:,}만원', krw // 10000) END AS unit_text
  FROM a
)
SELECT bidx, document_id, seq,
       CASE WHEN kind = 'unspecified' AND rnd(bidx, 'orphan') < 0.02 THEN NULL ELSE program_id END AS program_id,
       CASE WHEN is_usd THEN round(krw / 1.3e9, 1) WHEN lang = 'en' THEN round(krw / 1e9, 1)
            WHEN krw >= 1000000000000 THEN round(krw / 1e12, 1) ELSE krw / 1e8 END AS amount,
       unit_text, CASE WHEN is_usd THEN 'USD' ELSE 'KRW' END AS currency,
       CASE WHEN is_usd THEN NULL ELSE krw END AS amount_krw, kind, fiscal_year, published_on AS announced_on,
       CASE WHEN lang = 'en' THEN CASE
              WHEN kind = 'total' THEN format('The {} is funded with {} in total.', name_en, unit_text)
              WHEN kind = 'national' THEN format('Of this, {} comes from the national budget.', unit_text)
              WHEN kind = 'local' THEN format('Local governments add {}.', unit_text)
              WHEN kind = 'private' THEN format('Private partners invest {}.', unit_text)
              WHEN fiscal_year IS NOT NULL THEN format('For {}, {} is set aside.', fiscal_year, unit_text)
              ELSE format('A sub-project receives {}.', unit_text) END
            ELSE CASE
              WHEN kind = 'total' THEN format('{}에는 총 {}이 투입된다.', name, unit_text)
              WHEN kind = 'national' THEN format('이 가운데 국비는 {}이다.', unit_text)
              WHEN kind = 'local' THEN format('지방비 {}도 함께 들어간다.', unit_text)
              WHEN kind = 'private' THEN format('민간 투자는 {} 규모다.', unit_text)
              WHEN fiscal_year IS NOT NULL THEN format('{}년 예산으로 {}이 편성됐다.', fiscal_year, unit_text)
              ELSE format('세부 과제에 {}이 배정됐다.', unit_text) END
       END AS sentence
FROM u;
"""

FACTS_SQL = """
CREATE OR REPLACE TEMP TABLE s_mentions AS
SELECT d.document_id, d.didx, p.pidx, p.program_id, p.start_year, p.start_year + p.span - 1 AS end_year,
       CASE WHEN d.lang = 'en' THEN p.name_en ELSE p.name END AS name_seen,
       CASE WHEN d.lang = 'en' THEN format('{} {} announced', 'Government', p.name_en)
            ELSE format('{} {}', p.name, ['발표', '출범', '예산 확정', '추진 계획', '성과 보고'][1 + d.didx % 5]) END AS title,
       CASE WHEN d.lang = 'en' THEN format('The {} runs from {} to {}.', p.name_en, p.start_year, p.start_year + p.span - 1)
            ELSE format('{}은 {}년부터 {}년까지 추진된다.', p.name, p.start_year, p.start_year + p.span - 1) END AS sentence
FROM s_docs d JOIN s_programs p USING (pidx);
CREATE OR REPLACE TEMP TABLE s_parts AS
WITH slots AS (
  SELECT i // 5 AS didx, (i % 5)::INT AS slot,
         CASE i % 5 WHEN 0 THEN 'gov' WHEN 1 THEN 'acad' ELSE 'all' END AS pool, rnd(i, 'inst') AS r
  FROM range(getvariable('n_docs') * 5) t(i)
  WHERE i % 5 < 3 + hash(i // 5, getvariable('seed'), 'nparts') % 3
), picked AS (
  SELECT s.didx, min(s.slot) AS slot, ip.institution_id
  FROM slots s JOIN s_pool_size ps USING (pool)
  JOIN s_inst_pick ip ON ip.pool = s.pool AND ip.rank = floor(pow(s.r, 1.6) * ps.n)::INT
  GROUP BY ALL
)
SELECT pk.didx, m.document_id, m.program_id, pk.institution_id, i.name, i.country,
       CASE WHEN pk.slot = 0 THEN 'funder' WHEN pk.slot = 1 THEN 'lead'
            WHEN coalesce(i.country, 'KR') <> 'KR' THEN 'partner' ELSE 'participant' END AS role
FROM picked pk JOIN s_mentions m USING (didx) JOIN s_inst i USING (institution_id);
CREATE OR REPLACE TEMP TABLE s_countries AS
SELECT m.document_id, m.didx, m.program_id, c.iso2,
       CASE WHEN d.lang = 'en' THEN format('Joint research with partners in {} is planned.', c.name_en)
            ELSE format('{}와 국제공동연구를 추진한다.', c.name_ko) END AS sentence
FROM s_mentions m JOIN s_docs d USING (didx)
JOIN s_country_pick c ON c.rank = hash(m.didx, getvariable('seed'), 'cty') % (SELECT count(*) FROM s_country_pick)
WHERE rnd(m.didx, 'has_cty') < 0.3;
CREATE OR REPLACE TEMP TABLE s_sites AS
SELECT m.document_id, m.didx, m.program_id, r.name || ' ' || t.ko || ' 센터' AS site_name,
       lower(replace(r.name || t.ko, ' ', '')) || '-' || p.pidx AS norm_key,
       r.name || ' ' || ['중구', '남구', '북구', '동구', '서구'][1 + p.pidx % 5] || ' 연구로 ' || (1 + p.pidx % 300) AS address,
       round(500 + 29500 * rnd(p.pidx, 'area'))::DOUBLE AS area_m2,
       CASE WHEN year(d.published_on) > p.start_year THEN 'open' ELSE 'planned' END AS status,
       p.start_year + 1 AS year,
       r.lat + (rnd(p.pidx, 'lat') - 0.5) * 0.12 AS lat, r.lon + (rnd(p.pidx, 'lon') - 0.5) * 0.12 AS lon
FROM s_mentions m JOIN s_docs d USING (didx) JOIN s_programs p ON p.pidx = m.pidx
JOIN s_regions r ON r.ridx = p.ridx JOIN s_topics t ON t.idx = (p.pidx // 68) % 10
WHERE rnd(m.didx, 'has_site') < 0.25;
"""

# Each document is its facts' sentences joined by newlines; offsets come from a running sum of lengths.
TEXT_SQL = """
CREATE OR REPLACE TEMP TABLE s_sents AS
WITH parts AS (
  SELECT document_id, string_agg(name, ', ' ORDER BY name) AS names FROM s_parts GROUP BY ALL
), sents AS (
  SELECT document_id, 0::BIGINT AS ord, title AS s FROM s_mentions
  UNION ALL SELECT document_id, 1, sentence FROM s_mentions
  UNION ALL SELECT document_id, 10 + seq, sentence FROM s_budgets
  UNION ALL SELECT document_id, 10000000, format('{}이(가) 참여한다.', names) FROM parts
  UNION ALL SELECT document_id, 10000001, sentence FROM s_countries
  UNION ALL SELECT document_id, 10000002, format('{}은 {}에 {:,}㎡ 규모로 {}.', site_name, address,
      area_m2::BIGINT, CASE status WHEN 'open' THEN '문을 열었다' ELSE '들어설 예정이다' END) FROM s_sites
)
SELECT document_id, ord, s,
       coalesce(sum(length(s) + 1) OVER (PARTITION BY document_id ORDER BY ord
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INTEGER AS ev_start
FROM sents;
CREATE OR REPLACE TEMP TABLE s_text AS
SELECT document_id, string_agg(s, chr(10) ORDER BY ord) AS text FROM s_sents GROUP BY ALL;
"""

LOAD_SQL = """
INSERT INTO documents
SELECT m.document_id, 'synthetic://doc/' || m.didx, 'synthetic://batch/' || (m.didx // 1000),
       CASE WHEN rnd(m.didx, 'nourl') >= 0.2 THEN 'https://example.org/press/' || m.didx END,
       CASE WHEN rnd(m.didx, 'notitle') >= 0.03 THEN m.title END, d.published_on, d.lang, 'html', md5(t.text), t.text,
       length(t.text), 1, TIMESTAMP '2026-01-01 00:00:00', 1, TIMESTAMP '2026-01-01 00:00:00', NULL
FROM s_mentions m JOIN s_docs d USING (didx) JOIN s_text t ON t.document_id = m.document_id;
-- A hierarchy as real programs have one: every tenth program (7, 17, 27 …) is a sub-program of a larger one
-- (the programs with small indexes have the largest budgets and the most documents).
INSERT INTO programs (program_id, name, name_en, norm_key, parent_id)
SELECT c.program_id, c.name, CASE WHEN rnd(c.pidx, 'noen') >= 0.3 THEN c.name_en END, lower(replace(c.name, ' ', '')),
       p.program_id
FROM s_programs c LEFT JOIN s_programs p ON c.pidx % 10 = 7 AND p.pidx = c.pidx // 10;
INSERT INTO program_aliases
SELECT program_id, name, lower(replace(name, ' ', '')) FROM s_programs
UNION ALL SELECT program_id, name_en, lower(replace(name_en, ' ', '')) FROM s_programs WHERE rnd(pidx, 'noen') >= 0.3;
INSERT INTO program_mentions
SELECT m.program_id, m.document_id, m.name_seen,
       CASE WHEN rnd(m.didx, 'noyears') >= 0.15 AND m.pidx % 10 <> 3 THEN m.start_year END,
       CASE WHEN rnd(m.didx, 'noyears') >= 0.15 AND m.pidx % 10 <> 3 THEN m.end_year END,
       TRUE, x.s, x.ev_start,
       x.ev_start + length(x.s)
FROM s_mentions m JOIN s_sents x ON x.document_id = m.document_id AND x.ord = 1;
INSERT INTO budgets (budget_id, document_id, program_id, seq, amount, unit_text, currency, amount_krw, kind,
                     fiscal_year, announced_on, evidence, ev_start, ev_end)
SELECT b.document_id || ':' || b.seq, b.document_id, b.program_id, b.seq, b.amount, b.unit_text, b.currency,
       b.amount_krw, b.kind, b.fiscal_year, b.announced_on, x.s, x.ev_start, x.ev_start + length(x.s)
FROM s_budgets b JOIN s_sents x ON x.document_id = b.document_id AND x.ord = 10 + b.seq;
INSERT INTO institutions SELECT institution_id, name, name_en, type, country, TRUE FROM s_inst;
INSERT INTO participations (document_id, institution_id, program_id, role, aliases_seen, evidence, ev_start, ev_end)
SELECT p.document_id, p.institution_id, p.program_id, p.role, p.name, x.s, x.ev_start, x.ev_start + length(x.s)
FROM s_parts p JOIN s_sents x ON x.document_id = p.document_id AND x.ord = 10000000;
INSERT INTO program_countries
SELECT c.document_id, c.program_id, c.iso2, x.s, x.ev_start, x.ev_start + length(x.s)
FROM s_countries c JOIN s_sents x ON x.document_id = c.document_id AND x.ord = 10000001;
INSERT INTO sites (site_id, document_id, program_id, seq, name, norm_key, address, floors, area_m2, area_text, status,
                   year, lat, lon, evidence, ev_start, ev_end)
SELECT s.document_id || ':0', s.document_id, s.program_id, 0, s.site_name, s.norm_key, s.address, NULL,
       CASE WHEN rnd(s.didx, 'noarea') >= 0.1 THEN s.area_m2 END,
       CASE WHEN rnd(s.didx, 'noarea') >= 0.1 THEN format('{:,}㎡', s.area_m2::BIGINT) END, s.status, s.year,
       CASE WHEN rnd(s.didx, 'nogeo') >= 0.2 THEN s.lat END, CASE WHEN rnd(s.didx, 'nogeo') >= 0.2 THEN s.lon END,
       x.s, x.ev_start,
       x.ev_start + length(x.s)
FROM s_sites s JOIN s_sents x ON x.document_id = s.document_id AND x.ord = 10000002;
-- A document's first figure also stands in a small table (m008): the Sources page shows it as a table.
INSERT INTO document_tables
SELECT document_id, 0, '사업비', '억원', 2, 2, to_json([['사업', '금액'], [coalesce(program_id, '-'), unit_text]])::VARCHAR
FROM budgets WHERE seq = 0;
UPDATE budgets SET table_seq = 0, cell_row = 1, cell_col = 1 WHERE seq = 0;
INSERT INTO runs (run_id, started_at, finished_at, inputs, n_new) VALUES (1, now(), now(), 'synthetic', 0);
INSERT INTO watch_sources (source_name, url, kind, last_checked_at, last_success_at, last_status, last_error,
                           last_error_at, n_failures, n_items_seen, n_new_last) VALUES
  ('synthetic feed', 'https://example.org/feed.xml', 'rss', TIMESTAMP '2026-01-01 00:00:00',
   TIMESTAMP '2026-01-01 00:00:00', 'not-modified', NULL, NULL, 0, 40, 0),
  ('synthetic broken feed', 'https://example.org/broken.xml', 'rss', TIMESTAMP '2026-01-01 00:00:00', NULL,
   'error', 'HTTP 503 Service Unavailable (after 3 attempts)', TIMESTAMP '2026-01-01 00:00:00', 3, 0, 0);
-- One analyst decision whose fact a later re-extraction no longer gives (the Review page lists it).
INSERT INTO review_outcomes VALUES ('b-synthetic-gone', 'budget', 'rejected', 'orphaned',
  'the fact is no longer in the database', '1', NULL, TIMESTAMP '2026-01-01 00:00:00');
"""


def _lookup_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Small dimension tables (regions, name parts, institutions, countries) as temp tables."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE s_regions (ridx INT, name VARCHAR, name_en VARCHAR, lat DOUBLE, lon DOUBLE)"
    )
    con.executemany("INSERT INTO s_regions VALUES (?, ?, ?, ?, ?)", [(i, *r) for i, r in enumerate(REGIONS)])
    for table, rows in (("s_prefixes", PREFIXES), ("s_topics", TOPICS), ("s_suffixes", SUFFIXES)):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} (idx INT, ko VARCHAR, en VARCHAR)")
        con.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", [(i, k, e) for i, (k, e) in enumerate(rows)])
    con.execute(
        "CREATE OR REPLACE TEMP TABLE s_inst (name VARCHAR, name_en VARCHAR, type VARCHAR, country VARCHAR)"
    )
    con.executemany("INSERT INTO s_inst VALUES (?, ?, ?, ?)", _institution_rows())
    con.execute("""
        CREATE OR REPLACE TEMP TABLE s_inst AS
        SELECT md5('inst:' || name)[:16] AS institution_id, *,
               CASE WHEN type IN ('government', 'public_agency') THEN 'gov'
                    WHEN type IN ('university', 'research') THEN 'acad' ELSE 'other' END AS pool
        FROM s_inst;
        CREATE OR REPLACE TEMP TABLE s_inst_pick AS
        SELECT pool, (row_number() OVER (PARTITION BY pool ORDER BY name) - 1)::INT AS rank, institution_id FROM s_inst
        UNION ALL SELECT 'all', (row_number() OVER (ORDER BY name) - 1)::INT, institution_id FROM s_inst;
        CREATE OR REPLACE TEMP TABLE s_pool_size AS SELECT pool, count(*) AS n FROM s_inst_pick GROUP BY ALL;
    """)
    if con.execute("SELECT count(*) FROM countries").fetchone()[0] == 0:
        con.executemany("INSERT INTO countries VALUES (?, ?, ?)", COUNTRIES)
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE s_country_pick AS
        SELECT (row_number() OVER (ORDER BY iso2) - 1)::INT AS rank, c.*
        FROM countries c WHERE iso2 IN (SELECT unnest(?::VARCHAR[])) AND iso2 <> 'KR'
    """,
        [[c[0] for c in COUNTRIES]],
    )


def _institution_rows() -> list[tuple[str, str | None, str, str | None]]:
    """Institutions from the ETL's gazetteer when it exists (name or canonical, and type), else our built-in list."""
    path = RESOURCES / "institutions.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []
    if not rows or "type" not in rows[0] or not {"name", "canonical"} & set(rows[0]):
        rows = list(csv.DictReader(io.StringIO(BUILTIN_INSTITUTIONS)))
    seen: dict[str, tuple[str, str | None, str, str | None]] = {}
    for r in rows:
        name = (r.get("name") or r.get("canonical") or "").strip()
        if name and name not in seen:
            seen[name] = (name, r.get("name_en") or None, r.get("type") or "other", r.get("country") or None)
    return list(seen.values())


def make_db(path: Path | str, n_budgets: int, seed: int = 0, n_docs: int | None = None) -> Path:
    """Write a synthetic database with `n_budgets` budget rows (default one document per 10 budgets) to `path`."""
    path = Path(path)
    path.unlink(missing_ok=True)
    n_docs = max(1, n_docs if n_docs is not None else n_budgets // 10)
    n_programs = max(1, min(MAX_PROGRAMS, n_docs // 20 if n_docs >= 100 else max(1, n_docs // 3)))
    per_doc = max(1, -(-n_budgets // n_docs))
    con = connect(path)
    try:
        for name, value in (("seed", seed), ("n_docs", n_docs), ("n_programs", n_programs),
                            ("n_budgets", n_budgets), ("per_doc", per_doc)):  # fmt: skip
            con.execute(f"SET VARIABLE {name} = ?::BIGINT", [value])
        _lookup_tables(con)
        for sql in (PROGRAMS_SQL, BUDGETS_SQL, FACTS_SQL, TEXT_SQL):
            con.execute(sql)
        with transaction(con):
            con.execute(LOAD_SQL)
            events.rebuild(con)
            aggregates.rebuild(con)  # as the loader keeps them: in the transaction that writes the facts
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """CLI: python -m bench.synth_db OUT.duckdb --budgets N [--docs N] [--seed N]."""
    ap = argparse.ArgumentParser(prog="python -m bench.synth_db", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--budgets", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=None, help="documents (default: budgets / 10)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    make_db(args.out, args.budgets, seed=args.seed, n_docs=args.docs)
    print(f"wrote {args.out} ({args.budgets:,} budgets) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
