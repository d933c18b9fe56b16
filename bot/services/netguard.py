"""The early word at connect time: refusing a tracker address inside the bot's own network.

Without this, anyone could make the bot send requests to its loopback or private network
(an admin panel on 127.0.0.1, a metadata service) and read the answers back in the chat.
This check only makes the refusal come early, with a clear message, when a user types the
address. The guarantee is in the keitaro package: the HTTP pool checks the address of every
connection it opens (:mod:`keitaro.netguard`), so DNS that changes later is refused too. Both
use the one classification, :func:`keitaro.netguard.is_public_address`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from keitaro import netguard


class PrivateAddressError(ValueError):
    code = "private_address"


class UnresolvableHostError(ValueError):
    code = "unresolvable"


async def ensure_public(url: str, *, allow_private: bool) -> None:
    """Raise when ``url``'s host resolves to any address that is not public (or to none)."""
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        addresses = await netguard.resolve(host)
    except OSError as exc:
        raise UnresolvableHostError(host) from exc
    if not addresses or netguard.refused(addresses):
        raise PrivateAddressError(host)
