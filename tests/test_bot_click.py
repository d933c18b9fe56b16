"""/click <sub_id>: the click's trail and its conversions with their status history."""

from __future__ import annotations

from tests.bot_world import BotWorld
from tests.conversion_helpers import payout_auto_click, ready_user, settle


async def test_a_known_click_shows_its_trail_and_status_history(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    state = world.sandbox.state
    await anna.send(f"/conversion {click.sub_id} lead 5")
    await anna.click("Send")
    await anna.send(f"/conversion {click.sub_id} approved 30")  # the network approves it
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    trail = await anna.send(f"/click {click.sub_id}")
    text = trail.text
    assert f"Click {click.sub_id}" in text
    assert state.campaigns.get(click.campaign_id)["name"] in text
    assert state.offers.get(click.offer_id)["name"] in text
    assert state.streams.get(click.stream_id)["name"] in text
    assert click.ip in text and click.os in text and click.browser in text
    assert "Conversions (1)" in text
    assert f"#{conversion.id} · Lead → 💰 Sale (raw “approved”) · $30.00" in text


async def test_an_unknown_click_is_said(world: BotWorld) -> None:
    anna = await ready_user(world)
    screen = await anna.send("/click nope-123")
    assert "has no click nope-123 in the last 90 days" in screen.text


async def test_without_an_argument_it_asks(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = world.sandbox.state.clicks[-1]
    asked = await anna.send("/click")
    assert "Send the click id" in asked.text
    assert await anna.state() == "ClickLookup:sub_id"
    trail = await anna.send(click.sub_id)
    assert f"Click {click.sub_id}" in trail.text
    assert await anna.state() is None


async def test_the_trail_names_statuses_in_the_buyers_language(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} lead 5")
    await anna.click("Send")
    await anna.send(f"/conversion {click.sub_id} sale 30")
    await anna.click("Send")
    await settle(world)
    await world.services.users.set_language(anna.user["id"], "ru")
    trail = await anna.send(f"/click {click.sub_id}")
    assert "Лид → 💰 Продажа" in trail.text
    assert " sale" not in trail.text and "lead " not in trail.text
