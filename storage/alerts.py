"""Alert rules, and the state of each rule × entity, told once.

A rule belongs to its owner and one of the owner's trackers; every owner-facing method
checks the owner, so a forged id reaches nothing.

The watcher keeps, per rule and entity ("campaign:12"), whether it fires and what the chat
was told, and tells each change once, the way the digests and the live feed do:

* ``claim`` marks the change to tell (``pending``: fire, remind, recover) with the claim
  time *before* anything is sent, by compare-and-set on the state it read; of two loops,
  or a loop and its restarted process, one wins.
* ``settle`` records what was told (the message, for the recovery to reply to) and clears
  the claim. A claim left by a process that died between claim and send is older than the
  lease; ``claim`` with ``stale`` set takes it over (compare-and-set on its claim time).
* ``record`` changes a state without telling anyone (muted, quiet hours, a flap within the
  cooldown), so that the next change is judged against what is true.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.db import Database, Row, parse_time, utc_now


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _time(value: str | None) -> datetime | None:
    return parse_time(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class StoredRule:
    id: int
    owner_id: int
    tracker_id: int
    chat_id: int
    #: the rule as ``bot.alerts.rules.Rule.to_json`` wrote it
    spec: dict[str, Any]
    paused: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AlertState:
    rule_id: int
    entity: str
    firing: bool
    since: datetime
    told_at: datetime | None
    message_id: int | None
    pending: str | None
    claimed_at: datetime | None
    data: dict[str, Any]


def _rule(row: Row) -> StoredRule:
    return StoredRule(
        id=row["id"],
        owner_id=row["owner_id"],
        tracker_id=row["tracker_id"],
        chat_id=row["chat_id"],
        spec=json.loads(row["spec"]),
        paused=bool(row["paused"]),
        created_at=parse_time(row["created_at"]),
    )


def _state(row: Row) -> AlertState:
    return AlertState(
        rule_id=row["rule_id"],
        entity=row["entity"],
        firing=bool(row["firing"]),
        since=parse_time(row["since"]),
        told_at=_time(row["told_at"]),
        message_id=row["message_id"],
        pending=row["pending"],
        claimed_at=_time(row["claimed_at"]),
        data=json.loads(row["data"]),
    )


#: the fields of a spec that say how a rule tells, not what it watches
TELLING = frozenset({"cooldown", "recovery", "auto_pause", "auto_cap"})


def _watched(spec: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in spec.items() if key not in TELLING}


#: at most this many rules per user and tracker (a runaway script must not make 10,000)
MAX_RULES = 50


class AlertRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ----- rules (owner-scoped) -----------------------------------------------------------

    async def create(
        self, owner_id: int, tracker_id: int, chat_id: int, spec: dict[str, Any]
    ) -> int | None:
        """The new rule's id; None if the tracker is not the owner's or it has too many."""
        async with self._db.transaction() as tx:
            owned = await tx.fetchone(
                "SELECT 1 FROM trackers WHERE id = ? AND owner_id = ?", (tracker_id, owner_id)
            )
            if owned is None:
                return None
            count = await tx.fetchone(
                "SELECT COUNT(*) AS n FROM alerts WHERE owner_id = ? AND tracker_id = ?",
                (owner_id, tracker_id),
            )
            if count is not None and count["n"] >= MAX_RULES:
                return None
            return await tx.insert(
                "INSERT INTO alerts (owner_id, chat_id, tracker_id, spec, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (owner_id, chat_id, tracker_id, _json(spec), utc_now()),
            )

    async def get(self, owner_id: int, rule_id: int) -> StoredRule | None:
        row = await self._db.fetchone(
            "SELECT * FROM alerts WHERE id = ? AND owner_id = ?", (rule_id, owner_id)
        )
        return _rule(row) if row else None

    async def list(self, owner_id: int, tracker_id: int) -> builtins.list[StoredRule]:
        rows = await self._db.fetchall(
            "SELECT * FROM alerts WHERE owner_id = ? AND tracker_id = ? ORDER BY id",
            (owner_id, tracker_id),
        )
        return [_rule(row) for row in rows]

    async def update(
        self,
        owner_id: int,
        rule_id: int,
        *,
        spec: dict[str, Any] | None = None,
        chat_id: int | None = None,
        paused: bool | None = None,
    ) -> bool:
        """Change a rule. A change to what it watches is a new rule: what the old one saw is
        forgotten; a change to how it tells (cooldown, recovery, automatic pause) keeps it."""
        sets, params = [], []
        if spec is not None:
            sets.append("spec = ?")
            params.append(_json(spec))
        if chat_id is not None:
            sets.append("chat_id = ?")
            params.append(chat_id)
        if paused is not None:
            sets.append("paused = ?")
            params.append(int(paused))
        if not sets:
            return False
        async with self._db.transaction() as tx:
            before = await tx.fetchone(
                "SELECT spec FROM alerts WHERE id = ? AND owner_id = ?", (rule_id, owner_id)
            )
            if before is None:
                return False
            await tx.execute(
                f"UPDATE alerts SET {', '.join(sets)} WHERE id = ? AND owner_id = ?",  # noqa: S608 - fixed column names
                (*params, rule_id, owner_id),
            )
            if spec is not None and _watched(json.loads(before["spec"])) != _watched(spec):
                await tx.execute("DELETE FROM alert_states WHERE rule_id = ?", (rule_id,))
                await tx.execute("DELETE FROM alert_mutes WHERE rule_id = ?", (rule_id,))
        return True

    async def delete(self, owner_id: int, rule_id: int) -> bool:
        return bool(
            await self._db.execute(
                "DELETE FROM alerts WHERE id = ? AND owner_id = ?", (rule_id, owner_id)
            )
        )

    # ----- the watcher (across owners) --------------------------------------------------------

    async def watched_trackers(self) -> builtins.list[int]:
        """The trackers with at least one rule that is not paused."""
        rows = await self._db.fetchall(
            "SELECT DISTINCT tracker_id FROM alerts WHERE paused = 0 ORDER BY tracker_id"
        )
        return [row["tracker_id"] for row in rows]

    async def active_on(self, tracker_id: int) -> builtins.list[StoredRule]:
        """A tracker's rules that are not paused."""
        rows = await self._db.fetchall(
            "SELECT * FROM alerts WHERE tracker_id = ? AND paused = 0 ORDER BY id", (tracker_id,)
        )
        return [_rule(row) for row in rows]

    async def active(self) -> builtins.list[StoredRule]:
        """Every rule that is not paused, by tracker."""
        rows = await self._db.fetchall(
            "SELECT * FROM alerts WHERE paused = 0 ORDER BY tracker_id, id"
        )
        return [_rule(row) for row in rows]

    async def states(self, rule_ids: Iterable[int]) -> dict[tuple[int, str], AlertState]:
        ids = builtins.list(dict.fromkeys(rule_ids))
        found: dict[tuple[int, str], AlertState] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._db.fetchall(
                f"SELECT * FROM alert_states WHERE rule_id IN ({marks})",  # noqa: S608 - placeholders
                chunk,
            )
            for row in rows:
                state = _state(row)
                found[(state.rule_id, state.entity)] = state
        return found

    async def claim(
        self,
        rule_id: int,
        entity: str,
        pending: str,
        now: datetime,
        *,
        firing: bool,
        data: dict[str, Any],
        seen: AlertState | None,
    ) -> datetime | None:
        """Claim telling ``pending`` about the entity; the claim time, or None when another
        loop claimed or changed it since ``seen`` was read (then this one tells nothing)."""
        claimed = stamp(now)
        since = stamp(now) if seen is None or seen.firing != firing else stamp(seen.since)
        async with self._db.transaction() as tx:
            if seen is None:
                changed = await tx.execute(
                    "INSERT INTO alert_states (rule_id, entity, firing, since, pending, "
                    "claimed_at, data) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (rule_id, entity, int(firing), since, pending, claimed, _json(data)),
                )
            else:
                before = stamp(seen.claimed_at) if seen.claimed_at else None
                changed = await tx.execute(
                    "UPDATE alert_states SET firing = ?, since = ?, pending = ?, "
                    "claimed_at = ?, data = ? WHERE rule_id = ? AND entity = ? "
                    "AND firing = ? AND COALESCE(claimed_at, '') = COALESCE(?, '')",
                    (int(firing), since, pending, claimed, _json(data), rule_id, entity,
                     int(seen.firing), before),
                )  # fmt: skip
        return now if changed else None

    async def renew(self, rule_id: int, entity: str, claimed_at: datetime, now: datetime) -> bool:
        """Before a send: still this claim's (not taken over while it waited)? Then it is
        renewed to ``now``."""
        return bool(
            await self._db.execute(
                "UPDATE alert_states SET claimed_at = ? "
                "WHERE rule_id = ? AND entity = ? AND claimed_at = ?",
                (stamp(now), rule_id, entity, stamp(claimed_at)),
            )
        )

    async def settle(
        self,
        rule_id: int,
        entity: str,
        claimed_at: datetime,
        *,
        told_at: datetime | None,
        message_id: int | None,
    ) -> bool:
        """The claimed change was told (``told_at``) or given up on (None): the claim ends."""
        sets = "pending = NULL, claimed_at = NULL"
        params: builtins.list[Any] = []
        if told_at is not None:
            sets += ", told_at = ?, message_id = COALESCE(?, message_id)"
            params += [stamp(told_at), message_id]
        return bool(
            await self._db.execute(
                f"UPDATE alert_states SET {sets} "  # noqa: S608 - fixed column names
                "WHERE rule_id = ? AND entity = ? AND claimed_at = ?",
                (*params, rule_id, entity, stamp(claimed_at)),
            )
        )

    async def record(
        self,
        rule_id: int,
        entity: str,
        *,
        firing: bool,
        now: datetime,
        data: dict[str, Any],
        seen: AlertState | None,
    ) -> bool:
        """A change nobody is told about (muted, quiet hours, within the cooldown)."""
        since = stamp(now) if seen is None or seen.firing != firing else stamp(seen.since)
        if seen is None:
            return bool(
                await self._db.execute(
                    "INSERT INTO alert_states (rule_id, entity, firing, since, data) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (rule_id, entity, int(firing), since, _json(data)),
                )
            )
        return bool(
            await self._db.execute(
                "UPDATE alert_states SET firing = ?, since = ?, data = ? "
                "WHERE rule_id = ? AND entity = ? AND pending IS NULL",
                (int(firing), since, _json(data), rule_id, entity),
            )
        )

    async def forget(self, rule_id: int, entity: str) -> None:
        """A recovered entity whose alert nobody saw: nothing to keep."""
        await self._db.execute(
            "DELETE FROM alert_states WHERE rule_id = ? AND entity = ? AND pending IS NULL",
            (rule_id, entity),
        )

    async def prune(self, before: datetime) -> int:
        """Recovered states older than ``before`` (the cooldown's memory of a flap)."""
        return await self._db.execute(
            "DELETE FROM alert_states WHERE firing = 0 AND pending IS NULL AND since < ?",
            (stamp(before),),
        )

    async def move_chat(self, chat_id: int, new_chat_id: int) -> None:
        """A group that became a supergroup: its rules follow it."""
        await self._db.execute(
            "UPDATE alerts SET chat_id = ? WHERE chat_id = ?", (new_chat_id, chat_id)
        )

    # ----- mutes ---------------------------------------------------------------------------

    async def mute(self, owner_id: int, rule_id: int, entity: str, until: datetime) -> bool:
        if await self.get(owner_id, rule_id) is None:
            return False
        await self._db.execute(
            "INSERT INTO alert_mutes (rule_id, entity, until) VALUES (?, ?, ?) "
            "ON CONFLICT (rule_id, entity) DO UPDATE SET until = excluded.until",
            (rule_id, entity, stamp(until)),
        )
        return True

    async def unmute(self, owner_id: int, rule_id: int, entity: str) -> bool:
        if await self.get(owner_id, rule_id) is None:
            return False
        await self._db.execute(
            "DELETE FROM alert_mutes WHERE rule_id = ? AND entity = ?", (rule_id, entity)
        )
        return True

    async def mutes(
        self, rule_ids: Iterable[int], now: datetime
    ) -> dict[tuple[int, str], datetime]:
        ids = builtins.list(dict.fromkeys(rule_ids))
        found: dict[tuple[int, str], datetime] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._db.fetchall(
                f"SELECT * FROM alert_mutes WHERE rule_id IN ({marks}) AND until > ?",  # noqa: S608 - placeholders
                (*chunk, stamp(now)),
            )
            for row in rows:
                found[(row["rule_id"], row["entity"])] = parse_time(row["until"])
        return found

    # ----- automatic pauses -------------------------------------------------------------------

    async def record_autopause(
        self, rule_id: int, tracker_id: int, campaign_id: int, at: datetime
    ) -> None:
        await self._db.execute(
            "INSERT INTO alert_autopauses (rule_id, tracker_id, campaign_id, at) "
            "VALUES (?, ?, ?, ?)",
            (rule_id, tracker_id, campaign_id, stamp(at)),
        )

    async def autopauses_since(self, rule_id: int, since: datetime) -> int:
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n FROM alert_autopauses WHERE rule_id = ? AND at >= ?",
            (rule_id, stamp(since)),
        )
        return int(row["n"]) if row else 0

    async def paused_automatically_since(
        self, tracker_id: int, campaign_id: int, since: datetime
    ) -> bool:
        row = await self._db.fetchone(
            "SELECT 1 FROM alert_autopauses WHERE tracker_id = ? AND campaign_id = ? AND at >= ?",
            (tracker_id, campaign_id, stamp(since)),
        )
        return row is not None

    # ----- quiet hours ----------------------------------------------------------------------

    async def quiet(self, owner_id: int) -> dict[str, str] | None:
        row = await self._db.fetchone(
            "SELECT quiet FROM alert_prefs WHERE owner_id = ?", (owner_id,)
        )
        return json.loads(row["quiet"]) if row and row["quiet"] else None

    async def set_quiet(self, owner_id: int, quiet: dict[str, str] | None) -> None:
        await self._db.execute(
            "INSERT INTO alert_prefs (owner_id, quiet, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (owner_id) DO UPDATE SET quiet = excluded.quiet, "
            "updated_at = excluded.updated_at",
            (owner_id, _json(quiet) if quiet else None, utc_now()),
        )

    # ----- tracker health ---------------------------------------------------------------------

    async def failing_since(self, tracker_id: int) -> tuple[datetime, str] | None:
        row = await self._db.fetchone(
            "SELECT failing_since, reason FROM alert_health WHERE tracker_id = ?", (tracker_id,)
        )
        return (parse_time(row["failing_since"]), row["reason"]) if row else None

    async def set_failing(self, tracker_id: int, since: datetime, reason: str) -> None:
        """The first failure of a run starts it; later ones only update the reason."""
        await self._db.execute(
            "INSERT INTO alert_health (tracker_id, failing_since, reason) VALUES (?, ?, ?) "
            "ON CONFLICT (tracker_id) DO UPDATE SET reason = excluded.reason",
            (tracker_id, stamp(since), reason),
        )

    async def set_healthy(self, tracker_id: int) -> None:
        await self._db.execute("DELETE FROM alert_health WHERE tracker_id = ?", (tracker_id,))
