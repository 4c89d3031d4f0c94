-- policy-tracker schema, version 16 (… m014_events, m015_counted_rows, m016_series_rows, m017_program_merges). The full current DDL: a fresh database runs it as migration m001_initial.
-- Later changes are appended to etl/db.py MIGRATIONS (m002_…) and folded in here, so fresh == migrated.

CREATE TABLE IF NOT EXISTS schema_migrations (
    name        VARCHAR PRIMARY KEY,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id        INTEGER PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    inputs        VARCHAR,            -- the paths/URLs given, joined by newlines
    n_new         INTEGER DEFAULT 0,
    n_updated     INTEGER DEFAULT 0,
    n_unchanged   INTEGER DEFAULT 0,
    n_failed      INTEGER DEFAULT 0,
    n_facts       INTEGER DEFAULT 0,
    seconds       DOUBLE,
    status        VARCHAR DEFAULT 'running', -- running | finished | aborted (m002)
    n_withdrawn   INTEGER DEFAULT 0,          -- documents whose file was gone (m002)
    pid           INTEGER                     -- the ingest process (m002)
);

-- One row per input file or URL: lets a re-run skip unchanged inputs before parsing them.
CREATE TABLE IF NOT EXISTS inputs (
    input         VARCHAR PRIMARY KEY, -- path or URL as resolved
    raw_sha256    VARCHAR NOT NULL,
    n_bytes       BIGINT,
    n_documents   INTEGER,
    run_id        INTEGER
);

CREATE TABLE IF NOT EXISTS documents (
    document_id   VARCHAR PRIMARY KEY, -- sha1 of the source string: a changed text keeps its id
    source        VARCHAR NOT NULL UNIQUE,
    input         VARCHAR,             -- the file/URL it was read from (a feed gives many documents)
    url           VARCHAR,
    title         VARCHAR,
    published_on  DATE,
    lang          VARCHAR,
    kind          VARCHAR,             -- text | html | pdf | feed
    content_hash  VARCHAR NOT NULL,    -- sha256 of text
    text          VARCHAR NOT NULL,
    n_chars       INTEGER,
    run_id        INTEGER,
    loaded_at     TIMESTAMP,           -- when this version was fetched and loaded
    version       INTEGER DEFAULT 1,   -- 1, 2, …: a changed text is a new version (m007)
    valid_from    TIMESTAMP,           -- when this version became the current one (m007)
    parent_id     VARCHAR              -- an attachment's page (m008): the document it was linked from
);

-- A program consolidated across documents (one row however many times it is announced).
CREATE TABLE IF NOT EXISTS programs (
    program_id    VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    name_en       VARCHAR,
    norm_key      VARCHAR NOT NULL UNIQUE,
    parent_id     VARCHAR               -- the program this one is part of (m004; set by review for now)
);

-- Every name a program was written under (Korean, English, spacing variants).
CREATE TABLE IF NOT EXISTS program_aliases (
    program_id    VARCHAR NOT NULL,
    alias         VARCHAR NOT NULL,
    norm_key      VARCHAR NOT NULL,
    PRIMARY KEY (program_id, norm_key)
);

-- A program as one document states it: its period as of that announcement.
CREATE TABLE IF NOT EXISTS program_mentions (
    program_id    VARCHAR NOT NULL,
    document_id   VARCHAR NOT NULL,
    name_seen     VARCHAR NOT NULL,
    start_year    INTEGER,
    end_year      INTEGER,
    is_main       BOOLEAN DEFAULT FALSE, -- the document's headline program
    evidence      VARCHAR,
    ev_start      INTEGER,
    ev_end        INTEGER,
    PRIMARY KEY (program_id, document_id)
);

CREATE TABLE IF NOT EXISTS budgets (
    budget_id     VARCHAR PRIMARY KEY,   -- document_id:seq
    document_id   VARCHAR NOT NULL,
    program_id    VARCHAR,
    seq           INTEGER NOT NULL,
    amount        DOUBLE,                -- the figure in its written unit (946.0 for 946억원)
    unit_text     VARCHAR,
    currency      VARCHAR NOT NULL,
    amount_krw    BIGINT,                -- exact won; NULL for foreign currencies
    kind          VARCHAR NOT NULL,      -- total | national | local | private | unspecified
    fiscal_year   INTEGER,
    announced_on  DATE,                  -- the document's publication date
    evidence      VARCHAR NOT NULL,
    ev_start      INTEGER NOT NULL,
    ev_end        INTEGER NOT NULL,
    role          VARCHAR DEFAULT 'budget', -- budget | change | base | cap | investment | market | revenue | conversion | other (m003)
    low_krw       BIGINT,                -- a range's bounds in exact won (m003)
    high_krw      BIGINT,
    approx        BOOLEAN DEFAULT FALSE,  -- 약, 가량, about (m003)
    bound         VARCHAR DEFAULT 'exact', -- exact | between | above | under (m003)
    fact_id       VARCHAR,               -- stable across re-ingest: what a review refers to (m004)
    state         VARCHAR DEFAULT 'machine', -- machine | confirmed | edited | rejected (m004)
    table_seq     INTEGER,               -- a table fact: which table of the document (m008)
    cell_row      INTEGER,               -- and its cell's grid row and column
    cell_col      INTEGER
);

-- m008_attachments_tables: every table of a document as a grid (merged cells repeated), for showing it.
CREATE TABLE IF NOT EXISTS document_tables (
    document_id   VARCHAR NOT NULL,
    table_seq     INTEGER NOT NULL,
    caption       VARCHAR,
    unit          VARCHAR,               -- from the unit line, e.g. 억원
    n_rows        INTEGER NOT NULL,
    n_cols        INTEGER NOT NULL,
    grid_json     VARCHAR NOT NULL,      -- JSON list of rows of cell text
    PRIMARY KEY (document_id, table_seq)
);

CREATE TABLE IF NOT EXISTS institutions (
    institution_id VARCHAR PRIMARY KEY,  -- sha1 of the canonical name
    name          VARCHAR NOT NULL UNIQUE,
    name_en       VARCHAR,
    type          VARCHAR NOT NULL,
    country       VARCHAR,
    in_gazetteer  BOOLEAN NOT NULL
);

-- program × institution × role × document
CREATE TABLE IF NOT EXISTS participations (
    document_id    VARCHAR NOT NULL,
    institution_id VARCHAR NOT NULL,
    program_id     VARCHAR,
    role           VARCHAR NOT NULL,
    aliases_seen   VARCHAR,              -- surface forms, joined by |
    evidence       VARCHAR,
    ev_start       INTEGER,
    ev_end         INTEGER,
    fact_id        VARCHAR,              -- stable across re-ingest (m004)
    state          VARCHAR DEFAULT 'machine', -- machine | confirmed | edited | rejected (m004)
    PRIMARY KEY (document_id, institution_id)
);

CREATE TABLE IF NOT EXISTS sites (
    site_id       VARCHAR PRIMARY KEY,   -- document_id:seq
    document_id   VARCHAR NOT NULL,
    program_id    VARCHAR,
    seq           INTEGER NOT NULL,
    name          VARCHAR NOT NULL,
    norm_key      VARCHAR NOT NULL,      -- the same facility across documents
    address       VARCHAR,
    floors        VARCHAR,
    area_m2       DOUBLE,
    area_text     VARCHAR,
    status        VARCHAR,
    year          INTEGER,
    lat           DOUBLE,
    lon           DOUBLE,
    evidence      VARCHAR,
    ev_start      INTEGER,
    ev_end        INTEGER,
    fact_id       VARCHAR,               -- stable across re-ingest (m004)
    state         VARCHAR DEFAULT 'machine', -- machine | confirmed | edited | rejected (m004)
    precision     VARCHAR                -- what lat/lon stand for: building | district | city | province (m013)
);

CREATE TABLE IF NOT EXISTS program_countries (
    document_id   VARCHAR NOT NULL,
    program_id    VARCHAR,
    country       VARCHAR NOT NULL,      -- ISO 3166-1 alpha-2
    evidence      VARCHAR,
    ev_start      INTEGER,
    ev_end        INTEGER,
    PRIMARY KEY (document_id, country)
);

CREATE TABLE IF NOT EXISTS countries (
    iso2          VARCHAR PRIMARY KEY,
    name_en       VARCHAR NOT NULL,
    name_ko       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    run_id        INTEGER,
    source        VARCHAR NOT NULL,
    stage         VARCHAR NOT NULL,      -- read | parse | extract | load
    message       VARCHAR NOT NULL,
    failed_at     TIMESTAMP NOT NULL,
    severity      VARCHAR DEFAULT 'error'  -- error (input not stored) | warning (stored, e.g. bytes replaced) (m002)
);

-- m002_ingest_safety: a document whose input file is gone from the folder it was ingested from. It is
-- kept here (text and all) and out of every count; it comes back to `documents` if the file returns.
CREATE TABLE IF NOT EXISTS withdrawn_documents (
    document_id   VARCHAR PRIMARY KEY,
    source        VARCHAR NOT NULL,
    input         VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    published_on  DATE,
    text          VARCHAR NOT NULL,
    withdrawn_at  TIMESTAMP NOT NULL,
    run_id        INTEGER
);

-- m006_watch: what `python -m etl watch` knows about each watched feed or listing page.
CREATE TABLE IF NOT EXISTS watch_sources (
    source_name     VARCHAR PRIMARY KEY,  -- the name in sources.toml (a command-line feed: its URL)
    url             VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,     -- rss | atom | listing
    etag            VARCHAR,              -- validators of the last 200, sent back as If-None-Match
    last_modified   VARCHAR,              --   and If-Modified-Since
    content_sha256  VARCHAR,              -- the last body: a source without validators is compared by it
    last_checked_at TIMESTAMP,
    last_success_at TIMESTAMP,
    last_status     VARCHAR,              -- changed | unchanged | not-modified | error
    last_error      VARCHAR,
    last_error_at   TIMESTAMP,
    n_failures      INTEGER DEFAULT 0,    -- failed checks in a row (0 after a success)
    n_items_seen    INTEGER DEFAULT 0,
    n_new_last      INTEGER DEFAULT 0     -- items fetched and ingested by the last check
);

-- m006_watch: items already fetched (by guid, else link): never fetched again from that source.
CREATE TABLE IF NOT EXISTS watch_items (
    source_name     VARCHAR NOT NULL,
    item_key        VARCHAR NOT NULL,
    link            VARCHAR,
    title           VARCHAR,
    stamp           VARCHAR,              -- the entry's updated/published date: a new one means fetch again
    first_seen_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (source_name, item_key)
);

-- m007_document_versions: every version a document had before its current one (history is never
-- overwritten). A document whose text changed, or that its input no longer gives, or that was withdrawn,
-- leaves its row here with valid_to = when it stopped being current; its facts go to fact_versions.
CREATE TABLE IF NOT EXISTS document_versions (
    document_id   VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    source        VARCHAR NOT NULL,
    input         VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    published_on  DATE,
    content_hash  VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    fetched_at    TIMESTAMP,            -- the version's loaded_at
    valid_from    TIMESTAMP,
    valid_to      TIMESTAMP NOT NULL,
    run_id        INTEGER,              -- the run that loaded this version
    PRIMARY KEY (document_id, version)
);

-- m007_document_versions: the fact rows (budgets, program_mentions, participations, sites,
-- program_countries) of a superseded version, each as the JSON of its row. Counted nowhere.
CREATE TABLE IF NOT EXISTS fact_versions (
    document_id   VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    fact_table    VARCHAR NOT NULL,
    fact          JSON NOT NULL
);

-- m009_aggregates: tables derived from the facts above, which the dashboard reads instead of scanning
-- them. etl/aggregates.py defines each one as a SELECT over the facts and keeps it in step inside the
-- transaction that writes the facts; nothing else writes them.
-- Per document: its fact counts and main program (the document and fact lists page through these).
CREATE TABLE IF NOT EXISTS document_stats (
    document_id      VARCHAR NOT NULL,
    published_on     DATE,
    main_program_id  VARCHAR,
    n_budgets        INTEGER NOT NULL,
    n_mentions       INTEGER NOT NULL,
    n_participations INTEGER NOT NULL,
    n_sites          INTEGER NOT NULL,
    n_countries      INTEGER NOT NULL,
    is_primary       BOOLEAN               -- m015: the document is its event's primary (event_documents)
);

-- Per program and document: the largest KRW amount of each kind, the head budget row, and the mention.
CREATE TABLE IF NOT EXISTS doc_figures (
    program_id      VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    published_on    DATE,                 -- the document's
    announced_on    DATE,                 -- the budget rows' (NULL without KRW amounts)
    doc_key         BIGINT,               -- orders announcements: day, then a hash of the document id
    total_krw       BIGINT,
    national_krw    BIGINT,
    local_krw       BIGINT,
    private_krw     BIGINT,
    unspecified_krw BIGINT,
    figure_krw      BIGINT,               -- the document's figure for the program, no kind chosen
    head_budget_id  VARCHAR,              -- the row a revision shows: the total, else the largest national/unspecified
    mentioned       BOOLEAN NOT NULL,     -- the document mentions the program (program_mentions)
    start_year      INTEGER,              -- the period that mention states
    end_year        INTEGER,
    title           VARCHAR,              -- the document's (the budget timeline shows it)
    n_rows          BIGINT,               -- m015: the program's counted budget rows in the document
    figure_budget_id VARCHAR,             -- m015: the row stating figure_krw (a total first, then the lowest id)
    national_budget_id VARCHAR            -- m015: the row stating national_krw (the lowest id)
);

-- m011_doc_parts: a document's national + local + private for a program that do not add up to the total it
-- states (two or more parts that differ from it, or parts larger than it): the reconciliation check reads it.
CREATE TABLE IF NOT EXISTS doc_parts (
    program_id      VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    announced_on    DATE,
    total_krw       BIGINT NOT NULL,
    parts_krw       BIGINT NOT NULL
);

-- m012_fact_doubts: the money facts the rules flag for a look (etl/doubts.py), with what the Review page
-- filters and sorts on; kept sorted by doubt, then amount (the page reads the first rows).
CREATE TABLE IF NOT EXISTS fact_doubts (
    budget_id       VARCHAR NOT NULL,
    program_id      VARCHAR,
    document_id     VARCHAR NOT NULL,
    announced_on    DATE,
    state           VARCHAR,
    amount_krw      BIGINT NOT NULL,
    reasons         UTINYINT NOT NULL,    -- bitmask: 1 no_kind, 2 no_program, 4 out_of_line, 8 part_exceeds, 16 credit_conflict
    doubt           UTINYINT NOT NULL     -- how many reasons
);

-- The same per fiscal year.
CREATE TABLE IF NOT EXISTS fy_figures (
    program_id      VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    announced_on    DATE,
    doc_key         BIGINT,
    total_krw       BIGINT,
    national_krw    BIGINT,
    local_krw       BIGINT,
    private_krw     BIGINT,
    unspecified_krw BIGINT
);

-- Per institution and program (NULL: documents without one): how many documents name both.
CREATE TABLE IF NOT EXISTS inst_programs (
    institution_id  VARCHAR NOT NULL,
    program_id      VARCHAR,
    n_documents     BIGINT NOT NULL
);

-- Per partner country and program (NULL: documents without one): how many documents name both.
CREATE TABLE IF NOT EXISTS country_programs (
    country         VARCHAR NOT NULL,
    program_id      VARCHAR,
    n_documents     BIGINT NOT NULL
);

-- m015_counted_rows: per program (NULL: rows without one), money rows by what the row itself says about
-- counting it: rejected, not_budget, foreign_currency, no_program, or own (a counted budget row if its event
-- does not state the figure in a better-ranked document); the left-out summary reads it.
CREATE TABLE IF NOT EXISTS money_reasons (
    program_id      VARCHAR,
    reason          VARCHAR NOT NULL,
    n_rows          BIGINT NOT NULL
);

-- m016_series_rows: a program's budget rows as its revision series read them (etl/series.py): counted-looking
-- money rows (role budget, won, a program, not rejected or merged) with the document's title, the period the
-- document states for the program, and whether the row belongs to a supplementary budget; kept sorted by program
-- (zone maps find a program's rows). No index: nothing reads it by point, and one on document_id tripled the
-- cost of a full rebuild at 1M budget rows (19.9 s against 12.6 s without).
CREATE TABLE IF NOT EXISTS series_rows (
    program_id      VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    budget_id       VARCHAR NOT NULL,
    announced_on    DATE,
    amount_krw      BIGINT NOT NULL,
    kind            VARCHAR,
    unit_text       VARCHAR,
    fiscal_year     INTEGER,
    evidence        VARCHAR,
    title           VARCHAR,
    start_year      INTEGER,
    end_year        INTEGER,
    supplementary   BOOLEAN NOT NULL
);

-- Per month of publication and language: how many documents.
CREATE TABLE IF NOT EXISTS document_months (
    month           DATE NOT NULL,
    lang            VARCHAR,
    n_documents     BIGINT NOT NULL
);

-- Per program: its mentions and its headline amount (the latest announcement's figure, default kinds).
CREATE TABLE IF NOT EXISTS program_stats (
    program_id      VARCHAR NOT NULL,
    n_documents     BIGINT NOT NULL,      -- documents mentioning it
    first_announced DATE,
    last_announced  DATE,
    start_year      INTEGER,              -- the period as the latest mention that states one has it
    end_year        INTEGER,
    headline_krw    BIGINT,
    head_doc        VARCHAR,              -- the document the headline amount comes from
    n_announcements BIGINT NOT NULL,
    national_krw    BIGINT,               -- that document's parts
    local_krw       BIGINT,
    private_krw     BIGINT,
    itypes          VARCHAR[],            -- the types of the institutions taking part
    period_on       DATE,                 -- the mention the period comes from: its date (1900-01-01 if none)
    period_doc      VARCHAR,              -- and its document
    head_key        BIGINT,               -- doc_figures.doc_key of head_doc (a later load compares against it)
    n_rows          BIGINT,               -- m015: its counted budget rows (doc_figures.n_rows summed)
    head_rows       BIGINT,               -- m015: those in head_doc
    figure_budget_id VARCHAR,             -- m015: head_doc's doc_figures.figure_budget_id (the headline's row)
    national_budget_id VARCHAR            -- m015: and its national_budget_id
);

-- Per program and fiscal year: the latest announcement's figure for that year.
CREATE TABLE IF NOT EXISTS program_years (
    program_id      VARCHAR NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    amount_krw      BIGINT NOT NULL,
    doc_key         BIGINT NOT NULL       -- that announcement's
);

-- Per program and month of announcement (NULL: undated): the figure of its latest announcement that month.
CREATE TABLE IF NOT EXISTS program_month_heads (
    program_id      VARCHAR NOT NULL,
    month           DATE,
    head_krw        BIGINT NOT NULL,
    head_key        BIGINT NOT NULL
);

-- Per program and month: how much its headline amount moved (a first announcement adds all of it).
CREATE TABLE IF NOT EXISTS program_months (
    program_id      VARCHAR NOT NULL,
    month           DATE NOT NULL,
    change_krw      BIGINT NOT NULL
);

-- Per institution: programs, documents, and those programs' summed headline amounts.
CREATE TABLE IF NOT EXISTS institution_stats (
    institution_id  VARCHAR NOT NULL,
    n_programs      BIGINT NOT NULL,
    n_documents     BIGINT NOT NULL,
    money_krw       BIGINT
);

-- Per facility (sites.norm_key): its latest mention, and how many there are.
CREATE TABLE IF NOT EXISTS facilities (
    norm_key        VARCHAR NOT NULL,
    site_id         VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    program_id      VARCHAR,
    name            VARCHAR NOT NULL,
    address         VARCHAR,
    area_m2         DOUBLE,
    status          VARCHAR,
    year            INTEGER,
    lat             DOUBLE,
    lon             DOUBLE,
    evidence        VARCHAR,
    n_mentions      BIGINT NOT NULL,
    last_published  DATE,
    precision       VARCHAR               -- of lat/lon (m013)
);

-- m010_program_ancestors: every (program, ancestor) pair of the hierarchy (programs.parent_id followed up),
-- with the number of steps between them. A program with an ancestor that has its own figure is inside that
-- figure, so totals across programs leave it out (roots only); kept in step by db.link_parents and rebuild.
CREATE TABLE IF NOT EXISTS program_ancestors (
    program_id      VARCHAR NOT NULL,
    ancestor_id     VARCHAR NOT NULL,
    depth           INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS budgets_program ON budgets (program_id);
-- m014: one event per announcement (etl/events.py). A document's MinHash signature and whether it is the
-- issuing body's own release; links between documents that report the same announcement; and each current
-- document's event (event_id = the primary document's id). Only a primary document's money is counted.
CREATE TABLE IF NOT EXISTS doc_signatures (
    document_id   VARCHAR PRIMARY KEY,
    published_on  DATE,
    minhash       UINTEGER[],         -- 64 MinHash values of the text's character 5-grams
    official      BOOLEAN NOT NULL    -- an official host or a release cue (lexicon official_sources)
);
CREATE TABLE IF NOT EXISTS event_links (
    doc_a         VARCHAR NOT NULL,   -- doc_a < doc_b
    doc_b         VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,   -- attachment | same_figure | same_figures | near_duplicate
    score         DOUBLE              -- near_duplicate: the estimated Jaccard similarity
);
CREATE TABLE IF NOT EXISTS event_documents (
    document_id   VARCHAR PRIMARY KEY,
    event_id      VARCHAR NOT NULL,   -- the primary document's id
    is_primary    BOOLEAN NOT NULL,   -- rank 0: the issuing body's release when there is one
    rank          INTEGER NOT NULL,   -- 0, 1, …: a program's money counts from the best-ranked document stating it
    n_documents   INTEGER NOT NULL    -- documents in the event
);
CREATE INDEX IF NOT EXISTS budgets_document ON budgets (document_id);
CREATE INDEX IF NOT EXISTS participations_institution ON participations (institution_id);
-- m009: one document's rows by point lookup (a composite primary key does not serve its first column alone).
CREATE INDEX IF NOT EXISTS program_mentions_document ON program_mentions (document_id);
CREATE INDEX IF NOT EXISTS participations_document ON participations (document_id);
CREATE INDEX IF NOT EXISTS sites_document ON sites (document_id);
CREATE INDEX IF NOT EXISTS program_countries_document ON program_countries (document_id);
CREATE INDEX IF NOT EXISTS document_stats_document ON document_stats (document_id);
CREATE INDEX IF NOT EXISTS doc_figures_document ON doc_figures (document_id);
CREATE INDEX IF NOT EXISTS doc_parts_document ON doc_parts (document_id);
CREATE INDEX IF NOT EXISTS event_documents_event ON event_documents (event_id);
CREATE INDEX IF NOT EXISTS event_links_b ON event_links (doc_b);
CREATE INDEX IF NOT EXISTS event_links_a ON event_links (doc_a);

COMMENT ON TABLE event_documents IS '같은 발표를 전한 문서들의 묶음(사건)과 순위: 사업별 금액은 순위가 가장 높은 문서 것만 집계';
COMMENT ON TABLE event_links IS '같은 발표로 묶는 문서 쌍과 근거(첨부, 같은 사업·금액, 거의 같은 본문)';
COMMENT ON TABLE doc_signatures IS '문서 본문의 MinHash 서명과 공식 보도자료 여부';
COMMENT ON TABLE documents IS '발표문(보도자료·기사) 한 건: 정제된 본문과 메타데이터';
COMMENT ON TABLE programs IS '여러 발표에 걸쳐 하나로 묶은 사업(프로그램)';
COMMENT ON TABLE program_aliases IS '사업이 쓰인 모든 이름(국문·영문·띄어쓰기 변형)';
COMMENT ON TABLE program_mentions IS '문서별 사업 언급과 그 시점의 사업 기간';
COMMENT ON TABLE budgets IS '문서에 나온 금액 한 건: 원 단위 정수, 종류(총액/국비/지방비/민간), 회계연도, 근거 문장';
COMMENT ON TABLE institutions IS '기관(정규화된 이름, 유형, 국가)';
COMMENT ON TABLE participations IS '문서·사업별 기관 참여와 역할(주관/참여/지원/유치/협력/언급)';
COMMENT ON TABLE sites IS '시설·거점: 주소, 층, 면적(㎡), 상태(개소/예정)';
COMMENT ON TABLE program_countries IS '문서·사업별 협력 국가(ISO 코드)';
COMMENT ON TABLE runs IS '수집(ingest) 실행 한 번의 기록';
COMMENT ON TABLE ingest_errors IS '입력별 오류: 단계와 한 줄 메시지';
COMMENT ON TABLE withdrawn_documents IS '입력 파일이 사라진 문서: 보관하되 집계에서 제외';
COMMENT ON COLUMN budgets.amount_krw IS '정확한 원화 금액(BIGINT); 외화는 NULL';
COMMENT ON COLUMN budgets.role IS '금액의 역할: budget(사업 예산) change(증감) base(예산 총액) cap(상한) investment market revenue conversion other';
COMMENT ON TABLE document_tables IS '문서 속 표: 셀 격자(병합 셀은 반복), 제목, 단위';
COMMENT ON COLUMN documents.parent_id IS '첨부파일이면 그 파일을 링크한 보도자료 페이지의 document_id';
COMMENT ON COLUMN budgets.high_krw IS '범위(3조~4조원)의 상한, 원';

-- m004_reviews: what the last review pass did with each decision of the reviews file (etl/reviews.py).
CREATE TABLE IF NOT EXISTS review_outcomes (
    fact_id       VARCHAR NOT NULL,
    fact_type     VARCHAR NOT NULL,      -- budget | institution | site | program
    state         VARCHAR NOT NULL,      -- confirmed | edited | rejected
    outcome       VARCHAR NOT NULL,      -- applied | orphaned | error
    message       VARCHAR,
    lines         VARCHAR,               -- the file's line numbers of the decision, joined by ,
    file_sha256   VARCHAR,               -- the reviews file as applied
    applied_at    TIMESTAMP NOT NULL
);
-- m017_program_merges: programs folded into another by an analyst's review (`merge_into`) or proposed for it by
-- the cross-language twin rule (etl/program_merges.py). A merged program's row is gone; this keeps its name
-- and id, so the next review pass knows it is done and the lists show it. Rewritten by every review pass.
CREATE TABLE IF NOT EXISTS program_merges (
    program_id    VARCHAR PRIMARY KEY,   -- the program folded in (or proposed for it)
    name          VARCHAR NOT NULL,      -- its name when it was merged
    into_id       VARCHAR NOT NULL,      -- the program it is (or would be) one with
    source        VARCHAR NOT NULL,      -- review | twins
    state         VARCHAR NOT NULL,      -- merged | proposed | rejected
    why           VARCHAR                -- the review's why, or what the rule found (figures, days, agency)
);
COMMENT ON TABLE program_merges IS '다른 사업에 합쳐진(또는 합칠 것을 규칙이 제안한) 사업: 검토 결정과 한·영 쌍둥이 규칙';
COMMENT ON TABLE review_outcomes IS '리뷰 파일의 결정이 마지막 적용에서 어떻게 처리됐는지(적용/고아/오류)';
COMMENT ON TABLE watch_sources IS '감시 중인 피드·목록 페이지의 상태: 검증자(ETag/Last-Modified), 마지막 성공·오류, 본 항목 수';
COMMENT ON TABLE watch_items IS '이미 가져온 피드 항목(guid 또는 링크): 다시 가져오지 않음';
COMMENT ON TABLE document_versions IS '문서의 지난 판: 본문이 바뀌거나 빠진 문서의 이전 내용(valid_from~valid_to); 덮어쓰지 않음';
COMMENT ON TABLE fact_versions IS '지난 판의 사실(금액·사업·기관·시설·국가) 행을 JSON으로 보관: 집계에서 제외';
COMMENT ON TABLE document_stats IS '(파생) 문서별 사실 건수와 대표 사업: 문서·사실 목록의 쪽 나누기에 쓴다';
COMMENT ON TABLE doc_figures IS '(파생) 사업·문서별 종류별 최대 금액, 대표 예산 행, 언급 여부와 기간';
COMMENT ON TABLE fy_figures IS '(파생) 사업·문서·회계연도별 종류별 최대 금액';
COMMENT ON TABLE inst_programs IS '(파생) 기관·사업별 함께 나온 문서 수';
COMMENT ON TABLE country_programs IS '(파생) 협력국·사업별 함께 나온 문서 수';
COMMENT ON TABLE document_months IS '(파생) 발행 월·언어별 문서 수';
COMMENT ON TABLE program_stats IS '(파생) 사업별 언급 문서 수·기간, 최신 발표 기준 대표 금액과 그 구성';
COMMENT ON TABLE program_years IS '(파생) 사업·회계연도별 최신 발표 금액';
COMMENT ON TABLE program_month_heads IS '(파생) 사업·월별 그달 마지막 발표의 대표 금액';
COMMENT ON TABLE program_months IS '(파생) 사업·월별 대표 금액 변화';
COMMENT ON TABLE institution_stats IS '(파생) 기관별 사업 수·문서 수·참여 사업 금액 합';
COMMENT ON TABLE doc_parts IS '(파생) 국비·지방비·민간의 합이 발표 총액과 맞지 않는 문서·사업';
COMMENT ON TABLE fact_doubts IS '(파생) 규칙이 검토를 권하는 금액 사실: 이유(비트마스크)와 의심 점수';
COMMENT ON TABLE program_ancestors IS '(파생) 사업 계층: 사업과 그 모든 상위 사업(단계 수)';
COMMENT ON TABLE money_reasons IS '(파생) 사업별 금액 행 수: 행 자체로 알 수 있는 집계 제외 이유(반려·예산 아님·외화·사업 없음) 또는 own';
COMMENT ON TABLE facilities IS '(파생) 시설(norm_key)별 최신 언급과 언급 수';
COMMENT ON TABLE series_rows IS '(파생) 사업별 개정 계열이 읽는 금액 행: 문서 제목, 문서가 밝힌 사업 기간, 추경 여부';
