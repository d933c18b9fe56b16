"""Group chats: quiet among the members, no keys in public, one owner per screen, and
digests sent to a group only by its administrators (issue 9, item 5)."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.handlers.states import Connect
from storage.digests import DigestRepository
from tests.bot_world import BotWorld

GROUP = -100_900


def in_group(world: BotWorld, user_id: int, name: str) -> EmulatedUser:
    world.telegram.add_chat({"id": GROUP, "type": "supergroup", "title": "Buyers"})
    person = EmulatedUser(
        world.dp, world.bot, world.telegram, user_id=user_id, first_name=name,
        language_code="en", chat_id=GROUP,
    )  # fmt: skip
    world.users.append(person)
    return person


async def test_an_api_key_sent_in_a_group_is_deleted_and_refused(world: BotWorld) -> None:
    anna = in_group(world, 1001, "Anna")
    sent = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    assert sent.deleted, "the message with the key is deleted"
    assert "Revoke that key" in sent.text and "private chat" in sent.text
    assert world.sandbox.api_key not in sent.text
    assert await world.services.trackers.list(1001) == []  # nothing was connected
    # a key typed where the bot waits for one (a dialog begun before) is refused the same way
    await anna._fsm().set_state(Connect.api_key)
    await anna._fsm().update_data(url=world.sandbox.url)
    typed = await anna.send(world.sandbox.api_key)
    assert typed.deleted and "Revoke that key" in typed.text
    assert await anna.state() is None and await world.services.trackers.list(1001) == []


async def test_connecting_in_a_group_points_to_the_private_chat(world: BotWorld) -> None:
    anna = in_group(world, 1001, "Anna")
    answer = await anna.send(f"/connect {world.sandbox.url}")
    assert "private chat" in answer.text and not answer.deleted
    assert await anna.state() is None  # no key step waiting in the group


async def test_the_bot_is_silent_on_chatter_and_other_bots_commands(world: BotWorld) -> None:
    anna = in_group(world, 1001, "Anna")
    for text in ("hello team", "/stats@other_bot", "/nosuchcommand", "who paused FB?"):
        screen = await anna.send(text)
        assert not screen.messages, f"{text!r} got {screen.text!r}"
    assert (await anna.send("/menu")).messages  # a command for this bot is answered


async def test_a_members_press_never_takes_over_the_owners_screen(world: BotWorld) -> None:
    await world.connected_user(1001)
    anna = in_group(world, 1001, "Anna")
    bob = in_group(world, 1002, "Bob")
    menu = await anna.send("/menu")
    [message] = menu.messages
    before = world.telegram.message(GROUP, message["message_id"])
    label = anna.keyboard(message["message_id"])[0][0]
    pressed = await bob.click(label, message_id=message["message_id"])
    assert any("another member" in alert for alert in pressed.alerts)
    assert not pressed.messages  # nothing sent, nothing edited
    assert world.telegram.message(GROUP, message["message_id"]) == before
    mine = await anna.click(label, message_id=message["message_id"])
    assert mine.messages and not mine.alerts


async def test_a_digest_for_the_group_needs_its_administrator(world: BotWorld) -> None:
    await world.connected_user(1001)
    anna = in_group(world, 1001, "Anna")
    for step in ("/digest", "New digest", "09:00", "Every day", "UTC"):
        await (anna.send(step) if step.startswith("/") else anna.click(step))
    refused = await anna.click("Save")
    assert any("not an administrator" in alert for alert in refused.alerts)
    repo = DigestRepository(world.services.db)
    assert await repo.list(1001) == []
    world.telegram.set_admins(GROUP, {1001})
    await anna.click("Save")
    [digest] = await repo.list(1001)
    assert digest.chat_id == GROUP


async def test_a_key_sent_after_connect_in_a_group_or_alone_is_deleted(world: BotWorld) -> None:
    anna = in_group(world, 1001, "Anna")
    await anna.send(f"/connect {world.sandbox.url}")  # pointed to the private chat...
    typed = await anna.send(world.sandbox.api_key)  # ...but the key follows anyway
    assert typed.deleted and "Revoke that key" in typed.text
    hexkey = "9f86d081884c7d659a2feaa0c55ad015"
    for text in (f"/connect {hexkey}", f"the key is {hexkey}"):
        sent = await anna.send(text)
        assert sent.deleted and "Revoke that key" in sent.text, text
        assert hexkey not in sent.text
    assert await world.services.trackers.list(1001) == []
    for chatter in ("click 3lb9qu2a6pl8 never converted", "ROI 45% on FB-2026-12-DE"):
        assert not (await anna.send(chatter)).messages, chatter  # no key: still silence
