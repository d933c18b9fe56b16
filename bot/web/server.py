"""The aiohttp application every mode serves: the webhook (in webhook mode), S2S postbacks,
``/healthz`` and ``/metrics``; and starting and stopping it on ``host:port``."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot import metrics
from bot.live.instant import InstantFeed
from bot.web import health
from bot.web.s2s import S2SEndpoint

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram/webhook"
S2S_PATH = "/s2s/{token}"


class WebhookHandler(SimpleRequestHandler):
    """aiogram's handler (401 without the secret token, updates handled in the background
    once Telegram has its 200), plus a clean stop: once ``closing``, an update is answered
    503 (Telegram delivers it again, to this process after a restart or to another one), and
    the ones accepted before are waited for."""

    closing = False

    async def handle(self, request: web.Request) -> web.Response:
        if self.closing:  # a keep-alive connection outlives the closed listening socket
            return web.Response(status=503, text="Stopping")
        return await super().handle(request)

    async def drain(self, grace: float) -> int:
        """Stop accepting; wait up to ``grace`` seconds for the updates in flight, then
        cancel what is left; how many were cancelled."""
        self.closing = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while self._background_feed_update_tasks and loop.time() < deadline:
            await asyncio.wait(
                set(self._background_feed_update_tasks), timeout=deadline - loop.time()
            )
        left = [task for task in self._background_feed_update_tasks if not task.done()]
        for task in left:
            task.cancel()
        await asyncio.gather(*left, return_exceptions=True)
        return len(left)

    async def close(self) -> None:
        """The session is the process's, closed once at exit, not by the web app."""


def build_app(
    services: Services,
    bot: Bot,
    dp: Dispatcher | None = None,
    *,
    webhook_secret: str | None = None,
) -> tuple[web.Application, WebhookHandler | None]:
    """The application; with ``dp`` and ``webhook_secret`` it takes Telegram's updates too."""
    app = web.Application(client_max_size=1024 * 1024)
    endpoint = S2SEndpoint(services, InstantFeed(services, bot))
    app.router.add_route("GET", S2S_PATH, endpoint.handle)
    app.router.add_route("POST", S2S_PATH, endpoint.handle)

    async def healthz(_request: web.Request) -> web.Response:
        report = await health.check(services)
        return web.json_response(report.as_json(), status=200 if report.healthy else 503)

    async def scrape(_request: web.Request) -> web.Response:
        body, content_type = metrics.render()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)
    handler = None
    if dp is not None and webhook_secret is not None:
        handler = WebhookHandler(dispatcher=dp, bot=bot, secret_token=webhook_secret)
        handler.register(app, path=WEBHOOK_PATH)
    return app, handler


def split_listen(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    return host.strip("[]"), int(port)


class WebServer:
    """The application on ``host:port``, stopped in two steps: no new requests, then the
    rest (so what was accepted can finish in between)."""

    def __init__(self, app: web.Application, listen: str) -> None:
        self.app = app
        self.host, self.port = split_listen(listen)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=5.0
        )
        self._site: web.TCPSite | None = None

    async def start(self) -> None:
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self.port)
        await self._site.start()
        log.info("web server listening on %s:%s", self.host, self.port)

    @property
    def bound_port(self) -> int:
        """The port actually bound (``:0`` in tests asks the system for a free one)."""
        server: Any = self._site._server if self._site else None
        sockets = getattr(server, "sockets", None) or []
        return int(sockets[0].getsockname()[1]) if sockets else self.port

    async def stop_listening(self) -> None:
        if self._site is not None:
            await self._site.stop()
            self._site = None

    async def close(self) -> None:
        await self.stop_listening()
        await self._runner.cleanup()
