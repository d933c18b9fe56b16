"""Cost uploads through the real Dispatcher and the sandbox: preview, Send, no doubling,
refused files, cancel, and a restart between the preview and Send."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from keitaro import KeitaroClient
from keitaro.sandbox import Sandbox
from tests.bot_world import BotWorld

UPDATE_COSTS = ("POST", "/clicks/update_costs")


def busiest_days(sandbox: Sandbox, count: int = 2) -> list[tuple[int, str, str]]:
    """(campaign id, its name, a UTC day) with the most clicks, one per campaign.

    Archived campaigns keep their old clicks but are not in the campaign list, so a cost
    file naming them is refused: they are never picked."""
    live = {campaign["id"] for campaign in sandbox.state.campaigns.list()}
    clicks: dict[tuple[int, str], int] = {}
    for click in sandbox.state.clicks:
        if click.campaign_id not in live:
            continue
        day = datetime.fromtimestamp(click.ts, UTC).strftime("%Y-%m-%d")
        clicks[(click.campaign_id, day)] = clicks.get((click.campaign_id, day), 0) + 1
    picked: list[tuple[int, str, str]] = []
    for (campaign_id, day), _n in sorted(clicks.items(), key=lambda item: -item[1]):
        if campaign_id not in {p[0] for p in picked}:
            name = sandbox.state.campaigns.get(campaign_id)["name"]
            picked.append((campaign_id, name, day))
        if len(picked) == count:
            break
    return picked


async def report_cost(client: KeitaroClient, campaign_id: int, day: str) -> float:
    result = await client.call(
        "reports.build",
        range={"from": day, "to": day, "timezone": "UTC"},
        dimensions=["campaign_id"],
        measures=["cost"],
        filters=[{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}],
    )
    return sum(row["cost"] for row in result.data["rows"])


async def test_upload_preview_send_and_again_never_doubles(
    world: BotWorld, client: KeitaroClient
) -> None:
    (first, first_name, day1), (second, _name, day2) = busiest_days(world.sandbox)
    anna = await world.connected_user()
    await anna.send("/costs")
    assert await anna.state() == "CostsDialog:waiting"
    content = (
        "date,campaign,cost,currency\n"
        f"{day1},{first_name},100.25,USD\n"
        f"{day1},{first},20,USD\n"  # the same campaign by id: added to the row above
        f'{day2},{second},"1,234.50",USD\n'
        f"{day2},No such campaign,5,USD\n"
    ).encode()
    preview = await anna.send_document("spend.csv", content)
    assert "3 rows" in preview.text
    assert "date → date / period" in preview.text and "cost → cost" in preview.text
    assert "120.25 USD" in preview.text and "1 234.50 USD" in preview.text
    assert "Total: 1 354.75 USD" in preview.text
    assert "line 5: unknown campaign “No such campaign”" in preview.text
    assert world.sandbox.count(*UPDATE_COSTS) == 0

    sent = await anna.click("Send")
    assert "Sending costs: 0/2" in sent.text
    assert "Costs updated: 2 campaigns, 1 354.75 USD" in anna.last
    assert "typing" in sent.actions
    assert world.sandbox.count(*UPDATE_COSTS) == 2
    assert await report_cost(client, first, day1) == pytest.approx(120.25, abs=0.01)
    assert await report_cost(client, second, day2) == pytest.approx(1234.50, abs=0.01)
    assert await anna.state() is None

    await anna.send_document("spend.csv", content, caption="/costs")
    await anna.click("Send")
    assert world.sandbox.count(*UPDATE_COSTS) == 4
    assert await report_cost(client, first, day1) == pytest.approx(120.25, abs=0.01)
    assert await report_cost(client, second, day2) == pytest.approx(1234.50, abs=0.01)


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("table.xlsx", b"PK\x03\x04\x14\x00\x06\x00binary", "not a CSV file"),
        ("empty.csv", b"\n\n", "The file is empty"),
        ("no_cost.csv", b"date,campaign,clicks\n2026-11-01,1,5\n", "no cost column"),
        ("no_campaign.csv", b"date,cost\n2026-11-01,5\n", "no campaign column"),
        (
            "bad.csv",
            b"date,campaign,cost\nyesterday,1,5\n2026-11-01,1,abc\n",
            "line 3: the cost “abc” is not an amount",
        ),
    ],
)
async def test_a_malformed_file_is_refused_and_nothing_is_sent(
    world: BotWorld, name: str, content: bytes, error: str
) -> None:
    anna = await world.connected_user()
    await anna.send("/costs")
    screen = await anna.send_document(name, content)
    assert error in screen.text
    assert "Nothing was sent" in screen.text
    assert await anna.state() == "CostsDialog:waiting"
    assert world.sandbox.count(*UPDATE_COSTS) == 0


async def test_cancel_at_the_preview_sends_nothing(world: BotWorld) -> None:
    [(campaign_id, _name, day)] = busiest_days(world.sandbox, 1)
    anna = await world.connected_user()
    await anna.send_document("c.csv", f"date,campaign,cost\n{day},{campaign_id},9\n".encode())
    assert "Send" in anna.keyboard()[-1][0]
    await anna.click("Cancel")
    assert await anna.state() is None
    assert world.sandbox.count(*UPDATE_COSTS) == 0


async def test_a_restart_between_preview_and_send_still_sends(
    world: BotWorld, client: KeitaroClient
) -> None:
    """A Russian file without a currency column; the currency is asked, then the bot restarts."""
    [(campaign_id, _name, day)] = busiest_days(world.sandbox, 1)
    anna = await world.connected_user(language="ru")
    await anna.send("/lang")
    await anna.click("Русский")
    d, m, y = day[8:], day[5:7], day[:4]
    content = f"Дата;Кампания;Расход\n{d}.{m}.{y};{campaign_id};12,50\n".encode("cp1251")
    preview = await anna.send_document("расходы.csv", content)
    assert "Дата → дата / период" in preview.text and "Итого: 12.50 USD" in preview.text
    assert "нет колонки валюты" in preview.text
    changed = await anna.click("EUR")
    assert "Итого: 12.50 EUR" in changed.text

    await world.restart()
    await anna.click("Отправить")
    assert "Расходы обновлены" in anna.last
    assert world.sandbox.count(*UPDATE_COSTS) == 1
    assert await report_cost(client, campaign_id, day) == pytest.approx(12.5, abs=0.01)
    assert world.sandbox.state.clicks  # the sandbox's clicks are still there


async def test_no_campaign_column_with_a_campaign_in_the_caption(
    world: BotWorld, client: KeitaroClient
) -> None:
    [(campaign_id, _name, day)] = busiest_days(world.sandbox, 1)
    anna = await world.connected_user()
    screen = await anna.send_document(
        "c.csv",
        f"day\tspend\tsub_id\n{day}\t7\t\n".encode("utf-16"),
        caption=f"/costs {campaign_id}",
    )
    assert "Rows without a campaign go to" in screen.text
    assert "spend → cost" in screen.text
    await anna.click("Send")
    assert await report_cost(client, campaign_id, day) == pytest.approx(7, abs=0.01)


async def test_a_refused_send_keeps_the_preview_to_send_again(
    world: BotWorld, client: KeitaroClient
) -> None:
    [(campaign_id, _name, day)] = busiest_days(world.sandbox, 1)
    anna = await world.connected_user()
    await anna.send_document("c.csv", f"date,campaign,cost\n{day},{campaign_id},4\n".encode())
    world.sandbox.faults.fail_5xx = 10
    failed = await anna.click("Send")
    assert "were not accepted" in failed.text and "Send" in failed
    assert await anna.state() == "CostsDialog:preview"
    world.sandbox.faults.reset()
    await anna.click("Send")
    assert "Costs updated: 1 campaign," in anna.last
    assert await report_cost(client, campaign_id, day) == pytest.approx(4, abs=0.01)
