"""The database file: opened once, migrated once, in WAL mode with foreign keys on."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from storage import Database, MigrationError
from storage.migrations import MIGRATIONS

TABLES = {"users", "trackers", "digests", "alerts", "fsm_states"}


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


async def test_open_creates_the_folder_and_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "data" / "bot.sqlite3"
    async with await Database.open(path) as db:
        assert db.path == path
        assert await db.user_version() == len(MIGRATIONS)
        assert (await db.fetchone("PRAGMA journal_mode"))[0] == "wal"
        assert (await db.fetchone("PRAGMA foreign_keys"))[0] == 1
        assert (await db.fetchone("PRAGMA busy_timeout"))[0] > 0
    assert tables(path) >= TABLES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await Database.open(path) as db:
        await db.execute("INSERT INTO users (id, created_at, updated_at) VALUES (1, 'now', 'now')")
    for _ in range(2):
        async with await Database.open(path) as db:
            assert await db.user_version() == len(MIGRATIONS)
            assert (await db.fetchone("SELECT COUNT(*) FROM users"))[0] == 1


async def test_a_new_migration_runs_once_on_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    await db.close()
    later = (*MIGRATIONS, "CREATE TABLE notes (id INTEGER PRIMARY KEY);")
    async with await Database.open(path, migrations=later) as db:
        assert await db.user_version() == len(later)
    async with await Database.open(path, migrations=later) as db:
        assert await db.user_version() == len(later)
    assert "notes" in tables(path)


async def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    broken = (*MIGRATIONS, "CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;")
    with pytest.raises(MigrationError, match=f"migration {len(broken)}"):
        await Database.open(path, migrations=broken)
    assert "half" not in tables(path)
    async with await Database.open(path) as db:
        assert await db.user_version() == len(MIGRATIONS)


async def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(MigrationError, match="newer version"):
        await Database.open(path)


async def test_in_memory_database_works() -> None:
    async with await Database.open(":memory:") as db:
        assert db.in_memory
        assert await db.user_version() == len(MIGRATIONS)


async def insert_then_fail(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO users (id, created_at, updated_at) VALUES (1, 'a', 'a')")
        raise RuntimeError("boom")


async def test_a_failed_transaction_is_rolled_back(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        with pytest.raises(RuntimeError):
            await insert_then_fail(db)
        assert await db.fetchone("SELECT * FROM users") is None
        # the connection (and its lock) is usable afterwards
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO users (id, created_at, updated_at) VALUES (2, 'a', 'a')")
        assert (await db.fetchone("SELECT COUNT(*) FROM users"))[0] == 1


async def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        with pytest.raises(sqlite3.IntegrityError):
            await db.execute(
                "INSERT INTO trackers (owner_id, name, url, api_key_enc, api_key_hint, "
                "created_at, updated_at) VALUES (404, 'x', 'u', x'00', '***', 'a', 'a')"
            )
