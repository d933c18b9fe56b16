"""Both report dialects through the bot: a Keitaro 9 tracker (``grouping``/``metrics`` only)
shows the same money as a newer one on every screen, its dialect is found at connect and kept,
and a tracker whose stored dialect is wrong (or unknown) is corrected by its first report."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.handlers import stats as stats_handlers
from bot.stats import period_of
from bot.ui import format as fmt
from bot.ui.callbacks import BrowseCb
from keitaro import KeitaroClient
from tests.bot_world import BotWorld
from tests.conftest import API_KEY

MONEY = ["clicks", "conversions", "revenue", "cost", "profit"]


async def totals(world: BotWorld, key: str, dimensions: list[str] | None = None) -> dict:
    """The tracker's own report, asked in the legacy dialect: every sandbox mode reads it."""
    client = KeitaroClient(world.sandbox.url, API_KEY, report_dialect="legacy")
    period = period_of(key, "UTC", stats_handlers.now())
    params = {"range": period.as_range(), "dimensions": dimensions or [], "measures": MONEY,
              "summary": True, "limit": 10_000}  # fmt: skip
    return (await client.call("reports.build", params)).data


async def stored_dialect(world: BotWorld, user_id: int) -> str | None:
    [tracker] = await world.services.trackers.list(user_id)
    return tracker.report_dialect


def assert_money(text: str, expected: dict) -> None:
    assert expected["cost"] > 0  # a day with traffic: $0.00 would be the bug
    assert f"Revenue {fmt.money(expected['revenue'])} · cost {fmt.money(expected['cost'])}" in text
    assert fmt.money(expected["profit"], signed=True) in text


def report_builds(world: BotWorld) -> int:
    return sum(path.endswith("/report/build") for _method, path in world.sandbox.requests)


@pytest.mark.parametrize("dialect", ["", "legacy"])
async def test_every_screen_shows_the_money_in_both_dialects(world: BotWorld, dialect: str) -> None:
    world.sandbox.faults.report_dialect = dialect
    anna = await world.connected_user()
    assert await stored_dialect(world, anna.user["id"]) == (dialect or "dimensions")
    today = await totals(world, "today", ["campaign_id"])
    # today's stats, from the menu
    await anna.send("/menu")
    assert fmt.money(today["summary"]["profit"], signed=True) in anna.last  # the menu's line
    stats = await anna.click("📊 Stats")
    assert_money(stats.text, today["summary"])
    # a report grouped by campaign
    built = await anna.click("Build report")
    total = next(line for line in built.text.splitlines() if line.startswith("Total"))
    assert f"rev {fmt.money(today['summary']['revenue'])}" in total
    assert f"profit {fmt.money(today['summary']['profit'], signed=True)}" in total
    # a digest (yesterday)
    await anna.send("/digest now")
    assert_money(anna.last, (await totals(world, "yesterday"))["summary"])
    # a campaign card's "Today" line
    best = max(today["rows"], key=lambda row: abs(row["profit"]))
    assert best["profit"] != 0
    await anna.send("/menu")
    await anna.click("Campaigns")
    card = await anna.click_data(
        BrowseCb(op="c", view="cm", id=best["campaign_id"]).pack(),
        anna.messages[-1]["message_id"],
    )
    assert f"profit {fmt.money(best['profit'], 'USD', signed=True)}" in card.text
    # the dialect is known: no report is asked twice
    before = report_builds(world)
    await anna.send("/stats 7d")
    assert report_builds(world) - before == 2  # the week and the week before, once each


async def test_a_stored_dialect_the_tracker_no_longer_speaks_is_corrected(
    world: BotWorld,
) -> None:
    anna = await world.connected_user()
    user_id = anna.user["id"]
    assert await stored_dialect(world, user_id) == "dimensions"
    world.sandbox.faults.report_dialect = "legacy"  # downgraded, or restored from a backup
    week = await anna.send("/stats 7d")
    assert_money(week.text, (await totals(world, "7d"))["summary"])
    assert await stored_dialect(world, user_id) == "legacy"
    await world.restart()  # a new process builds the client from the stored dialect
    before = report_builds(world)
    month = await anna.send("/stats 30d")
    assert report_builds(world) - before == 2  # no report was asked in the wrong dialect
    assert_money(month.text, (await totals(world, "30d"))["summary"])


@pytest.mark.parametrize("dialect", ["", "legacy"])
async def test_a_tracker_stored_before_dialects_were_known_learns_its_own(
    world: BotWorld, dialect: str
) -> None:
    anna = await world.connected_user()
    user_id = anna.user["id"]
    [tracker] = await world.services.trackers.list(user_id)
    await world.services.trackers.set_report_dialect(user_id, tracker.id, None)  # an old row
    world.sandbox.faults.report_dialect = dialect
    await world.restart()
    week = await anna.send("/stats 7d")
    assert_money(week.text, (await totals(world, "7d"))["summary"])
    assert await stored_dialect(world, user_id) == (dialect or "dimensions")


async def test_a_day_without_traffic_decides_nothing(world: BotWorld) -> None:
    """No rows and no totals prove no dialect: the stored one stays."""
    anna = await world.connected_user()
    world.sandbox.faults.report_dialect = "legacy"
    client = await world.services.clients.client(
        (await world.services.trackers.list(anna.user["id"]))[0]
    )
    assert client is not None
    long_ago = stats_handlers.now() - timedelta(days=3650)
    day = long_ago.strftime("%Y-%m-%d")
    result = await client.call(
        "reports.build",
        {"range": {"from": day, "to": day}, "dimensions": [], "measures": ["cost"]},
    )
    assert result.data["rows"] == []
    assert client.report_dialect == "dimensions"
    assert await stored_dialect(world, anna.user["id"]) == "dimensions"
