"""The one pooled HTTP client that every tracker of the process shares."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass

import httpx

from keitaro.masking import install_log_filters

# Our own name: Cloudflare in front of some trackers blocks default library user agents.
USER_AGENT = "keitaro-bot/0.1 (Telegram bot for the Keitaro Admin API)"


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. Reports can be slow, so reads get a long read timeout."""

    connect: float = 10.0
    read: float = 60.0
    write: float = 30.0
    pool: float = 10.0

    def httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


class HttpPool:
    """Owns one ``httpx.AsyncClient``: connections are reused across calls and trackers.

    Create it once (the app does) and hand it to every ``KeitaroClient``; close it on shutdown.
    """

    def __init__(
        self,
        *,
        timeouts: Timeouts | None = None,
        max_connections: int = 100,
        max_keepalive: int = 20,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
    ) -> None:
        install_log_filters()
        self.timeouts = timeouts or Timeouts()
        self.client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=self.timeouts.httpx(),
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_keepalive
            ),
            follow_redirects=False,
            transport=transport,
            verify=verify,
        )

    @property
    def closed(self) -> bool:
        return self.client.is_closed

    async def aclose(self) -> None:
        await self.client.aclose()

    async def __aenter__(self) -> HttpPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


_shared: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, HttpPool] = (
    weakref.WeakKeyDictionary()
)


def shared_pool() -> HttpPool:
    """The process-wide pool of the running event loop, for clients given none."""
    loop = asyncio.get_running_loop()
    pool = _shared.get(loop)
    if pool is None or pool.closed:
        pool = _shared[loop] = HttpPool()
    return pool
