"""The words for codes stored in the database (kinds, types, roles, states …), in Korean and English:
`ui.i18n.code` reads them."""

from __future__ import annotations

# code: (Korean, English)
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
    # what a site's coordinates stand for (etl/resources/places.csv `precision`)
    "building": ("건물·부지", "building"),
    "district": ("지구·구", "district"),
    "city": ("시·군", "city"),
    "province": ("시·도", "province"),
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
