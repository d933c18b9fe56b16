"""Trackers and users: keys encrypted at rest, every row reachable only by its owner.

Every test that takes ``db`` or ``db_target`` runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import pickle
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import (
    Cipher,
    CipherError,
    ConstraintError,
    Database,
    Secret,
    TrackerNameTaken,
    TrackerRepository,
    UserRepository,
)
from tests.servers import PostgresServer

API_KEY = "sandbox-admin-key-7d1f0c9e2b4a6583"
POSTBACK_KEY = "pb-4f0e9d8c7b6a5e4d"
ALICE, BOB = 1001, 2002


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "bot.sqlite3"


@pytest.fixture
def master_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
async def db(db_target: str) -> AsyncIterator[Database]:
    database = await Database.open(db_target)
    yield database
    await database.close()


@pytest.fixture
def trackers(db: Database, master_key: bytes) -> TrackerRepository:
    return TrackerRepository(db, Cipher(master_key))


@pytest.fixture
def users(db: Database) -> UserRepository:
    return UserRepository(db)


def raw_bytes(db_path: Path) -> dict[str, bytes]:
    """The database file and its WAL and shared-memory files, as on disk right now."""
    files = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{db_path}{suffix}")
        files[suffix or "db"] = path.read_bytes() if path.exists() else b""
    return files


def assert_absent(db_path: Path, *secrets: str) -> None:
    files = raw_bytes(db_path)
    for name, content in files.items():
        for secret in secrets:
            for encoded in (secret.encode(), secret.encode("utf-16-le")):
                assert encoded not in content, f"a secret is readable in {name}"


async def test_keys_never_reach_the_files_in_clear(db_path: Path, master_key: bytes) -> None:
    db = await Database.open(db_path)
    trackers = TrackerRepository(db, Cipher(master_key))
    tracker = await trackers.add(ALICE, "Main", "https://t.example.com", API_KEY, POSTBACK_KEY)
    await trackers.set_postback_key(ALICE, tracker.id, POSTBACK_KEY + "-v2")
    files = raw_bytes(db_path)
    assert files["-wal"], "the rows should still be in the WAL file at this point"
    assert b"https://t.example.com" in files["-wal"] + files["db"]  # the check can see rows
    assert_absent(db_path, API_KEY, POSTBACK_KEY, POSTBACK_KEY + "-v2")
    await db.close()  # checkpoints the WAL into the main file
    assert_absent(db_path, API_KEY, POSTBACK_KEY, POSTBACK_KEY + "-v2")


async def test_keys_never_reach_postgres_in_clear(
    postgres_server: PostgresServer, master_key: bytes
) -> None:
    async with await Database.open(postgres_server.new_database()) as db:
        trackers = TrackerRepository(db, Cipher(master_key))
        tracker = await trackers.add(ALICE, "Main", "https://t.example.com", API_KEY, POSTBACK_KEY)
        rows = await db.fetchall("SELECT * FROM trackers WHERE id = ?", (tracker.id,))
        stored = repr([dict(row) for row in rows])
        assert "https://t.example.com" in stored  # the check can see the row
        assert API_KEY not in stored and POSTBACK_KEY not in stored
        creds = await trackers.credentials(ALICE, tracker.id)
        assert creds is not None and creds.api_key.reveal() == API_KEY


async def test_tracker_and_credentials_round_trip(trackers: TrackerRepository) -> None:
    tracker = await trackers.add(ALICE, "Main", " https://t.example.com ", API_KEY)
    assert tracker.owner_id == ALICE and tracker.name == "Main"
    assert tracker.url == "https://t.example.com"
    assert tracker.api_key_hint == "***6583"
    assert not tracker.has_postback_key
    assert API_KEY not in repr(tracker)

    creds = await trackers.credentials(ALICE, tracker.id)
    assert creds is not None
    assert creds.api_key.reveal() == API_KEY and creds.postback_key is None
    assert await trackers.set_postback_key(ALICE, tracker.id, POSTBACK_KEY)
    creds = await trackers.credentials(ALICE, tracker.id)
    assert creds is not None and creds.postback_key is not None
    assert creds.postback_key.reveal() == POSTBACK_KEY
    for shown in (repr(creds), str(creds), f"{creds.api_key}", str(creds.postback_key)):
        assert API_KEY not in shown and POSTBACK_KEY not in shown
    assert (await trackers.get(ALICE, tracker.id)).has_postback_key  # type: ignore[union-attr]

    assert await trackers.set_postback_key(ALICE, tracker.id, None)
    creds = await trackers.credentials(ALICE, tracker.id)
    assert creds is not None and creds.postback_key is None


async def test_secret_masks_itself_everywhere() -> None:
    secret = Secret(API_KEY)
    assert API_KEY not in f"{secret!r} {secret!s} {secret} {[secret]} {secret:>60}"
    assert secret == Secret(API_KEY) and secret != Secret("other")
    assert Secret("short").hint == "***"
    with pytest.raises(TypeError):
        pickle.dumps(secret)


async def test_a_ciphertext_copied_into_another_users_row_does_not_decrypt(
    db: Database, trackers: TrackerRepository
) -> None:
    alice = await trackers.add(ALICE, "Main", "https://a.example.com", API_KEY, POSTBACK_KEY)
    bob = await trackers.add(BOB, "Main", "https://b.example.com", "bob-key-000000000000")
    await db.execute(
        "UPDATE trackers SET api_key_enc = (SELECT api_key_enc FROM trackers WHERE id = ?), "
        "postback_key_enc = (SELECT postback_key_enc FROM trackers WHERE id = ?) WHERE id = ?",
        (alice.id, alice.id, bob.id),
    )
    with pytest.raises(CipherError) as caught:
        await trackers.credentials(BOB, bob.id)
    assert caught.value.reason == "mismatch"
    assert API_KEY not in str(caught.value)
    # Alice's own row is untouched and still hers.
    creds = await trackers.credentials(ALICE, alice.id)
    assert creds is not None and creds.api_key.reveal() == API_KEY


async def test_the_api_key_blob_does_not_pass_for_the_postback_key(
    db: Database, trackers: TrackerRepository
) -> None:
    tracker = await trackers.add(ALICE, "Main", "https://a.example.com", API_KEY)
    await db.execute(
        "UPDATE trackers SET postback_key_enc = api_key_enc WHERE id = ?", (tracker.id,)
    )
    with pytest.raises(CipherError):
        await trackers.credentials(ALICE, tracker.id)


async def test_one_user_cannot_touch_another_users_tracker(
    trackers: TrackerRepository, users: UserRepository
) -> None:
    alice = await trackers.add(ALICE, "Main", "https://a.example.com", API_KEY, POSTBACK_KEY)
    await users.ensure(BOB, "en")

    assert await trackers.get(BOB, alice.id) is None
    assert await trackers.credentials(BOB, alice.id) is None
    assert await trackers.rename(BOB, alice.id, "Mine now") is False
    assert await trackers.set_postback_key(BOB, alice.id, "evil") is False
    assert await trackers.set_api_key(BOB, alice.id, "evil-key-0000000000") is False
    assert await trackers.remove(BOB, alice.id) is False
    assert await users.set_active_tracker(BOB, alice.id) is False
    assert await trackers.list(BOB) == [] and await trackers.count(BOB) == 0

    unchanged = await trackers.get(ALICE, alice.id)
    assert unchanged == alice
    creds = await trackers.credentials(ALICE, alice.id)
    assert creds is not None
    assert creds.api_key.reveal() == API_KEY and creds.postback_key == Secret(POSTBACK_KEY)
    assert (await users.get(BOB)).active_tracker_id is None  # type: ignore[union-attr]


async def test_the_schema_refuses_a_foreign_active_tracker_even_without_the_repository(
    db: Database, trackers: TrackerRepository, users: UserRepository
) -> None:
    alice = await trackers.add(ALICE, "Main", "https://a.example.com", API_KEY)
    await users.ensure(BOB)
    with pytest.raises(ConstraintError, match="another user"):
        await db.execute("UPDATE users SET active_tracker_id = ? WHERE id = ?", (alice.id, BOB))


async def test_names_are_unique_per_owner_with_suffixes(trackers: TrackerRepository) -> None:
    names = [
        (await trackers.add(ALICE, name, "https://t.example.com", API_KEY)).name
        for name in ("Main", "Main", "main", "  Main  ", "Other")
    ]
    assert names == ["Main", "Main (2)", "main (3)", "Main (4)", "Other"]
    # another owner has a namespace of their own
    assert (await trackers.add(BOB, "Main", "https://t.example.com", API_KEY)).name == "Main"
    assert [t.name for t in await trackers.list(ALICE)] == names
    assert await trackers.count(ALICE) == 5


async def test_long_names_keep_their_suffix(trackers: TrackerRepository) -> None:
    long = "x" * 100
    first = await trackers.add(ALICE, long, "https://t.example.com", API_KEY)
    second = await trackers.add(ALICE, long, "https://t.example.com", API_KEY)
    assert len(first.name) == 64 and second.name.endswith(" (2)") and len(second.name) == 64


async def test_rename(trackers: TrackerRepository) -> None:
    main = await trackers.add(ALICE, "Main", "https://t.example.com", API_KEY)
    other = await trackers.add(ALICE, "Other", "https://t.example.com", API_KEY)
    assert await trackers.rename(ALICE, main.id, "  Prod  ")
    assert (await trackers.get(ALICE, main.id)).name == "Prod"  # type: ignore[union-attr]
    assert await trackers.rename(ALICE, main.id, "prod")  # its own name, other case
    with pytest.raises(TrackerNameTaken):
        await trackers.rename(ALICE, other.id, "PROD")
    with pytest.raises(ValueError, match="empty"):
        await trackers.rename(ALICE, other.id, "   ")
    assert await trackers.rename(ALICE, 999_999, "Ghost") is False


async def test_removing_the_active_tracker_clears_it(
    trackers: TrackerRepository, users: UserRepository
) -> None:
    first = await trackers.add(ALICE, "First", "https://t.example.com", API_KEY)
    second = await trackers.add(ALICE, "Second", "https://t.example.com", API_KEY)
    assert await users.set_active_tracker(ALICE, second.id)
    assert (await users.get(ALICE)).active_tracker_id == second.id  # type: ignore[union-attr]

    assert await trackers.remove(ALICE, first.id)
    assert (await users.get(ALICE)).active_tracker_id == second.id  # type: ignore[union-attr]
    assert await trackers.remove(ALICE, second.id)
    assert (await users.get(ALICE)).active_tracker_id is None  # type: ignore[union-attr]
    assert await trackers.remove(ALICE, second.id) is False
    assert await trackers.list(ALICE) == []


async def test_users(users: UserRepository) -> None:
    assert await users.get(ALICE) is None
    created = await users.ensure(ALICE, "ru")
    assert created.language == "ru" and created.timezone is None
    assert (await users.ensure(ALICE, "en")).language == "ru"  # an existing choice stays
    assert await users.set_language(ALICE, "en")
    assert await users.set_timezone(ALICE, "Europe/Moscow")
    user = await users.get(ALICE)
    assert user is not None
    assert (user.language, user.timezone) == ("en", "Europe/Moscow")
    assert user.created_at.tzinfo is not None
    assert await users.set_language(BOB, "en") is False  # unknown user: nothing changed
    assert await users.set_active_tracker(ALICE, None)


async def test_a_different_master_key_cannot_read_old_secrets(db_target: str) -> None:
    async with await Database.open(db_target) as db:
        old = TrackerRepository(db, Cipher(os.urandom(32)))
        tracker = await old.add(ALICE, "Main", "https://t.example.com", API_KEY, POSTBACK_KEY)

    async with await Database.open(db_target) as db:
        new_key = os.urandom(32)
        repo = TrackerRepository(db, Cipher(new_key))
        # Everything that needs no secret keeps working...
        assert [t.id for t in await repo.list(ALICE)] == [tracker.id]
        assert await repo.get(ALICE, tracker.id) == tracker
        # ...and reading the key says clearly what happened.
        with pytest.raises(CipherError, match="different master key") as caught:
            await repo.credentials(ALICE, tracker.id)
        assert caught.value.reason == "wrong_key"
        assert API_KEY not in str(caught.value) and new_key.hex() not in str(caught.value)
        # The owner can replace the key, and the tracker works again.
        assert await repo.set_api_key(ALICE, tracker.id, "fresh-key-1234567890")
        assert await repo.set_postback_key(ALICE, tracker.id, None)
        creds = await repo.credentials(ALICE, tracker.id)
        assert creds is not None and creds.api_key.reveal() == "fresh-key-1234567890"


async def test_adding_requires_a_url_and_a_key(trackers: TrackerRepository) -> None:
    with pytest.raises(ValueError, match="URL"):
        await trackers.add(ALICE, "Main", " ", API_KEY)
    with pytest.raises(ValueError, match="API key"):
        await trackers.add(ALICE, "Main", "https://t.example.com", "")
    assert await trackers.count(ALICE) == 0


async def test_concurrent_adds_with_one_name_get_distinct_names(
    trackers: TrackerRepository,
) -> None:
    added = await asyncio.gather(
        *(trackers.add(ALICE, "Main", "https://t.example.com", API_KEY) for _ in range(5))
    )
    assert sorted(t.name for t in added) == ["Main", "Main (2)", "Main (3)", "Main (4)", "Main (5)"]


async def test_the_report_dialect_is_kept_per_tracker(trackers: TrackerRepository) -> None:
    old = await trackers.add(ALICE, "Old", "https://old.example.com", API_KEY)
    assert old.report_dialect is None  # not known yet
    new = await trackers.add(
        ALICE, "New", "https://new.example.com", API_KEY, report_dialect="legacy"
    )
    assert new.report_dialect == "legacy"
    assert await trackers.set_report_dialect(ALICE, old.id, "dimensions")
    assert not await trackers.set_report_dialect(BOB, old.id, "legacy")  # not Bob's
    assert {t.name: t.report_dialect for t in await trackers.list(ALICE)} == {
        "Old": "dimensions",
        "New": "legacy",
    }
