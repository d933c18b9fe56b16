"""The database behind every repository: one interface, two engines.

`Database` is what repositories see: single statements (`execute`, `insert`, `fetchone`,
`fetchall`), each atomic on its own, and ``async with db.transaction() as tx`` for several
that must succeed together. SQL is written once, in the subset both engines speak (``?``
placeholders, ``ON CONFLICT``, ISO text timestamps); :mod:`storage.postgres` translates the
placeholders. `Database.open` picks the engine from its target: a path (or ``:memory:``) is
SQLite, the embedded default; a ``postgresql://`` URL is PostgreSQL, for several processes.

SQLite: one aiosqlite connection for the whole process. SQLite allows a single writer at a
time anyway, and aiosqlite runs every call of a connection on one thread in order, so a second
connection would only add lock contention (``database is locked``) without adding throughput.
What one connection does not give for free is isolation between coroutines: if coroutine A
opens a transaction and awaits, coroutine B's statements would run inside A's transaction. An
`asyncio.Lock` therefore serialises every statement and every transaction;
`SQLiteDatabase.transaction()` holds it from ``BEGIN`` to ``COMMIT``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

import aiosqlite

from storage.errors import ConstraintError, MigrationError
from storage.memo import RowMemo
from storage.migrations import MIGRATIONS

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 5_000
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

Params = Sequence[Any]


class Row(Protocol):
    """A result row of either engine: by column name or by position (``sqlite3.Row`` and
    ``asyncpg.Record`` both are)."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


def utc_now() -> str:
    """The current time as stored in every ``*_at`` column (ISO 8601, UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_time(value: str) -> datetime:
    """Read back a value written by `utc_now`."""
    return datetime.fromisoformat(value)


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


class Session(ABC):
    """Statements inside one transaction; obtained from `Database.transaction()` only."""

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the number of rows it changed."""

    @abstractmethod
    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT into a table with an ``id`` column; return the new row's id."""

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...


class Database(ABC):
    """The bot's database: open it once at start-up, share it, close it at shutdown.

    Single statements are atomic on their own; several statements that must succeed
    together go in ``async with db.transaction() as tx``. Transactions are serialised (on
    SQLite by its single writer, on PostgreSQL by an advisory lock), so a read-then-write
    inside one sees no other writer, whichever process it runs in. The lock is not
    re-entrant: inside a transaction use ``tx``, never ``db``.
    """

    #: ``"sqlite"`` or ``"postgresql"``
    engine: str
    #: the users and trackers every update reads (see :mod:`storage.memo`); off where
    #: several processes share the database, since another process's write would not
    #: reach this one's memory
    memo: RowMemo

    @classmethod
    async def open(
        cls,
        target: str | Path,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        migrations: Sequence[str] | None = None,
    ) -> Database:
        """Open (creating if needed) the database at `target`, applying pending migrations.

        `target` is a SQLite path, ``:memory:``, or a ``postgresql://`` URL. `migrations`
        exists for tests (SQLite only); the application always uses the default.
        """
        if is_postgres_url(target):
            from storage.postgres import PostgresDatabase

            return await PostgresDatabase.connect(str(target))
        return await SQLiteDatabase.connect(
            Path(target), busy_timeout_ms=busy_timeout_ms, migrations=migrations or MIGRATIONS
        )

    @property
    def shared(self) -> bool:
        """Whether other processes may use this database at the same time."""
        return self.engine != "sqlite"

    @abstractmethod
    async def close(self) -> None: ...

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    @abstractmethod
    async def user_version(self) -> int:
        """How many migrations the database has applied."""

    @abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[Session]: ...

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int: ...

    @abstractmethod
    async def insert(self, sql: str, params: Params = ()) -> int: ...

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    async def ping(self) -> None:
        """Raise if the database cannot answer a query now (for ``/healthz``)."""


@contextlib.contextmanager
def _constraints() -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as error:
        raise ConstraintError(str(error)) from error


class SQLiteSession(Session):
    """Statements inside one SQLite transaction (or single ones, under the lock)."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the number of rows it changed."""
        with _constraints():
            cursor = await self._connection.execute(sql, params)
        return cursor.rowcount

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; return the new row's id."""
        with _constraints():
            row = await self._connection.execute_insert(sql, params)
        assert row is not None  # SELECT last_insert_rowid() always returns a row
        return int(row[0])

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        rows = await self._connection.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self._connection.execute_fetchall(sql, params))


class SQLiteDatabase(Database):
    """The embedded default: one SQLite file, one connection, one process."""

    engine = "sqlite"

    def __init__(self, path: Path, connection: aiosqlite.Connection) -> None:
        self.path = path
        self._connection = connection
        self._session = SQLiteSession(connection)
        self._lock = asyncio.Lock()
        self.memo = RowMemo()

    @property
    def in_memory(self) -> bool:
        return str(self.path) == MEMORY

    @classmethod
    async def connect(
        cls, path: Path, *, busy_timeout_ms: int, migrations: Sequence[str]
    ) -> SQLiteDatabase:
        created = False
        if str(path) != MEMORY:
            path.parent.mkdir(parents=True, exist_ok=True)
            created = not path.exists()  # noqa: ASYNC240 - once, at start-up
        # isolation_level=None: no implicit transactions; `transaction()` says BEGIN itself.
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            connection.row_factory = sqlite3.Row
            if created:
                # The file holds who uses the bot and (encrypted) keys: not for other users.
                # SQLite gives the -wal and -shm files the database file's permissions.
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
            await connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            await connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL cannot corrupt the database; it only skips an fsync per
            # commit (a power cut may lose the last commits), which the bot can afford.
            await connection.execute("PRAGMA synchronous = NORMAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            database = cls(path, connection)
            await database._migrate(migrations)
        except BaseException:
            await connection.close()
            raise
        return database

    async def close(self) -> None:
        async with self._lock:
            await self._connection.close()

    async def user_version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        assert row is not None
        return int(row[0])

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Session]:
        """Hold the lock and one write transaction; commit on success, roll back on error.

        ``BEGIN IMMEDIATE`` takes SQLite's write lock up front, so a read-then-write inside
        the transaction cannot fail half-way with ``database is locked`` from another process.
        """
        async with self._lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._session
            except BaseException:
                with contextlib.suppress(sqlite3.Error, ValueError):
                    await self._connection.execute("ROLLBACK")
                raise
            await self._connection.execute("COMMIT")

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._lock:
            return await self._session.execute(sql, params)

    async def insert(self, sql: str, params: Params = ()) -> int:
        async with self._lock:
            return await self._session.insert(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self._lock:
            return await self._session.fetchone(sql, params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._lock:
            return await self._session.fetchall(sql, params)

    async def ping(self) -> None:
        await self.fetchone("SELECT 1")

    async def _migrate(self, scripts: Sequence[str]) -> None:
        current = await self.user_version()
        if current > len(scripts):
            raise MigrationError(
                f"{self.path} has schema version {current}, but this version of the bot knows "
                f"only up to {len(scripts)}: run a newer version or restore a backup"
            )
        for version, script in enumerate(scripts[current:], start=current + 1):
            # executescript() would COMMIT an open transaction first, so the script carries
            # its own BEGIN/COMMIT; user_version is part of the same transaction.
            try:
                await self._connection.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
                )
            except sqlite3.Error as error:
                if self._connection.in_transaction:
                    await self._connection.execute("ROLLBACK")
                raise MigrationError(f"migration {version} failed: {error}") from error
