"""A new user's time zone comes from the tracker: the key owner's ``preferences.timezone``.

Keitaro has no "/me", so the owner is a guess (``keitaro.guesses.key_owner``); whatever goes
wrong on the way (a user-level key, a broken or slow tracker, a zone that is not a zone), the
connection itself works and the user keeps UTC.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

import bot.services.trackers as tracker_services
from bot.emulator import EmulatedUser
from bot.emulator.user import Screen
from bot.services.trackers import owner_zone
from keitaro.guesses import key_owner
from keitaro.sandbox import Sandbox
from keitaro.sandbox.errors import ApiError
from tests.bot_world import BotWorld

ZONE_NOTE = "(from your tracker)"


def set_admin_zone(sandbox: Sandbox, zone: Any) -> None:
    """The sandbox admin (the owner of ``sandbox.api_key``) prefers ``zone``."""
    admin = next(u for u in sandbox.state.users.items.values() if u["login"] == "admin")
    admin["preferences"] = {**admin["preferences"], "timezone": zone}


async def connect(world: BotWorld, key: str | None = None) -> tuple[EmulatedUser, Screen]:
    anna = world.user()
    screen = await anna.send(f"/connect {world.sandbox.url} {key or world.sandbox.api_key}")
    return anna, screen


async def zone_of(world: BotWorld, user_id: int = 1001) -> str | None:
    user = await world.services.users.get(user_id)
    assert user is not None
    return user.timezone


# --- through the bot ------------------------------------------------------------------------


async def test_connecting_takes_the_time_zone_of_the_keys_owner(world: BotWorld) -> None:
    set_admin_zone(world.sandbox, "Europe/Moscow")
    anna, done = await connect(world)
    assert "Connected" in done.text
    assert f"Time zone: Europe/Moscow {ZONE_NOTE}" in done.text
    assert "/settings" in done.text
    assert await zone_of(world) == "Europe/Moscow"
    stats = await anna.send("/stats")
    assert "📊 Today" in stats.text and ", Europe/Moscow" in stats.text
    assert world.sandbox.count("GET", "/users") == 1


async def test_the_step_by_step_dialog_takes_it_too_in_russian(world: BotWorld) -> None:
    set_admin_zone(world.sandbox, "Asia/Almaty")
    anna = world.user(language="ru")
    await anna.send("/start")
    await anna.send(world.sandbox.url)
    done = await anna.send(world.sandbox.api_key)
    assert "Трекер подключён" in done.text
    assert "Часовой пояс: Asia/Almaty (из трекера)" in done.text
    stats = await anna.send("/stats")
    assert ", Asia/Almaty" in stats.text


async def test_the_sandbox_admin_prefers_utc(world: BotWorld) -> None:
    """The sandbox reports in UTC by default, and its admin says so: other tests rely on it."""
    _anna, done = await connect(world)
    assert f"Time zone: UTC {ZONE_NOTE}" in done.text
    assert await zone_of(world) == "UTC"


async def test_a_zone_the_user_chose_is_kept_on_the_next_connect(world: BotWorld) -> None:
    set_admin_zone(world.sandbox, "Europe/Moscow")
    anna = await world.connected_user()
    await anna.send("/settings")
    await anna.click("Time zone")
    picked = await anna.click("Asia/Dubai")
    assert "Asia/Dubai" in picked.text
    set_admin_zone(world.sandbox, "Europe/Berlin")
    again = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    assert "New key saved" in again.text
    assert ZONE_NOTE not in again.text
    assert await zone_of(world) == "Asia/Dubai"
    stats = await anna.send("/stats")
    assert ", Asia/Dubai" in stats.text
    # a user with a zone is not even asked about: no second read of the user list
    assert world.sandbox.count("GET", "/users") == 1


async def test_a_zone_chosen_before_connecting_is_kept(world: BotWorld) -> None:
    set_admin_zone(world.sandbox, "Europe/Moscow")
    anna = world.user()
    await anna.send("/settings")
    await anna.click("Time zone")
    await anna.send("america/new_york")
    done = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    assert "Connected" in done.text and ZONE_NOTE not in done.text
    assert await zone_of(world) == "America/New_York"


async def test_a_restricted_key_connects_with_utc_and_says_nothing(world: BotWorld) -> None:
    set_admin_zone(world.sandbox, "Europe/Moscow")  # not this key's owner: it may not read it
    anna, done = await connect(world, world.sandbox.restricted_key)
    assert "Connected" in done.text
    assert ZONE_NOTE not in done.text and "Time zone" not in done.text
    assert await zone_of(world) is None
    stats = await anna.send("/stats")
    assert ", UTC" in stats.text
    assert world.sandbox.count("GET", "/users") == 1  # 403, asked once


async def test_a_failing_user_list_is_tried_once_and_changes_nothing(
    world: BotWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> list[Any]:
        raise ApiError(500, {"error": "Internal error"})

    monkeypatch.setattr(world.sandbox.state.users, "list", broken)
    anna, done = await connect(world)
    assert "Connected" in done.text and ZONE_NOTE not in done.text
    assert "🎯 Campaigns" in done.buttons
    assert await zone_of(world) is None
    assert world.sandbox.count("GET", "/users") == 1  # no retries for a nicety
    stats = await anna.send("/stats")
    assert ", UTC" in stats.text


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", None, 3, ["Europe/Moscow"]])
async def test_a_zone_that_is_not_a_zone_is_ignored(world: BotWorld, zone: Any) -> None:
    set_admin_zone(world.sandbox, zone)
    _anna, done = await connect(world)
    assert "Connected" in done.text and ZONE_NOTE not in done.text
    assert await zone_of(world) is None


async def test_an_empty_user_list_changes_nothing(world: BotWorld) -> None:
    world.sandbox.state.users.items.clear()
    _anna, done = await connect(world)
    assert "Connected" in done.text and ZONE_NOTE not in done.text
    assert await zone_of(world) is None


async def test_a_slow_user_list_does_not_hold_up_connecting(
    world: BotWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_admin_zone(world.sandbox, "Europe/Moscow")
    monkeypatch.setattr(tracker_services, "ZONE_LOOKUP_SECONDS", 0.2)
    world.sandbox.faults.latency = 0.5  # every answer: the check waits, the zone gives up
    anna = world.user()
    started = time.monotonic()
    done = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.api_key}")
    elapsed = time.monotonic() - started
    world.sandbox.faults.latency = 0.0
    assert "Connected" in done.text and ZONE_NOTE not in done.text
    assert await zone_of(world) is None
    # the check (0.5 s) and the menu's numbers (0.5 s each) plus at most 0.2 s for the zone
    assert elapsed < 0.5 + 0.2 + 3 * 0.5 + 1.0


# --- the guess itself -----------------------------------------------------------------------


def test_the_only_user_owns_the_key_whatever_their_type() -> None:
    only = {"id": 3, "login": "buyer", "type": "USER"}
    assert key_owner([only]) is only


def test_else_the_first_admin_owns_it() -> None:
    users = [
        {"id": 1, "login": "anna", "type": "USER"},
        {"id": 2, "login": "boss", "type": "ADMIN"},
        {"id": 3, "login": "zed", "type": "admin"},
    ]
    assert key_owner(users) == users[1]


@pytest.mark.parametrize(
    "users",
    [[], None, {"id": 1, "type": "ADMIN"}, "[]", [{"type": "USER"}, {"type": "USER"}], [1, 2]],
)
def test_no_owner_when_the_list_does_not_tell(users: Any) -> None:
    assert key_owner(users) is None


def test_the_owners_zone_is_a_real_iana_name_in_its_own_spelling() -> None:
    def users(zone: Any) -> list[dict[str, Any]]:
        return [{"id": 1, "type": "ADMIN", "preferences": {"language": "ru", "timezone": zone}}]

    assert owner_zone(users("Europe/Moscow")) == "Europe/Moscow"
    assert owner_zone(users(" europe/moscow ")) == "Europe/Moscow"
    assert owner_zone(users("UTC")) == "UTC"
    for bad in ("Mars/Olympus", "", None, "../../etc/passwd", 180):
        assert owner_zone(users(bad)) is None
    assert owner_zone([{"id": 1, "type": "ADMIN", "preferences": []}]) is None
    assert owner_zone([{"id": 1, "type": "ADMIN"}]) is None
