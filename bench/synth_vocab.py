"""The names bench/synth_db.py draws its synthetic programs, institutions, places and countries from."""

from __future__ import annotations

# Real public bodies, written by us: name, English name, type, country.
BUILTIN_INSTITUTIONS = """name,name_en,type,country
과학기술정보통신부,Ministry of Science and ICT,government,KR
산업통상자원부,"Ministry of Trade, Industry and Energy",government,KR
중소벤처기업부,Ministry of SMEs and Startups,government,KR
행정안전부,Ministry of the Interior and Safety,government,KR
교육부,Ministry of Education,government,KR
정보통신기획평가원,Institute of Information & Communications Technology Planning & Evaluation,public_agency,KR
한국지능정보사회진흥원,National Information Society Agency,public_agency,KR
정보통신산업진흥원,National IT Industry Promotion Agency,public_agency,KR
한국연구재단,National Research Foundation of Korea,public_agency,KR
한국전자통신연구원,Electronics and Telecommunications Research Institute,research,KR
한국과학기술연구원,Korea Institute of Science and Technology,research,KR
한국과학기술원,KAIST,university,KR
서울대학교,Seoul National University,university,KR
고려대학교,Korea University,university,KR
연세대학교,Yonsei University,university,KR
포항공과대학교,POSTECH,university,KR
광주과학기술원,GIST,university,KR
울산과학기술원,UNIST,university,KR
서울특별시,Seoul Metropolitan Government,local_government,KR
광주광역시,Gwangju Metropolitan City,local_government,KR
부산광역시,Busan Metropolitan City,local_government,KR
대전광역시,Daejeon Metropolitan City,local_government,KR
삼성전자,Samsung Electronics,industry,KR
LG AI연구원,LG AI Research,industry,KR
네이버,NAVER,industry,KR
카카오,Kakao,industry,KR
SK텔레콤,SK Telecom,industry,KR
KT,KT,industry,KR
벡터연구소,Vector Institute,research,CA
워털루대학교,University of Waterloo,university,CA
밀라,Mila,research,CA
매사추세츠공과대학교,MIT,university,US
뉴욕대학교,New York University,university,US
인리아,Inria,research,FR
모하메드 빈 자이드 인공지능대학교,MBZUAI,university,AE
앨런튜링연구소,The Alan Turing Institute,research,GB
막스플랑크연구소,Max Planck Society,research,DE
경제협력개발기구,OECD,international,
"""

COUNTRIES = [
    ("KR", "Korea", "대한민국"),
    ("US", "United States", "미국"),
    ("CA", "Canada", "캐나다"),
    ("FR", "France", "프랑스"),
    ("AE", "United Arab Emirates", "아랍에미리트"),
    ("GB", "United Kingdom", "영국"),
    ("DE", "Germany", "독일"),
    ("JP", "Japan", "일본"),
    ("SG", "Singapore", "싱가포르"),
    ("FI", "Finland", "핀란드"),
]

# 시·도 with approximate centre coordinates (public facts), for site locations.
REGIONS = [
    ("서울", "Seoul", 37.5665, 126.9780),
    ("부산", "Busan", 35.1796, 129.0756),
    ("대구", "Daegu", 35.8714, 128.6014),
    ("인천", "Incheon", 37.4563, 126.7052),
    ("광주", "Gwangju", 35.1595, 126.8526),
    ("대전", "Daejeon", 36.3504, 127.3845),
    ("울산", "Ulsan", 35.5384, 129.3114),
    ("세종", "Sejong", 36.4800, 127.2890),
    ("경기", "Gyeonggi", 37.2752, 127.0095),
    ("강원", "Gangwon", 37.8854, 127.7298),
    ("충북", "Chungbuk", 36.6357, 127.4917),
    ("충남", "Chungnam", 36.6588, 126.6728),
    ("전북", "Jeonbuk", 35.8202, 127.1089),
    ("전남", "Jeonnam", 34.8161, 126.4629),
    ("경북", "Gyeongbuk", 36.5760, 128.5056),
    ("경남", "Gyeongnam", 35.2383, 128.6925),
    ("제주", "Jeju", 33.4996, 126.5312),
]
PREFIXES = [("국가", "National"), ("글로벌", "Global"), ("차세대", "Next-generation"), ("지역", "Regional")]
TOPICS = [
    ("AI 연구거점", "AI Research Hub"),
    ("AI 반도체", "AI Semiconductor"),
    ("AI 데이터센터", "AI Data Center"),
    ("AI 인재양성", "AI Talent"),
    ("AI 바우처", "AI Voucher"),
    ("디지털 트윈", "Digital Twin"),
    ("AI 융합 클러스터", "AI Convergence Cluster"),
    ("피지컬 AI", "Physical AI"),
    ("AI 안전연구", "AI Safety Research"),
    ("AI 컴퓨팅 인프라", "AI Computing Infrastructure"),
]
SUFFIXES = [("사업", "Program"), ("프로젝트", "Project"), ("구축사업", "Build-out"), ("플래그십", "Flagship")]
