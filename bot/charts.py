"""PNG charts a phone can read: big type, few colours, the currency in the labels.

Rendered with matplotlib's Agg backend in a worker thread (``await daily_chart(...)``), so a
chart never stalls the bot's event loop.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from bot.ui.format import CURRENCY_SIGNS

plt.rcParams.update({"font.size": 13})

SIZE = (8, 4.5)  # inches: 1200×675 px at 150 dpi, sharp in a Telegram preview
DPI = 150
COLOURS = {"revenue": "#2e7d32", "cost": "#c62828", "profit": "#1565c0", "roi": "#6a1b9a"}


def _money_axis(currency: str) -> FuncFormatter:
    sign = CURRENCY_SIGNS.get(currency.upper(), "")
    suffix = "" if sign else f" {currency.upper()}"
    return FuncFormatter(lambda value, _pos: f"{sign}{value:,.0f}{suffix}".replace(",", " "))


def _render_daily(rows: Sequence[dict[str, Any]], currency: str, title: str, key: str) -> bytes:
    labels = [str(row.get(key, ""))[-5:] for row in rows]  # "11-26" or "14" for hours
    figure, axis = plt.subplots(figsize=SIZE, dpi=DPI)
    try:
        positions = range(len(rows))
        for measure, style in (("revenue", "-"), ("cost", "-"), ("profit", "--")):
            values = [float(row.get(measure) or 0) for row in rows]
            axis.plot(positions, values, style, color=COLOURS[measure], linewidth=2.5,
                      marker="o", markersize=4, label=measure)  # fmt: skip
        axis.axhline(0, color="#9e9e9e", linewidth=1)
        axis.yaxis.set_major_formatter(_money_axis(currency))
        step = max(1, len(labels) // 8)
        axis.set_xticks(list(positions)[::step], labels[::step])
        axis.grid(alpha=0.25)
        roi_axis = axis.twinx()
        roi_axis.plot(positions, [float(row.get("roi") or 0) for row in rows], ":",
                      color=COLOURS["roi"], linewidth=2, label="ROI %")  # fmt: skip
        roi_axis.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
        lines = axis.get_legend_handles_labels()
        extra = roi_axis.get_legend_handles_labels()
        axis.legend(lines[0] + extra[0], lines[1] + extra[1], loc="upper left", fontsize=11)
        axis.set_title(title, fontsize=15, loc="left")
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


async def daily_chart(
    rows: Sequence[dict[str, Any]], *, currency: str = "USD", title: str = "", key: str = "day"
) -> bytes:
    """Revenue, cost and profit per ``key`` (day, hour) with ROI as a line; PNG bytes."""
    return await asyncio.to_thread(_render_daily, list(rows), currency, title, key)
