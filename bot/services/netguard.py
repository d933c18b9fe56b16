"""Refusing tracker addresses inside the bot's own network unless the operator allows them.

Without this, anyone could make the bot send requests to its loopback or private network
(an admin panel on 127.0.0.1, a metadata service) and read the answers back in the chat.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit


class PrivateAddressError(ValueError):
    code = "private_address"


class UnresolvableHostError(ValueError):
    code = "unresolvable"


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


async def ensure_public(url: str, *, allow_private: bool) -> None:
    """Raise when ``url``'s host resolves to a loopback, private or reserved address."""
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UnresolvableHostError(host) from exc
    addresses = {info[4][0] for info in infos}
    if not addresses or any(_is_internal(address) for address in addresses):
        raise PrivateAddressError(host)
