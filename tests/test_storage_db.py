"""The database: opened once, migrated once; the SQLite file in WAL mode with foreign keys
on; PostgreSQL with the same schema, migrated once however many processes start together."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

import pytest

from storage import ConstraintError, Database, MigrationError
from storage.migrations import MIGRATIONS, POSTGRES_MIGRATIONS
from tests.servers import PostgresServer

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


async def test_a_failed_transaction_is_rolled_back(db_target: str) -> None:
    async with await Database.open(db_target) as db:
        with pytest.raises(RuntimeError):
            await insert_then_fail(db)
        assert await db.fetchone("SELECT * FROM users") is None
        # the connection (and its lock) is usable afterwards
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO users (id, created_at, updated_at) VALUES (2, 'a', 'a')")
        assert (await db.fetchone("SELECT COUNT(*) FROM users"))[0] == 1


async def test_foreign_keys_are_enforced(db_target: str) -> None:
    async with await Database.open(db_target) as db:
        with pytest.raises(ConstraintError):
            await db.execute(
                "INSERT INTO trackers (owner_id, name, url, api_key_enc, api_key_hint, "
                "created_at, updated_at) VALUES (404, 'x', 'u', ?, '***', 'a', 'a')",
                (b"\x00",),
            )


async def columns(db: Database) -> dict[str, set[str]]:
    if db.engine == "sqlite":
        names = [row[0] for row in await db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )]  # fmt: skip
        return {
            name: {row["name"] for row in await db.fetchall(f"PRAGMA table_info({name})")}
            for name in names
        }
    rows = await db.fetchall(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name != 'schema_version'"
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["table_name"], set()).add(row["column_name"])
    return found


async def test_both_engines_end_with_the_same_tables_and_columns(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    assert len(POSTGRES_MIGRATIONS) == len(MIGRATIONS)  # a new version appends to both
    async with await Database.open(tmp_path / "bot.sqlite3") as lite:
        expected = await columns(lite)
    async with await Database.open(postgres_server.new_database()) as pg:
        assert await pg.user_version() == len(MIGRATIONS)
        assert await columns(pg) == expected


async def test_processes_starting_together_migrate_postgres_once(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.new_database()
    opened = await asyncio.gather(*(Database.open(url) for _ in range(3)))
    try:
        versions = await opened[0].fetchall("SELECT version FROM schema_version")
        assert sorted(row[0] for row in versions) == list(range(1, len(MIGRATIONS) + 1))
    finally:
        for db in opened:
            await db.close()


async def test_postgres_transactions_in_two_processes_never_interleave(
    postgres_server: PostgresServer,
) -> None:
    """A read-then-write in a transaction sees no other writer, as on SQLite: two pools (two
    processes' worth) incrementing one counter 20 times each end at 40."""
    url = postgres_server.new_database()
    first, second = await Database.open(url), await Database.open(url)
    try:
        await first.execute("INSERT INTO users (id, language, created_at, updated_at) "
                            "VALUES (1, '0', 'a', 'a')")  # fmt: skip

        async def bump(db: Database) -> None:
            async with db.transaction() as tx:
                row = await tx.fetchone("SELECT language FROM users WHERE id = 1")
                await asyncio.sleep(0)
                await tx.execute(
                    "UPDATE users SET language = ? WHERE id = 1", (str(int(row[0]) + 1),)
                )

        await asyncio.gather(*(bump(db) for db in (first, second) for _ in range(20)))
        assert (await second.fetchone("SELECT language FROM users WHERE id = 1"))[0] == "40"
    finally:
        await first.close()
        await second.close()
