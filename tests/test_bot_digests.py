"""The /digest dialog through the real Dispatcher: a morning digest set up in a few taps and
delivered by the scheduler, typed values, chosen days, list actions, group targets, now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digests.schedule import next_slot
from storage.digests import DigestRepository
from tests.bot_world import BotWorld
from tests.test_digest_delivery import Clock, scheduler, sends_to


async def test_a_buyer_sets_a_morning_digest_in_a_few_taps_and_it_arrives(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    steps = [
        anna.send("/digest"),
        anna.click("New digest"),
        anna.click("09:00"),
        anna.click("Every day"),
        anna.click("Europe/Berlin"),
        anna.click("Save"),
    ]
    for step in steps:
        await step
    assert len(steps) <= 7  # well under a minute of tapping
    assert "Saved. Next digest:" in anna.last and "09:00" in anna.last
    [digest] = await DigestRepository(world.services.db).list(anna.user["id"])
    assert digest.schedule == {"time": "09:00", "days": [0, 1, 2, 3, 4, 5, 6]}
    assert digest.timezone == "Europe/Berlin" and digest.chat_id == anna.user["id"]
    assert digest.spec == {"chart": True, "period": "yesterday"}
    slot = next_slot(digest.schedule, digest.timezone, datetime.now(UTC))
    runner = scheduler(world, Clock(slot.at + timedelta(seconds=30)))
    assert await runner.run_once() == 1
    last = anna.messages[-1]
    assert last.get("photo") and "☀️ Yesterday" in last["caption"]
    assert await runner.run_once() == 0


async def test_typed_time_chosen_days_and_a_typed_time_zone(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/digest")
    await anna.click("New digest")
    wrong = await anna.send("25:99")
    assert "is not a time of day" in wrong.text
    await anna.send("7:45")
    assert "At 07:45" in anna.last
    await anna.click("Choose days")
    await anna.click("Tue")
    await anna.click("Sun")
    await anna.click("Done")
    bad = await anna.send("Mars/Olympus")
    assert "is not a time zone" in bad.text
    await anna.send("America/New_York")
    assert "07:45 Tue, Sun · America/New_York" in anna.last
    await anna.click("Chart: on")
    assert "Chart: off" in str(anna.keyboard())
    await anna.click("Save")
    [digest] = await DigestRepository(world.services.db).list(anna.user["id"])
    assert digest.schedule == {"time": "07:45", "days": [1, 6]}
    assert digest.spec["chart"] is False and digest.timezone == "America/New_York"


async def test_pause_resume_edit_and_delete_from_the_list(world: BotWorld) -> None:
    anna = await world.connected_user()
    for step in ("/digest", "New digest", "10:00", "Weekdays", "UTC", "Save"):
        await (anna.send(step) if step.startswith("/") else anna.click(step))
    repo = DigestRepository(world.services.db)
    [digest] = await repo.list(anna.user["id"])
    await anna.click("⏸ 1")
    assert (await repo.get(anna.user["id"], digest.id)).paused
    assert "paused" in anna.last
    await anna.click("▶️ 1")
    assert not (await repo.get(anna.user["id"], digest.id)).paused
    await anna.click("✏️ 1")
    await anna.send("08:15")
    await anna.click("Every day")
    await anna.click("UTC")
    await anna.click("Save")
    [edited] = await repo.list(anna.user["id"])
    assert edited.schedule["time"] == "08:15" and edited.id != digest.id
    await anna.click("🗑 1")
    await anna.click("Delete")
    assert await repo.list(anna.user["id"]) == []
    assert "No digests yet" in anna.last


async def test_a_group_target_needs_an_admin_and_the_bot(world: BotWorld) -> None:
    anna = await world.connected_user()
    group = -100_777
    for step in ("/digest", "New digest", "09:00", "Every day", "UTC"):
        await (anna.send(step) if step.startswith("/") else anna.click(step))
    await anna.click("Another chat")
    unknown = await anna.send(str(group))
    assert "not an administrator" in unknown.text
    world.telegram.add_chat({"id": group, "type": "supergroup", "title": "Team"})
    not_admin = await anna.send(str(group))
    assert "not an administrator" in not_admin.text
    world.telegram.set_admins(group, {anna.user["id"]})
    await anna.send(str(group))
    assert f"chat {group}" in anna.last
    await anna.click("Save")
    [digest] = await DigestRepository(world.services.db).list(anna.user["id"])
    assert digest.chat_id == group
    methods = [call.method for call in world.telegram.calls]
    assert methods.count("getChatMember") >= 2


async def test_digest_now_sends_one_immediately(world: BotWorld) -> None:
    anna = await world.connected_user()
    before = len(sends_to(world, anna.user["id"]))
    await anna.send("/digest now")
    assert "☀️ Yesterday" in anna.last
    assert len(sends_to(world, anna.user["id"])) >= before + 1


async def test_russian_dialog(world: BotWorld) -> None:
    ivan = await world.connected_user(2002, language="ru")
    await ivan.send("/digest")
    assert "Сводок пока нет" in ivan.last
    await ivan.click("Новая сводка")
    assert "Во сколько?" in ivan.last


async def test_the_scheduler_starts_and_stops_with_the_dispatcher(world: BotWorld) -> None:
    assert world.services.scheduler is None
    await world.dp.emit_startup(bot=world.bot)
    scheduler = world.services.scheduler
    assert scheduler is not None and scheduler._loop is not None and not scheduler._loop.done()
    await world.dp.emit_shutdown(bot=world.bot)
    assert scheduler._loop is None
