"""The report builder through the bot: grouping, paging, drill-down, export, presets."""

from __future__ import annotations

import csv
import io
import re

from bot.handlers import stats as stats_handlers
from bot.i18n import Translator
from bot.stats import period_of
from bot.stats.builder import parse_dates
from bot.ui.callbacks import ReportCb
from bot.ui.countries import country_name, flag
from keitaro import KeitaroClient
from tests.bot_world import BotWorld


async def report(client: KeitaroClient, key: str, dimensions: list[str], **extra: object) -> dict:
    period = period_of(key, "UTC", stats_handlers.now())
    params = {
        "range": period.as_range(),
        "dimensions": dimensions,
        "measures": ["clicks", "profit"],
        "summary": True,
        "limit": 1000,
        **extra,
    }
    return (await client.call("reports.build", params)).data  # fmt: skip


async def test_group_by_country_pages_and_sorts(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    built = await anna.click("Build report")
    assert "by Campaign" in built.text and "Rows 1–" in built.text
    await anna.click("Group by")
    by_country = await anna.click("Country")
    expected = await report(client, "30d", ["country"])
    total = len(expected["rows"])
    assert "by Country" in by_country.text
    assert f"of {total}" in by_country.text
    assert by_country.text.count("\n<b>") == 0  # markup is rendered, not shown
    if total > 10:
        second = await anna.click("▶️")
        assert f"Rows 11–{min(20, total)} of {total}" in second.text
        back = await anna.click("◀️")
        assert f"Rows 1–10 of {total}" in back.text
    by_clicks = await anna.click("Sort: clicks")
    top = max(expected["rows"], key=lambda row: row["clicks"])
    first_line = next(line for line in by_clicks.text.splitlines() if line.startswith("1."))
    assert top["country"] in first_line
    assert "✓ Sort: clicks" in by_clicks.buttons
    for data in (ReportCb(op="g", v="sub_id_10").pack(), ReportCb(op="r", n=99).pack()):
        assert len(data.encode()) < 64


async def test_group_by_day_and_custom_dates(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 7d")
    await anna.click("Build report")
    await anna.click("Group by")
    by_day = await anna.click("Day")
    days = [line for line in by_day.text.splitlines() if re.match(r"\d+\. \d{4}-", line)]
    assert 1 <= len(days) <= 7
    assert "Sort:" not in " ".join(by_day.buttons)  # days read in time order
    await anna.click("Period")
    await anna.click("Dates")
    assert await anna.state() == "StatsDialog:dates"
    wrong = await anna.send("last week")
    assert "Could not read" in wrong.text
    too_long = await anna.send("2024-01-01 2026-01-01")
    assert "at most 366 days" in too_long.text
    back = await anna.click("« Report")
    assert "by Day" in back.text and await anna.state() is None
    await anna.click("Period")
    await anna.click("Dates")
    today = stats_handlers.now().date()
    first = today.replace(day=1) if today.day > 3 else today
    custom = await anna.send(f"{first.isoformat()} {today.isoformat()}")
    assert "Dates" in custom.text and "by Day" in custom.text
    assert await anna.state() is None
    assert parse_dates("2026-11-07 2026-11-01") == parse_dates("2026-11-01..2026-11-07")
    assert parse_dates("2026-02-30") is None


async def test_drill_down_into_a_campaign_by_day(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    built = await anna.click("Build report")
    first_line = next(line for line in built.text.splitlines() if line.startswith("1."))
    opened = await anna.press(1)  # the "1" button: the first campaign
    assert "Open it" in opened.text and "By offer" in opened.buttons[1]
    drilled = await anna.click("By day")
    assert "by Day" in drilled.text
    name = first_line.removeprefix("1. ").split(" — ")[0]
    assert name.rstrip("…") in drilled.text
    expected = await report(client, "30d", ["campaign_id", "campaign"],
                            sort=[{"name": "profit", "order": "DESC"}])  # fmt: skip
    campaign = expected["rows"][0]
    by_day = await report(
        client,
        "30d",
        ["day"],
        filters=[
            {"name": "campaign_id", "operator": "EQUALS", "expression": campaign["campaign_id"]}
        ],
    )
    data = await anna.data()
    assert data == {} or "report" not in data  # the spec lives beside the dialogs
    export = await anna.click("CSV")
    document = next(message for message in export.messages if message.get("document"))
    content = world.telegram.file(document["document"]["file_id"]).content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["day"] and rows[-1]["day"] == "TOTAL"
    assert int(float(rows[-1]["clicks"])) == by_day["summary"]["clicks"]
    assert len(rows) - 1 == len(by_day["rows"])
    # a forged drill into a campaign not in the report changes nothing
    message_id = drilled.messages[-1]["message_id"]
    await anna.click_data(ReportCb(op="d", n=987654).pack(), message_id)
    assert "by Day" in world.telegram.message(anna.chat_id, message_id)["text"]
    assert anna.unanswered == []


async def test_saved_preset_is_one_tap_on_stats(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/stats yesterday")
    await anna.click("Build report")
    await anna.click("Group by")
    await anna.click("Country")
    await anna.click("Metrics")
    money = await anna.click("Money")
    assert "Money" in money.text and "cost" in money.text
    saved = await anna.click("Save")
    assert any("Saved" in alert for alert in saved.alerts)
    await anna.send("/cancel")
    stats = await anna.send("/stats")
    preset = next(label for label in stats.buttons if label.startswith("⭐"))
    assert preset == "⭐ Country · Yesterday · Money"
    await world.restart()
    opened = await anna.click(preset)
    assert "by Country" in opened.text and "Money" in opened.text


async def test_countries_read_in_the_users_language(world: BotWorld, client: KeitaroClient) -> None:
    """The tracker names countries in English; a Russian buyer reads 🇩🇪 Германия, on the
    rows and on the opened row alike."""
    t = Translator("ru")
    boris = await world.connected_user(2002, language="ru")
    await boris.send("/stats 30d")
    await boris.click(t.plain("stats.b.build"))
    await boris.click(t.plain("rb.b.group"))
    await boris.click(t.plain("rb.gb.country"))
    by_clicks = await boris.click(t.plain("rb.b.sort", by=t.plain("rb.s.clicks")))
    expected = await report(client, "30d", ["country_code", "country"])
    top = max(expected["rows"], key=lambda row: row["clicks"])
    russian = country_name(top["country_code"], "ru")
    assert russian != top["country"]  # the tracker's English name is not what is shown
    first_line = next(line for line in by_clicks.text.splitlines() if line.startswith("1."))
    assert f"{flag(top['country_code'])} {russian}" in first_line
    assert top["country"] not in by_clicks.text
    opened = await boris.click("1")
    assert russian in opened.text and top["country"] not in opened.text
