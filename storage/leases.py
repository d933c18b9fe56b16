"""Leases: which process does a piece of shared work (a tracker's watchers), until when.

Several processes on one database divide the scheduled work by leases: a process holds
``watch:<tracker id>`` while it runs that tracker's digests, live feed and alerts, renews it
while it lives, and a lease not renewed by its expiry is free for another to take. Taking
and renewing is one conditional upsert, so of several processes reaching for one lease at
once exactly one gets it. Each process also holds ``process:<holder>``: counting those tells
how many share the work, so each takes its share.

Exactly-once delivery does not rest on leases (every slot, event and alert is claimed in the
database before it is sent): a lease only keeps two processes from doing the same tracker's
work twice over, and a second process from asking the tracker for it.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from storage.db import Database

PROCESS = "process:"
WATCH = "watch:"


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class LeaseRepository:
    def __init__(self, db: Database, holder: str) -> None:
        self._db = db
        self.holder = holder

    async def hold(self, name: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease if it is free or expired, renew it if it is ours: True if ours now."""
        changed = await self._db.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
            "expires_at = excluded.expires_at "
            "WHERE leases.holder = excluded.holder OR leases.expires_at < ?",
            (name, self.holder, stamp(now + ttl), stamp(now)),
        )
        return changed == 1

    async def renew_mine(self, now: datetime, ttl: timedelta) -> builtins.list[str]:
        """Renew every lease this process still holds; the names renewed."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE leases SET expires_at = ? WHERE holder = ? AND expires_at >= ?",
                (stamp(now + ttl), self.holder, stamp(now)),
            )
            rows = await tx.fetchall(
                "SELECT name FROM leases WHERE holder = ? AND expires_at >= ?",
                (self.holder, stamp(now)),
            )
        return [row["name"] for row in rows]

    async def taken_by_others(self, now: datetime) -> set[str]:
        rows = await self._db.fetchall(
            "SELECT name FROM leases WHERE holder != ? AND expires_at >= ?",
            (self.holder, stamp(now)),
        )
        return {row["name"] for row in rows}

    async def alive(self, now: datetime) -> int:
        """How many processes hold a live ``process:`` lease (this one included)."""
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n FROM leases WHERE name LIKE ? AND expires_at >= ?",
            (f"{PROCESS}%", stamp(now)),
        )
        return int(row["n"]) if row is not None else 0

    async def release(self, names: Iterable[str]) -> None:
        """Give leases up (a process stopping, or holding more than its share)."""
        for name in names:
            await self._db.execute(
                "DELETE FROM leases WHERE name = ? AND holder = ?", (name, self.holder)
            )

    async def release_all(self) -> None:
        await self._db.execute("DELETE FROM leases WHERE holder = ?", (self.holder,))

    async def working_trackers(self) -> builtins.list[int]:
        """The trackers with scheduled work: an active digest, a live feed that is on, or an
        alert rule that is not paused."""
        rows = await self._db.fetchall(
            "SELECT tracker_id FROM digests WHERE paused = 0 "
            "UNION SELECT tracker_id FROM live_feeds WHERE enabled = 1 AND blocked = 0 "
            "UNION SELECT tracker_id FROM alerts WHERE paused = 0"
        )
        return sorted(int(row["tracker_id"]) for row in rows)
