"""Interface text in Korean and English: labels, column names and the words for codes stored in the database."""

from __future__ import annotations

import pandas as pd

# key: (Korean, English)
LABELS: dict[str, tuple[str, str]] = {
    "app": ("AI 정책 트래커", "AI Policy Tracker"),
    "overview": ("개요", "Overview"),
    "budgets": ("예산", "Budgets"),
    "programs": ("사업", "Programs"),
    "institutions": ("기관", "Institutions"),
    "sites": ("거점", "Sites"),
    "sources": ("원문", "Sources"),
    "filters": ("필터", "Filters"),
    "period": ("발표 기간(연도)", "Announced (years)"),
    "agency": ("정부 부처·기관", "Government agency"),
    "program": ("사업", "Program"),
    "institution": ("기관", "Institution"),
    "itypes": ("기관 유형", "Institution type"),
    "country": ("협력 국가", "Partner country"),
    "q": ("사업명 검색", "Program name contains"),
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
}

CODES: dict[str, tuple[str, str]] = {
    # budget kinds
    "total": ("총액", "total cost"),
    "national": ("국비", "national funds"),
    "local": ("지방비", "local funds"),
    "private": ("민간", "private funds"),
    "unspecified": ("미분류", "kind not stated"),
    # institution types
    "government": ("중앙정부", "government"),
    "public_agency": ("공공기관", "public agency"),
    "local_government": ("지방자치단체", "local government"),
    "university": ("대학", "university"),
    "research": ("연구기관", "research institute"),
    "industry": ("기업", "company"),
    "international": ("국제기구", "international body"),
    "other": ("기타", "other"),
    # roles
    "lead": ("주관", "lead"),
    "host": ("유치", "host"),
    "participant": ("참여", "participant"),
    "funder": ("지원", "funder"),
    "partner": ("협력", "partner"),
    "mentioned": ("언급", "mentioned"),
    # reconciliation checks
    "parts": ("국비+지방비+민간 ↔ 총액", "parts vs. total"),
    "children": ("하위 사업 ↔ 상위 사업", "sub-programs vs. parent"),
    "years": ("연도별 ↔ 총사업비", "fiscal years vs. total"),
    # review states of a fact
    "machine": ("자동 추출", "machine"),
    "confirmed": ("확인됨", "confirmed"),
    "edited": ("수정됨", "edited"),
    "rejected": ("제외됨", "rejected"),
    "merged": ("병합됨", "merged"),
    # money roles (budgets.role; "budget" and "other" are above)
    "change": ("증감", "change"),
    "base": ("예산 총액", "budget envelope"),
    "cap": ("상한", "cap"),
    "investment": ("투자", "investment"),
    "market": ("시장·매출", "market/sales"),
    "revenue": ("수입", "revenue"),
    "conversion": ("환산", "conversion"),
    # site status
    "open": ("개소", "open"),
    "planned": ("예정", "planned"),
    # fact kinds on the Sources page
    "budget": ("예산", "budget"),
    "mention": ("사업", "program"),
    "participation": ("기관", "institution"),
    "site": ("거점", "site"),
    "country_fact": ("국가", "country"),
    # languages
    "ko": ("한국어", "Korean"),
    "en": ("영어", "English"),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "published_on": ("발표일", "Published"),
    "announced_on": ("발표일", "Announced"),
    "title": ("제목", "Title"),
    "program": ("사업", "Program"),
    "name_en": ("영문명", "English name"),
    "aliases": ("다른 이름", "Aliases"),
    "headline_krw": ("발표 금액", "Announced amount"),
    "check_kind": ("점검", "Check"),
    "stated_krw": ("발표된 합계", "Stated total"),
    "parts_krw": ("부분의 합", "Sum of the parts"),
    "gap_krw": ("차이(부분−합계)", "Gap (parts − total)"),
    "amount_krw": ("금액", "Amount"),
    "money_krw": ("참여 사업 예산", "Program money"),
    "unit_text": ("원문 표기", "As written"),
    "currency": ("통화", "Currency"),
    "kind": ("구분", "Kind"),
    "fiscal_year": ("회계연도", "Fiscal year"),
    "evidence": ("근거 문장", "Evidence"),
    "url": ("원문 주소", "Source URL"),
    "link": ("원문 보기", "Open"),
    "n_documents": ("발표문 수", "Documents"),
    "n_programs": ("사업 수", "Programs"),
    "n_budgets": ("예산 문장 수", "Budget statements"),
    "n_facts": ("사실 수", "Facts"),
    "first_announced": ("첫 발표", "First announced"),
    "last_announced": ("최근 발표", "Last announced"),
    "start_year": ("시작 연도", "Start"),
    "end_year": ("종료 연도", "End"),
    "period": ("사업 기간", "Period"),
    "last_published": ("최근 발표", "Last announced"),
    "name_ko": ("한국어 이름", "Korean name"),
    "institution": ("기관", "Institution"),
    "type": ("유형", "Type"),
    "country": ("국가", "Country"),
    "country_ko": ("국가", "Country"),
    "country_en": ("국가(영문)", "Country"),
    "role": ("역할", "Role"),
    "state": ("검토", "Review"),
    "name": ("이름", "Name"),
    "name_seen": ("쓰인 이름", "Name as written"),
    "address": ("주소", "Address"),
    "area_m2": ("면적(㎡)", "Area (m²)"),
    "area": ("면적", "Area"),
    "status": ("상태", "Status"),
    "year": ("연도", "Year"),
    "lang": ("언어", "Language"),
    "source": ("출처", "Source"),
    "n_chars": ("글자 수", "Characters"),
    "n_institutions": ("기관 수", "Institutions"),
    "n_mentions": ("언급 수", "Mentions"),
    "fact": ("사실", "Fact"),
    "label": ("내용", "What"),
    "detail": ("구분", "Detail"),
    "source_name": ("수집원", "Source"),
    "last_status": ("마지막 결과", "Last result"),
    "last_checked_at": ("마지막 확인", "Last checked"),
    "last_success_at": ("마지막 성공", "Last success"),
    "n_failures": ("연속 실패", "Failures in a row"),
    "n_items_seen": ("가져온 항목", "Items fetched"),
    "n_new_last": ("새 항목(마지막)", "New last time"),
    "last_error": ("마지막 오류", "Last error"),
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
