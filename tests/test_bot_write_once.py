"""A write is never sent twice: a crash (or a timeout) with a write on the wire, then Send again.

The crash here is the handler's task cancelled while the sandbox holds the write, then a new
process on the same database (``BotWorld.restart``): nothing after the request runs, exactly as
with ``kill -9`` (tests/test_bot_process.py does that to a real process). The sandbox
holds the write either after making the change (its answer is slow: the hard case) or before
(the change is never made, because the client went away).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import pytest

from bot.emulator import EmulatedUser
from bot.emulator.user import Screen
from tests.bot_world import BotWorld, done_said
from tests.conversion_helpers import payout_auto_click, ready_user, settle
from tests.test_bot_costs import busiest_days
from tests.test_bot_writes_catalog import open_action, press_data

POST_GROUPS = ("POST", "/admin_api/v1/groups")


async def crash_during(
    world: BotWorld, press: Callable[[], Awaitable[Screen]], arrived: Callable[[], bool]
) -> None:
    """Start ``press``, wait until the tracker has the write, kill the bot, start it again."""
    task = asyncio.create_task(press())
    await wait_for(arrived, task)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    world.sandbox.faults.write_stall = 0
    await world.restart()


async def wait_for(check: Callable[[], bool], task: asyncio.Task | None = None) -> None:
    """Until ``check()`` holds (the tracker has the write), at most ten seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:
        if check():
            return
        assert task is None or not task.done(), "the write finished before the crash"
        assert loop.time() < deadline, "the write never reached the tracker"
        await asyncio.sleep(0.01)


def groups_named(world: BotWorld, name: str) -> list[dict]:
    return [g for g in world.sandbox.state.groups.list() if g["name"] == name]


async def group_form_at_confirm(anna: EmulatedUser, name: str) -> None:
    await open_action(anna, "groups.create")
    await anna.send(name)
    await anna.click("offers")  # the type; then the confirmation


@pytest.mark.parametrize("applied", [True, False], ids=["made-then-crash", "crash-before"])
async def test_a_create_interrupted_by_a_crash_is_made_once(world: BotWorld, applied: bool) -> None:
    anna = await world.connected_user()
    await group_form_at_confirm(anna, "Crash test group")
    world.sandbox.faults.write_stall = 30
    world.sandbox.faults.write_stall_before = not applied
    await crash_during(
        world,
        lambda: press_data(anna, "fm:y:"),
        lambda: world.sandbox.count(*POST_GROUPS) == 1,
    )
    assert len(groups_named(world, "Crash test group")) == (1 if applied else 0)
    again = await press_data(anna, "fm:y:")  # the same Send, after the restart
    made = groups_named(world, "Crash test group")
    assert len(made) == 1
    if applied:
        assert "Already done" in again.text and f"#{made[0]['id']}" in again.text
        assert world.sandbox.count(*POST_GROUPS) == 1  # not sent again
    else:
        assert done_said(again.text)
        assert world.sandbox.count(*POST_GROUPS) == 2
    assert await anna.state() is None  # the form is closed either way


async def test_a_timed_out_update_is_checked_before_it_is_sent_again(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/offers")
    await anna.click("#3")
    await anna.click("Payout")
    await anna.send("7,5")
    world.sandbox.faults.write_stall = 30
    await crash_during(
        world,
        lambda: anna.click("Send"),
        lambda: world.sandbox.count("PUT", "/admin_api/v1/offers/3") == 1,
    )
    assert world.sandbox.state.offers.get(3)["payout_value"] == 7.5  # the tracker made it
    again = await press_data(anna, "fm:y:")
    assert "Already done" in again.text
    assert world.sandbox.count("PUT", "/admin_api/v1/offers/3") == 1


async def test_a_conversion_interrupted_by_a_crash_is_recorded_once(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} sale 12.5 USD")
    world.sandbox.faults.write_stall = 30
    postback = ("GET", f"/{world.sandbox.postback_key}/postback")
    await crash_during(
        world, lambda: anna.click("Send"), lambda: world.sandbox.count(*postback) == 1
    )
    recorded = [c for c in click.conversions if str(c.revenue) in ("12.5", "12.50")]
    assert len(click.conversions) == 1, recorded
    again = await anna.click("Send")
    assert "Already done" in again.text or "Recorded" in again.text
    await settle(world)
    assert world.sandbox.count(*postback) == 1
    assert len(click.conversions) == 1


async def test_a_conversion_the_tracker_cannot_show_yet_is_the_users_choice(
    world: BotWorld,
) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} lead 3 USD")
    world.sandbox.faults.write_stall = 30
    world.sandbox.faults.write_stall_before = True  # killed before Keitaro took it
    postback = ("GET", f"/{world.sandbox.postback_key}/postback")
    await crash_during(
        world, lambda: anna.click("Send"), lambda: world.sandbox.count(*postback) == 1
    )
    assert click.conversions == []
    unclear = await anna.click("Send")
    assert "does not show whether it went through" in unclear.text
    assert world.sandbox.count(*postback) == 1  # nothing sent without asking
    checked = await anna.click("Check the tracker again")
    assert "Still not shown" in checked  # a toast, or the screen again with a new time
    assert world.sandbox.count(*postback) == 1
    sent = await anna.click("Send anyway")
    await settle(world)
    assert world.sandbox.count(*postback) == 2
    assert len(click.conversions) == 1
    assert "Sent" in sent.text or "Recorded" in anna.last


async def test_a_cost_upload_cut_off_midway_resumes_where_it_stopped(world: BotWorld) -> None:
    picked = busiest_days(world.sandbox, count=3)
    anna = await world.connected_user()
    await anna.send("/costs")
    rows = "".join(f"{day},{campaign},{10 + i}\n" for i, (campaign, _, day) in enumerate(picked))
    await anna.send_document("spend.csv", f"date,campaign,cost\n{rows}".encode())
    uploads = ("POST", "/admin_api/v1/clicks/update_costs")
    sent_before = world.sandbox.count(*uploads)
    # the first campaign goes through at once; the second one is on the wire at the crash
    world.sandbox.faults.write_stall = 30
    world.sandbox.faults.write_stall_skip = 1
    await crash_during(
        world, lambda: anna.click("Send"), lambda: world.sandbox.count(*uploads) == sent_before + 2
    )
    stopped = anna.last
    assert "Sending costs" in stopped and "Continue" in stopped
    resumed = await anna.click("Continue")
    assert "Resumed where it stopped: 2 of 3" in resumed.text
    # each campaign's costs were sent once, and the second one (made before the crash) was
    # checked against the report rather than sent again
    assert world.sandbox.count(*uploads) == sent_before + 3
    assert "✅" in resumed.text
