"""Several trackers: add, switch, rename, test, set the postback key, remove with a question."""

from __future__ import annotations

from tests.bot_world import BotWorld


async def test_managing_several_trackers(world: BotWorld) -> None:
    anna = await world.connected_user()
    other = world.sandbox.url.replace("127.0.0.1", "localhost")  # a second address, same server
    second = await anna.send(f"/connect {other} {world.sandbox.restricted_key}")
    assert "Connected" in second.text
    listed = await anna.send("/trackers")
    host = world.sandbox.url.removeprefix("http://")
    other_host = other.removeprefix("http://")
    assert f"✅ {other_host}" in listed.buttons  # the newest is active
    assert f"▫️ {host}" in listed.buttons

    first = await anna.click(f"▫️ {host}")
    assert "Use this one" in " ".join(first.buttons)
    used = await anna.click("Use this one")
    assert "Use this one" not in " ".join(used.buttons)
    menu = await anna.send("/campaigns")
    assert "24 in all" in menu.text  # the admin key's tracker again

    await anna.send("/trackers")
    await anna.click(f"✅ {host}")
    await anna.click("Rename")
    renamed = await anna.send("Main tracker")
    assert "Main tracker" in renamed.text
    taken = await anna.click("Rename")
    assert taken is not None
    clash = await anna.send(other_host)
    assert "already have a tracker" in clash.text
    await anna.send("/cancel")

    await anna.send("/trackers")
    await anna.click("Main tracker")
    tested = await anna.click("Test")
    assert "answers" in tested.text

    asked = await anna.click("Remove")
    assert "Remove" in asked.text
    kept = await anna.click("No, keep it")
    assert "Main tracker" in kept.text
    await anna.click("Remove")
    removed = await anna.click("Yes, remove")
    assert "Removed" in removed.text
    assert await world.services.trackers.count(anna.user["id"]) == 1
    menu = await anna.send("/menu")
    assert "No tracker is connected" in menu.text or "Today" in menu.text


async def test_a_tracker_that_stopped_working_is_reported_by_test(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/trackers")
    await anna.click(world.sandbox.url.removeprefix("http://"))
    world.sandbox.faults.cloudflare = True
    tested = await anna.click("Test")
    assert "Cloudflare" in tested.text


async def test_the_postback_key_from_a_whole_url_or_garbage(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/trackers")
    await anna.click(world.sandbox.url.removeprefix("http://"))
    await anna.click("Postback key")
    wrong = await anna.send("this is not it")
    assert "neither a postback URL" in wrong.text
    saved = await anna.send(f"{world.sandbox.postback_url}?subid={{subid}}&status={{status}}")
    assert "Postback key saved" in saved.text
    assert "Postback key: yes" in saved.text
    assert saved.deleted


async def test_connecting_the_same_tracker_again_replaces_its_key(world: BotWorld) -> None:
    anna = await world.connected_user()
    again = await anna.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    assert "New key saved" in again.text
    assert await world.services.trackers.count(anna.user["id"]) == 1
    campaigns = await anna.send("/campaigns")
    assert "5 in all" in campaigns.text  # the restricted key is the one in use now
