"""The sandbox as an object tests and scripts start and stop: ``async with Sandbox() as sb``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from aiohttp import web

from keitaro.sandbox.app import ADMIN_PREFIX, build_app
from keitaro.sandbox.context import Runtime
from keitaro.sandbox.faults import Faults
from keitaro.sandbox.live import LiveTraffic
from keitaro.sandbox.scenarios import Scenarios
from keitaro.sandbox.seed import seed_store
from keitaro.sandbox.store import Conversion, Store

#: the root path of a postback (any key: a wrong one is counted too)
_POSTBACK_PATH = re.compile(r"/[^/]+/postback")
#: seconds (real time) between two steps of live traffic
LIVE_TICK = 1.0
log = logging.getLogger(__name__)


class Sandbox:
    """A fake Keitaro tracker with a seeded month of traffic, served over real HTTP.

    ``live`` (conversions a minute; 0 is off) makes new traffic while the sandbox runs: clicks,
    conversions, late recordings and status changes (see :class:`LiveTraffic`).
    """

    def __init__(
        self,
        api_key: str = "demo-api-key-0000",
        restricted_key: str = "restricted-key-0000",
        postback_key: str = "e89bcbe",
        seed: int = 42,
        clicks: int = 25_000,
        now: Callable[[], datetime] | None = None,
        live: float = 0.0,
    ) -> None:
        if live < 0:
            raise ValueError("live is conversions a minute: 0 (off) or more")
        self.api_key = api_key
        self.restricted_key = restricted_key
        self.postback_key = postback_key
        store = Store(now=now)
        seed_store(store, seed=seed, clicks=clicks)
        faults = Faults()
        store.scenarios = Scenarios(store, faults, seed=seed)
        self.runtime = Runtime(
            store=store,
            faults=faults,
            api_key=api_key,
            restricted_key=restricted_key,
            postback_key=postback_key,
        )
        self._runner: web.AppRunner | None = None
        self._url: str | None = None
        self.live_rate = live
        self._live_rng = random.Random(seed + 2)
        self.live: LiveTraffic | None = None
        self._live_task: asyncio.Task[None] | None = None

    # what tests use
    @property
    def state(self) -> Store:
        return self.runtime.store

    @property
    def faults(self) -> Faults:
        return self.runtime.faults

    @property
    def scenarios(self) -> Scenarios:
        """The scenario switches (losing, silence, down...): see :mod:`.scenarios`."""
        return self.state.scenarios

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(method, path) of every request answered so far, failed ones included."""
        return self.runtime.requests

    def inject(self, **values: Any) -> Conversion:
        """A conversion exactly as described: see :meth:`Store.inject_conversion`."""
        return self.state.inject_conversion(**values)

    def change_status(self, conversion_id: int, status: str, **values: Any) -> Conversion:
        """A later postback of a conversion: see :meth:`Store.change_status`."""
        return self.state.change_status(conversion_id, status, **values)

    def count(self, method: str, path: str) -> int:
        """How many times ``method path`` was requested. An admin API path may come with or
        without the ``/admin_api/v1`` prefix ("/campaigns/7/disable"); a postback path
        ("/<key>/postback") is at the root. A query string is ignored."""
        path = "/" + path.split("?", 1)[0].lstrip("/")
        is_admin = path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")
        full = path if is_admin or _POSTBACK_PATH.fullmatch(path) else ADMIN_PREFIX + path
        return sum(1 for m, p in self.requests if m == method.upper() and p == full)

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the sandbox is not started")
        return self._url

    @property
    def admin_url(self) -> str:
        return self.url + ADMIN_PREFIX

    @property
    def postback_url(self) -> str:
        return f"{self.url}/{self.postback_key}/postback"

    def make_app(self) -> web.Application:
        """The aiohttp application, to embed or to serve yourself."""
        return build_app(self.runtime)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on ``host:port`` (0: any free port); returns the base URL."""
        if self._runner is not None:
            return self.url
        runner = web.AppRunner(self.make_app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        bound = runner.addresses[0]
        shown = host if ":" not in host else f"[{host}]"
        self._url = f"http://{shown}:{bound[1]}"
        if self.live_rate > 0:
            if self.live is None:  # from the first start on: no burst for the time before it
                self.live = LiveTraffic(self.state, self._live_rng, self.live_rate)
            self._live_task = asyncio.create_task(self._run_live(self.live))
        return self._url

    async def _run_live(self, traffic: LiveTraffic) -> None:
        while True:
            try:
                traffic.step()
            except Exception:  # a bug in made-up traffic must not stop the tracker
                log.exception("Live traffic step failed")
            await asyncio.sleep(LIVE_TICK)

    async def stop(self) -> None:
        if self._live_task is not None:
            self._live_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._live_task
            self._live_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.runtime.cancel_pending()

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
