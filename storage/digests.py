"""Digests: scheduled reports a user asked for. Owner-scoped like trackers.

The scheduler is the one caller that is not a user: it reads `due_states()` across owners
and keeps each digest's delivery state with conditional UPDATEs, so "exactly one
delivery per due slot" holds even if two loops (or a restarted process) race for a slot:

* ``last_slot`` is the latest slot claimed; it only moves forward, so a slot is claimed once
  (`claim_delivery`), or recorded as not to be sent at all (`claim_slot`).
* ``pending_slot`` and ``claimed_at`` say that the claim of ``last_slot`` is not known to be
  delivered yet. `mark_delivered` clears them once Telegram answered; a claim still pending
  long after it was taken belongs to a process that died, and `take_over` hands it to
  exactly one other caller (compare-and-set on the ``claimed_at`` it read).
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.db import Database, Row, parse_time, utc_now
from storage.models import Digest


def _digest(row: Row) -> Digest:
    return Digest(
        id=row["id"],
        owner_id=row["owner_id"],
        chat_id=row["chat_id"],
        tracker_id=row["tracker_id"],
        schedule=json.loads(row["schedule"]),
        timezone=row["timezone"],
        spec=json.loads(row["spec"]),
        paused=bool(row["paused"]),
        last_slot=row["last_slot"],
        created_at=parse_time(row["created_at"]),
        pending_slot=row["pending_slot"],
        claimed_at=parse_time(row["claimed_at"]) if row["claimed_at"] else None,
    )


@dataclass(frozen=True, slots=True)
class DueState:
    """What the scheduler reads of every active digest each tick: enough to tell whether it
    is due, nothing of what it reports (a tick reads them all)."""

    id: int
    owner_id: int
    tracker_id: int
    schedule: dict[str, Any]
    timezone: str
    last_slot: str | None
    pending_slot: str | None
    claimed_at: datetime | None


def claim_stamp(moment: datetime) -> str:
    """``claimed_at`` as stored: UTC to the microsecond, so the value read back compares
    equal in `take_over`'s compare-and-set."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class DigestRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self,
        owner_id: int,
        chat_id: int,
        tracker_id: int,
        schedule: Mapping[str, Any],
        timezone: str,
        spec: Mapping[str, Any],
    ) -> Digest | None:
        """Save a digest; None if `tracker_id` is not one of the owner's trackers."""
        schedule_json = json.dumps(schedule, ensure_ascii=False)
        spec_json = json.dumps(spec, ensure_ascii=False)
        async with self._db.transaction() as tx:
            owned = await tx.fetchone(
                "SELECT 1 FROM trackers WHERE id = ? AND owner_id = ?", (tracker_id, owner_id)
            )
            if owned is None:
                return None
            digest_id = await tx.insert(
                "INSERT INTO digests (owner_id, chat_id, tracker_id, schedule, timezone, spec, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (owner_id, chat_id, tracker_id, schedule_json, timezone, spec_json, utc_now()),
            )
            row = await tx.fetchone(
                "SELECT * FROM digests WHERE id = ? AND owner_id = ?", (digest_id, owner_id)
            )
        assert row is not None
        return _digest(row)

    async def get(self, owner_id: int, digest_id: int) -> Digest | None:
        row = await self._db.fetchone(
            "SELECT * FROM digests WHERE id = ? AND owner_id = ?",
            (digest_id, owner_id),
        )
        return _digest(row) if row else None

    async def list(self, owner_id: int) -> builtins.list[Digest]:
        rows = await self._db.fetchall(
            "SELECT * FROM digests WHERE owner_id = ? ORDER BY id", (owner_id,)
        )
        return [_digest(row) for row in rows]

    async def set_paused(self, owner_id: int, digest_id: int, paused: bool) -> bool:
        changed = await self._db.execute(
            "UPDATE digests SET paused = ? WHERE id = ? AND owner_id = ?",
            (int(paused), digest_id, owner_id),
        )
        return changed == 1

    async def delete(self, owner_id: int, digest_id: int) -> bool:
        changed = await self._db.execute(
            "DELETE FROM digests WHERE id = ? AND owner_id = ?", (digest_id, owner_id)
        )
        return changed == 1

    async def due_candidates(self) -> builtins.list[Digest]:
        """Every digest that is not paused, across owners: for the scheduler only."""
        rows = await self._db.fetchall("SELECT * FROM digests WHERE paused = 0 ORDER BY id")
        return [_digest(row) for row in rows]

    async def due_states(self) -> builtins.list[DueState]:
        """`due_candidates` reduced to the schedule and the delivery state: for the scheduler."""
        rows = await self._db.fetchall(
            "SELECT id, owner_id, tracker_id, schedule, timezone, last_slot, pending_slot, "
            "claimed_at FROM digests WHERE paused = 0 ORDER BY id"
        )
        return [
            DueState(
                id=row["id"],
                owner_id=row["owner_id"],
                tracker_id=row["tracker_id"],
                schedule=json.loads(row["schedule"]),
                timezone=row["timezone"],
                last_slot=row["last_slot"],
                pending_slot=row["pending_slot"],
                claimed_at=parse_time(row["claimed_at"]) if row["claimed_at"] else None,
            )
            for row in rows
        ]

    async def claim_slot(self, digest_id: int, slot: str) -> bool:
        """Record `slot` as dealt with, nothing to deliver, unless it (or a later one) already was.

        For a slot that must not be sent: one already due when the digest is created is not
        a "missed" one. Slots are local times in the digest's own time zone
        ("2026-11-26T09:00"), which compare in time order for one digest; a fall-back hour
        that repeats a local time therefore claims once. True means the slot was recorded;
        False means it (or a later one) already was. An older pending delivery is dropped.
        """
        changed = await self._db.execute(
            "UPDATE digests SET last_slot = ?, pending_slot = NULL, claimed_at = NULL "
            "WHERE id = ? AND paused = 0 AND (last_slot IS NULL OR last_slot < ?)",
            (slot, digest_id, slot),
        )
        return changed == 1

    async def claim_delivery(self, digest_id: int, slot: str, now: datetime) -> bool:
        """Claim `slot` for delivery, pending until `mark_delivered`; False if it (or a later
        slot) was already claimed: then someone else delivers it (or already did)."""
        changed = await self._db.execute(
            "UPDATE digests SET last_slot = ?, pending_slot = ?, claimed_at = ? "
            "WHERE id = ? AND paused = 0 AND (last_slot IS NULL OR last_slot < ?)",
            (slot, slot, claim_stamp(now), digest_id, slot),
        )
        return changed == 1

    async def take_over(
        self, digest_id: int, slot: str, claimed_at: datetime, now: datetime
    ) -> bool:
        """Take a pending claim over from whoever took it at `claimed_at` (a stale claim the
        caller has judged abandoned). Compare-and-set: of several callers that read the same
        claim, one wins; the claim then counts from `now`."""
        changed = await self._db.execute(
            "UPDATE digests SET claimed_at = ? "
            "WHERE id = ? AND paused = 0 AND pending_slot = ? AND claimed_at = ?",
            (claim_stamp(now), digest_id, slot, claim_stamp(claimed_at)),
        )
        return changed == 1

    async def mark_delivered(self, digest_id: int, slot: str) -> bool:
        """`slot` is settled (sent, or refused for good): nobody is to deliver it again."""
        changed = await self._db.execute(
            "UPDATE digests SET pending_slot = NULL, claimed_at = NULL "
            "WHERE id = ? AND pending_slot = ?",
            (digest_id, slot),
        )
        return changed == 1

    async def drop_pending(self, digest_id: int, slot: str, claimed_at: datetime) -> bool:
        """Give up a pending `slot` that is too old to send, unless its claim was taken over
        since `claimed_at` was read."""
        changed = await self._db.execute(
            "UPDATE digests SET pending_slot = NULL, claimed_at = NULL "
            "WHERE id = ? AND pending_slot = ? AND claimed_at = ?",
            (digest_id, slot, claim_stamp(claimed_at)),
        )
        return changed == 1
