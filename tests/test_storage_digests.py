"""Digests: owner-scoped rows, one claim per due slot, and the delivery state that lets a
claim left pending by a crash be taken over by exactly one caller."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import Cipher, Database, DigestRepository, TrackerRepository
from storage.migrations import MIGRATIONS

ALICE, BOB = 1001, 2002
SCHEDULE = {"times": ["09:00"], "days": "daily"}
SPEC = {"period": "yesterday", "group": ["campaign"]}


@pytest.fixture
async def db(db_target: str) -> AsyncIterator[Database]:
    """Each test runs on SQLite and on a real PostgreSQL."""
    database = await Database.open(db_target)
    yield database
    await database.close()


async def test_digest_crud_is_owner_scoped(db: Database) -> None:
    trackers = TrackerRepository(db, Cipher(os.urandom(32)))
    digests = DigestRepository(db)
    alice_tracker = await trackers.add(ALICE, "Main", "https://t.example.com", "k" * 20)
    await trackers.add(BOB, "Main", "https://t.example.com", "k" * 20)

    assert await digests.create(BOB, BOB, alice_tracker.id, SCHEDULE, "UTC", SPEC) is None
    digest = await digests.create(ALICE, -100, alice_tracker.id, SCHEDULE, "Europe/Kyiv", SPEC)
    assert digest is not None
    assert (digest.schedule, digest.spec, digest.paused) == (SCHEDULE, SPEC, False)
    assert await digests.list(ALICE) == [digest] and await digests.list(BOB) == []
    assert await digests.get(BOB, digest.id) is None
    assert await digests.set_paused(BOB, digest.id, True) is False
    assert await digests.delete(BOB, digest.id) is False

    assert await digests.set_paused(ALICE, digest.id, True)
    assert (await digests.get(ALICE, digest.id)).paused  # type: ignore[union-attr]
    assert await digests.due_candidates() == []
    assert await digests.set_paused(ALICE, digest.id, False)
    assert [d.id for d in await digests.due_candidates()] == [digest.id]
    assert await digests.delete(ALICE, digest.id)
    assert await digests.get(ALICE, digest.id) is None


async def test_removing_a_tracker_removes_its_digests(db: Database) -> None:
    trackers = TrackerRepository(db, Cipher(os.urandom(32)))
    digests = DigestRepository(db)
    tracker = await trackers.add(ALICE, "Main", "https://t.example.com", "k" * 20)
    digest = await digests.create(ALICE, ALICE, tracker.id, SCHEDULE, "UTC", SPEC)
    assert digest is not None
    assert await trackers.remove(ALICE, tracker.id)
    assert await digests.list(ALICE) == []


async def test_a_slot_is_claimed_exactly_once(db: Database) -> None:
    trackers = TrackerRepository(db, Cipher(os.urandom(32)))
    digests = DigestRepository(db)
    tracker = await trackers.add(ALICE, "Main", "https://t.example.com", "k" * 20)
    digest = await digests.create(ALICE, ALICE, tracker.id, SCHEDULE, "UTC", SPEC)
    assert digest is not None
    slot = "2025-01-02T06:00:00+00:00"
    won = await asyncio.gather(*(digests.claim_slot(digest.id, slot) for _ in range(10)))
    assert won.count(True) == 1
    assert await digests.claim_slot(digest.id, "2025-01-01T06:00:00+00:00") is False
    assert await digests.claim_slot(digest.id, "2025-01-03T06:00:00+00:00") is True
    assert (await digests.get(ALICE, digest.id)).last_slot == "2025-01-03T06:00:00+00:00"  # type: ignore[union-attr]


async def digest_of(db: Database) -> int:
    trackers = TrackerRepository(db, Cipher(os.urandom(32)))
    tracker = await trackers.add(ALICE, "Main", "https://t.example.com", "k" * 20)
    digest = await DigestRepository(db).create(ALICE, ALICE, tracker.id, SCHEDULE, "UTC", SPEC)
    assert digest is not None
    return digest.id


async def test_a_claimed_delivery_stays_pending_until_marked_delivered(db: Database) -> None:
    digests = DigestRepository(db)
    digest_id = await digest_of(db)
    slot, claimed = "2026-11-26T09:00", datetime(2026, 11, 26, 8, 0, 10, 123456, tzinfo=UTC)
    won = await asyncio.gather(
        *(digests.claim_delivery(digest_id, slot, claimed) for _ in range(5))
    )
    assert won.count(True) == 1
    stored = await digests.get(ALICE, digest_id)
    assert stored is not None and stored.last_slot == slot
    assert (stored.pending_slot, stored.claimed_at) == (slot, claimed)
    [state] = await digests.due_states()  # what the scheduler reads each tick
    assert (state.id, state.owner_id, state.schedule) == (digest_id, ALICE, SCHEDULE)
    assert (state.last_slot, state.pending_slot, state.claimed_at) == (slot, slot, claimed)
    assert await digests.mark_delivered(digest_id, "2026-11-25T09:00") is False  # not that one
    assert await digests.mark_delivered(digest_id, slot) is True
    stored = await digests.get(ALICE, digest_id)
    assert stored is not None and (stored.pending_slot, stored.claimed_at) == (None, None)
    assert stored.last_slot == slot  # and the slot stays claimed
    assert await digests.claim_delivery(digest_id, slot, claimed) is False


async def test_a_stale_claim_is_taken_over_by_exactly_one_caller(db: Database) -> None:
    digests = DigestRepository(db)
    digest_id = await digest_of(db)
    slot, claimed = "2026-11-26T09:00", datetime(2026, 11, 26, 8, 0, 10, tzinfo=UTC)
    assert await digests.claim_delivery(digest_id, slot, claimed)
    later = claimed + timedelta(minutes=11)
    won = await asyncio.gather(
        *(digests.take_over(digest_id, slot, claimed, later) for _ in range(10))
    )
    assert won.count(True) == 1
    stored = await digests.get(ALICE, digest_id)
    assert stored is not None and (stored.pending_slot, stored.claimed_at) == (slot, later)
    # a caller that read the old claim time no longer matches, nor does another slot
    assert await digests.take_over(digest_id, slot, claimed, later) is False
    assert await digests.take_over(digest_id, "2026-11-25T09:00", later, later) is False
    # nor can anyone drop it by that old reading; the current one can
    assert await digests.drop_pending(digest_id, slot, claimed) is False
    assert await digests.drop_pending(digest_id, slot, later) is True
    stored = await digests.get(ALICE, digest_id)
    assert stored is not None and stored.pending_slot is None and stored.last_slot == slot
    assert await digests.take_over(digest_id, slot, later, later) is False  # nothing pending


async def test_a_skipped_slot_or_a_pause_leaves_nothing_to_take_over(db: Database) -> None:
    digests = DigestRepository(db)
    digest_id = await digest_of(db)
    claimed = datetime(2026, 11, 26, 8, 0, 10, tzinfo=UTC)
    assert await digests.claim_delivery(digest_id, "2026-11-26T09:00", claimed)
    assert await digests.claim_slot(digest_id, "2026-11-27T09:00")  # a later slot skipped
    stored = await digests.get(ALICE, digest_id)
    assert stored is not None and stored.last_slot == "2026-11-27T09:00"
    assert stored.pending_slot is None and stored.claimed_at is None
    assert await digests.claim_delivery(digest_id, "2026-11-28T09:00", claimed)
    assert await digests.set_paused(ALICE, digest_id, True)
    assert await digests.due_states() == []
    later = claimed + timedelta(hours=1)
    assert await digests.take_over(digest_id, "2026-11-28T09:00", claimed, later) is False
    assert await digests.claim_delivery(digest_id, "2026-11-29T09:00", later) is False


async def test_the_delivery_state_migration_keeps_existing_digests(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await Database.open(path, migrations=MIGRATIONS[:1]) as old:  # as shipped
        # rows as the first version wrote them (today's repository knows newer columns)
        now = "2026-11-25T10:00:00+00:00"
        await old.execute(
            "INSERT INTO users (id, created_at, updated_at) VALUES (?, ?, ?)", (ALICE, now, now)
        )
        tracker_id = await old.insert(
            "INSERT INTO trackers (owner_id, name, url, api_key_enc, api_key_hint, created_at, "
            "updated_at) VALUES (?, 'Main', 'https://t.example.com', ?, '***kkkk', ?, ?)",
            (ALICE, os.urandom(48), now, now),
        )
        digest_id = await old.insert(
            "INSERT INTO digests (owner_id, chat_id, tracker_id, schedule, timezone, spec, "
            "last_slot, created_at) VALUES (?, ?, ?, '{}', 'UTC', '{}', ?, ?)",
            (ALICE, ALICE, tracker_id, "2026-11-26T09:00", now),
        )
    async with await Database.open(path) as db:
        assert await db.user_version() == len(MIGRATIONS)
        stored = await DigestRepository(db).get(ALICE, digest_id)
        assert stored is not None and stored.last_slot == "2026-11-26T09:00"
        assert stored.pending_slot is None and stored.claimed_at is None
