"""One poll of a tracker's conversion log a tick, every event told once.

Each tick, for every feed that is on (one per tracker) and due:

1. **Read** ``conversions/log`` over ``[cursor − overlap, now]`` by postback time, page by
   page, under the tracker's share of the per-tracker limit the digests use. The overlap
   catches conversions Keitaro records late (its postbacks go through a queue). After
   downtime the window starts at most ``catch_up`` (6 h) back; what lies before that is
   counted with one more request and said, not sent.
2. **Sort out** what is new (``bot.live.events``): not asked for by the settings (never
   recorded, so a status added later applies to what comes), a muted campaign (recorded as
   ``muted``), older than the moment the feed was turned on (``primed``).
3. **Claim, then send, then settle** (``storage.live``): quiet hours hold events (``held``)
   and tell them as one summary when they end; after downtime they are one "while I was
   away" summary; more than ``burst`` a minute are one burst summary; else one message each,
   a status change replying to the notification of the earlier status. A claim left by a
   process that died before sending is taken over after ``lease`` and sent from its row.
4. **Advance** the cursor to ``now`` once the window is dealt with.

What is left is the trade the digests make (``bot.scheduler``): a crash after Telegram
accepted a message and before its row is settled (milliseconds) sends that one event again
after the lease. Telegram has no idempotency key, so no order of writes closes the window.

A tracker that fails is retried with backoff (doubling from one tick to 5 minutes); after
``failure_notice`` (15 minutes) of failing its owner is told once, and told again once it
answers. A chat that blocked the bot pauses its feed until ``/live on``.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import Message, ReplyParameters

from bot.digests.limits import PerKey
from bot.digests.scope import scope_filters
from bot.digests.send import Sender
from bot.i18n import Translator
from bot.live import messages
from bot.live.events import Event, Row, click_key, log_time, new_events, plain, read_row, wanted
from bot.live.reconcile import Reconciler
from bot.live.settings import in_quiet_hours, normalized
from bot.metrics import Tally
from bot.ui.errors import describe
from bot.ui.screens import Screen
from keitaro import KeitaroError
from keitaro.guesses import LIVE_PAGE, live_window
from storage.live import LiveEvent, LiveFeed, LiveRepository

if TYPE_CHECKING:
    from bot.app import Services
    from keitaro import KeitaroClient
    from storage.models import Tracker

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]

#: how far back a catch-up after downtime goes; older conversions are counted, not sent
CATCH_UP = timedelta(hours=6)
#: a gap since the last poll longer than this is downtime: what it missed is one summary
AWAY_AFTER = timedelta(minutes=3)
#: a claim older than this was left by a process that died before sending it
LEASE = timedelta(minutes=2)
#: how long a tracker fails before its owner is told
FAILURE_NOTICE = timedelta(minutes=15)
#: the longest wait between two tries of a failing tracker
MAX_BACKOFF = timedelta(minutes=5)
#: what "within a minute" of a burst means
BURST_WINDOW = timedelta(minutes=1)
#: settled events are forgotten after this (the reconciliation reads yesterday)
KEEP = timedelta(days=3)
#: pages one poll reads at most (a runaway tracker must not page forever)
MAX_PAGES = 200


@dataclass
class Context:
    """One poll of one feed: who it is for and how they read."""

    feed: LiveFeed
    tracker: Tracker
    client: KeitaroClient
    t: Translator
    zone: str
    settings: dict[str, Any]
    now: datetime
    currency: str = "USD"
    blocked: bool = False
    #: when each claim of this poll was taken (renewed before each send)
    claims: dict[tuple[int, str], datetime] = field(default_factory=dict)
    mutes: dict[int, datetime] = field(default_factory=dict)


class Sent(enum.Enum):
    """What became of a message."""

    OK = "notified"
    GONE = "undelivered"  # refused for good: the chat blocked the bot, a bad request
    LATER = "delayed"  # a network error or a lasting 429: the claim stays, sent after the lease
    LOST = "claim_lost"  # another process took the claims over while this one waited


class ClaimLost(Exception):
    """Raised inside a send attempt whose claims were taken over meanwhile."""


class TrackerFailed(Exception):
    def __init__(self, error: KeitaroError) -> None:
        super().__init__(str(error))
        self.error = error


class LivePoller:
    def __init__(
        self,
        services: Services,
        bot: Bot,
        sender: Sender,
        per_tracker: PerKey,
        *,
        clock: Clock,
        every: timedelta = timedelta(seconds=30),
        overlap: timedelta = timedelta(minutes=15),
        lease: timedelta = LEASE,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.services = services
        self.bot = bot
        self.sender = sender
        self.per_tracker = per_tracker
        self.clock = clock
        self.every = every
        self.overlap = overlap
        self.lease = lease
        self.sleep = sleep
        self.repository = LiveRepository(services.db)
        self.reconciler = Reconciler(self)
        self.counts: dict[str, int] = Tally("live")
        self._next: dict[int, datetime] = {}
        self._failures: dict[int, int] = {}
        #: recovery notices Telegram did not take, by tracker: told again at the next poll
        self._recovery_due: dict[int, datetime] = {}
        self._running: dict[int, asyncio.Task[None]] = {}
        self._loop: asyncio.Task[None] | None = None
        #: whether this process polls the tracker (several processes divide them by leases)
        self.owns: Callable[[int], bool] = lambda _tracker_id: True

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] += n

    # ----- the tick ---------------------------------------------

    async def start_due(self) -> list[asyncio.Task[None]]:
        """Start a poll for every feed that is due and not still polling (one per tracker:
        a slow tracker is never asked again before it answered)."""
        now = self.clock()
        started = []
        for feed in await self.repository.active():
            if not self.owns(feed.tracker_id):
                continue
            running = self._running.get(feed.tracker_id)
            if running is not None and not running.done():
                continue
            due = self._next.get(feed.tracker_id)
            if due is not None and now < due:
                continue
            if due is None:  # first seen: due at its own place in the period, so 200
                # trackers' notifications do not all queue for Telegram in the same second,
                # unless it is overdue (a restart): then at once, and on its place after that
                offset = self.every * spread(feed.tracker_id)
                overdue = feed.cursor is None or now - feed.cursor >= self.every
                if not overdue:
                    self._next[feed.tracker_id] = now + offset
                    continue
                self._next[feed.tracker_id] = now + offset
            else:
                self._next[feed.tracker_id] = now + self.every
            task = asyncio.create_task(self._guarded(feed))
            self._running[feed.tracker_id] = task
            started.append(task)
        return started

    def start(self) -> None:
        """Look for due feeds every ``every / 15`` (a second or two): each tracker's polls
        keep its own offset in the period instead of all waiting for the digests' tick."""
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._forever(), name="live-poller")

    async def _forever(self) -> None:
        pause = max(1.0, self.every.total_seconds() / 15)
        while True:
            try:
                await self.start_due()
            except asyncio.CancelledError:
                raise
            except Exception:  # a bad look must not end the loop
                log.exception("live poller tick failed")
            await asyncio.sleep(pause)

    async def run_once(self) -> int:
        """One tick, waiting for its polls (what tests and benchmarks call)."""
        tasks = await self.start_due()
        await asyncio.gather(*tasks, return_exceptions=True)
        return len(tasks)

    async def stop(self) -> None:
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None
        tasks = [task for task in self._running.values() if not task.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _guarded(self, feed: LiveFeed) -> None:
        try:
            await self.poll(feed)
        except asyncio.CancelledError:
            raise
        except Exception:  # one feed's bug must not end the others' polls
            log.exception("live feed of tracker %s: poll failed", feed.tracker_id)

    # ----- one poll ---------------------------------------------

    async def context(self, feed: LiveFeed) -> Context | None:
        services = self.services
        owner = await services.users.get(feed.owner_id)
        tracker = await services.trackers.get(feed.owner_id, feed.tracker_id)
        client = await services.clients.client(tracker) if tracker else None
        if owner is None or tracker is None or client is None:
            return None
        t = Translator(owner.language or services.settings.default_language)
        settings = normalized(feed.settings)
        currency = str(settings.get("currency") or "USD")
        return Context(
            feed, tracker, client, t, owner.timezone or "UTC", settings, self.clock(), currency
        )

    async def poll(self, feed: LiveFeed) -> None:
        ctx = await self.context(feed)
        if ctx is None:
            return
        now = ctx.now
        cursor = feed.cursor or now
        start = max(cursor - self.overlap, now - CATCH_UP)
        try:
            rows, complete = await self.read_pages(ctx, start, now)
            skipped = await self.count_before(ctx, cursor, now - CATCH_UP)
        except TrackerFailed as failure:
            await self.failed(ctx, failure.error)
            return
        if cursor < now - CATCH_UP:
            await self.repository.add_gap(feed.tracker_id, cursor, now - CATCH_UP)
        self._failures.pop(feed.tracker_id, None)
        away = now - cursor > max(AWAY_AFTER, self.every * 3)
        await self.deal_with(ctx, rows, away=away, away_since=cursor, skipped=skipped)
        if feed.failing_since is not None and feed.failure_told:
            await self.tell_recovered(ctx, feed.failing_since)  # after what it caught up
        elif feed.tracker_id in self._recovery_due:
            await self.tell_recovered(ctx, self._recovery_due[feed.tracker_id])
        if ctx.blocked:
            return
        seen = {*feed.seen_statuses, *(row.status for row in rows)}
        # cut short: move only as far as what was read, so the rest is next tick's window
        until = now if complete or not rows else max(row.postback_at for row in rows)
        await self.repository.advance(feed.tracker_id, until, seen)
        await self.repository.prune(feed.tracker_id, now - KEEP)
        await self.repository.prune_instant(now - KEEP)
        await self.reconciler.maybe(ctx)

    async def request(self, ctx: Context, body: dict[str, Any]) -> dict[str, Any]:
        """One log request under the tracker's share of the per-tracker limit."""
        try:
            async with self.per_tracker(ctx.tracker.id):
                result = await ctx.client.call("conversions.log", **body)
        except KeitaroError as error:
            raise TrackerFailed(error) from error
        self.count("requests")
        data = result.data
        return data if isinstance(data, dict) else {}

    def body(self, ctx: Context, start: datetime, end: datetime) -> dict[str, Any]:
        body = live_window(log_time(start), log_time(end))
        body["filters"] = [*body["filters"], *scope_filters(ctx.settings.get("scope") or {})]
        return body

    async def read(self, ctx: Context, start: datetime, end: datetime) -> list[Row]:
        """Every row of the window, page by page (the last page is the short one)."""
        rows, _complete = await self.read_pages(ctx, start, end)
        return rows

    async def read_pages(
        self, ctx: Context, start: datetime, end: datetime
    ) -> tuple[list[Row], bool]:
        """The window's rows, and False when ``MAX_PAGES`` cut it short (then the rows are
        the window's earliest, in postback order)."""
        body = self.body(ctx, start, end)
        rows: list[Row] = []
        for page in range(MAX_PAGES):
            answer = await self.request(
                ctx, {**body, "limit": LIVE_PAGE, "offset": page * LIVE_PAGE}
            )
            raw = answer.get("rows") if isinstance(answer.get("rows"), list) else []
            rows.extend(row for row in map(read_row, raw) if row is not None)
            total = answer.get("total")
            if len(raw) < LIVE_PAGE or (isinstance(total, int) and (page + 1) * LIVE_PAGE >= total):
                return rows, True
        log.warning("live feed of tracker %s: the window has more than %d pages; the rest "
                    "is read next tick", ctx.feed.tracker_id, MAX_PAGES)  # fmt: skip
        return rows, False

    async def count_before(self, ctx: Context, cursor: datetime, limit: datetime) -> int:
        """How many conversions between the cursor and the catch-up's start (not sent)."""
        if cursor >= limit:
            return 0
        answer = await self.request(ctx, {**self.body(ctx, cursor, limit), "limit": 1, "offset": 0})
        total = answer.get("total")
        return total if isinstance(total, int) else 0

    # ----- sorting out and telling ---------------------------------------------

    async def deal_with(
        self, ctx: Context, rows: list[Row], *, away: bool, away_since: datetime, skipped: int
    ) -> None:
        repo, tracker_id, now = self.repository, ctx.feed.tracker_id, ctx.now
        known = await repo.known(tracker_id, (row.conversion_id for row in rows))
        events = [
            event
            for event in new_events(rows, known, ctx.feed.chat_id)
            if wanted(ctx.settings, event)
        ]
        ctx.mutes = await repo.mutes(tracker_id, now)
        fresh: list[Event] = []
        for event in events:
            state = self.placement(ctx, event)
            click_id = click_key(event.row.data.get("sub_id")) or None
            if await repo.claim(
                tracker_id, *event.key, state=state,
                postback_at=event.row.postback_at, revenue=event.row.revenue,
                data={**stored(event), "chat": ctx.feed.chat_id}, now=now,
                click_id=click_id if not event.repeat else None, instant_lease=self.lease,
            ) and state == "claimed":  # fmt: skip
                ctx.claims[event.key] = now
                fresh.append(event)
        if not in_quiet_hours(ctx.settings, ctx.zone, now):
            await self.release_held(ctx)
        fresh += await self.take_over_stale(ctx)
        recent = await repo.told_to_chat_since(ctx.feed.chat_id, now - BURST_WINDOW)
        burst = len(fresh) > burst_of(ctx) or (
            len(fresh) > 1 and len(fresh) + recent > burst_of(ctx)
        )
        if away and (fresh or skipped):
            kind = "outage" if ctx.feed.failing_since is not None else "away"
            await self.tell_summary(ctx, kind, fresh, since=away_since, skipped=skipped)
        elif burst:
            await self.tell_summary(ctx, "burst", fresh)
        else:
            for event in fresh:
                await self.tell_one(ctx, event)

    def placement(self, ctx: Context, event: Event) -> str:
        """Where an event goes now: ``claimed`` (to be sent), or ``primed`` (from before the
        feed was turned on), ``muted``, ``held`` (quiet hours)."""
        # the log has whole seconds: a conversion in the second the feed was turned on is news
        started = ctx.feed.started_at.replace(microsecond=0) if ctx.feed.started_at else None
        if started is not None and event.row.postback_at < started:
            return "primed"
        if event.row.campaign_id in ctx.mutes:
            return "muted"
        if in_quiet_hours(ctx.settings, ctx.zone, ctx.now):
            return "held"
        return "claimed"

    async def take_over_stale(self, ctx: Context) -> list[Event]:
        """Claims left by a process that died before sending them: taken over (one process
        wins each), then placed as a fresh event would be, since quiet hours may have begun,
        the campaign been muted or the feed turned off and on since."""
        repo, now = self.repository, ctx.now
        revived_events: list[Event] = []
        stale = await repo.in_state(ctx.feed.tracker_id, "claimed", claimed_before=now - self.lease)
        for event in stale:
            if not await repo.take_over(event, now):
                continue
            self.count("taken_over")
            revived = revive(event)
            state = self.placement(ctx, revived) if revived is not None else "undeliverable"
            if revived is not None and state == "claimed":
                ctx.claims[revived.key] = now
                revived_events.append(revived)
            else:
                await repo.settle(ctx.feed.tracker_id, [(event.conversion_id, event.status)],
                                  state, now=now)  # fmt: skip
        return revived_events

    async def release_held(self, ctx: Context) -> None:
        """Quiet hours are over: what they held, as one summary."""
        repo, now = self.repository, ctx.now
        held = await repo.in_state(ctx.feed.tracker_id, "held")
        taken = [event for event in held if await repo.take_over(event, now, from_state="held")]
        events = [revived for revived in map(revive, taken) if revived is not None]
        for event in events:
            ctx.claims[event.key] = now
        if events:
            since = min(event.postback_at for event in taken)
            await self.tell_summary(ctx, "quiet", events, since=since)

    async def tell_one(self, ctx: Context, event: Event) -> None:
        screen = messages.notification(
            ctx.t, ctx.tracker.id, ctx.tracker.name, event, ctx.zone, ctx.currency
        )
        outcome, sent = await self.send(ctx, screen, reply_to=event.reply_to, keys=[event.key])
        await self.settle(ctx, [event.key], outcome, "sent", sent)

    async def tell_summary(
        self,
        ctx: Context,
        kind: str,
        events: list[Event],
        *,
        since: datetime | None = None,
        skipped: int = 0,
    ) -> None:
        screen = messages.summary(
            ctx.t, kind, ctx.tracker.name, events, ctx.zone, ctx.currency, since=since,
            skipped=skipped, skipped_before=ctx.now - CATCH_UP if skipped else None,
        )  # fmt: skip
        keys = [event.key for event in events]
        outcome, sent = await self.send(ctx, screen, keys=keys)
        await self.settle(ctx, keys, outcome, "batched", sent)
        self.count(f"summary_{kind}")

    async def settle(
        self,
        ctx: Context,
        keys: list[tuple[int, str]],
        outcome: Sent,
        told: str,
        message: Message | None,
    ) -> None:
        """After Telegram's answer: told, refused for good (``undeliverable``), or left
        claimed (a network error or a lasting 429: sent after the lease; a claim someone
        else took over: theirs)."""
        if outcome in (Sent.LATER, Sent.LOST) or not keys:
            self.count(outcome.value)
            return
        state = told if outcome is Sent.OK else "undeliverable"
        message_id = message.message_id if message is not None else None
        await self.repository.settle(
            ctx.feed.tracker_id, keys, state, now=self.clock(), message_id=message_id
        )
        self.count("notified" if outcome is Sent.OK else "undelivered", len(keys))

    async def send(
        self,
        ctx: Context,
        screen: Screen,
        *,
        reply_to: int | None = None,
        keys: list[tuple[int, str]] | None = None,
    ) -> tuple[Sent, Message | None]:
        """Through the digests' rate limiter (429s honoured there).

        Before each try the claims of ``keys`` are renewed (compare-and-set): a send that
        waited on the limiter past the lease, while another process took its claims over,
        gives up instead of telling them a second time. A chat that blocked the bot, or is
        gone, pauses the feed; a group that became a supergroup is followed."""
        if ctx.blocked:
            return Sent.GONE, None
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to
            else None
        )

        async def attempt() -> Message:
            if keys and not await self.renew(ctx, keys):
                raise ClaimLost
            return await self.bot.send_message(
                ctx.feed.chat_id, screen.text, reply_markup=screen.keyboard,
                reply_parameters=reply,
            )  # fmt: skip

        for _ in range(2):  # a second time only after following a migrated group
            try:
                return Sent.OK, await self.sender.paced(attempt)
            except ClaimLost:
                return Sent.LOST, None
            except TelegramMigrateToChat as moved:
                await self.repository.move_chat(ctx.feed.tracker_id, moved.migrate_to_chat_id)
                ctx.feed = replace(ctx.feed, chat_id=moved.migrate_to_chat_id)
                reply = None
            except TelegramForbiddenError:
                return await self.chat_gone(ctx, "blocked the bot")
            except TelegramBadRequest as error:
                if "chat not found" in error.message.lower():
                    return await self.chat_gone(ctx, "is gone")
                log.warning("live notification to chat %s refused: %s", ctx.feed.chat_id, error)
                return Sent.GONE, None
            except (TelegramRetryAfter, TelegramNetworkError, TelegramServerError) as error:
                log.warning("live notification to chat %s delayed: %s", ctx.feed.chat_id, error)
                return Sent.LATER, None
            except TelegramAPIError as error:
                log.warning("live notification to chat %s refused: %s", ctx.feed.chat_id, error)
                return Sent.GONE, None
        return Sent.LATER, None

    async def renew(self, ctx: Context, keys: list[tuple[int, str]]) -> bool:
        now = self.clock()
        held = {key: ctx.claims.get(key, ctx.now) for key in keys}
        if not await self.repository.renew(ctx.feed.tracker_id, held, now):
            return False
        ctx.claims.update(dict.fromkeys(keys, now))
        return True

    async def chat_gone(self, ctx: Context, why: str) -> tuple[Sent, Message | None]:
        ctx.blocked = True
        await self.repository.set_blocked(ctx.feed.tracker_id)
        log.info("chat %s %s: live feed of tracker %s paused", ctx.feed.chat_id, why,
                 ctx.tracker.id)  # fmt: skip
        return Sent.GONE, None

    # ----- the tracker failing and back ---------------------------------------------

    async def failed(self, ctx: Context, error: KeitaroError) -> None:
        tracker_id, now = ctx.feed.tracker_id, ctx.now
        failures = self._failures[tracker_id] = self._failures.get(tracker_id, 0) + 1
        wait = min(self.every * 2 ** (failures - 1), MAX_BACKOFF)
        self._next[tracker_id] = now + max(wait, self.every)
        self.count("tracker_failed")
        await self.repository.failed(tracker_id, now)
        since = ctx.feed.failing_since or now
        if now - since < FAILURE_NOTICE or ctx.feed.failure_told:
            return
        if await self.repository.set_failure_told(tracker_id, True):
            text = messages.failing(
                ctx.t, ctx.tracker.name, since, ctx.zone, describe(ctx.t, error)
            )
            sent, _ = await self.send(ctx, Screen(text, None))
            if sent is Sent.LATER:  # Telegram did not take it: the next failing poll retries
                await self.repository.set_failure_told(tracker_id, False)

    async def tell_recovered(self, ctx: Context, since: datetime) -> None:
        """The tracker answers again; a notice Telegram did not take is tried next poll
        (the stored failure is over by then, so this process remembers it)."""
        text = messages.recovered(ctx.t, ctx.tracker.name, since, ctx.zone)
        sent, _ = await self.send(ctx, Screen(text, None))
        if sent is Sent.LATER:
            self._recovery_due[ctx.feed.tracker_id] = since
        else:
            self._recovery_due.pop(ctx.feed.tracker_id, None)


def spread(tracker_id: int) -> float:
    """A tracker's place in the poll period, in [0, 1): the golden ratio spreads any run of
    ids evenly."""
    return (tracker_id * 0.6180339887) % 1.0


def burst_of(ctx: Context) -> int:
    try:
        return max(1, int(ctx.settings.get("burst") or 10))
    except (TypeError, ValueError):
        return 10


def stored(event: Event) -> dict[str, Any]:
    """What a claim keeps of its event, to send it again after a crash."""
    return {
        "row": plain(event.row.data),
        "previous": event.previous,
        "reply_to": event.reply_to,
        "previous_revenue": event.previous_revenue,
        "repeat": event.repeat,
    }


def revive(event: LiveEvent) -> Event | None:
    """The event a stored claim was made for."""
    row = read_row(event.data.get("row"))
    if row is None:
        return None
    data = event.data
    revenue = data.get("previous_revenue")
    return Event(
        row,
        data.get("previous"),
        data.get("reply_to"),
        float(revenue) if isinstance(revenue, int | float) else None,
        int(data.get("repeat") or 0),
    )


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
