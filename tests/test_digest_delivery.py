"""Digest delivery with an injected clock through the real services, the sandbox tracker and
the fake Bot API: exactly once per slot across restarts, late and skipped slots, a failing
tracker, a blocked chat, 429s, a burst of 1,000, numbers equal to the tracker's report."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.digests.limits import TokenBucket
from bot.digests.schedule import next_slot
from bot.scheduler import Scheduler
from bot.ui import format as fmt
from keitaro import KeitaroClient
from storage.digests import DigestRepository
from storage.models import Digest
from tests.bot_world import BotWorld

BERLIN = "Europe/Berlin"
DAILY = {"time": "09:00", "days": []}
SENDS = ("sendMessage", "sendPhoto")


class Clock:
    """The scheduler's time; ``sleep`` moves it on instead of waiting (and records it)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def timestamp(self) -> float:
        return self.now.timestamp()

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)
        await asyncio.sleep(0)


def nine_tomorrow() -> datetime:
    """The next 09:00 in Berlin (the sandbox's traffic is around the real date)."""
    return next_slot(DAILY, BERLIN, datetime.now(UTC) + timedelta(hours=1)).at


def scheduler(world: BotWorld, clock: Clock, **options: Any) -> Scheduler:
    options = {"rate": 1e6, "retry_delay": 2.0, **options}
    return Scheduler(world.services, world.bot, clock=clock, sleep=clock.sleep, **options)


async def tracker_of(world: BotWorld, user_id: int) -> int:
    user = await world.services.users.get(user_id)
    assert user is not None and user.active_tracker_id is not None
    return user.active_tracker_id


async def make_digest(
    world: BotWorld, owner: int, chat_id: int | None = None, **spec: Any
) -> Digest:
    digests = DigestRepository(world.services.db)
    tracker_id = await tracker_of(world, owner)
    spec = {"chart": False, **spec}
    digest = await digests.create(owner, chat_id or owner, tracker_id, DAILY, BERLIN, spec)
    assert digest is not None
    return digest


def sends_to(world: BotWorld, chat_id: int) -> list[Any]:
    return [
        call
        for call in world.telegram.calls
        if call.method in SENDS and call.ok and str(call.params.get("chat_id")) == str(chat_id)
    ]


def texts(world: BotWorld, chat_id: int) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in world.telegram.messages(chat_id)]


async def test_restart_before_during_and_after_a_slot_sends_exactly_once(world: BotWorld) -> None:
    anna = await world.connected_user()
    await make_digest(world, anna.user["id"])
    slot = nine_tomorrow()
    before = len(sends_to(world, anna.user["id"]))
    clock = Clock(slot - timedelta(minutes=1))
    assert await scheduler(world, clock).run_once() == 0  # before: nothing yet
    await world.restart()  # restart just before the slot
    clock.now = slot + timedelta(seconds=10)
    first, second = scheduler(world, clock), scheduler(world, clock)
    # during: two loops (an old process still finishing, a new one) race for the slot
    await asyncio.gather(first.run_once(), second.run_once())
    assert len(sends_to(world, anna.user["id"])) == before + 1
    assert first.counts["sent"] + second.counts["sent"] == 1
    await world.restart()  # after: a new process on the same database does not repeat it
    clock.now = slot + timedelta(minutes=30)
    assert await scheduler(world, clock).run_once() == 0
    assert len(sends_to(world, anna.user["id"])) == before + 1
    clock.now = slot + timedelta(days=1, seconds=5)  # and tomorrow's comes, once
    again = scheduler(world, clock)
    assert await again.run_once() == 1 and await again.run_once() == 0
    assert len(sends_to(world, anna.user["id"])) == before + 2
    last = texts(world, anna.user["id"])[-1]
    assert "☀️" in last and "⏰" not in last


async def test_downtime_late_within_two_hours_with_a_note_then_skipped(world: BotWorld) -> None:
    anna = await world.connected_user()
    await make_digest(world, anna.user["id"])
    slot = nine_tomorrow()
    clock = Clock(slot + timedelta(minutes=90))  # the bot was down from 08:59 to 10:30
    assert await scheduler(world, clock).run_once() == 1
    assert "⏰ late: the bot was offline at 09:00" in texts(world, anna.user["id"])[-1]
    count = len(sends_to(world, anna.user["id"]))
    clock.now = slot + timedelta(days=1, hours=2, minutes=1)  # down through the next one
    assert await scheduler(world, clock).run_once() == 0
    assert len(sends_to(world, anna.user["id"])) == count


async def test_a_failing_tracker_is_retried_then_the_digest_says_what_failed(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    clock = Clock(nine_tomorrow())
    world.sandbox.faults.fail_5xx = 10
    runner = scheduler(world, clock)
    assert await runner.run_once() == 1
    assert 2.0 in clock.slept  # one retry after the delay
    text = texts(world, anna.user["id"])[-1]
    assert "could not be fetched" in text and "☀️ Yesterday" in text
    assert runner.counts["tracker_failed"] == 1 and runner.counts["sent"] == 1
    stored = await DigestRepository(world.services.db).get(anna.user["id"], digest.id)
    assert stored is not None and stored.last_slot is not None and not stored.paused


async def test_a_chat_that_blocked_the_bot_pauses_its_digests(world: BotWorld) -> None:
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    world.telegram.block(anna.user["id"])
    runner = scheduler(world, Clock(nine_tomorrow()))
    assert await runner.run_once() == 1
    assert runner.counts["blocked"] == 1
    stored = await DigestRepository(world.services.db).get(anna.user["id"], digest.id)
    assert stored is not None and stored.paused


async def test_retry_after_is_honoured(world: BotWorld) -> None:
    anna = await world.connected_user()
    clock = Clock(nine_tomorrow())
    world.telegram.rate_limit = 3
    world.telegram.clock = clock.timestamp  # Telegram's flood window runs on the same clock
    for _ in range(8):
        await make_digest(world, anna.user["id"])
    before = len(sends_to(world, anna.user["id"]))
    runner = scheduler(world, clock)  # no pacing of our own: Telegram's 429s must slow us
    assert await runner.run_once() == 8
    assert runner.sender.retries > 0 and any(s >= 1 for s in clock.slept)
    assert len(sends_to(world, anna.user["id"])) == before + 8
    assert runner.counts["sent"] == 8


async def test_a_thousand_digests_due_in_one_minute_each_arrive_once(world: BotWorld) -> None:
    anna = await world.connected_user()
    tracker_id = await tracker_of(world, anna.user["id"])
    digests = DigestRepository(world.services.db)
    chats = [-1_000_000 - n for n in range(1000)]
    for n, chat_id in enumerate(chats):
        world.telegram.add_chat({"id": chat_id, "type": "group", "title": f"team {n}"})
        schedule = {"time": "09:00", "days": []}
        spec = {"chart": True}
        await digests.create(anna.user["id"], chat_id, tracker_id, schedule, BERLIN, spec)
    clock = Clock(nine_tomorrow() + timedelta(seconds=20))
    runner = scheduler(world, clock)
    assert await runner.run_once() == 1000
    assert await runner.run_once() == 0
    counts = [len(sends_to(world, chat_id)) for chat_id in chats]
    assert counts == [1] * 1000
    assert runner.counts["sent"] == 1000 and runner.charts.renders == 1
    photo = world.telegram.messages(chats[-1])[-1]["photo"][-1]
    png = world.telegram.file(photo["file_id"]).content
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(png) < 500_000
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 675)


async def test_digest_numbers_equal_the_trackers_report(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    await make_digest(world, anna.user["id"])
    slot = nine_tomorrow()
    assert await scheduler(world, Clock(slot)).run_once() == 1
    text = texts(world, anna.user["id"])[-1]
    day = (slot.astimezone(ZoneInfo(BERLIN)) - timedelta(days=1)).date()
    report = await client.call(
        "reports.build",
        range={"from": day.isoformat(), "to": day.isoformat(), "timezone": BERLIN},
        dimensions=[],
        measures=["clicks", "conversions", "revenue", "cost", "profit"],
        summary=True,
    )
    totals = report.data.get("summary") or report.data["rows"][0]
    assert totals["clicks"] > 0
    assert f"Clicks {fmt.number(totals['clicks'])}" in text
    assert f"Conversions {fmt.number(totals['conversions'])}" in text
    assert f"Revenue {fmt.money(totals['revenue'], 'USD')}" in text
    assert f"cost {fmt.money(totals['cost'], 'USD')}" in text
    assert fmt.money(totals["profit"], "USD", signed=True) in text
    assert f"☀️ Yesterday · {day.day} {day:%b} · " in text


async def test_the_digest_is_written_in_the_owners_language(world: BotWorld) -> None:
    ivan = await world.connected_user(2002, language="ru")
    await make_digest(world, ivan.user["id"])
    assert await scheduler(world, Clock(nine_tomorrow())).run_once() == 1
    assert "☀️ Вчера" in texts(world, ivan.user["id"])[-1]


async def test_token_bucket_paces_sends() -> None:
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    bucket = TokenBucket(25, monotonic=lambda: now[0], sleep=sleep)
    stamps = []
    for _ in range(100):
        await bucket.acquire()
        stamps.append(now[0])
    assert 3.9 <= stamps[-1] <= 4.0  # 100 at 25/s, the first one free
    assert max(sum(1 for s in stamps if start <= s < start + 1) for start in stamps) <= 26
