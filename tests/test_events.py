"""etl/events.py: one event per announcement, the release as primary, money counted once, order independent."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl import aggregates, doubts, events, lexicon, minhash, official, review_store
from etl.config import Settings
from etl.db import transaction
from etl.pipeline import ingest
from etl.reviews import fold, make
from tests.test_aggregates import assert_in_step, assert_pages_match_live
from ui import queries
from ui.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "tests" / "fixtures" / "events"
BUNDLED = ROOT / "data" / "raw"
# Bundled documents with counted budgets that a second outlet reprints (tests/fixtures/events/README.md).
REPRINTED = (
    "2020/2020-12-02_msit_2021_budget.txt",
    "2025/2025-08-29_budget_2026_proposal_ai.txt",
    "2023/2023-02-15_k_cloud_2023_call.txt",
)
HEADLINE = ("n_programs", "total_krw", "national_krw", "national_base_krw", "n_events")


def _ingest(folder: Path, db: Path) -> None:
    report = ingest([str(folder)], Settings(db_path=db, workers=1), progress=False)
    assert report.failed == 0, report.failures


def _events(db: Path) -> dict[str, tuple[str, bool, int]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            """SELECT split_part(d.source, '/', -1), p.source, e.is_primary, e.rank
               FROM event_documents e JOIN documents d USING (document_id)
               JOIN documents p ON p.document_id = e.event_id"""
        ).fetchall()
    return {name: (primary.rsplit("/", 1)[-1], is_primary, rank) for name, primary, is_primary, rank in rows}


@pytest.fixture(scope="module")
def outlets_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("events") / "p.duckdb"
    _ingest(EVENTS, db)
    return db


def test_four_outlets_of_one_announcement_are_one_event_led_by_the_release(outlets_db: Path) -> None:
    got = _events(outlets_db)
    release = "2025-06-02_msit_release.txt"
    same = (
        "2025-06-02_msit_release.txt",
        "2025-06-02_news1.txt",
        "2025-06-02_etoday.txt",
        "2025-06-03_digitaltoday.txt",
    )
    assert {got[name][0] for name in same} == {release}
    assert got[release][1:] == (True, 0)
    assert sorted(got[name][2] for name in same) == [0, 1, 2, 3]
    second = "2025-06-13_ajunews_second_failure.txt"  # ten days later, a different announcement
    assert got[second][0] == second and got[second][1]


def test_withdrawing_the_primary_regroups_the_other_outlets(tmp_path: Path) -> None:
    folder, db = tmp_path / "c", tmp_path / "p.duckdb"
    shutil.copytree(EVENTS, folder)
    _ingest(folder, db)
    (folder / "2025-06-02_msit_release.txt").unlink()
    _ingest(folder, db)
    got = _events(db)
    assert "2025-06-02_msit_release.txt" not in got
    rest = ("2025-06-02_news1.txt", "2025-06-02_etoday.txt", "2025-06-03_digitaltoday.txt")
    primaries = {got[name][0] for name in rest}
    assert len(primaries) == 1 and primaries.pop() in rest
    assert sorted(got[name][2] for name in rest) == [0, 1, 2]


def _snapshot(con: duckdb.DuckDBPyConnection) -> tuple[list, list, dict]:
    ev = con.execute("SELECT * FROM event_documents ORDER BY document_id").fetchall()
    links = con.execute("SELECT * FROM event_links ORDER BY doc_a, doc_b").fetchall()
    head = queries.overview_metrics(con, filters=Filters()).iloc[0].to_dict()
    return ev, links, head


def test_reprints_of_bundled_releases_leave_the_headline_unchanged(tmp_path: Path) -> None:
    folder, db = tmp_path / "raw", tmp_path / "p.duckdb"
    shutil.copytree(BUNDLED, folder)
    _ingest(folder, db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = _snapshot(con)[2]
    for rel in REPRINTED:  # a newspaper's copy: its own headline and byline above the same story
        text = (BUNDLED / rel).read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        (folder / rel).with_name(Path(rel).stem + "_reprint.txt").write_text(
            f"[종합] {title}\n(세종=연합) 기자 = \n{body}", encoding="utf-8"
        )
    _ingest(folder, db)
    assert_in_step(db, tmp_path)  # the load that put each reprint in its release's event kept every table
    assert_pages_match_live(db)
    with duckdb.connect(str(db)) as con:
        ev, links, after = _snapshot(con)
        assert {k: after[k] for k in HEADLINE} == {k: before[k] for k in HEADLINE}
        assert after["n_documents"] == before["n_documents"] + len(REPRINTED)
        pairs = con.execute(
            """SELECT r.event_id = o.event_id, r.n_documents FROM event_documents r
               JOIN documents rd ON rd.document_id = r.document_id AND rd.source LIKE '%\\_reprint.txt' ESCAPE '\\'
               JOIN documents od ON od.source = replace(rd.source, '_reprint.txt', '.txt')
               JOIN event_documents o ON o.document_id = od.document_id"""
        ).fetchall()
        assert len(pairs) == len(REPRINTED) and all(same and n >= 2 for same, n in pairs), pairs
        with transaction(con):  # grouping from scratch gives what the loads kept step by step
            events.rebuild(con)
            aggregates.rebuild(con)
        assert _snapshot(con) == (ev, links, after)


@pytest.mark.parametrize("entry", lexicon.entries("official_sources"), ids=lambda e: e.term)
def test_every_official_source_entry_holds_on_its_example(entry: lexicon.Entry) -> None:
    url = entry.example.split()[0]
    assert (
        official.is_official(url, None, None)
        if entry.meaning == "host"
        else official.is_official(None, None, entry.example)
    )


def test_official_sources_follow_the_lexicon() -> None:
    assert official.is_official("https://www.msit.go.kr/bbs/view.do?nttSeqNo=1", None, None)
    assert official.is_official("https://www.korea.kr/briefing/pressReleaseView.do", None, None)
    assert official.is_official(None, "data/raw/x.txt", "[보도자료] 국가 AI컴퓨팅센터 재공고")
    assert official.is_official("https://www.gov.uk/government/news/x", None, None)
    assert not official.is_official("https://www.etnews.com/2025060200001", None, "AI컴퓨팅센터 재공고")
    assert not official.is_official("https://notgo.kr.example.com/x", None, None)


def test_signatures_are_stable_and_near_duplicates_score_high() -> None:
    text = (EVENTS / "2025-06-02_news1.txt").read_text(encoding="utf-8")
    a, b = minhash.signature(text), minhash.signature(text)
    assert a == b and len(a) == minhash.NUM_PERM
    reprint = minhash.signature("[종합] " + text)
    other = minhash.signature((EVENTS / "2025-06-13_ajunews_second_failure.txt").read_text(encoding="utf-8"))
    same = sum(x == y for x, y in zip(a, reprint, strict=True)) / minhash.NUM_PERM
    different = sum(x == y for x, y in zip(a, other, strict=True)) / minhash.NUM_PERM
    assert same >= 0.8 > events.NEAR_DUPLICATE > different


def test_rejecting_the_primarys_figures_lets_an_outlets_figure_count(tmp_path: Path) -> None:
    """A review pass that takes the release's money away refreshes the outlets ranked below it in its event."""
    db = tmp_path / "p.duckdb"
    _ingest(EVENTS, db)
    with duckdb.connect(str(db)) as con:
        release = [
            r[0]
            for r in con.execute(
                """SELECT b.fact_id FROM budgets b JOIN documents d USING (document_id)
                   WHERE d.source LIKE '%msit_release%'"""
            ).fetchall()
        ]
        figure = """SELECT f.private_krw FROM doc_figures f JOIN documents d USING (document_id)
                    WHERE d.source LIKE '%etoday%'"""
        assert con.execute(figure).fetchall() == [
            (None,)
        ]  # the release states the money: the outlet adds none
        decisions = fold([make(f, "reject", {}, "not this program's") for f in release])
        stats: dict[str, int] = {}
        outcomes = review_store.apply(con, decisions, "sha", stats)
        assert {o.outcome for o in outcomes} == {"applied"}
        assert stats["documents"] == 1 + 3  # the release and the three outlets ranked below it
        # the best-ranked outlet that states a figure for the program now gives it (news1 gives none)
        assert con.execute(figure).fetchall() == [(200_000_000_000,)]
    assert_in_step(db, tmp_path)
    assert_pages_match_live(db)


def test_two_outlets_crediting_one_amount_to_two_programs_are_doubted(tmp_path: Path) -> None:
    """credit_conflict (etl/doubts.py) comes with a mate's other credit and goes when that credit is rejected."""
    from tests.test_doubts import assert_doubts_right

    folder, db = tmp_path / "in", tmp_path / "p.duckdb"
    shutil.copytree(EVENTS, folder)
    shutil.copy(BUNDLED / REPRINTED[0], folder)  # a 2020 budget story: other programs to credit
    _ingest(folder, db)
    conflict = 1 << doubts.REASONS.index("credit_conflict")
    flagged = f"""SELECT split_part(d.source, '/', -1) FROM fact_doubts f JOIN documents d USING (document_id)
                  WHERE f.reasons & {conflict} > 0 AND f.state <> 'rejected' ORDER BY 1"""
    with duckdb.connect(str(db)) as con:
        assert con.execute(flagged).fetchall() == []  # every outlet credits 4,000억 to the same program
        [(fact, other)] = con.execute(
            """SELECT b.fact_id, (SELECT name FROM programs WHERE program_id <> b.program_id
                                   AND program_id IN (SELECT program_id FROM budgets) ORDER BY name LIMIT 1)
               FROM budgets b JOIN documents d USING (document_id)
               WHERE d.source LIKE '%digitaltoday%' AND b.amount_krw = 400000000000"""
        ).fetchall()
        apply = review_store.apply
        assert {
            o.outcome for o in apply(con, fold([make(fact, "set", {"program": other}, "test")]), "a")
        } == {"applied"}
        got = {r[0] for r in con.execute(flagged).fetchall()}
        assert {"2025-06-02_msit_release.txt", "2025-06-03_digitaltoday.txt"} <= got
    assert_doubts_right(db)
    with duckdb.connect(str(db)) as con:
        review_store.apply(con, fold([make(fact, "reject", {}, "another program's figure")]), "b")
        assert con.execute(flagged).fetchall() == []
    assert_doubts_right(db)


def test_an_outlet_joining_with_another_credit_flags_the_release_at_load(tmp_path: Path) -> None:
    """The release's row is doubted when a later-loaded outlet of its event credits its amount elsewhere, and
    the doubts kept through the loads equal the rules computed from scratch."""
    from tests.test_doubts import assert_doubts_right

    folder, db = tmp_path / "in", tmp_path / "p.duckdb"
    shutil.copytree(EVENTS, folder)
    release = (EVENTS / "2025-06-02_msit_release.txt").read_text(encoding="utf-8")
    unnamed = release.replace("국가 AI컴퓨팅센터 구축 사업", "이 사업").replace("[보도자료] ", "")
    (folder / "2025-06-02_unnamed_outlet.txt").write_text(unnamed, encoding="utf-8")  # credits no program
    _ingest(folder, db)
    mistaken = release.replace("국가 AI컴퓨팅센터 구축 사업", "K-클라우드 프로젝트").replace(
        "[보도자료] ", ""
    )
    (folder / "2025-06-02_mistaken_outlet.txt").write_text(mistaken, encoding="utf-8")
    _ingest(folder, db)
    conflict = 1 << doubts.REASONS.index("credit_conflict")
    with duckdb.connect(str(db), read_only=True) as con:
        got = {
            r[0]
            for r in con.execute(
                f"""SELECT split_part(d.source, '/', -1) FROM fact_doubts f JOIN documents d USING (document_id)
                    WHERE f.reasons & {conflict} > 0"""
            ).fetchall()
        }
    assert {
        "2025-06-02_msit_release.txt",
        "2025-06-02_mistaken_outlet.txt",
        "2025-06-02_unnamed_outlet.txt",
    } <= got
    assert_doubts_right(db)


def test_a_chain_of_look_alike_stories_does_not_become_one_event() -> None:
    """Each story links the next (a weekly column, templated notices): events stop at MAX_SPAN_DAYS."""
    from datetime import date, timedelta

    day0 = date(2025, 1, 1)
    info = {
        f"d{i:02}": events._Doc(f"d{i:02}", False, False, day0 + timedelta(days=2 * i), 100)
        for i in range(20)
    }
    chain = [(f"d{i:02}", f"d{i + 1:02}", "near_duplicate", 0.9) for i in range(19)]
    groups = events._components(info, chain)
    assert sum(len(g) for g in groups) == 20
    for g in groups:
        days = [info[d].published_on for d in g]
        assert (max(days) - min(days)).days <= events.MAX_SPAN_DAYS
    assert max(len(g) for g in groups) == events.MAX_SPAN_DAYS // 2 + 1  # as many as fit, not one per story
    attached = [*chain, ("d05", "d15", "attachment", 1.0)]  # an attachment dated far away joins first
    assert ["d05", "d15"] in events._components(info, attached)


def _event_tables(path: Path) -> tuple[list, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return (
            con.execute("SELECT * FROM event_documents ORDER BY document_id").fetchall(),
            con.execute("SELECT * FROM event_links ORDER BY doc_a, doc_b").fetchall(),
        )


def test_loads_in_batches_and_a_killed_run_group_as_a_rebuild_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader links each batch and groups once per run (etl/events.py): after runs of small batches, a
    changed and a withdrawn document, and a run killed before its grouping then resumed, the events and
    every derived table equal those a from-scratch events.rebuild and aggregates.rebuild give."""
    folder, path = tmp_path / "raw", tmp_path / "p.duckdb"
    shutil.copytree(BUNDLED, folder)
    settings = Settings(db_path=path, workers=1, batch_size=7)
    assert ingest([str(folder)], settings, progress=False).failed == 0
    for rel in REPRINTED:  # reprints join their releases' events in later batches of a later run
        text = (BUNDLED / rel).read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        (folder / rel).with_name(Path(rel).stem + "_reprint.txt").write_text(
            f"[종합] {title}\n(세종=연합) 기자 = \n{body}", encoding="utf-8"
        )
    shutil.copytree(EVENTS, folder / "events")
    changed = folder / REPRINTED[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n(끝)\n", encoding="utf-8")
    (folder / REPRINTED[2]).unlink()  # its reprint stays: the event loses its release

    def killed(self: object) -> None:
        raise KeyboardInterrupt  # the run dies after its batches committed, before it grouped them

    monkeypatch.setattr("etl.load.Loader.group_events", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(folder)], Settings(db_path=path, workers=1, batch_size=5), progress=False)
    monkeypatch.undo()
    report = ingest([str(folder)], settings, progress=False)  # resumes the work copy, groups what waits
    assert report.resumed and report.failed == 0
    loaded = _event_tables(path)
    kept = assert_in_step(path, tmp_path)
    assert_pages_match_live(path)
    copy = tmp_path / "from_scratch.duckdb"
    shutil.copy(path, copy)
    with duckdb.connect(str(copy)) as con, transaction(con):
        events.rebuild(con)
        aggregates.rebuild(con)
    assert _event_tables(copy) == loaded
    assert assert_in_step(copy, tmp_path) == kept
    with duckdb.connect(str(path), read_only=True) as con:
        [(n_docs,)] = con.execute("SELECT count(*) FROM documents").fetchall()
    assert len(loaded[0]) == n_docs and max(n for *_, n in loaded[0]) >= 2  # every document in one event
