"""Digests: scheduled reports a user asked for. Owner-scoped like trackers.

The scheduler is the one caller that is not a user: it reads `due_candidates()` across
owners and calls `claim_slot()`, whose conditional UPDATE makes "exactly one delivery per due
slot" hold even if two loops (or a restart mid-delivery) race for the same slot.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from storage.db import Database, parse_time, utc_now
from storage.models import Digest


def _digest(row: sqlite3.Row) -> Digest:
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
    )


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

    async def claim_slot(self, digest_id: int, slot: str) -> bool:
        """Record `slot` as delivered unless it (or a later one) already was.

        Slots are local times in the digest's own time zone ("2026-11-26T09:00"), which compare
        in time order for one digest; a fall-back hour that repeats a local time therefore
        claims once. True means the caller won the slot and should deliver; False means someone
        already did.
        """
        changed = await self._db.execute(
            "UPDATE digests SET last_slot = ? WHERE id = ? AND paused = 0 "
            "AND (last_slot IS NULL OR last_slot < ?)",
            (slot, digest_id, slot),
        )
        return changed == 1
