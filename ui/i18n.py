"""Interface text in Korean and English: labels, column names and the words for codes stored in the database."""

from __future__ import annotations

import pandas as pd

from ui.i18n_codes import CODES
from ui.i18n_columns import COLUMNS

# key: (Korean, English)
LABELS: dict[str, tuple[str, str]] = {
    "app": ("AI 정책 트래커", "AI Policy Tracker"),
    "overview": ("개요", "Overview"),
    "budgets": ("예산", "Budgets"),
    "programs": ("사업", "Programs"),
    "institutions": ("기관", "Institutions"),
    "sites": ("거점", "Sites"),
    "sources": ("원문", "Sources"),
    "review": ("검토", "Review"),
    "review_help": (
        "규칙이 의심하는 금액부터 보여 줍니다(의심 사유가 많고 금액이 큰 순). 확인·제외·수정한 결정은 data/reviews/reviews.jsonl에 남고, 다시 수집해도 그대로 적용됩니다.",
        "Money facts the rules doubt, most doubts and largest amounts first. A decision (confirm, reject, correct) is kept in data/reviews/reviews.jsonl and applied again after every ingest.",
    ),
    "review_state": ("상태", "State"),
    "why_no_kind": ("종류 미기재", "kind not stated"),
    "why_no_program": ("사업 연결 없음", "no program link"),
    "why_out_of_line": ("사업의 다른 금액과 10배 이상 차이", "10x off the program's other figures"),
    "why_part_exceeds": ("부분이 총액보다 큼", "a part larger than its total"),
    "why_credit_conflict": (
        "같은 발표를 전한 다른 문서는 이 금액을 다른 사업의 것으로 봄",
        "another outlet of the same announcement credits this amount to another program",
    ),
    "review_problems": ("적용되지 않은 결정", "Decisions not applied"),
    "review_read_only": (
        "이 화면은 읽기 전용입니다. 결정은 `python -m etl review confirm|reject|set FACT_ID`로 기록하거나, 쓰기를 허용한 실행(POLICY_ALLOW_WRITE=1, `make run`)에서 하세요.",
        "This view is read-only. Record a decision with `python -m etl review confirm|reject|set FACT_ID`, or where writing is allowed (POLICY_ALLOW_WRITE=1, `make run`).",
    ),
    "review_fact": ("검토할 금액", "Fact to review"),
    "review_action": ("결정", "Decision"),
    "review_why": ("이유", "Why"),
    "review_submit": ("기록하고 적용", "Record and apply"),
    "review_done": ("기록하고 적용했습니다", "Recorded and applied"),
    "merge_heading": ("같은 사업 합치기", "Merge two programs that are one"),
    "merge_program": ("이 사업을", "This program"),
    "merge_into": ("이 사업에 합친다", "is merged into"),
    "action_confirm": ("맞음(확인)", "right (confirm)"),
    "action_reject": ("틀림(제외)", "wrong (reject)"),
    "action_set": ("수정", "correct"),
    "program_review": (
        "이 사업 바로잡기: 상위 사업, 영문명, 또는 같은 사업에 합치기",
        "Correct this program: its parent, its English name, or merge it into the program it is",
    ),
    "review_nothing": ("바꿀 값을 하나 이상 고르세요", "Choose at least one value to change"),
    "no_program": ("(사업 없음)", "(no program)"),
    "review_here": ("이 표의 사실 검토하기", "Review a fact of this table"),
    "filters": ("필터", "Filters"),
    "period": ("발표 기간(연도)", "Announced (years)"),
    "agency": ("정부 부처·기관", "Government agency"),
    "program": ("사업", "Program"),
    "institution": ("기관", "Institution"),
    "itypes": ("기관 유형", "Institution type"),
    "country": ("협력 국가", "Partner country"),
    "q": ("사업명 검색", "Program name contains"),
    "figure_history": ("버전별 금액 기록", "Figures by version"),
    "figure_history_help": (
        "이 사업에 대해 문서가 밝힌 모든 금액, 문서의 판마다: 지금 판(유효 종료일 없음)과 바뀌거나 빠진 페이지의 지난 판. 금액이 언제, 어느 판에서 바뀌었는지 봅니다.",
        "Every figure a document gave this program, in each version loaded: the current one (no end date) and the versions a changed or withdrawn page replaced: when a figure changed, and in which version.",
    ),
    "as_of": ("기준일 (그날의 기록)", "As of (the record on that day)"),
    "show_table": ("표로 보기", "Show as a table"),
    "as_of_on": ("지난 날의 기록 보기", "The record on a past day"),
    "as_of_help": (
        "비우면 지금의 기록. 날짜를 고르면 그날 끝에 있던 문서 판과 사실로 모든 수치를 다시 셉니다(바뀐 문서는 그때의 판, 뒤에 들어온 문서는 빠짐). 검토 결과는 지금 것을 씁니다.",
        "Empty: the record now. A date recounts every figure from the document versions current at the end of that day (a changed document as it read then, later documents left out). Reviews are today's.",
    ),
    "as_of_note": (
        "{day} 기준 기록입니다: 그날 끝에 있던 문서 판으로 센 수치.",
        "The record as of {day}: figures from the document versions current at the end of that day.",
    ),
    "kinds": ("예산 구분", "Budget kind"),
    "all": ("전체", "All"),
    "language": ("언어", "Language"),
    "exact": ("원 단위까지", "Exact won"),
    "reset": ("필터 초기화", "Reset filters"),
    "share": ("이 화면 공유", "Share this view"),
    "share_help": (
        "이 주소를 복사해 보내면 같은 페이지와 필터로 열립니다.",
        "Copy this address: it opens this page with the same filters.",
    ),
    "download": ("CSV 내려받기", "Download CSV"),
    "no_db": ("데이터베이스가 아직 없습니다", "There is no database yet"),
    "no_db_ro": (
        "데이터가 준비되지 않았습니다. 관리자가 `python -m etl ingest data/raw`로 데이터베이스를 만들어야 합니다.",
        "The data is not available yet. An administrator needs to build it with `python -m etl ingest data/raw`.",
    ),
    "building": ("data/raw/의 발표문으로 데이터베이스를 만드는 중…", "Building the database from data/raw/…"),
    "etl_missing": (
        "수집기(etl.pipeline)를 불러올 수 없습니다. `python -m etl ingest data/raw`를 실행하세요.",
        "The ingester (etl.pipeline) cannot be imported. Run `python -m etl ingest data/raw`.",
    ),
    "build_failed": ("데이터베이스를 만들지 못했습니다", "Building the database failed"),
    "empty_db": (
        "데이터베이스에 아직 발표문이 없습니다. 발표문을 추가하세요.",
        "The database holds no announcements yet. Add some.",
    ),
    "no_rows": ("선택한 필터에 맞는 자료가 없습니다.", "Nothing matches the selected filters."),
    "add": ("발표문 추가", "Add an announcement"),
    "add_file": ("파일 올리기 (txt, html, pdf)", "Upload a file (txt, html, pdf)"),
    "add_url": ("또는 주소(URL) 붙여넣기", "Or paste a URL"),
    "add_go": ("추가", "Add"),
    "added": ("추가했습니다", "Added"),
    "refused": ("추가할 수 없는 주소", "Refused"),
    "n_programs": ("사업 수", "Programs"),
    "total_krw": ("발표 총액", "Total announced"),
    "national_share": ("국비 비중", "National share"),
    "n_institutions": ("참여 기관", "Institutions"),
    "n_sites": ("거점", "Sites"),
    "n_documents": ("발표문", "Announcements"),
    "money_help": (
        "사업마다 가장 최근 발표의 총액(없으면 국비·미분류 중 최대)을 한 번씩만 더한 값입니다.",
        "Each program counted once: its latest announcement's total (else its largest national/unspecified figure).",
    ),
    "hierarchy": ("사업 계층", "Program hierarchy"),
    "hierarchy_help": (
        "상위 사업 안에 하위 사업을 넣어 금액 크기로 그렸습니다. ‘세부 미기재’는 상위 사업 금액 중 하위 사업으로 나뉘어 발표되지 않은 부분입니다.",
        "Programs drawn inside their parents, sized by amount. 'Not itemised' is the part of a parent's figure that no child program accounts for.",
    ),
    "not_itemised": ("세부 미기재", "not itemised"),
    "no_own_figure": ("자체 금액 없음", "no figure of its own"),
    "parent_program": ("상위 사업", "Part of"),
    "child_programs": ("하위 사업", "Sub-programs"),
    "children_add_up": (
        "하위 사업 {n}개의 합 {sum} / 이 사업 {own}: 차이 {gap}",
        "{n} sub-programs add up to {sum} of this program's {own}: gap {gap}",
    ),
    "children_exceed": (
        "하위 사업 {n}개의 합 {sum}이 이 사업의 금액 {own}보다 큽니다(차이 {gap}): 근거 문서를 확인하세요.",
        "{n} sub-programs add up to {sum}, more than this program's {own} (gap {gap}): check their documents.",
    ),
    "stale_program": (
        "링크에 있던 사업은 지금 필터에 들어 있지 않아 첫 번째 사업을 보여 줍니다.",
        "The program in the link is not in the current filters, so the first program is shown instead.",
    ),
    "reconciliation": ("맞지 않는 금액", "Figures that do not add up"),
    "reconciliation_help": (
        "국비·지방비·민간의 합과 발표된 총액, 하위 사업의 합과 상위 사업 금액, 연도별 금액의 합과 총사업비를 맞춰 보고 어긋나는 것을 근거 문서와 함께 보여 줍니다.",
        "National + local + private against the stated total, sub-programs against their parent, fiscal-year lines against the multi-year total: each mismatch with the document to read.",
    ),
    "all_add_up": ("어긋나는 금액이 없습니다.", "Every checked figure adds up."),
    "reconciliation_rows": ("어긋나는 금액 보기", "Show the figures that do not add up"),
    "child_rows": ("하위 사업 보기", "Show the sub-programs"),
    "budget_rows_show": ("예산 문장 보기", "Show the budget statements"),
    "events_caption": (
        "발표문 {documents}건은 발표 {events}건을 전함: 같은 발표를 전한 보도자료·기사·첨부는 한 발표로 묶고, 사업별 금액은 한 번만 셉니다.",
        "{documents} documents report {events} announcements: a release, the articles that covered it and its attachments are one announcement, and each program's money in it is counted once.",
    ),
    "program_events": ("발표와 보도", "Announcements and coverage"),
    "outlets": ("같은 발표를 전한 문서", "Other documents reporting it"),
    "n_outlets": ("문서 수", "Documents"),
    "roots_only": (
        "상위 사업만 더했습니다: 사업 {counted}개의 금액을 더했고, 상위 사업의 금액 안에 들어 있는 하위 사업 {inside}개는 빼서 같은 돈을 두 번 세지 않습니다.",
        "Root programs only: the figures of {counted} programs are added; {inside} programs inside a parent's figure are left out, so no money is counted twice.",
    ),
    "announcements_over_time": ("월별 발표", "Announcements per month"),
    "latest": ("최근 발표", "Latest announcements"),
    "timeline": ("발표 금액 타임라인", "Announced amounts over time"),
    "gantt": ("사업 기간", "Program periods"),
    "period_one": ("사업 기간", "Period"),
    "per_year": ("회계연도별 예산", "Money per fiscal year"),
    "by_kind": ("재원 구성(국비·지방비·민간·미분류)", "Funding mix (national, local, private, unspecified)"),
    "cumulative": ("누적 발표 총액", "Cumulative announced total"),
    "revisions": ("사업별 발표 이력(수정)", "A program's announcement history (revisions)"),
    "revisions_help": (
        "같은 사업·같은 구분·같은 범위(연도)의 금액만 한 선으로 잇습니다. 범위가 다른 금액(추경분, 총사업비)은 다른 선입니다.",
        "One line per series: the same program, kind and scope (years covered). A figure for another scope (a supplementary portion, a multi-year total) is its own line.",
    ),
    "changes": ("수정 내역(같은 계열 안에서)", "Changes (within a series)"),
    "revision_points": ("발표별 금액(그래프의 점)", "Each announced figure (the chart's points)"),
    "scope_supplementary": ("{a} 추경분", "{a} supplementary"),
    "scope_year": ("{a}년 예산", "FY{a}"),
    "scope_period": ("{a}–{b}년", "{a}–{b}"),
    "scope_open": ("기간 미기재", "period not stated"),
    "budget_rows": ("예산 문장", "Budget statements"),
    "program_table": ("사업 목록", "Programs"),
    "pick_program": ("사업 선택", "Choose a program"),
    "documents": ("발표문", "Documents"),
    "evidence": ("근거 문장", "Evidence"),
    "ranking_programs": ("참여 사업 수 순위", "Ranking by programs"),
    "ranking_money": ("참여 사업 예산 순위", "Ranking by program money"),
    "by_type": ("기관 유형별", "By type"),
    "coparticipation": ("공동 참여(같은 사업에 함께 등장)", "Co-participation (same program)"),
    "partners": ("해외 협력 국가", "Foreign partners by country"),
    "site_map": ("거점 지도", "Map of sites"),
    "sites_here": (
        "이 지점의 거점 {n}곳 (지도에서는 둘레에 펼쳐 표시)",
        "{n} sites at this point (spread around it on the map)",
    ),
    "no_coords": (
        "좌표가 없는 거점은 지도에 표시되지 않습니다.",
        "Sites without coordinates are not on the map.",
    ),
    "search_text": ("본문 검색", "Search the text"),
    "pick_document": ("발표문 선택", "Choose a document"),
    "facts": ("추출된 사실", "Extracted facts"),
    "tables": ("문서 속 표", "Tables in the document"),
    "open_source": ("원문 보기", "Open the source"),
    "source_health": ("감시 중인 수집원", "Watched sources"),
    "source_health_help": (
        "`python -m etl watch`가 확인하는 피드입니다. 실패가 이어지는 수집원이 맨 위에 옵니다.",
        "Feeds checked by `python -m etl watch`; sources that keep failing come first.",
    ),
    "source_short": ("원문", "open"),
    "open_program": ("사업 자세히", "Program details"),
    "open_budgets": ("예산 보기", "See budgets"),
    "legend": ("표시: ", "Highlights: "),
    "month": ("월", "Month"),
    "date": ("발표일", "Announced on"),
    "amount": ("금액", "Amount"),
    "year": ("연도", "Year"),
    "count": ("건수", "Count"),
    "programs_axis": ("사업 수", "Programs"),
    "unknown": ("미상", "unknown"),
    "change": ("월별 증감", "Change that month"),
    "aliases": ("다른 이름", "Also called"),
    "programs_suffix": ("개 사업", " programs"),
    "nothing_here": ("이 항목에 해당하는 자료가 없습니다.", "Nothing of this kind was found."),
    "page": ("쪽", "Page"),
    "rows_of": ("전체 {total:,}건 중 {first:,}–{last:,}번째", "Rows {first:,}–{last:,} of {total:,}"),
    "evidence_hint": (
        "행을 선택하면 근거 문장 전체를 볼 수 있습니다.",
        "Select a row to read its whole evidence sentence.",
    ),
    "pages": ("페이지", "Pages"),
    # evidence from every number, like with like (issue 13)
    "click_hint": (
        "점을 누르면 그 값의 근거(금액·구분·역할·사업·문서·근거 문장)가 아래에 나옵니다.",
        "Click a point to see the facts behind it (amount, kind, role, program, document, sentence) below.",
    ),
    "charted_figure": ("이 값으로 집계됨", "the figure counted"),
    "more_figures": (
        "이 값에 더한 금액 {total:,}건 중 큰 {shown:,}건입니다.",
        "The {shown:,} largest of the {total:,} figures this value adds.",
    ),
    "more_facts": ("전체 {total:,}건 중 {shown:,}건", "{shown:,} of {total:,} facts shown"),
    "show_facts": ("근거 보기", "Show the facts"),
    "facts_behind": ("근거: {what}", "The facts behind: {what}"),
    "metric_total": ("발표 총액", "Total announced"),
    "metric_national": ("국비 비중", "National share"),
    "metric_programs": ("사업 수", "Programs"),
    "metric_documents": ("발표문", "Announcements"),
    "metric_institutions": ("참여 기관", "Institutions"),
    "metric_sites": ("거점", "Sites"),
    "metric_total_help": (
        "금액이 큰 {shown}건입니다. 더한 {total}건 전체와 뺀 것은 아래 ‘어떻게 셌나’에 있습니다.",
        "The {shown} largest; all {total} figures added, and what was left out, are under 'How this is counted' below.",
    ),
    "metric_national_help": (
        "사업마다 총액을 잡은 그 발표의 국비입니다(금액이 큰 {shown}건).",
        "Each program's national figure in the announcement its headline comes from ({shown} largest shown).",
    ),
    "search_names": ("이름 검색", "Search names"),
    "rank_by": ("비교할 금액", "Compare"),
    "rank_headline": ("사업별 대표 금액", "each program's headline figure"),
    "rank_help_headline": (
        "사업마다 가장 최근 발표의 대표 금액(총액, 없으면 국비·미분류 중 최대)으로 순위를 매깁니다. 금액마다 구분이 붙어 있습니다.",
        "Each program's headline figure (its latest announcement's total, else its largest national or unspecified figure); the kind of each is shown.",
    ),
    "rank_help_kind": (
        "‘{kind}’ 금액만 비교합니다: 사업마다 그 구분의 금액을 밝힌 가장 최근 발표의 금액입니다.",
        "Only '{kind}' figures are compared: each program's latest announcement stating one.",
    ),
    "no_institution_money": (
        "기관별 금액은 없습니다: 발표문은 금액을 사업에 배정할 뿐 참여 기관에 배정하지 않으므로, 사업 예산을 기관마다 더하면 같은 돈을 여러 번 셉니다. 기관은 참여 사업·발표문 수와 역할로 비교합니다.",
        "No money per institution: the announcements assign money to programs, not to the institutions taking part, so adding programs' money per institution would count the same money many times. Institutions are compared by programs, documents and roles.",
    ),
    "how_counted": ("어떻게 셌나", "How this is counted"),
    "how_counted_added": (
        "**더한 것**: 상위 사업 {n}개의 대표 금액(사업마다 한 번), 각각 구분·역할·문서·근거 문장과 함께.",
        "**Added**: the headline figure of each of {n} root programs (once each), with its kind, role, document and sentence.",
    ),
    "how_counted_left": (
        "**뺀 것과 이유** (같은 범위의 금액 문장)",
        "**Left out, and why** (money statements in the same scope)",
    ),
    "left_out_pick": ("이유별 금액 문장 보기", "Show the statements left out for"),
    "reason_rejected": ("검토에서 제외", "rejected by review"),
    "reason_not_budget": ("사업 예산이 아님", "not a program's budget"),
    "reason_foreign_currency": ("외화", "foreign currency"),
    "reason_no_program": ("사업 없음", "no program"),
    "reason_inside_parent": ("상위 사업에 포함", "inside a parent program"),
    "reason_no_headline": ("대표 금액 종류 아님", "no headline kind"),
    "reason_superseded": ("다른(이전) 발표", "another announcement"),
    "reason_same_announcement": ("같은 발표의 금액", "same announcement"),
    "reason_same_event": ("같은 발표를 전한 다른 문서", "another outlet of the same announcement"),
    "reason_old_version": ("바뀌기 전 문서 판", "old document version"),
    "left_rejected": (
        "분석가가 틀렸다고 제외(또는 다른 기관에 병합)한 금액",
        "An analyst rejected it (or merged it into another fact)",
    ),
    "left_not_budget": (
        "역할이 예산이 아님: 증감, 예산 총액(본예산·추경·부처 전체), 상한, 투자, 시장 규모, 환산 등",
        "Its role is not 'budget': a change, an envelope (base budget, supplementary, a ministry's total), a cap, an investment, a market size, a conversion …",
    ),
    "left_foreign_currency": ("원화가 아닌 금액(환산하지 않음)", "Not in won (never converted)"),
    "left_no_program": ("어느 사업의 돈인지 본문이 말하지 않음", "The text ties it to no program"),
    "left_inside_parent": (
        "하위 사업: 상위 사업의 금액에 이미 들어 있음",
        "A sub-program: its money is inside its parent program's figure",
    ),
    "left_no_headline": (
        "사업에 총액·국비·미분류 금액이 없음(지방비·민간 등 부분만)",
        "The program has no total, national or unspecified figure (only parts such as local or private)",
    ),
    "left_superseded": (
        "대표 금액은 가장 최근 발표의 것: 같은 사업의 다른 발표의 금액",
        "The headline is the latest announcement's: a figure from another announcement of the program",
    ),
    "left_same_announcement": (
        "대표 금액을 잡은 발표의 금액들(더한 금액 자체 포함): 국비·지방비·민간 등 부분과 작은 금액",
        "Figures of the announcement the headline comes from (the added one among them): its parts and smaller figures",
    ),
    "left_same_event": (
        "같은 발표를 전한 여러 문서(보도자료·기사·첨부) 가운데 순위가 더 높은 문서가 같은 사업의 금액을 이미 말함: 한 번만 셈",
        "Several documents (release, articles, attachments) report one announcement, and a higher-ranked one already states this program's money: counted once",
    ),
    "left_old_version": (
        "고쳐지기 전 문서 판의 금액(어디에도 세지 않음)",
        "From a document's earlier version (counted nowhere)",
    ),
}


def t(key: str, lang: str = "ko") -> str:
    """The interface text for a key in a language (the key itself if unknown)."""
    pair = LABELS.get(key)
    return key if pair is None else pair[lang == "en"]


def code(value: object, lang: str = "ko", missing: str | None = None) -> str:
    """The word for a stored code (kind, type, role, status); unknown codes pass through."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return t("unknown", lang) if missing is None else missing
    pair = CODES.get(str(value))
    return str(value) if pair is None else pair[lang == "en"]


def column(name: str, lang: str = "ko") -> str:
    """A table column's header."""
    pair = COLUMNS.get(name)
    return name if pair is None else pair[lang == "en"]


def codes_column(values: pd.Series, lang: str = "ko", missing: str | None = None) -> pd.Series:
    """A column of codes as words."""
    return values.map(lambda v: code(v, lang, missing)).astype("object")
