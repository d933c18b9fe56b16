"""The live conversion feed: its settings and poll state (one row per tracker), what it has
dealt with, and the campaigns muted for a while.

Every (conversion, status) the feed sees is a row of ``live_events``, keyed so that it is
told once:

* ``claim`` inserts the row (``ON CONFLICT DO NOTHING``) in state ``claimed`` with the claim time,
  *before* anything is sent; of two loops, or a loop and its restarted process, one wins.
* ``settle`` moves it to ``sent`` (with the message that told it), ``batched`` (told in a
  summary), ``held`` (quiet hours: told when they end), ``muted``, ``primed`` (there before
  the feed was turned on: never told) or ``undeliverable`` (Telegram refused it for good).
* Before each try of a send the sender renews its claims (``renew``, compare-and-set on the
  claim time), so a send that waited past the lease while another process took the claims
  over gives up instead of telling them twice.
* A claim still ``claimed`` long after it was taken belongs to a process that died between
  claim and send; ``take_over`` hands it to one caller (compare-and-set on the claim time)
  and it is sent from the row it was claimed with.

Rows older than the reconciliation needs are pruned, so the table stays bounded.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from storage.db import Database, Row, parse_time, utc_now

#: the states in which a user was told of an event (one by one or in a summary)
TOLD = ("sent", "batched")
#: a feed saved: it restarts (from now, unblocked) when turned on from off, or turned on
#: again (``resume``, the three ``?`` at the end) after its chat blocked the bot
SAVE_FEED = (
    "INSERT INTO live_feeds (tracker_id, owner_id, enabled, chat_id, settings, cursor, "
    "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (tracker_id) DO UPDATE SET enabled = excluded.enabled, "
    "chat_id = excluded.chat_id, settings = excluded.settings, "
    "updated_at = excluded.updated_at, "
    "cursor = CASE WHEN excluded.enabled = 1 AND (live_feeds.enabled = 0 "
    "OR (live_feeds.blocked = 1 AND ? = 1)) THEN excluded.cursor ELSE live_feeds.cursor END, "
    "started_at = CASE WHEN excluded.enabled = 1 AND (live_feeds.enabled = 0 "
    "OR (live_feeds.blocked = 1 AND ? = 1)) THEN excluded.started_at "
    "ELSE live_feeds.started_at END, "
    "blocked = CASE WHEN excluded.enabled = 1 AND (live_feeds.enabled = 0 "
    "OR (live_feeds.blocked = 1 AND ? = 1)) THEN 0 ELSE live_feeds.blocked END"
)
#: how many skipped spans a feed remembers
MAX_GAPS = 10


def stamp(moment: datetime) -> str:
    """A time as stored: UTC to the microsecond, so a value read back compares equal."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _time(value: str | None) -> datetime | None:
    return parse_time(value) if value else None


@dataclass(frozen=True, slots=True)
class LiveFeed:
    tracker_id: int
    owner_id: int
    enabled: bool
    chat_id: int
    #: ``statuses`` (a list, or None for all), ``scope`` (as a digest's), ``min_revenue``,
    #: ``quiet`` (``{"from": "23:00", "to": "08:00"}`` or None), ``burst`` (events a minute)
    settings: dict[str, Any]
    blocked: bool
    cursor: datetime | None
    started_at: datetime | None
    failing_since: datetime | None
    failure_told: bool
    seen_statuses: list[str] = field(default_factory=list)
    reconciled_day: str | None = None
    #: spans of postback time the feed never read (downtime past the catch-up), newest last
    gaps: list[tuple[datetime, datetime]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LiveEvent:
    tracker_id: int
    conversion_id: int
    status: str
    state: str
    claimed_at: datetime | None
    message_id: int | None
    postback_at: datetime
    revenue: float
    data: dict[str, Any]


def _feed(row: Row) -> LiveFeed:
    return LiveFeed(
        tracker_id=row["tracker_id"],
        owner_id=row["owner_id"],
        enabled=bool(row["enabled"]),
        chat_id=row["chat_id"],
        settings=json.loads(row["settings"]),
        blocked=bool(row["blocked"]),
        cursor=_time(row["cursor"]),
        started_at=_time(row["started_at"]),
        failing_since=_time(row["failing_since"]),
        failure_told=bool(row["failure_told"]),
        seen_statuses=json.loads(row["seen_statuses"]),
        reconciled_day=row["reconciled_day"],
        gaps=[(parse_time(a), parse_time(b)) for a, b in json.loads(row["gaps"])],
    )


def _event(row: Row) -> LiveEvent:
    return LiveEvent(
        tracker_id=row["tracker_id"],
        conversion_id=row["conversion_id"],
        status=row["status"],
        state=row["state"],
        claimed_at=_time(row["claimed_at"]),
        message_id=row["message_id"],
        postback_at=parse_time(row["postback_at"]),
        revenue=float(row["revenue"]),
        data=json.loads(row["data"]),
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class LiveRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ----- settings (owner-scoped) ---------------------------------------------------------

    async def get(self, owner_id: int, tracker_id: int) -> LiveFeed | None:
        row = await self._db.fetchone(
            "SELECT * FROM live_feeds WHERE tracker_id = ? AND owner_id = ?",
            (tracker_id, owner_id),
        )
        return _feed(row) if row else None

    async def list(self, owner_id: int) -> builtins.list[LiveFeed]:
        rows = await self._db.fetchall(
            "SELECT * FROM live_feeds WHERE owner_id = ? ORDER BY tracker_id", (owner_id,)
        )
        return [_feed(row) for row in rows]

    async def save(
        self,
        owner_id: int,
        tracker_id: int,
        *,
        chat_id: int,
        settings: Mapping[str, Any],
        enabled: bool,
        now: datetime,
        resume: bool = False,
    ) -> LiveFeed | None:
        """Create or replace a tracker's settings; None if it is not the owner's tracker.
        ``resume`` is an explicit "turn on": only that ends a pause for a blocked chat (a
        setting changed meanwhile leaves it paused).

        Turning the feed on (from off, or from a chat that had blocked the bot) clears the
        block and starts it at ``now``: cursor and start time, as what the tracker recorded
        before is not news. Saving a feed that stays on keeps its cursor."""
        async with self._db.transaction() as tx:
            owned = await tx.fetchone(
                "SELECT 1 FROM trackers WHERE id = ? AND owner_id = ?", (tracker_id, owner_id)
            )
            if owned is None:
                return None
            start = stamp(now) if enabled else None
            await tx.execute(
                SAVE_FEED,
                (
                    tracker_id, owner_id, int(enabled), chat_id, _json(dict(settings)),
                    start, start, utc_now(), int(resume), int(resume), int(resume),
                ),
            )  # fmt: skip
            row = await tx.fetchone("SELECT * FROM live_feeds WHERE tracker_id = ?", (tracker_id,))
        assert row is not None
        return _feed(row)

    # ----- the poller (across owners) --------------------------------------------------------

    async def active(self) -> builtins.list[LiveFeed]:
        """Every feed that is on and whose chat has not blocked the bot."""
        rows = await self._db.fetchall(
            "SELECT * FROM live_feeds WHERE enabled = 1 AND blocked = 0 ORDER BY tracker_id"
        )
        return [_feed(row) for row in rows]

    async def feed(self, tracker_id: int) -> LiveFeed | None:
        row = await self._db.fetchone(
            "SELECT * FROM live_feeds WHERE tracker_id = ?", (tracker_id,)
        )
        return _feed(row) if row else None

    async def advance(
        self, tracker_id: int, cursor: datetime, seen_statuses: Iterable[str]
    ) -> None:
        """A successful poll up to ``cursor``: the cursor only moves forward, and a run of
        failures is over (``recovered`` tells whether someone was told about it)."""
        await self._db.execute(
            "UPDATE live_feeds SET cursor = ?, seen_statuses = ?, failing_since = NULL, "
            "failure_told = 0 WHERE tracker_id = ? AND (cursor IS NULL OR cursor < ?)",
            (stamp(cursor), _json(sorted(set(seen_statuses))), tracker_id, stamp(cursor)),
        )

    async def add_gap(self, tracker_id: int, start: datetime, end: datetime) -> None:
        """Remember a span the feed skipped (the last ``MAX_GAPS``): the reconciliation
        names it as the reason for what it missed."""
        row = await self._db.fetchone(
            "SELECT gaps FROM live_feeds WHERE tracker_id = ?", (tracker_id,)
        )
        if row is None:
            return
        gaps = [*json.loads(row["gaps"]), [stamp(start), stamp(end)]][-MAX_GAPS:]
        await self._db.execute(
            "UPDATE live_feeds SET gaps = ? WHERE tracker_id = ?", (_json(gaps), tracker_id)
        )

    async def failed(self, tracker_id: int, now: datetime) -> None:
        """A failed poll: the start of a run of failures is kept (the first one wins)."""
        await self._db.execute(
            "UPDATE live_feeds SET failing_since = COALESCE(failing_since, ?) WHERE tracker_id = ?",
            (stamp(now), tracker_id),
        )

    async def set_failure_told(self, tracker_id: int, told: bool) -> bool:
        """Compare-and-set: True for the one caller that changes it (tells the user once)."""
        changed = await self._db.execute(
            "UPDATE live_feeds SET failure_told = ? WHERE tracker_id = ? AND failure_told = ?",
            (int(told), tracker_id, int(not told)),
        )
        return changed == 1

    async def set_blocked(self, tracker_id: int) -> None:
        await self._db.execute(
            "UPDATE live_feeds SET blocked = 1 WHERE tracker_id = ?", (tracker_id,)
        )

    async def claim_reconciliation(self, tracker_id: int, day: str) -> bool:
        """True for the one caller that reconciles ``day`` (a local date, ISO)."""
        changed = await self._db.execute(
            "UPDATE live_feeds SET reconciled_day = ? "
            "WHERE tracker_id = ? AND (reconciled_day IS NULL OR reconciled_day < ?)",
            (day, tracker_id, day),
        )
        return changed == 1

    # ----- events ----------------------------------------------------------------------------

    async def known(
        self, tracker_id: int, conversion_ids: Iterable[int]
    ) -> dict[int, builtins.list[LiveEvent]]:
        """The events already dealt with for these conversions, by conversion id."""
        ids = sorted(set(conversion_ids))
        found: dict[int, builtins.list[LiveEvent]] = {}
        for start in range(0, len(ids), 500):  # SQLite's bound variables are limited
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._db.fetchall(
                "SELECT * FROM live_events WHERE tracker_id = ? "  # noqa: S608 (only "?" marks)
                f"AND conversion_id IN ({marks})",
                (tracker_id, *chunk),
            )
            for row in rows:
                found.setdefault(row["conversion_id"], []).append(_event(row))
        return found

    async def claim(
        self,
        tracker_id: int,
        conversion_id: int,
        status: str,
        *,
        state: str,
        postback_at: datetime,
        revenue: float,
        data: Mapping[str, Any],
        now: datetime,
        click_id: str | None = None,
        instant_lease: timedelta | None = None,
    ) -> bool:
        """Record an event in ``state`` unless it was already; True for the one that did.

        ``click_id`` given, an S2S postback may have told the event first (``claim_instant``):
        then the event is recorded as ``sent`` with that notification (False: nothing to
        send), or, while the postback's send is still in flight (younger than
        ``instant_lease``), not recorded at all (False: the next poll looks again). A
        postback's claim older than that was left by a process that died: the poll sends."""
        claimed = stamp(now) if state == "claimed" else None
        async with self._db.transaction() as tx:
            if click_id:  # whatever its placement: a held or muted event told by S2S is told
                instant = await tx.fetchone(
                    "SELECT state, claimed_at, message_id, tid FROM live_instant "
                    "WHERE tracker_id = ? AND click_id = ? AND status = ? "
                    "AND conversion_id IS NULL ORDER BY claimed_at LIMIT 1",
                    (tracker_id, click_id, status),
                )
                if instant is not None:
                    lease = instant_lease or timedelta(minutes=2)
                    fresh = parse_time(instant["claimed_at"]) > now - lease
                    if instant["state"] == "claimed" and fresh:
                        return False
                    told = instant["state"] == "sent"
                    # compare-and-set: a postback's send that renewed its claim meanwhile
                    # (a single statement, not under the transactions' lock) keeps it
                    matched = await tx.execute(
                        "UPDATE live_instant SET conversion_id = ?, "
                        "state = CASE WHEN state = 'sent' THEN 'sent' ELSE 'superseded' END "
                        "WHERE tracker_id = ? AND click_id = ? AND status = ? AND tid = ? "
                        "AND state = ? AND claimed_at = ?",
                        (conversion_id, tracker_id, click_id, status, instant["tid"],
                         instant["state"], instant["claimed_at"]),
                    )  # fmt: skip
                    if not matched:
                        return False  # the next poll looks again
                    if told:
                        await tx.execute(
                            "INSERT INTO live_events (tracker_id, conversion_id, status, "
                            "state, message_id, told_at, postback_at, revenue, data, click_id) "
                            "VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            (
                                tracker_id, conversion_id, status, instant["message_id"],
                                instant["claimed_at"], stamp(postback_at), revenue,
                                _json(dict(data)), click_id,
                            ),
                        )  # fmt: skip
                        return False
            changed = await tx.execute(
                "INSERT INTO live_events (tracker_id, conversion_id, status, state, claimed_at, "
                "postback_at, revenue, data, click_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (
                    tracker_id, conversion_id, status, state, claimed, stamp(postback_at),
                    revenue, _json(dict(data)), click_id,
                ),
            )  # fmt: skip
        return changed == 1

    # ----- S2S postbacks: the instant path into the same feed ------------------------------

    async def claim_instant(
        self,
        tracker_id: int,
        click_id: str,
        status: str,
        tid: str,
        *,
        now: datetime,
        data: Mapping[str, Any],
    ) -> bool:
        """Claim a conversion an S2S postback told, before it is sent: False when the poller
        told it already or another postback (a retry, another process) claimed it."""
        async with self._db.transaction() as tx:
            told = await tx.fetchone(
                "SELECT 1 FROM live_events WHERE tracker_id = ? AND click_id = ? AND status = ?",
                (tracker_id, click_id, status),
            )
            if told is not None:
                return False
            changed = await tx.execute(
                "INSERT INTO live_instant (tracker_id, click_id, status, tid, state, "
                "claimed_at, data) VALUES (?, ?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING",
                (tracker_id, click_id, status, tid, stamp(now), _json(dict(data))),
            )
        return changed == 1

    async def settle_instant(
        self,
        tracker_id: int,
        click_id: str,
        status: str,
        tid: str,
        *,
        state: str,
        message_id: int | None,
    ) -> None:
        """The postback's notification went out (``sent``) or cannot (``undeliverable``);
        an event the poller matched meanwhile gets the message to reply to later."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE live_instant SET state = ?, message_id = ? "
                "WHERE tracker_id = ? AND click_id = ? AND status = ? AND tid = ? "
                "AND state = 'claimed'",
                (state, message_id, tracker_id, click_id, status, tid),
            )
            if message_id is not None:
                await tx.execute(
                    "UPDATE live_events SET message_id = COALESCE(message_id, ?) "
                    "WHERE tracker_id = ? AND click_id = ? AND status = ?",
                    (message_id, tracker_id, click_id, status),
                )

    async def renew_instant(
        self, tracker_id: int, click_id: str, status: str, tid: str, now: datetime
    ) -> bool:
        """Before a postback's send: still its claim (the poller did not take it over after
        the lease)? Then renewed to ``now``."""
        changed = await self._db.execute(
            "UPDATE live_instant SET claimed_at = ? WHERE tracker_id = ? AND click_id = ? "
            "AND status = ? AND tid = ? AND state = 'claimed'",
            (stamp(now), tracker_id, click_id, status, tid),
        )
        return changed == 1

    async def earlier_on_click(
        self, tracker_id: int, click_id: str, status: str
    ) -> tuple[str, int | None] | None:
        """The last other status the feed told for the click, and the message of the first
        one it told (a postback's status change says what it changed from, and replies to
        the first notification): (status, message id)."""
        rows = await self._db.fetchall(
            "SELECT status, message_id, told_at AS at FROM live_events "
            "WHERE tracker_id = ? AND click_id = ? AND status != ? AND told_at IS NOT NULL "
            "UNION ALL SELECT status, message_id, claimed_at AS at FROM live_instant "
            "WHERE tracker_id = ? AND click_id = ? AND status != ? AND state = 'sent'",
            (tracker_id, click_id, status, tracker_id, click_id, status),
        )
        if not rows:
            return None
        last = max(rows, key=lambda row: row["at"])
        first = min((row for row in rows if row["message_id"]), key=lambda row: row["at"],
                    default=last)  # fmt: skip
        return last["status"].split("#", 1)[0], first["message_id"]

    async def prune_instant(self, before: datetime) -> None:
        await self._db.execute("DELETE FROM live_instant WHERE claimed_at < ?", (stamp(before),))

    async def settle(
        self,
        tracker_id: int,
        keys: Iterable[tuple[int, str]],
        state: str,
        *,
        now: datetime,
        message_id: int | None = None,
    ) -> None:
        """The events are dealt with: told (``sent``, ``batched``), ``held``, ``muted``..."""
        told = stamp(now) if state in TOLD else None
        async with self._db.transaction() as tx:
            for conversion_id, status in keys:
                await tx.execute(
                    "UPDATE live_events SET state = ?, message_id = COALESCE(?, message_id), "
                    "told_at = COALESCE(?, told_at), claimed_at = NULL "
                    "WHERE tracker_id = ? AND conversion_id = ? AND status = ?",
                    (state, message_id, told, tracker_id, conversion_id, status),
                )

    async def take_over(
        self, event: LiveEvent, now: datetime, *, from_state: str = "claimed"
    ) -> bool:
        """Claim an abandoned claim (or a held event, ``from_state="held"``) for a send:
        compare-and-set, so of several callers one wins."""
        if from_state == "claimed":
            if event.claimed_at is None:
                return False
            where, value = "claimed_at = ?", stamp(event.claimed_at)
        else:
            where, value = "state = ?", from_state
        changed = await self._db.execute(
            "UPDATE live_events SET state = 'claimed', claimed_at = ? WHERE tracker_id = ? "  # noqa: S608 (a fixed condition)
            f"AND conversion_id = ? AND status = ? AND {where}",
            (stamp(now), event.tracker_id, event.conversion_id, event.status, value),
        )
        return changed == 1

    async def in_state(
        self, tracker_id: int, state: str, *, claimed_before: datetime | None = None
    ) -> builtins.list[LiveEvent]:
        """The tracker's events in ``state`` (claims older than ``claimed_before``)."""
        sql = "SELECT * FROM live_events WHERE tracker_id = ? AND state = ?"
        params: list[Any] = [tracker_id, state]
        if claimed_before is not None:
            sql += " AND claimed_at < ?"
            params.append(stamp(claimed_before))
        rows = await self._db.fetchall(sql + " ORDER BY postback_at, conversion_id", params)
        return [_event(row) for row in rows]

    async def told_to_chat_since(self, chat_id: int, since: datetime) -> int:
        """How many events the feeds aimed at ``chat_id`` told since ``since``, one by one
        or in a summary: a burst is counted per chat, whatever the trackers."""
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n FROM live_events AS e JOIN live_feeds AS f "
            "ON f.tracker_id = e.tracker_id WHERE f.chat_id = ? "
            "AND e.state IN ('sent', 'batched') AND e.told_at >= ?",
            (chat_id, stamp(since)),
        )
        return int(row["n"]) if row else 0

    async def renew(
        self, tracker_id: int, claims: Mapping[tuple[int, str], datetime], now: datetime
    ) -> bool:
        """Renew claims still held since the given times, all or none (compare-and-set):
        False when another process took any of them over, and nothing changes."""

        class Lost(Exception):
            pass

        try:
            async with self._db.transaction() as tx:
                for (conversion_id, status), since in claims.items():
                    changed = await tx.execute(
                        "UPDATE live_events SET claimed_at = ? WHERE tracker_id = ? "
                        "AND conversion_id = ? AND status = ? AND state = 'claimed' "
                        "AND claimed_at = ?",
                        (stamp(now), tracker_id, conversion_id, status, stamp(since)),
                    )
                    if changed != 1:
                        raise Lost
        except Lost:
            return False
        return True

    async def move_chat(self, tracker_id: int, chat_id: int) -> None:
        """The feed's group became a supergroup with a new id: follow it."""
        await self._db.execute(
            "UPDATE live_feeds SET chat_id = ? WHERE tracker_id = ?", (chat_id, tracker_id)
        )

    async def between(
        self, tracker_id: int, start: datetime, end: datetime
    ) -> builtins.list[LiveEvent]:
        """Events whose postback time is in [start, end): the reconciliation's side."""
        rows = await self._db.fetchall(
            "SELECT * FROM live_events WHERE tracker_id = ? AND postback_at >= ? "
            "AND postback_at < ?",
            (tracker_id, stamp(start), stamp(end)),
        )
        return [_event(row) for row in rows]

    async def prune(self, tracker_id: int, before: datetime) -> int:
        """Forget settled events older than ``before`` (the overlap and the reconciliation
        are long past them); claims and held events stay until they are dealt with."""
        return await self._db.execute(
            "DELETE FROM live_events WHERE tracker_id = ? AND postback_at < ? "
            "AND state NOT IN ('claimed', 'held')",
            (tracker_id, stamp(before)),
        )

    # ----- mutes -----------------------------------------------------------------------------

    async def mute(self, owner_id: int, tracker_id: int, campaign_id: int, until: datetime) -> bool:
        async with self._db.transaction() as tx:
            owned = await tx.fetchone(
                "SELECT 1 FROM trackers WHERE id = ? AND owner_id = ?", (tracker_id, owner_id)
            )
            if owned is None:
                return False
            await tx.execute(
                "INSERT INTO live_mutes (tracker_id, campaign_id, until) VALUES (?, ?, ?) "
                "ON CONFLICT (tracker_id, campaign_id) DO UPDATE SET until = excluded.until",
                (tracker_id, campaign_id, stamp(until)),
            )
        return True

    async def unmute(self, owner_id: int, tracker_id: int, campaign_id: int) -> bool:
        changed = await self._db.execute(
            "DELETE FROM live_mutes WHERE tracker_id = ? AND campaign_id = ? AND tracker_id IN "
            "(SELECT id FROM trackers WHERE owner_id = ?)",
            (tracker_id, campaign_id, owner_id),
        )
        return changed == 1

    async def mutes(self, tracker_id: int, now: datetime) -> dict[int, datetime]:
        """The campaigns muted at ``now``: campaign id → until when."""
        rows = await self._db.fetchall(
            "SELECT campaign_id, until FROM live_mutes WHERE tracker_id = ? AND until > ?",
            (tracker_id, stamp(now)),
        )
        return {row["campaign_id"]: parse_time(row["until"]) for row in rows}
