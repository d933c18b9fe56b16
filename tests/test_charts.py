"""Charts are PNGs a phone can read, rendered off the event loop."""

from __future__ import annotations

import math
import struct
from datetime import date

import pytest

from bot.charts import (
    _money_axis,
    aligned_limits,
    complete,
    daily_chart,
    day_slots,
    hour_slots,
    loss_labels,
    tick_positions,
    x_labels,
)
from bot.i18n import Translator
from bot.stats.render import chart_names


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


def zero_height(limits: tuple[float, float]) -> float:
    """Where 0 sits on an axis, as a share of its height from the bottom."""
    low, high = limits
    return -low / (high - low)


@pytest.mark.parametrize(
    ("money", "roi"),
    [
        ([120, 80, 40, -84], [50, -30]),  # losses on both
        ([120, 80, 40], [10, 50]),  # all positive
        ([-5, -12], [-100, -40]),  # all negative
        ([0, 0], [0, 0]),  # no traffic
        ([300, -10], [-90, 5]),  # the money mostly up, ROI mostly down
        ([0, 0], [25, -75]),  # money all zero, ROI not
        ([-20, 40], [0]),  # ROI all zero
        ([-20, math.nan, 40], [math.inf, 10]),  # broken numbers are ignored
    ],
)
def test_both_axes_put_zero_at_one_height(money: list[float], roi: list[float]) -> None:
    money_limits, roi_limits = aligned_limits(money, roi)
    assert zero_height(money_limits) == pytest.approx(zero_height(roi_limits))
    for limits, values in ((money_limits, money), (roi_limits, roi)):
        low, high = limits
        assert low < 0 < high  # 0 is always on the chart, never on its edge
        finite = [value for value in values if math.isfinite(value)]
        # every point inside, with room to spare: nothing drawn on the frame
        assert low < min(finite) and max(finite) < high


def test_zero_sits_low_for_gains_high_for_losses_mid_for_nothing() -> None:
    assert zero_height(aligned_limits([120, 80], [10, 50])[0]) < 0.15
    assert zero_height(aligned_limits([-5, -12], [-100])[1]) > 0.85
    money_limits, roi_limits = aligned_limits([0, 0, 0], [0])
    assert zero_height(money_limits) == pytest.approx(0.5)
    assert money_limits[1] >= 1 and roi_limits[1] >= 1  # a usable scale, not 0..0


def test_a_loss_on_one_axis_makes_room_below_zero_on_the_other() -> None:
    # all money up but ROI down: without alignment ROI 0% would sit at the top, $0 at the
    # bottom, and the falling ROI line would look like it runs above the money line
    money_limits, roi_limits = aligned_limits([100, 200], [-50, -10])
    assert money_limits[0] < -100 and roi_limits[1] > 0


def test_the_worst_losing_days_get_their_loss_written() -> None:
    profit = [10, -84, -3, 25, -120, -40, -7, 0]
    assert loss_labels(profit) == [1, 4, 5]  # the three worst, in day order
    assert loss_labels(profit, limit=1) == [4]
    assert loss_labels([5, -1, 0]) == [1]
    assert loss_labels([5, 0, 12]) == []  # zero is no loss
    assert loss_labels([]) == []


def test_a_losing_neighbour_of_a_labelled_day_stays_unlabelled() -> None:
    profit = [-100, -99, -98, 0, 0, -10]
    # the worst is always labelled; days too close to it would print over its label
    assert loss_labels(profit, spacing=3) == [0, 5]
    assert loss_labels(profit, spacing=1) == [0, 1, 2]
    # equal losses: the later day wins
    assert loss_labels([-5, -5], limit=1) == [1]


def test_a_partial_last_point_is_marked_and_always_labelled() -> None:
    rows = [{"day": f"2026-11-{day:02d}"} for day in range(1, 27)]
    labels = x_labels(rows, "day", partial=True)
    assert labels[-1] == "26.11*" and labels[-2] == "25.11"
    assert x_labels(rows, "day")[-1] == "26.11"
    assert x_labels([{"hour": "14:00"}], "hour", partial=True) == ["14*"]
    assert x_labels([], "day", partial=True) == []
    for count in (1, 7, 14, 24, 26, 30):
        ticks = tick_positions(count, partial=True)
        assert ticks[-1] == count - 1 and len(ticks) <= 7
        assert ticks == sorted(set(ticks)) and ticks[0] >= 0
    assert tick_positions(14) == [0, 2, 4, 6, 8, 10, 12]  # a finished period: as before


async def test_a_chart_ending_today_so_far_is_a_png() -> None:
    rows = [
        {"day": f"2026-11-{day:02d}", "revenue": 90 + day, "cost": 100, "profit": day - 10,
         "roi": float(day - 10)}
        for day in range(13, 27)
    ]  # fmt: skip
    names = {"partial": "* сегодня на текущий момент"}
    width, height = png_size(await daily_chart(rows, partial=True, names=names))
    assert width >= 800 and height >= 400
    hours = [{"hour": 9, "revenue": 0, "cost": 4, "profit": -4, "roi": -100}]
    width, height = png_size(await daily_chart(hours, key="hour", partial=True))
    assert width >= 800 and height >= 400
    assert png_size(await daily_chart([], partial=True))[0] >= 800


@pytest.mark.parametrize("language", ["en", "ru", "uk"])
def test_the_partial_note_is_translated(language: str) -> None:
    note = chart_names(Translator(language))["partial"]
    assert note.startswith("* ") and note != "chart.partial"
