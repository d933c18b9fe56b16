"""Charts are PNGs a phone can read, rendered off the event loop."""

from __future__ import annotations

import struct
from datetime import date

from bot.charts import _money_axis, complete, daily_chart, day_slots, hour_slots


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


async def test_daily_chart_is_a_large_png() -> None:
    rows = [
        {"day": f"2026-11-{day:02d}", "revenue": 100 + day, "cost": 80, "profit": 20 + day,
         "roi": 25.0 + day}
        for day in range(1, 15)
    ]  # fmt: skip
    width, height = png_size(await daily_chart(rows, currency="EUR", title="14 days"))
    assert width >= 800 and height >= 400


async def test_hourly_chart_with_losses_and_one_row() -> None:
    rows = [{"hour": 14, "revenue": 0, "cost": 12.5, "profit": -12.5, "roi": -100}]
    width, height = png_size(await daily_chart(rows, key="hour", currency="XYZ"))
    assert width >= 800 and height >= 400


def test_a_day_without_traffic_is_a_zero_not_a_missing_point() -> None:
    rows = [{"day": "2026-11-20", "profit": 5}, {"day": "2026-11-23", "profit": -2}]
    points = complete(rows, "day", day_slots(date(2026, 11, 20), date(2026, 11, 23)))
    assert [point["day"] for point in points] == [
        "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23",
    ]  # fmt: skip
    assert [point.get("profit", 0) for point in points] == [5, 0, 0, -2]
    hours = complete([{"hour": "07", "profit": 1}, {"hour": 9, "profit": 2}], "hour", hour_slots(9))
    assert len(hours) == 10 and hours[7]["profit"] == 1 and hours[9]["profit"] == 2


def test_money_axis_writes_losses_with_a_true_minus() -> None:
    assert _money_axis("USD")(-50, 0) == "−$50"
    assert _money_axis("USD")(1200, 0) == "$1 200"
    assert _money_axis("XYZ")(-1200, 0) == "−1 200 XYZ"
