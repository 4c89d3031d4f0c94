"""Countries: the table, word boundaries, partners apart from mentions (cues from the lexicon), order, evidence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl import lexicon
from etl.config import RESOURCES
from etl.extract.countries import extract_countries, find_countries, load_countries
from etl.models import Sentence

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "national_ai_research_lab_2024-10-28.txt"


def sentences(*texts: str) -> list[Sentence]:
    """Sentences laid end to end with one space between them, offsets exact."""
    out, pos = [], 0
    for t in texts:
        out.append(Sentence(t, pos, pos + len(t)))
        pos += len(t) + 1
    return out


def codes(text: str) -> list[str]:
    """Every foreign country recognised, partner or mentioned, in order of first mention."""
    found = extract_countries(sentences(text))
    return sorted(found.partners + found.mentioned, key=lambda iso: text.find(_first_alias(text, iso)))


def _first_alias(text: str, iso: str) -> str:
    return text[next(s for i, s, _ in find_countries(text) if i == iso) :]


def split(*texts: str) -> tuple[list[str], list[str]]:
    found = extract_countries(sentences(*texts))
    return found.partners, found.mentioned


def test_table_is_complete_enough() -> None:
    with (RESOURCES / "countries.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["iso2", "name_en", "name_ko", "aliases"]
    assert len(rows) >= 60
    isos = [r["iso2"] for r in rows]
    assert len(isos) == len(set(isos))
    assert all(len(i) == 2 and i.isupper() and r["name_ko"] for i, r in zip(isos, rows, strict=True))
    assert load_countries() is load_countries()


def test_seed_partner_sentence() -> None:
    text = "미국, 캐나다, 프랑스, UAE 등 해외 기관의 연구자들도 국내에 머물며 공동연구를 한다."
    assert codes(text) == ["US", "CA", "FR", "AE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("경영국장이 보고했다.", []),
        ("인도네시아와 협력한다.", ["ID"]),
        ("인도와 협력한다.", ["IN"]),
        ("인도적 지원을 늘린다.", []),
        ("영국문화원이 주최했다.", []),
        ("영국의 앨런튜링연구소와 협약했다.", ["GB"]),
        ("중국산 반도체와 미국인 연구자", ["CN", "US"]),
        ("美서 청정에너지 1.2GW 확보", ["US"]),
        ("中企 지원 예산", []),
        ("28日 발표", []),
        ("한중일 정상회의에서", ["CN", "JP"]),
        ("한·미 AI 협력 강화", ["US"]),
        ("한미약품이 발표했다.", []),
        ("기술이란 무엇인가", []),
        ("아랍에미리트(UAE)와 사우디아라비아", ["AE", "SA"]),
    ],
)
def test_korean_mentions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Researchers from the U.S., Canada, France and the UAE will join.", ["US", "CA", "FR", "AE"]),
        ("The UK and Japan signed an AI safety pact.", ["GB", "JP"]),
        ("Exports to Latin America grew.", []),
        ("Bank of America analysts said so.", []),
        ("China Mobile and Japan Airlines", []),
        ("It costs US$ 90.1 million.", []),
        ("let us know", []),
        ("South Korea and North Korea", ["KP"]),
        ("India and Indonesia", ["IN", "ID"]),
    ],
)
def test_english_mentions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_korea_is_never_a_partner() -> None:
    assert codes("한국과 미국, 대한민국 정부") == ["US"]
    assert [iso for iso, _, _ in find_countries("한국과 미국")] == ["KR", "US"]


def test_order_of_first_mention_and_first_sentence_as_evidence() -> None:
    sents = sentences("프랑스 연구진이 참여한다.", "미국과 프랑스가 참여한다.", "미국 기관도 있다.")
    found = extract_countries(sents)
    evidence = found.evidence
    assert found.partners == ["FR", "US"]
    assert evidence["FR"].text == "프랑스 연구진이 참여한다."
    assert evidence["US"].start == sents[1].start and evidence["US"].end == sents[1].end


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here (the seed lives in ../shared)")
    from etl.nlp import split_sentences

    text = SEED.read_text(encoding="utf-8")
    text = text[: text.index("Copyright")]
    found = extract_countries(split_sentences(text))
    evidence = found.evidence
    assert found.partners == ["US", "CA", "FR", "AE"]
    assert "UAE" in evidence["AE"].text
    assert text[evidence["US"].start : evidence["US"].end] == evidence["US"].text


@pytest.mark.parametrize("entry", lexicon.entries("country_partner_cues"), ids=lambda e: e.term)
def test_a_partner_cue_makes_the_country_of_its_example_a_partner(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    partners, mentioned = split(entry.example)
    assert partners and not mentioned, (entry.example, partners, mentioned)


@pytest.mark.parametrize("entry", lexicon.entries("country_mention_cues"), ids=lambda e: e.term)
def test_a_mention_cue_keeps_the_country_beside_it_out_of_the_partners(entry: lexicon.Entry) -> None:
    # Every example also carries a partner cue: the mention cue must win for the country it stands beside.
    assert entry.term.lower() in entry.example.lower()
    partners, mentioned = split(entry.example)
    assert mentioned and not partners, (entry.example, partners, mentioned)


@pytest.mark.parametrize("entry", lexicon.entries("country_clause_breaks"), ids=lambda e: e.term)
def test_a_partner_cue_in_another_clause_makes_no_partner(entry: lexicon.Entry) -> None:
    # The cue sits after the break: the country before it, in a clause of its own, is only mentioned.
    assert entry.term in entry.example
    partners, mentioned = split(entry.example)
    assert mentioned and not partners, (entry.example, partners, mentioned)


@pytest.mark.parametrize(
    ("texts", "partners", "mentioned"),
    [
        (("미국·중국의 투자 규모에 비해 우리 AI 예산은 작다.",), [], ["US", "CN"]),
        (("That share is 7.1 percent in Italy and 5.3 percent in the U.K.",), [], ["IT", "GB"]),
        (("The date may shift because of the Korea-US tariff agreement.",), [], ["US"]),
        (("중국 스타트업이 내놓은 AI가 주목받았다.",), [], ["CN"]),
        # Named once as a forum's place, once as the partner of joint R&D: a partner.
        (("He spoke at the ROK-USA forum.", "It will launch joint R&D with the United States."), ["US"], []),
        (("미국·캐나다·싱가포르 등과 디지털 공동연구를 한다.",), ["US", "CA", "SG"], []),
    ],
)
def test_partners_and_mentions(texts: tuple[str, ...], partners: list[str], mentioned: list[str]) -> None:
    assert split(*texts) == (partners, mentioned)


def test_a_country_that_is_its_clauses_topic_works_at_home_unless_this_side_is_named() -> None:
    """'영국은 … 함께 돈을 대': the UK and its own universities, not a partner; '미국은 우리 연구진과 함께': one."""
    text = "캐나다는 연구소를 세웠고, 영국은 정부기관과 5개 대학이 함께 돈을 대 연구소를 설립했다."
    assert split(text) == ([], ["CA", "GB"])


@pytest.mark.parametrize("entry", lexicon.entries("country_home_words"), ids=lambda e: e.term)
def test_a_topic_country_working_with_this_side_is_a_partner(entry: lexicon.Entry) -> None:
    partners, _ = split(entry.example)
    assert partners, entry.example


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        # A foreign body acting in a sentence set in its own country (named there as no partner): no partner.
        (
            "In China, Alibaba Group has announced that it will invest 75 trillion won in cloud infrastructure.",
            [],
        ),
        ("중국에서는 알리바바가 클라우드에 75조원을 투자한다.", []),
        # The same body acting with this side, its country unnamed: its country takes part.
        ("Alibaba Group will invest 75 trillion won with Naver in a joint AI lab in Seoul.", ["CN"]),
        # inst5: foreign bodies acting among themselves, this side unnamed in the sentence: no partner.
        ("Alibaba Group will invest 75 trillion won in Nvidia chips for its cloud.", []),
        ("알리바바는 국내 기업과 함께 클라우드에 75조원을 투자한다.", ["CN"]),
        # a Korean body found by its form (no gazetteer row) is this side; India is the funder's home base
        ("한빛물류㈜는 인도 뭄바이에 본사를 둔 올카고 그룹의 투자를 받아 100억원을 투자한다.", ["IN"]),
    ],
)
def test_a_foreign_actor_makes_its_country_a_partner_unless_it_acts_at_home(
    text: str, partners: list[str]
) -> None:
    from etl.extract.document import extract_document
    from etl.models import Document

    facts = extract_document(Document(source="x.txt", text=text, lang="en" if text.isascii() else "ko"))
    assert facts.countries == partners


def test_nationality_adjectives_name_their_country() -> None:
    assert split("An American chip maker and a Vietnamese bank were named as examples.") == ([], ["US", "VN"])
    assert split("The firm will work together with an Indian research group on the model.")[0] == ["IN"]
    assert not codes("Sales to the North American market rose, and South American demand fell.")


def test_us_china_shorthand_names_both_and_competitors_are_only_mentioned() -> None:
    assert split("미중 기술 패권 다툼이 거세다.") == ([], ["US", "CN"])
    assert split("미·중 갈등이 길어지자 두 나라 기업들이 공동연구에 나선다.")[1] == ["US", "CN"]
    assert split("Korean firms that compete with China will cooperate with Japan on chips.") == (
        ["JP"],
        ["CN"],
    )


@pytest.mark.parametrize("entry", lexicon.entries("country_home_base"), ids=lambda e: e.term)
def test_a_country_named_as_a_bodys_home_base_does_not_set_the_act_at_home(entry: lexicon.Entry) -> None:
    from etl.extract.countries import named_at_home

    assert entry.term in entry.example
    assert not named_at_home(entry.example, "IN"), entry.example
    assert named_at_home("인도에서는 올카고 그룹이 터미널에 투자한다.", "IN")  # set in India: at home


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("한국전력은 모잠비크 전력청과 AI 전력망 공동연구 업무협약을 맺었다.", ["MZ"]),
        ("The agency signed an MOU with Uruguay and Panama on joint AI research.", ["UY", "PA"]),
        ("동티모르와 몰디브의 연구자들이 국내에 머물며 공동연구를 한다.", ["TL", "MV"]),
    ],
)
def test_gazetteer_names_less_common_partners(text: str, expected: list[str]) -> None:
    assert split(text)[0] == expected


@pytest.mark.parametrize(
    "text", ["부탄가스 통을 치웠다.", "말리는 사람이 없었다.", "수단과 방법을 가리지 않았다."]
)
def test_short_korean_words_are_not_countries(text: str) -> None:
    assert split(text) == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("우리 연구소는 스웨덴 대학과 공동으로 로봇을 개발한다.", ["SE"]),
        ("정부는 칠레와 디지털 협정을 체결했다.", ["CL"]),
        ("The ministry signed a digital accord with Chile.", ["CL"]),
        ("Korea launched a chip alliance with the Netherlands.", ["NL"]),
        ("Poland hosts the second testbed of the programme.", ["PL"]),
    ],
)
def test_signing_joint_work_and_hosting_make_partners(text: str, expected: list[str]) -> None:
    assert split(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("실증 사업에는 태국 병원 3곳과 국내 기업 5곳이 선정됐다.", ["TH"]),
        ("Korea will help develop a smart port in Peru.", ["PE"]),
        ("The agency will help build a data centre in Kenya.", ["KE"]),
    ],
)
def test_selection_and_development_aid_make_partners(text: str, expected: list[str]) -> None:
    assert split(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("한·베 AI 공동연구센터가 하노이에 문을 연다.", ["VN"]),
        ("정부는 인니 정부와 디지털 협력 양해각서를 맺었다.", ["ID"]),
        ("우즈벡 연구자 20명이 국내에 머물며 공동연구를 한다.", ["UZ"]),
        ("한-러 과학기술 협력 위원회가 열렸다.", ["RU"]),
    ],
)
def test_korean_short_forms_of_partner_countries(text: str, expected: list[str]) -> None:
    assert split(text)[0] == expected
