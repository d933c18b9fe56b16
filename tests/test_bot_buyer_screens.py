"""Screens that speak buyer, through the dispatcher: a campaign card with its tracking link
and "➕ New stream", lists with today's profit, a click's next steps, dates and time zones as
people type them, Russian status words, and 🚫 Blacklist from a report row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import Translator
from bot.services.conversion_draft import DRAFT_KEY
from bot.stats.builder import value_token
from bot.ui.callbacks import BrowseCb
from tests.bot_world import BotWorld
from tests.conversion_helpers import payout_auto_click, ready_user, settle

LANGUAGES = ("en", "ru", "uk")


async def test_a_campaign_card_has_its_tracking_link_and_a_new_stream_inside_it(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    card = await anna.click("#1")
    campaign = world.sandbox.state.campaigns.get(1)
    domain = world.sandbox.state.domains.get(campaign["domain_id"])["name"]
    assert f"🔗 Tracking link: https://{domain}/{campaign['alias']}" in card.text
    assert "200" not in card.text
    form = await anna.click("➕ New stream")
    assert "#1" in form.text or "FB | DE" in form.text  # the campaign is filled in already
    assert (await anna.data())["form"]["values"]["campaign_id"] == 1


async def test_a_campaign_without_spend_today_shows_no_roi(world: BotWorld) -> None:
    fresh = world.sandbox.state.campaigns.create({"name": "Fresh | PUSH | BR", "alias": "fresh01"})
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("Search")
    await anna.send("Fresh | PUSH")
    card = await anna.click(f"#{fresh['id']}")
    assert "Fresh | PUSH | BR" in card.text
    assert "ROI —" in card.text and "0%" not in card.text  # no spend: no ROI, not 🟢 0%


async def test_lists_show_todays_profit_and_roi_per_row(world: BotWorld) -> None:
    # traffic in the last minute: today has numbers even just after midnight
    world.sandbox.scenarios.losing(1, clicks=5, cost=1.0, minutes=1)
    anna = await world.connected_user()
    listed = await anna.send("/campaigns")
    assert "· today " in listed.text and "ROI" in listed.text
    offers = await anna.send("/offers")
    assert "· today " in offers.text


async def test_an_empty_list_says_so_and_offers_to_create(world: BotWorld) -> None:
    for stream in list(world.sandbox.state.streams.list()):
        if stream["campaign_id"] == 2:
            stream["state"] = "deleted"
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#2")
    streams = await anna.click("Streams")
    assert "none yet" in streams.text and "➕ New stream" in streams.buttons


async def test_a_clicks_trail_offers_a_conversion_and_its_campaign(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    trail = await anna.send(f"/click {click.sub_id}")
    asked = await anna.click("Record a conversion")
    assert "status" in asked.text.lower()  # the click id is taken: the status comes next
    sale = await anna.click("Sale")
    assert sale is not None
    trail = await anna.send(f"/click {click.sub_id}")
    opened = await anna.click("Open the campaign")
    assert world.sandbox.state.campaigns.get(click.campaign_id)["name"] in opened.text
    assert trail is not None


@pytest.mark.parametrize(
    ("line", "status"), [("продажа", "sale"), ("лид", "lead"), ("отказ", "rejected")]
)
async def test_russian_status_words_are_keitaros_statuses(
    world: BotWorld, line: str, status: str
) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    card = await anna.send(f"/conversion {click.sub_id} {line} 12")
    assert status.capitalize() in card.text  # Keitaro's status, in the card's words
    await anna.click("Send")
    await settle(world)
    assert click.conversions and click.conversions[-1].status == status


async def test_a_one_line_conversion_without_a_click_id_is_refused(world: BotWorld) -> None:
    anna = await ready_user(world)
    sent = world.sandbox.count("GET", "/admin_api/v1/conversions/log")
    refused = await anna.send("/conversion sale 45 USD")
    assert "starts with the click id" in refused.text
    assert world.sandbox.count("GET", "/admin_api/v1/conversions/log") == sent


@pytest.mark.parametrize("typed", ["01.12–05.12", "1.12.2026 - 5.12.2026", "2026-12-01 2026-12-05"])
async def test_report_dates_as_people_type_them(world: BotWorld, typed: str) -> None:
    anna = await world.connected_user()
    await anna.send("/stats")
    await anna.click("Build report")
    await anna.click("Period")
    await anna.click("Dates")
    report = await anna.send(typed)
    year = datetime.now(UTC).year if datetime.now(UTC).month == 12 else datetime.now(UTC).year - 1
    spec = (await anna.data(stats=True))["report"]
    assert (spec["first"], spec["last"]) == (f"{year}-12-01", f"{year}-12-05"), report.text


@pytest.mark.parametrize(
    ("language", "typed", "zone"),
    [("ru", "Москва", "Europe/Moscow"), ("uk", "Київ", "Europe/Kyiv"), ("en", "UTC+3", "Etc/GMT-3"),
     ("en", "berlin", "Europe/Berlin"), ("en", "PST", "America/Los_Angeles")],
)  # fmt: skip
async def test_time_zones_by_city_offset_or_abbreviation(
    world: BotWorld, language: str, typed: str, zone: str
) -> None:
    t = Translator(language)
    anna = await world.connected_user(language=language)
    await anna.send("/settings")
    await anna.click(t.plain("tz.button"))
    saved = await anna.send(typed)
    assert zone in saved.text
    assert (await world.services.users.get(anna.user["id"])).timezone == zone


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_sub_id_from_a_report_is_blacklisted_in_its_campaign_without_json(
    world: BotWorld, language: str
) -> None:
    t = Translator(language)
    anna = await world.connected_user(user_id=3400 + LANGUAGES.index(language), language=language)
    await anna.send("/stats")
    await anna.click(t.plain("stats.b.build"))
    await anna.click(t.plain("rb.b.period"))
    await anna.click(t.plain("stats.p.30d"))
    await anna.click(t.plain("rb.b.group"))
    await anna.click(t.plain("rb.b.sub_ids"))
    report = await anna.click(t.plain("flt.sub_id", n=1))
    assert "🚫 1" in report.buttons
    opened = await anna.click("🚫 1")
    assert "{" not in opened.text
    assert f"{t.plain('rb.short.clicks')} " in opened.text  # the numbers in the buyer's words
    block = next(b for b in opened.buttons if b.startswith("🚫"))
    done = await anna.click(block)
    spec = (await anna.data(stats=True))["report"]["opened"]
    value, campaigns = spec["v"], spec["campaigns"]
    campaign = next(int(cid) for cid, name in campaigns.items() if name[:20] in block)
    labels = world.sandbox.state.labels[(campaign, "sub_id_1")]
    assert labels == {value: "blacklist"}
    assert value_token(value) and value[:20] in done.text
    undone = await anna.click(t.plain("act.undo"))
    assert world.sandbox.state.labels[(campaign, "sub_id_1")] == {}
    assert undone is not None


async def test_a_conversion_in_the_log_gets_a_new_status_from_its_row(world: BotWorld) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} lead 5")
    await anna.click("Send")
    await settle(world)
    log = await anna.click_data(BrowseCb(op="t", view="cv").pack(), anna.messages[-1]["message_id"])
    assert "🔁 1" in log.buttons and "new status" in log.text
    row = next(n for n, line in enumerate(log.text.split("\n")) if click.sub_id in line)
    number = log.text.split("\n")[row].split(".")[0].strip()
    asked = await anna.click(f"🔁 {number}")
    assert "status" in asked.text.lower()
    await anna.click("Sale")
    await anna.send("30")
    extras = await anna.click("USD")
    while "Send" not in " ".join(extras.buttons):  # tid kept from the log: nothing to add
        extras = await anna.click(next(b for b in extras.buttons if "Done" in b or "No" in b))
    await anna.click("Send")
    await settle(world)
    assert [c.status for c in click.conversions][-1] == "sale"


async def test_an_unfinished_conversion_prompt_takes_a_typed_click_id(world: BotWorld) -> None:
    anna = await ready_user(world)
    first, second = payout_auto_click(world), payout_auto_click(world, skip=1)
    await anna.send(f"/conversion {first.sub_id}")
    await anna.send("/menu")  # left the dialog; the draft stays
    prompt = await anna.send("/conversion")
    assert "unfinished conversion" in prompt.text
    asked = await anna.send(second.sub_id)  # a new one, for this click
    assert "Click found" in asked.text and "Status?" in asked.text
    assert (await anna.data())[DRAFT_KEY]["click_id"] == second.sub_id


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_whole_form_problem_names_the_field_in_words(
    world: BotWorld, language: str
) -> None:
    from tests.test_bot_writes_catalog import open_action

    t = Translator(language)
    user = await world.connected_user(user_id=3400 + LANGUAGES.index(language), language=language)
    await open_action(user, "botlist.add")
    await user.send("hello, 1.2.3.999")
    refused = await user.click(t.plain("form.b.send"))
    problems = refused.text.split(t.plain("form.problems"), 1)[-1]
    assert f"• {t.plain('fl.value')}:" in problems, refused.text
    assert "value:" not in refused.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_domain_card_says_whether_its_dns_and_certificate_work(
    world: BotWorld, language: str
) -> None:
    t = Translator(language)
    user = await world.connected_user(user_id=3500 + LANGUAGES.index(language), language=language)
    world.sandbox.scenarios.domain_trouble(1, "ssl")
    await user.send("/menu")
    card = await user.click_data(
        BrowseCb(op="c", view="dm", id=1).pack(), user.messages[-1]["message_id"]
    )
    assert f"{t.plain('f.ssl')}: {t.plain('fc.ssl_status.error')}" in card.text
    assert f"{t.plain('f.network_status')}: {t.plain('fc.network_status.active')}" in card.text
    world.sandbox.scenarios.domain_trouble(1, "error")
    card = await user.click_data(
        BrowseCb(op="c", view="dm", id=1).pack(), user.messages[-1]["message_id"]
    )
    assert t.plain("fc.network_status.error") in card.text
