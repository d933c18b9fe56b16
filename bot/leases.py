"""Which trackers' scheduled work this process does, when several share one database.

Every ``every`` seconds the keeper renews its leases (``storage.leases``), counts the live
processes, and takes free trackers up to its share (⌈trackers / processes⌉) or gives up what
it holds beyond it, so a process that joins gets work within one round and the work of a
process that died (its leases expire after ``ttl``) is taken over within ``ttl + every``:
under a minute with the defaults. On SQLite there is one process and no keeper: it owns all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import random
import secrets
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from storage.db import Database
from storage.leases import PROCESS, WATCH, LeaseRepository

log = logging.getLogger(__name__)

TTL = timedelta(seconds=40)
EVERY = 10.0


def process_name() -> str:
    """This process among the others: host, pid, and a random part (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class LeaseKeeper:
    def __init__(
        self,
        db: Database,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        ttl: timedelta = TTL,
        every: float = EVERY,
        holder: str | None = None,
    ) -> None:
        self.repository = LeaseRepository(db, holder or process_name())
        self.clock = clock
        self.ttl = ttl
        self.every = every
        #: the trackers whose digests, live feed and alerts are this process's now
        self.owned: frozenset[int] = frozenset()
        #: set once the first round is done (until then this process owns nothing)
        self.ready = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    @property
    def holder(self) -> str:
        return self.repository.holder

    def owns(self, tracker_id: int) -> bool:
        return tracker_id in self.owned

    async def refresh(self) -> frozenset[int]:
        """One round: renew, count, rebalance. Returns what this process owns now."""
        repo, now = self.repository, self.clock()
        await repo.hold(PROCESS + repo.holder, now, self.ttl)
        renewed = await repo.renew_mine(now, self.ttl)
        mine = {int(name[len(WATCH) :]) for name in renewed if name.startswith(WATCH)}
        working = await repo.working_trackers()
        idle = sorted(mine.difference(working))
        mine.intersection_update(working)
        share = math.ceil(len(working) / max(1, await repo.alive(now)))
        surplus = sorted(mine)[share:] if len(mine) > share else []
        await repo.release(f"{WATCH}{tracker_id}" for tracker_id in [*idle, *surplus])
        mine.difference_update(surplus)
        if len(mine) < share:
            taken = await repo.taken_by_others(now)
            free = [t for t in working if t not in mine and f"{WATCH}{t}" not in taken]
            random.shuffle(free)  # processes reaching at once mostly reach for different ones
            for tracker_id in free:
                if len(mine) >= share:
                    break
                if await repo.hold(f"{WATCH}{tracker_id}", now, self.ttl):
                    mine.add(tracker_id)
        if frozenset(mine) != self.owned:
            log.info("this process now runs the watchers of %d of %d trackers",
                     len(mine), len(working))  # fmt: skip
        self.owned = frozenset(mine)
        self.ready.set()
        return self.owned

    def start(self) -> None:
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._forever(), name="lease-keeper")

    async def _forever(self) -> None:
        while True:
            try:
                await self.refresh()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database away for a moment: keep what is held, try again
                log.exception("lease round failed")
            await asyncio.sleep(self.every)

    async def stop(self) -> None:
        """Stop renewing and give everything up, so the others take over at once."""
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None
        self.owned = frozenset()
        with contextlib.suppress(Exception):
            await self.repository.release_all()
