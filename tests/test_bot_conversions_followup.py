"""The reply follows the conversion: a tracker slow to record it, and one that does not show
it within the schedule ("accepted but not shown yet", then Check again)."""

from __future__ import annotations

import asyncio

from bot.emulator import EmulatedUser
from keitaro.sandbox.store import Click
from tests.bot_world import BotWorld
from tests.conversion_helpers import fast_follow_ups, payout_auto_click, ready_user, settle


async def send_sale(
    world: BotWorld, schedule: tuple[float, ...]
) -> tuple[EmulatedUser, Click, int]:
    """A sale of 20 sent with the follow-up ``schedule``; returns the reply's message id."""
    anna = await ready_user(world)
    fast_follow_ups(world, schedule)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} sale 20")
    sent = await anna.click("Send")
    assert "⏳ Sent" in sent.text
    return anna, click, sent.messages[-1]["message_id"]


def text_of(anna: EmulatedUser, message_id: int) -> str:
    message = anna.telegram.message(anna.chat_id, message_id)
    assert message is not None
    return message["text"]


async def test_a_slow_tracker_is_polled_until_it_shows_the_conversion(world: BotWorld) -> None:
    world.sandbox.faults.postback_delay = 0.5
    anna, click, reply_id = await send_sale(world, (0.1, 0.2, 0.3, 0.4))
    assert not click.conversions  # Keitaro has only queued it
    assert "⏳ Sent" in text_of(anna, reply_id)
    await settle(world)
    [conversion] = click.conversions
    # the snapshot before sending, then polls until the queue caught up (after ~0.5 s)
    assert world.sandbox.count("POST", "/conversions/log") >= 4
    expected = f"Recorded: conversion #{conversion.id} · Sale · $20.00"
    assert expected in text_of(anna, reply_id)


async def test_a_conversion_not_shown_in_time_is_said_honestly(world: BotWorld) -> None:
    world.sandbox.faults.postback_delay = 0.6
    anna, click, reply_id = await send_sale(world, (0.05, 0.1))
    await settle(world)
    assert "accepted it (Success) but has not shown it" in text_of(anna, reply_id)
    early = await anna.click("Check again", message_id=reply_id)
    assert "Not in the conversion log yet" in early
    for _ in range(40):  # the tracker's queue catches up
        if click.conversions:
            break
        await asyncio.sleep(0.05)
    later = await anna.click("Check again", message_id=reply_id)
    assert f"Recorded: conversion #{click.conversions[0].id}" in later.text
    assert "Check again" not in later


async def test_follow_ups_are_cancelled_on_shutdown(world: BotWorld) -> None:
    world.sandbox.faults.postback_delay = 5.0
    await send_sale(world, (30.0,))
    assert world.services.followups.running == 1
    await world.services.close()
    assert world.services.followups.running == 0
    await world.start()  # the fixture closes what it started
