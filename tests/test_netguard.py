"""The dashboard's URL guard: only http(s) to public addresses, after DNS and on every redirect hop."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from etl.config import Settings
from etl.netguard import Guard, RefusedURL, is_public
from etl.sources import InputError, iter_raw, read_url
from tests.conftest import loopback_server

PAGE = b"<html><body><p>Public page about an AI program.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    """/page serves HTML; /to?u=… redirects to u (a private address in the tests)."""

    def do_GET(self) -> None:
        if self.path.startswith("/to?u="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(PAGE)
        self.server.hits.append(self.path)  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    with loopback_server(Handler) as httpd:
        yield httpd


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(root=tmp_path, raw_dir=tmp_path / "raw", db_path=tmp_path / "t.duckdb", public_only=True)


def _base(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12::1", "ff02::1", "::ffff:127.0.0.1",
        "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1",
    ],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "211.43.15.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd", "/etc/passwd", "ftp://example.com/x", "gopher://x/", "http:///nohost",
        "http://127.0.0.1/", "http://localhost.test./", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://2130706433/",
    ],
)  # fmt: skip
def test_refused_forms(url: str) -> None:
    resolver = {"localhost.test.": ["127.0.0.1"], "2130706433": ["127.0.0.1"]}
    with pytest.raises(RefusedURL, match="refused"):
        Guard(resolver=lambda host, port: resolver[host]).check(url)


def test_dns_every_address_must_be_public() -> None:
    """A name with one public and one private address is refused (a rebinding-style answer)."""
    answers = {"mixed.example": ["93.184.215.14", "10.0.0.7"], "ok.example": ["93.184.215.14"]}
    guard = Guard(resolver=lambda host, port: answers[host])
    with pytest.raises(RefusedURL, match=r"10\.0\.0\.7"):
        guard.check("https://mixed.example/news")
    guard.check("https://ok.example/news")  # no exception


def test_unresolvable_name_is_refused() -> None:
    def fail(host: str, port: int) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(RefusedURL, match="cannot resolve"):
        Guard(resolver=fail).check("https://nowhere.invalid/")


def test_loopback_server_is_refused_and_never_hit(server: ThreadingHTTPServer, settings: Settings) -> None:
    with pytest.raises(InputError, match="non-public"):
        read_url(_base(server) + "/page", settings)
    assert server.hits == []


def test_redirect_to_private_is_refused(server: ThreadingHTTPServer, settings: Settings) -> None:
    """The first hop is trusted (standing in for a public server); its redirect to 10.x/loopback is not."""
    port = server.server_address[1]
    guard = Guard(trusted=frozenset({("127.0.0.1", port)}))
    assert read_url(_base(server) + "/page", settings, guard=guard).data == PAGE
    for target in ("http://10.0.0.1/", "http://127.0.0.1:1/", "http://[::1]/", "file:///etc/passwd"):
        with pytest.raises(InputError, match="refused"):
            read_url(f"{_base(server)}/to?u={target}", settings, guard=guard)
    assert server.hits == ["/page"]


def test_redirect_loop_stops(server: ThreadingHTTPServer, settings: Settings) -> None:
    port = server.server_address[1]
    guard = Guard(trusted=frozenset({("127.0.0.1", port)}))
    url = f"{_base(server)}/to?u=/to?u=/to?u=/to?u=/to?u=/to?u=/to?u=/page"
    with pytest.raises(InputError, match="too many redirects"):
        read_url(url, settings, guard=guard)


def test_public_only_refuses_server_paths(tmp_path: Path, settings: Settings) -> None:
    """Only files the dashboard saved under raw/uploads are read; /etc/passwd or a folder is refused."""
    upload = settings.raw_dir / "uploads" / "a.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("국가 AI 연구거점 개소", encoding="utf-8")
    other = tmp_path / "secret.txt"
    other.write_text("secret", encoding="utf-8")
    got = list(iter_raw(["/etc/passwd", str(other), str(settings.raw_dir), str(upload)], settings))
    assert [type(g).__name__ for g in got] == ["InputError", "InputError", "InputError", "RawDoc"]
    assert all("refused" in g.reason for g in got[:3])
