"""/alerts and /alert through the real Dispatcher: a rule from one line and its card, a line
that is not a rule explained in the user's language, the step-by-step dialog (typed answers
checked, a restart survived, what it shows is what it saves), edit, pause, delete with its
confirmation, Test on the sandbox (nothing sent), the buttons under an alert (only the mute
row changes; another user's rule or a malformed entity reaches nothing), quiet hours, and
the list (states, pages, several trackers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.alerts.messages import alert_keyboard
from bot.alerts.parse import parse_rule
from bot.alerts.rules import Rule
from bot.emulator import EmulatedUser
from bot.i18n import Translator
from bot.stats import period_of
from bot.ui.callbacks import AlertCb
from keitaro import KeitaroClient
from storage.alerts import StoredRule
from tests.bot_world import BotWorld

GROUP = -100_777_001


async def tracker_id(world: BotWorld, user: EmulatedUser) -> int:
    stored = await world.services.users.get(user.user["id"])
    assert stored is not None and stored.active_tracker_id is not None
    return stored.active_tracker_id


async def rules_of(world: BotWorld, user: EmulatedUser) -> list[StoredRule]:
    return await world.services.alerts.list(user.user["id"], await tracker_id(world, user))


async def only_rule(world: BotWorld, user: EmulatedUser) -> tuple[StoredRule, Rule]:
    [stored] = await rules_of(world, user)
    return stored, Rule.from_json(stored.spec)


def labels(user: EmulatedUser, message_id: int | None = None) -> list[str]:
    return [label for row in user.keyboard(message_id) for label in row]


def callback_sizes(world: BotWorld, chat_id: int) -> list[int]:
    return [
        len(button["callback_data"].encode())
        for message in world.telegram.messages(chat_id)
        for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []
        for button in row
        if "callback_data" in button
    ]


def in_group(world: BotWorld, user: EmulatedUser) -> EmulatedUser:
    member = EmulatedUser(
        world.dp, world.bot, world.telegram, user_id=user.user["id"], first_name="Anna",
        language_code="en", chat_id=GROUP,
    )  # fmt: skip
    world.users.append(member)
    return member


# ----- /alert <line> ------------------------------------------------------------------------


async def test_one_line_saves_the_rule_and_shows_its_card(world: BotWorld) -> None:
    anna = await world.connected_user()
    answer = await anna.send("/alert roi < -30")
    stored, rule = await only_rule(world, anna)
    assert rule == parse_rule("roi < -30")
    assert stored.chat_id == anna.chat_id and not stored.paused
    text = answer.text
    assert "✅ Saved" in text and f"Rule #{stored.id}" in text
    assert "ROI < −30% · today so far · per campaign · when spend ≥ $10" in text
    assert "/alert roi < -30 cost >= 10" in text  # its one line, to be typed again
    assert "Sends to: this chat" in text and "Reminds every 2 h" in text
    assert "Says when it is over: on" in text and "Pauses the campaign itself: off" in text
    code = [e for e in answer.messages[-1].get("entities") or [] if e["type"] == "code"]
    assert code, "the one line is in <code>, so a tap copies it"
    assert {"🧪 Test", "✏️ Edit", "⏸ Pause", "🗑 Delete", "« Back"} <= set(labels(anna))
    assert "cost" not in text.replace("cost >= 10", "")  # "spend" on screen, not the API name
    assert max(callback_sizes(world, anna.chat_id)) <= 64


async def test_garbage_is_explained_with_examples_in_the_users_language(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    english = await anna.send("/alert roi < abc")
    assert "“abc” is not a number" in english.text
    assert "/alert roi < -30" in english.text and "/alert clicks = 0 30m" in english.text
    assert "/alert cost >= 30 conversions = 0" in english.text
    unknown = await anna.send("/alert weather > 5")
    assert "“weather” is not a number a rule can watch" in unknown.text
    ivan = await world.connected_user(2002, language="ru")
    russian = await ivan.send("/alert прибыль ниже 5")
    assert "«ниже» — не сравнение" in russian.text and "Например:" in russian.text
    assert "/alert roi < -30" in russian.text
    window = await ivan.send("/alert roi < -30 99h")
    assert "«99h» — не время" in window.text
    assert await rules_of(world, anna) == [] and await rules_of(world, ivan) == []


async def test_a_russian_line_makes_the_same_rule(world: BotWorld) -> None:
    ivan = await world.connected_user(2002, language="ru")
    answer = await ivan.send("/alert прибыль < -50 расход >= 20 3ч")
    _stored, rule = await only_rule(world, ivan)
    assert rule == parse_rule("profit < -50 3h cost >= 20")
    assert "Сохранено" in answer.text and "/alert profit < -50 3h cost >= 20" in answer.text


async def test_in_a_group_only_an_administrator_makes_a_rule(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.telegram.add_chat({"id": GROUP, "type": "supergroup", "title": "Team"})
    there = in_group(world, anna)
    refused = await there.send("/alert roi < -30")
    assert "not an administrator of chat" in refused.text
    assert await rules_of(world, anna) == []
    world.telegram.set_admins(GROUP, {anna.user["id"]})
    await there.send("/alert roi < -30")
    stored, _rule = await only_rule(world, anna)
    assert stored.chat_id == GROUP
    await anna.send("/alerts")
    await anna.click("1")
    # the group by its title (the emulated group is called "Chat <id>"), seen from elsewhere
    assert f"Sends to: Chat {GROUP} (chat {GROUP})" in anna.last


async def test_without_a_tracker_it_says_connect_first(world: BotWorld) -> None:
    anna = world.user()
    assert "Connect a tracker first" in (await anna.send("/alert roi < -30")).text
    assert "Connect a tracker first" in (await anna.send("/alerts")).text


async def test_the_fifty_first_rule_is_refused(world: BotWorld) -> None:
    anna = await world.connected_user()
    tid = await tracker_id(world, anna)
    for n in range(50):
        spec = parse_rule(f"clicks > {n}").to_json()
        assert await world.services.alerts.create(anna.user["id"], tid, anna.chat_id, spec)
    refused = await anna.send("/alert roi < -30")
    assert "Not saved" in refused.text and "50 rules" in refused.text
    assert len(await rules_of(world, anna)) == 50


# ----- the dialog ----------------------------------------------------------------------------


async def test_the_dialog_builds_a_threshold_rule_and_saves_what_it_shows(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    first = await anna.send("/alert")
    assert "New alert rule · step 1 of 9" in first.text and "What should it watch?" in first.text
    assert {"🚫 No traffic", "🧢 An offer near its cap", "🆘 The tracker down"} <= set(labels(anna))
    await anna.click("A number crosses a line")
    assert "step 2 of 9" in anna.last and "unique clicks" in labels(anna)
    assert "cost" not in labels(anna) and "spend" in labels(anna)  # the buyer's words
    await anna.click("ROI")
    await anna.click("<")
    assert "ROI < what?" in anna.last
    bad = await anna.send("abc")
    assert "“abc” is not a number" in bad.text and "ROI < what?" in bad.text
    assert (await anna.data())["alert"]["step"] == "value"  # the step stays
    assert await rules_of(world, anna) == []
    await anna.send("-40")
    assert "Over what time?" in anna.last
    await anna.click("today so far")
    await anna.click("Campaign")
    assert "Now: spend ≥ $10 (a ratio always has one)" in anna.last
    none = await anna.send("none")
    assert "A ratio needs a second condition" in none.text
    await anna.click("Keep: spend ≥ $10")
    await anna.click("4 h")
    await anna.click("This chat")
    confirm = anna.last
    assert "New alert rule · check it" in confirm
    assert "ROI < −40% · today so far · per campaign · when spend ≥ $10" in confirm
    assert "/alert roi < -40 cost >= 10 every 4h" in confirm
    assert "Sends to: this chat" in confirm and "Reminds every 4 h" in confirm
    saved = await anna.click("Save")
    stored, rule = await only_rule(world, anna)
    assert rule == parse_rule("roi < -40 every 4h") and stored.chat_id == anna.chat_id
    assert "✅ Saved" in saved.text and "/alert roi < -40 cost >= 10 every 4h" in saved.text
    assert await anna.state() is None and "alert" not in await anna.data()
    assert max(callback_sizes(world, anna.chat_id)) <= 64


async def test_a_no_traffic_rule_survives_a_restart_half_way(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert")
    await anna.click("No traffic")
    assert "step 2 of 4" in anna.last and "No clicks for how long?" in anna.last
    await world.restart()  # a new process: the dialog is in SQLite
    await anna.click("the last 1 hour")
    assert "remind me every" in anna.last
    await anna.click("• 2 h")  # the default, marked
    await anna.click("This chat")
    assert "/alert clicks = 0 1h" in anna.last
    await anna.click("Save")
    _stored, rule = await only_rule(world, anna)
    assert rule == parse_rule("clicks = 0 1h") and rule.kind == "no_traffic"


async def test_every_step_takes_typed_answers(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert")
    await anna.click("A drop against the last 7 days")
    await anna.send("cr")
    bad = await anna.send("150")
    assert "“150” is not a percentage from 1 to 100" in bad.text
    await anna.send("60")
    window = await anna.send("99h")
    assert "“99h” is not a time I can watch" in window.text
    await anna.send("45m")
    group = await anna.send("weather")
    assert "“weather” is not something to go by" in group.text
    await anna.send("offer")
    assert "Now: clicks ≥ 100 (a ratio always has one)" in anna.last
    await anna.send("clicks >= 300")
    await anna.send("3h")
    target = await anna.send("the team")
    assert "“the team” is not a chat id" in target.text
    await anna.click("This chat")
    assert "/alert cr drop 60% 45m by offer clicks >= 300 every 3h" in anna.last
    await anna.click("Save")
    _stored, rule = await only_rule(world, anna)
    assert rule == parse_rule("cr drop 60% 45m by offer clicks >= 300 every 3h")


async def test_a_whole_line_at_the_first_step_and_a_changed_step(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert")
    await anna.send("cost >= 30 conversions = 0 by offer")
    assert "check it" in anna.last and "/alert cost >= 30 by offer conversions = 0" in anna.last
    await anna.click("Change a step")
    await anna.click("The threshold")
    await anna.click("$50.00")
    assert "/alert cost >= 50 by offer conversions = 0" in anna.last  # back at the check
    await anna.send("hello")
    assert "Use the buttons below" in anna.last
    await anna.click("Save")
    _stored, rule = await only_rule(world, anna)
    assert rule == parse_rule("cost >= 50 conversions = 0 by offer")


async def test_cancel_saves_nothing(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert")
    await anna.click("An offer near its cap")
    cancelled = await anna.click("Cancel")
    assert "Cancelled: nothing was saved" in cancelled.text and "🔔 Alerts" in cancelled.text
    assert await rules_of(world, anna) == [] and await anna.state() is None
    stale = await anna.click_data(
        AlertCb(op="w", arg="value.90").pack(), cancelled.messages[-1]["message_id"]
    )
    assert any("This dialog is over" in alert for alert in stale.alerts)
    assert await rules_of(world, anna) == []


async def test_edit_changes_the_rule_in_place(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert roi < -30 by offer")
    before, _rule = await only_rule(world, anna)
    await anna.click("Edit")
    assert f"Rule #{before.id} · check it" in anna.last
    assert "/alert roi < -30 by offer cost >= 10" in anna.last
    await anna.click("Change a step")
    await anna.click("The threshold")
    assert "Now: −30%" in anna.last
    await anna.send("-50")
    assert "/alert roi < -50 by offer cost >= 10" in anna.last
    await anna.click("Change a step")
    await anna.click("Per what")
    await anna.click("Country")
    await anna.click("Save")
    after, rule = await only_rule(world, anna)
    assert after.id == before.id and rule == parse_rule("roi < -50 by country")
    assert "✅ Saved" in anna.last and "per country" in anna.last


# ----- the card -----------------------------------------------------------------------------


async def test_pause_resume_and_the_toggles(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert clicks = 0 30m")
    stored, _rule = await only_rule(world, anna)
    card = anna.messages[-1]["message_id"]
    paused = await anna.click("⏸ Pause")
    assert "⏸ Paused" in paused.alerts and "it tells nothing until resumed" in paused.text
    assert (await only_rule(world, anna))[0].paused and "▶️ Resume" in labels(anna)
    # the old Pause once more (a second tap of the same card): still paused, not toggled
    await anna.click_data(AlertCb(op="p", r=stored.id, arg="1").pack(), card)
    assert (await only_rule(world, anna))[0].paused
    await anna.click("Resume")
    assert not (await only_rule(world, anna))[0].paused
    await anna.click("When over: on")
    assert not (await only_rule(world, anna))[1].recovery
    await anna.click("Auto-pause: off")
    assert (await only_rule(world, anna))[1].auto_pause and "itself: on" in anna.last
    await anna.send("/alert roi < -30 by country")  # cannot pause a country: no toggle
    assert not any("Auto-pause" in label for label in labels(anna))


async def test_delete_asks_and_the_yes_belongs_to_its_screen(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert roi < -30")
    stored, _rule = await only_rule(world, anna)
    ask = await anna.click("Delete")
    assert f"Delete rule #{stored.id}?" in ask.text
    asked = ask.messages[-1]["message_id"]
    kept = await anna.click("No")
    assert f"Rule #{stored.id}" in kept.text and await rules_of(world, anna)
    await anna.click("Delete")
    await anna.send("/alerts")  # moved on: the old Yes no longer counts
    late = await anna.click("Yes, delete", message_id=asked)
    assert "Nothing was done" in late.text and len(await rules_of(world, anna)) == 1
    done = await anna.click("Yes, delete", message_id=asked)  # asked again, on that screen
    assert f"Rule #{stored.id} is deleted" in done.text and "No rules yet" in done.text
    assert await rules_of(world, anna) == []


# ----- 🧪 Test ----------------------------------------------------------------------------


async def yesterday_countries(client: KeitaroClient) -> list[dict[str, Any]]:
    """The sandbox's countries with clicks yesterday (UTC), asked the way /stats asks."""
    period = period_of("yesterday", "UTC", datetime.now(UTC))
    body = {"range": period.as_range(), "dimensions": ["country_code", "country"],
            "measures": ["clicks"], "limit": 1000}  # fmt: skip
    rows = (await client.call("reports.build", body)).data["rows"]
    return [row for row in rows if row["clicks"] > 0 and row["country_code"]]


async def test_test_shows_what_would_fire_and_sends_nothing(
    world: BotWorld, client: KeitaroClient
) -> None:
    countries = await yesterday_countries(client)
    assert len(countries) > 10, "the seeded month has traffic in many countries every day"
    anna = await world.connected_user()
    await anna.send("/alert clicks > 0 by country yesterday")
    stored, _rule = await only_rule(world, anna)
    card = anna.messages[-1]["message_id"]
    sent_before = len(world.telegram.messages(anna.chat_id))
    shown = await anna.click("Test")
    assert "typing" in shown.actions
    n = len(countries)
    assert f"Would fire now for {n} countries ({n} countries looked at):" in shown.text
    assert f"and {n - 10} more" in shown.text
    assert shown.text.count("\n• ") == 10
    busiest = max(row["clicks"] for row in countries)  # the worst first: the most clicks
    assert shown.texts[0].split("\n• ")[1].endswith(f"— clicks {busiest} (line > 0)")
    assert "Nothing was sent to anyone" in shown.text
    assert [m["message_id"] for m in shown.messages] == [card]  # the card's message, edited
    assert len(world.telegram.messages(anna.chat_id)) == sent_before
    assert await world.services.alerts.states([stored.id]) == {}  # nothing recorded either
    back = await anna.click("« Back")
    assert f"Rule #{stored.id}" in back.text


async def test_a_rule_that_cannot_fire_and_a_tracker_down_rule(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert clicks > 100000000 yesterday")
    shown = await anna.click("Test")
    assert "✅ Nothing fires now (" in shown.text and "campaigns looked at" in shown.text
    await anna.send("/alert down 10m")
    fine = await anna.click("Test")
    assert "answers now: the rule stays quiet" in fine.text
    world.sandbox.faults.down = "revoked"
    failing = await anna.click("Test again")
    assert "does not answer now" in failing.text and "refused the API key" in failing.text
    assert "If it stays so for 10 min" in failing.text
    await anna.send("/alerts")
    await anna.click("1")
    failed = await anna.click("Test")
    assert "Could not look" in failed.text and "refused the API key" in failed.text


# ----- the buttons under an alert ------------------------------------------------------------


NOON = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


async def an_alert(world: BotWorld, user: EmulatedUser, rule_id: int, entity: str) -> int:
    """An alert as the engine sends it (its keyboard), in the user's chat; its message id."""
    stored = await world.services.alerts.get(user.user["id"], rule_id)
    assert stored is not None
    rule = Rule.from_json(stored.spec)
    keyboard = alert_keyboard(Translator("en"), rule_id, rule, stored.tracker_id, entity)
    sent = await world.bot.send_message(user.chat_id, "⚠️ <b>Alert</b>", reply_markup=keyboard)
    return sent.message_id


async def test_mute_and_unmute_change_only_the_mute_row(world: BotWorld) -> None:
    world.services.clock = lambda: NOON  # not the time of day: mutes end at fixed moments
    anna = await world.connected_user()
    await anna.send("/alert roi < -30")
    stored, _rule = await only_rule(world, anna)
    alert = await an_alert(world, anna, stored.id, "campaign:3")
    before = anna.keyboard(alert)
    text = anna.telegram.message(anna.chat_id, alert)["text"]
    assert ["🔕 Mute 1 h", "🔕 Until tomorrow"] in before
    muted = await anna.click("Mute 1 h", message_id=alert)
    assert any("muted until 13:00" in toast for toast in muted.alerts)
    mutes = await world.services.alerts.mutes([stored.id], NOON)
    assert mutes == {(stored.id, "campaign:3"): NOON + timedelta(hours=1)}
    after = anna.keyboard(alert)
    assert after == [["🔔 Unmute"] if "🔕 Mute 1 h" in row else row for row in before]
    assert [m["message_id"] for m in muted.messages] == [alert]  # no new message
    assert anna.telegram.message(anna.chat_id, alert)["text"] == text
    await anna.click("Unmute", message_id=alert)
    assert await world.services.alerts.mutes([stored.id], NOON) == {}
    assert anna.keyboard(alert) == before
    await anna.click("Until tomorrow", message_id=alert)
    midnight = (NOON + timedelta(days=1)).replace(hour=0)
    assert await world.services.alerts.mutes([stored.id], NOON) == {
        (stored.id, "campaign:3"): midnight
    }
    await anna.send("/alerts")
    assert "1 campaign muted" in anna.last


async def test_stats_under_an_alert_come_as_a_new_message(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/alert roi < -30")
    stored, _rule = await only_rule(world, anna)
    alert = await an_alert(world, anna, stored.id, "campaign:3")
    card = await anna.click("Stats", message_id=alert)
    name = world.sandbox.state.campaigns.items[3]["name"]
    assert name in card.text and card.messages[-1]["message_id"] > alert
    await anna.send("/alert revenue < 10 by offer")
    by_offer = (await rules_of(world, anna))[-1]
    offer_alert = await an_alert(world, anna, by_offer.id, "offer:1")
    report = await anna.click("Stats", message_id=offer_alert)
    offer = world.sandbox.state.offers.items[1]["name"]
    assert offer in report.text and report.messages[-1]["message_id"] > offer_alert
    edit = await anna.click("Edit rule", message_id=offer_alert)
    assert f"Rule #{by_offer.id} · check it" in edit.text
    assert edit.messages[-1]["message_id"] > offer_alert  # below the alert, which stays
    assert "✏️ Edit rule" in labels(anna, offer_alert)


async def test_a_button_for_another_users_rule_or_a_bad_entity_reaches_nothing(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/alert roi < -30")
    annas, _rule = await only_rule(world, anna)
    bob = await world.connected_user(user_id=2002)
    await bob.send("/alert clicks = 0 30m")
    bobs = (await rules_of(world, bob))[0]
    screen = bob.messages[-1]["message_id"]
    for op in ("m", "M", "u", "s", "e", "c", "p", "d", "D", "t", "R", "A"):
        data = AlertCb(op=op, r=annas.id, t=annas.tracker_id, arg="c3").pack()
        answer = await bob.click_data(data, screen)
        assert any("This is not your rule" in alert for alert in answer.alerts), op
        assert not answer.messages, op  # the screen stays as it was
    for op in ("l", "n", "q"):
        answer = await bob.click_data(AlertCb(op=op, t=annas.tracker_id).pack(), screen)
        assert any("not one of yours" in alert for alert in answer.alerts), op
    alert = await an_alert(world, bob, bobs.id, "campaign:3")
    for arg in ("zz", "c", "cabc", "t5", ""):
        answer = await bob.click_data(AlertCb(op="m", r=bobs.id, arg=arg).pack(), alert)
        assert any("This is not your rule" in a for a in answer.alerts), arg
        assert not answer.messages
    assert await world.services.alerts.mutes([annas.id, bobs.id], datetime.now(UTC)) == {}
    assert await only_rule(world, anna) == (annas, Rule.from_json(annas.spec))
    assert not bob.unanswered


# ----- quiet hours, the list --------------------------------------------------------------------


async def test_quiet_hours_preset_typed_and_off(world: BotWorld) -> None:
    anna = await world.connected_user()
    owner = anna.user["id"]
    await anna.send("/alerts")
    assert "Quiet hours: off" in anna.last
    await anna.click("Quiet hours")
    assert "Quiet hours for alerts\nNow: off" in anna.last and "22:30-07:00" in anna.last
    saved = await anna.click("23:00–08:00")
    assert "Quiet hours saved" in saved.text and "Quiet hours: 23:00–08:00 (UTC)" in saved.text
    assert await world.services.alerts.quiet(owner) == {"from": "23:00", "to": "08:00"}
    await anna.click("Quiet hours")
    bad = await anna.send("25:00-07:00")
    assert "is not a pair of times" in bad.text
    assert await world.services.alerts.quiet(owner) == {"from": "23:00", "to": "08:00"}
    await anna.send("22:30 – 7:00")
    assert await world.services.alerts.quiet(owner) == {"from": "22:30", "to": "07:00"}
    assert await anna.state() is None
    await anna.click("Quiet hours")
    await anna.click("No quiet hours")
    assert await world.services.alerts.quiet(owner) is None
    forged = await anna.click_data(
        AlertCb(op="Q", t=await tracker_id(world, anna), arg="2200-0900").pack(),
        anna.messages[-1]["message_id"],
    )
    assert forged.alerts and await world.services.alerts.quiet(owner) is None


async def test_the_list_says_each_rules_state_and_pages(world: BotWorld) -> None:
    anna = await world.connected_user()
    empty = await anna.send("/alerts")
    assert "No rules yet" in empty.text and "/alert clicks = 0 30m" in empty.text
    assert "➕ New rule" in labels(anna)
    owner, tid = anna.user["id"], await tracker_id(world, anna)
    ids = []
    for n in range(10):
        spec = parse_rule(f"clicks > {n}").to_json()
        ids.append(await world.services.alerts.create(owner, tid, anna.chat_id, spec))
    alerts, now = world.services.alerts, datetime.now(UTC)
    for entity, name in (("campaign:1", "FB | DE"), ("campaign:2", "TT | PL")):
        await alerts.record(ids[0], entity, firing=True, now=now, data={"name": name}, seen=None)
    await alerts.mute(owner, ids[1], "campaign:1", now + timedelta(hours=1))
    await alerts.update(owner, ids[2], paused=True)
    listed = await anna.send("/alerts")
    text = listed.text
    assert "page 1 of 2" in text
    assert "1. 🔴 clicks > 0" in text and "firing for 2 campaigns" in text
    assert "2. 🔕 clicks > 1" in text and "1 campaign muted" in text
    assert "3. ⏸ clicks > 2" in text and "paused" in text
    assert "4. 🟢 clicks > 3" in text and "watching" in text
    assert "8. " in text and "9. " not in text
    second = await anna.click("Next »")
    assert "page 2 of 2" in second.text and "9. 🟢 clicks > 8" in second.text
    await anna.click("« Prev")
    card = await anna.click("🔴 1")
    assert "Firing for 2 campaigns: FB | DE, TT | PL" in card.text


async def test_two_trackers_each_have_their_rules(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send(f"/connect {world.sandbox.url.replace('127.0.0.1', 'localhost')} "
                    f"{world.sandbox.api_key}")  # fmt: skip
    active = await tracker_id(world, anna)
    await anna.send("/alert roi < -30")
    first, other = await world.services.trackers.list(anna.user["id"])
    idle = first if other.id == active else other
    await anna.send("/alerts")
    assert sum(label.startswith("• ") for label in labels(anna)) == 1
    await anna.click(idle.name[:20])
    assert idle.name in anna.last and "No rules yet" in anna.last
    await anna.click("New rule")
    await anna.send("clicks = 0 30m")
    assert idle.name in anna.last
    await anna.click("Save")
    assert len(await world.services.alerts.list(anna.user["id"], idle.id)) == 1
    assert len(await world.services.alerts.list(anna.user["id"], active)) == 1


async def test_saving_an_edit_that_changed_nothing_keeps_what_the_rule_saw(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/alert roi < -30")
    stored, _rule = await only_rule(world, anna)
    now = datetime.now(UTC)
    await world.services.alerts.record(
        stored.id, "campaign:1", firing=True, now=now, data={"name": "FB"}, seen=None
    )
    await anna.click("Edit")
    await anna.click("Save")
    assert list(await world.services.alerts.states([stored.id])) == [(stored.id, "campaign:1")]
    await anna.click("Edit")
    await anna.click("Change a step")
    await anna.click("Reminders")
    await anna.click("4 h")
    await anna.click("Save")
    # how it reminds is not what it watches: what it saw is kept
    assert list(await world.services.alerts.states([stored.id])) == [(stored.id, "campaign:1")]
    assert (await only_rule(world, anna))[1].cooldown == 240
    await anna.click("Edit")
    await anna.click("Change a step")
    await anna.click("The threshold")
    await anna.send("-50")
    await anna.click("Save")
    assert await world.services.alerts.states([stored.id]) == {}  # a new rule now
    assert (await only_rule(world, anna))[1].main.value == -50


async def test_the_menu_has_alerts_the_live_feed_and_digests_one_tap_away(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/menu")
    assert "Alerts" in (await anna.click("🔔 Alerts")).text
    await anna.send("/menu")
    assert "Live feed" in (await anna.click("📡 Live feed")).text
    await anna.send("/menu")
    assert "igest" in (await anna.click("🗞 Digests")).text
