"""Following a sent conversion until the tracker shows it in its conversion log.

Keitaro answers a postback with "Success" at once and records the conversion later, from a
queue. So after sending, the bot polls ``conversions.log`` with backoff in a background task
(the handler has long returned), then reports what it found — or that it found nothing.

Recognising "our" conversion: before sending, the click's conversions of the last day are
noted (:func:`snapshot`); afterwards, a row that is new or changed (a postback without a tid
overwrites the click's conversion of that kind) is the one, the newest first, with the same
tid when one was given. Comparing rows rather than clocks works even when the tracker's clock
is off from ours.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.services.clicklog import conversions_of
from keitaro import KeitaroClient, KeitaroError

log = logging.getLogger(__name__)

#: seconds between polls: about a minute in all, as Keitaro's queue usually takes seconds
DEFAULT_SCHEDULE: tuple[float, ...] = (1, 2, 4, 8, 15, 15, 15)
#: the window the log is read in: today and yesterday in UTC (a postback near midnight)
DAYS_BACK = 1
#: without a snapshot, a row this much older than the send still counts (clock skew)
CLOCK_SLACK = 120.0

Row = dict[str, Any]


def signature(row: Row) -> str:
    """What changes when a postback lands on an existing conversion."""
    keys = ("postback_datetime", "status", "original_status", "revenue", "tid")
    return "|".join(str(row.get(key, "")) for key in keys)


@dataclass(frozen=True, slots=True)
class Sent:
    """A sent conversion, enough to recognise it in the log later."""

    sub_id: str
    tid: str | None
    #: conversion_id → signature before sending; None when it could not be read
    before: dict[str, str] | None
    sent_at: float = field(default_factory=time.time)

    def matches(self, row: Row) -> bool:
        if self.tid and str(row.get("tid") or "") != self.tid:
            return False
        if self.before is not None:
            return self.before.get(str(row.get("conversion_id"))) != signature(row)
        stamp = datetime.fromtimestamp(self.sent_at - CLOCK_SLACK, UTC)
        return str(row.get("postback_datetime") or "") >= stamp.strftime("%Y-%m-%d %H:%M:%S")


async def snapshot(client: KeitaroClient, sub_id: str) -> dict[str, str] | None:
    """The click's recent conversions before sending; None when the log cannot be read
    (the follow-up then compares times instead)."""
    try:
        rows = await conversions_of(client, sub_id, timezone="UTC", days_back=DAYS_BACK)
    except KeitaroError as error:
        log.info("conversion snapshot failed: %s", error.code)
        return None
    return {str(row.get("conversion_id")): signature(row) for row in rows}


async def find_recorded(client: KeitaroClient, sent: Sent) -> Row | None:
    """The conversion the postback made or changed, or None when the log does not show it."""
    rows = await conversions_of(client, sent.sub_id, timezone="UTC", days_back=DAYS_BACK)
    found = [row for row in rows if sent.matches(row)]
    if not found:
        return None
    return max(found, key=lambda row: (str(row.get("postback_datetime") or ""), _id(row)))


def _id(row: Row) -> int:
    try:
        return int(row.get("conversion_id") or 0)
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class Pending:
    """A conversion the tracker had not shown yet, kept for the "Check again" button."""

    owner_id: int
    tracker_id: int
    sent: Sent
    #: the message's text before the outcome ("click … · sale · 12.50 USD")
    summary: str
    #: the tracker's currency as the dialog knew it, for showing the revenue
    currency: str | None = None
    details: str | None = None


class FollowUps:
    """Background follow-ups of sent conversions, and the ones still waiting for a re-check.

    The tasks are kept in a set (asyncio holds only weak references to tasks) and cancelled by
    :meth:`close` on shutdown. ``schedule`` is the poll delays; tests set tiny ones.
    """

    def __init__(
        self,
        schedule: tuple[float, ...] = DEFAULT_SCHEDULE,
        *,
        capacity: int = 2_000,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.schedule = schedule
        self.capacity = capacity
        self._sleep = sleep
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending: OrderedDict[str, Pending] = OrderedDict()

    def start(
        self,
        check: Callable[[], Awaitable[Row | None]],
        report: Callable[[Row | None], Awaitable[None]],
    ) -> asyncio.Task[None]:
        """Poll ``check`` on the schedule; ``report`` the row, or None after the last poll."""
        task = asyncio.create_task(self._follow(check, report), name="conversion-follow-up")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _follow(
        self,
        check: Callable[[], Awaitable[Row | None]],
        report: Callable[[Row | None], Awaitable[None]],
    ) -> None:
        try:
            for delay in self.schedule:
                await self._sleep(delay)
                try:
                    row = await check()
                except KeitaroError as error:  # a slow or failing read: try the next time
                    log.info("follow-up poll failed: %s", error.code)
                    continue
                if row is not None:
                    await report(row)
                    return
            await report(None)
        except asyncio.CancelledError:
            raise
        except Exception:  # a background task has nobody to raise to
            log.exception("conversion follow-up failed")

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def settle(self) -> None:
        """Wait until every follow-up has reported (tests, and a graceful stop)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """Cancel what is still polling; safe to call twice."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()

    # --- "Check again" ------------------------------------------------------------------------

    def keep(self, pending: Pending) -> str:
        """Remember ``pending`` under a short random token bound to its owner."""
        token = secrets.token_urlsafe(6)
        self._pending[token] = pending
        while len(self._pending) > self.capacity:
            self._pending.popitem(last=False)
        return token

    def recall(self, owner_id: int, token: str) -> Pending | None:
        pending = self._pending.get(token)
        if pending is None or pending.owner_id != owner_id:
            return None
        return pending

    def drop(self, token: str) -> None:
        self._pending.pop(token, None)
