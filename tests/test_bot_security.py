"""Keys stay secret everywhere, and one user never reaches another's tracker."""

from __future__ import annotations

import json
import logging

import pytest

from bot.ui.callbacks import BrowseCb, DetailsCb, TrackerCb
from tests.bot_world import BotWorld


def everything_sent(world: BotWorld) -> str:
    return "\n".join(json.dumps(call.params, default=str) for call in world.telegram.calls)


async def test_keys_never_reach_the_database_file_the_logs_or_a_reply(
    world: BotWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    anna = world.user()
    await anna.send("/connect")
    await anna.send(world.sandbox.url)
    await anna.send(world.sandbox.api_key)
    tracker = (await world.services.trackers.list(anna.user["id"]))[0]
    await anna.send("/trackers")
    await anna.click(tracker.name)
    await anna.click("Postback key")
    await anna.send(f"{world.sandbox.postback_url}?subid={{subid}}")
    for step in ("/menu", "/campaigns"):
        await anna.send(step)
    await anna.click("#1")
    await anna.click("Details")
    secrets = (world.sandbox.api_key, f"/{world.sandbox.postback_key}/")
    raw = b"".join(
        path.read_bytes()
        for path in world.folder.iterdir()
        if path.name.startswith("bot.sqlite3") and not path.name.endswith(".key")
    )
    logs = "\n".join(record.getMessage() for record in caplog.records)
    replies = everything_sent(world)
    for secret in secrets:
        assert secret.encode() not in raw
        assert secret not in logs
        assert secret not in replies
    assert world.sandbox.postback_key.encode() not in raw
    # and it works: the key was stored, only encrypted
    assert (await world.services.trackers.get(anna.user["id"], tracker.id)).has_postback_key


async def test_one_user_cannot_reach_anothers_tracker(world: BotWorld) -> None:
    anna = await world.connected_user(1001)
    tracker = (await world.services.trackers.list(1001))[0]
    await anna.send("/campaigns")
    await anna.click("#1")
    details = next(
        button["callback_data"]
        for row in anna.messages[-1]["reply_markup"]["inline_keyboard"]
        for button in row
        if button["callback_data"].startswith("d:")
    )
    boris = world.user(2002, name="Boris")
    await boris.send("/start")
    message_id = boris.messages[-1]["message_id"]
    for op in ("o", "u", "x", "D"):
        await boris.click_data(TrackerCb(op=op, id=tracker.id).pack(), message_id)
        assert "not among yours" in boris.last
    assert await world.services.trackers.count(1001) == 1
    browse = await boris.click_data(BrowseCb(op="c", view="cm", id=1).pack(), message_id)
    assert "No tracker is connected" in browse.text
    stolen = await boris.click_data(details, message_id)
    assert "no longer kept" in " ".join(stolen.alerts)
    assert "campaigns.get" not in stolen.text
    forged = await boris.click_data(DetailsCb(token="x" * 8).pack(), message_id)
    assert forged.alerts
    assert boris.unanswered == []


async def test_two_users_see_their_own_trackers(world: BotWorld) -> None:
    anna = await world.connected_user(1001)
    boris = world.user(2002)
    await boris.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    anna_campaigns = await anna.send("/campaigns")
    boris_campaigns = await boris.send("/campaigns")
    assert "24 in all" in anna_campaigns.text
    assert "24 in all" not in boris_campaigns.text
    assert "5 in all" in boris_campaigns.text


async def test_an_old_pause_button_does_not_act_on_another_tracker(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    card = await anna.click("#1")
    pause = next(label for label in card.buttons if "Pause" in label)
    card_message = card.messages[-1]["message_id"]
    other = world.sandbox.url.replace("127.0.0.1", "localhost")
    await anna.send(f"/connect {other} {world.sandbox.api_key}")  # now the active tracker
    refused = await anna.click(pause, message_id=card_message)
    assert "another tracker" in " ".join(refused.alerts)
    assert world.sandbox.state.campaigns.get(1)["state"] == "active"
