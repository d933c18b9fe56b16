"""/stats through the bot: numbers equal to the tracker's own report, chart, CSV, time zone."""

from __future__ import annotations

import csv
import io
import struct

from bot.handlers import stats as stats_handlers
from bot.stats import period_of, previous_of
from bot.ui import format as fmt
from bot.ui.callbacks import BrowseCb, StatsCb
from keitaro import KeitaroClient
from tests.bot_world import BotWorld

PNG = b"\x89PNG\r\n\x1a\n"


async def sandbox_totals(client: KeitaroClient, key: str, timezone: str) -> dict:
    """The tracker's own report for the same range and time zone as the bot's screen."""
    period = period_of(key, timezone, stats_handlers.now())
    params = {
        "range": period.as_range(),
        "dimensions": [],
        "measures": ["clicks", "campaign_unique_clicks", "conversions", "revenue", "cost",
                     "profit"],
        "summary": True,
        "limit": 1,
    }  # fmt: skip
    result = await client.call("reports.build", params)
    return result.data.get("summary") or result.data["rows"][0]


def assert_totals_shown(text: str, totals: dict) -> None:
    assert f"Clicks {fmt.number(totals['clicks'])}" in text
    assert f"unique {fmt.number(totals['campaign_unique_clicks'])}" in text
    assert f"Conversions {fmt.number(totals['conversions'])}" in text
    assert f"Revenue {fmt.money(totals['revenue'])}" in text
    assert f"cost {fmt.money(totals['cost'])}" in text
    assert fmt.money(totals["profit"], signed=True) in text


async def test_stats_numbers_equal_the_trackers_report(
    world: BotWorld, client: KeitaroClient
) -> None:
    anna = await world.connected_user()
    screen = await anna.send("/stats 7d")
    assert "📊 7 days" in screen.text
    assert "• 7 days" in screen.buttons
    assert_totals_shown(screen.text, await sandbox_totals(client, "7d", "UTC"))
    for label in ("📈 Chart", "🧮 Build report", "⬇️ CSV", "« Menu", "Today", "30 days"):
        assert label in screen.buttons
    assert "Earning most" in screen.text
    # profit changes by an amount: this week's against the week before
    now = stats_handlers.now()
    week = period_of("7d", "UTC", now)
    before = previous_of(week, now)
    shown = await sandbox_totals(client, "7d", "UTC")
    earlier = (await client.call("reports.build", {
        "range": before.as_range(), "dimensions": [], "measures": ["profit"], "summary": True,
        "limit": 1,
    })).data["summary"]  # fmt: skip
    delta = shown["profit"] - earlier["profit"]
    arrow = "▲" if delta >= 0 else "▼"
    assert f"({arrow}{fmt.NBSP}{fmt.money(abs(delta))})" in screen.text
    month = await anna.click("This month")
    assert "• This month" in month.buttons
    assert_totals_shown(month.text, await sandbox_totals(client, "month", "UTC"))
    assert anna.unanswered == []


async def test_stats_in_the_users_time_zone(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    await anna.send("/settings")
    ask = await anna.click("Time zone")
    assert "UTC" in ask.text
    bad = await anna.send("Mars/Olympus")
    assert "Unknown time zone" in bad.text
    saved = await anna.send("asia/tokyo")
    assert "Asia/Tokyo" in saved.text
    assert await anna.state() is None
    screen = await anna.send("/stats вчера")
    assert "📊 Yesterday" in screen.text and "Asia/Tokyo" in screen.text
    assert_totals_shown(screen.text, await sandbox_totals(client, "yesterday", "Asia/Tokyo"))
    await anna.send("/settings")
    await anna.click("Time zone")
    picked = await anna.click("Europe/Moscow")
    assert "Europe/Moscow" in picked.text
    user = await world.services.users.get(anna.user["id"])
    assert user is not None and user.timezone == "Europe/Moscow"


async def test_menu_stats_button_opens_the_stats_screen(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/menu")
    screen = await anna.click("📊 Stats")
    assert "📊 Today" in screen.text
    assert "• Today" in screen.buttons
    # the raw report table is still reachable by its old buttons
    old = await anna.click_data(BrowseCb(op="t", view="rp").pack(), anna.messages[-1]["message_id"])
    assert old.text


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == PNG
    assert content[12:16] == b"IHDR"
    width, height = struct.unpack(">II", content[16:24])
    return width, height


async def test_chart_is_a_png_photo_with_a_caption(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    screen = await anna.click("Chart")
    assert "upload_photo" in screen.actions
    photos = [message for message in screen.messages if message.get("photo")]
    assert len(photos) == 1
    assert "Profit" in photos[0]["caption"] and "ROI" in photos[0]["caption"]
    content = world.telegram.file(photos[0]["photo"][-1]["file_id"]).content
    width, height = png_size(content)
    assert width >= 800 and height >= 400
    today = await anna.click_data(StatsCb(op="c", p="today").pack(), anna.messages[0]["message_id"])
    assert any(message.get("photo") for message in today.messages)


async def test_csv_by_campaign_adds_up(world: BotWorld, client: KeitaroClient) -> None:
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    screen = await anna.click("CSV")
    documents = [message for message in screen.messages if message.get("document")]
    assert len(documents) == 1
    content = world.telegram.file(documents[0]["document"]["file_id"]).content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    *campaigns, total = rows
    assert total["campaign_id"] == "TOTAL"
    assert campaigns and all(row["campaign"] for row in campaigns)
    expected = await sandbox_totals(client, "30d", "UTC")
    assert int(float(total["clicks"])) == expected["clicks"]
    assert sum(int(float(row["clicks"])) for row in campaigns) == expected["clicks"]
    assert abs(sum(float(row["revenue"]) for row in campaigns) - expected["revenue"]) < 0.05
    assert abs(float(total["profit"]) - expected["profit"]) < 0.01
