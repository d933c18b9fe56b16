"""The one scheduler loop of the process: digests (and later alerts) at their local time.

Exactly one delivery per due slot: a slot is claimed in the database (``claim_slot``, a
conditional UPDATE) *before* anything is sent, so neither a second loop nor a restarted
process sends it again, and an unclaimed slot is still due after a restart (a slot missed by
downtime is sent late, with a note, for up to two hours, and skipped after that). ``stop``
lets claimed digests finish sending, so a clean restart loses none.

Started and stopped with the Dispatcher (``dp.startup`` / ``dp.shutdown``, see ``bot.app``).
Time comes from an injectable ``clock``; tests call :meth:`Scheduler.run_once` instead of
waiting for ticks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher
from aiogram.types import InlineKeyboardMarkup

from bot.digests.compose import ChartMemo, Composer
from bot.digests.limits import PerKey, TokenBucket
from bot.digests.schedule import LOOKBACK, Slot, due_slot
from bot.digests.send import Outcome, Sender
from bot.i18n import Translator
from bot.ui.callbacks import DigestCb
from bot.ui.keyboards import button, markup
from storage.digests import DigestRepository
from storage.models import Digest

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Job:
    digest: Digest
    slot: Slot
    #: the local time the bot should have sent it at, when it is late (after downtime)
    late_at: str | None


class Scheduler:
    """Each ``tick``: find active digests with a due, undelivered slot; claim, build, send.

    Sends share a token bucket (``rate`` a second overall, ``burst`` saved up so a send
    that wakes late does not lose its turn: any second still sees at most ``rate + burst``,
    under Telegram's ~30 with the defaults); tracker requests are limited to
    ``per_tracker`` at a time per tracker; at most ``workers`` digests are in progress.
    """

    def __init__(
        self,
        services: Services,
        bot: Bot,
        *,
        clock: Clock | None = None,
        tick: float = 30.0,
        rate: float = 25.0,
        burst: float = 2.0,
        per_tracker: int = 4,
        workers: int = 64,
        retry_delay: float = 5.0,
        lookback: timedelta = LOOKBACK,
        late_after: timedelta = timedelta(minutes=5),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.services = services
        self.bot = bot
        self.clock: Clock = clock or getattr(services, "clock", None) or utc_now
        self.tick = tick
        self.lookback = lookback
        self.late_after = late_after
        self.repository = DigestRepository(services.db)
        self.charts = ChartMemo()
        self.composer = Composer(services, PerKey(per_tracker), self.charts, retry_delay, sleep)
        self.sender = Sender(bot, TokenBucket(rate, burst), self.charts, sleep=sleep)
        self.counts: Counter[str] = Counter()
        self._workers = asyncio.Semaphore(workers)
        self._inflight: set[tuple[int, str]] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.Task[None] | None = None
        self._starters: set[asyncio.Task[None]] = set()

    # ----- finding work ------------------------------------------------------------------

    async def due_jobs(self) -> list[Job]:
        now = self.clock()
        jobs = []
        for digest in await self.repository.due_candidates():
            slot = due_slot(digest.schedule, digest.timezone, now, self.lookback)
            if slot is None or (digest.last_slot is not None and slot.key <= digest.last_slot):
                continue
            if (digest.id, slot.key) in self._inflight:
                continue
            late = now - slot.at > self.late_after
            jobs.append(Job(digest, slot, slot.local.strftime("%H:%M") if late else None))
        return jobs

    async def run_once(self) -> int:
        """One tick, waiting until every digest it started is sent (what tests call)."""
        jobs = await self.due_jobs()
        await self._start(jobs)
        await self.drain()
        return len(jobs)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _start(self, jobs: list[Job]) -> None:
        for job in jobs:
            self._inflight.add((job.digest.id, job.slot.key))
        for job in jobs:
            await self._workers.acquire()  # bounded: 10,000 due digests are not 10,000 tasks
            task = asyncio.create_task(self._run(job))
            self._tasks.add(task)
            task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._workers.release()
        if not task.cancelled() and task.exception() is not None:
            log.error("digest delivery crashed", exc_info=task.exception())

    async def _run(self, job: Job) -> None:
        try:
            if not await self.repository.claim_slot(job.digest.id, job.slot.key):
                self.counts["lost_claim"] += 1
                return
            outcome = await self.deliver(job.digest, job.slot, job.late_at)
            self.counts[outcome.value] += 1
        finally:
            self._inflight.discard((job.digest.id, job.slot.key))

    # ----- delivering ---------------------------------------------------------------------

    async def deliver(
        self,
        digest: Digest,
        slot: Slot | None = None,
        late_at: str | None = None,
        chat_id: int | None = None,
    ) -> Outcome:
        """Build and send one digest in its owner's language; pause it if the chat blocked us.

        Also used by ``/digest now`` (no slot: the period is taken at the current time).
        """
        services = self.services
        owner = await services.users.get(digest.owner_id)
        default = services.settings.default_language
        t = Translator((owner.language if owner else None) or default)
        tracker = await services.trackers.get(digest.owner_id, digest.tracker_id)
        if tracker is None:
            return Outcome.FAILED
        client = await services.clients.client(tracker)
        now = self.clock()
        # "yesterday" is the day before the slot, even when a 23:30 slot is sent after midnight
        when = slot.at if slot is not None and digest.spec.get("period") != "today" else now
        composed = await self.composer.compose(
            t, tracker, client, digest.spec, digest.timezone, when, late_at
        )
        if composed.failed:
            self.counts["tracker_failed"] += 1
        outcome = await self.sender.send(chat_id or digest.chat_id, composed, self._keyboard(t))
        if outcome is Outcome.BLOCKED and digest.id:
            await self.repository.set_paused(digest.owner_id, digest.id, True)
            log.info("chat %s blocked the bot: digest %s paused", digest.chat_id, digest.id)
        return outcome

    @staticmethod
    def _keyboard(t: Translator) -> InlineKeyboardMarkup:
        return markup([button(t.plain("digest.settings_button"), DigestCb(op="l").pack())])

    # ----- the loop ------------------------------------------------------------------------

    def start(self) -> None:
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._forever(), name="digest-scheduler")

    async def stop(self, grace: float = 30.0) -> None:
        """Stop ticking; let claimed digests finish (up to ``grace`` seconds), then cancel."""
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None
        for starter in list(self._starters):  # digests not started yet stay unclaimed: still due
            starter.cancel()
        await asyncio.gather(*self._starters, return_exceptions=True)
        if self._tasks:
            _done, pending = await asyncio.wait(list(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _forever(self) -> None:
        while True:
            try:
                # started in the background: a burst of 10,000 must not hold up the next tick
                starter = asyncio.create_task(self._start(await self.due_jobs()))
                self._starters.add(starter)
                starter.add_done_callback(self._starters.discard)
            except asyncio.CancelledError:
                raise
            except Exception:  # a bad tick must not end the loop
                log.exception("scheduler tick failed")
            await asyncio.sleep(self.tick)


def attach(dp: Dispatcher, services: Services) -> None:
    """Start the one loop with the Dispatcher (polling's startup) and stop it on shutdown."""

    async def on_startup(bot: Bot) -> None:
        if services.scheduler is None:
            services.scheduler = Scheduler(services, bot)
        services.scheduler.start()

    async def on_shutdown() -> None:
        if services.scheduler is not None:
            await services.scheduler.stop()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
