"""A new user connects a tracker: the happy path, every way it fails, and a restart mid-way."""

from __future__ import annotations

import socket

import pytest

from keitaro.sandbox import Sandbox
from tests.bot_world import BotWorld


def sent_texts(world: BotWorld) -> str:
    """Everything the bot ever showed, in every chat, every version."""
    return "\n".join(
        str(call.params.get("text") or call.params.get("caption") or "")
        for call in world.telegram.calls
    )


async def test_start_greets_in_the_users_language_and_asks_for_the_tracker(world: BotWorld) -> None:
    russian = await world.user(1, "ru").send("/start")
    assert "Привет, Anna" in russian.text
    assert "адрес трекера" in russian.text
    english = await world.user(2, "en-GB").send("/start")
    assert "Hi, Anna" in english.text
    assert "tracker's address" in english.text


async def test_connecting_step_by_step(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/start")
    asked = await anna.send(world.sandbox.url + "/admin_api/v1/")
    assert "API key" in asked.text
    key_message_id = world.telegram.chats[anna.chat_id].last_message_id + 1
    done = await anna.send(world.sandbox.api_key)
    assert "Connected" in done.text
    assert "Today: profit" in done.text
    assert "🎯 Campaigns" in done.buttons
    # the message that carried the key is gone from the chat
    assert (
        key_message_id in done.deleted
        or world.telegram.message(anna.chat_id, key_message_id) is None
    )
    assert await anna.state() is None


async def test_connect_in_one_line_deletes_the_message(world: BotWorld) -> None:
    anna = world.user()
    screen = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    assert "Connected" in screen.text
    assert screen.deleted
    assert world.sandbox.api_key not in sent_texts(world)


async def test_a_wrong_key_says_why_and_the_next_key_needs_no_address(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/connect")
    await anna.send(world.sandbox.url)
    refused = await anna.send("wrong-key-0000000000000")
    assert "refused the API key" in refused.text
    assert await anna.state() == "Connect:api_key"
    done = await anna.send(world.sandbox.api_key)
    assert "Connected" in done.text


async def test_a_key_of_a_restricted_user_is_accepted_and_explained_later(world: BotWorld) -> None:
    anna = world.user()
    done = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    assert "Connected" in done.text


@pytest.mark.parametrize(
    ("fault", "expected"),
    [({"html": True}, "not the Keitaro API"), ({"cloudflare": True}, "Cloudflare")],
)
async def test_an_address_that_is_not_a_keitaro_panel(
    world: BotWorld, fault: dict[str, bool], expected: str
) -> None:
    world.sandbox.faults.update(fault)
    anna = world.user()
    screen = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    assert expected in screen.text
    assert "🔗 Change the address" in screen.buttons
    changed = await anna.click("Change the address")
    assert "tracker's address" in changed.text
    assert await anna.state() == "Connect:url"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_an_address_without_https_says_to_use_http(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/connect")
    await anna.send(world.sandbox.url.removeprefix("http://"))  # https:// is assumed
    refused = await anna.send(world.sandbox.api_key)
    assert "http://" in refused.text
    await anna.click("Change the address")
    await anna.send(world.sandbox.url)
    done = await anna.send(world.sandbox.api_key)
    assert "Connected" in done.text


async def test_an_unreachable_tracker(world: BotWorld) -> None:
    anna = world.user()
    screen = await anna.send(f"/connect http://127.0.0.1:{closed_port()} some-key-1234567890")
    assert "could not be reached" in screen.text


@pytest.mark.parametrize("text", ["not an address at all", "ftp://trk.example.com"])
async def test_garbage_instead_of_an_address(world: BotWorld, text: str) -> None:
    anna = world.user()
    await anna.send("/connect")
    screen = await anna.send(text)
    assert "does not look like a web address" in screen.text
    assert await anna.state() == "Connect:url"


async def test_private_addresses_are_refused_unless_allowed(sandbox: Sandbox, tmp_path) -> None:
    world = await BotWorld(sandbox, tmp_path, allow_private_trackers=False).start()
    try:
        anna = world.user()
        screen = await anna.send(f"/connect {sandbox.url} {sandbox.api_key}")
        assert "private or local address" in screen.text
        assert await world.services.trackers.count(anna.user["id"]) == 0
    finally:
        await world.stop()


async def test_a_dialog_survives_a_restart(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/connect")
    await anna.send(world.sandbox.url)
    await world.restart()
    assert await anna.state() == "Connect:api_key"
    done = await anna.send(world.sandbox.api_key)
    assert "Connected" in done.text


async def test_cancel_leaves_the_dialog(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/connect")
    screen = await anna.send("/cancel")
    assert "Cancelled" in screen.text
    assert await anna.state() is None


async def test_language_can_be_switched(world: BotWorld) -> None:
    anna = await world.connected_user(language="en")
    await anna.send("/lang")
    switched = await anna.click("Русский")
    assert "русский" in switched.text
    menu = await anna.send("/menu")
    assert "Сегодня: прибыль" in menu.text
    assert "🎯 Кампании" in menu.buttons


async def test_a_file_instead_of_an_address_gets_a_hint(world: BotWorld) -> None:
    anna = world.user()
    await anna.send("/connect")
    screen = await anna.send_document("photo.jpg", b"not an address")
    assert screen.texts, "the bot stayed silent"
    assert "address" in screen.text
    assert await anna.state() == "Connect:url"


async def test_a_command_leaves_the_dialog(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/trackers")
    await anna.click(world.sandbox.url.removeprefix("http://"))
    await anna.click("Rename")
    await anna.send("/menu")
    assert await anna.state() is None
    later = await anna.send("how much today")
    assert "Open the menu" in later.text
    assert (await world.services.trackers.list(anna.user["id"]))[0].name != "how much today"


async def test_private_bot_refuses_strangers(sandbox: Sandbox, tmp_path) -> None:
    world = await BotWorld(sandbox, tmp_path, allowed_users=[7]).start()
    try:
        stranger = await world.user(8).send("/start")
        assert "private" in stranger.text
        friend = await world.user(7).send("/start")
        assert "Hi" in friend.text
    finally:
        await world.stop()
