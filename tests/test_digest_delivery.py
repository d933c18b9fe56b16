"""Digest delivery with an injected clock through the real services, the sandbox tracker and
the fake Bot API: exactly once per slot across restarts, late and skipped slots, a crash
between claim and send (taken over after the lease, late, once; skipped after two hours), a
failing tracker, a blocked chat, 429s, a burst of 1,000 under Telegram's 30 a second, numbers
equal to the tracker's report."""

from __future__ import annotations

import asyncio
import bisect
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digests.limits import TokenBucket
from bot.digests.schedule import due_slot, next_slot
from bot.digests.send import Outcome
from bot.scheduler import LEASE, Scheduler
from bot.ui import format as fmt
from keitaro import KeitaroClient
from storage.digests import DigestRepository
from storage.models import Digest
from tests.bot_world import BotWorld

BERLIN = "Europe/Berlin"
DAILY = {"time": "09:00", "days": []}
SENDS = ("sendMessage", "sendPhoto")
LATE_NOTE = "⏰ late: the bot was offline at 09:00"


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


def nine_today() -> datetime:
    """Today's 09:00 in Berlin, past or not: its "yesterday" is a whole day of the sandbox's
    traffic (which ends at the real now). The next 09:00 would make "yesterday" today so far,
    which is a few night hours with no clicks at all when the tests run just after 09:00."""
    today = datetime.now(ZoneInfo(BERLIN)).date()
    return datetime(today.year, today.month, today.day, 9, tzinfo=ZoneInfo(BERLIN)).astimezone(UTC)


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
    slot = nine_today()
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
    slot = nine_today()
    clock = Clock(slot + timedelta(minutes=90))  # the bot was down from 08:59 to 10:30
    assert await scheduler(world, clock).run_once() == 1
    assert "⏰ late: the bot was offline at 09:00" in texts(world, anna.user["id"])[-1]
    count = len(sends_to(world, anna.user["id"]))
    clock.now = slot + timedelta(days=1, hours=2, minutes=1)  # down through the next one
    assert await scheduler(world, clock).run_once() == 0
    assert len(sends_to(world, anna.user["id"])) == count


async def test_the_same_schedule_in_two_time_zones_is_due_at_each_ones_nine(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    berlin = await make_digest(world, anna.user["id"])
    digests = DigestRepository(world.services.db)
    tracker_id = await tracker_of(world, anna.user["id"])
    spec = {"chart": False}
    new_york = await digests.create(anna.user["id"], anna.user["id"], tracker_id, DAILY,
                                    "America/New_York", spec)  # fmt: skip
    assert new_york is not None
    runner = scheduler(world, Clock(nine_today() + timedelta(seconds=5)))
    if runner.leases is not None:  # KBOT_TEST_ENGINE=postgresql: this process's share first
        await runner.leases.refresh()
    assert [job.digest_id for job in await runner.due_jobs()] == [berlin.id]
    runner.clock = Clock(next_slot(DAILY, "America/New_York", runner.clock()).at)
    assert [job.digest_id for job in await runner.due_jobs()] == [new_york.id]


async def test_a_failing_tracker_is_retried_then_the_digest_says_what_failed(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    clock = Clock(nine_today())
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
    runner = scheduler(world, Clock(nine_today()))
    assert await runner.run_once() == 1
    assert runner.counts["blocked"] == 1
    stored = await DigestRepository(world.services.db).get(anna.user["id"], digest.id)
    assert stored is not None and stored.paused


async def test_retry_after_is_honoured(world: BotWorld) -> None:
    anna = await world.connected_user()
    clock = Clock(nine_today())
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


def busiest_second(stamps: list[float]) -> int:
    """The most sends in any window ``(t - 1, t]``: what Telegram's flood control counts."""
    ordered = sorted(stamps)
    return max(n + 1 - bisect.bisect_right(ordered, t - 1.0) for n, t in enumerate(ordered))


async def test_a_thousand_digests_due_in_one_minute_each_arrive_once(world: BotWorld) -> None:
    """With the default pacing against a Telegram that refuses a 31st message in a second:
    no 429, and close to the 30 a second it allows."""
    anna = await world.connected_user()
    tracker_id = await tracker_of(world, anna.user["id"])
    digests = DigestRepository(world.services.db)
    chats = [-1_000_000 - n for n in range(1000)]
    for n, chat_id in enumerate(chats):
        world.telegram.add_chat({"id": chat_id, "type": "group", "title": f"team {n}"})
        schedule = {"time": "09:00", "days": []}
        spec = {"chart": True}
        await digests.create(anna.user["id"], chat_id, tracker_id, schedule, BERLIN, spec)
    clock = Clock(nine_today() + timedelta(seconds=20))
    world.telegram.rate_limit = 30
    world.telegram.clock = clock.timestamp  # the flood window runs on the scheduler's clock
    stamps: list[float] = []
    world.telegram.subscribe(lambda kind, *_: kind == "sent" and stamps.append(clock.timestamp()))
    runner = Scheduler(
        world.services, world.bot, clock=clock, sleep=clock.sleep, monotonic=clock.timestamp
    )  # the default pacing
    bucket = runner.sender.bucket
    assert bucket.rate + bucket.capacity <= 30
    assert await runner.run_once() == 1000
    assert await runner.run_once() == 0
    counts = [len(sends_to(world, chat_id)) for chat_id in chats]
    assert counts == [1] * 1000
    assert runner.counts["sent"] == 1000 and runner.charts.renders == 1
    assert [call for call in world.telegram.calls if call.status == 429] == []
    assert runner.sender.retries == 0
    assert busiest_second(stamps) <= bucket.rate + bucket.capacity
    pace = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    assert bucket.rate - 0.5 <= pace <= bucket.rate + 0.5
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
    slot = nine_today()
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
    assert await scheduler(world, Clock(nine_today())).run_once() == 1
    assert "☀️ Вчера" in texts(world, ivan.user["id"])[-1]


@pytest.mark.parametrize(("rate", "burst", "most"), [(25, 1, 26), (28, 1, 29), (28, 2, 30)])
async def test_token_bucket_paces_sends(rate: float, burst: float, most: int) -> None:
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    bucket = TokenBucket(rate, burst, monotonic=lambda: now[0], sleep=sleep)
    stamps = []
    for _ in range(10 * rate):
        await bucket.acquire()
        stamps.append(now[0])
    # the saved-up burst goes first, then one every 1/rate seconds
    assert stamps[-1] == pytest.approx((10 * rate - burst) / rate)
    assert busiest_second(stamps) <= most


# ----- a crash between claim and send ------------------------------------------------------


class PowerCut(Exception):
    """The process dies after claiming a slot, before Telegram hears of the digest."""


async def power_cut(*_args: Any) -> Outcome:
    raise PowerCut


async def claimed_and_left(world: BotWorld, digest: Digest, claimed_at: datetime) -> str:
    """Claim today's slot the way a scheduler does, and deliver nothing: a crash."""
    slot = due_slot(DAILY, BERLIN, claimed_at)
    assert slot is not None
    repo = DigestRepository(world.services.db)
    assert await repo.claim_delivery(digest.id, slot.key, claimed_at)
    return slot.key


async def stored(world: BotWorld, digest: Digest) -> Digest:
    found = await DigestRepository(world.services.db).get(digest.owner_id, digest.id)
    assert found is not None
    return found


async def test_a_crash_after_the_claim_is_delivered_once_after_the_lease_with_a_note(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    chat = anna.user["id"]
    digest = await make_digest(world, chat)
    slot = nine_today()
    before = len(sends_to(world, chat))
    clock = Clock(slot + timedelta(seconds=10))
    dying = scheduler(world, clock)
    dying.sender.send = power_cut  # type: ignore[method-assign]
    assert await dying.run_once() == 1
    assert len(sends_to(world, chat)) == before and dying.counts["sent"] == 0
    assert (await stored(world, digest)).pending_slot is not None

    await world.restart()
    clock.now = slot + timedelta(minutes=5)  # back up, but the claim may still be live
    assert await scheduler(world, clock).run_once() == 0
    clock.now = slot + timedelta(seconds=10) + LEASE
    runner = scheduler(world, clock)
    assert await runner.run_once() == 1 and await runner.run_once() == 0
    assert runner.counts["taken_over"] == 1 and runner.counts["sent"] == 1
    assert len(sends_to(world, chat)) == before + 1
    assert LATE_NOTE in texts(world, chat)[-1]
    assert (await stored(world, digest)).pending_slot is None

    await world.restart()  # delivered and settled: no process sends it again
    clock.now = slot + timedelta(hours=1, minutes=59)
    assert await scheduler(world, clock).run_once() == 0
    assert len(sends_to(world, chat)) == before + 1


async def test_a_claim_left_pending_for_over_two_hours_is_skipped(world: BotWorld) -> None:
    anna = await world.connected_user()
    chat = anna.user["id"]
    digest = await make_digest(world, chat)
    slot = nine_today()
    before = len(sends_to(world, chat))
    key = await claimed_and_left(world, digest, slot + timedelta(seconds=5))
    await world.restart()  # down from 09:00 until after 11:00
    clock = Clock(slot + timedelta(hours=2, minutes=1))
    runner = scheduler(world, clock)
    assert await runner.run_once() == 0 and runner.counts["expired"] == 1
    assert len(sends_to(world, chat)) == before
    found = await stored(world, digest)
    assert found.last_slot == key and found.pending_slot is None
    clock.now = slot + timedelta(days=1, seconds=5)  # the next one comes as usual
    assert await scheduler(world, clock).run_once() == 1
    assert len(sends_to(world, chat)) == before + 1
    assert LATE_NOTE not in texts(world, chat)[-1]


async def test_a_delivered_slot_is_not_repeated_after_a_restart(world: BotWorld) -> None:
    anna = await world.connected_user()
    chat = anna.user["id"]
    digest = await make_digest(world, chat)
    slot = nine_today()
    before = len(sends_to(world, chat))
    clock = Clock(slot + timedelta(seconds=5))
    assert await scheduler(world, clock).run_once() == 1
    found = await stored(world, digest)
    assert found.last_slot is not None and found.pending_slot is None
    for later in (LEASE + timedelta(minutes=1), timedelta(hours=1, minutes=59)):
        await world.restart()
        clock.now = slot + later
        assert await scheduler(world, clock).run_once() == 0
    assert len(sends_to(world, chat)) == before + 1


async def test_two_schedulers_taking_over_a_stale_claim_deliver_it_once(world: BotWorld) -> None:
    anna = await world.connected_user()
    chat = anna.user["id"]
    digest = await make_digest(world, chat)
    slot = nine_today()
    before = len(sends_to(world, chat))
    await claimed_and_left(world, digest, slot + timedelta(seconds=5))
    await world.restart()
    clock = Clock(slot + timedelta(seconds=5) + LEASE + timedelta(seconds=30))
    first, second = scheduler(world, clock), scheduler(world, clock)
    await asyncio.gather(first.run_once(), second.run_once())
    assert first.counts["taken_over"] + second.counts["taken_over"] == 1
    assert first.counts["sent"] + second.counts["sent"] == 1
    assert len(sends_to(world, chat)) == before + 1
    assert LATE_NOTE in texts(world, chat)[-1]


async def test_a_delivery_cancelled_by_stop_is_taken_over_after_a_restart(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    chat = anna.user["id"]
    await make_digest(world, chat)
    slot = nine_today()
    before = len(sends_to(world, chat))
    clock = Clock(slot + timedelta(seconds=10))
    runner = scheduler(world, clock, tick=3600)
    sending = asyncio.Event()

    async def hang(*_args: Any) -> Outcome:
        sending.set()
        await asyncio.Event().wait()  # Telegram never answers
        raise AssertionError("unreachable")

    runner.sender.send = hang  # type: ignore[method-assign]
    runner.start()
    await asyncio.wait_for(sending.wait(), 10)
    await runner.stop(grace=0)  # a shutdown that cannot wait for it
    await world.restart()
    clock.now = slot + timedelta(seconds=10) + LEASE
    again = scheduler(world, clock)
    assert await again.run_once() == 1 and again.counts["sent"] == 1
    assert len(sends_to(world, chat)) == before + 1
    assert LATE_NOTE in texts(world, chat)[-1]
