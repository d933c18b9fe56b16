"""The user and their active tracker are read from memory on most updates (``storage.memo``);
whatever the user changes is seen by the very next update, through the real Dispatcher."""

from __future__ import annotations

from storage import UserRepository
from storage.memo import MISS, RowMemo
from tests.bot_world import BotWorld


async def test_every_change_is_seen_by_the_next_update(world: BotWorld) -> None:
    anna = await world.connected_user(language="en")
    admin_view = (await anna.send("/campaigns")).text
    assert "24 in all" in admin_view
    # a second tracker (the buyer key) becomes active at once
    other = world.sandbox.url.replace("127.0.0.1", "localhost")
    assert "Connected" in (await anna.send(f"/connect {other} {world.sandbox.restricted_key}")).text
    assert (await anna.send("/campaigns")).text != admin_view
    # switching back is seen at once
    host = world.sandbox.url.removeprefix("http://")
    await anna.send("/trackers")
    await anna.click(f"▫️ {host}")
    await anna.click("Use this one")
    assert "24 in all" in (await anna.send("/campaigns")).text
    # a new key for the same tracker: the next call uses it (the buyer key sees less)
    await anna.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    assert "24 in all" not in (await anna.send("/campaigns")).text
    # the language
    await anna.send("/lang")
    await anna.click("Русский")
    assert "Сегодня" in (await anna.send("/menu")).text
    # removing the active tracker: the next update has none
    [active] = [b for b in (await anna.send("/trackers")).buttons if b.startswith("✅")]
    await anna.click(active)
    await anna.click("Удалить")
    await anna.click("Да, удалить")
    menu = await anna.send("/menu")
    assert host not in menu.text.split("\n")[0]


async def test_plain_updates_read_the_user_and_tracker_from_memory(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/help")
    memo = world.services.db.memo
    misses = memo.misses
    for _ in range(5):
        await anna.send("/help")
    assert memo.misses == misses  # five updates, no user or tracker read from SQLite
    assert memo.hits >= 10


async def test_a_read_that_raced_a_write_does_not_keep_the_old_row(world: BotWorld) -> None:
    db = world.services.db
    users, others = UserRepository(db), UserRepository(db)  # two repositories, one memo
    await users.ensure(5005, "en")
    assert (await others.get(5005)).language == "en"
    await users.set_language(5005, "ru")
    assert (await others.get(5005)).language == "ru"  # the write forgot the shared row
    memo = RowMemo()
    generation = memo.generation("k")  # a read starts...
    memo.forget("k")  # ...a write lands meanwhile...
    memo.put("k", "old row", generation)  # ...the read's row is not kept
    assert memo.get("k") is MISS


async def test_a_tracker_is_never_served_to_another_owner(world: BotWorld) -> None:
    trackers = world.services.trackers
    made = await trackers.add(7001, "Mine", "https://t.example.com", "k" * 20)
    assert (await trackers.get(7001, made.id)) is not None  # now in memory
    assert (await trackers.get(7002, made.id)) is None
    assert await trackers.remove(7001, made.id)
    assert (await trackers.get(7001, made.id)) is None
