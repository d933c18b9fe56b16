"""Shared fixtures: a sandbox tracker on loopback, a pooled client, a request recorder, and
real PostgreSQL and Redis servers for the tests that run on both engines."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from keitaro import KeitaroClient
from keitaro.sandbox import Sandbox
from keitaro.transport import HttpPool
from tests.bot_world import BotWorld
from tests.servers import PostgresServer, RedisServer, start_postgres, start_redis

API_KEY = "sandbox-admin-key-7d1f0c9e2b4a6583"
RESTRICTED_KEY = "sandbox-restricted-key-55aa0e3c9b"
POSTBACK_KEY = "e89bcbe"


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int = 0
    data: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class Recorder:
    """Every request the client sends and every answer it gets, as the wire saw them."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    async def on_request(self, request: httpx.Request) -> None:
        content = request.content
        self.exchanges.append(
            Exchange(
                method=request.method,
                path=request.url.path,
                query=dict(request.url.params),
                body=json.loads(content) if content else None,
                headers=dict(request.headers),
            )
        )

    async def on_response(self, response: httpx.Response) -> None:
        await response.aread()
        exchange = self.exchanges[-1]
        exchange.status = response.status_code
        try:
            exchange.data = response.json()
        except ValueError:
            exchange.data = response.content

    def clear(self) -> None:
        self.exchanges.clear()


async def start_sandbox(clicks: int) -> Sandbox:
    sandbox = Sandbox(
        api_key=API_KEY, restricted_key=RESTRICTED_KEY, postback_key=POSTBACK_KEY, clicks=clicks
    )
    await sandbox.start()
    return sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """A fresh, small tracker for tests that change things (2,000 clicks)."""
    tracker = await start_sandbox(clicks=2_000)
    yield tracker
    await tracker.stop()


@pytest.fixture
async def world(
    sandbox: Sandbox, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[BotWorld]:
    """The bot, its database and a fake Telegram, around a fresh sandbox tracker.

    ``KBOT_TEST_ENGINE=postgresql`` puts every such world on a real PostgreSQL instead of
    SQLite: the whole bot suite on the other engine, for a developer's run (CI runs the
    repository suite and the tests taking ``any_world`` on both)."""
    extra: dict[str, str] = {}
    if os.environ.get("KBOT_TEST_ENGINE") == "postgresql":
        from storage import generate_key

        server: PostgresServer = request.getfixturevalue("postgres_server")
        extra = {"database_url": server.new_database(), "secret_key": generate_key()}
    built = await BotWorld(sandbox, tmp_path, **extra).start()
    yield built
    await built.stop()


@pytest.fixture
async def any_world(sandbox: Sandbox, tmp_path: Path, db_target: str) -> AsyncIterator[BotWorld]:
    """`world` on SQLite, then on a real PostgreSQL: a test taking it runs on both."""
    extra = {}
    if db_target.startswith("postgresql://"):
        from storage import generate_key

        extra = {"database_url": db_target, "secret_key": generate_key()}
    built = await BotWorld(sandbox, tmp_path, **extra).start()
    yield built
    await built.stop()


@pytest.fixture
async def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def pool(recorder: Recorder) -> AsyncIterator[HttpPool]:
    shared = HttpPool()
    shared.client.event_hooks["request"].append(recorder.on_request)
    shared.client.event_hooks["response"].append(recorder.on_response)
    yield shared
    await shared.aclose()


@pytest.fixture
def client(sandbox: Sandbox, pool: HttpPool) -> KeitaroClient:
    return KeitaroClient(sandbox.url, API_KEY, postback_key=POSTBACK_KEY, pool=pool)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (each test takes a fresh database on it)."""
    server = start_postgres()
    if server is None:
        pytest.skip("PostgreSQL is not installed here (initdb not found); .ci/run installs it")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = start_redis()
    if server is None:
        pytest.skip("redis-server is not installed here; .ci/run installs it")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a repository test's database lives: a SQLite file, or a fresh database on the
    real PostgreSQL server. Tests that take it run once on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "bot.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()
