"""The live feed under test: one clock for the bot and the sandbox, a feed turned on, and
ticks on demand."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.emulator import EmulatedUser
from bot.live.settings import default_settings
from bot.scheduler import Scheduler
from storage.live import LiveFeed
from tests.bot_world import BotWorld


class Crash(BaseException):
    """The process dies where it is raised: nothing after it runs."""


class Clock:
    """The time of the bot and of the sandbox alike; ``sleep`` moves it on."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = (now or datetime.now(UTC)).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def timestamp(self) -> float:
        return self.now.timestamp()

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Live:
    """A user with the feed on, and the ticks of the scheduler that polls it."""

    def __init__(self, world: BotWorld, user: EmulatedUser, clock: Clock, tracker_id: int) -> None:
        self.world = world
        self.user = user
        self.clock = clock
        self.tracker_id = tracker_id
        self.scheduler = self.new_scheduler()

    def new_scheduler(self) -> Scheduler:
        self.world.services.clock = self.clock
        return Scheduler(
            self.world.services, self.world.bot, clock=self.clock, sleep=self.clock.sleep,
            rate=1e6,
        )  # fmt: skip

    async def turn_on(self, chat_id: int | None = None, **settings: Any) -> LiveFeed:
        feed = await self.world.services.live.save(
            self.user.user["id"], self.tracker_id, chat_id=chat_id or self.user.user["id"],
            settings={**default_settings(), **settings}, enabled=True, now=self.clock(),
            resume=True,
        )  # fmt: skip
        assert feed is not None
        return feed

    async def tick(self, seconds: float = 30) -> int:
        """Let ``seconds`` pass, then one tick of the poller."""
        self.clock.advance(seconds)
        if self.scheduler.leases is not None:  # on a shared database: this process's share
            await self.scheduler.leases.refresh()
        return await self.scheduler.live.run_once()

    async def restart(self) -> None:
        await self.world.restart()
        self.scheduler = self.new_scheduler()

    async def crash(self, where: str = "tell_one") -> None:
        """One poll, 30 s on, that dies in the poller's ``where`` (``tell_one``, ``send``:
        after the claims, before Telegram; ``read``: before any claim), then a restart."""

        async def die(*_args: object, **_kwargs: object) -> None:
            raise Crash

        setattr(self.scheduler.live, where, die)
        self.clock.advance(30)
        for task in await self.scheduler.live.start_due():
            with contextlib.suppress(Crash):
                await task
        await self.restart()

    async def feed(self) -> LiveFeed:
        found = await self.world.services.live.get(self.user.user["id"], self.tracker_id)
        assert found is not None
        return found


async def live_user(world: BotWorld, clock: Clock, user_id: int = 1001) -> Live:
    world.sandbox.state.now = clock  # the tracker records conversions at the test's time
    user = await world.connected_user(user_id)
    stored = await world.services.users.get(user_id)
    assert stored is not None and stored.active_tracker_id is not None
    return Live(world, user, clock, stored.active_tracker_id)


def texts(user: EmulatedUser, since: int = 0) -> list[str]:
    """The texts of the messages the chat got after the first ``since``."""
    return [m.get("text") or m.get("caption") or "" for m in user.messages[since:]]


def told_click_ids(user: EmulatedUser) -> list[tuple[str, str]]:
    """(click id, first line) of every single notification the chat got."""
    found = []
    for message in user.messages:
        text = message.get("text") or ""
        match = re.search(r"🆔 (\S+)", text)
        if match:
            found.append((match.group(1), text.split("\n")[0]))
    return found
