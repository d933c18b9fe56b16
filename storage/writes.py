"""Writes in flight: a change to a tracker is recorded before it is sent and after.

Why: a process killed while a write is on the wire (a conversion's postback, a campaign
being created, a cost upload) leaves no trace of it, and the user's next press of Send would
make it twice. With this journal the next press finds the write still marked *sending* (or
*unknown*, when the tracker timed out), and the bot asks the tracker what happened first.

States: ``sending`` (written just before the request; a crash leaves it), ``unknown`` (the
tracker did not say: a timeout, a lost connection, a 5xx), ``done``. A write the tracker
refused is forgotten: it did not happen, so sending it again is safe.

The parameters are stored encrypted (they may hold a password or a third party's key), bound
to the owner like the API keys; what the tracker looked like before (``evidence``: the ids of
a list, a click's conversions) is plain JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from storage.crypto import Cipher
from storage.db import Database, Row, parse_time, utc_now

SENDING = "sending"
UNKNOWN = "unknown"
DONE = "done"
#: finished writes are kept this long (a stale button pressed days later still finds them)
KEEP_DONE = timedelta(days=14)
PURPOSE = "write"


@dataclass(frozen=True, slots=True)
class Write:
    owner_id: int
    key: str
    tracker_id: int
    action: str
    payload: dict[str, Any]
    evidence: dict[str, Any]
    state: str
    outcome: Any
    started_at: datetime
    updated_at: datetime

    @property
    def in_doubt(self) -> bool:
        """Sent (or being sent) and not known to have happened or not."""
        return self.state in (SENDING, UNKNOWN)


class WriteRepository:
    """Owner-scoped like every repository: a key alone never finds another user's write."""

    def __init__(self, db: Database, cipher: Cipher) -> None:
        self._db = db
        self._cipher = cipher

    async def get(self, owner_id: int, key: str) -> Write | None:
        row = await self._db.fetchone(
            "SELECT * FROM writes WHERE owner_id = ? AND key = ?", (owner_id, key)
        )
        return self._write(row) if row else None

    async def begin(
        self,
        owner_id: int,
        key: str,
        tracker_id: int,
        action: str,
        payload: dict[str, Any],
        evidence: dict[str, Any] | None = None,
    ) -> None:
        """Mark the write as being sent (replacing an earlier record under the same key)."""
        now = utc_now()
        blob = self._cipher.encrypt(json.dumps(payload), owner_id=owner_id, purpose=PURPOSE)
        await self._db.execute(
            "INSERT INTO writes (owner_id, key, tracker_id, action, payload_enc, evidence, "
            "state, outcome, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?) "
            "ON CONFLICT (owner_id, key) DO UPDATE SET tracker_id = excluded.tracker_id, "
            "action = excluded.action, payload_enc = excluded.payload_enc, "
            "evidence = excluded.evidence, state = excluded.state, outcome = NULL, "
            "started_at = excluded.started_at, updated_at = excluded.updated_at",
            (
                owner_id, key, tracker_id, action, blob, json.dumps(evidence or {}), SENDING,
                now, now,
            ),
        )  # fmt: skip

    async def finish(self, owner_id: int, key: str, outcome: Any = None) -> None:
        await self._set(owner_id, key, DONE, outcome)

    async def doubt(self, owner_id: int, key: str) -> None:
        """The tracker did not say whether it made the change."""
        await self._set(owner_id, key, UNKNOWN, None)

    async def forget(self, owner_id: int, key: str) -> None:
        """The write did not happen (the tracker refused it): nothing to remember."""
        await self._db.execute("DELETE FROM writes WHERE owner_id = ? AND key = ?", (owner_id, key))

    async def in_doubt(self, owner_id: int) -> list[Write]:
        """The owner's writes whose fate is not known, newest first."""
        rows = await self._db.fetchall(
            "SELECT * FROM writes WHERE owner_id = ? AND state IN (?, ?) ORDER BY updated_at DESC",
            (owner_id, SENDING, UNKNOWN),
        )
        return [self._write(row) for row in rows]

    async def prune(self, now: datetime) -> int:
        """Drop finished writes older than ``KEEP_DONE``; writes in doubt are kept."""
        cutoff = (now - KEEP_DONE).isoformat(timespec="seconds")
        return await self._db.execute(
            "DELETE FROM writes WHERE state = ? AND updated_at < ?", (DONE, cutoff)
        )

    async def _set(self, owner_id: int, key: str, state: str, outcome: Any) -> None:
        await self._db.execute(
            "UPDATE writes SET state = ?, outcome = ?, updated_at = ? "
            "WHERE owner_id = ? AND key = ?",
            (state, json.dumps(outcome) if outcome is not None else None, utc_now(), owner_id, key),
        )

    def _write(self, row: Row) -> Write:
        payload = self._cipher.decrypt(
            row["payload_enc"], owner_id=row["owner_id"], purpose=PURPOSE
        )
        return Write(
            owner_id=row["owner_id"],
            key=row["key"],
            tracker_id=row["tracker_id"],
            action=row["action"],
            payload=json.loads(payload),
            evidence=json.loads(row["evidence"] or "{}"),
            state=row["state"],
            outcome=json.loads(row["outcome"]) if row["outcome"] else None,
            started_at=parse_time(row["started_at"]),
            updated_at=parse_time(row["updated_at"]),
        )
