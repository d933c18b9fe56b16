"""The watcher against the sandbox's scenarios, with one injected clock: every kind fires
once, stays quiet while firing, reminds after the cooldown and recovers; guards, mutes and
quiet hours keep it quiet; the automatic pause keeps its cap and respects a hand resume; a
crash between claim and send neither repeats nor loses an alert."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from bot.services.confirm import CONFIRM_TTL
from tests.alerts_world import Alerts, alerts_user, buttons_of, text_of
from tests.bot_world import BotWorld
from tests.live_world import Crash


def only(messages: list[dict]) -> dict:
    assert len(messages) == 1, [text_of(m) for m in messages]
    return messages[0]


def campaign_state(alerts: Alerts, campaign_id: int) -> str:
    return alerts.world.sandbox.state.campaigns.get(campaign_id)["state"]


async def test_a_losing_campaign_alerts_once_pause_and_undo_then_quiet_until_it_recovers(
    any_world: BotWorld,
) -> None:
    """On SQLite and on PostgreSQL (the claims' compare-and-set is the engines' SQL)."""
    world = any_world
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    # the last 6 hours: the injected loss stays in the window past the 2 h cooldown
    await alerts.rule("roi < -30 6h", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    assert await alerts.tick() == []  # not losing yet: nothing to say
    world.sandbox.scenarios.losing(campaign["id"], clicks=80, cost=5.0, minutes=60)
    alert = only(await alerts.tick())
    text = text_of(alert)
    assert campaign["name"] in text and "ROI" in text and "−30%" in text
    assert "The last 6 hours: spend $" in text and "Rule:" in text
    assert {"⏸ Pause campaign", "📊 Stats", "🔕 Mute 1 h", "✏️ Edit rule"} <= set(buttons_of(alert))
    paused = await alerts.user.click("⏸ Pause campaign", message_id=alert["message_id"])
    assert campaign_state(alerts, campaign["id"]) == "disabled"
    assert "Undo" in " ".join(paused.buttons)
    await alerts.user.click("Undo")
    assert campaign_state(alerts, campaign["id"]) == "active"
    alerts.new()
    for _ in range(5):  # still firing: not a word for as long as the cooldown lasts
        assert await alerts.tick(60) == []
    reminder = only(await alerts.tick(timedelta(hours=2).total_seconds()))
    assert "Still firing" in text_of(reminder)
    world.sandbox.scenarios.recover(campaign["id"])
    recovered = only(await alerts.tick())
    assert "Recovered" in text_of(recovered) and campaign["name"] in text_of(recovered)
    assert recovered["reply_to_message"]["message_id"] == reminder["message_id"]
    assert await alerts.tick() == []


async def test_a_paused_campaign_is_not_alerted_about(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    await alerts.rule("roi < -30 6h", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    world.sandbox.state.campaigns.set_state(campaign["id"], "disabled")
    world.sandbox.scenarios.losing(campaign["id"], clicks=80, cost=5.0, minutes=60)
    assert await alerts.tick() == []


async def test_guards_keep_a_loss_on_a_few_clicks_quiet(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    small, big = alerts.campaign(0), alerts.campaign(1)
    scope = {"kind": "campaigns", "ids": [small["id"], big["id"]]}
    await alerts.rule("roi < -30 1h", scope=scope)  # default guard: spend ≥ $10
    world.sandbox.scenarios.losing(small["id"], clicks=2, cost=0.1, minutes=30)
    assert await alerts.tick() == []
    world.sandbox.scenarios.losing(big["id"], clicks=40, cost=5.0, minutes=30)
    alert = only(await alerts.tick())
    assert big["name"] in text_of(alert) and small["name"] not in text_of(alert)


async def test_a_muted_campaign_stays_quiet_and_others_still_alert(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    first, second = alerts.campaign(0), alerts.campaign(1)
    rule_id = await alerts.rule(
        "roi < -30 6h", scope={"kind": "campaigns", "ids": [first["id"], second["id"]]}
    )
    until = alerts.clock() + timedelta(hours=1)
    assert await world.services.alerts.mute(
        alerts.user.user["id"], rule_id, f"campaign:{first['id']}", until
    )
    world.sandbox.scenarios.losing(first["id"], clicks=80, cost=5.0, minutes=30)
    world.sandbox.scenarios.losing(second["id"], clicks=80, cost=5.0, minutes=30)
    alert = only(await alerts.tick())
    assert second["name"] in text_of(alert) and first["name"] not in text_of(alert)
    # another user cannot mute this user's rule
    other = await alerts_user(world, alerts.clock, user_id=2002)
    assert not await world.services.alerts.mute(
        other.user.user["id"], rule_id, f"campaign:{second['id']}", until
    )
    # after the mute, the muted one is told (still firing, never told)
    told = only(await alerts.tick(timedelta(minutes=61).total_seconds()))
    assert first["name"] in text_of(told)


async def test_quiet_hours_hold_an_alert_until_they_end_but_not_an_urgent_one(
    world: BotWorld,
) -> None:
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    now = alerts.clock()
    start, end = now - timedelta(hours=1), now + timedelta(hours=1)
    quiet = {"from": f"{start:%H:%M}", "to": f"{end:%H:%M}"}
    await world.services.alerts.set_quiet(alerts.user.user["id"], quiet)
    await alerts.rule("roi < -30 6h", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    await alerts.rule("down 5m")
    world.sandbox.scenarios.losing(campaign["id"], clicks=80, cost=5.0, minutes=30)
    world.sandbox.scenarios.down("5xx")
    assert await alerts.tick() == []  # the tracker fails; the loss was not read
    down = only(await alerts.tick(6 * 60))
    assert "does not answer" in text_of(down)  # urgent: through the quiet hours
    world.sandbox.scenarios.up()
    up = only(await alerts.tick())
    assert "answers again" in text_of(up)
    assert await alerts.tick() == []  # quiet hours: the loss is held
    held = only(await alerts.tick(timedelta(hours=1).total_seconds()))
    assert campaign["name"] in text_of(held) and "ROI" in text_of(held)


async def test_an_offer_at_its_cap_alerts_and_recovers(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    await alerts.rule("cap 90%")
    assert await alerts.tick() == []
    # a conversion today (whatever the hour), then the cap at today's conversions
    conversion = world.sandbox.inject(campaign_id=alerts.campaign()["id"], status="lead")
    offer = world.sandbox.state.offers.get(conversion.click.offer_id)
    world.sandbox.scenarios.near_cap(offer["id"], left=0)
    alert = only(await alerts.tick())
    assert offer["name"] in text_of(alert) and "of the cap" in text_of(alert)
    assert "🚨" in text_of(alert)
    world.sandbox.scenarios.lift_cap(offer["id"])
    assert "Recovered" in text_of(only(await alerts.tick()))


async def test_a_domain_in_trouble_alerts_and_recovers(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    await alerts.rule("domains 7d")
    assert await alerts.tick() == []
    domain = next(iter(world.sandbox.state.domains.items.values()))
    world.sandbox.scenarios.domain_trouble(domain["id"], "expiring")
    alert = only(await alerts.tick())
    assert domain["name"] in text_of(alert) and "SSL expires in" in text_of(alert)
    checked = await alerts.user.click("🔄 Check the domain now", message_id=alert["message_id"])
    assert domain["name"] in checked.text  # the tracker's own check, on request
    world.sandbox.scenarios.domain_fixed(domain["id"])
    assert "Recovered" in text_of(only(await alerts.tick()))


async def test_a_revoked_key_is_the_tracker_down_after_its_minutes(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    await alerts.rule("down 10m")
    assert await alerts.tick() == []
    world.sandbox.scenarios.down("revoked")
    assert await alerts.tick() == []
    assert await alerts.tick(5 * 60) == []  # failing for 5 minutes: not yet
    down = only(await alerts.tick(6 * 60))
    assert "API key is refused" in text_of(down)
    assert await alerts.tick() == []
    world.sandbox.scenarios.up()
    assert "answers again" in text_of(only(await alerts.tick()))


async def test_a_silent_campaign_is_no_traffic_and_traffic_again_recovers(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    await alerts.rule("clicks = 0 30m", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    # a day of steady traffic: 400 clicks in 23 hours promise ~8 in half an hour
    world.sandbox.scenarios.losing(campaign["id"], clicks=400, cost=0.01, minutes=23 * 60)
    world.sandbox.scenarios.silence(campaign_id=campaign["id"])
    assert await alerts.tick() == []  # its last click was a minute ago
    alert = only(await alerts.tick(31 * 60))
    assert "no clicks for the last 30 min" in text_of(alert) and campaign["name"] in text_of(alert)
    world.sandbox.scenarios.resume_traffic(campaign_id=campaign["id"])
    world.sandbox.scenarios.steady(campaign["id"], per_minute=3)
    assert "Recovered" in text_of(only(await alerts.tick(120)))


async def test_the_automatic_pause_keeps_its_cap_and_a_hand_resume(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    first, second = alerts.campaign(0), alerts.campaign(1)
    scope = {"kind": "campaigns", "ids": [first["id"], second["id"]]}
    await alerts.rule("roi < -30 6h autopause", scope=scope, auto_cap=1)
    world.sandbox.scenarios.losing(first["id"], clicks=80, cost=5.0, minutes=30)
    told = only(await alerts.tick())
    assert "Paused automatically" in text_of(told)
    assert campaign_state(alerts, first["id"]) == "disabled"
    assert "↩️ Undo (resume)" in buttons_of(told)
    await alerts.user.click("↩️ Undo (resume)", message_id=told["message_id"])  # by hand
    assert campaign_state(alerts, first["id"]) == "active"
    alerts.new()
    world.sandbox.scenarios.losing(second["id"], clicks=80, cost=5.0, minutes=30)
    capped = only(await alerts.tick())
    assert second["name"] in text_of(capped) and "this hour already" in text_of(capped)
    assert campaign_state(alerts, second["id"]) == "active"
    # after the cooldown, the one resumed by hand is reminded of, not paused again
    reminders = await alerts.tick(timedelta(hours=2, minutes=1).total_seconds())
    first_reminder = next(m for m in reminders if first["name"] in text_of(m))
    assert "resumed by hand in the last 24 hours" in text_of(first_reminder)
    assert campaign_state(alerts, first["id"]) == "active"
    # a day after its automatic pause, a campaign still losing is paused again
    alerts.clock.advance(timedelta(hours=22).total_seconds())
    world.sandbox.scenarios.losing(first["id"], clicks=80, cost=5.0, minutes=30)
    later = await alerts.tick()
    assert any("Paused automatically" in text_of(m) for m in later if first["name"] in text_of(m))
    assert campaign_state(alerts, first["id"]) == "disabled"


async def test_a_crash_between_claim_and_send_tells_the_alert_once_after_the_lease(
    world: BotWorld,
) -> None:
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    await alerts.rule("roi < -30 6h", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    world.sandbox.scenarios.losing(campaign["id"], clicks=80, cost=5.0, minutes=30)

    async def die(*_args: object, **_kwargs: object) -> None:
        raise Crash

    alerts.scheduler.alerts.send = die  # type: ignore[method-assign]
    alerts.clock.advance(60)
    for task in await alerts.scheduler.alerts.start_due(every_tracker=True):
        with contextlib.suppress(Crash):
            await task
    await alerts.restart()
    assert await alerts.tick(30) == []  # the claim is someone's live send for the lease
    alert = only(await alerts.tick(120))
    assert campaign["name"] in text_of(alert)
    assert await alerts.tick() == []


async def test_a_rule_never_reads_another_users_tracker(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    other = await alerts_user(world, alerts.clock, user_id=2002)
    repo = world.services.alerts
    line_rule = {"kind": "threshold", "conditions": [["clicks", ">", -1]], "window": "yesterday"}
    assert await repo.create(alerts.user.user["id"], other.tracker_id, 1001, line_rule) is None
    # a row forced into the table anyway (a bug, a hand edit) is skipped by the watcher
    await world.services.db.execute(
        "INSERT INTO alerts (owner_id, chat_id, tracker_id, spec, created_at) "
        "VALUES (?, ?, ?, ?, '2026-01-01')",
        (alerts.user.user["id"], 1001, other.tracker_id,
         '{"kind": "threshold", "conditions": [["clicks", ">", -1]], "window": "yesterday"}'),
    )  # fmt: skip
    assert await alerts.tick() == []


async def test_the_loop_looks_at_each_tracker_at_its_own_place_in_the_minute(
    world: BotWorld,
) -> None:
    first = await alerts_user(world)
    second = await alerts_user(world, first.clock, user_id=2002)
    for alerts in (first, second):
        await alerts.rule("roi < -30")
    watcher = first.scheduler.alerts
    started: list[float] = []
    for _ in range(24):  # two minutes, looked at every 5 s as the loop does
        for task in await watcher.start_due():
            started.append(first.clock().timestamp())
            await task
        first.clock.advance(5)
    assert len(started) == 4  # each tracker once a minute
    assert len(set(started)) == 4  # and not in the same second as the other


async def test_a_rule_on_yesterday_tells_once_and_does_not_remind(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    # a time zone where it is about 10:00 now, so two hours on are still the same day
    offset = (10 - alerts.clock().hour + 12) % 24 - 12
    zone = f"Etc/GMT{-offset:+d}" if offset else "UTC"
    await world.services.users.set_timezone(alerts.user.user["id"], zone)
    await alerts.rule("clicks > 0 yesterday by country")
    told = await alerts.tick()
    assert told, "the seeded data has clicks yesterday"
    assert await alerts.tick(timedelta(hours=2, minutes=1).total_seconds()) == []


async def test_pause_the_offers_streams_from_its_cap_alert_and_undo(world: BotWorld) -> None:
    alerts = await alerts_user(world)
    await alerts.rule("cap 90%")
    conversion = world.sandbox.inject(campaign_id=alerts.campaign()["id"], status="lead")
    offer_id, stream_id = conversion.click.offer_id, conversion.click.stream_id
    world.sandbox.scenarios.near_cap(offer_id, left=0)
    alert = only(await alerts.tick())
    user = alerts.user
    asked = await user.click("⏸ Pause offer's streams", message_id=alert["message_id"])
    assert "A stream stops all its offers" in asked.text
    streams = world.sandbox.state.streams
    assert streams.get(stream_id)["name"] in asked.text
    question = next(m for m in user.messages if "A stream stops" in text_of(m))
    yes = question["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    done = await user.click("⏸ Pause")
    assert "paused" in done.text
    assert streams.get(stream_id)["state"] == "disabled"
    # the alert's text is left as it was: the answers come below it
    assert text_of(next(m for m in user.messages if m["message_id"] == alert["message_id"]))
    await user.click("↩️ Undo (resume)")
    assert streams.get(stream_id)["state"] == "active"
    # pressed again after the undo, the old question acts on nothing
    await user.click_data(yes, question["message_id"])
    assert streams.get(stream_id)["state"] == "active"


async def test_a_late_offer_pause_asks_again_and_no_keeps_the_streams(world: BotWorld) -> None:
    now = [1000.0]
    world.services.confirmations.clock = lambda: now[0]
    alerts = await alerts_user(world)
    await alerts.rule("cap 90%")
    conversion = world.sandbox.inject(campaign_id=alerts.campaign()["id"], status="lead")
    offer_id, stream_id = conversion.click.offer_id, conversion.click.stream_id
    world.sandbox.scenarios.near_cap(offer_id, left=0)
    alert = only(await alerts.tick())
    user, streams = alerts.user, world.sandbox.state.streams
    await user.click("⏸ Pause offer's streams", message_id=alert["message_id"])
    now[0] += CONFIRM_TTL + 1  # minutes later
    late = await user.click("⏸ Pause")
    assert streams.get(stream_id)["state"] == "active", "a late press does not act"
    assert "Nothing was done" in late.text and "A stream stops" in late.text
    done = await user.click("⏸ Pause")  # asked again, pressed in time: it acts
    assert "paused" in done.text and streams.get(stream_id)["state"] == "disabled"
    await user.click("↩️ Undo (resume)")
    await user.click("⏸ Pause offer's streams", message_id=alert["message_id"])
    no = await user.click("✖️ No, keep them running")
    assert "Nothing paused" in no.text and streams.get(stream_id)["state"] == "active"
    assert no.messages and not buttons_of(no.messages[-1])


async def test_an_alert_sent_on_a_moving_clock_is_settled_and_not_sent_again(
    world: BotWorld,
) -> None:
    """A real clock moves between two readings: the claim renewed before the send must be
    the one settled after it (else the alert looks abandoned and is sent every lease)."""
    alerts = await alerts_user(world)
    campaign = alerts.campaign()
    await alerts.rule("roi < -30 6h", scope={"kind": "campaigns", "ids": [campaign["id"]]})
    world.sandbox.scenarios.losing(campaign["id"], clicks=80, cost=5.0, minutes=30)
    ticking = alerts.clock

    def moving() -> object:
        ticking.advance(0.001)
        return ticking.now

    alerts.scheduler.alerts.clock = moving  # type: ignore[assignment]
    only(await alerts.tick())
    state = next(iter((await world.services.alerts.states([1])).values()))
    assert state.pending is None and state.told_at is not None
    for _ in range(4):  # past the 2-minute lease: still told once
        assert await alerts.tick(60) == []
