"""READ stage: folder expansion, kinds, size/empty/missing errors, and URLs against a local server."""

from __future__ import annotations

import random
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from etl.config import Settings
from etl.models import RawDoc
from etl.parse import ParseError, parse
from etl.sources import InputError, iter_raw, read_url, sniff_kind

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(root=tmp_path, raw_dir=tmp_path / "raw", db_path=tmp_path / "t.duckdb")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def one_line(error: InputError | ParseError, source: str) -> str:
    message = str(error)
    assert "\n" not in message and message.startswith(f"{source}: ") and error.source == source
    return message


# --- files and folders --------------------------------------------------------------------------


def test_folder_is_expanded_recursively_sorted_and_filtered(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "in"
    write(root / "b" / "c.html", "<html><body><p>x</p></body></html>")
    write(root / "b" / "a.PDF", (FIXTURES / "announcement.pdf").read_bytes())
    write(root / "a.txt", "텍스트")
    write(root / "z.md", "# md")
    write(root / "feeds" / "f.rss", "<rss/>")
    write(root / "feeds" / "g.atom", "<feed/>")
    write(root / "feeds" / "h.xml", "<rss/>")
    write(root / "b" / "d.htm", "<html/>")
    for skipped in (
        ".hidden.txt",
        ".git/config.txt",
        "MANIFEST.csv",
        "notes.docx",
        "data.csv",
        "b/.cache/x.html",
    ):
        write(root / skipped, "skip me")
    items = list(iter_raw([str(root)], settings))
    assert all(isinstance(i, RawDoc) for i in items)
    got = [(Path(i.source).relative_to(root).as_posix(), i.kind) for i in items]  # type: ignore[union-attr]
    assert got == [
        ("a.txt", "text"),
        ("b/a.PDF", "pdf"),
        ("b/c.html", "html"),
        ("b/d.htm", "html"),
        ("feeds/f.rss", "feed"),
        ("feeds/g.atom", "feed"),
        ("feeds/h.xml", "feed"),
        ("z.md", "text"),
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ((FIXTURES / "announcement.pdf").read_bytes(), "pdf"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
        (b"  <html lang='ko'><body>x</body></html>", "html"),
        ("국가 AI 연구거점 개소".encode(), "text"),
    ],
    ids=["pdf", "rss", "atom", "doctype", "html", "text"],
)
def test_explicit_file_with_other_extension_is_sniffed(
    tmp_path: Path, settings: Settings, data: bytes, kind: str
) -> None:
    path = write(tmp_path / "download.dat", data)
    [item] = iter_raw([str(path)], settings)
    assert isinstance(item, RawDoc) and item.kind == kind and item.source == str(path)
    assert sniff_kind(data) == kind


def test_read_errors_are_yielded_and_the_run_goes_on(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = Settings(root=tmp_path, raw_dir=tmp_path, db_path=tmp_path / "t.duckdb", max_bytes=1000)
    good1 = write(tmp_path / "good1.txt", "첫째 문서")
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", b" \n\t\n")
    big = write(tmp_path / "big.txt", "가" * 1000)  # 3000 bytes > 1000
    locked = write(tmp_path / "locked.txt", "잠긴 파일")
    good2 = write(tmp_path / "good2.md", "둘째 문서")
    empty_dir = tmp_path / "nothing"
    write(empty_dir / "only.docx", "x")
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "big.txt":
            raise AssertionError("an oversize file must be refused before it is opened")
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    inputs = [str(good1), str(tmp_path / "missing.txt"), str(empty), str(blank), str(big), str(locked),
              str(empty_dir), str(good2)]  # fmt: skip
    items = list(iter_raw(inputs, small))
    assert [i.source for i in items] == inputs
    assert [type(i) for i in items] == [RawDoc, *[InputError] * 6, RawDoc]
    messages = [one_line(i, i.source) for i in items if isinstance(i, InputError)]
    assert messages[0].endswith("no such file or folder")
    assert messages[1].endswith("empty file") and messages[2].endswith("empty file")
    assert "file too large (3,000 bytes; limit 1,000)" in messages[3]
    assert messages[4].endswith("cannot read (Permission denied)")
    assert "folder holds no supported files" in messages[5]


def test_bad_files_each_fail_alone_with_one_line(tmp_path: Path) -> None:
    """Every bad input of one iter_raw call gives one error line; the good ones all come through."""
    settings = Settings(root=tmp_path, raw_dir=tmp_path, db_path=tmp_path / "t.duckdb", max_bytes=400_000)
    pdf = (FIXTURES / "announcement.pdf").read_bytes()
    folder = tmp_path / "mixed"
    shutil.copy(FIXTURES / "news_utf8.html", write(folder / "01_good.html", b""))
    write(folder / "02_empty.txt", b"")
    write(folder / "03_binary.txt", random.Random(1).randbytes(5000) + b"\x00" * 10)
    write(folder / "04_truncated.pdf", pdf[: len(pdf) // 3])
    write(folder / "05_wrong_encoding.txt", "caf\xe9 na\xefve d\xe9j\xe0 vu".encode("latin-1"))
    write(folder / "06_huge.txt", b"a" * 500_000)
    shutil.copy(FIXTURES / "script_only.html", folder / "07_script_only.html")
    write(folder / "08_nested.html", b"<html><body>" + b"<div>" * 30_000 + b"x" + b"</div>" * 30_000)
    shutil.copy(FIXTURES / "hostile_onload.html", folder / "09_onload.html")
    shutil.copy(FIXTURES / "policy_rss.xml", folder / "10_feed.xml")
    shutil.copy(FIXTURES / "notice_cp949.txt", folder / "11_cp949.txt")
    shutil.copy(FIXTURES / "announcement.pdf", folder / "12_good.pdf")
    outcomes: dict[str, str] = {}
    for item in iter_raw([str(folder)], settings):
        name = Path(item.source).name
        if isinstance(item, InputError):
            outcomes[name] = one_line(item, item.source)
            continue
        try:
            outcomes[name] = f"ok {len(parse(item))}"
        except ParseError as exc:
            outcomes[name] = one_line(exc, item.source)
    assert sorted(outcomes) == sorted(p.name for p in folder.iterdir())
    ok = {name for name, outcome in outcomes.items() if outcome.startswith("ok")}
    assert ok == {"01_good.html", "09_onload.html", "10_feed.xml", "11_cp949.txt", "12_good.pdf"}
    assert outcomes["10_feed.xml"] == "ok 3"
    assert outcomes["02_empty.txt"].endswith("empty file")
    assert outcomes["03_binary.txt"].endswith("not a text file (binary content)")
    assert "truncated PDF" in outcomes["04_truncated.pdf"]
    assert outcomes["05_wrong_encoding.txt"].endswith("not a text file (binary content)")
    assert "file too large" in outcomes["06_huge.txt"]
    assert outcomes["07_script_only.html"].endswith("no text in HTML page")
    assert "no text in HTML page (HTML nested deeper than 256 levels" in outcomes["08_nested.html"]


# --- URLs against a local server -----------------------------------------------------------------

PAGE = (FIXTURES / "euckr_meta.html").read_bytes()
RELEASE = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page": (200, "text/html; charset=euc-kr", PAGE),
            "/feed": (200, "application/rss+xml", (FIXTURES / "policy_rss.xml").read_bytes()),
            "/mislabelled-pdf": (
                200,
                "application/octet-stream",
                (FIXTURES / "announcement.pdf").read_bytes(),
            ),
            "/plain": (200, "text/plain; charset=utf-8", "국가 AI 연구거점 개소\n\n본문".encode()),
            "/empty": (200, "text/html", b""),
        }
        try:
            if self.path in routes:
                status, ctype, body = routes[self.path]
                self._send(status, ctype, body)
            elif self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/page")
                self.end_headers()
            elif self.path == "/big-declared":
                self._send(200, "text/html", b"<p>" + b"x" * 5000)
            elif self.path == "/big-streamed":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()  # no Content-Length: the client must stop by itself
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"y" * 1021)
            elif self.path == "/slow":
                RELEASE.wait(10)  # hold the response until the test is over
                self._send(200, "text/html", b"<p>late</p>")
            else:
                self._send(404, "text/html", b"<h1>Not Found</h1>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose (size cap, timeout)

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def url_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    return Settings(
        root=tmp_path, raw_dir=tmp_path, db_path=tmp_path / "t.duckdb", max_bytes=4000, http_timeout=0.5
    )


def test_url_page_is_fetched_and_parsed(server: str, url_settings: Settings) -> None:
    item = read_url(f"{server}/page", url_settings)
    assert (item.source, item.kind, item.data, item.url) == (f"{server}/page", "html", PAGE, f"{server}/page")
    assert item.meta["charset"] == "euc-kr"
    [doc] = parse(item)
    assert doc.title == "AI 기본법 국회 본회의 통과" and doc.url == f"{server}/page"


def test_url_redirect_is_followed(server: str, url_settings: Settings) -> None:
    item = read_url(f"{server}/redirect", url_settings)
    assert item.source == f"{server}/redirect" and item.url == f"{server}/page" and item.data == PAGE


@pytest.mark.parametrize(
    ("path", "kind"), [("/feed", "feed"), ("/mislabelled-pdf", "pdf"), ("/plain", "text")]
)
def test_url_kind_from_content_type_or_sniffing(server: str, path: str, kind: str) -> None:
    settings = Settings(max_bytes=1_000_000, http_timeout=2.0)
    assert read_url(server + path, settings).kind == kind


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/big-declared", "response too large (5,003 bytes; limit 4,000)"),
        ("/big-streamed", "response too large (over the 4,000-byte limit)"),
        ("/slow", "timed out (limit 0.5 s)"),
        ("/empty", "empty response"),
    ],
)
def test_url_failures_are_one_clear_line(server: str, url_settings: Settings, path: str, reason: str) -> None:
    with pytest.raises(InputError) as info:
        read_url(server + path, url_settings)
    assert one_line(info.value, server + path) == f"{server}{path}: {reason}"


def test_offline_url_says_it_cannot_connect(url_settings: Settings) -> None:
    with pytest.raises(InputError, match=r"cannot connect .*offline or wrong host\?$"):
        read_url("http://127.0.0.1:9/closed-port", url_settings)


def test_iter_raw_mixes_urls_and_files(server: str, url_settings: Settings, tmp_path: Path) -> None:
    text = write(tmp_path / "a.txt", "로컬 파일")
    inputs = [f"{server}/page", f"{server}/missing", str(text), f"{server}/slow"]
    items = list(iter_raw(inputs, url_settings))
    assert [type(i) for i in items] == [RawDoc, InputError, RawDoc, InputError]
    assert [i.source for i in items] == inputs
