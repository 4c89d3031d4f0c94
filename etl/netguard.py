"""Which URLs a hosted dashboard may make the server fetch: http(s) to public addresses only.

A URL typed into the dashboard is fetched by the server, so without this check any visitor could read
loopback services, the private network or the cloud metadata endpoint (SSRF). The check runs after DNS
(every address a name resolves to must be public) and again on every redirect hop (the fetcher follows
redirects itself). No streamlit here: the ETL's URL reader uses it when `public_only` is set.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from etl.models import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Iterable[str]]
SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
# Ranges that `ipaddress` does not already call private/reserved but that are never a public web server.
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "100.64.0.0/10",  # carrier-grade NAT (RFC 6598)
        "169.254.0.0/16",  # link-local, incl. the cloud metadata endpoint 169.254.169.254
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "fc00::/7",  # IPv6 unique local
        "fe80::/10",  # IPv6 link-local
        "64:ff9b::/96",  # NAT64: would reach IPv4 space through a translator
        "2002::/16",  # 6to4: embeds an IPv4 address
    )
)


class RefusedURL(SourceError):
    """A URL the dashboard may not make the server fetch (not http(s), or not a public address)."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"cannot resolve {host}") from exc
    return [str(info[4][0]) for info in infos]


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address; IPv4-mapped/compatible IPv6 is judged as its IPv4."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or (address.sixtofour if address.sixtofour else None)
        if mapped is not None:
            return is_public(mapped)
        if address.packed[:12] == bytes(12):  # ::a.b.c.d (deprecated IPv4-compatible) and ::, ::1
            return False
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    ):
        return False
    return not any(address in net for net in _EXTRA_BLOCKED)


@dataclass(frozen=True)
class Guard:
    """The check with its resolver injectable (tests) and an explicit set of trusted host:port pairs.

    `trusted` exists so a test can start one loopback server as the "public" first hop and prove that a
    redirect from it to another private address is refused; production code never sets it.
    """

    resolver: Resolver = system_resolver
    trusted: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    def check(self, url: str) -> None:
        """Raise RefusedURL unless url is http(s) and every address its host resolves to is public."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise RefusedURL(url, "refused: only http(s) URLs can be added from the dashboard")
        try:
            host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise RefusedURL(url, "refused: malformed URL") from exc
        if not host:
            raise RefusedURL(url, "refused: URL has no host")
        if (host, port) in self.trusted:
            return
        for addr in self._addresses(url, host, port):
            if not is_public(addr):
                raise RefusedURL(url, f"refused: {host} resolves to a non-public address ({addr})")

    def _addresses(self, url: str, host: str, port: int) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass  # a name: resolve it
        try:
            found = [ipaddress.ip_address(a.split("%")[0]) for a in self.resolver(host, port)]
        except (OSError, ValueError) as exc:
            raise RefusedURL(url, f"refused: cannot resolve {host}") from exc
        if not found:
            raise RefusedURL(url, f"refused: {host} has no address")
        return found
