"""Fixtures for the dashboard tests (loaded from conftest.py as a plugin): synthetic databases and cache hygiene."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from bench.synth_db import make_db
from etl import aggregates
from etl.db import connect, transaction

N_BUDGETS = 3000  # ~300 documents, ~15 programs: every chart and table has rows


@pytest.fixture(scope="session")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic database with the real schema (built once per session)."""
    return make_db(tmp_path_factory.mktemp("synth") / "policy.duckdb", N_BUDGETS, seed=7)


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database without any document."""
    path = tmp_path_factory.mktemp("empty") / "policy.duckdb"
    connect(path).close()
    return path


@pytest.fixture
def synth_con(synth_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A plain read-only connection to the synthetic database."""
    con = duckdb.connect(str(synth_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def clear_streamlit_caches() -> Iterator[None]:
    """st.cache_data/st.cache_resource outlive AppTest runs in one process: start and end every test clean."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def ui_env(monkeypatch: pytest.MonkeyPatch, synth_db: Path, clear_streamlit_caches: None) -> Path:
    """Environment for running pages: POLICY_DB on the synthetic database, the default (read-only) mode."""
    monkeypatch.setenv("POLICY_DB", str(synth_db))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    monkeypatch.delenv("POLICY_ALLOW_WRITE", raising=False)
    return synth_db


# A hand-made database whose money figures are known exactly (see test_queries.py).
MONEY_SQL = """
INSERT INTO documents (document_id, source, title, published_on, lang, kind, content_hash, text) VALUES
  ('d1', 's1', 'first', DATE '2024-01-10', 'ko', 'text', 'h1', 'A 사업에 총 946억원, 국비 440억원. Waterloo 협력.'),
  ('d2', 's2', 'second', DATE '2025-03-05', 'ko', 'text', 'h2', 'A 사업 총액 1,000억원으로 늘었다. 국비 500억원.'),
  ('d3', 's3', 'third', DATE '2025-06-01', 'en', 'text', 'h3', 'Program B: KRW 30 billion; USD 5 million. 100% sure'),
  ('d4', 's4', 'fourth', DATE '2025-07-01', 'ko', 'text', 'h4', '사업 없는 문서 50억원.');
INSERT INTO programs (program_id, name, name_en, norm_key) VALUES ('pa', 'A 사업', 'Program A', 'a'), ('pb', 'B 사업', 'Program B', 'b');
INSERT INTO program_aliases VALUES ('pa', 'A 사업', 'a'), ('pa', 'Program A', 'programa'), ('pb', 'B 사업', 'b');
INSERT INTO program_mentions VALUES
  ('pa', 'd1', 'A 사업', 2024, 2028, TRUE, 'A 사업에 총 946억원, 국비 440억원.', 0, 24),
  ('pa', 'd2', 'A 사업', 2024, 2029, TRUE, NULL, NULL, NULL),
  ('pb', 'd3', 'Program B', 2025, 2026, TRUE, NULL, NULL, NULL);
INSERT INTO budgets (budget_id, document_id, program_id, seq, amount, unit_text, currency, amount_krw, kind, fiscal_year, announced_on, evidence, ev_start, ev_end) VALUES
  ('d1:0', 'd1', 'pa', 0, 946, '946억원', 'KRW', 94600000000, 'total', NULL, DATE '2024-01-10', 'e', 0, 1),
  ('d1:1', 'd1', 'pa', 1, 440, '440억원', 'KRW', 44000000000, 'national', NULL, DATE '2024-01-10', 'e', 0, 1),
  ('d1:2', 'd1', 'pa', 2, 200, '200억원', 'KRW', 20000000000, 'unspecified', 2025, DATE '2024-01-10', 'e', 0, 1),
  ('d2:0', 'd2', 'pa', 0, 1000, '1,000억원', 'KRW', 100000000000, 'total', NULL, DATE '2025-03-05', 'e', 0, 1),
  ('d2:1', 'd2', 'pa', 1, 500, '500억원', 'KRW', 50000000000, 'national', NULL, DATE '2025-03-05', 'e', 0, 1),
  ('d2:2', 'd2', 'pa', 2, 250, '250억원', 'KRW', 25000000000, 'unspecified', 2025, DATE '2025-03-05', 'e', 0, 1),
  ('d3:0', 'd3', 'pb', 0, 30, 'KRW 30 billion', 'KRW', 30000000000, 'unspecified', NULL, DATE '2025-06-01', 'e', 0, 1),
  ('d3:1', 'd3', 'pb', 1, 5, 'USD 5 million', 'USD', NULL, 'total', NULL, DATE '2025-06-01', 'e', 0, 1),
  ('d4:0', 'd4', NULL, 0, 50, '50억원', 'KRW', 5000000000, 'total', NULL, DATE '2025-07-01', 'e', 0, 1);
INSERT INTO institutions VALUES
  ('i1', '과학기술정보통신부', 'MSIT', 'government', 'KR', TRUE),
  ('i2', '한국과학기술원', 'KAIST', 'university', 'KR', TRUE),
  ('i3', '워털루대학교', 'University of Waterloo', 'university', 'CA', TRUE);
INSERT INTO participations (document_id, institution_id, program_id, role, aliases_seen, evidence, ev_start, ev_end) VALUES
  ('d1', 'i1', 'pa', 'funder', NULL, NULL, NULL, NULL), ('d1', 'i2', 'pa', 'lead', NULL, NULL, NULL, NULL),
  ('d1', 'i3', 'pa', 'partner', NULL, NULL, NULL, NULL), ('d3', 'i2', 'pb', 'lead', NULL, NULL, NULL, NULL);
INSERT INTO sites (site_id, document_id, program_id, seq, name, norm_key, address, floors, area_m2, area_text, status, year, lat, lon, evidence, ev_start, ev_end) VALUES
  ('d1:0', 'd1', 'pa', 0, 'A 센터', 'a-center', '서울', NULL, 7048, '2,132평', 'open', 2024, 37.47, 127.04, NULL, NULL, NULL);
INSERT INTO program_countries VALUES ('d1', 'pa', 'CA', NULL, NULL, NULL);
INSERT OR IGNORE INTO countries VALUES ('CA', 'Canada', '캐나다');
"""


@pytest.fixture(scope="session")
def money_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two programs with known headline amounts: A revised 946억 → 1,000억, B 300억 (unspecified only)."""
    path = tmp_path_factory.mktemp("money") / "policy.duckdb"
    con = connect(path)
    with transaction(con):  # as the loader writes: facts and their derived tables together
        con.execute(MONEY_SQL)
        aggregates.rebuild(con)
    con.close()
    return path
