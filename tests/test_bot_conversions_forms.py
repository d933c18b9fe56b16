"""/conversion in one line or as JSON (straight to the card), garbage in them, and a tracker
whose postback key the bot does not know yet."""

from __future__ import annotations

import json

from tests.bot_world import BotWorld
from tests.conftest import POSTBACK_KEY
from tests.conversion_helpers import payout_auto_click, ready_user, settle


def postbacks(world: BotWorld) -> int:
    return world.sandbox.count("GET", f"/{world.sandbox.postback_key}/postback")


async def test_one_line_goes_to_the_card(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    card = await anna.send(f"/conversion {click.sub_id} sale 12,5 usd")
    assert f"click {click.sub_id} · Sale · 12.50 USD" in card.text
    assert "Click found" in card.text
    assert postbacks(world) == 0  # the card first: a postback cannot be taken back
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    assert (conversion.status, conversion.revenue) == ("sale", 12.5)
    assert f"Recorded: conversion #{conversion.id}" in anna.last


async def test_a_wrong_value_in_one_line_asks_that_value_only(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    asked = await anna.send(f"/conversion {click.sub_id} lead abc")
    assert "The revenue must be a number" in asked.text
    assert await anna.state() == "ConversionForm:revenue"
    card = await anna.send("5")
    assert f"click {click.sub_id} · Lead · 5.00" in card.text
    assert postbacks(world) == 0


async def test_json_goes_to_the_card_with_every_parameter(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    payload = {
        "click_id": click.sub_id,
        "status": "sale",
        "revenue": "12,5",
        "tid": "J-1",
        "sub_id_3": "creative-9",
    }
    card = await anna.send(f"/conversion {json.dumps(payload)}")
    assert f"click {click.sub_id} · Sale · 12.50" in card.text
    assert "tid J-1" in card.text and "sub_id_3=creative-9" in card.text
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    assert (conversion.tid, conversion.revenue) == ("J-1", 12.5)
    assert conversion.params == {"sub_id_3": "creative-9"}
    assert f"Recorded: conversion #{conversion.id}" in anna.last


async def test_garbage_json_and_a_missing_click_id_send_nothing(world: BotWorld) -> None:
    anna = await ready_user(world)
    garbage = await anna.send('/conversion {"click_id": "abc", status: sale}')
    assert "not valid JSON" in garbage.text and "Nothing was sent" in garbage.text
    assert '/conversion {"click_id"' in garbage.text  # an example to copy
    missing = await anna.send('/conversion {"status": "sale", "revenue": 5}')
    assert "has no click_id" in missing.text
    wrong = await anna.send('/conversion {"click_id": "abc", "revenue": "lots"}')
    assert "Some values in the JSON are wrong" in wrong.text and "revenue" in wrong.text
    assert await anna.state() is None
    assert postbacks(world) == 0


async def test_russian_messages_for_garbage(world: BotWorld) -> None:
    await ready_user(world)
    boris = await world.connected_user(user_id=2002, language="ru")
    garbage = await boris.send("/conversion {oops")
    assert "Это не JSON" in garbage.text


async def test_an_unknown_postback_key_is_asked_once_then_the_same_conversion_is_sent(
    world: BotWorld,
) -> None:
    anna = await ready_user(world, postback_key=False)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} sale 9")
    asked = await anna.click("Send")
    assert "postback key" in asked.text
    assert await anna.state() == "ConversionForm:postback_key"
    wrong = await anna.send("not a key!")
    assert "neither a postback URL" in wrong.text
    url = f"{world.sandbox.postback_url}?subid={{subid}}&status={{status}}"
    saved = await anna.send(url)
    assert all(m.get("text") != url for m in anna.telegram.messages(anna.chat_id))
    assert saved.deleted  # the message with the key is gone
    assert "Postback key saved" in saved.text
    assert "⏳ Sent" in saved.text
    await settle(world)
    [conversion] = click.conversions
    assert conversion.revenue == 9
    tracker = await world.services.trackers.list(anna.user["id"])
    assert tracker[0].has_postback_key
    credentials = await world.services.trackers.credentials(anna.user["id"], tracker[0].id)
    assert credentials.postback_key.reveal() == POSTBACK_KEY
    # the next conversion does not ask again
    other = payout_auto_click(world)
    await anna.send(f"/conversion {other.sub_id} lead 1")
    sent = await anna.click("Send")
    assert "⏳ Sent" in sent.text


async def test_a_wrong_postback_key_is_asked_again(world: BotWorld) -> None:
    anna = await ready_user(world, postback_key=False)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} sale 9")
    await anna.click("Send")
    refused = await anna.send("deadbeef")
    assert "does not know this postback key" in refused.text
    assert await anna.state() == "ConversionForm:postback_key"
    sent = await anna.send(POSTBACK_KEY)
    assert "⏳ Sent" in sent.text
    await settle(world)
    assert len(click.conversions) == 1
