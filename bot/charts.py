"""PNG charts a phone can read: big type, few colours, the currency in the labels.

Rendered with matplotlib's Agg backend in a worker thread (``await daily_chart(...)``), so a
chart never stalls the bot's event loop.
"""

from __future__ import annotations

import asyncio
import gc
import io
import re
from collections.abc import Sequence
from datetime import date, timedelta
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


#: legend names when the caller gives none (Keitaro's own, like the report's columns)
NAMES = {"revenue": "revenue", "cost": "cost", "profit": "profit", "roi": "ROI %"}
#: at most this many labels under the x axis, so "11-13" never runs into "11-14"
MAX_TICKS = 7
_HOUR = re.compile(r"(\d{1,2})(?::\d\d)?\s*$")


def _money_axis(currency: str) -> FuncFormatter:
    """``$1 200``, ``−$50`` (a true minus before the sign), ``1 200 XYZ``."""
    sign = CURRENCY_SIGNS.get(currency.upper(), "")
    suffix = "" if sign else f" {currency.upper()}"

    def money(value: float, _position: int) -> str:
        minus = "−" if value < 0 else ""
        return f"{minus}{sign}{abs(value):,.0f}{suffix}".replace(",", " ")

    return FuncFormatter(money)


def day_slots(first: date, last: date) -> list[str]:
    """Every day of a period, so a day without traffic is a zero, not a missing point."""
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def hour_slots(until: int = 23) -> list[str]:
    return [str(hour) for hour in range(until + 1)]


def _slot(key: str, value: Any) -> str:
    if key == "hour":
        match = _HOUR.search(str(value))
        return str(int(match.group(1))) if match else str(value)
    return str(value)[:10]


def complete(
    rows: Sequence[dict[str, Any]], key: str, slots: Sequence[str]
) -> list[dict[str, Any]]:
    """The rows in slot order, with an empty row for each slot the report had no row for."""
    found = {_slot(key, row.get(key)): row for row in rows}
    return [found.get(slot) or {key: slot} for slot in slots]


def _label(key: str, value: Any) -> str:
    text = _slot(key, value)
    if key == "day" and len(text) == 10:  # 2026-11-26 → 26.11, as the stats headers write it
        return f"{text[8:10]}.{text[5:7]}"
    return text


def _render_daily(
    rows: Sequence[dict[str, Any]], currency: str, title: str, key: str, names: dict[str, str]
) -> bytes:
    labels = [_label(key, row.get(key, "")) for row in rows]
    figure, axis = plt.subplots(figsize=SIZE, dpi=DPI)
    try:
        positions = range(len(rows))
        for measure, style in (("revenue", "-"), ("cost", "-"), ("profit", "--")):
            values = [float(row.get(measure) or 0) for row in rows]
            axis.plot(positions, values, style, color=COLOURS[measure], linewidth=2.5,
                      marker="o", markersize=4, label=names[measure])  # fmt: skip
        axis.axhline(0, color="#9e9e9e", linewidth=1)
        axis.yaxis.set_major_formatter(_money_axis(currency))
        step = max(1, -(-len(labels) // MAX_TICKS))
        axis.set_xticks(list(positions)[::step], labels[::step])
        axis.grid(alpha=0.25)
        roi_axis = axis.twinx()
        roi_axis.plot(positions, [float(row.get("roi") or 0) for row in rows], ":",
                      color=COLOURS["roi"], linewidth=2, label=names["roi"])  # fmt: skip
        roi_axis.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _p: f"{'−' if v < 0 else ''}{abs(v):.0f}%")
        )
        lines = axis.get_legend_handles_labels()
        extra = roi_axis.get_legend_handles_labels()
        # under the plot, in one row: a legend inside would hide the lines it explains
        figure.legend(lines[0] + extra[0], lines[1] + extra[1], loc="lower center", ncol=4,
                      fontsize=11, frameon=False)  # fmt: skip
        axis.set_title(title, fontsize=15, loc="left")
        figure.tight_layout(rect=(0, 0.08, 1, 1))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
        # a closed figure keeps its ~3 MB renderer alive in reference cycles until a rare
        # full collection: 10,000 digests grew by ~55 MB of dead figures without this
        gc.collect()


async def daily_chart(
    rows: Sequence[dict[str, Any]],
    *,
    currency: str = "USD",
    title: str = "",
    key: str = "day",
    names: dict[str, str] | None = None,
    slots: Sequence[str] | None = None,
) -> bytes:
    """Revenue, cost and profit per ``key`` (day, hour) with ROI as a line; PNG bytes.

    ``names`` are the legend's words (translated by the caller); with ``slots`` every day
    (hour) of the period gets a point, zero when the report had no row for it.
    """
    points = complete(rows, key, slots) if slots is not None else list(rows)
    legend = {**NAMES, **(names or {})}
    return await asyncio.to_thread(_render_daily, points, currency, title, key, legend)
