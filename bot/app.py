"""Assembling the bot: services once, then a Dispatcher with its routers and middlewares.

``build_services`` and ``create_dispatcher`` serve production (``run``), the terminal demo
and every test alike, so all three run the same code.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.utils.callback_answer import CallbackAnswerMiddleware

from bot.config import Settings
from bot.handlers import (
    actions,
    alerts,
    browser,
    clicks,
    conversions,
    costs,
    digests,
    live,
    live_buttons,
    menu,
    report_filters,
    reports,
    results,
    start,
    stats,
    trackers,
)
from bot.metrics import TelegramCalls, UpdateMetrics
from bot.middlewares.access import AccessMiddleware
from bot.middlewares.confirmations import ConfirmationsMiddleware
from bot.middlewares.context import ContextMiddleware
from bot.middlewares.dialogs import DialogExitMiddleware
from bot.middlewares.errors import register_error_boundary
from bot.middlewares.groups import GroupChatMiddleware
from bot.middlewares.interrupts import install_interrupts
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.scheduler import Clock, Scheduler, attach, utc_now
from bot.services.cache import ListCache
from bot.services.confirm import Confirmations
from bot.services.followup import FollowUps
from bot.services.results import Results, ResultStore, SharedResultStore
from bot.services.scratch import RedisScratch
from bot.services.screens import ScreenOwners
from bot.services.trackers import TrackerClients
from bot.services.writes import Writes
from keitaro import HttpPool, Timeouts
from storage import (
    Cipher,
    Database,
    DatabaseStorage,
    MasterKeyError,
    ScreenRepository,
    TrackerRepository,
    UserRepository,
    WriteRepository,
    load_master_key,
)
from storage.alerts import AlertRepository
from storage.live import LiveRepository

log = logging.getLogger(__name__)
#: the token of the emulated bot (the demo and the tests): FakeTelegram's default bot id
EMULATED_TOKEN = "42:emulated"  # noqa: S105 - no secret: it opens nothing real


@dataclass
class Services:
    """Everything created once per process; handlers receive it as ``services``."""

    settings: Settings
    db: Database
    users: UserRepository
    trackers: TrackerRepository
    clients: TrackerClients
    pool: HttpPool
    #: writes marked before they are sent and after: none is repeated blindly
    writes: Writes
    #: who opened each bot message in a group chat (a member's press never takes it over)
    screens: ScreenOwners
    #: the master key's cipher (tokens such as the webhook's secret derive from it)
    cipher: Cipher
    results: Results = field(default_factory=ResultStore)
    cache: ListCache = field(default_factory=ListCache)
    followups: FollowUps = field(default_factory=FollowUps)
    confirmations: Confirmations = field(default_factory=Confirmations)
    fsm: BaseStorage | None = None
    #: one user's updates one at a time: in this process, or across processes through Redis
    isolation: BaseEventIsolation = field(default_factory=SimpleEventIsolation)
    #: the Redis client when REDIS_URL is set (dialogs, isolation, the shared rate limit)
    redis: Any = None
    #: every Bot API call's outcome; ``/healthz`` reads when Telegram last answered
    telegram_calls: TelegramCalls = field(default_factory=TelegramCalls)
    #: the time digests are scheduled by (tests inject their own)
    clock: Clock = utc_now
    scheduler: Scheduler | None = None

    @property
    def live(self) -> LiveRepository:
        """The live feeds' settings, their poll state and what they told."""
        return LiveRepository(self.db)

    @property
    def alerts(self) -> AlertRepository:
        """The alert rules, what each has told, mutes, quiet hours and automatic pauses."""
        return AlertRepository(self.db)

    async def close(self) -> None:
        """Close what was opened, in reverse order; safe to call twice."""
        if self.scheduler is not None:
            await self.scheduler.stop()
        await self.followups.close()
        await self.isolation.close()
        if self.fsm is not None:
            await self.fsm.close()  # RedisStorage closes the Redis client with it
        await self.pool.aclose()
        await self.db.close()


async def build_services(settings: Settings, *, pool: HttpPool | None = None) -> Services:
    secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    if settings.database_url is not None and secret is None:
        # Every process must read the keys the others stored: a key file beside one of them
        # would not do. Refused before anything is opened.
        raise MasterKeyError(
            "DATABASE_URL is set, so SECRET_KEY must be too: every process encrypts and reads "
            "the API keys with it. Generate one with: python -m bot secret"
        )
    db = await Database.open(settings.database_target)
    master_key, note = load_master_key(secret, settings.db_path)
    if note:  # a generated or loosened key file deserves attention; SECRET_KEY does not
        (log.info if secret else log.warning)(note)
    pool = pool or HttpPool(
        timeouts=Timeouts(read=settings.tracker_timeout, total=settings.tracker_deadline),
        allow_private=settings.allow_private_trackers,
        max_answer_bytes=settings.tracker_max_answer_mb * 1024 * 1024,
    )
    cipher = Cipher(master_key)
    trackers = TrackerRepository(db, cipher)
    writes = WriteRepository(db, cipher)
    await writes.prune(utc_now())
    screens = ScreenRepository(db)
    await screens.prune(utc_now())
    services = Services(
        settings=settings,
        db=db,
        users=UserRepository(db),
        trackers=trackers,
        clients=TrackerClients(trackers, pool),
        pool=pool,
        writes=Writes(writes),
        screens=ScreenOwners(screens),
        cipher=cipher,
    )
    if settings.redis_url is not None:
        storage = redis_storage(settings.redis_url.get_secret_value())
        services.fsm, services.redis = storage, storage.redis
        services.isolation = redis_isolation(storage)
        # a press may reach any process: its Details and its question must be there too
        scratch = RedisScratch(storage.redis)
        services.results = SharedResultStore(scratch, cipher)
        services.confirmations = Confirmations(scratch=scratch)
    else:
        services.fsm = DatabaseStorage(db)
    return services


def redis_storage(url: str) -> Any:
    """Dialogs in Redis, for several processes: any process may get a user's next update."""
    try:
        from aiogram.fsm.storage.redis import RedisStorage
    except ImportError as exc:
        raise RuntimeError(
            "REDIS_URL is set but the redis package is not installed: "
            "pip install 'keitaro-bot[redis]'"
        ) from exc
    return RedisStorage.from_url(url)


def redis_isolation(storage: Any) -> BaseEventIsolation:
    """A lock in Redis per user and chat: two processes never handle one user's dialog at
    once (each would read the same state and one answer would be lost)."""
    from aiogram.fsm.storage.redis import RedisEventIsolation

    return RedisEventIsolation(redis=storage.redis, key_builder=storage.key_builder)


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    """A Bot for the token (or a placeholder one for an emulated session)."""
    if session is None and settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    token = settings.bot_token.get_secret_value() if settings.bot_token else EMULATED_TOKEN
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


def create_dispatcher(services: Services, **workflow_data: Any) -> Dispatcher:
    """The whole bot: routers built fresh (a Router has one parent), middlewares, services."""
    dp = Dispatcher(
        storage=services.fsm,
        events_isolation=services.isolation,
        services=services,
        **workflow_data,
    )
    dp.update.outer_middleware(UpdateMetrics())
    install_interrupts(dp)  # /cancel and the menu do not wait for a slow tracker
    access = AccessMiddleware(services.settings)
    settings = services.settings
    throttling = ThrottlingMiddleware(settings.throttle_updates, settings.throttle_window)
    context = ContextMiddleware(services)
    confirmations = ConfirmationsMiddleware(services.confirmations)
    groups = GroupChatMiddleware(services)
    for observer in (dp.message, dp.callback_query):
        observer.outer_middleware(access)
        observer.outer_middleware(groups)
        observer.outer_middleware(throttling)
        observer.outer_middleware(confirmations)
        observer.middleware(context)
    dp.message.middleware(DialogExitMiddleware())
    dp.callback_query.middleware(CallbackAnswerMiddleware())
    register_error_boundary(dp)
    attach(dp, services)
    dp.include_routers(
        start.create_router(),
        trackers.create_router(),
        menu.create_router(),
        browser.create_router(),
        actions.create_router(),
        results.create_router(),
        costs.create_router(),
        conversions.create_router(),
        clicks.create_router(),
        digests.create_router(),
        live.create_router(),
        live_buttons.create_router(),
        alerts.create_router(),
        stats.create_router(),
        report_filters.create_router(),
        reports.create_router(),
    )
    dp.include_router(start.create_fallback_router())
    return dp


def settle_memory() -> None:
    """Move everything made so far (the imports, the services) out of the collector's way.

    aiogram's import alone leaves ~260,000 objects; without this, each full collection (the
    charts ask for one) scans them all and stalls the loop for ~175 ms. Called once, when the
    bot is built and before it serves.
    """
    gc.collect()
    gc.freeze()
