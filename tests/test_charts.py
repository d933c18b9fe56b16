"""Charts are PNGs a phone can read, rendered off the event loop."""

from __future__ import annotations

import struct

from bot.charts import daily_chart


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
