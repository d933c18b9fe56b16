"""Once a day, the feed's count against the tracker's: "Keitaro recorded 41 conversions
yesterday (12 sales, $1,204); you were notified of 41", and for a mismatch, why.

It runs after the end of the owner's day (the first poll after ``AFTER_MIDNIGHT`` local
time, so conversions recorded late are in), for a feed that was on for the whole of that
day, and one process does it (``claim_reconciliation``). It reads yesterday's log with the
feed's scope, keeps what the settings ask for, and compares each conversion's status that
day with what the feed told (one by one or in a summary): a lead told whose sale was not
counts as not told, and the first few not told are named.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.live import messages
from bot.live.events import Row, base_status, new_events, wanted
from bot.ui.screens import Screen
from storage.live import TOLD

if TYPE_CHECKING:
    from bot.live.poller import Context, LivePoller

log = logging.getLogger(__name__)
#: how long after local midnight yesterday is counted (late postbacks are in by then)
AFTER_MIDNIGHT = time(0, 15)
#: why a conversion was not told, by what the feed recorded for it
REASONS = {
    "muted": "muted",
    "undeliverable": "undeliverable",
    "primed": "before_on",
    "held": "held",
    "claimed": "in_progress",
}


def local_midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))


def in_gap(moment: datetime, gaps: list[tuple[datetime, datetime]]) -> bool:
    return any(start <= moment < end for start, end in gaps)


class Reconciler:
    def __init__(self, poller: LivePoller) -> None:
        self.poller = poller

    async def maybe(self, ctx: Context) -> None:
        """Reconcile yesterday if it is time, the feed watched all of it, and nobody did."""
        local = ctx.now.astimezone(ZoneInfo(ctx.zone))
        if local.time() < AFTER_MIDNIGHT:
            return
        yesterday = local.date() - timedelta(days=1)
        day = yesterday.isoformat()
        feed = ctx.feed
        if feed.reconciled_day is not None and feed.reconciled_day >= day:
            return
        started = feed.started_at
        if started is None or started > local_midnight(yesterday, ctx.zone):
            return  # turned on during the day (or today): that day is not comparable
        if not await self.poller.repository.claim_reconciliation(feed.tracker_id, day):
            return
        try:
            await self.reconcile(ctx, yesterday)
        except Exception:  # a failing tracker skips one day's count, never the feed
            log.warning("live feed of tracker %s: reconciliation failed", feed.tracker_id)

    async def read_day(self, ctx: Context, day: date) -> list[Row]:
        start = local_midnight(day, ctx.zone)
        end = local_midnight(day + timedelta(days=1), ctx.zone)
        return [
            row
            for row in await self.poller.read(ctx, start, end - timedelta(seconds=1))
            if start <= row.postback_at < end
        ]

    async def reconcile(self, ctx: Context, day: date) -> None:
        rows = await self.read_day(ctx, day)
        asked = [
            event.row for event in new_events(rows, {}) if wanted(ctx.settings, event)
        ]  # every row counts once, as the settings see it
        known = await self.poller.repository.known(
            ctx.feed.tracker_id, (row.conversion_id for row in asked)
        )
        missed: dict[str, int] = {}
        named: list[tuple[str, Row]] = []
        told = 0
        for row in asked:
            events = [
                e for e in known.get(row.conversion_id, []) if base_status(e.status) == row.status
            ]
            if any(event.state in TOLD for event in events):
                told += 1
                continue
            reason = next(
                (REASONS[event.state] for event in events if event.state in REASONS),
                "away" if in_gap(row.postback_at, ctx.feed.gaps) else "late",
            )
            missed[reason] = missed.get(reason, 0) + 1
            if reason not in ("held", "in_progress"):  # those are told, just not yet
                named.append((reason, row))
        sales = [row for row in asked if row.status == "sale"]
        text = messages.reconciliation(
            ctx.t,
            ctx.tracker.name,
            recorded=len(asked),
            sales=len(sales),
            sales_money=sum(row.revenue for row in sales),
            told=told,
            currency=ctx.currency,
            missed=sorted(missed.items()),
            overlap=round(self.poller.overlap.total_seconds() / 60),
            named=named,
        )
        if asked:
            await self.poller.send(ctx, Screen(text, None))
        self.poller.count("reconciled")
