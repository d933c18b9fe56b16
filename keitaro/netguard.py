"""Which addresses a tracker may live at, checked on the address each connection really uses.

A tracker URL comes from a chat. Without a check, anyone could make the process send requests
to its own loopback or private network (an admin panel on 127.0.0.1, a cloud metadata service
on 169.254.169.254) and read the answers back. Checking the host once, when it is connected,
is not enough: DNS may answer differently later (rebinding), and stored trackers are called
for months. So :class:`GuardedBackend` resolves the host itself for every new connection,
refuses when any answer is not a public address, and connects to the checked IP literal: the
address checked is the address used. TLS still verifies the certificate against the host name
(httpcore hands the origin's host to ``start_tls``, not the address connected to).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable

import httpcore

from keitaro import errors

log = logging.getLogger("keitaro.netguard")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: ``::/8``: unspecified, loopback, IPv4-compatible and -translated forms, NAT64 ranges
_LOW_V6 = ipaddress.IPv6Network("::/8")
#: ``::ffff:a.b.c.d``: the IPv4 address itself, as an IPv6 socket reaches it
_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
#: the well-known NAT64 prefix (RFC 6052): the gateway forwards to the embedded IPv4
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def parse_address(address: str | IPAddress) -> IPAddress | None:
    """The address without brackets or a zone id (``fe80::1%eth0``); None if it is none."""
    if isinstance(address, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return address
    text = address.strip().strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


#: IANA's special-purpose IPv4 blocks, refused whatever ``ipaddress`` of this Python calls
#: global (3.11 calls all of 192.0.0.0/24 but .0/29 global, for one); multicast is among them
_SPECIAL_V4 = tuple(
    ipaddress.IPv4Network(block)
    for block in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.31.196.0/24",
        "192.52.193.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "192.175.48.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
    )
)


def _public_v4(ip: ipaddress.IPv4Address) -> bool:
    # is_global refuses private, loopback, link-local (metadata), carrier-grade NAT and the
    # reserved ranges on every Python we run; the explicit list keeps that independent of it.
    return ip.is_global and not any(ip in block for block in _SPECIAL_V4)


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries: mapped, NAT64, 6to4 (Teredo: the server)."""
    if ip in _MAPPED:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[0]
    return None


def is_public_address(address: str | IPAddress) -> bool:
    """True only for a global unicast address, including through any IPv4 an IPv6 form embeds.

    Refused: everything ``ipaddress`` does not call global (private, loopback, link-local,
    carrier-grade NAT, unspecified, documentation, reserved), multicast, deprecated site-local
    IPv6, the ``::/8`` block except IPv4-mapped and the well-known NAT64 prefix, and mapped,
    NAT64, 6to4 and Teredo addresses whose embedded IPv4 is not public.
    """
    ip = parse_address(address)
    if ip is None:
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return _public_v4(ip)
    inner = embedded_ipv4(ip)
    if ip in _MAPPED:
        return inner is not None and _public_v4(inner)
    if ip in _LOW_V6 and ip not in _NAT64:
        return False  # ::, ::1, ::a.b.c.d, ::ffff:0:a.b.c.d, the local-use NAT64 64:ff9b:1::/48
    if inner is not None and not _public_v4(inner):
        return False
    if ip in _NAT64:
        return True  # ipaddress calls the prefix reserved; what it reaches is the IPv4 above
    if ip.teredo is not None:
        return False  # a tunnel through whatever relay: no way to know where it ends
    return ip.is_global and not ip.is_multicast and not ip.is_site_local


def refused(addresses: Iterable[str | IPAddress]) -> list[str]:
    """The addresses among ``addresses`` that are not public, as text."""
    return [str(address) for address in addresses if not is_public_address(address)]


async def resolve(host: str, port: int | None = None) -> list[str]:
    """Every address ``host`` resolves to for TCP, in the resolver's order, without repeats.

    An IP literal resolves to itself. Raises ``OSError`` (``socket.gaierror``) when the name
    does not resolve. Tests replace this function to play a DNS server.
    """
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for info in infos:
        seen.setdefault(str(info[4][0]), None)
    return list(seen)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, refusing connections to addresses that are not public.

    ``connect_tcp`` resolves the host (through :func:`resolve`, looked up on every call so a
    test can replace it), refuses when ANY answer is not public (a rebinding DNS may mix a
    public and a private record), then opens the connection to the checked IP literal with
    the default backend (httpcore picks :class:`httpcore.AnyIOBackend` under asyncio).
    The refusal is :class:`keitaro.errors.PrivateAddressError`, which httpx passes through
    untouched (it maps only httpcore's own exceptions); the client attaches the request.
    """

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} took too long") from None
        except OSError as exc:
            raise httpcore.ConnectError(f"{host} does not resolve ({exc})") from None
        bad = refused(addresses)
        if not addresses or bad:
            log.warning("refused %s: it resolves to %s", host, ", ".join(bad) or "nothing")
            raise errors.PrivateAddressError(
                f"{host} resolves to a private, local or reserved address; connections "
                "there are refused (ALLOW_PRIVATE_TRACKERS is off)."
            )
        failure: Exception | None = None
        for address in addresses:  # the resolver's order, as a plain connect would try them
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise errors.PrivateAddressError("Unix sockets are local: connections there are refused.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
