"""A user who floods the bot is slowed down with one notice, and comes back after a pause."""

from __future__ import annotations

from keitaro.sandbox import Sandbox
from tests.bot_world import BotWorld


async def test_a_flood_is_slowed_with_one_notice(sandbox: Sandbox, tmp_path) -> None:
    world = await BotWorld(sandbox, tmp_path, throttle_updates=5, throttle_window=60).start()
    try:
        anna = world.user()
        screens = [await anna.send("/help") for _ in range(9)]
        answered = [screen for screen in screens if "What I can do" in screen.text]
        notices = [screen for screen in screens if "Too fast" in screen.text]
        silent = [screen for screen in screens if not screen.texts]
        assert len(answered) == 5
        assert len(notices) == 1
        assert len(silent) == 3
        other = await world.user(2002).send("/help")
        assert "What I can do" in other.text  # one user's flood slows nobody else
    finally:
        await world.stop()
