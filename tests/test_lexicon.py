"""Every vocabulary entry's example goes through the real extractor and must come out as its meaning says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from etl import lexicon
from etl.extract.budgets import extract_budgets
from etl.nlp import split_sentences

PUB = date(2025, 1, 1)


def _roles(example: str) -> list[str]:
    return [b.role for b in extract_budgets(split_sentences(example), PUB) if b.amount_krw]


ROLE_ENTRIES = [e for name in ("money_role_before", "money_role_after") for e in lexicon.entries(name)]


@pytest.mark.parametrize("entry", ROLE_ENTRIES, ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_role_cue_gives_its_role_to_the_amount_in_its_example(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower(), "the example must contain its term"
    assert entry.meaning in _roles(entry.example), (entry.example, _roles(entry.example))


@pytest.mark.parametrize("entry", lexicon.entries("money_cue_stops"), ids=lambda e: e.term)
def test_a_stop_word_keeps_the_cue_from_reaching_the_amount(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    assert _roles(entry.example) and set(_roles(entry.example)) == {"budget"}, entry.example


def test_every_lexicon_file_has_the_three_columns() -> None:
    files = sorted(lexicon.LEXICON_DIR.glob("*.tsv"))
    assert files
    for path in files:
        assert lexicon.entries(path.stem), path.name


def test_alternation_is_escaped_longest_first_with_flexible_spaces() -> None:
    pat = re.compile(lexicon.alternation(["총", "총사업비", "R&D 예산", "a.b"]))
    assert pat.match("총사업비").group() == "총사업비"  # the longer term wins
    assert pat.match("R&D예산") and pat.match("R&D  예산")  # a space matches any run of spaces or none
    assert not pat.match("axb")  # the point is a point, not any character
    assert not re.search(lexicon.alternation(["market"]), "supermarkets")  # Latin terms are whole words
    assert re.search(lexicon.alternation(["market"]), "The Market grew")  # case-insensitively
    assert not re.search(lexicon.alternation([]), "anything")


def test_a_malformed_file_is_an_error_not_a_silent_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.tsv").write_text("term\tmeaning\texample\n증액\tchange\n", encoding="utf-8")
    (tmp_path / "headless.tsv").write_text("증액\tchange\t예시\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    lexicon.entries.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"bad\.tsv:2"):
            lexicon.entries("bad")
        with pytest.raises(ValueError, match="first line"):
            lexicon.entries("headless")
    finally:
        lexicon.entries.cache_clear()


@pytest.mark.parametrize("entry", lexicon.entries("money_kind_split"), ids=lambda e: e.term)
def test_a_share_in_a_split_borrows_the_unit_and_takes_its_kind(entry: lexicon.Entry) -> None:
    rows = extract_budgets(split_sentences(entry.example), PUB)
    assert rows[0].kind == "total", "the total keeps its own kind, not its first share's"
    shares = [b for b in rows[1:] if entry.term in b.unit_text]
    assert shares and shares[0].kind == entry.meaning and shares[0].amount_krw % 10**8 == 0, rows


@pytest.mark.parametrize("entry", lexicon.entries("money_each"), ids=lambda e: e.term)
def test_one_value_said_of_n_things_is_n_rows(entry: lexicon.Entry) -> None:
    rows = extract_budgets(split_sentences(entry.example), PUB)
    assert len(rows) > 1 and len({b.amount_krw for b in rows}) == 1, rows


KIND_ENTRIES = [
    e for n in ("money_kind_before", "money_kind_adjacent", "money_kind_after") for e in lexicon.entries(n)
]


@pytest.mark.parametrize("entry", KIND_ENTRIES, ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_kind_marker_gives_its_kind_to_the_amount_in_its_example(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower(), "the example must contain its term"
    kinds = [b.kind for b in extract_budgets(split_sentences(entry.example), PUB)]
    assert entry.meaning in kinds, (entry.example, kinds)


@pytest.mark.parametrize("entry", lexicon.entries("money_distributive"), ids=lambda e: e.term)
def test_an_upper_bound_said_of_each_thing_is_a_cap(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    assert "cap" in _roles(entry.example), (entry.example, _roles(entry.example))


@pytest.mark.parametrize("entry", lexicon.entries("money_grant"), ids=lambda e: e.term)
def test_an_upper_bound_a_recipient_is_granted_is_a_cap(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    assert "cap" in _roles(entry.example), (entry.example, _roles(entry.example))


@pytest.mark.parametrize("entry", lexicon.entries("program_item_not_names"), ids=lambda e: e.term)
def test_a_sum_word_or_fragment_never_becomes_a_program_name(entry: lexicon.Entry) -> None:
    from etl.extract.document import extract_document
    from etl.models import Document

    facts = extract_document(Document(source="x.txt", text=entry.example, lang="ko"))
    assert not [p.name for p in facts.programs if entry.term in p.name], entry.example


@pytest.mark.parametrize("entry", lexicon.entries("program_item_not_tails"), ids=lambda e: e.term)
def test_a_listed_name_never_ends_in_a_predicate_or_a_year(entry: lexicon.Entry) -> None:
    from etl.extract.document import extract_document
    from etl.models import Document

    assert entry.term in entry.example
    facts = extract_document(Document(source="x.txt", text=entry.example, lang="ko"))
    assert facts.budgets, entry.example
    assert not [p.name for p in facts.programs if p.name.endswith(entry.term)], entry.example
    assert not [b.program for b in facts.budgets if (b.program or "").endswith(entry.term)], entry.example


def test_the_marker_after_one_amount_is_not_a_marker_before_the_next() -> None:
    """'16 billion won of national funds and 14.1 billion won of city funds': each amount keeps its own marker;
    a Korean marker after a particle stays the next amount's ('39억원은 도비 6억원과')."""
    text = "It costs 30.1 billion won, 16 billion won of national funds and 14.1 billion won of city funds."
    kinds = {b.unit_text: b.kind for b in extract_budgets(split_sentences(text), PUB)}
    assert kinds["16 billion won"] == "national" and kinds["14.1 billion won"] == "local"
    kinds = {
        b.unit_text: b.kind
        for b in extract_budgets(split_sentences("예산 39억원은 도비 6억원과 기금 33억원이다."), PUB)
    }
    assert kinds["6억원"] == "local"


@pytest.mark.parametrize(
    "entry", lexicon.entries("money_private_spenders"), ids=lambda e: f"{e.meaning}:{e.term}"
)
def test_a_company_that_spends_the_amount_makes_it_private_investment(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower(), "the example must contain its term"
    rows = [(b.kind, b.role) for b in extract_budgets(split_sentences(entry.example), PUB)]
    # a company's share of a program's cost (share_ko: 부담) is its own money inside the program's budget; so is
    # money companies put up together (shared_en: "between them"), whose role the sentence's verb decides
    role = "budget" if entry.meaning in ("share_ko", "shared_en") else "investment"
    assert rows == [("private", role)], (entry.example, rows)


@pytest.mark.parametrize(
    "entry", lexicon.entries("money_local_spenders"), ids=lambda e: f"{e.meaning}:{e.term}"
)
def test_a_local_government_that_adds_the_amount_makes_it_local(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower(), "the example must contain its term"
    kinds = [b.kind for b in extract_budgets(split_sentences(entry.example), PUB)]
    # a holder_stop word keeps the city's carried budget from the amount it brings in from another body
    assert kinds == (["unspecified"] if entry.meaning == "holder_stop" else ["local"]), (entry.example, kinds)


@pytest.mark.parametrize("entry", lexicon.entries("money_rate_in_parens"), ids=lambda e: e.term)
def test_a_yearly_rate_in_brackets_takes_the_kind_of_the_amount_it_divides(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    kinds = [b.kind for b in extract_budgets(split_sentences(entry.example), PUB)]
    assert len(kinds) == 2 and kinds[0] == kinds[1] != "unspecified", (entry.example, kinds)


@pytest.mark.parametrize("entry", lexicon.entries("money_list_leads"), ids=lambda e: e.term)
def test_a_list_lead_gives_its_payer_to_the_items_under_it(entry: lexicon.Entry) -> None:
    """The example is a lead and a list line, written on one TSV line with a literal \\n between them."""
    text = entry.example.replace("\\n", "\n")
    assert entry.term.lower() in text.lower() and "\n" in text
    rows = extract_budgets(split_sentences(text), PUB)
    items = [
        b.kind for b in rows if b.evidence and "\n" not in b.evidence.text and b.evidence.text[:1] in "-▲△▷"
    ]
    assert items and "unspecified" not in items, (text, [(b.unit_text, b.kind) for b in rows])


@pytest.mark.parametrize(
    "entry", lexicon.entries("money_national_spenders"), ids=lambda e: f"{e.meaning}:{e.term}"
)
def test_the_government_or_a_ministry_that_puts_the_amount_in_makes_it_national(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower(), "the example must contain its term"
    kinds = [b.kind for b in extract_budgets(split_sentences(entry.example), PUB)]
    assert kinds and kinds[0] == "national", (entry.example, kinds)


@pytest.mark.parametrize("entry", lexicon.entries("list_marks"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_list_mark_opens_a_list_line_and_an_inline_one_separates_listed_members(
    entry: lexicon.Entry,
) -> None:
    from etl.extract.inst_rules import consortium_members
    from etl.extract.list_leads import bullet_end, is_list_line

    assert entry.term in entry.example
    line = f"{entry.term} AI 바우처 지원: 60억원"
    assert is_list_line(line) and line[bullet_end(line) :].startswith("AI"), line
    if entry.meaning == "line":
        assert is_list_line(entry.example), entry.example
    else:  # listed inside one sentence: the word after each mark is a member of its own
        members = [m.surface for m in consortium_members(entry.example)]
        assert members == ["네이버클라우드", "업스테이지"], (entry.example, members)


@pytest.mark.parametrize("entry", lexicon.entries("money_pacts"), ids=lambda e: e.term)
def test_the_size_of_an_investment_pact_is_investment(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert _roles(entry.example) == ["investment"], entry.example
    # without the pact word the same size is a plain figure
    assert _roles(entry.example.replace(entry.term, "계획")) != ["investment"], entry.example


@pytest.mark.parametrize("entry", lexicon.entries("money_thresholds"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_lower_bound_that_sorts_projects_is_a_threshold(entry: lexicon.Entry) -> None:
    """README ruling 'Thresholds': role other (so no program link)."""
    assert entry.term in entry.example
    assert _roles(entry.example) == ["other"], entry.example


def test_a_lower_bound_a_program_gets_is_still_its_budget() -> None:
    assert _roles("시는 AI 바우처 사업에 300억원 이상을 투입한다.") == ["budget"]
    assert _roles("The city will put at least 50 billion won into the AI hub project.") == ["budget"]


@pytest.mark.parametrize("entry", lexicon.entries("money_per_unit"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_figure_said_per_unit_is_a_share_of_its_sentences_one_payer(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    kinds = [b.kind for b in extract_budgets(split_sentences(entry.example), PUB)]
    assert len(kinds) == 2 and kinds[0] == kinds[1] == "national", (entry.example, kinds)
