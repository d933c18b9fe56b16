"""/cancel and the menu answer while the user's previous request still waits on a slow
tracker (issue 9, item 4): they skip aiogram's per-user lock, and /cancel stops the wait."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from keitaro.sandbox import Sandbox
from tests.bot_world import BotWorld


def texts(world: BotWorld, chat_id: int) -> list[str]:
    return [m.get("text") or "" for m in world.telegram.messages(chat_id)]


async def start_slow_request(world: BotWorld, command: str = "/campaigns") -> asyncio.Task:
    anna = world.users[-1]
    world.sandbox.faults.latency = 30.0
    slow = asyncio.create_task(anna.send(command))
    await asyncio.sleep(0.5)  # the request is on the wire, held by the tracker's latency
    assert not slow.done()
    return slow


async def test_cancel_answers_at_once_and_stops_the_wait(world: BotWorld) -> None:
    anna = await world.connected_user()
    slow = await start_slow_request(world)
    await asyncio.wait_for(anna.send("/cancel"), timeout=3)
    # (read from the chat: the emulated user's screen is the stopped update's too)
    assert "Stopped" in texts(world, anna.chat_id)[-1]
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(slow, timeout=3)
    world.sandbox.faults.latency = 0.0
    assert (await anna.send("/menu")).messages  # the next update is not stuck behind it


async def test_the_menu_answers_while_a_request_waits(world: BotWorld) -> None:
    anna = await world.connected_user()
    slow = await start_slow_request(world)
    before = len(texts(world, anna.chat_id))
    await asyncio.wait_for(anna.send("/menu"), timeout=3)
    assert len(texts(world, anna.chat_id)) > before  # answered
    assert not slow.done()  # while the request still waits
    await asyncio.wait_for(anna.send("/cancel"), timeout=3)
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(slow, timeout=3)


async def test_other_updates_still_wait_their_turn(world: BotWorld) -> None:
    """Only the interrupts skip the queue: two ordinary updates of one user never overlap."""
    anna = await world.connected_user()
    slow = await start_slow_request(world)
    second = asyncio.create_task(anna.send("/trackers"))
    await asyncio.sleep(0.5)
    assert not second.done()
    await anna.send("/cancel")
    for task in (slow, second):
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=3)


async def test_a_tracker_slower_than_the_deadline_gets_the_timeout_message(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """One overall deadline per call: a tracker that holds every answer longer (each read
    would still be within its own timeout) ends in the translated timeout message."""
    world = await BotWorld(sandbox, tmp_path, tracker_deadline=1.0, tracker_timeout=20.0).start()
    try:
        anna = await world.connected_user()
        world.sandbox.faults.latency = 5.0
        started = asyncio.get_running_loop().time()
        screen = await asyncio.wait_for(anna.send("/campaigns"), timeout=10)
        assert "did not answer in time" in screen.text
        assert asyncio.get_running_loop().time() - started < 4  # not the tracker's 5 s
        world.sandbox.faults.latency = 0.0
        assert "Campaigns" in (await anna.send("/campaigns")).text  # nothing left broken
    finally:
        await world.stop()
