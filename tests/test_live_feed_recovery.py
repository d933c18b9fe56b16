"""The live feed when things go wrong: downtime, a blocked chat, Telegram's flood control,
thousands of conversions at once, other users' trackers and forged buttons, and the daily
count against the tracker's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.ui.callbacks import LiveCb
from tests.bot_world import BotWorld
from tests.live_world import Clock, live_user, texts, told_click_ids


async def test_after_two_hours_down_what_was_missed_is_one_summary(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    for minutes in (100, 60, 20):
        world.sandbox.inject(
            campaign_id=1, status="sale", revenue=minutes, at=clock() + timedelta(minutes=minutes)
        )
    clock.advance(2 * 3600)  # the bot was down
    await live.restart()
    await live.tick()
    [text] = texts(live.user, before)
    assert "While I was away" in text and "3 conversions" in text and "Sale: 3 · $180.00" in text
    assert "+$100.00" in text  # the biggest are listed
    await live.tick()
    assert len(live.user.messages) == before + 1


async def test_beyond_six_hours_it_says_how_many_it_skipped(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    start = clock()
    for hours in (1, 2, 3):  # more than six hours before the restart
        world.sandbox.inject(campaign_id=1, status="sale", at=start + timedelta(hours=hours))
    world.sandbox.inject(campaign_id=2, status="lead", at=start + timedelta(hours=9))
    clock.advance(10 * 3600)
    await live.restart()
    await live.tick()
    [text] = texts(live.user, before)
    assert "1 conversion" in text and "Lead: 1" in text
    assert "3 conversions before" in text and "were not sent" in text
    [(gap_from, gap_to)] = (await live.feed()).gaps  # the daily count will say why
    assert gap_from == start and gap_to == clock() - timedelta(hours=6)


async def test_a_chat_that_blocked_the_bot_pauses_its_feed(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    world.telegram.block(live.user.chat_id)
    world.sandbox.inject(campaign_id=1, status="sale", at=clock())
    await live.tick()
    assert (await live.feed()).blocked
    asked = world.sandbox.count("POST", "/conversions/log")
    for _ in range(4):
        await live.tick()
    assert world.sandbox.count("POST", "/conversions/log") == asked  # not polled any more
    feed = await live.feed()  # a setting changed meanwhile does not end the pause
    await world.services.live.save(
        feed.owner_id, feed.tracker_id, chat_id=feed.chat_id,
        settings={**feed.settings, "burst": 20}, enabled=True, now=clock(),
    )  # fmt: skip
    assert (await live.feed()).blocked
    world.telegram.unblock(live.user.chat_id)
    await live.turn_on()  # /live on again: it starts from now
    before = len(live.user.messages)
    fresh = world.sandbox.inject(campaign_id=1, status="sale", at=clock())
    await live.tick()
    assert [sub for sub, _ in told_click_ids(live.user)] == [fresh.click.sub_id]
    assert len(live.user.messages) == before + 1


async def test_telegram_flood_control_is_waited_out_and_nothing_is_doubled(
    world: BotWorld,
) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    world.telegram.clock = clock.timestamp
    world.telegram.rate_limit = 3  # a second
    await live.turn_on(burst=50)
    await live.tick()
    made = [
        world.sandbox.inject(campaign_id=1 + n % 4, status="sale", revenue=n, at=clock())
        for n in range(8)
    ]
    await live.tick()
    told = [sub for sub, _ in told_click_ids(live.user)]
    assert sorted(told) == sorted(made_one.click.sub_id for made_one in made)
    assert live.scheduler.sender.retries > 0  # 429s came, and were waited out


async def test_a_window_of_five_thousand_is_read_whole_in_pages(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    # two archived campaigns: the seeded month (which ends now) has none of theirs in the
    # window, so the window holds exactly the 5,000
    await live.turn_on(scope={"kind": "campaigns", "ids": [23, 26], "label": "old"})
    await live.tick()
    before = len(live.user.messages)
    asked = world.sandbox.count("POST", "/conversions/log")
    for n in range(5000):
        world.sandbox.inject(campaign_id=(23, 26)[n % 2], status="lead", revenue=1, at=clock())
    await live.tick()
    assert world.sandbox.count("POST", "/conversions/log") - asked == 5  # 5 pages of 1,000
    [text] = texts(live.user, before)
    assert "5000 new conversions" in text and "Lead: 5000" in text
    events = await world.services.live.in_state(live.tracker_id, "batched")
    assert len(events) == 5000


async def test_two_users_never_see_each_others_conversions(world: BotWorld) -> None:
    clock = Clock()
    anna = await live_user(world, clock)
    await anna.turn_on()
    boris_user = world.user(2002, name="Boris")
    await boris_user.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    stored = await world.services.users.get(2002)
    assert stored is not None and stored.active_tracker_id is not None
    feed = await world.services.live.save(
        2002, stored.active_tracker_id, chat_id=2002, settings={}, enabled=True, now=clock()
    )
    assert feed is not None
    await anna.tick()
    facebook = world.sandbox.inject(campaign_id=1, status="sale", at=clock())  # group 1
    tiktok = world.sandbox.inject(campaign_id=6, status="sale", at=clock())  # group 2
    await anna.tick()
    anna_told = {sub for sub, _ in told_click_ids(anna.user)}
    boris_told = {sub for sub, _ in told_click_ids(boris_user)}
    assert anna_told == {facebook.click.sub_id, tiktok.click.sub_id}
    assert boris_told == {tiktok.click.sub_id}  # his key sees his group only
    # Boris forges Anna's mute and card buttons: nothing happens to her feed
    mine = boris_user.messages[-1]["message_id"]
    for op in ("m", "M", "u", "c", "k"):
        forged = LiveCb(op=op, t=anna.tracker_id, id=1, arg=facebook.click.sub_id).pack()
        screen = await boris_user.click_data(forged, mine)
        assert "not for you" in str(screen.answers)
    assert await world.services.live.mutes(anna.tracker_id, clock()) == {}
    # Anna removes her tracker: her notification's buttons, pressed later, reach nothing
    notified = next(m for m in anna.user.messages if facebook.click.sub_id in m.get("text", ""))
    assert await world.services.trackers.remove(anna.user.user["id"], anna.tracker_id)
    for row in notified["reply_markup"]["inline_keyboard"]:
        for key in row:
            screen = await anna.user.click_data(key["callback_data"], notified["message_id"])
            assert "tracker is gone" in str(screen.answers), key["text"]
    assert await world.services.live.mutes(anna.tracker_id, clock()) == {}


async def test_the_day_is_reconciled_with_what_was_told(world: BotWorld) -> None:
    # the user's day is UTC; the feed is on from 23:00 the day before yesterday
    today = datetime.now(UTC).date()
    clock = Clock(datetime.combine(today, datetime.min.time(), UTC) - timedelta(hours=25))
    live = await live_user(world, clock)
    # two archived campaigns: the seeded month has no traffic of theirs this week
    await live.turn_on(scope={"kind": "campaigns", "ids": [23, 26], "label": "old"})
    await live.tick()
    clock.advance(3600)  # yesterday 00:00
    await live.tick()
    told = [
        world.sandbox.inject(campaign_id=23, status="sale", revenue=40, at=clock()),
        world.sandbox.inject(campaign_id=26, status="lead", revenue=0, at=clock()),
    ]
    await live.tick()
    # recorded 20 minutes after its time: later than the overlap of 15 minutes
    late = world.sandbox.inject(
        campaign_id=23, status="sale", revenue=25, at=clock(),
        visible_at=clock() + timedelta(minutes=20),
    )  # fmt: skip
    for _ in range(50):
        await live.tick()
    assert late.click.sub_id not in {sub for sub, _ in told_click_ids(live.user)}
    assert len(told) == 2
    clock.now = datetime.combine(today, datetime.min.time(), UTC) + timedelta(minutes=20)
    await live.tick(0)  # the next morning: a catch-up, then the count of yesterday
    reconciled = [text for text in texts(live.user) if "Keitaro recorded" in text]
    assert len(reconciled) == 1
    assert "recorded 3 conversions yesterday (2 sales, $65.00)" in reconciled[0]
    assert "you were notified of 2" in reconciled[0]
    assert "1 was recorded by Keitaro later than the feed looks back" in reconciled[0]
    await live.tick()
    assert len([text for text in texts(live.user) if "Keitaro recorded" in text]) == 1


async def test_a_told_lead_whose_sale_was_missed_is_not_counted_as_notified(
    world: BotWorld,
) -> None:
    today = datetime.now(UTC).date()
    clock = Clock(datetime.combine(today, datetime.min.time(), UTC) - timedelta(hours=25))
    live = await live_user(world, clock)
    await live.turn_on(scope={"kind": "campaigns", "ids": [23, 26], "label": "old"})
    await live.tick()
    clock.advance(3600)  # yesterday 00:00
    await live.tick()
    lead = world.sandbox.inject(campaign_id=26, status="lead", revenue=0, at=clock())
    await live.tick()
    assert lead.click.sub_id in {sub for sub, _ in told_click_ids(live.user)}
    # approved an hour later, but the postback is recorded 20 minutes after its time
    clock.advance(3600)
    world.sandbox.change_status(
        lead.id, "sale", revenue=30, at=clock(), visible_at=clock() + timedelta(minutes=20)
    )
    for _ in range(50):
        await live.tick()
    assert not any("→ Sale" in text for text in texts(live.user))
    clock.now = datetime.combine(today, datetime.min.time(), UTC) + timedelta(minutes=20)
    await live.tick(0)
    [reconciled] = [text for text in texts(live.user) if "Keitaro recorded" in text]
    assert "recorded 1 conversion yesterday (1 sale, $30.00)" in reconciled
    assert "you were notified of 0" in reconciled  # the lead was told, the sale was not
    assert "Not notified:" in reconciled and lead.click.sub_id in reconciled
    assert "+$30.00" in reconciled


async def test_a_sale_turned_back_into_a_lead_and_approved_again_is_told_each_time(
    world: BotWorld,
) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    lead = world.sandbox.inject(campaign_id=1, status="lead", revenue=0, at=clock())
    for status in ("sale", "lead", "sale"):
        await live.tick()
        world.sandbox.change_status(lead.id, status, revenue=45.0, at=clock())
    await live.tick()
    heads = [text.split("\n")[0] for text in texts(live.user, before)]
    assert heads[0] == "⏳ Lead"
    assert heads[1] == "🔁 Lead → Sale +$45.00"
    assert heads[2].startswith("⚠️ Sale → lead")
    assert heads[3] == "🔁 Lead → Sale +$45.00"
    assert len(heads) == 4


async def test_a_lasting_429_keeps_the_event_and_sends_it_later_once(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    world.telegram.clock = clock.timestamp
    world.telegram.rate_limit = 0  # every send is refused with "retry after"
    sale = world.sandbox.inject(campaign_id=1, status="sale", revenue=9, at=clock())
    await live.tick()
    assert told_click_ids(live.user) == []
    world.telegram.rate_limit = None
    for _ in range(6):  # the claim's lease runs out: sent then, once
        await live.tick()
    assert [sub for sub, _ in told_click_ids(live.user)] == [sub_of(sale)]


async def test_one_more_after_ten_single_ones_is_not_a_burst_of_one(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    for n in range(10):
        world.sandbox.inject(campaign_id=1, status="sale", revenue=n + 1, at=clock())
    await live.tick()
    world.sandbox.inject(campaign_id=2, status="sale", revenue=5, at=clock())
    await live.tick()
    shown = texts(live.user, before)
    assert len(shown) == 11 and not any("in a minute" in text for text in shown)


async def test_a_claim_revived_in_quiet_hours_waits_for_them_to_end(world: BotWorld) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    before = len(live.user.messages)
    world.sandbox.inject(campaign_id=1, status="sale", revenue=45, at=clock())
    await live.crash("tell_one")  # killed after the claim, before the send
    quiet = {
        "from": clock().strftime("%H:%M"),
        "to": (clock() + timedelta(minutes=5)).strftime("%H:%M"),
    }
    await live.turn_on(quiet=quiet)
    for _ in range(6):  # past the lease, inside quiet hours
        await live.tick()
    assert len(live.user.messages) == before
    for _ in range(6):
        await live.tick()
    [text] = texts(live.user, before)
    assert "Quiet hours are over" in text and "Sale: 1 · $45.00" in text


async def test_a_claim_renewed_by_its_sender_fails_once_another_took_it_over(
    world: BotWorld,
) -> None:
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    repo = world.services.live
    sale = world.sandbox.inject(campaign_id=1, status="sale", at=clock())
    claimed_at = clock()
    assert await repo.claim(live.tracker_id, sale.id, "sale", state="claimed",
                            postback_at=clock(), revenue=1, data={}, now=claimed_at)  # fmt: skip
    [event] = await repo.in_state(live.tracker_id, "claimed")
    later = clock.advance(150)  # process A waits on the rate limiter past the lease
    assert await repo.take_over(event, later)  # process B takes the claim over
    mine = {(sale.id, "sale"): claimed_at}
    assert not await repo.renew(live.tracker_id, mine, clock.advance(1))  # A gives up
    assert await repo.renew(live.tracker_id, {(sale.id, "sale"): later}, clock())  # B goes on


def sub_of(conversion: object) -> str:
    return conversion.click.sub_id  # type: ignore[attr-defined]
