"""The report builder's filters, metric picker, drill-down by offer and trend charts, through
the real Dispatcher against the sandbox; expected numbers come from the sandbox's own report."""

from __future__ import annotations

import re
from typing import Any

from bot.emulator import EmulatedUser
from bot.handlers import stats as stats_handlers
from bot.stats import period_of
from bot.ui.callbacks import ReportCb
from bot.ui.countries import country_label
from keitaro import KeitaroClient
from tests.bot_world import BotWorld


async def zone_of(world: BotWorld, anna: EmulatedUser) -> str:
    """The time zone the bot counts Anna's days in (taken from her tracker on connect)."""
    user = await world.services.users.get(anna.user["id"])
    return (user.timezone if user else None) or "UTC"


async def sandbox_report(
    client: KeitaroClient,
    key: str,
    dimensions: list[str],
    filters: list[dict[str, Any]],
    zone: str,
) -> dict[str, Any]:
    period = period_of(key, zone, stats_handlers.now())
    params = {
        "range": period.as_range(),
        "dimensions": dimensions,
        "measures": ["clicks", "conversions", "profit"],
        "filters": filters,
        "summary": True,
        "limit": 1000,
    }
    return (await client.call("reports.build", params)).data


def total_clicks(text: str) -> int:
    """The clicks of the report's Total line (``Total: clicks 1 234 · …``)."""
    line = next(line for line in text.splitlines() if line.startswith("Total"))
    match = re.search(r"clicks ([\d\s\u00a0\u202f]+)", line)
    assert match, line
    return int(re.sub(r"\D", "", match.group(1)))


async def test_filters_by_group_and_country_match_the_tracker(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    zone = await zone_of(world, anna)
    await anna.send("/stats 30d")
    await anna.click("Build report")
    filters = await anna.click("Filters")
    assert "None yet" in filters.text
    picker = await anna.click("Campaign group")
    assert "5 to choose from" in picker.text and "TikTok" in picker.buttons
    by_group = await anna.click("TikTok")
    assert "Campaign group: TikTok" in by_group.text and "Filters (1)" in by_group
    tiktok = [{"name": "campaign_group_id", "operator": "EQUALS", "expression": 2}]
    expected = await sandbox_report(client, "30d", ["campaign_id", "campaign"], tiktok, zone)
    assert f"of {len(expected['rows'])}" in by_group.text
    assert total_clicks(by_group.text) == expected["summary"]["clicks"]
    assert all(line.split(" ", 1)[1].startswith("TT |") for line in by_group.text.splitlines()
               if re.match(r"\d+\. ", line))  # fmt: skip

    await anna.click("Filters (1)")
    countries = await anna.click("Country")
    assert "busiest" not in countries.text and "to choose from" in countries.text
    first = countries.buttons[0]
    code = "".join(chr(ord(mark) - 0x1F1E6 + ord("A")) for mark in first.split()[0])  # 🇺🇸: US
    assert re.fullmatch(r"[A-Z]{2}", code) and first == country_label(code, "en")
    narrowed = await anna.click(first)
    both = [*tiktok, {"name": "country_code", "operator": "EQUALS", "expression": code}]
    expected = await sandbox_report(client, "30d", ["campaign_id", "campaign"], both, zone)
    assert f"Country: {first}" in narrowed.text
    if expected["rows"]:
        assert total_clicks(narrowed.text) == expected["summary"]["clicks"]
    else:
        assert "No rows" in narrowed.text

    await anna.click("Filters (2)")
    await anna.click("✖ Campaign group")
    only_country = await anna.click("« Report")
    expected = await sandbox_report(client, "30d", ["campaign_id", "campaign"], both[1:], zone)
    assert "TikTok" not in only_country.text
    assert total_clicks(only_country.text) == expected["summary"]["clicks"]


async def test_a_campaign_is_found_by_typing_part_of_its_name(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    zone = await zone_of(world, anna)
    await anna.send("/stats 30d")
    await anna.click("Build report")
    await anna.click("Filters")
    picker = await anna.click("➕ Campaign")
    assert "page 1 of 3" in picker.text  # 24 campaigns, ten to a page
    assert await anna.state() == "StatsDialog:search"
    nothing = await anna.send("zzz-no-such")
    assert "nothing matches" in nothing.text
    found = await anna.send("mx")
    assert found.buttons[0] == "TT | MX | Prostatin"
    report = await anna.click("TT | MX | Prostatin")
    assert "Campaign: TT | MX | Prostatin" in report.text
    assert await anna.state() is None
    mexico = [{"name": "campaign_id", "operator": "EQUALS", "expression": 9}]
    expected = await sandbox_report(client, "30d", ["campaign_id"], mexico, zone)
    assert total_clicks(report.text) == expected["summary"]["clicks"]
    # a forged or stale choice is refused and nothing changes
    message_id = report.messages[-1]["message_id"]
    forged = await anna.click_data(ReportCb(op="f", v="campaign.987654").pack(), message_id)
    assert "no longer in the tracker" in forged.text
    data = await anna.click_data(ReportCb(op="f", v="country.xx").pack(), message_id)
    assert "no longer in the tracker" in data.text
    assert anna.unanswered == []
    # the filtered report is saved with its filter and reopens in one tap
    await anna.click("Filters")
    await anna.click("« Report")
    await anna.click("Save")
    stats = await anna.send("/stats")
    preset = next(label for label in stats.buttons if label.startswith("⭐"))
    assert "TT | MX" in preset
    reopened = await anna.click(preset)
    assert "Campaign: TT | MX | Prostatin" in reopened.text


async def test_metric_picker_shows_any_mix_within_a_phone_line(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    await anna.click("Build report")
    picker = await anna.click("Metrics")
    assert "✅ Clicks" in picker.buttons and "▫️ CPA" in picker.buttons
    with_cpa = await anna.click("CPA")
    assert "✅ CPA" in with_cpa.buttons
    report = await anna.click("« Report")
    assert "Custom" in report.text and "CPA $" in report.text
    await anna.click("Metrics")
    await anna.click("▫️ Leads")  # the seventh
    refused = await anna.click("▫️ Sales")
    assert any("Up to 7" in alert for alert in refused.alerts)
    assert any("▫️ Sales" in row for row in anna.keyboard())
    for name in ("Clicks", "Conversions", "Revenue", "Profit", "ROI", "Leads"):
        await anna.click(f"✅ {name}")
    last = await anna.click("✅ CPA")
    assert any("At least one" in alert for alert in last.alerts)
    only_cpa = await anna.click("« Report")
    rows = [line for line in only_cpa.text.splitlines() if re.match(r"\d+\. ", line)]
    assert rows and all("CPA" in line and "clicks" not in line for line in rows)
    export = await anna.click("CSV")
    document = next(message for message in export.messages if message.get("document"))
    content = world.telegram.file(document["document"]["file_id"]).content.decode("utf-8-sig")
    assert content.splitlines()[0] == "campaign_id,campaign,cpa"


async def test_a_campaign_opens_by_offer_and_as_a_trend_chart(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    zone = await zone_of(world, anna)
    await anna.send("/stats 30d")
    built = await anna.click("Build report")
    first_line = next(line for line in built.text.splitlines() if line.startswith("1."))
    name = first_line.removeprefix("1. ").split(" — ")[0]
    await anna.press(1)
    by_offer = await anna.click("By offer")
    assert "by Offer" in by_offer.text and name.rstrip("…") in by_offer.text
    campaigns = await sandbox_report(client, "30d", ["campaign_id", "campaign"], [], zone)
    best = max(campaigns["rows"], key=lambda row: row["profit"])
    only = [{"name": "campaign_id", "operator": "EQUALS", "expression": best["campaign_id"]}]
    offers = await sandbox_report(client, "30d", ["offer_id", "offer"], only, zone)
    assert f"of {len(offers['rows'])}" in by_offer.text
    assert total_clicks(by_offer.text) == offers["summary"]["clicks"]
    back = await anna.click("« Report")  # the list it was opened from
    assert back.text == built.text

    await anna.send("/stats 30d")
    await anna.click("Build report")
    await anna.press(1)
    chart = await anna.click("Trend chart")
    photo = next(message for message in chart.messages if message.get("photo"))
    assert name.rstrip("…")[:30] in photo["caption"]
    assert "Open it" in anna.messages[-2]["text"]  # the choice stays on screen
    content = world.telegram.file(photo["photo"][-1]["file_id"]).content
    assert content.startswith(b"\x89PNG")
    # a stale "open" (nothing opened since a restart of the spec) leaves the report alone
    await anna.send("/stats 7d")
    fresh = await anna.click("Build report")
    message_id = fresh.messages[-1]["message_id"]
    await anna.click_data(ReportCb(op="o", v="offer").pack(), message_id)
    assert "by Campaign" in world.telegram.message(anna.chat_id, message_id)["text"]
    assert anna.unanswered == []


async def test_a_country_row_opens_by_campaign(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    zone = await zone_of(world, anna)
    await anna.send("/stats 30d")
    await anna.click("Build report")
    await anna.click("Group by")
    by_country = await anna.click("Country")
    opened = await anna.press(1)
    assert "By campaign" in opened and "By country" not in opened
    by_campaign = await anna.click("By campaign")
    countries = await sandbox_report(client, "30d", ["country_code", "country"], [], zone)
    top = max(countries["rows"], key=lambda row: row["profit"])
    label = country_label(top["country_code"], "en", top["country"])
    assert f"Country: {label}" in by_campaign.text
    only = [{"name": "country_code", "operator": "EQUALS", "expression": top["country_code"]}]
    expected = await sandbox_report(client, "30d", ["campaign_id", "campaign"], only, zone)
    assert total_clicks(by_campaign.text) == expected["summary"]["clicks"]
    assert "by Campaign" in by_campaign.text and by_country.text != by_campaign.text


async def test_a_campaign_card_opens_its_own_stats(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    zone = await zone_of(world, anna)
    await anna.send("/menu")
    await anna.click("Campaigns")
    card = await anna.click("#9")
    assert "TT | MX | Prostatin" in card.text
    mexico = [{"name": "campaign_id", "operator": "EQUALS", "expression": 9}]
    today = await sandbox_report(client, "today", ["campaign_id"], mexico, zone)
    clicks = today["summary"]["clicks"]
    word = "click" if clicks == 1 else "clicks"
    assert re.search(rf"Today: {clicks} {word} · \d+ conv\. · profit ", card.text), card.text
    stats = await anna.click("📊 Stats")
    assert "Campaign: TT | MX | Prostatin" in stats.text and "by Day" in stats.text
    expected = await sandbox_report(client, "7d", ["day"], mexico, zone)
    assert total_clicks(stats.text) == expected["summary"]["clicks"]
    chart = await anna.click("Chart")
    photo = next(message for message in chart.messages if message.get("photo"))
    assert "TT | MX | Prostatin" in photo["caption"]
