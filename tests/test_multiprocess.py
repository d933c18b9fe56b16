"""Several bot processes on one PostgreSQL and one Redis, each with its own services, pool,
Dispatcher and scheduler (what a process is to the database and Redis), sharing the sandbox
tracker and the fake Bot API: a dialog begun on one continues on another; one user's updates
are never handled by two at once; the trackers' scheduled work is divided by leases, taken
over when a process dies; 1,000 due digests are delivered exactly once although one of three
processes dies in the middle; the Telegram rate limit holds for all of them together."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.digests.limits import SharedTokenBucket
from bot.digests.schedule import next_slot
from bot.scheduler import Scheduler
from keitaro.sandbox import Sandbox
from storage import generate_key
from storage.digests import DigestRepository
from tests.bot_world import BotWorld
from tests.live_world import Crash
from tests.servers import PostgresServer, RedisServer

SCHEDULE = {"time": "09:00", "days": []}
ZONE = "UTC"


class SimClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, _seconds: float) -> None:
        await asyncio.sleep(0)


@pytest.fixture
async def processes(
    sandbox: Sandbox,
    tmp_path: Path,
    postgres_server: PostgresServer,
    redis_server: RedisServer,
) -> AsyncIterator[Callable[[int], Awaitable[list[BotWorld]]]]:
    """Start N processes on a fresh database and a flushed Redis; all stopped after."""
    import redis.asyncio as aioredis

    flush = aioredis.from_url(redis_server.url)
    await flush.flushdb()
    await flush.aclose()
    url, key = postgres_server.new_database(), generate_key()
    started: list[BotWorld] = []

    async def start(count: int) -> list[BotWorld]:
        first: BotWorld | None = started[0] if started else None
        for index in range(count):
            world = BotWorld(
                sandbox, tmp_path / f"p{len(started)}", database_url=url,
                redis_url=redis_server.url, secret_key=key,
            )  # fmt: skip
            if first is not None:
                world.telegram = first.telegram  # one Telegram for every process
            await world.start()
            first = first or world
            started.append(world)
            assert index >= 0
        return started[-count:]

    yield start
    for world in started:
        with contextlib.suppress(Exception):
            await world.stop()


async def test_a_dialog_begun_on_one_process_continues_on_another(
    processes: Callable[[int], Awaitable[list[BotWorld]]],
) -> None:
    one, two = await processes(2)
    anna = one.user(7201)
    await anna.send("/connect")
    anna.dispatcher, anna.bot = two.dp, two.bot  # the next update reaches the other process
    await anna.send(one.sandbox.url)
    anna.dispatcher, anna.bot = one.dp, one.bot
    done = await anna.send(one.sandbox.api_key)
    assert await two.services.trackers.count(7201) == 1, done.text
    trackers = await one.services.trackers.list(7201)
    assert trackers[0].url.rstrip("/") == one.sandbox.url.rstrip("/")


async def test_one_users_updates_never_run_in_two_processes_at_once(
    processes: Callable[[int], Awaitable[list[BotWorld]]],
) -> None:
    one, two = await processes(2)
    anna = StorageKey(bot_id=42, chat_id=7202, user_id=7202)
    bob = StorageKey(bot_id=42, chat_id=7203, user_id=7203)
    order: list[str] = []

    async def hold(world: BotWorld, key: StorageKey, name: str, seconds: float) -> None:
        async with world.services.isolation.lock(key):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} out")

    first = asyncio.create_task(hold(one, anna, "anna@1", 0.5))
    await asyncio.sleep(0.1)
    await asyncio.gather(hold(two, anna, "anna@2", 0), hold(two, bob, "bob@2", 0), first)
    assert order.index("anna@2 in") > order.index("anna@1 out")  # waited for process 1
    assert order.index("bob@2 out") < order.index("anna@1 out")  # another user did not wait


async def test_details_and_a_confirmation_work_whichever_process_gets_the_press(
    processes: Callable[[int], Awaitable[list[BotWorld]]],
    redis_server: RedisServer,
) -> None:
    one, two = await processes(2)
    anna = one.user(7204)
    await anna.send(f"/connect {one.sandbox.url} {one.sandbox.api_key}")
    await anna.send("/campaigns")
    await anna.click("#1")
    await one.services.results.flush()
    anna.dispatcher, anna.bot = two.dp, two.bot  # the press reaches the other process
    details = await anna.click("Details")
    assert "campaigns.get" in details.text and one.sandbox.api_key not in details.text
    # what Redis holds of it is encrypted: neither the key nor the answer reads there
    import redis.asyncio as aioredis

    client = aioredis.from_url(redis_server.url)
    try:
        values = [await client.get(key) async for key in client.scan_iter("kbot:scratch:*")]
    finally:
        await client.aclose()
    assert values and not any(b"campaigns" in (v or b"") for v in values)
    anna.dispatcher, anna.bot = one.dp, one.bot
    asked = await anna.click("Archive")
    assert "Archive campaign #1" in asked.text
    anna.dispatcher, anna.bot = two.dp, two.bot  # Yes on the other process still counts
    await anna.click("Yes")
    assert one.sandbox.state.campaigns.get(1)["state"] == "deleted"


async def seed_digests(world: BotWorld, count: int, owners: int) -> list[int]:
    services, repo = world.services, DigestRepository(world.services.db)
    trackers = []
    for owner in range(owners):
        user_id = 20_000 + owner
        await services.users.ensure(user_id, "en")
        url, key = world.sandbox.url, world.sandbox.api_key
        trackers.append(await services.trackers.add(user_id, f"t{owner}", url, key))
    chats = []
    for n in range(count):
        tracker, chat_id = trackers[n % owners], -3_000_000 - n
        world.telegram.add_chat({"id": chat_id, "type": "group", "title": f"g{n}"})
        await repo.create(tracker.owner_id, chat_id, tracker.id, SCHEDULE, ZONE, {"chart": False})
        chats.append(chat_id)
    return chats


def schedulers(worlds: list[BotWorld], clock: SimClock) -> list[Scheduler]:
    return [
        Scheduler(world.services, world.bot, clock=clock, sleep=clock.sleep, rate=1e6)
        for world in worlds
    ]


def delivered(world: BotWorld, chats: list[int]) -> dict[int, int]:
    return {chat: len(world.telegram.messages(chat)) for chat in chats}


async def test_leases_divide_the_trackers_and_move_when_a_process_dies(
    processes: Callable[[int], Awaitable[list[BotWorld]]],
) -> None:
    worlds = await processes(3)
    await seed_digests(worlds[0], 12, owners=12)
    clock = SimClock(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    keepers = [s.leases for s in schedulers(worlds, clock)]
    assert all(keeper is not None for keeper in keepers)
    for _ in range(2):  # the first to look takes everything; the next round evens it out
        for keeper in keepers:
            await keeper.refresh()  # type: ignore[union-attr]
    owned = [keeper.owned for keeper in keepers]  # type: ignore[union-attr]
    assert sorted(len(o) for o in owned) == [4, 4, 4]
    assert len(set().union(*owned)) == 12  # each tracker one process's

    clock.now += timedelta(seconds=30)  # process 3 dies: it stops renewing
    for keeper in keepers[:2]:
        await keeper.refresh()  # type: ignore[union-attr]
    assert not owned[2] & (keepers[0].owned | keepers[1].owned)  # type: ignore[union-attr]
    clock.now += timedelta(seconds=15)  # its leases are now expired (40 s)
    for _ in range(2):
        for keeper in keepers[:2]:
            await keeper.refresh()  # type: ignore[union-attr]
    survivors = keepers[0].owned | keepers[1].owned  # type: ignore[union-attr]
    assert len(survivors) == 12 and not keepers[0].owned & keepers[1].owned  # type: ignore[union-attr]


async def test_a_thousand_digests_over_three_processes_one_dying_none_lost_none_twice(
    processes: Callable[[int], Awaitable[list[BotWorld]]],
) -> None:
    worlds = await processes(3)
    chats = await seed_digests(worlds[0], 1000, owners=12)
    slot = next_slot(SCHEDULE, ZONE, datetime.now(UTC)).at
    clock = SimClock(slot + timedelta(seconds=5))
    runs = schedulers(worlds, clock)
    for _ in range(2):
        for run in runs:
            await run.leases.refresh()  # type: ignore[union-attr]

    sends = {"n": 0}

    async def dies_at_the_fiftieth_send(make_request: Any, bot: Any, method: Any) -> Any:
        if type(method).__name__ in ("SendMessage", "SendPhoto"):
            sends["n"] += 1
            if sends["n"] >= 50:  # kill -9 after its claims, before Telegram saw the rest
                raise Crash
        return await make_request(bot, method)

    worlds[1].bot.session.middleware(dies_at_the_fiftieth_send)
    dying = asyncio.create_task(runs[1].run_once())
    await asyncio.gather(runs[0].run_once(), runs[2].run_once())
    with contextlib.suppress(Crash, asyncio.CancelledError):
        await dying
    for task in list(runs[1]._tasks):
        task.cancel()
    await asyncio.sleep(0)
    counts = delivered(worlds[0], chats)
    assert sum(counts.values()) < 1000 and max(counts.values()) == 1  # some wait for takeover

    clock.now += timedelta(minutes=11)  # the dead one's leases and claims are stale now
    for _ in range(2):
        for run in (runs[0], runs[2]):
            await run.leases.refresh()  # type: ignore[union-attr]
    await asyncio.gather(runs[0].run_once(), runs[2].run_once())
    counts = delivered(worlds[0], chats)
    assert sorted(set(counts.values())) == [1], {c: n for c, n in counts.items() if n != 1}
    taken = runs[0].counts["taken_over"] + runs[2].counts["taken_over"]
    assert taken >= 1  # the dead process's claims were taken over, not re-sent blindly


async def test_the_shared_rate_limit_holds_for_three_processes_together(
    redis_server: RedisServer,
) -> None:
    import redis.asyncio as aioredis

    clients = [aioredis.from_url(redis_server.url) for _ in range(3)]
    key = f"kbot:test-rate:{os.getpid()}:{time.monotonic_ns()}"
    buckets = [SharedTokenBucket(client, 20.0, 1.0, key=key) for client in clients]
    stamps: list[float] = []

    async def sender(bucket: SharedTokenBucket) -> None:
        for _ in range(20):
            await bucket.acquire()
            stamps.append(time.monotonic())

    started = time.monotonic()
    await asyncio.gather(*(sender(bucket) for bucket in buckets))
    for client in clients:
        await client.aclose()
    # 60 sends at 20 a second in all: three processes cannot go faster than one
    assert stamps[-1] - started >= 59 / 20 * 0.95
    busiest = max(sum(1 for s in stamps if t <= s < t + 1.0) for t in stamps)
    assert busiest <= 21 + 1  # rate + burst, one for the clocks of three clients
