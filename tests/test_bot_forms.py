"""The form engine through the chat: typed answers, buttons, pickers, errors kept inline,
Back, JSON, the stream shares check, a restart in the middle, callback data sizes."""

from __future__ import annotations

from bot.forms.codes import WRITE_ACTIONS, code_of
from bot.forms.fields import fields_of
from bot.ui.callbacks import FormCb, WriteCb, WriteMenuCb
from keitaro.catalog import ACTIONS
from tests.bot_world import BotWorld, done_said
from tests.test_bot_writes_catalog import open_action, press_data


async def test_a_campaign_created_by_typing_and_buttons(world: BotWorld) -> None:
    anna = await world.connected_user()
    first = await open_action(anna, "campaigns.create")
    assert "Name (1 of" in first.text and "name (" not in first.text
    optional = await anna.send("Typed | PL | Offer")
    assert "More options" in optional.text
    asked = await anna.click("Stream rotation")
    assert {"Position", "Weight (split)"} <= set(asked.buttons), asked.buttons
    await anna.click("Weight (split)")  # a Literal value as a button, in words
    picker = await anna.click("Traffic source")
    assert any(label.startswith("#2 ") for label in picker.buttons), picker.buttons
    found = await anna.send("tiktok")  # a name searches the tracker's own sources
    assert "🔎" in found.text and any("TikTok" in label for label in found.buttons)
    await anna.click(next(label for label in found.buttons if "TikTok" in label))
    confirm = await anna.click("Done")
    assert "Name: Typed | PL | Offer" in confirm.text
    assert "Stream rotation: Weight (split)" in confirm.text
    done = await anna.click("Send")
    assert done_said(done.text)
    made = next(
        c for c in world.sandbox.state.campaigns.list() if c["name"] == "Typed | PL | Offer"
    )
    assert made["type"] == "weight"
    assert world.sandbox.state.traffic_sources.get(made["traffic_source_id"])["name"] == "TikTok"
    assert "Open" in done and anna.unanswered == []
    # made without a domain: the link is on the tracker's own address, to copy at once
    host = world.sandbox.url.split("://", 1)[1].split("/", 1)[0]
    assert f"Tracking link: http://{host}/{made['alias']}" in done.text
    stream = await anna.click("➕ New stream")  # its first stream, the campaign filled in
    assert (await anna.data())["form"]["values"]["campaign_id"] == made["id"]
    assert stream is not None


async def test_a_wrong_value_re_asks_only_that_field_and_keeps_the_rest(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "campaigns.create")
    await anna.send("Keep me")
    await anna.click("Cost")
    wrong = await anna.send("abc")
    assert "That does not fit Cost" in wrong.text
    assert "a number is needed" in wrong.text  # translated, not pydantic's English
    assert "Cost (" in wrong.text and "cost_value" not in wrong.text  # asked again
    form = (await anna.data())["form"]
    assert form["values"] == {"name": "Keep me"} and form["field"] == "cost_value"
    await anna.send("0,35")
    confirm = await anna.click("Done")
    assert "Keep me" in confirm.text and "0.35" in confirm.text


async def test_the_wrong_value_message_is_translated(world: BotWorld) -> None:
    ivan = await world.connected_user(user_id=2002, language="ru")
    await open_action(ivan, "offers.update")
    await ivan.send("3")  # the offer id, typed
    await ivan.click("Выплата")
    wrong = await ivan.send("abc")
    assert "Не подходит для" in wrong.text


async def test_back_returns_to_the_previous_screen_keeping_answers(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "groups.create")
    await anna.send("Pushes")
    asked = await anna.click("« Back")
    assert "Name (1 of 2" in asked.text and "Now: Pushes" in asked.text
    await anna.click("Keep")
    await anna.click("Offers")
    done = await anna.click("Send")
    assert done_said(done.text)
    assert any(g["name"] == "Pushes" for g in world.sandbox.state.groups.list())


async def test_json_mode_applies_the_models_validation(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "groups.create")
    await anna.click("JSON")
    bad = await anna.send('{"name": "X", "type": "planets"}')
    assert "Not sent yet" in bad.text and "type" in bad.text
    broken = await anna.send("{not json")
    assert "not a JSON object" in broken.text
    confirm = await anna.send('{"name": "X", "type": "landings"}')
    assert "Check and send" in confirm.text
    await anna.click("Send")
    assert any(g["name"] == "X" for g in world.sandbox.state.groups.list())


async def test_stream_offer_shares_must_make_100(world: BotWorld) -> None:
    anna = await world.connected_user()
    stream = min(s["id"] for s in world.sandbox.state.streams.list() if s["campaign_id"] == 1)
    before = world.sandbox.state.streams.get(stream)["offers"]
    await anna.send("/campaigns")
    await anna.click("#1")
    streams = await anna.click("🔀 Streams")
    await anna.click(next(b for b in streams.buttons if b == f"#{stream}"))
    asked = await anna.click("Offers & shares")
    assert "offer_id" not in asked.text  # an editor, not JSON: JSON is one tap away
    await anna.click("Edit as JSON")
    wrong = await anna.send(
        '{"offers": [{"offer_id": 1, "share": 60}, {"offer_id": 2, "share": 30}]}'
    )
    assert "add up to 90%" in wrong.text
    assert world.sandbox.state.streams.get(stream)["offers"] == before
    await anna.send('{"offers": [{"offer_id": 1, "share": 60}, {"offer_id": 2, "share": 40}]}')
    await anna.click("Send")
    offers = world.sandbox.state.streams.get(stream)["offers"]
    assert [(o["offer_id"], o["share"]) for o in offers] == [(1, 60), (2, 40)]


async def test_a_restart_in_the_middle_of_a_form_resumes_it(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "campaigns.create")
    await anna.send("After restart")
    await anna.click("Cost")
    await world.restart()
    confirm = await anna.send("0.9")
    assert "After restart" not in confirm.text or "More options" in confirm.text
    done = await press_data(anna, "fm:d:")
    assert "After restart" in done.text
    await anna.click("Send")
    made = [c for c in world.sandbox.state.campaigns.list() if c["name"] == "After restart"]
    assert made and made[0]["cost_value"] == 0.9


def test_callback_data_fits_in_64_bytes() -> None:
    longest = max(
        len(
            WriteCb(
                op="q", a=code_of(name), id=2**31, f=len(fields_of(ACTIONS[name])), tr=2**31
            ).pack()
        )
        for name in WRITE_ACTIONS
    )
    assert longest < 64
    assert len(FormCb(op="p", t="A" * 6, f=99, v=2**31).pack()) < 64
    assert len(WriteMenuCb(r=99, id=2**31).pack()) < 64
