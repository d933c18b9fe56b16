"""Digests: owner-scoped rows, and one delivery per due slot."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Cipher, Database, DigestRepository, TrackerRepository

ALICE, BOB = 1001, 2002
SCHEDULE = {"times": ["09:00"], "days": "daily"}
SPEC = {"period": "yesterday", "group": ["campaign"]}


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "bot.sqlite3")
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
