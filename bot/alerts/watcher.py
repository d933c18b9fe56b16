"""The alert watcher: every tick, each tracker with rules is looked at once, and each rule ×
entity that changed is told once.

A tick (``ALERTS_TICK_SECONDS``, 60 s by default) per tracker:

1. **Look** (``bot.alerts.engine``): every rule of the tracker, of every user on it, judged
   from one read per (window, grouping, scope), under the tracker's share of the limit the
   digests and the live feed use.
2. **Decide** per rule × entity against its stored state (``storage.alerts``): an entity that
   starts firing is told (an alert: the decision screen); one that keeps firing is quiet
   until the cooldown passes (a reminder); one that recovers gets one "✅ recovered" (unless
   the rule turned that off). A mute, the owner's quiet hours (for rules that are not urgent:
   the cap and the tracker down are) or a flap within the cooldown change the state without
   a word; what they held is told once they are over, if it still fires. A paused campaign
   is not alerted about: the buyer dealt with it.
3. **Claim, then send, then settle**, as the digests and the feed do: a claim left by a
   process that died before sending is taken over after ``lease`` and told then, if still
   true. The trade is theirs too: a crash between Telegram's answer and the settle (a few
   milliseconds) tells that alert again after the lease.
4. **Automatic pause** for rules that ask for it: at most ``auto_cap`` an hour per rule, each
   reported in its alert with Undo, and never for a campaign resumed by hand after one of
   its automatic pauses, for a day (24 hours, not the owner's midnight: a campaign
   resumed at 23:00 would be paused again an hour later).

More than ``BURST`` alerts for one chat in one tick are one summary message instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup, Message, ReplyParameters

from bot.alerts import messages
from bot.alerts.engine import Look, look
from bot.alerts.entities import id_of, kind_of
from bot.alerts.evaluate import Finding
from bot.alerts.rules import Rule
from bot.digests.limits import PerKey
from bot.digests.send import Sender
from bot.i18n import Translator
from bot.live.poller import spread
from bot.live.settings import in_quiet_hours
from bot.metrics import Tally
from bot.ui.errors import describe
from keitaro import KeitaroError
from keitaro.errors import AuthenticationError, PermissionDeniedError, ServerError
from storage.alerts import AlertRepository, AlertState, StoredRule

if TYPE_CHECKING:
    from bot.app import Services
    from keitaro import KeitaroClient
    from storage.models import Tracker

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
#: a claim older than this was left by a process that died before sending it
LEASE = timedelta(minutes=2)
#: more alerts than this for one chat in one tick become one summary
BURST = 6
#: recovered states are remembered this long (a flap within the cooldown stays quiet)
KEEP_RECOVERED = timedelta(days=2)
# a campaign resumed by hand after an automatic pause is not paused again for this long
HAND_RESUME_HOLDS = timedelta(hours=24)


@dataclass
class Tell:
    """One change to tell: ``fire``, ``remind`` or ``recover``."""

    kind: str
    stored: StoredRule
    rule: Rule
    entity: str
    finding: Finding | None
    state: AlertState | None
    claimed_at: datetime | None = None
    auto: str = ""
    paused: bool = False


@dataclass
class Tracked:
    """One tracker's look of this tick: who reads, and what the rules need."""

    tracker: Tracker
    client: KeitaroClient
    t: Translator
    zone: str
    now: datetime
    rules: list[tuple[StoredRule, Rule]]
    look: Look = field(default_factory=Look)
    quiet: dict[str, str] | None = None
    currency: str = "USD"


class AlertWatcher:
    def __init__(
        self,
        services: Services,
        bot: Bot,
        sender: Sender,
        per_tracker: PerKey,
        *,
        clock: Clock,
        every: timedelta = timedelta(seconds=60),
        lease: timedelta = LEASE,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.services = services
        self.bot = bot
        self.sender = sender
        self.per_tracker = per_tracker
        self.clock = clock
        self.every = every
        self.lease = lease
        self.sleep = sleep
        self.repository = AlertRepository(services.db)
        self.counts: dict[str, int] = Tally("alerts")
        self._running: dict[int, asyncio.Task[None]] = {}
        #: whether this process watches the tracker (several processes divide them by leases)
        self.owns: Callable[[int], bool] = lambda _tracker_id: True
        self._loop: asyncio.Task[None] | None = None
        self._pruned: datetime | None = None
        self._next: dict[int, datetime] = {}

    # ----- the loop ---------------------------------------------------------------------

    def start(self) -> None:
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._forever(), name="alert-watcher")

    async def _forever(self) -> None:
        """Look for due trackers every ``every / 12`` (5 s): each tracker is due at its own
        place in the period, so 200 trackers' reads and alerts do not all leave in the
        same second."""
        pause = max(1.0, self.every.total_seconds() / 12)
        while True:
            try:
                await self.start_due()
            except asyncio.CancelledError:
                raise
            except Exception:  # a bad look must not end the loop
                log.exception("alert watcher tick failed")
            await asyncio.sleep(pause)

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

    async def start_due(self, *, every_tracker: bool = False) -> list[asyncio.Task[None]]:
        """A look for every tracker with rules that is due (or all, ``every_tracker``) and
        not still being looked at: a slow tracker is never asked again before it answered."""
        now = self.clock()
        if self._pruned is None or now - self._pruned >= timedelta(hours=1):
            await self.repository.prune(now - KEEP_RECOVERED)
            self._pruned = now
        started = []
        for tracker_id in await self.repository.watched_trackers():
            if not self.owns(tracker_id):
                continue
            running = self._running.get(tracker_id)
            if running is not None and not running.done():
                continue
            due = self._next.get(tracker_id)
            if due is None:  # first seen: at its place in the period
                due = self._next[tracker_id] = now + self.every * spread(tracker_id)
            if not every_tracker and now < due:
                continue
            self._next[tracker_id] = max(due, now - self.every) + self.every
            stored_rules = await self.repository.active_on(tracker_id)
            if not stored_rules:
                continue
            task = asyncio.create_task(self._guarded(tracker_id, stored_rules))
            self._running[tracker_id] = task
            started.append(task)
        return started

    async def run_once(self) -> int:
        """One look at every tracker with rules, waiting for them (tests, the benchmark)."""
        tasks = await self.start_due(every_tracker=True)
        await asyncio.gather(*tasks, return_exceptions=True)
        return len(tasks)

    async def _guarded(self, tracker_id: int, stored_rules: list[StoredRule]) -> None:
        try:
            await self.watch(tracker_id, stored_rules)
        except asyncio.CancelledError:
            raise
        except Exception:  # one tracker's bug must not end the others' looks
            log.exception("alerts of tracker %s: look failed", tracker_id)

    # ----- one tracker ------------------------------------------------------------------

    async def tracked(self, tracker_id: int, stored_rules: list[StoredRule]) -> Tracked | None:
        services = self.services
        owner_id = stored_rules[0].owner_id
        owner = await services.users.get(owner_id)
        tracker = await services.trackers.get(owner_id, tracker_id)
        client = await services.clients.client(tracker) if tracker else None
        if owner is None or tracker is None or client is None:
            return None
        rules = []
        for stored in stored_rules:
            if stored.owner_id != owner_id:  # a tracker row has one owner; never mix
                continue
            try:
                rules.append((stored, Rule.from_json(stored.spec)))
            except (TypeError, ValueError):
                log.warning("alert rule %s: unreadable spec, skipped", stored.id)
        language = owner.language or services.settings.default_language
        return Tracked(
            tracker, client, Translator(language), owner.timezone or "UTC", self.clock(), rules
        )

    async def watch(self, tracker_id: int, stored_rules: list[StoredRule]) -> None:
        ctx = await self.tracked(tracker_id, stored_rules)
        if ctx is None or not ctx.rules:
            return
        judged = {stored.id: (rule, ctx.zone) for stored, rule in ctx.rules}
        ctx.look = await look(
            ctx.client, judged, ctx.now, limit=lambda: self.per_tracker(tracker_id)
        )
        self.counts["requests"] += ctx.look.requests
        if ctx.look.requests == 0 and any(rule.kind == "down" for _s, rule in ctx.rules):
            await self.probe(ctx)
        health = await self.health(ctx)
        ctx.quiet = await self.repository.quiet(stored_rules[0].owner_id)
        ids = [stored.id for stored, _rule in ctx.rules]
        states = await self.repository.states(ids)
        mutes = await self.repository.mutes(ids, ctx.now)
        tells: list[Tell] = []
        for stored, rule in ctx.rules:
            if rule.kind == "down":
                found = [_down_for(rule, health)] if health is not None else []
            elif stored.id in ctx.look.unjudged:
                continue  # a read it needs failed: nothing is known, nothing changes
            else:
                found = ctx.look.findings.get(stored.id, [])
            ignored = self.dealt_with(ctx, rule)
            found = [f for f in found if f.entity not in ignored]
            tells += await self.decide(ctx, stored, rule, found, states, mutes, ignored)
        await self.tell(ctx, tells)
        self.counts["ticks"] += 1

    async def probe(self, ctx: Tracked) -> None:
        """Only "tracker down" rules: one cheap read says whether it answers."""
        try:
            async with self.per_tracker(ctx.tracker.id):
                await ctx.client.call("campaigns.list")
        except KeitaroError as error:
            ctx.look.failure = error
        ctx.look.requests += 1
        self.counts["requests"] += 1

    async def health(self, ctx: Tracked) -> Finding | None:
        """The tracker's own state for "down" rules: failing since when, and why."""
        repo, tracker_id = self.repository, ctx.tracker.id
        failure = ctx.look.failure
        failing = await repo.failing_since(tracker_id)
        reason = _reason(failure) if failure is not None else None
        if reason is not None and (failing is None or failing[1] != reason):
            await repo.set_failing(tracker_id, ctx.now, reason)  # written only on a change
            failing = await repo.failing_since(tracker_id)
        elif failing is not None and ctx.look.requests and failure is None:
            await repo.set_healthy(tracker_id)
            failing = None
        if failing is None:
            return Finding("tracker", ctx.tracker.name, False, None)
        since, reason = failing
        minutes = (ctx.now - since).total_seconds() / 60
        numbers = {"minutes": minutes}
        return Finding(
            "tracker", ctx.tracker.name, True, minutes, numbers, {"since": since, "reason": reason}
        )

    def dealt_with(self, ctx: Tracked, rule: Rule) -> set[str]:
        """Campaigns the buyer paused: dealt with, so they neither fire nor "recover" (a
        pause is not a recovery); they are judged again once resumed."""
        if rule.group != "campaign" or rule.kind == "down" or not ctx.look.campaigns:
            return set()
        return {
            f"campaign:{c.get('id')}"
            for c in ctx.look.campaigns
            if str(c.get("state") or "active") != "active"
        }

    # ----- deciding ---------------------------------------------------------------------

    async def decide(
        self,
        ctx: Tracked,
        stored: StoredRule,
        rule: Rule,
        found: list[Finding],
        states: dict[tuple[int, str], AlertState],
        mutes: dict[tuple[int, str], datetime],
        ignored: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> list[Tell]:
        now = ctx.now
        cooldown = timedelta(minutes=rule.cooldown)
        quiet = not rule.urgent and in_quiet_hours({"quiet": ctx.quiet}, ctx.zone, now)
        firing_now = {f.entity: f for f in found if f.firing}
        tells: list[Tell] = []
        mine = {entity: st for (rule_id, entity), st in states.items() if rule_id == stored.id}
        for entity in sorted({*firing_now, *mine} - ignored):
            st = mine.get(entity)
            finding = firing_now.get(entity)
            if st is not None and st.pending and st.claimed_at and now - st.claimed_at < self.lease:
                continue  # another loop is telling it right now
            stale = st is not None and st.pending is not None
            muted = (stored.id, entity) in mutes
            told = st is not None and st.told_at is not None
            if finding is not None:
                starting = st is None or not st.firing or st.pending == "recover"
                told_this = told and not starting and st.told_at >= st.since  # type: ignore[union-attr, operator]
                due = not told or now - st.told_at >= cooldown  # type: ignore[union-attr, operator]
                if stale and st.pending in ("fire", "remind"):  # type: ignore[union-attr]
                    due = True  # claimed and never told: a dead process's
                if muted or quiet or not due:
                    if starting or stale:
                        await self.release(
                            st,
                            firing=True,
                            data=_data(finding),
                            now=now,
                            rule_id=stored.id,
                            entity=entity,
                        )
                    continue
                if told_this and rule.window == "yesterday":
                    continue  # a day that is over says nothing new every two hours
                kind = "remind" if told_this else "fire"
                tells.append(Tell(kind, stored, rule, entity, finding, st))
            elif st is not None and (st.firing or st.pending == "recover"):
                told_this = told and st.told_at >= st.since  # type: ignore[operator]
                if told_this and rule.recovery and not muted and not quiet:
                    tells.append(Tell("recover", stored, rule, entity, None, st))
                elif stale or st.firing:
                    await self.release(
                        st, firing=False, data=st.data, now=now, rule_id=stored.id, entity=entity
                    )
        return tells

    async def release(
        self,
        st: AlertState | None,
        *,
        firing: bool,
        data: dict[str, Any],
        now: datetime,
        rule_id: int,
        entity: str,
    ) -> None:
        """A change nobody is told about; a stale claim for it is ended first."""
        repo = self.repository
        if st is not None and st.pending is not None:
            claimed = await repo.claim(
                rule_id, entity, "none", now, firing=firing, data=data, seen=st
            )
            if claimed is None:
                return
            await repo.settle(rule_id, entity, claimed, told_at=None, message_id=None)
            self.counts["taken_over"] += 1
            return
        await repo.record(rule_id, entity, firing=firing, now=now, data=data, seen=st)

    # ----- telling ----------------------------------------------------------------------

    async def tell(self, ctx: Tracked, tells: list[Tell]) -> None:
        repo = self.repository
        claimed: list[Tell] = []
        for item in tells:
            data = (
                _data(item.finding)
                if item.finding is not None
                else (item.state.data if item.state else {})
            )
            at = await repo.claim(
                item.stored.id,
                item.entity,
                item.kind,
                ctx.now,
                firing=item.kind != "recover",
                data=data,
                seen=item.state,
            )
            if at is None:
                self.counts["lost_claim"] += 1
                continue
            if item.state is not None and item.state.pending is not None:
                self.counts["taken_over"] += 1
            item.claimed_at = at
            claimed.append(item)
        for item in claimed:
            if item.kind != "recover" and item.rule.auto_pause:
                await self.auto_pause(ctx, item)
        by_chat: dict[int, list[Tell]] = defaultdict(list)
        for item in claimed:
            by_chat[item.stored.chat_id].append(item)
        for chat_id, items in by_chat.items():
            alerts = [i for i in items if i.kind != "recover"]
            recoveries = [i for i in items if i.kind == "recover"]
            for group in (alerts, recoveries):
                if len(group) > BURST:
                    await self.tell_summary(ctx, chat_id, group)
                else:
                    for item in group:
                        await self.tell_one(ctx, chat_id, item)

    def screen(self, ctx: Tracked, item: Tell) -> tuple[str, InlineKeyboardMarkup | None]:
        t, rule, stored = ctx.t, item.rule, item.stored
        if rule.kind == "down":
            since = _since(item)
            reason = str((item.finding.against or {}).get("reason") if item.finding else "")
            if item.kind == "recover":
                return messages.up_text(t, ctx.tracker.name, since, ctx.zone), None
            text = messages.down_text(t, ctx.tracker.name, since, ctx.zone, reason or "server")
            return text, messages.list_keyboard(t, ctx.tracker.id)
        if item.kind == "recover":
            name = str((item.state.data if item.state else {}).get("name") or item.entity)
            name = messages.entity_name(t, item.entity, name)
            return messages.recovered_text(t, rule, None, name, ctx.currency), None
        assert item.finding is not None
        reminder = item.state.since if item.kind == "remind" and item.state else None
        text = messages.alert_text(
            t,
            rule,
            item.finding,
            currency=ctx.currency,
            reminder_since=reminder,
            timezone=ctx.zone,
            auto=item.auto,
        )
        keyboard = messages.alert_keyboard(
            t, stored.id, rule, ctx.tracker.id, item.entity, paused=item.paused
        )
        return text, keyboard

    async def tell_one(self, ctx: Tracked, chat_id: int, item: Tell) -> None:
        text, keyboard = self.screen(ctx, item)
        reply_to = item.state.message_id if item.kind == "recover" and item.state else None
        sent = await self.send(chat_id, text, keyboard, [item], reply_to=reply_to)
        await self.settle([item], sent)

    async def tell_summary(self, ctx: Tracked, chat_id: int, items: list[Tell]) -> None:
        if items[0].kind == "recover":
            names = [
                messages.entity_name(
                    ctx.t, i.entity, str((i.state.data if i.state else {}).get("name") or i.entity)
                )
                for i in items
            ]
            text = messages.recovered_many_text(ctx.t, names)
        else:
            pairs = sorted(
                ((i.rule, i.finding) for i in items if i.finding is not None),
                key=lambda pair: _severity(*pair),
            )
            text = messages.summary_text(ctx.t, pairs, ctx.currency)
        sent = await self.send(chat_id, text, messages.list_keyboard(ctx.t, ctx.tracker.id), items)
        await self.settle(items, sent)
        self.counts["summaries"] += 1

    async def send(
        self,
        chat_id: int,
        text: str,
        keyboard: InlineKeyboardMarkup | None,
        items: list[Tell],
        *,
        reply_to: int | None = None,
    ) -> Message | bool | None:
        """The message, or False when Telegram refused it for good (settled as given up),
        None when it should be tried again after the lease (the claim stays)."""
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to
            else None
        )

        async def attempt() -> Message:
            for item in items:
                assert item.claimed_at is not None
                now = self.clock()  # one reading: the settle must find the claim it renewed
                if not await self.repository.renew(
                    item.stored.id, item.entity, item.claimed_at, now
                ):
                    raise _ClaimLost
                item.claimed_at = now
            return await self.bot.send_message(
                chat_id, text, reply_markup=keyboard, reply_parameters=reply
            )

        try:
            return await self.sender.paced(attempt)
        except _ClaimLost:
            self.counts["lost_claim"] += 1
            return None
        except TelegramMigrateToChat as moved:  # a group became a supergroup: follow it
            await self.repository.move_chat(chat_id, moved.migrate_to_chat_id)
            return None  # told after the lease, in the new chat
        except TelegramForbiddenError:
            for item in items:  # the chat blocked the bot: its rules wait for an edit
                await self.repository.update(item.stored.owner_id, item.stored.id, paused=True)
            log.info("chat %s blocked the bot: its alert rules are paused", chat_id)
            return False
        except (TelegramRetryAfter, TelegramNetworkError, TelegramServerError) as error:
            log.warning("alert to chat %s delayed: %s", chat_id, error)
            return None
        except TelegramAPIError as error:
            log.warning("alert to chat %s refused: %s", chat_id, error)
            return False

    async def settle(self, items: list[Tell], sent: Message | bool | None) -> None:
        if sent is None:
            return
        now = self.clock()
        message_id = sent.message_id if isinstance(sent, Message) else None
        for item in items:
            assert item.claimed_at is not None
            await self.repository.settle(
                item.stored.id,
                item.entity,
                item.claimed_at,
                told_at=now if message_id is not None else None,
                message_id=message_id,
            )
        self.counts["alerts" if message_id is not None else "undelivered"] += len(items)

    # ----- automatic pauses -------------------------------------------------------------

    async def auto_pause(self, ctx: Tracked, item: Tell) -> None:
        """Pause the campaign (at most ``auto_cap`` an hour per rule; never one resumed by
        hand in the 24 hours after an automatic pause), and say what was done in the alert."""
        if kind_of(item.entity) != "campaign":
            return
        campaign_id = id_of(item.entity)
        if campaign_id is None:
            return
        repo, now, t = self.repository, ctx.now, ctx.t
        state = next(
            (
                str(c.get("state") or "active")
                for c in ctx.look.campaigns
                if c.get("id") == campaign_id
            ),
            "active",
        )
        if state != "active":
            return
        day_ago = now - HAND_RESUME_HOLDS
        if await repo.paused_automatically_since(ctx.tracker.id, campaign_id, day_ago):
            item.auto = messages.auto_note(t, "by_hand")
            return
        done = await repo.autopauses_since(item.stored.id, now - timedelta(hours=1))
        if done >= item.rule.auto_cap:
            item.auto = messages.auto_note(t, "capped", n=done)
            return
        try:
            async with self.per_tracker(ctx.tracker.id):
                await ctx.client.call("campaigns.disable", {"id": campaign_id})
        except KeitaroError as error:
            item.auto = messages.auto_note(t, "failed", error=describe(t, error))
            return
        await repo.record_autopause(item.stored.id, ctx.tracker.id, campaign_id, now)
        item.auto = messages.auto_note(t, "paused")
        item.paused = True
        self.counts["auto_paused"] += 1


class _ClaimLost(Exception):
    """A send whose claim another loop took over while it waited."""


def _reason(error: KeitaroError) -> str | None:
    """Why a tracker is "down" for the down rules; None for a failure that is not (a 404 of
    one endpoint, a validation error: the tracker answers)."""
    if isinstance(error, AuthenticationError | PermissionDeniedError):
        return "key"
    if isinstance(error, ServerError):
        return "server"
    name = type(error).__name__
    if name in (
        "ConnectionFailedError",
        "ConnectionLostError",
        "TrackerTimeoutError",
        "TLSError",
        "NotKeitaroError",
    ):
        return "unreachable"
    return None


def _data(finding: Finding | None) -> dict[str, Any]:
    if finding is None:
        return {}
    against = finding.against
    if isinstance(against, dict):
        against = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in against.items()}
    return {
        "name": finding.name,
        "value": finding.value,
        "numbers": finding.numbers,
        "against": against,
    }


def _severity(rule: Rule, finding: Finding) -> float:
    """Worst first in a summary: the lowest value of a "below" rule, the highest of an
    "above" one."""
    value = finding.value if finding.value is not None else 0.0
    main = rule.main
    return value if main is None or main.op in ("<", "<=", "=") else -value


def _down_for(rule: Rule, health: Finding) -> Finding:
    """The tracker's health judged by one "down" rule: failing for its minutes or more."""
    long_enough = health.firing and (health.value or 0) >= rule.value
    return Finding(
        health.entity, health.name, long_enough, health.value, health.numbers, health.against
    )


def _since(item: Tell) -> datetime:
    """When the tracker started failing: from the look, or from what the claim stored."""
    against = item.finding.against if item.finding is not None else None
    if isinstance(against, dict) and isinstance(against.get("since"), datetime):
        return against["since"]
    stored = (item.state.data if item.state else {}).get("against")
    if isinstance(stored, dict) and isinstance(stored.get("since"), str):
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(stored["since"])
    if item.state is not None:
        return item.state.since
    return datetime.now(UTC)
