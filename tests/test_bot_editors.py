"""Structured editors instead of JSON, through the chat: a stream's offers and shares, its
filters, a campaign's postbacks, and 🚫 Blacklist from a report row; in every language."""

from __future__ import annotations

import pytest

from bot.emulator import EmulatedUser
from bot.emulator.user import Screen
from bot.i18n import Translator
from keitaro.sandbox.store import Store
from tests.bot_world import BotWorld, shown
from tests.test_bot_writes_catalog import open_action

LANGUAGES = ("en", "ru", "uk")


def first_stream(store: Store, campaign_id: int = 1) -> dict:
    return min(
        (s for s in store.streams.list() if s["campaign_id"] == campaign_id),
        key=lambda s: s["id"],
    )


async def open_stream(user: EmulatedUser, t: Translator, stream_id: int) -> Screen:
    await user.send("/campaigns")
    await user.click("#1")
    streams = await user.click(t.plain("l.streams"))
    return await user.click(next(b for b in streams.buttons if b == f"#{stream_id}"))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_buyer_edits_a_streams_offer_shares_without_json(
    world: BotWorld, language: str
) -> None:
    t = Translator(language)
    user = await world.connected_user(user_id=3100 + LANGUAGES.index(language), language=language)
    stream = first_stream(world.sandbox.state)
    in_stream = {o["offer_id"] for o in stream["offers"]}
    other = min(o["id"] for o in world.sandbox.state.offers.list() if o["id"] not in in_stream)
    await open_stream(user, t, stream["id"])
    editor = await user.click(t.plain("qf.offers"))
    assert "{" not in editor.text and "offer_id" not in editor.text
    assert t.plain("ed.total_ok", total=100) in editor.text or "100%" in editor.text
    picker = await user.click(t.plain("ed.offers.b.add"))
    unknown = await user.send("999")
    assert shown(t("ed.offers.unknown", id=999)) in unknown.text  # an id the tracker lacks: refused
    name = world.sandbox.state.offers.get(other)["name"]
    assert any(f"#{other} " in b for b in picker.buttons)
    asked = await user.click(next(b for b in unknown.buttons if b.startswith(f"#{other} ")))
    assert name[:20] in asked.text
    listed = await user.send("30")
    assert "130%" in listed.text  # the sum, live: 100 + 30
    refused = await user.click(t.plain("form.b.done"))
    assert shown(t("form.shares", total=130)) in refused.text  # must make 100
    await user.click(t.plain("ed.b.split"))
    confirm = await user.click(t.plain("form.b.done"))
    assert "offer_id" not in confirm.text and "{" not in confirm.text
    await user.click(t.plain("form.b.send"))
    offers = world.sandbox.state.streams.get(stream["id"])["offers"]
    shares = {o["offer_id"]: o["share"] for o in offers}
    assert set(shares) == in_stream | {other}
    assert sum(shares.values()) == 100 and max(shares.values()) - min(shares.values()) <= 1


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_buyer_adds_a_country_filter_without_json(world: BotWorld, language: str) -> None:
    t = Translator(language)
    user = await world.connected_user(user_id=3200 + LANGUAGES.index(language), language=language)
    stream = first_stream(world.sandbox.state)
    before = list(stream["filters"])
    await open_stream(user, t, stream["id"])
    await user.click(t.plain("op.update"))
    editor = await user.click(t.plain("fl.filters"))
    assert "payload" not in editor.text and "{" not in editor.text
    kinds = await user.click(t.plain("ed.filters.b.add"))
    assert t.plain("flt.country") in kinds.buttons and t.plain("flt.bot") in kinds.buttons
    assert not any("{n}" in label for label in kinds.buttons), kinds.buttons  # "Sub ID {n}"
    devices = await user.click(t.plain("flt.device_type"))
    assert t.plain("flv.mobile") in devices.buttons  # words of the buyer's language
    if language != "en":
        assert "mobile" not in devices.buttons and "desktop" not in devices.buttons
    await user.click(f"« {t.plain('ed.b.to_rows')}")  # nothing chosen: back to the rows
    await user.click(t.plain("ed.filters.b.add"))
    await user.click(t.plain("flt.country"))
    await user.click("DE")
    wrong = await user.send("Germany, AT")
    assert shown(t("ed.filters.bad.codes", values="Germany")) in wrong.text  # nothing added
    assert len((await user.data())["form"]["sub"]["rows"]) == len(before)
    listed = await user.send("at, ch")
    line = f"{t.plain('flt.country')} {t.plain('flt.accept')}: DE, AT, CH"
    assert line in listed.text
    confirm = await user.click(t.plain("form.b.done"))  # the filters, handed to the form
    assert line in confirm.text and "payload" not in confirm.text
    await user.click(t.plain("form.b.send"))
    filters = world.sandbox.state.streams.get(stream["id"])["filters"]
    added = [f for f in filters if f["name"] == "country" and f["payload"] == ["DE", "AT", "CH"]]
    assert len(filters) == len(before) + 1 and added and added[0]["mode"] == "accept"
    card = await open_stream(user, t, stream["id"])
    assert line in card.text  # the card reads it back in words


async def test_a_bots_filter_and_an_ip_filter_are_buttons_and_checked_addresses(
    world: BotWorld,
) -> None:
    t = Translator("en")
    user = await world.connected_user()
    stream = first_stream(world.sandbox.state)
    await open_stream(user, t, stream["id"])
    await user.click("Edit")
    await user.click(t.plain("fl.filters"))
    await user.click(t.plain("ed.filters.b.add"))
    await user.click("Bots")
    await user.click(t.plain("ed.filters.b.none"))
    await user.click(t.plain("ed.filters.b.add"))
    await user.click("IP")
    bad = await user.send("1.2.3.999")
    assert "Not an IP address or range: 1.2.3.999" in bad.text
    await user.send("10.0.0.0/24, 1.2.3.4")
    await user.click(t.plain("form.b.done"))  # the filters: to the confirmation
    await user.click(t.plain("form.b.send"))
    filters = world.sandbox.state.streams.get(stream["id"])["filters"]
    assert {"name": "bot", "mode": "reject"}.items() <= next(
        f for f in filters if f["name"] == "bot"
    ).items()
    assert next(f for f in filters if f["name"] == "ip")["payload"] == ["10.0.0.0/24", "1.2.3.4"]


async def test_campaign_postbacks_are_edited_as_rows(world: BotWorld) -> None:
    t = Translator("en")
    user = await world.connected_user()
    await user.send("/campaigns")
    await user.click("#1")
    await user.click(t.plain("act.postbacks.set"))
    editor = world.sandbox.state  # the campaign's own postbacks are the starting rows
    del editor
    await user.click(t.plain("ed.postbacks.b.add"))
    bad = await user.send("not a url")
    assert "is not a web address" in bad.text
    row = await user.send("https://ts.example/pb?cid={subid}&sum={payout}")
    assert "✓ " + t.plain("cv.status_sale") in row.buttons
    await user.click(t.plain("cv.status_lead"))
    await user.click("Send by POST")
    listed = await user.click(f"« {t.plain('ed.b.to_rows')}")
    assert "POST · Lead, Sale → https://ts.example/pb?cid={subid}&sum={payout}" in listed.text
    await user.click(t.plain("form.b.done"))
    await user.click(t.plain("form.b.destroy", verb=t.plain("verb.set")))
    postbacks = world.sandbox.state.campaigns.get(1)["postbacks"]
    assert {"method": "POST", "statuses": ["lead", "sale"]}.items() <= postbacks[-1].items()
    assert postbacks[-1]["url"] == "https://ts.example/pb?cid={subid}&sum={payout}"


async def test_blacklist_entries_are_typed_values_not_json(world: BotWorld) -> None:
    t = Translator("en")
    user = await world.connected_user()
    await open_action(user, "blacklist.set")
    await user.click("#1 ")  # the campaign, picked
    editor = (await user.send("sub_id_2")).text  # the report column, then the values
    assert "{" not in editor and "No values yet" in editor
    listed = await user.send("spam-zone-1, spam-zone-2")
    assert "spam-zone-1 → Blacklist" in listed.text and "spam-zone-2 → Blacklist" in listed.text
    row = await user.click("2. spam-zone-2")
    await user.click("Whitelist")
    confirm = await user.click(t.plain("form.b.done"))
    assert "spam-zone-2 → Whitelist" in confirm.text and "{" not in confirm.text
    del row
    labels = [label for line in user.keyboard() for label in line]
    await user.click(next(b for b in labels if "Yes" in b or "Send" in b))
    assert world.sandbox.state.labels[(1, "sub_id_2")] == {
        "spam-zone-1": "blacklist",
        "spam-zone-2": "whitelist",
    }
