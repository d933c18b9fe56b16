"""/live through the real Dispatcher: on and off in one command, the settings screen edited
in place and saved at once (statuses, the shared scope picker, minimum revenue, the target
chat, quiet hours, burst), a group target only for its administrators, one feed a tracker,
and buttons that are not the presser's changing nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.emulator import EmulatedUser
from bot.live.settings import default_settings
from bot.ui.callbacks import LiveCb
from keitaro import KeitaroClient
from storage.live import LiveFeed
from tests.bot_world import BotWorld

GROUP = -100_424_242


async def feed(world: BotWorld, user: EmulatedUser, tracker_id: int | None = None) -> LiveFeed:
    """The user's stored feed (of the active tracker unless told)."""
    owner = user.user["id"]
    if tracker_id is None:
        stored = await world.services.users.get(owner)
        assert stored is not None and stored.active_tracker_id is not None
        tracker_id = stored.active_tracker_id
    found = await world.services.live.get(owner, tracker_id)
    assert found is not None, "no feed was saved"
    return found


async def tracker_id(world: BotWorld, user: EmulatedUser) -> int:
    [tracker, *_] = await world.services.trackers.list(user.user["id"])
    return tracker.id


def buttons(user: EmulatedUser) -> str:
    return str(user.keyboard())


def callback_sizes(world: BotWorld, chat_id: int) -> list[int]:
    return [
        len(button["callback_data"].encode())
        for message in world.telegram.messages(chat_id)
        for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []
        for button in row
        if "callback_data" in button
    ]


def in_group(world: BotWorld, user: EmulatedUser) -> EmulatedUser:
    """The same person, typing in the group chat ``GROUP``."""
    member = EmulatedUser(
        world.dp, world.bot, world.telegram, user_id=user.user["id"], first_name="Anna",
        language_code="en", chat_id=GROUP,
    )  # fmt: skip
    world.users.append(member)
    return member


# ----- /live on, /live off, the screen -----------------------------------------------------


async def test_live_on_saves_the_defaults_with_this_chat_and_the_cursor(world: BotWorld) -> None:
    anna = await world.connected_user()
    before = datetime.now(UTC)
    answer = await anna.send("/live on")
    assert "The live feed of" in answer.text and "is on" in answer.text
    assert "Statuses: all (new ones too)" in answer.text and "Scope: everything" in answer.text
    assert "Send to: this chat" in answer.text and "Minimum revenue: none" in answer.text
    assert "Live feed settings" in answer
    stored = await feed(world, anna)
    assert stored.enabled and stored.chat_id == anna.chat_id
    assert stored.settings == default_settings()
    assert stored.cursor is not None and stored.cursor >= before - timedelta(seconds=1)
    screen = await anna.click("Live feed settings")
    assert "📡 Live feed" in screen.text and "🟢 On" in screen.text
    assert "Turn off" in buttons(anna) and "« Menu" in buttons(anna)
    assert (
        len(screen.messages) == 1
        and screen.messages[0]["message_id"] == answer.messages[0]["message_id"]
    )  # edited in place


async def test_live_off_and_the_screens_own_switch(world: BotWorld) -> None:
    anna = await world.connected_user()
    never = await anna.send("/live off")
    assert "is not on" in never.text
    assert await world.services.live.get(anna.user["id"], await tracker_id(world, anna)) is None
    await anna.send("/live on")
    off = await anna.send("/live off")
    assert "is off" in off.text and "settings are kept" in off.text
    assert not (await feed(world, anna)).enabled
    await anna.send("/live")
    assert "⚪️ Off" in anna.last
    turned = await anna.click("Turn on")
    assert "The feed is on" in turned and "🟢 On" in anna.last
    assert (await feed(world, anna)).enabled
    screen = anna.messages[-1]["message_id"]
    await anna.click("Turn off")
    assert not (await feed(world, anna)).enabled
    # the old "Turn off" again (a second tap of the same screen): stays off, not toggled back
    await anna.click_data(LiveCb(op="e", t=await tracker_id(world, anna), arg="0").pack(), screen)
    assert not (await feed(world, anna)).enabled


async def test_the_screen_says_when_the_chat_blocked_the_bot_or_the_tracker_fails(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/live on")
    tid = await tracker_id(world, anna)
    await world.services.live.failed(tid, datetime.now(UTC) - timedelta(minutes=5))
    await anna.send("/live")
    assert "has not answered since" in anna.last
    await world.services.live.set_blocked(tid)
    await anna.send("/live")
    assert "Paused: the chat blocked the bot" in anna.last and "Turn on" in buttons(anna)
    await anna.click("Turn on")
    stored = await feed(world, anna)
    assert stored.enabled and not stored.blocked


async def test_live_without_a_tracker_says_connect_first(world: BotWorld) -> None:
    anna = world.user()
    answer = await anna.send("/live")
    assert "Connect a tracker first" in answer.text


async def test_unknown_argument_shows_the_screen_with_the_usage(world: BotWorld) -> None:
    anna = await world.connected_user()
    answer = await anna.send("/live maybe")
    assert "is not something /live knows" in answer.text and "📡 Live feed" in answer.text


# ----- the settings, one by one ---------------------------------------------------------


async def test_statuses_toggle_and_at_least_one_stays(world: BotWorld) -> None:
    anna = await world.connected_user()
    tid = await tracker_id(world, anna)
    await anna.send("/live")
    assert await world.services.live.get(anna.user["id"], tid) is None  # nothing saved yet
    await anna.click("Statuses")
    assert "Which statuses should the feed tell?" in anna.last
    assert "✅ All statuses" in buttons(anna) and "✅ Sale" in buttons(anna)
    await anna.click("Sale")
    stored = await feed(world, anna)
    assert stored.settings["statuses"] == ["lead", "rejected"]
    assert not stored.enabled and stored.chat_id == anna.chat_id  # the defaults, off
    assert stored.settings["burst"] == 10 and stored.settings["scope"] == {"kind": "all"}
    assert "▫️ Sale" in buttons(anna) and "▫️ All statuses" in buttons(anna)
    await anna.click("Lead")
    refused = await anna.click("Rejected")
    assert "Keep at least one status." in refused
    assert (await feed(world, anna)).settings["statuses"] == ["rejected"]
    # a status the tracker's log has shown appears in the list
    await world.services.live.advance(tid, datetime.now(UTC), ["lead", "sale", "rebill"])
    await anna.send("/live")
    assert "Statuses: Rejected" in anna.last
    await anna.click("Statuses")
    await anna.click("rebill")
    assert (await feed(world, anna)).settings["statuses"] == ["rejected", "rebill"]
    forged = await anna.click_data(
        LiveCb(op="x", t=tid, arg="trash").pack(), anna.messages[-1]["message_id"]
    )
    assert "not in the list" in forged.alerts[0]
    assert (await feed(world, anna)).settings["statuses"] == ["rejected", "rebill"]
    await anna.click("All statuses")
    assert (await feed(world, anna)).settings["statuses"] is None
    await anna.click("Back")
    assert "Statuses: all (new ones too)" in anna.last


async def test_a_group_scope_through_the_shared_picker(
    world: BotWorld, client: KeitaroClient
) -> None:
    groups = (await client.call("groups.list", type="campaigns")).data
    facebook = next(group for group in groups if group["name"] == "Facebook")
    anna = await world.connected_user()
    await anna.send("/live on")
    await anna.click("Live feed settings")
    await anna.click("Scope")
    assert "Which conversions should the feed tell?" in anna.last
    await anna.click("A campaign group")
    assert "Which campaign group?" in anna.last
    await anna.click("Facebook")
    assert "Scope: Facebook" in anna.last and "📡 Live feed" in anna.last
    stored = await feed(world, anna)
    assert stored.settings["scope"] == {"kind": "group", "id": facebook["id"], "label": "Facebook"}
    assert stored.enabled  # a change keeps the feed as it was
    await anna.click("Scope")
    await anna.click("Everything")
    assert (await feed(world, anna)).settings["scope"] == {"kind": "all"}


async def test_chosen_campaigns_through_the_shared_picker(
    world: BotWorld, client: KeitaroClient
) -> None:
    campaigns = (await client.call("campaigns.list")).data
    first, second = sorted(
        (row for row in campaigns if row.get("state") == "active"), key=lambda r: r["name"].lower()
    )[:2]
    anna = await world.connected_user()
    await anna.send("/live")
    await anna.click("Scope")
    await anna.click("Chosen campaigns")
    assert "chosen: 0" in anna.last
    nothing = await anna.click("Done (0)")
    assert "Choose at least one campaign" in nothing.alerts
    await anna.click(first["name"])
    await anna.click(second["name"])
    assert "chosen: 2" in anna.last
    await anna.click("Done (2)")
    assert "Scope: 2 campaigns" in anna.last
    stored = await feed(world, anna)
    assert stored.settings["scope"]["kind"] == "campaigns"
    assert stored.settings["scope"]["ids"] == sorted([first["id"], second["id"]])
    await anna.click("Scope")  # reopened: the choice is ticked again
    await anna.click("Chosen campaigns")
    assert "chosen: 2" in anna.last and f"✅ {first['name']}" in buttons(anna)
    await anna.click("Back")
    await anna.click("Back")
    assert "Scope: 2 campaigns" in anna.last
    assert max(callback_sizes(world, anna.chat_id)) <= 64


async def test_the_digest_picker_still_counts_for_the_digest(world: BotWorld) -> None:
    """The picker is shared: a digest's scope lands in the digest's draft, not in the feed."""
    anna = await world.connected_user()
    for step in ("/digest", "New digest", "09:00", "Every day", "UTC"):
        await (anna.send(step) if step.startswith("/") else anna.click(step))
    await anna.click("Scope: everything")
    assert "What should the digest count?" in anna.last
    await anna.click("A campaign group")
    await anna.click("Facebook")
    assert "Counts: Facebook" in anna.last
    assert await world.services.live.get(anna.user["id"], await tracker_id(world, anna)) is None


async def test_minimum_revenue_typed(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/live on")
    await anna.click("Live feed settings")
    await anna.click("Minimum")
    assert "Minimum revenue" in anna.last and "Now: none" in anna.last
    bad = await anna.send("abc")
    assert "“abc” is not an amount" in bad.text and "Send the smallest revenue" in bad.text
    negative = await anna.send("-5")
    assert "cannot be negative" in negative.text and "Send the smallest revenue" in negative.text
    assert (await feed(world, anna)).settings["min_revenue"] == 0
    saved = await anna.send("12,5")
    assert "✅ Saved." in saved.text and "Minimum revenue: 12.50" in saved.text
    assert (await feed(world, anna)).settings["min_revenue"] == 12.5
    assert await anna.state() is None
    await anna.send("7")  # the question is over: a number is not a minimum any more
    assert (await feed(world, anna)).settings["min_revenue"] == 12.5
    screen = saved.messages[-1]["message_id"]
    await anna.click("Minimum", message_id=screen)
    none = await anna.click("No minimum", message_id=screen)
    assert "Minimum revenue: none" in none.text
    assert (await feed(world, anna)).settings["min_revenue"] == 0


async def test_quiet_hours_preset_and_typed(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/live")
    await anna.click("Quiet hours")
    await anna.click("23:00–08:00")
    assert "Quiet hours: 23:00–08:00" in anna.last
    assert (await feed(world, anna)).settings["quiet"] == {"from": "23:00", "to": "08:00"}
    await anna.click("Quiet hours")
    bad = await anna.send("25:00-07:00")
    assert "is not a pair of times" in bad.text and "22:30-07:00" in bad.text
    same = await anna.send("07:00-07:00")
    assert "is not a pair of times" in same.text
    assert (await feed(world, anna)).settings["quiet"] == {"from": "23:00", "to": "08:00"}
    typed = await anna.send("22:30 – 7:00")
    assert "✅ Saved." in typed.text and "22:30–07:00" in typed.text
    assert (await feed(world, anna)).settings["quiet"] == {"from": "22:30", "to": "07:00"}
    await anna.click("Quiet hours")
    await anna.click("No quiet hours")
    assert "Quiet hours: off" in anna.last
    assert (await feed(world, anna)).settings["quiet"] is None
    forged = await anna.click_data(
        LiveCb(op="Q", t=await tracker_id(world, anna), arg="2500-0100").pack(),
        anna.messages[-1]["message_id"],
    )
    assert forged.alerts and (await feed(world, anna)).settings["quiet"] is None


async def test_burst_preset_and_typed(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/live")
    assert "More than 10 a minute: one summary" in anna.last
    await anna.click("Burst")
    await anna.click("20")
    assert (await feed(world, anna)).settings["burst"] == 20
    await anna.click("Burst")
    assert "• 20" in buttons(anna)
    bad = await anna.send("500")
    assert "from 2 to 100" in bad.text
    await anna.send("7")
    assert "More than 7 a minute" in anna.last
    assert (await feed(world, anna)).settings["burst"] == 7


# ----- where it goes --------------------------------------------------------------------


async def test_a_group_target_needs_an_administrator(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/live on")
    await anna.click("Live feed settings")
    await anna.click("Send to")
    assert "Where should the feed go?" in anna.last
    not_a_chat = await anna.send("the team chat")
    assert "is not a chat id" in not_a_chat.text
    world.telegram.add_chat({"id": GROUP, "type": "supergroup", "title": "Team"})
    refused = await anna.send(str(GROUP))
    assert "not an administrator of chat" in refused.text
    assert "Where should the feed go?" in refused.text  # asked again
    assert (await feed(world, anna)).chat_id == anna.chat_id
    world.telegram.set_admins(GROUP, {anna.user["id"]})
    accepted = await anna.send(str(GROUP))
    assert f"Send to: chat {GROUP}" in accepted.text
    assert (await feed(world, anna)).chat_id == GROUP
    await anna.click("Send to")
    await anna.click("This chat")
    assert "Send to: this chat" in anna.last
    assert (await feed(world, anna)).chat_id == anna.chat_id


async def test_set_up_from_inside_a_group(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.telegram.add_chat({"id": GROUP, "type": "supergroup", "title": "Team"})
    there = in_group(world, anna)
    refused = await there.send("/live on")
    assert "not an administrator of chat" in refused.text
    assert await world.services.live.get(anna.user["id"], await tracker_id(world, anna)) is None
    world.telegram.set_admins(GROUP, {anna.user["id"]})
    await there.send("/live on")
    stored = await feed(world, anna)
    assert stored.enabled and stored.chat_id == GROUP
    assert "Send to: this chat" in there.last
    await anna.send("/live")  # seen from the private chat
    assert f"Send to: chat {GROUP}" in anna.last
    world.telegram.set_admins(GROUP, set())  # no longer an administrator there
    await anna.send("/live off")
    await anna.send("/live")
    refused_on = await anna.click("Turn on")
    assert any("not an administrator" in alert for alert in refused_on.alerts)
    assert not (await feed(world, anna)).enabled


# ----- several trackers, other people's buttons --------------------------------------------


async def test_two_trackers_have_their_own_settings(world: BotWorld) -> None:
    anna = await world.connected_user()
    second = world.sandbox.url.replace("127.0.0.1", "localhost")
    await anna.send(f"/connect {second} {world.sandbox.api_key}")
    first, other = await world.services.trackers.list(anna.user["id"])
    await anna.send("/live on")  # the active tracker: the one connected last
    active = (await world.services.users.get(anna.user["id"])).active_tracker_id
    idle = first.id if active == other.id else other.id
    assert (await feed(world, anna, active)).enabled
    await anna.click("Live feed settings")
    switch = [label for row in anna.keyboard() for label in row if label.startswith("• ")]
    assert len(switch) == 1
    idle_name = next(t.name for t in (first, other) if t.id == idle)
    await anna.click(idle_name[:20])
    assert idle_name in anna.last and "⚪️ Off" in anna.last
    await anna.click("Burst")
    await anna.click("50")
    assert (await feed(world, anna, idle)).settings["burst"] == 50
    assert not (await feed(world, anna, idle)).enabled
    assert (await feed(world, anna, active)).settings["burst"] == 10
    assert len(await world.services.live.list(anna.user["id"])) == 2


async def test_a_forged_button_for_another_users_tracker_changes_nothing(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/live on")
    annas = await tracker_id(world, anna)
    bob = await world.connected_user(user_id=2002)
    await bob.send("/live")
    screen = bob.messages[-1]["message_id"]
    before = await feed(world, anna)
    forged: list[Any] = [
        LiveCb(op="e", t=annas, arg="0"),
        LiveCb(op="x", t=annas, arg="sale"),
        LiveCb(op="A", t=annas),
        LiveCb(op="g", t=annas, arg="all"),
        LiveCb(op="B", t=annas, id=50),
        LiveCb(op="Q", t=annas, arg="off"),
        LiveCb(op="R", t=annas),
        LiveCb(op="h", t=annas),
        LiveCb(op="s", t=annas),
    ]
    for data in forged:
        answer = await bob.click_data(data.pack(), screen)
        assert any("not one of yours" in alert for alert in answer.alerts), data
        assert not answer.messages  # the screen stays as it was
    assert await feed(world, anna) == before
    assert await world.services.live.list(bob.user["id"]) == []
    assert not bob.unanswered


async def test_a_tracker_removed_meanwhile(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/live")
    await anna.click("Minimum")
    tid = await tracker_id(world, anna)
    assert await world.services.trackers.remove(anna.user["id"], tid)
    typed = await anna.send("5")
    assert "not one of yours" in typed.text
    assert await world.services.live.get(anna.user["id"], tid) is None
    assert await anna.state() is None
    old = await anna.click("Back")
    assert any("not one of yours" in alert for alert in old.alerts)


async def test_the_screen_in_russian(world: BotWorld) -> None:
    ivan = await world.connected_user(2002, language="ru")
    answer = await ivan.send("/live on")
    assert "Живая лента" in answer.text and "включена" in answer.text
    assert "Статусы: все (и новые)" in answer.text and "Куда: этот чат" in answer.text
    await ivan.click("Настройки ленты")
    assert "🟢 Включена" in ivan.last and "Выключить" in buttons(ivan)
    await ivan.click("Минимум")
    bad = await ivan.send("abc")
    assert "не сумма" in bad.text
    await ivan.send("7,5")
    assert "Сохранено" in ivan.last and "Минимальный доход: 7.50" in ivan.last
