"""``python -m bot run``: long polling (the default) or webhooks (``WEBHOOK_URL`` set).

Both modes build the same services and Dispatcher. Webhook mode registers the webhook with
its secret token and the update types the handlers use, serves it with the S2S endpoint,
``/healthz`` and ``/metrics`` on ``WEBHOOK_LISTEN``; polling mode removes any webhook first
(Telegram refuses ``getUpdates`` while one is set) and serves the rest on ``METRICS_LISTEN``
when that is set. Switching modes is only a restart.

SIGTERM or SIGINT: stop taking updates (polling stops asking; the web server stops
listening), let the updates in flight finish (up to ``GRACE`` seconds), stop the scheduler
(which lets claimed deliveries finish and gives up its leases), close everything, exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from aiogram import Bot, Dispatcher

from bot.app import Services, build_services, create_bot, create_dispatcher, settle_memory
from bot.commands import register_commands
from bot.config import Settings
from bot.logs import register_secret
from bot.web.server import WEBHOOK_PATH, WebServer, build_app

log = logging.getLogger("bot")
#: seconds the updates in flight get to finish after SIGTERM
GRACE = 25.0

SETUP_HELP = (
    "BOT_TOKEN is not set. Get a token from @BotFather in Telegram and put it in .env "
    "(see .env.example), or try the bot without one: python -m bot demo"
)


def webhook_secret(settings: Settings, services: Services) -> str:
    """WEBHOOK_SECRET, or one derived from the master key: the same in every process that
    shares SECRET_KEY and across restarts, so nothing needs storing."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    return services.cipher.token("telegram-webhook")


def stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def run(settings: Settings) -> int:
    if settings.bot_token is None:
        print(SETUP_HELP, file=sys.stderr)
        return 2
    services = await build_services(settings)
    bot = create_bot(settings)
    bot.session.middleware(services.telegram_calls)
    dp = create_dispatcher(services)
    settle_memory()
    stop = stop_event()
    try:
        await register_commands(bot)
        if settings.webhook_url:
            await _webhook(settings, services, bot, dp, stop)
        else:
            await _polling(settings, services, bot, dp, stop)
        log.info("stopped")
    finally:
        await bot.session.close()
        await services.close()
    return 0


async def _polling(
    settings: Settings, services: Services, bot: Bot, dp: Dispatcher, stop: asyncio.Event
) -> None:
    await bot.delete_webhook(drop_pending_updates=False)  # a webhook left by webhook mode
    server = None
    if settings.metrics_listen:
        server = WebServer(build_app(services, bot)[0], settings.metrics_listen)
        await server.start()
    try:
        polling = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, close_bot_session=False)
        )
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not polling.done():
            await dp.stop_polling()  # the update in hand is finished before this returns
            await polling
    finally:
        if server is not None:
            await server.close()


async def _webhook(
    settings: Settings, services: Services, bot: Bot, dp: Dispatcher, stop: asyncio.Event
) -> None:
    secret = webhook_secret(settings, services)
    register_secret(secret)  # masked in every log line from now on
    app, handler = build_app(services, bot, dp, webhook_secret=secret)
    assert handler is not None
    server = WebServer(app, settings.webhook_listen)
    await server.start()
    await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
    try:
        await bot.set_webhook(
            f"{settings.webhook_url}{WEBHOOK_PATH}",
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        log.info("webhook registered: %s%s", settings.webhook_url, WEBHOOK_PATH)
        await stop.wait()
        log.info("stopping: no new updates; finishing the ones in flight")
        left = await handler.drain(GRACE)  # 503 from now on, also on open connections
        await server.stop_listening()
        if left:
            log.warning("%d updates still running after %g s: cancelled", left, GRACE)
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
        await server.close()
