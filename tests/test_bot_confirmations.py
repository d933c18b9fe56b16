"""Destructive confirmations expire and belong to their screen; Back and Edit work on them.

"Archive? Yes" pressed after the user moved on (a command, another screen) or minutes later
asks again instead of acting, with the question as it stands now.
"""

from __future__ import annotations

from bot.services.confirm import CONFIRM_TTL
from tests.bot_world import BotWorld, done_said
from tests.test_bot_digests import (
    Clock,
    deliver_with_buttons,
    make_digest,
    nine_today,
)
from tests.test_bot_writes_catalog import buttons, open_action


class Later:
    """The confirmations' clock, moved on by hand."""

    def __init__(self, world: BotWorld) -> None:
        self.now = 1_000.0
        world.services.confirmations.clock = lambda: self.now

    def wait(self, seconds: float) -> None:
        self.now += seconds


def yes_button(world_user) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    message_id, found = buttons(world_user)
    data = next(b["callback_data"] for b in found if b["callback_data"].startswith("fm:y:"))
    return message_id, data


async def test_an_archive_confirmed_after_moving_on_asks_again(world: BotWorld) -> None:
    campaigns = world.sandbox.state.campaigns
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#1")
    await anna.click("Archive")
    message_id, yes = yes_button(anna)
    await anna.send("/menu")  # moved on
    pressed = await anna.click_data(yes, message_id)
    assert campaigns.get(1)["state"] == "active"
    assert "Nothing was done" in pressed.text and "Archive campaign #1" in pressed.text
    assert any("confirm again" in alert for alert in pressed.alerts)
    again = await anna.click("Yes", message_id=message_id)  # asked again there; answered now
    assert campaigns.get(1)["state"] == "deleted"
    assert done_said(again.text)


async def test_an_archive_confirmed_minutes_later_asks_again(world: BotWorld) -> None:
    clock = Later(world)
    campaigns = world.sandbox.state.campaigns
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#2")
    await anna.click("Archive")
    clock.wait(CONFIRM_TTL + 1)
    late = await anna.click("Yes")
    assert campaigns.get(2)["state"] == "active" and "Nothing was done" in late.text
    clock.wait(5)
    await anna.click("Yes")
    assert campaigns.get(2)["state"] == "deleted"


async def test_back_and_edit_on_a_confirmation_opened_from_a_card(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#1")
    asked = await anna.click("Archive")
    assert "Archive campaign #1" in asked.text
    card = await anna.click("« Back")  # where it was opened from
    assert "FB | DE | Keto Burn" in card.text and "🗄 Archive" in card.buttons
    assert await anna.state() is None
    await anna.click("Archive")
    edited = await anna.click("✏️ Edit")  # only the campaign to change: its field, kept
    assert "Keep" in edited and "Archive campaign #1" not in edited.text
    back_to_question = await anna.click("Keep")
    assert "Archive campaign #1" in back_to_question.text
    assert world.sandbox.state.campaigns.get(1)["state"] == "active"


async def test_back_on_a_confirmation_from_the_actions_menu_goes_to_the_previous_step(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await open_action(anna, "campaigns.archive")
    question = await anna.click("#3")  # the id picked: the confirmation
    assert "Archive campaign #3" in question.text
    back = await anna.click("« Back")
    assert "Archive campaign #3" not in back.text and "#3" in back
    edit = await anna.click("#3 ")
    assert "Archive campaign #3" in edit.text


async def test_removing_a_tracker_confirmed_late_asks_again(world: BotWorld) -> None:
    clock = Later(world)
    anna = await world.connected_user()
    await anna.send("/trackers")
    await anna.click(world.sandbox.url.split("//")[1][:20])
    await anna.click("Remove")
    clock.wait(CONFIRM_TTL + 1)
    late = await anna.click("Yes, remove")
    assert "Nothing was done" in late.text
    assert await world.services.trackers.count(anna.user["id"]) == 1
    await anna.click("Yes, remove")
    assert await world.services.trackers.count(anna.user["id"]) == 0


async def test_deleting_a_digest_after_moving_on_asks_again(world: BotWorld) -> None:
    anna = await world.connected_user()
    await make_digest(world, anna.user["id"])
    await anna.send("/digest")
    asked = await anna.click("🗑")
    message_id = asked.messages[-1]["message_id"]
    _, found = buttons(anna)
    yes = next(b["callback_data"] for b in found if b["callback_data"].startswith("dg:D:"))
    await anna.send("/stats")
    late = await anna.click_data(yes, message_id)
    assert "Nothing was done" in late.text
    assert len(await world.services.db.fetchall("SELECT id FROM digests")) == 1
    await anna.click_data(yes, message_id)
    assert len(await world.services.db.fetchall("SELECT id FROM digests")) == 0


async def test_pause_losing_confirmed_late_lists_the_campaigns_again(world: BotWorld) -> None:
    clock = Later(world)
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    day = Clock(nine_today())
    world.services.clock = day
    await deliver_with_buttons(world, digest, day)
    question = await anna.click("Pause losing")
    if "☑️" not in question.text:  # nothing over the threshold today: tick one by hand
        question = await anna.click("⬜ 1")
    count = question.text.count("☑️")
    states = {c["id"]: c["state"] for c in world.sandbox.state.campaigns.all()}
    clock.wait(CONFIRM_TTL + 1)
    late = await anna.click(f"Pause {count}")
    assert "Nothing was done" in late.text and "Which losing campaigns" in late.text
    assert {c["id"]: c["state"] for c in world.sandbox.state.campaigns.all()} == states
    done = await anna.click(f"Pause {count}")
    assert f"Paused {count} of {count}" in done.text
