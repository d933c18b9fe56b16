"""PNG charts a phone can read: big type, few colours, the currency in the labels.

Rendered with matplotlib's Agg backend in a worker thread (``await daily_chart(...)``), so a
chart never stalls the bot's event loop.
"""

from __future__ import annotations

import asyncio
import gc
import io
import math
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
NAMES = {
    "revenue": "revenue", "cost": "cost", "profit": "profit", "roi": "ROI %",
    "partial": "* today so far",
}  # fmt: skip
#: at most this many labels under the x axis, so "11-13" never runs into "11-14"
MAX_TICKS = 7
#: the losing days written on the chart: more would bury the lines on a phone
MAX_LOSS_LABELS = 3
#: room above and below the lines, as a share of what the values span
PAD = 0.1
#: the height an axis spans when all its values are zero: $0 and 0% still sit mid-height
EMPTY_SPAN = {"money": 10.0, "roi": 100.0}
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


def x_labels(rows: Sequence[dict[str, Any]], key: str, partial: bool = False) -> list[str]:
    """The x axis's words; the last one marked ``26.11*`` when it is today (this hour) so far."""
    labels = [_label(key, row.get(key, "")) for row in rows]
    if partial and labels:
        labels[-1] += "*"
    return labels


def tick_positions(count: int, partial: bool = False) -> list[int]:
    """At most MAX_TICKS labelled points; counted back from the last one when that one is
    partial, so its ``*`` is always written."""
    step = max(1, -(-count // MAX_TICKS))
    if partial:
        return list(range(count - 1, -1, -step))[::-1]
    return list(range(0, count, step))


def aligned_limits(
    money_values: Sequence[float], roi_values: Sequence[float], pad: float = PAD
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The money and ROI axes' (bottom, top) with 0 at the same height on both: apart, ROI 0%
    could sit above $0 and a loss would read as a gain.

    Each axis's values (and 0) are scaled to a span of 1; the taller negative and the taller
    positive part of the two set the shared layout, ``pad`` of it above and below. All zero,
    an axis spans EMPTY_SPAN with 0 in the middle (when the other axis has no say either).
    """
    spans: list[float] = []
    shares: list[tuple[float, float]] = []
    for values in (money_values, roi_values):
        finite = [float(value) for value in values if math.isfinite(value)]
        below, above = -min([0.0, *finite]), max([0.0, *finite])
        spans.append(below + above)
        if below + above:
            shares.append((below / (below + above), above / (below + above)))
    below = max((share[0] for share in shares), default=0.5)
    above = max((share[1] for share in shares), default=0.5)
    margin = pad * (below + above)
    limits = [
        (-(below + margin) * (span or empty), (above + margin) * (span or empty))
        for span, empty in zip(spans, EMPTY_SPAN.values(), strict=True)
    ]
    return limits[0], limits[1]


def loss_labels(
    values: Sequence[float], limit: int = MAX_LOSS_LABELS, spacing: int = 1
) -> list[int]:
    """The points whose loss is written on the chart, in order: the most negative first (it
    always is), then the next ones that stand at least ``spacing`` points from a chosen one
    (neighbours' labels would overlap); at most ``limit``."""
    losing = sorted((value, -index) for index, value in enumerate(values) if value < 0)
    chosen: list[int] = []
    for _value, back in losing:
        if len(chosen) == limit:
            break
        if all(abs(-back - other) >= spacing for other in chosen):
            chosen.append(-back)
    return sorted(chosen)


def _values(rows: Sequence[dict[str, Any]], measure: str) -> list[float]:
    return [float(row.get(measure) or 0) for row in rows]


def _line(axis: Any, values: list[float], partial: bool, style: str, **look: Any) -> None:
    """One measure's line; with ``partial`` the way into the last point is fainter and short-
    dashed and that point hollow: today so far is no finished day."""
    done = len(values) - 1 if partial else len(values)
    axis.plot(range(done), values[:done], style, **look)
    if not partial:
        return
    start = max(0, done - 1)
    look.pop("label", None)  # one legend entry a measure
    look.update(alpha=0.45, linestyle=(0, (2, 2)), markerfacecolor="white")
    if "markersize" in look:  # a hollow dot needs some size to read as one
        look["markersize"] = look["markersize"] + 2
    axis.plot(range(start, done + 1), values[start:], markevery=[done - start], **look)


def _render_daily(
    rows: Sequence[dict[str, Any]],
    currency: str,
    title: str,
    key: str,
    names: dict[str, str],
    partial: bool = False,
) -> bytes:
    partial = partial and bool(rows)
    labels = x_labels(rows, key, partial)
    figure, axis = plt.subplots(figsize=SIZE, dpi=DPI)
    try:
        money = _money_axis(currency)
        for measure, style in (("revenue", "-"), ("cost", "-"), ("profit", "--")):
            _line(axis, _values(rows, measure), partial, style, color=COLOURS[measure],
                  linewidth=2.5, marker="o", markersize=4, label=names[measure])  # fmt: skip
        axis.axhline(0, color="#9e9e9e", linewidth=1)
        axis.yaxis.set_major_formatter(money)
        ticks = tick_positions(len(labels), partial)
        axis.set_xticks(ticks, [labels[tick] for tick in ticks])
        axis.grid(alpha=0.25)
        profit = _values(rows, "profit")
        roi_axis = axis.twinx()
        roi = _values(rows, "roi")
        _line(roi_axis, roi, partial, ":", color=COLOURS["roi"], linewidth=2, label=names["roi"])
        roi_axis.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _p: f"{'−' if v < 0 else ''}{abs(v):.0f}%")
        )
        money_limits, roi_limits = aligned_limits(
            [value for measure in ("revenue", "cost") for value in _values(rows, measure)] + profit,
            roi,
        )
        axis.set_ylim(*money_limits)
        roi_axis.set_ylim(*roi_limits)
        spacing = max(1, -(-len(rows) // MAX_TICKS))
        for index in loss_labels(profit, spacing=spacing):
            # under its point, on white, in the axis's own words ("−$84"); drawn on the ROI
            # axis, which lies over the money one, so the ROI line does not cross it out
            roi_axis.annotate(money(profit[index], 0), (index, profit[index]),
                              xycoords=axis.transData, xytext=(0, -6),
                              textcoords="offset points", ha="center", va="top", fontsize=10,
                              fontweight="bold", color=COLOURS["profit"], zorder=5,
                              bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                                    "alpha": 0.85})  # fmt: skip
        lines = axis.get_legend_handles_labels()
        extra = roi_axis.get_legend_handles_labels()
        # under the plot, in one row: a legend inside would hide the lines it explains
        bottom = 0.04 if partial else 0.0
        figure.legend(lines[0] + extra[0], lines[1] + extra[1], loc="lower center", ncol=4,
                      fontsize=11, frameon=False, bbox_to_anchor=(0.5, bottom))  # fmt: skip
        if partial:
            figure.text(0.01, 0.01, names["partial"], fontsize=10, color="#616161")
        axis.set_title(title, fontsize=15, loc="left")
        figure.tight_layout(rect=(0, 0.08 + bottom, 1, 1))
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
    partial: bool = False,
) -> bytes:
    """Revenue, cost and profit per ``key`` (day, hour) with ROI as a line; PNG bytes.

    ``names`` are the legend's words (translated by the caller); with ``slots`` every day
    (hour) of the period gets a point, zero when the report had no row for it. ``partial``:
    the last point is today (this hour) so far, drawn fainter and marked ``*`` with
    ``names["partial"]`` under the chart. Both axes put 0 on one line; the worst losing
    days have their loss written.
    """
    points = complete(rows, key, slots) if slots is not None else list(rows)
    legend = {**NAMES, **(names or {})}
    return await asyncio.to_thread(_render_daily, points, currency, title, key, legend, partial)
