"""Shared fixtures: settings on tmp paths, a database built once by the real pipeline, no network."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from etl.config import ROOT, Settings

# The dashboard's fixtures live beside this file (tests/ui_conftest.py).
pytest_plugins = ["ui_conftest"] if (Path(__file__).parent / "ui_conftest.py").exists() else []

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings that never touch data/."""
    return Settings(raw_dir=tmp_path / "raw", db_path=tmp_path / "policy.duckdb", workers=1)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture documents ingested once by the real pipeline."""
    from etl.pipeline import ingest

    path = tmp_path_factory.mktemp("built") / "policy.duckdb"
    report = ingest([str(FIXTURE_DOCS)], Settings(db_path=path, workers=1), progress=False)
    assert report.failed == 0, report.failures
    return path


@pytest.fixture(autouse=True)
def _own_reviews(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Ingests in tests apply their own (empty) reviews file, not the repo's data/reviews/reviews.jsonl, whose
    decisions name facts of the bundled corpus (a test that wants a file passes --reviews or sets the variable)."""
    if "POLICY_REVIEWS" not in os.environ:
        monkeypatch.setenv("POLICY_REVIEWS", str(tmp_path_factory.mktemp("reviews") / "reviews.jsonl"))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests may talk to servers on loopback only."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if isinstance(host, str):
            try:
                ok = ipaddress.ip_address(host).is_loopback
            except ValueError:
                ok = host == "localhost"
            if not ok:
                raise OSError(f"network disabled in tests: {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


@contextlib.contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    """A threaded HTTP server on 127.0.0.1 (a free port) that records request paths in `.hits`."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.hits = []  # type: ignore[attr-defined]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
