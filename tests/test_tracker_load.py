"""What the bot asks of one tracker (issue 11, item 4): at most four requests at a time across
the digests, the live feed and the alerts, and a slow tracker never asked again before it
answered. Measured at the sandbox, which counts the requests it is answering at once."""

from __future__ import annotations

import asyncio

from bot.live.settings import default_settings
from tests.bot_world import BotWorld
from tests.test_digest_delivery import Clock, make_digest, nine_today, scheduler, sends_to

LOG = "/admin_api/v1/conversions/log"


async def test_digests_and_the_live_feed_share_four_requests_at_a_time(world: BotWorld) -> None:
    anna = await world.connected_user()
    owner = anna.user["id"]
    clock = Clock(nine_today())
    digests = [await make_digest(world, owner) for _ in range(6)]
    tracker_id = digests[0].tracker_id
    await world.services.live.save(
        owner, tracker_id, chat_id=owner, settings=default_settings(), enabled=True,
        now=clock(), resume=True,
    )  # fmt: skip
    world.sandbox.faults.latency = 0.05  # every answer takes a while: the requests pile up
    runtime = world.sandbox.runtime
    jobs = scheduler(world, clock)
    await jobs.live.run_once()  # first seen: the feed gets its place in the period
    clock.now += jobs.live.every
    await asyncio.gather(jobs.run_once(), jobs.live.run_once())
    assert len(sends_to(world, owner)) >= len(digests), "every digest was delivered"
    assert world.sandbox.count("POST", LOG) >= 1, "the feed polled meanwhile"
    assert 2 <= runtime.most_in_flight <= 4, runtime.most_in_flight


async def test_a_slow_tracker_is_not_asked_again_before_it_answers(world: BotWorld) -> None:
    anna = await world.connected_user()
    owner = anna.user["id"]
    clock = Clock(nine_today())
    user = await world.services.users.get(owner)
    assert user is not None and user.active_tracker_id is not None
    await world.services.live.save(
        owner, user.active_tracker_id, chat_id=owner, settings=default_settings(),
        enabled=True, now=clock(), resume=True,
    )  # fmt: skip
    poller = scheduler(world, clock).live
    assert await poller.start_due() == []  # first seen: placed in the period
    clock.now += poller.every
    world.sandbox.faults.latency = 1.0
    first = await poller.start_due()
    assert len(first) == 1
    for _ in range(4):  # four periods pass while the first read waits
        clock.now += poller.every
        assert await poller.start_due() == []
        await asyncio.sleep(0.1)
    await asyncio.gather(*first)
    assert world.sandbox.count("POST", LOG) == 1
    clock.now += poller.every
    world.sandbox.faults.latency = 0
    await asyncio.gather(*await poller.start_due())
    assert world.sandbox.count("POST", LOG) == 2  # answered: asked again next period
