"""Alert rules under test: one clock for the bot and the sandbox, rules saved for a user, and
the watcher's ticks on demand."""

from __future__ import annotations

from typing import Any

from bot.alerts.parse import parse_rule
from bot.scheduler import Scheduler
from tests.bot_world import BotWorld
from tests.live_world import Clock, Live, live_user


class Alerts:
    """A user with rules on the sandbox, and the ticks of the watcher that looks at them."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.world = live.world
        self.user = live.user
        self.clock = live.clock
        self.tracker_id = live.tracker_id
        self.seen = len(self.user.messages)

    @property
    def scheduler(self) -> Scheduler:
        return self.live.scheduler

    async def rule(self, line: str, chat_id: int | None = None, **changes: Any) -> int:
        """Save the rule ``line`` (the one-line syntax) with ``changes`` to its fields."""
        from dataclasses import replace

        rule = replace(parse_rule(line), **changes)
        rule_id = await self.world.services.alerts.create(
            self.user.user["id"], self.tracker_id, chat_id or self.user.user["id"], rule.to_json()
        )
        assert rule_id is not None
        return rule_id

    async def tick(self, seconds: float = 60) -> list[dict[str, Any]]:
        """Let ``seconds`` pass, one tick of the watcher; the messages it sent."""
        self.clock.advance(seconds)
        if self.scheduler.leases is not None:  # on a shared database: this process's share
            await self.scheduler.leases.refresh()
        await self.scheduler.alerts.run_once()
        return self.new()

    def new(self) -> list[dict[str, Any]]:
        fresh = self.user.messages[self.seen :]
        self.seen = len(self.user.messages)
        return fresh

    async def restart(self) -> None:
        await self.live.restart()

    def campaign(self, index: int = 0) -> dict[str, Any]:
        """An active campaign of the sandbox (by position, for several distinct ones)."""
        active = [c for c in self.world.sandbox.state.campaigns.items.values()
                  if c.get("state") == "active"]  # fmt: skip
        return sorted(active, key=lambda c: c["id"])[index]


async def alerts_user(world: BotWorld, clock: Clock | None = None, user_id: int = 1001) -> Alerts:
    return Alerts(await live_user(world, clock or Clock(), user_id))


def text_of(message: dict[str, Any]) -> str:
    return message.get("text") or message.get("caption") or ""


def buttons_of(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
