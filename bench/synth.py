"""Deterministic synthetic announcements (Korean and English) for tests and benchmarks.

`python -m bench.synth OUT_DIR -n 1000 [--seed 0]` writes N files shaped like real releases: a
headline, a byline with a date, paragraphs with several amounts of different kinds, institutions,
a site with an area, partner countries, and a tail of unrelated headlines that must yield nothing.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

KO_INSTITUTIONS = [
    "과학기술정보통신부", "정보통신기획평가원", "정보통신산업진흥원", "한국지능정보사회진흥원", "산업통상자원부",
    "중소벤처기업부", "카이스트", "서울대", "고려대", "연세대", "포스텍", "광주과학기술원", "한국전자통신연구원",
    "삼성전자", "SK하이닉스", "네이버", "카카오", "KT", "LG AI연구원", "리벨리온", "퓨리오사AI", "광주광역시",
    "부산광역시", "대구광역시", "경상남도", "전라남도",
]  # fmt: skip
EN_INSTITUTIONS = [
    "the Ministry of Science and ICT", "KAIST", "Seoul National University", "Korea University",
    "Samsung Electronics", "SK hynix", "Naver", "the University of Toronto", "the Vector Institute", "NVIDIA",
]  # fmt: skip
TOPICS = [
    "AI 반도체",
    "초거대 AI",
    "AI 데이터",
    "AI 인재",
    "AI 컴퓨팅",
    "AI 바이오",
    "AI 제조",
    "AI 안전",
    "AI 로봇",
]
EN_TOPICS = ["AI Chip", "Hyperscale AI", "AI Data", "AI Talent", "AI Computing", "AI Safety"]
FORMS = ["사업", "프로젝트", "거점", "센터", "클러스터"]
PLACES = [
    "서울 서초구 양재동",
    "광주 북구 첨단3지구",
    "경기 성남시 분당구 판교",
    "대전 유성구",
    "부산 해운대구",
    "대구 수성구",
]
COUNTRIES_KO = ["미국", "캐나다", "프랑스", "영국", "독일", "일본", "UAE", "싱가포르"]
COUNTRIES_EN = ["the United States", "Canada", "France", "the UK", "Germany", "Japan", "the UAE"]
NOISE = [
    "석유화학 전기화하면 {n}조까지 절감", "{n}년간 {m}만톤 탄소 제거 계획", "청정에너지 {m}GW 확보", "수출 {n}.{m}% 증가",
]  # fmt: skip


def _amount_ko(rng: random.Random) -> tuple[str, int]:
    eok = rng.choice([rng.randint(10, 990), rng.randint(1000, 9999), rng.randint(10000, 99999)])
    if eok >= 10000 and rng.random() < 0.6:
        jo, rest = divmod(eok, 10000)
        text = f"{jo}조 {rest:,}억원" if rest else f"{jo}조원"
    else:
        text = rng.choice([f"{eok:,}억원", f"{eok}억원", f"{eok:,}억 원"])
    return text, eok * 100_000_000


def korean_doc(i: int, rng: random.Random) -> str:
    """One Korean announcement."""
    day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2900))
    topic, form = rng.choice(TOPICS), rng.choice(FORMS)
    name = f"{topic} {rng.choice(['혁신', '선도', '확산', '고도화'])} {form} {i % 97}"
    total, total_krw = _amount_ko(rng)
    nat_krw = total_krw // 100_000_000 * rng.randint(30, 70) // 100 * 100_000_000 or 100_000_000
    nat = f"{nat_krw // 100_000_000:,}억원"
    insts = rng.sample(KO_INSTITUTIONS, 4)
    end = day.year + rng.randint(1, 5)
    place = rng.choice(PLACES)
    area = rng.randint(500, 9000)
    countries = "、".join(rng.sample(COUNTRIES_KO, 2)).replace("、", ", ")
    noise = "\n".join(t.format(n=rng.randint(2, 300), m=rng.randint(2, 99)) for t in rng.sample(NOISE, 3))
    return (
        f"{topic} 경쟁력 높일 '{name}' 본격 추진\n\n"
        f"입력 {day:%Y.%m.%d} 10:{i % 60:02d}\n\n"
        f"{insts[0]}는 {day.day}일 '{name}'을 추진한다고 밝혔다. 정부는 {end}년까지 국비 {nat}을 포함해 "
        f"총 {total}을 투입할 계획이다.\n\n"
        f"이번 사업의 주관기관은 {insts[1]}이며, {insts[2]}와 {insts[3]}가 참여기관으로 함께한다.\n\n"
        f"거점은 {place}의 '{topic} 혁신센터'에 연면적 {area:,}㎡ 규모로 마련됐다. {countries} 등 해외 연구기관도 "
        f"공동연구에 참여한다.\n\n"
        f'{insts[0]} 관계자는 "이번 사업으로 {topic} 분야 경쟁력을 높이겠다"고 말했다.\n\n'
        f"ⓒ 합성뉴스 무단전재 및 재배포 금지\n\n많이 본 뉴스\n{noise}\n"
    )


def english_doc(i: int, rng: random.Random) -> str:
    """One English announcement."""
    day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2900))
    topic = rng.choice(EN_TOPICS)
    name = f"{topic} {rng.choice(['Innovation', 'Frontier', 'Growth'])} Project {i % 89}"
    billions = rng.randint(10, 3000) + rng.randint(0, 9) / 10
    gov = round(billions * rng.randint(30, 70) / 100, 1)
    a, b, c = rng.sample(EN_INSTITUTIONS, 3)
    end = day.year + rng.randint(1, 5)
    return (
        f"Korea launches the {name}\n\n"
        f"Published : {day:%b. %d, %Y} - 11:00\n\n"
        f"SEOUL -- {a[0].upper() + a[1:]} said it will invest KRW {billions} billion in total in the {name} through {end}, "
        f"including KRW {gov} billion in government funds.\n\n"
        f"The project is led by {b}, with {c} taking part. Researchers from {rng.choice(COUNTRIES_EN)} will join.\n\n"
        f"Copyright Synthetic Herald. All rights reserved.\n"
    )


def write_corpus(out: Path, n: int, seed: int = 0, english_share: float = 0.2) -> list[Path]:
    """Write n announcements under out/ (100 per folder) and return their paths."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        folder = out / f"{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        en = rng.random() < english_share
        text = english_doc(i, rng) if en else korean_doc(i, rng)
        path = folder / f"doc{i:06d}_{'en' if en else 'ko'}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("-n", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    paths = write_corpus(a.out, a.n, a.seed)
    print(f"wrote {len(paths)} documents under {a.out}")


if __name__ == "__main__":
    main()
