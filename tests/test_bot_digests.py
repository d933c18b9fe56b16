"""The /digest dialog through the real Dispatcher: a morning digest set up in a few taps and
delivered by the scheduler, typed values, chosen days, list actions, group targets, now; its
scope (a group, chosen campaigns), its content, and "Pause losing" under a delivered digest."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.digests.schedule import next_slot
from bot.digests.send import Outcome
from bot.emulator import EmulatedUser
from bot.handlers.digests.losing import MIN_SPEND
from bot.stats.periods import period_of
from bot.ui import format as fmt
from bot.ui.callbacks import DigestCb
from keitaro import KeitaroClient
from storage.digests import DigestRepository
from storage.models import Digest
from tests.bot_world import BotWorld
from tests.test_digest_delivery import (
    BERLIN,
    Clock,
    make_digest,
    nine_today,
    scheduler,
    sends_to,
)


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
    assert digest.spec == {"chart": True, "period": "yesterday", "ranking": True}
    slot = next_slot(digest.schedule, digest.timezone, datetime.now(UTC))
    runner = scheduler(world, Clock(slot.at + timedelta(seconds=30)))
    assert await runner.run_once() == 1
    last = anna.messages[-1]
    assert last.get("photo") and "☀️ Yesterday" in last["caption"]
    assert "Europe/Berlin" in last["caption"]  # the zone its "yesterday" was counted in
    buttons = str(anna.keyboard(last["message_id"]))
    assert "Open stats" in buttons and "Digest settings" in buttons
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
    card = await anna.click("✏️ 1")  # an edit: its card, one setting at a time
    assert "Editing the digest" in card.text and "New digest" not in card.text
    await anna.click("🕘 10:00")
    changed = await anna.send("08:15")
    assert "Editing the digest" in changed.text and "08:15" in changed.text
    await anna.click("Save")
    [edited] = await repo.list(anna.user["id"])
    assert edited.schedule["time"] == "08:15" and edited.id != digest.id
    assert edited.schedule["days"] == digest.schedule["days"]  # what was not edited stays
    listed = anna.messages[-1]["message_id"]
    count = len(anna.messages)
    await anna.click("▶️ Send 1 now")
    assert len(anna.messages) > count  # the digest itself, here and now
    await anna.click("🗑 1", message_id=listed)
    await anna.click("Delete", message_id=listed)
    assert await repo.list(anna.user["id"]) == []
    assert "No digests yet" in next(m for m in anna.messages if m["message_id"] == listed)["text"]


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


# ----- scope, content, and the buttons under a delivered digest ---------------------------


async def to_the_card(user: EmulatedUser, zone: str = "Europe/Berlin") -> None:
    for step in ("/digest", "New digest", "09:00", "Every day", zone):
        await (user.send(step) if step.startswith("/") else user.click(step))
    assert "Counts: everything" in user.last


def yesterday_of(slot: datetime) -> str:
    return (slot.astimezone(ZoneInfo(BERLIN)) - timedelta(days=1)).date().isoformat()


async def report_totals(
    client: KeitaroClient, day: str, filters: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The tracker's own numbers for ``day`` in Berlin, as the digest should show them."""
    scope = {"filters": filters} if filters else {}
    report = await client.call(
        "reports.build",
        range={"from": day, "to": day, "timezone": BERLIN},
        dimensions=[],
        measures=["clicks", "conversions", "revenue", "cost", "profit"],
        summary=True,
        **scope,
    )
    return dict(report.data.get("summary") or report.data["rows"][0])


async def losing_rows(client: KeitaroClient, day: str) -> list[dict[str, Any]]:
    report = await client.call(
        "reports.build",
        range={"from": day, "to": day, "timezone": BERLIN},
        dimensions=["campaign_id", "campaign"],
        measures=["profit", "cost"],
        limit=1000,
    )
    return [row for row in report.data["rows"] if row["profit"] < 0]


async def week_profit(client: KeitaroClient, now: datetime) -> dict[int, float]:
    report = await client.call(
        "reports.build",
        range=period_of("7d", BERLIN, now).as_range(),
        dimensions=["campaign_id"],
        measures=["profit"],
        limit=1000,
    )
    return {row["campaign_id"]: row["profit"] for row in report.data["rows"]}


def pause_count(screen: Any) -> int:
    """N of the question's "⏸ Pause N" button: how many campaigns are ticked."""
    label = next(b for b in screen.buttons if re.fullmatch(r"⏸ Pause \d+", b))
    return int(label.rsplit(" ", 1)[1])


async def campaign_states(client: KeitaroClient) -> dict[int, str]:
    campaigns = (await client.call("campaigns.list")).data
    return {
        row["id"]: (await client.call("campaigns.get", id=row["id"])).data["state"]
        for row in campaigns
    }


async def deliver_with_buttons(world: BotWorld, digest: Digest, clock: Clock) -> None:
    """The digest as the scheduler sends it (``/digest now`` style: no slot), buttons too."""
    assert await scheduler(world, clock).deliver(digest) is Outcome.SENT


def callback_sizes(world: BotWorld, chat_id: int) -> list[int]:
    return [
        len(button["callback_data"].encode())
        for message in world.telegram.messages(chat_id)
        for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []
        for button in row
        if "callback_data" in button
    ]


async def test_a_digest_scoped_to_a_group_counts_that_group_only(
    world: BotWorld, client: KeitaroClient
) -> None:
    groups = (await client.call("groups.list", type="campaigns")).data
    facebook = next(group for group in groups if group["name"] == "Facebook")
    await client.call("groups.update", id=facebook["id"], name="FB <main> & co")
    anna = await world.connected_user()
    await to_the_card(anna)
    await anna.click("Scope: everything")
    assert "What should the digest count?" in anna.last
    await anna.click("A campaign group")
    assert "Which campaign group?" in anna.last
    await anna.click("FB <main> & co")
    assert "Counts: FB <main> & co" in anna.last
    await anna.click("Save")
    assert "🗂 FB <main> & co" in anna.last  # the list says what the digest counts
    repo = DigestRepository(world.services.db)
    [digest] = await repo.list(anna.user["id"])
    scope = [{"name": "campaign_group_id", "operator": "EQUALS", "expression": facebook["id"]}]
    assert digest.spec["filters"] == scope and digest.spec["scope"] == "FB <main> & co"

    morning = nine_today()  # a digest of a whole day (the sandbox's traffic ends now)
    await deliver_with_buttons(world, digest, Clock(morning + timedelta(seconds=5)))
    text = anna.messages[-1].get("caption") or anna.messages[-1]["text"]
    day = yesterday_of(morning)
    mine, everything = await report_totals(client, day, scope), await report_totals(client, day)
    assert 0 < mine["clicks"] < everything["clicks"]
    assert "FB <main> & co" in text.split("\n")[0]
    assert f"Clicks {fmt.number(mine['clicks'])}" in text
    assert f"Conversions {fmt.number(mine['conversions'])}" in text
    assert f"Revenue {fmt.money(mine['revenue'], 'USD')}" in text
    assert fmt.money(mine["profit"], "USD", signed=True) in text

    await anna.send("/digest")  # editing keeps the scope
    await anna.click("✏️ 1")
    assert "Counts: FB <main> & co" in anna.last
    await anna.click("🕘 ")
    await anna.send("08:15")
    assert "Counts: FB <main> & co" in anna.last
    await anna.click("Save")
    [edited] = await repo.list(anna.user["id"])
    assert edited.spec["filters"] == scope and edited.schedule["time"] == "08:15"


async def page_to(user: EmulatedUser, label: str, pages: int) -> None:
    """Press ▶️ until a button with ``label`` is on the page."""
    for _ in range(pages):
        if any(label in text for row in user.keyboard() for text in row):
            return
        await user.click("▶️")
    raise AssertionError(f"{label!r} is on no page")


async def test_chosen_campaigns_page_through_hundreds(
    world: BotWorld, client: KeitaroClient
) -> None:
    for n in range(300):
        world.sandbox.state.campaigns.create({"name": f"Bulk {n:03d}", "state": "active"})
    campaigns = {row["name"]: row["id"] for row in (await client.call("campaigns.list")).data}
    pages = -(-len(campaigns) // 10)
    anna = await world.connected_user()
    await to_the_card(anna)
    await anna.click("Scope: everything")
    await anna.click("Chosen campaigns")
    assert f"chosen: 0 · page 1 of {pages}" in anna.last
    toggles = [label for row in anna.keyboard() for label in row if label.startswith("▫️")]
    assert len(toggles) == 10 and "◀️" not in str(anna.keyboard())
    nothing = await anna.click("Done (0)")
    assert "Choose at least one campaign" in nothing.alerts
    await page_to(anna, "Bulk 007", pages)
    await anna.click("Bulk 007")
    assert "✅ Bulk 007" in str(anna.keyboard()) and "chosen: 1" in anna.last
    await anna.click("Bulk 008")
    await anna.click("Bulk 008")  # and off again
    assert "▫️ Bulk 008" in str(anna.keyboard())
    seeded = next(name for name in campaigns if not name.startswith("Bulk"))
    await page_to(anna, "Bulk 299", pages)
    await page_to(anna, seeded, pages)
    assert "▶️" not in str(anna.keyboard()) or seeded in str(anna.keyboard())
    await anna.click(seeded)
    await anna.click("◀️")  # back a page: the choice is kept
    await anna.click("▶️")
    assert f"✅ {seeded}" in str(anna.keyboard()) and "chosen: 2" in anna.last
    await anna.click("Done (2)")
    assert "Counts: 2 campaigns" in anna.last
    await anna.click("Save")
    assert "🗂 2 campaigns" in anna.last
    [digest] = await DigestRepository(world.services.db).list(anna.user["id"])
    chosen = sorted([campaigns["Bulk 007"], campaigns[seeded]])
    assert digest.spec["filters"] == [
        {"name": "campaign_id", "operator": "IN_LIST", "expression": chosen}
    ]
    assert max(callback_sizes(world, anna.chat_id)) <= 64


def earning_yesterday(world: BotWorld, today: Any) -> None:
    """A sale on one of yesterday's clicks: the seeded traffic of a small day may have no
    conversion at all, and "Earning most" needs a campaign that earns."""
    zone = ZoneInfo("Europe/Berlin")
    state = world.sandbox.state
    day = today - timedelta(days=1)
    click = next(c for c in state.clicks if datetime.fromtimestamp(c.ts, zone).date() == day)
    state.add_conversion(
        click, tid=None, status="sale", previous_status=None, original_status="approved",
        revenue=500.0, postback_ts=click.ts + 60, sale_ts=click.ts + 60, params={},
    )  # fmt: skip


async def test_top_and_bottom_can_be_left_out(world: BotWorld) -> None:
    anna = await world.connected_user()
    await to_the_card(anna)
    assert "best and losing campaigns" in anna.last
    await anna.click("Top & bottom: on")
    assert "Top & bottom: off" in str(anna.keyboard())
    assert "best and losing" not in anna.last and "Content: totals with change" in anna.last
    await anna.click("Save")
    [plain] = await DigestRepository(world.services.db).list(anna.user["id"])
    assert plain.spec["ranking"] is False
    ranked = await make_digest(world, anna.user["id"])  # the default: with the ranking
    slot = next_slot(plain.schedule, plain.timezone, datetime.now(UTC))
    earning_yesterday(world, slot.at.astimezone(ZoneInfo(plain.timezone)).date())
    assert await scheduler(world, Clock(slot.at + timedelta(seconds=5))).run_once() == 2
    with_ranking, without = sorted(
        (m.get("caption") or m["text"] for m in anna.messages[-2:]), key=len, reverse=True
    )
    assert ranked.spec.get("ranking", True)
    assert "Earning most:" in with_ranking and "Losing most:" in with_ranking
    assert "Earning most:" not in without and "Losing most:" not in without
    assert without.split("\n")[1] == with_ranking.split("\n")[1]  # the same totals


async def test_a_tracker_failing_while_picking_keeps_the_draft(world: BotWorld) -> None:
    anna = await world.connected_user()
    await to_the_card(anna)
    await anna.click("Chart: on")  # something the draft must not lose
    await anna.click("Scope: everything")
    world.sandbox.faults.fail_5xx = 3  # every attempt of one read
    await anna.click("A campaign group")
    assert "Could not get the list from" in anna.last and "settings are kept" in anna.last
    assert (await anna.data())["digest"]["chart"] is False
    await anna.click("Retry")
    await anna.click("Facebook")
    assert "Counts: Facebook" in anna.last and "Chart: off" in str(anna.keyboard())
    world.sandbox.faults.fail_5xx = 3
    await anna.click("Scope: Facebook")
    await anna.click("Chosen campaigns")
    assert "Could not get the list" in anna.last
    await anna.click("Back")
    await anna.click("Back")
    assert "Counts: Facebook" in anna.last


async def test_another_tracker_resets_the_scope(world: BotWorld) -> None:
    anna = await world.connected_user()
    await to_the_card(anna)
    await anna.click("Scope: everything")
    await anna.click("A campaign group")
    await anna.click("Search")
    await anna.click("Save")
    second = world.sandbox.url.replace("127.0.0.1", "localhost")
    await anna.send(f"/connect {second} {world.sandbox.api_key}")
    assert len(await world.services.trackers.list(anna.user["id"])) == 2
    await anna.send("/digest")
    await anna.click("✏️ 1")
    await anna.click("🗄 Tracker")
    [first] = [label for row in anna.keyboard() for label in row if "localhost" not in label][:1]
    await anna.click(first)  # the tracker the group was chosen on: the scope stays
    assert "Counts: Search" in anna.last
    await anna.send("/digest")
    await anna.click("✏️ 1")
    await anna.click("🗄 Tracker")
    await anna.click("localhost")
    assert "scope is back to everything" in anna.last and "Counts: everything" in anna.last
    await anna.click("Save")
    [digest] = await DigestRepository(world.services.db).list(anna.user["id"])
    assert "filters" not in digest.spec


async def test_stale_scope_buttons_answer_sensibly(world: BotWorld) -> None:
    anna = await world.connected_user()
    await to_the_card(anna)
    card = anna.messages[-1]["message_id"]
    await anna.click("Save")
    for data in (
        DigestCb(op="o", arg="grp").pack(),
        DigestCb(op="M", id=1, arg="0").pack(),
        DigestCb(op="F").pack(),
        DigestCb(op="G", id=1).pack(),
    ):
        await anna.click_data(data, card)
        assert "Your digests" in anna.last and "Saved" not in anna.last
    assert not anna.unanswered


async def test_pause_losing_ticks_what_loses_over_the_threshold_and_pauses_exactly_those(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    clock = Clock(nine_today())
    world.services.clock = clock  # the button reads "yesterday" as the digest did
    await deliver_with_buttons(world, digest, clock)
    before = await campaign_states(client)
    losing = [
        row
        for row in await losing_rows(client, yesterday_of(clock()))
        if before.get(int(row["campaign_id"])) == "active"
    ]
    assert losing, "the sandbox has running campaigns that lose money every day"
    week = await week_profit(client, clock())
    ticked = {
        int(row["campaign_id"])
        for row in losing
        if row["cost"] >= MIN_SPEND and week.get(int(row["campaign_id"]), 0) <= 0
    }
    assert ticked, "some of them lose over the minimum spend"
    count = len(losing)
    sent = anna.messages[-1]
    assert f"Pause losing ({count})" in str(anna.keyboard())
    assert "Open stats" in str(anna.keyboard()) and "Digest settings" in str(anna.keyboard())
    question = await anna.click(f"Pause losing ({count})")
    assert "Which losing campaigns should I pause?" in question.text
    for row in losing:
        assert f"{row['campaign']} {fmt.money(row['profit'], 'USD', signed=True)}" in question.text
    profitable = [r for r in losing if week.get(int(r["campaign_id"]), 0) > 0]
    if profitable:  # never ticked without saying so
        assert "over the last 7 days: not ticked" in question.text
    assert question.text.count("☑️") == len(ticked) == pause_count(question)
    assert anna.messages[-2] == sent  # the digest stays as it was
    # untick one and tick it again: the count follows
    number = question.buttons.index(next(b for b in question.buttons if b.startswith("☑️")))
    unticked = await anna.click(question.buttons[number])
    assert pause_count(unticked) == len(ticked) - 1
    again = await anna.click(unticked.buttons[number])
    assert pause_count(again) == len(ticked)
    done = await anna.click(f"Pause {len(ticked)}")
    assert f"Paused {len(ticked)} of {len(ticked)}" in done.text
    after = await campaign_states(client)
    assert {cid for cid in after if after[cid] != before[cid]} == ticked
    assert all(after[cid] == "disabled" for cid in ticked)
    undone = await anna.click("Undo")
    assert f"Resumed {len(ticked)} of {len(ticked)}" in undone.text
    assert await campaign_states(client) == before
    stale_undo = await anna.click_data(
        DigestCb(op="U", id=digest.id, arg=str(anna.user["id"])).pack(), sent["message_id"]
    )
    assert "out of date" in stale_undo and await campaign_states(client) == before
    await anna.click(f"Pause losing ({count})", message_id=sent["message_id"])
    await anna.click(f"Pause {len(ticked)}")
    again = await anna.click_data(
        DigestCb(op="Z", id=digest.id, arg=str(anna.user["id"])).pack(), sent["message_id"]
    )
    assert "out of date" in again  # answered already: asked afresh, nothing to repeat
    assert "⏸ Pause 0" in str(anna.keyboard(again.messages[-1]["message_id"])) or (
        "are paused already" in again.text
    )


async def test_pause_losing_is_for_the_owner_only(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    group = -100_555
    world.telegram.add_chat({"id": group, "type": "supergroup", "title": "Team"})
    digest = await make_digest(world, anna.user["id"], chat_id=group)
    clock = Clock(nine_today())
    world.services.clock = clock
    await deliver_with_buttons(world, digest, clock)
    before = await campaign_states(client)
    bob = EmulatedUser(
        world.dp, world.bot, world.telegram, user_id=3003, first_name="Bob",
        language_code="en", chat_id=group,
    )  # fmt: skip
    anna_there = EmulatedUser(
        world.dp, world.bot, world.telegram, user_id=anna.user["id"], first_name="Anna",
        language_code="en", chat_id=group,
    )  # fmt: skip
    world.users += [bob, anna_there]
    count = len(world.telegram.messages(group))
    refused = await bob.click("Pause losing")
    assert any("Only the owner" in alert for alert in refused.alerts)
    assert len(world.telegram.messages(group)) == count and not refused.messages
    forged = DigestCb(op="Z", id=digest.id, arg="3003").pack()
    message = world.telegram.messages(group)[-1]["message_id"]
    assert "no longer exists" in await bob.click_data(forged, message)
    question = await anna_there.click("Pause losing")
    assert "Which losing campaigns" in question.text
    # her question, his tap: her screen is not his to press (the group's screen owners)
    assert "another member" in await bob.click("⏸ Pause")
    assert "another member" in await bob.click("Keep them running")
    await anna_there.click("Keep them running")
    assert "Nothing was paused" in anna_there.last
    assert await campaign_states(client) == before


async def test_pause_losing_says_what_failed_and_keeps_the_digest(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    digest = await make_digest(world, anna.user["id"])
    clock = Clock(nine_today())
    world.services.clock = clock
    await deliver_with_buttons(world, digest, clock)
    sent = anna.messages[-1]
    await anna.click("Digest settings")  # the list comes below; the digest stays
    assert "Your digests" in anna.last and anna.messages[-2] == sent
    world.sandbox.faults.fail_5xx = 3  # the tracker is down when the button is pressed
    failed = await anna.click("Pause losing", message_id=sent["message_id"])
    assert "Could not get the numbers from" in failed.text
    question = await anna.click("Retry")
    assert "Which losing campaigns" in question.text
    before = await campaign_states(client)
    world.sandbox.faults.fail_5xx = 1  # the first pause fails, the others go through
    count = pause_count(question)
    done = await anna.click("⏸ Pause")
    assert f"Paused {count - 1} of {count}" in done.text and done.text.count("⚠️") == 1
    after = await campaign_states(client)
    assert sum(after[cid] != before[cid] for cid in after) == count - 1
    await DigestRepository(world.services.db).delete(anna.user["id"], digest.id)
    gone = await anna.click("Pause losing", message_id=sent["message_id"])
    assert "no longer exists" in gone and not gone.messages


async def test_typing_where_a_tap_is_wanted_keeps_the_dialog(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/digest")
    await anna.click("New digest")
    await anna.click("08:00")
    hint = await anna.send("every day please")
    assert "Tap one of the buttons above" in hint.text
    assert await anna.state() == "DigestDialog:days"
    await anna.click("Weekdays")
    card = await anna.send("europe/moscow")  # any spelling of a zone name
    assert "Europe/Moscow" in card.text
    await anna.click("Another chat")
    assert await anna.state() == "DigestDialog:target"
    back = await anna.click("Back")
    assert "08:00" in back.text and "Europe/Moscow" in back.text
    assert await anna.state() == "DigestDialog:confirm"
    await anna.send("hello")
    assert "Tap one of the buttons above" in anna.last
    saved = await anna.click("Save")
    assert "Saved" in saved.text
