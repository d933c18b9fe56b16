"""The one scheduler loop of the process: digests at their local time, the live feed's polls
(``bot.live.poller``), and the alert rules (``bot.alerts.watcher``).

Exactly one delivery per due slot, kept in the database (see ``storage.digests``):

1. **Claim.** A due slot is claimed with a conditional UPDATE (``claim_delivery``) *before*
   anything is built or sent, so of two loops (an old process still finishing, a new one)
   only one delivers it, and a restarted process does not deliver it again. The claim is
   *pending* and carries the time it was taken.
2. **Settle.** Once Telegram has answered — sent, or refused for good (blocked chat, bad
   request) — the claim is marked delivered (``mark_delivered``).
3. **Take over.** A claim still pending ``lease`` after it was taken belongs to a process
   that died (or was cancelled by ``stop``) between claim and send. A tick hands it to one
   caller (``take_over``, a compare-and-set on the claim time it read) and delivers it late,
   with the "⏰ late" note, as long as the slot is within the late window (``lookback``, two
   hours); after that the pending claim is dropped and the slot skipped, like any slot missed
   by downtime longer than two hours. A slot missed by downtime is sent late the same way.

What is left is the at-least-once trade, chosen over at-most-once because a lost morning
digest is worse than a rare duplicate: if the process dies after Telegram accepted a message
but before ``mark_delivered`` is written (Telegram's answer on its way back, then one SQLite
write: milliseconds), or a delivery raises after its first message went out (the text after
a chart), the slot is delivered again after the lease, once per such crash. Telegram offers
no idempotency key for ``sendMessage``, so no ordering of writes closes that window; marking
before sending would only turn the duplicate into a loss. Two more limits: ``lease`` must
exceed the longest delivery, or a slow one could be taken over while it still runs in
another process. A delivery is its tracker reads (each tried twice, ``tracker_timeout``
apiece, default 30 s), the chart, the limiter's queue (bounded by ``workers``) and 429
waits: a few minutes at the very worst with the defaults, so ten minutes; raise ``lease``
with a longer ``tracker_timeout``. And in WAL mode with ``synchronous = NORMAL`` a power cut
(not a process crash) can lose the last commits, claims included.

A delivery that raises (a network error, a bug) stays pending and is tried again after the
lease, within the late window. ``stop`` lets claimed digests finish sending; those still
running after its grace period are cancelled, stay pending, and are taken over after a
restart.

Started and stopped with the Dispatcher (``dp.startup`` / ``dp.shutdown``, see ``bot.app``).
Time comes from an injectable ``clock``; tests call :meth:`Scheduler.run_once` instead of
waiting for ticks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher

from bot.alerts.watcher import AlertWatcher
from bot.digests.buttons import digest_keyboard
from bot.digests.compose import ChartMemo, Composer
from bot.digests.limits import PerKey, SharedTokenBucket, TokenBucket
from bot.digests.schedule import LOOKBACK, Slot, due_slot
from bot.digests.send import Outcome, Sender
from bot.i18n import Translator
from bot.leases import LeaseKeeper
from bot.live.poller import LivePoller
from bot.metrics import SCHEDULER_LAG, Tally
from bot.services import reading
from bot.services.reading import reading_ledger
from storage.digests import DigestRepository, DueState
from storage.models import Digest, Tracker

if TYPE_CHECKING:
    from bot.app import Services
    from keitaro import KeitaroClient

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
#: how long a pending claim is someone's live delivery; older, its process is taken as dead
LEASE = timedelta(minutes=10)
#: digests looked at between two turns of the event loop in a tick
CHUNK = 500


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Job:
    """One due delivery. Small on purpose, since a burst holds one per digest (10,000): the
    digest itself is read when its turn comes, after the claim, so it is also current."""

    digest_id: int
    owner_id: int
    slot: Slot
    #: the local time the bot should have sent it at, when it is late (after downtime)
    late_at: str | None
    #: for a stale claim left pending by a dead process: the claim time to take over from
    stale_claim: datetime | None = None

    @property
    def key(self) -> tuple[int, str]:
        return self.digest_id, self.slot.key


class Scheduler:
    """Each ``tick``: find active digests with a due, unclaimed slot or a stale claim; claim,
    build, send, settle.

    Sends share a token bucket (``rate`` a second overall, ``burst`` saved up so a send that
    wakes late does not lose its turn): any one-second window sees at most ``rate + burst``
    requests leave, 29 with the defaults, one under Telegram's 30 for the jitter on the way
    (a stalled event loop holds a request back, then it goes out with the next). Against a
    fake Bot API counting a strict 30 a second (``bench/bench_digests.py``, 10,000 digests)
    its busiest second counted 30 and no message was refused. Tracker requests are limited
    to ``per_tracker`` at a time per tracker; at most ``workers`` digests are in progress,
    which also bounds how long a claim waits for its send. ``lease`` is how old a pending
    claim must be before it is taken for abandoned (see the module docstring).
    """

    def __init__(
        self,
        services: Services,
        bot: Bot,
        *,
        clock: Clock | None = None,
        tick: float = 30.0,
        rate: float = 28.0,
        burst: float = 1.0,
        per_tracker: int = 4,
        workers: int = 64,
        retry_delay: float = 5.0,
        lookback: timedelta = LOOKBACK,
        late_after: timedelta = timedelta(minutes=5),
        lease: timedelta = LEASE,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.services = services
        self.bot = bot
        self.clock: Clock = clock or getattr(services, "clock", None) or utc_now
        self.tick = tick
        self.lookback = lookback
        self.late_after = late_after
        self.lease = lease
        self.repository = DigestRepository(services.db)
        self.charts = ChartMemo()
        trackers = PerKey(per_tracker)  # digests and the live feed share each tracker's share
        self.composer = Composer(services, trackers, self.charts, retry_delay, sleep)
        redis = getattr(services, "redis", None)
        bucket: TokenBucket | SharedTokenBucket = (
            SharedTokenBucket(redis, rate, burst, sleep=sleep)
            if redis is not None  # several processes: one limit for them all
            else TokenBucket(rate, burst, monotonic=monotonic, sleep=sleep)
        )
        self.sender = Sender(bot, bucket, self.charts, sleep=sleep)
        settings = services.settings
        self.live = LivePoller(
            services, bot, self.sender, trackers, clock=lambda: self.clock(),
            every=timedelta(seconds=settings.live_poll_seconds),
            overlap=timedelta(minutes=settings.live_overlap_minutes), sleep=sleep,
        )  # fmt: skip
        self.alerts = AlertWatcher(
            services, bot, self.sender, trackers, clock=lambda: self.clock(),
            every=timedelta(seconds=settings.alerts_tick_seconds), sleep=sleep,
        )  # fmt: skip
        self.counts: Counter[str] = Tally("digests")
        #: several processes on one database divide the trackers by leases; alone, all ours
        self.leases = (
            LeaseKeeper(services.db, clock=lambda: self.clock()) if services.db.shared else None
        )
        self.live.owns = self.alerts.owns = self.owns
        self._workers = asyncio.Semaphore(workers)
        self._inflight: set[tuple[int, str]] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.Task[None] | None = None
        self._starters: set[asyncio.Task[None]] = set()

    def owns(self, tracker_id: int) -> bool:
        """Whether this process runs the tracker's digests, live feed and alerts now."""
        return self.leases is None or self.leases.owns(tracker_id)

    # ----- finding work ------------------------------------------------------------------

    async def due_jobs(self) -> list[Job]:
        """What to deliver now: due slots not claimed yet, and stale claims to take over.

        Digests with the same schedule and time zone share one ``Slot`` (worked out once a
        tick), and the loop gets a turn every ``CHUNK`` digests: a tick over 10,000 must
        not hold up the sends and the users' updates in between."""
        now = self.clock()
        slots: dict[tuple[str, str, str], Slot | None] = {}
        jobs = []
        for index, state in enumerate(await self.repository.due_states(), start=1):
            if not self.owns(state.tracker_id):
                continue
            slot = self._slot(state, now, slots)
            job = self._fresh(state, slot, now) or await self._stale(state, slot, now)
            if job is not None and job.key not in self._inflight:
                jobs.append(job)
            if index % CHUNK == 0:
                await asyncio.sleep(0)
        return jobs

    def _slot(
        self, state: DueState, now: datetime, known: dict[tuple[str, str, str], Slot | None]
    ) -> Slot | None:
        schedule = state.schedule
        key = (str(schedule.get("time")), str(schedule.get("days")), state.timezone)
        if key not in known:
            known[key] = due_slot(schedule, state.timezone, now, self.lookback)
        return known[key]

    def _fresh(self, state: DueState, slot: Slot | None, now: datetime) -> Job | None:
        """The due slot, unless it (or a later one) was claimed already."""
        if slot is None or (state.last_slot is not None and slot.key <= state.last_slot):
            return None
        late = now - slot.at > self.late_after
        return Job(state.id, state.owner_id, slot, slot.local.strftime("%H:%M") if late else None)

    async def _stale(self, state: DueState, slot: Slot | None, now: datetime) -> Job | None:
        """A pending claim older than the lease: taken over (late) while its slot is still
        within the late window, dropped after that. A younger one is a live delivery."""
        pending, claimed_at = state.pending_slot, state.claimed_at
        if pending is None or claimed_at is None or now - claimed_at < self.lease:
            return None
        if slot is not None and slot.key == pending:
            late_at = slot.local.strftime("%H:%M")
            return Job(state.id, state.owner_id, slot, late_at, stale_claim=claimed_at)
        if (state.id, pending) not in self._inflight and await self.repository.drop_pending(
            state.id, pending, claimed_at
        ):
            self.counts["expired"] += 1
            log.warning("digest %s: slot %s unconfirmed and too late now", state.id, pending)
        return None

    async def run_once(self) -> int:
        """One tick, waiting until every digest it started is sent (what tests call); on a
        shared database, after a round of the leases (this process's share first)."""
        if self.leases is not None:
            await self.leases.refresh()
        jobs = await self.due_jobs()
        await self._start(jobs)
        await self.drain()
        return len(jobs)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _start(self, jobs: list[Job]) -> None:
        """Start the jobs as workers free up; cancelled (by ``stop``), the ones not started
        are let go unclaimed: still due for the next tick or process."""
        self._inflight.update(job.key for job in jobs)
        for index, job in enumerate(jobs):
            try:
                await self._workers.acquire()  # bounded: 10,000 due are not 10,000 tasks
            except asyncio.CancelledError:
                self._inflight.difference_update(later.key for later in jobs[index:])
                raise
            task = asyncio.create_task(self._run(job))
            self._tasks.add(task)
            task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._workers.release()
        if not task.cancelled() and task.exception() is not None:
            log.error("digest delivery crashed", exc_info=task.exception())

    async def _run(self, job: Job) -> None:
        """Claim, deliver, settle. An exception or a cancellation leaves the claim pending:
        it is taken over after the lease."""
        try:
            if not await self._claim(job):
                self.counts["lost_claim"] += 1
                return
            digest = await self.repository.get(job.owner_id, job.digest_id)
            if digest is None:  # deleted since the tick: the claim went with it
                self.counts["gone"] += 1
                return
            outcome = await self.deliver(digest, job.slot, job.late_at)
            await self.repository.mark_delivered(job.digest_id, job.slot.key)
            self.counts[outcome.value] += 1
        finally:
            self._inflight.discard(job.key)

    async def _claim(self, job: Job) -> bool:
        now = self.clock()
        digest_id, key = job.key
        if job.stale_claim is None:
            return await self.repository.claim_delivery(digest_id, key, now)
        if not await self.repository.take_over(digest_id, key, job.stale_claim, now):
            return False
        self.counts["taken_over"] += 1
        log.warning("digest %s: slot %s was left pending, delivering it late", digest_id, key)
        return True

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
        reading.attach(self.sender.bot)
        with reading_ledger(t):  # a digest says what the tracker's answers left unread
            return await self._compose_and_send(t, digest, tracker, client, slot, late_at, chat_id)

    async def _compose_and_send(
        self,
        t: Translator,
        digest: Digest,
        tracker: Tracker,
        client: KeitaroClient | None,
        slot: Slot | None,
        late_at: str | None,
        chat_id: int | None,
    ) -> Outcome:
        now = self.clock()
        # "yesterday" is the day before the slot, even when a 23:30 slot is sent after midnight
        when = slot.at if slot is not None and digest.spec.get("period") != "today" else now
        composed = await self.composer.compose(
            t, tracker, client, digest.spec, digest.timezone, when, late_at
        )
        if composed.failed:
            self.counts["tracker_failed"] += 1
        composed.text = reading.tell(composed.text)  # what the answers left unread, if any
        keyboard = digest_keyboard(t, digest, composed.losing)
        outcome = await self.sender.send(chat_id or digest.chat_id, composed, keyboard)
        if outcome is Outcome.BLOCKED and digest.id:
            await self.repository.set_paused(digest.owner_id, digest.id, True)
            log.info("chat %s blocked the bot: digest %s paused", digest.chat_id, digest.id)
        return outcome

    # ----- the loop ------------------------------------------------------------------------

    def start(self) -> None:
        if self.leases is not None:
            self.leases.start()
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._forever(), name="digest-scheduler")
        self.live.start()  # its own finer loop, on the same limiter and tracker shares
        self.alerts.start()  # and the alert rules, on them too

    async def stop(self, grace: float = 30.0) -> None:
        """Stop ticking; let claimed digests finish (up to ``grace`` seconds), then cancel:
        a cancelled one stays pending and is taken over after the lease."""
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None
        await self.live.stop()
        await self.alerts.stop()
        for starter in list(self._starters):  # digests not started yet stay unclaimed: still due
            starter.cancel()
        await asyncio.gather(*self._starters, return_exceptions=True)
        if self._tasks:
            _done, pending = await asyncio.wait(list(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self.leases is not None:  # last: the others take over at once, nothing in flight
            await self.leases.stop()

    async def _forever(self) -> None:
        if self.leases is not None:  # the first tick waits for this process's share
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.leases.ready.wait(), 15)
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
            planned = time.monotonic() + self.tick
            await asyncio.sleep(self.tick)
            # how late the tick wakes: a loop blocked by slow work shows here first
            SCHEDULER_LAG.set(max(0.0, time.monotonic() - planned))


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
