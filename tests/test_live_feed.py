"""The live feed end to end: the sandbox records conversions at the test's time, the
scheduler polls it, the fake Telegram shows what the buyer would see."""

from __future__ import annotations

from datetime import timedelta

from bot.ui import format as fmt
from bot.ui.countries import country_label
from tests.bot_world import BotWorld
from tests.live_world import Clock, live_user, texts, told_click_ids


async def test_a_sale_arrives_once_with_its_campaign_and_money(any_world: BotWorld) -> None:
    world = any_world  # on SQLite, then on PostgreSQL
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    assert await live.tick() == 1
    before = len(live.user.messages)
    assert before == live.user.messages.__len__()  # nothing old is news
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=45.0, at=clock())
    await live.tick()
    [text] = texts(live.user, before)
    assert text.startswith("💰 Sale +$45.00")
    campaign = world.sandbox.state.campaigns.items[1]["name"]
    assert f"{campaign} (#1)" in text and sale.click.sub_id in text
    assert country_label(sale.click.country_code, "en") in text  # 🇩🇪 Germany
    assert "click" in text and "conversion" in text
    labels = str(live.user.keyboard())
    assert "Campaign" in labels and "Click trail" in labels and "Mute 1 h" in labels
    for _ in range(3):  # the overlap reads it again: it is not told again
        await live.tick()
    assert len(live.user.messages) == before + 1


async def test_what_was_there_before_the_feed_was_on_is_not_news(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    world.sandbox.inject(campaign_id=1, status="sale", at=clock() - timedelta(minutes=5))
    before = len(live.user.messages)
    await live.turn_on()
    await live.tick()
    await live.tick()
    assert len(live.user.messages) == before


async def test_late_conversions_inside_the_overlap_are_told(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    # postback at now, but Keitaro's queue shows it only four minutes later
    late = world.sandbox.inject(
        campaign_id=3, status="lead", at=clock(), visible_at=clock() + timedelta(minutes=4)
    )
    await live.tick()
    assert len(live.user.messages) == before  # not visible yet
    for _ in range(8):
        await live.tick()
    assert [sub for sub, _ in told_click_ids(live.user)] == [late.click.sub_id]


async def test_lead_then_sale_then_rejected_are_three_events_replying_to_the_first(
    world: BotWorld,
) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    lead = world.sandbox.inject(campaign_id=1, status="lead", revenue=0, at=clock())
    await live.tick()
    world.sandbox.change_status(lead.id, "sale", revenue=45.0, at=clock())
    await live.tick()
    world.sandbox.change_status(lead.id, "rejected", at=clock())
    await live.tick()
    messages = live.user.messages[before:]
    heads = [m["text"].split("\n")[0] for m in messages]
    assert heads == ["⏳ Lead", "🔁 Lead → Sale +$45.00", "🔁 Sale → Rejected −$45.00"]
    first = messages[0]["message_id"]
    assert messages[1]["reply_to_message"]["message_id"] == first
    assert messages[2]["reply_to_message"]["message_id"] == first  # the lead, not the sale


async def test_a_sale_overwritten_by_a_lead_is_reported(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=38.0, at=clock())
    await live.tick()
    world.sandbox.change_status(sale.id, "lead", at=clock())
    await live.tick()
    # one the feed never saw as a sale: Keitaro's previous_status says what it was
    other = world.sandbox.inject(campaign_id=2, status="sale", revenue=22.0, at=clock())
    world.sandbox.change_status(other.id, "lead", at=clock())
    await live.tick()
    heads = [text.split("\n")[0] for text in texts(live.user, before)]
    assert heads[0].startswith("💰 Sale")
    assert heads[1].startswith("⚠️ Sale → lead") and "$38.00" in heads[1]
    assert heads[2].startswith("⚠️ Sale → lead")


async def test_statuses_and_minimum_revenue_choose_what_is_told(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on(statuses=["sale", "rejected"], min_revenue=20)
    await live.tick()
    before = len(live.user.messages)
    world.sandbox.inject(campaign_id=1, status="lead", revenue=50, at=clock())
    small = world.sandbox.inject(campaign_id=1, status="sale", revenue=5, at=clock())
    big = world.sandbox.inject(campaign_id=1, status="sale", revenue=90, at=clock())
    await live.tick()
    world.sandbox.change_status(small.id, "rejected", at=clock())  # money back: always told
    await live.tick()
    told = told_click_ids(live.user)
    assert [sub for sub, _ in told] == [big.click.sub_id, small.click.sub_id]
    assert len(live.user.messages) == before + 2


async def test_a_burst_becomes_one_message_with_totals_and_the_biggest(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    for n in range(14):
        world.sandbox.inject(campaign_id=1 + n % 3, status="sale", revenue=10 + n, at=clock())
    world.sandbox.inject(campaign_id=4, status="lead", revenue=0, at=clock())
    await live.tick()
    [text] = texts(live.user, before)
    assert "15 new conversions in a minute" in text
    assert f"Sale: 14 · {fmt.money(sum(10 + n for n in range(14)))}" in text
    assert "Lead: 1" in text and "Biggest:" in text and "+$23.00" in text
    await live.tick()
    assert len(live.user.messages) == before + 1


async def test_quiet_hours_hold_and_summarise_when_they_end(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    local = clock().astimezone()  # the user's zone is UTC: quiet from now for two minutes
    start = clock().strftime("%H:%M")
    end = (clock() + timedelta(minutes=2)).strftime("%H:%M")
    assert local is not None
    await live.turn_on(quiet={"from": start, "to": end})
    await live.tick(0)
    before = len(live.user.messages)
    world.sandbox.inject(campaign_id=1, status="sale", revenue=30, at=clock())
    world.sandbox.inject(campaign_id=2, status="lead", revenue=0, at=clock())
    await live.tick()
    await live.tick()
    assert len(live.user.messages) == before  # held
    await live.tick(90)  # quiet hours are over
    [text] = texts(live.user, before)
    assert "Quiet hours are over" in text and "2 conversions" in text
    assert "Sale: 1 · $30.00" in text
    await live.tick()
    assert len(live.user.messages) == before + 1


async def test_muting_a_campaign_mutes_it_and_only_it(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    world.sandbox.inject(campaign_id=1, status="sale", revenue=10, at=clock())
    await live.tick()
    notification = live.user.messages[-1]
    await live.user.click("Mute 1 h", message_id=notification["message_id"])
    assert "Unmute" in str(live.user.keyboard(notification["message_id"]))
    before = len(live.user.messages)
    muted = world.sandbox.inject(campaign_id=1, status="sale", revenue=11, at=clock())
    other = world.sandbox.inject(campaign_id=2, status="sale", revenue=12, at=clock())
    await live.tick()
    told = [sub for sub, _ in told_click_ids(live.user)]
    assert other.click.sub_id in told and muted.click.sub_id not in told
    assert len(live.user.messages) == before + 1
    for _ in range(120):  # the hour is over
        await live.tick()
    again = world.sandbox.inject(campaign_id=1, status="sale", revenue=13, at=clock())
    await live.tick()
    assert again.click.sub_id in [sub for sub, _ in told_click_ids(live.user)]


async def test_a_restart_between_claim_and_send_sends_it_once(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=45, at=clock())

    await live.crash("tell_one")  # the process dies after the claim, before the send
    await live.tick()  # the claim is young: it may be someone's send in progress
    assert len(live.user.messages) == before
    for _ in range(5):
        await live.tick()
    assert [sub for sub, _ in told_click_ids(live.user)] == [sale.click.sub_id]


async def test_a_tracker_down_for_twenty_minutes_is_told_once_and_its_return_once(
    world: BotWorld,
) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    world.sandbox.faults.fail_5xx = 10_000
    asked = world.sandbox.count("POST", "/conversions/log")
    for _ in range(40):  # twenty minutes of ticks
        await live.tick()
    down = texts(live.user, before)
    assert len(down) == 1 and "cannot read" in down[0]
    # backed off (30 s doubling to 5 min): 7 polls, not 40, each tried 3 times by the client
    assert world.sandbox.count("POST", "/conversions/log") - asked <= 8 * 3
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=45, at=clock())
    world.sandbox.faults.fail_5xx = 0
    for _ in range(12):  # the backoff is at most five minutes
        await live.tick()
    after = texts(live.user, before)
    assert sum("answers again" in text for text in after) == 1
    assert any(sale.click.sub_id in text or "Sale: 1" in text for text in after)


async def test_a_custom_status_is_told_and_offered_in_the_settings(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    world.sandbox.inject(campaign_id=1, status="deposit", revenue=120, at=clock())
    await live.tick()
    [text] = texts(live.user, before)
    assert text.startswith("🏷 deposit +$120.00")
    assert "deposit" in (await live.feed()).seen_statuses
    await live.user.send("/live")
    await live.user.click("Statuses")
    assert "deposit" in str(live.user.keyboard())


async def test_a_feed_aimed_at_a_group_tells_the_group(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    group = -100777
    world.telegram.add_chat({"id": group, "type": "supergroup", "title": "Team"})
    await live.turn_on(chat_id=group)
    await live.tick()
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=9, at=clock())
    await live.tick()
    [message] = world.telegram.messages(group)
    assert sale.click.sub_id in message["text"]
    assert sale.click.sub_id not in "".join(texts(live.user))
