"""PostgreSQL behind the same `Database` interface, for several processes on one database.

asyncpg rather than psycopg 3: it is the faster of the two by a wide margin for the short
statements the repositories run, it pools connections itself, and its binary protocol keeps
BYTEA (the encrypted keys) and BIGINT ids exact without adapters. Its one cost is strict
parameter types; the repositories already pass the types their columns hold.

The repositories' SQL is written once with ``?`` placeholders; `to_postgres` turns them into
``$1, $2...`` (outside quoted text), once per distinct statement.

Transactions are serialised across every process by a transaction-level advisory lock, the
guarantee SQLite's single writer gives: a repository's read-then-write (claim a slot, rename
a tracker, count rules before adding one) sees no other writer in between, whichever process
runs it. Transactions are short (a few statements, no network call inside), so the lock costs
little; single statements do not take it and run concurrently.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Iterator, Sequence

import asyncpg

from storage.db import Database, Params, Row, Session
from storage.errors import ConstraintError, MigrationError
from storage.memo import RowMemo
from storage.migrations import POSTGRES_MIGRATIONS

#: the advisory lock every transaction holds (an arbitrary constant: "keitaro" in ASCII)
TRANSACTION_LOCK = 0x6B656974617261
#: the advisory lock held while migrating, so processes starting together migrate once
MIGRATION_LOCK = TRANSACTION_LOCK + 1
POOL_MIN, POOL_MAX = 1, 10
#: seconds a statement waits for a free connection before it fails (instead of hanging)
ACQUIRE_TIMEOUT = 30.0


@functools.lru_cache(maxsize=1024)
def to_postgres(sql: str) -> str:
    """``?`` placeholders to ``$n``, leaving quoted text ('…' and "…") alone."""
    out: list[str] = []
    number = 0
    quote: str | None = None
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            number += 1
            out.append(f"${number}")
            continue
        out.append(char)
    return "".join(out)


def _rowcount(status: str) -> int:
    """asyncpg's command tag (``UPDATE 3``, ``INSERT 0 1``) to the number of rows."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


@contextlib.contextmanager
def _constraints() -> Iterator[None]:
    """A refused write raises `ConstraintError`, as on SQLite (a trigger's RAISE included)."""
    try:
        yield
    except (asyncpg.IntegrityConstraintViolationError, asyncpg.RaiseError) as error:
        raise ConstraintError(str(error)) from error


class PostgresSession(Session):
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        with _constraints():
            return _rowcount(await self._connection.execute(to_postgres(sql), *params))

    async def insert(self, sql: str, params: Params = ()) -> int:
        with _constraints():
            value = await self._connection.fetchval(to_postgres(sql) + " RETURNING id", *params)
        return int(value)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._connection.fetchrow(to_postgres(sql), *params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self._connection.fetch(to_postgres(sql), *params))


class PostgresDatabase(Database):
    engine = "postgresql"

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self.url = url
        # Another process may change a user or a tracker at any time: nothing is remembered.
        self.memo = RowMemo(capacity=0)
        self._transactions = asyncio.Lock()

    @classmethod
    async def connect(
        cls, url: str, *, migrations: Sequence[str] = POSTGRES_MIGRATIONS
    ) -> PostgresDatabase:
        pool = await asyncpg.create_pool(url, min_size=POOL_MIN, max_size=POOL_MAX)
        database = cls(pool, url)
        try:
            await database._migrate(migrations)
        except BaseException:
            await pool.close()
            raise
        return database

    async def close(self) -> None:
        await self._pool.close()

    async def user_version(self) -> int:
        value = await self._pool.fetchval("SELECT max(version) FROM schema_version")
        return int(value or 0)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Session]:
        """This process's transactions queue on a local lock before they take a connection:
        they are serialised by the advisory lock anyway, and ten of them waiting on it must
        not hold every connection of the pool while single statements wait for one."""
        async with (
            self._transactions,
            self._pool.acquire(timeout=ACQUIRE_TIMEOUT) as connection,
            connection.transaction(),
        ):
            await connection.execute("SELECT pg_advisory_xact_lock($1)", TRANSACTION_LOCK)
            yield PostgresSession(connection)

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._pool.acquire(timeout=ACQUIRE_TIMEOUT) as connection:
            return await PostgresSession(connection).execute(sql, params)

    async def insert(self, sql: str, params: Params = ()) -> int:
        async with self._pool.acquire(timeout=ACQUIRE_TIMEOUT) as connection:
            return await PostgresSession(connection).insert(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._pool.fetchrow(to_postgres(sql), *params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self._pool.fetch(to_postgres(sql), *params))

    async def ping(self) -> None:
        await self._pool.fetchval("SELECT 1")

    async def _migrate(self, scripts: Sequence[str]) -> None:
        async with self._pool.acquire() as connection:
            await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
            try:
                await connection.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
                )
                current = int(
                    await connection.fetchval("SELECT max(version) FROM schema_version") or 0
                )
                if current > len(scripts):
                    raise MigrationError(
                        f"the database has schema version {current}, but this version of the "
                        f"bot knows only up to {len(scripts)}: run a newer version"
                    )
                for version, script in enumerate(scripts[current:], start=current + 1):
                    try:
                        async with connection.transaction():
                            await connection.execute(script)
                            await connection.execute(
                                "INSERT INTO schema_version (version) VALUES ($1)", version
                            )
                    except asyncpg.PostgresError as error:
                        raise MigrationError(f"migration {version} failed: {error}") from error
            finally:
                await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
