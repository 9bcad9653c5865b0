"""Which machines the fetcher may connect to: the one decision, made on resolved addresses.

A feed item, a redirect or a page's own link can point anywhere, including this machine, the
local network or a cloud's instance-metadata service (169.254.169.254). Every connection, on every
hop, goes to an address checked here after resolution: loopback, private, link-local, multicast
and other non-public addresses are refused unless the user named a feed or page on that very
address themselves (a local mirror, a test site). The checked address is the one connected to,
so a name cannot resolve one way for the check and another way for the connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit


class AddressRefused(RuntimeError):
    """A connection the fetcher will not make; the message is one line."""


def refusal(address: str) -> str | None:
    """Why a connection to this IP address is refused ("a link-local address"), or None if it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope ("fe80::1%eth0") is not part of it
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:169.254.169.254 is 169.254.169.254
    for test, what in ((ip.is_loopback, "a loopback"), (ip.is_link_local, "a link-local"),
                       (ip.is_multicast, "a multicast"), (ip.is_unspecified, "an unspecified"),
                       (ip.is_private, "a private")):
        if test:
            return f"{what} address"
    return None if ip.is_global else "not a public address"


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, for a TCP connection."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def checked_address(host: str, port: int, trusted: Iterable[str] = ()) -> str:
    """The address to connect to for ``host``: every address it resolves to must be public or
    ``trusted``; raise AddressRefused otherwise (and when it does not resolve)."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        raise AddressRefused(f"cannot connect (no such host {host})") from None
    allowed = set(trusted)
    for address in addresses:
        reason = refusal(address)
        if reason and address not in allowed:
            raise AddressRefused(f"refused: {host} is {reason} ({address}); "
                                 "only a feed or page you name yourself may be on such an address")
    return addresses[0]


def trusted_addresses(urls: Iterable[str]) -> frozenset[str]:
    """The non-public addresses of the hosts the user named: a feed on this machine or the local
    network is the user's own choice, so pages there may be fetched."""
    found = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        try:
            found.update(a for a in resolve(parts.hostname, parts.port or 80) if refusal(a))
        except (OSError, UnicodeError, ValueError):
            continue
    return frozenset(found)
