"""Safe writes from the chat: one-tap pause/resume with Undo, clone, the common jobs in at most
three interactions, named confirmations, failures that keep the form, stale and forged buttons."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.emulator.user import Screen
from bot.forms.codes import code_of
from bot.ui.callbacks import WriteCb
from tests.bot_world import BotWorld, done_said
from tests.test_bot_writes_catalog import buttons, press_data


class Counter:
    """Counts what the user does after opening an entity: taps and messages."""

    def __init__(self, user: EmulatedUser) -> None:
        self.user = user
        self.count = 0

    async def click(self, label: str) -> Screen:
        self.count += 1
        return await self.user.click(label)

    async def send(self, text: str) -> Screen:
        self.count += 1
        return await self.user.send(text)


async def open_card(user: EmulatedUser, command: str, item: str) -> Screen:
    await user.send(command)
    return await user.click(item)


async def test_pause_then_undo_in_one_tap_each(world: BotWorld) -> None:
    campaigns = world.sandbox.state.campaigns
    anna = await world.connected_user()
    card = await open_card(anna, "/campaigns", "#1")
    assert "⏸ Pause" in card.buttons
    me = Counter(anna)
    paused = await me.click("Pause")
    assert campaigns.get(1)["state"] == "disabled"
    assert "⏸ Paused «FB | DE | Keto Burn»" in paused.text
    assert "▶️ Resume" in paused.buttons and "↩️ Undo" in paused.buttons
    undone = await me.click("Undo")
    assert campaigns.get(1)["state"] == "active"
    assert "▶️ Resumed" in undone.text and "⏸ Pause" in undone.buttons
    assert me.count == 2 and anna.unanswered == []


async def test_resume_a_paused_campaign_in_one_tap(world: BotWorld) -> None:
    anna = await world.connected_user()
    card = await open_card(anna, "/campaigns", "#5")
    assert "▶️ Resume" in card.buttons
    await anna.click("Resume")
    assert world.sandbox.state.campaigns.get(5)["state"] == "active"


async def test_pause_and_resume_a_stream_in_one_tap(world: BotWorld) -> None:
    streams = world.sandbox.state.streams
    stream = min(s["id"] for s in streams.list() if s["campaign_id"] == 1)
    anna = await world.connected_user()
    await open_card(anna, "/campaigns", "#1")
    listed = await anna.click("🔀 Streams")
    await anna.click(next(b for b in listed.buttons if b == f"#{stream}"))
    await anna.click("Pause")
    assert streams.get(stream)["state"] == "disabled"
    await anna.click("Undo")
    assert streams.get(stream)["state"] == "active"


async def test_clone_is_one_tap_and_opens_the_copy(world: BotWorld) -> None:
    campaigns = world.sandbox.state.campaigns
    anna = await world.connected_user()
    await open_card(anna, "/campaigns", "#3")
    me = Counter(anna)
    cloned = await me.click("Clone")
    copy = max(campaigns.items)
    assert campaigns.get(copy)["name"].startswith("Copy of")
    assert me.count == 1 and f"#{copy}" in cloned.text
    opened = await anna.click(f"#{copy}")
    assert "Copy of" in opened.text and "🔗 Tracking link" in opened.text


async def test_an_offers_payout_in_three_interactions(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_card(anna, "/offers", "#3")
    me = Counter(anna)
    await me.click("Payout")
    confirm = await me.send("4,75")
    assert "Payout: 4.75 (was" in confirm.text
    done = await me.click("Send")
    assert done_said(done.text)
    assert world.sandbox.state.offers.get(3)["payout_value"] == 4.75
    assert me.count == 3


async def test_a_campaigns_costs_for_today_in_three_interactions(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_card(anna, "/campaigns", "#2")
    me = Counter(anna)
    asked = await me.click("Costs")
    assert "Cost for the period (" in asked.text
    confirm = await me.send("35")
    assert "Replace the costs of campaign #2" in confirm.text
    assert "Period start: " in confirm.text and "Currency: USD" in confirm.text
    done = await me.click("Yes")
    assert done_said(done.text) and me.count == 3


async def test_archive_names_the_campaign_and_cancel_changes_nothing(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_card(anna, "/campaigns", "#1")
    confirm = await anna.click("Archive")
    assert "Archive campaign #1 «FB | DE | Keto Burn»?" in confirm.text
    assert "stops taking traffic" in confirm.text
    cancelled = await anna.click("Cancel")
    assert "Cancelled" in cancelled.text
    assert world.sandbox.state.campaigns.get(1)["state"] == "active"
    assert await anna.state() is None


async def test_a_failed_write_keeps_the_form_and_sends_again(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_card(anna, "/offers", "#3")
    await anna.click("Payout")
    await anna.send("9")
    world.sandbox.faults.fail_5xx = 1
    failed = await anna.click("Send")
    assert "server error" in failed.text and "Payout: 9" in failed.text
    assert "🔁 Send again" in failed.buttons and "⋯ Details" in failed.buttons
    assert world.sandbox.state.offers.get(3)["payout_value"] != 9
    assert (await anna.data())["form"]["values"]["payout_value"] == 9
    done = await anna.click("Send again")
    assert done_said(done.text)
    assert world.sandbox.state.offers.get(3)["payout_value"] == 9


async def test_another_users_form_button_does_nothing(world: BotWorld) -> None:
    anna = await world.connected_user()
    bob = await world.connected_user(user_id=2002)
    await open_card(anna, "/campaigns", "#1")
    await anna.click("Archive")
    _, found = buttons(anna)
    send = next(b["callback_data"] for b in found if b["callback_data"].startswith("fm:y:"))
    await bob.send("/menu")
    forged = await bob.click_data(send, bob.messages[-1]["message_id"])
    assert any("not yours" in alert for alert in forged.alerts)
    assert world.sandbox.state.campaigns.get(1)["state"] == "active"
    assert bob.unanswered == []


async def test_a_stale_confirmation_does_nothing_twice(world: BotWorld) -> None:
    campaigns = world.sandbox.state.campaigns
    anna = await world.connected_user()
    await open_card(anna, "/campaigns", "#2")
    await anna.click("Archive")
    message_id, found = buttons(anna)
    send = next(b["callback_data"] for b in found if b["callback_data"].startswith("fm:y:"))
    await press_data(anna, "fm:y:")
    assert campaigns.get(2)["state"] == "deleted"
    campaigns.restore(2)
    again = await anna.click_data(send, message_id)
    assert any("closed" in alert for alert in again.alerts)
    assert campaigns.get(2)["state"] == "active"


async def test_forged_write_buttons_get_an_answer(world: BotWorld) -> None:
    anna = await world.connected_user()
    menu = await anna.send("/menu")
    message_id = menu.messages[-1]["message_id"]
    unknown = await anna.click_data(WriteCb(op="r", a=9999, id=1).pack(), message_id)
    assert unknown.alerts
    disable = WriteCb(op="r", a=code_of("campaigns.disable"), id=99999).pack()
    missing = await anna.click_data(disable, message_id)
    assert "does not have that" in missing.text
    assert anna.unanswered == []


async def test_lists_and_tables_offer_their_resources_write_actions(world: BotWorld) -> None:
    anna = await world.connected_user()
    listed = await anna.send("/campaigns")
    assert "✍️ Actions" in listed.buttons
    actions = await anna.click("Actions")
    assert {"➕ Create", "🗄 Archive", "💸 Costs", "⏸ Pause"} <= set(actions.buttons)
    await anna.send("/menu")
    await anna.click("More")
    bots = await anna.click("Bots (IP list)")
    assert "✍️ Actions" in bots.buttons
    botlist = await anna.click("Actions")
    assert {"➕ Add", "➖ Remove", "🧹 Clear", "♻️ Replace the list"} <= set(botlist.buttons)
