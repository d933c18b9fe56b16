"""/conversion step by step: the happy path to "Recorded #N", an unknown click sent anyway,
a wrong revenue asked again, a status typed by hand, a change from the card, a restart in the
middle, stale buttons."""

from __future__ import annotations

from bot.ui.callbacks import ConversionCb
from tests.bot_world import BotWorld
from tests.conversion_helpers import fast_follow_ups, payout_auto_click, ready_user, settle


async def test_the_whole_dialog_ends_in_a_recorded_conversion(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    first = await anna.send("/conversion")
    assert "(1/4)" in first.text and "click id" in first.text
    found = await anna.send(click.sub_id)
    assert "Click found" in found.text
    campaign = world.sandbox.state.campaigns.get(click.campaign_id)["name"]
    assert campaign in found.text
    assert found.buttons[:4] == ["Lead", "Sale", "Rejected", "Rebill"]
    await anna.click("Sale")
    currency = await anna.send("12,5")
    assert "(4/4)" in currency.text
    extras = await anna.click("USD")
    assert "12.50 USD" in extras.text
    card = await anna.click("Done")
    assert f"click {click.sub_id} · Sale · 12.50 USD" in card.text
    assert card.buttons == ["✅ Send", "✏️ Change", "✖️ Cancel"]
    sent = await anna.click("Send")
    assert "⏳ Sent, waiting for the tracker" in sent.text
    assert "Details" in sent
    reply_id = sent.messages[-1]["message_id"]
    assert await anna.state() is None
    await settle(world)
    [conversion] = click.conversions
    assert (conversion.status, conversion.revenue) == ("sale", 12.5)
    reply = anna.telegram.message(anna.chat_id, reply_id)
    assert reply is not None
    assert f"✅ Recorded: conversion #{conversion.id} · Sale · $12.50 · {campaign}" in reply["text"]
    details = await anna.click("Details", message_id=reply_id)
    assert "conversions.create" in details.text
    assert world.sandbox.postback_key not in details.text  # the key is masked


async def test_an_unknown_click_is_said_and_can_be_sent_anyway(world: BotWorld) -> None:
    anna = await ready_user(world)
    await anna.send("/conversion")
    missing = await anna.send("no-such-click-42")
    assert "has no click no-such-click-42" in missing.text
    assert await anna.state() == "ConversionForm:click_id"
    status = await anna.click("Send anyway")
    assert "(2/4)" in status.text
    await anna.click("Lead")
    await anna.click("Skip: the offer's payout")
    await anna.click("Skip")
    card = await anna.click("Done")
    assert "has no click" in card.text
    assert "the offer's payout" in card.text
    await anna.click("Send")
    await settle(world)
    assert world.sandbox.count("GET", f"/{world.sandbox.postback_key}/postback") == 1
    assert "has not shown it in the conversion log yet" in anna.last
    assert "Check again" in anna.keyboard()[0][0]


async def test_a_wrong_revenue_is_asked_again_and_nothing_is_lost(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    # the campaign counts costs in pounds: the tracker's currency gets a button of its own
    world.sandbox.state.campaigns.get(click.campaign_id)["cost_currency"] = "GBP"
    await anna.send("/conversion")
    await anna.send(click.sub_id)
    await anna.click("Lead")
    wrong = await anna.send("abc")
    assert "The revenue must be a number" in wrong.text
    assert "(3/4)" in wrong.text
    assert await anna.state() == "ConversionForm:revenue"
    data = (await anna.data())["conversion"]
    assert (data["click_id"], data["status"], data["revenue"]) == (click.sub_id, "lead", None)
    currency = await anna.send("7.25")
    assert "(4/4)" in currency.text
    assert currency.buttons[:4] == ["USD", "EUR", "RUB", "GBP"]
    typed = await anna.send("dollars")
    assert "three letters" in typed.text
    await anna.send("eur")
    card = await anna.click("Done")
    assert f"click {click.sub_id} · Lead · 7.25 EUR" in card.text


async def test_a_status_typed_by_hand_is_mapped_by_keitaro(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send("/conversion")
    await anna.send(click.sub_id)
    await anna.send("hold")
    await anna.send("3")
    await anna.click("Skip")
    card = await anna.click("Done")
    assert "· hold ·" in card.text
    assert "not one of Keitaro's statuses" in card.text
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    assert (conversion.status, conversion.original_status) == ("lead", "hold")
    assert f"#{conversion.id} · Lead (hold)" in anna.last


async def test_tid_comment_and_a_change_from_the_card(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send("/conversion")
    await anna.send(click.sub_id)
    await anna.click("Sale")
    await anna.send("10")
    await anna.click("USD")
    await anna.click("Add tid")
    extras = await anna.send("T-77")
    assert "tid T-77" in extras.text
    await anna.click("Add comment")
    await anna.send("late network postback")
    card = await anna.click("Done")
    assert "comment: late network postback" in card.text
    await anna.click("Change")
    await anna.click("Revenue")
    changed = await anna.send("11,5")
    assert "Check:" in changed.text and "11.50 USD" in changed.text
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    assert (conversion.tid, conversion.revenue) == ("T-77", 11.5)
    assert f"Recorded: conversion #{conversion.id}" in anna.last


async def test_a_restart_in_the_middle_resumes_the_dialog(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send("/conversion")
    await anna.send(click.sub_id)
    await anna.click("Rejected")
    await world.restart()
    fast_follow_ups(world)
    assert await anna.state() == "ConversionForm:revenue"
    await anna.send("4")
    await anna.click("RUB")  # a button of a message sent before the restart
    await world.restart()
    fast_follow_ups(world)
    resumed = await anna.send("/conversion")
    assert "unfinished conversion" in resumed.text
    extras = await anna.click("Continue")
    assert "optional" in extras.text
    card = await anna.click("Done")
    assert f"click {click.sub_id} · Rejected · 4.00 RUB" in card.text
    await anna.click("Send")
    await settle(world)
    [conversion] = click.conversions
    assert conversion.status == "rejected"


async def test_stale_and_forged_buttons_do_nothing(world: BotWorld) -> None:
    anna = await ready_user(world)
    await anna.send("/conversion")
    message_id = anna.messages[-1]["message_id"]
    stale = await anna.click_data(ConversionCb(op="ok").pack(), message_id)
    assert "out of date" in stale
    forged = await anna.click_data(ConversionCb(op="rc", arg="nope").pack(), message_id)
    assert "no longer keep" in forged
    assert world.sandbox.count("GET", f"/{world.sandbox.postback_key}/postback") == 0
    assert not anna.unanswered


async def test_other_input_mid_dialog_repeats_the_question_and_commands_still_work(
    world: BotWorld,
) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send("/conversion")
    await anna.send(click.sub_id)
    sticker = await anna.send_document("cat.webp", b"RIFF")
    assert "did not understand" in sticker.text and "(2/4)" in sticker.text
    trail = await anna.send(f"/click {click.sub_id}")
    assert f"Click {click.sub_id}" in trail.text
    # a command leaves the dialog, but what was entered waits for /conversion → Continue
    assert await anna.state() is None
    offer = await anna.send("/conversion")
    assert "Continue" in " ".join(offer.buttons)
    await anna.click("Continue")
    card = await anna.send("sale")
    assert "(3/4)" in card.text
