"""Issue #10/#13 on the dashboard: read-only by default, the URL box refuses server paths and non-public
addresses (nothing stored), ingests run as a `python -m etl ingest` subprocess whose lines are shown."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.config import ROOT, Settings
from tests.conftest import loopback_server
from ui import ingest

TIMEOUT = 60


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        if self.path.startswith("/to?u="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write("내부 서버의 비밀 문서: 국비 440억원".encode())

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    with loopback_server(Handler) as httpd:
        yield httpd


@pytest.fixture
def writable(
    tmp_path: Path, synth_db: Path, monkeypatch: pytest.MonkeyPatch, clear_streamlit_caches: None
) -> Path:
    """A private copy of the synthetic database with writes allowed."""
    db = tmp_path / "policy.duckdb"
    shutil.copy(synth_db, db)
    monkeypatch.setenv("POLICY_DB", str(db))
    monkeypatch.setenv("POLICY_RAW", str(tmp_path / "raw"))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    return db


def n_documents(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


URL_LABEL = "또는 주소(URL) 붙여넣기"


def submit(url: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    next(w for w in at.sidebar.text_input if w.label == URL_LABEL).input(url)
    next(b for b in at.sidebar.button if b.label == "추가").click()
    return at.run()


@pytest.mark.parametrize("page", ["dashboard.py", "pages/5_Sources.py"])
def test_read_only_by_default(ui_env: Path, page: str) -> None:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.sidebar.get("file_uploader")
    assert URL_LABEL not in [w.label for w in at.sidebar.text_input]


def test_url_box_refuses_paths_and_private_addresses(writable: Path, server: ThreadingHTTPServer) -> None:
    before = n_documents(writable)
    port = server.server_address[1]
    for url in (
        "/etc/passwd",
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/page",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
    ):  # (every other refused form is in tests/test_netguard.py)
        at = submit(url)
        assert not at.exception, url
        assert any("refused" in e.value.lower() or "only http" in e.value for e in at.sidebar.error), url
    assert server.hits == []
    assert n_documents(writable) == before
    assert not (writable.parent / "raw").exists()  # nothing saved either


def test_ingest_subprocess_refuses_loopback_and_server_paths(
    writable: Path, server: ThreadingHTTPServer
) -> None:
    """The guard also runs inside the ingest process (POLICY_PUBLIC_ONLY=1), for URLs and for paths (the
    redirect hop itself is tested against read_url in tests/test_netguard.py)."""
    before = n_documents(writable)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings = Settings.from_env()
    lines: list[str] = []
    out = ingest.run([f"{base}/to?u=http://10.0.0.1/", "/etc/passwd"], settings, on_line=lines.append)
    assert not out.ok
    assert len(out.errors) == 2 and all("refused" in e for e in out.errors), out.lines
    assert not any("Traceback" in x for x in lines)
    assert server.hits == [] and n_documents(writable) == before


def test_a_second_ingest_is_shown_the_lock_line(writable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the CLI refuses because another ingest holds the lock, the visitor reads that line."""
    busy = "import sys; print('another ingest (pid 4242) is running', file=sys.stderr); sys.exit(1)"
    monkeypatch.setattr(ingest, "command", lambda inputs, settings: [sys.executable, "-c", busy])
    at = submit("https://93.184.215.14/news")
    assert not at.exception
    assert any("another ingest (pid 4242) is running" in w.value for w in at.sidebar.warning)


def test_config_hides_error_details_and_developer_toolbar() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"] == {"showErrorDetails": "none", "toolbarMode": "viewer"}
